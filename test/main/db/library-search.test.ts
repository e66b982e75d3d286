// Language-aware search over the library database: English word forms, Arabic letter variants,
// Chinese words, symbol lookups, newest-first and relevance order, drafts flagged; and the
// upgrade of a schema-1 library (FTS over raw text, tokens per paragraph) to the current schema.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, SCHEMA_VERSION, type Db } from '../../../src/main/db/connection.js';
import { MIGRATIONS } from '../../../src/main/db/migrations.js';
import { LibraryDb } from '../../../src/main/db/library.js';
import { KIND_CODES } from '../../../src/main/db/match-store.js';
import { matchTokens } from '../../../src/shared/text/tokens.js';
import type { ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { libraryDoc } from '../../helpers/library-docs.js';
import { tempDir } from '../../helpers/tmp.js';

let tmp: ReturnType<typeof tempDir>;
let db: Db;
let lib: LibraryDb;

function doc(symbol: string, date: string, language: string, pps: string[], ops: string[], kind: 'resolution' | 'draft' = 'resolution'): ResolutionDocument {
  return libraryDoc({ kind, symbol, session: symbol.split('/')[2] ?? '', adoptionDate: date, language: language as 'en' }, pps, ops);
}

beforeEach(() => {
  tmp = tempDir();
  db = openDatabase(path.join(tmp.dir, 'library.sqlite'));
  lib = new LibraryDb(db);
  lib.insertDocument(doc('A/RES/78/10', '2023-12-01', 'en', ['Recalling its earlier resolutions,'], ['Encourages Member States to cooperate;', 'Requests the Secretary-General to report.']), { file: 'a', hash: 'a' });
  lib.insertDocument(doc('A/RES/79/200', '2024-12-19', 'en', ['Noting the report,'], ['Encouraging all parties to continue their efforts;', 'Decides to remain seized of the matter.']), { file: 'b', hash: 'b' });
  lib.insertDocument(doc('A/RES/79/201', '2024-12-19', 'ar', ['إن الجمعية العامة،'], ['تؤكد أن إسرائيل ملزمة بالقانون الدولي؛']), { file: 'c', hash: 'c' });
  lib.insertDocument(doc('A/RES/79/202', '2024-12-19', 'zh', ['大会，'], ['重申可持续发展的重要性；']), { file: 'd', hash: 'd' });
  lib.insertDocument(doc('A/C.2/80/L.3', '', 'en', ['Recalling its resolution 79/200,'], ['Encourages Member States to do more;'], 'draft'), { file: 'e', hash: 'e' });
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

describe('language-aware search', () => {
  it('finds the forms of an English word', () => {
    const found = lib.search('encourage').map((h) => `${h.symbol} ${h.designation}`);
    expect(found.sort()).toEqual(['A/C.2/80/L.3 OP1', 'A/RES/78/10 OP1', 'A/RES/79/200 OP1']);
    expect(lib.search('encouraging').length).toBe(3);
    expect(lib.search('"encourages member states"').map((h) => h.symbol).sort()).toEqual(['A/C.2/80/L.3', 'A/RES/78/10']);
  });

  it('highlights the matching word forms in the snippet', () => {
    const hit = lib.search('encourage').find((h) => h.symbol === 'A/RES/79/200')!;
    expect(hit.snippet).toBe('<b>Encouraging</b> all parties to continue their efforts;');
    // A phrase is one highlighted span.
    expect(lib.search('"member states"')[0]!.snippet).toContain('<b>Member States</b>');
  });

  it('finds Arabic whatever the alef, hamza or taa marbuta form typed', () => {
    expect(lib.search('اسرائيل').map((h) => h.symbol)).toEqual(['A/RES/79/201']);
    expect(lib.search('الجمعيه').map((h) => h.symbol)).toEqual(['A/RES/79/201']);
    expect(lib.search('إسرائيل').map((h) => h.symbol)).toEqual(['A/RES/79/201']);
  });

  it('finds Chinese words inside unsegmented text, and not across unrelated characters', () => {
    expect(lib.search('可持续发展').map((h) => h.designation)).toEqual(['OP1']);
    expect(lib.search('发展').map((h) => h.symbol)).toEqual(['A/RES/79/202']);
    expect(lib.search('续重')).toEqual([]);
  });

  it('looks symbols up, with or without a paragraph', () => {
    expect(lib.search('79/200').map((h) => h.designation)).toEqual(['PP1', 'OP1', 'OP2']);
    expect(lib.search('79/200 OP2').map((h) => h.text)).toEqual(['Decides to remain seized of the matter.']);
    expect(lib.search('A/RES/79/200, op1').map((h) => h.designation)).toEqual(['OP1']);
    expect(lib.search('A/C.2/80/L.3').every((h) => h.draft)).toBe(true);
    // A symbol not in the library falls back to text: the draft cites 79/200.
    expect(lib.search('79/999')).toEqual([]);
  });

  it('orders newest first by default (documents by import, paragraphs in order) or by relevance', () => {
    const newest = lib.search('encourage OR recalling OR requests');
    expect(newest.map((h) => `${h.symbol} ${h.designation}`)).toEqual(['A/C.2/80/L.3 PP1', 'A/C.2/80/L.3 OP1', 'A/RES/79/200 OP1', 'A/RES/78/10 PP1', 'A/RES/78/10 OP1', 'A/RES/78/10 OP2']);
    const relevance = lib.search('encourage member', {}, 20, 'relevance');
    expect(relevance.map((h) => h.symbol).sort()).toEqual(['A/C.2/80/L.3', 'A/RES/78/10']);
    expect(relevance[0]!.score).toBeGreaterThanOrEqual(relevance[1]!.score);
  });

  it('marks drafts, never adopted texts', () => {
    const hits = lib.search('encourages');
    expect(hits.find((h) => h.symbol === 'A/C.2/80/L.3')!.draft).toBe(true);
    expect(hits.filter((h) => h.symbol.startsWith('A/RES')).every((h) => h.draft === false)).toBe(true);
  });

  it('says what is wrong with a query that has nothing to search for', () => {
    expect(() => lib.search('"…" ,')).toThrowError(/letters or digits/);
  });

  it('deleting a document removes it from search and keeps the rest', () => {
    const d = lib.document('A/RES/78/10')!;
    lib.deleteDocument(d.row.id);
    expect(lib.search('encourage').map((h) => h.symbol).sort()).toEqual(['A/C.2/80/L.3', 'A/RES/79/200']);
    expect([...lib.matchBlobs()].length).toBe(4);
  });

  it('refuses to edit stored paragraph text in place (the index is built from it)', () => {
    expect(() => db.prepare("UPDATE paragraphs SET text = 'x'").run()).toThrowError(/not edited in place/);
  });
});

describe('upgrade from schema 1', () => {
  it('moves search to normalised terms and tokens to per-document blobs, keeping every paragraph', () => {
    const file = path.join(tmp.dir, 'old.sqlite');
    const raw = new Database(file);
    raw.exec(MIGRATIONS[0] as string);
    raw.pragma('user_version = 1');
    raw.prepare("INSERT INTO documents (id, symbol, language, source_hash, imported_at, body) VALUES (1, 'A/RES/77/1', 'en', 'h', 'now', x'')").run();
    const vocab = new Map<string, number>();
    const ids = (text: string) => new Int32Array(matchTokens(text).map((t) => vocab.get(t) ?? (vocab.set(t, vocab.size + 1), vocab.size)));
    const texts = ['Encourages Member States to act;', 'Requests the Secretary-General to report at its seventy-ninth session.'];
    const tokens = texts.map(ids);
    texts.forEach((t, i) => {
      raw.prepare("INSERT INTO paragraphs (id, document_id, kind, designation, text, position, path, tokens) VALUES (?, 1, 'op', ?, ?, ?, '[]', ?)").run(10 + i, `OP${i + 1}`, t, i, Buffer.from(tokens[i]!.buffer));
    });
    for (const [term, id] of vocab) raw.prepare('INSERT INTO vocab (id, term) VALUES (?, ?)').run(id, term);
    raw.close();

    const up = openDatabase(file);
    try {
      expect(up.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const old = new LibraryDb(up);
      expect(old.search('encouraging').map((h) => h.paragraphId)).toEqual([10]);
      const blobs = [...old.matchBlobs()];
      expect(blobs).toHaveLength(1);
      expect([...blobs[0]!.ids]).toEqual([10, 11]);
      expect([...blobs[0]!.kinds].map((k) => KIND_CODES[k])).toEqual(['op', 'op']);
      expect([...blobs[0]!.tokens]).toEqual([...tokens[0]!, ...tokens[1]!]);
      const cols = (up.prepare('PRAGMA table_info(paragraphs)').all() as { name: string }[]).map((c) => c.name);
      expect(cols).not.toContain('tokens');
      expect(old.paragraph(10)!.normHash).toEqual(expect.any(Number));
    } finally {
      up.close();
    }
  });
});
