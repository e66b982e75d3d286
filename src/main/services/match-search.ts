/**
 * The matcher's searches over a MatchIndex's arrays (matcher.ts holds the data).
 *
 * `querySearch`, in two stages:
 *   1. Candidate generation (inverted index, IDF-weighted accumulation). The query's distinct
 *      terms are sorted rarest first; each term's posting list adds idf(term) =
 *      ln(1 + (N − df + ½)/(df + ½)) to a reused Float32Array accumulator, recording newly touched
 *      slots in a reused touched list (no allocation proportional to N). Very common terms
 *      (df > 5 % of N, or beyond a budget of postings) are skipped, unless fewer than three terms
 *      were rare enough, in which case the rarest ones are taken anyway. A candidate's rank is
 *      acc / (|query| + |paragraph|), a Dice-like ratio that stops long paragraphs from winning
 *      by size; the best CANDIDATES (by a bounded min-heap, where the optional filter is called)
 *      go on to stage 2.
 *   2. Exact re-ranking by score = ½·edSim + ½·bagSim, where
 *        edSim  = 1 − ED(query, paragraph) / max(|query|, |paragraph|), ED the token edit
 *                 distance (order-aware: small edits cost little, reordering costs a lot), and
 *        bagSim = 2·Σ idf·min(count in query, count in paragraph) / (Σ idf over query tokens +
 *                 Σ idf over paragraph tokens), a weighted Dice overlap of the bags of words
 *                 (blind to order, so swapped clauses still score high).
 *      Both are 1 exactly for identical token sequences, so score ∈ [0, 1] and 1 = identical.
 *      The bag overlap is computed first (O(|paragraph|)); it also bounds ED from below
 *      (ED ≥ max(n, m) − |bag intersection|, and ED ≥ |n − m|), so a candidate that cannot
 *      reach the current k-th score is skipped. The others get the bit-parallel edit distance
 *      (match-query.ts), which gives up as soon as the distance must exceed the largest ED that
 *      could still enter the top k.
 *
 * Suggestion mode (`prefix: true`, for a paragraph still being typed): stage 1 normalises by the
 * paragraph's opening only, and stage 2 scores how well the query matches the *opening* of the
 * paragraph (edit distance to its best prefix) or, at 0.9 of the weight, any stretch of it.
 *
 * `exhaustiveSearch` is the benchmark baseline: pure edit-distance similarity over every
 * paragraph, exact. Slots are bucketed by their length bound 1 − |n − m|/max(n, m) (a counting
 * sort) and visited best bound first; a slot still within reach of the k-th best gets its bag
 * bound (ED ≥ max(n, m) − |bag intersection|) and, if that too is within reach, a capped edit
 * distance. The scan stops at the first bucket whose length bound is below the k-th best. It uses
 * the same edit distance as querySearch, so the benchmark compares the pruning, not the inner loop.
 */
import type { PreparedQuery } from './match-query.js';
import { heapPop, heapPush, heapReplaceTop, TopK, type MatchHit } from './match-rank.js';

/** Options of `MatchIndex.query`. */
export interface MatchQueryOptions {
  /** Keep only paragraphs for which this returns true (e.g. only operative paragraphs). */
  filter?: (id: number) => boolean;
  /** Drop hits scoring below this. */
  minScore?: number;
  /** Keep only paragraphs added with this tag. */
  tag?: number;
  /**
   * Suggestion mode, for a paragraph still being typed: the query is compared with the *opening*
   * of each paragraph (its first |query| + slack tokens; edit distance to the best-aligned prefix,
   * normalised by the query's length) and with any stretch of it (a paragraph that *contains* the
   * query scores 0.9 × that similarity).
   */
  prefix?: boolean;
}

/** What the searches read of a MatchIndex (see matcher.ts for the meaning of each array). */
export interface SearchView {
  termOf: Int32Array;
  nTerms: number;
  df: Int32Array;
  postOff: Int32Array;
  postings: Int32Array;
  nBase: number;
  extra: (Int32Array | undefined)[];
  extraLen: Int32Array;
  arena: Int32Array;
  start: Int32Array;
  len: Int32Array;
  ids: Float64Array;
  alive: Uint8Array;
  tags: Uint8Array;
  nSlots: number;
  nAlive: number;
  /** idf of every term for the current N and df. */
  weights: Float64Array;
  pq: PreparedQuery;
  /** Zeroed scratch of at least nSlots entries (left zeroed). */
  acc: Float32Array;
  touched: Int32Array;
}

/** Tokens beyond the query's length that a paragraph opening may have in suggestion mode. */
export function prefixWindow(qn: number): number {
  return qn + Math.max(4, Math.ceil(qn / 4));
}

/** Weight of the edit-distance similarity in the score (the bag overlap gets the rest). */
export const ED_WEIGHT = 0.5;
/** How many candidates from stage 1 are re-ranked exactly. */
export const CANDIDATES = 256;
/** Terms in more than this fraction of paragraphs are skipped in candidate generation. */
const COMMON_FRACTION = 0.05;
/** Terms with df up to this are never considered common, whatever N. */
const COMMON_MIN_DF = 256;
/** At least this many of the query's rarest terms are accumulated, common or not. */
const MIN_TERMS = 3;
/** Postings visited per query at most (beyond the MIN_TERMS rarest terms). */
const POSTING_BUDGET = 400_000;
/** Sweep all accumulators when the postings visited exceed 1/SWEEP_SHARE of the slots. */
const SWEEP_SHARE = 4;
/** Buckets of the exhaustive scan's upper bounds. */
const BUCKETS = 1024;

const heapScore = new Float64Array(CANDIDATES);
const heapSlot = new Int32Array(CANDIDATES);

/** The k best paragraphs for a query (see the file header); `tokens` non-empty, k > 0. */
export function querySearch(v: SearchView, tokens: Int32Array, k: number, opts: MatchQueryOptions): MatchHit[] {
  const qn = tokens.length;
  const N = v.nAlive;
  const { pq, df, weights } = v;
  const nu = pq.prepare(tokens, v.termOf, v.nTerms);
  const { q, uTerm } = pq;
  const idfMax = Math.log(1 + (N + 0.5) / 0.5);
  // Σ idf over the query's tokens (unknown tokens weigh as the rarest).
  let qW = 0;
  for (let i = 0; i < qn; i++) qW += q[i]! < 0 ? idfMax : weights[q[i]!]!;

  // Stage 1: accumulate idf over the posting lists of the rarer terms.
  const terms: number[] = [];
  for (let u = 0; u < nu; u++) if (df[uTerm[u]!]! > 0) terms.push(uTerm[u]!);
  terms.sort((x, y) => df[x]! - df[y]!);
  // The terms accumulated: the rarest, up to the common ones or the posting budget.
  const maxDf = Math.max(COMMON_MIN_DF, N * COMMON_FRACTION);
  let nUsed = 0;
  let budget = 0;
  for (const t of terms) {
    const L = postingCount(v, t);
    if (nUsed >= MIN_TERMS && (df[t]! > maxDf || budget + L > POSTING_BUDGET)) break;
    budget += L;
    nUsed++;
  }
  // Many postings touch a large share of the slots: then the accumulators are read back by one
  // sequential sweep (cache-friendly) instead of through the list of touched slots (random reads
  // of a few megabytes at a million paragraphs), and that list is not kept.
  const sweep = budget * SWEEP_SHARE > v.nSlots;
  let nTouched = 0;
  for (let i = 0; i < nUsed; i++) nTouched = accumulate(v, terms[i]!, weights[terms[i]!]!, nTouched, sweep);

  // Best CANDIDATES by acc / (|q| + |p|) (|p| counted up to the opening window in suggestion
  // mode), in a min-heap; the filter is asked only for slots that would enter it.
  const { acc, touched, len, ids, tags, alive } = v;
  const filter = opts.filter;
  const tag = opts.tag;
  const prefix = opts.prefix === true;
  const win = prefix ? prefixWindow(qn) : Infinity;
  const check = v.nAlive < v.nSlots;
  let h = 0;
  // Every touched slot ranks above 0, so 0 keeps the untouched out until the heap is full; then
  // the floor is its weakest rank. As a slot's denominator is at least |q| + 1, a slot with
  // acc ≤ floor·(|q| + 1) is out before its length is even read (most slots, once the heap is full).
  let floor = 0;
  const q1 = qn + 1;
  const end = sweep ? v.nSlots : nTouched;
  for (let i = 0; i < end; i++) {
    const s = sweep ? i : touched[i]!;
    const a = acc[s]!;
    acc[s] = 0;
    if (a <= floor * q1) continue;
    const L = len[s]!;
    const c = a / (qn + (L < win ? L : win));
    if (c <= floor) continue;
    if (check && alive[s] === 0) continue;
    if (tag !== undefined && tags[s] !== tag) continue;
    if (filter && !filter(ids[s]!)) continue;
    if (h < CANDIDATES) heapPush(heapScore, heapSlot, h++, c, s);
    else heapReplaceTop(heapScore, heapSlot, h, c, s);
    if (h === CANDIDATES) floor = heapScore[0]!;
  }
  // Drain the heap (smallest first) into cands, best candidate at index 0.
  const cands = new Int32Array(h);
  for (let i = h - 1; i >= 0; i--) {
    cands[i] = heapSlot[0]!;
    heapPop(heapScore, heapSlot, i + 1);
  }

  // Stage 2: exact re-ranking with pruning.
  const top = new TopK(k);
  const minScore = opts.minScore ?? 0;
  const { start, arena } = v;
  for (let c = 0; c < cands.length; c++) {
    const s = cands[c]!;
    if (prefix) {
      const score = suggestionScore(v, s, qn, qW);
      if (score >= minScore && score > 0) top.offer(Math.min(1, score), ids[s]!);
      continue;
    }
    const m = len[s]!;
    const at = start[s]!;
    const inter = pq.overlap(arena, at, m, s, weights);
    const bag = (2 * pq.interW) / (qW + pq.docW);
    const M = Math.max(qn, m);
    const edLow = Math.max(Math.abs(qn - m), M - inter);
    const floor = Math.max(top.threshold(), minScore);
    const best = ED_WEIGHT * (1 - edLow / M) + (1 - ED_WEIGHT) * bag;
    if (best < floor) continue;
    const cap = Math.floor(M * (1 - (floor - (1 - ED_WEIGHT) * bag) / ED_WEIGHT) + 1e-9);
    const ed = pq.editDistance(arena, at, m, cap);
    if (ed > cap) continue;
    const score = ED_WEIGHT * (1 - ed / M) + (1 - ED_WEIGHT) * bag;
    if (score < minScore || score <= 0) continue;
    top.offer(Math.min(1, score), ids[s]!);
  }
  return top.result();
}

/** Number of postings of term t (its shared stretch and its additions). */
function postingCount(v: SearchView, t: number): number {
  return (t < v.nBase ? v.postOff[t + 1]! - v.postOff[t]! : 0) + v.extraLen[t]!;
}

/**
 * Adds w to the accumulator of every slot of term t; unless `sweep`, records newly touched live
 * slots in `touched` and returns their new count (in sweep mode dead slots are skipped later).
 */
function accumulate(v: SearchView, t: number, w: number, nTouched: number, sweep: boolean): number {
  const { acc, touched, alive } = v;
  const check = v.nAlive < v.nSlots;
  for (let part = 0; part < 2; part++) {
    const list = part === 0 ? v.postings : v.extra[t];
    if (list === undefined || (part === 0 && t >= v.nBase)) continue;
    const from = part === 0 ? v.postOff[t]! : 0;
    const to = part === 0 ? v.postOff[t + 1]! : v.extraLen[t]!;
    if (sweep) {
      for (let p = from; p < to; p++) acc[list[p]!] += w;
      continue;
    }
    for (let p = from; p < to; p++) {
      const s = list[p]!;
      if (check && alive[s] === 0) continue;
      if (acc[s] === 0) touched[nTouched++] = s;
      acc[s] += w;
    }
  }
  return nTouched;
}

/**
 * Suggestion score of slot s for the prepared query (see MatchQueryOptions.prefix):
 * max(½·(1 − EDprefix/|q|) + ½·bag overlap with the first |q| tokens, 0.9·(1 − EDinfix/|q|)),
 * where EDprefix is the edit distance from the query to the best prefix of the opening (the
 * first prefixWindow(|q|) tokens) and EDinfix to the best-aligned stretch anywhere in the
 * paragraph. An exact opening scores 1.
 */
function suggestionScore(v: SearchView, s: number, qn: number, qW: number): number {
  const { start, len, arena, pq, weights } = v;
  const at = start[s]!;
  // The bag compares as many opening tokens as were typed (an exact opening scores 1); the
  // alignment may use a few more, for words the delegate left out.
  pq.overlap(arena, at, Math.min(len[s]!, qn), s, weights);
  const bag = (2 * pq.interW) / (qW + pq.docW);
  const pre = ED_WEIGHT * (1 - pq.editDistance(arena, at, Math.min(len[s]!, prefixWindow(qn)), Infinity, 'prefix') / qn) + (1 - ED_WEIGHT) * bag;
  const inf = 0.9 * (1 - pq.editDistance(arena, at, len[s]!, Infinity, 'infix') / qn);
  return Math.max(pre, inf);
}

/** The k best paragraphs by pure edit-distance similarity, exact (see the file header). */
export function exhaustiveSearch(v: SearchView, tokens: Int32Array, k: number): MatchHit[] {
  const qn = tokens.length;
  const { pq, start, len, alive, ids, arena, nSlots } = v;
  pq.prepare(tokens, v.termOf, v.nTerms);
  // Counting sort of the live slots by their length bound min(n, m) / max(n, m), best first.
  const counts = new Int32Array(BUCKETS + 1);
  const bucketOf = (m: number) => Math.min(BUCKETS - 1, Math.floor((Math.min(qn, m) / Math.max(qn, m)) * BUCKETS));
  for (let s = 0; s < nSlots; s++) if (alive[s] !== 0) counts[BUCKETS - bucketOf(len[s]!)]++;
  for (let b = 1; b <= BUCKETS; b++) counts[b]! += counts[b - 1]!;
  const next = counts.slice();
  const order = new Int32Array(v.nAlive);
  for (let s = 0; s < nSlots; s++) if (alive[s] !== 0) order[next[BUCKETS - 1 - bucketOf(len[s]!)]!++] = s;
  const top = new TopK(k);
  for (let o = 0; o < order.length; o++) {
    const s = order[o]!;
    const m = len[s]!;
    const M = Math.max(qn, m);
    const floor = top.threshold();
    // Slots come in decreasing order of the length bound's bucket: once a whole bucket is
    // below the k-th best, so is everything after it.
    if (top.full && (bucketOf(m) + 1) / BUCKETS < floor) break;
    if (1 - Math.abs(qn - m) / M < floor) continue;
    // Bag bound: ED ≥ max(n, m) − |bag intersection|.
    const at = start[s]!;
    const inter = pq.overlap(arena, at, m, s, null);
    if (1 - (M - inter) / M < floor) continue;
    const cap = top.full ? Math.floor(M * (1 - floor) + 1e-9) : M;
    const ed = pq.editDistance(arena, at, m, cap);
    if (ed > cap) continue;
    top.offer(1 - ed / M, ids[s]!);
  }
  return top.result();
}
