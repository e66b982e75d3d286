/**
 * How a heading of the text prints: its number on a line of its own, then its title, as the
 * official prints parts and sections (A/RES/78/252 "Part II" over "Political affairs", "Section 3"
 * over its title; A/RES/78/247 "I" over its title: bold, at the column edge, not centred).
 * Lettered sub-headings ("A." tab title) keep number and title on one line.
 */
import type { LayoutParagraph, LayoutRun } from './layout.js';

/**
 * A worded number opening a heading's title ("Part II", "Section 29A", "Chapitre IV"): the
 * importer keeps such headings unnumbered with the words in the title, so the writers find them
 * here. English, French and Spanish words, a roman or arabic number with an optional letter, then
 * the title. Exported for tests.
 */
export const WORDED_NUMBER = /^((?:Income\s+section|Part|Section|Chapter|Title|Partie|Chapitre|Titre|Parte|Secci[oó]n|Cap[ií]tulo|T[ií]tulo)\s+(?:[IVXLC]+|\d+[A-Z]?))\s+(?=\S)/u;

/** A heading as printed: `number` ("II", "Part II", "A.", or ""), `ownLine` when it stands above the title, and the title's runs. */
export interface HeadingLines {
  number: string;
  ownLine: boolean;
  runs: LayoutRun[];
}

/**
 * The lines of heading `lp`. A part (level 1) prints its number over its title. An unnumbered
 * heading whose title opens with a worded number prints that number over the rest of the title;
 * only the space between them becomes the line break, every word stays. The number is taken only
 * from a plain first run (no proposal, note, reference or link on it), so what the tracked-changes
 * export marks is never split.
 */
export function headingLines(lp: LayoutParagraph): HeadingLines {
  const level = lp.heading?.level ?? 2;
  if (lp.label || level === 1) return { number: lp.label, ownLine: level === 1, runs: lp.runs };
  const first = lp.runs[0];
  const plain = first && !first.ins && !first.del && first.footnote === undefined && !first.xref && !first.symbolRef && !first.link;
  const m = plain ? WORDED_NUMBER.exec(first.text) : null;
  if (!first || !m) return { number: '', ownLine: false, runs: lp.runs };
  const rest = first.text.slice(m[0].length);
  return { number: m[1]!, ownLine: true, runs: [{ ...first, text: rest }, ...lp.runs.slice(1)] };
}
