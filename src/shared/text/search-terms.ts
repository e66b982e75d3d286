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
import { fastTokensAndRuns, foldText, isFastText, matchTokens } from './tokens.js';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
// Letters, digits and marks; CJK runs are split apart from other letters below.
const WORD = /[\p{L}\p{N}]+/gu;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;
const ARABIC_FOLD: Record<string, string> = { 'ة': 'ه', 'ٱ': 'ا', 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ؤ': 'و', 'ئ': 'ي', 'ى': 'ي' };
const ARABIC_RE = new RegExp(`[${Object.keys(ARABIC_FOLD).join('')}]`, 'g');
// eslint-disable-next-line no-control-regex -- the ASCII range itself
const ASCII = /^[\x00-\x7f]*$/;
const ASCII_WORD = /[a-z0-9]+/g;
/** Quotes, dashes, no-break and thin spaces, ellipsis, bullet: never part of a word. */
export const SEPARATORS = /[\u00a0\u00ab\u00bb\u2002-\u200a\u2010-\u201f\u2022\u2026\u2032\u2033\u202f]/;
const SEPARATORS_G = new RegExp(SEPARATORS.source, 'g');

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
  return word.length < 4 ? word : stem(word);
}

const S = 0x73;

/** True for a, e, i, o, u, y (as a character code). */
function isVowel(c: number): boolean {
  return c === 0x61 || c === 0x65 || c === 0x69 || c === 0x6f || c === 0x75 || c === 0x79;
}

function hasVowelBefore(w: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (isVowel(w.charCodeAt(i))) return true;
  return false;
}

/** True when `w`'s characters just before `end` are `a` then `b` (character codes; false past the start). */
function endsWithPair(w: string, end: number, a: number, b: number): boolean {
  return w.charCodeAt(end - 2) === a && w.charCodeAt(end - 1) === b;
}

// The steps on character codes, without regular expressions or a slice per test: an import
// stems every word of every paragraph, and this costs less than looking the word up in a memo.
// Step by step the same rules as the string form they replaced (test/shared/text/search-terms.test.ts
// holds that form and compares the two).
function stem(word: string): string {
  const n0 = word.length;
  if (n0 === 0) return word;
  for (let i = 0; i < n0; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) return word; // not /^[a-z]+$/
  }
  let w = word;
  let n = n0;
  // -sses → -ss, -ies → -y, -s → "" (not after s, u, i)
  if (n >= 4 && endsWithPair(w, n, 0x65, S) && endsWithPair(w, n - 2, S, S)) w = w.slice(0, -2);
  else if (n > 4 && endsWithPair(w, n, 0x65, S) && w.charCodeAt(n - 3) === 0x69) w = `${w.slice(0, -3)}y`;
  else if (w.charCodeAt(n - 1) === S) {
    const p = w.charCodeAt(n - 2);
    if (p !== S && p !== 0x75 && p !== 0x69) w = w.slice(0, -1);
  }
  // -ing, -ed after a stem of three letters or more holding a vowel
  n = w.length;
  if (n - 3 >= 3 && endsWithPair(w, n, 0x6e, 0x67) && w.charCodeAt(n - 3) === 0x69 && hasVowelBefore(w, n - 3)) w = w.slice(0, -3);
  else if (n - 2 >= 3 && endsWithPair(w, n, 0x65, 0x64) && hasVowelBefore(w, n - 2)) w = w.slice(0, -2);
  // a final -e
  n = w.length;
  if (n > 3 && w.charCodeAt(n - 1) === 0x65) w = w.slice(0, -1);
  // a doubled final consonant other than l, s, z
  n = w.length;
  if (n > 3) {
    const c = w.charCodeAt(n - 1);
    if (c === w.charCodeAt(n - 2) && c !== 0x6c && c !== S && c !== 0x7a && !isVowel(c)) w = w.slice(0, -1);
  }
  // a final -y → -i
  n = w.length;
  if (n > 3 && w.charCodeAt(n - 1) === 0x79) w = `${w.slice(0, -1)}i`;
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

/** A paragraph's search text (searchText) and matching tokens (matchTokens), as the library stores them. */
export interface RowTerms {
  search: string;
  tokens: string[];
}

/**
 * searchText(text, language) and matchTokens(text) in one pass where the text allows: for text of
 * matchTokens' fast path (isFastText: ASCII and typographic quotes and dashes, which search only
 * treats as separators) both start from one lower-cased copy; search terms are its runs of
 * [a-z0-9] (stemmed in English), found by character codes. Other text goes through both functions.
 */
export function rowTerms(text: string, language: string): RowTerms {
  if (!isFastText(text)) return { search: searchText(text, language), tokens: matchTokens(text) };
  const terms: string[] = [];
  const tokens = fastTokensAndRuns(text.toLowerCase(), language === 'en' ? englishStem : null, terms);
  return { search: terms.join(' '), tokens };
}

