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
