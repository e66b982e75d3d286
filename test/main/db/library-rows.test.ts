// What the library stores for a document, prepared apart from the database (by the import worker
// while the main thread stores the document before): stored from a prepared document or from the
// document itself, every row is the same; a malformed prepared document is refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../../../src/main/db/connection.js';
import { LibraryDb } from '../../../src/main/db/library.js';
import { prepareDocument, type PreparedDocument } from '../../../src/main/services/library-rows.js';
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

  it('are refused with CORRUPT, storing nothing, when incomplete', () => {
    const db = openDatabase(path.join(tmp.dir, 'bad.sqlite'));
    const lib = new LibraryDb(db);
    const doc = parseResolutionText(fs.readFileSync(path.join(CORPUS, FILES[0]!), 'utf8'), { fileName: 'x.txt', format: 'text' }).document;
    const good = prepareDocument(doc);
    const bad: PreparedDocument[] = [
      { ...good, tokens: good.tokens.slice(1) },
      { ...good, search: [...good.search.slice(1), 7 as unknown as string] },
      { ...good, body: 'x' as unknown as Uint8Array },
      { ...good, rows: undefined as unknown as PreparedDocument['rows'] },
      { ...good, meta: { ...good.meta, symbol: undefined as unknown as string } },
      { ...good, meta: undefined as unknown as PreparedDocument['meta'] },
    ];
    for (const p of bad) expect(() => lib.insertPrepared(p, { file: 'x', hash: 'x' })).toThrowError(expect.objectContaining({ code: 'CORRUPT' }));
    expect(lib.counts()).toEqual({ documents: 0, paragraphs: 0 });
    db.close();
  });
});
