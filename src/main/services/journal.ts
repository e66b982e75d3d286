/**
 * Recovery journals and draft locks, one pair per draft id, in the data folder's `recovery/`.
 *
 * - `recovery/<draftId>.json`: the last autosaved state of a draft with unsaved work, written
 *   atomically, so a crash of the window, the browser or the host loses only the typing since
 *   the last write. It is removed only after a clean save or when the user declines recovery.
 * - `recovery/<draftId>.lock`: who has the draft open: the owning process (pid and host name)
 *   and the window's session id. The window's heartbeat refreshes the lock's mtime every second;
 *   a lock is live while its process runs and its mtime is recent. A stale lock (dead process,
 *   or a window that stopped beating) is taken over; a live one belonging to another session is
 *   reported, never silently overwritten.
 *
 * Ids are validated by the API schema (letters, digits, `_`, `-`), so they are safe file names.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DraftLockOwner, RecoveryEntry } from '../../shared/api.js';
import { blockText, type ResolutionDocument } from '../../shared/resolution/model.js';
import { parsePlenaryFile, serializePlenaryFile } from '../../shared/resolution/file.js';
import type { ParagraphNote, ProposalDecision } from '../../shared/negotiation/notes.js';
import { writeFileAtomic, type AtomicFs } from './fs-atomic.js';

/** A lock whose heartbeat is older than this is stale even if its process still runs (a closed tab). */
export const LOCK_FRESH_MS = 10_000;

/** Whether process `pid` runs on this machine (EPERM: it runs under another user). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The first words of a document's text, for the recovery list (title alone rarely tells drafts apart). */
export function firstWords(doc: ResolutionDocument, max = 12): string {
  const words: string[] = [];
  for (const b of [...doc.preambular, ...doc.operative]) {
    for (const w of blockText(b).split(/\s+/)) {
      if (!w) continue;
      words.push(w);
      if (words.length >= max) return `${words.join(' ')} …`;
    }
  }
  return words.join(' ');
}

interface LockRecord extends DraftLockOwner {
  /** Heartbeat time from the file's mtime (not stored in the JSON). */
  beatMs: number;
}

/** Journals and locks of one data folder. `io` is injectable so tests can make writes fail. */
export class RecoveryJournal {
  constructor(
    readonly dir: string,
    private readonly appVersion: string,
    private readonly io?: AtomicFs,
    private readonly now: () => number = Date.now,
  ) {}

  /** Absolute path of a draft's journal. */
  journalPath(key: string): string {
    return path.join(this.dir, `${key}.json`);
  }

  private lockPath(key: string): string {
    return path.join(this.dir, `${key}.lock`);
  }

  private readLock(key: string): LockRecord | null {
    const file = this.lockPath(key);
    try {
      const st = fs.statSync(file);
      const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<DraftLockOwner>;
      if (typeof raw.pid !== 'number' || typeof raw.session !== 'string') return null;
      return {
        pid: raw.pid,
        hostname: typeof raw.hostname === 'string' ? raw.hostname : '',
        session: raw.session,
        path: typeof raw.path === 'string' ? raw.path : '',
        since: typeof raw.since === 'string' ? raw.since : '',
        beatMs: st.mtimeMs,
      };
    } catch {
      return null; // absent or unreadable: treated as free (a damaged lock protects nothing)
    }
  }

  private live(lock: LockRecord): boolean {
    if (this.now() - lock.beatMs > LOCK_FRESH_MS) return false;
    // A pid from another machine (data folder on a share) cannot be checked; the heartbeat decides.
    return lock.hostname !== os.hostname() || pidAlive(lock.pid);
  }

  /** The live owner of `key` other than `session`, or null when the draft is free or ours. */
  heldElsewhere(key: string, session: string): DraftLockOwner | null {
    const lock = this.readLock(key);
    if (!lock || lock.session === session || !this.live(lock)) return null;
    const { beatMs: _beat, ...owner } = lock;
    return owner;
  }

  /**
   * Takes or refreshes the lock of `key` for `session` (`draftPath` undefined: keep the path the
   * lock has). Returns the other live owner instead when
   * there is one (nothing is written then).
   */
  acquire(key: string, session: string, draftPath?: string): DraftLockOwner | null {
    fs.mkdirSync(this.dir, { recursive: true });
    const lock = this.readLock(key);
    if (lock && lock.session !== session && this.live(lock)) return this.heldElsewhere(key, session);
    const ours = lock?.session === session ? lock : null;
    if (ours && (draftPath === undefined || ours.path === draftPath) && ours.pid === process.pid) {
      const t = new Date(this.now());
      fs.utimesSync(this.lockPath(key), t, t); // the heartbeat
      return null;
    }
    const owner: DraftLockOwner = { pid: process.pid, hostname: os.hostname(), session, path: draftPath ?? ours?.path ?? '', since: ours ? ours.since : new Date(this.now()).toISOString() };
    // Atomic replace: a reader sees the old owner or the new one, never half a file.
    writeFileAtomic(this.lockPath(key), JSON.stringify(owner));
    return null;
  }

  /** Gives up `session`'s lock on `key`; another session's lock is left alone. */
  release(key: string, session: string): void {
    const lock = this.readLock(key);
    if (lock && lock.session === session) fs.rmSync(this.lockPath(key), { force: true });
  }

  /**
   * Writes the journal of `key` atomically after taking the lock for `session`. Returns the
   * journal's path, or the other live owner (then nothing is written: two windows never
   * overwrite each other's journals).
   */
  write(input: { key: string; session: string; path: string; document: ResolutionDocument; negotiation?: unknown; notes?: ParagraphNote[] | undefined; decisions?: ProposalDecision[] | undefined }): { journal: string } | { lockedBy: DraftLockOwner } {
    const lockedBy = this.acquire(input.key, input.session, input.path);
    if (lockedBy) return { lockedBy };
    const body = serializePlenaryFile({ document: input.document, negotiation: input.negotiation, notes: input.notes, decisions: input.decisions }, this.appVersion, new Date(this.now()));
    const entry = `{"key":${JSON.stringify(input.key)},"path":${JSON.stringify(input.path)},"session":${JSON.stringify(input.session)},"file":${body}}`;
    const file = this.journalPath(input.key);
    writeFileAtomic(file, entry, this.io);
    return { journal: file };
  }

  /**
   * Removes what crashed windows leave and nobody needs: stale locks without a journal, and temp
   * files of interrupted atomic writes older than `tmpAgeMs`. Never touches a journal.
   */
  sweep(tmpAgeMs = 10 * 60_000): void {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return;
    }
    for (const n of names) {
      const file = path.join(this.dir, n);
      try {
        if (n.endsWith('.lock')) {
          const key = n.slice(0, -'.lock'.length);
          const lock = this.readLock(key);
          if (!names.includes(`${key}.json`) && (!lock || !this.live(lock))) fs.rmSync(file, { force: true });
        } else if (n.startsWith('.') && n.endsWith('.tmp') && this.now() - fs.statSync(file).mtimeMs > tmpAgeMs) {
          fs.rmSync(file, { force: true });
        }
      } catch {
        /* vanished meanwhile, or not ours to remove */
      }
    }
  }

  /**
   * Journals left behind, newest first. A journal whose draft is open in another live window
   * carries `openElsewhere` (the caller should not offer it now). Unreadable journals are skipped
   * and kept for inspection.
   */
  list(session = ''): RecoveryEntry[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir).filter((f) => f.endsWith('.json'));
    } catch {
      return [];
    }
    const out: RecoveryEntry[] = [];
    for (const n of names) {
      try {
        const raw = JSON.parse(fs.readFileSync(path.join(this.dir, n), 'utf8')) as { key: unknown; path: unknown; file: unknown };
        if (typeof raw.key !== 'string' || `${raw.key}.json` !== n) continue;
        const file = parsePlenaryFile(JSON.stringify(raw.file), n);
        const owner = this.heldElsewhere(raw.key, session);
        out.push({
          key: raw.key,
          path: typeof raw.path === 'string' ? raw.path : '',
          title: file.document.meta.title,
          savedAt: file.savedAt,
          firstWords: firstWords(file.document),
          journal: path.join(this.dir, n),
          ...(owner ? { openElsewhere: owner } : {}),
          file,
        });
      } catch {
        /* a damaged journal is left for inspection */
      }
    }
    return out.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  /** Removes a journal (after a clean save, or when the user declines recovery). */
  discard(key: string): void {
    fs.rmSync(this.journalPath(key), { force: true });
  }
}
