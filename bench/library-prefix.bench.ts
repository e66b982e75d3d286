// Suggestions from the first words (`npm run bench -- library-prefix`): the paragraphs of the
// eightieth-session drafts (../shared/corpus/drafts-80, never in the library) against a library of
// ga-en (sessions 78–79). For each paragraph the target is the exhaustive scan's best match for the
// whole paragraph (pure edit-distance similarity over every library paragraph); the figure is the
// share of paragraphs whose target (or a paragraph exactly as close) is among the top 3
// suggestions given the first 8, 12 and 20 words, and among the top 3 matches given the whole.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LibraryService } from '../src/main/services/library.js';
import { flattenParagraphs } from '../src/main/db/library.js';
import { parseResolutionText } from '../src/shared/import/text.js';
import { CORPUS } from './corpus.js';

/** Paragraphs with a source: the exhaustive best similarity is at least this. */
const SOURCE_MIN = 0.6;
const PREFIXES = [8, 12, 20] as const;

/** Runs the benchmark. */
export async function libraryPrefixBench() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-prefix-'));
  const lib = new LibraryService(path.join(dir, 'library.sqlite'));
  try {
    const gaDir = path.join(CORPUS, 'ga-en');
    await lib.importPaths(fs.readdirSync(gaDir).filter((f) => f.endsWith('.txt')).map((f) => path.join(gaDir, f)));
    const idx = lib.matchIndex();
    const draftsDir = path.join(CORPUS, 'drafts-80', 'txt');
    const paragraphs: string[] = [];
    for (const f of fs.readdirSync(draftsDir).filter((x) => x.endsWith('.txt')).sort()) {
      const { document } = parseResolutionText(fs.readFileSync(path.join(draftsDir, f), 'utf8'), { fileName: f, format: 'text' });
      for (const p of flattenParagraphs(document)) if (p.kind !== 'annex' && p.text.split(/\s+/).length >= 12) paragraphs.push(p.text);
    }
    type Tally = { n: number; hits: number };
    const tally = () => Object.fromEntries([...PREFIXES.map((n) => [`first${n}`, { n: 0, hits: 0 }]), ['whole', { n: 0, hits: 0 }]]) as Record<string, Tally>;
    const all = tally();
    const sourced = tally();
    const suggestMs: number[] = [];
    for (const text of paragraphs) {
      const whole = lib.db.tokenIds(text, false);
      const best = idx.exhaustive(whole, 1)[0];
      if (!best) continue;
      const isTarget = (id: number) => (idx.similarity(whole, id) ?? 0) >= best.score - 1e-9;
      const words = text.split(/\s+/);
      const record = (key: string, ids: number[]) => {
        const hit = ids.some(isTarget) ? 1 : 0;
        all[key]!.n++;
        all[key]!.hits += hit;
        if (best.score >= SOURCE_MIN) {
          sourced[key]!.n++;
          sourced[key]!.hits += hit;
        }
      };
      for (const n of PREFIXES) {
        const t0 = performance.now();
        const { suggestions } = lib.suggest(words.slice(0, n).join(' '), { limit: 3 });
        suggestMs.push(performance.now() - t0);
        record(`first${n}`, suggestions.map((s) => s.paragraphId));
      }
      record('whole', lib.match(text, { limit: 3 }).matches.map((m) => m.paragraphId));
    }
    const shares = (t: Record<string, Tally>) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, { n: v.n, top3: v.n ? Math.round((v.hits / v.n) * 1000) / 1000 : null }]));
    suggestMs.sort((a, b) => a - b);
    return {
      library: lib.db.counts(),
      draftParagraphs: paragraphs.length,
      withSource: { minSimilarity: SOURCE_MIN, ...shares(sourced) },
      all: shares(all),
      suggestMs: { median: Math.round(suggestMs[Math.floor(suggestMs.length / 2)]! * 100) / 100, p95: Math.round(suggestMs[Math.floor(suggestMs.length * 0.95)]! * 100) / 100 },
      goals: { first12: 0.9, first8: 0.75 },
    };
  } finally {
    lib.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
