/**
 * The hook that keeps the open draft safe: one AutosaveStore and one ConnectionStore per window,
 * the heartbeat, the close warning, the lock release when the window goes away, and the
 * recovery offer at start.
 */
import { useEffect, useRef, useState } from 'react';
import type { DraftLockOwner, RecoveryEntry } from '../../shared/api.js';
import { newId } from '../../shared/ids.js';
import { call, setToken } from '../api.js';
import { errorMessage, t } from '../i18n/index.js';
import { AutosaveStore, useAutosaveStatus, type AutosaveStatus, type DraftSnapshot } from './autosave.js';
import { ConnectionStore, tokenFromPastedUrl, useConnectionStatus, type ConnectionStatus } from './connection.js';

/** Locks of a closed window that could not say goodbye go stale after this (journal.ts LOCK_FRESH_MS), plus a margin. */
const RECHECK_MS = 11_000;

/** What {@link windowSession} needs of the window (a fake one in tests). */
export interface SessionWindow {
  sessionStorage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  addEventListener(type: 'pagehide' | 'pageshow', listener: (e: { persisted?: boolean }) => void): void;
}

const SESSION_KEY = 'plenary-session';
/** Set while the page that owns the session id is alive; removed when the page goes away. */
const LIVE_KEY = 'plenary-session-live';
const sessions = new WeakMap<SessionWindow, string>();

/**
 * This window's session id: one per tab or Electron window, kept across reloads of the tab
 * (sessionStorage), so a reloaded tab recognises its own journals and locks. A duplicated tab
 * starts with a copy of its original's sessionStorage, id included: the original marks the id as
 * live while its page is up (and unmarks it when the page goes away, as on a reload), so a copy
 * that finds its id marked live takes a new one instead of sharing the draft's locks and
 * recovery journals with the original. The same window always gets the same id.
 */
export function windowSession(w: SessionWindow = window): string {
  const known = sessions.get(w);
  if (known) return known;
  const store = w.sessionStorage;
  const stored = store.getItem(SESSION_KEY);
  const usable = stored !== null && /^[\w-]{1,64}$/.test(stored) && store.getItem(LIVE_KEY) !== stored;
  const id = usable ? stored : newId('w');
  store.setItem(SESSION_KEY, id);
  store.setItem(LIVE_KEY, id);
  w.addEventListener('pagehide', () => store.removeItem(LIVE_KEY));
  // Back from the back/forward cache: the same page, alive again.
  w.addEventListener('pageshow', (e) => {
    if (e.persisted) store.setItem(LIVE_KEY, id);
  });
  sessions.set(w, id);
  return id;
}

/** What App gets from useDraftSafety. */
export interface DraftSafety {
  autosave: AutosaveStore;
  connection: ConnectionStore;
  status: AutosaveStatus;
  conn: ConnectionStatus;
  session: string;
  /** Tries the URL a restarted host printed; resolves to an error message, or null when reconnected. */
  reconnect(pastedUrl: string): Promise<string | null>;
}

/**
 * Sets up the stores. `snapshot` returns the window's current text; `onRecoverable` receives the
 * journals to offer (at start, and once more after stale locks of closed windows expire);
 * `notify` shows a message.
 */
export function useDraftSafety(opts: {
  snapshot: () => DraftSnapshot;
  onRecoverable: (entries: RecoveryEntry[]) => void;
  notify: (text: string, error?: boolean) => void;
}): DraftSafety {
  const optsRef = useRef(opts);
  optsRef.current = opts;
  const [stores] = useState(() => {
    const session = windowSession();
    let connection: ConnectionStore | null = null;
    const autosave = new AutosaveStore(
      {
        call: (m, i) => call(m, i),
        snapshot: () => optsRef.current.snapshot(),
        session,
        onCallError: (code, message) => connection?.reportError(code, message),
        onForked: (owner: DraftLockOwner | null) =>
          optsRef.current.notify(
            t('safety.forked', { process: owner ? t('safety.process', { pid: owner.pid }) : '' }),
            true,
          ),
      },
      { draftId: newId('d'), path: '' },
    );
    connection = new ConnectionStore({
      beat: (input, timeoutMs) => call('drafts.heartbeat', input, { timeoutMs }),
      session,
      keys: () => [autosave.getStatus().draftId],
      onLockLost: (keys) => {
        for (const k of keys) autosave.lockLost(k);
      },
      onRestored: () => void autosave.rejournal(),
    });
    return { session, autosave, connection };
  });
  const status = useAutosaveStatus(stores.autosave);
  const conn = useConnectionStatus(stores.connection);

  useEffect(() => stores.connection.start(), [stores]);

  // Journals left by windows that did not close cleanly; those still locked by a window that
  // may just have closed are looked at again once its lock has gone stale.
  useEffect(() => {
    let timer: number | undefined;
    const offer = (entries: RecoveryEntry[], late = false) => {
      const current = stores.autosave.getStatus();
      const free = entries.filter((e) => !e.openElsewhere && e.key !== current.draftId);
      // A dialog popping up later would take the keyboard from someone typing: say it instead.
      if (free.length && late && current.dirty) {
        const names = free.map((e) => t('safety.quoted', { title: e.title || t('draft.untitled') })).join(', ');
        optsRef.current.notify(t('safety.lateRecovery', { names }));
      } else if (free.length) optsRef.current.onRecoverable(free);
      return entries.filter((e) => e.openElsewhere).map((e) => e.key);
    };
    call('drafts.recoverable', { session: stores.session }).then((entries) => {
      const held = new Set(offer(entries));
      if (held.size)
        timer = window.setTimeout(() => {
          call('drafts.recoverable', { session: stores.session })
            .then((later) => offer(later.filter((e) => held.has(e.key)), true))
            .catch(() => undefined);
        }, RECHECK_MS);
    }, (e: Error) => optsRef.current.notify(errorMessage(e), true));
    return () => window.clearTimeout(timer);
  }, [stores]);

  // Warn before closing with unsaved changes; give the lock back when the window goes away.
  useEffect(() => {
    const onUnload = (e: BeforeUnloadEvent) => {
      if (stores.autosave.getStatus().dirty) {
        e.preventDefault();
        e.returnValue = '';
      }
    };
    const onHide = () => {
      const s = stores.autosave.getStatus();
      void call('drafts.release', { key: s.draftId, session: stores.session }, { keepalive: true }).catch(() => undefined);
    };
    window.addEventListener('beforeunload', onUnload);
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('beforeunload', onUnload);
      window.removeEventListener('pagehide', onHide);
    };
  }, [stores]);

  const reconnect = async (pastedUrl: string): Promise<string | null> => {
    const r = tokenFromPastedUrl(pastedUrl, window.location.origin);
    if ('error' in r) return r.error;
    const previous = sessionStorage.getItem('plenary-token') ?? '';
    setToken(r.token);
    if (await stores.connection.beat()) return null;
    setToken(previous);
    return t('conn.keyRefused');
  };

  return { ...stores, status, conn, reconnect };
}
