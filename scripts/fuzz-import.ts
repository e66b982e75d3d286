// `npm run fuzz:import -- --files N [--seed S] [--keep]`: generates N hostile files from the corpus
// (bit flips, truncations, splices, wrong extensions, zip bombs, digit runs that hung the old
// parser, deep nesting, garbage), imports them one by one through the real library service into a
// temporary library, and prints: files, imported, refused, crashes (an import that did not end in
// a clean per-file answer; must be 0), runs over the time limit (must be 0: a file stopped by the
// worker's limit counts as refused, a call that took longer than the limit plus a margin counts
// here), peak memory (RSS of the process and its import worker) and the library's integrity
// after (integrity_check, FTS5 integrity-check, foreign_key_check). Exit code 1 when any fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createServices } from '../src/main/services/index.js';
import { dataPaths } from '../src/main/services/paths.js';
import { DEFAULT_IMPORT_LIMITS } from '../src/main/services/import-isolated.js';
import { docxBomb } from '../test/helpers/zip-bomb.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : dflt;
};
const FILES = Math.max(1, Number(arg('files', '40')));
let seed = Number(arg('seed', '1')) >>> 0 || 1;
const KEEP = args.includes('--keep');
const CORPUS = path.resolve(import.meta.dirname, '../../shared/corpus');

/** xorshift32: the same seed gives the same files. */
function rand(): number {
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed / 0x100000000;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const int = (n: number): number => Math.floor(rand() * n);

function corpusFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(?:txt|md|pdf|html?|docx)$/i.test(e.name)) out.push(p);
    }
  };
  walk(CORPUS);
  return out.sort();
}

type Mutation = (src: Buffer, name: string) => Promise<{ name: string; data: Buffer }> | { name: string; data: Buffer };

/** Mutations that start from a real PDF of the corpus whatever file was picked (pdf.js is the riskiest reader). */
const ON_PDF = new Set(['pdf-bitflip', 'pdf-truncate', 'pdf-splice']);

const MUTATIONS: Record<string, Mutation> = {
  bitflip: (src, name) => {
    const d = Buffer.from(src);
    for (let k = 1 + int(40); k > 0; k--) d[int(d.length)]! ^= 1 << int(8);
    return { name, data: d };
  },
  truncate: (src, name) => ({ name, data: src.subarray(0, int(src.length)) }),
  splice: (src, name) => {
    const at = int(src.length);
    const len = int(Math.min(4096, src.length - at));
    const from = int(src.length);
    return { name, data: Buffer.concat([src.subarray(0, at), src.subarray(from, from + len), src.subarray(at)]) };
  },
  'delete-chunk': (src, name) => {
    const at = int(src.length);
    return { name, data: Buffer.concat([src.subarray(0, at), src.subarray(Math.min(src.length, at + 1 + int(8192)))]) };
  },
  'pdf-bitflip': (src, name) => {
    const d = Buffer.from(src);
    for (let k = 1 + int(60); k > 0; k--) d[int(d.length)]! ^= 1 << int(8);
    return { name, data: d };
  },
  'pdf-truncate': (src, name) => ({ name, data: src.subarray(0, 1024 + int(Math.max(1, src.length - 1024))) }),
  'pdf-splice': (src, name) => {
    const at = int(src.length);
    const from = int(src.length);
    return { name, data: Buffer.concat([src.subarray(0, at), src.subarray(from, from + int(20_000)), src.subarray(at)]) };
  },
  'wrong-extension': (src, name) => ({ name: name.replace(/\.[^.]+$/, pick(['.pdf', '.docx', '.txt', '.md', '.html'])), data: src }),
  'garbage-prefix': (src, name) => ({ name, data: Buffer.concat([Buffer.from(Array.from({ length: 1 + int(2000) }, () => int(256))), src]) }),
  'digit-run': (src, name) => {
    // What hung 0.1: a clause end followed by a long run of digits, inside a real text.
    const s = src.toString('latin1');
    const at = s.indexOf('.', int(s.length));
    const run = '1'.repeat(30 + int(5000)) + pick(['x', ' ', '!', '']);
    return { name: name.replace(/\.(?:pdf|docx)$/i, '.txt'), data: Buffer.from(at < 0 ? s + '.' + run : s.slice(0, at + 1) + run + s.slice(at + 1), 'latin1') };
  },
  'deep-nesting': (_src, name) => {
    const n = 1000 + int(60_000);
    const html = '<html><body>' + '<div><ul><li>'.repeat(n / 3) + 'The General Assembly,<p>1. Decides.</p>' + '</li></ul></div>'.repeat(n / 3) + '</body></html>';
    return { name: name.replace(/\.[^.]+$/, '.html'), data: Buffer.from(html) };
  },
  'long-line': (src, name) => ({ name: name.replace(/\.(?:pdf|docx)$/i, '.txt'), data: Buffer.concat([src.subarray(0, 2000), Buffer.from(pick([' ', 'a ', '. ', '-', '*', '_', '(']).repeat(50_000 + int(500_000)))]) }),
  garbage: (_src, name) => ({ name, data: Buffer.from(Array.from({ length: 1 + int(100_000) }, () => int(256))) }),
  'zip-bomb': async (_src, name) => ({ name: name.replace(/\.[^.]+$/, '.docx'), data: await docxBomb((70 + int(200)) * 1024 * 1024) }),
};

async function main(): Promise<number> {
  const sources = corpusFiles();
  const pdfs = sources.filter((f) => f.toLowerCase().endsWith('.pdf'));
  if (sources.length === 0 || pdfs.length === 0) throw new Error(`no corpus files (or no PDFs) under ${CORPUS}`);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-fuzz-'));
  const inputDir = path.join(root, 'files');
  const dataDir = path.join(root, 'data');
  fs.mkdirSync(inputDir, { recursive: true });
  const api = createServices({ dataDir, mode: 'browser', version: 'fuzz', starter: false });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const names = Object.keys(MUTATIONS);
  const counts = { files: 0, imported: 0, skipped: 0, refused: 0, crashes: 0, overLimit: 0 };
  const perMutation: Record<string, number> = {};
  const crashes: string[] = [];
  const reasons = new Map<string, number>();
  const margin = 15_000;
  let slowest = 0;
  const t0 = performance.now();
  for (let i = 0; i < FILES; i++) {
    const mutation = names[i % names.length]!;
    const src = pick(ON_PDF.has(mutation) ? pdfs : sources);
    const made = await MUTATIONS[mutation]!(fs.readFileSync(src), path.basename(src));
    const file = path.join(inputDir, `${String(i).padStart(4, '0')}-${mutation}-${made.name}`);
    fs.writeFileSync(file, made.data);
    counts.files++;
    perMutation[mutation] = (perMutation[mutation] ?? 0) + 1;
    const t = performance.now();
    try {
      const summary = await api['library.import']({ paths: [file] });
      for (const item of summary.items) {
        if (item.status === 'imported') counts.imported++;
        else if (item.status === 'skipped') counts.skipped++;
        else {
          counts.refused++;
          const reason = item.reason ?? '';
          // A clean answer is one line that names the file; anything else is a crash in disguise.
          if (reason.includes('\n') || !reason.includes(path.basename(file)) || /\bat .+:\d+:\d+/.test(reason)) {
            counts.crashes++;
            crashes.push(`${path.basename(file)}: ${reason.slice(0, 300)}`);
          }
          const kind = reason.replace(path.basename(file), 'FILE').replace(/\d+/g, '#').replace(/\(.*\)/, '(…)').slice(0, 110);
          reasons.set(kind, (reasons.get(kind) ?? 0) + 1);
        }
      }
    } catch (e) {
      counts.crashes++;
      crashes.push(`${path.basename(file)}: the import call failed: ${(e as Error).message}`);
    }
    const ms = performance.now() - t;
    slowest = Math.max(slowest, ms);
    if (ms > DEFAULT_IMPORT_LIMITS.timeoutMs + margin) counts.overLimit++;
    if (!KEEP) fs.rmSync(file, { force: true });
    if ((i + 1) % 25 === 0) process.stderr.write(`  ${i + 1}/${FILES} files\n`);
  }
  clearInterval(sampler);
  api.close();

  const db = new Database(dataPaths(dataDir).library, { readonly: false });
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  let fts = 'ok';
  try {
    // The search index (migrations.ts: search_fts replaced paragraphs_fts); contentless, so rank 0.
    db.prepare("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 0)").run();
  } catch (e) {
    fts = (e as Error).message;
  }
  const fk = (db.pragma('foreign_key_check') as unknown[]).length;
  const docs = (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  db.close();
  if (!KEEP) fs.rmSync(root, { recursive: true, force: true });

  const ok = counts.crashes === 0 && counts.overLimit === 0 && integrity === 'ok' && fts === 'ok' && fk === 0;
  const out = {
    files: counts.files,
    imported: counts.imported,
    skippedAsDuplicates: counts.skipped,
    refusedWithReason: counts.refused,
    crashes: counts.crashes,
    overTimeLimit: counts.overLimit,
    timeLimitS: DEFAULT_IMPORT_LIMITS.timeoutMs / 1000,
    slowestFileS: Math.round(slowest / 100) / 10,
    totalS: Math.round((performance.now() - t0) / 1000),
    peakRssMB: Math.round(peakRss / (1024 * 1024)),
    library: { documents: docs, integrity_check: integrity, fts_integrity: fts, foreign_key_violations: fk },
    mutations: perMutation,
    reasons: Object.fromEntries([...reasons].sort((a, b) => b[1] - a[1]).slice(0, 12)),
    ...(crashes.length ? { crashList: crashes.slice(0, 20) } : {}),
    seed: Number(arg('seed', '1')),
    ok,
  };
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  return ok ? 0 : 1;
}

process.exitCode = await main();
