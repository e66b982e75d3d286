// A batch of imported documents is written to the search index (FTS5) in one flush at its
// commit, not one per document (issue 14, import speed): a savepoint per document made FTS5
// write each document's terms out as a segment of its own, which cost the main thread a tenth of
// its store time. A document that cannot be stored still fails alone: the batch is then stored
// again with a savepoint per document.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { openDatabase, type Db } from '../../../src/main/db/connection.js';
import { LibraryDb } from '../../../src/main/db/library.js';
import { ftsLeavesWritten } from '../../../src/main/db/fts-maintenance.js';
import { prepareDocument } from '../../../src/main/services/library-rows.js';
import { storeBatch, type BatchFile, type BatchStore } from '../../../src/main/services/library-batch.js';
import { searchText } from '../../../src/shared/text/search-terms.js';
import { libraryDoc } from '../../helpers/library-docs.js';
import { tempDir } from '../../helpers/tmp.js';

let tmp: ReturnType<typeof tempDir>;
let db: Db;
beforeEach(() => {
  tmp = tempDir();
  db = openDatabase(path.join(tmp.dir, 'library.sqlite'));
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

/** A word of its own for document i (letters only: digits would be tokens of their own). */
const word = (i: number) => `zorblax${String.fromCharCode(97 + i).repeat(2)}`;

function batchOf(n: number): BatchFile[] {
  return Array.from({ length: n }, (_, i) => {
    const doc = libraryDoc({ kind: 'resolution', symbol: `A/RES/79/${i + 1}`, session: '79', adoptionDate: '2024-12-19', language: 'en' }, [`Recalling its resolution ${i + 100},`], [`Requests the report number ${i + 7} on the ${word(i)} programme;`, 'Decides to remain seized of the matter.']);
    return { file: `f${i}.txt`, outcome: { source: { hash: `h${i}`, fileName: `f${i}.txt`, format: 'text', kind: 'txt' }, prepared: prepareDocument(doc) } } satisfies BatchFile;
  });
}

/** Paragraphs the search index finds for a word (as the search terms hold it). */
const hits = (w: string) => db.prepare('SELECT count(*) FROM search_fts WHERE search_fts MATCH ?').pluck().get(`"${searchText(w, 'en')}"`);

function service(lib: LibraryDb, indexed: number[]): BatchStore {
  return {
    transaction: (fn) => {
      try {
        return db.transaction(fn)();
      } catch (e) {
        lib.forgetVocabulary();
        throw e;
      }
    },
    store: (_meta, source, prepare, savepoint) => {
      const r = lib.insertPrepared(prepare(), source, savepoint);
      return { item: { file: source.file, status: 'imported', paragraphs: r.paragraphs.length }, paragraphs: r.paragraphs };
    },
    indexAdd: (p) => indexed.push(...p.map((e) => e.id)),
  };
}

describe('storing a batch of imported documents', () => {
  it('flushes the search index once for the batch, not once per document', () => {
    const indexed: number[] = [];
    const items = storeBatch(service(new LibraryDb(db), indexed), batchOf(12));
    expect(items.map((i) => i.status)).toEqual(Array(12).fill('imported'));
    // Twelve small documents fit in one leaf page; a flush per document wrote at least twelve.
    expect(ftsLeavesWritten(db)).toBe(1);
    expect(indexed.length).toBe(36);
    expect(hits(word(5))).toBe(1);
  });

  it('a document refused part way fails alone, leaving no row, term or index entry behind', () => {
    const lib = new LibraryDb(db);
    db.exec("CREATE TEMP TRIGGER refuse BEFORE INSERT ON paragraphs WHEN NEW.text LIKE '%zorblaxee %' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
    const indexed: number[] = [];
    const items = storeBatch(service(lib, indexed), batchOf(8));
    expect(items.map((i) => i.status)).toEqual(['imported', 'imported', 'imported', 'imported', 'failed', 'imported', 'imported', 'imported']);
    expect(items[4]!.reason).toContain('refused by the test');
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(7);
    expect(db.prepare('SELECT count(*) FROM paragraphs').pluck().get()).toBe(21);
    expect(indexed.length).toBe(21);
    expect(db.prepare("SELECT count(*) FROM vocab WHERE term = 'zorblaxee'").pluck().get()).toBe(0);
    expect([...lib.tokenIds('zorblaxee', false)]).toEqual([-1]);
    expect(hits(word(4))).toBe(0);
  });
});
