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
 * here (a convention's "Article 3" over its title too, as A/C.6/80/L.8 prints it). English, French and Spanish words, a roman or arabic number with an optional letter, then
 * the title. Exported for tests.
 */
export const WORDED_NUMBER = /^((?:Income\s+section|Part|Section|Chapter|Article|Title|Partie|Chapitre|Titre|Parte|Secci[oó]n|Cap[ií]tulo|Art[ií]culo|T[ií]tulo)\s+(?:[IVXLC]+|\d+[A-Z]?))\s+(?=\S)/u;

/** A heading as printed: `number` ("II", "Part II", "A.", or ""), `ownLine` when it stands above the title, and the title's runs. */
export interface HeadingLines {
  number: string;
  ownLine: boolean;
  runs: LayoutRun[];
  /** The run the number was, when it was a run of its own (its italics kept). */
  numberRun?: LayoutRun;
}

/**
 * The lines of heading `lp`. A part (level 1) prints its number over its title. An unnumbered
 * heading (of any level) whose title opens with a worded number prints that number over the rest
 * of the title, also when the number is a run of its own ("Article 3" in italics, A/C.6/80/L.8);
 * only the space between them becomes the line break, every word stays. The number is taken only
 * from a plain first run (no proposal, note, reference or link on it), so what the tracked-changes
 * export marks is never split.
 */
export function headingLines(lp: LayoutParagraph): HeadingLines {
  const level = lp.heading?.level ?? 2;
  if (lp.label) return { number: lp.label, ownLine: level === 1, runs: lp.runs };
  const none: HeadingLines = { number: '', ownLine: level === 1, runs: lp.runs };
  const first = lp.runs[0];
  const plain = (r: LayoutRun | undefined): r is LayoutRun => !!r && !r.ins && !r.del && r.footnote === undefined && !r.xref && !r.symbolRef && !r.link;
  if (!plain(first)) return none;
  const m = WORDED_NUMBER.exec(first.text);
  if (m) return { number: m[1]!, ownLine: true, runs: [{ ...first, text: first.text.slice(m[0].length) }, ...lp.runs.slice(1)] };
  // The number as a run of its own (an italic "Article 3"); the space after it, a run of its own
  // or the start of the next, becomes the line break.
  const alone = WORDED_NUMBER.exec(`${first.text} x`);
  if (!alone || alone[1] !== first.text) return none;
  const rest = lp.runs.slice(1);
  const next = rest[0];
  if (!plain(next) || !/^\s/.test(next.text)) return none;
  const trimmed = next.text.replace(/^\s+/, '');
  const runs = trimmed ? [{ ...next, text: trimmed }, ...rest.slice(1)] : rest.slice(1);
  if (!runs.length || !runs.some((r) => r.text.trim())) return none;
  return { number: first.text, numberRun: first, ownLine: true, runs };
}
