/**
 * Drafts on disk: open, save (atomic), recent files, and the per-draft recovery journals and
 * locks (journal.ts) that autosave keeps so a crash loses at most a second or two of typing.
 *
 * Every draft has a stable id, kept in its file as the top-level `draftId` (unknown to older
 * readers, which keep it as an extra key); a file without one gets an id derived from its path,
 * so reopening it finds the same journal. The journal and lock of a draft are named after it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AutosaveResult, DraftSummary, OpenedDraft, RecoveryEntry } from '../../shared/api.js';
import { PlenaryError, type CodedMessage } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import { FILE_FORMAT_VERSION, parsePlenaryFile, serializePlenaryFile, type PlenaryFile } from '../../shared/resolution/file.js';
import type { ResolutionDocument } from '../../shared/resolution/model.js';
import type { ParagraphNote, ProposalDecision } from '../../shared/negotiation/notes.js';
import { dataPaths } from './paths.js';
import { keptPreviousError, writeFileAtomic, type AtomicFs } from './fs-atomic.js';
import { RecoveryJournal } from './journal.js';

/** Largest draft file accepted (opening, and loading in the CLI); a real resolution with annexes is well under 5 MB. */
export const MAX_DRAFT_BYTES = 50 * 1024 * 1024;
const MAX_RECENT = 15;
const DRAFT_ID = /^[\w-]{1,64}$/;

/** The id stored in a parsed file, if it is a valid one. */
function storedDraftId(file: PlenaryFile): string | undefined {
  const id = file.extra?.draftId;
  return typeof id === 'string' && DRAFT_ID.test(id) ? id : undefined;
}

/** A stable id for a file that carries none: the same path gives the same id. */
function pathDraftId(abs: string): string {
  return `d${crypto.createHash('sha256').update(abs).digest('hex').slice(0, 20)}`;
}

/** A file name safe on every OS, from a title. */
export function safeFileName(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w\u0400-\u04FF\u0600-\u06FF\u4E00-\u9FFF. -]+/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/-+/g, '-')
    .trim()
    .slice(0, 80)
    .replace(/^[.-]+|(?<![.-])[.-]+$/g, '');
  return base || 'Untitled draft';
}

/** The drafts service. `io` is injectable for failure tests. */
export class DraftsService {
  private readonly paths: ReturnType<typeof dataPaths>;
  /** Journals and locks; public so the host's tests and benchmarks can inspect them. */
  readonly journal: RecoveryJournal;

  constructor(
    dataDir: string,
    private readonly appVersion: string,
    private readonly io?: AtomicFs,
  ) {
    this.paths = dataPaths(dataDir);
    this.journal = new RecoveryJournal(this.paths.recovery, appVersion, io);
  }

  /**
   * Reads and validates a draft; PlenaryError NOT_FOUND / CORRUPT / NEWER_VERSION otherwise.
   * With `session`, locks it for that window; when another live window has the same file open,
   * the result carries `lockedBy` and nothing is locked. A copy of a file (same stored id, other
   * path) that is open elsewhere gets its own id, so the two never share a journal.
   */
  open(file: string, session?: string): OpenedDraft {
    const abs = path.resolve(file);
    const name = path.basename(abs);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      throw new PlenaryError('NOT_FOUND', `${name} was not found at ${abs}.`, { msg: { code: 'draft.notFound', values: { name, path: abs } } });
    }
    if (!st.isFile()) throw new PlenaryError('BAD_INPUT', `${abs} is not a file.`, { msg: { code: 'draft.notAFile', values: { path: abs } } });
    if (st.size > MAX_DRAFT_BYTES) throw new PlenaryError('CORRUPT', `${name} is too large to be a Plenary draft (${Math.round(st.size / 1e6)} MB).`, { msg: { code: 'draft.tooLarge', values: { name, mb: Math.round(st.size / 1e6) } } });
    const text = fs.readFileSync(abs, 'utf8');
    const parsed = parsePlenaryFile(text, name);
    this.touchRecent(abs);
    let draftId = storedDraftId(parsed) ?? pathDraftId(abs);
    if (!session) return { path: abs, file: parsed, draftId };
    let owner = this.journal.heldElsewhere(draftId, session);
    if (owner && path.resolve(owner.path || '.') !== abs) {
      draftId = pathDraftId(abs); // a copy of a draft that is open elsewhere
      owner = this.journal.heldElsewhere(draftId, session);
    }
    if (owner) return { path: abs, file: parsed, draftId, lockedBy: owner };
    try {
      this.journal.acquire(draftId, session, abs);
    } catch {
      /* a lock that cannot be written (full or read-only disk) must not stop reading the draft */
    }
    return { path: abs, file: parsed, draftId };
  }

  /** Parses draft content picked in the browser; the draft has no path until saved. */
  openContent(name: string, text: string): OpenedDraft {
    const file = parsePlenaryFile(text, name);
    return { path: '', file, draftId: storedDraftId(file) ?? newId('d') };
  }

  /**
   * Saves atomically. With no path, creates a new file in drafts/ named after `name` (never
   * overwriting another draft). Refuses to overwrite a file that is not a Plenary draft or was
   * written by a newer Plenary. When the write fails (disk full, permission denied, folder gone)
   * and `draftId` is given, the document is put in that draft's recovery journal and the error
   * says where it is; the journal is never removed by a failed save.
   */
  save(input: { path?: string; name?: string; document: ResolutionDocument; negotiation?: unknown; notes?: ParagraphNote[]; decisions?: ProposalDecision[]; draftId?: string; session?: string }): { path: string } {
    let target = input.path ? path.resolve(input.path) : this.paths.drafts;
    try {
      if (input.path) {
        if (!target.toLowerCase().endsWith('.plenary')) target += '.plenary';
        this.guardOverwrite(target);
      } else {
        // Only the data folder's own drafts/ is created; a chosen folder that is gone stays an error.
        fs.mkdirSync(this.paths.drafts, { recursive: true });
        const base = safeFileName(input.name ?? (input.document.meta.title || 'Untitled draft'));
        target = path.join(this.paths.drafts, `${base}.plenary`);
        for (let i = 2; fs.existsSync(target); i++) target = path.join(this.paths.drafts, `${base} (${i}).plenary`);
      }
      const extra = input.draftId ? { draftId: input.draftId } : undefined;
      const text = serializePlenaryFile({ document: input.document, negotiation: input.negotiation, notes: input.notes, decisions: input.decisions, ...(extra ? { extra } : {}) }, this.appVersion);
      writeFileAtomic(target, text, this.io);
    } catch (e) {
      const err = e instanceof PlenaryError ? e : (e as NodeJS.ErrnoException)?.code ? keptPreviousError(e, target) : e;
      if (!input.draftId || !(err instanceof PlenaryError) || err.code !== 'IO') throw err;
      const kept = this.keepInJournal(input.draftId, input.session, input.path ? target : '', input);
      // The interface says both: why the save failed (when coded), then where the work is.
      const keptRef = { code: kept.code, ...(kept.values ? { values: kept.values } : {}) };
      throw new PlenaryError('IO', `${err.message} ${kept.message}`, { cause: e, msg: err.msg ? { ...err.msg, next: keptRef } : keptRef });
    }
    this.touchRecent(target);
    if (input.draftId && input.session) {
      try {
        this.journal.acquire(input.draftId, input.session, target); // the lock now names the file
      } catch {
        /* the save succeeded; the next heartbeat retries the lock */
      }
    }
    return { path: target };
  }

  /** After a failed save: puts the work in the draft's journal and says where (or that it could not). */
  private keepInJournal(key: string, session: string | undefined, draftPath: string, work: { document: ResolutionDocument; negotiation?: unknown; notes?: ParagraphNote[]; decisions?: ProposalDecision[] }): CodedMessage {
    try {
      const r = this.journal.write({ key, session: session ?? 'save', path: draftPath, document: work.document, negotiation: work.negotiation, notes: work.notes, decisions: work.decisions });
      if ('journal' in r) return { code: 'save.journalKept', values: { journal: r.journal }, message: `Your work is safe in the recovery journal ${r.journal}; Plenary offers it when it starts. Use Save as to choose another place.` };
      return { code: 'save.journalHeld', message: 'Another window has this draft open, so its recovery journal was not touched; keep this window open and use Save as or Download a copy.' };
    } catch (j) {
      const detail = (j as Error).message;
      return { code: 'save.journalFailed', values: { detail }, message: `The recovery journal could not be written either (${detail}): keep this window open and use Save as on another disk, or Download a copy.` };
    }
  }

  private guardOverwrite(target: string): void {
    let existing: string;
    try {
      existing = fs.readFileSync(target, 'utf8');
    } catch {
      return; // nothing there
    }
    let header: { format?: unknown; version?: unknown };
    try {
      header = JSON.parse(existing) as typeof header;
    } catch {
      throw new PlenaryError('CORRUPT', `${path.basename(target)} exists and is not a Plenary draft; it was not overwritten. Choose another name.`, { msg: { code: 'draft.notOverwritten', values: { name: path.basename(target) } } });
    }
    if (header?.format !== 'plenary') {
      throw new PlenaryError('CORRUPT', `${path.basename(target)} exists and is not a Plenary draft; it was not overwritten. Choose another name.`, { msg: { code: 'draft.notOverwritten', values: { name: path.basename(target) } } });
    }
    if (typeof header.version === 'number' && header.version > FILE_FORMAT_VERSION) {
      throw new PlenaryError('NEWER_VERSION', `${path.basename(target)} was saved by a newer version of Plenary; it was not overwritten. Save under another name.`, { msg: { code: 'draft.newerNotOverwritten', values: { name: path.basename(target) } } });
    }
  }

  /** Recent files that still exist, then drafts in the data folder, newest first, no duplicates. */
  list(): DraftSummary[] {
    const seen = new Set<string>();
    const out: DraftSummary[] = [];
    const add = (p: string) => {
      if (seen.has(p)) return;
      seen.add(p);
      try {
        const st = fs.statSync(p);
        let title = '';
        let symbol = '';
        try {
          const f = parsePlenaryFile(fs.readFileSync(p, 'utf8'), path.basename(p));
          title = f.document.meta.title;
          symbol = f.document.meta.symbol;
        } catch {
          title = '(cannot be read)';
        }
        out.push({ path: p, name: path.basename(p), title, symbol, modified: st.mtime.toISOString() });
      } catch {
        /* vanished */
      }
    };
    for (const p of this.readRecent()) add(p);
    try {
      for (const f of fs.readdirSync(this.paths.drafts)) if (f.endsWith('.plenary')) add(path.join(this.paths.drafts, f));
    } catch {
      /* no drafts folder yet */
    }
    return out.sort((a, b) => b.modified.localeCompare(a.modified));
  }

  private readRecent(): string[] {
    try {
      const v = JSON.parse(fs.readFileSync(this.paths.recent, 'utf8')) as unknown;
      return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      return [];
    }
  }

  private touchRecent(p: string): void {
    const list = [p, ...this.readRecent().filter((x) => x !== p)].slice(0, MAX_RECENT);
    try {
      fs.mkdirSync(this.paths.root, { recursive: true });
      writeFileAtomic(this.paths.recent, JSON.stringify(list, null, 1));
    } catch {
      /* the recent list is a convenience; never fail an open or save for it */
    }
  }

  /** Writes draft `key`'s recovery journal for `session` (see RecoveryJournal.write). */
  autosave(input: { key: string; session?: string; path: string; document: ResolutionDocument; negotiation?: unknown; notes?: ParagraphNote[]; decisions?: ProposalDecision[] }): AutosaveResult {
    const r = this.journal.write({ ...input, session: input.session ?? 'anonymous' });
    return 'journal' in r ? { ok: true, journal: r.journal } : { ok: false, lockedBy: r.lockedBy };
  }

  /** Journals left behind, newest first; those open in another live window carry `openElsewhere`. */
  recoverable(session?: string): RecoveryEntry[] {
    this.journal.sweep(); // asked once per window start: a good moment to tidy
    return this.journal.list(session);
  }

  /** Removes a journal entry (after a clean save/close, or when the user declines recovery). */
  discardRecovery(key: string): { ok: true } {
    this.journal.discard(key);
    return { ok: true };
  }

  /** Releases `session`'s lock of draft `key`; its journal stays. */
  release(key: string, session: string): { ok: true } {
    this.journal.release(key, session);
    return { ok: true };
  }

  /** Refreshes `session`'s locks; returns the keys another live window now holds. */
  heartbeat(session: string, keys: readonly string[]): { ok: true; lost: string[] } {
    const lost: string[] = [];
    for (const key of keys) {
      try {
        if (this.journal.acquire(key, session)) lost.push(key);
      } catch {
        /* a lock that cannot be written (disk full) is reported by the next autosave */
      }
    }
    return { ok: true, lost };
  }
}
