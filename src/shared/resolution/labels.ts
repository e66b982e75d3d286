/**
 * Paragraph numbers and subparagraph labels, as printed in each of the six languages, and the
 * negotiation numbering of compilation texts (PP2bis, OP7ter…).
 *
 * Labels are never stored: they are derived from position every time the structure is computed
 * (on every keystroke), so everything here is allocation-light and the common labels are cached.
 *
 * Decisions where the spec (docs/un-format.md §1.9, UN Editorial Manual "Paragraphs and
 * subparagraphs") is silent:
 * - Beyond (z) the letter is doubled, then tripled: (aa), (bb) … (zz), (aaa). This is UN practice
 *   in English, French and Spanish texts (not (ab), (ac) as in spreadsheets).
 * - Russian uses the English forms, (a) and (i): the Russian Editorial Manual lists the exception
 *   for French and Spanish only.
 * - Arabic (UNVERIFIED): level 1 Arabic letters in abjad order in parentheses, (أ) (ب) (ج) (د) (هـ)
 *   (و) (ز) (ح) (ط) (ي) (ك)… (28 letters, then doubled like Latin); level 2 the digit between
 *   reversed quotes, ’1‘ ’2‘ (logical order; it displays as ‘1’ in a right-to-left line), which is
 *   how UN Arabic texts render the roman (i) level; levels 3 and 4 "أ." and "1.".
 * - Chinese (UNVERIFIED): level 1 Latin letters in ASCII parentheses "(a)", as UN Chinese texts
 *   keep the Latin labels so that references agree across languages; level 2 the parenthesized
 *   ideographs ㈠ ㈡ … ㈩ (U+3220–U+3229), "（十一）" beyond ten; levels 3 and 4 as in English.
 * Every scheme can be overridden per call (see {@link LABEL_SCHEMES}).
 */
import type { Language } from './model.js';

/** A subparagraph level: 1 = (a), 2 = (i), 3 = a., 4 = i. */
export type SubparagraphLevel = 1 | 2 | 3 | 4;

/**
 * How a level's counter is written: `latin` a…z, aa…zz; `roman` i, ii, iii; `abjad` Arabic letters
 * in abjad order; `digits` 1, 2, 3; `ideograph` ㈠…㈩ then "（十一）" (the form carries its own
 * parentheses, so `before`/`after` are usually empty).
 */
export type CounterStyle = 'latin' | 'roman' | 'abjad' | 'digits' | 'ideograph';

/** One level's label: the counter between a prefix and a suffix ("(" + "b" + ")"). */
export interface LabelFormat {
  readonly counter: CounterStyle;
  readonly before: string;
  readonly after: string;
}

/** The four levels' formats, index 0 = level 1. */
export type LabelScheme = readonly [LabelFormat, LabelFormat, LabelFormat, LabelFormat];

const fmt = (counter: CounterStyle, before: string, after: string): LabelFormat => ({ counter, before, after });

const ENGLISH_SCHEME: LabelScheme = [fmt('latin', '(', ')'), fmt('roman', '(', ')'), fmt('latin', '', '.'), fmt('roman', '', '.')];
const LATIN_CLOSE_SCHEME: LabelScheme = [fmt('latin', '', ')'), fmt('roman', '', ')'), fmt('latin', '', '.'), fmt('roman', '', '.')];

/**
 * The default label scheme of each language. en/ru: (a) (i) a. i.; fr/es: a) i) a. i.;
 * ar (UNVERIFIED): (أ) ’1‘ أ. 1.; zh (UNVERIFIED): (a) ㈠ a. i.
 */
export const LABEL_SCHEMES: Readonly<Record<Language, LabelScheme>> = {
  en: ENGLISH_SCHEME,
  ru: ENGLISH_SCHEME,
  fr: LATIN_CLOSE_SCHEME,
  es: LATIN_CLOSE_SCHEME,
  ar: [fmt('abjad', '(', ')'), fmt('digits', '\u2019', '\u2018'), fmt('abjad', '', '.'), fmt('digits', '', '.')],
  zh: [fmt('latin', '(', ')'), fmt('ideograph', '', ''), fmt('latin', '', '.'), fmt('roman', '', '.')],
};

/** The 28 Arabic letters in abjad order (أبجد هوز حطي كلمن سعفص قرشت ثخذ ضظغ); هـ keeps its tatweel. */
export const ABJAD_LETTERS: readonly string[] = [
  'أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح', 'ط', 'ي', 'ك', 'ل', 'م', 'ن',
  'س', 'ع', 'ف', 'ص', 'ق', 'ر', 'ش', 'ت', 'ث', 'خ', 'ذ', 'ض', 'ظ', 'غ',
];

const ROMAN_TABLE: readonly (readonly [number, string])[] = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

/**
 * Lower-case roman numeral of an integer 1..3999 ("i", "iv", "xl", "mcmxcix").
 * Throws a RangeError for anything else.
 */
export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`toRoman: ${n} is not an integer from 1 to 3999`);
  let s = '';
  let r = n;
  for (const [v, sym] of ROMAN_TABLE) {
    while (r >= v) {
      s += sym;
      r -= v;
    }
  }
  return s;
}

/**
 * The integer value of a roman numeral (either case, "iv", "XLVIII"), or null when the string is
 * not a canonically written numeral from 1 to 3999 ("IIII", "VX" and "" give null).
 */
export function fromRoman(s: string): number | null {
  const t = s.toLowerCase();
  let n = 0;
  let i = 0;
  for (const [v, sym] of ROMAN_TABLE) {
    while (t.startsWith(sym, i)) {
      n += v;
      i += sym.length;
    }
  }
  if (i !== t.length || n === 0 || n > 3999) return null;
  return toRoman(n) === t ? n : null;
}

const IDEOGRAPH_DIGITS = '〇一二三四五六七八九';

/**
 * Chinese numeral of an integer 1..999 as used in counters and session headings ("十一", "二十",
 * "一百零一", "一百一十"); other values are returned as decimal digits.
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) return String(n);
  if (n < 10) return IDEOGRAPH_DIGITS[n]!;
  if (n < 20) return '十' + (n % 10 ? IDEOGRAPH_DIGITS[n % 10]! : '');
  if (n < 100) return IDEOGRAPH_DIGITS[Math.floor(n / 10)]! + '十' + (n % 10 ? IDEOGRAPH_DIGITS[n % 10]! : '');
  const r = n % 100;
  const head = IDEOGRAPH_DIGITS[Math.floor(n / 100)]! + '百';
  if (r === 0) return head;
  if (r < 10) return head + '零' + IDEOGRAPH_DIGITS[r]!;
  if (r < 20) return head + '一' + chineseNumeral(r);
  return head + chineseNumeral(r);
}

function counter(style: CounterStyle, index: number): string {
  switch (style) {
    case 'latin': {
      const letter = String.fromCharCode(97 + (index % 26));
      const times = Math.floor(index / 26) + 1;
      return times === 1 ? letter : letter.repeat(times);
    }
    case 'roman':
      return toRoman(index + 1);
    case 'abjad': {
      const letter = ABJAD_LETTERS[index % 28]!;
      const times = Math.floor(index / 28) + 1;
      return times === 1 ? letter : letter.repeat(times);
    }
    case 'digits':
      return String(index + 1);
    case 'ideograph':
      return index < 10 ? String.fromCharCode(0x3220 + index) : '（' + chineseNumeral(index + 1) + '）';
  }
}

const LANG_INDEX: Readonly<Record<Language, number>> = { en: 0, fr: 1, es: 2, ru: 3, ar: 4, zh: 5 };
const CACHE_SIZE = 64;
/** Cached default labels: slot = language * 4 + level - 1, then index < CACHE_SIZE. */
const labelCache: (string | undefined)[][] = Array.from({ length: 24 }, () => []);

/**
 * The label of the subparagraph at 0-based `index` within its list, at `level` 1..4, in `lang`:
 * en/ru (a) (b)…(z) (aa) (bb); (i) (ii); a. b.; i. ii. — fr/es a) b); i) ii); a.; i. —
 * ar (أ) (ب); ’1‘ ’2‘; أ.; 1. (UNVERIFIED) — zh (a); ㈠ ㈡; a.; i. (UNVERIFIED).
 * `scheme` overrides the language's default ({@link LABEL_SCHEMES}). Throws a RangeError for a
 * negative or non-integer index (and for roman counters past 3999).
 */
export function subparagraphLabel(index: number, level: SubparagraphLevel, lang: Language, scheme?: LabelScheme): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`subparagraphLabel: bad index ${index}`);
  if (scheme === undefined && index < CACHE_SIZE) {
    const slot = labelCache[LANG_INDEX[lang] * 4 + level - 1]!;
    const hit = slot[index];
    if (hit !== undefined) return hit;
    const f = LABEL_SCHEMES[lang][level - 1]!;
    const made = f.before + counter(f.counter, index) + f.after;
    slot[index] = made;
    return made;
  }
  const f = (scheme ?? LABEL_SCHEMES[lang])[level - 1]!;
  return f.before + counter(f.counter, index) + f.after;
}

/**
 * An operative (or annex) paragraph number as printed before the text: "7." in en, fr, es, ru and
 * zh; "7 - " in Arabic (spec §4). `n` is the 1-based number; it is printed as given.
 */
export function operativeNumber(n: number, lang: Language): string {
  return lang === 'ar' ? `${n} - ` : `${n}.`;
}

const SUFFIX_UNITS = ['', 'un', 'duo', 'ter', 'quater', 'quin', 'sex', 'sept', 'octo', 'novo'];
const SUFFIX_TENS = ['', 'decies', 'vicies', 'tricies', 'quadragies', 'quinquagies', 'sexagies', 'septuagies', 'octogies', 'nonagies'];
const SUFFIX_FIRST = ['', '', 'bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies'];
const suffixCache: string[] = [];

/**
 * The Latin multiplicative adverb for the k-th paragraph inserted after a base paragraph:
 * 0 → "" (the base paragraph itself), 1 → "bis", 2 → "ter", 3 → "quater", 4 → "quinquies",
 * 5 → "sexies", 6 → "septies", 7 → "octies", 8 → "novies", 9 → "decies", then the forms of
 * legislative drafting: 10 → "undecies", 11 → "duodecies", 12 → "terdecies", … 18 → "novodecies",
 * 19 → "vicies", 20 → "unvicies", … 29 → "tricies" … up to 98 → "novononagies" (the 99th).
 * From k = 99 on, the ordinal in parentheses: "(100)". Throws a RangeError for negative or
 * non-integer k.
 */
export function latinSuffix(k: number): string {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`latinSuffix: bad k ${k}`);
  const cached = suffixCache[k];
  if (cached !== undefined) return cached;
  const n = k + 1; // bis = the second, ter = the third…
  let s: string;
  if (n <= 10) s = SUFFIX_FIRST[n]!;
  else if (n < 100) s = SUFFIX_UNITS[n % 10]! + SUFFIX_TENS[Math.floor(n / 10)]!;
  else s = `(${n})`;
  if (k < 128) suffixCache[k] = s;
  return s;
}

/** A paragraph as seen by the negotiation numbering. */
export interface NegotiationItem {
  /** Frozen number in the base text; absent (or not a positive integer) for inserted paragraphs. */
  base?: number;
  /** Deleted in negotiation: keeps its label (the caller shows "[deleted]"). */
  deleted?: boolean;
}

/**
 * Labels of the paragraphs of one section (PP or OP), in order.
 *
 * Negotiation mode (default): a paragraph with a frozen `base` number keeps "PP3"/"OP7" wherever it
 * is. A paragraph inserted since the base was frozen takes the number of the last base paragraph
 * before it plus a Latin suffix, counting per base number across the section: OP7bis, OP7ter,
 * OP7quater. Paragraphs inserted before the first base paragraph hang off an imaginary paragraph
 * 0, as in compilation texts: PP0, PP0bis, PP0ter. Deleted paragraphs keep their label (a deleted
 * insert keeps its slot too), so no other label moves when a paragraph is deleted.
 *
 * Plain mode: sequential numbers "PP1", "PP2"… skipping deleted paragraphs, which get "".
 */
export function negotiationLabels(
  items: readonly NegotiationItem[],
  prefix: 'PP' | 'OP',
  mode: 'negotiation' | 'plain' = 'negotiation',
): string[] {
  const out = new Array<string>(items.length);
  if (mode === 'plain') {
    let n = 0;
    for (let i = 0; i < items.length; i++) out[i] = items[i]!.deleted ? '' : prefix + ++n;
    return out;
  }
  let anchor = 0;
  let counts: Map<number, number> | null = null;
  for (let i = 0; i < items.length; i++) {
    const b = items[i]!.base;
    if (b !== undefined && Number.isInteger(b) && b > 0) {
      anchor = b;
      out[i] = prefix + b;
      continue;
    }
    counts ??= new Map();
    // Inserts after base paragraph N start at "bis"; inserts before any base take "0" first.
    const k = counts.get(anchor) ?? (anchor === 0 ? 0 : 1);
    counts.set(anchor, k + 1);
    out[i] = prefix + anchor + latinSuffix(k);
  }
  return out;
}

/**
 * Sequential printed numbers 1..n of a section's paragraphs, skipping deleted ones (which get
 * null): what a clean text prints once negotiation numbering is dropped.
 */
export function sequentialNumbers(items: readonly { deleted?: boolean }[]): (number | null)[] {
  const out = new Array<number | null>(items.length);
  let n = 0;
  for (let i = 0; i < items.length; i++) out[i] = items[i]!.deleted ? null : ++n;
  return out;
}
