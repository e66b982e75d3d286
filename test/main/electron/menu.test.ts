import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, MENU_COMMANDS, recentLabels, type MenuOptions } from '../../../src/main/electron/menu.js';

type Item = MenuItemConstructorOptions;

function build(over: Partial<MenuOptions> = {}) {
  const send = vi.fn();
  const template = buildMenuTemplate({ isMac: false, isDev: false, appName: 'Plenary', recent: [], send, ...over });
  return { template, send };
}

const clean = (label: string | undefined) => (label ?? '').replace(/&(?!&)/g, '');

function submenu(item: Item | undefined): Item[] {
  expect(item, 'menu missing').toBeDefined();
  const sub = item?.submenu;
  expect(Array.isArray(sub), `${item?.label} has no submenu`).toBe(true);
  return sub as Item[];
}

function top(template: Item[], label: string): Item | undefined {
  return template.find((i) => clean(i.label) === label);
}

function byLabel(items: Item[], label: string): Item | undefined {
  return items.find((i) => clean(i.label) === label);
}

/** Every item of the template, depth first. */
function walk(items: Item[]): Item[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? walk(i.submenu as Item[]) : [])]);
}

function click(item: Item | undefined): void {
  expect(item?.click, `${item?.label} is not clickable`).toBeTypeOf('function');
  (item?.click as () => void)();
}

describe('buildMenuTemplate (Windows and Linux)', () => {
  it('has File, Edit, View, Window and Help in that order, with Alt mnemonics', () => {
    const { template } = build();
    expect(template.map((i) => clean(i.label))).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(template[0]?.label).toBe('&File');
  });

  it('File: New, New from Resolution…, Open…, Open Recent, Save (CmdOrCtrl+S), Save As…, Import…, Import Folder…, Export, Merge a Word File…, Print Preview, Print… (CmdOrCtrl+P), Quit', () => {
    const { template, send } = build();
    const file = submenu(top(template, 'File'));
    const labels = file.filter((i) => i.type !== 'separator').map((i) => clean(i.label) || i.role);
    expect(labels).toEqual(['New Draft', 'New Draft from Resolution…', 'Open…', 'Open Recent', 'Save', 'Save As…', 'Import…', 'Import Folder…', 'Export', 'Merge a Word File…', 'Print Preview', 'Print…', 'Quit']);
    expect(byLabel(file, 'Print…')?.accelerator).toBe('CmdOrCtrl+P');
    click(byLabel(file, 'Print…'));
    expect(send).toHaveBeenLastCalledWith('file.print');
    click(byLabel(file, 'New Draft from Resolution…'));
    expect(send).toHaveBeenLastCalledWith('file.newFromResolution');
    click(byLabel(file, 'Merge a Word File…'));
    expect(send).toHaveBeenLastCalledWith('file.mergeWord');
    const save = byLabel(file, 'Save');
    expect(save?.accelerator).toBe('CmdOrCtrl+S');
    click(save);
    expect(send).toHaveBeenLastCalledWith('file.save');
    expect(byLabel(file, 'Save As…')?.accelerator).toBe('CmdOrCtrl+Shift+S');
    expect(byLabel(file, 'New Draft')?.accelerator).toBe('CmdOrCtrl+N');
    expect(byLabel(file, 'Open…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(file.find((i) => i.role === 'quit')).toBeDefined();
    click(byLabel(file, 'Open…'));
    expect(send).toHaveBeenLastCalledWith('file.open');
    click(byLabel(file, 'Import…'));
    expect(send).toHaveBeenLastCalledWith('file.import');
    click(byLabel(file, 'Import Folder…'));
    expect(send).toHaveBeenLastCalledWith('file.importFolder');
    click(byLabel(file, 'Print Preview'));
    expect(send).toHaveBeenLastCalledWith('file.printPreview');
  });

  it('Export offers Word, PDF, HTML, Text and Akoma Ntoso, each sending its command', () => {
    const { template, send } = build();
    const exp = submenu(byLabel(submenu(top(template, 'File')), 'Export'));
    expect(exp.map((i) => clean(i.label))).toEqual(['Word (.docx)…', 'PDF…', 'HTML…', 'Plain Text…', 'Akoma Ntoso (XML)…']);
    const sent = exp.map((i) => {
      click(i);
      return send.mock.lastCall?.[0];
    });
    expect(sent).toEqual(['export.docx', 'export.pdf', 'export.html', 'export.txt', 'export.akn']);
  });

  it('Open Recent lists recent drafts and sends their path; empty shows a disabled item', () => {
    const { template, send } = build({ recent: ['/home/d/A&B.plenary', '/home/d/b.plenary'] });
    const recent = submenu(byLabel(submenu(top(template, 'File')), 'Open Recent'));
    expect(recent.map((i) => i.label)).toEqual(['A&&B.plenary', 'b.plenary']);
    click(recent[1]);
    expect(send).toHaveBeenLastCalledWith('file.openPath', '/home/d/b.plenary');

    const empty = submenu(byLabel(submenu(top(build().template, 'File')), 'Open Recent'));
    expect(empty).toHaveLength(1);
    expect(empty[0]?.enabled).toBe(false);
  });

  it('Open Recent shows at most ten drafts', () => {
    const recent = Array.from({ length: 15 }, (_, i) => `/d/${i}.plenary`);
    const items = submenu(byLabel(submenu(top(build({ recent }).template, 'File')), 'Open Recent'));
    expect(items).toHaveLength(10);
  });

  it('Edit has Undo, Redo, Cut, Copy, Paste and Select all as native roles with their keys, and Find and Replace', () => {
    const { template, send } = build();
    const edit = submenu(top(template, 'Edit'));
    const roles = edit.map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    const keyOf = (role: string) => edit.find((i) => i.role === role)?.accelerator;
    expect(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'].map(keyOf)).toEqual(['CmdOrCtrl+Z', 'CmdOrCtrl+Y', 'CmdOrCtrl+X', 'CmdOrCtrl+C', 'CmdOrCtrl+V', 'CmdOrCtrl+A']);
    expect(edit.slice(0, 3).map((i) => clean(i.label) || i.type)).toEqual(['Undo', 'Redo', 'separator']);
    const find = byLabel(edit, 'Find and Replace…');
    expect(find?.accelerator).toBe('CmdOrCtrl+F');
    click(find);
    expect(send).toHaveBeenLastCalledWith('edit.find');
  });

  it('View has the panels, zoom of the page, theme and library; reload and dev tools only in development', () => {
    const prod = submenu(top(build().template, 'View'));
    const prodRoles = prod.map((i) => i.role).filter(Boolean);
    expect(prod.map((i) => i.id).filter(Boolean)).toEqual(expect.arrayContaining(['view.matches', 'view.negotiation', 'view.versions', 'view.zoomIn', 'view.zoomOut', 'view.zoomReset', 'view.palette']));
    expect(prod.find((i) => i.id === 'view.zoomIn')?.accelerator).toBe('CmdOrCtrl+=');
    expect(prod.find((i) => i.id === 'view.palette')?.accelerator).toBe('CmdOrCtrl+Shift+P');
    expect(prodRoles).not.toContain('reload');
    expect(prodRoles).not.toContain('toggleDevTools');

    const { template, send } = build({ isDev: true });
    const dev = submenu(top(template, 'View'));
    expect(dev.map((i) => i.role)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    click(byLabel(dev, 'Toggle Dark Theme'));
    expect(send).toHaveBeenLastCalledWith('view.toggleTheme');
    click(byLabel(dev, 'Library'));
    expect(send).toHaveBeenLastCalledWith('view.library');
    expect(byLabel(dev, 'Library')?.accelerator).toBe('CmdOrCtrl+Shift+L');
  });

  it('Window is the native window menu', () => {
    expect(top(build().template, 'Window')?.role).toBe('windowMenu');
  });

  it('Help has Keyboard Shortcuts and About Plenary', () => {
    const { template, send } = build();
    const help = submenu(top(template, 'Help'));
    click(byLabel(help, 'Keyboard Shortcuts'));
    expect(send).toHaveBeenLastCalledWith('help.shortcuts');
    click(byLabel(help, 'About Plenary'));
    expect(send).toHaveBeenLastCalledWith('help.about');
  });

  it('sends only known command ids and uses each accelerator once', () => {
    const { template, send } = build({ isDev: true, recent: ['/x/a.plenary'] });
    const items = walk(template);
    for (const item of items) if (typeof item.click === 'function') (item.click as () => void)();
    for (const [command] of send.mock.calls) expect(MENU_COMMANDS).toContain(command);
    const accelerators = items.map((i) => i.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
});

describe('buildMenuTemplate from the command registry', () => {
  it('takes labels from the interface catalogue of `lang`, the registry English where a key is missing', () => {
    const { template } = build({ lang: 'fr' });
    expect(template[0]?.label).toBe('&Fichier');
    expect(byLabel(submenu(template[0]), 'Enregistrer sous…')?.id).toBe('file.saveAs');
    expect(byLabel(submenu(template[0]), 'Enregistrer')?.id).toBe('file.save');
    expect(byLabel(submenu(top(template, 'Aide')), 'À propos de Plenary')?.id).toBe('help.about');
  });

  it('registers app keys and shows editor keys without registering them (they belong to the editor)', () => {
    const items = walk(build().template);
    const punctuate = items.find((i) => i.id === 'edit.punctuate');
    expect(punctuate?.accelerator).toBe('CmdOrCtrl+Shift+.');
    expect(punctuate?.registerAccelerator).toBe(false);
    expect(items.find((i) => i.id === 'file.save')?.registerAccelerator).toBeUndefined();
  });

  it('uses the macOS keys on macOS (Redo is ⇧⌘Z)', () => {
    const edit = submenu(top(build({ isMac: true }).template, 'Edit'));
    expect(edit.find((i) => i.role === 'redo')?.accelerator).toBe('CmdOrCtrl+Shift+Z');
  });
});

describe('buildMenuTemplate (macOS)', () => {
  it('puts the app menu first with About and Quit, and no mnemonics', () => {
    const { template, send } = build({ isMac: true });
    expect(template.map((i) => i.label)).toEqual(['Plenary', 'File', 'Edit', 'View', 'Window', 'Help']);
    const appMenu = submenu(template[0]);
    click(byLabel(appMenu, 'About Plenary'));
    expect(send).toHaveBeenLastCalledWith('help.about');
    expect(appMenu.find((i) => i.role === 'quit')).toBeDefined();
  });

  it('ends File with Close Window instead of Quit and keeps About out of Help', () => {
    const { template } = build({ isMac: true });
    const file = submenu(top(template, 'File'));
    expect(file[file.length - 1]?.role).toBe('close');
    expect(file.find((i) => i.role === 'quit')).toBeUndefined();
    expect(byLabel(submenu(top(template, 'Help')), 'About Plenary')).toBeUndefined();
  });

  it('does not escape ampersands in recent file names', () => {
    expect(recentLabels(['/a/R&D.plenary'], false)).toEqual(['R&D.plenary']);
  });
});

describe('recentLabels', () => {
  it('uses the full path when two recent drafts share a name', () => {
    expect(recentLabels(['/a/draft.plenary', '/b/draft.plenary', 'C:\\c\\other.plenary'], true)).toEqual([
      '/a/draft.plenary',
      '/b/draft.plenary',
      'other.plenary',
    ]);
  });
});
