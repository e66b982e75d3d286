// Agreed-language matcher: index maintenance, exactness of the re-ranking and of the exhaustive
// baseline against brute force, and retrieval quality on the real corpus (~15,700 operative
// paragraphs) for exact, edited, re-dated, reordered and unfinished queries.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ED_WEIGHT, MatchIndex, type MatchHit } from '../../../src/main/services/matcher.js';
import { matchTokens } from '../../../src/shared/text/tokens.js';
import { changeNumbers, clauses, editWords, hasNumber, isClean, operativeParagraphs, rng, swapClauses, truncateWords, Vocabulary, wordsOf } from '../../helpers/perturb.js';

const ids = (hits: MatchHit[]) => hits.map((h) => h.id);
const i32 = (a: number[]) => new Int32Array(a);

/** Levenshtein distance by the textbook table. */
function levenshtein(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

const edSim = (a: ArrayLike<number>, b: ArrayLike<number>) => 1 - levenshtein(a, b) / Math.max(a.length, b.length, 1);

/** The documented score, computed naively over a whole collection. */
function bruteScores(docs: Map<number, Int32Array>, q: Int32Array): { id: number; score: number; ed: number }[] {
  const N = docs.size;
  const df = new Map<number, number>();
  for (const d of docs.values()) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: number) => {
    const f = df.get(t) ?? 0;
    return Math.log(1 + (N - f + 0.5) / (f + 0.5));
  };
  const count = (a: Int32Array) => {
    const c = new Map<number, number>();
    for (const t of a) c.set(t, (c.get(t) ?? 0) + 1);
    return c;
  };
  const qc = count(q);
  const qW = [...q].reduce((s, t) => s + idf(t), 0);
  return [...docs].map(([id, d]) => {
    const dc = count(d);
    let inter = 0;
    for (const [t, n] of qc) inter += idf(t) * Math.min(n, dc.get(t) ?? 0);
    const dW = [...d].reduce((s, t) => s + idf(t), 0);
    const bag = (2 * inter) / (qW + dW);
    const ed = edSim(q, d);
    return { id, score: ED_WEIGHT * ed + (1 - ED_WEIGHT) * bag, ed };
  });
}

/** Expects hits to be the best of `expected` (sorted by score), tolerating reordering among ties. */
function expectSameRanking(hits: MatchHit[], expected: { id: number; score: number }[], k: number) {
  const best = [...expected].sort((x, y) => y.score - x.score || x.id - y.id).filter((e) => e.score > 0).slice(0, k);
  expect(hits.map((h) => h.score)).toHaveLength(best.length);
  hits.forEach((h, i) => {
    expect(h.score).toBeCloseTo(best[i]!.score, 9);
    const mine = expected.find((e) => e.id === h.id)!;
    expect(mine.score).toBeCloseTo(h.score, 9);
  });
}

describe('MatchIndex basics', () => {
  it('an empty index, an empty query or k = 0 give nothing', () => {
    const index = new MatchIndex();
    expect(index.size).toBe(0);
    expect(index.query(i32([1, 2, 3]), 5)).toEqual([]);
    expect(index.exhaustive(i32([1, 2, 3]), 5)).toEqual([]);
    index.add(1, i32([1, 2, 3]));
    expect(index.query(i32([]), 5)).toEqual([]);
    expect(index.query(i32([1, 2, 3]), 0)).toEqual([]);
    expect(index.exhaustive(i32([]), 5)).toEqual([]);
  });

  it('finds an identical paragraph with score 1, best first, scores in [0, 1]', () => {
    const index = new MatchIndex();
    index.add(10, i32([1, 2, 3, 4, 5, 6]));
    index.add(11, i32([1, 2, 3, 4, 5, 7]));
    index.add(12, i32([9, 8, 6]));
    index.add(13, i32([6, 5, 4, 3, 2, 1]));
    index.add(14, i32([20, 21, 22]));
    const hits = index.query(i32([1, 2, 3, 4, 5, 6]), 10);
    expect(hits[0]).toEqual({ id: 10, score: 1 });
    expect(ids(hits)).toEqual([10, 11, 13, 12]);
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
    for (const h of hits) expect(h.score).toBeGreaterThan(0);
    for (const h of hits) expect(h.score).toBeLessThanOrEqual(1);
    // Nothing in common (14): not a hit. Reordered (13) beats barely related (12) thanks to the bag.
    expect(hits.find((h) => h.id === 13)!.score).toBeCloseTo(0.5, 9);
    expect(hits.find((h) => h.id === 12)!.score).toBeLessThan(0.5);
    expect(index.query(i32([1, 2, 3, 4, 5, 6]), 2)).toHaveLength(2);
  });

  it('re-adding an id replaces it; remove drops it; unknown ids are ignored', () => {
    const index = new MatchIndex();
    index.add(1, i32([1, 2, 3]));
    index.add(2, i32([4, 5, 6]));
    index.add(1, i32([7, 8, 9]));
    expect(index.size).toBe(2);
    expect(index.query(i32([1, 2, 3]), 5)).toEqual([]);
    expect(index.query(i32([7, 8, 9]), 5)[0]).toEqual({ id: 1, score: 1 });
    index.remove(1);
    index.remove(99);
    expect(index.size).toBe(1);
    expect(index.query(i32([7, 8, 9]), 5)).toEqual([]);
    expect(index.exhaustive(i32([7, 8, 9]), 5).map((h) => h.id)).toEqual([2]);
  });

  it('query tokens unknown to the index count as mismatches', () => {
    const index = new MatchIndex();
    index.add(1, i32([1, 2, 3, 4]));
    expect(index.query(i32([100, 101]), 5)).toEqual([]);
    const [hit] = index.query(i32([1, 2, 3, 100]), 5);
    expect(hit!.id).toBe(1);
    expect(hit!.score).toBeGreaterThan(0.5);
    expect(hit!.score).toBeLessThan(1);
  });

  it('ties are broken by id; filter and minScore restrict the hits', () => {
    const index = new MatchIndex();
    for (const id of [5, 3, 9, 7]) index.add(id, i32([1, 2, 3, 4]));
    index.add(20, i32([1, 2, 3, 40]));
    expect(ids(index.query(i32([1, 2, 3, 4]), 3))).toEqual([3, 5, 7]);
    expect(ids(index.query(i32([1, 2, 3, 4]), 10, { filter: (id) => id > 6 }))).toEqual([7, 9, 20]);
    expect(ids(index.query(i32([1, 2, 3, 4]), 10, { minScore: 0.99 }))).toEqual([3, 5, 7, 9]);
    expect(ids(index.exhaustive(i32([1, 2, 3, 4]), 2))).toEqual([3, 5]);
  });

  it('stays correct through many removals (compaction) and re-additions', () => {
    const r = rng(11);
    const index = new MatchIndex();
    const docs = new Map<number, Int32Array>();
    for (let id = 0; id < 3000; id++) {
      const d = i32(Array.from({ length: 5 + Math.floor(r() * 20) }, () => Math.floor(r() * 500)));
      docs.set(id, d);
      index.add(id, d);
    }
    for (let id = 0; id < 3000; id++) {
      if (id % 5 !== 0) {
        index.remove(id);
        docs.delete(id);
      }
    }
    for (let id = 3000; id < 3100; id++) {
      const d = i32(Array.from({ length: 5 + Math.floor(r() * 20) }, () => Math.floor(r() * 500)));
      docs.set(id, d);
      index.add(id, d);
    }
    expect(index.size).toBe(docs.size);
    for (const id of [0, 5, 2995, 3050, 3099]) {
      const hits = index.query(docs.get(id)!, 3);
      expect(hits[0]!.score).toBe(1);
      expect(docs.get(hits[0]!.id)).toEqual(docs.get(id));
      for (const h of hits) expect(docs.has(h.id)).toBe(true);
      const ex = index.exhaustive(docs.get(id)!, 3);
      for (const h of ex) expect(docs.has(h.id)).toBe(true);
    }
  });

  it('query() is exactly the documented score when every paragraph can be a candidate (random small index)', () => {
    const r = rng(12);
    for (let round = 0; round < 20; round++) {
      const index = new MatchIndex();
      const docs = new Map<number, Int32Array>();
      for (let id = 1; id <= 150; id++) {
        // Up to 110 tokens: the bit-parallel edit distance works in blocks of 32.
        const d = i32(Array.from({ length: 3 + Math.floor(r() * (round < 10 ? 30 : 110)) }, () => Math.floor(r() * 60)));
        docs.set(id, d);
        index.add(id, d);
      }
      const base = docs.get(1 + Math.floor(r() * 150))!;
      const q = i32([...base].map((t) => (r() < 0.2 ? Math.floor(r() * 70) : t)));
      expectSameRanking(index.query(q, 8), bruteScores(docs, q), 8);
    }
  });

  it('is exact whether the candidates are read through the touched slots or by a sweep, with removed paragraphs', () => {
    // The same relevant paragraphs alone (their postings cover most slots: a sweep) and among
    // 20,000 unrelated three-token paragraphs (few slots touched: the touched list).
    const r = rng(21);
    for (let round = 0; round < 4; round++) {
      const docs = new Map<number, Int32Array>();
      for (let id = 1; id <= 150; id++) docs.set(id, i32(Array.from({ length: 3 + Math.floor(r() * 60) }, () => Math.floor(r() * 60))));
      const gone = [3, 50, 97].map((x) => x + round);
      const alone = new MatchIndex();
      const among = new MatchIndex();
      for (const [id, d] of docs) {
        alone.add(id, d);
        among.add(id, d);
      }
      for (let id = 1000; id < 21_000; id++) among.add(id, i32([1000 + (id % 4000), 5000 + (id % 3000), 9000 + (id % 7)]));
      for (const id of gone) {
        alone.remove(id);
        among.remove(id);
        docs.delete(id);
      }
      const base = docs.get([...docs.keys()][Math.floor(r() * docs.size)]!)!;
      const q = i32([...base].map((t) => (r() < 0.2 ? Math.floor(r() * 70) : t)));
      // Brute force over the relevant paragraphs; the unrelated ones have no word in common (score 0).
      const alive = new Map(docs);
      for (let id = 1000; id < 21_000; id++) alive.set(id, i32([1000 + (id % 4000), 5000 + (id % 3000), 9000 + (id % 7)]));
      expectSameRanking(alone.query(q, 8), bruteScores(docs, q), 8);
      expectSameRanking(among.query(q, 8), bruteScores(alive, q), 8);
    }
  });

  it('exhaustive() is exactly the best pure edit-distance similarity (random index, against brute force)', () => {
    const r = rng(13);
    for (let round = 0; round < 20; round++) {
      const index = new MatchIndex();
      const docs = new Map<number, Int32Array>();
      for (let id = 1; id <= 300; id++) {
        const d = i32(Array.from({ length: 1 + Math.floor(r() * (round < 10 ? 40 : 100)) }, () => Math.floor(r() * 30)));
        docs.set(id, d);
        index.add(id, d);
      }
      const q = i32(Array.from({ length: 1 + Math.floor(r() * (round < 10 ? 40 : 100)) }, () => Math.floor(r() * 35)));
      const expected = [...docs].map(([id, d]) => ({ id, score: edSim(q, d) }));
      expectSameRanking(index.exhaustive(q, 6), expected, 6);
    }
  });
});

describe('MatchIndex on the corpus (operative paragraphs of A/RES/78 and 79)', () => {
  const SAMPLES = 100;
  type Kind = 'exact' | 'edits' | 'number' | 'swap' | 'truncated';
  let paragraphs: string[] = [];
  let tokens: Int32Array[] = [];
  const results: Record<Kind, { top1: number; top5: number; n: number }> = {
    exact: { top1: 0, top5: 0, n: 0 },
    edits: { top1: 0, top5: 0, n: 0 },
    number: { top1: 0, top5: 0, n: 0 },
    swap: { top1: 0, top5: 0, n: 0 },
    truncated: { top1: 0, top5: 0, n: 0 },
  };
  let edBestInTop5 = 0;
  let queries = 0;
  const queryMs: number[] = [];
  const longQueryMs: number[] = [];
  let index: MatchIndex;
  let buildMs = 0;

  beforeAll(() => {
    paragraphs = operativeParagraphs();
    const vocab = new Vocabulary();
    const t0 = performance.now();
    tokens = paragraphs.map((p) => vocab.encode(matchTokens(p)));
    index = new MatchIndex();
    tokens.forEach((t, i) => index.add(i, t));
    buildMs = performance.now() - t0;

    const r = rng(2024);
    const words = wordsOf(paragraphs);
    const key = (t: Int32Array) => t.join(',');
    const pool = paragraphs.map((_, i) => i).filter((i) => isClean(paragraphs[i]!) && tokens[i]!.length >= 10 && tokens[i]!.length <= 200);
    const perturb: Record<Kind, { from: number[]; make: (p: string) => string }> = {
      exact: { from: pool, make: (p) => p },
      edits: { from: pool, make: (p) => editWords(p, 3 + Math.floor(r() * 3), r, words) },
      number: { from: pool.filter((i) => hasNumber(paragraphs[i]!)), make: (p) => changeNumbers(p, r) },
      swap: { from: pool.filter((i) => clauses(paragraphs[i]!).length >= 2), make: (p) => swapClauses(p, r) },
      truncated: { from: pool, make: (p) => truncateWords(p, 0.7) },
    };
    for (const [kind, { from, make }] of Object.entries(perturb) as [Kind, (typeof perturb)[Kind]][]) {
      for (let s = 0; s < SAMPLES; s++) {
        const src = from[Math.floor(r() * from.length)]!;
        const q = vocab.encode(matchTokens(make(paragraphs[src]!)));
        const t = performance.now();
        const hits = index.query(q, 5);
        const ms = performance.now() - t;
        queryMs.push(ms);
        if (q.length >= 80) longQueryMs.push(ms);
        // The source, or a paragraph with the very same tokens (the corpus repeats itself).
        const isSource = (h: MatchHit) => h.id === src || key(tokens[h.id]!) === key(tokens[src]!);
        const res = results[kind];
        res.n++;
        if (hits[0] && isSource(hits[0])) res.top1++;
        if (hits.some(isSource)) res.top5++;
        // The exhaustive ED-best (any of them, when tied) among the matcher's top 5.
        const best = index.exhaustive(q, 1)[0]!;
        queries++;
        if (hits.some((h) => h.id === best.id || edSim(q, tokens[h.id]!) >= best.score - 1e-9)) edBestInTop5++;
      }
    }
    const pct = (x: number, n: number) => `${((100 * x) / n).toFixed(1)} %`;
    console.log(
      `matcher on ${index.size} paragraphs (built in ${buildMs.toFixed(0)} ms):\n` +
        Object.entries(results)
          .map(([k, v]) => `  ${k.padEnd(9)} top-1 ${pct(v.top1, v.n)}, top-5 ${pct(v.top5, v.n)}`)
          .join('\n') +
        `\n  exhaustive ED-best in top 5: ${pct(edBestInTop5, queries)} of ${queries} queries`,
    );
  }, 60_000);

  it('(a) exact, (b) 3–5 word edits and (c) changed numbers: the source is the top hit in ≥ 95 %', () => {
    for (const kind of ['exact', 'edits', 'number'] as const) {
      expect(results[kind].n, kind).toBe(SAMPLES);
      expect(results[kind].top1 / results[kind].n, kind).toBeGreaterThanOrEqual(0.95);
    }
    expect(results.exact.top1).toBe(SAMPLES);
    expect(results.number.top1).toBe(SAMPLES);
  });

  it('(d) two clauses swapped and (e) the first 70 %: the source is in the top 5 in ≥ 90 %', () => {
    for (const kind of ['swap', 'truncated'] as const) {
      expect(results[kind].n, kind).toBe(SAMPLES);
      expect(results[kind].top5 / results[kind].n, kind).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('the exhaustive edit-distance best is in the top 5 in ≥ 95 % of queries', () => {
    expect(queries).toBe(5 * SAMPLES);
    expect(edBestInTop5 / queries).toBeGreaterThanOrEqual(0.95);
  });

  it('query time (logged, not asserted)', () => {
    const q = (a: number[], p: number) => [...a].sort((x, y) => x - y)[Math.max(0, Math.ceil(p * a.length) - 1)] ?? NaN;
    console.log(
      `query() on ${index.size} paragraphs: p50 ${q(queryMs, 0.5).toFixed(2)} ms, p95 ${q(queryMs, 0.95).toFixed(2)} ms` +
        ` (${longQueryMs.length} queries of ≥ 80 tokens: p50 ${q(longQueryMs, 0.5).toFixed(2)} ms, p95 ${q(longQueryMs, 0.95).toFixed(2)} ms)`,
    );
    expect(queryMs).toHaveLength(5 * SAMPLES);
  });
});

describe('bulk load, tags and suggestion mode', () => {
  const para = (words: string) => i32(words.split(' ').map((w) => w.charCodeAt(0) * 100 + w.length));

  it('load() gives the same answers as add() one by one (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 30 }), fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 8 }), (docs, q) => {
        const a = new MatchIndex();
        docs.forEach((d, i) => a.add(i + 1, i32(d), i % 3));
        const b = new MatchIndex();
        b.load([{ ids: i32(docs.map((_, i) => i + 1)), lens: i32(docs.map((d) => d.length)), kinds: Uint8Array.from(docs.map((_, i) => i % 3)), tokens: i32(docs.flat()) }]);
        for (const opts of [{}, { tag: 1 }, { prefix: true }]) expect(b.query(i32(q), 5, opts)).toEqual(a.query(i32(q), 5, opts));
        expect(b.exhaustive(i32(q), 3)).toEqual(a.exhaustive(i32(q), 3));
      }),
      { numRuns: 60 },
    );
  });

  it('refuses to load into a non-empty index or the same id twice', () => {
    const a = new MatchIndex();
    a.add(1, i32([1]));
    expect(() => a.load([])).toThrowError(/empty index/);
    const b = new MatchIndex();
    expect(() => b.load([{ ids: i32([5, 5]), lens: i32([1, 1]), kinds: new Uint8Array(2), tokens: i32([1, 2]) }])).toThrowError(/stored twice/);
  });

  it('tag restricts the candidates', () => {
    const idx = new MatchIndex();
    idx.add(1, para('a b c d'), 0);
    idx.add(2, para('a b c d'), 1);
    expect(ids(idx.query(para('a b c d'), 5, { tag: 1 }))).toEqual([2]);
  });

  it('suggestion mode ranks a paragraph that begins with the typed words first, one containing them next', () => {
    const idx = new MatchIndex();
    const typed = 'requests the secretary general to';
    idx.add(1, para(`${typed} report on the implementation of this text at the next session`));
    idx.add(2, para(`decides that the assembly ${typed} report`));
    idx.add(3, para('requests member states to consider the matter'));
    const hits = idx.query(para(typed), 3, { prefix: true });
    expect(ids(hits)).toEqual([1, 2, 3]);
    expect(hits[0]!.score).toBe(1);
    expect(hits[1]!.score).toBeCloseTo(0.9, 6);
    // Whole-paragraph mode would not find the long paragraph identical.
    expect(idx.query(para(typed), 1)[0]!.score).toBeLessThan(1);
  });

  it('similarity is the exhaustive scan score', () => {
    const idx = new MatchIndex();
    idx.add(7, para('a b c d e'));
    expect(idx.similarity(para('a b x d e'), 7)).toBeCloseTo(0.8, 9);
    expect(idx.similarity(para('a'), 8)).toBeUndefined();
  });
});
