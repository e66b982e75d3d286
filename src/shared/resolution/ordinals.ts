/**
 * Ordinal words as they stand in running text ("at its eightieth session", "à sa quatre-vingtième
 * session", "en su octogésimo período de sesiones", "for the nineteenth consecutive year"), as
 * lexicon data with a lookup both ways, for 1..200. The technical update (technical-update.ts)
 * advances them; nothing else rewrites text with them.
 *
 * English: "seventy-ninth", "one hundred and first" (UN usage, as dates.ts's session headings).
 * French: traditional spelling, "vingt et unième", "quatre-vingtième", "quatre-vingt-unième",
 * "première" (session is feminine), "deux centième". Spanish: masculine before a noun with the
 * apocopes ("octogésimo primer", "decimotercer"). Russian, Arabic and Chinese decline or place
 * the ordinal differently in running text than in a heading; they have no lexicon here yet.
 */

/** Languages with an ordinal lexicon. */
export type OrdinalLanguage = 'en' | 'fr' | 'es';

/** Languages with an ordinal lexicon, for callers that must check before asking. */
export const ORDINAL_LANGUAGES: readonly OrdinalLanguage[] = ['en', 'fr', 'es'];

/** The largest ordinal in the lexicons. */
export const MAX_ORDINAL = 200;

const EN = {
  ones: ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'],
  tens: ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'],
  tensOrd: ['', '', 'twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'],
} as const;

const FR = {
  ones: ['', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf'],
  tens: ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante', 'soixante', 'quatre-vingt', 'quatre-vingt'],
  /** The last word of a cardinal → its ordinal form, where adding "ième" is not enough. */
  irregular: { un: 'unième', cinq: 'cinquième', neuf: 'neuvième', vingts: 'vingtième', cents: 'centième' } as Record<string, string>,
} as const;

const ES = {
  units: ['', 'primero', 'segundo', 'tercero', 'cuarto', 'quinto', 'sexto', 'séptimo', 'octavo', 'noveno'],
  teens: ['décimo', 'undécimo', 'duodécimo', 'decimotercero', 'decimocuarto', 'decimoquinto', 'decimosexto', 'decimoséptimo', 'decimoctavo', 'decimonoveno'],
  tens: ['', '', 'vigésimo', 'trigésimo', 'cuadragésimo', 'quincuagésimo', 'sexagésimo', 'septuagésimo', 'octogésimo', 'nonagésimo'],
} as const;

function en(n: number): string {
  if (n === 200) return 'two hundredth';
  if (n >= 100) return n === 100 ? 'one hundredth' : 'one hundred and ' + en(n - 100);
  if (n < 20) return EN.ones[n]!;
  const t = Math.floor(n / 10);
  const u = n % 10;
  return u === 0 ? EN.tensOrd[t]! : `${EN.tens[t]}-${EN.ones[u]}`;
}

function frCardinal(n: number): string {
  if (n === 200) return 'deux cents';
  if (n >= 100) return n === 100 ? 'cent' : 'cent ' + frCardinal(n - 100);
  if (n < 20) return FR.ones[n]!;
  const t = Math.floor(n / 10);
  const r = t === 7 || t === 9 ? n - (t - 1) * 10 : n % 10; // 70–79 and 90–99 count on from 10
  const tens = FR.tens[t]!;
  if (r === 0) return t === 8 ? 'quatre-vingts' : tens;
  if ((r === 1 || r === 11) && t !== 8 && t !== 9) return `${tens} et ${FR.ones[r]}`;
  return `${tens}-${FR.ones[r]}`;
}

function fr(n: number): string {
  if (n === 1) return 'première';
  const c = frCardinal(n);
  const cut = Math.max(c.lastIndexOf(' '), c.lastIndexOf('-')) + 1;
  const w = c.slice(cut);
  return c.slice(0, cut) + (FR.irregular[w] ?? (w.endsWith('e') ? w.slice(0, -1) + 'ième' : w + 'ième'));
}

function es(n: number): string {
  let w: string;
  if (n === 200) w = 'ducentésimo';
  else if (n >= 100) w = n === 100 ? 'centésimo' : 'centésimo ' + es(n - 100);
  else if (n < 10) w = ES.units[n]!;
  else if (n < 20) w = ES.teens[n - 10]!;
  else {
    const u = n % 10;
    w = ES.tens[Math.floor(n / 10)]! + (u ? ' ' + ES.units[u] : '');
  }
  if (w.endsWith('primero') || w.endsWith('tercero')) w = w.slice(0, -1);
  return w;
}

const BUILD: Record<OrdinalLanguage, (n: number) => string> = { en, fr, es };

const TABLES: ReadonlyMap<OrdinalLanguage, { words: readonly string[]; index: ReadonlyMap<string, number> }> = new Map(
  ORDINAL_LANGUAGES.map((lang) => {
    const words = [''];
    const index = new Map<string, number>();
    for (let n = 1; n <= MAX_ORDINAL; n++) {
      const w = BUILD[lang](n);
      words.push(w);
      index.set(w, n);
    }
    return [lang, { words, index }] as const;
  }),
);

/** The ordinal word for `n` (1..200) in lower case, e.g. ordinalWord(80, 'fr') = "quatre-vingtième"; "" outside 1..200. */
export function ordinalWord(n: number, lang: OrdinalLanguage): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_ORDINAL) return '';
  return TABLES.get(lang)!.words[n]!;
}

/** The number an ordinal word stands for (case, curly apostrophes and runs of spaces ignored), or null. */
export function ordinalValue(word: string, lang: OrdinalLanguage): number | null {
  return TABLES.get(lang)!.index.get(word.toLowerCase().replace(/\s+/g, ' ').trim()) ?? null;
}

/** Every ordinal word of a language, longest first (so an alternation never stops at a shorter prefix). */
export function ordinalWords(lang: OrdinalLanguage): readonly string[] {
  return [...TABLES.get(lang)!.words.slice(1)].sort((a, b) => b.length - a.length);
}

/** Whether a language has an ordinal lexicon. */
export function hasOrdinals(lang: string): lang is OrdinalLanguage {
  return (ORDINAL_LANGUAGES as readonly string[]).includes(lang);
}
