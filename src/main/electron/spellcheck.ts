/**
 * Spell checking in the desktop app: Chromium's built-in spellchecker (webPreferences.spellcheck
 * is on in window.ts), set to the document's language, and a context menu with its suggestions.
 *
 * - The page says which languages its document is in (`plenary:spellcheck-languages`, sent by the
 *   preload's `setSpellcheckLanguages`); the session then checks with those dictionaries only:
 *   English in Oxford spelling as the UN writes it ("en-GB-oxendict", else "en-GB"), French,
 *   Spanish, Russian, and Arabic or Chinese where the platform has a dictionary. Windows and Linux
 *   use Hunspell dictionaries (on Linux downloaded by Chromium on first use); macOS uses its own
 *   spellchecker, which picks the language itself (Electron ignores the setting there).
 * - Right-click on a misspelt word offers the dictionary's suggestions (replacing the word as one
 *   edit of the page, which ProseMirror records as typing) and "Add to dictionary".
 *
 * Only types come from 'electron' here: the window code passes `ipcMain` and the menu popup, so
 * the logic is tested without an Electron runtime (test/main/electron/spellcheck.test.ts).
 */
import type { ContextMenuParams, IpcMain, IpcMainEvent, MenuItemConstructorOptions, Session, WebContents } from 'electron';
import { translate, type UiLang } from '../../shared/i18n/index.js';

/** The channel on which the page sends its document languages (repeated in preload.cts). */
export const SPELLCHECK_CHANNEL = 'plenary:spellcheck-languages';

/** Chromium dictionary codes for each document language, the preferred first. */
const DICTIONARIES: Readonly<Record<string, readonly string[]>> = {
  // The UN writes Oxford spelling (-ize with British forms): Chromium's "en-GB-oxendict" is that.
  en: ['en-GB-oxendict', 'en-GB'],
  fr: ['fr-FR', 'fr'],
  es: ['es-ES', 'es'],
  ru: ['ru-RU', 'ru'],
  ar: ['ar'],
  zh: ['zh-CN', 'zh'],
};

/** At most this many suggestions, as Chrome shows them. */
const MAX_SUGGESTIONS = 5;

/**
 * The spellchecker languages for the document languages `docLangs` among the session's
 * `available` ones: for each language its first dictionary that exists, in order, without
 * repeats. Unknown languages and missing dictionaries are left out (an empty list: no change).
 */
export function spellcheckerLanguages(docLangs: readonly unknown[], available: readonly string[]): string[] {
  const have = new Set(available);
  const out: string[] = [];
  for (const lang of docLangs) {
    if (typeof lang !== 'string') continue;
    const code = DICTIONARIES[lang]?.find((c) => have.has(c));
    if (code && !out.includes(code)) out.push(code);
  }
  return out;
}

/** What the context menu does: put a suggestion in place of the misspelt word, learn a word. */
export interface SpellActions {
  replace(suggestion: string): void;
  addWord(word: string): void;
}

/**
 * The context menu for a right-click described by `params`, labelled in interface language `lang`:
 * the suggestions and "Add to dictionary" on a misspelt word, then the clipboard roles (Cut and
 * Paste only where the page is editable). Empty for a click outside text and without a selection.
 */
export function contextMenuTemplate(
  params: Pick<ContextMenuParams, 'misspelledWord' | 'dictionarySuggestions' | 'isEditable' | 'selectionText'>,
  lang: UiLang,
  actions: SpellActions,
): MenuItemConstructorOptions[] {
  const out: MenuItemConstructorOptions[] = [];
  const word = params.misspelledWord;
  if (word) {
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    for (const s of suggestions) out.push({ label: s, click: () => actions.replace(s) });
    if (!suggestions.length) out.push({ label: translate(lang, 'spell.noSuggestions'), enabled: false });
    out.push({ type: 'separator' }, { label: translate(lang, 'spell.addToDictionary', { word }), click: () => actions.addWord(word) });
  }
  const clipboard: MenuItemConstructorOptions[] = params.isEditable
    ? [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }]
    : params.selectionText
      ? [{ role: 'copy' }]
      : [];
  if (out.length && clipboard.length) out.push({ type: 'separator' });
  return [...out, ...clipboard];
}

/** What installSpellcheck needs of Electron and the app. */
export interface SpellcheckDeps {
  ipc: Pick<IpcMain, 'on' | 'removeListener'>;
  /** Shows a menu built from the template at the pointer (Menu.buildFromTemplate(t).popup). */
  popup(template: MenuItemConstructorOptions[]): void;
  /** The interface language of the moment. */
  uiLang(): UiLang;
}

/** The part of a BrowserWindow the spellchecker wiring uses. */
export interface SpellcheckWindow {
  webContents: Pick<WebContents, 'on' | 'replaceMisspelling'> & { session: Pick<Session, 'setSpellCheckerLanguages' | 'availableSpellCheckerLanguages' | 'addWordToSpellCheckerDictionary'> };
  once(event: 'closed', listener: () => void): unknown;
}

/**
 * Wires the spellchecker of `win`: the document languages its page sends (from that page only,
 * checked to be a list of strings) set the session's dictionaries, and its context menu offers
 * the suggestions. The listener goes with the window.
 */
export function installSpellcheck(win: SpellcheckWindow, deps: SpellcheckDeps): void {
  const wc = win.webContents;
  const onLanguages = (event: IpcMainEvent, langs: unknown): void => {
    if (event.sender !== (wc as unknown) || !Array.isArray(langs)) return;
    const codes = spellcheckerLanguages(langs, wc.session.availableSpellCheckerLanguages);
    if (codes.length) wc.session.setSpellCheckerLanguages(codes);
  };
  deps.ipc.on(SPELLCHECK_CHANNEL, onLanguages);
  win.once('closed', () => deps.ipc.removeListener(SPELLCHECK_CHANNEL, onLanguages));
  wc.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, deps.uiLang(), {
      replace: (s) => wc.replaceMisspelling(s),
      addWord: (w) => void wc.session.addWordToSpellCheckerDictionary(w),
    });
    if (template.length) deps.popup(template);
  });
}
