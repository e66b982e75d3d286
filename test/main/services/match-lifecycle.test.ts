// The match index over a library's life: a removed document's paragraphs leave the index at once
// (they are never suggested again), and an index that must be rebuilt (the first start after a
// large import) is built by a worker thread, never on the thread that answers search, with the
// documents stored or removed meanwhile accounted for.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { MatchIndex } from '../../../src/main/services/matcher.js';
import { matchSnapshotSettled, openMatchIndexOffThread, snapshotPath, type MatchIndexOrigin } from '../../../src/main/services/match-persist.js';
import { decodeSnapshot } from '../../../src/main/services/match-snapshot.js';
import { matchGeneration } from '../../../src/main/db/match-store.js';
import { LibraryService } from '../../../src/main/services/library.js';
import type { ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { libraryDoc } from '../../helpers/library-docs.js';
import { tempDir } from '../../helpers/tmp.js';
import { createServices } from '../../../src/main/services/index.js';
import { expectSameAsRebuild as sameAsRebuild } from '../../helpers/match-index.js';

const TOPICS = ['fisheries', 'desertification', 'cyberspace', 'migration', 'landmines', 'pandemics', 'oceans', 'literacy', 'drought', 'statelessness'];
const para = (k: number, i: number) =>
  `Calls upon Member States to strengthen cooperation on ${TOPICS[k % TOPICS.length]} through measure ${['alpha', 'beta', 'gamma', 'delta'][i % 4]} of programme ${k} and its follow-up;`;
const doc = (k: number): ResolutionDocument =>
  libraryDoc({ symbol: `A/RES/79/${k}`, session: '79', adoptionDate: '2024-12-01' }, [`Recalling its resolution ${k} on ${TOPICS[k % TOPICS.length]},`], Array.from({ length: 4 }, (_, i) => para(k, i)));

let tmp: ReturnType<typeof tempDir>;
let file: string;
let lib: LibraryService;
const add = (k: number) => lib.addDocument(doc(k), { file: `f${k}`, hash: `h${k}` });
const idsOf = (symbol: string) => lib.db.paragraphsOf(lib.document(symbol)!.row.id).map((p) => p.id);

/** The index answers the same as one rebuilt from the stored tokens (probes: a dozen stored paragraphs). */
const expectSameAsRebuild = (index: MatchIndex) => sameAsRebuild(lib, index, lib.allParagraphTexts().slice(0, 12));

beforeEach(() => {
  tmp = tempDir();
  file = path.join(tmp.dir, 'library.sqlite');
  lib = new LibraryService(file, undefined, { matchPersistFrom: 0 });
  for (let k = 1; k <= 8; k++) add(k);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await matchSnapshotSettled(file);
  lib.close();
  tmp.cleanup();
});

describe('a removed document', () => {
  it('leaves the match index at once: its wording is never suggested again', () => {
    const text = para(3, 1);
    const gone = idsOf('A/RES/79/3');
    const before = lib.match(text).matches;
    expect(before[0]).toMatchObject({ symbol: 'A/RES/79/3', text });
    const size = lib.matchIndex().size;
    expect(lib.db.deleteDocument(lib.document('A/RES/79/3')!.row.id)).toBe(true);
    expect(lib.matchIndex().size).toBe(size - gone.length);
    // Neither the index nor the service offers any of its paragraphs, whole or as an opening.
    const tokens = lib.db.tokenIds(text, false);
    expect(lib.matchIndex().query(tokens, 50).filter((h) => gone.includes(h.id))).toEqual([]);
    expect(lib.matchIndex().query(tokens, 50, { prefix: true }).filter((h) => gone.includes(h.id))).toEqual([]);
    expect(lib.match(text, { limit: 20 }).matches.map((m) => m.symbol)).not.toContain('A/RES/79/3');
    expect(lib.suggest(text.split(' ').slice(0, 8).join(' '), { limit: 20 }).suggestions.map((m) => m.symbol)).not.toContain('A/RES/79/3');
    expectSameAsRebuild(lib.matchIndex());
  });

  it('deleting an unknown document changes nothing', () => {
    const size = lib.matchIndex().size;
    expect(lib.db.deleteDocument(99_999)).toBe(false);
    expect(lib.matchIndex().size).toBe(size);
  });
});

describe('an index that must be rebuilt', () => {
  it('is built by a worker thread: this thread never loads it from the stored tokens, and writes the file', async () => {
    const load = vi.spyOn(MatchIndex.prototype, 'load');
    let got: { index: MatchIndex; origin: MatchIndexOrigin } | undefined;
    const ready = openMatchIndexOffThread(lib.db.db, file, (r) => (got = r), { persistFrom: 0 });
    // Search answers while the worker builds.
    expect(lib.search('Member States').hits.length).toBeGreaterThan(0);
    await ready;
    expect(load).not.toHaveBeenCalled();
    expect(got!.origin).toMatchObject({ source: 'rebuilt', offThread: true, documentsRead: 8, reason: 'there was no persisted index' });
    expectSameAsRebuild(got!.index);
    await matchSnapshotSettled(file);
    expect(decodeSnapshot(fs.readFileSync(snapshotPath(file)!)).gen).toEqual(matchGeneration(lib.db.db));
  });

  it('through the service: the same answers as a build on this thread, with documents added and removed meanwhile', async () => {
    const load = vi.spyOn(MatchIndex.prototype, 'load');
    const ready = lib.matchIndexReady();
    expect(lib.matchIndexReady()).toBe(ready);
    add(9);
    lib.db.deleteDocument(lib.document('A/RES/79/2')!.row.id);
    add(10);
    const index = await ready;
    expect(load).not.toHaveBeenCalled();
    expect(await lib.matchIndexReady()).toBe(index);
    expect(lib.matchIndex()).toBe(index);
    expectSameAsRebuild(index);
    expect(lib.match(para(9, 2)).matches[0]).toMatchObject({ symbol: 'A/RES/79/9' });
    expect(lib.match(para(2, 2), { limit: 20 }).matches.map((m) => m.symbol)).not.toContain('A/RES/79/2');
    // Kept in step afterwards as before.
    add(11);
    expect(lib.match(para(11, 0)).matches[0]).toMatchObject({ symbol: 'A/RES/79/11' });
    expectSameAsRebuild(index);
  });

  it('is read from its file at the next start, on this thread (no worker needed)', async () => {
    await lib.matchIndexReady();
    await matchSnapshotSettled(file);
    lib.close();
    lib = new LibraryService(file, undefined, { matchPersistFrom: 0 });
    const load = vi.spyOn(MatchIndex.prototype, 'load');
    const fromSnapshot = vi.spyOn(MatchIndex, 'fromSnapshot');
    const index = await lib.matchIndexReady();
    expect(load).not.toHaveBeenCalled();
    expect(fromSnapshot).toHaveBeenCalledTimes(1);
    expectSameAsRebuild(index);
  });

  it('a small library is built on this thread as before', async () => {
    lib.close();
    lib = new LibraryService(file);
    const load = vi.spyOn(MatchIndex.prototype, 'load');
    const index = await lib.matchIndexReady();
    expect(load).toHaveBeenCalledTimes(1);
    expectSameAsRebuild(index);
  });

  it('rejects with a clear message when the library is closed before the index is ready', async () => {
    const ready = lib.matchIndexReady();
    lib.close();
    await expect(ready).rejects.toThrow(/closed while its match index was being prepared/);
    lib = new LibraryService(file, undefined, { matchPersistFrom: 0 });
  });
});

describe('the API', () => {
  it('answers match, suggest, history and lineage once the index is ready', async () => {
    const api = createServices({ dataDir: path.join(tmp.dir, 'data'), mode: 'test', version: '9', starter: false });
    try {
      api.library.addDocument(doc(4), { file: 'f4', hash: 'h4' });
      const text = para(4, 2);
      const { matches } = await api['library.match']({ text });
      expect(matches[0]).toMatchObject({ symbol: 'A/RES/79/4', text });
      const { suggestions } = await api['library.suggest']({ text: text.split(' ').slice(0, 9).join(' ') });
      expect(suggestions[0]).toMatchObject({ symbol: 'A/RES/79/4' });
      expect((await api['library.history']({ paragraphId: matches[0]!.paragraphId })).count).toBe(1);
      expect((await api['library.lineage']({ paragraphId: matches[0]!.paragraphId })).versions.map((v) => v.symbol)).toEqual(['A/RES/79/4']);
    } finally {
      api.close();
    }
  });
});
