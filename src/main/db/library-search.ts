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
 * size): a phrase is looked up as all of its terms, and the rows found are read newest first (or
 * best first) and kept when their terms stand in order, until the limit is reached.
 * Snippets are built here from the stored text (the FTS table is contentless).
 * Symbol lookups ("79/200", "A/RES/79/200 OP5", "A/C.2/80/L.3") go to the documents table.
 */
import type { Db } from './connection.js';
import type { Statement } from 'better-sqlite3';
import type { SearchHit } from '../../shared/api.js';
import { compileQuery, parseQuery, type CompiledQuery } from './fts-query.js';
import { englishStem, queryForms, searchTerms } from '../../shared/text/search-terms.js';

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
 * the newest-first statement has no LIMIT: the caller reads rows until `limit` of them pass.
 */
export function searchSql(query: string, f: SearchFilters, limit: number, order: SearchOrder = 'newest'): { sql: string; params: unknown[] } & Omit<CompiledQuery, 'match'> {
  const { match, check, frequencies } = compileQuery(parseQuery(query), queryForms);
  const { where, params } = filterSql(f);
  const cond = where.length ? `AND ${where.join(' AND ')}` : '';
  // Both orders read the newest rows first: newest stops at `limit` (or reads on while a check
  // rejects rows); relevance ranks the newest RELEVANCE_WINDOW matches in code (bm25 is 0 with
  // detail=none).
  const rows = order === 'newest' ? (check ? -1 : limit) : RELEVANCE_WINDOW;
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

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The HTML snippet of a hit: the text (HTML-escaped) with every word whose search term is one of
 * the query's in <b>…</b>; long texts are cut to about 40 words around the first highlighted one.
 */
export function highlight(text: string, terms: ReadonlySet<string>, stem: boolean): string {
  const parts: { word: boolean; text: string; hit: boolean }[] = [];
  const seen = new Map<string, boolean>();
  const isHit = (w: string) => {
    let hit = seen.get(w);
    if (hit === undefined) {
      const plain = searchTerms(w, false);
      hit = plain.some((t) => terms.has(t)) || (stem && plain.some((t) => terms.has(englishStem(t))));
      seen.set(w, hit);
    }
    return hit;
  };
  let last = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    if (m.index > last) parts.push({ word: false, text: text.slice(last, m.index), hit: false });
    const hit = isHit(m[0]);
    parts.push({ word: true, text: m[0], hit });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ word: false, text: text.slice(last), hit: false });
  const words = parts.filter((p) => p.word).length;
  let from = 0;
  let to = parts.length;
  if (words > 48) {
    const first = Math.max(0, parts.findIndex((p) => p.hit));
    from = Math.max(0, first - 16);
    to = Math.min(parts.length, from + 80);
  }
  // Spaces between two highlighted words are highlighted too: a phrase is one <b>…</b>.
  const shown = parts.slice(from, to);
  shown.forEach((p, i) => {
    if (!p.word && /^\s+$/.test(p.text) && shown[i - 1]?.hit && shown[i + 1]?.hit) p.hit = true;
  });
  let body = '';
  for (let i = 0; i < shown.length; i++) {
    if (!shown[i]!.hit) {
      body += escapeHtml(shown[i]!.text);
      continue;
    }
    let run = '';
    while (i < shown.length && shown[i]!.hit) run += shown[i++]!.text;
    i--;
    body += `<b>${escapeHtml(run)}</b>`;
  }
  return `${from > 0 ? '…' : ''}${body.trim()}${to < parts.length ? '…' : ''}`;
}

/** Every term a query's positive words and phrases can match (for highlighting). */
function highlightTerms(query: string): Set<string> {
  const out = new Set<string>();
  for (const g of parseQuery(query).groups) for (const t of g) for (const f of queryForms(t.text)) for (const x of f) out.add(x);
  return out;
}

/**
 * The indexed terms of rows read in one search: searchText's terms, with English stems memoised
 * across the rows (their words repeat), which is what makes reading a thousand rows affordable.
 */
function termReader(): (text: string, language: string) => string[] {
  const stems = new Map<string, string>();
  const stem = (w: string) => {
    let s = stems.get(w);
    if (s === undefined) stems.set(w, (s = englishStem(w)));
    return s;
  };
  // searchTerms(text, true) is searchTerms(text, false) with each term stemmed.
  return (text, language) => (language === 'en' ? searchTerms(text, false).map(stem) : searchTerms(text, false));
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
 * Searches the library: a symbol lookup when the query is a symbol (optionally with a paragraph),
 * else full text with filters, newest first or by relevance. Throws BAD_INPUT for a query with
 * nothing to search for.
 */
export function searchLibrary(db: Db, query: string, filters: SearchFilters, limit: number, order: SearchOrder = 'newest'): SearchHit[] {
  const sym = symbolQuery(query);
  let rows: Row[];
  let terms: Set<string>;
  if (sym) {
    rows = db
      .prepare(
        `SELECT ${HIT_COLUMNS}, 0 AS rank FROM documents d JOIN paragraphs p ON p.document_id = d.id
          WHERE d.symbol = ? ${sym.designation ? 'AND p.designation = ?' : ''} ORDER BY d.language = 'en' DESC, p.position LIMIT ?`,
      )
      .all(...[sym.symbol, ...(sym.designation ? [sym.designation] : []), limit]) as Row[];
    terms = new Set();
    if (rows.length) return rows.map((r) => toHit(r, terms));
  }
  const { sql, params, check, frequencies } = searchSql(query, filters, limit, order);
  const termsOf = termReader();
  if (order === 'relevance') {
    const read: { row: Row; terms: string[] }[] = [];
    for (const row of prepared(db, sql).all(...params) as Row[]) {
      const t = termsOf(row.text, row.language);
      if (!check || check(t)) read.push({ row, terms: t });
    }
    rows = rankByRelevance(read, frequencies).slice(0, limit);
  } else if (!check) rows = prepared(db, sql).all(...params) as Row[];
  else {
    rows = [];
    for (const r of prepared(db, sql).iterate(...params) as Iterable<Row>) {
      if (!check(termsOf(r.text, r.language))) continue;
      rows.push(r);
      if (rows.length >= limit) break;
    }
  }
  // Newest documents first, but a document's paragraphs in their own order.
  if (order === 'newest') rows.sort((a, b) => b.documentId - a.documentId || a.paragraphId - b.paragraphId);
  terms = highlightTerms(query);
  return rows.map((r) => toHit(r, terms));
}

function toHit(r: Row, terms: Set<string>): SearchHit {
  const { rank, language, draft, ...rest } = r;
  return {
    ...rest,
    snippet: terms.size ? highlight(r.text, terms, language === 'en') : escapeHtml(r.text),
    score: Math.round(-rank * 1000) / 1000,
    draft: draft === 1,
  };
}
