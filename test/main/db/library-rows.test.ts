// What the library stores for a document, prepared apart from the database (by the import worker
// while the main thread stores the document before): stored from a prepared document or from the
// document itself, every row is the same; the packed form (one string, two typed arrays) reads
// back exactly the rows, search terms and matching tokens it was made from; a malformed prepared
// document is refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../../../src/main/db/connection.js';
import { LibraryDb } from '../../../src/main/db/library.js';
import { flattenParagraphs, prepareDocument, preparedRows, type PreparedDocument } from '../../../src/main/services/library-rows.js';
import { searchText } from '../../../src/shared/text/search-terms.js';
import { matchTokens } from '../../../src/shared/text/tokens.js';
import { importFileIsolated, prepareFileIsolated } from '../../../src/main/services/import-isolated.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { CORPUS } from '../../helpers/corpus.js';
import { tempDir } from '../../helpers/tmp.js';

const FILES = ['ga-en/A_RES_78_10.txt', 'ga-en/A_RES_79_200.txt', 'sc-en/S_RES_0242_1967_EN_GOLD.txt'].filter((f) => fs.existsSync(path.join(CORPUS, f)));

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

/** Every stored row of a library (but the import time), table by table. */
function dump(db: Db): string[] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  const out: string[] = [];
  for (const t of tables) {
    for (const r of db.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[]) {
      const cells = Object.entries(r).map(([k, v]) => (k === 'imported_at' ? '' : Buffer.isBuffer(v) ? v.toString('base64') : JSON.stringify(v)));
      out.push(`${t} ${cells.join('|')}`);
    }
  }
  return out;
}

function store(name: string, prepared: boolean): string[] {
  const db = openDatabase(path.join(tmp.dir, `${name}.sqlite`));
  const lib = new LibraryDb(db);
  for (const f of FILES) {
    const doc = parseResolutionText(fs.readFileSync(path.join(CORPUS, f), 'utf8'), { fileName: path.basename(f), format: 'text' }).document;
    if (prepared) lib.insertPrepared(prepareDocument(doc), { file: f, hash: f });
    else lib.insertDocument(doc, { file: f, hash: f });
  }
  const rows = dump(db);
  db.close();
  return rows;
}

describe('prepared documents', () => {
  it('store exactly the rows of a document stored without preparation', () => {
    expect(FILES.length).toBe(3);
    const plain = store('plain', false);
    expect(plain.filter((r) => r.startsWith('paragraphs ')).length).toBeGreaterThan(50);
    expect(store('prepared', true)).toEqual(plain);
  });

  it('come from the import worker as prepareDocument makes them', async () => {
    const file = path.join(CORPUS, FILES[0]!);
    const out = await prepareFileIsolated(file);
    const plain = await importFileIsolated(file);
    const mine = prepareDocument(plain.parsed.document);
    expect(out.source).toEqual(plain.source);
    const { body, ...rest } = out.prepared;
    const { body: myBody, ...myRest } = mine;
    expect(rest).toEqual(myRest);
    expect(Buffer.from(body).equals(Buffer.from(myBody))).toBe(true);
  });

  it('read back the rows, search terms and matching tokens they were packed from', () => {
    for (const f of [...FILES, 'sc-en/S_RES_1454_2002_EN_GOLD.txt', 'ga-en/A_RES_78_253.txt', 'fr/A_RES_75_202.fr.md'].filter((x) => fs.existsSync(path.join(CORPUS, x)))) {
      const doc = parseResolutionText(fs.readFileSync(path.join(CORPUS, f), 'utf8'), { fileName: path.basename(f) }).document;
      const { rows, terms } = preparedRows(prepareDocument(doc));
      const flat = flattenParagraphs(doc);
      expect(rows.map(({ search: _s, termIdx: _t, ...r }) => r)).toEqual(flat.map(({ path: _p, ...r }) => r));
      expect(rows.map((r) => r.search)).toEqual(flat.map((r) => searchText(r.text, doc.meta.language)));
      expect(rows.map((r) => Array.from(r.termIdx, (k) => terms[k]))).toEqual(flat.map((r) => matchTokens(r.text)));
      expect(new Set(terms).size).toBe(terms.length);
    }
  });

  it('are refused with CORRUPT, storing nothing, when incomplete', () => {
    const db = openDatabase(path.join(tmp.dir, 'bad.sqlite'));
    const lib = new LibraryDb(db);
    const doc = parseResolutionText(fs.readFileSync(path.join(CORPUS, FILES[0]!), 'utf8'), { fileName: 'x.txt', format: 'text' }).document;
    const good = prepareDocument(doc);
    const ints = (edit: (a: Int32Array) => void) => {
      const a = good.ints.slice();
      edit(a);
      return a;
    };
    const rows = good.ints[0]!;
    const bad: PreparedDocument[] = [
      { ...good, strings: good.strings.slice(1) },
      { ...good, strings: `${good.strings}x` },
      { ...good, strings: `xx${good.strings.slice(2)}` }, // the first row's kind "pp" becomes "xx"
      { ...good, ints: ints((a) => (a[0] = rows + 1)) },
      { ...good, ints: ints((a) => (a[0] = -1)) },
      { ...good, ints: ints((a) => (a[2 + 2] = -3)) }, // a negative length
      { ...good, ints: ints((a) => (a[a.length - 1] = a[1]!)) }, // a token index past the last term
      { ...good, ints: good.ints.subarray(0, good.ints.length - 1) },
      { ...good, ints: Array.from(good.ints) as unknown as Int32Array },
      { ...good, body: 'x' as unknown as Uint8Array },
      { ...good, strings: undefined as unknown as string },
      { ...good, meta: { ...good.meta, symbol: undefined as unknown as string } },
      { ...good, meta: undefined as unknown as PreparedDocument['meta'] },
    ];
    for (const p of bad) expect(() => lib.insertPrepared(p, { file: 'x', hash: 'x' })).toThrowError(expect.objectContaining({ code: 'CORRUPT' }));
    expect(lib.counts()).toEqual({ documents: 0, paragraphs: 0 });
    lib.insertPrepared(good, { file: 'x', hash: 'x' });
    expect(lib.counts().paragraphs).toBe(rows);
    db.close();
  });
});
