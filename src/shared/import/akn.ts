/**
 * Akoma Ntoso import: an AKN 3.0 document (after AKN4UN, as export/akn.ts writes it, or as other
 * tools write it) back into a draft.
 *
 * What is read:
 * - the front matter from Plenary's proprietary metadata when present (exactly what was
 *   exported), else from the preface: docNumber (symbol), docAuthority / docCommittee (organ),
 *   docStatus ("Limited": a draft), docDate (issue and adoption), session, agenda items,
 *   docProponent (sponsors; a note on the sponsor line becomes the sponsor note), the basis line
 *   in brackets, docTitle; the language from FRBRlanguage; the meeting from the conclusions;
 * - preambular paragraphs: every container, recital, citation or paragraph of the preamble
 *   except the formula; their subparagraphs from blockList / item (listIntroduction and
 *   listWrapUp as chapeau and tail);
 * - operative paragraphs: the hierarchical elements of the main body (paragraph, point, article,
 *   section, level, hcontainer …), subparagraphs from list / point (intro and wrapUp as chapeau
 *   and tail) or nested hierarchy, paragraphs written as plain p;
 * - annexes: each attachment (doc, preface with its heading in docNumber and its title in
 *   docTitle, main body);
 * - inline: the opening phrase in <i> is kept as text (italics are derived from the lexicon; a
 *   phrase that the lexicon would set otherwise is kept as the paragraph's phrase length), other
 *   <i>/<em> as emphasis; authorialNote and note become footnotes (noteRef refers back to one);
 *   ref/rref to "#eId" become cross-references to the wId of the element with that eId; ref to a
 *   document ("/akn/un/…", or with plenary:symbol) becomes a symbol reference; a becomes a link;
 *   the text of any other element is kept.
 * Ids: wId when present (Plenary's stable ids), else derived from position as the text importer
 * does ("pp1", "op3", "op3-a", "ax1-p2", "fn1").
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PlenaryError } from '../errors.js';
import { detectParagraphPhrase } from '../resolution/structure.js';
import { parseDate } from '../resolution/dates.js';
import { toRoman } from '../resolution/labels.js';
import {
  emptyFrontMatter,
  LANGUAGES,
  type AgendaItem,
  type Annex,
  type Block,
  type DocumentKind,
  type Heading,
  type Table,
  type Footnote,
  type FrontMatter,
  type Inline,
  type Language,
  type Organ,
  type ParagraphStatus,
  type ResolutionDocument,
  type TextRun,
} from '../resolution/model.js';
import { parseSymbol } from '../resolution/symbols.js';
import { describeSource } from './clean.js';
import { listLabelsOf } from './list-labels.js';
import { STATEMENT_NAMES } from '../resolution/akn-vocabulary.js';
import { draftResolutionWords, mastheadWords } from '../resolution/masthead.js';
import { kindFromSymbol, organFromSymbol, parseSessionLine, sessionFromSymbol } from './masthead.js';

/** A node of fast-xml-parser's ordered output: an element ({ tag: children, ':@': attributes }) or text. */
type XNode = Record<string, unknown>;

const ATTRS = ':@';

function tagOf(n: XNode): string | null {
  for (const k of Object.keys(n)) if (k !== ATTRS) return k;
  return null;
}

/** Local name of a tag ("akn:paragraph" → "paragraph"); "#text" for text. */
function localName(tag: string): string {
  const i = tag.indexOf(':');
  return i >= 0 ? tag.slice(i + 1) : tag;
}

function kids(n: XNode): XNode[] {
  const t = tagOf(n);
  const v = t ? n[t] : undefined;
  return Array.isArray(v) ? (v as XNode[]) : [];
}

function attr(n: XNode, name: string): string | undefined {
  const a = n[ATTRS] as Record<string, unknown> | undefined;
  const v = a?.[name];
  return typeof v === 'string' ? v : v === undefined ? undefined : String(v);
}

function isText(n: XNode): boolean {
  return tagOf(n) === '#text' || tagOf(n) === '#cdata';
}

function textOf(n: XNode): string {
  const t = tagOf(n);
  if (t === '#text') return String(n['#text'] ?? '');
  if (t === '#cdata') return kids(n).map(textOf).join('');
  return '';
}

function elements(nodes: readonly XNode[]): XNode[] {
  return nodes.filter((n) => {
    const t = tagOf(n);
    return t !== null && !t.startsWith('#') && !t.startsWith('?');
  });
}

function name(n: XNode): string {
  return localName(tagOf(n) ?? '');
}

function child(n: XNode, local: string): XNode | undefined {
  return elements(kids(n)).find((c) => name(c) === local);
}

function childrenNamed(n: XNode, local: string): XNode[] {
  return elements(kids(n)).filter((c) => name(c) === local);
}

/** All the text under a node, with elements' text kept and notes left out. */
function plainText(n: XNode): string {
  if (isText(n)) return textOf(n);
  const local = name(n);
  if (local === 'authorialNote' || local === 'note' || local === 'noteRef' || local === '#comment') return '';
  return kids(n).map(plainText).join('');
}

/** First descendant element with the local name, depth first. */
function find(n: XNode, local: string): XNode | undefined {
  for (const c of elements(kids(n))) {
    if (name(c) === local) return c;
    const d = find(c, local);
    if (d) return d;
  }
  return undefined;
}

function findAll(n: XNode, local: string, out: XNode[] = []): XNode[] {
  for (const c of elements(kids(n))) {
    if (name(c) === local) out.push(c);
    findAll(c, local, out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Inline content

/** A cross-reference whose target eIds are resolved once the whole document is read. */
interface PendingRef {
  inline: Extract<Inline, { t: 'xref' }>;
  hrefs: string[];
  /** Ids written by Plenary for a reference whose target was already gone. */
  fallback: string[];
  /** The reference's text, kept when its target is not found. */
  text: string;
  /** The array holding the inline, for replacing it by its text. */
  owner: Inline[];
}

interface ReadContext {
  footnotes: Footnote[];
  /** Footnote id by eId of the note. */
  noteByEid: Map<string, string>;
  /** Footnote ids already used. */
  noteIds: Set<string>;
  /** Pending noteRef: note eId → the refs made before the note was read. */
  pendingNoteRefs: { eid: string; inline: Extract<Inline, { t: 'fn' }>; owner: Inline[] }[];
  refs: PendingRef[];
  /** wId by eId of every element read. */
  wIdByEid: Map<string, string>;
  /** The sponsor line's note (marker "*" in the preface). */
  sponsorNote: string;
}

interface Marks {
  em?: boolean;
  link?: string;
  symbolRef?: string;
  /** Set on the runs of an <i> that opens the paragraph (the opening phrase). */
  lead?: boolean;
}

/** A run of text with the mark `lead` (temporary, for the opening phrase). */
type LeadRun = TextRun & { lead?: boolean };

function pushText(out: Inline[], text: string, m: Marks): void {
  if (!text) return;
  const prev = out[out.length - 1] as LeadRun | undefined;
  if (
    prev &&
    prev.t === 'text' &&
    (prev.em ?? false) === (m.em ?? false) &&
    prev.link === m.link &&
    prev.symbolRef === m.symbolRef &&
    (prev.lead ?? false) === (m.lead ?? false) &&
    !m.symbolRef
  ) {
    prev.text += text;
    return;
  }
  const run: LeadRun = { t: 'text', text };
  if (m.em) run.em = true;
  if (m.link) run.link = m.link;
  if (m.symbolRef) run.symbolRef = m.symbolRef;
  if (m.lead) run.lead = true;
  out.push(run);
}

const HREF_RESOLUTION = /^\/akn\/un\/statement\/deliberation\/un-(ga|sc|ecosoc|hrc)(?:\/\d{4}-\d{2}-\d{2})?\/([a-z0-9-]+)/i;

/** The document symbol of an AKN reference written by export/akn.ts (or after its pattern), or null. */
export function symbolFromHref(href: string): string | null {
  const m = HREF_RESOLUTION.exec(href);
  if (!m) return null;
  const organ = m[1]!.toLowerCase();
  const parts = m[2]!.split('-');
  let sym = '';
  if (organ === 'sc' && parts.length === 2) sym = `S/RES/${parts[0]} (${parts[1]})`;
  else if (organ === 'ecosoc' && parts.length === 2) sym = `E/RES/${parts[0]}/${parts[1]}`;
  else if (organ === 'hrc' && parts.length === 2) sym = `A/HRC/RES/${parts[0]}/${parts[1]}`;
  else if (organ === 'ga' && parts.length >= 2) {
    const session = parts[0] === 's' || parts[0] === 'es' ? `${parts[0].toUpperCase()}-${parts[1]}` : parts[0];
    const rest = parts[0] === 's' || parts[0] === 'es' ? parts.slice(2) : parts.slice(1);
    sym = `A/RES/${session}/${rest[0] ?? ''}${rest[1] ? ` ${rest[1].toUpperCase()}` : ''}`;
  }
  const p = sym ? parseSymbol(sym) : null;
  return p ? p.symbol : null;
}

/** Reads mixed content into inlines (see the module comment). */
function readInlines(nodes: readonly XNode[], ctx: ReadContext, out: Inline[] = [], marks: Marks = {}, atStart = { v: true }): Inline[] {
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === null) continue;
    if (tag === '#text' || tag === '#cdata') {
      const t = textOf(n);
      pushText(out, t, marks);
      // Quotation marks may stand before the opening phrase.
      if (/[^\s"“‘«'(]/.test(t)) atStart.v = false;
      continue;
    }
    if (tag.startsWith('#') || tag.startsWith('?')) continue;
    const local = localName(tag);
    switch (local) {
      case 'i':
      case 'em': {
        const emphasis = local === 'em' || (attr(n, 'class') ?? '').split(/\s+/).includes('emphasis');
        const lead = !emphasis && atStart.v && !marks.em;
        readInlines(kids(n), ctx, out, { ...marks, em: true, lead: lead || marks.lead }, atStart);
        break;
      }
      case 'authorialNote':
      case 'note': {
        const id = noteId(attr(n, 'wId'), attr(n, 'marker'), ctx);
        const eid = attr(n, 'eId');
        if (eid) ctx.noteByEid.set(eid, id);
        const content: Inline[] = [];
        for (const c of kids(n)) {
          if (isText(c)) pushText(content, textOf(c), {});
          else if (name(c) === 'p' || name(c) === 'blockList' || name(c) === 'item') {
            if (content.length > 0) pushText(content, ' ', {});
            readInlines(kids(c), ctx, content);
          } else readInlines([c], ctx, content);
        }
        trimInlines(content);
        ctx.footnotes.push({ id, content: content.map(stripLead) });
        out.push({ t: 'fn', id });
        atStart.v = false;
        break;
      }
      case 'noteRef': {
        const href = (attr(n, 'href') ?? '').replace(/^#/, '');
        const existing = ctx.noteByEid.get(href);
        const inline: Extract<Inline, { t: 'fn' }> = { t: 'fn', id: existing ?? '' };
        out.push(inline);
        if (!existing) ctx.pendingNoteRefs.push({ eid: href, inline, owner: out });
        atStart.v = false;
        break;
      }
      case 'ref':
      case 'rref': {
        const text = plainText(n);
        const symbolAttr = attr(n, 'plenary:symbol');
        const href = attr(n, 'href') ?? '';
        if (local === 'rref' || href.startsWith('#')) {
          const hrefs = local === 'rref' ? [attr(n, 'from') ?? '', attr(n, 'upTo') ?? ''] : [href];
          const fallback = (attr(n, 'plenary:targets') ?? '').split(/\s+/).filter(Boolean);
          const inline: Extract<Inline, { t: 'xref' }> = { t: 'xref', targets: [] };
          out.push(inline);
          ctx.refs.push({ inline, hrefs: hrefs.map((h) => h.replace(/^#/, '')).filter(Boolean), fallback, text, owner: out });
        } else {
          const symbol = symbolAttr ?? symbolFromHref(href) ?? (parseSymbol(text.trim())?.symbol ?? null);
          if (symbol) pushText(out, text, { ...marks, symbolRef: symbol });
          else if (/^(?:https?:|mailto:)/i.test(href)) readInlines(kids(n), ctx, out, { ...marks, link: href }, atStart);
          else readInlines(kids(n), ctx, out, marks, atStart);
        }
        if (text.trim()) atStart.v = false;
        break;
      }
      case 'a': {
        const href = attr(n, 'href') ?? '';
        readInlines(kids(n), ctx, out, href ? { ...marks, link: href } : marks, atStart);
        break;
      }
      case 'eol':
      case 'eop':
      case 'br':
        pushText(out, ' ', marks);
        break;
      case 'del':
      case 'img':
      case 'marker':
      case 'placeholder':
      case '#comment':
        break;
      case 'p':
      case 'blockList':
      case 'listIntroduction':
      case 'listWrapUp':
      case 'item':
        if (out.length > 0) pushText(out, ' ', marks);
        readInlines(kids(n), ctx, out, marks, atStart);
        break;
      default:
        // Any other inline (date, organization, term, span, b, u, sup …): its text.
        readInlines(kids(n), ctx, out, marks, atStart);
    }
  }
  return out;
}

function noteId(wId: string | undefined, marker: string | undefined, ctx: ReadContext): string {
  let id = wId && !ctx.noteIds.has(wId) ? wId : '';
  if (!id) {
    const base = marker && /^\w+$/.test(marker) ? `fn${marker}` : `fn${ctx.footnotes.length + 1}`;
    id = base;
    for (let k = 2; ctx.noteIds.has(id); k++) id = `${base}-${k}`;
  }
  ctx.noteIds.add(id);
  return id;
}

function stripLead(i: Inline): Inline {
  if (i.t === 'text' && 'lead' in i) {
    const { lead: _lead, ...rest } = i as LeadRun;
    return rest;
  }
  return i;
}

/**
 * Trims the indentation of pretty-printed XML at both ends of a run of inlines (whitespace with a
 * line end in it; a plain space is text and stays), and drops runs left empty.
 */
function trimInlines(out: Inline[]): void {
  while (out.length > 0) {
    const f = out[0]!;
    if (f.t !== 'text') break;
    f.text = f.text.replace(/^\s*\n\s*/, '');
    if (f.text) break;
    out.shift();
  }
  while (out.length > 0) {
    const l = out[out.length - 1]!;
    if (l.t !== 'text') break;
    l.text = l.text.replace(/(?<!\s)[\t\v\f\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*\n\s*$/, '');
    if (l.text) break;
    out.pop();
  }
}

// ---------------------------------------------------------------------------------------------
// Blocks

interface BlockReader {
  ctx: ReadContext;
  lang: Language;
  organ: Organ;
}

const HIER = new Set([
  'paragraph', 'point', 'list', 'article', 'section', 'subsection', 'clause', 'subclause', 'chapter',
  'part', 'title', 'book', 'tome', 'division', 'subdivision', 'level', 'hcontainer', 'alinea',
  'indent', 'subparagraph', 'rule', 'subrule', 'proviso', 'transitional', 'sublist', 'subchapter',
  'subpart', 'subtitle', 'article', 'container',
]);

/** A block before its id is final and its phrase is decided. */
interface Draft {
  wId: string;
  eId: string;
  content: Inline[];
  children: Draft[];
  tail: Inline[];
  attrs: XNode;
  heading?: Heading;
  table?: Table;
  preambular?: boolean;
  /** Text an amendment's instruction quotes (Plenary's `hcontainer name="quotedText"`). */
  quoted?: boolean;
  /** The printed label (`<num>`: "7.", "(a)", "1."), read for the list style of its parent. */
  num?: string;
}

function newDraft(n: XNode): Draft {
  return { wId: attr(n, 'wId') ?? '', eId: attr(n, 'eId') ?? '', content: [], children: [], tail: [], attrs: n };
}

function appendInlines(target: Inline[], nodes: readonly XNode[], r: BlockReader): void {
  const atStart = { v: target.every((i) => i.t === 'text' && !i.text.trim()) };
  if (target.length > 0) pushText(target, ' ', {});
  readInlines(nodes, r.ctx, target, {}, atStart);
}

/** A hierarchical element (paragraph, point, article …) with its list and nested elements. */
function readHier(n: XNode, r: BlockReader): Draft {
  const d = newDraft(n);
  readHierInto(n, d, r);
  return d;
}

function readHierInto(n: XNode, d: Draft, r: BlockReader): void {
  for (const c of elements(kids(n))) {
    const local = name(c);
    switch (local) {
      case 'num':
        d.num = plainText(c).trim();
        break;
      case 'subheading':
        break;
      case 'heading':
        appendInlines(d.content, kids(c), r);
        break;
      case 'content':
      case 'intro':
        for (const b of elements(kids(c))) {
          if (name(b) === 'blockList') readBlockListInto(b, d, r);
          else appendInlines(d.content, [b], r);
        }
        break;
      case 'wrapUp':
        appendInlines(d.tail, kids(c), r);
        break;
      case 'list':
        // The list's intro is the chapeau, its points the subparagraphs, its wrapUp the tail.
        readHierInto(c, d, r);
        break;
      case 'p':
        if (d.children.length > 0) appendInlines(d.tail, kids(c), r);
        else appendInlines(d.content, kids(c), r);
        break;
      case 'blockList':
        readBlockListInto(c, d, r);
        break;
      default:
        if (HIER.has(local)) d.children.push(readHier(c, r));
        else if (local === 'authorialNote' || local === 'ref' || local === 'i') appendInlines(d.content, [c], r);
        else if (plainText(c).trim()) {
          // An unknown element: its text is kept.
          if (d.children.length > 0) appendInlines(d.tail, kids(c), r);
          else appendInlines(d.content, kids(c), r);
        }
    }
  }
}

/** A block list (preambular subparagraphs): introduction, items, wrap-up. */
function readBlockListInto(n: XNode, d: Draft, r: BlockReader): void {
  for (const c of elements(kids(n))) {
    const local = name(c);
    if (local === 'listIntroduction') appendInlines(d.content, kids(c), r);
    else if (local === 'listWrapUp') appendInlines(d.tail, kids(c), r);
    else if (local === 'item') {
      const it = newDraft(c);
      for (const b of elements(kids(c))) {
        if (name(b) === 'num') continue;
        if (name(b) === 'blockList') readBlockListInto(b, it, r);
        else if (it.children.length > 0) appendInlines(it.tail, [b], r);
        else appendInlines(it.content, [b], r);
      }
      d.children.push(it);
    }
  }
}

/** A preambular paragraph: a container, recital, citation or p. */
function readPreambular(n: XNode, r: BlockReader): Draft {
  const d = newDraft(n);
  if (name(n) === 'p') {
    appendInlines(d.content, kids(n), r);
    return d;
  }
  for (const c of elements(kids(n))) {
    const local = name(c);
    if (local === 'num') continue;
    if (local === 'blockList') readBlockListInto(c, d, r);
    else if (local === 'p' || local === 'content' || local === 'intro') {
      appendInlines(d.children.length > 0 ? d.tail : d.content, kids(c), r);
    } else if (local === 'list') readHierInto(c, d, r);
    else if (HIER.has(local)) d.children.push(readHier(c, r));
    else if (local === 'wrapUp') appendInlines(d.tail, kids(c), r);
    else appendInlines(d.children.length > 0 ? d.tail : d.content, [c], r);
  }
  return d;
}

const RE_NUMERIC = /^\d+$/;

/** Turns drafts into blocks: ids (wId, else derived), trimmed text, opening phrase, Plenary's attributes. */
function finish(d: Draft, fallbackId: string, depth: number, kind: 'pp' | 'op' | 'ap', r: BlockReader, used: Set<string>): Block {
  let id = d.wId && !used.has(d.wId) ? d.wId : fallbackId;
  for (let k = 2; used.has(id); k++) id = `${fallbackId}-${k}`;
  used.add(id);
  if (d.eId) r.ctx.wIdByEid.set(d.eId, id);
  trimInlines(d.content);
  trimInlines(d.tail);
  const b: Block = {
    id,
    content: [],
    children: d.children.map((c, i) => finish(c, `${id}-${childKey(depth + 1, i + 1)}`, depth + 1, kind, r, used)),
    tail: d.tail.map(stripLead),
  };
  // The opening phrase: italics at the start are derived from the lexicon, unless they differ.
  const phraseAttr = attr(d.attrs, 'plenary:phrase');
  // Where the italics that open the paragraph end (after any quotation marks before them).
  let leadLength = 0;
  let offset = 0;
  for (const i of d.content as LeadRun[]) {
    if (i.t !== 'text') break;
    if (!i.lead && /[^\s"“‘«'(]/.test(i.text)) break;
    offset += i.text.length;
    if (i.lead) leadLength = offset;
  }
  const content = d.content.map((i) => {
    const run = i as LeadRun;
    if (run.t === 'text' && run.lead) {
      const { lead: _lead, em: _em, ...rest } = run;
      return rest as Inline;
    }
    return stripLead(i);
  });
  b.content = mergeRuns(content);
  if (d.heading) b.heading = d.heading;
  if (d.table) b.table = d.table;
  if (d.preambular) b.preambular = true;
  if (d.quoted) b.quoted = true;
  if (d.heading || d.table) return b;
  if (listLabelsOf(d.children.map((c) => c.num ?? ''))) b.listLabels = 'digits';
  if (phraseAttr !== undefined && RE_NUMERIC.test(phraseAttr)) b.phrase = Number(phraseAttr);
  else if (leadLength > 0 && depth === 0 && kind !== 'ap') {
    let text = '';
    for (const i of b.content) text += i.t === 'text' ? i.text : '\uFFFC';
    const lead = text.slice(0, leadLength).trimEnd().length;
    const det = detectParagraphPhrase(text, r.lang, kind === 'pp' || d.preambular ? 'pp' : 'op', r.organ);
    if (!det || det.end !== lead) b.phrase = lead;
  }
  const status = attr(d.attrs, 'plenary:status') ?? (attr(d.attrs, 'status') === 'removed' ? 'deleted' : undefined);
  if (status && ['agreed', 'adref', 'pending', 'deleted'].includes(status)) b.status = status as ParagraphStatus;
  const holder = attr(d.attrs, 'plenary:holder');
  if (holder) b.holder = holder;
  const base = attr(d.attrs, 'plenary:base');
  if (base !== undefined && RE_NUMERIC.test(base)) b.base = Number(base);
  const provSymbol = attr(d.attrs, 'plenary:provenanceSymbol');
  if (provSymbol !== undefined) {
    b.provenance = {
      symbol: provSymbol,
      paragraph: attr(d.attrs, 'plenary:provenanceParagraph') ?? '',
      hash: attr(d.attrs, 'plenary:provenanceHash') ?? '',
      text: attr(d.attrs, 'plenary:provenanceText') ?? '',
    };
  }
  return b;
}

/** Merges neighbouring text runs with the same marks (symbol references stay apart). */
function mergeRuns(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const i of inlines) {
    const prev = out[out.length - 1];
    if (i.t === 'text' && prev && prev.t === 'text' && !i.symbolRef && !prev.symbolRef && prev.em === i.em && prev.link === i.link) prev.text += i.text;
    else out.push(i);
  }
  return out;
}

function childKey(depth: number, k: number): string {
  if (depth % 2 === 1) return String.fromCharCode(97 + ((k - 1) % 26)).repeat(Math.floor((k - 1) / 26) + 1);
  return toRoman(k);
}

// ---------------------------------------------------------------------------------------------
// Front matter

const LANG_BY_CODE: ReadonlyMap<string, Language> = new Map([
  ['eng', 'en'], ['en', 'en'], ['fra', 'fr'], ['fre', 'fr'], ['fr', 'fr'], ['spa', 'es'], ['es', 'es'],
  ['rus', 'ru'], ['ru', 'ru'], ['ara', 'ar'], ['ar', 'ar'], ['zho', 'zh'], ['chi', 'zh'], ['zh', 'zh'],
]);

const KINDS: readonly DocumentKind[] = ['resolution', 'draft', 'revision'];
const ORGANS: readonly Organ[] = ['ga', 'ga-c1', 'ga-c2', 'ga-c3', 'ga-c4', 'ga-c5', 'ga-c6', 'sc', 'ecosoc', 'hrc', 'other'];

/** The front matter from Plenary's proprietary metadata, or null when there is none. */
function proprietaryFrontMatter(meta: XNode | undefined): FrontMatter | null {
  if (!meta) return null;
  const fm = findAll(meta, 'frontMatter').find((n) => (tagOf(n) ?? '').includes(':'));
  if (!fm) return null;
  const m = emptyFrontMatter({ kind: 'resolution' });
  const agenda: AgendaItem[] = [];
  const sponsors: string[] = [];
  for (const c of elements(kids(fm))) {
    const v = plainText(c);
    switch (name(c)) {
      case 'symbol': m.symbol = v; break;
      case 'kind': if ((KINDS as readonly string[]).includes(v)) m.kind = v as DocumentKind; break;
      case 'organ': if ((ORGANS as readonly string[]).includes(v)) m.organ = v as Organ; break;
      case 'session': m.session = v; break;
      case 'agendaItem': agenda.push({ number: attr(c, 'number') ?? '', title: v }); break;
      case 'sponsor': sponsors.push(v); break;
      case 'sponsorNote': m.sponsorNote = v; break;
      case 'bureauLine': m.bureauLine = v; break;
      case 'sponsorLineEnd': m.sponsorLineEnd = v; break;
      case 'title': m.title = v; break;
      case 'adoptionDate': m.adoptionDate = v; break;
      case 'issueDate': m.issueDate = v; break;
      case 'basis': m.basis = v; break;
      case 'meeting': m.meeting = v; break;
      case 'language': if ((LANGUAGES as readonly string[]).includes(v)) m.language = v as Language; break;
      case 'originalLanguage': if ((LANGUAGES as readonly string[]).includes(v)) m.originalLanguage = v as Language; break;
      default: break;
    }
  }
  m.agendaItems = agenda;
  m.sponsors = sponsors;
  return m;
}

/** `<statement>` names of drafts (akn-vocabulary.ts STATEMENT_NAMES); any other name is a resolution. */
const DRAFT_NAMES = new Set(Object.entries(STATEMENT_NAMES).filter(([form]) => form !== 'resolution').map(([, n]) => n));

/** The front matter read from the preface and FRBR metadata of any AKN document. */
function prefaceFrontMatter(docEl: XNode, meta: XNode | undefined, ctx: ReadContext): FrontMatter {
  const langCode = meta ? attr(find(meta, 'FRBRlanguage') ?? {}, 'language') : undefined;
  const language = (langCode && LANG_BY_CODE.get(langCode.toLowerCase())) || 'en';
  const preface = child(docEl, 'preface');
  const m = emptyFrontMatter({ language, kind: DRAFT_NAMES.has(attr(docEl, 'name') ?? '') ? 'draft' : 'resolution' });
  if (!preface) return m;
  const nums = findAll(preface, 'docNumber').map((n) => plainText(n).trim());
  const symbol = nums.map((t) => parseSymbol(t)?.symbol).find((s) => s) ?? '';
  m.symbol = symbol;
  if (symbol) {
    m.kind = kindFromSymbol(symbol) ?? m.kind;
    m.organ = organFromSymbol(symbol) ?? m.organ;
    m.session = sessionFromSymbol(symbol);
  }
  const committee = find(preface, 'docCommittee');
  if (committee) {
    const c = /(first|second|third|fourth|fifth|sixth|premi|deuxi|troisi|quatri|cinqui|sixi|primera|segunda|tercera|cuarta|quinta|sexta)/i.exec(plainText(committee));
    const order = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];
    const stems = ['premi', 'deuxi', 'troisi', 'quatri', 'cinqui', 'sixi'];
    const es = ['primera', 'segunda', 'tercera', 'cuarta', 'quinta', 'sexta'];
    if (c) {
      const w = c[1]!.toLowerCase();
      const k = Math.max(order.indexOf(w), stems.indexOf(w), es.indexOf(w));
      if (k >= 0) m.organ = `ga-c${k + 1}` as Organ;
    }
  }
  const status = find(preface, 'docStatus');
  if (status && /limit/i.test(plainText(status)) && m.kind === 'resolution' && !symbol) m.kind = 'draft';
  // Dates: the adoption date stands in the "adopted by" line (or says so in refersTo), the issue
  // date under "Distr.".
  for (const p of elements(kids(preface))) {
    const line = plainText(p);
    for (const d of name(p) === 'docDate' ? [p] : findAll(p, 'docDate')) {
      const iso = attr(d, 'date') ?? parseDate(plainText(d)) ?? '';
      const ref = attr(d, 'refersTo') ?? '';
      const adoption = /adopt/i.test(ref) || (!/issue/i.test(ref) && /adopt|aprobad|принят|اتخذ|通过/i.test(line));
      if (adoption) m.adoptionDate ||= iso;
      else m.issueDate ||= iso;
    }
  }
  const session = find(preface, 'session');
  if (session && !m.session) m.session = attr(session, 'value') ?? parseSessionLine(plainText(session))?.session ?? '';
  const title = find(preface, 'docTitle');
  if (title) m.title = plainText(title).replace(/\s+/g, ' ').trim();
  m.sponsors = findAll(preface, 'docProponent')
    .filter((p) => attr(p, 'refersTo') !== '#bureau')
    .map((p) => plainText(p).trim())
    .filter(Boolean);
  const bureau = findAll(preface, 'docProponent').find((p) => attr(p, 'refersTo') === '#bureau');
  if (bureau) m.bureauLine = plainText(bureau).trim();
  // The words after the sponsors' colon, kept when they are not the usual ones ("draft decision",
  // "amendment to draft resolution A/80/L.18"), as the text import keeps them.
  const sponsorLine = elements(kids(preface)).find((p) => attr(p, 'class') === 'sponsors');
  const end = sponsorLine && find(sponsorLine, 'docType');
  const endWords = end ? plainText(end).replace(/\s+/g, ' ').trim() : '';
  if (endWords && endWords !== draftResolutionWords(m, mastheadWords(m.language, m.organ))) m.sponsorLineEnd = endWords;
  const sponsorNote = findAll(preface, 'authorialNote')[0];
  if (sponsorNote) ctx.sponsorNote = plainText(sponsorNote).replace(/\s+/g, ' ').trim();
  m.sponsorNote = ctx.sponsorNote;
  const items: AgendaItem[] = [];
  for (const p of elements(kids(preface))) {
    const text = plainText(p).replace(/\s+/g, ' ').trim();
    const cls = attr(p, 'class') ?? '';
    if (cls === 'basis' || /^\[.*\]$/.test(text)) m.basis = text.replace(/^\[|\]$/g, '').trim();
    if (cls === 'agendaItemTitle') {
      const inl = find(p, 'inline');
      items.push({ number: (inl && attr(inl, 'title')) ?? '', title: text });
    } else if (cls === 'agendaItems') {
      const numbers = text.match(/\d{1,4}(?:\s*\([a-z]{1,3}\))?/g) ?? [];
      for (const n of numbers) items.push({ number: n.replace(/(?<!\s)\s*\(/, ' ('), title: '' });
    }
  }
  // Titles follow the numbers they belong to.
  const numbered = items.filter((i) => i.title === '');
  const titled = items.filter((i) => i.title !== '');
  m.agendaItems = numbered.length > 0 ? numbered.map((n, k) => ({ number: n.number, title: titled[k]?.title ?? '' })) : titled;
  return m;
}

// ---------------------------------------------------------------------------------------------
// The document

const PARSER = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  // Also decodes numeric character references (&#10;, &#x2019;), which XML has.
  htmlEntities: true,
  cdataPropName: '#cdata',
  commentPropName: '#comment',
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 500,
});

function corrupt(fileName: string | undefined, why: string): PlenaryError {
  const who = fileName ? describeSource(fileName) : 'The file';
  return new PlenaryError('CORRUPT', `${who} is not valid Akoma Ntoso XML: ${why}`, { msg: { code: 'import.badAkn', values: { source: who, detail: why } } });
}

/**
 * Reads an Akoma Ntoso document into a draft (see the module comment). Throws
 * PlenaryError('CORRUPT', '<file> is not valid Akoma Ntoso XML: …') for text that is not
 * well-formed XML, for a root element other than akomaNtoso, and for an akomaNtoso element with
 * no document in it.
 */
export function parseAkn(xml: string, fileName?: string): ResolutionDocument {
  if (typeof xml !== 'string' || !xml.trim()) throw corrupt(fileName, 'it is empty.');
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  if (!text.trimStart().startsWith('<')) throw corrupt(fileName, 'it does not begin with an XML tag (it looks like plain text).');
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) {
    const e = valid.err;
    const open = /^Invalid '\[(.*)\]' found/s.exec(e.msg);
    const why = open
      ? `the element${open[1]!.includes(',') ? 's' : ''} ${open[1]!.replace(/[\s"]+/g, ' ').trim().replace(/ ,/g, ',')} ${open[1]!.includes(',') ? 'are' : 'is'} never closed (the file may be cut off)`
      : `${e.msg.replace(/\.$/, '')} (line ${e.line}, column ${e.col})`;
    throw corrupt(fileName, `${why}.`);
  }
  let top: XNode[];
  try {
    top = PARSER.parse(text) as XNode[];
  } catch (err) {
    throw corrupt(fileName, err instanceof Error ? err.message : String(err));
  }
  const root = elements(top)[0];
  if (!root) throw corrupt(fileName, 'there is no root element.');
  if (name(root) !== 'akomaNtoso') throw corrupt(fileName, `the root element is <${tagOf(root)}>, not <akomaNtoso>.`);
  const docEl = elements(kids(root))[0];
  if (!docEl) throw corrupt(fileName, 'the <akomaNtoso> element holds no document.');

  const ctx: ReadContext = {
    footnotes: [],
    noteByEid: new Map(),
    noteIds: new Set(),
    pendingNoteRefs: [],
    refs: [],
    wIdByEid: new Map(),
    sponsorNote: '',
  };
  const meta = child(docEl, 'meta');
  const fm = proprietaryFrontMatter(meta) ?? prefaceFrontMatter(docEl, meta, ctx);
  const r: BlockReader = { ctx, lang: fm.language, organ: fm.organ };
  const used = new Set<string>();

  // Preamble.
  const preambular: Block[] = [];
  const preamble = child(docEl, 'preamble');
  if (preamble) {
    const drafts: Draft[] = [];
    const visit = (n: XNode): void => {
      for (const c of elements(kids(n))) {
        const local = name(c);
        if (local === 'formula' || local === 'longTitle' || local === 'num' || local === 'heading') continue;
        if (local === 'recitals' || local === 'citations') visit(c);
        else if (local === 'container' && attr(c, 'name') === 'resolutionHeading') {
          const ps = childrenNamed(c, 'p');
          drafts.push(resolutionDraft(c, ps.find((p) => attr(p, 'class') === 'num'), ps.find((p) => attr(p, 'class') === 'heading'), r));
        } else if (local === 'container' && (attr(c, 'name') === 'partHeading' || attr(c, 'name') === 'subHeading')) {
          const ps = childrenNamed(c, 'p');
          const num = ps.find((p) => attr(p, 'class') === 'num');
          const title = ps.find((p) => attr(p, 'class') === 'heading') ?? ps[ps.length - 1] ?? c;
          drafts.push(headingDraft(c, attr(c, 'name') === 'partHeading' ? 1 : 2, num, title, r));
        } else if (local === 'container' || local === 'recital' || local === 'citation' || local === 'p' || local === 'blockContainer' || local === 'tblock') drafts.push(readPreambular(c, r));
        else if (plainText(c).trim()) drafts.push(readPreambular(c, r));
      }
    };
    visit(preamble);
    drafts.forEach((d, i) => preambular.push(finish(d, `pp${i + 1}`, 0, 'pp', r, used)));
  }

  // Operative part.
  const operative: Block[] = [];
  const mainBody = child(docEl, 'mainBody') ?? child(docEl, 'body') ?? child(docEl, 'debateBody') ?? child(docEl, 'judgmentBody');
  if (mainBody) readBody(mainBody, r).forEach((d, i) => operative.push(finish(d, `op${i + 1}`, 0, 'op', r, used)));

  // Closing block.
  const conclusions = child(docEl, 'conclusions');
  if (conclusions && !fm.meeting) {
    const lines = elements(kids(conclusions)).map((p) => plainText(p).replace(/\s+/g, ' ').trim()).filter(Boolean);
    const date = find(conclusions, 'date');
    if (lines[0] && !(date && lines[0] === plainText(date).trim())) fm.meeting = lines[0];
    if (date && !fm.adoptionDate) fm.adoptionDate = attr(date, 'date') ?? parseDate(plainText(date)) ?? '';
  }

  // Annexes.
  const annexes: Annex[] = [];
  const attachments = child(docEl, 'attachments');
  if (attachments) {
    for (const att of childrenNamed(attachments, 'attachment')) {
      const k = annexes.length + 1;
      const inner = elements(kids(att)).find((c) => name(c) !== 'meta') ?? att;
      const pre = child(inner, 'preface');
      const heading = pre ? plainText(find(pre, 'docNumber') ?? {}).trim() : '';
      const title = pre ? plainText(find(pre, 'docTitle') ?? {}).replace(/\s+/g, ' ').trim() : '';
      const body = child(inner, 'mainBody') ?? child(inner, 'body');
      const id = attr(att, 'wId') ?? attr(inner, 'wId') ?? `ax${k}`;
      const eid = attr(att, 'eId');
      if (eid) ctx.wIdByEid.set(eid, id);
      const paragraphs = body ? readBody(body, r).map((d, i) => finish(d, `ax${k}-p${i + 1}`, 0, 'ap', r, used)) : [];
      annexes.push({ id, heading, title, paragraphs, ...(attr(inner, 'name') === 'adoptedText' ? { inBody: true } : {}) });
    }
  }

  // Notes that nothing references (meta/notes).
  const notes = meta ? child(meta, 'notes') : undefined;
  if (notes) {
    for (const n of childrenNamed(notes, 'note')) {
      const eid = attr(n, 'eId');
      if (eid && ctx.noteByEid.has(eid)) continue;
      readInlines([n], ctx, []);
    }
  }

  // Resolve note references and cross-references, now that every eId is known.
  for (const p of ctx.pendingNoteRefs) {
    const id = ctx.noteByEid.get(p.eid);
    if (id) p.inline.id = id;
    else {
      const at = p.owner.indexOf(p.inline);
      if (at >= 0) p.owner.splice(at, 1);
    }
  }
  for (const ref of ctx.refs) {
    const targets = ref.hrefs.map((h) => ctx.wIdByEid.get(h));
    if (targets.length > 0 && targets.every((t): t is string => t !== undefined)) {
      ref.inline.targets = targets[0] === targets[targets.length - 1] ? [targets[0]!] : [targets[0]!, targets[targets.length - 1]!];
    } else if (ref.fallback.length > 0) {
      ref.inline.targets = ref.fallback;
    } else {
      // A reference to something not in the document: its text is kept.
      const at = ref.owner.indexOf(ref.inline);
      if (at >= 0) ref.owner.splice(at, 1, { t: 'text', text: ref.text });
    }
  }
  const fix = (b: Block): void => {
    b.content = mergeRuns(b.content);
    b.tail = mergeRuns(b.tail);
    b.children.forEach(fix);
  };
  preambular.forEach(fix);
  operative.forEach(fix);
  annexes.forEach((a) => a.paragraphs.forEach(fix));

  if (!fm.sponsorNote && ctx.sponsorNote) fm.sponsorNote = ctx.sponsorNote;
  return { meta: fm, preambular, operative, footnotes: ctx.footnotes, annexes };
}

/** A heading draft from a number element (its text, trailing full stop dropped) and a title element. */
function headingDraft(n: XNode, level: 1 | 2, num: XNode | undefined, title: XNode, r: BlockReader): Draft {
  const d = newDraft(n);
  const heading: Heading = { level, num: num ? plainText(num).trim().replace(/\.$/, '') : '' };
  if (attr(n, 'plenary:restart') === 'true') heading.restart = true;
  d.heading = heading;
  appendInlines(d.content, kids(title), r);
  return d;
}

/**
 * The heading of one of several resolutions (Plenary's `container name="resolutionHeading"` in
 * the preamble, `hcontainer name="resolution"` in the body): its letter and title, if any. Its
 * formula is derived from the organ, so the printed one is not read.
 */
function resolutionDraft(n: XNode, num: XNode | undefined, title: XNode | undefined, r: BlockReader): Draft {
  const d = newDraft(n);
  d.heading = { level: 1, num: num ? plainText(num).trim() : '', restart: true, resolution: true };
  if (title) appendInlines(d.content, kids(title), r);
  return d;
}

/** A table (hcontainer name="table" holding an AKN table): its cells as plain text. */
function readTable(n: XNode): Draft {
  const d = newDraft(n);
  const t = find(n, 'table');
  const rows = t ? childrenNamed(t, 'tr').map((tr) => elements(kids(tr)).map((c) => plainText(c).replace(/\s+/g, ' ').trim())) : [];
  const header = t !== undefined && childrenNamed(t, 'tr').length > 0 && elements(kids(childrenNamed(t, 'tr')[0]!)).some((c) => name(c) === 'th');
  d.table = { header, rows };
  return d;
}

/** The operative (or annex) paragraphs of a body: its hierarchical elements, or its p's. */
function readBody(body: XNode, r: BlockReader): Draft[] {
  const out: Draft[] = [];
  // A resolution's intro is its enacting formula, which is derived, not text of the document.
  const resolution = name(body) === 'hcontainer' && attr(body, 'name') === 'resolution';
  for (const c of elements(kids(body))) {
    const local = name(c);
    if (local === 'num' || local === 'heading' || (resolution && local === 'intro')) continue;
    if (local === 'hcontainer' && attr(c, 'name') === 'resolution') {
      out.push(resolutionDraft(c, child(c, 'num'), child(c, 'heading'), r));
      out.push(...readBody(c, r));
    } else if (local === 'hcontainer' && attr(c, 'name') === 'table') out.push(readTable(c));
    else if (local === 'hcontainer' && attr(c, 'name') === 'preambularParagraph') out.push({ ...readPreambular(child(c, 'content') ?? c, r), wId: attr(c, 'wId') ?? '', eId: attr(c, 'eId') ?? '', attrs: c, preambular: true });
    else if (local === 'hcontainer' && attr(c, 'name') === 'quotedText') out.push({ ...readPreambular(child(c, 'content') ?? c, r), wId: attr(c, 'wId') ?? '', eId: attr(c, 'eId') ?? '', attrs: c, quoted: true });
    else if (local === 'paragraph' || local === 'point' || local === 'list' || local === 'hcontainer' || local === 'container' || local === 'level' || local === 'alinea' || local === 'clause' || local === 'subparagraph') out.push(readHier(c, r));
    else if ((local === 'part' || local === 'chapter') && child(c, 'heading')) {
      // A part or chapter with a heading (Plenary's export): a heading, then what it holds.
      out.push(headingDraft(c, local === 'part' ? 1 : 2, child(c, 'num'), child(c, 'heading')!, r));
      out.push(...readBody(c, r));
    } else if (HIER.has(local)) {
      // A higher division (article, section, chapter …): its heading, then its paragraphs.
      const inner = elements(kids(c)).filter((k) => HIER.has(name(k)));
      if (inner.length === 0) out.push(readHier(c, r));
      else {
        const head = newDraft({});
        for (const k of elements(kids(c))) if (name(k) === 'heading' || name(k) === 'num' || name(k) === 'intro' || name(k) === 'content') appendInlines(head.content, name(k) === 'num' ? [] : kids(k), r);
        if (head.content.length > 0) out.push(head);
        out.push(...readBody(c, r));
      }
    } else if (local === 'p' || local === 'blockList' || local === 'tblock' || local === 'blockContainer') out.push(readPreambular(c, r));
    else if (plainText(c).trim()) out.push(readPreambular(c, r));
  }
  return out;
}
