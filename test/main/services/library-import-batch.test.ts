// Importing many files (issue 14, import speed): the workers read ahead while this thread stores
// documents in batches, one transaction per batch (a savepoint per document only once one fails). Every file still
// ends with its own item, in file order; a document that cannot be stored fails alone; progress
// is told only once a file is stored (committed: another connection sees it); the match index
// gets the stored paragraphs and none of a refused document.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LibraryService } from '../../../src/main/services/library.js';
import { CORPUS } from '../../helpers/corpus.js';
import { tempDir } from '../../helpers/tmp.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

const GA = fs.readdirSync(path.join(CORPUS, 'ga-en')).filter((f) => /^A_RES_7[89]_\d+\.txt$/.test(f)).sort().slice(0, 40);

describe('batched import', () => {
  it('reports every file in order once stored; a refused document fails alone; the match index follows', async () => {
    expect(GA.length).toBe(40);
    const files = GA.map((f) => path.join(CORPUS, 'ga-en', f));
    const copy = path.join(tmp.dir, 'copy-of-first.txt');
    fs.copyFileSync(files[0]!, copy);
    const garbage = path.join(tmp.dir, 'garbage.txt');
    fs.writeFileSync(garbage, Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)));
    const inputs = [...files.slice(0, 20), garbage, copy, ...files.slice(20)];

    const file = path.join(tmp.dir, 'library.sqlite');
    const lib = new LibraryService(file);
    lib.matchIndex(); // loaded before the import: kept in step with it
    const refused = 'A/RES/78/110';
    lib.db.db.exec(`CREATE TEMP TRIGGER refuse BEFORE INSERT ON documents WHEN NEW.symbol = '${refused}' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
    const reader = new Database(file, { readonly: true });
    const seen: string[] = [];
    try {
      const summary = await lib.importPaths(inputs, (done, total, item) => {
        expect(total).toBe(inputs.length);
        expect(done).toBe(seen.length + 1);
        seen.push(item.file);
        // Committed before it is reported: another connection already sees the document.
        const stored = reader.prepare('SELECT count(*) FROM documents WHERE source_file = ?').pluck().get(item.file);
        expect(stored).toBe(item.status === 'imported' ? 1 : 0);
      });
      expect(seen).toEqual(inputs);
      expect(summary.items.map((i) => i.file)).toEqual(inputs);
      const status = (f: string) => summary.items.find((i) => i.file === f)!;
      expect(status(garbage).status).toBe('failed');
      expect(status(copy)).toMatchObject({ status: 'skipped' });
      const refusedItem = summary.items.find((i) => i.status === 'failed' && i.file !== garbage)!;
      expect(refusedItem.reason).toContain('refused by the test');
      expect(path.basename(refusedItem.file)).toBe('A_RES_78_110.txt');
      expect(summary).toMatchObject({ imported: inputs.length - 3, skipped: 1, failed: 2 });

      const paragraphs = summary.items.reduce((n, i) => n + (i.status === 'imported' ? i.paragraphs! : 0), 0);
      expect(lib.stats()).toEqual({ documents: inputs.length - 3, paragraphs });
      expect(lib.document(refused)).toBeUndefined();
      expect(lib.matchIndex().size).toBe(paragraphs);
      // A stored paragraph is found by matching; the refused document's own wording is not.
      const first = lib.document(summary.items[0]!.symbol!)!.body.operative[0]!;
      const text = first.content.map((c) => ('text' in c ? c.text : '')).join('');
      expect(lib.match(text).matches[0]!.score).toBeGreaterThan(0.9);
    } finally {
      reader.close();
      lib.close();
    }
  }, 180_000);
});
