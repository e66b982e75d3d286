// The starter library shipped with the app, in two steps:
//   node --import tsx scripts/build-starter.ts
//     (after parser changes) rebuilds assets/library/starter.jsonl.gz, which is committed, from the
//     General Assembly resolutions of sessions 78–79 in ../shared/corpus/ga-en: each line holds the
//     source file name, the sha256 of its bytes and the parsed document;
//   node --import tsx scripts/build-starter.ts --database   (`npm run build:starter`, part of `npm run build`)
//     makes dist/starter/library.sqlite from that file: the library a new data folder starts from
//     (a file copy, see starterDatabasePath in src/main/services/library.ts), and beside it its
//     persisted match index (library.sqlite.match-index, match-persist.ts), copied with it so that
//     a new user's first match needs no index build; both shipped as extraResources
//     (electron-builder.yml). Built, never committed.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { parseResolutionText } from '../src/shared/import/text.js';
import { LibraryService, starterPath } from '../src/main/services/library.js';
import Database from 'better-sqlite3';
import { ensureMatchGeneration } from '../src/main/db/match-store.js';
import { ftsOptimize } from '../src/main/db/fts-maintenance.js';
import { buildMatchIndex, snapshotPath, writeSnapshot } from '../src/main/services/match-persist.js';

const root = path.resolve(import.meta.dirname, '..');
const starter = starterPath(root);

/**
 * The starter database from the starter file: imported whole, its search index merged into one
 * segment, compacted, in rollback-journal mode
 * (one file to copy), with its persisted match index beside it (snapshotPath(out)), written for
 * whatever the library's size: it is what spares a new user the index build.
 */
export function buildStarterDatabase(out: string, from = starter): { documents: number; paragraphs: number; bytes: number; matchIndexBytes: number } {
  const partial = `${out}.partial`;
  const partialSnap = snapshotPath(partial)!;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`, partialSnap]) fs.rmSync(f, { force: true });
  const lib = new LibraryService(partial, from, { starterDatabase: null });
  let counts;
  try {
    counts = lib.stats();
    if (lib.db.setting('starter') !== 'done') throw new Error(`${from} could not be imported`);
    // The generation table and its triggers ship in the file: the snapshot is keyed to them.
    ensureMatchGeneration(lib.db.db);
    // One search index segment: what every new library starts from (fts-maintenance.ts).
    ftsOptimize(lib.db.db);
    lib.checkpoint();
    lib.db.db.pragma('journal_mode = DELETE');
    lib.db.db.exec('VACUUM');
  } finally {
    lib.close();
  }
  const compacted = fileHash(partial);
  writeMatchIndexOf(partial, partialSnap);
  // The index must describe exactly the bytes that ship: opening the file must not have changed it.
  if (fileHash(partial) !== compacted) throw new Error(`${partial} changed while its match index was built`);
  // The database last: a snapshot without its database (or beside an older one) is refused by its generation.
  fs.renameSync(partialSnap, snapshotPath(out)!);
  fs.renameSync(partial, out);
  return { ...counts, bytes: fs.statSync(out).size, matchIndexBytes: fs.statSync(snapshotPath(out)!).size };
}

const fileHash = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Writes the match index of the database `file`, read as it is on disk (read-only, nothing written to it), to `snap`. */
function writeMatchIndexOf(file: string, snap: string): void {
  // Not openDatabase: it switches to WAL, which a read-only connection cannot (and must not) do.
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const { index, gen, origin } = buildMatchIndex(db, null);
    if (origin.source !== 'rebuilt' || index.size === 0) throw new Error(`${file}: no match index could be built`);
    writeSnapshot(index, gen, snap);
  } finally {
    db.close();
  }
}

function buildStarterFile(): void {
  const src = path.resolve(root, '../shared/corpus/ga-en');
  const lines: string[] = [];
  let failed = 0;
  for (const f of fs.readdirSync(src).filter((x) => x.endsWith('.txt')).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
    const bytes = fs.readFileSync(path.join(src, f));
    try {
      const { document } = parseResolutionText(bytes.toString('utf8'), { fileName: f, format: 'text' });
      lines.push(JSON.stringify({ file: f, hash: crypto.createHash('sha256').update(bytes).digest('hex'), document }));
    } catch (e) {
      failed++;
      console.error(`${f}: ${(e as Error).message}`);
    }
  }
  fs.mkdirSync(path.dirname(starter), { recursive: true });
  const gz = zlib.gzipSync(lines.join('\n') + '\n', { level: 9 });
  fs.writeFileSync(starter, gz);
  console.log(`${lines.length} documents (${failed} failed) → ${path.relative(root, starter)} (${(gz.length / 1e6).toFixed(1)} MB)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  if (process.argv.includes('--database')) {
    const out = path.join(root, 'dist', 'starter', 'library.sqlite');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const r = buildStarterDatabase(out);
    console.log(`${r.documents} documents, ${r.paragraphs} paragraphs → ${path.relative(root, out)} (${(r.bytes / 1e6).toFixed(1)} MB, match index ${(r.matchIndexBytes / 1e6).toFixed(1)} MB)`);
  } else buildStarterFile();
}
