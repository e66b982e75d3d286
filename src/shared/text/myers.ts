/**
 * Myers' O(ND) difference of two integer sequences in linear space (the "middle snake" divide and
 * conquer, as in GNU diff's `compareseq`/`diag`), after stripping the common prefix and suffix of
 * every sub-problem and after setting aside tokens that never occur in the other sequence. Only
 * when a sub-problem needs more than `tooExpensive` edit steps (≥ 1024 by default) does the search
 * stop at the furthest-reaching diagonal, as GNU diff does, trading a little minimality for
 * bounded time. Pure: runs in main and renderer; the engine of `wordDiff`.
 */

// Scratch buffers shared by every call, grown on demand, so that a diff allocates almost nothing
// here. Safe because nothing in this module calls out to other code while a buffer is in use:
// JavaScript cannot re-enter these functions mid-way.
let subA = new Int32Array(256);
let subB = new Int32Array(256);
let keepA = new Int32Array(256);
let keepB = new Int32Array(256);
let seen = new Uint8Array(256);
let subFlagA = new Uint8Array(256);
let subFlagB = new Uint8Array(256);
let fd = new Int32Array(512);
let bd = new Int32Array(512);
const stack: number[] = [];

/** `buf` if it holds n numbers, else a new larger buffer (contents not kept). */
export const grownI32 = (buf: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> => (buf.length >= n ? buf : new Int32Array(Math.max(n, buf.length * 2)));
/** `buf` if it holds n bytes, else a new larger buffer (contents not kept). */
export const grownU8 = (buf: Uint8Array<ArrayBuffer>, n: number): Uint8Array<ArrayBuffer> => (buf.length >= n ? buf : new Uint8Array(Math.max(n, buf.length * 2)));

/**
 * Myers' O(ND) diff in linear space. Returns flags: delA[i] = 1 when a's token i is deleted,
 * insB[j] = 1 when b's token j is inserted; the unflagged tokens form a longest common subsequence.
 * Tokens are integers compared by value.
 */
export function myers(A: ArrayLike<number>, B: ArrayLike<number>, tooExpensive?: number): { delA: Uint8Array; insB: Uint8Array } {
  // Renumber to dense ids (equality is all the algorithm looks at) so myersDense can mark them.
  const ids = new Map<number, number>();
  const dense = (t: ArrayLike<number>) => {
    const out = new Int32Array(t.length);
    for (let i = 0; i < t.length; i++) {
      let id = ids.get(t[i]!);
      if (id === undefined) ids.set(t[i]!, (id = ids.size));
      out[i] = id;
    }
    return out;
  };
  const dA = dense(A);
  const dB = dense(B);
  const delA = new Uint8Array(A.length);
  const insB = new Uint8Array(B.length);
  myersDense(dA, A.length, dB, B.length, ids.size, delA, insB, tooExpensive);
  return { delA, insB };
}

/**
 * Sets the Myers flags of A[0..n) and B[0..m) (ids in [0, distinct)) into zeroed delA/insB.
 * Tokens that never occur on the other side cannot be in any common subsequence: they are flagged
 * and only the rest is diffed (as GNU diff discards such lines). Keeps minimality, and makes texts
 * that share little (a rewritten paragraph) cheap.
 */
export function myersDense(A: Int32Array, n: number, B: Int32Array, m: number, distinct: number, delA: Uint8Array, insB: Uint8Array, tooExpensive?: number): void {
  seen = grownU8(seen, distinct);
  seen.fill(0, 0, distinct);
  for (let i = 0; i < n; i++) seen[A[i]!]! |= 1;
  for (let j = 0; j < m; j++) seen[B[j]!]! |= 2;
  keepA = grownI32(keepA, n);
  keepB = grownI32(keepB, m);
  let kn = 0;
  let km = 0;
  for (let i = 0; i < n; i++) if (seen[A[i]!] === 3) keepA[kn++] = i;
  for (let j = 0; j < m; j++) if (seen[B[j]!] === 3) keepB[km++] = j;
  if (kn === n && km === m) {
    myersCore(A, n, B, m, delA, insB, tooExpensive);
    return;
  }
  delA.fill(1, 0, n);
  insB.fill(1, 0, m);
  subA = grownI32(subA, kn);
  subB = grownI32(subB, km);
  for (let k = 0; k < kn; k++) subA[k] = A[keepA[k]!]!;
  for (let k = 0; k < km; k++) subB[k] = B[keepB[k]!]!;
  subFlagA = grownU8(subFlagA, kn);
  subFlagB = grownU8(subFlagB, km);
  const sd = subFlagA.fill(0, 0, kn);
  const si = subFlagB.fill(0, 0, km);
  myersCore(subA, kn, subB, km, sd, si, tooExpensive);
  for (let k = 0; k < kn; k++) delA[keepA[k]!] = sd[k]!;
  for (let k = 0; k < km; k++) insB[keepB[k]!] = si[k]!;
}

function myersCore(A: Int32Array, n: number, B: Int32Array, m: number, delA: Uint8Array, insB: Uint8Array, tooExpensive?: number): void {
  // Vectors indexed by diagonal k = x − y ∈ [−m−1, n+1].
  const off = m + 1;
  fd = grownI32(fd, n + m + 3);
  bd = grownI32(bd, n + m + 3);
  let limit = tooExpensive ?? 0;
  if (!limit) {
    // GNU diff: about the square root of the input size, at least 4096; we take at least 1024,
    // which keeps every sub-problem of fewer than ~2000 edits minimal and bounds the cost of
    // long, heavily rewritten texts (40,000 shuffled tokens: 0.8 s instead of 2.7 s, 1 % more edits).
    limit = 1;
    for (let diags = n + m + 3; diags !== 0; diags >>= 2) limit <<= 1;
    limit = Math.max(1024, limit);
  }
  // compareseq with an explicit stack: [xoff, xlim, yoff, ylim, findMinimal].
  const base = stack.length;
  stack.push(0, n, 0, m, 0);
  while (stack.length > base) {
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
      diag(A, B, off, xoff, xlim, yoff, ylim, findMinimal, limit);
      const xm = mid[0]!;
      const ym = mid[1]!;
      stack.push(xm, xlim, ym, ylim, mid[3]!);
      stack.push(xoff, xm, yoff, ym, mid[2]!);
    }
  }
}

// diag's answer: xmid, ymid, loMinimal, hiMinimal.
const mid = new Int32Array(4);

/**
 * Finds the midpoint of a shortest edit script of A[xoff..xlim) and B[yoff..ylim) (both
 * non-empty, first and last tokens different), into `mid`.
 */
function diag(A: Int32Array, B: Int32Array, off: number, xoff: number, xlim: number, yoff: number, ylim: number, findMinimal: boolean, limit: number): void {
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
      if (odd && bmin <= d && d <= bmax && bd[off + d]! <= x) return setMid(x, y, 1, 1);
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
      if (!odd && fmin <= d && d <= fmax && x <= fd[off + d]!) return setMid(x, y, 1, 1);
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
    if (xlim + ylim - bxybest < fxybest - (xoff + yoff)) return setMid(fxbest, fxybest - fxbest, 1, 0);
    return setMid(bxbest, bxybest - bxbest, 0, 1);
  }
}

function setMid(x: number, y: number, loMinimal: number, hiMinimal: number): void {
  mid[0] = x;
  mid[1] = y;
  mid[2] = loMinimal;
  mid[3] = hiMinimal;
}
