/**
 * Print CSS that only drafts (L-documents) take, measured on the official drafts of the eightieth
 * session (../shared/corpus/drafts-80, issue 13); the stylesheet of html.ts adds it for a draft.
 */
import { documentForm } from '../resolution/masthead.js';
import type { FrontMatter } from '../resolution/model.js';

/**
 * Whether the numbered paragraphs of the text print their number at the column edge and their text a
 * tab (23.7 pt) after it, the next lines back at the edge (the class "margin-num"), rather than
 * indented as operative paragraphs: an amendment's numbered instructions ("1. Replace “Chornobyl”
 * with…"), as A/80/L.35 and A/C.3/80/L.61 print them (number at 123.4 pt, text at 147.1 pt; the
 * export put them at 147.1 and 170.9 pt). An instruction printed without a number keeps the first-line
 * indent (147.1 pt: A/80/L.19, A/C.3/80/L.58, A/C.6/80/L.24).
 */
export function numbersAtColumnEdge(meta: Pick<FrontMatter, 'kind' | 'bureauLine' | 'sponsorLineEnd'>): boolean {
  return documentForm(meta) === 'amendment';
}

/**
 * Top margin of a draft's pages 2+ (pt). They start 2.1 pt lower than a resolution's (first line at
 * 75.6 pt on 30 of the 33 drafts of drafts-80 that have a page 2, 73.5 pt on the resolutions) and end
 * at the same place (notes down to 734.3 pt): the running head stays where it is, the text area is
 * 2.1 pt shorter.
 */
export const DRAFT_TOP_PT = 75.5;

/**
 * Resolutions A, B… in one draft (A/C.5/80/L.17, the one official draft of both corpora that has
 * them): the letter is set as the title, bold 12/13.5 pt at the column edge (123.4 pt), not centred.
 * The first stands under the title at the title's own spacing (12.0 pt from the title's last line to
 * the letter: `lead`, the letter that opens the text, takes no space above); a later one 29.2 pt from
 * the top of the line before it to its own, its formula 26.3 pt under it as under the title (18 pt
 * above the letter puts the formula within 0.1 pt, the letter 0.6 pt low: Chromium sets lines on
 * whole pixels). Centred, with 18/12 pt around it, the first letter put page 1's formula 4.1 pt low.
 */
export function draftResolutionLetterCss(titleLetterSpacingPt: number): string {
  return `.heading.resolution { text-align: start; font-size: 12pt; line-height: 13.5pt; letter-spacing: ${titleLetterSpacingPt}pt; margin: 18pt 0 12.3pt; }
.heading.resolution.lead { margin-top: 0; }`;
}
