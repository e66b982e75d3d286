/**
 * Stage 1 of the matcher's query (match-search.ts): the CANDIDATES paragraphs (slots) with the
 * best rank c = A / (|q| + min(|p|, win)), where A is the idf weight of the used query terms the
 * paragraph contains, summed term at a time into a reused Float32 accumulator (rarest term
 * first), and win the opening window (suggestion mode) or ∞. Ties in c go to the lower slot, so
 * the set is a function of the index and the query alone, not of the order the slots are read in
 * (before, a tie at the last place went to the slot met first).
 *
 * MaxScore-style skipping of the common terms' postings was tried here and measured not to pay:
 * the bound it needs, the CANDIDATES-th best rank, is low (256 candidates), so at a million
 * paragraphs the remaining terms could be dropped only after about 28 of 36, and most queries
 * touch so many slots that their accumulators are read back by a sweep, which leaves no list of
 * touched slots to bound. What costs is the sweep's branch on each slot: it is one comparison
 * with a cut that untouched and weak slots alike fail, so that it is well predicted.
 */
import { heapPop, heapPush, heapReplaceTop } from './match-rank.js';
import type { SearchView } from './match-search.js';

/** How many candidates from stage 1 are re-ranked exactly. */
export const CANDIDATES = 256;
/** Sweep all accumulators when the postings to visit exceed 1/SWEEP_SHARE of the slots. */
const SWEEP_SHARE = 4;

/** Filters of the candidates (MatchQueryOptions' filter and tag). */
export interface CandidateFilter {
  filter?: ((id: number) => boolean) | undefined;
  tag?: number | undefined;
}

// Scratch reused across queries (a query allocates nothing proportional to the library).
const heapScore = new Float64Array(CANDIDATES);
const heapSlot = new Int32Array(CANDIDATES);
const out = new Int32Array(CANDIDATES);

/**
 * The best CANDIDATES slots for the prepared query, best first (rank descending, then slot), as a
 * view of a buffer reused by the next call. `terms[0 … nUsed)` are the used terms, rarest first;
 * `win` the opening window (Infinity outside suggestion mode). Leaves `v.acc` zeroed.
 */
export function selectCandidates(v: SearchView, qn: number, terms: Int32Array, nUsed: number, win: number, f: CandidateFilter): Int32Array {
  const { acc, touched, len, ids, tags, alive, weights } = v;
  const { filter, tag } = f;
  let budget = 0;
  for (let i = 0; i < nUsed; i++) budget += postingCount(v, terms[i]!);
  // Many postings touch a large share of the slots: then the accumulators are read back by one
  // sequential sweep (cache-friendly) instead of through the list of touched slots (random reads
  // of a few megabytes at a million paragraphs), and that list is not kept.
  const sweep = budget * SWEEP_SHARE > v.nSlots;
  let nTouched = 0;
  for (let i = 0; i < nUsed; i++) nTouched = accumulate(v, terms[i]!, weights[terms[i]!]!, nTouched, sweep);

  let h = 0;
  // Every touched slot ranks above 0 and the weakest held once the heap is full is the floor.
  // As a slot's denominator is at least |q| + 1, one whose a is below floor·(|q| + 1) is out
  // before its length is even read (most slots, and every untouched one: the cut starts at the
  // smallest positive number). The cut is lowered a little for rounding: a tie may still enter.
  let cut = Number.MIN_VALUE;
  const q1 = qn + 1;
  const check = v.nAlive < v.nSlots;
  const end = sweep ? v.nSlots : nTouched;
  for (let k = 0; k < end; k++) {
    const s = sweep ? k : touched[k]!;
    const a = acc[s]!;
    acc[s] = 0;
    if (a < cut) continue;
    if (check && alive[s] === 0) continue;
    if (tag !== undefined && tags[s] !== tag) continue;
    const L = len[s]!;
    const c = a / (qn + (L < win ? L : win));
    if (h === CANDIDATES && (c < heapScore[0]! || (c === heapScore[0]! && s > heapSlot[0]!))) continue;
    if (filter && !filter(ids[s]!)) continue;
    if (h < CANDIDATES) heapPush(heapScore, heapSlot, h++, c, s);
    else heapReplaceTop(heapScore, heapSlot, h, c, s);
    if (h === CANDIDATES) cut = Math.max(Number.MIN_VALUE, heapScore[0]! * q1 * (1 - 2 ** -40));
  }
  // Drain the heap (weakest first) into out, best candidate at index 0.
  for (let i = h - 1; i >= 0; i--) {
    out[i] = heapSlot[0]!;
    heapPop(heapScore, heapSlot, i + 1);
  }
  return out.subarray(0, h);
}

/** Number of postings of term t (its shared stretch and its additions). */
export function postingCount(v: SearchView, t: number): number {
  return (t < v.nBase ? v.postOff[t + 1]! - v.postOff[t]! : 0) + v.extraLen[t]!;
}

/**
 * Adds w to the accumulator of every live slot of term t; unless `sweep`, records newly touched
 * slots in `touched` and returns their new count (in a sweep dead slots are skipped later).
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
