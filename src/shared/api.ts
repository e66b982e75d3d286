/**
 * The one typed contract between the UI and the privileged side.
 *
 * Every method takes one JSON object and resolves to one JSON value. Three transports carry it
 * and nothing else: Electron IPC (preload + ipcMain.handle), the loopback HTTP host
 * (`POST /api/<method>`), and direct calls in tests and the CLI. Inputs are validated with the
 * zod schemas below on the privileged side of every transport; outputs are typed here.
 * Failures arrive as `{ code, message }` (see errors.ts).
 */
import { z } from 'zod';
import { documentSchema, type PlenaryFile } from './resolution/file.js';

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
}

/** A draft known to the app: recent files and drafts in the data folder. */
export interface DraftSummary {
  path: string;
  name: string;
  title: string;
  symbol: string;
  modified: string;
}

/** A draft read from disk. */
export interface OpenedDraft {
  path: string;
  file: PlenaryFile;
}

/** An autosaved journal entry left by a session that did not close cleanly. */
export interface RecoveryEntry {
  key: string;
  /** Path of the draft the journal belongs to, or "" for an unsaved draft. */
  path: string;
  title: string;
  savedAt: string;
  file: PlenaryFile;
}

const negotiation = z.unknown().optional();

/** Input schemas, one per method. The keys are the method names used on every transport. */
export const apiInputs = {
  'app.info': z.object({}),
  'drafts.list': z.object({}),
  'drafts.open': z.object({ path: z.string().min(1) }),
  /** Reads a draft from content the user picked in the browser (no path on disk). */
  'drafts.openContent': z.object({ name: z.string().min(1), text: z.string() }),
  /**
   * Saves a draft atomically. `path` absent: a new file in the data folder's drafts/ named
   * after `name`. Returns the path written.
   */
  'drafts.save': z.object({
    path: z.string().min(1).optional(),
    name: z.string().min(1).optional(),
    document: documentSchema,
    negotiation,
  }),
  /** Writes the recovery journal for an open draft (every few seconds while it is dirty). */
  'drafts.autosave': z.object({
    key: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/),
    path: z.string(),
    document: documentSchema,
    negotiation,
  }),
  /** Journals left by earlier sessions (crash recovery). */
  'drafts.recoverable': z.object({}),
  'drafts.discardRecovery': z.object({ key: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) }),
  /** Native open dialog (Electron). Resolves to null when cancelled. UNSUPPORTED in the browser. */
  'dialog.openFile': z.object({
    title: z.string().optional(),
    extensions: z.array(z.string()).optional(),
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
  'drafts.autosave': { ok: true };
  'drafts.recoverable': RecoveryEntry[];
  'drafts.discardRecovery': { ok: true };
  'dialog.openFile': { path: string } | null;
  'dialog.saveFile': { path: string } | null;
}

/** The whole API as an object of async functions; services implement it, transports carry it. */
export type PlenaryApi = {
  [M in ApiMethod]: (input: z.output<(typeof apiInputs)[M]>) => Promise<ApiOutputs[M]>;
};

/** All method names, for transports that must enumerate them (the preload keeps its own copy, checked by a test). */
export const API_METHODS = Object.keys(apiInputs) as ApiMethod[];

/** Wire form of a reply on the HTTP and IPC transports. */
export type ApiReply<T> = { ok: true; result: T } | { ok: false; error: { code: string; message: string } };
