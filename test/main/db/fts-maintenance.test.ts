// Upkeep of the search index (fts-maintenance.ts): its shape read from FTS5's structure record,
// merge steps that bring each level down to one segment while every search answers exactly as
// before (checked after every step, including while a merge is left part way), and the idle
// slices of a long-running library service: they run when it is left alone, a search between
// them answers as before, and they stop with the service.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { openDatabase, type Db } from '../../../src/main/db/connection.js';
import { LibraryDb } from '../../../src/main/db/library.js';
import { decodeFtsStructure, ftsMergeStep, ftsOptimize, ftsShape, needsMerge, FtsMaintenance } from '../../../src/main/db/fts-maintenance.js';
import { LibraryService, starterPath } from '../../../src/main/services/library.js';
import type { ResolutionDocument } from '../../../src/shared/resolution/model.js';
import type { SearchOrder } from '../../../src/main/db/library-search.js';
import { QUERIES } from '../../../bench/library.bench.js';
import { tempDir } from '../../helpers/tmp.js';

const REPO = path.resolve(import.meta.dirname, '../../..');

/** Every `step`-th document of the starter library (parsed resolutions of sessions 78–79), in its order. */
function starterDocs(step: number): { file: string; hash: string; document: ResolutionDocument }[] {
  const lines = zlib.gunzipSync(fs.readFileSync(starterPath(REPO))).toString('utf8').split('\n').filter(Boolean);
  return lines.filter((_, i) => i % step === 0).map((l) => JSON.parse(l) as { file: string; hash: string; document: ResolutionDocument });
}

const EXTRA_QUERIES = ['the', '"of the"', 'develop* -sustainable', '"Member States" OR Secretary-General', '79/200', 'A/RES/78/1 OP1', 'encourag*'];
// Newest first for every query; by relevance (which reads up to a thousand rows) for every fourth.
const CASES: [string, SearchOrder, number][] = [...QUERIES, ...EXTRA_QUERIES].flatMap((q, i) => [[q, 'newest', 20] as [string, SearchOrder, number], ...(i % 4 === 0 ? [[q, 'relevance', 7] as [string, SearchOrder, number]] : [])]);

/** Every case's answer (ids, scores and snippets), as one comparable list; `newestOnly`: the newest-first cases alone (quicker, for the states in between). */
function answers(lib: LibraryDb, newestOnly = false): unknown[] {
  return CASES.filter((c) => !newestOnly || c[1] === 'newest').map(([q, order, limit]) => lib.search(q, {}, limit, order).map((h) => [h.paragraphId, h.score, h.snippet]));
}

let tmp: ReturnType<typeof tempDir>;
let docs: ReturnType<typeof starterDocs>;
let fragmented: string;

beforeAll(() => {
  tmp = tempDir();
  docs = starterDocs(9);
  // A library of `docs`, each stored in its own transaction (as an import does): many small segments.
  fragmented = path.join(tmp.dir, 'fragmented.sqlite');
  const db = openDatabase(fragmented);
  const lib = new LibraryDb(db);
  for (const d of docs) lib.insertDocument(d.document, { file: d.file, hash: d.hash });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
});
afterAll(() => tmp.cleanup());

/** A copy of the fragmented library, open. */
function fragmentedLibrary(name: string): { db: Db; lib: LibraryDb } {
  fs.copyFileSync(fragmented, path.join(tmp.dir, name));
  const db = openDatabase(path.join(tmp.dir, name));
  return { db, lib: new LibraryDb(db) };
}

describe('the structure record', () => {
  it('is read for both of its versions, and a record that does not add up is refused', () => {
    const db = new Database(':memory:');
    db.exec('CREATE VIRTUAL TABLE a USING fts5(x); CREATE VIRTUAL TABLE b USING fts5(x, content = \'\', contentless_delete = 1)');
    for (const t of ['a', 'b']) for (let i = 0; i < 3; i++) db.prepare(`INSERT INTO ${t} (rowid, x) VALUES (?, ?)`).run(i + 1, `word${i} common`);
    const record = (t: string) => db.prepare(`SELECT block FROM ${t}_data WHERE id = 10`).pluck().get() as Buffer;
    // Three transactions, three segments on the lowest level (too few to be merged automatically).
    expect(decodeFtsStructure(record('a'))).toEqual({ segments: 3, perLevel: [3], merging: false });
    expect(record('b').subarray(4, 8)).toEqual(Buffer.from([0xff, 0, 0, 1])); // the second version
    expect(decodeFtsStructure(record('b'))).toEqual({ segments: 3, perLevel: [3], merging: false });
    db.exec("INSERT INTO b (b) VALUES ('optimize')");
    expect(decodeFtsStructure(record('b')).segments).toBe(1);
    expect(() => decodeFtsStructure(record('a').subarray(0, 9))).toThrow(/cut short/);
    const bad = Buffer.from(record('a'));
    bad[5] = 4; // four segments claimed, three listed
    expect(() => decodeFtsStructure(bad)).toThrow(/segments/);
    db.close();
  });
});

describe('merge steps', () => {
  it('bring every level down to one segment, every search answering as before after each step, a merge left part way included', () => {
    const { db, lib } = fragmentedLibrary('steps.sqlite');
    const before = ftsShape(db);
    expect(before.segments).toBeGreaterThan(4);
    expect(needsMerge(before)).toBe(true);
    const want = answers(lib);
    const wantNewest = answers(lib, true);
    expect(want.flat().length).toBeGreaterThan(500);
    let steps = 0;
    let partWay = 0;
    // One page per step: merges stop part way through a level, and searches run in between.
    while (ftsMergeStep(db, 1)) {
      steps++;
      const shape = ftsShape(db);
      if (shape.merging) partWay++;
      if (steps % 3 === 1 || shape.merging) expect(answers(lib, true), `after step ${steps} (${JSON.stringify(shape)})`).toEqual(wantNewest);
      if (shape.merging && partWay === 1) expect(answers(lib), `after step ${steps}`).toEqual(want);
    }
    const after = ftsShape(db);
    expect(steps).toBeGreaterThan(1);
    expect(partWay).toBeGreaterThan(0);
    expect(needsMerge(after)).toBe(false);
    expect(after.perLevel.every((n) => n <= 1)).toBe(true);
    expect(after.segments).toBeLessThan(before.segments);
    expect(answers(lib)).toEqual(want);
    // Nothing left: a further step does nothing; 'optimize' then leaves one segment, same answers.
    expect(ftsMergeStep(db, 100)).toBe(false);
    ftsOptimize(db);
    expect(ftsShape(db).segments).toBe(1);
    expect(answers(lib)).toEqual(want);
    db.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 0)").run();
    db.close();
  });
});

describe('idle maintenance', () => {
  it('merges in slices once the library is left alone; searches between the slices answer as before', async () => {
    const file = path.join(tmp.dir, 'idle.sqlite');
    const { db, lib } = fragmentedLibrary('idle.sqlite');
    const want = answers(lib);
    const wantNewest = answers(lib, true);
    db.close();
    // One page per slice and no quiet time: many slices, with the searches below between them.
    const service = new LibraryService(file, undefined, { idleMaintenance: { maxPages: 1, quietMs: 0, pollMs: 5 } });
    try {
      const shapes: boolean[] = [];
      let settled = false;
      const done = service.searchIndexSettled().then(() => (settled = true));
      while (!settled) {
        await new Promise((r) => setTimeout(r, 1));
        shapes.push(needsMerge(ftsShape(service.db.db)));
        expect(answers(service.db, true)).toEqual(wantNewest);
      }
      await done;
      const stats = (await service.searchIndexSettled())!;
      expect(stats.failure).toBeNull();
      expect(stats.slices).toBeGreaterThan(1);
      // Searches ran while merging was still to do, and it was finished in the end.
      expect(shapes.filter(Boolean).length).toBeGreaterThan(0);
      expect(needsMerge(ftsShape(service.db.db))).toBe(false);
      expect(answers(service.db)).toEqual(want);
    } finally {
      service.close();
    }
  });

  it('waits while the library is in use, notices imports by itself, and stops with the service', async () => {
    const file = path.join(tmp.dir, 'busy.sqlite');
    fragmentedLibrary('busy.sqlite').db.close();
    // The library is "in use" for a minute after each touch: no slice may run meanwhile.
    const db = openDatabase(file);
    const m = new FtsMaintenance(db, { quietMs: 60_000, pollMs: 1 });
    m.start();
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 2));
    expect(m.stats.slices).toBe(0);
    expect(needsMerge(ftsShape(db))).toBe(true);
    m.stop();
    await m.settled();
    // Left alone, it merges; a later import (written through another object) is noticed and merged too.
    const idle = new FtsMaintenance(db, { sliceMs: 1000, quietMs: 0, pollMs: 1 });
    idle.start();
    await idle.settled();
    expect(needsMerge(ftsShape(db))).toBe(false);
    const lib = new LibraryDb(db);
    for (const [i, d] of docs.slice(0, 8).entries()) lib.insertDocument({ ...d.document, meta: { ...d.document.meta, symbol: `${d.document.meta.symbol}#${i}` } }, { file: `again-${i}`, hash: `again-${i}` });
    expect(needsMerge(ftsShape(db))).toBe(true);
    const slices = idle.stats.slices;
    // Its next look finds the writes; settled() waits for the merge.
    await new Promise((r) => setTimeout(r, 5));
    await idle.settled();
    expect(idle.stats.slices).toBeGreaterThan(slices);
    expect(needsMerge(ftsShape(db))).toBe(false);
    idle.stop();
    db.close();
    // A maintenance whose database is closed under it stops quietly.
    const db2 = openDatabase(file);
    const orphan = new FtsMaintenance(db2, { quietMs: 0, pollMs: 1 });
    orphan.start();
    db2.close();
    await new Promise((r) => setTimeout(r, 5));
    await orphan.settled();
    expect(orphan.stats.failure).toBeNull();
  });
});
