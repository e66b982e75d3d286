/**
 * HTML export: one self-contained, accessible HTML5 file (no external resources: inline style,
 * no scripts, no images, no web fonts) that reads well on screen and prints like the UN document
 * through Chromium's paged media (un-format.md §1–§4):
 *
 * - `@page` of US Letter (New York) or A4, margins that put the masthead and running heads at
 *   60–552 pt from the left edge and the text column at 123.4–491 pt, as measured on the UN PDFs;
 * - page 1: masthead ("United Nations", the symbol with its first element large, "General
 *   Assembly" beside a blank place for the UN emblem — the emblem itself is never reproduced,
 *   its use is restricted —, "Distr.", date, "Original", heavy rule, session, committee, agenda
 *   items), then "Resolution adopted by …" or the sponsor or bureau line of a draft, the basis
 *   line, the title with its number hanging in the margin, the formula, the paragraphs, the
 *   closing meeting block (right-aligned, italic), the annexes and an end rule; at the foot of
 *   page 1, blank places for the job number and the barcode, which the Secretariat assigns;
 * - from page 2, running heads in the page-margin boxes (Chromium 131 and later): bold 8.5 pt,
 *   the symbol (drafts) or the symbol and the title (resolutions), mirrored on even and odd pages,
 *   and the page "2/5" on the outer side of the foot;
 * - Times New Roman 10/12 pt, 6 pt after each paragraph, justified; first-line indents of
 *   23.7 pt; an operative number then the text at 47.5 pt; subparagraphs (i) as a block at
 *   23.7 pt; only the opening phrase in italics.
 *
 * Fonts are a CSS stack decided here, never at run time (see {@link HTML_FONT_STACKS} and
 * {@link fontNote}): Times New Roman, then Liberation Serif, which has the same metrics, so the
 * lines break as in Word where Times New Roman is not installed.
 *
 * Footnotes: Chromium's CSS has no page-bottom footnotes (no `float: footnote`), so the notes
 * are numbered references in the text and one list at the end of the document, each with a link
 * back to its reference; in print they stand after the text, above the end rule.
 */
import { headingLines } from './heading-lines.js';
import { DRAFT_TOP_PT, draftResolutionLetterCss, numbersAtColumnEdge } from './draft-print.js';
import { layoutDocument, opensWithResolution, runningHeadTitle, type DocumentLayout, type LayoutAnnex, type LayoutParagraph, type LayoutRun } from './layout.js';
import { adoptedHeading, closingLines, letterMark, sponsorLine, titleNumberLabel, unreferencedFootnotes } from './wording.js';
import { crossRefTargets } from './akn.js';
import { boldLines, sponsorLinePieces, tiedHyphenPieces, tieSpaces } from './typeset.js';
import { inlineText, type Language, type ResolutionDocument } from '../resolution/model.js';

/** Options of {@link exportHtml}. */
export interface HtmlExportOptions {
  /** Paper size for print: 'letter' (New York, the default) or 'a4' (Geneva). */
  paper?: 'letter' | 'a4';
  /**
   * True when the HTML is made only to be printed (to PDF): the on-screen look (grey desk, sheet
   * with a shadow) is left out. Print rules are always included.
   */
  forPrint?: boolean;
}

/**
 * The font stacks of the export, per language: the UN's fonts first, then metric-compatible or
 * commonly installed substitutes. Latin and Cyrillic text: Times New Roman, then Liberation Serif
 * (same metrics), Tinos (the same design), Times. Arabic: Simplified Arabic, as UN Arabic
 * documents, then Traditional Arabic and the free Naskh faces. Chinese: Times New Roman for the
 * Latin characters and SimSun (宋体) for the ideographs, as UN Chinese documents, then the free
 * Song faces.
 */
export const HTML_FONT_STACKS: Readonly<Record<Language, string>> = {
  en: '"Times New Roman", "Liberation Serif", Tinos, Times, serif',
  fr: '"Times New Roman", "Liberation Serif", Tinos, Times, serif',
  es: '"Times New Roman", "Liberation Serif", Tinos, Times, serif',
  ru: '"Times New Roman", "Liberation Serif", Tinos, Times, serif',
  ar: '"Simplified Arabic", "Traditional Arabic", "Times New Roman", "Noto Naskh Arabic", Amiri, "Liberation Serif", serif',
  zh: '"Times New Roman", SimSun, "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", "Liberation Serif", serif',
};

/**
 * A sentence for the user about the fonts the export asks for in `lang` (shown next to the
 * export command, and written into the HTML as a comment): the fonts are a CSS stack, so the
 * printer uses the first one installed.
 */
export function fontNote(lang: Language): string {
  switch (lang) {
    case 'ar':
      return 'Printed in Simplified Arabic as UN Arabic documents are; where it is not installed, Traditional Arabic, Noto Naskh Arabic or Amiri is used, so line breaks may differ from the UN print.';
    case 'zh':
      return 'Printed in SimSun (宋体) with Times New Roman for Latin characters, as UN Chinese documents are; where SimSun is not installed, Songti SC, Noto Serif CJK SC or Source Han Serif SC is used, so line breaks may differ from the UN print.';
    default:
      return 'Printed in Times New Roman, as UN documents are; where it is not installed, Liberation Serif, which has the same letter widths, is used, so the lines break as in the UN print.';
  }
}

const NOTES_HEADING: Readonly<Record<Language, string>> = {
  en: 'Notes',
  fr: 'Notes',
  es: 'Notas',
  ru: 'Примечания',
  ar: 'الحواشي',
  zh: '注',
};

const BACK_LABEL: Readonly<Record<Language, string>> = {
  en: 'Back to the text',
  fr: 'Retour au texte',
  es: 'Volver al texto',
  ru: 'Вернуться к тексту',
  ar: 'العودة إلى النص',
  zh: '返回正文',
};

/**
 * The extra space after each letter of 10 pt text that gives Word's advance widths (see the
 * stylesheet): lines then break where the UN's do. Pinned by a test, with the column width.
 */
export const BODY_LETTER_SPACING = '0.024em';
/**
 * The same for the 8.5 pt notes: 0.043 em (0.37 pt a letter). Word's small sizes are set relatively
 * wider (as its 12 pt bold, 0.34 pt): over the 222 line breaks inside notes of both corpora's
 * official PDFs, a note line fits where Word's does (the line fits the column in Chromium, the line
 * and the next word do not) for 0.53 of them at the 0.028 em used before and 0.81 at 0.041–0.043 em
 * (scripts/fidelity/note-fit.ts; the 98 of them that end within 19 pt of the column's edge fit best
 * at 0.038 em, 0.84, and 0.76 at 0.043 em). At 0.028 em the notes took fewer lines than the official's.
 */
export const NOTE_LETTER_SPACING = '0.043em';
/** The same for the 12 pt bold title, in points (measured: see the stylesheet). */
export const TITLE_LETTER_SPACING_PT = 0.34;
/** The title's spacing when it is set tighter to spare a lone last word (see {@link titleClass}). */
const TITLE_TIGHT_SPACING_PT = 0.24;
/** Space above the title of a text quoted in the body (see the stylesheet), measured on A/RES/79/1. */
const IN_BODY_TITLE_TOP_PT = 17;
/** Width of the text column in points (123.4 pt to 488.9 pt on the page). */
const TEXT_COLUMN_PT = 365.5;

/**
 * The class of the title's `h1`: "title", or "title tight" when set at its usual spacing the
 * title would end with one word alone on its last line and set 0.1 pt a character tighter it
 * takes a line fewer. The UN's editors never leave a title's last word alone (no official title of
 * the 85 PDFs of both corpora ends so, one-word titles aside); where a little tightening saves the
 * line they tighten it: A/RES/78/228, 78/247 and A/C.2/80/L.59 print one line at 0.24 pt a character
 * where the other titles take 0.34 pt. Widths are the font's own ({@link boldLines}).
 */
export function titleClass(title: string): string {
  const lines = boldLines(title, 12, TITLE_LETTER_SPACING_PT, TEXT_COLUMN_PT);
  const lone = lines.length > 1 && !/\s/.test(lines[lines.length - 1]!);
  return lone && boldLines(title, 12, TITLE_TIGHT_SPACING_PT, TEXT_COLUMN_PT).length < lines.length ? 'title tight' : 'title';
}

/** Escapes text for HTML content and double-quoted attributes (the only kind written here). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/**
 * `text` as HTML content (escaped), with the pieces the UN never breaks across lines (a "non-"
 * word, see typeset.ts) each in a `span.nobr`; the characters are unchanged.
 */
function lineHtml(text: string): string {
  return tiedHyphenPieces(text)
    .map((p) => (p.tied ? `<span class="nobr">${escapeHtml(p.text)}</span>` : escapeHtml(p.text)))
    .join('');
}

/** A CSS string literal for `content:` (quotes, backslashes, line ends and "<" escaped). */
function cssString(s: string): string {
  return '"' + s.replace(/[\\"<>\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `) + '"';
}

/** The id of the HTML element of a paragraph. */
function paraAnchor(id: string): string {
  return 'para-' + id.replace(/[^\w-]/g, '_');
}

// ---------------------------------------------------------------------------------------------
// Style

/**
 * The running head sits on a 0.5 pt rule (un-format.md §3; issue 13): its text box ends near
 * 62.5 pt from the top, as on the official pages (text top at 53.1 pt), the rule just under it.
 */
const HEAD_RULE = 'padding-bottom: 1.5pt; margin-bottom: 9pt; border-bottom: 0.5pt solid #000;';
/** Top margin of pages 2+ (pt) of a resolution (a draft's: DRAFT_TOP_PT). */
const RESOLUTION_TOP_PT = 73.4;

/**
 * The running head's two margin boxes, in points across the 492 pt line: the title's (inner side)
 * and the symbol's (outer side). Fixed widths, because Paged.js reads percentages against the page
 * and squeezed the title box to ~170 pt, wrapping heads the official prints on one line (78/252).
 * The official sets a head that fits on one line (title up to ~300 pt) on one line; ours never
 * wraps: the title is cut at a word with an ellipsis to fit its box (runningHeadTitle), and the box
 * itself does not wrap or spill (nowrap, clipped with an ellipsis) should the face measure wider.
 */
const HEAD_INNER_PT = 372;
const HEAD_OUTER_PT = 492 - HEAD_INNER_PT;
const HEAD_ONE_LINE = 'white-space: nowrap; overflow: hidden; text-overflow: ellipsis;';

function stylesheet(layout: DocumentLayout, opts: HtmlExportOptions): string {
  const a4 = opts.paper === 'a4';
  const symbol = layout.meta.symbol.trim();
  const title = layout.meta.title.trim();
  // Running heads (spec §3): resolutions the symbol and the (short) title, mirrored; drafts the symbol.
  const outerHead = cssString(symbol);
  // The title's margin box (HEAD_INNER_PT of the 492 pt line): the head is cut to fit it on one line.
  const innerHead = layout.isDraft || !title ? '""' : cssString(runningHeadTitle(title, '', HEAD_INNER_PT));
  const rtl = layout.dir === 'rtl';
  // In a right-to-left document the outer side of an even page is on the right.
  const even = rtl ? { outer: 'right', inner: 'left' } : { outer: 'left', inner: 'right' };
  const odd = rtl ? { outer: 'left', inner: 'right' } : { outer: 'right', inner: 'left' };
  const font = HTML_FONT_STACKS[layout.lang];
  const top = layout.isDraft ? DRAFT_TOP_PT : RESOLUTION_TOP_PT;
  const headRule = HEAD_RULE.replace('margin-bottom: 9pt', `margin-bottom: ${+(9 + top - RESOLUTION_TOP_PT).toFixed(1)}pt`);
  return `/* ${fontNote(layout.lang).replace(/\*\//g, '* /')} */
@page {
  size: ${a4 ? 'A4' : 'letter'};
  /* The content box spans the masthead and running heads (60 pt to 552 pt); the text column is
     inset within it (123.4 pt to 488.9 pt, where the justified lines of the UN PDFs end). Pages
     2+: the first line's box at 73.4 pt (drafts 75.5 pt), text and notes down to 735 pt: the last
     note's letters end at 734.3 pt as on the official PDFs of both corpora (first body line 73.5 pt,
     drafts 75.6 pt; 735.5 pt set them 1 pt low and let a draft's page hold a line more than the
     official ones ever do: their body lines end at 728.7 pt at most under a 75.6 pt top). */
  margin: ${top}pt ${a4 ? '43.3pt' : '60pt'} 57pt 60pt;
  @top-left { content: none; }
  @top-right { content: none; }
  @bottom-left { content: none; }
  @bottom-right { content: none; }
}
@page :left {
  @top-${even.outer} { content: ${outerHead}; font: bold 8.5pt/10pt ${font}; vertical-align: bottom; text-align: ${even.outer}; ${headRule} width: ${HEAD_OUTER_PT}pt; ${HEAD_ONE_LINE} }
  @top-${even.inner} { content: ${innerHead}; font: bold 8.5pt/10pt ${font}; vertical-align: bottom; text-align: ${even.inner}; ${headRule} width: ${HEAD_INNER_PT}pt; ${HEAD_ONE_LINE} }
  @bottom-${even.outer} { content: counter(page) "/" counter(pages); font: bold 8.5pt/10pt ${font}; vertical-align: top; text-align: ${even.outer}; padding-top: 11pt; }
  @bottom-${even.inner} { content: ""; }
}
@page :right {
  @top-${odd.inner} { content: ${innerHead}; font: bold 8.5pt/10pt ${font}; vertical-align: bottom; text-align: ${odd.inner}; ${headRule} width: ${HEAD_INNER_PT}pt; ${HEAD_ONE_LINE} }
  @top-${odd.outer} { content: ${outerHead}; font: bold 8.5pt/10pt ${font}; vertical-align: bottom; text-align: ${odd.outer}; ${headRule} width: ${HEAD_OUTER_PT}pt; ${HEAD_ONE_LINE} }
  @bottom-${odd.outer} { content: counter(page) "/" counter(pages); font: bold 8.5pt/10pt ${font}; vertical-align: top; text-align: ${odd.outer}; padding-top: 11pt; }
  @bottom-${odd.inner} { content: ""; }
}
@page :first {
  /* A resolution's page 1 ends higher, above the job number and barcode: its text and notes end at
     705.6 pt on 33 of the 39 official PDFs (pages 2+ at 734.4 pt), so the text area ends at 706.7 pt.
     Drafts are mixed (half of drafts-80 end page 1 near 734 pt): their page 1 ends as the others. */
  margin-top: 42pt;${layout.isDraft ? '' : '\n  margin-bottom: 85.3pt;'}
  @top-left { content: none; }
  @top-right { content: none; }
  /* Page 1 foot: the place of the job number and the Code 39 barcode, which the Secretariat assigns;
     kept empty and unseen (a delegate prints no placeholder box), its size keeping page 1 as tall as the official. */
  @bottom-${even.outer} { content: ""; border: 0.5pt solid transparent; height: 20pt; width: 110pt; margin: 38.8pt 0 26.5pt; padding: 0; }
  @bottom-${even.inner} { content: none; }
}
/* No pair kerning or ligatures. The official PDFs do show Times New Roman's kerning pairs ("y," "w,"
   "r." about -0.7 pt, "Te" -0.24 pt: scripts/fidelity/word-advances.ts), but Word breaks its lines as
   if they were not there: over 7,045 official line breaks, kerning changes the fit of none in 100
   (0.938 both ways), and Liberation Serif's pairs are not Times New Roman's. */
html { font-family: ${font}; font-size: 10pt; line-height: 12pt; color: #000; background: #fff;
  font-kerning: none; font-variant-ligatures: none; font-feature-settings: "kern" 0, "liga" 0, "clig" 0; }
body { margin: 0; }
p { margin: 0 0 6pt; }
a { color: inherit; text-decoration: none; }
a:focus-visible { outline: 1pt solid #1a5fb4; }
.nobr { white-space: nowrap; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }

/* Masthead */
.masthead { margin: 0 0 8pt; }
.mh-top { display: flex; align-items: flex-end; justify-content: space-between; border-bottom: 0.5pt solid #000; margin-inline-start: 63.4pt; padding-bottom: 2pt; }
.mh-un { font-size: 14pt; line-height: 16pt; }
.mh-symbol { font-size: 10pt; line-height: 16pt; text-align: end; }
.mh-symbol-first { font-size: 20pt; }
.mh-organ-row { display: flex; align-items: flex-start; min-height: 142pt; }
.mh-emblem { flex: none; width: 48pt; height: 48pt; margin-top: 3pt; margin-inline-end: 15.4pt; }
.mh-organ { flex: none; width: 273.7pt; margin: 5pt 0 0; font-weight: bold; font-size: 20pt; line-height: 22pt; }
.mh-distr { margin: 14pt 0 0; font-size: 10pt; line-height: 12pt; }
.mh-distr p { margin: 0; }
.mh-distr .mh-original { margin-top: 12pt; }
.mh-rule { border: 0; border-top: 1.5pt solid #000; margin: 0 0 6pt; }
.mh-session p { margin: 0; font-size: 10pt; line-height: 12pt; }
.mh-session .mh-session-name, .mh-session .mh-item-title { font-weight: bold; }
/* The committee's lines are 13.4 pt apart and the agenda item's line stands 14.1 pt under its last one
   (the 36 committee drafts of drafts-80; "Special Political and Decolonization Committee (Fourth
   Committee)" takes two lines). */
.mh-session .mh-committee { font-weight: bold; font-size: 12pt; line-height: 13.4pt; margin-bottom: 0.2pt; max-width: 288pt; }
/* The agenda item's title wraps in its own column, 60 pt to 348 pt (the official lines end by 346 pt).
   Word's bold letters are wider still than its roman ones: 0.32 pt a letter over the outline widths
   (measured on the official item titles), so the title wraps where the UN's does. */
.mh-session .mh-item-title { max-width: 288pt; }
/* Several agenda items: each title stands 6 pt under the line before it (A/RES/78/247: 18 pt from
   the item line to the first title, and between the titles). A class, not a sibling selector:
   Paged.js drops rules with "+". */
.mh-session .mh-item-title.mh-item-several { margin-top: 6pt; }
/* How Chinese sets off the opening words is UNVERIFIED (un-format.md §4): KaiTi rather than a
   slanted Song face. */
:lang(zh) i { font-style: normal; font-family: KaiTi, "Kaiti SC", STKaiti, "AR PL UKai CN", ${HTML_FONT_STACKS.zh}; }

/* The text column */
.text { margin-inline-start: 63.4pt; width: ${TEXT_COLUMN_PT}pt; }
/* Tops of lines as on the official page 1: 28.8 pt from the agenda item's last line to this heading
   (29.4 pt on 14 of the 39 resolutions, 28.3 pt on the others: the middle is kept), 28.2 pt from its
   last line to the basis line, 23.4 pt from there to the title (word boxes 12.4 pt apart on all 39),
   26.1–26.3 pt from the title's last line to the formula (boxes 13.0 pt apart on resolutions, 12.8–12.9
   on drafts); drafts: 30 pt from the agenda item's last line to the sponsor line, 23.4 pt from there to
   the title (A/C.6/80/L.5 and 38 other drafts of drafts-80). Chromium puts lines on whole pixels
   (0.75 pt), so a margin moves the boxes by steps: the sponsor line's 11.4 pt puts the drafts' formula
   within 0.3 pt of the official (11.7 pt left it 0.4–0.6 pt low). */
.adopted { font-weight: bold; font-size: 14pt; line-height: 15pt; margin: 18pt 0 12.2pt; }
.sponsors { font-weight: bold; margin: 18.2pt 0 11.4pt; }
.basis { margin: 0 0 12.4pt; }
.basis .basis-text { font-style: italic; }
/* The title's lines are 13.5 pt apart (13.4–13.6 on the official pages); its number hangs in the
   margin as a float, which, unlike an inline block, does not make the first line taller. */
h1.title { font-weight: bold; font-size: 12pt; line-height: 13.5pt; margin: 0 0 12.3pt; }
.title-num { float: inline-start; box-sizing: border-box; width: 51.1pt; margin-inline-start: -51.1pt; padding-inline-end: 12.6pt; text-align: end; }
.formula { text-indent: 23.7pt; }
.body p { text-align: justify; hyphens: manual; }
/* Word sets Times New Roman with its hinted widths (whole pixels of a 300 dpi device: "e" 20 px
   = 4.8 pt where the outline is 4.44 pt), on average 0.24 pt a letter wider at 10 pt than the
   outline widths a browser uses (measured on the glyph positions of the 39
   official PDFs; a line-fitting simulation over their 9,500 line breaks agrees best at 0.023–0.024
   em). Without this, lines hold a word more than the UN's and break elsewhere. A width per
   character does no better than this one spacing (scripts/fidelity/word-advances.ts: Word's own
   observed advances, scaled, fit 0.938 of 7,045 breaks, the same as 0.024 em; freely tuned
   per-character widths 0.942), so no font with Word's widths is shipped. */
.text, .mh-session, .mh-distr { letter-spacing: ${BODY_LETTER_SPACING}; }
/* Bold lines are set wider than the outline widths, by a size-dependent amount (Word's hinted widths):
   measured line by line on page 1 of the 85 official PDFs of both corpora (line width minus the
   font's advances, per character; median), the title at 12 pt 0.34 pt a character, the committee name
   at 12 pt 0.365 pt, the sponsor line and the agenda item's title at 10 pt 0.32 pt, the session line
   0.23 pt, the 14 pt "Resolution adopted…" heading 0.075 pt. An em value would be inherited as the
   parent's length (0.24 pt), so these are points. Without this a title or a sponsor line holds a word
   more a line than the official's, and page 1 starts its text a line higher (A/80/L.34). */
h1.title { letter-spacing: ${TITLE_LETTER_SPACING_PT}pt; }
h1.title.tight { letter-spacing: ${TITLE_TIGHT_SPACING_PT}pt; }
.sponsors, .mh-session .mh-item-title { letter-spacing: 0.32pt; }
.mh-session .mh-committee { letter-spacing: 0.365pt; }
.mh-session .mh-session-name { letter-spacing: 0.23pt; }
.adopted { letter-spacing: 0.075pt; }
.footnotes { letter-spacing: ${NOTE_LETTER_SPACING}; }
p.pp, p.op { text-indent: 23.7pt; }
p.l1 { text-indent: 23.7pt; }
p.l2, p.l3, p.l4 { text-indent: 0; }
p.l2 { margin-inline-start: 23.7pt; }
p.l3 { margin-inline-start: 47.5pt; }
p.l4 { margin-inline-start: 71.2pt; }
p.tail { text-indent: 0; }
.heading { font-size: 10pt; line-height: 12pt; font-weight: bold; margin: 12pt 0 6pt; page-break-after: avoid; break-after: avoid; }
/* A lettered sub-heading's number hangs in the margin, right-aligned to end 12.4 pt before the column
   (the official "A." and "B." both end at 111.0 pt, A/RES/78/253 and A/C.5/80/L.17), and its title
   starts at the column edge (123.4 pt), a second line under the first, as Word's hanging indent. */
.heading.h2 .heading-num.hang { float: inline-start; box-sizing: border-box; width: 40pt; margin-inline-start: -40pt; padding-inline-end: 12.2pt; text-align: end; }
.heading .heading-num.own-line { display: block; }
/* A heading right under another (a section under its part): 6 pt between, as the official 78/252
   (18 pt baseline to baseline). A class, not "+": Paged.js rewrites "+" rules into attribute rules
   that lose to ".heading". */
.heading.after-heading { margin-top: 6pt; }
/* One of several resolutions ("A", "B"): the letter, and its title if any, centred over its formula;
   a draft sets the letter as its title (draft-print.ts). */
.heading.resolution { text-align: center; margin: 18pt 0 12pt; }
.heading.resolution .heading-title { display: block; }
${layout.isDraft ? draftResolutionLetterCss(TITLE_LETTER_SPACING_PT) : ''}
table.table { border-collapse: collapse; width: 100%; margin: 0 0 6pt; font-size: 9pt; line-height: 11pt; }
table.table td, table.table th { border: 0.5pt solid #000; padding: 2pt 4pt; text-align: start; vertical-align: top; }
.label { display: inline-block; min-width: 23.8pt; text-indent: 0; }
sup { font-size: 6.5pt; line-height: 0; vertical-align: 3.5pt; }
.closing { font-style: italic; text-align: end; margin: 12pt 0 0; }
.closing p { margin: 0; }
/* An annex follows on the same page, as the 5 official annexes of the corpora that open with text do
   (A/RES/78/3, 79/1 twice, A/80/L.34, A/C.6/80/L.8; one that opens with a table starts a new page
   when the table does not fit: KEEP_RULES_SCRIPT in paged.ts): its heading and title in bold 10/12 pt,
   the heading's line 24 pt under the last line before it, the first paragraph 18 pt under the title's
   last line; the heading and title stay with what follows (Word's "keep with next"). */
.annex { margin-top: 12pt; }
.annex-heading, .annex-title { font-weight: bold; font-size: 10pt; line-height: 12pt; margin: 0; break-after: avoid; page-break-after: avoid; }
.annex-title { margin-bottom: 6pt; }
/* The text a resolution adopts in full, quoted in its body (A/RES/79/1, the Pact for the Future):
   its title set as the resolution's title, bold 12/13.5 pt at the column edge, 29.2 pt from the
   top of the line before it to its own and 26.4 pt to the first paragraph, as on the official page. */
.annex.in-body { margin-top: 0; }
.annex.in-body > .annex-title { font-size: 12pt; line-height: 13.5pt; letter-spacing: ${TITLE_LETTER_SPACING_PT}pt; margin: ${IN_BODY_TITLE_TOP_PT}pt 0 12.3pt; }
/* An instrument's part heading: its number at the column edge, the title a tab (23.7 pt) after it, a
   second line under the first line's title. */
.heading.tab-num { padding-inline-start: 23.76pt; text-indent: -23.76pt; }
.heading.tab-num .heading-num { display: inline-block; min-width: 23.76pt; text-indent: 0; }
/* An instrument's numbered paragraph: the number at the column edge, the text a tab (23.7 pt) after
   it, the next lines back at the edge (LayoutAnnex.marginNumbers). */
p.op.margin-num { text-indent: 0; }
.footnotes { margin-top: 18pt; font-size: 8.5pt; line-height: 10.5pt; }
.fn-rule { border: 0; border-top: 0.5pt solid #000; width: 72pt; margin: 0 0 6pt; margin-inline-start: -23.8pt; }
.footnotes ol { list-style: none; margin: 0; padding: 0; }
.footnotes li { margin: 0 0 2pt; }
.fn-num { display: inline-block; width: 6.5pt; margin-inline-start: -6.5pt; text-align: end; }
.fn-num sup { font-size: 5.5pt; vertical-align: 3pt; }
/* A page-foot note's number is right-aligned to end 3.6 pt before the note's text, which starts at the
   column edge (the official numbers end at 119.8 pt, one digit or two, the text at 123.4 pt: 427 notes
   of the 39 official PDFs). The box reaches left over the margin for numbers of several digits. The
   selector outweighs the paged-media style's (PAGED_CSS, appended after this sheet), which set the
   number left-aligned at 116.9 pt. */
span.fn-float span.fn-num { box-sizing: border-box; width: 26.5pt; margin-inline-start: -20pt; padding-inline-end: 3.4pt; text-align: end; }
.fn-back { margin-inline-start: 3pt; }
.end-rule { border: 0; border-top: 0.25pt solid #000; width: 72pt; margin: 18pt auto 0; }
/* Notes repeated where they are cited, for a paged-media engine to float to the page foot (PAGED_CSS). */
.fn-float { display: none; }
.uncited-notes { margin: 0; }
@media print {
  .fn-back { display: none; }
}
${
  opts.forPrint
    ? ''
    : `@media screen {
  html { background: #e6e6e6; }
  body { box-sizing: border-box; width: ${a4 ? '595.3pt' : '612pt'}; margin: 24pt auto; padding: 36pt ${a4 ? '43.3pt' : '60pt'} 54pt 60pt; background: #fff; box-shadow: 0 1pt 4pt rgba(0, 0, 0, 0.25); }
  .mh-emblem { outline: 0.5pt dashed #bbb; }
}
`
}`;
}

// ---------------------------------------------------------------------------------------------
// Content

/** Renders the runs of one paragraph. */
function runsHtml(p: LayoutParagraph, targets: (string[] | null)[], refCount: Map<number, number>, floats: ReadonlyMap<number, string> | null): string {
  let out = '';
  let xref = 0;
  let italic = false;
  const close = (): void => {
    if (italic) out += '</i>';
    italic = false;
  };
  for (const [idx, r] of p.runs.entries()) {
    if (r.footnote !== undefined) {
      close();
      const n = r.footnote;
      const k = (refCount.get(n) ?? 0) + 1;
      refCount.set(n, k);
      const id = k === 1 ? `fnref${n}` : `fnref${n}-${k}`;
      // Consecutive marks are printed with a superscript comma between them ("conflict,¹⁰,¹¹").
      const sep = p.runs[idx - 1]?.footnote !== undefined ? ',' : '';
      out += `<sup>${sep}<a href="#fn${n}" id="${id}" role="doc-noteref">${n}</a></sup>`;
      const note = k === 1 ? floats?.get(n) : undefined;
      if (note !== undefined) out += floatNote(String(n), note);
      continue;
    }
    if (r.phrase && !italic) {
      out += '<i>';
      italic = true;
    } else if (!r.phrase) close();
    out += inlineRun(r, r.xref ? (targets[xref++] ?? null) : null);
  }
  close();
  return out;
}

/** A note repeated where it is first cited, hidden unless a paged-media engine floats it (PAGED_CSS). */
function floatNote(mark: string, text: string): string {
  return `<span class="fn-float" data-fn="${escapeHtml(mark)}" aria-hidden="true"><span class="fn-num"><sup>${escapeHtml(mark)}</sup></span>${lineHtml(tieSpaces(text.trim()))}</span>`;
}

function inlineRun(r: LayoutRun, targets: string[] | null): string {
  let t = lineHtml(tieSpaces(r.text));
  if (r.symbolRef) t = `<span class="symbol" data-symbol="${escapeHtml(r.symbolRef)}" translate="no">${t}</span>`;
  if (r.xref) {
    if (r.xref.broken || !targets || targets.length === 0) t = `<span class="xref broken">${t}</span>`;
    else t = `<a class="xref" href="#${paraAnchor(targets[0]!)}">${t}</a>`;
  } else if (r.link && /^(?:https?:|mailto:|#)/i.test(r.link)) t = `<a href="${escapeHtml(r.link)}">${t}</a>`;
  if (r.em && !r.phrase) t = `<em>${t}</em>`;
  return t;
}

/** The enacting formula as printed: the words in italics, then the punctuation. */
function formulaHtml(f: { words: string; punctuation: string }): string {
  return `<p class="formula"><i>${escapeHtml(f.words)}</i>${escapeHtml(f.punctuation)}</p>`;
}

function paragraphHtml(p: LayoutParagraph, targets: (string[] | null)[], refCount: Map<number, number>, floats: ReadonlyMap<number, string> | null, prev?: LayoutParagraph, marginNumbers = false): string {
  if (p.deleted) return '';
  if (p.heading?.resolution) {
    // One of several resolutions: its letter centred, its own title if any, then its formula.
    const f = p.heading.resolution.formula;
    const title = p.runs.length > 0 ? `<span class="heading-title">${runsHtml(p, targets, refCount, floats)}</span>` : '';
    const formula = f.words ? `\n${formulaHtml(f)}` : '';
    return `<h3 class="heading h1 resolution${prev ? '' : ' lead'}" id="${paraAnchor(p.id)}"><span class="heading-num own-line">${escapeHtml(p.label)}</span>${title}</h3>${formula}\n`;
  }
  if (p.heading) {
    // A part or section: its number on a line of its own, then the title; a sub-heading: "A." and the title.
    const tag = p.heading.level === 1 ? 'h3' : 'h4';
    const lines = headingLines(p);
    // A part of a text set as an instrument (numbers at the column edge: LayoutAnnex.marginNumbers)
    // prints as the Pact for the Future does: "I." at the column edge, the title a tab after it on
    // the same line (147.1 pt), not the number over the title.
    if (marginNumbers && p.heading.level === 1 && lines.ownLine && lines.number) {
      const num = /^[IVXLC]+$/.test(lines.number) ? `${lines.number}.` : lines.number;
      return `<h3 class="heading h1 tab-num${prev?.heading ? ' after-heading' : ''}" id="${paraAnchor(p.id)}"><span class="heading-num">${escapeHtml(num)}</span>${runsHtml({ ...p, runs: lines.runs }, targets, refCount, floats)}</h3>\n`;
    }
    // A worded number ("Action 6.", "Objective 1." in the Pact for the Future) runs into its title
    // at the column edge, as printed; only a letter or a roman numeral hangs in the margin.
    const runIn = !lines.ownLine && /\s/.test(lines.number.trim());
    const place = lines.ownLine ? ' own-line' : runIn ? '' : p.heading.level === 2 ? ' hang' : '';
    const num = lines.number ? `<span class="heading-num${place}">${escapeHtml(lines.number)}</span>${runIn ? ' ' : ''}` : '';
    return `<${tag} class="heading h${p.heading.level}${prev?.heading ? ' after-heading' : ''}" id="${paraAnchor(p.id)}">${num}${runsHtml({ ...p, runs: lines.runs }, targets, refCount, floats)}</${tag}>\n`;
  }
  if (p.table) {
    const rows = p.table.rows.map((r, i) => `<tr>${r.map((c) => (i === 0 && p.table!.header ? `<th>${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join('')}</tr>`);
    return `<table class="table" id="${paraAnchor(p.id)}">${rows.join('')}</table>\n`;
  }
  const cls: string[] = [p.section === 'annex' ? 'op' : p.section];
  if (p.level > 0) cls.push(`l${Math.min(4, p.level)}`);
  else if (marginNumbers && p.label.trim()) cls.push('margin-num');
  if (p.tail) cls.push('tail');
  const label = p.label.trim() ? `<span class="label">${escapeHtml(p.label.trim())}</span>` : '';
  return `<p class="${cls.join(' ')}" id="${paraAnchor(p.id)}">${label}${runsHtml(p, targets, refCount, floats)}</p>\n`;
}

/**
 * Exports a resolution or draft as one self-contained HTML5 document laid out as the UN prints it
 * (see the module comment): `lang` and `dir` on the root, the masthead in a `header`, the title
 * as the `h1`, one `p` per paragraph with its label in a `span.label` and its opening phrase in
 * `i`, footnote references `<sup><a href="#fn1" id="fnref1">1</a></sup>` and the notes in a
 * section at the end with links back. Paper: US Letter unless `opts.paper` is 'a4'.
 */
export function exportHtml(doc: ResolutionDocument, opts: HtmlExportOptions = {}): string {
  const layout = layoutDocument(doc);
  const { meta, words, lang } = layout;
  const targets = crossRefTargets(doc, layout);
  const refCount = new Map<number, number>();
  // For print, each note is repeated where it is first cited, for the page foot (see PAGED_CSS).
  const floats = opts.forPrint ? new Map(layout.footnotes.map((f) => [f.number, f.text])) : null;
  const sponsorFloat = opts.forPrint && meta.sponsorNote.trim() && !meta.bureauLine.trim();
  const h: string[] = [];
  const symbol = meta.symbol.trim();
  const title = meta.title.trim();
  const docTitle = [symbol, title].filter(Boolean).join(' – ') || words.titlePlaceholder;

  h.push('<!DOCTYPE html>');
  h.push(`<html lang="${lang}" dir="${layout.dir}">`);
  h.push('<head>');
  h.push('<meta charset="utf-8">');
  h.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  h.push('<meta name="generator" content="Plenary">');
  if (symbol) h.push(`<meta name="dc.identifier" content="${escapeHtml(symbol)}">`);
  h.push(`<title>${escapeHtml(docTitle)}</title>`);
  h.push(`<style>\n${stylesheet(layout, opts)}\n</style>`);
  h.push('</head>');
  h.push('<body>');
  h.push('<div class="page">');

  // Masthead (spec §1.1–1.2, §2, §3).
  h.push('<header class="masthead">');
  const slash = symbol.indexOf('/');
  const symbolHtml =
    slash > 0 ? `<span class="mh-symbol-first">${escapeHtml(symbol.slice(0, slash))}</span>${escapeHtml(symbol.slice(slash))}` : escapeHtml(symbol);
  h.push(`<div class="mh-top"><span class="mh-un">${escapeHtml(words.unitedNations)}</span><span class="mh-symbol" translate="no">${symbolHtml}</span></div>`);
  h.push('<div class="mh-organ-row">');
  h.push('<div class="mh-emblem" aria-hidden="true"></div>');
  h.push(`<p class="mh-organ">${escapeHtml(words.organ)}</p>`);
  h.push('<div class="mh-distr">');
  h.push(`<p>${escapeHtml(layout.isDraft ? words.distrLimited : words.distrGeneral)}</p>`);
  if (layout.issueDate) h.push(`<p>${escapeHtml(layout.issueDate)}</p>`);
  if (layout.isDraft && meta.originalLanguage) h.push(`<p class="mh-original">${escapeHtml(words.original(meta.originalLanguage))}</p>`);
  h.push('</div>');
  h.push('</div>');
  h.push('<hr class="mh-rule">');
  h.push('<div class="mh-session">');
  if (layout.session) h.push(`<p class="mh-session-name">${escapeHtml(layout.session)}</p>`);
  if (layout.isDraft && words.committee) h.push(`<p class="mh-committee">${escapeHtml(words.committee)}</p>`);
  const items = meta.agendaItems.filter((a) => a.number.trim() !== '');
  if (items.length > 0) {
    h.push(`<p class="mh-item">${escapeHtml(words.agendaItems(items.map((a) => a.number.trim())))}</p>`);
    const several = items.filter((a) => a.title.trim()).length > 1 ? ' mh-item-several' : '';
    for (const a of items) if (a.title.trim()) h.push(`<p class="mh-item-title${several}">${lineHtml(a.title.trim())}</p>`);
  }
  h.push('</div>');
  h.push('</header>');

  // Heading block and text.
  h.push('<main class="text">');
  const heading = adoptedHeading(layout);
  if (heading.length > 0) h.push(`<p class="adopted">${heading.map(escapeHtml).join('<br>')}</p>`);
  const sponsors = sponsorLine(meta, words);
  // Notes that nothing in the text cites (a draft's "**" note on its masthead line, a note on the
  // text an amendment quotes: the three of the two corpora) print at the foot of page 1, as in the
  // official PDFs, lettered as in the list at the end; they float from the sponsor line or the title.
  const uncited = unreferencedFootnotes(doc, layout).map((f, k) => ({ mark: letterMark(k), text: inlineText(f.content) }));
  const uncitedFloats = opts.forPrint ? uncited.map((n) => floatNote(n.mark, n.text)).join('') : '';
  const sponsorsHtml = sponsorLinePieces(sponsors)
    .map((p) => (p.tied ? `<span class="nobr">${escapeHtml(p.text)}</span>` : escapeHtml(p.text)))
    .join('');
  if (sponsors) h.push(`<p class="sponsors">${sponsorsHtml}${sponsorFloat ? floatNote('*', meta.sponsorNote) : ''}${uncitedFloats}</p>`);
  if (meta.basis.trim()) h.push(`<p class="basis">[<span class="basis-text">${lineHtml(tieSpaces(meta.basis.trim().replace(/^\[|\]$/g, '')))}</span>]</p>`);
  if (title) {
    const num = titleNumberLabel(layout).trim();
    h.push(`<h1 class="${titleClass(title)}">${num ? `<span class="title-num">${escapeHtml(num)}</span>` : ''}${lineHtml(title)}${sponsors ? '' : uncitedFloats}</h1>`);
  } else h.push(`<h1 class="visually-hidden">${escapeHtml(docTitle)}</h1>`);
  if (!sponsors && !title && uncitedFloats) h.push(`<p class="uncited-notes">${uncitedFloats}</p>`);

  h.push('<div class="body">');
  // With resolutions A, B… each formula stands under its letter (paragraphHtml).
  if (layout.formula.words && !opensWithResolution(layout)) h.push(formulaHtml(layout.formula));
  // The preamble runs to the first operative paragraph; the preambles of parts stay in place.
  const firstOp = layout.paragraphs.findIndex((p) => p.section !== 'pp');
  const pps = firstOp < 0 ? layout.paragraphs : layout.paragraphs.slice(0, firstOp);
  const ops = firstOp < 0 ? [] : layout.paragraphs.slice(firstOp);
  const atEdge = numbersAtColumnEdge(meta);
  if (pps.length > 0) {
    h.push('<section class="preamble">');
    pps.forEach((p, i) => h.push(paragraphHtml(p, targets.get(p.id) ?? [], refCount, floats, pps[i - 1], atEdge).trimEnd()));
    h.push('</section>');
  }
  h.push('<section class="operative">');
  // The operative part's first paragraph follows the preamble's last.
  ops.forEach((p, i) => h.push(paragraphHtml(p, targets.get(p.id) ?? [], refCount, floats, ops[i - 1] ?? pps[pps.length - 1], atEdge).trimEnd()));
  h.push('</section>');
  h.push('</div>');

  // Annexes; the text adopted in full and quoted in the body comes before the closing block.
  const annexHtml = (a: LayoutAnnex, k: number): void => {
    const hid = `annex-${k + 1}`;
    const headingText = a.heading.trim();
    const annexTitle = a.title.trim();
    h.push(`<section class="annex${a.inBody ? ' in-body' : ''}" id="${hid}" aria-labelledby="${hid}-heading">`);
    if (headingText) h.push(`<h2 class="annex-heading" id="${hid}-heading">${escapeHtml(headingText)}</h2>`);
    if (annexTitle) h.push(`<${headingText ? 'h3' : 'h2'} class="annex-title"${headingText ? '' : ` id="${hid}-heading"`}>${escapeHtml(annexTitle)}</${headingText ? 'h3' : 'h2'}>`);
    if (!headingText && !annexTitle) h.push(`<h2 class="visually-hidden" id="${hid}-heading">${escapeHtml(`Annex ${k + 1}`)}</h2>`);
    h.push('<div class="body">');
    a.paragraphs.forEach((p, i) => h.push(paragraphHtml(p, targets.get(p.id) ?? [], refCount, floats, a.paragraphs[i - 1], a.marginNumbers).trimEnd()));
    h.push('</div>');
    h.push('</section>');
  };
  layout.annexes.forEach((a, k) => {
    if (a.inBody) annexHtml(a, k);
  });

  const closing = closingLines(layout);
  if (closing.length > 0) h.push(`<div class="closing">${closing.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</div>`);

  layout.annexes.forEach((a, k) => {
    if (!a.inBody) annexHtml(a, k);
  });

  // Notes: referenced ones by number, then any that nothing references (by letter).
  const notes: { id: string; mark: string; text: string; back: boolean; floated: boolean }[] = [];
  if (meta.sponsorNote.trim() && sponsors && !meta.bureauLine.trim()) notes.push({ id: 'fn-sponsors', mark: '*', text: meta.sponsorNote.trim(), back: false, floated: Boolean(sponsorFloat) });
  for (const f of layout.footnotes) notes.push({ id: `fn${f.number}`, mark: String(f.number), text: f.text, back: true, floated: floats !== null });
  for (const n of uncited) notes.push({ id: `fn-${n.mark}`, mark: n.mark, text: n.text, back: false, floated: Boolean(opts.forPrint) });
  if (notes.length > 0) {
    const allFloated = notes.every((n) => n.floated);
    h.push(`<section class="footnotes${allFloated ? ' all-floated' : ''}" role="doc-endnotes" aria-labelledby="notes-heading">`);
    h.push(`<h2 class="visually-hidden" id="notes-heading">${escapeHtml(NOTES_HEADING[lang])}</h2>`);
    h.push('<hr class="fn-rule">');
    h.push('<ol>');
    for (const n of notes) {
      const back = n.back ? ` <a class="fn-back" href="#fnref${n.mark}" role="doc-backlink" aria-label="${escapeHtml(BACK_LABEL[lang])}">↩</a>` : '';
      h.push(`<li id="${n.id}"${n.floated ? ' class="floated"' : ''}><span class="fn-num"><sup>${escapeHtml(n.mark)}</sup></span> ${lineHtml(tieSpaces(n.text.trim()))}${back}</li>`);
    }
    h.push('</ol>');
    h.push('</section>');
  }
  h.push('<hr class="end-rule">');
  h.push('</main>');
  h.push('</div>');
  h.push('</body>');
  h.push('</html>');
  return h.join('\n') + '\n';
}
