// The built starter database ships with its persisted match index (scripts/build-starter.ts), and a
// new data folder's first-start copy (LibraryService.openStarterCopy) takes it along, so that the
// first match needs no index build; a damaged, cut-short, missing or stale shipped index is refused
// by match-persist.ts's checks and the index is built by the worker as before, with the same results.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { LibraryService } from '../../../src/main/services/library.js';
import { matchSnapshotSettled, snapshotPath, type MatchIndexOrigin } from '../../../src/main/services/match-persist.js';
import { decodeSnapshot } from '../../../src/main/services/match-snapshot.js';
import { matchGeneration } from '../../../src/main/db/match-store.js';
import { libraryDoc } from '../../helpers/library-docs.js';
import { tempDir } from '../../helpers/tmp.js';
import { buildStarterDatabase } from '../../../scripts/build-starter.js';

const VERBS = ['Calls upon', 'Encourages', 'Urges', 'Invites', 'Requests'];
const QUERIES = [
  'Calls upon States to implement measure number 7 on water fully;',
  'Urges Member States to strengthen cooperation on topic 12 and report',
  'Requests the Secretary-General to report on measure 30',
  'Encourages all States to implement measure number 41 on health',
];

let tmp: ReturnType<typeof tempDir>;
let starter: string;
let built: string;
beforeAll(() => {
  tmp = tempDir();
  const topics = ['water', 'health', 'education', 'oceans'];
  const lines = Array.from({ length: 60 }, (_, i) => {
    const ops = [0, 1, 2].map((k) => `${VERBS[(i + k) % VERBS.length]} States to implement measure number ${i} on ${topics[(i + k) % topics.length]} fully and report on topic ${i + k};`);
    const doc = libraryDoc({ kind: 'resolution', symbol: `A/RES/70/${i + 1}`, session: '70', adoptionDate: '2015-12-01', title: `Topic ${i}` }, [`Recalling its resolution on topic ${i},`], ops);
    return JSON.stringify({ file: `s${i}.txt`, hash: `s${i}`, document: doc });
  });
  starter = path.join(tmp.dir, 'starter.jsonl.gz');
  fs.writeFileSync(starter, zlib.gzipSync(lines.join('\n')));
  built = path.join(tmp.dir, 'built', 'library.sqlite');
  fs.mkdirSync(path.dirname(built), { recursive: true });
  buildStarterDatabase(built, starter);
});
afterAll(() => tmp.cleanup());

/** A service on a new data folder started from `prebuilt`, as the app makes it; persisted (and built off the main thread) from 10 paragraphs, as the real starter library is. */
function firstStart(name: string, prebuilt = built): { lib: LibraryService; file: string } {
  const file = path.join(tmp.dir, name, 'library.sqlite');
  return { lib: new LibraryService(file, starter, { starterInBackground: true, starterDatabase: prebuilt, matchPersistFrom: 10 }), file };
}

/** The index's origin once ready and what it answers to QUERIES (every field of every match). */
async function readyAndAnswers(lib: LibraryService): Promise<{ origin: MatchIndexOrigin; answers: unknown[] }> {
  await lib.matchIndexReady();
  const answers = QUERIES.map((q) => lib.match(q, { limit: 5 }).matches);
  return { origin: lib.matchIndexOrigin!, answers };
}

/** A copy of the built database with this shipped match index beside it (null: none). */
function shippedWith(name: string, snapshot: Uint8Array | null): string {
  const db = path.join(tmp.dir, name, 'starter.sqlite');
  fs.mkdirSync(path.dirname(db), { recursive: true });
  fs.copyFileSync(built, db);
  if (snapshot) fs.writeFileSync(snapshotPath(db)!, snapshot);
  return db;
}

describe('the starter library ships its match index', () => {
  it('is written by the build from the compacted database as it ships, keyed to its generation', () => {
    const shipped = fs.readFileSync(snapshotPath(built)!);
    const db = new Database(built, { readonly: true });
    try {
      expect(decodeSnapshot(shipped).gen).toEqual(matchGeneration(db));
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    } finally {
      db.close();
    }
    expect(fs.readdirSync(path.dirname(built)).sort()).toEqual(['library.sqlite', 'library.sqlite.match-index']);
  });

  it('gives a new data folder its match index without a build, answering as a built one', async () => {
    const { lib, file } = firstStart('new');
    let fromSnapshot;
    try {
      expect(lib.stats().documents).toBe(60);
      fromSnapshot = await readyAndAnswers(lib);
      expect(fromSnapshot.origin).toEqual({ source: 'snapshot', documentsRead: 0 });
      await matchSnapshotSettled(file);
    } finally {
      lib.close();
    }
    // Nothing rewrote it: the data folder holds exactly the shipped file.
    expect(fs.readFileSync(snapshotPath(file)!).equals(fs.readFileSync(snapshotPath(built)!))).toBe(true);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('.starter-') || f.includes('.tmp-'))).toEqual([]);

    // The same answers as an index built from the stored tokens by the worker (no shipped index).
    const plain = firstStart('plain', shippedWith('plain-shipped', null)).lib;
    try {
      const rebuilt = await readyAndAnswers(plain);
      expect(rebuilt.origin).toMatchObject({ source: 'rebuilt', offThread: true, reason: 'there was no persisted index' });
      expect(rebuilt.answers).toEqual(fromSnapshot.answers);
      expect(fromSnapshot.answers.every((a) => (a as unknown[]).length > 0)).toBe(true);
    } finally {
      plain.close();
    }
  });

  it('refuses a damaged or cut-short shipped index, builds in the worker with the same results, and starts from the fresh file next time', async () => {
    const good = fs.readFileSync(snapshotPath(built)!);
    const reference = firstStart('reference').lib;
    const expected = await readyAndAnswers(reference).finally(() => reference.close());
    const flipped = Buffer.from(good);
    flipped[Math.floor(flipped.length / 2)]! ^= 0x10;
    const cases: [string, Uint8Array, RegExp][] = [
      ['flipped', flipped, /refused/],
      ['halved', good.subarray(0, Math.floor(good.length / 2)), /refused: its length is/],
      ['empty', new Uint8Array(0), /refused: it is truncated/],
    ];
    for (const [name, bytes, reason] of cases) {
      const { lib, file } = firstStart(name, shippedWith(`${name}-shipped`, bytes));
      try {
        const got = await readyAndAnswers(lib);
        expect(got.origin, name).toMatchObject({ source: 'rebuilt', offThread: true });
        expect(got.origin.reason, name).toMatch(reason);
        expect(got.answers, name).toEqual(expected.answers);
        await matchSnapshotSettled(file);
      } finally {
        lib.close();
      }
      // The worker replaced the refused file: the next start of that folder builds nothing.
      const again = new LibraryService(file, starter, { starterInBackground: true, matchPersistFrom: 10 });
      try {
        expect((await readyAndAnswers(again)).origin, name).toEqual({ source: 'snapshot', documentsRead: 0 });
      } finally {
        again.close();
      }
    }
  });

  it('never leaves an index of another library in a new data folder', async () => {
    // Another build of the same starter file: the same documents, another library generation.
    const other = path.join(tmp.dir, 'other', 'library.sqlite');
    fs.mkdirSync(path.dirname(other), { recursive: true });
    buildStarterDatabase(other, starter);
    const otherIndex = fs.readFileSync(snapshotPath(other)!);
    expect(otherIndex.equals(fs.readFileSync(snapshotPath(built)!))).toBe(false);

    // Left in the data folder without its database (a library moved away): replaced by the shipped one.
    const { lib, file } = firstStart('stale');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(snapshotPath(file)!, otherIndex);
    try {
      expect((await readyAndAnswers(lib)).origin).toEqual({ source: 'snapshot', documentsRead: 0 });
    } finally {
      lib.close();
    }
    expect(fs.readFileSync(snapshotPath(file)!).equals(fs.readFileSync(snapshotPath(built)!))).toBe(true);

    // The same when nothing ships to replace it: removed at the copy, before any index is asked for.
    const bare = firstStart('stale-bare', shippedWith('bare-shipped', null));
    fs.mkdirSync(path.dirname(bare.file), { recursive: true });
    fs.writeFileSync(snapshotPath(bare.file)!, otherIndex);
    try {
      expect(bare.lib.stats().documents).toBe(60);
      expect(fs.existsSync(snapshotPath(bare.file)!)).toBe(false);
    } finally {
      bare.lib.close();
    }

    // Shipped beside the wrong database (a mixed-up build): refused by its generation and rebuilt.
    const mixed = firstStart('mixed', shippedWith('mixed-shipped', otherIndex)).lib;
    try {
      const got = await readyAndAnswers(mixed);
      expect(got.origin).toMatchObject({ source: 'rebuilt', offThread: true, reason: 'the library changed otherwise than by additions since it was written' });
    } finally {
      mixed.close();
    }
  });
});
