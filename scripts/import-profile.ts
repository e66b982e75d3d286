// Import profile (issue 14): imports the corpus (ga-en + sc-en .txt files, as the library bench
// does) into a new library and prints wall time, process CPU and CPU per thread (from
// /proc/self/task, Linux only), so the main thread's share of an import can be told from the
// workers'. `--keep FILE` keeps the library database (to compare two imports table by table).
// Usage: node --import tsx scripts/import-profile.ts [--keep FILE] [--repeat N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LibraryService } from '../src/main/services/library.js';
import { threadCpuSeconds, threadCpuSince } from '../bench/thread-cpu.js';

const CORPUS = path.resolve(import.meta.dirname, '../../shared/corpus');
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

const files = ['ga-en', 'sc-en'].flatMap((d) =>
  fs.readdirSync(path.join(CORPUS, d)).filter((f) => f.endsWith('.txt')).map((f) => path.join(CORPUS, d, f)),
);
const repeat = Number(arg('--repeat') ?? 1);
for (let r = 0; r < repeat; r++) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-impprof-'));
  const file = arg('--keep') && r === repeat - 1 ? path.resolve(arg('--keep')!) : path.join(dir, 'library.sqlite');
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const lib = new LibraryService(file);
  void lib.db;
  const before = threadCpuSeconds();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const s = await lib.importPaths(files);
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const { mainSeconds, threads } = threadCpuSince(before);
  const main = mainSeconds ?? 0;
  const cpu = (c.user + c.system) / 1e6;
  const busiest = Math.max(0, ...threads.values());
  console.log(
    JSON.stringify({
      imported: s.imported,
      failed: s.failed,
      wallSeconds: Math.round(wall * 100) / 100,
      cpuSeconds: Math.round(cpu * 100) / 100,
      docsPerSecond: Math.round(s.imported / wall),
      docsPerCpuSecond: Math.round(s.imported / cpu),
      mainThreadMsPerDoc: Math.round((main / s.imported) * 1e4) / 10,
      cpuMsPerDoc: Math.round((cpu / s.imported) * 1e4) / 10,
      busiestThreadSeconds: busiest,
      // What wall time could be on two idle cores: the busiest thread alone, or all the CPU shared by two.
      twoIdleCoresBoundSeconds: Math.round(Math.max(busiest, cpu / 2) * 100) / 100,
      load: os.loadavg()[0],
      threads: Object.fromEntries([...threads].filter(([, v]) => v >= 0.05)),
    }),
  );
  lib.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
