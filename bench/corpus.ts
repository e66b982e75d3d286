// Builds benchmark data from the real corpus in ../shared/corpus (read-only).
import fs from 'node:fs';
import path from 'node:path';
import { classifyOpening } from '../src/shared/resolution/lexicon.js';
import { emptyFrontMatter, textBlock, type ResolutionDocument } from '../src/shared/resolution/model.js';

/** The corpus folder beside the project. */
export const CORPUS = path.resolve(import.meta.dirname, '../../shared/corpus');

/** Preambular paragraphs found in the raw GA texts: blocks that open with a PP phrase and end with a comma. */
export function corpusPreambles(limit: number): string[] {
  const dir = path.join(CORPUS, 'ga-en');
  const out: string[] = [];
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    const blocks = fs.readFileSync(path.join(dir, f), 'utf8').split(/\n\s*\n/);
    for (const b of blocks) {
      const text = b.replace(/\s*\n\s*/g, ' ').trim();
      if (text.length < 60 || text.length > 900 || !text.endsWith(',')) continue;
      if (classifyOpening(text, 'en')?.kind === 'pp') out.push(text);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/** Operative paragraphs from the reference list, without the ones holding page-break debris. */
export function corpusOperatives(limit: number): string[] {
  const ref = JSON.parse(fs.readFileSync(path.join(CORPUS, 'ga-en', 'operative-paragraphs.json'), 'utf8')) as Record<string, { operative?: string[] }>;
  const out: string[] = [];
  for (const r of Object.values(ref)) {
    for (const p of r.operative ?? []) {
      if (/_{5,}|plenary meeting|\d+-\d{5}/.test(p) || p.length < 40 || p.length > 1200) continue;
      out.push(p.trim());
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/** A draft of `pp` preambular and `op` operative paragraphs of real text. */
export function corpusDraft(pp: number, op: number): ResolutionDocument {
  return {
    meta: emptyFrontMatter({ title: 'Benchmark draft', symbol: 'A/C.2/80/L.99' }),
    preambular: corpusPreambles(pp).map((t, i) => textBlock(`pp${i + 1}`, t)),
    operative: corpusOperatives(op).map((t, i) => textBlock(`op${i + 1}`, t)),
    footnotes: [],
    annexes: [],
  };
}
