/**
 * Calls of star notes in the text (issue 13): a draft's notes after the sponsors' "*" are marked
 * "**", "***" (or †, ‡) where the text cites them, set as plain characters, not raised: "…
 * Statute of the International Criminal Court,** and noting …" (A/80/L.19, a note on the text an
 * amendment quotes). markFootnotes (inline.ts) places numbered marks only; this places a star
 * note at its call, so it stays where the document cites it instead of losing its place (kept
 * uncited at the end) while its "**" stays in the words.
 */
import { fnRef } from './inline.js';

const STAR_MARK = /^(?:\*{1,3}|[†‡§])$/;

/**
 * `texts` with the first call of each of `marks` (star marks not placed yet; others are left)
 * replaced by a footnote reference, in order: the mark exactly (a run of as many stars, no star
 * before or after it), right after a word, a closing quote, bracket or punctuation, and before a
 * space, punctuation or the end. Returns the texts and the marks placed.
 */
export function markStarCalls(texts: readonly string[], marks: readonly string[]): { texts: string[]; found: Set<string> } {
  const out = [...texts];
  const found = new Set<string>();
  for (const mark of marks) {
    if (!STAR_MARK.test(mark) || found.has(mark)) continue;
    const esc = mark.replace(/\*/g, '\\*');
    const re = new RegExp(`(?<=[\\p{L}\\p{N}.,;:)\\]”’"»])(?<![*†‡§])${esc}(?![*†‡§])(?=[\\s.,;:)]|$)`, 'u');
    for (let k = 0; k < out.length; k++) {
      const m = re.exec(out[k]!);
      if (!m) continue;
      out[k] = out[k]!.slice(0, m.index) + fnRef(mark) + out[k]!.slice(m.index + mark.length);
      found.add(mark);
      break;
    }
  }
  return { texts: out, found };
}
