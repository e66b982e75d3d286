/**
 * Snippets of library search hits, and the memo of the library's words they share with the phrase
 * check (library-search.ts).
 *
 * A snippet is made for every hit shown (20 per search), so it is a search's largest cost after
 * reading its rows: it reads a paragraph only up to the end of its window, keeps the offsets of
 * the words and spaces it reads in buffers reused from one hit to the next (no array per hit),
 * and decides each distinct word once per search.
 */
import { englishStem, searchTerms } from '../../shared/text/search-terms.js';

/**
 * Memo of the library's words, shared by every search: a word's plain search terms and a term's
 * English stem do not depend on the query, and the words of resolutions repeat, so a search reads
 * them from here instead of running the folding regexes again. Emptied when it reaches WORD_MEMO_MAX
 * entries, so memory stays bounded whatever the library holds.
 */
const WORD_MEMO_MAX = 100_000;
const plainMemo = new Map<string, string[]>();
const stemMemo = new Map<string, string>();

function plainTerms(word: string): string[] {
  let t = plainMemo.get(word);
  if (t === undefined) {
    if (plainMemo.size >= WORD_MEMO_MAX) plainMemo.clear();
    plainMemo.set(word, (t = searchTerms(word, false)));
  }
  return t;
}

/** englishStem(term), from the shared word memo. */
export function stemOf(term: string): string {
  let s = stemMemo.get(term);
  if (s === undefined) {
    if (stemMemo.size >= WORD_MEMO_MAX) stemMemo.clear();
    stemMemo.set(term, (s = englishStem(term)));
  }
  return s;
}

/** `s` with &, < and > escaped for HTML. */
export function escapeHtml(s: string): string {
  if (!/[&<>]/.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const WORD_RE = /[\p{L}\p{N}\p{M}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const SPACES = /\s+/y;

/** Words a long snippet shows before its first highlighted word, and parts (words and the spaces between) it shows in all. */
const SNIPPET_LEAD = 16;
const SNIPPET_PARTS = 80;
/** Texts of more words than this are cut to the snippet window. */
const SNIPPET_MAX_WORDS = 48;

/** One search's verdict on each word: whether one of its search terms (or their stems) is the query's. */
class HitWords {
  private readonly seen = new Map<string, boolean>();
  /**
   * Which ASCII words can be hits at all, by their first letters (lower-cased): a hit's term is
   * one of the query's terms T, or has T as its English stem, and every term begins with its stem
   * less the stem's last letter (englishStem only cuts endings and turns a final y into i;
   * search-exhaustive.test.ts holds it to that), so it begins with T less its last letter. Most
   * words of a paragraph are thus known not to be hits without a look-up. Terms of one letter
   * leave every word a candidate (`anyWord`); those of two, every word of their first letter.
   */
  private readonly lead1 = new Set<number>();
  private readonly lead2 = new Set<number>();
  private readonly anyWord: boolean;

  constructor(
    private readonly terms: ReadonlySet<string>,
    private readonly stem: boolean,
  ) {
    let anyWord = false;
    for (const t of terms) {
      // A term outside [a-z0-9] is never an ASCII word's term, nor its stem.
      if (!/^[a-z0-9]+$/.test(t)) continue;
      if (t.length === 1) anyWord = true;
      else if (t.length === 2) this.lead1.add(t.charCodeAt(0));
      else this.lead2.add((t.charCodeAt(0) << 8) | t.charCodeAt(1));
    }
    this.anyWord = anyWord;
  }

  has(word: string): boolean {
    let hit = this.seen.get(word);
    if (hit === undefined) {
      hit = false;
      for (const t of plainTerms(word)) {
        if (this.terms.has(t) || (this.stem && this.terms.has(stemOf(t)))) {
          hit = true;
          break;
        }
      }
      this.seen.set(word, hit);
    }
    return hit;
  }

  /** has(text[start, end)) for a word of ASCII letters and digits only. */
  hasAscii(text: string, start: number, end: number): boolean {
    if (!this.anyWord) {
      const c0 = lowerAscii(text.charCodeAt(start));
      if (!this.lead1.has(c0) && (end - start === 1 || !this.lead2.has((c0 << 8) | lowerAscii(text.charCodeAt(start + 1))))) return false;
    }
    return this.has(text.slice(start, end));
  }
}

/** The lower-case code of an ASCII letter's code (other codes unchanged). */
function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

// The parts of the hit being made (words and what lies between them), as offsets into its text;
// shared by all snippets (made one at a time) and grown as needed.
let partStart = new Int32Array(256);
let partEnd = new Int32Array(256);
/** Per part: 1 a word, 2 a highlighted word; then 4 when shown highlighted. */
let partFlags = new Uint8Array(256);

function addPart(n: number, start: number, end: number, flags: number): void {
  if (n === partStart.length) {
    const grow = <T extends Int32Array | Uint8Array>(a: T, b: T) => (b.set(a), b);
    partStart = grow(partStart, new Int32Array(n * 2));
    partEnd = grow(partEnd, new Int32Array(n * 2));
    partFlags = grow(partFlags, new Uint8Array(n * 2));
  }
  partStart[n] = start;
  partEnd[n] = end;
  partFlags[n] = flags;
}

/** True when the code is an ASCII letter or digit. */
function isAsciiWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** True when the character at `i` (a code above 127) may be a letter, digit or mark (surrogates count as one). */
function mayBeWordChar(text: string, i: number, c: number): boolean {
  return (c >= 0xd800 && c <= 0xdfff) || WORD_CHAR.test(text[i]!);
}

/** What scanning a text into parts found (see scanParts). */
interface Scan {
  /** Parts in the buffers. */
  n: number;
  /** The first highlighted part, or -1. */
  firstHit: number;
  /** Words read. */
  count: number;
}

/** True once the words read complete a long text's window: what follows only tells that the snippet ends in "…". */
function windowComplete(s: Scan): boolean {
  return s.count > SNIPPET_MAX_WORDS && s.firstHit >= 0 && s.n >= Math.max(0, s.firstHit - SNIPPET_LEAD) + SNIPPET_PARTS;
}

/**
 * Splits `text` into parts (words, and what lies between them) into the part buffers, up to the
 * end of its snippet window. Words are runs of letters, digits and marks (WORD_RE); this reads
 * them as runs of ASCII letters and digits, which they are while no letter, digit or mark outside
 * ASCII occurs: null as soon as one does (then scanPartsUnicode).
 */
function scanPartsAscii(text: string, words: HitWords): Scan | null {
  const s: Scan = { n: 0, firstHit: -1, count: 0 };
  const len = text.length;
  let i = 0;
  while (i < len) {
    const gap = i;
    for (let c: number; i < len && !isAsciiWordCode((c = text.charCodeAt(i))); i++) if (c > 127 && mayBeWordChar(text, i, c)) return null;
    if (i > gap) addPart(s.n++, gap, i, 0);
    if (i >= len) break;
    const start = i;
    while (i < len && isAsciiWordCode(text.charCodeAt(i))) i++;
    const h = words.hasAscii(text, start, i);
    if (h && s.firstHit < 0) s.firstHit = s.n;
    addPart(s.n++, start, i, h ? 3 : 1);
    s.count++;
    // (The word must end here: a letter outside ASCII right after it would belong to it.)
    if (windowComplete(s)) return i < len && text.charCodeAt(i) > 127 && mayBeWordChar(text, i, text.charCodeAt(i)) ? null : s;
  }
  return s;
}

/** scanPartsAscii for any text. */
function scanPartsUnicode(text: string, words: HitWords): Scan {
  const s: Scan = { n: 0, firstHit: -1, count: 0 };
  WORD_RE.lastIndex = 0;
  let last = 0;
  for (let m = WORD_RE.exec(text); m; m = WORD_RE.exec(text)) {
    if (m.index > last) addPart(s.n++, last, m.index, 0);
    last = m.index + m[0].length;
    const h = words.has(m[0]);
    if (h && s.firstHit < 0) s.firstHit = s.n;
    addPart(s.n++, m.index, last, h ? 3 : 1);
    s.count++;
    if (windowComplete(s)) return s;
  }
  if (last < text.length) addPart(s.n++, last, text.length, 0);
  return s;
}

/**
 * The snippet of `text`: the text (HTML-escaped) with every word whose search term is one of the
 * query's in <b>…</b>; texts of more than SNIPPET_MAX_WORDS words are cut to SNIPPET_PARTS parts
 * from SNIPPET_LEAD parts before the first highlighted word, with "…" where text was left out.
 * The scan stops once the window is known (a long paragraph's tail is never read), and only the
 * window is escaped.
 */
function snippet(text: string, words: HitWords): string {
  const scan = scanPartsAscii(text, words) ?? scanPartsUnicode(text, words);
  const { n, firstHit, count } = scan;
  let from = 0;
  let to = n;
  if (count > SNIPPET_MAX_WORDS) {
    from = Math.max(0, Math.max(0, firstHit) - SNIPPET_LEAD);
    to = Math.min(n, from + SNIPPET_PARTS);
  }
  const more = to > 0 && partEnd[to - 1]! < text.length;
  // Spaces between two highlighted words are highlighted too: a phrase is one <b>…</b>.
  for (let i = from; i < to; i++) {
    const f = partFlags[i]!;
    let shown = (f & 2) !== 0;
    if (!shown && !(f & 1) && i > from && i < to - 1 && partFlags[i - 1]! & 2 && partFlags[i + 1]! & 2) {
      SPACES.lastIndex = partStart[i]!;
      shown = SPACES.test(text) && SPACES.lastIndex === partEnd[i];
    }
    if (shown) partFlags[i] = f | 4;
  }
  let body = '';
  for (let i = from; i < to; ) {
    const h = partFlags[i]! & 4;
    let j = i + 1;
    while (j < to && (partFlags[j]! & 4) === h) j++;
    const run = escapeHtml(text.slice(partStart[i], partEnd[j - 1]));
    body += h ? `<b>${run}</b>` : run;
    i = j;
  }
  return `${from > 0 ? '…' : ''}${body.trim()}${more ? '…' : ''}`;
}

/**
 * The snippet maker of one search: for each hit, its snippet (see snippet) with the words of
 * `terms` highlighted (their English stems too when `stem`: English paragraphs are indexed
 * stemmed), each word's verdict remembered across the hits (they share most of their words).
 */
export function snippetMaker(terms: ReadonlySet<string>): (text: string, stem: boolean) => string {
  const verdicts = [new HitWords(terms, false), new HitWords(terms, true)] as const;
  return (text, stem) => snippet(text, verdicts[stem ? 1 : 0]);
}

/**
 * The HTML snippet of a hit: the text (HTML-escaped) with every word whose search term is one of
 * `terms` in <b>…</b>; long texts are cut to about 40 words around the first highlighted one.
 */
export function highlight(text: string, terms: ReadonlySet<string>, stem: boolean): string {
  return snippetMaker(terms)(text, stem);
}
