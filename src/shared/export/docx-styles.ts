/**
 * The Word exporter's page geometry and named "UN …" paragraph styles (un-format.md §3), and its
 * options. Split from docx.ts; docx.ts re-exports what is public.
 */
import { AlignmentType, BorderStyle, LineRuleType, type IParagraphStyleOptions } from 'docx';
import type { Language } from '../resolution/model.js';

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
export const COLUMN = 7304;
/** How far the masthead and running heads reach beyond the column: to 60 pt and to 552 pt. */
export const OUT_LEFT = 1268;
/** How far the masthead and running heads reach beyond the column on the right (to 552 pt). */
export const OUT_RIGHT = 1268;
/**
 * Width of the masthead's session block (session, committee, agenda item and its title): 4 in
 * (288 pt) from 60 pt, so to 348 pt. The official agenda-item titles, set by Word, reach 346.3 pt
 * (A/RES/79/134; 343.8–346.2 pt in six drafts of drafts-80), so Word's block cannot end sooner.
 * With Word's letter widths (nominal + 0.32 pt, the PDF export's measured model) this width gives
 * the official line count for 80 of the 83 one-item agenda titles of both corpora, the former
 * 327.6 pt for 71. (LibreOffice sets letters at their nominal widths and wraps less: 74 against
 * 80 before; the file is made for Word.)
 */
export const SESSION_BLOCK = 5760;
/** The session block's right indent, from the column's right edge (488.6 pt) back to 348 pt. */
const SESSION_RIGHT = COLUMN + OUT_LEFT - SESSION_BLOCK;
/** One indent step (23.7 pt) and the text position of an operative paragraph (47.5 pt). */
export const STEP = 474;
/** Where the text of an operative paragraph starts after its number (47.5 pt). */
const TEXT = 950;
/** Block indents of subparagraph levels 1–4 and where their text starts after the label. */
export const LEVEL_BLOCK = [0, 0, STEP, TEXT, 1424] as const;
/** Where the text of subparagraph levels 1–4 starts after the label. */
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
export const MARGIN = { top: 1453, bottom: 1151, header: 780, footer: 680 } as const;

/** The East Asian font of Chinese documents, and the one that sets off Chinese opening phrases (UNVERIFIED: KaiTi vs italic). */
const ZH_FONT = 'SimSun';
/** The font that sets off Chinese opening phrases (UNVERIFIED: KaiTi vs italic). */
export const ZH_PHRASE_FONT = 'KaiTi';
const FONT = 'Times New Roman';

/** The language tag Word is given for each document language. */
export const LANG_TAG: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ru: 'ru-RU', ar: 'ar-SA', zh: 'zh-CN' };

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
  tableText: 'UNTableText',
  tableHeading: 'UNTableHeading',
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
    // Masthead: the block under the heavy rule, from 60 pt to 348 pt (SESSION_BLOCK).
    style(STYLE.session, 'UN Masthead Session', STYLE.normal, { indent: { left: -OUT_LEFT, right: SESSION_RIGHT } }, { bold: true }),
    style(STYLE.committee, 'UN Masthead Committee', STYLE.normal, { indent: { left: -OUT_LEFT, right: SESSION_RIGHT }, spacing: exact(14) }, { bold: true, size: 24 }),
    style(STYLE.agenda, 'UN Masthead Agenda Item', STYLE.normal, { indent: { left: -OUT_LEFT, right: SESSION_RIGHT } }),
    style(STYLE.itemTitle, 'UN Masthead Item Title', STYLE.normal, { indent: { left: -OUT_LEFT, right: SESSION_RIGHT }, keepNext: true }, { bold: true }),
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
    // Tables: 8.5 pt on 10.5 pt with 2 pt above and 1.5 pt below, a one-line row 14 pt as in the
    // official tables (A/RES/78/252 annex: 14.0 pt, 78/253: 14.5 pt, words 8.5 pt).
    style(STYLE.tableText, 'UN Table Text', STYLE.normal, { spacing: exact(10.5, 30, 40) }, { size: 17 }),
    // Column headings: italic 7 pt on 8 pt, 4 pt above and below, between the rules (docx-table.ts).
    style(STYLE.tableHeading, 'UN Table Heading', STYLE.tableText, { spacing: exact(8, 80, 80) }, { size: 14, italics: true }),
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

/** The body font of a document in `lang` (SimSun for East Asian text in Chinese). */
export function fontFor(lang: Language) {
  return { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: lang === 'zh' ? ZH_FONT : FONT };
}
