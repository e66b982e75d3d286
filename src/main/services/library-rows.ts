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
import { rowTerms } from '../../shared/text/search-terms.js';
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
  // A list the document numbers "1.", "2." (Block.listLabels) is cited with those numbers.
  const subs = (parent: Block, level: number, prefix: string, path: (string | number)[]) => {
    parent.children.forEach((c, i) => {
      const label = parent.listLabels === 'digits' ? `${i + 1}.` : subparagraphLabel(i, Math.min(level, 4) as 1 | 2 | 3 | 4, lang);
      const designation = `${prefix} ${label}`;
      const text = ownText(c);
      if (text) rows.push({ kind: 'sub', designation, number: null, label, openingPhrase: '', text, path: [...path, 'children', i] });
      subs(c, level + 1, designation, [...path, 'children', i]);
    });
  };
  doc.preambular.forEach((b, i) => {
    const text = ownText(b);
    if (text) rows.push({ kind: 'pp', designation: `PP${i + 1}`, number: i + 1, label: '', openingPhrase: phraseOf(text, 'pp'), text, path: ['preambular', i] });
    subs(b, 1, `PP${i + 1}`, ['preambular', i]);
  });
  doc.operative.forEach((b, i) => {
    const text = ownText(b);
    if (text) rows.push({ kind: 'op', designation: `OP${i + 1}`, number: i + 1, label: '', openingPhrase: phraseOf(text, 'op'), text, path: ['operative', i] });
    subs(b, 1, `OP${i + 1}`, ['operative', i]);
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
      // None starts at or after the cursor, so the first one (if any) starts before it: search
      // only there (strings found nowhere, such as footnotes, no longer scan the texts twice).
      if (at < 0 && cursor > 0) at = hay.slice(0, cursor + v.length - 1).indexOf(v);
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
 * A document ready to store, in a form that crosses threads cheaply: one string and two typed
 * arrays (the arrays' buffers are transferred) instead of an object per paragraph, whose
 * structured clone cost the worker and this thread more than the strings themselves.
 *
 * `strings` is every string of the rows concatenated: per row its kind, designation, label,
 * opening phrase, text and search terms (searchText); then the document's distinct matching
 * tokens (matchTokens), in order of first occurrence. `ints` holds, in order: the row count and
 * the distinct token count; per row (PREPARED_ROW_INTS) its number (-1: none), the lengths of its
 * six strings and its token count; the length of each distinct token; then, for every token of
 * every row in order, the index of its distinct token. `body` is the packed body (packBody),
 * which holds the whole document. Read back with preparedRows.
 */
export interface PreparedDocument {
  meta: FrontMatter;
  strings: string;
  ints: Int32Array;
  body: Uint8Array;
}

/** Int32s per row in PreparedDocument.ints: number, six string lengths, token count. */
const PREPARED_ROW_INTS = 8;
const ROW_KINDS: readonly string[] = ['pp', 'op', 'sub', 'annex'] satisfies ParagraphRow['kind'][];

/** Everything insertDocument stores for `doc`, computed from the document alone. */
export function prepareDocument(doc: ResolutionDocument): PreparedDocument {
  const flat = flattenParagraphs(doc);
  const lang = doc.meta.language;
  const parts: string[] = [];
  const head: number[] = [flat.length, 0];
  const termIndex = new Map<string, number>();
  const terms: string[] = [];
  const tokenIdx: number[] = [];
  for (const row of flat) {
    const { search, tokens } = rowTerms(row.text, lang);
    parts.push(row.kind, row.designation, row.label, row.openingPhrase, row.text, search);
    head.push(row.number ?? -1, row.kind.length, row.designation.length, row.label.length, row.openingPhrase.length, row.text.length, search.length, tokens.length);
    for (const t of tokens) {
      let k = termIndex.get(t);
      if (k === undefined) {
        k = terms.length;
        termIndex.set(t, k);
        terms.push(t);
      }
      tokenIdx.push(k);
    }
  }
  head[1] = terms.length;
  for (const t of terms) head.push(t.length);
  const ints = new Int32Array(head.length + tokenIdx.length);
  ints.set(head);
  ints.set(tokenIdx, head.length);
  // A buffer of its own (zlib's output is a view into a larger one), so it can be transferred.
  const body = new Uint8Array(packBody(doc, flat.map((r) => r.text)));
  return { meta: doc.meta, strings: parts.join('') + terms.join(''), ints, body };
}

/** The buffers a PreparedDocument can hand to another thread (postMessage's transfer list). */
export function preparedTransfer(p: PreparedDocument): ArrayBuffer[] {
  return [p.ints.buffer as ArrayBuffer, p.body.buffer as ArrayBuffer];
}

/** A prepared document read back: its rows in position order, with search terms and tokens. */
export interface PreparedRows {
  /** Per row also its search terms and its matching tokens as indexes into `terms`. */
  rows: (StoredRow & { search: string; termIdx: Int32Array })[];
  /** The document's distinct matching tokens, in order of first occurrence. */
  terms: string[];
}

const FRONT_MATTER_STRINGS = ['symbol', 'organ', 'session', 'adoptionDate', 'language', 'title', 'basis', 'meeting'] as const;

/**
 * Reads a PreparedDocument (perhaps from another thread) back into rows; throws CORRUPT unless
 * it has exactly the shape prepareDocument gives (lengths adding up, kinds and token indexes in
 * range, front matter complete).
 */
export function preparedRows(p: PreparedDocument): PreparedRows {
  const corrupt = () => new PlenaryError('CORRUPT', 'The import worker sent an incomplete document; import the file again.');
  const m = p?.meta as Partial<FrontMatter> | undefined;
  if (typeof m !== 'object' || m === null || !FRONT_MATTER_STRINGS.every((k) => typeof m[k] === 'string') || !Array.isArray(m.agendaItems)) throw corrupt();
  const { strings, ints } = p;
  if (typeof strings !== 'string' || !(ints instanceof Int32Array) || !(p.body instanceof Uint8Array) || ints.length < 2) throw corrupt();
  const n = ints[0]!;
  const nTerms = ints[1]!;
  const termsAt = 2 + n * PREPARED_ROW_INTS;
  const tokensAt = termsAt + nTerms;
  if (n < 0 || nTerms < 0 || tokensAt > ints.length) throw corrupt();
  let totalTokens = 0;
  let at = 0;
  const take = (len: number): string => {
    if (len < 0 || at + len > strings.length) throw corrupt();
    at += len;
    return strings.slice(at - len, at);
  };
  const rows: PreparedRows['rows'] = [];
  for (let r = 0; r < n; r++) {
    const o = 2 + r * PREPARED_ROW_INTS;
    const number = ints[o]!;
    const kind = take(ints[o + 1]!);
    const count = ints[o + 7]!;
    if (number < -1 || !ROW_KINDS.includes(kind) || count < 0) throw corrupt();
    rows.push({
      kind: kind as StoredRow['kind'],
      designation: take(ints[o + 2]!),
      number: number === -1 ? null : number,
      label: take(ints[o + 3]!),
      openingPhrase: take(ints[o + 4]!),
      text: take(ints[o + 5]!),
      search: take(ints[o + 6]!),
      termIdx: ints.subarray(tokensAt + totalTokens, tokensAt + totalTokens + count),
    });
    totalTokens += count;
  }
  const terms: string[] = [];
  for (let k = 0; k < nTerms; k++) terms.push(take(ints[termsAt + k]!));
  if (at !== strings.length || tokensAt + totalTokens !== ints.length) throw corrupt();
  for (let i = tokensAt; i < ints.length; i++) if (ints[i]! < 0 || ints[i]! >= nTerms) throw corrupt();
  return { rows, terms };
}
