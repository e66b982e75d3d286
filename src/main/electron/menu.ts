/**
 * The application menu, built as a plain template so it is tested without Electron.
 *
 * Items that are app commands call `send(commandId, arg?)`; main.ts forwards that to the focused
 * window as a 'plenary:command' message, which the page receives through the preload's
 * `onCommand`. Editing and window items use Electron roles, so they behave natively (undo/redo
 * reach ProseMirror as `historyUndo`/`historyRedo` beforeinput events).
 */
import type { MenuItemConstructorOptions } from 'electron';

/** Every command id the menu can send. The page's command handler switches on these. */
export const MENU_COMMANDS = [
  'file.new',
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
    : [{ label: 'No Recent Drafts', enabled: false }];

  const template: MenuItemConstructorOptions[] = [];

  if (isMac) {
    template.push({
      label: appName,
      submenu: [
        cmd(`About ${appName}`, 'help.about'),
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit', label: `Quit ${appName}` },
      ],
    });
  }

  template.push({
    label: top('File'),
    submenu: [
      cmd('New Draft', 'file.new', 'CmdOrCtrl+N'),
      cmd('Open…', 'file.open', 'CmdOrCtrl+O'),
      { label: 'Open Recent', id: 'file.openRecent', submenu: recentItems },
      { type: 'separator' },
      cmd('Save', 'file.save', 'CmdOrCtrl+S'),
      cmd('Save As…', 'file.saveAs', 'CmdOrCtrl+Shift+S'),
      { type: 'separator' },
      // No accelerator: Ctrl+I is italic in the editor.
      cmd('Import…', 'file.import'),
      cmd('Import Folder…', 'file.importFolder'),
      {
        label: 'Export',
        id: 'file.export',
        submenu: [
          cmd('Word (.docx)…', 'export.docx'),
          cmd('PDF…', 'export.pdf'),
          cmd('HTML…', 'export.html'),
          cmd('Plain Text…', 'export.txt'),
          cmd('Akoma Ntoso (XML)…', 'export.akn'),
        ],
      },
      cmd('Merge a Word File…', 'file.mergeWord'),
      { type: 'separator' },
      cmd('Print Preview', 'file.printPreview', 'CmdOrCtrl+P'),
      { type: 'separator' },
      // On macOS Quit lives in the app menu and File ends with Close Window, as Apple's HIG asks.
      isMac ? { role: 'close' } : { role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' },
    ],
  });

  template.push({
    label: top('Edit'),
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
      cmd('Find and Replace…', 'edit.find', 'CmdOrCtrl+F'),
      { type: 'separator' },
      // Editor shortcuts belong to ProseMirror's keymap: shown here, not registered, so the key
      // reaches the editor (where it applies to the selection) rather than the menu.
      editorCmd('Fix End Punctuation', 'edit.punctuate', 'CmdOrCtrl+Shift+.'),
      cmd('Auto-punctuate On/Off', 'edit.autoPunctuate'),
      editorCmd('Convert Preambular ↔ Operative', 'edit.convert', 'CmdOrCtrl+Shift+K'),
      editorCmd('Insert Footnote', 'edit.footnote', 'CmdOrCtrl+Alt+F'),
      cmd('Insert Cross-reference…', 'edit.crossRef'),
      cmd('Negotiation Numbering (bis, ter) On/Off', 'edit.negotiationNumbering'),
    ],
  });

  const devItems: MenuItemConstructorOptions[] = isDev
    ? [{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }]
    : [];
  template.push({
    label: top('View'),
    submenu: [
      { role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
      { role: 'zoomOut' },
      { role: 'resetZoom' },
      { type: 'separator' },
      cmd('Outline', 'view.outline'),
      cmd('Checks', 'view.checks'),
      cmd('Notes', 'view.notes'),
      cmd('Document Details', 'view.document'),
      cmd('Show/Hide Side Panel', 'view.togglePanel'),
      { type: 'separator' },
      cmd('Toggle Dark Theme', 'view.toggleTheme', 'CmdOrCtrl+Shift+D'),
      cmd('Toggle Library Panel', 'view.toggleLibrary', 'CmdOrCtrl+Shift+L'),
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...devItems,
    ],
  });

  template.push({ role: 'windowMenu', label: top('Window') });

  const help: MenuItemConstructorOptions[] = [cmd('Keyboard Shortcuts', 'help.shortcuts', 'CmdOrCtrl+/')];
  if (!isMac) help.push({ type: 'separator' }, cmd(`About ${appName}`, 'help.about'));
  template.push({ role: 'help', label: top('Help'), submenu: help });

  return template;
}
