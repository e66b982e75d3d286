// The library database: migrations and version guard, FTS5 kept in sync by triggers with
// diacritics folded, search syntax, filters, and the query plans of the hot queries.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, SCHEMA_VERSION, type Db } from '../../../src/main/db/connection.js';
import { LibraryDb, flattenParagraphs } from '../../../src/main/db/library.js';
import { parseQuery, toFtsMatch } from '../../../src/main/db/fts-query.js';
import { symbolSql } from '../../../src/main/db/library-search.js';
import { emptyFrontMatter, textBlock, type ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { tempDir } from '../../helpers/tmp.js';

let tmp: ReturnType<typeof tempDir>;
let db: Db;
let lib: LibraryDb;

function resolution(symbol: string, session: string, date: string, pps: string[], ops: string[], extra: Partial<ResolutionDocument['meta']> = {}): ResolutionDocument {
  return {
    meta: emptyFrontMatter({ kind: 'resolution', symbol, session, adoptionDate: date, title: `Title of ${symbol}`, ...extra }),
    preambular: pps.map((t, i) => textBlock(`pp${i}`, t)),
    operative: ops.map((t, i) => textBlock(`op${i}`, t)),
    footnotes: [],
    annexes: [],
  };
}

beforeEach(() => {
  tmp = tempDir();
  db = openDatabase(path.join(tmp.dir, 'library.sqlite'));
  lib = new LibraryDb(db);
  lib.insertDocument(
    resolution('A/RES/78/143', '78', '2023-12-19', ['Recalling its resolutions on the oil slick on Lebanese shores,'], ['Requests the Secretary-General to report to the General Assembly at its seventy-ninth session;', 'Decides to include in the provisional agenda of its seventy-ninth session the item entitled "Sustainable development".']),
    { file: 'a.txt', hash: 'h1' },
  );
  lib.insertDocument(
    resolution('A/RES/75/202', '75', '2020-12-21', ['Réaffirmant les dispositions de sa résolution 70/1,'], ['Prie le Secrétaire général de lui présenter un rapport ;'], { language: 'fr' }),
    { file: 'b.md', hash: 'h2' },
  );
  lib.insertDocument(
    resolution('A/RES/79/200', '79', '2024-12-19', ['Recalling its resolution 78/143 of 19 December 2023,', 'Noting with deep concern the adverse implications of the oil slick,'], ['Requests the Secretary-General to report to the General Assembly at its eightieth session;', 'Calls upon Member States to provide financial support.']),
    { file: 'c.pdf', hash: 'h3' },
  );
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

describe('schema and migrations', () => {
  it('runs migrations to the current version with WAL and foreign keys', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('refuses a database from a newer Plenary and leaves it unchanged', () => {
    const file = path.join(tmp.dir, 'newer.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.exec('CREATE TABLE future (x)');
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrowError(/newer version of Plenary/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('reports a damaged database file clearly and leaves it in place', () => {
    const file = path.join(tmp.dir, 'broken.sqlite');
    fs.writeFileSync(file, 'this is not a database'.repeat(200));
    expect(() => openDatabase(file)).toThrowError(/damaged.*left untouched/);
    expect(fs.readFileSync(file, 'utf8').startsWith('this is not a database')).toBe(true);
  });

  it('deleting a document removes its paragraphs and their index entries (cascade + triggers)', () => {
    const before = lib.counts();
    const doc = lib.document('A/RES/78/143')!;
    expect(lib.deleteDocument(doc.row.id)).toBe(true);
    expect(lib.counts().paragraphs).toBe(before.paragraphs - 3);
    expect(lib.search('Lebanese')).toHaveLength(0);
  });
});

describe('search', () => {
  it('finds words, phrases, exclusions and OR, best first with highlighted snippets', () => {
    const hits = lib.search('Secretary-General report');
    expect(hits.map((h) => h.symbol).sort()).toEqual(['A/RES/78/143', 'A/RES/79/200']);
    expect(hits[0]!.snippet).toContain('<b>');
    expect(lib.search('"seventy-ninth session"').map((h) => h.designation)).toEqual(['OP1', 'OP2']);
    expect(lib.search('report -eightieth').map((h) => h.symbol)).toEqual(['A/RES/78/143']);
    expect(lib.search('Lebanese OR financial').length).toBe(2);
  });

  it('folds diacritics: "reaffirmant" finds "Réaffirmant"', () => {
    const hits = lib.search('reaffirmant');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.text).toContain('Réaffirmant');
  });

  it('filters by kind, session range, language, opening phrase', () => {
    expect(lib.search('oil slick', { kind: 'pp' }).every((h) => h.kind === 'pp')).toBe(true);
    expect(lib.search('Requests', { sessionFrom: 79, sessionTo: 79 }).map((h) => h.symbol)).toEqual(['A/RES/79/200']);
    expect(lib.search('rapport', { language: 'fr' })).toHaveLength(1);
    expect(lib.search('oil', { openingPhrase: 'Noting with deep concern' }).map((h) => h.designation)).toEqual(['PP2']);
  });

  it('tags documents and filters by tag', () => {
    const doc = lib.document('A/RES/79/200')!;
    lib.tag(doc.row.id, 'oil', true);
    expect(lib.search('Requests', { tag: 'oil' }).map((h) => h.symbol)).toEqual(['A/RES/79/200']);
    expect(lib.facets().tags).toEqual([{ value: 'oil', count: 1 }]);
  });

  it('turns user syntax into a safe FTS5 expression', () => {
    expect(toFtsMatch(parseQuery('climate "sea level" -Arctic'))).toBe('("climate" AND "sea level") NOT ("Arctic")');
    expect(toFtsMatch(parseQuery('oil OR gas spill'))).toBe('("oil" OR "gas") AND "spill"');
    expect(toFtsMatch(parseQuery('develop* AND'))).toBe('"develop"* AND "AND"');
    expect(toFtsMatch(parseQuery('a"b (c) NEAR'))).toContain('"a""b');
    expect(() => parseQuery('-only -negative')).toThrowError(/at least one word/);
    expect(() => parseQuery('   ')).toThrowError(/Type a word/);
    // Hostile input never reaches FTS5 unquoted.
    expect(() => lib.search('") OR 1=1 --')).not.toThrow();
  });

  it('uses the FTS index and the primary keys for the hot query (EXPLAIN QUERY PLAN)', () => {
    const { sql, params } = lib.searchSql('oil slick', { organ: 'ga', sessionFrom: 70 }, 20);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/SCAN f VIRTUAL TABLE INDEX/);
    // Newest first is the index's own rowid order: no sort of every match, so LIMIT stops early.
    expect(plan).not.toMatch(/TEMP B-TREE/);
    expect(plan).toMatch(/SEARCH p USING INTEGER PRIMARY KEY/);
    expect(plan).toMatch(/SEARCH d USING INTEGER PRIMARY KEY/);
    expect(plan).not.toMatch(/SCAN p\b|SCAN d\b/);
  });

  it('looks symbols up through the index on symbols, never reading every document or paragraph (EXPLAIN QUERY PLAN)', () => {
    const plan = (sql: string, params: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
    for (const q of ['79/200', 'A/RES/79/200 OP2', 'A/C.2/80/L.3']) {
      const sym = symbolSql(q, 20)!;
      const p = plan(sym.sql, sym.params);
      expect(p, q).toMatch(/SEARCH d USING (COVERING )?INDEX documents_symbol_lang \(symbol=\?\)/);
      expect(p, q).toMatch(/SEARCH p USING (COVERING )?INDEX paragraphs_document/);
      expect(p, q).not.toMatch(/SCAN/);
    }
    expect(lib.search('A/RES/79/200 OP2').map((h) => h.text)).toEqual(['Calls upon Member States to provide financial support.']);
    expect(lib.search('79/200', {}, 1).map((h) => h.designation)).toEqual(['PP1']);
    expect(lib.document('A/RES/79/200')?.row.symbol).toBe('A/RES/79/200');
  });

  it('loads a document with its paragraphs through an index (EXPLAIN QUERY PLAN)', () => {
    const plan = (db.prepare('EXPLAIN QUERY PLAN SELECT * FROM paragraphs WHERE document_id = ? ORDER BY position').all(1) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/SEARCH paragraphs USING INDEX paragraphs_document/);
  });
});

describe('flattenParagraphs', () => {
  it('gives designations, opening phrases and paths for PPs, OPs and subparagraphs', () => {
    const d = resolution('A/RES/1/1', '1', '', ['Recalling also its resolution,'], ['Requests the Secretary-General:']);
    d.operative[0]!.children = [textBlock('a', 'To report;'), textBlock('b', 'To act.')];
    const rows = flattenParagraphs(d);
    expect(rows.map((r) => [r.kind, r.designation, r.openingPhrase])).toEqual([
      ['pp', 'PP1', 'Recalling also'],
      ['op', 'OP1', 'Requests'],
      ['sub', 'OP1 (a)', ''],
      ['sub', 'OP1 (b)', ''],
    ]);
    expect(rows[3]!.path).toEqual(['operative', 0, 'children', 1]);
  });
});
