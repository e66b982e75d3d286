// The main thread's share of an import (issue 14, speed work): reads, parses and prepares the
// corpus files the library bench imports (ga-en + sc-en .txt) beforehand, then stores them into a
// new library as importPaths does (batches of 32, LibraryService's storeBatch) and prints this
// thread's CPU and the process's for the store alone. Run under `node --cpu-prof` to see where
// the store's time goes without the worker in the way.
// Usage: node --import tsx scripts/import-store-cpu.ts [--repeat N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseResolutionText } from '../src/shared/import/text.js';
import { readResolutionFile } from '../src/main/services/import-files.js';
import { prepareDocument } from '../src/main/services/library-rows.js';
import { LibraryService } from '../src/main/services/library.js';
import type { PreparedOutcome } from '../src/main/services/import-isolated.js';
import { threadCpuSeconds, threadCpuSince } from '../bench/thread-cpu.js';

const CORPUS = path.resolve(import.meta.dirname, '../../shared/corpus');
const i = process.argv.indexOf('--repeat');
const repeat = i >= 0 ? Number(process.argv[i + 1]) : 1;
const BATCH = Number(process.env.STORE_BATCH ?? 32);
const files = ['ga-en', 'sc-en'].flatMap((d) =>
  fs.readdirSync(path.join(CORPUS, d)).filter((f) => f.endsWith('.txt')).map((f) => path.join(CORPUS, d, f)),
);
const outcomes: { file: string; outcome: PreparedOutcome }[] = [];
for (const f of files) {
  const { text, ...source } = await readResolutionFile(f);
  const parsed = parseResolutionText(text, { fileName: source.fileName, format: source.format });
  outcomes.push({ file: f, outcome: { source, prepared: prepareDocument(parsed.document) } });
}
type Store = { storeBatch(b: typeof outcomes): { status: string }[] };
const r2 = (x: number) => Math.round(x * 100) / 100;
for (let r = 0; r < repeat; r++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-storecpu-'));
  const lib = new LibraryService(path.join(dir, 'library.sqlite'));
  void lib.db;
  const before = threadCpuSeconds();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let imported = 0;
  for (let k = 0; k < outcomes.length; k += BATCH) {
    for (const item of (lib as unknown as Store).storeBatch(outcomes.slice(k, k + BATCH))) if (item.status === 'imported') imported++;
  }
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const { mainSeconds } = threadCpuSince(before);
  lib.checkpoint();
  const bytes = fs.statSync(path.join(dir, 'library.sqlite')).size;
  console.log(JSON.stringify({ imported, threadCpuSeconds: mainSeconds, processCpuSeconds: r2((c.user + c.system) / 1e6), wallSeconds: r2(wall / 1000), dbMB: r2(bytes / 1e6) }));
  lib.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
