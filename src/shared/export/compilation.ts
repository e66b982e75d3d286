/**
 * The compilation text of a negotiation, as the facilitators of General Assembly informal
 * consultations circulate it: every paragraph with its negotiation label (PP2bis, OP7ter), the
 * proposals inline — insertions bold and underlined followed by the delegation in parentheses
 * "(EU)", deletions struck through followed by "(G77 and China: delete)" —, text not yet agreed in
 * [square brackets] (nested brackets nest), and the paragraph's status in the margin ("Agreed",
 * "Agreed ad ref", "Pending EU"). Everything is told by typography and words, never by colour
 * alone, so the text reads in black and white.
 *
 * Two outputs from one model: self-contained HTML (a margin column; printed to PDF by the app)
 * and Word (a table of status | label | text). Pure: no Node built-ins, no DOM.
 */
import { AlignmentType, BorderStyle, Document, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType, type IBorderOptions, type ParagraphChild } from 'docx';
import type { Node as PMNode } from 'prosemirror-model';
import type { FrontMatter, Language, ParagraphProposal, ResolutionDocument } from '../resolution/model.js';
import { toDoc } from '../resolution/convert.js';
import { computeStructure, paragraphPhrase, xrefText, type DocStructure, type HeadingInfo, type ParaInfo } from '../resolution/structure.js';
import { enactingFormula } from '../resolution/lexicon.js';
import { PAPER, runsToDocx, unStyles, type RunContext } from './docx.js';
import { headingLabel, type LayoutRun } from './layout.js';
import type { ParagraphNote } from '../negotiation/notes.js';
import { commentAnchors, noteComments } from './docx-tracked.js';

/** Options of the compilation exports. */
export interface CompilationOptions {
  /** Heading of the compilation; by default "Compilation text: <symbol> <title>". */
  title?: string;
  /** Paper of the Word file: US Letter (default) or A4. */
  paper?: 'letter' | 'a4';
  /** Paragraph notes: Word comments on their paragraphs in the Word compilation. */
  notes?: readonly ParagraphNote[];
}

// ---------------------------------------------------------------------------------------------
// The model both outputs are made from.

/** A piece of a paragraph's text as printed. */
type Piece =
  | { t: 'text'; text: string; ins: boolean; del: boolean; em: boolean; phrase: boolean; footnote?: number; xref?: { broken: boolean } }
  | { t: 'open'; count: number }
  | { t: 'close'; count: number }
  | { t: 'by'; text: string };

/** A paragraph of the compilation. */
interface CParagraph {
  id: string;
  section: 'pp' | 'op' | 'ap';
  level: number;
  tail: boolean;
  /** "PP2bis", "OP7", "(a)", "" for tails. */
  label: string;
  /** The margin: status and paragraph proposal, e.g. ["Agreed ad ref"], ["Pending EU", "New paragraph (EU)"]. */
  margin: string[];
  /** Deleted by agreement (status 'deleted'): printed struck through. */
  struck: boolean;
  pieces: Piece[];
  annex: number;
  /**
   * Present for a part heading (level 1: its number on a line of its own above the title) or a
   * sub-heading (level 2: "A." before the title): printed in place, in bold, never counted as a
   * paragraph. `label` is then its printed number ("II", "A.") and `pieces` its title.
   */
  heading?: 1 | 2;
}

/** The counts of the compilation's summary line. */
export interface CompilationSummary {
  /** Numbered paragraphs (level 0, not continuations) and how many have each status. */
  total: number;
  agreed: number;
  adref: number;
  pending: number;
  deleted: number;
  open: number;
  /** Brackets left, and open proposals (distinct ids). */
  brackets: number;
  proposals: number;
}

interface Compilation {
  meta: FrontMatter;
  lang: Language;
  title: string;
  formula: string;
  paragraphs: CParagraph[];
  annexes: { heading: string; title: string }[];
  footnotes: { number: number; text: string }[];
  summary: CompilationSummary;
}

/** A paragraph's status as the margin says it. */
export function statusLabel(status: string, holder: string): string {
  switch (status) {
    case 'agreed':
      return 'Agreed';
    case 'adref':
      return 'Agreed ad ref';
    case 'pending':
      return holder ? `Pending ${holder}` : 'Pending';
    case 'deleted':
      return 'Deleted';
    default:
      return '';
  }
}

interface Atom {
  node: PMNode;
  /** Offset of the node in its paragraph. */
  offset: number;
  /** Span keys: "b:<bracket id>" and "p:<proposal id>". */
  spans: string[];
  /** Index over the whole document (brackets may cross paragraphs). */
  global: number;
}

/** The margin words of a whole-paragraph proposal ("New paragraph (EU)", "Moved here (CANZ)"). */
function paragraphProposalLabel(p: ParagraphProposal): string {
  const what = p.as === 'convert' ? 'Converted' : p.as === 'level' ? 'Level changed' : 'Moved';
  switch (p.kind) {
    case 'ins':
      return `New paragraph (${p.by})`;
    case 'del':
      return `Deletion proposed (${p.by})`;
    case 'move-from':
      return `${what} from here (${p.by})`;
    case 'move-to':
      return `${what} here (${p.by})`;
  }
}

function attribution(by: string, kind: 'ins' | 'del'): string {
  return kind === 'del' ? `(${by}: delete)` : `(${by})`;
}

function buildCompilation(doc: ResolutionDocument, opts: CompilationOptions): Compilation {
  const pm = toDoc(doc);
  const meta = doc.meta;
  const lang = meta.language;
  const s = computeStructure(pm, lang);

  // Paragraphs and headings in document order: headings are printed where they stand.
  const items: ({ pos: number; node: PMNode } & ({ para: ParaInfo } | { head: HeadingInfo }))[] = [
    ...s.paras.map((p) => ({ pos: p.pos, node: p.node, para: p })),
    ...s.headings.map((h) => ({ pos: h.pos, node: h.node, head: h })),
  ].sort((x, y) => x.pos - y.pos);

  // First pass: atoms of every paragraph and heading with their spans; bracket extents over the document.
  const atomsOf = new Map<number, Atom[]>();
  const bracketFirst = new Map<string, number>();
  const bracketLast = new Map<string, number>();
  const proposalIds = new Set<string>();
  let global = 0;
  for (const p of items) {
    const atoms: Atom[] = [];
    p.node.forEach((child, childOffset) => {
      const spans: string[] = [];
      for (const m of child.marks) {
        if (m.type.name === 'bracket') {
          const id = m.attrs.id as string;
          spans.push(`b:${id}`);
          if (!bracketFirst.has(id)) bracketFirst.set(id, global);
          bracketLast.set(id, global);
        } else if (m.type.name === 'insertion' || m.type.name === 'deletion') {
          spans.push(`p:${m.attrs.id as string}`);
          proposalIds.add(m.attrs.id as string);
        }
      }
      atoms.push({ node: child, offset: childOffset, spans, global: global++ });
    });
    atomsOf.set(p.pos, atoms);
    const prop = p.node.attrs.proposal as { id?: string } | null;
    if (prop?.id) proposalIds.add(prop.id);
  }

  const notes = new Map<string, number>();
  const footnotes: { number: number; text: string }[] = [];
  const paragraphs: CParagraph[] = [];
  const summary: CompilationSummary = { total: 0, agreed: 0, adref: 0, pending: 0, deleted: 0, open: 0, brackets: bracketFirst.size, proposals: proposalIds.size };
  for (const item of items) {
    if ('head' in item) {
      const h = item.head;
      paragraphs.push({
        id: h.id,
        section: h.annex >= 0 ? 'ap' : 'op',
        level: 0,
        tail: false,
        label: headingLabel(h.level, h.num),
        margin: [],
        struck: false,
        pieces: piecesOf(h.pos, { start: 0, end: 0 }, atomsOf.get(h.pos)!, s, lang, bracketFirst, bracketLast, notes, footnotes),
        annex: h.annex,
        heading: h.level,
      });
      continue;
    }
    const p = item.para;
    const status = (p.node.attrs.status as string) || '';
    const holder = (p.node.attrs.holder as string) || '';
    const prop = p.node.attrs.proposal as ParagraphProposal | null;
    // A moved paragraph is counted once, at its new place (its ghost is not a paragraph of its own).
    if (p.level === 0 && !p.tail && prop?.kind !== 'move-from') {
      summary.total++;
      if (status === 'agreed' || status === 'adref' || status === 'pending' || status === 'deleted') summary[status]++;
      else summary.open++;
    }
    const margin: string[] = [];
    const st = statusLabel(status, holder);
    if (st) margin.push(st);
    if (prop) margin.push(paragraphProposalLabel(prop));
    paragraphs.push({
      id: p.id,
      section: p.section,
      level: p.level,
      tail: p.tail,
      label: p.tail ? '' : p.level === 0 ? p.designation : p.label,
      margin,
      struck: status === 'deleted' || prop?.kind === 'move-from',
      pieces: piecesOf(p.pos, paragraphPhrase(p, lang, meta.organ), atomsOf.get(p.pos)!, s, lang, bracketFirst, bracketLast, notes, footnotes),
      annex: p.annex,
    });
  }
  const formula = enactingFormula(meta.organ, lang, s.preambularCount > 0);
  const heading = [meta.symbol, meta.title].filter(Boolean).join(' ');
  return {
    meta,
    lang,
    title: opts.title ?? (heading ? `Compilation text: ${heading}` : 'Compilation text'),
    formula: formula.words ? formula.words + formula.punctuation : '',
    paragraphs,
    annexes: doc.annexes.map((a) => ({ heading: a.heading, title: a.title })),
    footnotes,
    summary,
  };
}

function footnoteText(node: PMNode): string {
  return node.textContent;
}

/** The printed pieces of the paragraph or heading at `pos` (its `atoms`), its opening phrase being `phrase` (offsets in its text). */
function piecesOf(
  pos: number,
  phrase: { start: number; end: number },
  atoms: Atom[],
  s: DocStructure,
  lang: Language,
  bracketFirst: Map<string, number>,
  bracketLast: Map<string, number>,
  notes: Map<string, number>,
  footnotes: { number: number; text: string }[],
): Piece[] {
  // Proposal extents within the paragraph; bracket extents over the document.
  const propFirst = new Map<string, number>();
  const propLast = new Map<string, number>();
  const propInfo = new Map<string, { by: string; kind: 'ins' | 'del' }>();
  atoms.forEach((a, k) => {
    for (const m of a.node.marks) {
      if (m.type.name !== 'insertion' && m.type.name !== 'deletion') continue;
      const id = m.attrs.id as string;
      if (!propFirst.has(id)) propFirst.set(id, k);
      propLast.set(id, k);
      propInfo.set(id, { by: m.attrs.by as string, kind: m.type.name === 'insertion' ? 'ins' : 'del' });
    }
  });
  const out: Piece[] = [];
  let offset = 0;
  atoms.forEach((a, k) => {
    const opening = a.spans.filter((x) => x.startsWith('b:') && bracketFirst.get(x.slice(2)) === a.global).length;
    if (opening) out.push({ t: 'open', count: opening });
    const atom = a.node;
    const ins = atom.marks.some((m) => m.type.name === 'insertion');
    const del = atom.marks.some((m) => m.type.name === 'deletion');
    const em = atom.marks.some((m) => m.type.name === 'em');
    if (atom.isText) {
      const text = atom.text ?? '';
      const cuts = new Set([0, text.length]);
      for (const c of [phrase.start - offset, phrase.end - offset]) if (c > 0 && c < text.length) cuts.add(c);
      const sorted = [...cuts].sort((x, y) => x - y);
      for (let i = 0; i < sorted.length - 1; i++) {
        const from = sorted[i]!;
        const to = sorted[i + 1]!;
        const inPhrase = offset + from >= phrase.start && offset + to <= phrase.end;
        out.push({ t: 'text', text: text.slice(from, to), ins, del, em, phrase: inPhrase });
      }
      offset += text.length;
    } else if (atom.type.name === 'footnote') {
      const id = atom.attrs.id as string;
      let n = notes.get(id);
      if (n === undefined) {
        n = footnotes.length + 1;
        notes.set(id, n);
        footnotes.push({ number: n, text: footnoteText(atom) });
      }
      out.push({ t: 'text', text: String(n), ins, del, em: false, phrase: false, footnote: n });
      offset += 1;
    } else if (atom.type.name === 'xref') {
      const x = xrefText(atom.attrs.targets as string[], pos + 1 + a.offset, s, lang);
      out.push({ t: 'text', text: x.text, ins, del, em, phrase: false, xref: { broken: x.broken } });
      offset += 1;
    }
    // What ends after this atom: inner spans (started later) first.
    const ending: { start: number; piece: Piece }[] = [];
    for (const [id, last] of propLast) {
      if (last !== k) continue;
      const info = propInfo.get(id)!;
      ending.push({ start: propFirst.get(id)! * 2 + 1, piece: { t: 'by', text: attribution(info.by, info.kind) } });
    }
    for (const x of a.spans) {
      if (!x.startsWith('b:') || bracketLast.get(x.slice(2)) !== a.global) continue;
      const first = bracketFirst.get(x.slice(2))!;
      // A bracket that started in an earlier paragraph counts as outermost.
      const local = first - (a.global - k);
      ending.push({ start: local < 0 ? -1 : local * 2, piece: { t: 'close', count: 1 } });
    }
    ending.sort((x, y) => y.start - x.start);
    for (const e of ending) {
      const prev = out[out.length - 1];
      if (e.piece.t === 'close' && prev?.t === 'close') prev.count++;
      else out.push(e.piece);
    }
  });
  return spaceAttributions(out);
}

/**
 * Spaces around "(EU)": a space before it unless the proposal's text ends with one, and a space
 * after it when the proposal's text ended with the space the next word needs.
 */
function spaceAttributions(pieces: Piece[]): Piece[] {
  const lastChar = (k: number): string => {
    for (let i = k; i >= 0; i--) {
      const p = pieces[i]!;
      if (p.t === 'text' && p.text) return p.text[p.text.length - 1]!;
      if (p.t === 'by') return ')';
      if (p.t === 'open') return '[';
      if (p.t === 'close') return ']';
    }
    return '';
  };
  const firstChar = (k: number): string => {
    for (let i = k; i < pieces.length; i++) {
      const p = pieces[i]!;
      if (p.t === 'text' && p.text) return p.text[0]!;
      if (p.t === 'open') return '[';
      if (p.t === 'close') return ']';
    }
    return '';
  };
  pieces.forEach((p, k) => {
    if (p.t !== 'by') return;
    const before = lastChar(k - 1);
    const after = firstChar(k + 1);
    const spaced = /\s/u.test(before);
    p.text = `${spaced ? '' : ' '}${p.text}${spaced && /[\p{L}\p{N}[(“"‘']/u.test(after) ? ' ' : ''}`;
  });
  return pieces;
}

// ---------------------------------------------------------------------------------------------
// HTML.

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function piecesHtml(pieces: readonly Piece[]): string {
  let out = '';
  for (const p of pieces) {
    if (p.t === 'open') out += `<span class="br">${'['.repeat(p.count)}</span>`;
    else if (p.t === 'close') out += `<span class="br">${']'.repeat(p.count)}</span>`;
    else if (p.t === 'by') out += `<span class="by">${esc(p.text)}</span>`;
    else {
      let h = p.footnote !== undefined ? `<sup class="fn">${esc(p.text)}</sup>` : esc(p.text);
      if (p.em || p.phrase) h = `<i>${h}</i>`;
      if (p.del) h = `<s class="del">${h}</s>`;
      if (p.ins) h = `<b class="ins"><u>${h}</u></b>`;
      out += h;
    }
  }
  return out;
}

function summaryLine(c: Compilation): string {
  const s = c.summary;
  const parts = [`${s.agreed} of ${s.total} paragraphs agreed`];
  if (s.adref) parts.push(`${s.adref} agreed ad ref`);
  if (s.pending) parts.push(`${s.pending} pending`);
  if (s.deleted) parts.push(`${s.deleted} deleted`);
  parts.push(`${s.brackets} ${s.brackets === 1 ? 'bracket' : 'brackets'} remaining`);
  parts.push(`${s.proposals} ${s.proposals === 1 ? 'proposal' : 'proposals'} open`);
  return parts.join('; ');
}

const LEGEND = 'Proposed insertions in bold underlined, followed by the delegation in parentheses; proposed deletions struck through; text not yet agreed in [square brackets]; status of each paragraph in the margin.';

/**
 * The compilation text as one self-contained HTML file (inline style, no scripts): a title, the
 * legend and a summary ("31 of 45 paragraphs agreed"), then a table with the status in the
 * margin column, the label (PP2bis, OP7ter) and the text with the proposals inline.
 */
export function compilationHtml(doc: ResolutionDocument, opts: CompilationOptions = {}): string {
  const c = buildCompilation(doc, opts);
  const dir = c.lang === 'ar' ? 'rtl' : 'ltr';
  const rows: string[] = [];
  let annex = -1;
  let formulaDone = false;
  for (const p of c.paragraphs) {
    if (!formulaDone && p.annex < 0 && c.formula) {
      rows.push(`<tr class="formula"><td class="margin"></td><td class="label"></td><td class="text"><i>${esc(c.formula)}</i></td></tr>`);
      formulaDone = true;
    }
    if (p.annex >= 0 && p.annex !== annex) {
      annex = p.annex;
      const a = c.annexes[annex];
      if (a) rows.push(`<tr class="annex"><td class="margin"></td><td class="label"></td><td class="text"><b>${esc(a.heading)}</b>${a.title ? `<br><b>${esc(a.title)}</b>` : ''}</td></tr>`);
    }
    if (p.heading) {
      // A part: its number on a line of its own above the title; a sub-heading: "A." and the title.
      const num = p.label ? `<span class="heading-num">${esc(p.label)}</span>${p.heading === 1 ? '<br>' : ' '}` : '';
      rows.push(`<tr class="heading h${p.heading}" data-id="${esc(p.id)}"><td class="margin"></td><td class="label"></td><td class="text">${num}${piecesHtml(p.pieces)}</td></tr>`);
      continue;
    }
    const cls = ['para', p.section, `lvl${Math.min(p.level, 4)}`, ...(p.tail ? ['tail'] : []), ...(p.struck ? ['struck'] : [])].join(' ');
    rows.push(
      `<tr class="${cls}" data-id="${esc(p.id)}"><td class="margin">${p.margin.map(esc).join('<br>')}</td>` +
        `<td class="label">${esc(p.label)}</td><td class="text">${p.struck ? '<s>' : ''}${piecesHtml(p.pieces)}${p.struck ? '</s>' : ''}</td></tr>`,
    );
  }
  const notes = c.footnotes.length
    ? `<ol class="notes">${c.footnotes.map((f) => `<li value="${f.number}">${esc(f.text)}</li>`).join('')}</ol>`
    : '';
  return `<!DOCTYPE html>
<html lang="${c.lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<title>${esc(c.title)}</title>
<style>
@page { size: letter; margin: 18mm 16mm; }
html { font-family: "Times New Roman", "Liberation Serif", Times, serif; font-size: 10pt; line-height: 12pt; color: #000; background: #fff; }
body { margin: 0 auto; max-width: 60em; padding: 1em; }
h1 { font-size: 12pt; margin: 0 0 6pt; }
p.legend, p.summary { margin: 0 0 6pt; font-size: 9pt; }
table.compilation { border-collapse: collapse; width: 100%; }
table.compilation td { vertical-align: top; padding: 0 4pt 6pt 0; }
td.margin { width: 7em; font-size: 8.5pt; font-style: italic; border-inline-end: 0.5pt solid #000; padding-inline-end: 6pt; }
table.compilation td.label { width: 4.5em; padding-inline-start: 6pt; font-weight: bold; white-space: nowrap; }
td.text { text-align: justify; }
tr.lvl0 td.label { font-weight: bold; }
tr.lvl1 td.label, tr.lvl2 td.label, tr.lvl3 td.label, tr.lvl4 td.label { font-weight: normal; text-align: end; }
tr.lvl2 td.text { padding-inline-start: 2em; } tr.lvl3 td.text, tr.lvl4 td.text { padding-inline-start: 4em; }
b.ins { font-weight: bold; } b.ins u { text-decoration: underline; }
s.del { text-decoration: line-through; }
span.by { font-weight: normal; font-style: normal; text-decoration: none; }
span.br { font-weight: bold; }
sup.fn { font-size: 7pt; }
tr.heading td.text { font-weight: bold; text-align: start; padding-top: 6pt; }
tr.heading { break-after: avoid; }
tr { break-inside: avoid; }
ol.notes { font-size: 8.5pt; margin-top: 12pt; border-top: 0.5pt solid #000; padding-top: 6pt; }
</style>
</head>
<body>
<h1>${esc(c.title)}</h1>
<p class="legend">${esc(LEGEND)}</p>
<p class="summary">${esc(summaryLine(c))}</p>
<table class="compilation">
<tbody>
${rows.join('\n')}
</tbody>
</table>
${notes}
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------
// Word.

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: 'auto' };

/** Page margins of the compilation (1 inch), in twips. */
const MARGIN = 1440;
const MARGIN_COL = 1700;
const LABEL_COL = 1000;

function piecesDocx(pieces: readonly Piece[], ctx: RunContext, struck: boolean, bold = false): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const base = { ...(struck ? { strike: true } : {}), ...(bold ? { bold: true } : {}) };
  for (const p of pieces) {
    if (p.t === 'open' || p.t === 'close') {
      out.push(new TextRun({ text: (p.t === 'open' ? '[' : ']').repeat(p.count), bold: true, ...base }));
      continue;
    }
    if (p.t === 'by') {
      out.push(new TextRun({ text: p.text, ...base }));
      continue;
    }
    const run: LayoutRun = { text: p.text };
    if (p.phrase) run.phrase = true;
    if (p.em) run.em = true;
    if (p.footnote !== undefined) run.footnote = p.footnote;
    if (p.xref) run.xref = p.xref;
    const extra = {
      ...base,
      ...(p.ins ? { bold: true, underline: {} } : {}),
      ...(p.del ? { strike: true } : {}),
    };
    out.push(...runsToDocx([run], ctx, undefined, extra));
  }
  return out;
}

function cellOf(children: Paragraph[], width: number, borders: { right?: IBorderOptions } = {}): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    margins: { left: 80, right: 80, top: 0, bottom: 0 },
    borders: { top: NONE, bottom: NONE, left: NONE, right: borders.right ?? NONE },
  });
}

/**
 * The compilation text as a Word document: title, legend and summary, then a three-column table
 * (status in the margin | label | text with the proposals inline) — insertions bold underlined
 * with the delegation, deletions struck through, brackets as square brackets — and footnotes as
 * Word footnotes. Pack it with `packDocx`.
 */
export function compilationDocx(doc: ResolutionDocument, opts: CompilationOptions = {}): Document {
  const c = buildCompilation(doc, opts);
  const ctx: RunContext = { lang: c.lang, footnoteOffset: 0 };
  const paper = PAPER[opts.paper ?? 'letter'];
  const width = paper.width - 2 * MARGIN;
  const textCol = width - MARGIN_COL - LABEL_COL;
  const rtl = c.lang === 'ar' ? { bidirectional: true } : {};
  const para = (children: ParagraphChild[], extra: Record<string, unknown> = {}) =>
    new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 120 }, ...rtl, ...extra, children });
  const rows: TableRow[] = [];
  const { comments, byParagraph } = noteComments(opts.notes ?? [], new Set(c.paragraphs.map((p) => p.id)));
  const row = (margin: string[], label: string, text: ParagraphChild[], level = 0) =>
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          cellOf([para(margin.length ? margin.map((m, i) => new TextRun({ text: m, italics: true, size: 17, ...(i > 0 ? { break: 1 } : {}) })) : [], { alignment: AlignmentType.LEFT })], MARGIN_COL, { right: RULE }),
          cellOf([para(label ? [new TextRun({ text: label, bold: level === 0 })] : [], { alignment: level === 0 ? AlignmentType.LEFT : AlignmentType.RIGHT })], LABEL_COL),
          cellOf([para(text, level > 1 ? { indent: { left: 360 * (level - 1) } } : {})], textCol),
        ],
      }),
    );
  let annex = -1;
  let formulaDone = false;
  for (const p of c.paragraphs) {
    if (!formulaDone && p.annex < 0 && c.formula) {
      row([], '', [new TextRun({ text: c.formula, italics: true })]);
      formulaDone = true;
    }
    if (p.annex >= 0 && p.annex !== annex) {
      annex = p.annex;
      const a = c.annexes[annex];
      if (a) row([], '', [new TextRun({ text: a.heading, bold: true }), ...(a.title ? [new TextRun({ text: a.title, bold: true, break: 1 })] : [])]);
    }
    const anchors = commentAnchors(byParagraph.get(p.id) ?? []);
    if (p.heading) {
      // As in the HTML: a part's number on its own line above the title, "A." before a sub-heading's.
      const num = p.label ? [new TextRun({ text: p.label, bold: true }), p.heading === 1 ? new TextRun({ text: '', break: 1 }) : new TextRun({ text: ' ', bold: true })] : [];
      row([], '', [...anchors.start, ...num, ...piecesDocx(p.pieces, ctx, false, true), ...anchors.end]);
      continue;
    }
    row(p.margin, p.label, [...anchors.start, ...piecesDocx(p.pieces, ctx, p.struck), ...anchors.end], p.level);
  }
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  for (const f of c.footnotes) footnotes[String(f.number)] = { children: [new Paragraph({ children: [new TextRun({ text: f.text })] })] };
  return new Document({
    title: c.title,
    creator: 'Plenary',
    description: 'Compilation text',
    styles: { paragraphStyles: unStyles(c.lang) },
    footnotes,
    ...(comments.length ? { comments: { children: comments } } : {}),
    sections: [
      {
        properties: {
          page: {
            size: { width: paper.width, height: paper.height },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        children: [
          para([new TextRun({ text: c.title, bold: true, size: 24 })], { alignment: AlignmentType.LEFT }),
          para([new TextRun({ text: LEGEND, size: 18 })]),
          para([new TextRun({ text: summaryLine(c), size: 18 })]),
          new Table({
            rows,
            width: { size: width, type: WidthType.DXA },
            columnWidths: [MARGIN_COL, LABEL_COL, textCol],
            layout: TableLayoutType.FIXED,
            borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
            ...(c.lang === 'ar' ? { visuallyRightToLeft: true } : {}),
          }),
        ],
      },
    ],
  });
}

/** The counts the compilation's summary line is made of (for the app's status bar). */
export function compilationSummary(doc: ResolutionDocument): CompilationSummary {
  return buildCompilation(doc, {}).summary;
}
