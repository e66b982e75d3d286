/**
 * The interface's languages and their catalogues, shared by the renderer (through i18next, see
 * src/renderer/i18n) and the Electron main process (the native menu). Catalogues are flat
 * objects: a key is a dotted name (`command.file.new`), plural forms carry i18next's suffixes
 * (`_one`, `_many`, `_other`) after Intl.PluralRules' categories. The interface language is the
 * user's, never the document's.
 */
import { en } from './en.js';
import { fr } from './fr.js';
import { es } from './es.js';

/** A catalogue: key → message with `{{name}}` placeholders. */
export type Catalogue = Readonly<Record<string, string>>;

/** The interface languages, English first (the fallback). */
export const UI_LANGS = ['en', 'fr', 'es'] as const;

/** An interface language. */
export type UiLang = (typeof UI_LANGS)[number];

/** Every catalogue by language. The English one is the reference: others have exactly its keys. */
export const CATALOGUES: Readonly<Record<UiLang, Catalogue>> = { en, fr, es };

/** Each language's own name, as shown in the language chooser. */
export const UI_LANG_NAMES: Readonly<Record<UiLang, string>> = { en: 'English', fr: 'Français', es: 'Español' };

/** Whether `s` is an interface language code. */
export function isUiLang(s: unknown): s is UiLang {
  return typeof s === 'string' && (UI_LANGS as readonly string[]).includes(s);
}

/**
 * The first interface language among BCP 47 tags in order of preference (`fr-CA` → `fr`),
 * or null when none is supported. Tags that are not strings or are empty are skipped.
 */
export function matchUiLang(tags: readonly (string | null | undefined)[]): UiLang | null {
  for (const tag of tags) {
    const primary = typeof tag === 'string' ? tag.trim().toLowerCase().split(/[-_]/)[0] : '';
    if (isUiLang(primary)) return primary;
  }
  return null;
}

/**
 * Looks a message up and fills `{{name}}` placeholders; with a numeric `count`, picks the plural
 * form by Intl.PluralRules (falling back to `_other`). A key missing from the language falls back
 * to English, then to the key itself, so a gap shows rather than throws (the catalogue test keeps
 * gaps out of the build).
 */
export function translate(lang: UiLang, key: string, vars: Readonly<Record<string, string | number>> = {}): string {
  const lookup = (k: string): string | undefined => CATALOGUES[lang][k] ?? CATALOGUES.en[k];
  let msg: string | undefined;
  if (typeof vars.count === 'number') {
    const category = new Intl.PluralRules(lang).select(vars.count);
    msg = lookup(`${key}_${category}`) ?? lookup(`${key}_other`);
  }
  msg ??= lookup(key) ?? key;
  return msg.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/**
 * The value of `--ui-lang xx` or `--ui-lang=xx` in a command line (the last one wins), or
 * undefined. Not validated: callers say what they do with an unsupported code.
 */
export function readUiLangArg(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--ui-lang') value = argv[i + 1];
    else if (arg.startsWith('--ui-lang=')) value = arg.slice('--ui-lang='.length);
  });
  return value;
}
