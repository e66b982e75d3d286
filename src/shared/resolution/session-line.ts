/**
 * Reading a session heading ("Seventy-ninth session", "Dixième session extraordinaire d'urgence")
 * back into a session number: the inverse of dates.ts's sessionHeading. The importers read mastheads
 * with it, and the text export uses it to avoid wrapping a line into something that reads as one.
 */
import { sessionHeading } from './dates.js';
import type { Language } from './model.js';

const ALL_LANGS: readonly Language[] = ['en', 'fr', 'es', 'ru', 'ar', 'zh'];

/** Lower case, one space, straight apostrophes: how headings are compared. */
function norm(s: string): string {
  return s.replace(/[’‘ʼ`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

const SESSION_PATTERNS: Readonly<Record<Language, RegExp>> = {
  en: /^(.+?) (special |emergency special )?session$/,
  fr: /^(.+?) (?:session|année)( extraordinaire(?: d'urgence)?)?$/,
  es: /^(.+?) período (extraordinario )?de sesiones( de emergencia)?$/,
  ru: /^(.+?) (?:(чрезвычайная) )?(?:(специальная) )?сессия$/,
  ar: /^الدورة (?:(الاستثنائية) )?(?:(الطارئة) )?(.+)$/,
  zh: /^第(.+?)届(紧急)?(特别)?会议$/,
};

/** Ordinal words of regular sessions, by language: normalised ordinal → session number. */
const SESSION_ORDINALS: ReadonlyMap<Language, ReadonlyMap<string, number>> = (() => {
  const all = new Map<Language, Map<string, number>>();
  for (const lang of ALL_LANGS) {
    const m = new Map<string, number>();
    for (let n = 1; n <= 150; n++) {
      const h = norm(sessionHeading(n, lang));
      const r = SESSION_PATTERNS[lang].exec(h);
      if (!r) continue;
      const ord = lang === 'ar' ? r[3]! : r[1]!;
      m.set(ord, n);
    }
    all.set(lang, m);
  }
  return all;
})();

/**
 * The session a heading line names ("Seventy-ninth session" → "79", "Tenth emergency special
 * session" → "ES-10", in any of the six languages) with its language, or null. The line is plain
 * text; case, spacing and the form of apostrophes do not matter.
 */
export function readSessionLine(line: string): { session: string; lang: Language } | null {
  const t = norm(line);
  if (t.length > 80) return null;
  for (const lang of ALL_LANGS) {
    const r = SESSION_PATTERNS[lang].exec(t);
    if (!r) continue;
    let ord: string;
    let special = false;
    let emergency = false;
    switch (lang) {
      case 'en':
        ord = r[1]!;
        special = !!r[2];
        emergency = !!r[2] && r[2].startsWith('emergency');
        break;
      case 'fr':
        ord = r[1]!;
        special = !!r[2];
        emergency = !!r[2] && r[2].includes("d'urgence");
        break;
      case 'es':
        ord = r[1]!;
        special = !!r[2];
        emergency = !!r[3];
        break;
      case 'ru':
        ord = r[1]!;
        special = !!r[3];
        emergency = !!r[2];
        break;
      case 'ar':
        ord = r[3]!;
        special = !!r[1];
        emergency = !!r[2];
        break;
      case 'zh':
        ord = r[1]!;
        special = !!r[3];
        emergency = !!r[2];
        break;
    }
    const n = SESSION_ORDINALS.get(lang)!.get(ord);
    if (n === undefined) continue;
    return { session: emergency ? `ES-${n}` : special ? `S-${n}` : String(n), lang };
  }
  return null;
}
