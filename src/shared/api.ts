/**
 * The one typed contract between the UI and the privileged side.
 *
 * Every method takes one JSON object and resolves to one JSON value. Three transports carry it
 * and nothing else: Electron IPC (preload + ipcMain.handle), the loopback HTTP host
 * (`POST /api/<method>`), and direct calls in tests and the CLI. Inputs are validated with the
 * zod schemas below on the privileged side of every transport; outputs are typed here.
 * Failures arrive as `{ code, message }` (see errors.ts).
 */
import { decisionSchema, noteSchema, type ParagraphNote } from './negotiation/notes.js';
import { PROPOSAL_VIEWS } from './negotiation/views.js';
import type { MergeSummary } from './negotiation/merge.js';
import { z } from 'zod';
import type { MessageRef } from './errors.js';
import { documentSchema, type PlenaryFile } from './resolution/file.js';
import type { ResolutionDocument } from './resolution/model.js';

/** How the app is running. */
export type AppMode = 'electron' | 'browser' | 'test';

/** Facts about the running app, for About and the status bar. */
export interface AppInfo {
  name: string;
  version: string;
  mode: AppMode;
  dataDir: string;
  platform: string;
  /** Whether native dialogs (open/save with a path) are available. */
  nativeDialogs: boolean;
  /**
   * Interface-language hints: `forced` is `--ui-lang xx` of this run (wins over the user's
   * choice for the session); `system` is the OS locale where the host knows it (Electron's
   * app.getLocale); the browser's own languages are read by the page. Either may be absent.
   */
  uiLang?: { forced?: string; system?: string };
}

/** A draft known to the app: recent files and drafts in the data folder. */
export interface DraftSummary {
  path: string;
  name: string;
  title: string;
  symbol: string;
  modified: string;
}

/** Who holds a draft open: the process and the window (session) that locked it. */
export interface DraftLockOwner {
  pid: number;
  hostname: string;
  /** The window's session id (one per browser tab or Electron window). */
  session: string;
  /** The draft's path in that window, or "" when it was never saved. */
  path: string;
  /** When that window took the lock (ISO time). */
  since: string;
}

/** A draft read from disk. */
export interface OpenedDraft {
  path: string;
  file: PlenaryFile;
  /**
   * The draft's stable id (kept in the file as `draftId`; derived from the path for files that
   * have none): its recovery journal and lock are named after it.
   */
  draftId: string;
  /** Set when another live window has this draft open; the lock was not taken. */
  lockedBy?: DraftLockOwner;
}

/** An autosaved journal entry left by a session that did not close cleanly. */
export interface RecoveryEntry {
  /** The draft id the journal belongs to. */
  key: string;
  /** Path of the draft the journal belongs to, or "" for an unsaved draft. */
  path: string;
  title: string;
  savedAt: string;
  /** The first words of the text, to tell drafts apart. */
  firstWords: string;
  /** Where the journal is on disk. */
  journal: string;
  /** Set when the draft is open in another live window right now (not to be offered). */
  openElsewhere?: DraftLockOwner;
  file: PlenaryFile;
}

/** What autosave did: wrote the journal, or found the draft locked by another live window. */
export type AutosaveResult = { ok: true; journal: string } | { ok: false; lockedBy: DraftLockOwner };

const negotiation = z.unknown().optional();
/** Paragraph notes and the record of decided proposals, stored beside the document (format 2). */
const notes = z.array(noteSchema).max(100_000).optional();
const decisions = z.array(decisionSchema).max(1_000_000).optional();
/** Which text of a draft with open proposals an export shows (negotiation/views.ts). */
const proposalView = z.enum(PROPOSAL_VIEWS as unknown as ['base', 'accepted', 'compilation', 'tracked']).optional();
/** A draft id or window session id: used as a file name, so only safe characters. */
const draftKey = z.string().min(1).max(64).regex(/^[\w-]+$/);

/** Filters of a library search. */
export const searchFiltersSchema = z.object({
  kind: z.enum(['pp', 'op']).optional(),
  organ: z.string().max(20).optional(),
  sessionFrom: z.number().int().min(1).max(300).optional(),
  sessionTo: z.number().int().min(1).max(300).optional(),
  yearFrom: z.number().int().min(1945).max(2200).optional(),
  yearTo: z.number().int().min(1945).max(2200).optional(),
  language: z.enum(['en', 'fr', 'es', 'ru', 'ar', 'zh']).optional(),
  openingPhrase: z.string().max(80).optional(),
  tag: z.string().max(80).optional(),
});

/** A library search hit. `snippet` is HTML-escaped text with the matches in <b>…</b>. */
export interface SearchHit {
  paragraphId: number;
  documentId: number;
  symbol: string;
  kind: 'pp' | 'op' | 'sub' | 'annex';
  designation: string;
  number: number | null;
  text: string;
  snippet: string;
  score: number;
  adoptionDate: string;
  title: string;
  openingPhrase: string;
  /** True for a draft (an L-document or a document of kind 'draft'): never to be shown as adopted. */
  draft?: boolean;
}

/** Where a wording was adopted: every library paragraph with the same normalised words. */
export interface AdoptionRecord {
  /** Paragraphs of adopted documents with this wording (drafts not counted). */
  count: number;
  /** First and last adoption year, when known. */
  years: [number, number] | null;
  /** Where, newest first: "A/RES/79/200 OP3" and the paragraph's id. */
  places: { paragraphId: number; symbol: string; designation: string; year: number | null; draft: boolean }[];
}

/** A suggestion for a paragraph being typed: an adopted paragraph that begins (or contains) like it. */
export interface LibrarySuggestion extends AgreedMatch {
  /** The rest of the adopted paragraph after the part the typed words correspond to (ghost text). */
  continuation: string;
}

/** One version of a paragraph in its resolution family (lineage view), oldest first. */
export interface LineageVersion {
  documentId: number;
  symbol: string;
  session: number | null;
  year: number | null;
  draft: boolean;
  /** The closest paragraph of this document, or null when none is close enough (dropped that year). */
  paragraph: { id: number; designation: string; text: string; score: number } | null;
  /** Word diff from the previous version that had the paragraph ('del' = only before, 'ins' = only now). */
  diff: { op: 'eq' | 'ins' | 'del'; text: string }[];
}

/** An adopted paragraph close to the text being written, with the word-level difference. */
export interface AgreedMatch {
  paragraphId: number;
  documentId: number;
  symbol: string;
  designation: string;
  kind: string;
  text: string;
  /** Similarity in [0, 1]; 1 = identical after normalisation. */
  score: number;
  adoptionDate: string;
  /** From the adopted text to the current text: 'del' = only in the adopted text, 'ins' = only in yours. */
  diff: { op: 'eq' | 'ins' | 'del'; text: string }[];
  /** True when the source is a draft (L-document), not an adopted text. */
  draft?: boolean;
  /** Every place this same wording occurs (identical paragraphs grouped under one match). */
  adopted?: AdoptionRecord;
}

/** The outcome of importing files into the library. */
export interface ImportSummary {
  imported: number;
  skipped: number;
  failed: number;
  items: { file: string; status: 'imported' | 'skipped' | 'failed'; symbol?: string; paragraphs?: number; reason?: string }[];
}

/**
 * A folder import running in the background (desktop app): walk, then import, with progress,
 * cancel, and a question before a very large or sensitive walk.
 */
export interface ImportJobStatus {
  id: string;
  /** 'confirm': waiting for library.importConfirm (see `question`); 'done' and 'cancelled' are final. */
  phase: 'walking' | 'confirm' | 'importing' | 'done' | 'cancelled';
  /** Importable files found so far. */
  found: number;
  /** Files imported (or failed, or skipped as duplicates) so far. */
  done: number;
  /** The file or folder being worked on. */
  current: string;
  /** Entries passed over while walking (unreadable, symbolic-link loops, dangling links), with the reason. */
  passedOver: { path: string; reason: string }[];
  /** Why the import waits in phase 'confirm', in words for the user (English). */
  question?: string;
  /** The same question as a code with values, for the interface to ask in its language. */
  questionMsg?: MessageRef;
  /** The outcome so far; complete once the phase is final. */
  summary?: ImportSummary;
}

/** A stored library document (for the read-only viewer). */
export interface LibraryDocument {
  row: { id: number; symbol: string; organ: string; session: string; adoptionDate: string; language: string; title: string; sourceFile: string; paragraphs: number };
  body: ResolutionDocument;
}

/** Values the library filters can take, with counts. */
export interface LibraryFacets {
  organs: { value: string; count: number }[];
  sessions: { value: number; count: number }[];
  languages: { value: string; count: number }[];
  phrases: { value: string; count: number }[];
  tags: { value: string; count: number }[];
}

/** Input schemas, one per method. The keys are the method names used on every transport. */
export const apiInputs = {
  'app.info': z.object({}),
  'drafts.list': z.object({}),
  /**
   * Opens a draft. With `session`, also locks it for that window; when another live window has
   * it open the result carries `lockedBy` and the lock is not taken.
   */
  'drafts.open': z.object({ path: z.string().min(1), session: draftKey.optional() }),
  /** Reads a draft from content the user picked in the browser (no path on disk). */
  'drafts.openContent': z.object({ name: z.string().min(1), text: z.string() }),
  /**
   * Saves a draft atomically. `path` absent: a new file in the data folder's drafts/ named
   * after `name`. Returns the path written. `draftId` is stored in the file; when the write
   * fails, the document goes to that draft's recovery journal and the error says where.
   */
  'drafts.save': z.object({
    path: z.string().min(1).optional(),
    name: z.string().min(1).optional(),
    document: documentSchema,
    negotiation,
    notes,
    decisions,
    draftId: draftKey.optional(),
    session: draftKey.optional(),
  }),
  /**
   * Writes the recovery journal of draft `key` atomically (within a second or two of every change
   * while it is dirty), taking its lock for `session`. Refuses (ok: false) when another live
   * window holds the draft.
   */
  'drafts.autosave': z.object({
    key: draftKey,
    session: draftKey.optional(),
    path: z.string(),
    document: documentSchema,
    negotiation,
    notes,
    decisions,
  }),
  /** Journals left by earlier sessions (crash recovery); those open in another live window are flagged. */
  'drafts.recoverable': z.object({ session: draftKey.optional() }),
  /** Removes a draft's journal (after a clean save, or when recovery is declined). */
  'drafts.discardRecovery': z.object({ key: draftKey }),
  /** Releases `session`'s lock of a draft (the window moved to another draft or closed); the journal stays. */
  'drafts.release': z.object({ key: draftKey, session: draftKey }),
  /**
   * The window's heartbeat (every second): proves the host is alive and refreshes the locks of
   * the drafts the window holds. `lost` lists keys now held by another live window.
   */
  'drafts.heartbeat': z.object({ session: draftKey, keys: z.array(draftKey).max(50) }),
  /** Full-text search of the library: words, "phrases", -excluded, OR; filters. */
  'library.search': z.object({
    query: z.string().min(1).max(500),
    filters: searchFiltersSchema.optional(),
    limit: z.number().int().min(1).max(200).optional(),
    /** 'newest' (default) or 'relevance'. */
    order: z.enum(['newest', 'relevance']).optional(),
  }),
  /** Adopted paragraphs that begin (or contain) like the opening words being typed, grouped by wording. */
  'library.suggest': z.object({ text: z.string().max(20000), kind: z.enum(['pp', 'op', 'sub']).optional(), limit: z.number().int().min(1).max(20).optional() }),
  /** Where a library paragraph's wording was adopted: "adopted N times, years, symbols". */
  'library.history': z.object({ paragraphId: z.number().int().positive() }),
  /** The versions of a library paragraph across its resolution family, with year-to-year diffs. */
  'library.lineage': z.object({ paragraphId: z.number().int().positive() }),
  /** The closest adopted paragraphs to a text, with scores and differences. */
  'library.match': z.object({ text: z.string().max(20000), kind: z.enum(['pp', 'op', 'sub']).optional(), limit: z.number().int().min(1).max(50).optional() }),
  /** A whole stored document, by id or symbol. */
  'library.document': z.object({ id: z.number().int().positive().optional(), symbol: z.string().max(80).optional(), language: z.string().max(2).optional() }),
  /** Imports files or folders by path (desktop app, CLI); waits for the whole import. */
  'library.import': z.object({ paths: z.array(z.string().min(1)).min(1).max(10000) }),
  /**
   * Starts importing files or folders in the background; poll library.importStatus. A home or
   * root folder, or a walk past a few thousand files, pauses in phase 'confirm' unless `confirmed`.
   */
  'library.importStart': z.object({ paths: z.array(z.string().min(1)).min(1).max(10000), confirmed: z.boolean().optional() }),
  /** The progress of a background import. */
  'library.importStatus': z.object({ id: z.string().min(1).max(64) }),
  /** Goes on with an import waiting in phase 'confirm'. */
  'library.importConfirm': z.object({ id: z.string().min(1).max(64) }),
  /** Stops a background import; files already imported stay in the library. */
  'library.importCancel': z.object({ id: z.string().min(1).max(64) }),
  /** Imports files picked in the browser: content base64-encoded. */
  'library.importContent': z.object({ files: z.array(z.object({ name: z.string().min(1).max(500), dataBase64: z.string() })).min(1).max(500) }),
  /** Library size. */
  'library.stats': z.object({}),
  /** Filter values with counts. */
  'library.facets': z.object({}),
  /** Adds or removes a user tag on a library document. */
  'library.tag': z.object({ documentId: z.number().int().positive(), tag: z.string().min(1).max(80), on: z.boolean() }),
  /** Renders a document in an export format; the file comes back base64-encoded (browser download). */
  'export.render': z.object({
    document: documentSchema,
    format: z.enum(['docx', 'pdf', 'html', 'txt', 'akn']),
    paper: z.enum(['letter', 'a4']).optional(),
    trackedAgainst: documentSchema.optional(),
    author: z.string().max(120).optional(),
    /**
     * Required when the document has open proposals (else BAD_INPUT naming the choices and the
     * count): base, accepted, compilation (docx/pdf/html) or tracked (docx). Not with trackedAgainst.
     */
    proposals: proposalView,
    /** Paragraph notes: Word comments in the compilation and tracked views, never elsewhere. */
    notes,
  }),
  /** Renders and writes an export to a path (desktop app, after the native save dialog). */
  'export.save': z.object({
    document: documentSchema,
    format: z.enum(['docx', 'pdf', 'html', 'txt', 'akn']),
    path: z.string().min(1),
    paper: z.enum(['letter', 'a4']).optional(),
    trackedAgainst: documentSchema.optional(),
    author: z.string().max(120).optional(),
    /**
     * Required when the document has open proposals (else BAD_INPUT naming the choices and the
     * count): base, accepted, compilation (docx/pdf/html) or tracked (docx). Not with trackedAgainst.
     */
    proposals: proposalView,
    /** Paragraph notes: Word comments in the compilation and tracked views, never elsewhere. */
    notes,
  }),
  /** The compilation text of a negotiation (proposals inline, statuses in the margin). */
  'export.compilation': z.object({ document: documentSchema, format: z.enum(['docx', 'pdf', 'html']), paper: z.enum(['letter', 'a4']).optional(), notes }),
  /** Prints an HTML document the renderer made (a version comparison) to PDF. */
  'export.printHtml': z.object({ html: z.string().max(50_000_000), fileName: z.string().min(1).max(200), paper: z.enum(['letter', 'a4']).optional() }),
  /** Writes bytes to a path the user chose in the native save dialog of this session (desktop app). */
  'files.write': z.object({ path: z.string().min(1), dataBase64: z.string() }),
  /** Reads a file on disk (Akoma Ntoso, Word, PDF, text…) into a new draft (desktop app). */
  'drafts.importFile': z.object({ path: z.string().min(1) }),
  /** Reads an Akoma Ntoso or other importable file's content into a new draft (browser file picker). */
  'drafts.importContent': z.object({ name: z.string().min(1).max(500), dataBase64: z.string() }),
  /**
   * Merges a delegation's Word file into `document` (negotiation/merge.ts): from a path (desktop
   * app, after the open dialog) or the file's bytes (browser). Nothing is saved: the result comes
   * back for the user to review; `authorMap` maps Word author names to delegations.
   */
  'drafts.mergeWord': z
    .object({
      document: documentSchema,
      path: z.string().min(1).optional(),
      name: z.string().min(1).max(500).optional(),
      dataBase64: z.string().optional(),
      authorMap: z.record(z.string(), z.string()).optional(),
    })
    .refine((x) => (x.path !== undefined) !== (x.dataBase64 !== undefined && x.name !== undefined), { message: 'give either path, or name and dataBase64' }),
  /**
   * Native open dialog (Electron). Resolves to null when cancelled. UNSUPPORTED in the browser.
   * `folder`: choose folders (for a folder import) instead of files. The chosen paths are the
   * only ones outside the data folder that path-taking methods may read this session.
   */
  'dialog.openFile': z.object({
    title: z.string().optional(),
    extensions: z.array(z.string()).optional(),
    multiple: z.boolean().optional(),
    folder: z.boolean().optional(),
  }),
  /** Native save dialog (Electron). Resolves to null when cancelled. UNSUPPORTED in the browser. */
  'dialog.saveFile': z.object({
    title: z.string().optional(),
    defaultName: z.string().optional(),
    extensions: z.array(z.string()).optional(),
  }),
} as const;

/** Method names. */
export type ApiMethod = keyof typeof apiInputs;

/** The input type of a method. */
export type ApiInput<M extends ApiMethod> = z.input<(typeof apiInputs)[M]>;

/** Output types, one per method. */
export interface ApiOutputs {
  'app.info': AppInfo;
  'drafts.list': DraftSummary[];
  'drafts.open': OpenedDraft;
  'drafts.openContent': OpenedDraft;
  'drafts.save': { path: string };
  'drafts.autosave': AutosaveResult;
  'drafts.recoverable': RecoveryEntry[];
  'drafts.discardRecovery': { ok: true };
  'drafts.release': { ok: true };
  'drafts.heartbeat': { ok: true; lost: string[] };
  'export.render': { dataBase64: string; fileName: string; mime: string; notes: string[] };
  'export.save': { path: string; notes: string[] };
  'export.compilation': { dataBase64: string; fileName: string; mime: string; notes: string[] };
  'export.printHtml': { dataBase64: string; fileName: string; mime: string; notes: string[] };
  'files.write': { path: string };
  'drafts.importContent': { document: ResolutionDocument; warnings: string[] };
  'drafts.importFile': { document: ResolutionDocument; warnings: string[] };
  'library.search': { hits: SearchHit[]; tookMs: number };
  'library.match': { matches: AgreedMatch[]; tookMs: number };
  'library.suggest': { suggestions: LibrarySuggestion[]; tookMs: number };
  'library.history': AdoptionRecord;
  'library.lineage': { versions: LineageVersion[]; agreedSince: { symbol: string; year: number | null } | null };
  'library.document': LibraryDocument;
  'library.import': ImportSummary;
  'library.importContent': ImportSummary;
  'library.importStart': ImportJobStatus;
  'library.importStatus': ImportJobStatus;
  'library.importConfirm': ImportJobStatus;
  'library.importCancel': ImportJobStatus;
  'library.stats': { documents: number; paragraphs: number };
  'library.facets': LibraryFacets;
  'library.tag': { ok: true };
  'drafts.mergeWord': { document: ResolutionDocument; notes: ParagraphNote[]; summary: MergeSummary };
  'dialog.openFile': { path: string; paths: string[] } | null;
  'dialog.saveFile': { path: string } | null;
}

/** The whole API as an object of async functions; services implement it, transports carry it. */
export type PlenaryApi = {
  [M in ApiMethod]: (input: z.output<(typeof apiInputs)[M]>) => Promise<ApiOutputs[M]>;
};

/** All method names, for transports that must enumerate them (the preload keeps its own copy, checked by a test). */
export const API_METHODS = Object.keys(apiInputs) as ApiMethod[];

/** Files a folder import picks up (desktop walk and the browser's folder picker alike). */
export const IMPORTABLE_FILE = /\.(txt|md|markdown|html?|docx|pdf)$/i;

/**
 * Largest request body the loopback host accepts (bytes). The browser's import sends files in
 * chunks well under it (renderer/library-import.ts).
 */
export const HOST_MAX_BODY_BYTES = 120 * 1024 * 1024;

/**
 * Wire form of a reply on the HTTP and IPC transports. Error codes: see errors.ts; FORBIDDEN is
 * the file-access rule (a path not chosen by the user) or a foreign caller. `message` is English;
 * `msg`, when present, is the same message as a code with values for the interface to translate.
 */
export type ApiReply<T> = { ok: true; result: T } | { ok: false; error: { code: string; message: string; msg?: MessageRef } };
