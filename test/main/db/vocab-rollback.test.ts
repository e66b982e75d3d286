// The in-memory matching vocabulary must stay what the database holds when a store rolls back
// (a full disk, a refused row, a batch whose commit fails). The vocabulary's ids are SQLite rowids:
// after a rollback the ids the lost terms had are free again, and the next new term takes one.
// A map that kept the lost terms would then give two different words the same id, and the
// Matches panel would count one as the other.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { openDatabase, type Db } from '../../../src/main/db/connection.js';
import { LibraryDb } from '../../../src/main/db/library.js';
import { LibraryService } from '../../../src/main/services/library.js';
import { libraryDoc } from '../../helpers/library-docs.js';
import { tempDir } from '../../helpers/tmp.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

const LOST = 'Welcomes the quokkafoo and the wallabyqux initiatives;';
const LATER = 'Encourages the marmotbar and the ocelotbaz programmes;';

function doc(symbol: string, ops: string[]) {
  return libraryDoc({ kind: 'resolution', symbol, session: '79', adoptionDate: '2024-12-19', language: 'en' }, ['Recalling its earlier resolutions,'], ops);
}

/** The ids a library with no memory of its own (a fresh LibraryDb) reads for a text. */
function truth(db: Db, text: string): number[] {
  return [...new LibraryDb(db).tokenIds(text, false)];
}

describe('vocabulary after a rollback', () => {
  let db: Db;
  afterEach(() => db?.close());

  it('a document refused after its new terms were numbered leaves no term behind in memory', () => {
    db = openDatabase(path.join(tmp.dir, 'library.sqlite'));
    const lib = new LibraryDb(db);
    lib.insertDocument(doc('A/RES/79/1', ['Requests the Secretary-General to report;']), { file: 'a', hash: 'a' });
    // Refused at the paragraph row, after the document row and the new vocabulary rows.
    db.exec("CREATE TEMP TRIGGER refuse BEFORE INSERT ON paragraphs WHEN NEW.text LIKE '%quokkafoo%' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
    expect(() => lib.insertDocument(doc('A/RES/79/2', [LOST]), { file: 'b', hash: 'b' })).toThrow(/refused by the test/);
    lib.insertDocument(doc('A/RES/79/3', [LATER]), { file: 'c', hash: 'c' });

    expect([...lib.tokenIds(LATER, false)]).toEqual(truth(db, LATER));
    expect([...lib.tokenIds(LOST, false)]).toEqual(truth(db, LOST));
    // The lost words are unknown again (-1), not aliases of the later ones.
    const later = new Set(lib.tokenIds(LATER, false));
    expect([...lib.tokenIds('quokkafoo wallabyqux', false)]).toEqual([-1, -1]);
    expect([...lib.tokenIds('marmotbar ocelotbaz', false)].every((id) => later.has(id) && id > 0)).toBe(true);
  });

  it('a batch transaction that rolls back forgets the terms its documents added', () => {
    const file = path.join(tmp.dir, 'library.sqlite');
    const service = new LibraryService(file);
    try {
      expect(() =>
        service.transaction(() => {
          service.db.insertDocument(doc('A/RES/79/2', [LOST]), { file: 'b', hash: 'b' });
          throw new Error('the batch fails at its end');
        }),
      ).toThrow(/the batch fails/);
      service.db.insertDocument(doc('A/RES/79/3', [LATER]), { file: 'c', hash: 'c' });
      expect(service.document('A/RES/79/2')).toBeUndefined();
      expect([...service.db.tokenIds(LATER, false)]).toEqual(truth(service.db.db, LATER));
      expect([...service.db.tokenIds('quokkafoo wallabyqux', false)]).toEqual([-1, -1]);
    } finally {
      service.close();
    }
  });
});
