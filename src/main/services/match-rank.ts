/**
 * Ranking helpers of the matcher (matcher.ts): the IDF weight, the top-k list of the final
 * results, and the bounded min-heap of stage-1 candidates. No allocation per offered item.
 */

/** A match: the paragraph's id and its similarity in [0, 1] (1 = identical tokens). */
export interface MatchHit {
  id: number;
  score: number;
}

/** Inverse document frequency (BM25's, always positive) of a term in `df` of `N` paragraphs. */
export function idf(N: number, df: number): number {
  return Math.log(1 + (N - df + 0.5) / (df + 0.5));
}

/** The k best (score, id) pairs offered, best first; ties go to the smaller id. */
export class TopK {
  private readonly scores: Float64Array;
  private readonly idList: Float64Array;
  private n = 0;

  constructor(private readonly k: number) {
    this.scores = new Float64Array(Math.max(1, k));
    this.idList = new Float64Array(Math.max(1, k));
  }

  /** True once k pairs are held. */
  get full(): boolean {
    return this.n >= this.k;
  }

  /** The score to beat (or tie) to enter: the k-th best, or −∞ while not full. */
  threshold(): number {
    return this.full ? this.scores[this.k - 1]! : -Infinity;
  }

  /** Offers a pair; kept when it is among the k best so far. */
  offer(score: number, id: number): void {
    const { scores, idList } = this;
    let i = this.n;
    while (i > 0 && (scores[i - 1]! < score || (scores[i - 1] === score && idList[i - 1]! > id))) i--;
    if (i >= this.k) return;
    const last = Math.min(this.n, this.k - 1);
    scores.copyWithin(i + 1, i, last);
    idList.copyWithin(i + 1, i, last);
    scores[i] = score;
    idList[i] = id;
    if (this.n < this.k) this.n++;
  }

  /** The pairs held, best first. */
  result(): MatchHit[] {
    const out: MatchHit[] = [];
    for (let i = 0; i < this.n; i++) out.push({ id: this.idList[i]!, score: this.scores[i]! });
    return out;
  }
}

/**
 * A binary min-heap of (score, slot) over caller-owned parallel arrays, size `h`: the candidates
 * of stage 1, whose root is the weakest one kept. Of two equal scores the higher slot is the
 * weaker, so what the heap keeps does not depend on the order of the offers.
 */
export function heapPush(sc: Float64Array, sl: Int32Array, h: number, score: number, slot: number): void {
  let i = h;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (sc[p]! < score || (sc[p] === score && sl[p]! > slot)) break;
    sc[i] = sc[p]!;
    sl[i] = sl[p]!;
    i = p;
  }
  sc[i] = score;
  sl[i] = slot;
}

/** Replaces the root of a full heap of size h by (score, slot) and restores the heap order. */
export function heapReplaceTop(sc: Float64Array, sl: Int32Array, h: number, score: number, slot: number): void {
  let i = 0;
  while (true) {
    let c = 2 * i + 1;
    if (c >= h) break;
    if (c + 1 < h && (sc[c + 1]! < sc[c]! || (sc[c + 1] === sc[c] && sl[c + 1]! > sl[c]!))) c++;
    if (sc[c]! > score || (sc[c] === score && sl[c]! < slot)) break;
    sc[i] = sc[c]!;
    sl[i] = sl[c]!;
    i = c;
  }
  sc[i] = score;
  sl[i] = slot;
}

/** Removes the root of a heap of size h (the new size is h − 1). */
export function heapPop(sc: Float64Array, sl: Int32Array, h: number): void {
  if (h <= 1) return;
  heapReplaceTop(sc, sl, h - 1, sc[h - 1]!, sl[h - 1]!);
}
