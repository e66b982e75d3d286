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
 *      by size; the best CANDIDATES (by a bounded min-heap, where the optional filter is called;
 *      ties to the lower slot; match-candidates.ts) go on to stage 2.
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
import { postingCount, selectCandidates } from './match-candidates.js';
import { TopK, type MatchHit } from './match-rank.js';

export { CANDIDATES } from './match-candidates.js';

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
  arena: Int32Array | Uint16Array;
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
/** Terms in more than this fraction of paragraphs are skipped in candidate generation. */
const COMMON_FRACTION = 0.05;
/** Terms with df up to this are never considered common, whatever N. */
const COMMON_MIN_DF = 256;
/** At least this many of the query's rarest terms are accumulated, common or not. */
const MIN_TERMS = 3;
/** Postings visited per query at most (beyond the MIN_TERMS rarest terms). */
const POSTING_BUDGET = 400_000;
/** Buckets of the exhaustive scan's upper bounds. */
const BUCKETS = 1024;
/** Distinct query terms fit below this: the term sort key is df · POS + their index. */
const POS = 2 ** 21;

// Scratch reused across queries.
let termKeys = new Float64Array(256);
let termList = new Int32Array(256);

/**
 * Stage 1 for a query: prepares it in `v.pq`, then picks the candidate slots, best first (see
 * match-candidates.ts), as a view of a buffer the next query reuses. `tokens` non-empty.
 */
export function candidatesFor(v: SearchView, tokens: Int32Array, opts: MatchQueryOptions): Int32Array {
  const qn = tokens.length;
  const N = v.nAlive;
  const { pq, df } = v;
  const nu = pq.prepare(tokens, v.termOf, v.nTerms);
  const { uTerm } = pq;
  // The query's terms rarest first (ties in their order in the query), then the ones used: the
  // rarest, up to the common ones or the posting budget.
  if (termKeys.length < nu) {
    termKeys = new Float64Array(2 * nu);
    termList = new Int32Array(2 * nu);
  }
  if (nu >= POS) throw new RangeError(`a match query has at most ${POS - 1} distinct words (got ${nu})`);
  let nTerms = 0;
  for (let u = 0; u < nu; u++) if (df[uTerm[u]!]! > 0) termKeys[nTerms++] = df[uTerm[u]!]! * POS + u;
  const keys = termKeys.subarray(0, nTerms).sort();
  const maxDf = Math.max(COMMON_MIN_DF, N * COMMON_FRACTION);
  let nUsed = 0;
  let budget = 0;
  for (let i = 0; i < nTerms; i++) {
    const t = uTerm[keys[i]! % POS]!;
    const L = postingCount(v, t);
    if (nUsed >= MIN_TERMS && (df[t]! > maxDf || budget + L > POSTING_BUDGET)) break;
    termList[nUsed++] = t;
    budget += L;
  }
  return selectCandidates(v, qn, termList, nUsed, opts.prefix === true ? prefixWindow(qn) : Infinity, opts);
}

/** The k best paragraphs for a query (see the file header); `tokens` non-empty, k > 0. */
export function querySearch(v: SearchView, tokens: Int32Array, k: number, opts: MatchQueryOptions): MatchHit[] {
  const cands = candidatesFor(v, tokens, opts);
  const qn = tokens.length;
  const { pq, weights } = v;
  const { q } = pq;
  const idfMax = Math.log(1 + (v.nAlive + 0.5) / 0.5);
  // Σ idf over the query's tokens (unknown tokens weigh as the rarest).
  let qW = 0;
  for (let i = 0; i < qn; i++) qW += q[i]! < 0 ? idfMax : weights[q[i]!]!;
  const prefix = opts.prefix === true;

  // Stage 2: exact re-ranking with pruning.
  const top = new TopK(k);
  const minScore = opts.minScore ?? 0;
  const { start, arena, len, ids } = v;
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
