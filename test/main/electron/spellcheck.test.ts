// The desktop spellchecker wiring (src/main/electron/spellcheck.ts) against fakes: no Electron
// runtime can start here, so what is checked is what the code asks of Electron's documented API
// (session.setSpellCheckerLanguages, the context-menu event's dictionarySuggestions,
// webContents.replaceMisspelling, session.addWordToSpellCheckerDictionary).
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { IpcMain, IpcMainEvent, MenuItemConstructorOptions } from 'electron';
import { contextMenuTemplate, installSpellcheck, spellcheckerLanguages, SPELLCHECK_CHANNEL, type SpellcheckWindow } from '../../../src/main/electron/spellcheck.js';

// What Chromium's Hunspell offers on Linux and Windows (its list has no Arabic or Chinese).
const HUNSPELL = ['de', 'en-AU', 'en-CA', 'en-GB', 'en-GB-oxendict', 'en-US', 'es', 'es-419', 'es-ES', 'fr', 'fr-FR', 'ru', 'uk'];

describe('spellcheckerLanguages', () => {
  it('maps the document languages to dictionaries: Oxford English for the UN, then French, Spanish, Russian', () => {
    expect(spellcheckerLanguages(['en'], HUNSPELL)).toEqual(['en-GB-oxendict']);
    expect(spellcheckerLanguages(['en'], ['en-GB', 'en-US'])).toEqual(['en-GB']);
    expect(spellcheckerLanguages(['fr', 'es', 'ru', 'en'], HUNSPELL)).toEqual(['fr-FR', 'es-ES', 'ru', 'en-GB-oxendict']);
  });

  it('leaves out languages without a dictionary, unknown codes, repeats and non-strings', () => {
    expect(spellcheckerLanguages(['ar', 'zh'], HUNSPELL)).toEqual([]);
    expect(spellcheckerLanguages(['ar'], ['ar', 'en-US'])).toEqual(['ar']);
    expect(spellcheckerLanguages(['xx', 42, null, 'en', 'en'], HUNSPELL)).toEqual(['en-GB-oxendict']);
    // macOS: no list (the OS picks the language itself).
    expect(spellcheckerLanguages(['en'], [])).toEqual([]);
  });
});

describe('contextMenuTemplate', () => {
  const actions = { replace: vi.fn(), addWord: vi.fn() };
  const labels = (t: MenuItemConstructorOptions[]) => t.map((i) => i.label ?? i.role ?? i.type);

  it('offers the suggestions, "Add to dictionary" and the clipboard on a misspelt word', () => {
    const t = contextMenuTemplate({ misspelledWord: 'resolutoin', dictionarySuggestions: ['resolution', 'resolutions'], isEditable: true, selectionText: '' }, 'en', actions);
    expect(labels(t)).toEqual(['resolution', 'resolutions', 'separator', 'Add “resolutoin” to dictionary', 'separator', 'cut', 'copy', 'paste', 'selectAll']);
    t[0]!.click!({} as never, undefined, {} as never);
    expect(actions.replace).toHaveBeenCalledWith('resolution');
    t[3]!.click!({} as never, undefined, {} as never);
    expect(actions.addWord).toHaveBeenCalledWith('resolutoin');
  });

  it('says when there is no suggestion, in the interface language', () => {
    const t = contextMenuTemplate({ misspelledWord: 'xqzt', dictionarySuggestions: [], isEditable: true, selectionText: '' }, 'fr', actions);
    expect(labels(t).slice(0, 3)).toEqual(['Aucune suggestion orthographique', 'separator', 'Ajouter «\u00A0xqzt\u00A0» au dictionnaire']);
    expect(t[0]!.enabled).toBe(false);
  });

  it('outside editable text: Copy for a selection, nothing otherwise', () => {
    expect(labels(contextMenuTemplate({ misspelledWord: '', dictionarySuggestions: [], isEditable: false, selectionText: 'text' }, 'en', actions))).toEqual(['copy']);
    expect(contextMenuTemplate({ misspelledWord: '', dictionarySuggestions: [], isEditable: false, selectionText: '' }, 'en', actions)).toEqual([]);
  });
});

describe('installSpellcheck', () => {
  function setup() {
    const ipc = new EventEmitter();
    const session = { availableSpellCheckerLanguages: HUNSPELL, setSpellCheckerLanguages: vi.fn(), addWordToSpellCheckerDictionary: vi.fn(() => true) };
    const wc = Object.assign(new EventEmitter(), { session, replaceMisspelling: vi.fn() });
    const win = Object.assign(new EventEmitter(), { webContents: wc });
    const popup = vi.fn();
    installSpellcheck(win as unknown as SpellcheckWindow, { ipc: ipc as unknown as Pick<IpcMain, 'on' | 'removeListener'>, popup, uiLang: () => 'en' });
    return { ipc, session, wc, win, popup };
  }

  it('sets the dictionaries from its own page only, and ignores malformed messages', () => {
    const { ipc, session, wc } = setup();
    ipc.emit(SPELLCHECK_CHANNEL, { sender: wc } as unknown as IpcMainEvent, ['fr']);
    expect(session.setSpellCheckerLanguages).toHaveBeenLastCalledWith(['fr-FR']);
    ipc.emit(SPELLCHECK_CHANNEL, { sender: {} } as unknown as IpcMainEvent, ['en']);
    ipc.emit(SPELLCHECK_CHANNEL, { sender: wc } as unknown as IpcMainEvent, 'en');
    ipc.emit(SPELLCHECK_CHANNEL, { sender: wc } as unknown as IpcMainEvent, ['zh']);
    expect(session.setSpellCheckerLanguages).toHaveBeenCalledTimes(1);
  });

  it('pops up the menu on right-click; its items act on the page and the session; the listener goes with the window', () => {
    const { ipc, session, wc, win, popup } = setup();
    wc.emit('context-menu', {}, { misspelledWord: 'Assemby', dictionarySuggestions: ['Assembly'], isEditable: true, selectionText: '' });
    const template = popup.mock.calls[0]![0] as MenuItemConstructorOptions[];
    template[0]!.click!({} as never, undefined, {} as never);
    expect(wc.replaceMisspelling).toHaveBeenCalledWith('Assembly');
    template[2]!.click!({} as never, undefined, {} as never);
    expect(session.addWordToSpellCheckerDictionary).toHaveBeenCalledWith('Assemby');
    wc.emit('context-menu', {}, { misspelledWord: '', dictionarySuggestions: [], isEditable: false, selectionText: '' });
    expect(popup).toHaveBeenCalledTimes(1);
    expect(ipc.listenerCount(SPELLCHECK_CHANNEL)).toBe(1);
    win.emit('closed');
    expect(ipc.listenerCount(SPELLCHECK_CHANNEL)).toBe(0);
  });
});
