/**
 * Full-text search over the library's language-aware index (search_fts holds the normalised terms
 * of src/shared/text/search-terms.ts; the text itself stays in `paragraphs`).
 *
 * Cost at a million paragraphs. A query never scores every matching row:
 *   - newest first (the default) walks the FTS index in descending rowid order (paragraph ids grow
 *     with import order) and stops at the limit, so "development" costs the same as "Antarctica";
 *   - relevance ranks only the newest RELEVANCE_WINDOW matches (early termination again), by BM25
 *     computed here from their terms; for a rare query that is every match.
 * The index holds which paragraphs contain a term, not where (FTS5 detail=none, a third of the
 * size): a phrase is looked up as its terms (less common function words, see compileQuery), and
 * the rows found are read newest first and kept when the phrase stands in their text, until the
 * limit (or the relevance window) is full; newest first reads only the words where the phrase can
 * start (textSequences).
 * Snippets are built from the stored text (the FTS table is contentless) by search-snippet.ts,
 * reading a long paragraph only up to the end of its snippet. What a search costs at a million paragraphs is
 * mostly reading its hits: the FTS lookup is a fraction of a millisecond.
 * Symbol lookups ("79/200", "A/RES/79/200 OP5", "A/C.2/80/L.3") go to the documents table.
 */
import type { Db } from './connection.js';
import type { Statement } from 'better-sqlite3';
import type { SearchHit } from '../../shared/api.js';
import { compileQuery, parseQuery, termList, type CompiledQuery, type TermSequences } from './fts-query.js';
import { queryForms, searchTerms, SEPARATORS } from '../../shared/text/search-terms.js';
import { escapeHtml, snippetMaker, stemOf } from './search-snippet.js';

/** Search filters (all optional). */
export interface SearchFilters {
  kind?: 'pp' | 'op';
  organ?: string;
  sessionFrom?: number;
  sessionTo?: number;
  yearFrom?: number;
  yearTo?: number;
  language?: string;
  openingPhrase?: string;
  tag?: string;
}

/** Result order: newest first (default) or relevance (BM25 over the newest matches). */
export type SearchOrder = 'newest' | 'relevance';

/** How many of the newest matches a relevance search ranks. */
export const RELEVANCE_WINDOW = 1000;

const HIT_COLUMNS = `p.id AS paragraphId, p.document_id AS documentId, d.symbol, p.kind, p.designation, p.number, p.text,
             d.adoption_date AS adoptionDate, d.title, p.opening_phrase AS openingPhrase, d.language,
             (d.kind = 'draft' OR d.symbol LIKE '%/L.%') AS draft`;

function filterSql(f: SearchFilters): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    where.push(sql);
    params.push(v);
  };
  if (f.kind) add('p.kind = ?', f.kind);
  if (f.organ) add('d.organ = ?', f.organ);
  if (f.sessionFrom !== undefined) add('d.session_num >= ?', f.sessionFrom);
  if (f.sessionTo !== undefined) add('d.session_num <= ?', f.sessionTo);
  if (f.yearFrom !== undefined) add('d.year >= ?', f.yearFrom);
  if (f.yearTo !== undefined) add('d.year <= ?', f.yearTo);
  if (f.language) add('d.language = ?', f.language);
  // The `<> ''` lets SQLite use the partial index on opening phrases.
  if (f.openingPhrase) add("p.opening_phrase = ? AND p.opening_phrase <> ''", f.openingPhrase);
  if (f.tag) add('EXISTS (SELECT 1 FROM tags t WHERE t.document_id = d.id AND t.tag = ?)', f.tag);
  return { where, params };
}

/**
 * The SQL and parameters of a text search (exposed for EXPLAIN QUERY PLAN tests), and the check
 * its rows must pass when the index alone cannot answer (phrases: see compileQuery). With a check
 * the statement has no LIMIT: the caller reads rows until `limit` (newest) or RELEVANCE_WINDOW
 * (relevance) of them pass.
 */
export function searchSql(query: string, f: SearchFilters, limit: number, order: SearchOrder = 'newest'): { sql: string; params: unknown[] } & Omit<CompiledQuery, 'match'> {
  const { match, check, frequencies } = compileQuery(parseQuery(query), queryForms);
  const { where, params } = filterSql(f);
  const cond = where.length ? `AND ${where.join(' AND ')}` : '';
  // Both orders read the newest rows first: newest stops at `limit` matches, relevance ranks the
  // newest RELEVANCE_WINDOW matches in code (bm25 is 0 with detail=none). With a check the rows
  // the index returns are candidates: the caller reads on until that many pass.
  const wanted = order === 'newest' ? limit : RELEVANCE_WINDOW;
  const rows = check ? -1 : wanted;
  return {
    sql: `SELECT ${HIT_COLUMNS}, 0 AS rank
            FROM search_fts f
            JOIN paragraphs p ON p.id = f.rowid
            JOIN documents d ON d.id = p.document_id
           WHERE search_fts MATCH ? ${cond}
           ORDER BY f.rowid DESC
           LIMIT ?`,
    params: [match, ...params, rows],
    check,
    frequencies,
  };
}

/** BM25's constants: how fast repeated terms stop counting, and how much length weighs. */
const K1 = 1.2;
const B = 0.75;

/**
 * Relevance among the rows read (the newest RELEVANCE_WINDOW matches): BM25 over the query's
 * groups, each weighted alike (an index without positions gives no corpus-wide term weights), so
 * paragraphs that say the words more often, in fewer words, come first; newest first on a tie.
 */
function rankByRelevance(rows: { row: Row; terms: string[] }[], frequencies: (terms: readonly string[]) => number[]): Row[] {
  if (!rows.length) return [];
  const avg = rows.reduce((n, r) => n + r.terms.length, 0) / rows.length || 1;
  const scored = rows.map(({ row, terms }) => {
    const norm = K1 * (1 - B + (B * terms.length) / avg);
    const score = frequencies(terms).reduce((s, tf) => s + (tf * (K1 + 1)) / (tf + norm), 0);
    return { row: { ...row, rank: -score }, score };
  });
  scored.sort((a, b) => b.score - a.score || b.row.paragraphId - a.row.paragraphId);
  return scored.map((s) => s.row);
}

/** A symbol lookup in a query: the document symbol and, optionally, a paragraph designation. */
export function symbolQuery(q: string): { symbol: string; designation?: string } | undefined {
  const m = /^\s*((?:A\/RES\/)?\d{1,3}\/\d{1,4}|[A-Z]{1,2}(?:\/[A-Z0-9.()-]+)+(?: \(\d{4}\))?)(?:\s*(?:,\s*)?(OP|PP)\s*(\d{1,3}))?\s*$/i.exec(q);
  if (!m) return undefined;
  let symbol = m[1]!.toUpperCase();
  if (/^\d/.test(symbol)) symbol = `A/RES/${symbol}`;
  return { symbol, ...(m[2] ? { designation: `${m[2].toUpperCase()}${Number(m[3])}` } : {}) };
}

type Row = Omit<SearchHit, 'score' | 'snippet' | 'draft'> & { rank: number; language: string; draft: number };

/** Every term a query's positive words and phrases can match (for highlighting). */
function highlightTerms(query: string): Set<string> {
  const out = new Set<string>();
  for (const g of parseQuery(query).groups) for (const t of g) for (const f of queryForms(t.text)) for (const x of f) out.add(x);
  return out;
}

/** The indexed terms of a stored paragraph (searchText's terms), from the shared word memo. */
function indexedTerms(text: string, language: string): string[] {
  // searchTerms(text, true) is searchTerms(text, false) with each term stemmed.
  return language === 'en' ? searchTerms(text, false).map(stemOf) : searchTerms(text, false);
}

// A character outside ASCII that is no separator: text without one is split by searchTerms into
// the runs of ASCII letters and digits, lower-cased (see search-terms.ts). (One negated character
// class: on long texts far faster than an alternation tried at every character.)
const NOT_ASCII_WORDS_TEXT = new RegExp(`[^\\x00-\\x7f${SEPARATORS.source.slice(1, -1)}]`);
const LOWER_WORD = /[a-z0-9]+/g;

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/**
 * The term sequences of a stored paragraph, as a query check asks about them, read from the text
 * itself where that is exact: in ASCII text a phrase is looked for only where its first word can
 * start (every word whose term is t begins with t less its last letter: the stemmer only cuts
 * endings and turns a final y into i), and only the words from there are read. Other texts are
 * tokenized whole (indexedTerms).
 */
export function textSequences(text: string, language: string): TermSequences {
  let all: TermSequences | undefined;
  const whole = () => (all ??= termList(indexedTerms(text, language)));
  if (NOT_ASCII_WORDS_TEXT.test(text)) return whole();
  const lower = text.toLowerCase();
  const termOf = language === 'en' ? stemOf : (w: string) => w;
  return {
    has(form, prefix) {
      const lead = form[0]!.slice(0, -1);
      if (!lead) return whole().has(form, prefix);
      const last = form.length - 1;
      for (let i = lower.indexOf(lead); i >= 0; i = lower.indexOf(lead, i + 1)) {
        if (i > 0 && isWordChar(lower.charCodeAt(i - 1))) continue;
        LOWER_WORD.lastIndex = i;
        let j = 0;
        for (; j <= last; j++) {
          const m = LOWER_WORD.exec(lower);
          if (!m) break;
          const t = termOf(m[0]);
          if (!(prefix && j === last ? t.startsWith(form[j]!) : t === form[j])) break;
        }
        if (j > last) return true;
      }
      return false;
    },
  };
}

/** Prepared statements per database and SQL text (a search's SQL varies only with its filters). */
const statements = new WeakMap<Db, Map<string, Statement>>();

function prepared(db: Db, sql: string): Statement {
  let m = statements.get(db);
  if (!m) statements.set(db, (m = new Map()));
  let st = m.get(sql);
  if (!st) m.set(sql, (st = db.prepare(sql)));
  return st;
}

/**
 * The SQL and parameters of a symbol lookup (exposed for EXPLAIN QUERY PLAN tests): the
 * paragraphs of the document `query` names (English first), or only the one it designates;
 * undefined when the query is no symbol (symbolQuery).
 */
export function symbolSql(query: string, limit: number): { sql: string; params: unknown[] } | undefined {
  const sym = symbolQuery(query);
  if (!sym) return undefined;
  // `<> ''` lets SQLite use the partial index on symbols: without it every document (and, with
  // a designation, every paragraph) was read (90 ms at 100,000 paragraphs).
  return {
    sql: `SELECT ${HIT_COLUMNS}, 0 AS rank FROM documents d JOIN paragraphs p ON p.document_id = d.id
           WHERE d.symbol = ? AND d.symbol <> '' ${sym.designation ? 'AND p.designation = ?' : ''} ORDER BY d.language = 'en' DESC, p.position LIMIT ?`,
    params: [sym.symbol, ...(sym.designation ? [sym.designation] : []), limit],
  };
}

/**
 * Searches the library: a symbol lookup when the query is a symbol (optionally with a paragraph),
 * else full text with filters, newest first or by relevance. Throws BAD_INPUT for a query with
 * nothing to search for.
 */
export function searchLibrary(db: Db, query: string, filters: SearchFilters, limit: number, order: SearchOrder = 'newest'): SearchHit[] {
  const sym = symbolSql(query, limit);
  let rows: Row[];
  if (sym) {
    rows = prepared(db, sym.sql).all(...sym.params) as Row[];
    if (rows.length) return rows.map((r) => toHit(r, null));
  }
  const { sql, params, check, frequencies } = searchSql(query, filters, limit, order);
  if (order === 'relevance') {
    const read: { row: Row; terms: string[] }[] = [];
    for (const row of prepared(db, sql).iterate(...params) as Iterable<Row>) {
      const t = indexedTerms(row.text, row.language);
      if (check && !check(termList(t))) continue;
      read.push({ row, terms: t });
      if (read.length >= RELEVANCE_WINDOW) break;
    }
    rows = rankByRelevance(read, frequencies).slice(0, limit);
  } else if (!check) rows = prepared(db, sql).all(...params) as Row[];
  else {
    rows = [];
    for (const r of prepared(db, sql).iterate(...params) as Iterable<Row>) {
      if (!check(textSequences(r.text, r.language))) continue;
      rows.push(r);
      if (rows.length >= limit) break;
    }
  }
  // Newest documents first, but a document's paragraphs in their own order.
  if (order === 'newest') rows.sort((a, b) => b.documentId - a.documentId || a.paragraphId - b.paragraphId);
  const terms = highlightTerms(query);
  const snippetOf = terms.size ? snippetMaker(terms) : null;
  return rows.map((r) => toHit(r, snippetOf));
}

function toHit(r: Row, snippetOf: ((text: string, stem: boolean) => string) | null): SearchHit {
  const { rank, language, draft, ...rest } = r;
  return {
    ...rest,
    snippet: snippetOf ? snippetOf(r.text, language === 'en') : escapeHtml(r.text),
    score: Math.round(-rank * 1000) / 1000,
    draft: draft === 1,
  };
}
