/**
 * The print layout of a resolution, independent of the output format: every paragraph with its
 * label, its runs (the opening phrase marked italic, footnote references numbered,
 * cross-references worded from the current numbering), the masthead words, the formula, the
 * footnotes and the closing block. The .docx, HTML/PDF, text and Akoma Ntoso exporters all start
 * from this, so they agree with each other and with the editor (same structure code).
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { FrontMatter, Language, ParagraphProposal, Proposal, ResolutionDocument } from '../resolution/model.js';
import { proposalOf, toDoc } from '../resolution/convert.js';
import { computeStructure, paragraphPhrase, xrefText, type DocStructure, type ParaInfo } from '../resolution/structure.js';
import { enactingFormula } from '../resolution/lexicon.js';
import { documentForm, mastheadWords, type MastheadWords } from '../resolution/masthead.js';
import { formatDate, sessionHeading } from '../resolution/dates.js';
import { citationNumber } from '../resolution/symbols.js';

/** A run of text with its formatting. */
export interface LayoutRun {
  text: string;
  /** Part of the opening phrase (set in italics). */
  phrase?: boolean;
  /** Emphasis set by hand. */
  em?: boolean;
  /** A footnote reference: the footnote's number; `text` is the number as a string. */
  footnote?: number;
  /** A cross-reference (already worded); `broken` when its target is gone. */
  xref?: { broken: boolean };
  symbolRef?: string;
  link?: string;
  /** Open proposals on the run (the tracked-changes export writes them as revisions). */
  ins?: Proposal;
  del?: Proposal;
}

/** One paragraph as printed. */
export interface LayoutParagraph {
  /** Stable id (AKN wId). */
  id: string;
  section: 'pp' | 'op' | 'annex';
  /** 0 = paragraph, 1–4 = subparagraph level. */
  level: number;
  /** Continues its parent after a list (unnumbered, no first-line indent). */
  tail: boolean;
  /** The printed label: "7.", "(a)", "a)", "7 - ", or "". */
  label: string;
  /** "PP3", "OP7 (a)", "OP7bis" … */
  designation: string;
  runs: LayoutRun[];
  /** Annex index (0-based) for annex paragraphs, else -1. */
  annex: number;
  status: string;
  holder: string;
  deleted: boolean;
  /** Provenance (agreed language), if any. */
  provenance: { symbol: string; paragraph: string } | null;
  /** An open whole-paragraph proposal (insertion, deletion, move), if any. */
  proposal?: ParagraphProposal;
  /**
   * Present for a heading (a part "II" or a sub-heading "A."): `runs` are its title, `label` its
   * number as printed ("II", "A."); `section` is where it stands. Writers that know no headings
   * still print its words as an unnumbered paragraph.
   */
  heading?: { level: 1 | 2; num: string; resolution?: ResolutionOpening };
  /** Present for a table (annexes): its cells; `runs` is empty. */
  table?: { header: boolean; rows: string[][] };
}

/**
 * What opens one of several resolutions (model.ts Heading.resolution), beside its letter (the
 * heading's label) and title (its runs): that resolution's own enacting formula, printed under
 * them ("The General Assembly," with its comma when the resolution has a preamble).
 */
export interface ResolutionOpening {
  formula: { words: string; punctuation: string };
}

/** True when the layout's first body item is resolution A's heading: the formula prints under it, not above. */
export function opensWithResolution(layout: DocumentLayout): boolean {
  return layout.paragraphs[0]?.heading?.resolution !== undefined;
}

/**
 * The printed number of a heading: a part's roman numeral stands alone ("II"), a letter takes a
 * full stop ("A."); a resolution's letter stands alone, centred ("B").
 */
export function headingLabel(level: 1 | 2, num: string, resolution = false): string {
  if (!num || resolution) return num;
  return level === 1 && /^[IVXLC]+$/.test(num) ? num : `${num}.`;
}

/** A footnote as printed. */
export interface LayoutFootnote {
  number: number;
  id: string;
  text: string;
}

/** The whole document, ready for an exporter. */
export interface DocumentLayout {
  meta: FrontMatter;
  lang: Language;
  dir: 'ltr' | 'rtl';
  words: MastheadWords;
  /** "Seventy-ninth session" in the document's language, or "". */
  session: string;
  /** Issue date as printed, or "". */
  issueDate: string;
  /** Adoption date as printed, or "". */
  adoptionDate: string;
  /** "79/200" for an adopted GA resolution's title line, or "". */
  titleNumber: string;
  formula: { words: string; punctuation: string };
  /** Preambular then operative paragraphs (flat, with levels). */
  paragraphs: LayoutParagraph[];
  annexes: LayoutAnnex[];
  footnotes: LayoutFootnote[];
  /** Whether the sponsor or bureau line and "Distr.: Limited" apply (drafts and revisions). */
  isDraft: boolean;
  /** Negotiation numbering in force (PP2bis, OP7ter labels). */
  negotiation: boolean;
  structure: DocStructure;
}

function runsOf(p: ParaInfo, phrase: { start: number; end: number }, s: DocStructure, lang: Language, notes: Map<string, number>, allNotes: LayoutFootnote[]): LayoutRun[] {
  const out: LayoutRun[] = [];
  let offset = 0; // offset in the paragraph's text, where atoms count as one character
  p.node.forEach((child: PMNode, childOffset: number) => {
    if (child.isText) {
      const text = child.text ?? '';
      const marks = {
        em: child.marks.some((m) => m.type.name === 'em'),
        symbolRef: child.marks.find((m) => m.type.name === 'symbolRef')?.attrs.symbol as string | undefined,
        link: child.marks.find((m) => m.type.name === 'link')?.attrs.href as string | undefined,
      };
      const ins = child.marks.find((m) => m.type.name === 'insertion');
      const del = child.marks.find((m) => m.type.name === 'deletion');
      // Split at the phrase boundaries.
      const cuts = [0, text.length];
      for (const c of [phrase.start - offset, phrase.end - offset]) if (c > 0 && c < text.length) cuts.push(c);
      cuts.sort((a, b) => a - b);
      for (let i = 0; i < cuts.length - 1; i++) {
        const a = cuts[i]!;
        const b = cuts[i + 1]!;
        if (a === b) continue;
        const inPhrase = offset + a >= phrase.start && offset + b <= phrase.end;
        const run: LayoutRun = { text: text.slice(a, b) };
        if (inPhrase) run.phrase = true;
        if (marks.em) run.em = true;
        if (marks.symbolRef) run.symbolRef = marks.symbolRef;
        if (marks.link) run.link = marks.link;
        if (ins) run.ins = proposalOf(ins);
        if (del) run.del = proposalOf(del);
        out.push(run);
      }
      offset += text.length;
    } else if (child.type.name === 'footnote') {
      const id = child.attrs.id as string;
      let n = notes.get(id);
      if (n === undefined) {
        n = allNotes.length + 1;
        notes.set(id, n);
        allNotes.push({ number: n, id, text: child.textContent });
      }
      out.push({ text: String(n), footnote: n });
      offset += 1;
    } else if (child.type.name === 'xref') {
      const x = xrefText(child.attrs.targets as string[], p.pos + 1 + childOffset, s, lang);
      out.push({ text: x.text, xref: { broken: x.broken } });
      offset += 1;
    }
  });
  return out;
}

function blank(id: string, annex: number): LayoutParagraph {
  return { id, section: annex >= 0 ? 'annex' : 'op', level: 0, tail: false, label: '', designation: '', runs: [], annex, status: '', holder: '', deleted: false, provenance: null };
}

/** Renumbers footnote references 1, 2, 3… in the order of `paras`, and orders `notes` to match. */
function renumberNotes(paras: readonly LayoutParagraph[], notes: LayoutFootnote[]): void {
  const byOld = new Map(notes.map((n) => [n.number, n]));
  const map = new Map<number, number>();
  const ordered: LayoutFootnote[] = [];
  for (const p of paras) {
    for (const r of p.runs) {
      if (r.footnote === undefined) continue;
      let n = map.get(r.footnote);
      if (n === undefined) {
        n = ordered.length + 1;
        map.set(r.footnote, n);
        const f = byOld.get(r.footnote);
        if (f) ordered.push({ ...f, number: n });
      }
      r.footnote = n;
      r.text = String(n);
    }
  }
  notes.splice(0, notes.length, ...ordered);
}

/** An annex as laid out: see model.ts Annex; `inBody` true for the text quoted in the body. */
export interface LayoutAnnex {
  id: string;
  heading: string;
  title: string;
  paragraphs: LayoutParagraph[];
  inBody: boolean;
  /**
   * Its numbered paragraphs are set as a report or an instrument sets them, the number at the
   * column edge and the text a tab after it, a second line back at the edge (the Pact for the
   * Future, the Global Digital Compact, an annexed convention), not as operative paragraphs with
   * an indented number: true when most of them are sentences of their own (end with a full stop,
   * a colon, a question mark) rather than clauses of a chapeau ending with a semicolon ("we: 1.
   * Reaffirm …;", the political declarations of A/RES/78/3 and A/80/L.34).
   */
  marginNumbers: boolean;
}

/** True when most numbered paragraphs of an annex close a sentence (see {@link LayoutAnnex.marginNumbers}). */
function sentenceParagraphs(paras: readonly LayoutParagraph[]): boolean {
  const numbered = paras.filter((p) => !p.heading && !p.table && !p.tail && p.level === 0 && p.label.trim() !== '');
  const sentences = numbered.filter((p) => !/;\s*$/.test(p.runs.filter((r) => r.footnote === undefined).map((r) => r.text).join('')));
  return numbered.length > 0 && sentences.length * 2 > numbered.length;
}

/** Lays out a document for export. */
export function layoutDocument(doc: ResolutionDocument): DocumentLayout {
  const pm = toDoc(doc);
  const meta = doc.meta;
  const lang = meta.language;
  const s = computeStructure(pm, lang);
  const notes = new Map<string, number>();
  const footnotes: LayoutFootnote[] = [];
  const paragraphs: LayoutParagraph[] = [];
  const annexParas: LayoutParagraph[][] = doc.annexes.map(() => []);
  const items: { pos: number; annex: number; lp: LayoutParagraph }[] = [];
  for (const p of s.paras) {
    const phrase = paragraphPhrase(p, lang, meta.organ);
    const prov = p.node.attrs.provenance as { symbol: string; paragraph: string } | null;
    const lp: LayoutParagraph = {
      id: p.id,
      section: p.section === 'ap' ? 'annex' : p.section,
      level: p.level,
      tail: p.tail,
      label: p.label,
      designation: p.designation,
      runs: runsOf(p, phrase, s, lang, notes, footnotes),
      annex: p.annex,
      status: (p.node.attrs.status as string) || '',
      holder: (p.node.attrs.holder as string) || '',
      deleted: p.deleted,
      provenance: prov ? { symbol: prov.symbol, paragraph: prov.paragraph } : null,
    };
    const proposal = p.node.attrs.proposal as ParagraphProposal | null;
    if (proposal && !p.tail) lp.proposal = proposal;
    items.push({ pos: p.pos, annex: p.annex, lp });
  }
  // Headings and tables, placed by position among the paragraphs.
  for (const h of s.headings) {
    const info = { node: h.node, pos: h.pos } as ParaInfo;
    const heading: NonNullable<LayoutParagraph['heading']> = { level: h.level, num: h.num };
    if (h.resolution) heading.resolution = { formula: formulaOf(meta, lang, resolutionHasPreamble(s, h.pos)) };
    items.push({
      pos: h.pos,
      annex: h.annex,
      lp: { ...blank(h.id, h.annex), label: headingLabel(h.level, h.num, h.resolution), runs: runsOf(info, { start: 0, end: 0 }, s, lang, notes, footnotes), heading },
    });
  }
  pm.forEach((n, offset) => {
    const at = (t: PMNode, pos: number, annex: number): void => {
      if (t.type.name === 'table') items.push({ pos, annex, lp: { ...blank(t.attrs.id as string, annex), table: { header: t.attrs.header === true, rows: (t.attrs.rows as string[][]).map((r) => [...r]) } } });
    };
    if (n.type.name === 'annex') {
      const k = doc.annexes.findIndex((a) => a.id === n.attrs.id);
      n.forEach((c, o) => at(c, offset + 1 + o, k));
    } else at(n, offset, -1);
  });
  items.sort((a, b) => a.pos - b.pos);
  // Footnotes are numbered in reading order, whatever order the items were laid out in.
  renumberNotes(items.map((i) => i.lp), footnotes);
  for (const { annex, lp } of items) {
    if (annex >= 0) annexParas[annex]?.push(lp);
    else paragraphs.push(lp);
  }
  // A heading in the preamble or the operative part takes the section of what follows it.
  paragraphs.forEach((lp, i) => {
    if (lp.heading && lp.annex < 0) lp.section = paragraphs.slice(i + 1).find((q) => !q.heading)?.section ?? 'op';
  });
  const session = Number.parseInt(meta.session, 10);
  const isDraft = meta.kind !== 'resolution';
  return {
    meta,
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    words: mastheadWords(lang, meta.organ),
    session: Number.isFinite(session) ? sessionHeading(session, lang) : '',
    issueDate: meta.issueDate ? formatDate(meta.issueDate, lang) : '',
    adoptionDate: meta.adoptionDate ? formatDate(meta.adoptionDate, lang) : '',
    titleNumber: !isDraft && meta.organ !== 'sc' ? (citationNumber(meta.symbol) ?? '') : '',
    // With resolutions A, B… the formula printed here is resolution A's (under its letter); an
    // amendment's body is its instructions (no formula); a one-sentence decision runs it in.
    formula:
      paragraphs[0]?.heading?.resolution?.formula ??
      runInFormula(formulaOf(meta, lang, s.preambularCount > 0), meta.organ, lang, s.preambularCount, paragraphs, documentForm(meta) === 'draft-decision'),
    paragraphs,
    annexes: doc.annexes.map((a, i) => {
      const paras = annexParas[i] ?? [];
      return { id: a.id, heading: a.heading, title: a.title, paragraphs: paras, inBody: a.inBody === true, marginNumbers: sentenceParagraphs(paras) };
    }),
    footnotes,
    isDraft,
    negotiation: s.negotiation,
    structure: s,
  };
}

/** The enacting formula of `meta`'s document: none for an amendment, whose body is its instructions. */
function formulaOf(meta: FrontMatter, lang: Language, hasPreamble: boolean): { words: string; punctuation: string } {
  return documentForm(meta) === 'amendment' ? { words: '', punctuation: '' } : enactingFormula(meta.organ, lang, hasPreamble);
}

/** Whether the resolution whose heading stands at `pos` has preambular paragraphs (up to the next resolution). */
function resolutionHasPreamble(s: DocStructure, pos: number): boolean {
  const next = s.headings.find((h) => h.resolution && h.pos > pos && h.annex < 0)?.pos ?? Infinity;
  return s.paras.some((p) => p.section === 'pp' && p.pos > pos && p.pos < next);
}

/**
 * The formula of a decision set as one sentence, which the UN prints run into its only
 * paragraph, in roman ("The General Assembly decides to defer …", A/C.5/80/L.22; "The General
 * Assembly, taking note of …, decides …", A/C.4/80/L.10): `formula` itself unless the document
 * has no preamble and its first paragraph is an unlabelled operative one that
 * - opens with the formula's words (the importer keeps them in the paragraph): no formula is
 *   printed, so the words stand once, where they are;
 * - opens with a lower-case letter in a draft decision (`decision`; the importer took "The
 *   General Assembly," off the line): the words and their comma are put in front of that
 *   paragraph's runs (changed in place; the one case where a printed paragraph holds words the
 *   editor's does not), so
 *   every writer prints them as one paragraph, as the UN does, and never apart without their
 *   comma.
 * Either way the returned formula is empty.
 */
function runInFormula(formula: { words: string; punctuation: string }, organ: FrontMatter['organ'], lang: Language, preambular: number, paragraphs: LayoutParagraph[], decision: boolean): { words: string; punctuation: string } {
  const first = paragraphs.find((p) => !p.heading && !p.table && !p.deleted);
  if (!formula.words || preambular > 0 || !first || first.section !== 'op' || first.level > 0 || first.tail || first.label.trim()) return formula;
  const text = runsText(first.runs).trimStart();
  if (text.startsWith(formula.words + ' ')) return { words: '', punctuation: '' };
  if (!decision || !/^\p{Ll}/u.test(text)) return formula;
  const comma = enactingFormula(organ, lang, true).punctuation;
  first.runs.unshift({ text: `${formula.words}${comma} ` });
  return { words: '', punctuation: '' };
}

/** The plain text of a paragraph's runs. */
export function runsText(runs: readonly LayoutRun[], footnoteMarks = false): string {
  return runs.map((r) => (r.footnote !== undefined ? (footnoteMarks ? r.text : '') : r.text)).join('');
}

// ---------------------------------------------------------------------------------------------
// Running heads

/** Advance widths of Times New Roman Bold, in thousandths of an em, for estimating a line's width. */
function boldWidth(c: string): number {
  if (c === ' ') return 250;
  if (/[iljt.,;:'’!|()[\]-]/.test(c)) return 333;
  if (/[fr]/.test(c)) return 400;
  if (/[mw]/.test(c)) return 780;
  if (/[MW]/.test(c)) return 960;
  if (/\p{Lu}/u.test(c)) return 722;
  if (/\d/.test(c)) return 500;
  return 540;
}

/** Estimated width in points of `s` in Times New Roman Bold at `size` pt (within a few per cent). */
export function boldTextWidth(s: string, size: number): number {
  let w = 0;
  for (const c of s) w += boldWidth(c);
  return (w / 1000) * size;
}

/**
 * The title as a running head beside `symbol` (bold 8.5 pt, the line from 60 to 552 pt): the
 * whole title when it fits on the one line with at least 24 pt between the two; otherwise cut
 * after the last whole word that fits and ended with "…", so the head never runs over a second
 * line. Trailing punctuation before the cut is dropped.
 */
export function runningHeadTitle(title: string, symbol: string, lineWidth = 492, size = 8.5): string {
  const t = title.replace(/\s+/g, ' ').trim();
  const room = lineWidth - boldTextWidth(symbol, size) - 24;
  if (boldTextWidth(t, size) <= room) return t;
  const words = t.split(' ');
  let out = '';
  for (const w of words) {
    const next = out ? `${out} ${w}` : w;
    if (boldTextWidth(`${next} …`, size) > room) break;
    out = next;
  }
  return out ? `${out.replace(/(?<![\s,;:.–—-])[\s,;:.–—-]+$/, '')} …` : '';
}
