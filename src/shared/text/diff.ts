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
  const { delA, insB } = myers(A, B, opts.tooExpensive);
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
export function myers(A: ArrayLike<number>, B: ArrayLike<number>, tooExpensive?: number): { delA: Uint8Array; insB: Uint8Array } {
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
