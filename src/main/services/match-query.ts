/**
 * The prepared query of the matcher (matcher.ts) and the per-paragraph measures computed against
 * it: the bag-of-words overlap and the bit-parallel token edit distance (Myers' algorithm in
 * Hyyrö's formulation, blocks of 32 query tokens per machine word, as in edlib). All scratch
 * arrays are reused across queries: a query allocates nothing proportional to the library.
 */

/** Grows a typed array to hold at least `need` items (doubling), keeping its contents. */
export function grow<T extends Int32Array | Uint16Array | Float32Array | Float64Array | Uint8Array>(a: T, need: number): T {
  if (a.length >= need) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/** Alignment modes of `editDistance`: whole paragraph, best prefix of it, or best stretch of it. */
export type AlignMode = 'global' | 'prefix' | 'infix';

/**
 * A query mapped to internal terms, with its distinct terms, their counts and the match masks of
 * the bit-parallel edit distance. `prepare` fills it; the measures then compare any paragraph
 * (a stretch of the index's token arena) with it.
 */
export class PreparedQuery {
  /** The query as internal terms (unknown tokens are distinct negatives). */
  q = new Int32Array(256);
  /** Length of the query. */
  qLen = 0;
  /** Distinct known terms of the query, and how often each occurs in it. */
  uTerm = new Int32Array(256);
  uCount = new Int32Array(256);
  /** Number of distinct known terms. */
  nu = 0;
  /** Per internal term: the stamp of the preparation that saw it, and its index in uTerm. */
  seen = new Int32Array(1024);
  local = new Int32Array(1024);
  stamp = 0;
  /** Outputs of overlap(): idf weight of the intersection, and total idf of the paragraph's tokens. */
  interW = 0;
  docW = 0;
  private uUsed = new Int32Array(256);
  private uUsedAt = new Int32Array(256);
  private peq = new Int32Array(1024);
  private pv = new Int32Array(8);
  private mv = new Int32Array(8);
  private blocks = 0;

  /**
   * Maps `tokens` (vocabulary ids) through `termOf` (vocabulary id → internal term + 1, 0 = none)
   * for an index of `nTerms` terms; returns the number of distinct known terms.
   */
  prepare(tokens: Int32Array, termOf: Int32Array, nTerms: number): number {
    const qn = tokens.length;
    if (this.q.length < qn) {
      this.q = grow(this.q, qn);
      this.uTerm = grow(this.uTerm, qn);
      this.uCount = grow(this.uCount, qn);
      this.uUsed = grow(this.uUsed, qn);
      this.uUsedAt = new Int32Array(this.uTerm.length);
    }
    if (this.seen.length < nTerms) {
      this.seen = grow(this.seen, nTerms);
      this.local = grow(this.local, nTerms);
    }
    this.uUsedAt.fill(0);
    const { q, uTerm, uCount, seen, local } = this;
    const stamp = ++this.stamp;
    let unknown: Map<number, number> | undefined;
    let nu = 0;
    for (let i = 0; i < qn; i++) {
      const v = tokens[i]!;
      const t = v >= 0 && v < termOf.length ? termOf[v]! - 1 : -1;
      if (t < 0) {
        unknown ??= new Map();
        let neg = unknown.get(v);
        if (neg === undefined) unknown.set(v, (neg = -1 - unknown.size));
        q[i] = neg;
        continue;
      }
      q[i] = t;
      if (seen[t] !== stamp) {
        seen[t] = stamp;
        local[t] = nu;
        uTerm[nu] = t;
        uCount[nu] = 1;
        nu++;
      } else uCount[local[t]!]++;
    }
    // Match masks: bit i of block i/32 of the query term's row.
    const W = (this.blocks = (qn + 31) >>> 5);
    this.qLen = qn;
    this.nu = nu;
    if (this.peq.length < nu * W) this.peq = new Int32Array(nu * W * 2);
    if (this.pv.length < W) {
      this.pv = new Int32Array(W * 2);
      this.mv = new Int32Array(W * 2);
    }
    const peq = this.peq;
    peq.fill(0, 0, nu * W);
    for (let i = 0; i < qn; i++) if (q[i]! >= 0) peq[local[q[i]!]! * W + (i >>> 5)]! |= 1 << (i & 31);
    return nu;
  }

  /**
   * Bag overlap of the paragraph arena[at, at + m) (slot s) with the query: returns the size of
   * the multiset intersection, and leaves in interW / docW its idf weight and the paragraph's
   * total idf weight, `w[t]` being term t's weight (null: no weights). Each slot must be measured
   * with a distinct s between two preparations.
   */
  overlap(arena: ArrayLike<number>, at: number, m: number, s: number, w: Float64Array | null): number {
    const { seen, local, uCount, uUsed, uUsedAt } = this;
    const stamp = this.stamp;
    let inter = 0;
    let interW = 0;
    let docW = 0;
    for (let i = at; i < at + m; i++) {
      const t = arena[i]!;
      const x = w !== null ? w[t]! : 0;
      docW += x;
      if (seen[t] !== stamp) continue;
      const u = local[t]!;
      if (uUsedAt[u] !== s + 1) {
        uUsedAt[u] = s + 1;
        uUsed[u] = 0;
      }
      if (uUsed[u]! < uCount[u]!) {
        uUsed[u]++;
        interW += x;
        inter++;
      }
    }
    this.interW = interW;
    this.docW = docW;
    return inter;
  }

  /**
   * Edit distance between the query and the paragraph arena[at, at + n): one column per
   * paragraph token, ⌈|query|/32⌉ word operations each. 'global' returns cap + 1 as soon as the
   * distance must exceed cap (the last row drops by at most one per remaining column). 'prefix'
   * and 'infix' return the smallest last-row value over all columns: the distance to the best
   * prefix of the paragraph, or (row 0 free) to its best-matching stretch; they ignore cap.
   */
  editDistance(arena: ArrayLike<number>, at: number, n: number, cap: number, mode: AlignMode = 'global'): number {
    const { seen, local, peq, pv, mv } = this;
    const stamp = this.stamp;
    const W = this.blocks;
    const m = this.qLen;
    for (let b = 0; b < W; b++) {
      pv[b] = -1;
      mv[b] = 0;
    }
    const lastBit = 1 << ((m - 1) & 31);
    let score = m;
    let best = m;
    const whole = mode === 'global';
    const rowStart = mode === 'infix' ? 0 : 1;
    for (let j = 0; j < n; j++) {
      const t = arena[at + j]!;
      const row = seen[t] === stamp ? local[t]! * W : -1;
      // Row 0 of a global or prefix alignment rises by one per column; an infix may start anywhere.
      let hin = rowStart;
      for (let b = 0; b < W; b++) {
        let eq = row >= 0 ? peq[row + b]! : 0;
        const p = pv[b]!;
        const x = mv[b]!;
        const xv = eq | x;
        if (hin < 0) eq |= 1;
        const xh = ((((eq & p) + p) | 0) ^ p) | eq;
        let ph = x | ~(xh | p);
        let mh = p & xh;
        const bit = b === W - 1 ? lastBit : 0x80000000 | 0;
        const hout = (ph & bit) !== 0 ? 1 : (mh & bit) !== 0 ? -1 : 0;
        ph <<= 1;
        mh <<= 1;
        if (hin < 0) mh |= 1;
        else if (hin > 0) ph |= 1;
        pv[b] = mh | ~(xv | ph);
        mv[b] = ph & xv;
        hin = hout;
      }
      score += hin;
      if (!whole) {
        if (score < best) best = score;
      } else if (score - (n - 1 - j) > cap) return cap + 1;
    }
    return whole ? score : best;
  }
}
