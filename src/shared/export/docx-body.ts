/**
 * The Word exporter's runs and body paragraphs: opening phrases, footnote references, labels,
 * preambular and operative paragraphs, subparagraphs, headings and annex tables, plain or as
 * tracked revisions. Split from docx.ts; docx.ts re-exports what is public.
 */
import {
  AlignmentType,
  BuilderElement,
  DeletedTextRun,
  FootnoteReferenceRun,
  InsertedTextRun,
  Paragraph,
  Tab,
  type Table,
  TextRun,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { idBookmark } from './docx-ids.js';
import { docxTable } from './docx-table.js';
import { headingLines } from './heading-lines.js';
import type { Language } from '../resolution/model.js';
import { LEVEL_BLOCK, STEP, STYLE, ZH_PHRASE_FONT } from './docx-styles.js';
import type { DocumentLayout, LayoutParagraph, LayoutRun } from './layout.js';

// ---------------------------------------------------------------------------------------------
// Runs.

/** A tracked change to write runs as: inserted or deleted, by whom, when; ids come from `nextId`. */
export interface Revision {
  kind: 'ins' | 'del';
  author: string;
  /** ISO 8601, as Word writes it ("2025-01-31T10:00:00Z"). */
  date: string;
  nextId: () => number;
}

/** What runs need to know about the document. */
export interface RunContext {
  lang: Language;
  /** Added to a footnote's number to give its Word id (1 when the sponsor note takes id 1). */
  footnoteOffset: number;
}

/** The run context of a laid-out document. */
export function contextOf(layout: DocumentLayout): RunContext {
  return { lang: layout.lang, footnoteOffset: hasStar(layout) ? 1 : 0 };
}

/** Whether the document has a sponsor note (`*` footnote): drafts with a sponsor note. */
export function hasStar(layout: DocumentLayout): boolean {
  return layout.isDraft && layout.meta.sponsorNote.trim() !== '';
}

export type RunProps = Omit<IRunOptions, 'children'> & { children?: IRunOptions['children'] };

export function revisionAttrs(rev: Revision) {
  return { id: rev.nextId(), author: rev.author, date: rev.date };
}

/** A run with its formatting, plain or as a tracked insertion or deletion. */
export function makeRun(props: RunProps, rev: Revision | undefined): ParagraphChild {
  if (!rev) return new TextRun(props);
  return rev.kind === 'ins' ? new InsertedTextRun({ ...props, ...revisionAttrs(rev) }) : new DeletedTextRun({ ...props, ...revisionAttrs(rev) });
}

function runProps(r: LayoutRun, ctx: RunContext): RunProps {
  const zhPhrase = r.phrase === true && ctx.lang === 'zh';
  const italic = r.em === true || (r.phrase === true && !zhPhrase);
  return {
    text: r.text,
    ...(italic ? { italics: true } : {}),
    ...(zhPhrase ? { font: { eastAsia: ZH_PHRASE_FONT } } : {}),
    ...(ctx.lang === 'ar' ? { rightToLeft: true } : {}),
    ...(r.xref?.broken ? { highlight: 'yellow' as const } : {}),
  };
}

/** A `w:footnoteReference` to footnote `id` (inside a run), optionally with a custom mark following. */
export function footnoteReference(id: number, customMark = false): BuilderElement<{ customMarkFollows?: boolean; id: number }> {
  return new BuilderElement<{ customMarkFollows?: boolean; id: number }>({
    name: 'w:footnoteReference',
    attributes: customMark ? { customMarkFollows: { key: 'w:customMarkFollows', value: true }, id: { key: 'w:id', value: id } } : { id: { key: 'w:id', value: id } },
  });
}


/**
 * A paragraph's layout runs as docx runs: opening phrase and manual emphasis in italics, footnote
 * references as Word footnote references (footnote id = its number), right-to-left runs in Arabic.
 * With `rev`, every run is a tracked insertion or deletion (a deleted footnote reference keeps
 * its number as deleted text, since its note is gone).
 */
export function runsToDocx(runs: readonly LayoutRun[], ctx: RunContext, rev?: Revision, extra: Partial<RunProps> = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const [idx, r] of runs.entries()) {
    if (r.footnote !== undefined) {
      const id = r.footnote + ctx.footnoteOffset;
      // Consecutive marks are printed with a superscript comma between them ("conflict,¹⁰,¹¹").
      if (runs[idx - 1]?.footnote !== undefined) out.push(makeRun({ ...runProps({ text: ',' }, ctx), ...extra, superScript: true }, rev));
      if (!rev) out.push(new FootnoteReferenceRun(id));
      else if (rev.kind === 'ins') out.push(new InsertedTextRun({ style: 'FootnoteReference', children: [footnoteReference(id)], ...revisionAttrs(rev) }));
      else out.push(new DeletedTextRun({ style: 'FootnoteReference', text: r.text, ...revisionAttrs(rev) }));
      continue;
    }
    if (!r.text) continue;
    out.push(makeRun({ ...runProps(r, ctx), ...extra }, rev));
  }
  return out;
}

/** The label ("1.", "(a)", "7 -") and the tab that follows it. */
export function labelRun(label: string, ctx: RunContext, rev: Revision | undefined, extra: Partial<RunProps> = {}): ParagraphChild {
  return makeRun({ children: [label.trim(), new Tab()], ...(ctx.lang === 'ar' ? { rightToLeft: true } : {}), ...extra }, rev);
}

// ---------------------------------------------------------------------------------------------
// Paragraphs.

/** Style and direct indent of a body paragraph, from its section, level and label. */
function paragraphShape(lp: LayoutParagraph): Pick<IParagraphOptions, 'style' | 'indent'> {
  const level = Math.min(Math.max(lp.level, 0), 4);
  if (lp.tail) return level >= 2 ? { style: STYLE.continuation, indent: { left: LEVEL_BLOCK[level] } } : { style: STYLE.continuation };
  if (level === 0) {
    if (lp.section === 'pp') return { style: STYLE.preambular };
    if (lp.section === 'op') return { style: STYLE.operative };
    return lp.label ? { style: STYLE.annexParagraph } : { style: STYLE.annexParagraph, indent: { firstLine: STEP } };
  }
  return { style: [STYLE.subA, STYLE.subA, STYLE.subI, STYLE.sub3, STYLE.sub4][level]! };
}

/** How a whole paragraph is marked: plain, struck through (deleted in a negotiation text), or a tracked revision. */
export interface ParagraphMark {
  rev?: Revision;
  strike?: boolean;
  /** The label as given runs (a tracked renumbering, docx-tracked.ts) instead of `lp.label` printed. */
  label?: ParagraphChild[];
}

/** A body paragraph (PP, OP, subparagraph, continuation, annex paragraph) with the given runs. */
export function bodyParagraph(lp: LayoutParagraph, ctx: RunContext, children: ParagraphChild[], mark: ParagraphMark = {}): Paragraph {
  const extra = mark.strike ? { strike: true } : {};
  const label = mark.label ?? (lp.label && !lp.tail ? [labelRun(lp.label, ctx, mark.rev, extra)] : []);
  const rev = mark.rev;
  // The paragraph's id as a hidden bookmark, so a file that comes back merges by id (docx-ids.ts).
  const id = idBookmark(lp.id);
  return new Paragraph({
    ...paragraphShape(lp),
    widowControl: true,
    ...(ctx.lang === 'ar' ? { bidirectional: true } : {}),
    ...markOf(rev),
    children: [...id.start, ...label, ...children, ...id.end],
  });
}

/**
 * The formula of each resolution heading paragraph made here ("B", then "The General Assembly,"):
 * the document assembly puts it right under that paragraph, whichever body builder made it. `rev`
 * is the revision of a heading inserted or deleted whole (tracked export), which the formula shares.
 */
export const RESOLUTION_FORMULAS = new WeakMap<object, { words: string; punctuation: string; rev?: Revision }>();

/**
 * How the tracked export (docx-tracked.ts) fills a heading: the title's runs as revisions, the
 * revision of a heading inserted, deleted or moved whole (its number, line break and paragraph
 * mark go with it), and what stands around the content (comment anchors, move ranges).
 */
export interface HeadingContent {
  runs: (runs: readonly LayoutRun[]) => ParagraphChild[];
  rev?: Revision;
  before?: ParagraphChild[];
  after?: ParagraphChild[];
  /** false: a worded number ("Part II") is not taken out of the title onto its own line (default true). */
  split?: boolean;
}

/** The paragraph mark's revision, for a paragraph inserted or deleted whole; {} without one. */
export function markOf(rev: Revision | undefined): Pick<IParagraphOptions, 'run'> {
  if (!rev) return {};
  return { run: rev.kind === 'ins' ? { insertion: revisionAttrs(rev) } : { deletion: revisionAttrs(rev) } };
}

/**
 * A heading: a part or section (number, line break, title, as the official prints "Part II" over
 * "Political affairs") or a sub-heading (letter, tab, title). Under another heading it takes no
 * space before (the official's 18 pt from a part's title to its first section's number). The
 * plain and the tracked exports both print headings here, so they print them alike.
 */
export function headingParagraph(lp: LayoutParagraph, ctx: RunContext, prev?: LayoutParagraph, content?: HeadingContent): Paragraph {
  const rtl = ctx.lang === 'ar' ? { rightToLeft: true } : {};
  const rev = content?.rev;
  const runs = (r: readonly LayoutRun[]) => (content ? content.runs(r) : runsToDocx(r, ctx));
  const id = idBookmark(lp.id);
  const around = (inner: ParagraphChild[]) => [...id.start, ...(content?.before ?? []), ...inner, ...(content?.after ?? []), ...id.end];
  const resolution = lp.heading?.resolution;
  if (resolution) {
    // One of several resolutions: its letter centred, its title under it; its formula follows (docx.ts).
    const title = lp.runs.length > 0 ? [makeRun({ break: 1 }, rev), ...runs(lp.runs)] : [];
    const p = new Paragraph({
      style: STYLE.partHeading,
      alignment: AlignmentType.CENTER,
      ...(ctx.lang === 'ar' ? { bidirectional: true } : {}),
      ...markOf(rev),
      children: around([makeRun({ text: lp.label, ...rtl }, rev), ...title]),
    });
    RESOLUTION_FORMULAS.set(p, rev ? { ...resolution.formula, rev } : resolution.formula);
    return p;
  }
  const lines = content?.split === false ? { number: lp.label, ownLine: lp.heading?.level === 1, runs: lp.runs } : headingLines(lp);
  // A number that was a run of its own keeps its formatting (an italic "Article 3").
  const numRuns = 'numberRun' in lines && lines.numberRun ? runs([lines.numberRun]) : [makeRun({ text: lines.number, ...rtl }, rev)];
  const num = lines.number ? [...numRuns, lines.ownLine ? makeRun({ break: 1 }, rev) : makeRun({ children: [new Tab()] }, rev)] : [];
  return new Paragraph({
    style: lines.ownLine ? STYLE.partHeading : STYLE.subHeading,
    ...(prev?.heading ? { spacing: { before: 0 } } : {}),
    ...(ctx.lang === 'ar' ? { bidirectional: true } : {}),
    ...markOf(rev),
    children: around([...num, ...runs(lines.runs)]),
  });
}

/** A body paragraph with its own runs, plain (or struck through when deleted in a negotiation text); `prev` the printed paragraph before it. */
export function plainParagraph(lp: LayoutParagraph, ctx: RunContext, prev?: LayoutParagraph): Paragraph | Table {
  if (lp.heading) return headingParagraph(lp, ctx, prev);
  if (lp.table) return docxTable(lp.table, ctx, lp.annex >= 0 && !prev);
  const strike = lp.deleted;
  return bodyParagraph(lp, ctx, runsToDocx(lp.runs, ctx, undefined, strike ? { strike: true } : {}), { strike });
}

/** Whether a paragraph is printed: a paragraph deleted in negotiation is shown struck through, otherwise left out. */
export function printed(lp: LayoutParagraph, layout: DocumentLayout): boolean {
  return !lp.deleted || layout.negotiation;
}

export function text(t: string, props: RunProps = {}): TextRun {
  return new TextRun({ text: t, ...props });
}

/** A paragraph of `styleId` (right to left in Arabic, with widow and orphan control as in the UN templates). */
export function para(styleId: string, children: ParagraphChild[], ctx: RunContext, extra: IParagraphOptions = {}): Paragraph {
  return new Paragraph({ style: styleId, widowControl: true, ...(ctx.lang === 'ar' ? { bidirectional: true } : {}), ...extra, children });
}
