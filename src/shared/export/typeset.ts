/**
 * Typesetting rules the Secretariat's Word files apply to the words of a document without
 * changing them (issue 13, measured on the 39 official PDFs of ../shared/corpus/pdf): the space
 * inside a date ("20 December") and after the abbreviations "No.", "para.", "paras." and "vol."
 * is a no-break space, so a line never ends on the day or the abbreviation. In 1,400 lines that
 * end a line inside a paragraph there is no "20 | December", "No. | 18232" or "para. | 17"
 * although those pairs occur hundreds of times; "resolution | 70/1" does break, so it is not
 * tied. The print exports (PDF, .docx) use this so that they break lines where the UN's do.
 */

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const TIED = new RegExp(`(?<=(?:^|[^\\p{L}\\p{N}])(?:\\d{1,2}|No\\.|para\\.|paras\\.|vol\\.)) (?=(?:${MONTHS})(?!\\p{L})|\\d)`, 'gu');

/** No-break space (U+00A0). */
export const NBSP = '\u00a0';

/**
 * `text` with the spaces the UN ties replaced by no-break spaces (see the module comment): after
 * a day before an English month name, and after "No.", "para.", "paras.", "vol." before a number.
 * Every other character is left as it is; the result has the same length.
 */
export function tieSpaces(text: string): string {
  return text.replace(TIED, NBSP);
}

/**
 * A word opened by the prefix "non-" ("non-governmental", "Non-Proliferation"), up to the next
 * hyphen or the end of the word: the UN's Word files set that hyphen as a non-breaking hyphen.
 * Measured on the 659 resolutions of ../shared/corpus/ga-en (their text layers keep the official
 * line ends): a line ends on "non-" or "Non-" 8 times in 2,111 such words, against 5–16 % for
 * every other common first element ("self-" 89 of 562, "Secretary-" 158 of 3,379, "twenty-" 25 of
 * 404); in A/RES/78/30 the title's "Non‑Proliferation" even reads as a non-breaking hyphen in the
 * text layer. Only the first hyphen is tied: "Non-Self-|Governing" breaks in the official.
 */
const NON_PREFIX = /(?<![\p{L}\p{N}\-\u2011])[Nn]on-[\p{L}\p{N}]+/gu;

/**
 * The pieces of `text` a printer must not break inside (see {@link NON_PREFIX}): the text cut
 * into alternating runs, `tied` true for a piece that must stay on one line. Joined back in
 * order, the pieces are exactly `text`; nothing is changed or dropped.
 */
export function tiedHyphenPieces(text: string): { text: string; tied: boolean }[] {
  const out: { text: string; tied: boolean }[] = [];
  let at = 0;
  for (const m of text.matchAll(NON_PREFIX)) {
    if (m.index > at) out.push({ text: text.slice(at, m.index), tied: false });
    out.push({ text: m[0], tied: true });
    at = m.index + m[0].length;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), tied: false });
  return out;
}
