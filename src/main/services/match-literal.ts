/**
 * The literal similarity of the Matches panel (LibraryService.grouped): the share of words a
 * library paragraph and the typed text have in common, read from their word diff, and a cheap
 * upper bound of it from the two texts' words alone, so that only the wordings that can still
 * rank are diffed. Words are runs of letters and digits, read in place (sticky expressions whose
 * test() moves lastIndex without building match arrays): the grouping runs on every keystroke,
 * and what it allocates is collected while the delegate types.
 */
import type { DiffOp } from '../../shared/text/diff.js';
import { grow } from './match-query.js';

// Characters whose words wordDiff and literalSimilarity split differently (CJK: one token per
// character; combining marks: inside a diff token, between two literal words).
const NOT_PLAIN = /[\p{M}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
// A word, and what lies between words, read in place (sticky): test() moves lastIndex without
// building a match array, so counting the words of the texts being grouped allocates nothing.
const WORD_AT = /[\p{L}\p{N}]+/uy;
const GAP_AT = /[^\p{L}\p{N}]*/uy;

/**
 * Calls fn(start, end) for every word (run of letters and digits) of text, in order: the words
 * `text.match(/[\p{L}\p{N}]+/gu)` finds. Returns their number.
 */
function eachWord(text: string, fn: ((start: number, end: number) => void) | null): number {
  let n = 0;
  let at = 0;
  for (;;) {
    GAP_AT.lastIndex = at;
    GAP_AT.test(text);
    const start = GAP_AT.lastIndex;
    if (start >= text.length) return n;
    WORD_AT.lastIndex = start;
    WORD_AT.test(text);
    at = WORD_AT.lastIndex;
    n++;
    fn?.(start, at);
  }
}

/** The distinct words of a plain text: each one's index in `counts`, how often it occurs, and the total. */
export interface PlainWords {
  index: Map<string, number>;
  counts: Int32Array;
  total: number;
}

/** The words of a text and how often each occurs, when it is plain (no CJK, no combining marks); else null. */
export function plainWords(text: string): PlainWords | null {
  if (NOT_PLAIN.test(text)) return null;
  const index = new Map<string, number>();
  let counts = new Int32Array(16);
  const total = eachWord(text, (start, end) => {
    const w = text.slice(start, end);
    let u = index.get(w);
    if (u === undefined) {
      index.set(w, (u = index.size));
      if (u === counts.length) counts = grow(counts, u + 1);
    }
    counts[u]++;
  });
  return { index, counts, total };
}

// literalBound's count of each typed word used so far, valid where stamp = the call's number.
let used = new Int32Array(64);
let usedStamp = new Int32Array(64);
let boundCall = 0;

/**
 * An upper bound of literalSimilarity(wordDiff(text, typed text)), from the typed text's
 * plainWords: for plain texts every word is one diff token, so the words both sides share are at
 * most the common words counted with multiplicity, over the longer side's word count (exactly
 * the literal similarity's denominator). 1 when either text is not plain.
 */
export function literalBound(typed: PlainWords | null, text: string): number {
  if (!typed || NOT_PLAIN.test(text)) return 1;
  const nu = typed.index.size;
  if (used.length < nu) {
    used = new Int32Array(2 * nu);
    usedStamp = new Int32Array(2 * nu);
  }
  const call = ++boundCall;
  let common = 0;
  const mine = eachWord(text, (start, end) => {
    const u = typed.index.get(text.slice(start, end));
    if (u === undefined) return;
    if (usedStamp[u] !== call) {
      usedStamp[u] = call;
      used[u] = 0;
    }
    if (used[u]! < typed.counts[u]!) {
      used[u]++;
      common++;
    }
  });
  const longer = Math.max(typed.total, mine);
  return longer === 0 ? 1 : common / longer;
}

/** Share of words the two sides of a diff have in common (1 = the same words). */
export function literalSimilarity(diff: readonly DiffOp[]): number {
  let eq = 0;
  let del = 0;
  let ins = 0;
  for (const d of diff) {
    const n = eachWord(d.text, null);
    if (d.op === 'eq') eq += n;
    else if (d.op === 'del') del += n;
    else ins += n;
  }
  const longer = Math.max(eq + del, eq + ins);
  return longer === 0 ? 1 : eq / longer;
}
