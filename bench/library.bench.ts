// Library benchmarks (`npm run bench -- library --paragraphs N`): import throughput of the corpus
// (ga-en + sc-en), search latency p50/p95 on a library grown to N paragraphs against a grep-style
// scan of the same text (the baseline, same run), agreed-language match latency through the
// service with its top-5 agreement with the exhaustive scan, how soon the match index is ready
// after a restart (from its persisted file; the first build after the import too, off the main
// thread, with the main thread's longest stall meanwhile), search before and after the idle
// merging of the search index's segments (with that merging's slices and cost), the first
// search on a fresh data folder, size on disk, and peak memory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { LibraryService, starterDatabasePath, starterPath } from '../src/main/services/library.js';
import { parseQuery } from '../src/main/db/fts-query.js';
import { FtsMaintenance, ftsShape } from '../src/main/db/fts-maintenance.js';
import { matchSnapshotSettled, snapshotPath } from '../src/main/services/match-persist.js';
import type { ResolutionDocument } from '../src/shared/resolution/model.js';
import { CORPUS } from './corpus.js';
import { summary } from './stats.js';
import { threadCpuSeconds, threadCpuSince } from './thread-cpu.js';

/** Realistic delegate queries: topics, quoted agreed phrases, exclusions, alternatives. */
export const QUERIES = [
  'sustainable development',
  '"2030 Agenda for Sustainable Development"',
  'climate change adaptation',
  '"small island developing States"',
  'gender equality women empowerment',
  '"human rights defenders"',
  'Secretary-General report implementation',
  '"requests the Secretary-General to submit"',
  'nuclear disarmament',
  '"weapons of mass destruction"',
  'oil slick Lebanese',
  'refugees internally displaced',
  'humanitarian assistance -Syrian',
  'Palestine refugees UNRWA',
  'sea level rise',
  'biodiversity OR desertification',
  'migrants "human rights"',
  'children armed conflict',
  '"sexual and gender-based violence"',
  'counter-terrorism financing',
  'cybersecurity "information and communications technologies"',
  'landlocked developing countries',
  '"least developed countries"',
  'debt sustainability',
  'financing for development Addis Ababa',
  'peacekeeping operations',
  'rule of law',
  'indigenous peoples',
  'persons with disabilities',
  'older persons',
  'youth employment',
  'education "quality education"',
  'health "universal health coverage"',
  'pandemic preparedness',
  'food security nutrition',
  'water sanitation',
  'oceans "law of the sea"',
  'outer space peaceful uses',
  'Antarctica',
  'disaster risk reduction Sendai',
  'corruption "asset recovery"',
  'drug problem',
  'trafficking in persons',
  'racism xenophobia',
  'freedom of expression journalists',
  'death penalty moratorium',
  'torture',
  'right to development',
  'South-South cooperation',
  'culture of peace',
  'Member States to consider',
  '"without a vote"',
  'decides to include provisional agenda',
  'reaffirming',
  'conscious OR mindful',
  'occupied territories -Golan',
  'mine action',
  'small arms light weapons',
  'chemical weapons',
  'Ebola OR cholera',
];

/** Symbol lookups (a document, or one of its paragraphs), timed apart from the query set. */
export const SYMBOL_QUERIES = ['79/200', 'A/RES/79/200 OP5', 'A/RES/78/1', '78/143 PP2', 'S/RES/1445 (2002)', 'A/RES/79/999'];

function rawTexts(dir: string): { files: string[]; bytes: number } {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => path.join(dir, f));
  return { files, bytes: files.reduce((n, f) => n + fs.statSync(f).size, 0) };
}

/** Small deterministic word perturbation, so copies are near-duplicates like real follow-up texts (copy `k` of `doc`). */
export function perturb(doc: ResolutionDocument, k: number): ResolutionDocument {
  const swap = ['further', 'also', 'strongly', 'again', 'fully', 'effectively', 'urgently'];
  const edit = (t: string, i: number) =>
    t
      .split(' ')
      .map((w, j) => ((j + i + k) % 11 === 0 ? swap[(j + k) % swap.length]! : w))
      .join(' ')
      .replace(/\b(\d{2})\/(\d+)\b/g, (_m, a: string, b: string) => `${Number(a) - (k % 5)}/${b}`);
  const mapBlocks = (bs: ResolutionDocument['operative']): ResolutionDocument['operative'] =>
    bs.map((b, i) => ({ ...b, content: b.content.map((c) => (c.t === 'text' ? { ...c, text: edit(c.text, i) } : c)), children: mapBlocks(b.children) }));
  return {
    ...doc,
    meta: { ...doc.meta, symbol: `${doc.meta.symbol}#${k}`, session: String(Number(doc.meta.session || 70) - (k % 10)) },
    preambular: mapBlocks(doc.preambular),
    operative: mapBlocks(doc.operative),
  };
}

/** Milliseconds since t0, rounded to 0.01. */
function since(t0: number): number {
  return Math.round((performance.now() - t0) * 100) / 100;
}

/** CPU time (user + system) of this process since `from`, in ms: on a loaded machine wall time also counts waiting for a core. */
function cpuMs(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

/** Peak resident set size of this process so far, in MB. */
function peakRssMB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/**
 * First search on a fresh data folder with the shipped starter library: from constructing the
 * service (as the app does at start) to the first hits of a query.
 */
async function coldFirstSearch(dir: string): Promise<{ ms: number; cpuMs: number; hits: number; starterLoadedMs: number; starterDocuments: number; fromBuiltDatabase: boolean }> {
  // As the app starts it: a copy of the built starter database (`npm run build`), else the starter
  // library loads in the background while search answers.
  const starter = starterPath(path.resolve(import.meta.dirname, '..'));
  const fromBuiltDatabase = starterDatabasePath(starter) !== undefined;
  const lib = new LibraryService(path.join(dir, 'cold', 'library.sqlite'), starter, { starterInBackground: true });
  try {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const { hits } = lib.search('sustainable development', {}, 20);
    const ms = since(t0);
    const cpu = Math.round(cpuMs(c0));
    await lib.starterLoaded();
    return { ms, cpuMs: cpu, hits: hits.length, starterLoadedMs: since(t0), starterDocuments: lib.db.counts().documents, fromBuiltDatabase };
  } finally {
    lib.close();
  }
}

/**
 * Search times of the query set: warm once, then every query three times newest first (the
 * default; wall and CPU time), each followed by the same query by relevance (timed too), as
 * earlier runs measured: the relevance search between two newest-first ones weighs on them.
 */
function timeSearches(lib: LibraryService): { times: number[]; cpu: number[]; relevance: number[] } {
  for (const q of QUERIES) lib.search(q, {}, 20);
  const out = { times: [] as number[], cpu: [] as number[], relevance: [] as number[] };
  for (let round = 0; round < 3; round++) {
    for (const q of QUERIES) {
      let s = performance.now();
      const c = process.cpuUsage();
      lib.search(q, {}, 20);
      out.times.push(performance.now() - s);
      out.cpu.push(cpuMs(c));
      s = performance.now();
      lib.search(q, {}, 20, 'relevance');
      out.relevance.push(performance.now() - s);
    }
  }
  return out;
}

/** Runs the benchmark on a library grown to at least `minParagraphs` paragraphs. */
export async function libraryBench(minParagraphs = 100_000) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-libbench-'));
  const file = path.join(dir, 'library.sqlite');
  let lib = new LibraryService(file);
  try {
    const cold = await coldFirstSearch(dir);
    const ga = rawTexts(path.join(CORPUS, 'ga-en'));
    const sc = rawTexts(path.join(CORPUS, 'sc-en'));
    const t0 = performance.now();
    const cImport = process.cpuUsage();
    const tImport = threadCpuSeconds();
    const imported = await lib.importPaths([...ga.files, ...sc.files]);
    const importSec = (performance.now() - t0) / 1000;
    const importCpuSec = cpuMs(cImport) / 1000;
    // The main thread stores, the import worker reads and prepares, V8's helper threads compile and collect.
    const importThreads = threadCpuSince(tImport);
    const docsImported = imported.imported;
    const base = lib.db.counts();

    // Grow to the target size with perturbed copies of the imported GA documents.
    const docs: ResolutionDocument[] = [];
    for (const row of lib.db.listDocuments(5000)) {
      const d = lib.db.document(row.id);
      if (d && d.row.symbol.startsWith('A/RES')) docs.push(d.body);
    }
    let k = 1;
    const tGrow = performance.now();
    const cGrow = process.cpuUsage();
    let grown = 0;
    while (lib.db.counts().paragraphs < minParagraphs && docs.length) {
      lib.transaction(() => {
        for (const d of docs) lib.addDocument(perturb(d, k), { file: `copy-${k}`, hash: `copy-${k}-${d.meta.symbol}` });
      });
      grown += docs.length;
      k++;
    }
    const growSec = (performance.now() - tGrow) / 1000;
    const growCpuSec = cpuMs(cGrow) / 1000;
    const counts = lib.db.counts();
    lib.checkpoint();
    lib.close();

    // First start after the import: no persisted match index yet, so the app's matchIndexReady
    // has a worker thread build it from the stored tokens (and write the file for the next start)
    // while the main thread stays free: its longest stall meanwhile is reported.
    lib = new LibraryService(file);
    let t = performance.now();
    let c = process.cpuUsage();
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    stalls.enable();
    await lib.matchIndexReady();
    stalls.disable();
    const indexBuildSeconds = Math.round((performance.now() - t) / 10) / 100;
    const indexBuildCpuSeconds = Math.round(cpuMs(c) / 10) / 100;
    const indexBuildMainThreadMaxStallMs = Math.round(stalls.max / 1e6);
    t = performance.now();
    c = process.cpuUsage();
    await matchSnapshotSettled(file);
    const persistSeconds = Math.round((performance.now() - t) / 10) / 100;
    const persistCpuSeconds = Math.round(cpuMs(c) / 10) / 100;
    const snapshotMB = fs.existsSync(snapshotPath(file)!) ? Math.round(fs.statSync(snapshotPath(file)!).size / 1e5) / 10 : 0;
    lib.close();

    // Restart: how long until the match index answers (read from its persisted file).
    lib = new LibraryService(file);
    t = performance.now();
    c = process.cpuUsage();
    lib.matchIndex();
    const indexReadySeconds = Math.round((performance.now() - t) / 10) / 100;
    const indexReadyCpuSeconds = Math.round(cpuMs(c) / 10) / 100;

    // Search as the import left the index (many FTS5 segments), then after the merging the app
    // does in short slices once left alone (FtsMaintenance), timed here as the app would run it:
    // its slices, the longest, and their CPU time.
    const segmentsBefore = ftsShape(lib.db.db);
    const fragmented = timeSearches(lib);
    const maintenance = new FtsMaintenance(lib.db.db);
    t = performance.now();
    c = process.cpuUsage();
    while (maintenance.step()) await new Promise((r) => setImmediate(r));
    const maintenanceFigures = {
      ...maintenance.stats,
      longestSliceMs: Math.round(maintenance.stats.longestSliceMs * 10) / 10,
      longestSliceCpuMs: Math.round(maintenance.stats.longestSliceCpuMs * 10) / 10,
      totalMs: Math.round(maintenance.stats.totalMs),
      wallMs: since(t),
      cpuMs: Math.round(cpuMs(c)),
      segmentsBefore: segmentsBefore.perLevel,
      segmentsAfter: ftsShape(lib.db.db).perLevel,
    };
    const { times: searchTimes, cpu: searchCpu, relevance: relevanceTimes } = timeSearches(lib);
    const symbolTimes: number[] = [];
    for (let round = 0; round < 4; round++) {
      for (const q of SYMBOL_QUERIES) {
        const s = performance.now();
        lib.search(q, {}, 20);
        if (round > 0) symbolTimes.push(performance.now() - s);
      }
    }

    // Agreed-language matching through the service, and its agreement with the exhaustive scan.
    const texts = lib.allParagraphTexts();
    const hundredWord = texts.filter((t) => {
      const w = t.split(/\s+/).length;
      return w >= 80 && w <= 120;
    });
    const idx = lib.matchIndex();
    const matchTimes: number[] = [];
    const matchCpu: number[] = [];
    let agree = 0;
    let asked = 0;
    for (let i = 0; i < 100 && i < hundredWord.length; i++) {
      const words = hundredWord[(i * 37) % hundredWord.length]!.split(' ');
      words[(i * 7) % words.length] = 'notably';
      const q = words.join(' ');
      const s = performance.now();
      const c = process.cpuUsage();
      lib.match(q, { limit: 5 });
      matchTimes.push(performance.now() - s);
      matchCpu.push(cpuMs(c));
      const tokens = lib.db.tokenIds(q, false);
      const best = idx.exhaustive(tokens, 1)[0];
      if (!best) continue;
      asked++;
      if (idx.query(tokens, 5).some((h) => (idx.similarity(tokens, h.id) ?? 0) >= best.score - 1e-9)) agree++;
    }
    const rss = peakRssMB();

    // Baseline: what a grep over the same paragraphs costs for the same positive words.
    const lowered = texts.map((t) => t.toLowerCase());
    const grepTimes: number[] = [];
    for (const q of QUERIES) {
      const p = parseQuery(q);
      const terms = p.groups.map((g) => g.map((t) => t.text.toLowerCase()));
      const g0 = performance.now();
      let n = 0;
      for (const t of lowered) if (terms.every((alts) => alts.some((a) => t.includes(a)))) n++;
      grepTimes.push(performance.now() - g0);
      if (n < 0) throw new Error('unreachable');
    }

    lib.checkpoint();
    const dbBytes = fs.statSync(file).size;
    const textBytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
    const search = summary(searchTimes);
    const grep = summary(grepTimes);
    const match = summary(matchTimes);
    return {
      import: {
        files: ga.files.length + sc.files.length,
        imported: docsImported,
        skipped: imported.skipped,
        failed: imported.failed,
        failures: imported.items.filter((i) => i.status === 'failed').slice(0, 5).map((i) => `${path.basename(i.file)}: ${i.reason}`),
        seconds: Math.round(importSec * 100) / 100,
        docsPerSecond: Math.round(docsImported / importSec),
        docsPerCpuSecond: Math.round(docsImported / importCpuSec),
        cpuMsPerDoc: Math.round((importCpuSec / docsImported) * 1e4) / 10,
        mainThreadMsPerDoc: importThreads.mainSeconds === null ? null : Math.round((importThreads.mainSeconds / docsImported) * 1e4) / 10,
        busiestThreadSeconds: Math.max(0, ...importThreads.threads.values()),
        // Wall time on two idle cores cannot be less than the busiest thread, nor than all the CPU
        // shared by two: the figure to hold against the goal when the machine is loaded.
        twoIdleCoresBoundDocsPerSecond: Math.round(docsImported / Math.max(importCpuSec / 2, ...importThreads.threads.values())),
        storeDocsPerSecond: Math.round(grown / growSec),
        storeDocsPerCpuSecond: Math.round(grown / growCpuSec),
        paragraphs: base.paragraphs,
        rawMB: Math.round(((ga.bytes + sc.bytes) / 1e6) * 10) / 10,
      },
      library: { documents: counts.documents, paragraphs: counts.paragraphs, growSeconds: Math.round(growSec * 10) / 10 },
      search: {
        queries: QUERIES.length,
        samples: search.n,
        ms: search,
        cpuMs: summary(searchCpu),
        relevanceMs: summary(relevanceTimes),
        symbolMs: summary(symbolTimes),
        grepBaselineMs: grep,
        speedupMedian: Math.round((grep.median / search.median) * 10) / 10,
        p95VsGrepMedian: Math.round((search.p95 / grep.median) * 10000) / 10000,
        targetP95Ms: 5,
        meetsTarget: search.p95 <= 5,
        beforeMaintenance: { ms: summary(fragmented.times), cpuMs: summary(fragmented.cpu) },
        maintenance: maintenanceFigures,
      },
      match: { indexReadySeconds, indexReadyCpuSeconds, indexBuildSeconds, indexBuildCpuSeconds, indexBuildMainThreadMaxStallMs, persistSeconds, persistCpuSeconds, snapshotMB, ms: match, cpuMs: summary(matchCpu), top5AgreementWithExhaustive: asked ? Math.round((agree / asked) * 1000) / 1000 : null, queries: asked, targetP95Ms: 20, meetsTarget: match.p95 <= 20 && indexReadySeconds <= 2 },
      coldFirstSearchMs: cold.ms,
      coldFirstSearch: cold,
      disk: { databaseMB: Math.round((dbBytes / 1e6) * 10) / 10, paragraphTextMB: Math.round((textBytes / 1e6) * 10) / 10, ratio: Math.round((dbBytes / textBytes) * 100) / 100, target: 2 },
      peakRssMB: rss,
    };
  } finally {
    lib.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
