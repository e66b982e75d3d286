/**
 * The words and hyphenated compounds of a document, which decide line-end hyphens (split.ts):
 * a token is a run of letters and marks, possibly joined by single hyphens or apostrophes
 * (RE_TOKEN) in the lower-cased text; a token holding a hyphen is a compound (U+2011 read as
 * "-"), and its parts between hyphens are words; any other token is a word.
 *
 * Most documents ask about one or two line-end hyphens, and a document that asks at all is
 * often a long one: the first questions are answered by finding the word in the lower-cased
 * text and checking that it stands there as a whole token (or part), which costs far less than
 * collecting every token of the document. The sets themselves are collected once a document has
 * asked more than a few questions (dropByDefault asks one or two per line-end hyphen), wants the
 * sets, or holds a character whose lower case depends on the text around it.
 */

/** Words and hyphenated compounds of a document, for deciding line-end hyphens. */
export interface Vocabulary {
  words: Set<string>;
  compounds: Set<string>;
  /** Drop a line-end hyphen when nothing else decides (typeset text with word breaks). */
  dropByDefault: boolean;
  /** words.has(w), without collecting the words while few questions have been asked. */
  hasWord(w: string): boolean;
  /** compounds.has(c), without collecting the compounds while few questions have been asked. */
  hasCompound(c: string): boolean;
}

const RE_TOKEN = /[\p{L}\p{M}]+(?:[-‑'’][\p{L}\p{M}]+)*/gu;
// The same tokens in a lower-cased text without letters or marks beyond ASCII (most English).
const RE_TOKEN_ASCII = /[a-z]+(?:[-‑'’][a-z]+)*/g;
// eslint-disable-next-line no-control-regex -- the ASCII range itself
const NON_ASCII_LETTER = /(?![\x00-\x7f])[\p{L}\p{M}]/u;
// Lower-casing a whole text gives each token's own lower case, character for character (so the
// same tokens), except for İ (two characters in lower case) and Σ (its lower case depends on the
// letters after it).
const CASE_IN_CONTEXT = /[\u0130\u03a3]/;

/** The lower-cased tokens of a text, as `text.match(RE_TOKEN)` each lower-cased, without lower-casing token by token. */
function lowerTokens(text: string, low: string | null): string[] {
  if (low === null) return (text.match(RE_TOKEN) ?? []).map((t) => t.toLowerCase());
  return low.match(NON_ASCII_LETTER.test(low) ? RE_TOKEN : RE_TOKEN_ASCII) ?? [];
}

/** Questions answered by search before the sets are collected. */
const SEARCHED_QUESTIONS = 32;

/**
 * Collects the words and compounds of the body, and decides the default for line-end hyphens:
 * dropped when, among the line-end hyphens before a lower-case word that the document itself
 * can decide, the joined word is more often attested than the compound (or, with no evidence,
 * when `typeset` is true: OCR of printed documents). The work is done on first use, so texts
 * without hyphens at line ends do not pay for it.
 */
export function buildVocabulary(lines: readonly string[], typeset: boolean): Vocabulary {
  let sets: { words: Set<string>; compounds: Set<string> } | null = null;
  let drop: boolean | undefined;
  // The text, lower-cased (null: it holds İ or Σ, so tokens are lower-cased one by one), and
  // lower-cased with U+2011 read as "-" (compounds are stored so); undefined until first needed.
  let text: string | undefined;
  let low: string | null | undefined;
  let lowHyphens: string | undefined;
  let questions = 0;
  const lowered = (): string | null => {
    if (low === undefined) {
      text = lines.join('\n');
      low = CASE_IN_CONTEXT.test(text) ? null : text.toLowerCase();
    }
    return low;
  };
  const collect = (): { words: Set<string>; compounds: Set<string> } => {
    if (sets) return sets;
    const words = new Set<string>();
    const compounds = new Set<string>();
    const l = lowered();
    for (const t of lowerTokens(text!, l)) {
      if (t.includes('-') || t.includes('‑')) {
        compounds.add(t.replace(/‑/g, '-'));
        for (const p of t.split(/[-‑]/)) words.add(p);
      } else words.add(t);
    }
    sets = { words, compounds };
    return sets;
  };
  /** Whether to answer by search: the sets are not collected, the text allows it, and few questions were asked. */
  const bySearch = (): boolean => !sets && lowered() !== null && ++questions <= SEARCHED_QUESTIONS;
  const hasWord = (w: string): boolean => (bySearch() ? occursAsWord(low!, w) : collect().words.has(w));
  const hasCompound = (c: string): boolean => {
    if (!bySearch()) return collect().compounds.has(c);
    lowHyphens ??= low!.includes('‑') ? low!.replace(/‑/g, '-') : low!;
    return occursAsCompound(lowHyphens, c);
  };
  const dropByDefault = (): boolean => {
    if (drop !== undefined) return drop;
    let joined = 0;
    let compound = 0;
    for (let i = 0; i + 1 < lines.length; i++) {
      const a = lines[i]!;
      if (!a.endsWith('-')) continue;
      const m = /(?<!\p{L})(\p{L}+)-$/u.exec(a);
      const b = /^(\p{Ll}+)/u.exec(lines[i + 1]!);
      if (!m || !b) continue;
      const c = (m[1]! + '-' + b[1]!).toLowerCase();
      if (hasCompound(c)) compound++;
      else if (hasWord((m[1]! + b[1]!).toLowerCase())) joined++;
    }
    drop = joined > compound || (joined === compound && typeset);
    return drop;
  };
  return {
    get words() {
      return collect().words;
    },
    get compounds() {
      return collect().compounds;
    },
    get dropByDefault() {
      return dropByDefault();
    },
    hasWord,
    hasCompound,
  };
}

// ---------------------------------------------------------------------------------------------
// Answers by search. Positions are code points: a letter outside the Basic Multilingual Plane
// is two UTF-16 units, as RE_TOKEN (with the u flag) reads it.

const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const WORD_SHAPE = /^[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*$/u;
const COMPOUND_SHAPE = /^[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*$/u;

/** A letter or mark ([\p{L}\p{M}]) as code point `cp`; -1 (no character) is none. */
function isLetterOrMark(cp: number): boolean {
  if (cp < 0) return false;
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a);
  return LETTER_OR_MARK.test(String.fromCodePoint(cp));
}

/** The code point that ends just before `i` (-1 at the start); a lone surrogate is its own. */
function codePointBefore(s: string, i: number): number {
  if (i <= 0) return -1;
  const c = s.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = s.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return s.codePointAt(i - 2)!;
  }
  return c;
}

/** The code point that starts at `i` (-1 at the end). */
function codePointAt(s: string, i: number): number {
  return i < s.length ? s.codePointAt(i)! : -1;
}

/** The index just before the code point that ends at `i`. */
function before(s: string, i: number): number {
  return i - (codePointBefore(s, i) > 0xffff ? 2 : 1);
}

const isHyphen = (c: number): boolean => c === 0x2d || c === 0x2011;
const isApostrophe = (c: number): boolean => c === 0x27 || c === 0x2019;

/**
 * Whether `w` is a word of `low` (a lower-cased text): a token without hyphen, or a part of a
 * compound between its hyphens. Such a part starts after no letter or mark, and not after an
 * apostrophe that follows one (the apostrophe would join it to what precedes); it ends before no
 * letter or mark, and not before an apostrophe followed by one.
 */
function occursAsWord(low: string, w: string): boolean {
  if (!WORD_SHAPE.test(w)) return false;
  for (let at = low.indexOf(w); at >= 0; at = low.indexOf(w, at + 1)) {
    const p = codePointBefore(low, at);
    if (isLetterOrMark(p) || (isApostrophe(p) && isLetterOrMark(codePointBefore(low, before(low, at))))) continue;
    const end = at + w.length;
    const n = codePointAt(low, end);
    if (isLetterOrMark(n) || (isApostrophe(n) && isLetterOrMark(codePointAt(low, end + 1)))) continue;
    return true;
  }
  return false;
}

/**
 * Whether `c` is a compound of a lower-cased text (`low`, with U+2011 read as "-"): a whole
 * token holding a hyphen. A token starts after no letter or mark, and not after a joiner that
 * follows one; it ends before no letter or mark, and not before a joiner followed by one.
 */
function occursAsCompound(low: string, c: string): boolean {
  if (!c.includes('-') || !COMPOUND_SHAPE.test(c)) return false;
  for (let at = low.indexOf(c); at >= 0; at = low.indexOf(c, at + 1)) {
    const p = codePointBefore(low, at);
    if (isLetterOrMark(p) || ((isHyphen(p) || isApostrophe(p)) && isLetterOrMark(codePointBefore(low, before(low, at))))) continue;
    const end = at + c.length;
    const n = codePointAt(low, end);
    if (isLetterOrMark(n) || ((isHyphen(n) || isApostrophe(n)) && isLetterOrMark(codePointAt(low, end + 1)))) continue;
    return true;
  }
  return false;
}
