/**
 * Data access for the library of resolutions: the only module (with connection.ts) that talks
 * to SQLite. Parameters are always bound, never interpolated.
 */
import type { Db } from './connection.js';
import type { SearchHit } from '../../shared/api.js';
import { searchLibrary, searchSql, type SearchFilters, type SearchOrder } from './library-search.js';
import { decodeMatchBlob, encodeMatchBlob, tokenHash, type MatchBlob, type MatchEntry } from './match-store.js';
import type { ResolutionDocument } from '../../shared/resolution/model.js';
import { matchTokens } from '../../shared/text/tokens.js';
import { prepareDocument, preparedRows, unpackBody, type ParagraphRow, type PreparedDocument, type PreparedRows } from '../services/library-rows.js';

// The row shapes live beside the import worker, which prepares them off this thread and may not
// import the database layer (test/lint/services.test.ts); they are pure (no SQLite), so the one
// upward import is safe. Re-exported for the tests and benches that read stored rows.
export { flattenParagraphs, packBody, unpackBody, type ParagraphRow } from '../services/library-rows.js';

export type { SearchFilters, SearchOrder };

/** A search hit (the API's type; `snippet` is HTML-escaped text with matches in <b>…</b>). */
export type SearchHitRow = SearchHit;

/** A paragraph with where it was adopted (or drafted: `draft` = 1 for L-documents and drafts). */
export interface LibraryParagraphRef {
  paragraphId: number;
  documentId: number;
  designation: string;
  kind: ParagraphRow['kind'];
  symbol: string;
  year: number | null;
  adoptionDate: string;
  sessionNum: number | null;
  language: string;
  draft: number;
}

/** Summary of a stored document. */
export interface DocumentRow {
  id: number;
  symbol: string;
  organ: string;
  session: string;
  adoptionDate: string;
  language: string;
  title: string;
  sourceFile: string;
  paragraphs: number;
}

/** Data access object over an open library database. */
export class LibraryDb {
  private vocabMap: Map<string, number> | null = null;
  private readonly st;

  /**
   * The matching vocabulary (term → id), read on first use: only matching and imports need it,
   * and reading it (tens of thousands of terms) would delay a new library's first search.
   */
  private get vocab(): Map<string, number> {
    if (!this.vocabMap) {
      this.vocabMap = new Map();
      for (const r of this.db.prepare('SELECT id, term FROM vocab').iterate() as Iterable<{ id: number; term: string }>) this.vocabMap.set(r.term, r.id);
    }
    return this.vocabMap;
  }

  constructor(readonly db: Db) {
    this.st = {
      byHash: db.prepare('SELECT id, symbol, source_file AS sourceFile FROM documents WHERE source_hash = ?'),
      bySymbol: db.prepare("SELECT id, symbol, source_file AS sourceFile FROM documents WHERE symbol = ? AND language = ? AND symbol <> ''"),
      insertDoc: db.prepare(
        `INSERT INTO documents (symbol, organ, kind, session, session_num, adoption_date, year, language, title, agenda_items, basis, meeting, source_file, source_hash, imported_at, body)
         VALUES (@symbol, @organ, @kind, @session, @sessionNum, @adoptionDate, @year, @language, @title, @agendaItems, @basis, @meeting, @sourceFile, @sourceHash, @importedAt, @body)`,
      ),
      insertPara: db.prepare(
        `INSERT INTO paragraphs (document_id, kind, designation, number, label, opening_phrase, text, position, norm_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertFts: db.prepare('INSERT INTO search_fts (rowid, terms) VALUES (?, ?)'),
      insertMatch: db.prepare('INSERT INTO match_tokens (document_id, data) VALUES (?, ?)'),
      insertVocab: db.prepare('INSERT INTO vocab (term) VALUES (?)'),
      getDoc: db.prepare('SELECT * FROM documents WHERE id = ?'),
      // `<> ''`: the index on symbols leaves out documents without one (see searchLibrary).
      getDocBySymbol: db.prepare("SELECT * FROM documents WHERE symbol = ? AND symbol <> '' ORDER BY language = ? DESC LIMIT 1"),
      getPara: db.prepare(
        `SELECT p.id, p.document_id AS documentId, p.kind, p.designation, p.number, p.text, p.position, p.opening_phrase AS openingPhrase,
                p.norm_hash AS normHash, d.symbol, d.adoption_date AS adoptionDate, d.title, d.language, d.year, d.session_num AS sessionNum,
                (d.kind = 'draft' OR d.symbol LIKE '%/L.%') AS draft
           FROM paragraphs p JOIN documents d ON d.id = p.document_id WHERE p.id = ?`,
      ),
      paraTexts: db.prepare('SELECT text FROM paragraphs WHERE document_id = ? ORDER BY position').pluck(),
      counts: db.prepare('SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM paragraphs) AS paragraphs'),
      setSetting: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      getSetting: db.prepare('SELECT value FROM settings WHERE key = ?'),
      addTag: db.prepare('INSERT OR IGNORE INTO tags (document_id, tag) VALUES (?, ?)'),
      removeTag: db.prepare('DELETE FROM tags WHERE document_id = ? AND tag = ?'),
      deleteDoc: db.prepare('DELETE FROM documents WHERE id = ?'),
    };
  }

  /** Vocabulary ids for a text's matching tokens, adding new terms. Call inside a transaction when importing. */
  tokenIds(text: string, add = true): Int32Array {
    return this.idsOf(matchTokens(text), add);
  }

  /** Vocabulary ids of matching tokens (see tokenIds); unknown ones are added, or -1 when `add` is false. */
  private idsOf(terms: readonly string[], add: boolean): Int32Array {
    const vocab = this.vocab;
    const ids = new Int32Array(terms.length);
    let n = 0;
    for (const t of terms) {
      let id = vocab.get(t);
      if (id === undefined) {
        if (!add) {
          ids[n++] = -1; // unknown term: matches nothing, still counts for length
          continue;
        }
        id = Number(this.st.insertVocab.run(t).lastInsertRowid);
        // A term cut from a prepared document's one string may be a view into it: the vocabulary
        // keeps its own copy, not the whole document's text.
        vocab.set(t.length >= 13 ? (JSON.parse(JSON.stringify(t)) as string) : t, id);
      }
      ids[n++] = id;
    }
    return ids.subarray(0, n);
  }

  /** An existing document with the same file hash, or the same symbol and language. */
  findDuplicate(hash: string, symbol: string, language: string): { id: number; symbol: string; sourceFile: string } | undefined {
    return (this.st.byHash.get(hash) ?? (symbol ? this.st.bySymbol.get(symbol, language) : undefined)) as { id: number; symbol: string; sourceFile: string } | undefined;
  }

  /**
   * Stores a parsed document and its paragraphs in one transaction. Returns the document id and
   * the new paragraph ids with their tokens (for the match index).
   */
  insertDocument(doc: ResolutionDocument, source: { file: string; hash: string }): { id: number; paragraphs: MatchEntry[] } {
    return this.insertPrepared(prepareDocument(doc), source);
  }

  /**
   * Stores a prepared document (prepareDocument, perhaps computed by the import worker) as
   * insertDocument stores the document itself; CORRUPT, storing nothing, when it is malformed.
   * With `savepoint` false it writes straight into the transaction the caller holds, without a
   * savepoint of its own: then a failure part way leaves the rows written so far, and the caller
   * must roll its whole transaction back. (A savepoint makes FTS5 write its pending terms out as a
   * segment of their own: one per document, costly, where a batch's commit writes one.)
   */
  insertPrepared(prep: PreparedDocument, source: { file: string; hash: string }, savepoint = true): { id: number; paragraphs: MatchEntry[] } {
    const rows = preparedRows(prep);
    if (!savepoint) {
      if (!this.db.inTransaction) throw new Error('insertPrepared without a savepoint needs a transaction');
      return this.writePrepared(prep, rows, source);
    }
    try {
      return this.db.transaction(() => this.writePrepared(prep, rows, source))();
    } catch (e) {
      // The savepoint took back the vocabulary rows it added: the map must not keep their ids,
      // or the next new term would be given one of them again and two words would match as one.
      this.forgetVocabulary();
      throw e;
    }
  }

  private writePrepared(prep: PreparedDocument, { rows, terms }: PreparedRows, source: { file: string; hash: string }): { id: number; paragraphs: MatchEntry[] } {
    const body = Buffer.from(prep.body.buffer, prep.body.byteOffset, prep.body.byteLength);
    const m = prep.meta;
    const sessionNum = /^\d+$/.test(m.session) ? Number(m.session) : null;
    const year = /^\d{4}/.test(m.adoptionDate) ? Number(m.adoptionDate.slice(0, 4)) : null;
    const id = Number(
      this.st.insertDoc.run({
        symbol: m.symbol,
        organ: m.organ,
        kind: m.kind,
        session: m.session,
        sessionNum,
        adoptionDate: m.adoptionDate,
        year,
        language: m.language,
        title: m.title,
        agendaItems: JSON.stringify(m.agendaItems),
        basis: m.basis,
        meeting: m.meeting,
        sourceFile: source.file,
        sourceHash: source.hash,
        importedAt: new Date().toISOString(),
        body,
      }).lastInsertRowid,
    );
    // The document's distinct tokens in order of first occurrence: new ones get their ids in
    // the order a token-by-token pass would give them.
    const termIds = this.idsOf(terms, true);
    const paragraphs: MatchEntry[] = [];
    const { insertPara, insertFts } = this.st;
    rows.forEach((p, position) => {
      const tokens = new Int32Array(p.termIdx.length);
      for (let i = 0; i < tokens.length; i++) tokens[i] = termIds[p.termIdx[i]!]!;
      const pid = Number(insertPara.run(id, p.kind, p.designation, p.number, p.label, p.openingPhrase, p.text, position, tokenHash(tokens)).lastInsertRowid);
      insertFts.run(pid, p.search);
      paragraphs.push({ id: pid, kind: p.kind, tokens });
    });
    this.st.insertMatch.run(id, encodeMatchBlob(paragraphs));
    return { id, paragraphs };
  }

  /**
   * Forgets the in-memory vocabulary (read again from the database at its next use). Call when a
   * transaction that may have added terms rolled back: their ids are free again in the table.
   */
  forgetVocabulary(): void {
    this.vocabMap = null;
  }

  private sameWordingSt: { all(...params: unknown[]): unknown[] } | undefined;

  /** Told the ids of a removed document's paragraphs (the service drops them from its match index). */
  onParagraphsRemoved: ((ids: number[]) => void) | null = null;

  /** Removes a document (paragraphs and tags cascade), then tells onParagraphsRemoved. */
  deleteDocument(id: number): boolean {
    const ids = this.onParagraphsRemoved ? (this.db.prepare('SELECT id FROM paragraphs WHERE document_id = ?').pluck().all(id) as number[]) : [];
    if (this.st.deleteDoc.run(id).changes === 0) return false;
    this.onParagraphsRemoved?.(ids);
    return true;
  }

  /** The stored match index, one decoded blob per document (see match-store.ts). */
  *matchBlobs(): Generator<MatchBlob> {
    const it = this.db.prepare('SELECT data FROM match_tokens').raw().iterate() as Iterable<[Buffer]>;
    for (const [data] of it) yield decodeMatchBlob(data);
  }

  /** The SQL and parameters of a text search (exposed for EXPLAIN QUERY PLAN tests). */
  searchSql(query: string, f: SearchFilters, limit: number, order: SearchOrder = 'newest'): { sql: string; params: unknown[] } {
    return searchSql(query, f, limit, order);
  }

  /** Search: a symbol lookup ("79/200 OP5") or full text with filters, newest first or by relevance. */
  search(query: string, filters: SearchFilters = {}, limit = 20, order: SearchOrder = 'newest'): SearchHitRow[] {
    return searchLibrary(this.db, query, filters, limit, order);
  }

  /** A paragraph with its document's symbol, for match results and provenance. */
  paragraph(id: number):
    | { id: number; documentId: number; kind: ParagraphRow['kind']; designation: string; number: number | null; text: string; position: number; openingPhrase: string; normHash: number; symbol: string; adoptionDate: string; title: string; language: string; year: number | null; sessionNum: number | null; draft: number }
    | undefined {
    return this.st.getPara.get(id) as ReturnType<LibraryDb['paragraph']>;
  }

  /** A stored document: its row and parsed body. */
  document(idOrSymbol: number | string, language = 'en'): { row: DocumentRow & { basis: string; meeting: string }; body: ResolutionDocument } | undefined {
    const r = (typeof idOrSymbol === 'number' ? this.st.getDoc.get(idOrSymbol) : this.st.getDocBySymbol.get(idOrSymbol, language)) as Record<string, unknown> | undefined;
    if (!r) return undefined;
    const count = this.db.prepare('SELECT count(*) AS n FROM paragraphs WHERE document_id = ?').get(r.id) as { n: number };
    return {
      row: {
        id: r.id as number,
        symbol: r.symbol as string,
        organ: r.organ as string,
        session: r.session as string,
        adoptionDate: r.adoption_date as string,
        language: r.language as string,
        title: r.title as string,
        sourceFile: r.source_file as string,
        paragraphs: count.n,
        basis: r.basis as string,
        meeting: r.meeting as string,
      },
      body: unpackBody(r.body as Buffer | string, this.st.paraTexts.all(r.id) as string[]),
    };
  }

  /**
   * Paragraphs whose normalised tokens hash to `normHash` (identical wording, numbers aside), newest
   * adoption first. Hash collisions are not filtered here: callers compare tokens.
   */
  sameWording(normHash: number, limit = 500): LibraryParagraphRef[] {
    // Prepared once: the Matches panel asks for several wordings per keystroke.
    this.sameWordingSt ??= this.db.prepare(
        `SELECT p.id AS paragraphId, p.document_id AS documentId, p.designation, p.kind, d.symbol, d.year, d.adoption_date AS adoptionDate, d.session_num AS sessionNum,
                d.language, (d.kind = 'draft' OR d.symbol LIKE '%/L.%') AS draft
           FROM paragraphs p JOIN documents d ON d.id = p.document_id
          WHERE p.norm_hash = ? ORDER BY d.adoption_date DESC, p.id DESC LIMIT ?`,
    );
    return this.sameWordingSt.all(normHash, limit) as LibraryParagraphRef[];
  }

  /**
   * The resolution family of a document: documents in its language with the same title (case and
   * spacing aside) or, when no other document has that title, sharing an agenda item title; oldest
   * session first, the document included.
   */
  family(documentId: number): { id: number; symbol: string; sessionNum: number | null; year: number | null; adoptionDate: string; draft: number }[] {
    const me = this.db.prepare('SELECT language, title, agenda_items AS agenda FROM documents WHERE id = ?').get(documentId) as { language: string; title: string; agenda: string } | undefined;
    if (!me) return [];
    const norm = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim();
    const agendaTitles = (json: string) => new Set((JSON.parse(json) as { title: string }[]).map((a) => norm(a.title)).filter(Boolean));
    const title = norm(me.title);
    const mine = agendaTitles(me.agenda);
    const rows = this.db
      .prepare(
        `SELECT id, symbol, session_num AS sessionNum, year, adoption_date AS adoptionDate, title, agenda_items AS agenda, (kind = 'draft' OR symbol LIKE '%/L.%') AS draft
           FROM documents WHERE language = ? ORDER BY session_num, adoption_date, id`,
      )
      .all(me.language) as { id: number; symbol: string; sessionNum: number | null; year: number | null; adoptionDate: string; title: string; agenda: string; draft: number }[];
    // The same title is the family; an agenda item (shared by many resolutions) only stands in
    // when no other document has the title.
    const byTitle = rows.filter((r) => r.id === documentId || (title !== '' && norm(r.title) === title));
    const family = byTitle.length > 1 ? byTitle : rows.filter((r) => r.id === documentId || [...agendaTitles(r.agenda)].some((a) => mine.has(a)));
    return family.map(({ title: _t, agenda: _a, ...r }) => r);
  }

  /** The paragraphs of a document in order: id, designation, kind and text. */
  paragraphsOf(documentId: number): { id: number; designation: string; kind: ParagraphRow['kind']; text: string }[] {
    return this.db.prepare('SELECT id, designation, kind, text FROM paragraphs WHERE document_id = ? ORDER BY position').all(documentId) as ReturnType<LibraryDb['paragraphsOf']>;
  }

  /** Counts of documents and paragraphs. */
  counts(): { documents: number; paragraphs: number } {
    return this.st.counts.get() as { documents: number; paragraphs: number };
  }

  /** Values available for the filters, with counts. */
  facets(): { organs: { value: string; count: number }[]; sessions: { value: number; count: number }[]; languages: { value: string; count: number }[]; phrases: { value: string; count: number }[]; tags: { value: string; count: number }[] } {
    const q = <T>(sql: string) => this.db.prepare(sql).all() as T[];
    return {
      organs: q('SELECT organ AS value, count(*) AS count FROM documents GROUP BY organ ORDER BY count DESC'),
      sessions: q('SELECT session_num AS value, count(*) AS count FROM documents WHERE session_num IS NOT NULL GROUP BY session_num ORDER BY session_num'),
      languages: q('SELECT language AS value, count(*) AS count FROM documents GROUP BY language ORDER BY count DESC'),
      phrases: q("SELECT opening_phrase AS value, count(*) AS count FROM paragraphs WHERE opening_phrase <> '' GROUP BY opening_phrase ORDER BY count DESC LIMIT 80"),
      tags: q('SELECT tag AS value, count(*) AS count FROM tags GROUP BY tag ORDER BY tag'),
    };
  }

  /** Adds or removes a user tag on a document. */
  tag(documentId: number, tag: string, on: boolean): void {
    if (on) this.st.addTag.run(documentId, tag);
    else this.st.removeTag.run(documentId, tag);
  }

  /** Documents, newest first. */
  listDocuments(limit = 200, offset = 0): DocumentRow[] {
    return this.db
      .prepare(
        `SELECT d.id, d.symbol, d.organ, d.session, d.adoption_date AS adoptionDate, d.language, d.title, d.source_file AS sourceFile,
                (SELECT count(*) FROM paragraphs p WHERE p.document_id = d.id) AS paragraphs
           FROM documents d ORDER BY d.adoption_date DESC, d.id DESC LIMIT ? OFFSET ?`,
      )
      .all(limit, offset) as DocumentRow[];
  }

  /** A setting (small key/value state such as "starter library imported"). */
  setting(key: string): string | undefined {
    return (this.st.getSetting.get(key) as { value: string } | undefined)?.value;
  }

  /** Stores a setting. */
  setSetting(key: string, value: string): void {
    this.st.setSetting.run(key, value);
  }
}
