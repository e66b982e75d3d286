/**
 * The application menu, built as a plain template so it is tested without Electron.
 *
 * Items that are app commands call `send(commandId, arg?)`; main.ts forwards that to the focused
 * window as a 'plenary:command' message, which the page receives through the preload's
 * `onCommand`. Editing and window items use Electron roles, so they behave natively (undo/redo
 * reach ProseMirror as `historyUndo`/`historyRedo` beforeinput events).
 */
import type { MenuItemConstructorOptions } from 'electron';
import { translate, type UiLang } from '../../shared/i18n/index.js';

/** Every command id the menu can send. The page's command handler switches on these. */
export const MENU_COMMANDS = [
  'file.new',
  'file.newFromResolution',
  'file.open',
  'file.openPath',
  'file.save',
  'file.saveAs',
  'file.import',
  'file.importFolder',
  'file.printPreview',
  'file.mergeWord',
  'export.docx',
  'export.pdf',
  'export.html',
  'export.txt',
  'export.akn',
  'edit.find',
  'edit.punctuate',
  'edit.autoPunctuate',
  'edit.convert',
  'edit.footnote',
  'edit.crossRef',
  'edit.negotiationNumbering',
  'view.outline',
  'view.checks',
  'view.notes',
  'view.document',
  'view.togglePanel',
  'view.toggleTheme',
  'view.toggleLibrary',
  'view.uiLanguage',
  'help.shortcuts',
  'help.about',
] as const;

/** A command id the menu (or the OS, for `file.openPath`) sends to the page. */
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Inputs of buildMenuTemplate. */
export interface MenuOptions {
  isMac: boolean;
  /** Adds Reload and Toggle Developer Tools to View. */
  isDev: boolean;
  appName: string;
  /** Interface language of the labels (src/shared/i18n); English when absent. Roles keep Electron's own labels. */
  lang?: UiLang;
  /** Paths of recent drafts, most recent first; shown under File ▸ Open Recent (at most 10). */
  recent: string[];
  /** Delivers a command to the focused window; `arg` is the path for `file.openPath`. */
  send: (command: MenuCommand, arg?: string) => void;
}

/** How many recent drafts Open Recent lists. */
export const MAX_RECENT_ITEMS = 10;

function baseName(p: string): string {
  const parts = p.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? p;
}

/**
 * Labels for recent paths: the file name, or the full path when two recent files share a
 * name. With `escapeAmpersands` (Windows and Linux, whose menus read `&` as a mnemonic marker)
 * a literal `&` is doubled.
 */
export function recentLabels(paths: readonly string[], escapeAmpersands: boolean): string[] {
  const names = paths.map(baseName);
  return paths.map((p, i) => {
    const name = names[i] ?? p;
    const ambiguous = names.filter((n) => n === name).length > 1;
    const label = ambiguous ? p : name;
    return escapeAmpersands ? label.replace(/&/g, '&&') : label;
  });
}

/**
 * Builds the application menu template: File, Edit, View, Window, Help (and the app menu first
 * on macOS, where About, Quit and Hide live). Pure: same options, same template.
 */
export function buildMenuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const { isMac, isDev, appName, send } = opts;
  const lang = opts.lang ?? 'en';
  const tr = (key: string, vars?: Record<string, string>) => translate(lang, key, vars);
  const editorCmd = (label: string, command: MenuCommand, accelerator: string): MenuItemConstructorOptions => ({
    id: command,
    label,
    accelerator,
    registerAccelerator: false,
    click: () => send(command),
  });
  const cmd = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => {
    const item: MenuItemConstructorOptions = { id: command, label, click: () => send(command) };
    if (accelerator) item.accelerator = accelerator;
    return item;
  };

  const recent = opts.recent.slice(0, MAX_RECENT_ITEMS);
  const labels = recentLabels(recent, !isMac);
  // Alt-key mnemonics exist on Windows and Linux only; macOS would show the `&`.
  const top = (label: string) => (isMac ? label : `&${label}`);
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? recent.map((p, i) => ({ label: labels[i] ?? p, click: () => send('file.openPath', p) }))
    : [{ label: tr('native.file.noRecent'), enabled: false }];

  const template: MenuItemConstructorOptions[] = [];

  if (isMac) {
    template.push({
      label: appName,
      submenu: [
        cmd(tr('command.help.about', { app: appName }), 'help.about'),
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit', label: tr('native.file.quitApp', { app: appName }) },
      ],
    });
  }

  template.push({
    label: top(tr('menu.file')),
    submenu: [
      cmd(tr('native.file.new'), 'file.new', 'CmdOrCtrl+N'),
      cmd(tr('native.file.newFromResolution'), 'file.newFromResolution'),
      cmd(tr('command.file.open'), 'file.open', 'CmdOrCtrl+O'),
      { label: tr('native.file.openRecent'), id: 'file.openRecent', submenu: recentItems },
      { type: 'separator' },
      cmd(tr('command.file.save'), 'file.save', 'CmdOrCtrl+S'),
      cmd(tr('native.file.saveAs'), 'file.saveAs', 'CmdOrCtrl+Shift+S'),
      { type: 'separator' },
      // No accelerator: Ctrl+I is italic in the editor.
      cmd(tr('native.file.import'), 'file.import'),
      cmd(tr('native.file.importFolder'), 'file.importFolder'),
      {
        label: tr('command.file.export'),
        id: 'file.export',
        submenu: [
          cmd(tr('native.export.docx'), 'export.docx'),
          cmd(tr('native.export.pdf'), 'export.pdf'),
          cmd(tr('native.export.html'), 'export.html'),
          cmd(tr('native.export.txt'), 'export.txt'),
          cmd(tr('native.export.akn'), 'export.akn'),
        ],
      },
      cmd(tr('native.file.mergeWord'), 'file.mergeWord'),
      { type: 'separator' },
      cmd(tr('native.file.printPreview'), 'file.printPreview', 'CmdOrCtrl+P'),
      { type: 'separator' },
      // On macOS Quit lives in the app menu and File ends with Close Window, as Apple's HIG asks.
      isMac ? { role: 'close' } : { role: 'quit', label: tr('command.file.quit'), accelerator: 'Ctrl+Q' },
    ],
  });

  template.push({
    label: top(tr('menu.edit')),
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'selectAll' },
      { type: 'separator' },
      cmd(tr('native.edit.find'), 'edit.find', 'CmdOrCtrl+F'),
      { type: 'separator' },
      // Editor shortcuts belong to ProseMirror's keymap: shown here, not registered, so the key
      // reaches the editor (where it applies to the selection) rather than the menu.
      editorCmd(tr('native.edit.punctuate'), 'edit.punctuate', 'CmdOrCtrl+Shift+.'),
      cmd(tr('native.edit.autoPunctuate'), 'edit.autoPunctuate'),
      editorCmd(tr('native.edit.convert'), 'edit.convert', 'CmdOrCtrl+Shift+K'),
      editorCmd(tr('native.edit.footnote'), 'edit.footnote', 'CmdOrCtrl+Alt+F'),
      cmd(tr('native.edit.crossRef'), 'edit.crossRef'),
      cmd(tr('native.edit.negotiationNumbering'), 'edit.negotiationNumbering'),
    ],
  });

  const devItems: MenuItemConstructorOptions[] = isDev
    ? [{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }]
    : [];
  template.push({
    label: top(tr('menu.view')),
    submenu: [
      { role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
      { role: 'zoomOut' },
      { role: 'resetZoom' },
      { type: 'separator' },
      cmd(tr('command.view.outline'), 'view.outline'),
      cmd(tr('command.view.checks'), 'view.checks'),
      cmd(tr('command.view.notes'), 'view.notes'),
      cmd(tr('native.view.document'), 'view.document'),
      cmd(tr('native.view.togglePanel'), 'view.togglePanel'),
      { type: 'separator' },
      cmd(tr('native.view.toggleTheme'), 'view.toggleTheme', 'CmdOrCtrl+Shift+D'),
      cmd(tr('native.view.toggleLibrary'), 'view.toggleLibrary', 'CmdOrCtrl+Shift+L'),
      // The page's own language follows at once; this menu keeps the start-up language (--ui-lang or the OS).
      cmd(tr('native.view.uiLanguage'), 'view.uiLanguage'),
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...devItems,
    ],
  });

  template.push({ role: 'windowMenu', label: top(tr('menu.window')) });

  const help: MenuItemConstructorOptions[] = [cmd(tr('native.help.shortcuts'), 'help.shortcuts', 'CmdOrCtrl+/')];
  if (!isMac) help.push({ type: 'separator' }, cmd(tr('command.help.about', { app: appName }), 'help.about'));
  template.push({ role: 'help', label: top(tr('menu.help')), submenu: help });

  return template;
}
