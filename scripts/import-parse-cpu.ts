// The import worker's share of an import, on this thread (issue 14, speed work): parses and
// prepares (parseResolutionText + prepareDocument) the corpus files the library bench imports
// (ga-en + sc-en .txt), read beforehand, and prints this thread's CPU and the whole process's
// (V8's compiler and GC threads included), per phase. Run under `node --cpu-prof` or
// `--trace-deopt` to see where a worker's time goes without a worker in the way.
// Usage: node --import tsx scripts/import-parse-cpu.ts [--repeat N]
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
const texts = await Promise.all(files.map((f) => readResolutionFile(f)));
const r2 = (x: number) => Math.round(x * 100) / 100;
for (let r = 0; r < repeat; r++) {
  const before = threadCpuSeconds();
  const c0 = process.cpuUsage();
  let parseMs = 0;
  let prepareMs = 0;

  for (const t of texts) {
    const a = performance.now();
    const p = parseResolutionText(t.text, { fileName: t.fileName, format: t.format });
    const b = performance.now();
    prepareDocument(p.document);
    prepareMs += performance.now() - b;
    parseMs += b - a;
    void p;
  }
  const c = process.cpuUsage(c0);
  const { mainSeconds } = threadCpuSince(before);
  console.log(
    JSON.stringify({
      docs: texts.length,
      threadCpuSeconds: mainSeconds,
      processCpuSeconds: r2((c.user + c.system) / 1e6),
      parseWallSeconds: r2(parseMs / 1000),
      prepareWallSeconds: r2(prepareMs / 1000),
    }),
  );
}
process.exit(0);
