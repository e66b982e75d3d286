/**
 * Inline marks while text is being parsed, and their conversion to the model's Inline runs.
 *
 * The importer works on plain strings (splitting, joining lines, matching opening phrases); marks
 * found on the way — footnote references, emphasis from markdown, links — travel inside those
 * strings as private-use sentinel characters (removed from the input first, so they cannot be
 * forged): FN_OPEN mark FN_CLOSE, EM_OPEN … EM_CLOSE, LINK_OPEN url LINK_MID text LINK_CLOSE.
 * At the end {@link toInlines} turns a string into TextRun / FootnoteRef runs and marks the
 * document symbols it cites (symbols.ts findSymbolRefs).
 */
import type { Inline, TextRun } from '../resolution/model.js';
import { findSymbolRefs } from '../resolution/symbols.js';

/** Starts a footnote reference; the printed mark follows, then FN_CLOSE. */
export const FN_OPEN = '\uE000';
/** Ends a footnote reference. */
export const FN_CLOSE = '\uE001';
/** Starts emphasis (markdown *…*). */
export const EM_OPEN = '\uE002';
/** Ends emphasis. */
export const EM_CLOSE = '\uE003';
/** Starts a link; the URL follows, then LINK_MID, the link text, LINK_CLOSE. */
export const LINK_OPEN = '\uE004';
/** Separates a link's URL from its text. */
export const LINK_MID = '\uE005';
/** Ends a link. */
export const LINK_CLOSE = '\uE006';

/** A footnote reference sentinel for the printed mark. */
export function fnRef(mark: string): string {
  return FN_OPEN + mark + FN_CLOSE;
}

const RE_FN = /\uE000[^\uE000\uE001]*\uE001/g;
const RE_LINK_URL = /\uE004[^\uE004\uE005]*\uE005/g;
const RE_MARKS = /[\uE002\uE003\uE006]/g;

/** The text without any sentinel: footnote references and link URLs dropped, link text kept. */
export function plain(s: string): string {
  if (!hasSentinel(s)) return s;
  return s.replace(RE_FN, '').replace(RE_LINK_URL, '').replace(RE_MARKS, '');
}

const RE_ANY_SENTINEL = /[\uE000-\uE00F]/;
// A run of white space that is not a single plain space: what `squeeze` has to replace.
const RE_TO_SQUEEZE = /[^\S ]| \s/;

/**
 * `s.replace(/\s+/g, ' ').trim()`: every run of white space one plain space, none at the ends.
 * Most strings have nothing to replace, and a test costs far less than a replace that rebuilds them.
 */
export function squeeze(s: string): string {
  return (RE_TO_SQUEEZE.test(s) ? s.replace(/\s+/g, ' ') : s).trim();
}

/** True if the string carries any sentinel. */
export function hasSentinel(s: string): boolean {
  return RE_ANY_SENTINEL.test(s);
}

/** Length of the emphasis that opens the string (in plain characters), or -1 when it does not open with emphasis. */
export function leadingEmphasisLength(s: string): number {
  let i = 0;
  while (i < s.length && (s[i] === ' ' || s[i] === '"' || s[i] === '“' || s[i] === '«')) i++;
  if (s[i] !== EM_OPEN) return -1;
  const end = s.indexOf(EM_CLOSE, i + 1);
  if (end < 0) return -1;
  return plain(s.slice(0, end)).trimEnd().length;
}

/** Removes the emphasis that opens the string (the opening phrase's italics are derived, not stored). */
export function dropLeadingEmphasis(s: string): string {
  const a = s.indexOf(EM_OPEN);
  if (a < 0 || plain(s.slice(0, a)).trim() !== '') return s;
  const b = s.indexOf(EM_CLOSE, a + 1);
  if (b < 0) return s;
  return s.slice(0, a) + s.slice(a + 1, b) + s.slice(b + 1);
}

// ---------------------------------------------------------------------------------------------
// Footnote marks in raw text

/** Words after which a spaced number is a count or a reference, never a footnote mark. */
const NUMBERING_WORDS = new Set([
  'paragraph', 'paragraphs', 'para', 'paras', 'subparagraph', 'resolution', 'resolutions', 'decision',
  'decisions', 'article', 'articles', 'goal', 'goals', 'target', 'targets', 'item', 'items', 'chapter',
  'chapters', 'annex', 'annexes', 'rule', 'rules', 'principle', 'principles', 'section', 'sections',
  'part', 'parts', 'vol', 'volume', 'no', 'nos', 'page', 'pages', 'p', 'pp', 'phase', 'level', 'levels',
  'and', 'or', 'to', 'of', 'under', 'per', 'than', 'over', 'about', 'least', 'most', 'by', 'from',
  'between', 'with', 'the', 'at', 'in', 'on', 'for', 'nearly', 'almost', 'approximately', 'some',
  'recommendation', 'recommendations', 'protocol', 'sdg', 'sdgs', 'step', 'steps',
  'objective', 'objectives', 'commitment', 'commitments', 'indicator', 'indicators', 'category',
  'meeting', 'meetings', 'week', 'day', 'year', 'years', 'title', 'book',
  'programme', 'subprogramme', 'component', 'table', 'figure', 'box', 'option', 'cluster', 'pillar',
  'stage', 'tier', 'class', 'group', 'grade', 'covid', 'agenda', 'number', 'numbers', 'point', 'points',
  'résolution', 'résolutions', 'paragraphe', 'paragraphes', 'alinéa', 'article', 'objectif', 'cible',
  'annexe', 'point', 'et', 'à', 'de', 'des', 'du', 'sur', 'resolución', 'resoluciones', 'párrafo',
  'párrafos', 'artículo', 'objetivo', 'meta', 'anexo', 'tema', 'y', 'a', 'el', 'la', 'los', 'las',
]);

/** Words that, right after a spaced number, show it is a quantity ("2 per cent", "3 million"). */
const QUANTITY_WORDS = new Set([
  'per', 'percent', 'cent', 'million', 'millions', 'billion', 'billions', 'thousand', 'thousands',
  'hundred', 'trillion', 'years', 'year', 'months', 'month', 'weeks', 'week', 'days', 'day', 'hours',
  'hour', 'minutes', 'times', 'members', 'member', 'states', 'countries',
  'people', 'persons', 'women', 'men', 'children', 'degrees', 'degree', 'parties', 'votes', 'vote',
  'abstentions', 'out', 'pour', 'por', 'millions', 'milliards',
  'años', 'ans', 'mois', 'jours', 'días', 'meses', 'semaines', 'semanas', 'countries', 'per cent',
  'pour cent', 'por', 'languages', 'official', 'new', 'more', 'additional', 'other', 'major', 'key',
  'global', 'priority', 'main', 'specific', 'areas', 'regional', 'sessions', 'meetings', 'posts',
  'positions', 'seats', 'cases', 'tons', 'tonnes', 'kilometres', 'kilometers', 'metres', 'hectares',
  'per', 'goals', 'targets',
]);

/** Words between two numbers of a range or list ("5 to 10", "5 and 6"). */
const CONJUNCTIONS = new Set(['and', 'or', 'to', 'of', 'in', 'et', 'ou', 'à', 'y', 'o', 'a', 'de', 'en', 'and/or']);

function isLetter(c: string): boolean {
  return c !== '' && /\p{L}/u.test(c);
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

const CLOSING = ',.;:)]’”"»\'';

/** The word (letters only, lower-cased) ending at index `end` (exclusive) of `s`. */
function wordBefore(s: string, end: number): string {
  let i = end;
  while (i > 0 && /[\p{L}\p{M}]/u.test(s[i - 1]!)) i--;
  return s.slice(i, end).toLowerCase();
}

/** The token (non-space run) ending at index `end` (exclusive). */
function tokenBefore(s: string, end: number): string {
  let i = end;
  while (i > 0 && s[i - 1] !== ' ' && s[i - 1] !== '\n') i--;
  return s.slice(i, end);
}

/** The word starting at `start` (letters, lower-cased). */
function wordAfter(s: string, start: number): string {
  let i = start;
  while (i < s.length && /[\p{L}\p{M}]/u.test(s[i]!)) i++;
  return s.slice(start, i).toLowerCase();
}

/** How a candidate mark stands in the text. */
type MarkKind = 'glued' | 'spaced' | 'slash';

/**
 * Reads the digits at [a, b) of `text` as a possible footnote mark: 'glued' to the word or
 * punctuation before it, 'spaced' after a space, 'slash' in the old "1/" style; null when the
 * digits are plainly part of the text (a decimal, a count, a reference, a list of numbers).
 */
function markKind(text: string, a: number, b: number, decimalComma: boolean): MarkKind | null {
  const digits = text.slice(a, b);
  const p = a > 0 ? text[a - 1]! : '';
  const q = b < text.length ? text[b]! : '';
  const qEnds = q === '' || q === ' ' || q === '\n' || ',.;:)'.includes(q) || q === FN_OPEN;
  if ((isLetter(p) || CLOSING.includes(p)) && qEnds) {
    const pp = a > 1 ? text[a - 2]! : '';
    const w = isLetter(p) ? text.slice(a - wordBefore(text, a).length, a) : '';
    if (p === '.' && isDigit(pp) && !/\d{4}$/.test(text.slice(Math.max(0, a - 6), a - 1))) return null; // "1.5" (but "in 2030.3")
    // Not after the full stop of a symbol or abbreviation: "C-25/DEC.9", "1/CMA.4", "No.5".
    if (p === '.') {
      const before = text.slice(a - 1 - wordBefore(text, a - 1).length, a - 1);
      if (tokenBefore(text, a - 1).includes('/') || /^\p{Lu}{2,}$/u.test(before) || /^(?:no|nos|para|paras|art|vol|chap|rev|add|corr|sect)$/i.test(before)) return null;
    }
    if (p === ',' && isDigit(pp) && (decimalComma || digits.length === 3)) return null; // "10,5", "1,000" (but "Agenda 21,3")
    if (w && w.length <= 3 && w === w.toUpperCase()) return null; // "G20", "COP28", "PM2"
    return 'glued';
  }
  if (p !== ' ' || a < 2) return null;
  if (q === '/' && (b + 1 >= text.length || ' ,.;:'.includes(text[b + 1]!))) return 'slash';
  const pp = text[a - 2]!;
  const tok = tokenBefore(text, a - 1);
  const word = wordBefore(text, a - 1);
  // "September 2016 7", "2021, 8", "the Decade 2014–2024 13 and".
  const year = /^(?:(?:1[89]|20)\d\d[–-])?(?:1[89]|20)\d\d[,;:.]?$/.test(tok);
  // After a number: only when it ends a name ("Agenda 21, 3 the"), not a list ("paragraphs 1, 2").
  // A closing parenthesis ends a parenthetical: "(No. 97), 25 the Migrant Workers".
  const numeric = /^[\d.,;:]+$/.test(tok);
  const named = numeric && /^\p{Lu}/u.test(tokenBefore(text, Math.max(0, a - 2 - tok.length))) && !NUMBERING_WORDS.has(wordBefore(text, Math.max(0, a - 2 - tok.length)));
  const prevOk =
    (isLetter(pp) || CLOSING.includes(pp) || (isDigit(pp) && (/[\p{L}/]/u.test(tok) || year || named))) &&
    (year || named || !numeric) &&
    !NUMBERING_WORDS.has(word);
  if (!prevOk) return null;
  if (q === '' || q === '\n') return 'spaced';
  // "Panel 1:", "Action 5:" are labels, not marks.
  if (q === ':') return null;
  if (',.;'.includes(q)) return isDigit(text[b + 1] ?? '') ? null : 'spaced';
  if (q !== ' ') return null;
  const r = text[b + 1] ?? '';
  if (r === '' || r === FN_OPEN) return 'spaced';
  if (/\p{Ll}/u.test(r)) {
    // "5 to strengthen" is a mark, "5 to 10" a range; "2 per cent", "3 million" quantities.
    const w = wordAfter(text, b + 1);
    if (w === '') return null;
    if (CONJUNCTIONS.has(w)) {
      // "5 to 10", "5 and 6" are ranges and lists; "12 and 55/110", "8 and 4/9" cite documents.
      const next = text.slice(b + 2 + w.length).match(/^ ?(\S+)/)?.[1] ?? '';
      return /^\d{1,4}[,;.)]?$/.test(next) ? null : 'spaced';
    }
    return QUANTITY_WORDS.has(w) ? null : 'spaced';
  }
  if (/\p{Lu}/u.test(r)) return '.;:,'.includes(pp) ? 'spaced' : null;
  // "Hate Speech, 5 18 June as the International Day…": a list of dated items.
  if (isDigit(r)) return (pp === ',' || pp === ';') && (!numeric || year) ? 'spaced' : null;
  return null;
}

/** Where a mark stands: index of the text, then offset in it. */
type Where = readonly [number, number];

function before(x: Where, y: Where): boolean {
  return x[0] < y[0] || (x[0] === y[0] && x[1] < y[1]);
}

/**
 * Finds footnote marks printed as plain digits in the texts (in document order) and replaces
 * them by footnote sentinels, for the numeric marks among `marks`. A mark is:
 * - glued to a word or punctuation: "Women,1", "Development1 and", "Agenda 21,3", "session,7";
 *   not after "-" or "/", nor as decimals ("1.5"; "10,5" when `decimalComma`) or thousands
 *   ("1,000"), nor after a short acronym ("G20", "COP28"), so "COVID-19" and "A/RES/70/1" stay;
 * - spaced, as the text layer sometimes has it: "Development, 2 especially", "S/10352 46",
 *   "September 2016 7": not after a number or a numbering word ("paragraphs 1, 2 and",
 *   "resolution 70/1", "item 18"), nor before a quantity ("2 per cent", "3 million", "5 to 10");
 * - in the old Security Council style, "1994 1/ on his mission".
 * First pass: glued and slash marks, in increasing order (skipping at most two notes). Second
 * pass, for the notes still missing: the first spaced (or glued) candidate that lies between the
 * marks of the notes before and after it. Each note is referenced once. Returns the texts with
 * sentinels and the marks found.
 */
export function markFootnotes(texts: readonly string[], marks: readonly string[], decimalComma = false): { texts: string[]; found: Set<string> } {
  const numeric = marks.map((m) => (/^\d{1,3}$/.test(m) ? Number(m) : -1)).filter((v) => v > 0);
  const known = new Set(numeric);
  const found = new Set<string>();
  if (known.size === 0) return { texts: [...texts], found };
  const re = /\d+/g;
  // Pass 1: glued and slash marks, in order.
  let last = Math.min(...numeric) - 1;
  const out: string[] = [];
  for (const text of texts) {
    let res = '';
    let pos = 0;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      let a = m.index;
      const b = a + m[0].length;
      let kind: MarkKind | null = null;
      let n: number;
      if (m[0].length > 3) {
        // A mark glued to a year: "22 March 201927 and" is 2019 and note 27.
        if (m[0].length > 6 || !/^(?:19|20)\d\d/.test(m[0])) continue;
        n = Number(m[0].slice(4));
        if (!known.has(n) || n <= last || n > last + 3 || m[0].charAt(4) === '0') continue;
        a += 4;
        const q = text.charAt(b);
        if (q === '' || q === ' ' || ',.;:)'.includes(q)) kind = 'glued';
      } else {
        n = Number(m[0]);
        if (!known.has(n) || n <= last || n > last + 3) continue;
        kind = markKind(text, a, b, decimalComma);
      }
      if (kind !== 'glued' && kind !== 'slash') continue;
      res += text.slice(pos, kind === 'slash' ? a - 1 : a) + fnRef(String(n));
      pos = kind === 'slash' ? b + 1 : b;
      last = n;
      found.add(String(n));
      re.lastIndex = pos;
    }
    out.push(res + text.slice(pos));
  }
  const missing = [...known].filter((n) => !found.has(String(n))).sort((x, y) => x - y);
  if (missing.length === 0) return { texts: out, found };

  // Pass 2: where the marks found so far stand, and every candidate for a missing note.
  const at = new Map<number, Where>();
  const wanted = new Set(missing);
  const cands: { n: number; where: Where; cutFrom: number; cutTo: number }[] = [];
  out.forEach((text, ti) => {
    let i = text.indexOf(FN_OPEN);
    while (i >= 0) {
      const e = text.indexOf(FN_CLOSE, i);
      const v = Number(text.slice(i + 1, e));
      if (v > 0 && !at.has(v)) at.set(v, [ti, i]);
      i = text.indexOf(FN_OPEN, i + 1);
    }
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length > 3) continue;
      const n = Number(m[0]);
      if (!wanted.has(n)) continue;
      const a = m.index;
      const b = a + m[0].length;
      const kind = markKind(text, a, b, decimalComma);
      if (!kind) continue;
      cands.push({ n, where: [ti, a], cutFrom: kind === 'glued' ? a : a - 1, cutTo: kind === 'slash' ? b + 1 : b });
    }
  });
  const byN = new Map<number, typeof cands>();
  for (const c of cands) {
    const l = byN.get(c.n);
    if (l) l.push(c);
    else byN.set(c.n, [c]);
  }
  const sortedKnown = [...known].sort((x, y) => x - y);
  const chosen: typeof cands = [];
  for (const n of missing) {
    let lo: Where = [-1, -1];
    let hi: Where = [Infinity, Infinity];
    for (const k of sortedKnown) {
      const w = at.get(k);
      if (!w) continue;
      if (k < n && before(lo, w)) lo = w;
      if (k > n && before(w, hi)) hi = w;
    }
    const c = (byN.get(n) ?? []).find((x) => before(lo, x.where) && before(x.where, hi));
    if (!c) continue;
    chosen.push(c);
    at.set(n, c.where);
    found.add(String(n));
  }
  // Apply the replacements, from the end of each text.
  chosen.sort((x, y) => y.where[0] - x.where[0] || y.where[1] - x.where[1]);
  for (const c of chosen) {
    const t = out[c.where[0]]!;
    out[c.where[0]] = t.slice(0, c.cutFrom) + fnRef(String(c.n)) + t.slice(c.cutTo);
  }
  return { texts: out, found };
}

// ---------------------------------------------------------------------------------------------
// Conversion to the model

function pushText(out: Inline[], text: string, em: boolean, link: string): void {
  if (!text) return;
  const refs = findSymbolRefs(text);
  let pos = 0;
  const add = (t: string, symbol?: string): void => {
    if (!t) return;
    const run: TextRun = { t: 'text', text: t };
    if (em) run.em = true;
    if (link) run.link = link;
    if (symbol) run.symbolRef = symbol;
    const prev = out[out.length - 1];
    if (prev && prev.t === 'text' && !symbol && !prev.symbolRef && prev.em === run.em && prev.link === run.link) prev.text += t;
    else out.push(run);
  };
  for (const r of refs) {
    if (!r.valid || r.from < pos) continue;
    add(text.slice(pos, r.from));
    add(text.slice(r.from, r.to), r.symbol);
    pos = r.to;
  }
  add(text.slice(pos));
}

/**
 * Converts a string with sentinels into Inline runs: footnote sentinels become references to
 * the id `noteId(mark)` gives (dropped when it gives undefined), emphasis and links become
 * marks, and document symbols cited in the text get the symbolRef mark. Runs of spaces are
 * collapsed and the ends trimmed; a space before a footnote reference is dropped.
 */
export function toInlines(s: string, noteId: (mark: string) => string | undefined): Inline[] {
  const out: Inline[] = [];
  let em = false;
  let link = '';
  let buf = '';
  const flush = (): void => {
    pushText(out, buf, em, link);
    buf = '';
  };
  const text = squeeze(s);
  const re = /[\uE000-\uE006]/g;
  let pos = 0;
  let m: RegExpExecArray | null;
  const addText = (t: string): void => {
    if (!t) return;
    // One space between runs.
    if (t.startsWith(' ') && buf === '' && out.length > 0) {
      const prev = out[out.length - 1]!;
      if (prev.t === 'text' && prev.text.endsWith(' ')) t = t.slice(1);
    }
    buf += t;
  };
  while ((m = re.exec(text)) !== null) {
    const i = m.index;
    addText(text.slice(pos, i));
    const c = text[i]!;
    pos = i + 1;
    switch (c) {
      case FN_OPEN: {
        const end = text.indexOf(FN_CLOSE, i + 1);
        const mark = text.slice(i + 1, end < 0 ? text.length : end);
        pos = end < 0 ? text.length : end + 1;
        const id = noteId(mark);
        if (id) {
          if (buf.endsWith(' ')) buf = buf.slice(0, -1);
          flush();
          out.push({ t: 'fn', id });
        }
        break;
      }
      case EM_OPEN:
      case EM_CLOSE:
        flush();
        em = c === EM_OPEN;
        break;
      case LINK_OPEN: {
        flush();
        const mid = text.indexOf(LINK_MID, i + 1);
        link = text.slice(i + 1, mid < 0 ? text.length : mid);
        pos = mid < 0 ? text.length : mid + 1;
        break;
      }
      case LINK_CLOSE:
        flush();
        link = '';
        break;
      default:
        break;
    }
    re.lastIndex = pos;
  }
  addText(text.slice(pos));
  flush();
  // Trim the ends.
  const first = out[0];
  if (first && first.t === 'text') {
    first.text = first.text.trimStart();
    if (!first.text) out.shift();
  }
  const lastRun = out[out.length - 1];
  if (lastRun && lastRun.t === 'text') {
    lastRun.text = lastRun.text.trimEnd();
    if (!lastRun.text) out.pop();
  }
  return out;
}
