/**
 * Hand-set lines of an official PDF (issue 13): where the UN's editors departed from the template
 * to fit a page, which no general rule of an export can reproduce. Two kinds are measured:
 *
 * - condensed lines: a line whose words are narrower than the same words elsewhere in the document
 *   (character spacing condensed by hand, about 2 %: A/RES/79/146 paragraphs 65, 78 and 79, which
 *   pull the closing block onto page 20; A/RES/78/103 pages 1–6; A/RES/79/1 on 18 of its 56 pages).
 *   Over the 39 resolutions of the corpus the median width ratio of a line's words to the same words
 *   elsewhere is 1.000 ± 0.0075 on 10,200 lines (rounding noise), under 0.9875 on 328 lines of 21
 *   documents (143 lines of 21 of the 46 drafts of drafts-80);
 * - off-pitch lines: a paragraph's line that stands more or less than 12 pt under the line before
 *   it (the template's exact 12 pt spacing): A/RES/79/18 is set in single spacing, 11.6 pt, on
 *   every page (81 lines); A/RES/78/103 has 31 such lines (end of page 1, page 2), 78/253 53, 78/3
 *   and 79/154 11, 79/334 3; the drafts of drafts-80 16 lines in 2 documents.
 *
 * The fidelity report shows both for the official file beside the page counts, so that a page count
 * missed because the official was fitted by hand can be told from one missed by a layout rule.
 */
import { median, type Line, type PdfLayout, type Word } from './measure.js';

/** A line's words are condensed below this median width ratio (noise reaches 0.9925). */
export const CONDENSED_RATIO = 0.9875;
/** The template's line pitch (pt) and the tolerance of its measure in a PDF. */
const PITCH = 12;
const PITCH_TOLERANCE = 0.2;

/** What of an official PDF was set by hand. */
export interface HandSet {
  /** Body lines whose words are condensed (see {@link CONDENSED_RATIO}). */
  condensedLines: number;
  /** Body lines within a paragraph not 12 pt under the line before them. */
  offPitchLines: number;
  /** Median distance (pt) between the lines of a paragraph, or null without any. */
  pitch: number | null;
  /** Pages (1-based) that have lines of either kind. */
  pages: number[];
}

function fullHeight(w: Word, l: Line): boolean {
  return w.y1 - w.y0 >= l.size * 0.7;
}

/** The hand-set lines of a PDF's layout (see the module comment). */
export function handSet(layout: PdfLayout): HandSet {
  const body = layout.pages.map((ls) => ls.filter((l) => l.kind === 'body'));
  // Reference width of each word: its median over the document (words of 3 letters or more seen 4 times or more).
  const widths = new Map<string, number[]>();
  for (const l of body.flat()) {
    for (const w of l.words) {
      if (w.text.length < 3 || !fullHeight(w, l)) continue;
      const ws = widths.get(w.text);
      if (ws) ws.push(w.x1 - w.x0);
      else widths.set(w.text, [w.x1 - w.x0]);
    }
  }
  const reference = new Map<string, number>();
  for (const [text, ws] of widths) if (ws.length >= 4) reference.set(text, median(ws)!);
  let condensedLines = 0;
  let offPitchLines = 0;
  const pitches: number[] = [];
  const pages = new Set<number>();
  body.forEach((ls, p) => {
    ls.forEach((l, i) => {
      const ratios = l.words.filter((w) => fullHeight(w, l) && reference.has(w.text)).map((w) => (w.x1 - w.x0) / reference.get(w.text)!);
      if (ratios.length >= 3 && median(ratios)! < CONDENSED_RATIO) {
        condensedLines++;
        pages.add(p + 1);
      }
      const prev = ls[i - 1];
      // A paragraph's next line: close under the line before (paragraphs are 6 pt or more apart).
      if (!prev || l.y0 - prev.y1 > 3.5) return;
      const pitch = l.y1 - prev.y1;
      pitches.push(pitch);
      if (Math.abs(pitch - PITCH) > PITCH_TOLERANCE) {
        offPitchLines++;
        pages.add(p + 1);
      }
    });
  });
  const pitch = median(pitches);
  return { condensedLines, offPitchLines, pitch: pitch === null ? null : Math.round(pitch * 100) / 100, pages: [...pages].sort((a, b) => a - b) };
}
