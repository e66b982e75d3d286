/**
 * Terms for full-text search (pure: runs in main and renderer). The library indexes the output of
 * `searchText` (space-separated terms) instead of the raw paragraph, and a query goes through the
 * same functions, so both sides agree on what a word is:
 *   - every script: lower case, diacritics folded (`foldText`, shared with matching);
 *   - Arabic: alef forms (أ إ آ ٱ) → ا, hamza carriers (ؤ ئ) → و ي, taa marbuta ة → ه, alef maksura
 *     ى → ي, tatweel and harakat dropped;
 *   - English (documents in English, and every query word as one alternative): a light suffix
 *     stemmer, so "encourage", "encourages", "encouraged", "encouraging" share the term "encourag";
 *   - Chinese and Japanese: overlapping character bigrams of each run of ideographs/kana ("可持续"
 *     → "可持 持续"; a single character stays itself), so a word is found without a segmenter;
 *   - digits stay as they are, and punctuation separates ("79/200" → "79 200", found as a phrase).
 */
import { foldText } from './tokens.js';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
// Letters, digits and marks; CJK runs are split apart from other letters below.
const WORD = /[\p{L}\p{N}]+/gu;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;
const ARABIC_FOLD: Record<string, string> = { 'ة': 'ه', 'ٱ': 'ا', 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ؤ': 'و', 'ئ': 'ي', 'ى': 'ي' };
const ARABIC_RE = new RegExp(`[${Object.keys(ARABIC_FOLD).join('')}]`, 'g');
const LATIN_WORD = /^[a-z]+$/;
// eslint-disable-next-line no-control-regex -- the ASCII range itself
const ASCII = /^[\x00-\x7f]*$/;
const ASCII_WORD = /[a-z0-9]+/g;
/** Quotes, dashes, no-break and thin spaces, ellipsis, bullet: never part of a word. */
export const SEPARATORS = /[\u00a0\u00ab\u00bb\u2002-\u200a\u2010-\u201f\u2022\u2026\u2032\u2033\u202f]/;
const SEPARATORS_G = new RegExp(SEPARATORS.source, 'g');
const VOWEL = /[aeiouy]/;

/** The folded form of a text for search: `foldText` plus the Arabic letter folds above. */
export function searchFold(text: string): string {
  return foldText(text).replace(ARABIC_RE, (c) => ARABIC_FOLD[c]!);
}

/**
 * A light English stemmer (Porter's first steps, simplified) on a folded lower-case word: plural
 * and verb endings (-s, -es, -ies, -ed, -ing), a final -e, doubled final consonants and a final -y
 * are reduced so that the forms of one word meet. Words under four letters and non-Latin words are
 * returned unchanged. Over-stemming ("united"/"unit") is accepted: search finds a little more,
 * never less.
 */
export function englishStem(word: string): string {
  if (word.length < 4) return word;
  const known = stems.get(word);
  if (known !== undefined) return known;
  const w = stem(word);
  // Words repeat a lot (an import stems every word of every paragraph): remember the recent ones.
  if (stems.size >= STEM_CACHE) stems.clear();
  stems.set(word, w);
  return w;
}

const STEM_CACHE = 50_000;
const stems = new Map<string, string>();

function stem(word: string): string {
  if (!LATIN_WORD.test(word)) return word;
  let w = word;
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('ing') && VOWEL.test(w.slice(0, -3)) && w.length - 3 >= 3) w = w.slice(0, -3);
  else if (w.endsWith('ed') && VOWEL.test(w.slice(0, -2)) && w.length - 2 >= 3) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 3 && w[w.length - 1] === w[w.length - 2] && !'lsz'.includes(w[w.length - 1]!) && !VOWEL.test(w[w.length - 1]!)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('y')) w = `${w.slice(0, -1)}i`;
  return w;
}

/** Bigrams of a run of CJK characters (a single character is its own term). */
function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/**
 * The search terms of a text, in order: folded words (stemmed when `stem`), CJK bigrams, digit
 * runs. Punctuation and spaces only separate.
 */
export function searchTerms(text: string, stem: boolean): string[] {
  // Plain ASCII (most English text, once typographic quotes, dashes and spaces, which only
  // separate words, are set aside) folds to lower case alone: skip the Unicode passes.
  const plain = SEPARATORS.test(text) ? text.replace(SEPARATORS_G, ' ') : text;
  if (ASCII.test(plain)) {
    const words = plain.toLowerCase().match(ASCII_WORD) ?? [];
    return stem ? words.map(englishStem) : words;
  }
  const folded = searchFold(text).replace(CJK_RUN, ' $& ');
  const out: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(folded); m; m = WORD.exec(folded)) {
    const w = m[0];
    if (CJK.test(w)) out.push(...bigrams(w));
    else out.push(stem ? englishStem(w) : w);
  }
  return out;
}

/** What the library indexes for a paragraph of a document in `language`: its terms, space-separated. */
export function searchText(text: string, language: string): string {
  return searchTerms(text, language === 'en').join(' ');
}

/**
 * The forms under which a query word or phrase is looked for: its folded terms, and (when
 * different) its English-stemmed terms. Each form is a sequence of terms to find in order.
 */
export function queryForms(text: string): string[][] {
  const plain = searchTerms(text, false);
  const stemmed = searchTerms(text, true);
  return plain.join(' ') === stemmed.join(' ') ? [plain] : [plain, stemmed];
}
