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

/**
 * Two more ties measured the same way, on the 660 resolutions of ../shared/corpus/ga-en (their
 * text layers keep the official line ends; a space between two words of a paragraph ends a line
 * 4–7 % of the time): a part named by its roman numeral ("section XVI", "annex I", "Part VII",
 * "chapters II") ends a line 4 times in 1,346, and a number before "million", "billion",
 * "trillion" or "degrees" 2 times in 685. In the 85 PDFs of both corpora the export broke
 * "section | XVI", "1.5 | degrees" or "354 | million" 14 times where the official never did.
 */
const TIED_MORE = /(?<=(?:^|[^\p{L}\p{N}])(?:[Ss]ections?|[Aa]nnex(?:es)?|[Cc]hapters?|[Pp]arts?)) (?=[IVXL]+(?![\p{L}\p{N}]))|(?<=\d) (?=(?:million|billion|trillion|degrees)(?!\p{L}))/gu;

/** No-break space (U+00A0). */
export const NBSP = '\u00a0';

/**
 * `text` with the spaces the UN ties replaced by no-break spaces (see the module comment): after
 * a day before an English month name, and after "No.", "para.", "paras.", "vol." before a number;
 * before the roman numeral of a section, annex, chapter or part, and between a number and
 * "million", "billion", "trillion" or "degrees" (see {@link TIED_MORE}).
 * Every other character is left as it is; the result has the same length.
 */
export function tieSpaces(text: string): string {
  return text.replace(TIED, NBSP).replace(TIED_MORE, NBSP);
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
  return tiedPieces(text, NON_PREFIX);
}

/** `text` cut into alternating runs, `tied` true for each match of the global `re`; joined back, exactly `text`. */
function tiedPieces(text: string, re: RegExp): { text: string; tied: boolean }[] {
  const out: { text: string; tied: boolean }[] = [];
  let at = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > at) out.push({ text: text.slice(at, m.index), tied: false });
    out.push({ text: m[0], tied: true });
    at = m.index + m[0].length;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), tied: false });
  return out;
}

/**
 * "draft resolution" and "draft decision" ending a draft's sponsor line: the UN's Word files tie
 * the two words. Over the 46 sponsor lines of ../shared/corpus/drafts-80 they never part, and 2 of the 3
 * lines that end on the country list (A/C.4/80/L.10, A/C.3/80/L.47) had room for "draft" after
 * the colon (boldLines at the measured 0.32 pt a letter) yet carry it over with its noun.
 */
const DRAFT_KIND = /\bdraft (?:resolution|decision)$/g;

/**
 * A sponsor line cut into alternating runs as {@link tiedHyphenPieces} does, `tied` true for the
 * "draft resolution" or "draft decision" that ends it (see {@link DRAFT_KIND}), which a printer
 * keeps on one line; an amendment's "… to draft resolution A/C.3/80/L.50" is left as it is. Joined back in order, the pieces are exactly `line`.
 */
export function sponsorLinePieces(line: string): { text: string; tied: boolean }[] {
  return tiedPieces(line, DRAFT_KIND);
}

/**
 * Advance widths of Times New Roman Bold (and of Liberation Serif Bold, which has the same
 * metrics), in thousandths of an em, for the characters from U+0020 to U+007E (read from
 * LiberationSerif-Bold.ttf's hmtx table).
 */
const BOLD_ASCII = [
  250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722,
  667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444,
  556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];
const BOLD_OTHER: Readonly<Record<string, number>> = { '\u00a0': 250, '\u2011': 333, '’': 333, '‘': 333, '“': 500, '”': 500, '–': 500, '—': 1000, '…': 1000 };

/** Advance of `c` in Times New Roman Bold, thousandths of an em (accented letters as their base letter; others 500). */
function boldAdvance(c: string): number {
  const code = c.codePointAt(0)!;
  if (code >= 32 && code < 127) return BOLD_ASCII[code - 32]!;
  const other = BOLD_OTHER[c];
  if (other !== undefined) return other;
  const base = c.normalize('NFD').codePointAt(0)!;
  return base >= 32 && base < 127 ? BOLD_ASCII[base - 32]! : 500;
}

/**
 * How a browser breaks `text` set in Times New Roman Bold at `size` pt with `spacing` pt after
 * every character (CSS letter-spacing, no kerning) into lines of at most `width` pt: greedy, at
 * spaces and after a hyphen between letters, never inside a tied piece ({@link tiedHyphenPieces})
 * nor at a no-break space. Returns the lines' words as printed, for deciding how a title is set
 * (html.ts); the metrics are the font's own, so within a few tenths of a point of the print.
 */
export function boldLines(text: string, size: number, spacing: number, width: number): string[] {
  const trimEnd = (s: string): string => s.replace(/(?<! ) +$/, '');
  // Break opportunities: the text cut into pieces that each end where a line may end: after a
  // space, or after a hyphen before a letter (not "COVID-19"), never inside a tied piece.
  const pieces: string[] = [];
  let cur = '';
  for (const p of tiedHyphenPieces(text.replace(/[^\S\u00a0]+/g, ' ').replace(/^ +|(?<! ) +$/g, ''))) {
    if (p.tied) {
      cur += p.text;
      continue;
    }
    const cs = [...p.text];
    cs.forEach((c, i) => {
      cur += c;
      if (c === ' ' || (c === '-' && /\p{L}/u.test(cs[i + 1] ?? ''))) {
        pieces.push(cur);
        cur = '';
      }
    });
  }
  if (cur) pieces.push(cur);
  const measure = (s: string): number => [...s].reduce((w, c) => w + (boldAdvance(c) / 1000) * size + spacing, 0);
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    const next = line + piece;
    if (line && measure(trimEnd(next)) > width) {
      lines.push(trimEnd(line));
      line = piece;
    } else line = next;
  }
  if (line.replace(/ /g, '')) lines.push(trimEnd(line));
  return lines;
}
