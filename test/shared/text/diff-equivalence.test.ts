// The optimised wordDiff/myers must give exactly what the straightforward version gave before
// them (issue 14): the frozen copy below is that version, character for character apart from
// the renames and dropped exports. Any difference in ops, texts or flags is a bug in the fast path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { myers, wordDiff } from '../../../src/shared/text/diff.js';

const RUNS = Number(process.env.DIFF_EQUIV_RUNS ?? 400);

// ---- frozen copy of src/shared/text/diff.ts (wordDiff, myers and helpers) as of 6f681a5 ----
type DiffOp = { op: 'eq' | 'ins' | 'del'; text: string };
interface WordDiffOptions {
  semantic?: boolean;
  tooExpensive?: number;
}
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3005\\u3007';
// Copied verbatim; the lint rules on regexp style do not apply to a frozen reference.
// eslint-disable-next-line regexp/no-dupe-characters-character-class, regexp/match-any
const DIFF_TOKEN = new RegExp(`\\s+|[${CJK}]|(?:(?![${CJK}])[\\p{L}\\p{M}\\p{N}])+|[^]`, 'gu');
const WORD_START = /^[\p{L}\p{N}]/u;
const SPACE_START = /^\s/u;
const NEWLINE = /[\n\r\u2028\u2029]/;

/**
 * The tokens `wordDiff` works on: words (letters, marks and digits), runs of whitespace, single
 * punctuation marks and single CJK characters. Joining them gives the text back.
 */
function frozenDiffTokens(s: string): string[] {
  return s.match(DIFF_TOKEN) ?? [];
}

/**
 * Word-level diff from a to b. Tokens are words, runs of whitespace and single punctuation marks
 * (CJK: single characters), so joining the 'eq' and 'del' texts gives a exactly and the 'eq' and
 * 'ins' texts give b exactly. Minimal in tokens (Myers O(ND), linear space, with GNU diff's
 * cut-off for huge inputs), adjacent ops of one kind merged, deletions before insertions in a
 * change, and insertions/deletions slid to word boundaries. No empty ops.
 */
function frozenWordDiff(a: string, b: string, opts: WordDiffOptions = {}): DiffOp[] {
  if (a === b) return a ? [{ op: 'eq', text: a }] : [];
  const ta = frozenDiffTokens(a);
  const tb = frozenDiffTokens(b);
  const ids = new Map<string, number>();
  const toIds = (t: string[]) => {
    const out = new Int32Array(t.length);
    for (let i = 0; i < t.length; i++) {
      let id = ids.get(t[i]!);
      if (id === undefined) ids.set(t[i]!, (id = ids.size));
      out[i] = id;
    }
    return out;
  };
  const A = toIds(ta);
  const B = toIds(tb);
  const { delA, insB } = frozenMyers(A, B, opts.tooExpensive);
  let ops = opsFromFlags(ta, tb, delA, insB);
  ops = slideEdits(ops);
  if (opts.semantic) ops = foldWhitespace(ops);
  return ops.map((o) => ({ op: o.op, text: o.toks.join('') }));
}

/** Ops over tokens, before they become strings. */
interface TokOp {
  op: DiffOp['op'];
  toks: string[];
}

/**
 * Myers' O(ND) diff in linear space. Returns flags: delA[i] = 1 when a's token i is deleted,
 * insB[j] = 1 when b's token j is inserted; the unflagged tokens form a longest common subsequence.
 */
function frozenMyers(A: ArrayLike<number>, B: ArrayLike<number>, tooExpensive?: number): { delA: Uint8Array; insB: Uint8Array } {
  // Tokens that never occur on the other side cannot be in any common subsequence: flag them
  // and diff only the rest (as GNU diff discards such lines). Keeps minimality, and makes texts
  // that share little (a rewritten paragraph) cheap.
  const inA = new Set<number>();
  const inB = new Set<number>();
  for (let i = 0; i < A.length; i++) inA.add(A[i]!);
  for (let j = 0; j < B.length; j++) inB.add(B[j]!);
  const keepA: number[] = [];
  const keepB: number[] = [];
  for (let i = 0; i < A.length; i++) if (inB.has(A[i]!)) keepA.push(i);
  for (let j = 0; j < B.length; j++) if (inA.has(B[j]!)) keepB.push(j);
  if (keepA.length === A.length && keepB.length === B.length) return myersCore(A, B, tooExpensive);
  const delA = new Uint8Array(A.length).fill(1);
  const insB = new Uint8Array(B.length).fill(1);
  const sub = myersCore(
    keepA.map((i) => A[i]!),
    keepB.map((j) => B[j]!),
    tooExpensive,
  );
  keepA.forEach((i, k) => (delA[i] = sub.delA[k]!));
  keepB.forEach((j, k) => (insB[j] = sub.insB[k]!));
  return { delA, insB };
}

function myersCore(A: ArrayLike<number>, B: ArrayLike<number>, tooExpensive?: number): { delA: Uint8Array; insB: Uint8Array } {
  const n = A.length;
  const m = B.length;
  const delA = new Uint8Array(n);
  const insB = new Uint8Array(m);
  // Vectors indexed by diagonal k = x − y ∈ [−m−1, n+1].
  const off = m + 1;
  const fd = new Int32Array(n + m + 3);
  const bd = new Int32Array(n + m + 3);
  let limit = tooExpensive ?? 0;
  if (!limit) {
    // GNU diff: about the square root of the input size, at least 4096; we take at least 1024,
    // which keeps every sub-problem of fewer than ~2000 edits minimal and bounds the cost of
    // long, heavily rewritten texts (40,000 shuffled tokens: 0.8 s instead of 2.7 s, 1 % more edits).
    limit = 1;
    for (let diags = n + m + 3; diags !== 0; diags >>= 2) limit <<= 1;
    limit = Math.max(1024, limit);
  }
  let xmid = 0;
  let ymid = 0;
  let loMinimal = true;
  let hiMinimal = true;

  // Finds the midpoint of a shortest edit script of A[xoff..xlim) and B[yoff..ylim) (both
  // non-empty, first and last tokens different), into xmid/ymid and lo/hiMinimal.
  const diag = (xoff: number, xlim: number, yoff: number, ylim: number, findMinimal: boolean): void => {
    const dmin = xoff - ylim;
    const dmax = xlim - yoff;
    const fmid = xoff - yoff;
    const bmid = xlim - ylim;
    let fmin = fmid;
    let fmax = fmid;
    let bmin = bmid;
    let bmax = bmid;
    const odd = ((fmid - bmid) & 1) !== 0;
    fd[off + fmid] = xoff;
    bd[off + bmid] = xlim;
    for (let c = 1; ; c++) {
      // Extend the forward search by one edit.
      if (fmin > dmin) fd[off + --fmin - 1] = -1;
      else fmin++;
      if (fmax < dmax) fd[off + ++fmax + 1] = -1;
      else fmax--;
      for (let d = fmax; d >= fmin; d -= 2) {
        const tlo = fd[off + d - 1]!;
        const thi = fd[off + d + 1]!;
        let x = tlo >= thi ? tlo + 1 : thi;
        let y = x - d;
        while (x < xlim && y < ylim && A[x] === B[y]) {
          x++;
          y++;
        }
        fd[off + d] = x;
        if (odd && bmin <= d && d <= bmax && bd[off + d]! <= x) {
          xmid = x;
          ymid = y;
          loMinimal = hiMinimal = true;
          return;
        }
      }
      // Extend the backward search by one edit.
      if (bmin > dmin) bd[off + --bmin - 1] = 0x7fffffff;
      else bmin++;
      if (bmax < dmax) bd[off + ++bmax + 1] = 0x7fffffff;
      else bmax--;
      for (let d = bmax; d >= bmin; d -= 2) {
        const tlo = bd[off + d - 1]!;
        const thi = bd[off + d + 1]!;
        let x = tlo < thi ? tlo : thi - 1;
        let y = x - d;
        while (x > xoff && y > yoff && A[x - 1] === B[y - 1]) {
          x--;
          y--;
        }
        bd[off + d] = x;
        if (!odd && fmin <= d && d <= fmax && x <= fd[off + d]!) {
          xmid = x;
          ymid = y;
          loMinimal = hiMinimal = true;
          return;
        }
      }
      if (findMinimal || c < limit) continue;
      // Too expensive: split at the diagonal that got furthest, forward or backward.
      let fxybest = -1;
      let fxbest = 0;
      for (let d = fmax; d >= fmin; d -= 2) {
        let x = Math.min(fd[off + d]!, xlim);
        let y = x - d;
        if (ylim < y) {
          x = ylim + d;
          y = ylim;
        }
        if (fxybest < x + y) {
          fxybest = x + y;
          fxbest = x;
        }
      }
      let bxybest = 0x7fffffff;
      let bxbest = 0;
      for (let d = bmax; d >= bmin; d -= 2) {
        let x = Math.max(xoff, bd[off + d]!);
        let y = x - d;
        if (y < yoff) {
          x = yoff + d;
          y = yoff;
        }
        if (x + y < bxybest) {
          bxybest = x + y;
          bxbest = x;
        }
      }
      if (xlim + ylim - bxybest < fxybest - (xoff + yoff)) {
        xmid = fxbest;
        ymid = fxybest - fxbest;
        loMinimal = true;
        hiMinimal = false;
      } else {
        xmid = bxbest;
        ymid = bxybest - bxbest;
        loMinimal = false;
        hiMinimal = true;
      }
      return;
    }
  };

  // compareseq with an explicit stack: [xoff, xlim, yoff, ylim, findMinimal].
  const stack: number[] = [0, n, 0, m, 0];
  while (stack.length) {
    const findMinimal = stack.pop()! === 1;
    let ylim = stack.pop()!;
    let yoff = stack.pop()!;
    let xlim = stack.pop()!;
    let xoff = stack.pop()!;
    while (xoff < xlim && yoff < ylim && A[xoff] === B[yoff]) {
      xoff++;
      yoff++;
    }
    while (xlim > xoff && ylim > yoff && A[xlim - 1] === B[ylim - 1]) {
      xlim--;
      ylim--;
    }
    if (xoff === xlim) for (let y = yoff; y < ylim; y++) insB[y] = 1;
    else if (yoff === ylim) for (let x = xoff; x < xlim; x++) delA[x] = 1;
    else {
      diag(xoff, xlim, yoff, ylim, findMinimal);
      const xm = xmid;
      const ym = ymid;
      stack.push(xm, xlim, ym, ylim, hiMinimal ? 1 : 0);
      stack.push(xoff, xm, yoff, ym, loMinimal ? 1 : 0);
    }
  }
  return { delA, insB };
}

/** Walks both token lists along the flags: deletions before insertions within each change. */
function opsFromFlags(ta: string[], tb: string[], delA: Uint8Array, insB: Uint8Array): TokOp[] {
  const ops: TokOp[] = [];
  const push = (op: DiffOp['op'], tok: string) => {
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.toks.push(tok);
    else ops.push({ op, toks: [tok] });
  };
  let i = 0;
  let j = 0;
  while (i < ta.length || j < tb.length) {
    if (i < ta.length && delA[i]) push('del', ta[i++]!);
    else if (j < tb.length && insB[j]) push('ins', tb[j++]!);
    else {
      push('eq', ta[i]!);
      i++;
      j++;
    }
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
 */
function slideEdits(ops: TokOp[]): TokOp[] {
  for (let k = 0; k < ops.length; k++) {
    const e = ops[k]!;
    if (e.op === 'eq') continue;
    const prev = ops[k - 1];
    const next = ops[k + 1];
    if (prev && prev.op !== 'eq') continue;
    if (next && next.op !== 'eq') continue;
    const P = prev?.toks ?? [];
    const Q = next?.toks ?? [];
    const E = e.toks;
    // Leftmost shift: how far the edit can move left (last of P equals last of E, cyclically).
    let left = 0;
    while (left < P.length && P[P.length - 1 - left] === E[(((E.length - 1 - left) % E.length) + E.length) % E.length]) left++;
    let right = 0;
    while (right < Q.length && Q[right] === E[right % E.length]) right++;
    if (left === 0 && right === 0) continue;
    // Candidate s ∈ [−left, right]: the edit is the window of the concatenation P+E+Q starting at
    // P.length + s. Boundaries are the tokens around that window.
    const all = [...P, ...E, ...Q];
    let best = 0;
    let bestScore = -1;
    for (let s = -left; s <= right; s++) {
      const start = P.length + s;
      const end = start + E.length;
      const score = boundaryScore(all[start - 1], all[start]) + boundaryScore(all[end - 1], all[end]);
      if (score >= bestScore) {
        bestScore = score;
        best = s;
      }
    }
    if (best === 0) continue;
    const start = P.length + best;
    const end = start + E.length;
    e.toks = all.slice(start, end);
    // At either end of the text there may be no equality yet to receive the tokens.
    if (next) next.toks = all.slice(end);
    else if (end < all.length) ops.splice(k + 1, 0, { op: 'eq', toks: all.slice(end) });
    if (prev) prev.toks = all.slice(0, start);
    else if (start > 0) {
      ops.splice(k, 0, { op: 'eq', toks: all.slice(0, start) });
      k++;
    }
  }
  return mergeOps(ops);
}

/** Drops empty ops, merges neighbours of one kind and puts deletions before insertions. */
function mergeOps(ops: TokOp[]): TokOp[] {
  const out: TokOp[] = [];
  let del: string[] = [];
  let ins: string[] = [];
  const flush = () => {
    if (del.length) out.push({ op: 'del', toks: del });
    if (ins.length) out.push({ op: 'ins', toks: ins });
    del = [];
    ins = [];
  };
  for (const o of ops) {
    if (!o.toks.length) continue;
    if (o.op === 'del') append(del, o.toks);
    else if (o.op === 'ins') append(ins, o.toks);
    else {
      flush();
      const last = out[out.length - 1];
      if (last && last.op === 'eq') append(last.toks, o.toks);
      else out.push({ op: 'eq', toks: o.toks.slice() });
    }
  }
  flush();
  return out;
}

/** Appends b to a (no spread: arrays can be longer than the argument limit). */
function append(a: string[], b: readonly string[]): void {
  for (const x of b) a.push(x);
}

/** Folds whitespace-only equalities that lie between two changes into those changes. */
function foldWhitespace(ops: TokOp[]): TokOp[] {
  const out: TokOp[] = ops.map((o, k) => {
    const isGap = o.op === 'eq' && k > 0 && k < ops.length - 1 && o.toks.every((t) => SPACE_START.test(t));
    return isGap ? [{ op: 'del' as const, toks: o.toks }, { op: 'ins' as const, toks: [...o.toks] }] : [o];
  }).flat();
  return mergeOps(out);
}

// ---- end of the frozen copy ----

// Words with repeats, CJK (Han, kana, 々), combining marks (decomposed é, ñ, Vietnamese, Devanagari),
// punctuation, digits, symbols, astral characters and every kind of whitespace.
const POOL = [
  'the', 'the', 'General', 'Assembly', 'resolution', 'of', 'of', 'and', '78/143', '2030', 'Recalls',
  'e\u0301', 'cafe\u0301', 'n\u0303o', 'Vie\u0323\u0302t', 'हिन्दी', 'اللغة', 'Ελλάδα', 'Россия',
  '大', '会', '大会', '决议', 'ひらがな', 'カタカナ', '人々', '〇',
  ' ', ' ', ' ', '  ', '\n', '\t', '\u00a0', '\u2028', ' \n ',
  ',', ',', '.', ';', ':', '(', ')', '’', '“', '”', '—', '-', '/', '%', '§', '…', '。', '、',
  '😀', '𝔘', '\u0301', '\u200b', '',
];
const piece = fc.constantFrom(...POOL);
const pieces = (max: number) => fc.array(piece, { maxLength: max });
/** b as an edited copy of a (real revisions share most of their text), or unrelated text. */
const pair = (max: number) =>
  pieces(max).chain((a) =>
    fc.oneof(
      fc.tuple(fc.constant(a), pieces(max)),
      fc
        .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 }), piece), { maxLength: 8 })
        .map((edits) => {
          const b = a.slice();
          for (const [at, kind, p] of edits) {
            const i = b.length ? at % (b.length + 1) : 0;
            if (kind === 0) b.splice(i, 1);
            else if (kind === 1) b.splice(i, 0, p);
            else b.splice(i, 1, p);
          }
          return [a, b] as [string[], string[]];
        }),
    ),
  ).map(([a, b]) => [a.join(''), b.join('')] as const);
const options = fc.record(
  { semantic: fc.boolean(), tooExpensive: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }) },
  { requiredKeys: [] },
);

describe('wordDiff against its frozen reference', () => {
  it('property: identical ops for random texts, short and long, in every mode', () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 4, arbitrary: pair(40) }, { weight: 1, arbitrary: pair(400) }), options, ([a, b], opts) => {
        expect(wordDiff(a, b, opts)).toEqual(frozenWordDiff(a, b, opts));
        expect(wordDiff(b, a, opts)).toEqual(frozenWordDiff(b, a, opts));
      }),
      { numRuns: RUNS, seed: 1406 },
    );
  });

  it('property: identical ops over a tiny alphabet (many repeats, edits at both ends)', () => {
    const tiny = fc.array(fc.constantFrom('a', 'b', 'c', ' ', ',', '大', 'e\u0301'), { maxLength: 10 }).map((t) => t.join(''));
    fc.assert(
      fc.property(tiny, tiny, options, (a, b, opts) => {
        expect(wordDiff(a, b, opts)).toEqual(frozenWordDiff(a, b, opts));
      }),
      { numRuns: RUNS * 5, seed: 1407 },
    );
  });

  it('property: identical myers flags for integer sequences (sparse and negative ids too)', () => {
    const seq = fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: -3, max: 1_000_000 })), { maxLength: 60 });
    fc.assert(
      fc.property(seq, seq, fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }), (a, b, te) => {
        const got = myers(a, b, te);
        const want = frozenMyers(a, b, te);
        expect(Array.from(got.delA)).toEqual(Array.from(want.delA));
        expect(Array.from(got.insB)).toEqual(Array.from(want.insB));
      }),
      { numRuns: RUNS, seed: 1408 },
    );
  });

  it('gives identical ops on empty, identical and one-sided inputs and on nested calls', () => {
    const cases: [string, string][] = [['', ''], ['', 'a b'], ['a b', ''], ['a b', 'a b'], [' ', '\n'], ['大会', '会大'], ['e\u0301', 'e']];
    for (const [a, b] of cases) for (const semantic of [false, true]) expect(wordDiff(a, b, { semantic })).toEqual(frozenWordDiff(a, b, { semantic }));
    // Scratch buffers are shared between calls: a long diff after a short one (and back) must not see stale data.
    const long = Array.from({ length: 3000 }, (_, i) => `w${i % 97} `).join('');
    const edited = long.replace(/w5 /g, 'x ').replace(/w9 w10/g, 'w10 w9');
    expect(wordDiff(long, edited)).toEqual(frozenWordDiff(long, edited));
    expect(wordDiff('a b c', 'a c d')).toEqual(frozenWordDiff('a b c', 'a c d'));
    expect(wordDiff(edited, long)).toEqual(frozenWordDiff(edited, long));
  });
});
