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
 * touched slots to bound. What costs is the sweep's test on each slot: one comparison with a
 * cut that untouched and weak slots alike fail, so that it is well predicted (and no other branch:
 * the sweep and the scan of touched slots are separate loops, measured 0.5 ms faster at 1 M than
 * one loop asking on each slot which way it goes).
 *
 * Block-max skipping of the sweep (each block's largest accumulator kept while adding, blocks
 * visited best first, those below the cut skipped) was tried too: it skipped only a third of the
 * blocks at a million paragraphs and keeping the maxima cost more than it saved. What pays is
 * cache locality: a sweep adds and reads back one tile of slots at a time (TILE).
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
 * Slots per tile of a sweep: 32 KB of accumulators, which stay in a core's cache while every used
 * term adds to them and the tile is read back (term at a time over a million slots, the 4 MB of
 * accumulators were written in random order, then read again; measured 15–20 % of stage 1 at 1 M).
 */
export const TILE = 1 << 13;
/** Per used term of a sweep: its next posting in the shared stretch, then in its extra list. */
let cursor = new Int32Array(128);

/**
 * The best CANDIDATES slots for the prepared query, best first (rank descending, then slot), as a
 * view of a buffer reused by the next call. `terms[0 … nUsed)` are the used terms, rarest first;
 * `win` the opening window (Infinity outside suggestion mode). Leaves `v.acc` zeroed.
 */
export function selectCandidates(v: SearchView, qn: number, terms: Int32Array, nUsed: number, win: number, f: CandidateFilter): Int32Array {
  let budget = 0;
  for (let i = 0; i < nUsed; i++) budget += postingCount(v, terms[i]!);
  // Many postings touch a large share of the slots: then the accumulators are read back by a
  // sequential sweep, one tile of slots at a time right after the tile is accumulated
  // (accumulateTile), instead of through the list of touched slots (random reads of a few
  // megabytes at a million paragraphs), and that list is not kept. Each way is its own function,
  // so that V8 optimises each loop with the feedback of that way alone.
  const h = budget * SWEEP_SHARE > v.nSlots ? sweepTiles(v, qn, terms, nUsed, win, f) : scanTouched(v, qn, terms, nUsed, win, f);
  // Drain the heap (weakest first) into out, best candidate at index 0.
  for (let i = h - 1; i >= 0; i--) {
    out[i] = heapSlot[0]!;
    heapPop(heapScore, heapSlot, i + 1);
  }
  return out.subarray(0, h);
}

// Every touched slot ranks above 0 and the weakest held once the heap is full is the floor. As a
// slot's denominator is at least |q| + 1, one whose accumulator a is below floor·(|q| + 1) is out
// before its length is even read (most slots, and every untouched one: the cut starts at the
// smallest positive number). The cut is lowered a little for rounding: a tie may still enter.

/** The cut once the heap is full (see above). */
function cutOf(qn: number): number {
  return Math.max(Number.MIN_VALUE, heapScore[0]! * (qn + 1) * (1 - 2 ** -40));
}

/**
 * Offers slot s, whose accumulator a passed the cut, to the heap of h candidates; returns the new
 * size. Of two equal ranks the lower slot wins, so what the heap keeps does not depend on the order
 * of the offers.
 */
function offer(v: SearchView, s: number, a: number, qn: number, win: number, f: CandidateFilter, h: number): number {
  if (v.nAlive < v.nSlots && v.alive[s] === 0) return h;
  if (f.tag !== undefined && v.tags[s] !== f.tag) return h;
  const L = v.len[s]!;
  const c = a / (qn + (L < win ? L : win));
  if (h === CANDIDATES && (c < heapScore[0]! || (c === heapScore[0]! && s > heapSlot[0]!))) return h;
  if (f.filter && !f.filter(v.ids[s]!)) return h;
  if (h < CANDIDATES) heapPush(heapScore, heapSlot, h++, c, s);
  else heapReplaceTop(heapScore, heapSlot, h, c, s);
  return h;
}

/** Stage 1 by a sweep, tile by tile; returns the number of candidates in the heap. Leaves acc zeroed. */
function sweepTiles(v: SearchView, qn: number, terms: Int32Array, nUsed: number, win: number, f: CandidateFilter): number {
  const { acc, nSlots } = v;
  startTiles(v, terms, nUsed);
  let h = 0;
  let cut = Number.MIN_VALUE;
  for (let from = 0; from < nSlots; from += TILE) {
    const end = Math.min(nSlots, from + TILE);
    accumulateTile(v, terms, nUsed, end);
    for (let s = from; s < end; s++) {
      const a = acc[s]!;
      acc[s] = 0;
      if (a < cut) continue;
      h = offer(v, s, a, qn, win, f, h);
      if (h === CANDIDATES) cut = cutOf(qn);
    }
  }
  return h;
}

/** Stage 1 through the list of touched slots; returns the number of candidates in the heap. Leaves acc zeroed. */
function scanTouched(v: SearchView, qn: number, terms: Int32Array, nUsed: number, win: number, f: CandidateFilter): number {
  const { acc, touched, weights } = v;
  let nTouched = 0;
  for (let i = 0; i < nUsed; i++) nTouched = accumulate(v, terms[i]!, weights[terms[i]!]!, nTouched);
  let h = 0;
  let cut = Number.MIN_VALUE;
  for (let k = 0; k < nTouched; k++) {
    const s = touched[k]!;
    const a = acc[s]!;
    acc[s] = 0;
    if (a < cut) continue;
    h = offer(v, s, a, qn, win, f, h);
    if (h === CANDIDATES) cut = cutOf(qn);
  }
  return h;
}

/** Number of postings of term t (its shared stretch and its additions). */
export function postingCount(v: SearchView, t: number): number {
  return (t < v.nBase ? v.postOff[t + 1]! - v.postOff[t]! : 0) + v.extraLen[t]!;
}

/**
 * Adds w to the accumulator of every live slot of term t, records newly touched slots in
 * `touched` and returns their new count.
 */
function accumulate(v: SearchView, t: number, w: number, nTouched: number): number {
  const { acc, touched, alive } = v;
  const check = v.nAlive < v.nSlots;
  for (let part = 0; part < 2; part++) {
    const list = part === 0 ? v.postings : v.extra[t];
    if (list === undefined || (part === 0 && t >= v.nBase)) continue;
    const from = part === 0 ? v.postOff[t]! : 0;
    const to = part === 0 ? v.postOff[t + 1]! : v.extraLen[t]!;
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
 * Adds the weight of every used term to the accumulators of its slots (dead ones too: the sweep
 * skips them), one tile of slots at a time: every term's postings in the tile, term by term (so
 * each slot sums its weights in the same order as term at a time), while the tile's accumulators
 * stay cached (at a million paragraphs they are 4 MB, read in random order term at a time).
 * Posting lists are ascending, so each term's cursor only moves forward.
 */
/** Sets each used term's cursors to the start of its postings (before the first tile of a sweep). */
function startTiles(v: SearchView, terms: Int32Array, nUsed: number): void {
  if (cursor.length < 2 * nUsed) cursor = new Int32Array(4 * nUsed);
  for (let i = 0; i < nUsed; i++) {
    const t = terms[i]!;
    cursor[2 * i] = t < v.nBase ? v.postOff[t]! : 0;
    cursor[2 * i + 1] = 0;
  }
}

/**
 * Adds each used term's weight to the accumulators of its slots below `end` (dead ones too: the
 * sweep skips them) from where its cursors stand: one tile, term by term, so each slot sums its
 * weights in the same order as term at a time. Posting lists are ascending (the shared stretch,
 * then the slots added since), so the cursors only move forward.
 */
function accumulateTile(v: SearchView, terms: Int32Array, nUsed: number, end: number): void {
  const { acc, postings, postOff, extra, extraLen, nBase, weights } = v;
  const cur = cursor;
  for (let i = 0; i < nUsed; i++) {
    const t = terms[i]!;
    const w = weights[t]!;
    if (t < nBase) {
      let p = cur[2 * i]!;
      const to = postOff[t + 1]!;
      for (; p < to; p++) {
        const s = postings[p]!;
        if (s >= end) break;
        acc[s] += w;
      }
      cur[2 * i] = p;
    }
    const ex = t < extra.length ? extra[t] : undefined;
    if (ex !== undefined) {
      let p = cur[2 * i + 1]!;
      const to = extraLen[t]!;
      for (; p < to; p++) {
        const s = ex[p]!;
        if (s >= end) break;
        acc[s] += w;
      }
      cur[2 * i + 1] = p;
    }
  }
}
