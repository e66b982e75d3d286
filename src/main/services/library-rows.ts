/**
 * What the library stores for a document, computed without the database: its paragraph rows
 * (flattenParagraphs), their matching tokens and search terms, and the packed body (packBody).
 * Pure apart from zlib, so the import worker prepares a document (prepareDocument) while the
 * main thread stores the one before it; LibraryDb.insertDocument stores exactly what
 * prepareDocument returns, whichever thread computed it.
 */
import zlib from 'node:zlib';
import type { Block, FrontMatter, ResolutionDocument } from '../../shared/resolution/model.js';
import { blockText, inlineText } from '../../shared/resolution/model.js';
import { subparagraphLabel } from '../../shared/resolution/labels.js';
import { detectOpeningPhrase, organGender } from '../../shared/resolution/lexicon.js';
import { searchText } from '../../shared/text/search-terms.js';
import { matchTokens } from '../../shared/text/tokens.js';
import { PlenaryError } from '../../shared/errors.js';

/** One paragraph row as flattened from a document. */
export interface ParagraphRow {
  kind: 'pp' | 'op' | 'sub' | 'annex';
  designation: string;
  number: number | null;
  label: string;
  openingPhrase: string;
  text: string;
  path: (string | number)[];
}


/** The text of a block for the library: its own words (chapeau and tail), not its subparagraphs. */
function ownText(b: Block): string {
  const head = inlineText(b.content).trim();
  const tail = inlineText(b.tail).trim();
  return tail ? `${head} ${tail}` : head;
}

/** Flattens a document into paragraph rows (PPs, OPs, subparagraphs, annex paragraphs). */
export function flattenParagraphs(doc: ResolutionDocument): ParagraphRow[] {
  const lang = doc.meta.language;
  const gender = organGender(doc.meta.organ, lang);
  const rows: ParagraphRow[] = [];
  const phraseOf = (text: string, kind: 'pp' | 'op') => {
    const m = detectOpeningPhrase(text, lang, kind, gender) ?? detectOpeningPhrase(text, lang, kind);
    return m ? text.slice(m.start, m.end) : '';
  };
  const subs = (children: Block[], level: number, prefix: string, path: (string | number)[]) => {
    children.forEach((c, i) => {
      const label = subparagraphLabel(i, Math.min(level, 4) as 1 | 2 | 3 | 4, lang);
      const designation = `${prefix} ${label}`;
      const text = ownText(c);
      if (text) rows.push({ kind: 'sub', designation, number: null, label, openingPhrase: '', text, path: [...path, 'children', i] });
      subs(c.children, level + 1, designation, [...path, 'children', i]);
    });
  };
  doc.preambular.forEach((b, i) => {
    const text = ownText(b);
    if (text) rows.push({ kind: 'pp', designation: `PP${i + 1}`, number: i + 1, label: '', openingPhrase: phraseOf(text, 'pp'), text, path: ['preambular', i] });
    subs(b.children, 1, `PP${i + 1}`, ['preambular', i]);
  });
  doc.operative.forEach((b, i) => {
    const text = ownText(b);
    if (text) rows.push({ kind: 'op', designation: `OP${i + 1}`, number: i + 1, label: '', openingPhrase: phraseOf(text, 'op'), text, path: ['operative', i] });
    subs(b.children, 1, `OP${i + 1}`, ['operative', i]);
  });
  doc.annexes.forEach((a, k) => {
    a.paragraphs.forEach((b, i) => {
      const text = blockText(b);
      if (text) rows.push({ kind: 'annex', designation: `Annex${doc.annexes.length > 1 ? ` ${k + 1}` : ''}, para. ${i + 1}`, number: i + 1, label: '', openingPhrase: '', text, path: ['annexes', k, 'paragraphs', i] });
    });
  });
  return rows;
}


/** Strings shorter than this stay in a packed body as they are (a reference would not be shorter). */
const MIN_REF = 12;
/** Marks a packed body whose long strings refer to the document's paragraph texts (see packBody). */
const PACKED_REFS = 'R1\n';

/**
 * The stored form of a document's body: deflated JSON. The paragraph texts are already stored in
 * `paragraphs` (`texts`, in position order), so every string of the document that occurs in them
 * is stored as a reference "\u0000offset,length" into their join by "\n" instead of a second copy
 * (a string that itself begins with "\u0000" is escaped by a second one). unpackBody with the same
 * texts gives back exactly the document packed; without texts (none given) the JSON is plain.
 */
export function packBody(doc: ResolutionDocument, texts: readonly string[] = []): Buffer {
  if (texts.length === 0) return zlib.deflateRawSync(JSON.stringify(doc));
  const hay = texts.join('\n');
  let cursor = 0;
  const json = JSON.stringify(doc, (_k, v: unknown) => {
    if (typeof v !== 'string') return v;
    if (v.length >= MIN_REF) {
      // Strings come in document order, mostly just after the previous one: look there first.
      let at = hay.indexOf(v, cursor);
      if (at < 0) at = hay.indexOf(v);
      if (at >= 0) {
        cursor = at + v.length;
        return `\u0000${at},${v.length}`;
      }
    }
    return v.startsWith('\u0000') ? `\u0000${v}` : v;
  });
  return zlib.deflateRawSync(PACKED_REFS + json);
}

/**
 * Reads a stored body: deflated JSON (plain, or with references to `texts`, the document's
 * paragraph texts in position order, as packBody wrote it), or plain JSON text. Throws CORRUPT
 * when a reference points outside the texts (the paragraphs do not belong to this body).
 */
export function unpackBody(body: Buffer | string, texts: readonly string[] = []): ResolutionDocument {
  const text = typeof body === 'string' ? body : zlib.inflateRawSync(body).toString('utf8');
  if (!text.startsWith(PACKED_REFS)) return JSON.parse(text) as ResolutionDocument;
  const hay = texts.join('\n');
  return JSON.parse(text.slice(PACKED_REFS.length), (_k, v: unknown) => {
    if (typeof v !== 'string' || !v.startsWith('\u0000')) return v;
    if (v.startsWith('\u0000\u0000')) return v.slice(1);
    const m = /^(\d+),(\d+)$/.exec(v.slice(1));
    const at = m ? Number(m[1]) : -1;
    const len = m ? Number(m[2]) : 0;
    if (!m || at + len > hay.length) throw new PlenaryError('CORRUPT', 'A stored library document refers to paragraph text it does not have; re-import the document.');
    return hay.slice(at, at + len);
  }) as ResolutionDocument;
}

/** A paragraph row as stored (a ParagraphRow without its path in the document). */
export type StoredRow = Omit<ParagraphRow, 'path'>;

/**
 * A document ready to store: its front matter, its rows in position order, per row the matching
 * tokens joined by one space (a token never holds a space) and the search terms (searchText), and
 * the packed body (which holds the whole document).
 */
export interface PreparedDocument {
  meta: FrontMatter;
  rows: StoredRow[];
  tokens: string[];
  search: string[];
  body: Uint8Array;
}

/** Everything insertDocument stores for `doc`, computed from the document alone. */
export function prepareDocument(doc: ResolutionDocument): PreparedDocument {
  const flat = flattenParagraphs(doc);
  const lang = doc.meta.language;
  const rows: StoredRow[] = [];
  const tokens: string[] = [];
  const search: string[] = [];
  for (const { path: _path, ...row } of flat) {
    rows.push(row);
    tokens.push(matchTokens(row.text).join(' '));
    search.push(searchText(row.text, lang));
  }
  return { meta: doc.meta, rows, tokens, search, body: packBody(doc, rows.map((r) => r.text)) };
}

/**
 * Throws CORRUPT unless `p` has the shape of a PreparedDocument (one that crossed a thread
 * boundary is checked before it is stored).
 */
export function assertPrepared(p: PreparedDocument): void {
  const n = Array.isArray(p?.rows) ? p.rows.length : -1;
  const m = p?.meta as Partial<FrontMatter> | undefined;
  const ok =
    n >= 0 &&
    typeof m === 'object' &&
    ['symbol', 'organ', 'session', 'adoptionDate', 'language', 'title', 'basis', 'meeting'].every((k) => typeof m[k as keyof FrontMatter] === 'string') &&
    Array.isArray(m.agendaItems) &&
    Array.isArray(p.tokens) &&
    Array.isArray(p.search) &&
    p.tokens.length === n &&
    p.search.length === n &&
    p.body instanceof Uint8Array &&
    p.rows.every((r, i) => typeof r?.text === 'string' && typeof p.tokens[i] === 'string' && typeof p.search[i] === 'string');
  if (!ok) throw new PlenaryError('CORRUPT', 'The import worker sent an incomplete document; import the file again.');
}
