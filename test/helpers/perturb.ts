// Perturbations of real paragraphs for agreed-language matching tests and the match benchmark:
// what a delegate does to agreed language (edits words, updates dates and symbols, reorders
// clauses, types only the beginning). Deterministic for a given random source.
import fs from 'node:fs';
import path from 'node:path';
import { CORPUS } from './corpus.js';

/** The corpus folder beside the project (see corpus.ts). */
export { CORPUS };

/** A seeded random source in [0, 1) (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every operative paragraph of ga-en/operative-paragraphs.json, in file order (about 15,700). */
export function operativeParagraphs(): string[] {
  const file = path.join(CORPUS, 'ga-en', 'operative-paragraphs.json');
  const ref = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { operative?: string[] }>;
  return Object.values(ref).flatMap((r) => r.operative ?? []);
}

/** True for paragraphs without page-break debris (running heads, job numbers, footnote rules). */
export function isClean(p: string): boolean {
  return !/_{5,}|plenary meeting|\d+-\d{5}/.test(p);
}

const pick = <T>(r: () => number, a: readonly T[]): T => a[Math.floor(r() * a.length)]!;

/** n word edits (substitution by a word of `vocabulary`, deletion or insertion), at distinct words. */
export function editWords(text: string, n: number, r: () => number, vocabulary: readonly string[]): string {
  const words = text.split(/\s+/).filter(Boolean);
  const edits = Math.min(n, Math.max(1, words.length - 1));
  const positions = new Set<number>();
  while (positions.size < edits) positions.add(Math.floor(r() * words.length));
  for (const i of [...positions].sort((x, y) => y - x)) {
    const kind = r();
    if (kind < 0.5) words[i] = pick(r, vocabulary);
    else if (kind < 0.75) words.splice(i, 1);
    else words.splice(i, 0, pick(r, vocabulary));
  }
  return words.join(' ');
}

const ORDINALS = ['seventy-sixth', 'seventy-seventh', 'seventy-eighth', 'seventy-ninth', 'eightieth', 'eighty-first'];

/** True when the paragraph holds a number (digits) or a session ordinal that changeNumbers can change. */
export function hasNumber(text: string): boolean {
  return /\d/.test(text) || ORDINALS.some((o) => text.includes(o));
}

/** Changes every number (dates, years, resolution and document symbols) and session ordinal. */
export function changeNumbers(text: string, r: () => number): string {
  let out = text.replace(/\d+/g, (d) => {
    let x = d;
    while (x === d) x = String(Math.floor(r() * 10 ** d.length)).padStart(d.length, '1');
    return x;
  });
  for (const o of ORDINALS) out = out.split(o).join(pick(r, ORDINALS.filter((x) => x !== o)));
  return out;
}

/** Clauses: the text split after each comma or semicolon followed by a space. */
export function clauses(text: string): string[] {
  return text.split(/(?<=[,;])\s+/);
}

/** Swaps two adjacent clauses (text must have at least two). */
export function swapClauses(text: string, r: () => number): string {
  const c = clauses(text);
  const i = Math.floor(r() * (c.length - 1));
  [c[i], c[i + 1]] = [c[i + 1]!, c[i]!];
  return c.join(' ');
}

/** The first `fraction` of the words, as while typing. */
export function truncateWords(text: string, fraction: number): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.slice(0, Math.max(1, Math.round(words.length * fraction))).join(' ');
}

/** A vocabulary of words (not numbers) found in the texts, for substitutions. */
export function wordsOf(texts: readonly string[], limit = 5000): string[] {
  const set = new Set<string>();
  for (const t of texts) {
    for (const w of t.split(/\s+/)) if (/^[a-z]{3,}$/.test(w)) set.add(w);
    if (set.size >= limit) break;
  }
  return [...set];
}

/** A map vocabulary: token string → id, assigned on first sight. */
export class Vocabulary {
  private ids = new Map<string, number>();
  /** Ids of the tokens, adding new tokens to the vocabulary. */
  encode(tokens: readonly string[]): Int32Array {
    const out = new Int32Array(tokens.length);
    tokens.forEach((t, i) => {
      let id = this.ids.get(t);
      if (id === undefined) this.ids.set(t, (id = this.ids.size));
      out[i] = id;
    });
    return out;
  }
  /** Number of distinct tokens. */
  get size(): number {
    return this.ids.size;
  }
}
