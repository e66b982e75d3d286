import { describe, expect, it } from 'vitest';
import { CATALOGUES, UI_LANGS, translate } from '../../src/shared/i18n/index.js';
import {
  ALL_COMMANDS,
  appCommandForKey,
  commandLabel,
  displayKeys,
  isCommandId,
  keysFor,
  matchesChord,
  menuCommandIds,
  parseChord,
  shortcutRows,
  toAccelerator,
  toKeymapName,
  type Platform,
} from '../../src/shared/commands.js';

const ev = (key: string, mods: Partial<{ ctrl: boolean; meta: boolean; alt: boolean; shift: boolean }> = {}) => ({
  key,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  altKey: mods.alt ?? false,
  shiftKey: mods.shift ?? false,
});

describe('the command registry', () => {
  it('has unique ids, each with a label', () => {
    const ids = ALL_COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of ALL_COMMANDS) expect(c.label.trim(), c.id).not.toBe('');
  });

  it('gives no key to two commands on the same platform', () => {
    for (const platform of ['mac', 'other'] as Platform[]) {
      const seen = new Map<string, string>();
      for (const c of ALL_COMMANDS)
        for (const k of keysFor(c, platform)) {
          const norm = toKeymapName(k);
          expect(seen.get(norm), `${k} of ${c.id} on ${platform}`).toBeUndefined();
          seen.set(norm, c.id);
        }
    }
  });

  it('puts every app-level key in the menus, so the desktop menu accelerators carry the whole keymap', () => {
    for (const c of ALL_COMMANDS.filter((x) => x.scope === 'app')) expect(c.menu, c.id).toBeDefined();
  });

  it('Edit has Undo, Redo, Cut, Copy, Paste and Select all with their keys; Ctrl+P prints', () => {
    expect(menuCommandIds('browser').filter((id) => id.startsWith('edit.')).slice(0, 6)).toEqual(['edit.undo', 'edit.redo', 'edit.cut', 'edit.copy', 'edit.paste', 'edit.selectAll']);
    expect(appCommandForKey(ev('p', { ctrl: true }), 'other', 'browser')).toBe('file.print');
    expect(appCommandForKey(ev('p', { meta: true }), 'mac', 'electron')).toBe('file.print');
    const rows = shortcutRows('other', 'browser');
    expect(rows.find((r) => r.id === 'edit.redo')?.keys).toBe('Ctrl+Y / Ctrl+Shift+Z');
    expect(rows.find((r) => r.id === 'edit.paste')?.keys).toBe('Ctrl+V');
  });

  it('puts the section commands in Edit, after the insert commands, with Ctrl+Alt+1 / 2 and a checked restart that needs a part', () => {
    const edit = menuCommandIds('browser').filter((id) => id.startsWith('edit.'));
    expect(edit.slice(-3)).toEqual(['edit.insertPart', 'edit.insertSubHeading', 'edit.partRestart']);
    const rows = shortcutRows('other', 'browser');
    expect(rows.find((r) => r.id === 'edit.insertPart')?.keys).toBe('Ctrl+Alt+1');
    expect(rows.find((r) => r.id === 'edit.insertSubHeading')?.keys).toBe('Ctrl+Alt+2');
    expect(shortcutRows('mac', 'electron').find((r) => r.id === 'edit.insertPart')?.keys).toBe('⌥⌘1');
    const restart = ALL_COMMANDS.find((c) => c.id === 'edit.partRestart')!;
    const ctx = { autoPunctuate: true, negotiationNumbering: false, dark: false, panelOpen: true, canUndo: false, canRedo: false };
    expect(restart.enabled!(ctx)).toBe(false);
    expect(restart.enabled!({ ...ctx, partRestart: null })).toBe(false);
    expect(restart.enabled!({ ...ctx, partRestart: false })).toBe(true);
    expect(restart.checked!({ ...ctx, partRestart: false })).toBe(false);
    expect(restart.checked!({ ...ctx, partRestart: true })).toBe(true);
    // Ctrl+Home and Ctrl+End are the editor's (the browser's own lands on the enacting formula).
    expect(toKeymapName(keysFor(ALL_COMMANDS.find((c) => c.id === 'edit.goStart')!, 'other')[0]!)).toBe('Mod-Home');
    expect(toKeymapName(keysFor(ALL_COMMANDS.find((c) => c.id === 'edit.selectToEnd')!, 'other')[0]!)).toBe('Mod-Shift-End');
  });

  it('labels the section commands in every interface language', () => {
    for (const lang of UI_LANGS)
      for (const id of ['edit.insertPart', 'edit.insertSubHeading', 'edit.partRestart', 'edit.goStart', 'edit.goEnd'])
        expect(CATALOGUES[lang][`command.${id}` as keyof (typeof CATALOGUES)['en']], `${lang} ${id}`).toBeTruthy();
    expect(commandLabel(ALL_COMMANDS.find((c) => c.id === 'edit.insertSubHeading')!, (k) => translate('fr', k))).toBe('Insérer un intertitre');
  });

  it('knows its ids and rejects others', () => {
    expect(isCommandId('file.save')).toBe(true);
    expect(isCommandId('file.nothing')).toBe(false);
    expect(isCommandId('toString')).toBe(false);
  });

  it('labels through a catalogue, falling back to the registry English; {{app}} is filled', () => {
    const about = ALL_COMMANDS.find((c) => c.id === 'help.about')!;
    expect(commandLabel(about)).toBe('About Plenary');
    expect(commandLabel(about, () => 'À propos de {{app}}', false, 'Plenary Dev')).toBe('À propos de Plenary Dev');
    const saveAs = ALL_COMMANDS.find((c) => c.id === 'file.saveAs')!;
    expect(commandLabel(saveAs, () => undefined, true)).toBe('Save As…');
    expect(commandLabel(saveAs, (k) => (k === 'command.file.saveAs' ? 'Guardar como…' : undefined))).toBe('Guardar como…');
  });
});

describe('key chords', () => {
  it('parse, with "+" as a key after the modifiers', () => {
    expect(parseChord('Mod+Shift+S')).toEqual({ mod: true, ctrl: false, alt: false, shift: true, key: 'S' });
    expect(parseChord('Mod++')).toMatchObject({ mod: true, key: '+' });
    expect(parseChord('Alt+ArrowUp')).toMatchObject({ alt: true, key: 'ArrowUp' });
  });

  it('convert to Electron accelerators, ProseMirror key names and readable keys', () => {
    expect(toAccelerator('Mod+Shift+S')).toBe('CmdOrCtrl+Shift+S');
    expect(toAccelerator('Mod++')).toBe('CmdOrCtrl+Plus');
    expect(toAccelerator('Alt+ArrowUp')).toBe('Alt+Up');
    expect(toKeymapName('Mod+Shift+K')).toBe('Mod-Shift-k');
    expect(toKeymapName('Mod+Shift+.')).toBe('Mod-Shift-.');
    expect(toKeymapName('Shift+Tab')).toBe('Shift-Tab');
    expect(displayKeys('Mod+Shift+S', 'other')).toBe('Ctrl+Shift+S');
    expect(displayKeys('Mod+Shift+S', 'mac')).toBe('⇧⌘S');
    expect(displayKeys('Alt+ArrowDown', 'other')).toBe('Alt+↓');
  });

  it('match key events: Ctrl elsewhere, ⌘ on macOS; Alt and Shift must agree for letters', () => {
    expect(matchesChord('Mod+S', ev('s', { ctrl: true }), 'other')).toBe(true);
    expect(matchesChord('Mod+S', ev('S', { ctrl: true, shift: true }), 'other')).toBe(false);
    expect(matchesChord('Mod+S', ev('s', { meta: true }), 'other')).toBe(false);
    expect(matchesChord('Mod+S', ev('s', { meta: true }), 'mac')).toBe(true);
    expect(matchesChord('Mod+F', ev('f', { ctrl: true, alt: true }), 'other')).toBe(false);
    expect(matchesChord('Mod++', ev('+', { ctrl: true, shift: true }), 'other')).toBe(true);
    expect(appCommandForKey(ev('f', { ctrl: true, alt: true }), 'other', 'browser')).toBeNull();
    expect(appCommandForKey(ev('P', { ctrl: true, shift: true }), 'other', 'browser')).toBe('view.palette');
    expect(appCommandForKey(ev('s', {}), 'other', 'browser')).toBeNull();
  });
});

describe('registry labels in the interface catalogues', () => {
  it('every command has `command.<id>` (and `native.<id>` when it has a desktop wording) in every language', () => {
    for (const lang of UI_LANGS) {
      const missing = ALL_COMMANDS.flatMap((c) => [`command.${c.id}`, ...(c.nativeLabel ? [`native.${c.id}`] : [])]).filter((k) => !(k in CATALOGUES[lang]));
      expect(missing, lang).toEqual([]);
    }
  });

  it('the English catalogue says what the registry says, so English menus read the same either way', () => {
    const t = (key: string, vars?: Record<string, string>) => translate('en', key, vars);
    for (const c of ALL_COMMANDS) {
      expect(commandLabel(c, t), c.id).toBe(commandLabel(c));
      expect(commandLabel(c, t, true), c.id).toBe(commandLabel(c, undefined, true));
    }
  });

  it('a French label comes from the catalogue; a key no catalogue has falls back to the registry', () => {
    const fr = (key: string, vars?: Record<string, string>) => (key in CATALOGUES.en ? translate('fr', key, vars) : undefined);
    expect(commandLabel(ALL_COMMANDS.find((c) => c.id === 'edit.undo')!, fr)).toBe('Annuler');
    expect(commandLabel({ id: 'x.unknown', label: 'Fallback' }, fr)).toBe('Fallback');
  });
});
