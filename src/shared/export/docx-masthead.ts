/**
 * The Word exporter's masthead (first-page header table), session and agenda block, heading block
 * (resolution heading or sponsor line, title), formula, closing block, annex headings, and the page
 * furniture (running heads and feet, page-1 foot). Split from docx.ts; docx.ts re-exports what is public.
 */
import {
  BorderStyle,
  Footer,
  Header,
  HeightRule,
  PageNumber,
  Paragraph,
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
  type ParagraphChild,
} from 'docx';
import { footnoteReference, makeRun, markOf, para, text, type Revision, type RunContext } from './docx-body.js';
import { COLUMN, OUT_LEFT, OUT_RIGHT, STYLE, type DocxOptions } from './docx-styles.js';
import { runningHeadTitle, type DocumentLayout } from './layout.js';
import { afterSponsorColon, draftResolutionWords, sponsorColon, sponsorList } from './wording.js';

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
export function masthead(layout: DocumentLayout, ctx: RunContext): Table {
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
export function sessionBlock(layout: DocumentLayout, ctx: RunContext): Paragraph[] {
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

/** Star footnote id (after the numbered ones) when the draft has a sponsor note. */
export interface Star {
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
  // As printed: "draft decision", "amendment to draft resolution A/80/L.18", "revised draft resolution".
  const end = meta.sponsorLineEnd?.trim() || draftResolutionWords(meta, w);
  return para(STYLE.sponsors, [text(list, rtl), ...mark, text(afterSponsorColon(ctx.lang) + end, rtl)], ctx);
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
export function headingBlock(layout: DocumentLayout, ctx: RunContext, star: Star | null, titleChildren: ParagraphChild[]): Paragraph[] {
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

/** "The General Assembly," — the words italic, the punctuation roman; `f` a resolution's own (default the document's). */
export function formulaParagraph(layout: DocumentLayout, ctx: RunContext, f: { words: string; punctuation: string; rev?: Revision } = layout.formula): Paragraph {
  const rtl = ctx.lang === 'ar' ? { rightToLeft: true } : {};
  // A resolution heading inserted or deleted whole (tracked export) takes its formula with it.
  const children: ParagraphChild[] = [makeRun({ text: f.words, italics: true, ...rtl }, f.rev)];
  if (f.punctuation) children.push(makeRun({ text: f.punctuation, ...rtl }, f.rev));
  return para(STYLE.formula, children, ctx, markOf(f.rev));
}

/** "54th plenary meeting" / "19 December 2024", italic, right-aligned (adopted resolutions only). */
export function closingBlock(layout: DocumentLayout, ctx: RunContext): Paragraph[] {
  if (layout.isDraft) return [];
  const meta = layout.meta;
  const rtl = ctx.lang === 'ar' ? { rightToLeft: true } : {};
  const lines = [meta.meeting, layout.adoptionDate].filter(Boolean);
  if (!lines.length) return [];
  return [para(STYLE.closing, lines.map((l, i) => new TextRun({ text: l, ...(i > 0 ? { break: 1 } : {}), ...rtl })), ctx)];
}

export function annexHeading(heading: string, title: string, ctx: RunContext): Paragraph[] {
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

export function runningHead(layout: DocumentLayout, side: 'odd' | 'even', opts: DocxOptions): Header {
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

export function runningFoot(side: 'odd' | 'even', opts: DocxOptions): Footer {
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
export function firstFoot(opts: DocxOptions): Footer {
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
