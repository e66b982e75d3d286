// The persisted match index: a snapshot round-trips the index exactly (same answers as the index
// it was taken from and as a rebuild), any single changed byte, a truncation or an extension of
// the file is refused, and through a real library database the file is used only when it was
// built from exactly the current library: extended with documents added since, rebuilt (and
// rewritten) after a removal, for another library, or when it is truncated, damaged or garbage.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { MatchIndex } from '../../../src/main/services/matcher.js';
import { decodeSnapshot, encodeSnapshot, SnapshotRejected } from '../../../src/main/services/match-snapshot.js';
import { matchSnapshotSettled, openMatchIndex, snapshotPath, type MatchIndexOrigin } from '../../../src/main/services/match-persist.js';
import { matchGeneration, type MatchGeneration } from '../../../src/main/db/match-store.js';
import { LibraryService } from '../../../src/main/services/library.js';
import type { ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { libraryDoc } from '../../helpers/library-docs.js';
import { rng } from '../../helpers/perturb.js';
import { tempDir } from '../../helpers/tmp.js';
import { expectSameAsRebuild as sameAsRebuild } from '../../helpers/match-index.js';

const GEN: MatchGeneration = { library: 'abc', added: 3, removed: 0, documents: 3, maxDocument: 3, schema: 2, vocab: 40 };

/** A random index: paragraphs of 1–30 tokens over a vocabulary of `vocab` ids, some removed. */
function randomIndex(seed: number, n: number, vocab: number): { index: MatchIndex; docs: Map<number, Int32Array> } {
  const r = rng(seed);
  const index = new MatchIndex();
  const docs = new Map<number, Int32Array>();
  for (let i = 0; i < n; i++) {
    const id = r() < 0.1 && docs.size ? [...docs.keys()][Math.floor(r() * docs.size)]! : 10 + i * 3;
    const t = new Int32Array(1 + Math.floor(r() * 30)).map(() => 1 + Math.floor(r() * vocab));
    index.add(id, t, Math.floor(r() * 4));
    docs.set(id, t);
    // Never the last one: the property queries with the documents left.
    if (r() < 0.05 && docs.size > 1) {
      const gone = [...docs.keys()][Math.floor(r() * docs.size)]!;
      index.remove(gone);
      docs.delete(gone);
    }
  }
  return { index, docs };
}

const answers = (index: MatchIndex, queries: Int32Array[]) => queries.map((q) => [index.query(q, 5), index.query(q, 5, { prefix: true, tag: 1 }), index.exhaustive(q, 3)]);

describe('snapshot encoding', () => {
  it('round-trips an index: same size and answers, 16- and 32-bit arenas (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 120 }), fc.constantFrom(50, 70_000), (seed, n, vocab) => {
        const { index, docs } = randomIndex(seed, n, vocab);
        const { parts, gen } = decodeSnapshot(encodeSnapshot(index.toSnapshot(), GEN));
        expect(gen).toEqual(GEN);
        const back = MatchIndex.fromSnapshot(parts);
        expect(back.size).toBe(index.size);
        const queries = [...docs.values()].slice(0, 6);
        expect(answers(back, queries)).toEqual(answers(index, queries));
        // The loaded index keeps working: additions and removals after a load.
        back.add(1_000_000, queries[0]!, 1);
        index.add(1_000_000, queries[0]!, 1);
        back.remove([...docs.keys()][0]!);
        index.remove([...docs.keys()][0]!);
        expect(answers(back, queries)).toEqual(answers(index, queries));
      }),
      { numRuns: 40, examples: [[999999981, 2, 50]] },
    );
  });

  it('reads a 16-bit arena as it is, and widens it when the 65,537th term arrives', () => {
    // 65,500 distinct terms in 1,310 paragraphs, then paragraphs with new terms up to 65,560.
    const para = (i: number) => Int32Array.from({ length: 50 }, (_, j) => i * 50 + j);
    const direct = new MatchIndex();
    for (let i = 0; i < 1310; i++) direct.add(i + 1, para(i), i % 3);
    const { parts } = decodeSnapshot(encodeSnapshot(direct.toSnapshot(), GEN));
    expect(parts.arena).toBeInstanceOf(Uint16Array);
    const back = MatchIndex.fromSnapshot(parts);
    const probe = [para(0), para(700), para(1309), para(1311)];
    expect(answers(back, probe)).toEqual(answers(direct, probe));
    for (let i = 1310; i < 1312; i++) {
      back.add(i + 1, para(i), 1);
      direct.add(i + 1, para(i), 1);
    }
    expect(answers(back, probe)).toEqual(answers(direct, probe));
    const again = decodeSnapshot(encodeSnapshot(back.toSnapshot(), GEN)).parts;
    expect(again.arena).toBeInstanceOf(Int32Array);
    expect(answers(MatchIndex.fromSnapshot(again), probe)).toEqual(answers(direct, probe));
  });

  it('refuses any single changed byte, any truncation and an extension', () => {
    const { index } = randomIndex(7, 40, 60);
    const good = encodeSnapshot(index.toSnapshot(), GEN);
    const r = rng(11);
    for (let i = 0; i < good.length; i += 1 + Math.floor(r() * 3)) {
      const bad = new Uint8Array(good);
      bad[i] ^= 1 + Math.floor(r() * 255);
      expect(() => decodeSnapshot(bad), `byte ${i}`).toThrow(SnapshotRejected);
    }
    for (const n of [0, 8, 63, 64, good.length - 16, good.length - 1]) expect(() => decodeSnapshot(good.subarray(0, n)), `length ${n}`).toThrow(SnapshotRejected);
    const longer = new Uint8Array(good.length + 16);
    longer.set(good);
    expect(() => decodeSnapshot(longer)).toThrow(/length/);
    expect(() => decodeSnapshot(new Uint8Array(200).fill(7))).toThrow(/not a match index file/);
  });

  it('a checksum-valid snapshot whose arrays disagree is still refused by the index', () => {
    const { index } = randomIndex(3, 20, 30);
    const parts = index.toSnapshot();
    expect(() => MatchIndex.fromSnapshot({ ...parts, lens: parts.lens.subarray(1) })).toThrow(/inconsistent/);
    const postOff = parts.postOff.slice();
    postOff[1] = postOff[2]! + 1;
    expect(() => MatchIndex.fromSnapshot({ ...parts, postOff })).toThrow(/inconsistent/);
  });
});

const para = (i: number) => `Requests the Secretary-General to report on measure ${['alpha', 'beta', 'gamma', 'delta', 'epsilon'][i % 5]} number ${i} concerning topic ${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + ((i * 7) % 26))} and its follow-up;`;
const doc = (k: number): ResolutionDocument =>
  libraryDoc({ symbol: `A/RES/79/${k}`, session: '79', adoptionDate: '2024-12-01' }, [`Recalling its resolution ${k} on item ${k % 3},`], Array.from({ length: 4 }, (_, i) => para(k * 4 + i)));

describe('the persisted index of a library', () => {
  let tmp: ReturnType<typeof tempDir>;
  let file: string;
  let lib: LibraryService;
  const add = (k: number) => lib.addDocument(doc(k), { file: `f${k}`, hash: `h${k}` });
  const open = (): { index: MatchIndex; origin: MatchIndexOrigin } => openMatchIndex(lib.db.db, file, { persistFrom: 0 });
  /** Opens, then waits for the background write. */
  const openAndSettle = async () => {
    const r = open();
    await matchSnapshotSettled(file);
    return r;
  };
  const probe = [para(5), para(17).replace('report', 'inform'), 'Recalling its resolution 3 on item 0,'];
  /** The answers of an index against the same library rebuilt from its stored tokens. */
  const expectSameAsRebuild = (index: MatchIndex) => sameAsRebuild(lib, index, probe);

  beforeEach(() => {
    tmp = tempDir();
    file = path.join(tmp.dir, 'library.sqlite');
    lib = new LibraryService(file);
    for (let k = 1; k <= 6; k++) add(k);
  });
  afterEach(async () => {
    await matchSnapshotSettled(file);
    lib.close();
    tmp.cleanup();
  });

  it('is written after a rebuild, then used as it is while the library is unchanged', async () => {
    expect((await openAndSettle()).origin).toMatchObject({ source: 'rebuilt', documentsRead: 6, reason: 'there was no persisted index' });
    expect(fs.existsSync(snapshotPath(file)!)).toBe(true);
    const { index, origin } = await openAndSettle();
    expect(origin).toEqual({ source: 'snapshot', documentsRead: 0 });
    expectSameAsRebuild(index);
  });

  it('is extended with the documents added since, and rewritten', async () => {
    await openAndSettle();
    add(7);
    add(8);
    const { index, origin } = await openAndSettle();
    expect(origin).toMatchObject({ source: 'snapshot+newer', documentsRead: 2 });
    expectSameAsRebuild(index);
    expect((await openAndSettle()).origin.source).toBe('snapshot');
  });

  it('is rebuilt after a document was removed, never trusted stale', async () => {
    await openAndSettle();
    const victim = lib.document('A/RES/79/3')!.row.id;
    expect(lib.db.deleteDocument(victim)).toBe(true);
    add(9); // the same number of documents as when the file was written
    const { index, origin } = await openAndSettle();
    expect(origin).toMatchObject({ source: 'rebuilt', reason: 'the library changed otherwise than by additions since it was written' });
    expectSameAsRebuild(index);
    expect(decodeSnapshot(fs.readFileSync(snapshotPath(file)!)).gen).toEqual(matchGeneration(lib.db.db));
  });

  it('is rebuilt when truncated, damaged, garbage or from another library, and replaced by a good one', async () => {
    await openAndSettle();
    const snap = snapshotPath(file)!;
    const good = fs.readFileSync(snap);
    const cases: [string, Buffer, RegExp][] = [
      ['truncated', good.subarray(0, Math.floor(good.length / 2)), /length/],
      ['damaged', Buffer.from(good.map((b, i) => (i === good.length - 40 ? b ^ 0x10 : b))), /checksum/],
      ['garbage', Buffer.from('not an index at all, just some text that is long enough to pass the header size check'), /not a match index file/],
      ['empty', Buffer.alloc(0), /truncated/],
    ];
    for (const [what, bytes, why] of cases) {
      fs.writeFileSync(snap, bytes);
      const { index, origin } = await openAndSettle();
      expect(origin.source, what).toBe('rebuilt');
      expect(origin.reason, what).toMatch(why);
      expectSameAsRebuild(index);
      expect(decodeSnapshot(fs.readFileSync(snap)).gen, what).toEqual(matchGeneration(lib.db.db));
    }
    // A file written for another library with the same counts.
    const other = decodeSnapshot(fs.readFileSync(snap));
    fs.writeFileSync(snap, encodeSnapshot(other.parts, { ...other.gen, library: 'another' }));
    expect((await openAndSettle()).origin).toMatchObject({ source: 'rebuilt', reason: 'the library changed otherwise than by additions since it was written' });
  });

  it('the library service answers from the persisted index after a restart', async () => {
    const before = lib.match(para(10)).matches;
    await openAndSettle();
    lib.close();
    lib = new LibraryService(file);
    expect(lib.match(para(10)).matches).toEqual(before);
  });
});
