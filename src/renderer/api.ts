/**
 * The only file that touches `window.plenary`: the renderer's side of the API seam.
 * In Electron the preload exposes one function per method; in browser mode the same calls go
 * to the loopback host as `POST /api/<method>` with the per-run token, which arrives in the
 * page URL and is moved at once into this tab's sessionStorage (see adoptTokenFromUrl).
 */
import type { ApiInput, ApiMethod, ApiOutputs, ApiReply } from '../shared/api.js';
import type { MessageRef } from '../shared/errors.js';

/** What the Electron preload exposes (one function per method, plus menu commands). */
export interface PlenaryBridge {
  platform: string;
  onCommand(cb: (command: string, arg?: string) => void): () => void;
  /** Electron only: the spellchecker follows the document's languages (absent in older preloads). */
  setSpellcheckLanguages?(langs: string[]): void;
  [method: string]: unknown;
}

declare global {
  interface Window {
    plenary?: PlenaryBridge;
  }
}

/**
 * An API failure: the service's code, its English message, and (when the service gave one) the
 * message as a code with values, which i18n's errorMessage says in the interface language.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly msg?: MessageRef,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Whether the app runs inside the Electron shell. */
export function isElectron(): boolean {
  return typeof window !== 'undefined' && window.plenary !== undefined;
}

/** Set by a reconnect: the new host's token replaces the one the page was loaded with. */
let tokenOverride: string | null = null;

/** Where browser mode keeps the per-run token: this tab's sessionStorage, under this key. */
export const TOKEN_KEY = 'plenary-token';

/**
 * Browser mode: takes the per-run token out of the address (`?token=…`), keeps it in this tab's
 * sessionStorage and rewrites the address without it (history.replaceState, so the entry with
 * the token is replaced, not kept in history). The token then appears in no history entry,
 * bookmark, screenshot or Referer; a reload still works, since sessionStorage lasts as long as
 * the tab, and other tabs or sites cannot read it. Called at start-up before any API call; a
 * no-op when the address has no token. Returns the token in force ('' when none).
 */
export function adoptTokenFromUrl(w: Pick<Window, 'location' | 'history' | 'sessionStorage'> = window): string {
  const url = new URL(w.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    w.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    w.history.replaceState(w.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return w.sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function token(): string {
  return tokenOverride ?? adoptTokenFromUrl();
}

/**
 * Uses `newToken` for every later call (browser mode: a restarted host on the same address).
 * Kept in sessionStorage so a reload of the tab keeps it too.
 */
export function setToken(newToken: string): void {
  tokenOverride = newToken;
  sessionStorage.setItem(TOKEN_KEY, newToken);
}

/**
 * Error codes that mean the host is gone or is another host now (its token changed: the host
 * answers a wrong token with UNAUTHORIZED). FORBIDDEN is not among them: it is the file-access
 * rule refusing a path, an ordinary error.
 */
export const HOST_LOST_CODES: ReadonlySet<string> = new Set(['OFFLINE', 'TIMEOUT', 'UNAUTHORIZED']);

async function viaHttp(method: string, input: unknown, timeoutMs?: number, keepalive = false): Promise<ApiReply<unknown>> {
  let res: Response;
  try {
    res = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-plenary-token': token() },
      body: JSON.stringify(input ?? {}),
      ...(timeoutMs ? { signal: AbortSignal.timeout(timeoutMs) } : {}),
      ...(keepalive ? { keepalive } : {}),
    });
  } catch (e) {
    if ((e as Error)?.name === 'TimeoutError') {
      const seconds = Math.round((timeoutMs ?? 0) / 1000);
      return { ok: false, error: { code: 'TIMEOUT', message: `Plenary’s background service did not answer within ${seconds} s.`, msg: { code: 'service.timeout', values: { seconds } } } };
    }
    return { ok: false, error: { code: 'OFFLINE', message: 'Plenary’s background service is not running. Start it again with "npm start"; your text is kept in this window.', msg: { code: 'service.offline' } } };
  }
  try {
    return (await res.json()) as ApiReply<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `The service answered ${res.status} without data.`, msg: { code: 'service.noData', values: { status: res.status } } } };
  }
}

/**
 * Calls an API method; rejects with ApiError. `timeoutMs` (browser mode) gives up with code
 * TIMEOUT; `keepalive` lets the request outlive the page (a release sent while the tab closes).
 */
export async function call<M extends ApiMethod>(method: M, input: ApiInput<M>, opts: { timeoutMs?: number; keepalive?: boolean } = {}): Promise<ApiOutputs[M]> {
  let reply: ApiReply<unknown>;
  const bridge = window.plenary;
  if (bridge) {
    const fn = bridge[method] as ((i: unknown) => Promise<ApiReply<unknown>>) | undefined;
    if (typeof fn !== 'function') throw new ApiError('UNKNOWN_METHOD', `The desktop shell does not offer ${method}.`, { code: 'service.noMethod', values: { method } });
    reply = await fn(input);
  } else {
    reply = await viaHttp(method, input, opts.timeoutMs, opts.keepalive);
  }
  if (!reply.ok) throw new ApiError(reply.error.code, reply.error.message, reply.error.msg);
  return reply.result as ApiOutputs[M];
}

/**
 * Tells the desktop shell the interface language, so the native menu is rebuilt in it. A no-op
 * in browser mode (the menu bar is the page's own) and with a preload that predates the call.
 */
export function tellShellUiLang(lang: string): void {
  const f = typeof window === 'undefined' ? undefined : window.plenary?.setUiLang;
  if (typeof f === 'function') (f as (l: string) => void)(lang);
}

/**
 * Tells the desktop app's spellchecker the document's languages (Electron only). In browser mode
 * the browser's own spellchecker follows the paragraphs' `lang` attribute, so nothing is sent.
 */
export function setSpellcheckLanguages(langs: string[]): void {
  window.plenary?.setSpellcheckLanguages?.(langs);
}

/** Subscribes to menu commands from the native menu (Electron only); returns an unsubscribe. */
export function onMenuCommand(cb: (command: string, arg?: string) => void): () => void {
  return window.plenary?.onCommand(cb) ?? (() => undefined);
}
