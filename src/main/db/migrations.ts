import type Database from 'better-sqlite3';
import { searchText } from '../../shared/text/search-terms.js';
import { encodeMatchBlob, KIND_CODES, tokenHash, type MatchEntry } from './match-store.js';
import { packBody, unpackBody } from './library.js';

/** A migration: SQL, or a function for steps that need the app's own text processing. */
export type Migration = string | ((db: Database.Database) => void);

/**
 * Numbered, append-only migrations. MIGRATIONS[i] brings the schema from version i to i + 1.
 * Never edit a migration that has shipped; add a new one.
 */
export const MIGRATIONS: readonly Migration[] = [
  // 1: the library of resolutions.
  `
  CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    symbol        TEXT NOT NULL,
    organ         TEXT NOT NULL DEFAULT 'ga',
    kind          TEXT NOT NULL DEFAULT 'resolution',
    session       TEXT NOT NULL DEFAULT '',
    session_num   INTEGER,
    adoption_date TEXT NOT NULL DEFAULT '',
    year          INTEGER,
    language      TEXT NOT NULL DEFAULT 'en',
    title         TEXT NOT NULL DEFAULT '',
    agenda_items  TEXT NOT NULL DEFAULT '[]',
    basis         TEXT NOT NULL DEFAULT '',
    meeting       TEXT NOT NULL DEFAULT '',
    source_file   TEXT NOT NULL DEFAULT '',
    source_hash   TEXT NOT NULL,
    imported_at   TEXT NOT NULL,
    body          BLOB NOT NULL, -- deflated JSON of the parsed document (see packBody)
    UNIQUE (source_hash)
  );
  CREATE UNIQUE INDEX documents_symbol_lang ON documents(symbol, language) WHERE symbol <> '';
  CREATE INDEX documents_filter ON documents(organ, session_num, language);

  CREATE TABLE paragraphs (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('pp', 'op', 'sub', 'annex')),
    designation    TEXT NOT NULL,
    number         INTEGER,
    label          TEXT NOT NULL DEFAULT '',
    opening_phrase TEXT NOT NULL DEFAULT '',
    text           TEXT NOT NULL,
    position       INTEGER NOT NULL,
    path           TEXT NOT NULL,
    tokens         BLOB
  );
  CREATE INDEX paragraphs_document ON paragraphs(document_id, position);
  CREATE INDEX paragraphs_phrase ON paragraphs(opening_phrase);

  CREATE TABLE footnotes (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    mark        TEXT NOT NULL,
    text        TEXT NOT NULL
  );
  CREATE INDEX footnotes_document ON footnotes(document_id);

  CREATE TABLE tags (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    tag         TEXT NOT NULL,
    PRIMARY KEY (document_id, tag)
  ) WITHOUT ROWID;
  CREATE INDEX tags_tag ON tags(tag);

  -- Vocabulary of normalised matching tokens; paragraphs.tokens holds their ids (Int32, little-endian).
  CREATE TABLE vocab (
    id   INTEGER PRIMARY KEY,
    term TEXT NOT NULL UNIQUE
  );

  CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;

  -- Full-text index over paragraph text; diacritics folded ("reaffirmant" finds "Réaffirmant").
  CREATE VIRTUAL TABLE paragraphs_fts USING fts5(
    text,
    content = 'paragraphs',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER paragraphs_ai AFTER INSERT ON paragraphs BEGIN
    INSERT INTO paragraphs_fts(rowid, text) VALUES (new.id, new.text);
  END;
  CREATE TRIGGER paragraphs_ad AFTER DELETE ON paragraphs BEGIN
    INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text) VALUES ('delete', old.id, old.text);
  END;
  CREATE TRIGGER paragraphs_au AFTER UPDATE OF text ON paragraphs BEGIN
    INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO paragraphs_fts(rowid, text) VALUES (new.id, new.text);
  END;
  `,
  // 2: language-aware search, the stored match index, grouping of identical paragraphs.
  (db) => {
    db.exec(`
      -- Search runs over normalised terms (src/shared/text/search-terms.ts) written by the app, so
      -- the index holds no copy of the text (contentless) and rows are deleted by rowid.
      CREATE VIRTUAL TABLE search_fts USING fts5(terms, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');
      -- The match index, one blob per document (src/main/db/match-store.ts).
      CREATE TABLE match_tokens (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        data        BLOB NOT NULL
      );
      ALTER TABLE paragraphs ADD COLUMN norm_hash INTEGER;
    `);
    const fts = db.prepare('INSERT INTO search_fts (rowid, terms) VALUES (?, ?)');
    const blob = db.prepare('INSERT INTO match_tokens (document_id, data) VALUES (?, ?)');
    const hash = db.prepare('UPDATE paragraphs SET norm_hash = ? WHERE id = ?');
    const rows = db
      .prepare('SELECT p.id, p.document_id AS documentId, p.kind, p.text, p.tokens, d.language FROM paragraphs p JOIN documents d ON d.id = p.document_id ORDER BY p.document_id, p.position')
      .all() as { id: number; documentId: number; kind: MatchEntry['kind']; text: string; tokens: Buffer | null; language: string }[];
    let doc = -1;
    let entries: MatchEntry[] = [];
    const flush = () => {
      if (doc >= 0) blob.run(doc, encodeMatchBlob(entries));
      entries = [];
    };
    for (const r of rows) {
      if (r.documentId !== doc) {
        flush();
        doc = r.documentId;
      }
      const copy = new Uint8Array(r.tokens?.byteLength ?? 0);
      if (r.tokens) copy.set(r.tokens);
      const tokens = new Int32Array(copy.buffer, 0, copy.byteLength >> 2);
      if (!KIND_CODES.includes(r.kind)) throw new Error(`paragraph ${r.id} has an unknown kind ${r.kind}`);
      entries.push({ id: r.id, kind: r.kind, tokens });
      fts.run(r.id, searchText(r.text, r.language));
      hash.run(tokenHash(tokens), r.id);
    }
    flush();
    db.exec(`
      DROP TRIGGER paragraphs_ai;
      DROP TRIGGER paragraphs_ad;
      DROP TRIGGER paragraphs_au;
      DROP TABLE paragraphs_fts;
      ALTER TABLE paragraphs DROP COLUMN tokens;
      CREATE INDEX paragraphs_norm ON paragraphs(norm_hash);
      CREATE TRIGGER paragraphs_search_ad AFTER DELETE ON paragraphs BEGIN
        DELETE FROM search_fts WHERE rowid = old.id;
      END;
      -- search_fts and match_tokens are written from the text at import: the text never changes.
      CREATE TRIGGER paragraphs_text_fixed BEFORE UPDATE OF text ON paragraphs BEGIN
        SELECT RAISE(ABORT, 'library paragraphs are not edited in place; delete and re-import the document');
      END;
    `);
  },
  // 3: size. The search index keeps which paragraphs hold a term, not where (detail=none: a third
  // of the size; phrases are checked against the text, see library-search.ts); document bodies refer
  // to their paragraph texts instead of holding a second copy (packBody); the opening-phrase index
  // leaves out the paragraphs without one; stored copies nothing reads are dropped.
  (db) => {
    db.exec(`
      DROP TRIGGER paragraphs_search_ad;
      DROP TABLE search_fts;
      CREATE VIRTUAL TABLE search_fts USING fts5(terms, content = '', contentless_delete = 1, detail = none, tokenize = 'unicode61 remove_diacritics 0');
      CREATE TRIGGER paragraphs_search_ad AFTER DELETE ON paragraphs BEGIN
        DELETE FROM search_fts WHERE rowid = old.id;
      END;
      DROP INDEX paragraphs_phrase;
      CREATE INDEX paragraphs_phrase ON paragraphs(opening_phrase) WHERE opening_phrase <> '';
      -- Copies of what the body holds, never read: a paragraph's place in the document is its
      -- position among flattenParagraphs(body), footnotes are in the body.
      ALTER TABLE paragraphs DROP COLUMN path;
      DROP TABLE footnotes;
    `);
    const fts = db.prepare('INSERT INTO search_fts (rowid, terms) VALUES (?, ?)');
    const chunk = db.prepare('SELECT p.id, p.text, d.language FROM paragraphs p JOIN documents d ON d.id = p.document_id WHERE p.id > ? ORDER BY p.id LIMIT 5000').raw();
    for (let last = 0; ; ) {
      const rows = chunk.all(last) as [number, string, string][];
      if (!rows.length) break;
      for (const [id, text, language] of rows) fts.run(id, searchText(text, language));
      last = rows[rows.length - 1]![0];
    }
    const texts = db.prepare('SELECT text FROM paragraphs WHERE document_id = ? ORDER BY position').pluck();
    const body = db.prepare('SELECT body FROM documents WHERE id = ?').pluck();
    const update = db.prepare('UPDATE documents SET body = ? WHERE id = ?');
    for (const id of db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[]) {
      const t = texts.all(id) as string[];
      let doc;
      try {
        doc = unpackBody(body.get(id) as Buffer | string);
      } catch {
        continue; // a body this version cannot read stays as it is (the document still opens as before)
      }
      update.run(packBody(doc, t), id);
    }
  },
];
