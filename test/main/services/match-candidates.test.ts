// The matcher's query (stage 1 in match-candidates.ts, stage 2 in match-search.ts) against the
// same algorithm without any pruning, sweep or reuse (test/helpers/match-reference.ts): the same
// candidates and exactly the same hits (ids and scores, not close ones) over random libraries of
// near-copies, exact copies (ties) and noise, random queries, options and removals.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MatchIndex, type MatchQueryOptions } from '../../../src/main/services/matcher.js';
import { candidatesFor, type SearchView } from '../../../src/main/services/match-search.js';
import { TILE } from '../../../src/main/services/match-candidates.js';
import { referenceCandidates, referenceQuery } from '../../helpers/match-reference.js';
import { rng } from '../../helpers/perturb.js';

const viewOf = (index: MatchIndex): SearchView => (index as unknown as { view(): SearchView }).view();

/** A token of a Zipf-like vocabulary of 1,500 ids: a few very common, most rare. */
const zipf = (r: () => number) => Math.floor(1500 * r() ** 3);

/** A copy of `base` with a share `p` of its tokens replaced, and sometimes cut or extended. */
function copyOf(base: number[], p: number, r: () => number): number[] {
  const out = base.map((t) => (r() < p ? zipf(r) : t));
  const x = r();
  if (x < 0.15) return out.slice(0, Math.max(1, Math.floor(out.length * (0.5 + r() / 2))));
  if (x < 0.3) return [...out, ...Array.from({ length: 1 + Math.floor(r() * 30) }, () => zipf(r))];
  return out;
}

interface Case {
  seed: number;
  copies: number;
  noise: number;
  baseLen: number;
  removeShare: number;
  readd: boolean;
  query: 'copy' | 'opening' | 'random';
  k: number;
  prefix: boolean;
  tag: boolean;
  minScore: number;
}

/** The library and query of a case: near-copies of one paragraph among noise, ids increasing or not. */
function build(c: Case): { index: MatchIndex; q: Int32Array; opts: MatchQueryOptions } {
  const r = rng(c.seed);
  const base = Array.from({ length: c.baseLen }, () => zipf(r));
  const paragraphs: number[][] = [];
  for (let i = 0; i < c.copies; i++) paragraphs.push(r() < 0.1 && paragraphs.length ? paragraphs[paragraphs.length - 1]! : copyOf(base, r() * 0.6, r));
  for (let i = 0; i < c.noise; i++) paragraphs.push(Array.from({ length: 1 + Math.floor(r() * 60) }, () => zipf(r)));
  // Shuffled, so that the near-copies are spread over the slots.
  for (let i = paragraphs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [paragraphs[i], paragraphs[j]] = [paragraphs[j]!, paragraphs[i]!];
  }
  const index = new MatchIndex();
  paragraphs.forEach((p, i) => index.add(i + 1, Int32Array.from(p), i % 3));
  for (let id = 1; id <= paragraphs.length; id++) if (r() < c.removeShare) index.remove(id);
  if (c.readd) for (let id = 1; id <= paragraphs.length; id += 7) index.add(id, Int32Array.from(paragraphs[id - 1]!), id % 3);
  let q: number[];
  if (c.query === 'random') q = Array.from({ length: 1 + Math.floor(r() * 80) }, () => zipf(r));
  else q = copyOf(base, r() * 0.3, r);
  if (c.query === 'opening') q = q.slice(0, 1 + Math.floor(r() * 20));
  // Now and then a word the library has never seen.
  if (r() < 0.3) q[Math.floor(r() * q.length)] = 90_000 + Math.floor(r() * 5);
  const opts: MatchQueryOptions = { prefix: c.prefix, minScore: c.minScore };
  if (c.tag) opts.tag = 1;
  return { index, q: Int32Array.from(q), opts };
}

const cases = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  copies: fc.integer({ min: 50, max: 700 }),
  noise: fc.integer({ min: 0, max: 1500 }),
  baseLen: fc.integer({ min: 3, max: 110 }),
  removeShare: fc.constantFrom(0, 0, 0.05, 0.3),
  readd: fc.boolean(),
  query: fc.constantFrom('copy' as const, 'copy' as const, 'opening' as const, 'random' as const),
  k: fc.integer({ min: 1, max: 40 }),
  prefix: fc.boolean(),
  tag: fc.boolean(),
  minScore: fc.constantFrom(0, 0.2, 0.5),
});

describe('MatchIndex.query against the unpruned reference', () => {
  it('picks exactly the candidates and hits of the reference (property)', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const { index, q, opts } = build(c);
        expect(Array.from(candidatesFor(viewOf(index), q, opts))).toEqual(referenceCandidates(index, q, opts));
        expect(index.query(q, c.k, opts)).toEqual(referenceQuery(index, q, c.k, opts));
      }),
      { numRuns: 30, seed: 20_261_207 },
    );
  });

  it('keeps the lower slots among candidates tied at the last place, whatever order they are met in', () => {
    // 600 identical paragraphs: every one ranks the same, the first CANDIDATES slots are taken.
    const index = new MatchIndex();
    const p = Int32Array.from({ length: 30 }, (_, i) => i);
    for (let id = 1; id <= 600; id++) index.add(id, p);
    const got = Array.from(candidatesFor(viewOf(index), p, {}));
    expect(got).toEqual(Array.from({ length: 256 }, (_, s) => s));
    expect(index.query(p, 3)).toEqual([1, 2, 3].map((id) => ({ id, score: 1 })));
  });

  it('sweeps a library of several tiles as the reference does: loaded, added, removed, tagged', () => {
    // A sweep adds and reads back one tile of slots at a time; the near-copies of the query are
    // spread over three tiles and beyond, in the shared posting stretch (load) and in the lists
    // of paragraphs added since (add), with removed slots among them.
    for (const [seed, mode] of [
      [11, 'load'],
      [12, 'add'],
      [13, 'load'],
    ] as const) {
      const r = rng(seed);
      const base = Array.from({ length: 60 }, () => zipf(r));
      const n = 3 * TILE + 777;
      const paragraphs = Array.from({ length: n }, () => (r() < 0.01 ? copyOf(base, r() * 0.5, r) : Array.from({ length: 1 + Math.floor(r() * 12) }, () => zipf(r))));
      // Copies of the opening stand on both sides of every tile boundary.
      const edges = [1, 2, 3].flatMap((k) => [k * TILE - 1, k * TILE]);
      for (const e of edges) paragraphs[e] = base.slice(0, 40);
      const index = new MatchIndex();
      const later = mode === 'load' ? n - 300 : 0;
      if (mode === 'load') {
        const tokens = Int32Array.from(paragraphs.slice(0, later).flat());
        const lens = Int32Array.from(paragraphs.slice(0, later), (p) => p.length);
        index.load([{ ids: Int32Array.from({ length: later }, (_, i) => i + 1), lens, kinds: Uint8Array.from({ length: later }, (_, i) => i % 3), tokens }]);
      }
      for (let i = later; i < n; i++) index.add(i + 1, Int32Array.from(paragraphs[i]!), i % 3);
      for (let id = 5; id <= n; id += 97) if (!edges.includes(id - 1)) index.remove(id);
      const q = Int32Array.from(copyOf(base, 0.2, r));
      const v = viewOf(index);
      const distinct = [...new Set(Array.from(q, (x) => (x < v.termOf.length ? v.termOf[x]! - 1 : -1)))].filter((t) => t >= 0);
      const postings = distinct.map((t) => v.df[t]!).filter((df) => df <= Math.max(256, 0.05 * index.size));
      // The query visits more than a quarter of the slots' worth of postings: a sweep.
      expect(postings.reduce((a, b) => a + b, 0) * 4).toBeGreaterThan(n);
      for (const opts of [{}, { tag: 1 }, { prefix: true }] as MatchQueryOptions[]) {
        expect(Array.from(candidatesFor(viewOf(index), q, opts))).toEqual(referenceCandidates(index, q, opts));
        expect(index.query(q, 10, opts)).toEqual(referenceQuery(index, q, 10, opts));
      }
      expect(Array.from(candidatesFor(viewOf(index), q, {})).filter((s) => edges.includes(s)).sort((a, b) => a - b)).toEqual(edges);
    }
  });
});
