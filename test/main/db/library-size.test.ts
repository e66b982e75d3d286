// Schema 3 (size): bodies that refer to their paragraph texts instead of copying them, a search
// index without positions whose phrases are checked against the text, and the upgrade of a
// schema-2 library of real corpus resolutions (plain bodies, positional index) to it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { openDatabase, SCHEMA_VERSION } from '../../../src/main/db/connection.js';
import { MIGRATIONS } from '../../../src/main/db/migrations.js';
import { flattenParagraphs, LibraryDb, packBody, unpackBody } from '../../../src/main/db/library.js';
import { hasSequence, parseQuery, toFtsMatch } from '../../../src/main/db/fts-query.js';
import { queryForms, searchText } from '../../../src/shared/text/search-terms.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import type { ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { libraryDoc } from '../../helpers/library-docs.js';
import { CORPUS } from '../../helpers/corpus.js';
import { tempDir } from '../../helpers/tmp.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

function corpusDoc(name: string): ResolutionDocument {
  return parseResolutionText(fs.readFileSync(path.join(CORPUS, 'ga-en', name), 'utf8'), { fileName: name, format: 'text' }).document;
}

describe('packed bodies', () => {
  it('give back exactly the document, and hold far fewer bytes than a plain copy', () => {
    const doc = corpusDoc('A_RES_78_10.txt');
    const texts = flattenParagraphs(doc).map((p) => p.text);
    const packed = packBody(doc, texts);
    expect(unpackBody(packed, texts)).toEqual(doc);
    expect(packed.length).toBeLessThan(packBody(doc).length / 2);
    // A plain body (schema 2, or no paragraphs) still reads without texts.
    expect(unpackBody(packBody(doc))).toEqual(doc);
  });

  it('round-trip any strings, including ones that look like references', () => {
    const str = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('\u0000', '\u00000,3', '\u0000\u0000x', 'Recalling its resolution 79/200,'));
    fc.assert(
      fc.property(fc.array(str, { maxLength: 8 }), fc.array(fc.string({ minLength: 0, maxLength: 60 }), { maxLength: 4 }), (strings, extra) => {
        const texts = [...strings.filter((s) => s.length >= 12), ...extra];
        const doc = { meta: { symbol: strings[0] ?? '' }, list: strings } as unknown as ResolutionDocument;
        expect(unpackBody(packBody(doc, texts), texts)).toEqual(doc);
      }),
    );
  });

  it('refuse a body whose paragraph texts are missing, with a clear error', () => {
    const doc = corpusDoc('A_RES_78_10.txt');
    const texts = flattenParagraphs(doc).map((p) => p.text);
    expect(() => unpackBody(packBody(doc, texts), [])).toThrowError(/refers to paragraph text it does not have/);
  });
});

describe('phrases without positions in the index', () => {
  it('match only terms in order', () => {
    expect(hasSequence(['a', 'b', 'c'], ['b', 'c'], false)).toBe(true);
    expect(hasSequence(['a', 'b', 'c'], ['a', 'c'], false)).toBe(false);
    expect(hasSequence(['a', 'bcd'], ['a', 'bc'], true)).toBe(true);
    expect(hasSequence(['a', 'bcd'], ['a', 'bc'], false)).toBe(false);
    expect(hasSequence(['a'], ['a', 'b'], false)).toBe(false);
  });

  it('keep phrase, prefix and exclusion semantics in the library', () => {
    const db = openDatabase(path.join(tmp.dir, 'l.sqlite'));
    try {
      const lib = new LibraryDb(db);
      const d = (symbol: string, ops: string[]) => libraryDoc({ symbol, session: '79', adoptionDate: '2024-12-01', language: 'en' }, ['Recalling,'], ops);
      lib.insertDocument(d('A/RES/78/9', ['Requests reports and reports and reports;']), { file: 'e', hash: 'e' });
      lib.insertDocument(d('A/RES/79/1', ['Requests the Secretary-General to submit a report;']), { file: 'a', hash: 'a' });
      lib.insertDocument(d('A/RES/79/2', ['Requests the report to be submitted by the Secretary-General;']), { file: 'b', hash: 'b' });
      lib.insertDocument(d('A/RES/79/3', ['Decides that small island developing States shall be assisted;']), { file: 'c', hash: 'c' });
      const syms = (q: string, order: 'newest' | 'relevance' = 'newest') => lib.search(q, {}, 20, order).map((h) => h.symbol);
      expect(syms('"requests the Secretary-General to submit"')).toEqual(['A/RES/79/1']);
      expect(syms('"requests the Secretary-General to submit"', 'relevance')).toEqual(['A/RES/79/1']);
      expect(syms('requests Secretary-General submit').sort()).toEqual(['A/RES/79/1', 'A/RES/79/2']);
      expect(syms('report -"the Secretary-General to"')).toEqual(['A/RES/79/2', 'A/RES/78/9']);
      expect(syms('"small island devel"*')).toEqual([]);
      expect(syms('small island devel*')).toEqual(['A/RES/79/3']);
      expect(syms('"island developing"')).toEqual(['A/RES/79/3']);
      expect(syms('"developing island"')).toEqual([]);
      // Relevance: the paragraph that says the words more often, in fewer words, first.
      expect(syms('report', 'relevance')[0]).toBe('A/RES/78/9');
      expect(syms('report')).toEqual(['A/RES/79/2', 'A/RES/79/1', 'A/RES/78/9']);
      // The limit counts rows that pass the check, not rows the index returned.
      expect(lib.search('"Secretary-General"', {}, 1)).toHaveLength(1);
    } finally {
      db.close();
    }
  });
});

describe('upgrade from schema 2', () => {
  const QUERIES = ['"Member States"', 'sustainable development', '"human rights" -"Human Rights Council"', 'Secretary-General report', '"calls upon all States"', 'encourag*', '"small island developing States"', 'Palestine OR Israel'];

  it('keeps every document word for word and every search answer, in less space', () => {
    const file = path.join(tmp.dir, 'v2.sqlite');
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.exec(MIGRATIONS[0] as string);
    (MIGRATIONS[1] as (db: Database.Database) => void)(raw);
    raw.pragma('user_version = 2');
    const names = fs.readdirSync(path.join(CORPUS, 'ga-en')).filter((f) => f.endsWith('.txt')).sort().slice(0, 40);
    const docs = names.map(corpusDoc);
    {
      // As schema-2 Plenary wrote them: plain bodies, paths, footnotes, a positional index.
      const insDoc = raw.prepare("INSERT INTO documents (symbol, language, session, source_hash, imported_at, body) VALUES (?, ?, ?, ?, 'now', ?)");
      const insPara = raw.prepare('INSERT INTO paragraphs (document_id, kind, designation, number, label, opening_phrase, text, position, path, norm_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)');
      const insFts = raw.prepare('INSERT INTO search_fts (rowid, terms) VALUES (?, ?)');
      const insNote = raw.prepare("INSERT INTO footnotes (document_id, mark, text) VALUES (?, '1', 'A note.')");
      docs.forEach((doc, i) => {
        const id = Number(insDoc.run(doc.meta.symbol, doc.meta.language, doc.meta.session, names[i]!, packBody(doc)).lastInsertRowid);
        flattenParagraphs(doc).forEach((p, k) => {
          const pid = Number(insPara.run(id, p.kind, p.designation, p.number, p.label, p.openingPhrase, p.text, k, JSON.stringify(p.path)).lastInsertRowid);
          insFts.run(pid, searchText(p.text, doc.meta.language));
        });
        insNote.run(id);
      });
    }
    const before = new Map(QUERIES.map((q) => [q, raw.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC').pluck().all(toFtsMatch(parseQuery(q), queryForms))]));
    raw.pragma('wal_checkpoint(TRUNCATE)');
    const bodyBytes = () => raw.prepare('SELECT sum(length(body)) FROM documents').pluck().get() as number;
    const ftsBytes = (db: Database.Database) => db.prepare("SELECT sum(length(block)) FROM search_fts_data").pluck().get() as number;
    const oldBody = bodyBytes();
    const oldFts = ftsBytes(raw);
    raw.close();

    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const lib = new LibraryDb(db);
      for (const [i, doc] of docs.entries()) expect(lib.document(i + 1)?.body).toEqual(doc);
      for (const q of QUERIES) {
        expect(before.get(q)!.length, q).toBeGreaterThan(0);
        expect(lib.search(q, {}, 10_000).map((h) => h.paragraphId).sort((a, b) => b - a), q).toEqual(before.get(q));
      }
      expect(db.prepare('SELECT sum(length(body)) FROM documents').pluck().get() as number).toBeLessThan(oldBody / 2);
      expect(ftsBytes(db)).toBeLessThan(oldFts / 2);
      const cols = (db.prepare('PRAGMA table_info(paragraphs)').all() as { name: string }[]).map((c) => c.name);
      expect(cols).not.toContain('path');
      expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'footnotes'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
