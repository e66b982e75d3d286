/**
 * Writing the markdown the resolution parser reads (markdown.ts), for the readers that build it
 * from formatted input: HTML (html.ts), and Word and PDF runs (main/services/import-files.ts).
 * Italic runs as `*…*`, footnote marks as `<sup>n</sup>`, footnote blocks after a rule of
 * underscores, list items with their labels written out, markup characters escaped.
 */

/** The line that opens a footnote block, as in the text layer of UN PDFs. */
export const FOOTNOTE_RULE = '__________________';

/**
 * One footnote of a footnote block, in the form the parser's markdown reader takes for a
 * footnote definition: `<sup>n</sup> Text`.
 */
export function footnoteLine(mark: string, markdownText: string): string {
  return `<sup>${mark}</sup> ${markdownText.replace(/(?<!\s)\s*\n\s*/g, ' ').trim()}`;
}

/** Letters as list items count them: 1 → a, 26 → z, 27 → aa. */
function alpha(n: number): string {
  let s = '';
  let k = n;
  while (k > 0) {
    k--;
    s = String.fromCharCode(97 + (k % 26)) + s;
    k = Math.floor(k / 26);
  }
  return s || 'a';
}

/** Lower-case roman numeral (1 → i). */
function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let s = '';
  let k = n;
  for (const [v, r] of table) {
    while (k >= v) {
      s += r;
      k -= v;
    }
  }
  return s;
}

/** The label of an ordered-list item, by explicit type or by UN level (1. → (a) → (i) → a. → i.). */
export function listLabel(n: number, style: string, depth: number): string {
  switch (style) {
    case '1':
      return `${n}.`;
    case 'a':
      return `(${alpha(n)})`;
    case 'A':
      return `${alpha(n).toUpperCase()}.`;
    case 'i':
      return `(${roman(n)})`;
    case 'I':
      return `${roman(n).toUpperCase()}.`;
  }
  switch (depth) {
    case 2:
      return `(${alpha(n)})`;
    case 3:
      return `(${roman(n)})`;
    case 4:
      return `${alpha(n)}.`;
    case 5:
      return `${roman(n)}.`;
    default:
      return `${n}.`;
  }
}

/** Backslash-escapes the characters the parser's markdown reader would take for markup. */
function escapeMd(s: string): string {
  return s.replace(/[\\*_[\]<`]/g, '\\$&');
}

/** A run of text for {@link runsToMarkdown}: roman, italic, or a superscript (footnote mark). */
export interface InlineRun {
  text: string;
  italic?: boolean;
  sup?: boolean;
}

/**
 * Renders runs as one line of the parser's markdown: italic runs as `*…*` (whitespace kept
 * outside the stars, and a space between two italic runs made italic so "*Taking* *note*" comes
 * out as "*Taking note*"); a superscript that is a footnote mark (digits or `*`, `†`…) as
 * `<sup>n</sup>`, any other superscript ("th", "e", "er") as plain text; characters the parser
 * reads as markup (`*`, `_`, `[`, `]`, `<`, `` ` ``, `\`) escaped. Newlines are not expected.
 */
export function runsToMarkdown(input: readonly InlineRun[]): string {
  const items = input.map((r) => ({ text: r.text, italic: !!r.italic && !r.sup, sup: !!r.sup }));
  for (let k = 0; k < items.length; k++) {
    const s = items[k]!;
    if (s.sup || s.italic || s.text.trim()) continue;
    const prev = items[k - 1];
    const next = items[k + 1];
    if (prev && !prev.sup && prev.italic && next && !next.sup && next.italic) s.italic = true;
  }
  let out = '';
  let run = '';
  let runItalic = false;
  const emitRun = (): void => {
    if (!run) return;
    const norm = collapse(run);
    if (runItalic && norm.trim()) {
      const lead = /^\s*/.exec(norm)![0];
      const trail = /(?<!\s)\s*$/.exec(norm)![0];
      out += `${lead}*${escapeMd(norm.trim())}*${trail}`;
    } else out += escapeMd(norm);
    run = '';
  };
  for (const s of items) {
    if (s.sup) {
      emitRun();
      const t = s.text.replace(/[[\]\s]/g, '');
      if (/^\d+$|^[*†‡§]+$/.test(t)) out += `<sup>${t}</sup>`;
      else if (t) out += escapeMd(t); // ordinals ("1er", "54th") and the like stay plain text
      continue;
    }
    if (s.italic !== runItalic) {
      emitRun();
      runItalic = s.italic;
    }
    run += s.text;
  }
  emitRun();
  return collapse(out);
}

/** Runs of spaces (ordinary or no-break) become one; a single no-break space is kept. */
function collapse(s: string): string {
  return s.replace(/[ \u00a0]{2,}/g, ' ');
}
