import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { buildMenuTemplate } from '../../../src/main/electron/menu.js';
import { isCommandId, type CommandContext } from '../../../src/shared/commands.js';
import { browserMenus, dispatchCommand, paletteRows, type CommandHandlers } from '../../../src/renderer/state/commands.js';
import { CommandPalette } from '../../../src/renderer/components/CommandPalette.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ctx: CommandContext = { autoPunctuate: true, negotiationNumbering: false, dark: false, panelOpen: true, canUndo: false, canRedo: false };

function electronIds(isMac: boolean): string[] {
  const walk = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] => items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? walk(i.submenu as MenuItemConstructorOptions[]) : [])]);
  return walk(buildMenuTemplate({ isMac, isDev: true, appName: 'Plenary', recent: [], send: () => undefined }))
    .map((i) => i.id)
    .filter((id): id is string => typeof id === 'string' && isCommandId(id));
}

describe('the two menus, generated from one registry', () => {
  it('list the same commands (the browser adds only “Download a copy”)', () => {
    const browser = browserMenus(ctx, 'other').flatMap((m) => m.items.map((i) => i.id));
    for (const isMac of [false, true]) {
      expect(new Set(electronIds(isMac))).toEqual(new Set(browser.filter((id) => id !== 'file.download')));
    }
    expect(browser).toEqual(expect.arrayContaining(['view.matches', 'view.negotiation', 'view.versions', 'view.zoomIn', 'view.zoomOut', 'view.zoomReset', 'view.palette', 'file.print', 'edit.undo', 'edit.selectAll']));
  });

  it('the browser menus mark checked toggles and show keys as read on the platform', () => {
    const menus = browserMenus({ ...ctx, dark: true }, 'other');
    expect(menus.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    const all = menus.flatMap((m) => m.items);
    expect(all.find((i) => i.id === 'view.toggleTheme')?.label).toBe('✓ Dark theme');
    expect(all.find((i) => i.id === 'edit.autoPunctuate')?.label).toBe('✓ Auto-punctuate');
    expect(all.find((i) => i.id === 'file.save')?.keys).toBe('Ctrl+S');
    expect(browserMenus(ctx, 'mac').flatMap((m) => m.items).find((i) => i.id === 'file.save')?.keys).toBe('⌘S');
  });
});

describe('dispatchCommand', () => {
  it('runs the handler of a known id with its argument and reports an unknown id', () => {
    const open = vi.fn();
    const handlers = new Proxy({}, { get: (_t, id) => (id === 'file.openPath' ? open : () => undefined) }) as CommandHandlers;
    const unknown = vi.fn();
    dispatchCommand(handlers, 'file.openPath', '/x.plenary', unknown);
    expect(open).toHaveBeenCalledWith('/x.plenary');
    dispatchCommand(handlers, 'file.bogus', undefined, unknown);
    expect(unknown).toHaveBeenCalledWith('file.bogus');
  });
});

describe('CommandPalette', () => {
  function mount(onRun = vi.fn(), onClose = vi.fn(), context = ctx) {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    act(() => root.render(<CommandPalette rows={paletteRows(context, 'other', 'browser')} onRun={onRun} onClose={onClose} />));
    const input = host.querySelector<HTMLInputElement>('input[role="combobox"]')!;
    const type = (text: string) =>
      act(() => {
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        setter.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    const key = (k: string) => act(() => void input.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));
    return { host, input, type, key, onRun, onClose, unmount: () => act(() => root.unmount()) };
  }

  it('is a combobox over a listbox of every command with its keys; no command needing an argument', () => {
    const p = mount();
    expect(p.input.getAttribute('aria-controls')).toBe('palette-list');
    expect(document.activeElement).toBe(p.input);
    const options = [...p.host.querySelectorAll('[role="option"]')];
    expect(options.length).toBe(paletteRows(ctx, 'other', 'browser').length);
    expect(options.some((o) => o.getAttribute('data-command') === 'file.openPath')).toBe(false);
    expect(p.host.querySelector('[data-command="file.save"] kbd')?.textContent).toBe('Ctrl+S');
    p.unmount();
  });

  it('filters fuzzily, moves with the arrows and runs the active command on Enter', () => {
    const p = mount();
    p.type('exp pdf');
    const first = p.host.querySelector('[role="option"][aria-selected="true"]');
    expect(first?.getAttribute('data-command')).toBe('export.pdf');
    expect(p.input.getAttribute('aria-activedescendant')).toBe('palette-export.pdf');
    p.type('zoom');
    p.key('ArrowDown');
    const second = p.host.querySelector('[role="option"][aria-selected="true"]')?.getAttribute('data-command');
    p.key('Enter');
    expect(p.onClose).toHaveBeenCalled();
    expect(p.onRun).toHaveBeenCalledWith(second);
    expect(second).toMatch(/^view\.zoom/);
    p.unmount();
  });

  it('says so when nothing matches, does not run a disabled command, and closes on Escape', () => {
    const p = mount();
    p.type('qqqq');
    expect(p.host.textContent).toContain('No command matches “qqqq”.');
    p.key('Enter');
    expect(p.onRun).not.toHaveBeenCalled();
    p.type('undo');
    expect(p.host.querySelector('[aria-selected="true"]')?.getAttribute('aria-disabled')).toBe('true');
    p.key('Enter');
    expect(p.onRun).not.toHaveBeenCalled();
    p.key('Escape');
    expect(p.onClose).toHaveBeenCalled();
    p.unmount();
  });
});
