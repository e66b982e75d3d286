/**
 * Word-level differences and token edit distance (pure: runs in main and renderer).
 *
 * `wordDiff` splits both texts into tokens (words, runs of whitespace, single punctuation marks,
 * single CJK characters), maps tokens to integers and runs Myers' O(ND) algorithm in linear space
 * (the "middle snake" divide and conquer, as in GNU diff's `compareseq`/`diag`), after stripping
 * the common prefix and suffix of every sub-problem, and after setting aside tokens that never
 * occur in the other text (they cannot be common; GNU diff discards such lines too). The result
 * is minimal in tokens: the number of deleted plus inserted tokens is n + m − 2·LCS. Only when a
 * sub-problem needs more than `tooExpensive` edit steps (≥ 1024, so ~2000 edits: never for a
 * paragraph, only for long heavily rewritten texts) does the search stop at the furthest-reaching
 * diagonal, as GNU diff does, trading a little minimality for bounded time.
 *
 * A pure insertion or deletion can often slide along the text without changing its size ("the
 * big cat" → "the cat" deletes either " big" or "big "). Each such edit is slid to the position
 * with the best boundaries (start of text, then whitespace before a word, then punctuation before
 * whitespace…), so an inserted word carries the space that follows it, as a person would mark it.
 * With `{ semantic: true }`, whitespace-only equalities between two changes are folded into them
 * ("a b c" → "x y c" gives del "a b", ins "x y" rather than four one-word edits): more readable
 * for tracked changes, no longer minimal.
 *
 * `tokenEditDistance` is the Levenshtein distance over integer tokens with Ukkonen's band: with a
 * cap it only fills cells within `cap` of the diagonal and stops as soon as every path exceeds it.
 */

import { grownI32, grownU8, myersDense } from './myers.js';

export { myers } from './myers.js';

/** One piece of a difference: text present in both, only in b (inserted) or only in a (deleted). */
export type DiffOp = { op: 'eq' | 'ins' | 'del'; text: string };

/** Options of `wordDiff`. */
export interface WordDiffOptions {
  /** Fold whitespace-only equalities between changes into the changes (readable, not minimal). */
  semantic?: boolean;
  /** Edit steps after which a sub-problem settles for a good rather than minimal split. */
  tooExpensive?: number;
}

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3005\\u3007';
const DIFF_TOKEN = new RegExp(`\\s+|[${CJK}]|(?:(?![${CJK}])[\\p{L}\\p{M}\\p{N}])+|[^]`, 'gu');
const WORD_START = /^[\p{L}\p{N}]/u;
const SPACE_START = /^\s/u;
const NEWLINE = /[\n\r\u2028\u2029]/;

/**
 * The tokens `wordDiff` works on: words (letters, marks and digits), runs of whitespace, single
 * punctuation marks and single CJK characters. Joining them gives the text back.
 */
export function diffTokens(s: string): string[] {
  return s.match(DIFF_TOKEN) ?? [];
}

// Scratch buffers shared by every call, grown on demand, so that a diff allocates little more
// than its tokens and its result. Safe because nothing here calls out to other code while a
// buffer is in use: JavaScript cannot re-enter these functions mid-way.
let idsA = new Int32Array(256);
let idsB = new Int32Array(256);
let offA = new Int32Array(257);
let offB = new Int32Array(257);
let flagA = new Uint8Array(256);
let flagB = new Uint8Array(256);
const idOf = new Map<string, number>();

/**
 * Word-level diff from a to b. Tokens are words, runs of whitespace and single punctuation marks
 * (CJK: single characters), so joining the 'eq' and 'del' texts gives a exactly and the 'eq' and
 * 'ins' texts give b exactly. Minimal in tokens (Myers O(ND), linear space, with GNU diff's
 * cut-off for huge inputs), adjacent ops of one kind merged, deletions before insertions in a
 * change, and insertions/deletions slid to word boundaries. No empty ops.
 */
export function wordDiff(a: string, b: string, opts: WordDiffOptions = {}): DiffOp[] {
  if (a === b) return a ? [{ op: 'eq', text: a }] : [];
  const ta = diffTokens(a);
  const tb = diffTokens(b);
  const n = ta.length;
  const m = tb.length;
  idsA = grownI32(idsA, n);
  idsB = grownI32(idsB, m);
  offA = grownI32(offA, n + 1);
  offB = grownI32(offB, m + 1);
  // Words become integer ids once; character offsets let each op's text be one slice of a or b.
  idOf.clear();
  intern(ta, idsA, offA);
  intern(tb, idsB, offB);
  const distinct = idOf.size;
  idOf.clear(); // drop the strings: the map outlives the call
  flagA = grownU8(flagA, n);
  flagB = grownU8(flagB, m);
  flagA.fill(0, 0, n);
  flagB.fill(0, 0, m);
  myersDense(idsA, n, idsB, m, distinct, flagA, flagB, opts.tooExpensive);
  let ops = rangesFromFlags(n, m, flagA, flagB);
  ops = slideEdits(ops, ta, tb, idsA, idsB);
  if (opts.semantic) ops = foldWhitespace(ops, ta);
  const out: DiffOp[] = new Array<DiffOp>(ops.length);
  for (let k = 0; k < ops.length; k++) {
    const o = ops[k]!;
    out[k] = { op: o.op, text: o.op === 'ins' ? b.slice(offB[o.b0]!, offB[o.b1]!) : a.slice(offA[o.a0]!, offA[o.a1]!) };
  }
  return out;
}

/** Writes each token's id (from `idOf`, new tokens get the next id) and start offset; offs[n] = end. */
function intern(toks: string[], ids: Int32Array, offs: Int32Array): void {
  let o = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    let id = idOf.get(t);
    if (id === undefined) idOf.set(t, (id = idOf.size));
    ids[i] = id;
    offs[i] = o;
    o += t.length;
  }
  offs[toks.length] = o;
}

/**
 * An op as token ranges: a's tokens [a0, a1) and b's tokens [b0, b1). The ops of a diff tile both
 * token lists in order; an equality's two ranges hold equal tokens, a deletion's b range and an
 * insertion's a range are empty.
 */
interface RangeOp {
  op: DiffOp['op'];
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/** Walks both token lists along the flags: deletions before insertions within each change. */
function rangesFromFlags(n: number, m: number, delA: Uint8Array, insB: Uint8Array): RangeOp[] {
  const ops: RangeOp[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const op: DiffOp['op'] = i < n && delA[i] ? 'del' : j < m && insB[j] ? 'ins' : 'eq';
    const last = ops[ops.length - 1];
    const o = last && last.op === op ? last : (ops[ops.length] = { op, a0: i, a1: i, b0: j, b1: j });
    if (op !== 'ins') o.a1 = ++i;
    if (op !== 'del') o.b1 = ++j;
  }
  return ops;
}

/** How good a place the boundary between tokens x and y is for an edit to start or end. */
function boundaryScore(x: string | undefined, y: string | undefined): number {
  if (x === undefined || y === undefined) return 6;
  if (NEWLINE.test(x) || NEWLINE.test(y)) return 5;
  const xs = SPACE_START.test(x);
  const yw = WORD_START.test(y);
  if (xs && yw) return 4; // " |word"
  const xw = WORD_START.test(x);
  const ys = SPACE_START.test(y);
  if (!xs && !xw && ys) return 3; // ",| "
  if (xs || ys) return 2; // "word| " or " |,"
  if (xw !== yw) return 1; // "word|," or "(|word"
  return 0; // inside a run of letters (CJK) or of punctuation
}

/**
 * Slides every pure insertion or deletion that sits between two equalities to the position with
 * the best boundaries (the size of the diff does not change). Ties keep the rightmost position.
 * A deletion, its equalities P before and Q after are one run of a's tokens (an insertion: of
 * b's), so the candidate windows are read in place; equal tokens have equal ids.
 */
function slideEdits(ops: RangeOp[], ta: string[], tb: string[], A: Int32Array, B: Int32Array): RangeOp[] {
  for (let k = 0; k < ops.length; k++) {
    const e = ops[k]!;
    if (e.op === 'eq') continue;
    const prev = ops[k - 1];
    const next = ops[k + 1];
    if (prev && prev.op !== 'eq') continue;
    if (next && next.op !== 'eq') continue;
    const del = e.op === 'del';
    const ids = del ? A : B;
    const toks = del ? ta : tb;
    // The edit's own side: [e0, e1); P = [p0, e0), Q = [e1, q1) on that side.
    const e0 = del ? e.a0 : e.b0;
    const e1 = del ? e.a1 : e.b1;
    const p0 = prev ? (del ? prev.a0 : prev.b0) : e0;
    const q1 = next ? (del ? next.a1 : next.b1) : e1;
    const len = e1 - e0;
    let left = 0;
    while (left < e0 - p0 && ids[e0 - 1 - left] === ids[e0 + ((((len - 1 - left) % len) + len) % len)]) left++;
    let right = 0;
    while (right < q1 - e1 && ids[e1 + right] === ids[e0 + (right % len)]) right++;
    if (left === 0 && right === 0) continue;
    const at = (i: number) => (i >= p0 && i < q1 ? toks[i] : undefined);
    let best = 0;
    let bestScore = -1;
    for (let s = -left; s <= right; s++) {
      const start = e0 + s;
      const end = start + len;
      const score = boundaryScore(at(start - 1), at(start)) + boundaryScore(at(end - 1), at(end));
      if (score >= bestScore) {
        bestScore = score;
        best = s;
      }
    }
    if (best === 0) continue;
    const start = e0 + best;
    const end = start + len;
    // The equalities keep their sizes on the other side: P's other side starts at po0, Q's ends at qo1.
    const po0 = prev ? (del ? prev.b0 : prev.a0) : del ? e.b0 : e.a0;
    const qo1 = next ? (del ? next.b1 : next.a1) : del ? e.b1 : e.a1;
    const cut = po0 + (start - p0); // the other side's position of the edit after the slide
    if (del) setRange(e, start, end, cut, cut);
    else setRange(e, cut, cut, start, end);
    // At either end of the text there may be no equality yet to receive the tokens.
    if (next) setSide(next, del, end, q1, cut, qo1);
    else if (end < q1) ops.splice(k + 1, 0, sided(del, end, q1, cut, qo1));
    if (prev) setSide(prev, del, p0, start, po0, cut);
    else if (start > p0) {
      ops.splice(k, 0, sided(del, p0, start, po0, cut));
      k++;
    }
  }
  return mergeOps(ops);
}

function setRange(o: RangeOp, a0: number, a1: number, b0: number, b1: number): void {
  o.a0 = a0;
  o.a1 = a1;
  o.b0 = b0;
  o.b1 = b1;
}

/** Sets an equality's ranges given on the edit's side [s0, s1) and the other side [o0, o1). */
function setSide(o: RangeOp, del: boolean, s0: number, s1: number, o0: number, o1: number): void {
  if (del) setRange(o, s0, s1, o0, o1);
  else setRange(o, o0, o1, s0, s1);
}

function sided(del: boolean, s0: number, s1: number, o0: number, o1: number): RangeOp {
  const o: RangeOp = { op: 'eq', a0: 0, a1: 0, b0: 0, b1: 0 };
  setSide(o, del, s0, s1, o0, o1);
  return o;
}

/**
 * Drops empty ops, merges neighbours of one kind and puts deletions before insertions, in place
 * (every op read is behind the write position, so the list and its objects can be reused). The
 * ops tile both token lists, so everything between two equalities is one run of a and one of b.
 */
function mergeOps(ops: RangeOp[]): RangeOp[] {
  let w = 0;
  let del: RangeOp | undefined;
  let ins: RangeOp | undefined;
  for (let k = 0; k < ops.length; k++) {
    const o = ops[k]!;
    if (o.a0 === o.a1 && o.b0 === o.b1) continue;
    if (o.op === 'del') {
      if (del) del.a1 = o.a1;
      else del = o;
    } else if (o.op === 'ins') {
      if (ins) ins.b1 = o.b1;
      else ins = o;
    } else {
      if (del) ops[w++] = del;
      if (ins) ops[w++] = ins;
      del = ins = undefined;
      const last = w > 0 ? ops[w - 1]! : undefined;
      if (last && last.op === 'eq') {
        last.a1 = o.a1;
        last.b1 = o.b1;
      } else ops[w++] = o;
    }
  }
  if (del) ops[w++] = del;
  if (ins) ops[w++] = ins;
  ops.length = w;
  return ops;
}

/** Folds whitespace-only equalities that lie between two changes into those changes. */
function foldWhitespace(ops: RangeOp[], ta: string[]): RangeOp[] {
  const out: RangeOp[] = [];
  for (let k = 0; k < ops.length; k++) {
    const o = ops[k]!;
    let gap = o.op === 'eq' && k > 0 && k < ops.length - 1;
    for (let i = o.a0; gap && i < o.a1; i++) gap = SPACE_START.test(ta[i]!);
    out.push(o);
    if (!gap) continue;
    out.push({ op: 'ins', a0: o.a1, a1: o.a1, b0: o.b0, b1: o.b1 });
    o.op = 'del';
    o.b1 = o.b0;
  }
  return mergeOps(out);
}

// Scratch row for tokenEditDistance, grown on demand (no allocation per call).
let scratch = new Int32Array(256);
const BIG = 0x3fffffff;

/**
 * Token-level edit distance (Levenshtein: insertions, deletions and substitutions cost 1).
 * With `cap`, returns cap + 1 as soon as the distance is known to exceed cap (banded DP with
 * early exit), which makes it cheap to prune candidates that cannot beat the current best.
 */
export function tokenEditDistance(a: ArrayLike<number>, b: ArrayLike<number>, cap = Infinity): number {
  if (a.length < b.length) {
    const t = a;
    a = b;
    b = t;
  }
  let n = a.length;
  let m = b.length;
  let s = 0;
  while (s < m && a[s] === b[s]) s++;
  while (m > s && a[n - 1] === b[m - 1]) {
    n--;
    m--;
  }
  const la = n - s;
  const lb = m - s;
  const limit = cap >= la ? la : Math.max(-1, Math.floor(cap));
  if (la - lb > limit) return limit + 1;
  if (lb === 0) return la;
  const band = limit;
  if (scratch.length < lb + 1) scratch = new Int32Array(Math.max(lb + 1, scratch.length * 2));
  const row = scratch;
  for (let j = 0; j <= lb; j++) row[j] = j <= band ? j : BIG;
  for (let i = 1; i <= la; i++) {
    const ai = a[s + i - 1];
    const jlo = i - band > 1 ? i - band : 1;
    const jhi = i + band < lb ? i + band : lb;
    let diag = row[jlo - 1]!;
    let left: number;
    if (jlo === 1) left = row[0] = i <= band ? i : BIG;
    else left = BIG;
    // Lower bound of the final distance through this row: cell + remaining length difference.
    let rowMin = BIG;
    const rest = la - i - lb;
    for (let j = jlo; j <= jhi; j++) {
      const up = row[j]!;
      let v = diag + (ai === b[s + j - 1] ? 0 : 1);
      if (up + 1 < v) v = up + 1;
      if (left + 1 < v) v = left + 1;
      diag = up;
      row[j] = v;
      left = v;
      const d = rest + j;
      const lbnd = v + (d < 0 ? -d : d);
      if (lbnd < rowMin) rowMin = lbnd;
    }
    if (jlo === 1) {
      const lbnd = row[0]! + Math.abs(rest);
      if (lbnd < rowMin) rowMin = lbnd;
    }
    if (rowMin > band) return band + 1;
  }
  const d = row[lb]!;
  return d > band ? band + 1 : d;
}
