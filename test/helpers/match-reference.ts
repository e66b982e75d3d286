// The matcher's query without any pruning or skipping, as a reference for tests: stage 1
// accumulates every used term into a Float32Array over every slot and sorts all touched slots by
// rank (ties to the lower slot); stage 2 scores every candidate with textbook edit distances and
// sorts (ties to the smaller id). This is the algorithm of match-search.ts before MaxScore
// skipping (commit 8d7e959, which broke ties at the CANDIDATES-th rank by visiting order), with
// the same floating-point operations in the same order, so scores must be identical, not close.
import { CANDIDATES, ED_WEIGHT, prefixWindow, type MatchHit, type MatchIndex, type MatchQueryOptions } from '../../src/main/services/matcher.js';
import type { SearchView } from '../../src/main/services/match-search.js';

// The candidate generation's constants (match-search.ts).
const COMMON_FRACTION = 0.05;
const COMMON_MIN_DF = 256;
const MIN_TERMS = 3;
const POSTING_BUDGET = 400_000;

/** The index's arrays (MatchIndex.view is private: the reference reads what the search reads). */
const viewOf = (index: MatchIndex): SearchView => (index as unknown as { view(): SearchView }).view();

/** Edit distance of a to b (global), of a to the best prefix of b, or of a to the best stretch of b. */
export function alignDistance(a: ArrayLike<number>, b: ArrayLike<number>, mode: 'global' | 'prefix' | 'infix'): number {
  // Rows: tokens of a; columns: tokens of b. Row 0 is free in infix mode.
  let prev = Array.from({ length: b.length + 1 }, (_, j) => (mode === 'infix' ? 0 : j));
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  // The empty prefix or stretch (column 0) counts too.
  return mode === 'global' ? prev[b.length]! : Math.min(...prev);
}

/** The slots stage 1 must pick, best first: every touched slot ranked, ties to the lower slot. */
export function referenceCandidates(index: MatchIndex, tokens: Int32Array, opts: MatchQueryOptions = {}): number[] {
  const v = viewOf(index);
  const qn = tokens.length;
  const N = v.nAlive;
  const q = Array.from(tokens, (x) => (x >= 0 && x < v.termOf.length ? v.termOf[x]! - 1 : -1));
  const distinct: number[] = [];
  for (const t of q) if (t >= 0 && !distinct.includes(t)) distinct.push(t);
  const holds = Array.from({ length: v.nSlots }, (_, s) => (v.alive[s] ? new Set(termsOf(v, s)) : new Set<number>()));
  const count = (t: number) => holds.filter((h) => h.has(t)).length;
  const df = new Map(distinct.map((t) => [t, count(t)]));
  const postings = (t: number) => (t < v.nBase ? v.postOff[t + 1]! - v.postOff[t]! : 0) + v.extraLen[t]!;
  const terms = distinct.filter((t) => df.get(t)! > 0).sort((x, y) => df.get(x)! - df.get(y)!);
  const maxDf = Math.max(COMMON_MIN_DF, N * COMMON_FRACTION);
  const used: number[] = [];
  let budget = 0;
  for (const t of terms) {
    if (used.length >= MIN_TERMS && (df.get(t)! > maxDf || budget + postings(t) > POSTING_BUDGET)) break;
    used.push(t);
    budget += postings(t);
  }
  const acc = new Float32Array(v.nSlots);
  for (const t of used) {
    const w = v.weights[t]!;
    for (let s = 0; s < v.nSlots; s++) if (holds[s]!.has(t)) acc[s] += w;
  }
  const win = opts.prefix ? prefixWindow(qn) : Infinity;
  const ranked: { s: number; c: number }[] = [];
  for (let s = 0; s < v.nSlots; s++) {
    if (acc[s] === 0 || (opts.tag !== undefined && v.tags[s] !== opts.tag)) continue;
    if (opts.filter && !opts.filter(v.ids[s]!)) continue;
    ranked.push({ s, c: acc[s]! / (qn + Math.min(v.len[s]!, win)) });
  }
  ranked.sort((x, y) => y.c - x.c || x.s - y.s);
  return ranked.slice(0, CANDIDATES).map((x) => x.s);
}

/** MatchIndex.query's answer computed without pruning (see the file header). */
export function referenceQuery(index: MatchIndex, tokens: Int32Array, k: number, opts: MatchQueryOptions = {}): MatchHit[] {
  if (tokens.length === 0 || k <= 0 || index.size === 0) return [];
  const v = viewOf(index);
  const qn = tokens.length;
  const q = Array.from(tokens, (x) => (x >= 0 && x < v.termOf.length ? v.termOf[x]! - 1 : -1));
  // Unknown tokens are distinct mismatches, each weighing as the rarest term.
  const unknown = new Map<number, number>();
  const qa = q.map((t, i) => (t >= 0 ? t : -1 - (unknown.get(tokens[i]!) ?? unknown.set(tokens[i]!, unknown.size).get(tokens[i]!)!)));
  const idfMax = Math.log(1 + (v.nAlive + 0.5) / 0.5);
  let qW = 0;
  for (const t of q) qW += t < 0 ? idfMax : v.weights[t]!;
  const qCount = new Map<number, number>();
  for (const t of q) if (t >= 0) qCount.set(t, (qCount.get(t) ?? 0) + 1);
  // The bag overlap of tokens p with the query, summed in p's order as PreparedQuery.overlap does.
  const bag = (p: number[]) => {
    const used = new Map<number, number>();
    let interW = 0;
    let docW = 0;
    for (const t of p) {
      const x = v.weights[t]!;
      docW += x;
      if ((used.get(t) ?? 0) < (qCount.get(t) ?? 0)) {
        used.set(t, (used.get(t) ?? 0) + 1);
        interW += x;
      }
    }
    return (2 * interW) / (qW + docW);
  };
  const minScore = opts.minScore ?? 0;
  const hits: MatchHit[] = [];
  for (const s of referenceCandidates(index, tokens, opts)) {
    const p = termsOf(v, s);
    let score: number;
    if (opts.prefix) {
      const pre = ED_WEIGHT * (1 - alignDistance(qa, p.slice(0, prefixWindow(qn)), 'prefix') / qn) + (1 - ED_WEIGHT) * bag(p.slice(0, qn));
      score = Math.max(pre, 0.9 * (1 - alignDistance(qa, p, 'infix') / qn));
    } else {
      const M = Math.max(qn, p.length);
      score = ED_WEIGHT * (1 - alignDistance(qa, p, 'global') / M) + (1 - ED_WEIGHT) * bag(p);
    }
    if (score >= minScore && score > 0) hits.push({ id: v.ids[s]!, score: Math.min(1, score) });
  }
  return hits.sort((x, y) => y.score - x.score || x.id - y.id).slice(0, k);
}

/** Slot s's internal terms. */
function termsOf(v: SearchView, s: number): number[] {
  return Array.from(v.arena.subarray(v.start[s]!, v.start[s]! + v.len[s]!));
}
