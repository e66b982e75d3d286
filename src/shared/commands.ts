/**
 * The command registry: every command of the interface, once. The Electron menu
 * (src/main/electron/menu.ts), the browser menu bar, the app-level keymap, Help › Keyboard
 * shortcuts, the command palette and the editor's keymap are all generated from this table, so a
 * command cannot exist in one place and be missing (or carry other keys) in another.
 *
 * Pure data and pure functions: no DOM, no Electron. What a command *does* lives in the renderer's
 * typed handler map (src/renderer/state/command-handlers.ts), which must cover every id here.
 */

/** The menus a command can be placed in (the Electron menu adds Window and the macOS app menu). */
export type MenuName = 'file' | 'edit' | 'view' | 'help';

/** Where a command sits in its menu: groups are separated, `order` sorts within a group. */
export interface MenuPlacement {
  menu: MenuName;
  group: number;
  order: number;
  /** Inside a submenu of the native menu (the browser menu bar lists these items flat). */
  submenu?: 'export';
}

/**
 * Who owns a command's keys:
 * - `app`: the app-level keymap (browser mode) and a registered accelerator of the Electron menu;
 * - `editor`: ProseMirror's keymap; menus only show the keys (Electron does not register them, so
 *   the key reaches the editor and applies to the selection);
 * - `native`: the browser or the OS handles the key itself (clipboard); nothing intercepts it.
 */
export type KeyScope = 'app' | 'editor' | 'native';

/** What the predicates see: a small, serialisable picture of the app. */
export interface CommandContext {
  autoPunctuate: boolean;
  negotiationNumbering: boolean;
  dark: boolean;
  panelOpen: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /**
   * Whether operative numbering restarts in the part the caret is in; null (or absent) when the
   * caret is in no part, which disables Restart numbering in this part.
   */
  partRestart?: boolean | null;
}

/** The platforms whose default keys may differ. */
export type Platform = 'mac' | 'other';

/** One command. `keys` are written `Mod+Shift+S` (Mod is ⌘ on macOS, Ctrl elsewhere); the first is shown. */
export interface CommandSpec {
  id: string;
  /** Plain English label; the interface catalogue's `command.<id>` replaces it when present. */
  label: string;
  /** The native menu's wording where it differs (title case, shorter inside a submenu); key `native.<id>`. */
  nativeLabel?: string;
  keys?: readonly string[];
  /** macOS keys where they differ from `keys`. */
  macKeys?: readonly string[];
  scope?: KeyScope;
  menu?: MenuPlacement;
  /** The Electron role that performs the command natively (clipboard, undo). */
  electronRole?: 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll';
  /** Only in one shell: the browser's download of a copy has no meaning on the desktop. */
  only?: 'browser' | 'electron';
  /** False for commands that need an argument (a recent file's path): not offered in the palette. */
  palette?: boolean;
  enabled?: (ctx: CommandContext) => boolean;
  checked?: (ctx: CommandContext) => boolean;
}

const m = (menu: MenuName, group: number, order: number, submenu?: 'export'): MenuPlacement => (submenu ? { menu, group, order, submenu } : { menu, group, order });

/** The registry. Ids are stable: e2e tests and the native menu address items by id. */
export const COMMANDS = [
  // File
  { id: 'file.new', label: 'New draft', nativeLabel: 'New Draft', keys: ['Mod+N'], scope: 'app', menu: m('file', 0, 0) },
  { id: 'file.newFromResolution', label: 'New draft from resolution…', nativeLabel: 'New Draft from Resolution…', menu: m('file', 0, 0.5) },
  { id: 'file.open', label: 'Open…', keys: ['Mod+O'], scope: 'app', menu: m('file', 0, 1) },
  { id: 'file.openPath', label: 'Open a recent draft', palette: false },
  { id: 'file.save', label: 'Save', keys: ['Mod+S'], scope: 'app', menu: m('file', 1, 0) },
  { id: 'file.saveAs', label: 'Save as…', nativeLabel: 'Save As…', keys: ['Mod+Shift+S'], scope: 'app', menu: m('file', 1, 1) },
  { id: 'file.download', label: 'Download a copy', menu: m('file', 1, 2), only: 'browser' },
  // No keys for import: Ctrl+I is italic in the editor.
  { id: 'file.import', label: 'Import resolutions into the library…', nativeLabel: 'Import…', menu: m('file', 2, 0) },
  { id: 'file.importFolder', label: 'Import a folder into the library…', nativeLabel: 'Import Folder…', menu: m('file', 2, 1) },
  { id: 'export.docx', label: 'Export Word (.docx)', nativeLabel: 'Word (.docx)…', menu: m('file', 2, 2, 'export') },
  { id: 'export.pdf', label: 'Export PDF', nativeLabel: 'PDF…', menu: m('file', 2, 3, 'export') },
  { id: 'export.html', label: 'Export HTML', nativeLabel: 'HTML…', menu: m('file', 2, 4, 'export') },
  { id: 'export.txt', label: 'Export plain text', nativeLabel: 'Plain Text…', menu: m('file', 2, 5, 'export') },
  { id: 'export.akn', label: 'Export Akoma Ntoso XML', nativeLabel: 'Akoma Ntoso (XML)…', menu: m('file', 2, 6, 'export') },
  { id: 'file.mergeWord', label: 'Merge a Word file…', nativeLabel: 'Merge a Word File…', menu: m('file', 2, 7) },
  { id: 'file.printPreview', label: 'Print preview…', nativeLabel: 'Print Preview', menu: m('file', 3, 0) },
  { id: 'file.print', label: 'Print…', keys: ['Mod+P'], scope: 'app', menu: m('file', 3, 1) },
  // Edit
  { id: 'edit.undo', label: 'Undo', keys: ['Mod+Z'], scope: 'editor', electronRole: 'undo', menu: m('edit', 0, 0), enabled: (c) => c.canUndo },
  { id: 'edit.redo', label: 'Redo', keys: ['Mod+Y', 'Mod+Shift+Z'], macKeys: ['Mod+Shift+Z'], scope: 'editor', electronRole: 'redo', menu: m('edit', 0, 1), enabled: (c) => c.canRedo },
  { id: 'edit.cut', label: 'Cut', keys: ['Mod+X'], scope: 'native', electronRole: 'cut', menu: m('edit', 1, 0) },
  { id: 'edit.copy', label: 'Copy', keys: ['Mod+C'], scope: 'native', electronRole: 'copy', menu: m('edit', 1, 1) },
  { id: 'edit.paste', label: 'Paste', keys: ['Mod+V'], scope: 'native', electronRole: 'paste', menu: m('edit', 1, 2) },
  { id: 'edit.selectAll', label: 'Select all', nativeLabel: 'Select All', keys: ['Mod+A'], scope: 'editor', electronRole: 'selectAll', menu: m('edit', 1, 3) },
  { id: 'edit.find', label: 'Find and replace…', nativeLabel: 'Find and Replace…', keys: ['Mod+F'], scope: 'app', menu: m('edit', 2, 0) },
  { id: 'edit.punctuate', label: 'Fix end punctuation', nativeLabel: 'Fix End Punctuation', keys: ['Mod+Shift+.'], scope: 'editor', menu: m('edit', 3, 0) },
  { id: 'edit.autoPunctuate', label: 'Auto-punctuate', nativeLabel: 'Auto-punctuate On/Off', menu: m('edit', 3, 1), checked: (c) => c.autoPunctuate },
  { id: 'edit.convert', label: 'Convert preambular ↔ operative', nativeLabel: 'Convert Preambular ↔ Operative', keys: ['Mod+Shift+K'], scope: 'editor', menu: m('edit', 3, 2) },
  { id: 'edit.footnote', label: 'Insert footnote', nativeLabel: 'Insert Footnote', keys: ['Mod+Alt+F'], scope: 'editor', menu: m('edit', 3, 3) },
  { id: 'edit.crossRef', label: 'Insert cross-reference…', nativeLabel: 'Insert Cross-reference…', menu: m('edit', 3, 4) },
  { id: 'edit.typographicQuotes', label: 'Typographic quotes in the selection', nativeLabel: 'Typographic Quotes in Selection', menu: m('edit', 3, 4.5) },
  { id: 'edit.straightQuotes', label: 'Straighten quotes in the selection', nativeLabel: 'Straighten Quotes in Selection', menu: m('edit', 3, 4.6) },
  { id: 'edit.negotiationNumbering', label: 'Negotiation numbering (bis, ter)', nativeLabel: 'Negotiation Numbering (bis, ter) On/Off', menu: m('edit', 3, 5), checked: (c) => c.negotiationNumbering },
  // Sections. Ctrl+Alt+1 / 2 are the heading keys of Word and Google Docs; on Windows Ctrl+Alt is
  // also AltGr, and ProseMirror's keymap leaves AltGr+digit (~, # on AZERTY) to the typed character.
  { id: 'edit.insertPart', label: 'Insert part heading', nativeLabel: 'Insert Part Heading', keys: ['Mod+Alt+1'], scope: 'editor', menu: m('edit', 4, 0) },
  { id: 'edit.insertSubHeading', label: 'Insert sub-heading', nativeLabel: 'Insert Sub-heading', keys: ['Mod+Alt+2'], scope: 'editor', menu: m('edit', 4, 1) },
  {
    id: 'edit.partRestart',
    label: 'Restart numbering in this part',
    nativeLabel: 'Restart Numbering in This Part On/Off',
    scope: 'editor',
    menu: m('edit', 4, 2),
    enabled: (c) => c.partRestart === true || c.partRestart === false,
    checked: (c) => c.partRestart === true,
  },
  // Editing keys of the editor's keymap: in the palette and the shortcut list, not in the menus.
  { id: 'edit.newParagraph', label: 'New paragraph of the same kind', keys: ['Enter'], scope: 'editor' },
  { id: 'edit.demote', label: 'Make a subparagraph (demote)', keys: ['Tab'], scope: 'editor' },
  { id: 'edit.promote', label: 'Promote a subparagraph', keys: ['Shift+Tab'], scope: 'editor' },
  { id: 'edit.moveUp', label: 'Move paragraph up', keys: ['Alt+ArrowUp'], scope: 'editor' },
  { id: 'edit.moveDown', label: 'Move paragraph down', keys: ['Alt+ArrowDown'], scope: 'editor' },
  { id: 'edit.togglePhrase', label: 'Mark / unmark the opening phrase', keys: ['Mod+Shift+I'], scope: 'editor' },
  { id: 'edit.brackets', label: 'Bracket the selection [ ] (or remove the bracket at the cursor)', keys: ['Mod+Shift+B'], scope: 'editor' },
  { id: 'edit.italic', label: 'Italic (emphasis)', keys: ['Mod+I'], scope: 'editor' },
  // The browser's own Ctrl+Home lands on the enacting formula, outside any paragraph.
  { id: 'edit.goStart', label: 'Go to the start of the text', keys: ['Mod+Home'], scope: 'editor' },
  { id: 'edit.goEnd', label: 'Go to the end of the text', keys: ['Mod+End'], scope: 'editor' },
  { id: 'edit.selectToStart', label: 'Select to the start of the text', keys: ['Mod+Shift+Home'], scope: 'editor' },
  { id: 'edit.selectToEnd', label: 'Select to the end of the text', keys: ['Mod+Shift+End'], scope: 'editor' },
  // View
  { id: 'view.outline', label: 'Outline', menu: m('view', 0, 0) },
  { id: 'view.library', label: 'Library', keys: ['Mod+Shift+L'], scope: 'app', menu: m('view', 0, 1) },
  { id: 'view.matches', label: 'Matching agreed language', menu: m('view', 0, 2) },
  { id: 'view.negotiation', label: 'Negotiation', menu: m('view', 0, 3) },
  { id: 'view.versions', label: 'Versions', menu: m('view', 0, 4) },
  { id: 'view.checks', label: 'Checks', menu: m('view', 0, 5) },
  { id: 'view.notes', label: 'Notes', menu: m('view', 0, 5.5) },
  { id: 'view.document', label: 'Document details', nativeLabel: 'Document Details', menu: m('view', 0, 6) },
  { id: 'view.togglePanel', label: 'Show / hide side panel', nativeLabel: 'Show/Hide Side Panel', menu: m('view', 1, 0), checked: (c) => c.panelOpen },
  { id: 'view.toggleTheme', label: 'Dark theme', nativeLabel: 'Toggle Dark Theme', keys: ['Mod+Shift+D'], scope: 'app', menu: m('view', 1, 1), checked: (c) => c.dark },
  { id: 'view.palette', label: 'Command palette…', nativeLabel: 'Command Palette…', keys: ['Mod+Shift+P'], scope: 'app', menu: m('view', 1, 2) },
  { id: 'view.uiLanguage', label: 'Interface language…', nativeLabel: 'Interface Language…', menu: m('view', 1, 3) },
  { id: 'view.zoomIn', label: 'Zoom in', nativeLabel: 'Zoom In', keys: ['Mod+=', 'Mod++'], scope: 'app', menu: m('view', 2, 0) },
  { id: 'view.zoomOut', label: 'Zoom out', nativeLabel: 'Zoom Out', keys: ['Mod+-'], scope: 'app', menu: m('view', 2, 1) },
  { id: 'view.zoomReset', label: 'Actual size', nativeLabel: 'Actual Size', keys: ['Mod+0'], scope: 'app', menu: m('view', 2, 2) },
  // Help
  { id: 'help.shortcuts', label: 'Keyboard shortcuts', nativeLabel: 'Keyboard Shortcuts', keys: ['Mod+/'], scope: 'app', menu: m('help', 0, 0) },
  { id: 'help.about', label: 'About {{app}}', menu: m('help', 1, 0) },
] as const satisfies readonly CommandSpec[];

/** A command id of the registry. */
export type CommandId = (typeof COMMANDS)[number]['id'];

const BY_ID: ReadonlyMap<string, CommandSpec> = new Map(COMMANDS.map((c) => [c.id, c as CommandSpec]));

/** True when `id` names a registered command (ids arrive untyped from the native menu's IPC). */
export function isCommandId(id: string): id is CommandId {
  return BY_ID.has(id);
}

/** The command `id`. */
export function command(id: CommandId): CommandSpec {
  return BY_ID.get(id)!;
}

/** Every command as its spec type (the `as const` table narrowed for iteration). */
export const ALL_COMMANDS: readonly CommandSpec[] = COMMANDS;

/** The interface catalogue key of a command's label. */
export function labelKey(id: string): string {
  return `command.${id}`;
}

/** Looks a message up; returns undefined when the catalogue has none, so the registry's English stands. */
export type Translate = (key: string, vars?: Record<string, string>) => string | undefined;

/**
 * The label of a command, through `t` when given (`native` for the desktop menu's wording).
 * `{{app}}` (About {{app}}) becomes the application's name.
 */
export function commandLabel(c: CommandSpec, t?: Translate, native = false, app = 'Plenary'): string {
  const vars = { app };
  const label = native && c.nativeLabel ? (t?.(`native.${c.id}`, vars) ?? c.nativeLabel) : (t?.(labelKey(c.id), vars) ?? c.label);
  return label.replace(/\{\{app\}\}/g, app);
}

/** The keys of a command on a platform, primary first (empty when it has none). */
export function keysFor(c: CommandSpec, platform: Platform): readonly string[] {
  return (platform === 'mac' ? c.macKeys : undefined) ?? c.keys ?? [];
}

/** A key chord split into its modifiers and key. */
export interface Chord {
  mod: boolean;
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  key: string;
}

/** Parses `Mod+Shift+S` (the key is the last part, so `Mod++` is Mod and "+"). */
export function parseChord(keys: string): Chord {
  const mods = /^((?:(?:Mod|Ctrl|Alt|Shift)\+)*)(.+)$/.exec(keys);
  if (!mods) throw new Error(`Unreadable key chord “${keys}”.`);
  const parts = mods[1]!.split('+');
  return { mod: parts.includes('Mod'), ctrl: parts.includes('Ctrl'), alt: parts.includes('Alt'), shift: parts.includes('Shift'), key: mods[2]! };
}

/** The chord as an Electron accelerator (`CmdOrCtrl+Shift+S`). */
export function toAccelerator(keys: string): string {
  const c = parseChord(keys);
  const key = c.key === '+' ? 'Plus' : c.key.replace(/^Arrow/, '');
  return [c.mod && 'CmdOrCtrl', c.ctrl && 'Ctrl', c.alt && 'Alt', c.shift && 'Shift', key].filter(Boolean).join('+');
}

/** The chord in ProseMirror's keymap notation (`Mod-Shift-s`; letters lower case, Shift explicit). */
export function toKeymapName(keys: string): string {
  const c = parseChord(keys);
  const key = c.key.length === 1 ? c.key.toLowerCase() : c.key;
  return [c.mod && 'Mod', c.ctrl && 'Ctrl', c.alt && 'Alt', c.shift && 'Shift', key].filter(Boolean).join('-');
}

const ARROWS: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→' };

/** The chord as people read it: `Ctrl+Shift+S` elsewhere, `⌘⇧S` on macOS. */
export function displayKeys(keys: string, platform: Platform): string {
  const c = parseChord(keys);
  const key = ARROWS[c.key] ?? (c.key.length === 1 ? c.key.toUpperCase() : c.key);
  if (platform === 'mac') return [c.ctrl && '⌃', c.alt && '⌥', c.shift && '⇧', c.mod && '⌘', key].filter(Boolean).join('');
  return [(c.mod || c.ctrl) && 'Ctrl', c.alt && 'Alt', c.shift && 'Shift', key].filter(Boolean).join('+');
}

/** The keyboard facts of an event, as the DOM's KeyboardEvent gives them. */
export interface KeyEventLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/**
 * True when the event is the chord. Letters compare case-insensitively; for punctuation Shift is
 * not compared, since the shifted character already says it ("+" is Shift+= on many layouts).
 */
export function matchesChord(keys: string, e: KeyEventLike, platform: Platform): boolean {
  const c = parseChord(keys);
  const mod = platform === 'mac' ? e.metaKey : e.ctrlKey;
  const ctrl = platform === 'mac' ? e.ctrlKey : false;
  if (mod !== c.mod || (platform === 'mac' && ctrl !== c.ctrl) || e.altKey !== c.alt) return false;
  const letter = /^[a-z]$/i.test(c.key);
  if (letter) return e.key.toLowerCase() === c.key.toLowerCase() && e.shiftKey === c.shift;
  if (c.key.length === 1) return e.key === c.key || (c.key === '.' && e.key === '>' && c.shift);
  return e.key === c.key && e.shiftKey === c.shift;
}

/** The app-level command a key event asks for, if any (scope `app`, available in this shell). */
export function appCommandForKey(e: KeyEventLike, platform: Platform, shell: 'browser' | 'electron'): CommandId | null {
  for (const c of COMMANDS as readonly CommandSpec[]) {
    if (c.scope !== 'app' || (c.only && c.only !== shell)) continue;
    if (keysFor(c, platform).some((k) => matchesChord(k, e, platform))) return c.id as CommandId;
  }
  return null;
}

/** Commands of one shell, in registry order. */
export function commandsFor(shell: 'browser' | 'electron'): CommandSpec[] {
  return ALL_COMMANDS.filter((c) => !c.only || c.only === shell);
}

/** A menu as the registry lays it out: items in groups, in order. */
export interface MenuModel {
  name: MenuName;
  groups: CommandSpec[][];
}

/** Menu titles (English fallback; catalogue keys `menu.<name>`). */
export const MENU_TITLES: Record<MenuName, string> = { file: 'File', edit: 'Edit', view: 'View', help: 'Help' };

/** The menus of a shell: File, Edit, View, Help, each as ordered groups of commands. */
export function menuModel(shell: 'browser' | 'electron'): MenuModel[] {
  const names: MenuName[] = ['file', 'edit', 'view', 'help'];
  return names.map((name) => {
    const placed = commandsFor(shell).filter((c) => c.menu?.menu === name);
    const groupIds = [...new Set(placed.map((c) => c.menu!.group))].sort((a, b) => a - b);
    return { name, groups: groupIds.map((g) => placed.filter((c) => c.menu!.group === g).sort((a, b) => a.menu!.order - b.menu!.order)) };
  });
}

/** The ids a shell's menus list, in menu order (the test that the two menus agree compares these). */
export function menuCommandIds(shell: 'browser' | 'electron'): string[] {
  return menuModel(shell).flatMap((mm) => mm.groups.flat().map((c) => c.id));
}

/** One row of Help › Keyboard shortcuts. */
export interface ShortcutRow {
  id: CommandId;
  keys: string;
  label: string;
}

/** Every command with keys, for Help › Keyboard shortcuts: each key shown as read on the platform. */
export function shortcutRows(platform: Platform, shell: 'browser' | 'electron', t?: Translate): ShortcutRow[] {
  return commandsFor(shell)
    .filter((c) => keysFor(c, platform).length)
    .map((c) => ({ id: c.id as CommandId, keys: keysFor(c, platform).map((k) => displayKeys(k, platform)).join(' / '), label: commandLabel(c, t) }));
}
