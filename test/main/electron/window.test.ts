/**
 * The window factory and the main-process lifecycle, against a fake 'electron' module (no
 * Electron runtime can start here). The fake records what the code asks of Electron; the tests
 * drive the events Electron would emit.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = await vi.hoisted(async () => {
  // vi.hoisted runs before the imports above, so it loads what it needs itself.
  const { EventEmitter: Emitter } = await import('node:events');

  class FakeSession {
    webRequest = { onHeadersReceived: vi.fn(), onBeforeRequest: vi.fn() };
    setPermissionRequestHandler = vi.fn();
    setPermissionCheckHandler = vi.fn();
  }
  class FakeWebContents extends Emitter {
    session = new FakeSession();
    openHandler: ((d: { url: string }) => { action: string }) | undefined;
    send = vi.fn();
    setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
      this.openHandler = h;
    }
    isDestroyed() {
      return false;
    }
  }
  class FakeBrowserWindow extends Emitter {
    static instances: FakeBrowserWindow[] = [];
    static getAllWindows() {
      return FakeBrowserWindow.instances.filter((w) => !w.destroyed);
    }
    static getFocusedWindow() {
      return null;
    }
    options: Record<string, unknown>;
    webContents = new FakeWebContents();
    bounds: { x: number; y: number; width: number; height: number };
    maximized = false;
    minimized = false;
    destroyed = false;
    loadFile = vi.fn(async (_file: string) => undefined);
    loadURL = vi.fn(async (_url: string) => undefined);
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    maximize = vi.fn(() => {
      this.maximized = true;
    });
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      this.bounds = {
        x: (options.x as number | undefined) ?? 50,
        y: (options.y as number | undefined) ?? 50,
        width: options.width as number,
        height: options.height as number,
      };
      FakeBrowserWindow.instances.push(this);
    }
    isMaximized() {
      return this.maximized;
    }
    isMinimized() {
      return this.minimized;
    }
    isDestroyed() {
      return this.destroyed;
    }
    getNormalBounds() {
      return this.bounds;
    }
  }

  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    lock: true,
    paths: {} as Record<string, string>,
    requestSingleInstanceLock: vi.fn((_data?: unknown) => app.lock),
    quit: vi.fn(),
    exit: vi.fn(),
    enableSandbox: vi.fn(),
    setPath: vi.fn((name: string, p: string) => {
      app.paths[name] = p;
    }),
    getPath: vi.fn((name: string) => app.paths[name] ?? `/fake/${name}`),
    getName: () => 'Plenary',
    getVersion: () => '0.1.0',
    getLocale: () => 'en-US',
    whenReady: vi.fn(() => Promise.resolve()),
    addRecentDocument: vi.fn(),
  });

  return {
    FakeBrowserWindow,
    app,
    ipcMain: Object.assign(new Emitter(), {
      handlers: new Map<string, (...args: unknown[]) => unknown>(),
      handle: vi.fn((channel: string, h: (...args: unknown[]) => unknown) => {
        fake.ipcMain.handlers.set(channel, h);
      }),
      removeHandler: vi.fn(),
    }),
    Menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 1 })) },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handlers: new Map<string, (r: Request) => Promise<Response>>(),
      handle: vi.fn((scheme: string, h: (r: Request) => Promise<Response>) => {
        fake.protocol.handlers.set(scheme, h);
      }),
    },
    shell: { openExternal: vi.fn(async () => undefined) },
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
      getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    },
    createServices: vi.fn(),
  };
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.FakeBrowserWindow,
  ipcMain: fake.ipcMain,
  Menu: fake.Menu,
  dialog: fake.dialog,
  shell: fake.shell,
  screen: fake.screen,
  protocol: fake.protocol,
}));
vi.mock('../../../src/main/services/index.js', () => ({ createServices: fake.createServices }));

import { API_METHODS } from '../../../src/shared/api.js';
import { APP_ROOT } from '../../../src/main/app-root.js';
import { COMMAND_CHANNEL, COMMAND_READY_CHANNEL } from '../../../src/main/electron/ipc.js';
import {
  configureSqliteBinding,
  dialogFilters,
  electronSqliteBindingPath,
  main,
  parseLaunchArgs,
  withExtension,
} from '../../../src/main/electron/main.js';
import { APP_INDEX_URL } from '../../../src/main/electron/app-protocol.js';
import {
  confirmExternal,
  CONTENT_SECURITY_POLICY,
  createMainWindow,
  isExternalWebUrl,
  isPermissionAllowed,
  REMOTE_URL_PATTERNS,
  secureWebPreferences,
  trustedUrlCheck,
} from '../../../src/main/electron/window.js';

type FakeWindow = InstanceType<typeof fake.FakeBrowserWindow>;

const INDEX = path.resolve('/opt/plenary/dist/renderer/index.html');
const INDEX_URL = APP_INDEX_URL;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-window-'));
  fake.FakeBrowserWindow.instances.length = 0;
  vi.clearAllMocks();
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  vi.useRealTimers();
});

function makeWindow(openExternal = vi.fn()) {
  const win = createMainWindow({
    preloadPath: '/opt/plenary/dist/main/electron/preload.cjs',
    stateFile: path.join(dir, 'window-state.json'),
    openExternal,
  }) as unknown as FakeWindow;
  return { win, openExternal };
}

const navEvent = () => ({ preventDefault: vi.fn() });

describe('secureWebPreferences', () => {
  it('is exactly the secure set', () => {
    expect(secureWebPreferences('/p/preload.cjs')).toStrictEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      preload: '/p/preload.cjs',
    });
  });
});

describe('createMainWindow', () => {
  it('passes the secure webPreferences to BrowserWindow and loads the page from app://, never file://', () => {
    const { win } = makeWindow();
    expect(win.options.webPreferences).toStrictEqual(secureWebPreferences('/opt/plenary/dist/main/electron/preload.cjs'));
    expect(win.options.show).toBe(false);
    expect(win.loadURL).toHaveBeenCalledWith('app://plenary/index.html');
    expect(win.loadFile).not.toHaveBeenCalled();
  });

  it('denies every window.open, offering only https and mailto links to the OS', () => {
    const { win, openExternal } = makeWindow();
    const handler = win.webContents.openHandler;
    expect(handler).toBeTypeOf('function');
    for (const url of ['https://undocs.org/A/RES/74/197', 'http://example.org', 'mailto:a@un.org', 'file:///etc/passwd', 'javascript:alert(1)', INDEX_URL]) {
      expect(handler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls).toEqual([['https://undocs.org/A/RES/74/197'], ['mailto:a@un.org']]);
  });

  it('opens an external link only after the user confirms, by default', async () => {
    const win = createMainWindow({ preloadPath: '/p.cjs', stateFile: path.join(dir, 'ws.json') }) as unknown as FakeWindow;
    win.webContents.openHandler?.({ url: 'https://undocs.org/x' });
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ detail: 'https://undocs.org/x', cancelId: 1, defaultId: 1 }));
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
  });

  it('prevents navigation away from the app page', () => {
    const { win, openExternal } = makeWindow();
    const away = navEvent();
    win.webContents.emit('will-navigate', away, 'https://example.org/');
    expect(away.preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith('https://example.org/');

    const otherFile = navEvent();
    win.webContents.emit('will-navigate', otherFile, pathToFileURL('/tmp/other.html').href);
    expect(otherFile.preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledTimes(1);

    const redirect = navEvent();
    win.webContents.emit('will-redirect', redirect, 'https://example.org/');
    expect(redirect.preventDefault).toHaveBeenCalled();

    const self = navEvent();
    win.webContents.emit('will-navigate', self, `${INDEX_URL}#/draft`);
    expect(self.preventDefault).not.toHaveBeenCalled();

    const webview = navEvent();
    win.webContents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('sets the CSP header on app: responses and leaves others alone', () => {
    const { win } = makeWindow();
    const listener = win.webContents.session.webRequest.onHeadersReceived.mock.calls[0]?.[0] as (
      d: unknown,
      cb: (r: unknown) => void,
    ) => void;
    const cb = vi.fn();
    listener({ url: INDEX_URL, responseHeaders: { 'content-security-policy': ["default-src *"], 'X-Other': ['1'] } }, cb);
    expect(cb).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
    listener({ url: 'devtools://devtools/bundled/x.js', responseHeaders: {} }, cb);
    expect(cb).toHaveBeenLastCalledWith({});
    for (const part of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'none'"]) {
      expect(CONTENT_SECURITY_POLICY).toContain(part);
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it('cancels every http, https, ws and wss request', () => {
    const { win } = makeWindow();
    const [filter, listener] = win.webContents.session.webRequest.onBeforeRequest.mock.calls[0] as [
      { urls: string[] },
      (d: unknown, cb: (r: unknown) => void) => void,
    ];
    expect(filter.urls).toEqual(REMOTE_URL_PATTERNS);
    expect(filter.urls).toEqual(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']);
    const cb = vi.fn();
    listener({ url: 'https://fonts.example/x.woff2' }, cb);
    expect(cb).toHaveBeenCalledWith({ cancel: true });
  });

  it('denies permission requests and checks', () => {
    const { win } = makeWindow();
    const request = win.webContents.session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      wc: unknown,
      p: string,
      cb: (ok: boolean) => void,
      d: { requestingUrl: string },
    ) => void;
    const check = win.webContents.session.setPermissionCheckHandler.mock.calls[0]?.[0] as (
      wc: unknown,
      p: string,
      origin: string,
      d: { requestingUrl?: string },
    ) => boolean;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const cb = vi.fn();
      request(null, permission, cb, { requestingUrl: INDEX_URL });
      expect(cb).toHaveBeenCalledWith(false);
      expect(check(null, permission, 'file:///', { requestingUrl: INDEX_URL })).toBe(false);
    }
  });

  it('restores a remembered maximized window, clamped to the display', () => {
    fs.writeFileSync(path.join(dir, 'window-state.json'), JSON.stringify({ x: 5000, y: 10, width: 1000, height: 700, maximized: true }));
    const { win } = makeWindow();
    expect(win.options).toMatchObject({ width: 1000, height: 700 });
    expect(win.options).not.toHaveProperty('x');
    win.emit('ready-to-show');
    expect(win.maximize).toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
  });

  it('remembers size and position after a resize (debounced) and on close', () => {
    vi.useFakeTimers();
    const file = path.join(dir, 'window-state.json');
    const { win } = makeWindow();
    win.bounds = { x: 10, y: 20, width: 1111, height: 777 };
    win.emit('resize');
    win.emit('move');
    expect(fs.existsSync(file)).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ x: 10, y: 20, width: 1111, height: 777, maximized: false });
    win.maximized = true;
    win.emit('close');
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).maximized).toBe(true);
  });
});

describe('window helpers', () => {
  it('trusts only the app page', () => {
    const trusted = trustedUrlCheck();
    expect(trusted(INDEX_URL)).toBe(true);
    expect(trusted(`${INDEX_URL}?x=1#/a`)).toBe(true);
    expect(trusted(pathToFileURL(INDEX).href)).toBe(false);
    expect(trusted('app://plenary/other.html')).toBe(false);
    expect(trusted('app://evil/index.html')).toBe(false);
    expect(trusted(pathToFileURL('/opt/plenary/dist/renderer/other.html').href)).toBe(false);
    expect(trusted('https://opt/plenary/dist/renderer/index.html')).toBe(false);
    expect(trusted('not a url')).toBe(false);
    expect(trusted('')).toBe(false);
  });

  it('opens only https and mailto links externally', () => {
    expect(isExternalWebUrl('https://un.org')).toBe(true);
    expect(isExternalWebUrl('mailto:a@b.c')).toBe(true);
    for (const url of ['http://un.org', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'nonsense']) {
      expect(isExternalWebUrl(url)).toBe(false);
    }
  });

  it('hands a link to the OS only after confirmation, and never a non-https one', async () => {
    const ports = { confirm: vi.fn(async () => false), open: vi.fn(async () => undefined) };
    expect(await confirmExternal('https://undocs.org/A/RES/74/197', ports)).toBe(false);
    expect(ports.confirm).toHaveBeenCalledWith('https://undocs.org/A/RES/74/197');
    expect(ports.open).not.toHaveBeenCalled();
    ports.confirm.mockResolvedValue(true);
    expect(await confirmExternal('https://undocs.org/A/RES/74/197', ports)).toBe(true);
    expect(ports.open).toHaveBeenCalledWith('https://undocs.org/A/RES/74/197');
    ports.confirm.mockClear();
    for (const url of ['http://un.org', 'file:///etc/passwd', 'smb://x/y', 'javascript:alert(1)']) {
      expect(await confirmExternal(url, ports)).toBe(false);
    }
    expect(ports.confirm).not.toHaveBeenCalled();
  });

  it('adds the save filter\'s extension when the typed name has none', () => {
    expect(withExtension('/home/d/report', ['docx'])).toBe('/home/d/report.docx');
    expect(withExtension('/home/d/report.DOCX', ['docx'])).toBe('/home/d/report.DOCX');
    expect(withExtension('/home/d/report.sh', ['.pdf'])).toBe('/home/d/report.sh.pdf');
    expect(withExtension('/home/d/report', undefined)).toBe('/home/d/report');
  });

  it('grants only sanitized clipboard writes, only to the app page', () => {
    const trusted = trustedUrlCheck();
    expect(isPermissionAllowed('clipboard-sanitized-write', INDEX_URL, trusted)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example', trusted)).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', undefined, trusted)).toBe(false);
    expect(isPermissionAllowed('media', INDEX_URL, trusted)).toBe(false);
  });
});

describe('main.ts helpers', () => {
  it('parses --data and .plenary files from argv', () => {
    expect(parseLaunchArgs(['/usr/bin/plenary', '.', '--data', 'd', 'a.plenary', '--no-sandbox', 'B.PLENARY', 'x.txt'], '/w')).toEqual({
      dataDir: path.resolve('/w/d'),
      files: [path.resolve('/w/a.plenary'), path.resolve('/w/B.PLENARY')],
    });
    expect(parseLaunchArgs(['plenary', '--data=/abs'], '/w')).toEqual({ dataDir: path.resolve('/abs'), files: [] });
    expect(parseLaunchArgs(['/w/x.plenary'], '/w')).toEqual({ files: [] });
  });

  it('locates the Electron build of better-sqlite3 in development and when packaged', () => {
    expect(electronSqliteBindingPath({ isPackaged: false, appRoot: '/p', resourcesPath: '/r' })).toBe(
      path.join('/p', '.electron-native', 'better_sqlite3.node'),
    );
    expect(electronSqliteBindingPath({ isPackaged: true, appRoot: '/r/app.asar', resourcesPath: '/r' })).toBe(
      path.join('/r', 'native', 'better_sqlite3.node'),
    );
  });

  it('sets PLENARY_SQLITE_BINDING only when the file exists and nothing is set yet', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(configureSqliteBinding(env, '/missing.node', () => false)).toBeNull();
    expect(env.PLENARY_SQLITE_BINDING).toBeUndefined();
    expect(configureSqliteBinding(env, '/x.node', () => true)).toBe('/x.node');
    expect(env.PLENARY_SQLITE_BINDING).toBe('/x.node');
    expect(configureSqliteBinding(env, '/y.node', () => true)).toBe('/x.node');
  });

  it('builds dialog filters from extensions with or without dots', () => {
    expect(dialogFilters(undefined, true)).toBeUndefined();
    expect(dialogFilters(['.plenary', 'json'], true)).toEqual([
      { name: '.plenary, .json', extensions: ['plenary', 'json'] },
      { name: 'All Files', extensions: ['*'] },
    ]);
    expect(dialogFilters(['docx'], false)).toEqual([{ name: '.docx', extensions: ['docx'] }]);
  });
});

describe('main() lifecycle', () => {
  const savedEnv = { ...process.env };
  let api: Record<string, ReturnType<typeof vi.fn>>;

  beforeEach(() => {
    fake.app.removeAllListeners();
    fake.ipcMain.removeAllListeners();
    fake.ipcMain.handlers.clear();
    fake.app.lock = true;
    fake.app.paths = {};
    process.env.PLENARY_DATA = dir;
    process.env.PLENARY_SQLITE_BINDING = path.join(dir, 'better_sqlite3.node');
    api = {};
    for (const m of API_METHODS) api[m] = vi.fn(async () => null);
    api['drafts.list'] = vi.fn(async () => [
      { path: '/d/old.plenary', name: 'old', title: '', symbol: '', modified: '2024-01-01T00:00:00Z' },
      { path: '/d/new.plenary', name: 'new', title: '', symbol: '', modified: '2025-01-01T00:00:00Z' },
    ]);
    api['drafts.open'] = vi.fn(async ({ path: p }: { path: string }) => ({ path: p, file: {} }));
    fake.createServices.mockImplementation(() => api);
  });
  afterEach(() => {
    process.env = { ...savedEnv };
  });

  const settle = () => new Promise((r) => setTimeout(r, 0));
  const trustedEvent = (win: FakeWindow) => ({
    sender: win.webContents,
    senderFrame: { url: APP_INDEX_URL, parent: null },
  });

  it('quits at once when another instance holds the lock', () => {
    fake.app.lock = false;
    main();
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(fake.createServices).not.toHaveBeenCalled();
  });

  it('uses PLENARY_DATA as userData, creates the services, registers IPC, the menu and the window', async () => {
    main();
    expect(fake.app.setPath).toHaveBeenCalledWith('userData', path.resolve(dir));
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    await settle();
    expect(fake.createServices).toHaveBeenCalledWith(
      expect.objectContaining({ dataDir: path.resolve(dir), mode: 'electron', version: '0.1.0', dialogs: expect.any(Object) }),
    );
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(API_METHODS.map((m) => `plenary:${m}`).sort());
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalled();
    const [win] = fake.FakeBrowserWindow.instances;
    expect(win?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String((win?.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(win?.loadURL).toHaveBeenCalledWith(APP_INDEX_URL);
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const served = await fake.protocol.handlers.get('app')?.(new Request('app://plenary/../../../etc/passwd'));
    expect(served?.status).toBe(404);
  });

  it('lists recent drafts, newest first, under File ▸ Open Recent', async () => {
    main();
    await settle();
    await settle();
    const last = fake.Menu.buildFromTemplate.mock.lastCall?.[0] as { label?: string; submenu?: { label?: string }[] }[];
    const file = last.find((i) => i.label?.replace('&', '') === 'File');
    const recent = file?.submenu?.find((i) => i.label === 'Open Recent') as { submenu: { label: string }[] };
    expect(recent.submenu.map((i) => i.label)).toEqual(['new.plenary', 'old.plenary']);
  });

  it('answers IPC for the app page only', async () => {
    main();
    await settle();
    const [win] = fake.FakeBrowserWindow.instances as FakeWindow[];
    const handler = fake.ipcMain.handlers.get('plenary:app.info');
    await expect(handler?.(trustedEvent(win as FakeWindow), {})).resolves.toEqual({ ok: true, result: null });
    await expect(handler?.({ senderFrame: { url: 'https://evil.example/', parent: null } }, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('records opened drafts as recent documents; opens only files the OS or a dialog gave', async () => {
    main();
    await settle();
    const [win] = fake.FakeBrowserWindow.instances as FakeWindow[];
    const open = fake.ipcMain.handlers.get('plenary:drafts.open');
    await expect(open?.(trustedEvent(win as FakeWindow), { path: '/d/a.plenary' })).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(api['drafts.open']).not.toHaveBeenCalled();
    fake.app.emit('open-file', { preventDefault: vi.fn() }, '/d/a.plenary');
    await expect(open?.(trustedEvent(win as FakeWindow), { path: '/d/a.plenary' })).resolves.toMatchObject({ ok: true });
    expect(fake.app.addRecentDocument).toHaveBeenCalledWith('/d/a.plenary');
    // Open Recent entries (from drafts.list) are allowed too.
    await expect(open?.(trustedEvent(win as FakeWindow), { path: '/d/new.plenary' })).resolves.toMatchObject({ ok: true });
  });

  it('opens a file passed to a second instance once the page listens, focusing the window', async () => {
    main();
    await settle();
    const [win] = fake.FakeBrowserWindow.instances as FakeWindow[];
    if (!win) throw new Error('no window');
    win.minimized = true;
    fake.app.emit('second-instance', {}, ['plenary', 'notes/b.plenary'], '/home/d', undefined);
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(win.webContents.send).not.toHaveBeenCalled();

    // A message from some other page does not release the queue.
    fake.ipcMain.emit(COMMAND_READY_CHANNEL, { sender: win.webContents, senderFrame: { url: 'https://evil.example/', parent: null } });
    expect(win.webContents.send).not.toHaveBeenCalled();

    fake.ipcMain.emit(COMMAND_READY_CHANNEL, trustedEvent(win));
    expect(win.webContents.send).toHaveBeenCalledWith(COMMAND_CHANNEL, 'file.openPath', path.resolve('/home/d/notes/b.plenary'));
  });

  it('prefers the exact argv a second instance sends as additional data', async () => {
    main();
    await settle();
    const [win] = fake.FakeBrowserWindow.instances as FakeWindow[];
    if (!win) throw new Error('no window');
    fake.ipcMain.emit(COMMAND_READY_CHANNEL, trustedEvent(win));
    fake.app.emit('second-instance', {}, ['plenary', '--mangled'], '/', { argv: ['plenary', 'c.plenary'], cwd: '/cwd' });
    expect(win.webContents.send).toHaveBeenCalledWith(COMMAND_CHANNEL, 'file.openPath', path.resolve('/cwd/c.plenary'));
  });

  it('sends menu commands to the window', async () => {
    main();
    await settle();
    const [win] = fake.FakeBrowserWindow.instances as FakeWindow[];
    if (!win) throw new Error('no window');
    fake.ipcMain.emit(COMMAND_READY_CHANNEL, trustedEvent(win));
    const template = fake.Menu.buildFromTemplate.mock.lastCall?.[0] as { label?: string; submenu?: { label?: string; click?: () => void }[] }[];
    const file = template.find((i) => i.label?.replace('&', '') === 'File');
    file?.submenu?.find((i) => i.label === 'Save')?.click?.();
    expect(win.webContents.send).toHaveBeenCalledWith(COMMAND_CHANNEL, 'file.save', undefined);
  });

  it('keeps an explicit PLENARY_SQLITE_BINDING, and warns when no Electron build is found', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    main();
    await settle();
    expect(process.env.PLENARY_SQLITE_BINDING).toBe(path.join(dir, 'better_sqlite3.node'));
    expect(warn).not.toHaveBeenCalled();

    delete process.env.PLENARY_SQLITE_BINDING;
    fake.app.removeAllListeners();
    fake.ipcMain.removeAllListeners();
    main();
    await settle();
    // This checkout has no .electron-native build (it is made by scripts/electron-native.mjs).
    if (!fs.existsSync(path.join(APP_ROOT, '.electron-native', 'better_sqlite3.node'))) {
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('no Electron build of better-sqlite3'));
      expect(process.env.PLENARY_SQLITE_BINDING).toBeUndefined();
    }
  });

  it('quits when the last window closes, except on macOS', async () => {
    main();
    await settle();
    fake.app.emit('window-all-closed');
    if (process.platform === 'darwin') expect(fake.app.quit).not.toHaveBeenCalled();
    else expect(fake.app.quit).toHaveBeenCalled();
  });

  it('shows an error and exits when the services cannot start', async () => {
    fake.createServices.mockImplementation(() => {
      throw new Error('The library database was written by a newer Plenary.');
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    main();
    await settle();
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith('Plenary could not start', 'The library database was written by a newer Plenary.');
    expect(fake.app.exit).toHaveBeenCalledWith(1);
  });
});
