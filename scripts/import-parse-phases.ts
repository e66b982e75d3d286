// The import worker's parse and row preparation (issue 14, speed work), phase by phase: reads the
// corpus files the library bench imports (ga-en + sc-en), then parses them all
// (parseResolutionText), then prepares them all (prepareDocument), and prints this thread's CPU
// milliseconds per document for each phase (from /proc, so other processes do not count).
// Usage: node --import tsx scripts/import-parse-phases.ts [--repeat N]
import fs from 'node:fs';
import path from 'node:path';
import { parseResolutionText } from '../src/shared/import/text.js';
import { readResolutionFile } from '../src/main/services/import-files.js';
import { prepareDocument } from '../src/main/services/library-rows.js';
import { threadCpuSeconds, threadCpuSince } from '../bench/thread-cpu.js';

const CORPUS = path.resolve(import.meta.dirname, '../../shared/corpus');
const i = process.argv.indexOf('--repeat');
const repeat = i >= 0 ? Number(process.argv[i + 1]) : 1;
const files = ['ga-en', 'sc-en'].flatMap((d) =>
  fs.readdirSync(path.join(CORPUS, d)).filter((f) => f.endsWith('.txt')).map((f) => path.join(CORPUS, d, f)),
);
const mainCpu = (before: Map<number, number>) => threadCpuSince(before).mainSeconds ?? 0;
const perDoc = (s: number) => Math.round((s * 1000 * 1000) / files.length) / 1000;
for (let r = 0; r < repeat; r++) {
  let t = threadCpuSeconds();
  const texts = await Promise.all(files.map((f) => readResolutionFile(f)));
  const read = mainCpu(t);
  t = threadCpuSeconds();
  const parsed = texts.map((x) => parseResolutionText(x.text, { fileName: x.fileName, format: x.format }));
  const parse = mainCpu(t);
  t = threadCpuSeconds();
  for (const p of parsed) prepareDocument(p.document);
  const prepare = mainCpu(t);
  console.log(JSON.stringify({ docs: files.length, readMsPerDoc: perDoc(read), parseMsPerDoc: perDoc(parse), prepareMsPerDoc: perDoc(prepare) }));
}
process.exit(0);
