/**
 * The main window and the locks on it: secure webPreferences, a strict CSP, no remote content,
 * no navigation away from the app's page (app://plenary/index.html), no popups, external links
 * only after a confirmation, no permissions, remembered geometry.
 */
import { BrowserWindow, dialog, screen, shell, type Session, type WebContents, type WebPreferences } from 'electron';
import { APP_INDEX_URL, APP_SCHEME } from './app-protocol.js';
import {
  clampToDisplays,
  loadWindowState,
  MIN_WINDOW_SIZE,
  saveWindowState,
  type Rect,
  type WindowState,
} from './window-state.js';

/**
 * The Content-Security-Policy of the app's page. Scripts only from the app's own files; inline
 * styles allowed because ProseMirror and React set style attributes; no plugins, no <base>, no
 * framing, no form posts. `connect-src` falls back to 'self': the page talks to main over IPC.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** URL patterns of remote content; every request matching them is cancelled. */
export const REMOTE_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

/** The only permission granted, and only to the app's page: writing plain text to the clipboard. */
export const ALLOWED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

/**
 * The webPreferences of every Plenary window: isolated, sandboxed, no Node in the page or its
 * workers, web security on, no <webview>. The preload is the only bridge.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: true,
    preload: preloadPath,
  };
}

/**
 * A predicate true only for the app's own page, `app://plenary/index.html` (query and fragment
 * ignored, so hash routing stays trusted). file: URLs, other hosts and malformed URLs are untrusted.
 */
export function trustedUrlCheck(indexUrl: string = APP_INDEX_URL): (url: string) => boolean {
  const expected = new URL(indexUrl);
  return (url: string) => {
    try {
      const u = new URL(url);
      return u.protocol === expected.protocol && u.host === expected.host && u.pathname === expected.pathname;
    } catch {
      return false;
    }
  };
}

/** True for https: and mailto: URLs, the only ones ever handed to the OS (after the user confirms). */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'mailto:';
  } catch {
    return false;
  }
}

/** What confirmExternal needs from Electron (fakes in tests). */
export interface ExternalPorts {
  confirm(url: string): Promise<boolean>;
  open(url: string): Promise<void>;
}

const electronExternalPorts: ExternalPorts = {
  async confirm(url) {
    const parent = BrowserWindow.getFocusedWindow();
    const options = {
      type: 'question' as const,
      buttons: ['Open', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      title: 'Open a link outside Plenary',
      message: url.startsWith('mailto:') ? 'Write an e-mail with your mail program?' : 'Open this link in your web browser?',
      detail: url,
    };
    const r = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
    return r.response === 0;
  },
  open: (url) => shell.openExternal(url),
};

/**
 * Hands `url` to the OS only if it is https: or mailto: and the user confirms, showing the
 * full URL. Resolves to whether it was opened; never rejects.
 */
export async function confirmExternal(url: string, ports: ExternalPorts = electronExternalPorts): Promise<boolean> {
  if (!isExternalWebUrl(url)) return false;
  try {
    if (!(await ports.confirm(url))) return false;
    await ports.open(url);
    return true;
  } catch (e) {
    console.error('[plenary] could not open link:', e);
    return false;
  }
}

/** Whether a permission request or check is granted: only ALLOWED_PERMISSIONS, only for the app's page. */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined, isTrustedUrl: (url: string) => boolean): boolean {
  if (!ALLOWED_PERMISSIONS.includes(permission)) return false;
  return requestingUrl !== undefined && isTrustedUrl(requestingUrl);
}

/** Options of the session and webContents locks. */
export interface HardenOptions {
  isTrustedUrl(url: string): boolean;
  /** Opens a URL in the OS browser (shell.openExternal by default; a fake in tests). */
  openExternal?(url: string): void;
}

function openExternalDefault(url: string): void {
  void confirmExternal(url);
}

/**
 * Locks a session: the CSP header on every app: (and file:) response, every http(s)/ws(s) request
 * cancelled, permission requests and checks refused (see isPermissionAllowed). Idempotent:
 * Electron keeps one listener per webRequest event and one handler per permission hook.
 */
export function hardenSession(session: Session, opts: HardenOptions): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!details.url.startsWith(`${APP_SCHEME}:`) && !details.url.startsWith('file:')) {
      callback({});
      return;
    }
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });
  session.webRequest.onBeforeRequest({ urls: REMOTE_URL_PATTERNS }, (_details, callback) => {
    callback({ cancel: true });
  });
  session.setPermissionRequestHandler((_wc, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, opts.isTrustedUrl));
  });
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) =>
    isPermissionAllowed(permission, details.requestingUrl ?? requestingOrigin, opts.isTrustedUrl),
  );
}

/**
 * Locks a window's webContents: `window.open` always denied (https and mailto links go to the
 * OS after the user confirms), navigation and redirects away from the app's page prevented
 * (again offering https/mailto links to the OS), <webview> attachment prevented.
 */
export function hardenWebContents(contents: WebContents, opts: HardenOptions): void {
  const openExternal = opts.openExternal ?? openExternalDefault;
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (opts.isTrustedUrl(url)) return;
    event.preventDefault();
    if (isExternalWebUrl(url)) openExternal(url);
  };
  contents.on('will-navigate', (event, url) => guard(event, url));
  contents.on('will-redirect', (event, url) => guard(event, url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The work areas of the attached displays, primary first (what clampToDisplays expects). */
export function displayWorkAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((d) => d.id !== primary.id);
  return [primary.workArea, ...others.map((d) => d.workArea)];
}

/** The part of BrowserWindow that trackWindowState uses. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close' | 'closed', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isDestroyed(): boolean;
}

/**
 * Saves the window's geometry to `file`: debounced while it is resized or moved, at once on
 * (un)maximize and on close. The restored (normal) bounds are kept even while maximized, so
 * un-maximizing next session returns to the remembered size. Returns `flush` (save now).
 */
export function trackWindowState(win: TrackedWindow, file: string, debounceMs = 400): { flush(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const snapshot = (): WindowState => {
    const b = win.getNormalBounds();
    return { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
  };
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!win.isDestroyed()) saveWindowState(file, snapshot());
  };
  const later = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('maximize', flush);
  win.on('unmaximize', flush);
  win.on('close', flush);
  win.on('closed', () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  });
  return { flush };
}

/** Inputs of createMainWindow. */
export interface MainWindowOptions {
  /** Absolute path of the compiled preload (dist/main/electron/preload.cjs). */
  preloadPath: string;
  /** The page to load; app://plenary/index.html (served by app-protocol.ts) by default. */
  indexUrl?: string;
  /** Where the window geometry is remembered (window-state.ts `windowStatePath`). */
  stateFile: string;
  /** Window icon (Linux and Windows; macOS takes the bundle's). */
  icon?: string;
  title?: string;
  /** Opens a URL outside the app (confirmExternal by default). */
  openExternal?(url: string): void;
}

/**
 * Creates the main window with secureWebPreferences, the session and webContents locks, the
 * remembered geometry (clamped to the displays attached now), shows it when ready and loads
 * the app's page from app://plenary/ (never file://). Load failures are logged, not thrown.
 */
export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const indexUrl = opts.indexUrl ?? APP_INDEX_URL;
  const isTrustedUrl = trustedUrlCheck(indexUrl);
  const state = clampToDisplays(loadWindowState(opts.stateFile), displayWorkAreas());
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: opts.title ?? 'Plenary',
    ...(opts.icon ? { icon: opts.icon } : {}),
    webPreferences: secureWebPreferences(opts.preloadPath),
  });
  const harden: HardenOptions = { isTrustedUrl, ...(opts.openExternal ? { openExternal: opts.openExternal } : {}) };
  hardenSession(win.webContents.session, harden);
  hardenWebContents(win.webContents, harden);
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  trackWindowState(win, opts.stateFile);
  win.loadURL(indexUrl).catch((e: unknown) => {
    console.error(`[plenary] could not load ${indexUrl}:`, e);
  });
  return win;
}
