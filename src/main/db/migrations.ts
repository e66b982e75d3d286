/**
 * Numbered, append-only migrations. MIGRATIONS[i] brings the schema from version i to i + 1.
 * Never edit a migration that has shipped; add a new one.
 */
export const MIGRATIONS: readonly string[] = [
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
];
