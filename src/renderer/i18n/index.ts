/**
 * The interface language in the renderer: i18next wired to the shared catalogues
 * (src/shared/i18n), a `t` usable outside React (stores, toasts), the user's choice kept in
 * localStorage, and dates and numbers formatted by Intl in the interface language.
 *
 * Which language: `--ui-lang` (app.info's `uiLang.forced`) wins for the session; else the
 * choice made in View › Interface language; else the OS locale (Electron's app.getLocale via
 * app.info) or the browser's navigator.languages; else English.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { CATALOGUES, UI_LANGS, isUiLang, matchUiLang, type UiLang } from '../../shared/i18n/index.js';
import type { AppInfo } from '../../shared/api.js';
import type { MessageRef } from '../../shared/errors.js';
import { tellShellUiLang } from '../api.js';

/** localStorage key of the language chosen in Settings. */
export const UI_LANG_STORAGE_KEY = 'plenary-ui-lang';

function stored(): UiLang | null {
  try {
    const v = globalThis.localStorage?.getItem(UI_LANG_STORAGE_KEY);
    return isUiLang(v) ? v : null;
  } catch {
    return null; // storage refused (privacy mode): the choice just is not remembered
  }
}

function browserLanguages(): readonly string[] {
  const nav = globalThis.navigator;
  return nav ? (nav.languages?.length ? nav.languages : [nav.language]) : [];
}

/** The language the interface starts in before app.info is known: stored choice, else browser. */
export function initialUiLang(): UiLang {
  return stored() ?? matchUiLang(browserLanguages()) ?? 'en';
}

const resources = Object.fromEntries(UI_LANGS.map((l) => [l, { translation: CATALOGUES[l] }]));

void i18next.use(initReactI18next).init({
  resources,
  lng: initialUiLang(),
  fallbackLng: 'en',
  supportedLngs: [...UI_LANGS],
  // Flat keys with dots (`command.file.new`): no nesting, no namespaces in keys.
  keySeparator: false,
  nsSeparator: false,
  // React escapes; the messages are plain text.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

// The native menu follows the page: told the language now and at every change.
i18next.on('languageChanged', (l: string) => {
  if (isUiLang(l)) tellShellUiLang(l);
});
tellShellUiLang(i18next.language);

/** The i18next instance (for <I18nextProvider> in tests). */
export const i18n = i18next;

/** Translates a key in the current interface language; `count` picks the plural form. */
export function t(key: string, vars?: Record<string, string | number>): string {
  return i18next.t(key, vars ?? {});
}

/** The current interface language. */
export function uiLang(): UiLang {
  const l = i18next.language;
  return isUiLang(l) ? l : 'en';
}

/** Language forced for this session by --ui-lang (not stored: the next plain start is as before). */
let forced: UiLang | null = null;

/** The --ui-lang of this session, or null. */
export function forcedUiLang(): UiLang | null {
  return forced;
}

function apply(lang: UiLang): void {
  void i18next.changeLanguage(lang);
  // The page's own lang is the interface's; the draft keeps its document language on its node.
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/**
 * The user's choice in Settings: applied now and remembered. While --ui-lang forces a language
 * the choice is still remembered (for the next start) and applied, since the user asked for it.
 */
export function chooseUiLang(lang: UiLang): void {
  try {
    globalThis.localStorage?.setItem(UI_LANG_STORAGE_KEY, lang);
  } catch {
    /* not remembered, still applied */
  }
  apply(lang);
}

/** Takes app.info's language hints into account (forced --ui-lang, then the OS locale). */
export function applyAppInfo(info: Pick<AppInfo, 'uiLang'>): void {
  const hint = info.uiLang;
  if (hint?.forced && isUiLang(hint.forced)) {
    forced = hint.forced;
    apply(hint.forced);
    return;
  }
  if (stored()) return;
  apply(matchUiLang([hint?.system, ...browserLanguages()]) ?? 'en');
}

/** Intl locale for a UI language: British English gives the UN's "7 December 2026". */
function locale(lang: UiLang = uiLang()): string {
  return lang === 'en' ? 'en-GB' : lang;
}

/**
 * Formats with Intl; a value that is not a date is returned as given (a library row may carry a
 * free-text date), never thrown on. A bare `YYYY-MM-DD` is a calendar day: read in UTC so no time
 * zone moves it to the day before.
 */
function format(d: Date | string | number, lang: UiLang | undefined, opts: Intl.DateTimeFormatOptions): string {
  const date = new Date(d);
  if (Number.isNaN(date.getTime())) return String(d);
  const day = typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d);
  return new Intl.DateTimeFormat(locale(lang), day ? { ...opts, timeZone: 'UTC' } : opts).format(date);
}

/** A date as "7 December 2026" / "7 décembre 2026" / "7 de diciembre de 2026". */
export function formatDate(d: Date | string | number, lang?: UiLang): string {
  return format(d, lang, { day: 'numeric', month: 'long', year: 'numeric' });
}

/** A date with its time of day ("7 December 2026 at 14:05" and the like). */
export function formatDateTime(d: Date | string | number, lang?: UiLang): string {
  return format(d, lang, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** A time of day, "14:05". */
export function formatTime(d: Date | string | number, lang?: UiLang): string {
  return format(d, lang, { hour: '2-digit', minute: '2-digit' });
}

/** A number with the language's grouping ("12,345" / "12 345" / "12.345"). */
export function formatNumber(n: number, lang?: UiLang): string {
  return new Intl.NumberFormat(locale(lang)).format(n);
}

/**
 * A coded message (`{ code, values }` from a service or a shared validator) in the interface
 * language, or `fallback` (the English text) when the catalogue has no `errors.<code>`.
 */
export function messageText(ref: MessageRef | undefined, fallback: string): string {
  if (!ref || typeof ref.code !== 'string') return fallback;
  const say = (r: MessageRef): string | null => {
    const key = `errors.${r.code}`;
    if (!i18next.exists(key)) return null;
    const rest = r.next ? say(r.next) : '';
    return rest === null ? null : `${t(key, { ...(r.values ?? {}) })}${rest ? ` ${rest}` : ''}`;
  };
  // Every part must be known, or the English text (which has them all) is shown instead.
  return say(ref) ?? fallback;
}

/**
 * A user-facing message for an error: the API code's wrapper in the interface language around
 * the service's message, itself translated from its code and values when it has them (else the
 * service's English text).
 */
export function errorMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string' && e instanceof Error) {
    const inner = messageText((e as { msg?: MessageRef }).msg, e.message);
    const key = `error.${(e as { code: string }).code}`;
    if (i18next.exists(key)) return t(key, { message: inner });
    return inner;
  }
  return e instanceof Error ? e.message : String(e);
}

/**
 * react-i18next's hook, re-exported so that a component importing it also loads this module:
 * i18next is initialised before any component renders, in the app and in component tests alike.
 */
export { useTranslation } from 'react-i18next';
