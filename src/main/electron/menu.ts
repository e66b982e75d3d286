/**
 * The application menu, built as a plain template so it is tested without Electron.
 *
 * Items that are app commands call `send(commandId, arg?)`; main.ts forwards that to the focused
 * window as a 'plenary:command' message, which the page receives through the preload's
 * `onCommand`. Editing and window items use Electron roles, so they behave natively (undo/redo
 * reach ProseMirror as `historyUndo`/`historyRedo` beforeinput events).
 */
import type { MenuItemConstructorOptions } from 'electron';
import { CATALOGUES, isUiLang, translate, type UiLang } from '../../shared/i18n/index.js';
import { commandLabel, keysFor, menuCommandIds, menuModel, MENU_TITLES, toAccelerator, type CommandId, type CommandSpec, type MenuName, type Translate } from '../../shared/commands.js';

/**
 * Every command id the native menu (or the OS, for `file.openPath`) sends to the page: the
 * registry's desktop menu (src/shared/commands.ts), plus `file.openPath` for Open Recent.
 */
export const MENU_COMMANDS: readonly CommandId[] = [...(menuCommandIds('electron') as CommandId[]), 'file.openPath'];

/** A command id the menu (or the OS, for `file.openPath`) sends to the page. */
export type MenuCommand = CommandId;

/** Inputs of buildMenuTemplate. */
export interface MenuOptions {
  isMac: boolean;
  /** Adds Reload and Toggle Developer Tools to View. */
  isDev: boolean;
  appName: string;
  /**
   * Interface language of the labels (src/shared/i18n: `command.<id>`, `native.<id>`, `menu.<name>`);
   * English when absent, the registry's English where a catalogue lacks a key. Roles keep Electron's own labels.
   */
  lang?: UiLang;
  /** Paths of recent drafts, most recent first; shown under File ▸ Open Recent (at most 10). */
  recent: string[];
  /** Delivers a command to the focused window; `arg` is the path for `file.openPath`. */
  send: (command: MenuCommand, arg?: string) => void;
}

/**
 * The language of the native menu after the page said `requested` (over UI_LANG_CHANNEL): the
 * page's interface language when it is one, else the menu keeps `current`. The page's word wins
 * over --ui-lang too, since the page applies a choice made in Settings even while forced.
 */
export function menuLangAfter(current: UiLang, requested: unknown): UiLang {
  return isUiLang(requested) ? requested : current;
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
  const t: Translate = (key, vars) => (key in CATALOGUES.en ? translate(lang, key, vars) : undefined);
  const platform = isMac ? 'mac' : 'other';
  // One item per registry command: its role when Electron does it natively (clipboard, undo),
  // else a click that sends the id. Editor keys are shown, not registered, so the key reaches
  // ProseMirror's keymap (where it applies to the selection) rather than the menu.
  const item = (c: CommandSpec): MenuItemConstructorOptions => {
    const label = commandLabel(c, t, true, appName);
    const keys = keysFor(c, platform)[0];
    const out: MenuItemConstructorOptions = c.electronRole ? { id: c.id, label, role: c.electronRole } : { id: c.id, label, click: () => send(c.id as CommandId) };
    if (keys) out.accelerator = toAccelerator(keys);
    if (keys && c.scope === 'editor' && !c.electronRole) out.registerAccelerator = false;
    return out;
  };
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const menus = new Map(menuModel('electron').map((mm) => [mm.name, mm.groups]));
  const title = (name: MenuName) => t(`menu.${name}`) ?? MENU_TITLES[name];
  /** The groups of a menu as items, the export commands gathered into File › Export. */
  const itemsOf = (name: MenuName, extra: (group: number) => MenuItemConstructorOptions[] = () => []): MenuItemConstructorOptions[] =>
    (menus.get(name) ?? []).flatMap((group, i) => {
      // The Export submenu stands where its first command would.
      const sub = group.filter((c) => c.menu?.submenu === 'export').map(item);
      const own = group.flatMap((c): MenuItemConstructorOptions[] => {
        if (!c.menu?.submenu) return [item(c)];
        return c === group.find((g) => g.menu?.submenu) ? [{ label: t('command.file.export') ?? 'Export', id: 'file.export', submenu: sub }] : [];
      });
      return [...(i ? [sep] : []), ...own, ...extra(i)];
    });

  const recent = opts.recent.slice(0, MAX_RECENT_ITEMS);
  const labels = recentLabels(recent, !isMac);
  // Alt-key mnemonics exist on Windows and Linux only; macOS would show the `&`.
  const top = (label: string) => (isMac ? label : `&${label}`);
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? recent.map((p, i) => ({ label: labels[i] ?? p, click: () => send('file.openPath', p) }))
    : [{ label: t('native.file.noRecent') ?? 'No Recent Drafts', enabled: false }];
  const about = menus.get('help')?.flat().find((c) => c.id === 'help.about');

  const template: MenuItemConstructorOptions[] = [];

  if (isMac) {
    template.push({
      label: appName,
      submenu: [
        ...(about ? [item(about)] : []),
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit', label: t('native.file.quitApp', { app: appName }) ?? `Quit ${appName}` },
      ],
    });
  }

  template.push({
    label: top(title('file')),
    submenu: [
      // Open Recent follows Open (group 0); the OS-level items end the menu.
      ...itemsOf('file', (g) => (g === 0 ? [{ label: t('native.file.openRecent') ?? 'Open Recent', id: 'file.openRecent', submenu: recentItems }] : [])),
      { type: 'separator' },
      // On macOS Quit lives in the app menu and File ends with Close Window, as Apple's HIG asks.
      isMac ? { role: 'close' } : { role: 'quit', label: t('command.file.quit') ?? 'Quit', accelerator: 'Ctrl+Q' },
    ],
  });

  template.push({ label: top(title('edit')), submenu: itemsOf('edit', (g) => (g === 1 ? [{ role: 'pasteAndMatchStyle' }] : [])) });

  const devItems: MenuItemConstructorOptions[] = isDev
    ? [{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }]
    : [];
  template.push({ label: top(title('view')), submenu: [...itemsOf('view'), { type: 'separator' }, { role: 'togglefullscreen' }, ...devItems] });

  template.push({ role: 'windowMenu', label: top(t('menu.window') ?? 'Window') });

  // On macOS About lives in the app menu.
  const help = itemsOf('help').filter((i) => !(isMac && i.id === 'help.about'));
  while (help.length && help[help.length - 1]?.type === 'separator') help.pop();
  template.push({ role: 'help', label: top(title('help')), submenu: help });

  return template;
}
