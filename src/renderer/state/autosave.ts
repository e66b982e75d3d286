/**
 * The open draft's unsaved-work bookkeeping: which draft (id, path) the window holds, whether it
 * has changes since the last save, and its recovery journal.
 *
 * Contract: after a change the journal is written within IDLE_MS once typing pauses and at least
 * every MAX_WAIT_MS while typing goes on, so a crash of the window, browser or host loses at most
 * about MAX_WAIT_MS of typing plus one write. Writes, saves' discards and lock releases run one at
 * a time in call order. Switching to another draft first journals the previous one's latest
 * text (captured before the switch) and only then releases its lock: its journal stays for
 * recovery. A journal is removed only after a save of exactly the text the window holds.
 * `status` tells the truth: `journal: 'failed'` whenever the last write did not succeed.
 */
import { useSyncExternalStore } from 'react';
import type { ApiInput, ApiMethod, ApiOutputs, DraftLockOwner } from '../../shared/api.js';
import type { ResolutionDocument } from '../../shared/resolution/model.js';
import type { ParagraphNote, ProposalDecision } from '../../shared/negotiation/notes.js';
import { newId } from '../../shared/ids.js';
import { formatTime, messageText, t } from '../i18n/index.js';
import type { MessageRef } from '../../shared/errors.js';

/** Journal write after typing pauses this long. */
export const IDLE_MS = 400;
/** Journal write at least this often while typing goes on. */
export const MAX_WAIT_MS = 1200;
/** Retry of a failed journal write. */
const RETRY_MS = 2000;

/** What the window shows about the draft's safety. */
export interface AutosaveStatus {
  draftId: string;
  path: string;
  /** The name to show while there is no path: the file picked in browser mode ('' for none). */
  name: string;
  dirty: boolean;
  /** idle: nothing to journal; ok: the last write succeeded; failed: it did not (see `error`). */
  journal: 'idle' | 'ok' | 'failed';
  error: string;
  /** Where the journal is on disk, once written. */
  journalPath: string;
  savedAt: Date | null;
}

/** The text to journal. */
export interface DraftSnapshot {
  document: ResolutionDocument;
  negotiation: unknown;
  /** Paragraph notes and decided proposals (kept in the file beside the document). */
  notes?: ParagraphNote[];
  decisions?: ProposalDecision[];
}

type Caller = <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiOutputs[M]>;

/** What the store needs from its surroundings (injected so tests can drive it with fake timers). */
export interface AutosaveDeps {
  call: Caller;
  /** The window's text right now. */
  snapshot: () => DraftSnapshot;
  /** This window's session id (see session.ts). */
  session: string;
  /** Another window took the draft over: the store continued it under a new id as an unsaved copy. */
  onForked?: (owner: DraftLockOwner | null, newDraftId: string) => void;
  /** A call failed; `code` lets the connection store notice a dead host. */
  onCallError?: (code: string, message: string) => void;
  timers?: { set: (fn: () => void, ms: number) => number; clear: (id: number) => void };
}

/** An external store (useSyncExternalStore) for the open draft's autosave. */
export class AutosaveStore {
  private status: AutosaveStatus;
  private revision = 0;
  private journaled = 0;
  private idleTimer: number | undefined;
  private maxTimer: number | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private flushQueued = false;
  private readonly listeners = new Set<() => void>();
  private readonly timers: NonNullable<AutosaveDeps['timers']>;

  constructor(
    private readonly deps: AutosaveDeps,
    initial: { draftId: string; path: string },
  ) {
    this.timers = deps.timers ?? { set: (fn, ms) => window.setTimeout(fn, ms), clear: (id) => window.clearTimeout(id) };
    this.status = { draftId: initial.draftId, path: initial.path, name: '', dirty: false, journal: 'idle', error: '', journalPath: '', savedAt: null };
  }

  /** For useSyncExternalStore. */
  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  /** For useSyncExternalStore: a new object after every change. */
  getStatus = (): AutosaveStatus => this.status;

  private set(patch: Partial<AutosaveStatus>): void {
    this.status = { ...this.status, ...patch };
    for (const fn of this.listeners) fn();
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private clearTimers(): void {
    if (this.idleTimer !== undefined) this.timers.clear(this.idleTimer);
    if (this.maxTimer !== undefined) this.timers.clear(this.maxTimer);
    this.idleTimer = this.maxTimer = undefined;
  }

  /** The text (or the negotiation data) changed. */
  changed(): void {
    this.revision++;
    if (!this.status.dirty) this.set({ dirty: true });
    if (this.idleTimer !== undefined) this.timers.clear(this.idleTimer);
    this.idleTimer = this.timers.set(() => void this.flush(), IDLE_MS);
    this.maxTimer ??= this.timers.set(() => void this.flush(), MAX_WAIT_MS);
  }

  /** Writes the journal now if the text changed since the last write; resolves when done. */
  flush(): Promise<void> {
    this.clearTimers();
    if (!this.status.dirty || this.journaled === this.revision || this.flushQueued) return this.enqueue(async () => undefined);
    this.flushQueued = true;
    return this.enqueue(async () => {
      this.flushQueued = false;
      if (!this.status.dirty || this.journaled === this.revision) return;
      const rev = this.revision;
      await this.write(this.status.draftId, this.status.path, this.deps.snapshot(), rev);
    });
  }

  private async write(key: string, path: string, snap: DraftSnapshot, rev: number | null): Promise<void> {
    try {
      const r = await this.deps.call('drafts.autosave', { key, session: this.deps.session, path, document: snap.document, negotiation: snap.negotiation, notes: snap.notes, decisions: snap.decisions });
      if (key !== this.status.draftId) return; // journaled a draft the window has since left
      if (r.ok) {
        if (rev !== null) this.journaled = Math.max(this.journaled, rev);
        this.set({ journal: 'ok', error: '', journalPath: r.journal });
      } else this.fork(r.lockedBy);
    } catch (e) {
      const code = (e as { code?: string }).code ?? 'INTERNAL';
      // Said in the interface language when the service gave a message code (a full disk, say).
      const message = messageText((e as { msg?: MessageRef }).msg, (e as Error).message);
      this.deps.onCallError?.(code, message);
      if (key !== this.status.draftId) return;
      this.set({ journal: 'failed', error: message });
      // Try again even if no key is pressed: the disk or the host may come back.
      this.maxTimer ??= this.timers.set(() => void this.flush(), RETRY_MS);
    }
  }

  /** Another live window holds this draft: continue it here as an unsaved copy under a new id. */
  private fork(owner: DraftLockOwner | null): void {
    const draftId = newId('d');
    this.journaled = 0;
    this.set({ draftId, path: '', name: '', dirty: true, journal: 'idle', journalPath: '' });
    this.deps.onForked?.(owner, draftId);
    this.changed();
  }

  /** The heartbeat found `key` held by another window. */
  lockLost(key: string): void {
    if (key === this.status.draftId) this.fork(null);
  }

  /** Re-journals at once (after a reconnect: the new host has not seen the latest text). */
  rejournal(): Promise<void> {
    this.journaled = 0;
    return this.flush();
  }

  /**
   * The window moves to another draft. The previous draft's text is captured now (before the
   * editor changes) and journaled if it had unsaved changes; then its lock is released.
   */
  switchTo(next: { draftId: string; path: string; dirty: boolean; name?: string }): Promise<void> {
    this.clearTimers();
    const prev = this.status;
    const pending = prev.dirty && this.journaled !== this.revision ? this.deps.snapshot() : null;
    const done = this.enqueue(async () => {
      if (pending) await this.write(prev.draftId, prev.path, pending, null);
      if (prev.draftId !== next.draftId) await this.deps.call('drafts.release', { key: prev.draftId, session: this.deps.session }).catch(() => undefined);
    });
    this.revision = 0;
    this.journaled = 0;
    this.set({ draftId: next.draftId, path: next.path, name: next.name ?? '', dirty: false, journal: 'idle', error: '', journalPath: '', savedAt: null });
    if (next.dirty) this.changed();
    return done;
  }

  /**
   * Waits for queued journal writes, then returns the revision the save is about to write; take
   * the snapshot for the save right after it resolves and pass the revision to saved().
   */
  async beginSave(): Promise<number> {
    await this.enqueue(async () => undefined);
    return this.revision;
  }

  /**
   * A save of revision `rev` to `path` succeeded. If nothing changed meanwhile the draft is
   * clean and its journal is removed; otherwise it stays dirty and journaled.
   */
  saved(path: string, rev: number): void {
    const key = this.status.draftId;
    this.set({ path, savedAt: new Date() });
    if (rev !== this.revision) return;
    this.clearTimers();
    this.set({ dirty: false, journal: 'idle', error: '', journalPath: '' });
    void this.enqueue(() => this.deps.call('drafts.discardRecovery', { key }).catch(() => undefined));
  }

  /** The message for leaving this draft (New, Open, Recover), or null when nothing is at risk. */
  leaveWarning(action: string): string | null {
    const s = this.status;
    if (!s.dirty) return null;
    if (s.journal === 'failed') return t('leave.failing', { error: s.error, action });
    return t('leave.unsaved', { action });
  }
}

/** Subscribes a component to the store's status. */
export function useAutosaveStatus(store: AutosaveStore): AutosaveStatus {
  return useSyncExternalStore(store.subscribe, store.getStatus);
}

/** The status-bar wording: never claims a journal that is not being written. */
export function saveStateText(s: AutosaveStatus, hostLost: boolean): string {
  if (hostLost) return s.dirty ? t('save.hostLostDirty') : t('save.hostLost');
  if (s.dirty) return s.journal === 'failed' ? t('save.autosaveFailing', { error: s.error }) : t('save.unsaved');
  if (s.savedAt) return t('save.savedAt', { time: formatTime(s.savedAt) });
  return s.path ? t('save.saved') : t('save.newDraft');
}
