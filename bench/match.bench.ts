// Agreed-language matching benchmark: MatchIndex.query() on a library of ≥ 100,000 paragraphs
// (the corpus's ~15,700 operative paragraphs plus perturbed copies, as a library of many
// sessions holds), against the exhaustive edit-distance scan measured in the same run.
import { MatchIndex } from '../src/main/services/matcher.js';
import { matchTokens } from '../src/shared/text/tokens.js';
import { changeNumbers, clauses, editWords, isClean, operativeParagraphs, rng, swapClauses, truncateWords, Vocabulary, wordsOf } from '../test/helpers/perturb.js';
import { summary } from './stats.js';

/** A perturbed copy of a paragraph: word edits, a clause swap, new numbers, or a mix. */
function variant(text: string, r: () => number, words: readonly string[]): string {
  const x = r();
  if (x < 0.35) return editWords(text, 1 + Math.floor(r() * 6), r, words);
  if (x < 0.55 && clauses(text).length >= 2) return swapClauses(text, r);
  if (x < 0.8) return changeNumbers(text, r);
  return editWords(changeNumbers(text, r), 1 + Math.floor(r() * 3), r, words);
}

/** A query as a delegate would type it: an edited, updated, reordered or unfinished paragraph. */
function queryText(text: string, r: () => number, words: readonly string[]): string {
  const x = r();
  if (x < 0.4) return editWords(text, 3 + Math.floor(r() * 3), r, words);
  if (x < 0.6) return changeNumbers(text, r);
  if (x < 0.8 && clauses(text).length >= 2) return swapClauses(text, r);
  return truncateWords(text, 0.7 + r() * 0.3);
}

/** Runs the benchmark; returns the figures. */
export async function matchBench(paragraphs = 100_000, queries = 200, k = 5): Promise<object> {
  const r = rng(20_240_601);
  const corpus = operativeParagraphs();
  const words = wordsOf(corpus);
  const vocab = new Vocabulary();
  const index = new MatchIndex();
  const tokens: Int32Array[] = [];
  const t0 = performance.now();
  for (let i = 0; i < paragraphs; i++) {
    const text = i < corpus.length ? corpus[i]! : variant(corpus[Math.floor(r() * corpus.length)]!, r, words);
    const t = vocab.encode(matchTokens(text));
    tokens.push(t);
    index.add(i + 1, t);
  }
  const buildMs = performance.now() - t0;
  const meanTokens = tokens.reduce((a, t) => a + t.length, 0) / tokens.length;

  // Queries from clean paragraphs of about 100 words (80–130).
  const sources = corpus.filter((p) => isClean(p) && p.split(/\s+/).length >= 80 && p.split(/\s+/).length <= 130);
  const qs = Array.from({ length: queries }, () => vocab.encode(matchTokens(queryText(sources[Math.floor(r() * sources.length)]!, r, words))));
  // Warm up both paths (JIT), then measure them alternately in the same run.
  for (const q of qs.slice(0, 20)) {
    index.query(q, k);
    index.exhaustive(q, k);
  }
  const queryMs: number[] = [];
  const exhaustiveMs: number[] = [];
  let inTop = 0;
  for (const q of qs) {
    let t = performance.now();
    const hits = index.query(q, k);
    queryMs.push(performance.now() - t);
    t = performance.now();
    const best = index.exhaustive(q, 1)[0];
    exhaustiveMs.push(performance.now() - t);
    // The ED-best may be tied: any hit with the same pure ED similarity counts.
    if (best && hits.some((h) => h.id === best.id || edSimilarity(q, tokens[h.id - 1]!) >= best.score - 1e-9)) inTop++;
  }
  const query = summary(queryMs);
  const exhaustive = summary(exhaustiveMs);
  return {
    paragraphs: index.size,
    meanTokens: Math.round(meanTokens * 10) / 10,
    meanQueryTokens: Math.round((qs.reduce((a, q) => a + q.length, 0) / qs.length) * 10) / 10,
    buildMs: Math.round(buildMs),
    query,
    exhaustive,
    speedupMedian: Math.round((exhaustive.median / query.median) * 10) / 10,
    speedupP95: Math.round((exhaustive.p95 / query.p95) * 10) / 10,
    qualityTop5: inTop / qs.length,
    targetP95Ms: 50,
    meetsTarget: query.p95 < 50,
  };
}

/** Pure edit-distance similarity, as exhaustive() scores it. */
function edSimilarity(a: Int32Array, b: Int32Array): number {
  const m = Math.max(a.length, b.length);
  return m === 0 ? 1 : 1 - levenshtein(a, b) / m;
}

/** A plain O(nm) Levenshtein, independent of the code under test. */
function levenshtein(a: Int32Array, b: Int32Array): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
