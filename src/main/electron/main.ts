/**
 * Electron main process: one instance, one window, the services behind IPC, the menu.
 *
 * Start-up order matters: the data folder is settled first (the single-instance lock lives in
 * userData, so two data folders may run side by side), then the lock, then — once Electron is
 * ready — the Electron-ABI build of better-sqlite3 is pointed at through PLENARY_SQLITE_BINDING
 * before the services (and so the database) are created.
 *
 * Files given on the command line (first or second instance) or by the OS (macOS open-file)
 * reach the page as the command 'file.openPath' with the path; the page then calls
 * `drafts.open`, which the file-access rule (services/access.ts) allows because such files, and
 * Open Recent's, are granted here. Commands wait in a CommandQueue until the page has subscribed.
 *
 * The page is served from app://plenary/ (app-protocol.ts), registered as privileged before
 * ready and handled once ready; nothing is loaded from file://.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  type FileFilter,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import type { ApiMethod, PlenaryApi } from '../../shared/api.js';
import { createServices, type DialogPort } from '../services/index.js';
import { dataPaths, resolveDataDir } from '../services/paths.js';
import { APP_ROOT, RENDERER_DIR } from '../app-root.js';
import { CommandQueue, COMMAND_CHANNEL, COMMAND_READY_CHANNEL, registerIpc, senderUrlOf, UI_LANG_CHANNEL } from './ipc.js';
import { buildMenuTemplate, MAX_RECENT_ITEMS, menuLangAfter, type MenuCommand } from './menu.js';
import { isUiLang, matchUiLang, readUiLangArg, type UiLang } from '../../shared/i18n/index.js';
import { createMainWindow, CONTENT_SECURITY_POLICY, trustedUrlCheck } from './window.js';
import { installSpellcheck } from './spellcheck.js';
import { ElectronPdfPrinter } from './pdf.js';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './app-protocol.js';
import { FileAccess, setAccess, type GrantOptions } from '../services/access.js';
import { installProcessGuards } from '../process-guard.js';
import { ElectronPaginator } from './paginate.js';

/** The extension of Plenary draft files. */
export const DRAFT_EXTENSION = '.plenary';

/** What the command line asks for. */
export interface LaunchArgs {
  /** `--data DIR` or `--data=DIR`, resolved against the working directory. */
  dataDir?: string;
  /** Existing-or-not `.plenary` paths, resolved against the working directory, in order. */
  files: string[];
}

/**
 * Reads `--data DIR` / `--data=DIR` and `.plenary` file arguments from an argv (argv[0], the
 * executable, is skipped; so is `.` or an app path in development since it is not a draft).
 * Chromium switches and other options are ignored, so the same parser serves the first
 * instance and the argv a second instance forwards.
 */
export function parseLaunchArgs(argv: readonly string[], cwd: string): LaunchArgs {
  const out: LaunchArgs = { files: [] };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--data') {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('-')) {
        out.dataDir = path.resolve(cwd, next);
        i++;
      }
    } else if (arg.startsWith('--data=')) {
      const value = arg.slice('--data='.length);
      if (value) out.dataDir = path.resolve(cwd, value);
    } else if (!arg.startsWith('-') && arg.toLowerCase().endsWith(DRAFT_EXTENSION)) {
      out.files.push(path.resolve(cwd, arg));
    }
  }
  return out;
}

/**
 * Where the Electron-ABI build of better-sqlite3 is: `<appRoot>/.electron-native/` in
 * development (written by scripts/electron-native.mjs), `<resources>/native/` when packaged
 * (electron-builder's extraResources; outside the asar so it can be dlopen'ed).
 */
export function electronSqliteBindingPath(o: { isPackaged: boolean; appRoot: string; resourcesPath: string }): string {
  return o.isPackaged
    ? path.join(o.resourcesPath, 'native', 'better_sqlite3.node')
    : path.join(o.appRoot, '.electron-native', 'better_sqlite3.node');
}

/**
 * Sets `env.PLENARY_SQLITE_BINDING` to `candidate` when that file exists and the variable is
 * not already set (an explicit setting wins). Returns the binding in force, or null when the
 * default (Node-ABI) build would be loaded, which fails under Electron with an ABI error.
 */
export function configureSqliteBinding(
  env: NodeJS.ProcessEnv,
  candidate: string,
  exists: (p: string) => boolean = fs.existsSync,
): string | null {
  if (env.PLENARY_SQLITE_BINDING) return env.PLENARY_SQLITE_BINDING;
  if (!exists(candidate)) return null;
  env.PLENARY_SQLITE_BINDING = candidate;
  return candidate;
}

/** Dialog filters for extensions given with or without a dot; `withAll` adds "All Files" (open dialogs). */
export function dialogFilters(extensions: readonly string[] | undefined, withAll: boolean): FileFilter[] | undefined {
  const exts = (extensions ?? []).map((e) => e.replace(/^\./, '')).filter(Boolean);
  if (!exts.length) return undefined;
  const filters: FileFilter[] = [{ name: exts.map((e) => `.${e}`).join(', '), extensions: exts }];
  if (withAll) filters.push({ name: 'All Files', extensions: ['*'] });
  return filters;
}

/**
 * The path a save dialog answered, with the filter's extension added when the user typed a
 * name without one (GTK dialogs do not add it), so the file-access rule and the written file agree.
 */
export function withExtension(file: string, extensions: readonly string[] | undefined): string {
  const exts = (extensions ?? []).map((e) => e.replace(/^\./, '').toLowerCase()).filter(Boolean);
  if (exts.length === 0) return file;
  const ext = path.extname(file).slice(1).toLowerCase();
  return exts.includes(ext) ? file : `${file}.${exts[0]}`;
}

/** What a file the OS hands to the app (command line, Finder, Open Recent) may be used for. */
const OS_GRANT: GrantOptions = { read: true, write: true, extensions: ['plenary'] };

/** Methods after which Open Recent and the OS recent-documents list are refreshed. */
const RECENT_METHODS: readonly ApiMethod[] = ['drafts.open', 'drafts.save'];

/**
 * Runs the app. Exported for tests (with a faked 'electron'); the module calls it itself only
 * when it runs inside Electron.
 */
export function main(): void {
  // APP_ROOT is the project in development and app.asar when packaged.
  const preloadPath = path.join(import.meta.dirname, 'preload.cjs');
  const iconPath = path.join(APP_ROOT, 'assets', 'icon.png');
  const isDev = !app.isPackaged;

  const launch = parseLaunchArgs(process.argv, process.cwd());
  let dataDir: string;
  if (launch.dataDir !== undefined || process.env.PLENARY_DATA) {
    dataDir = resolveDataDir({ flag: launch.dataDir, env: process.env });
    fs.mkdirSync(dataDir, { recursive: true });
    app.setPath('userData', dataDir);
  } else {
    dataDir = app.getPath('userData');
  }

  const additionalData = { argv: process.argv, cwd: process.cwd() };
  if (!app.requestSingleInstanceLock(additionalData)) {
    app.quit();
    return;
  }
  app.enableSandbox();
  // Before ready: the page is served from app://plenary/, never file://.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

  const isTrustedUrl = trustedUrlCheck();
  const access = new FileAccess(dataDir);
  const grantFromOs = (file: string): void => access.grant(file, OS_GRANT);
  for (const file of launch.files) grantFromOs(file);
  const pendingFiles: string[] = [...launch.files];
  let api: PlenaryApi | null = null;
  let win: BrowserWindow | null = null;
  let queue: CommandQueue | null = null;
  let recent: string[] = [];

  const openWindow = (): { w: BrowserWindow; q: CommandQueue } => {
    const w = createMainWindow({
      preloadPath,
      stateFile: dataPaths(dataDir).windowState,
      ...(fs.existsSync(iconPath) ? { icon: iconPath } : {}),
    });
    // The document's languages set the spellchecker; right-click offers its suggestions.
    installSpellcheck(w, {
      ipc: ipcMain,
      popup: (template) => Menu.buildFromTemplate(template).popup({ window: w }),
      uiLang: () => forcedUiLang ?? matchUiLang([app.getLocale()]) ?? 'en',
    });
    const q = new CommandQueue((command, arg) => {
      if (!w.isDestroyed()) w.webContents.send(COMMAND_CHANNEL, command, arg);
    });
    // A new document (reload) has not subscribed yet: hold commands until it says so.
    w.webContents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) q.reset();
    });
    w.on('closed', () => {
      if (win === w) {
        win = null;
        queue = null;
      }
    });
    win = w;
    queue = q;
    return { w, q };
  };

  const ensureWindow = (): { w: BrowserWindow; q: CommandQueue } =>
    win && !win.isDestroyed() && queue ? { w: win, q: queue } : openWindow();

  const sendCommand = (command: MenuCommand, arg?: string): void => {
    if (!api) return; // Before ready: nothing can be shown yet (files are kept in pendingFiles).
    ensureWindow().q.push(command, arg);
  };

  const focus = (w: BrowserWindow): void => {
    if (w.isMinimized()) w.restore();
    w.show();
    w.focus();
  };

  // --ui-lang forces the interface language (menu and page); else the OS locale. An unsupported
  // code is said on stderr and ignored rather than refusing to start.
  const uiLangArg = readUiLangArg(process.argv)?.toLowerCase();
  if (uiLangArg !== undefined && !isUiLang(uiLangArg)) console.warn(`[plenary] --ui-lang ${uiLangArg} is not an interface language (en, fr, es); ignored.`);
  const forcedUiLang = isUiLang(uiLangArg) ? uiLangArg : undefined;
  // Until the page says its language (UI_LANG_CHANNEL, on load and on every change), the menu
  // guesses it as the page will: --ui-lang, else the OS locale.
  let menuLang: UiLang = forcedUiLang ?? matchUiLang([app.getLocale()]) ?? 'en';
  const applyMenu = (): void => {
    const template = buildMenuTemplate({
      lang: menuLang,
      isMac: process.platform === 'darwin',
      isDev,
      appName: app.getName(),
      recent,
      send: sendCommand,
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };

  const refreshRecent = async (): Promise<void> => {
    if (!api) return;
    try {
      const drafts = await api['drafts.list']({});
      recent = [...drafts]
        .filter((d) => d.path)
        .sort((a, b) => (a.modified < b.modified ? 1 : a.modified > b.modified ? -1 : 0))
        .slice(0, MAX_RECENT_ITEMS)
        .map((d) => d.path);
      // Open Recent hands these paths back to the page.
      for (const p of recent) grantFromOs(p);
    } catch (e) {
      console.error('[plenary] could not list recent drafts:', e);
    }
    applyMenu();
  };

  const dialogs: DialogPort = {
    async openFile(o) {
      const kind = o.folder ? 'openDirectory' : 'openFile';
      const options: OpenDialogOptions = { properties: o.multiple ? [kind, 'multiSelections'] : [kind] };
      if (o.title) options.title = o.title;
      const filters = o.folder ? undefined : dialogFilters(o.extensions, true);
      if (filters) options.filters = filters;
      const parent = BrowserWindow.getFocusedWindow() ?? win;
      const r = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths;
    },
    async saveFile(o) {
      const options: SaveDialogOptions = {};
      if (o.title) options.title = o.title;
      if (o.defaultName) options.defaultPath = path.join(app.getPath('documents'), path.basename(o.defaultName));
      const filters = dialogFilters(o.extensions, false);
      if (filters) options.filters = filters;
      const parent = BrowserWindow.getFocusedWindow() ?? win;
      const r = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : withExtension(r.filePath, o.extensions);
    },
  };

  app.on('second-instance', (_event, argv, workingDirectory, extra) => {
    // Chromium may reorder argv on Windows; the first instance's copy sent as additionalData is exact.
    const data = extra as Partial<typeof additionalData> | undefined;
    const args = Array.isArray(data?.argv) && typeof data?.cwd === 'string'
      ? parseLaunchArgs(data.argv, data.cwd)
      : parseLaunchArgs(argv, workingDirectory);
    for (const file of args.files) grantFromOs(file);
    if (!api) {
      pendingFiles.push(...args.files);
      return;
    }
    const { w } = ensureWindow();
    focus(w);
    for (const file of args.files) sendCommand('file.openPath', file);
  });

  // macOS: a file double-clicked in Finder or dropped on the Dock icon (may come before ready).
  app.on('open-file', (event, file) => {
    event.preventDefault();
    grantFromOs(file);
    if (api) sendCommand('file.openPath', file);
    else pendingFiles.push(file);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => {
      const binding = configureSqliteBinding(
        process.env,
        electronSqliteBindingPath({ isPackaged: app.isPackaged, appRoot: APP_ROOT, resourcesPath: process.resourcesPath }),
      );
      if (!binding) {
        console.warn(
          '[plenary] no Electron build of better-sqlite3 found; the library database will fail to open. ' +
            'Run `node scripts/electron-native.mjs` (development) or rebuild the installer.',
        );
      }
      registerAppProtocol(protocol, RENDERER_DIR, CONTENT_SECURITY_POLICY);
      const services = createServices({
        dataDir,
        mode: 'electron',
        version: app.getVersion(),
        dialogs,
        printer: new ElectronPdfPrinter(),
        paginator: new ElectronPaginator(),
        ...(forcedUiLang ? { uiLang: forcedUiLang } : {}),
        systemLocale: app.getLocale(),
      });
      api = services;
      setAccess(services, access);
      // Close the database cleanly (WAL checkpoint) when the app quits.
      app.on('will-quit', () => services.close());
      registerIpc(ipcMain, services, {
        isTrustedUrl,
        access,
        onSuccess(method, _input, result) {
          if (!RECENT_METHODS.includes(method)) return;
          const p = (result as { path?: unknown } | null)?.path;
          if (typeof p === 'string' && p) app.addRecentDocument(p);
          void refreshRecent();
        },
      });
      ipcMain.on(COMMAND_READY_CHANNEL, (event) => {
        const url = senderUrlOf(event);
        if (!win || event.sender !== win.webContents || url === undefined || !isTrustedUrl(url)) return;
        queue?.markReady();
      });
      ipcMain.on(UI_LANG_CHANNEL, (event, lang: unknown) => {
        const url = senderUrlOf(event);
        if (!win || event.sender !== win.webContents || url === undefined || !isTrustedUrl(url)) return;
        const next = menuLangAfter(menuLang, lang);
        if (next === menuLang) return;
        menuLang = next;
        applyMenu();
      });
      applyMenu();
      void refreshRecent();
      openWindow();
      for (const file of pendingFiles.splice(0)) sendCommand('file.openPath', file);

      app.on('activate', () => {
        // macOS: clicking the Dock icon with no window open makes a new one.
        if (BrowserWindow.getAllWindows().length === 0) openWindow();
      });
    })
    .catch((e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      console.error('[plenary] could not start:', e);
      dialog.showErrorBox('Plenary could not start', message);
      app.exit(1);
    });
}

// Only inside Electron: importing this module in tests must not start an app.
if (process.versions.electron) {
  // A stray rejection or exception becomes a line in the log, never a dead main process (issue 10).
  installProcessGuards('plenary main');
  main();
}
