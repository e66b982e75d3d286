/**
 * Whether the window still has a living host, and reconnecting to a restarted one.
 *
 * Contract: a heartbeat (`drafts.heartbeat`, which also keeps the window's draft locks fresh)
 * runs every BEAT_MS with a TIMEOUT_MS limit. A refused connection, a timeout, or a 401/403
 * (a restarted host has a new token) marks the host lost at once, as does any other call
 * failing that way; the next successful beat marks it back. The store never touches the text:
 * losing the host only changes what the window says and offers.
 *
 * Reconnecting (browser mode): the user pastes the URL the restarted host printed. Only a URL of
 * this page's own origin is accepted (the host refuses calls from any other origin, and a token
 * must never be sent elsewhere); its token replaces the old one and is checked by a heartbeat
 * before it is kept.
 */
import { useSyncExternalStore } from 'react';
import type { ApiInput, ApiOutputs } from '../../shared/api.js';
import { HOST_LOST_CODES } from '../api.js';
import { t as tr } from '../i18n/index.js';

/** Heartbeat period. */
export const BEAT_MS = 1000;
/** A heartbeat that takes longer counts as a lost host. */
export const TIMEOUT_MS = 3000;

/** What the window knows about its host. */
export interface ConnectionStatus {
  lost: boolean;
  /** Why, in words for the user. */
  reason: string;
  /** When it was noticed. */
  since: Date | null;
}

type Beat = (input: ApiInput<'drafts.heartbeat'>, timeoutMs: number) => Promise<ApiOutputs['drafts.heartbeat']>;

/** An external store of the host's liveness. */
export class ConnectionStore {
  private status: ConnectionStatus = { lost: false, reason: '', since: null };
  private readonly listeners = new Set<() => void>();
  private timer: number | undefined;
  private current: Promise<boolean> = Promise.resolve(true);

  constructor(
    private readonly deps: {
      beat: Beat;
      session: string;
      /** The draft ids whose locks the window holds. */
      keys: () => string[];
      /** The heartbeat found these keys held by another window. */
      onLockLost?: (keys: string[]) => void;
      /** The host came back (or a reconnect succeeded). */
      onRestored?: () => void;
      timers?: { set: (fn: () => void, ms: number) => number; clear: (id: number) => void };
    },
  ) {}

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getStatus = (): ConnectionStatus => this.status;

  private set(s: ConnectionStatus): void {
    this.status = s;
    for (const fn of this.listeners) fn();
  }

  /** A call failed with `code`: if that means the host is gone, say so now. */
  reportError(code: string, message: string): void {
    if (!HOST_LOST_CODES.has(code) || this.status.lost) return;
    this.set({ lost: true, reason: explain(code, message), since: new Date() });
  }

  /** One heartbeat (after any in flight); resolves true when the host answered. */
  beat(): Promise<boolean> {
    this.current = this.current.then(() => this.beatOnce());
    return this.current;
  }

  private async beatOnce(): Promise<boolean> {
    try {
      const r = await this.deps.beat({ session: this.deps.session, keys: this.deps.keys() }, TIMEOUT_MS);
      if (this.status.lost) {
        this.set({ lost: false, reason: '', since: null });
        this.deps.onRestored?.();
      }
      if (r.lost.length) this.deps.onLockLost?.(r.lost);
      return true;
    } catch (e) {
      const code = (e as { code?: string }).code ?? 'INTERNAL';
      this.reportError(code, (e as Error).message);
      return false;
    }
  }

  /** Starts the heartbeat; returns the stop function. */
  start(): () => void {
    const t = this.deps.timers ?? { set: (fn, ms) => window.setTimeout(fn, ms), clear: (id) => window.clearTimeout(id) };
    let stopped = false;
    const tick = () => {
      void this.beat().finally(() => {
        if (!stopped) this.timer = t.set(tick, BEAT_MS);
      });
    };
    tick();
    return () => {
      stopped = true;
      if (this.timer !== undefined) t.clear(this.timer);
    };
  }
}

function explain(code: string, message: string): string {
  if (code === 'UNAUTHORIZED') return tr('conn.restarted');
  if (code === 'TIMEOUT') return tr('conn.timeout');
  if (code === 'OFFLINE') return tr('conn.offline');
  return message;
}

/**
 * Reads the token out of a URL the user pasted, refusing any other origin than `origin`.
 * Returns the token or an error message for the user.
 */
export function tokenFromPastedUrl(text: string, origin: string): { token: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { error: tr('conn.notAnAddress') };
  }
  const token = url.searchParams.get('token') ?? '';
  if (!token) return { error: tr('conn.noToken') };
  if (url.origin !== origin) {
    return {
      error: tr('conn.otherOrigin', { url: url.origin, origin }),
    };
  }
  return { token };
}

/** Subscribes a component to the connection status. */
export function useConnectionStatus(store: ConnectionStore): ConnectionStatus {
  return useSyncExternalStore(store.subscribe, store.getStatus);
}
