/**
 * The Word (.docx) exporter: a resolution or draft as the UN Secretariat sets it in Word
 * (un-format.md §1–4), built from the print layout (layout.ts) with the `docx` package.
 *
 * Page: US Letter (A4 on request), Times New Roman, body 10 pt on exactly 12 pt, 6 pt after,
 * justified, text column 123.4–488.6 pt. The masthead is a table in the first-page header that spans
 * 60–552 pt (as in the Secretariat's templates, where the masthead pushes the text of page 1 down);
 * page 1's footer holds placeholders for the job number and barcode, which the Secretariat assigns.
 * From page 2, running heads and feet mirrored on odd and even pages. Every paragraph carries a named
 * "UN …" style (indents, spacing, fonts live in the styles, not in direct formatting), so an editor
 * can restyle the document in Word. Footnotes are real Word footnotes; the sponsor note is a
 * custom-mark (`*`) footnote that does not consume a number.
 *
 * Labels ("1.", "(a)", "a)", "7 - ") are written as text followed by a tab, not as Word list
 * numbering, so the file shows exactly the numbers Plenary shows. `runsToDocx` turns a paragraph's
 * runs into docx runs and takes an optional revision, which is how `buildTrackedDocx` writes Word
 * tracked changes (w:ins / w:del with author and date) against an earlier text.
 *
 * Pure: no Node built-ins, no DOM; `docxBytes` packs to a Uint8Array in Node and in the browser.
 */
import {
  AlignmentType,
  BorderStyle,
  BuilderElement,
  ContinuationSeparator,
  DeletedTextRun,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeightRule,
  InsertedTextRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Separator,
  Tab,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type ICommentOptions,
  type IParagraphOptions,
  type IParagraphStyleOptions,
  type IRunOptions,
  type ParagraphChild,
  type FootNotes,
} from 'docx';
import type { Language, ResolutionDocument } from '../resolution/model.js';
import { wordDiff } from '../text/diff.js';
import { idBookmark } from './docx-ids.js';
import { layoutDocument, runningHeadTitle, type DocumentLayout, type LayoutParagraph, type LayoutRun } from './layout.js';
import { draftResolutionWords, sponsorColon } from './wording.js';

/** Options of the Word exporter. */
export interface DocxOptions {
  /** Paper: US Letter (New York, the default) or A4 (Geneva). */
  paper?: 'letter' | 'a4';
  /**
   * The Secretariat's job number ("24-24303 (E)"), if known; otherwise placeholders are written.
   * The running feet show its first word ("24-24303").
   */
  jobNumber?: string;
  /** Short title for the running heads of resolutions; the title by default. */
  shortTitle?: string;
}

/** Options of {@link buildTrackedDocx}: the export options plus who made the changes and when. */
export interface TrackedDocxOptions extends DocxOptions {
  author: string;
  date: Date;
}

// ---------------------------------------------------------------------------------------------
// Geometry, in twips (1/20 pt). Measured on the official PDFs (un-format.md §3).

/** Twips per point. */
const PT = 20;
/**
 * Width of the text column: 123.4 pt to 488.6 pt on Letter (365.2 pt), where the glyphs of the
 * official justified lines end (issue 13: a column to 491 pt breaks lines elsewhere).
 */
const COLUMN = 7304;
/** How far the masthead and running heads reach beyond the column: to 60 pt and to 552 pt. */
const OUT_LEFT = 1268;
const OUT_RIGHT = 1268;
/** One indent step (23.7 pt) and the text position of an operative paragraph (47.5 pt). */
const STEP = 474;
const TEXT = 950;
/** Block indents of subparagraph levels 1–4 and where their text starts after the label. */
const LEVEL_BLOCK = [0, 0, STEP, TEXT, 1424] as const;
const LEVEL_TEXT = [TEXT, TEXT, TEXT, 1424, 1898] as const;

/** Page sizes and side margins; the column keeps its width on A4, centred as on Letter. */
export const PAPER = {
  letter: { width: 12240, height: 15840, left: 2468, right: 2468 },
  a4: { width: 11906, height: 16838, left: 2301, right: 2301 },
} as const;

/**
 * Top and bottom margins of pages 2+: the official first body baseline is at 82.3 pt and the last
 * footnote baseline at 732.4 pt on every full page; with exact line heights (a baseline 80 % down
 * its line, as LibreOffice sets it) that is a body from 72.65 pt to 734.45 pt.
 */
const MARGIN = { top: 1453, bottom: 1151, header: 780, footer: 680 } as const;

/** The East Asian font of Chinese documents, and the one that sets off Chinese opening phrases (UNVERIFIED: KaiTi vs italic). */
const ZH_FONT = 'SimSun';
const ZH_PHRASE_FONT = 'KaiTi';
const FONT = 'Times New Roman';

const LANG_TAG: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ru: 'ru-RU', ar: 'ar-SA', zh: 'zh-CN' };

// ---------------------------------------------------------------------------------------------
// Styles.

/** Ids of the paragraph styles the exporter defines (names are "UN …", see {@link unStyles}). */
export const STYLE = {
  normal: 'Normal',
  paragraph: 'UNParagraph',
  formula: 'UNFormula',
  preambular: 'UNPreambular',
  operative: 'UNOperative',
  subA: 'UNSubparagraphA',
  subI: 'UNSubparagraphI',
  sub3: 'UNSubparagraph3',
  sub4: 'UNSubparagraph4',
  continuation: 'UNContinuation',
  session: 'UNMastheadSession',
  committee: 'UNMastheadCommittee',
  agenda: 'UNMastheadAgenda',
  itemTitle: 'UNMastheadItemTitle',
  unitedNations: 'UNMastheadUnitedNations',
  symbol: 'UNMastheadSymbol',
  organ: 'UNMastheadOrgan',
  distr: 'UNMastheadDistribution',
  emblem: 'UNMastheadEmblem',
  adopted: 'UNResolutionHeading',
  basis: 'UNBasisLine',
  sponsors: 'UNSponsorLine',
  title: 'UNTitle',
  closing: 'UNClosing',
  endRule: 'UNEndRule',
  annexHeading: 'UNAnnexHeading',
  annexTitle: 'UNAnnexTitle',
  annexParagraph: 'UNAnnexParagraph',
  partHeading: 'UNPartHeading',
  subHeading: 'UNSubHeading',
  footnote: 'UNFootnoteText',
  runningHead: 'UNRunningHead',
  runningFoot: 'UNRunningFoot',
  firstFoot: 'UNFirstPageFoot',
} as const;

const exact = (pt: number, after = 0, before = 0) => ({ line: Math.round(pt * PT), lineRule: LineRuleType.EXACT, after, before });

/** The style that follows each heading style when Enter is pressed in Word (others follow themselves). */
const NEXT: Record<string, string> = {
  UNResolutionHeading: 'UNBasisLine',
  UNBasisLine: 'UNTitle',
  UNSponsorLine: 'UNTitle',
  UNTitle: 'UNFormula',
  UNFormula: 'UNPreambular',
  UNAnnexHeading: 'UNAnnexTitle',
  UNAnnexTitle: 'UNAnnexParagraph',
  UNMastheadSession: 'UNMastheadAgenda',
  UNMastheadCommittee: 'UNMastheadAgenda',
  UNMastheadAgenda: 'UNMastheadItemTitle',
};

function style(id: string, name: string, basedOn: string, paragraph: IParagraphStyleOptions['paragraph'], run?: IParagraphStyleOptions['run']): IParagraphStyleOptions {
  return { id, name, basedOn, next: NEXT[id] ?? id, quickFormat: true, paragraph, ...(run ? { run } : {}) };
}

/** The "UN …" paragraph styles (plus Normal, redefined), for a document in `lang`. */
export function unStyles(lang: Language): IParagraphStyleOptions[] {
  const rtl = lang === 'ar';
  const wide = { left: -OUT_LEFT, right: -OUT_RIGHT };
  return [
    { id: STYLE.normal, name: 'Normal', quickFormat: true, paragraph: { spacing: exact(12) }, run: { font: fontFor(lang), size: 20 } },
    style(STYLE.paragraph, 'UN Paragraph', STYLE.normal, { alignment: AlignmentType.JUSTIFIED, spacing: exact(12, 120) }),
    style(STYLE.formula, 'UN Formula', STYLE.paragraph, { indent: { firstLine: STEP } }),
    style(STYLE.preambular, 'UN Preambular', STYLE.paragraph, { indent: { firstLine: STEP }, leftTabStop: TEXT }),
    style(STYLE.operative, 'UN Operative', STYLE.paragraph, { indent: { firstLine: STEP }, leftTabStop: TEXT }),
    style(STYLE.subA, 'UN Subparagraph (a)', STYLE.paragraph, { indent: { firstLine: STEP }, leftTabStop: LEVEL_TEXT[1] }),
    style(STYLE.subI, 'UN Subparagraph (i)', STYLE.paragraph, { indent: { left: LEVEL_BLOCK[2] }, leftTabStop: LEVEL_TEXT[2] }),
    style(STYLE.sub3, 'UN Subparagraph a.', STYLE.paragraph, { indent: { left: LEVEL_BLOCK[3] }, leftTabStop: LEVEL_TEXT[3] }),
    style(STYLE.sub4, 'UN Subparagraph i.', STYLE.paragraph, { indent: { left: LEVEL_BLOCK[4] }, leftTabStop: LEVEL_TEXT[4] }),
    style(STYLE.continuation, 'UN Continuation', STYLE.paragraph, {}),
    style(STYLE.annexParagraph, 'UN Annex Paragraph', STYLE.paragraph, { leftTabStop: STEP }),
    // Parts ("II" over its title) and lettered sub-headings ("A." tab title): bold, at the column edge.
    style(STYLE.partHeading, 'UN Part Heading', STYLE.normal, { spacing: exact(12, 120, 240), keepNext: true }, { bold: true }),
    style(STYLE.subHeading, 'UN Sub-heading', STYLE.normal, { spacing: exact(12, 120, 120), keepNext: true, leftTabStop: STEP }, { bold: true }),
    // Masthead: the block under the heavy rule, from 60 pt, about 270 pt wide.
    style(STYLE.session, 'UN Masthead Session', STYLE.normal, { indent: { left: -OUT_LEFT, right: 3220 } }, { bold: true }),
    style(STYLE.committee, 'UN Masthead Committee', STYLE.normal, { indent: { left: -OUT_LEFT, right: 3220 }, spacing: exact(14) }, { bold: true, size: 24 }),
    style(STYLE.agenda, 'UN Masthead Agenda Item', STYLE.normal, { indent: { left: -OUT_LEFT, right: 3220 } }),
    style(STYLE.itemTitle, 'UN Masthead Item Title', STYLE.normal, { indent: { left: -OUT_LEFT, right: 3220 }, keepNext: true }, { bold: true }),
    style(STYLE.unitedNations, 'UN Masthead United Nations', STYLE.normal, { spacing: { line: 240, lineRule: LineRuleType.AUTO, after: 40 } }, { size: 28 }),
    style(STYLE.symbol, 'UN Masthead Symbol', STYLE.normal, { alignment: rtl ? AlignmentType.LEFT : AlignmentType.RIGHT, spacing: { line: 240, lineRule: LineRuleType.AUTO, after: 40 } }),
    style(STYLE.organ, 'UN Masthead Organ', STYLE.normal, { spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 48 } }, { bold: true, size: 40 }),
    style(STYLE.distr, 'UN Masthead Distribution', STYLE.normal, { spacing: { line: 234, lineRule: LineRuleType.EXACT } }),
    style(STYLE.emblem, 'UN Masthead Emblem', STYLE.normal, { alignment: AlignmentType.CENTER, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 80 } }, { size: 12 }),
    // Heading block.
    style(STYLE.adopted, 'UN Resolution Heading', STYLE.normal, { spacing: exact(15, 240, 360), keepNext: true }, { bold: true, size: 28 }),
    style(STYLE.basis, 'UN Basis Line', STYLE.normal, { spacing: exact(12, 240), keepNext: true }),
    style(STYLE.sponsors, 'UN Sponsor Line', STYLE.normal, { spacing: exact(12, 240, 360), keepNext: true }, { bold: true }),
    style(STYLE.title, 'UN Title', STYLE.normal, { spacing: exact(13.5, 240), keepNext: true }, { bold: true, size: 24 }),
    style(STYLE.closing, 'UN Closing', STYLE.normal, { alignment: AlignmentType.RIGHT, spacing: exact(12, 0, 120), keepLines: true }, { italics: true }),
    style(STYLE.endRule, 'UN End Rule', STYLE.normal, {
      indent: { left: (COLUMN - 1440) / 2, right: (COLUMN - 1440) / 2 },
      spacing: exact(12, 0, 240),
      border: { bottom: { style: BorderStyle.SINGLE, size: 2, color: 'auto', space: 1 } },
    }),
    style(STYLE.annexHeading, 'UN Annex Heading', STYLE.normal, { spacing: exact(13.5, 120, 360), keepNext: true }, { bold: true, size: 24 }),
    style(STYLE.annexTitle, 'UN Annex Title', STYLE.normal, { spacing: exact(13.5, 240), keepNext: true }, { bold: true, size: 24 }),
    // Notes and page furniture.
    style(STYLE.footnote, 'UN Footnote Text', 'FootnoteText', { spacing: exact(10.5), indent: { left: 0, hanging: 130 }, alignment: AlignmentType.LEFT }, { size: 17 }),
    style(STYLE.runningHead, 'UN Running Head', STYLE.normal, {
      indent: wide,
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 280, after: 0 },
      rightTabStop: COLUMN + OUT_RIGHT,
      border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: 'auto', space: 1 } },
    }, { bold: true, size: 17 }),
    style(STYLE.runningFoot, 'UN Running Foot', STYLE.normal, {
      indent: wide,
      spacing: { line: 240, lineRule: LineRuleType.AUTO },
      rightTabStop: COLUMN + OUT_RIGHT,
    }, { size: 14 }),
    style(STYLE.firstFoot, 'UN Page-1 Foot', STYLE.normal, { indent: { left: -OUT_LEFT + 106 }, spacing: { line: 240, lineRule: LineRuleType.AUTO } }),
  ];
}

function fontFor(lang: Language) {
  return { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: lang === 'zh' ? ZH_FONT : FONT };
}

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
function hasStar(layout: DocumentLayout): boolean {
  return layout.isDraft && layout.meta.sponsorNote.trim() !== '';
}

type RunProps = Omit<IRunOptions, 'children'> & { children?: IRunOptions['children'] };

function revisionAttrs(rev: Revision) {
  return { id: rev.nextId(), author: rev.author, date: rev.date };
}

/** A run with its formatting, plain or as a tracked insertion or deletion. */
function makeRun(props: RunProps, rev: Revision | undefined): ParagraphChild {
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
function footnoteReference(id: number, customMark = false): BuilderElement<{ customMarkFollows?: boolean; id: number }> {
  return new BuilderElement<{ customMarkFollows?: boolean; id: number }>({
    name: 'w:footnoteReference',
    attributes: customMark ? { customMarkFollows: { key: 'w:customMarkFollows', value: true }, id: { key: 'w:id', value: id } } : { id: { key: 'w:id', value: id } },
  });
}

// Hooks for the tracked-changes export of open proposals (docx-tracked.ts).
export { labelRun, bodyParagraph, plainParts, assemble, wordDate, type BodyParts };

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
function labelRun(label: string, ctx: RunContext, rev: Revision | undefined, extra: Partial<RunProps> = {}): ParagraphChild {
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
interface ParagraphMark {
  rev?: Revision;
  strike?: boolean;
}

/** A body paragraph (PP, OP, subparagraph, continuation, annex paragraph) with the given runs. */
function bodyParagraph(lp: LayoutParagraph, ctx: RunContext, children: ParagraphChild[], mark: ParagraphMark = {}): Paragraph {
  const extra = mark.strike ? { strike: true } : {};
  const label = lp.label && !lp.tail ? [labelRun(lp.label, ctx, mark.rev, extra)] : [];
  const rev = mark.rev;
  // The paragraph's id as a hidden bookmark, so a file that comes back merges by id (docx-ids.ts).
  const id = idBookmark(lp.id);
  return new Paragraph({
    ...paragraphShape(lp),
    widowControl: true,
    ...(ctx.lang === 'ar' ? { bidirectional: true } : {}),
    ...(rev ? { run: rev.kind === 'ins' ? { insertion: revisionAttrs(rev) } : { deletion: revisionAttrs(rev) } } : {}),
    children: [...id.start, ...label, ...children, ...id.end],
  });
}

/** A heading of a part (number, line break, title) or a sub-heading (letter, tab, title). */
function headingParagraph(lp: LayoutParagraph, ctx: RunContext): Paragraph {
  const part = lp.heading?.level === 1;
  const num = lp.label ? [new TextRun({ text: lp.label, ...(ctx.lang === 'ar' ? { rightToLeft: true } : {}) }), part ? new TextRun({ break: 1 }) : new TextRun({ children: [new Tab()] })] : [];
  const id = idBookmark(lp.id);
  return new Paragraph({
    style: part ? STYLE.partHeading : STYLE.subHeading,
    ...(ctx.lang === 'ar' ? { bidirectional: true } : {}),
    children: [...id.start, ...num, ...runsToDocx(lp.runs, ctx), ...id.end],
  });
}

/** A table of an annex: plain cells with thin rules, across the text column. */
function tableOf(lp: LayoutParagraph, ctx: RunContext): Table {
  const t = lp.table!;
  const rtl = ctx.lang === 'ar' ? { rightToLeft: true } : {};
  const cols = Math.max(1, ...t.rows.map((r) => r.length));
  const width = Math.round((491 - 123.4) * 20);
  const rule = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: Array.from({ length: cols }, () => Math.floor(width / cols)),
    layout: TableLayoutType.FIXED,
    borders: { top: rule, bottom: rule, left: rule, right: rule, insideHorizontal: rule, insideVertical: rule },
    rows: t.rows.map(
      (r, i) =>
        new TableRow({
          // Only a real header row carries w:tblHeader (the docx package writes val=false otherwise).
          ...(i === 0 && t.header ? { tableHeader: true } : {}),
          children: Array.from({ length: cols }, (_, k) => new TableCell({ children: [new Paragraph({ style: STYLE.normal, children: [new TextRun({ text: r[k] ?? '', bold: i === 0 && t.header, ...rtl })] })] })),
        }),
    ),
  });
}

/** A body paragraph with its own runs, plain (or struck through when deleted in a negotiation text). */
function plainParagraph(lp: LayoutParagraph, ctx: RunContext): Paragraph | Table {
  if (lp.heading) return headingParagraph(lp, ctx);
  if (lp.table) return tableOf(lp, ctx);
  const strike = lp.deleted;
  return bodyParagraph(lp, ctx, runsToDocx(lp.runs, ctx, undefined, strike ? { strike: true } : {}), { strike });
}

/** Whether a paragraph is printed: a paragraph deleted in negotiation is shown struck through, otherwise left out. */
function printed(lp: LayoutParagraph, layout: DocumentLayout): boolean {
  return !lp.deleted || layout.negotiation;
}

function text(t: string, props: RunProps = {}): TextRun {
  return new TextRun({ text: t, ...props });
}

/** A paragraph of `styleId` (right to left in Arabic, with widow and orphan control as in the UN templates). */
function para(styleId: string, children: ParagraphChild[], ctx: RunContext, extra: IParagraphOptions = {}): Paragraph {
  return new Paragraph({ style: styleId, widowControl: true, ...(ctx.lang === 'ar' ? { bidirectional: true } : {}), ...extra, children });
}

// ---------------------------------------------------------------------------------------------
// Masthead, heading block, closing block.

const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };

function cell(children: Paragraph[], width: number, bottom: IBorderOptions, valign: 'top' | 'bottom'): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    verticalAlign: valign === 'top' ? VerticalAlignTable.TOP : VerticalAlignTable.BOTTOM,
    borders: { top: NO_BORDER, left: NO_BORDER, right: NO_BORDER, bottom },
  });
}

/** The symbol as the masthead prints it: first element 20 pt ("A/"), the rest 10 pt. */
function symbolRuns(symbol: string): TextRun[] {
  const slash = symbol.indexOf('/');
  if (slash < 0) return [text(symbol, { size: 40 })];
  return [text(symbol.slice(0, slash + 1), { size: 40 }), text(symbol.slice(slash + 1))];
}

/**
 * The masthead of page 1 (first-page header): "United Nations" and the symbol over a 0.5 pt rule;
 * a blank cell where the emblem goes, the organ, and the distribution block; a 1.5 pt rule.
 */
function masthead(layout: DocumentLayout, ctx: RunContext): Table {
  const w = layout.words;
  const meta = layout.meta;
  const rtl = ctx.lang === 'ar';
  const symbol = meta.symbol || `[${w.symbolPlaceholder}]`;
  const widths = [OUT_LEFT, 5472, COLUMN + OUT_LEFT + OUT_RIGHT - OUT_LEFT - 5472];
  const thin: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: 'auto' };
  const heavy: IBorderOptions = { style: BorderStyle.SINGLE, size: 12, color: 'auto' };
  const date = layout.issueDate;
  const distr = layout.isDraft
    ? [w.distrLimited, date, '', w.original(meta.originalLanguage || meta.language)]
    : [w.distrGeneral, date];
  const distrParas = distr.map((t, i) =>
    new Paragraph({ style: STYLE.distr, ...(i === 0 ? { spacing: { before: 228 } } : {}), children: t ? [text(t)] : [] }),
  );
  const row1 = new TableRow({
    children: [
      cell([new Paragraph({ style: STYLE.unitedNations })], widths[0]!, thin, 'bottom'),
      cell([para(STYLE.unitedNations, [text(w.unitedNations, rtl ? { rightToLeft: true } : {})], ctx)], widths[1]!, thin, 'bottom'),
      cell([new Paragraph({ style: STYLE.symbol, children: symbolRuns(symbol) })], widths[2]!, thin, 'bottom'),
    ],
  });
  const row2 = new TableRow({
    height: { value: 2900, rule: HeightRule.ATLEAST },
    children: [
      // The UN emblem's place: left empty (its use is restricted; the Secretariat adds it).
      cell([new Paragraph({ style: STYLE.emblem })], widths[0]!, heavy, 'top'),
      cell([para(STYLE.organ, [text(w.organ, rtl ? { rightToLeft: true } : {})], ctx)], widths[1]!, heavy, 'top'),
      cell(distrParas, widths[2]!, heavy, 'top'),
    ],
  });
  return new Table({
    rows: [row1, row2],
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    indent: { size: -OUT_LEFT, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    ...(rtl ? { visuallyRightToLeft: true } : {}),
  });
}

/** Session, committee (drafts of a Main Committee), agenda item(s) and their titles. */
function sessionBlock(layout: DocumentLayout, ctx: RunContext): Paragraph[] {
  const meta = layout.meta;
  const w = layout.words;
  const rtl = ctx.lang === 'ar' ? { rightToLeft: true } : {};
  const out: Paragraph[] = [];
  if (layout.session) out.push(para(STYLE.session, [text(layout.session, rtl)], ctx));
  if (layout.isDraft && w.committee) out.push(para(STYLE.committee, [text(w.committee, rtl)], ctx));
  const items = meta.agendaItems.filter((a) => a.number || a.title);
  const numbers = items.map((a) => a.number).filter(Boolean);
  if (numbers.length) out.push(para(STYLE.agenda, [text(w.agendaItems(numbers), rtl)], ctx));
  for (const a of items) if (a.title) out.push(para(STYLE.itemTitle, [text(a.title, rtl)], ctx));
  return out;
}

const AND: Record<Language, string> = { en: ' and ', fr: ' et ', es: ' y ', ru: ' и ', ar: ' و', zh: '和' };
const LIST_SEP: Record<Language, string> = { en: ', ', fr: ', ', es: ', ', ru: ', ', ar: '، ', zh: '、' };

/** "Italy and Turkmenistan:" in the document's language. */
function sponsorList(sponsors: readonly string[], lang: Language): string {
  const names = sponsors.filter(Boolean);
  const list = names.length <= 1 ? names.join('') : names.slice(0, -1).join(LIST_SEP[lang]) + AND[lang] + names[names.length - 1]!;
  return list + sponsorColon(lang);
}

/** Star footnote id (after the numbered ones) when the draft has a sponsor note. */
interface Star {
  id: number;
  note: string;
}

/** The sponsor line of a draft ("Italy and Turkmenistan:* draft resolution") or the bureau line. */
function sponsorLine(layout: DocumentLayout, ctx: RunContext, star: Star | null): Paragraph {
  const meta = layout.meta;
  const w = layout.words;
  const rtl = ctx.lang === 'ar' ? { rightToLeft: true } : {};
  const mark = star ? [new TextRun({ style: 'FootnoteReference', children: [footnoteReference(star.id, true), '*'] })] : [];
  if (meta.bureauLine) return para(STYLE.sponsors, [text(meta.bureauLine, rtl), ...mark], ctx);
  const list = meta.sponsors.length ? sponsorList(meta.sponsors, ctx.lang) : `[${w.sponsorsPlaceholder}]${sponsorColon(ctx.lang)}`;
  const space = ctx.lang === 'zh' ? '' : ' ';
  // As printed: "draft decision", "amendment to draft resolution A/80/L.18", "revised draft resolution".
  const end = meta.sponsorLineEnd?.trim() || draftResolutionWords(meta, w);
  return para(STYLE.sponsors, [text(list, rtl), ...mark, text(space + end, rtl)], ctx);
}

/** The title paragraph; for adopted resolutions with its number hanging in the margin ("79/200."). */
function titleParagraph(layout: DocumentLayout, ctx: RunContext, titleChildren: ParagraphChild[]): Paragraph {
  if (!layout.titleNumber) return para(STYLE.title, titleChildren, ctx);
  const number = ctx.lang === 'ar' ? `${layout.titleNumber} -` : `${layout.titleNumber}.`;
  return para(STYLE.title, [new TextRun({ children: [new Tab(), number, new Tab()], ...(ctx.lang === 'ar' ? { rightToLeft: true } : {}) }), ...titleChildren], ctx, {
    indent: { left: 0, hanging: OUT_LEFT },
    // Number right-aligned 12.5 pt before the column, title at the column edge.
    tabStops: [
      { type: TabStopType.RIGHT, position: -250 },
      { type: TabStopType.LEFT, position: 0 },
    ],
  });
}

/** The heading block between the masthead block and the formula. */
function headingBlock(layout: DocumentLayout, ctx: RunContext, star: Star | null, titleChildren: ParagraphChild[]): Paragraph[] {
  const w = layout.words;
  const meta = layout.meta;
  const rtl = ctx.lang === 'ar' ? { rightToLeft: true } : {};
  const out: Paragraph[] = [];
  if (layout.isDraft) {
    out.push(sponsorLine(layout, ctx, star));
    out.push(titleParagraph(layout, ctx, titleChildren));
    return out;
  }
  const heading: TextRun[] = [text(w.adoptedBy, rtl)];
  if (layout.adoptionDate) heading.push(new TextRun({ text: w.on(layout.adoptionDate), break: 1, ...rtl }));
  out.push(para(STYLE.adopted, heading, ctx));
  if (meta.basis) {
    const b = meta.basis.trim();
    const bracketed = /^[[(]/.test(b);
    out.push(
      para(
        STYLE.basis,
        bracketed ? [text(b, { italics: true, ...rtl })] : [text('[', rtl), text(b, { italics: true, ...rtl }), text(']', rtl)],
        ctx,
      ),
    );
  }
  out.push(titleParagraph(layout, ctx, titleChildren));
  return out;
}

/** "The General Assembly," — the words italic, the punctuation roman. */
function formulaParagraph(layout: DocumentLayout, ctx: RunContext): Paragraph {
  const rtl = ctx.lang === 'ar' ? { rightToLeft: true } : {};
  const children: TextRun[] = [text(layout.formula.words, { italics: true, ...rtl })];
  if (layout.formula.punctuation) children.push(text(layout.formula.punctuation, rtl));
  return para(STYLE.formula, children, ctx);
}

/** "54th plenary meeting" / "19 December 2024", italic, right-aligned (adopted resolutions only). */
function closingBlock(layout: DocumentLayout, ctx: RunContext): Paragraph[] {
  if (layout.isDraft) return [];
  const meta = layout.meta;
  const rtl = ctx.lang === 'ar' ? { rightToLeft: true } : {};
  const lines = [meta.meeting, layout.adoptionDate].filter(Boolean);
  if (!lines.length) return [];
  return [para(STYLE.closing, lines.map((l, i) => new TextRun({ text: l, ...(i > 0 ? { break: 1 } : {}), ...rtl })), ctx)];
}

function annexHeading(heading: string, title: string, ctx: RunContext): Paragraph[] {
  const rtl = ctx.lang === 'ar' ? { rightToLeft: true } : {};
  const out: Paragraph[] = [];
  if (heading) out.push(para(STYLE.annexHeading, [text(heading, rtl)], ctx));
  if (title) out.push(para(STYLE.annexTitle, [text(title, rtl)], ctx));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Page furniture.

function pageOfPages(): TextRun {
  return new TextRun({ children: [PageNumber.CURRENT, '/', PageNumber.TOTAL_PAGES], bold: true, size: 17 });
}

function runningHead(layout: DocumentLayout, side: 'odd' | 'even', opts: DocxOptions): Header {
  const meta = layout.meta;
  const symbolText = meta.symbol || `[${layout.words.symbolPlaceholder}]`;
  const head = layout.isDraft ? '' : runningHeadTitle(opts.shortTitle ?? meta.title, symbolText);
  const title = head ? text(head, layout.lang === 'ar' ? { rightToLeft: true } : {}) : null;
  const symbol = text(symbolText);
  // The symbol goes on the outer side: left on even pages, right on odd pages.
  const children: ParagraphChild[] =
    side === 'even' ? [symbol, ...(title ? [new TextRun({ children: [new Tab()] }), title] : [])] : [...(title ? [title] : []), new TextRun({ children: [new Tab()] }), symbol];
  return new Header({ children: [new Paragraph({ style: STYLE.runningHead, children })] });
}

function jobShort(opts: DocxOptions): string {
  return opts.jobNumber?.trim().split(/\s+/)[0] || '[job number]';
}

function runningFoot(side: 'odd' | 'even', opts: DocxOptions): Footer {
  const job = text(jobShort(opts));
  const tab = new TextRun({ children: [new Tab()] });
  const children: ParagraphChild[] = side === 'even' ? [pageOfPages(), tab, job] : [job, tab, pageOfPages()];
  return new Footer({ children: [new Paragraph({ style: STYLE.runningFoot, children })] });
}

/**
 * The space above page 1's foot, in twips: the Secretariat's page-1 footer (job number, barcode,
 * QR code, "Please recycle") stands so high that the text and notes of page 1 end at 705.6 pt
 * (33 of the 39 official PDFs), 29 pt above pages 2+. Word and LibreOffice end the text where a
 * taller footer begins, so the foot is made as tall as the UN's.
 */
export const FIRST_FOOT_SPACE = 600;

/** Page 1's foot: the job number and a marked place for the barcode, both assigned by the Secretariat. */
function firstFoot(opts: DocxOptions): Footer {
  const box: IBorderOptions = { style: BorderStyle.DASHED, size: 4, color: 'auto', space: 1 };
  return new Footer({
    children: [
      new Paragraph({ style: STYLE.firstFoot, spacing: { before: FIRST_FOOT_SPACE }, children: [text(opts.jobNumber?.trim() || '[job number]')] }),
      new Paragraph({
        style: STYLE.firstFoot,
        indent: { left: -OUT_LEFT + 106, right: COLUMN + OUT_LEFT - 106 - 2000 },
        border: { top: box, bottom: box, left: box, right: box },
        children: [text('[barcode]', { size: 14 })],
      }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// Assembly.

/** The parts of the body that vary between a plain and a tracked export. */
interface BodyParts {
  /** Preambular and operative paragraphs, headings. */
  main: (Paragraph | Table)[];
  /** Paragraphs, headings and tables of each annex, in layout order. */
  annexes: (Paragraph | Table)[][];
  /** Children of the title paragraph (after the hanging number). */
  title: ParagraphChild[];
  /** Content of each numbered footnote, by number. */
  footnotes: Map<number, ParagraphChild[]>;
  /** Word comments (paragraph notes), for the tracked export (docx-tracked.ts). */
  comments?: ICommentOptions[];
}

function plainParts(layout: DocumentLayout, ctx: RunContext): BodyParts {
  const meta = layout.meta;
  const rtl = ctx.lang === 'ar' ? { rightToLeft: true } : {};
  return {
    main: layout.paragraphs.filter((p) => printed(p, layout)).map((p) => plainParagraph(p, ctx)),
    annexes: layout.annexes.map((a) => a.paragraphs.filter((p) => printed(p, layout)).map((p) => plainParagraph(p, ctx))),
    title: [text(meta.title || `[${layout.words.titlePlaceholder}]`, rtl)],
    footnotes: new Map(layout.footnotes.map((f) => [f.number, [text(f.text, rtl)]])),
  };
}

function footnoteParagraph(children: ParagraphChild[], ctx: RunContext): Paragraph {
  // Word puts the footnote's own mark first; the tab takes the text to the hanging indent.
  return para(STYLE.footnote, [new TextRun({ children: [new Tab()] }), ...children], ctx);
}

function assemble(layout: DocumentLayout, opts: DocxOptions, parts: BodyParts, trackRevisions: boolean): Document {
  const ctx = contextOf(layout);
  const paper = PAPER[opts.paper ?? 'letter'];
  const meta = layout.meta;
  // Footnote ids follow the order of the references (LibreOffice pairs notes with references by
  // order): the sponsor note, which comes first, is id 1; numbered note n is id n + offset.
  const star: Star | null = hasStar(layout) ? { id: 1, note: meta.sponsorNote.trim() } : null;

  const children: (Paragraph | Table)[] = [
    ...sessionBlock(layout, ctx),
    ...headingBlock(layout, ctx, star, parts.title),
    formulaParagraph(layout, ctx),
    ...parts.main,
    ...closingBlock(layout, ctx),
  ];
  layout.annexes.forEach((a, i) => {
    children.push(...annexHeading(a.heading, a.title, ctx), ...(parts.annexes[i] ?? []));
  });
  children.push(new Paragraph({ style: STYLE.endRule }));


  const doc = new Document({
    title: meta.title || meta.symbol,
    subject: meta.symbol,
    creator: 'Plenary',
    description: layout.isDraft ? `${meta.symbol} (${layout.words.draftResolution})` : meta.symbol,
    evenAndOddHeaderAndFooters: true,
    ...(trackRevisions ? { features: { trackRevisions: true } } : {}),
    ...(parts.comments?.length ? { comments: { children: parts.comments } } : {}),
    styles: {
      default: {
        document: {
          run: {
            font: fontFor(layout.lang),
            size: 20,
            language: { value: LANG_TAG[layout.lang], eastAsia: 'zh-CN', bidirectional: 'ar-SA' },
          },
        },
        footnoteReference: { run: { superScript: true } },
      },
      paragraphStyles: unStyles(layout.lang),
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: paper.width, height: paper.height },
            margin: { ...MARGIN, left: paper.left, right: paper.right, gutter: 0 },
          },
        },
        headers: {
          first: new Header({ children: [masthead(layout, ctx), new Paragraph({ style: STYLE.normal, spacing: { line: 20, lineRule: LineRuleType.EXACT } })] }),
          default: runningHead(layout, 'odd', opts),
          even: runningHead(layout, 'even', opts),
        },
        footers: {
          first: firstFoot(opts),
          default: runningFoot('odd', opts),
          even: runningFoot('even', opts),
        },
        children,
      },
    ],
  });

  const notes = doc.FootNotes.View;
  wordSeparators(notes);
  if (star) {
    // A custom-mark footnote: its body starts with the mark itself, not with Word's number.
    const rtl = ctx.lang === 'ar' ? { rightToLeft: true } : {};
    const body = para(STYLE.footnote, [new TextRun({ style: 'FootnoteReference', text: '*' }), new TextRun({ children: [new Tab()] }), text(star.note, rtl)], ctx);
    notes.addChildElement(new BuilderElement({ name: 'w:footnote', attributes: { id: { key: 'w:id', value: star.id } }, children: [body] }));
  }
  for (const f of layout.footnotes) notes.createFootNote(f.number + ctx.footnoteOffset, [footnoteParagraph(parts.footnotes.get(f.number) ?? [], ctx)]);
  return doc;
}

/**
 * Replaces the docx package's separator footnotes (ids -1 and 0) with Word's own: a paragraph
 * holding only the separator (or continuation separator) mark. The package also puts a
 * footnote-number run (w:footnoteRef) in them, which no Word file has and which Word can report
 * as damage. (The Secretariat's separator is 18 underscores at 8 pt from 99.6 pt; LibreOffice
 * draws no separator at all for a typed one, so the file keeps Word's drawn line.)
 */
function wordSeparators(notes: FootNotes): void {
  const root = (notes as unknown as { root: unknown[] }).root;
  const special = (id: -1 | 0): BuilderElement => {
    const type = id === -1 ? 'separator' : 'continuationSeparator';
    return new BuilderElement({
      name: 'w:footnote',
      attributes: { type: { key: 'w:type', value: type }, id: { key: 'w:id', value: id } },
      children: [new Paragraph({ spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO }, children: [new TextRun({ children: [id === -1 ? new Separator() : new ContinuationSeparator()] })] })],
    });
  };
  // The package's constructor puts them right after the namespace attributes, separator first.
  root.splice(1, 2, special(-1), special(0));
}

/** The Word document of a resolution or draft, in the UN format (see the module comment). */
export function buildDocx(doc: ResolutionDocument, opts: DocxOptions = {}): Document {
  const layout = layoutDocument(doc);
  return assemble(layout, opts, plainParts(layout, contextOf(layout)), false);
}

/** The bytes of a Word document (a .docx file), in Node and in the browser. */
export async function packDocx(document: Document): Promise<Uint8Array> {
  return Packer.pack(document, 'uint8array');
}

/** The .docx file of a resolution or draft, as bytes. */
export async function docxBytes(doc: ResolutionDocument, opts: DocxOptions = {}): Promise<Uint8Array> {
  return packDocx(buildDocx(doc, opts));
}

// ---------------------------------------------------------------------------------------------
// Tracked changes.

/** Character cursor over runs: a footnote reference counts as one character (U+FFFC). */
class RunCursor {
  private i = 0;
  private offset = 0;
  constructor(private readonly runs: readonly LayoutRun[]) {}

  /** The next `n` characters as runs (split where needed). */
  take(n: number): LayoutRun[] {
    const out: LayoutRun[] = [];
    while (n > 0 && this.i < this.runs.length) {
      const r = this.runs[this.i]!;
      if (r.footnote !== undefined) {
        out.push(r);
        n -= 1;
        this.i++;
        continue;
      }
      const rest = r.text.length - this.offset;
      if (rest <= 0) {
        this.i++;
        this.offset = 0;
        continue;
      }
      const k = Math.min(rest, n);
      out.push({ ...r, text: r.text.slice(this.offset, this.offset + k) });
      n -= k;
      this.offset += k;
      if (this.offset >= r.text.length) {
        this.i++;
        this.offset = 0;
      }
    }
    return out;
  }
}

const FN = '\uFFFC';

function diffText(runs: readonly LayoutRun[]): string {
  return runs.map((r) => (r.footnote !== undefined ? FN : r.text)).join('');
}

/**
 * Runs of `current` with the word-level changes from `base` as tracked insertions and deletions
 * (formatting as in `current`; deleted text as it was in `base`).
 */
export function trackedRuns(base: readonly LayoutRun[], current: readonly LayoutRun[], ctx: RunContext, rev: Omit<Revision, 'kind'>): ParagraphChild[] {
  const ops = wordDiff(diffText(base), diffText(current), { semantic: true });
  const b = new RunCursor(base);
  const c = new RunCursor(current);
  const out: ParagraphChild[] = [];
  for (const op of ops) {
    const n = op.text.length;
    if (op.op === 'eq') {
      b.take(n);
      out.push(...runsToDocx(c.take(n), ctx));
    } else if (op.op === 'ins') out.push(...runsToDocx(c.take(n), ctx, { ...rev, kind: 'ins' }));
    else out.push(...runsToDocx(b.take(n), ctx, { ...rev, kind: 'del' }));
  }
  return out;
}

function sameRuns(a: readonly LayoutRun[], b: readonly LayoutRun[]): boolean {
  return diffText(a) === diffText(b);
}

/**
 * The paragraphs of `current` in order, with the paragraphs of `base` that are gone inserted
 * after the last paragraph before them that survives (by id), or first.
 */
function mergeById(base: readonly LayoutParagraph[], current: readonly LayoutParagraph[]): { p: LayoutParagraph; from: 'both' | 'base' | 'current'; old?: LayoutParagraph }[] {
  const inCurrent = new Set(current.map((p) => p.id));
  const baseById = new Map(base.map((p) => [p.id, p]));
  const after = new Map<string, LayoutParagraph[]>();
  const leading: LayoutParagraph[] = [];
  let anchor: string | null = null;
  for (const p of base) {
    if (inCurrent.has(p.id)) anchor = p.id;
    else if (anchor === null) leading.push(p);
    else {
      const list = after.get(anchor) ?? [];
      list.push(p);
      after.set(anchor, list);
    }
  }
  const out: { p: LayoutParagraph; from: 'both' | 'base' | 'current'; old?: LayoutParagraph }[] = leading.map((p) => ({ p, from: 'base' as const }));
  for (const p of current) {
    const old = baseById.get(p.id);
    out.push(old ? { p, from: 'both', old } : { p, from: 'current' });
    for (const d of after.get(p.id) ?? []) out.push({ p: d, from: 'base' });
  }
  return out;
}

function trackedParagraphs(base: readonly LayoutParagraph[], current: readonly LayoutParagraph[], ctx: RunContext, rev: Omit<Revision, 'kind'>, layout: DocumentLayout): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const m of mergeById(base, current)) {
    if (m.from === 'base') {
      if (!m.p.deleted) out.push(bodyParagraph(m.p, ctx, runsToDocx(m.p.runs, ctx, { ...rev, kind: 'del' }), { rev: { ...rev, kind: 'del' } }));
    } else if (m.from === 'current') {
      if (printed(m.p, layout)) out.push(bodyParagraph(m.p, ctx, runsToDocx(m.p.runs, ctx, { ...rev, kind: 'ins' }), { rev: { ...rev, kind: 'ins' } }));
    } else if (!printed(m.p, layout)) {
      // Deleted in negotiation since the base: a tracked deletion of the old text.
      if (!m.old!.deleted) out.push(bodyParagraph(m.old!, ctx, runsToDocx(m.old!.runs, ctx, { ...rev, kind: 'del' }), { rev: { ...rev, kind: 'del' } }));
    } else if (sameRuns(m.old!.runs, m.p.runs)) out.push(plainParagraph(m.p, ctx));
    else out.push(bodyParagraph(m.p, ctx, trackedRuns(m.old!.runs, m.p.runs, ctx, rev)));
  }
  return out;
}

/** Word's form of a revision date: ISO 8601 to the second, in UTC. */
function wordDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The Word document of `current` with its changes against `base` shown as tracked changes
 * (un-format.md §2: a draft based on an earlier text is submitted with Track Changes).
 * Paragraphs are matched by id: new paragraphs are whole-paragraph insertions, removed ones
 * whole-paragraph deletions (at their old place), changed ones carry word-level insertions and
 * deletions. The title and footnote texts are compared too; the masthead shows `current` as it is.
 * Track Changes stays on in the file, so further edits in Word are tracked as well.
 */
export function buildTrackedDocx(base: ResolutionDocument, current: ResolutionDocument, opts: TrackedDocxOptions): Document {
  const b = layoutDocument(base);
  const c = layoutDocument(current);
  const ctx = contextOf(c);
  let nextId = 1;
  const rev = { author: opts.author, date: wordDate(opts.date), nextId: () => nextId++ };
  const parts = plainParts(c, ctx);
  parts.main = trackedParagraphs(b.paragraphs, c.paragraphs, ctx, rev, c);
  const baseAnnexParas = b.annexes.flatMap((a) => a.paragraphs);
  const currentIds = new Set(c.annexes.flatMap((a) => a.paragraphs.map((p) => p.id)));
  parts.annexes = c.annexes.map((a, i) => {
    // Base annex paragraphs still present, or gone but belonging to the annex with the same id.
    const baseAnnex = b.annexes.find((x) => x.id === a.id);
    const relevant = baseAnnexParas.filter((p) => a.paragraphs.some((q) => q.id === p.id) || (!currentIds.has(p.id) && baseAnnex?.paragraphs.includes(p)));
    return trackedParagraphs(relevant, c.annexes[i]!.paragraphs, ctx, rev, c);
  });
  if (b.meta.title !== c.meta.title && c.meta.title) parts.title = trackedRuns([{ text: b.meta.title }], [{ text: c.meta.title }], ctx, rev);
  const baseNotes = new Map(b.footnotes.map((f) => [f.id, f.text]));
  for (const f of c.footnotes) {
    const old = baseNotes.get(f.id);
    if (old === undefined) parts.footnotes.set(f.number, runsToDocx([{ text: f.text }], ctx, { ...rev, kind: 'ins' }));
    else if (old !== f.text) parts.footnotes.set(f.number, trackedRuns([{ text: old }], [{ text: f.text }], ctx, rev));
  }
  return assemble(c, opts, parts, true);
}
