/**
 * End punctuation of preambular paragraphs, operative paragraphs and subparagraphs, and the small
 * text checks of the checks panel (double spaces, lower-case starts, unbalanced brackets/quotes).
 *
 * Rules (spec §1.7–1.9, §4): a PP ends with ","; an OP with ";"; the last OP with "."; a paragraph
 * that introduces subparagraphs (its chapeau, "lead-in") with ":"; a subparagraph with ";"; the
 * last subparagraph of a list takes its parent's ending. Per language:
 *
 * | role    | en/es/ru | fr        | ar | zh |
 * |---------|----------|-----------|----|----|
 * | pp      | ,        | ,         | ،  | ， |
 * | op/sub  | ;        | NBSP + ;  | ؛  | ； |
 * | op-last | .        | .         | .  | 。 |
 * | lead-in | :        | NBSP + :  | :  | ： |
 *
 * French uses U+00A0 NO-BREAK SPACE before ";" and ":" (thin U+202F vs full space is UNVERIFIED in
 * the spec; U+202F is accepted as equivalent by the check, and replaced by U+00A0 when fixing).
 *
 * Resolving "the last subparagraph takes its parent's ending": walk the tree passing each
 * paragraph's *closing* role down — a top-level paragraph closes with 'pp', 'op' or 'op-last'; a
 * subparagraph closes with 'sub', except the last of its list, which closes with its parent's
 * closing role. A paragraph with subparagraphs ends its chapeau with 'lead-in'. Callers that keep
 * the unresolved 'sub-last' role pass the parent's closing role as `parent` (see
 * {@link resolveRole}).
 *
 * Everything here scans with charCodeAt from the end of the text and allocates only the result.
 */
import type { Language } from './model.js';

/** Where a piece of text stands, for its end punctuation. */
export type PunctuationRole = 'pp' | 'op' | 'op-last' | 'lead-in' | 'sub' | 'sub-last';

/** The ending a paragraph closes with when it has no list: what a last subparagraph inherits. */
export type ClosingRole = 'pp' | 'op' | 'op-last' | 'sub';

/** A role with 'sub-last' resolved: what {@link endPunctuation} finally looks up. */
export type ResolvedRole = ClosingRole | 'lead-in';

const NBSP = '\u00A0';

const ENDINGS: Readonly<Record<Language, Readonly<Record<ResolvedRole, string>>>> = {
  en: { pp: ',', op: ';', 'op-last': '.', 'lead-in': ':', sub: ';' },
  es: { pp: ',', op: ';', 'op-last': '.', 'lead-in': ':', sub: ';' },
  ru: { pp: ',', op: ';', 'op-last': '.', 'lead-in': ':', sub: ';' },
  fr: { pp: ',', op: NBSP + ';', 'op-last': '.', 'lead-in': NBSP + ':', sub: NBSP + ';' },
  ar: { pp: '،', op: '؛', 'op-last': '.', 'lead-in': ':', sub: '؛' },
  zh: { pp: '，', op: '；', 'op-last': '。', 'lead-in': '：', sub: '；' },
};

/**
 * The concrete role of a piece of text: 'sub-last' becomes the parent's closing role (default
 * 'sub' when the parent is unknown); every other role is returned unchanged.
 */
export function resolveRole(role: PunctuationRole, parent: ClosingRole = 'sub'): ResolvedRole {
  return role === 'sub-last' ? parent : role;
}

/**
 * The end punctuation for `role` in `lang` (table in the module comment), e.g. ";" for an English
 * OP, "\u00A0;" for a French one, "؛" in Arabic, "；" in Chinese. For 'sub-last' it is the ending of
 * `parent`, the closing role of the paragraph that holds the list (default 'sub', i.e. ";").
 */
export function endPunctuation(role: PunctuationRole, lang: Language, parent?: ClosingRole): string {
  return ENDINGS[lang][resolveRole(role, parent)];
}

// ---------------------------------------------------------------------------------------------
// Scanning the end of a text

/** Characters recognised as end punctuation, in any of the six languages' forms. */
function isEndPunct(c: number): boolean {
  switch (c) {
    case 0x2c: // ,
    case 0x3b: // ;
    case 0x3a: // :
    case 0x2e: // .
    case 0x37e: // Greek question mark (looks like ;)
    case 0x60c: // ، Arabic comma
    case 0x61b: // ؛ Arabic semicolon
    case 0x6d4: // ۔ Arabic full stop
    case 0x3001: // 、
    case 0x3002: // 。
    case 0xff0c: // ，
    case 0xff0e: // ．
    case 0xff1a: // ：
    case 0xff1b: // ；
    case 0xfe54: // ﹔
      return true;
    default:
      return false;
  }
}

/** The "soft" endings that are never right inside a closing quotation mark at paragraph end. */
function isSoftPunct(c: number): boolean {
  return isEndPunct(c) && c !== 0x2e && c !== 0x3002 && c !== 0xff0e && c !== 0x6d4;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007 || c === 0x3000 || c === 0x0a || c === 0x0d;
}

/** Closing quotation marks (after which misplaced soft punctuation is moved out). */
function isClosingQuote(c: number): boolean {
  return c === 0x201d || c === 0xbb || c === 0x2019 || c === 0x22 || c === 0x27 || c === 0x201c || c === 0x300d || c === 0x300f || c === 0x203a;
}

/** Closers kept before the end punctuation: quotes, brackets, Chinese title marks. */
function isCloser(c: number): boolean {
  return isClosingQuote(c) || c === 0x29 || c === 0x5d || c === 0xff09 || c === 0xff3d || c === 0x300b || c === 0x3009 || c === 0x3011;
}

const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'etc', 'al', 'i.e', 'e.g', 'inc', 'ltd', 'co', 'corp', 'cf', 'vs', 'т.д', 'т.п', 'др', 'пр', 'д', 'п',
]);

/** Whether the "." at `dot` closes an abbreviation like "etc." (so it belongs to the text). */
function isAbbreviationDot(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    const letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x430 && c <= 0x44f) || (c >= 0x410 && c <= 0x42f);
    if (!letter && c !== 0x2e) break;
    i--;
  }
  if (i === dot || dot - i > 5) return false;
  return ABBREVIATIONS.has(text.slice(i, dot).toLowerCase());
}

/** Where the parts of a text's ending are: content | inner soft punct | closers | punct | spaces. */
interface EndScan {
  /** End of the content proper (before misplaced punctuation inside closing quotes). */
  contentEnd: number;
  /** End of that misplaced punctuation (= contentEnd when there is none). */
  innerEnd: number;
  /** Start and end of the run of closers (equal when none). */
  closerStart: number;
  closerEnd: number;
  /** Start of the end punctuation run (with the spaces around it); its end is `trimmedEnd`. */
  punctStart: number;
  /** Length of the text without trailing spaces. */
  trimmedEnd: number;
  /** The content ends with an abbreviation's full stop ("etc."). */
  abbreviation: boolean;
}

function scanEnd(text: string): EndScan {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  // Outer punctuation run, with spaces between/before its marks (" ;", ";.").
  let e = end;
  for (;;) {
    let p = e;
    while (p > 0 && isSpace(text.charCodeAt(p - 1))) p--;
    if (p === 0) break;
    const c = text.charCodeAt(p - 1);
    if (!isEndPunct(c) || (c === 0x2e && isAbbreviationDot(text, p - 1))) break;
    e = p - 1;
  }
  if (e < end) while (e > 0 && isSpace(text.charCodeAt(e - 1))) e--;
  const punctStart = e;
  // Closers kept before the punctuation.
  let cs = e;
  while (cs > 0 && isCloser(text.charCodeAt(cs - 1))) cs--;
  // Soft punctuation misplaced inside closing quotes ("…world;”" → "…world”;"); the space that
  // French puts inside guillemets stays ("monde ; »" → "monde »").
  let ce = cs;
  let innerEnd = cs;
  if (cs < e && isClosingQuote(text.charCodeAt(cs))) {
    let q = cs;
    while (q > 0 && isSpace(text.charCodeAt(q - 1))) q--;
    let k = q;
    for (;;) {
      let p = k;
      while (p > 0 && isSpace(text.charCodeAt(p - 1))) p--;
      if (p > 0 && isSoftPunct(text.charCodeAt(p - 1))) k = p - 1;
      else break;
    }
    if (k < q) {
      ce = k;
      while (ce > 0 && isSpace(text.charCodeAt(ce - 1))) ce--;
      innerEnd = q;
    }
  }
  const last = ce > 0 ? text.charCodeAt(ce - 1) : 0;
  return {
    contentEnd: ce,
    innerEnd: ce === cs ? cs : innerEnd,
    closerStart: cs,
    closerEnd: e,
    punctStart,
    trimmedEnd: end,
    abbreviation: last === 0x2e && cs === e && isAbbreviationDot(text, ce - 1),
  };
}

/**
 * The text with its end punctuation replaced by the right one for `role` in `lang` (see
 * {@link endPunctuation}; `parent` resolves 'sub-last'). Whatever ending it had — any of , ; : .
 * in their English, French (with any space before), Arabic and Chinese forms, repeated or mixed —
 * is removed with trailing spaces. Closing quotes and brackets (” » ’ ) ] 》 」) stay before the new
 * punctuation, and a soft mark misplaced inside a closing quote moves out ("world;”" →
 * "world”;"). An abbreviation's full stop ("etc.") is kept and stands for a final ".". Empty or
 * blank text is returned unchanged.
 */
export function applyEndPunctuation(text: string, role: PunctuationRole, lang: Language, parent?: ClosingRole): string {
  const s = scanEnd(text);
  if (s.trimmedEnd === 0) return text;
  const want = endPunctuation(role, lang, parent);
  const ending = s.abbreviation && want === '.' ? '' : want;
  if (s.contentEnd === s.innerEnd) {
    // Already right: nothing to allocate.
    if (s.closerEnd + ending.length === text.length && text.startsWith(ending, s.closerEnd)) return text;
    return text.slice(0, s.closerEnd) + ending;
  }
  return text.slice(0, s.contentEnd) + text.slice(s.innerEnd, s.closerEnd) + ending;
}

const ROLE_NAMES: Readonly<Record<PunctuationRole, string>> = {
  pp: 'A preambular paragraph',
  op: 'An operative paragraph',
  'op-last': 'The last operative paragraph',
  'lead-in': 'A paragraph that introduces subparagraphs',
  sub: 'A subparagraph',
  'sub-last': 'The last subparagraph of a list (it takes its parent’s ending)',
};

/** How a punctuation string reads in a message: quoted, with its no-break space spelled out. */
function describe(p: string): string {
  if (p === '') return 'nothing';
  const c = p.charCodeAt(0);
  if (p.length > 1 && (c === 0xa0 || c === 0x202f)) return `“${p.slice(1)}” after a no-break space`;
  if (p.length > 1 && c === 0x20) return `“${p.slice(1)}” after an ordinary space`;
  return `“${p}”`;
}

/** A wrong or missing end punctuation, for the checks panel. */
export interface EndPunctuationIssue {
  /** The punctuation the text should end with. */
  expected: string;
  /** The punctuation it ends with ("" when none). */
  found: string;
  /** A sentence for the user, in English. */
  message: string;
}

/**
 * null when `text` already ends with the right punctuation for `role` in `lang` (trailing spaces
 * and closing quotes/brackets are ignored; in French U+202F counts as a no-break space; "etc."
 * satisfies a final "."), else what was expected and found, with a message such as
 * 'An operative paragraph ends with “;”, not “,”.' Blank text gives null.
 */
export function checkEndPunctuation(text: string, role: PunctuationRole, lang: Language, parent?: ClosingRole): EndPunctuationIssue | null {
  const s = scanEnd(text);
  if (s.trimmedEnd === 0) return null;
  const expected = endPunctuation(role, lang, parent);
  const found = text.slice(s.punctStart, s.trimmedEnd);
  const inner = s.contentEnd < s.innerEnd;
  if (!inner) {
    if (found === expected) return null;
    if (found === '' && s.abbreviation && expected === '.') return null;
    if (lang === 'fr' && found.length === expected.length && found.charCodeAt(0) === 0x202f && found.slice(1) === expected.slice(1)) return null;
  }
  const name = ROLE_NAMES[role];
  let message: string;
  if (inner) {
    const misplaced = text.slice(s.contentEnd, s.innerEnd).trim();
    message = `“${misplaced}” belongs after the closing quotation mark: ${name.charAt(0).toLowerCase()}${name.slice(1)} ends with ${describe(expected)}.`;
    return { expected, found: misplaced + text.slice(s.closerStart, s.trimmedEnd), message };
  }
  if (found === '') message = `${name} ends with ${describe(expected)}; it has no end punctuation.`;
  else if (lang === 'fr' && expected.length === 2 && found.endsWith(expected.slice(1)))
    message = `${name} ends with ${describe(expected)} (French puts a no-break space before “${expected.slice(1)}”), not ${describe(found)}.`;
  else message = `${name} ends with ${describe(expected)}, not ${describe(found)}.`;
  return { expected, found, message };
}

// ---------------------------------------------------------------------------------------------
// Other text checks

/** What a text check found. */
export type TextIssueKind =
  | 'double-space'
  | 'leading-space'
  | 'trailing-space'
  | 'lower-case-start'
  | 'unbalanced-bracket'
  | 'unbalanced-quote';

/** One finding of {@link textChecks}: a range of the text, a message, an optional replacement. */
export interface TextIssue {
  kind: TextIssueKind;
  message: string;
  /** Character offsets into the checked text, [from, to). */
  from: number;
  to: number;
  /** Replacement text for [from, to) that fixes the issue, when there is an obvious one. */
  fix?: string;
}

/** Languages whose paragraphs are expected to start with a capital letter, per paragraph kind. */
function expectsCapital(lang: Language): boolean {
  // Arabic and Chinese have no case. Russian texts are one long sentence: preambular participles,
  // and the operative verbs (spec §4 table: "просит", "постановляет"), start in lower case;
  // Russian subparagraphs: UNVERIFIED, so not checked either.
  return lang === 'en' || lang === 'fr' || lang === 'es';
}

/** The closing bracket an opening one expects, or 0: ( ) [ ] （ ） ［ ］. */
function bracketCloser(c: number): number {
  switch (c) {
    case 0x28:
      return 0x29;
    case 0x5b:
      return 0x5d;
    case 0xff08:
      return 0xff09;
    case 0xff3b:
      return 0xff3d;
    default:
      return 0;
  }
}

function isClosingBracket(c: number): boolean {
  return c === 0x29 || c === 0x5d || c === 0xff09 || c === 0xff3d;
}

/** The closing quote an opening one expects, or 0: “ ” « » „ “ 《 》 「 」 『 』. */
function quoteCloser(c: number): number {
  switch (c) {
    case 0x201c:
      return 0x201d;
    case 0xab:
      return 0xbb;
    case 0x201e:
      return 0x201c;
    case 0x300a:
      return 0x300b;
    case 0x300c:
      return 0x300d;
    case 0x300e:
      return 0x300f;
    default:
      return 0;
  }
}

function isClosingQuoteMark(c: number): boolean {
  return c === 0x201d || c === 0xbb || c === 0x201c || c === 0x300b || c === 0x300d || c === 0x300f;
}

/**
 * The small checks for one paragraph's text (`kind` is its section: pp, op or sub), each with
 * character offsets and, where obvious, a fix for the range:
 * - 'double-space': two or more spaces inside the text (fix: one space, or the no-break space when
 *   the run holds one, as before French ";");
 * - 'leading-space' / 'trailing-space' (fix: "");
 * - 'lower-case-start': the first letter (after opening quotes/brackets) is lower case, in
 *   English, French and Spanish only — Russian paragraphs start in lower case, Arabic and Chinese
 *   have no case (fix: the capital);
 * - 'unbalanced-bracket': ( ) [ ] （ ） ［ ］ unmatched or crossed;
 * - 'unbalanced-quote': “ ” « » „ “ 《 》 「 」 『 』 unmatched (straight quotes are not checked).
 * Issues come in text order per kind; `lang` chooses the rules above.
 */
export function textChecks(text: string, lang: Language, opts: { kind: 'pp' | 'op' | 'sub' }): TextIssue[] {
  const out: TextIssue[] = [];
  const n = text.length;
  let start = 0;
  while (start < n && isSpace(text.charCodeAt(start))) start++;
  if (start === n) return out;
  let end = n;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start > 0) out.push({ kind: 'leading-space', message: 'The paragraph begins with a space.', from: 0, to: start, fix: '' });

  // Double spaces inside the text.
  for (let i = start; i < end; i++) {
    if (!isSpace(text.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < end && isSpace(text.charCodeAt(j))) j++;
    if (j - i >= 2) {
      let fix = ' ';
      for (let k = i; k < j; k++) {
        const c = text.charCodeAt(k);
        if (c === 0xa0 || c === 0x202f) fix = text[k]!;
      }
      out.push({ kind: 'double-space', message: 'Two or more spaces in a row.', from: i, to: j, fix });
    }
    i = j - 1;
  }
  if (end < n) out.push({ kind: 'trailing-space', message: 'The paragraph ends with a space.', from: end, to: n, fix: '' });

  // Lower-case start.
  if (expectsCapital(lang)) {
    let i = start;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (bracketCloser(c) !== 0 || quoteCloser(c) !== 0 || c === 0x22 || c === 0x27 || c === 0x2018) i++;
      else break;
    }
    if (i < end) {
      const ch = text[i]!;
      const up = ch.toUpperCase();
      const next = i + 1 < end ? text[i + 1]! : '';
      // "iPhone", "eBay": a lower-case letter followed by a capital is a name, not an error.
      const nameLike = next !== '' && next !== next.toLowerCase();
      if (up !== ch && ch === ch.toLowerCase() && up.length === 1 && !nameLike) {
        const what = opts.kind === 'pp' ? 'A preambular paragraph' : opts.kind === 'op' ? 'An operative paragraph' : 'A subparagraph';
        out.push({ kind: 'lower-case-start', message: `${what} begins with a capital letter.`, from: i, to: i + 1, fix: up });
      }
    }
  }

  // Brackets and quotes: one stack each, of positions of openers.
  let brackets: number[] | null = null;
  let quotes: number[] | null = null;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    // Letters, digits and spaces of the Latin and Cyrillic ranges are never brackets or quotes.
    if ((c >= 0x2a && c <= 0x5a) || (c >= 0x5e && c <= 0xaa) || (c >= 0x100 && c <= 0x2000)) continue;
    if (bracketCloser(c) !== 0) {
      (brackets ??= []).push(i);
      continue;
    }
    if (isClosingBracket(c)) {
      const st = brackets;
      if (st !== null && st.length > 0 && bracketCloser(text.charCodeAt(st[st.length - 1]!)) === c) {
        st.pop();
        continue;
      }
      // Closes an opener deeper down? Then the ones above it were never closed.
      let depth = -1;
      if (st !== null)
        for (let k = st.length - 1; k >= 0; k--)
          if (bracketCloser(text.charCodeAt(st[k]!)) === c) {
            depth = k;
            break;
          }
      if (depth >= 0 && st !== null) {
        while (st.length - 1 > depth) {
          const o = st.pop()!;
          out.push({ kind: 'unbalanced-bracket', message: `“${text[o]}” is not closed.`, from: o, to: o + 1 });
        }
        st.pop();
      } else out.push({ kind: 'unbalanced-bracket', message: `“${text[i]}” has no opening bracket.`, from: i, to: i + 1 });
      continue;
    }
    // Quotes. “ closes a „ when one is open; otherwise it opens.
    const top = quotes !== null && quotes.length > 0 ? text.charCodeAt(quotes[quotes.length - 1]!) : -1;
    if (top >= 0 && quoteCloser(top) === c) {
      quotes!.pop();
      continue;
    }
    if (quoteCloser(c) !== 0) {
      (quotes ??= []).push(i);
      continue;
    }
    if (isClosingQuoteMark(c)) out.push({ kind: 'unbalanced-quote', message: `“${text[i]}” closes a quotation that was not opened.`, from: i, to: i + 1 });
  }
  if (brackets !== null)
    for (const o of brackets) out.push({ kind: 'unbalanced-bracket', message: `“${text[o]}” is not closed.`, from: o, to: o + 1 });
  if (quotes !== null)
    for (const o of quotes) out.push({ kind: 'unbalanced-quote', message: `The quotation opened by “${text[o]}” is not closed.`, from: o, to: o + 1 });
  return out;
}
