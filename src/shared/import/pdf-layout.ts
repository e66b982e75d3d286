/**
 * Rebuilding a resolution's text from the positioned text of a PDF (pure: it works on the items
 * pdf.js extracts, which src/main/services/import-files.ts reads in an import worker). Items become
 * rows (baselines), rows become lines and paragraphs by their gaps, indents and sizes; running
 * heads and feet are dropped, footnotes gathered after a rule, italics and footnote marks kept as
 * the parser's markdown (see html.ts runsToMarkdown).
 */
import { FOOTNOTE_RULE, footnoteLine, runsToMarkdown, type InlineRun } from './html.js';
import { findPdfTables, tableOf } from './pdf-tables.js';
import { tableToPipes } from './tables.js';
import { opensAfterSuspendedHyphen } from './hyphenation.js';

/** A piece of text placed on a page (pdf.js coordinates: y grows upwards). */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
  italic: boolean;
  bold: boolean;
  barcode: boolean;
  /** Raised and smaller than its line: a footnote mark (set when rows are built). */
  sup: boolean;
}

/** A line of text on a page (or one of several pieces of a line far apart, like masthead columns). */
export interface PdfRow {
  page: number;
  y: number;
  size: number;
  x0: number;
  x1: number;
  bold: boolean;
  items: PdfItem[];
  text: string;
}

/** The rows of one page, with the page's height for the running head and foot bands. */
export interface PageRows {
  page: number;
  height: number;
  rows: PdfRow[];
}


/** A text item as pdf.js gives it (`TextItem`), with the real name of its font when known. */
export interface PdfTextItem {
  str: string;
  /** The item's transform matrix [a, b, c, d, e, f]. */
  transform: readonly number[];
  width: number;
  height: number;
  /** The font's real name ("ABCDEF+TimesNewRomanPS-ItalicMT"); '' when unknown. */
  fontName: string;
}

/**
 * The item for the layout, or null for what is not part of the resolution's running text: blank
 * items, items with a broken matrix, and rotated text (stamps, margin notes).
 */
export function pdfItemFrom(it: PdfTextItem): PdfItem | null {
  if (!it.str || !it.str.trim()) return null;
  const [a, b, c, d, e, f] = it.transform;
  if (a === undefined || b === undefined || c === undefined || d === undefined || e === undefined || f === undefined) return null;
  if (![a, b, c, d, e, f, it.width].every(Number.isFinite)) return null;
  if (a <= 0 || Math.abs(b) > Math.abs(a) * 0.1) return null;
  const fontName = it.fontName.replace(/^[A-Z]{6}\+/, '');
  const size = Math.hypot(c, d) || Math.abs(it.height) || 10;
  return {
    str: it.str,
    x: e,
    y: f,
    w: it.width,
    size,
    italic: /italic|oblique|-it$|-ital/i.test(fontName),
    bold: /bold|black|heavy|semibold|demi/i.test(fontName),
    barcode: /barcode|code ?39|3 of 9/i.test(fontName),
    sup: false,
  };
}

/** Letters and digits in an item: a page without them has no text layer (a scan). */
export function letterCount(s: string): number {
  return s.replace(/[^\p{L}\p{N}]/gu, '').length;
}

/**
 * Groups a page's items into rows: by baseline, with a raised smaller item (a footnote mark)
 * attached to the line it belongs to; within a row by x, split where a wide gap separates
 * columns of the masthead ("General Assembly" … "Distr.: General").
 */
export function buildRows(page: number, items: PdfItem[]): PdfRow[] {
  const sorted = items.slice().sort((p, q) => q.y - p.y || p.x - q.x);
  const clusters: PdfItem[][] = [];
  let cur: PdfItem[] = [];
  let refY = 0;
  let refSize = 0;
  for (const it of sorted) {
    if (cur.length && refY - it.y <= 0.45 * Math.max(refSize, it.size)) {
      cur.push(it);
      if (it.size > refSize) {
        refSize = it.size;
        refY = it.y;
      }
      continue;
    }
    if (cur.length) clusters.push(cur);
    cur = [it];
    refY = it.y;
    refSize = it.size;
  }
  if (cur.length) clusters.push(cur);
  const rows: PdfRow[] = [];
  for (const cl of clusters) {
    cl.sort((p, q) => p.x - q.x);
    let piece: PdfItem[] = [];
    const flush = (): void => {
      if (piece.length) rows.push(makeRow(page, piece));
      piece = [];
    };
    for (const it of cl) {
      const prev = piece[piece.length - 1];
      if (prev && it.x - (prev.x + prev.w) > Math.max(30, 3 * it.size, 3 * prev.size)) flush();
      piece.push(it);
    }
    flush();
  }
  return rows;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** A row from items on one line, sorted by x: its size and baseline are those of most of its characters. */
function makeRow(page: number, items: PdfItem[]): PdfRow {
  const weight = new Map<number, number>();
  for (const it of items) weight.set(round1(it.size), (weight.get(round1(it.size)) ?? 0) + it.str.length);
  let size = 0;
  let best = -1;
  for (const [s, w] of weight) {
    if (w > best || (w === best && s > size)) {
      best = w;
      size = s;
    }
  }
  const y = items.filter((it) => round1(it.size) === size).reduce((m, it) => Math.min(m, it.y), Infinity);
  for (const it of items) it.sup = it.size < size * 0.85 && it.y > y + size * 0.12;
  let text = '';
  let prev: PdfItem | null = null;
  for (const it of items) {
    if (prev && needsSpace(prev, it) && !/\s$/.test(text) && !/^\s/.test(it.str)) text += ' ';
    text += it.str;
    prev = it;
  }
  const main = items.filter((it) => !it.sup);
  return {
    page,
    y,
    size,
    x0: items.reduce((m, it) => Math.min(m, it.x), Infinity),
    x1: items.reduce((m, it) => Math.max(m, it.x + it.w), -Infinity),
    bold: main.length > 0 && main.every((it) => it.bold),
    items,
    text: text.trim(),
  };
}

/** A space stands between two items when the gap between them is wider than a narrow space. */
function needsSpace(prev: PdfItem, it: PdfItem): boolean {
  return it.x - (prev.x + prev.w) > 0.15 * Math.max(prev.size, it.size);
}

const RE_JOB = /^\d{2}-\d{5}\*?(?:\s*\([A-Z]\))?(?:\s+\d{6})?\*?$/;
const RE_BARCODE = /^\*\d{7,8}\*$/;
const RE_PAGE = /^(?:Page\s+)?\d{1,4}\s*(?:\/|of)\s*\d{1,4}$|^-?\s*\d{1,4}\s*-?$/i;
const RE_RECYCLE = /^Please recycle/i;
const RE_RULE = /^_{5,}$/;
const RE_SYMBOL = /^(?:[ASE]|A\/HRC|A\/C\.\d)\/[\w.()/ -]{2,40}$/;

/**
 * Turns the pages' rows into markdown: running heads and feet dropped, footnotes moved to a
 * footnote block at the end, lines joined into paragraphs — a new paragraph where the vertical
 * gap is wider than the line spacing, where the font size changes, or where a line is indented
 * after a full line; across a page break, a paragraph goes on unless the next page opens with an
 * indented line. Lines that end well short of the right margin keep their line break (masthead,
 * closing block); full lines are joined, a hyphen at the end kept and no space added.
 */
export function layoutPdf(pages: readonly PageRows[]): string {
  // Body metrics over the whole document.
  const sizeWeight = new Map<number, number>();
  for (const pg of pages) for (const r of pg.rows) sizeWeight.set(r.size, (sizeWeight.get(r.size) ?? 0) + r.text.length);
  let body = 10;
  let bestW = -1;
  for (const [s, w] of sizeWeight) {
    if (w > bestW) {
      bestW = w;
      body = s;
    }
  }
  const isBody = (r: PdfRow): boolean => Math.abs(r.size - body) < 0.6;

  // Running heads and feet repeat: text in the top or bottom band found on two pages or more
  // (numbers aside) is furniture wherever it stands in those bands.
  const bandKey = (r: PdfRow): string => r.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
  const seen = new Map<string, number>();
  for (const pg of pages) {
    const keys = new Set(pg.rows.filter((r) => inBand(r, pg.height)).map(bandKey));
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const repeated = new Set([...seen].filter(([, n]) => n >= 2).map(([k]) => k));
  const isFurniture = (r: PdfRow, page: number, height: number): boolean => {
    const t = r.text.trim();
    if (r.items.every((it) => it.barcode) || RE_BARCODE.test(t) || RE_RECYCLE.test(t)) return true;
    const top = r.y > height * 0.915;
    if (!(r.y < height * 0.065 || (top && page > 1))) return false;
    // Not body text (the UN's running heads are 8.5 pt bold), or the shape of furniture.
    const notBodyLike = Math.abs(r.size - body) > body * 0.08 || r.bold;
    return notBodyLike || RE_JOB.test(t) || RE_PAGE.test(t) || (top && RE_SYMBOL.test(t)) || repeated.has(bandKey(r));
  };

  const bodyRows: PdfRow[] = [];
  const noteRows: PdfRow[] = [];
  for (const pg of pages) {
    const h = pg.height;
    const kept = pg.rows.filter((r) => !isFurniture(r, pg.page, h));
    // Footnotes: below a rule of underscores, or (Word's drawn rule leaves no text) a block of
    // small lines at the foot of the page that opens with a footnote mark.
    let ruleAt = kept.findIndex((r) => RE_RULE.test(r.text.replace(/\s/g, '')));
    let notesFrom = ruleAt >= 0 ? ruleAt + 1 : -1;
    if (ruleAt < 0) {
      let k = kept.length;
      while (k > 0 && kept[k - 1]!.size < body * 0.9) k--;
      if (k < kept.length && k > 0 && startsWithMark(kept[k]!)) notesFrom = k;
      ruleAt = notesFrom;
    }
    for (let k = 0; k < kept.length; k++) {
      if (notesFrom >= 0 && k >= notesFrom) noteRows.push(kept[k]!);
      else if (k !== ruleAt) bodyRows.push(kept[k]!);
    }
  }
  const colLeft = mode(bodyRows.filter(isBody).map((r) => Math.round(r.x0)), 0);
  const rights = bodyRows.filter(isBody).map((r) => r.x1).sort((a, b) => a - b);
  const colRight = rights.length ? rights[Math.floor(rights.length * 0.95)]! : 0;
  const pitch = (() => {
    const gaps: number[] = [];
    for (let k = 1; k < bodyRows.length; k++) {
      const a = bodyRows[k - 1]!;
      const b = bodyRows[k]!;
      if (a.page === b.page && isBody(a) && isBody(b)) gaps.push(Math.round((a.y - b.y) * 2) / 2);
    }
    return mode(gaps.filter((g) => g > 0), body * 1.2);
  })();
  // A full line runs from the left part of the column to its right edge: a wrapped line of a
  // justified paragraph (a right-aligned closing line reaches the edge but starts far right).
  const fullLine = (r: PdfRow): boolean =>
    colRight > 0 && r.x1 >= colRight - Math.max(0.025 * (colRight - colLeft), r.size) && r.x0 <= colLeft + 0.25 * (colRight - colLeft);

  // Paragraphs: each a list of lines, each line a list of rows joined by a space.
  const paras: (PdfRow[][] | string)[] = [];
  const tables = new Map(findPdfTables(bodyRows, body).map((t) => [t.start, t]));
  let prev: PdfRow | null = null;
  for (let k = 0; k < bodyRows.length; k++) {
    const table = tables.get(k);
    if (table) {
      paras.push(tableToPipes(tableOf(table, (pieces) => runsToMarkdown(rowRuns(pieces)))).join('\n'));
      k = table.end - 1;
      prev = null;
      continue;
    }
    const r = bodyRows[k]!;
    let newPara = true;
    let newLine = true;
    if (prev) {
      if (prev.page === r.page) {
        const gap = prev.y - r.y;
        const sameY = Math.abs(gap) < 0.5;
        const limit = Math.max(pitch * 1.3, 1.56 * Math.max(prev.size, r.size));
        // Indented after a full line that started at the column edge: a new paragraph's first line.
        const indented = fullLine(prev) && Math.abs(prev.x0 - colLeft) < 4 && r.x0 > prev.x0 + 8;
        newPara = !sameY && (gap > limit || gap < 0 || Math.abs(prev.size - r.size) > 1 || prev.bold !== r.bold || indented);
        // Only body text is rewrapped; headings and the masthead keep their lines.
        newLine = sameY || !fullLine(prev) || !isBody(prev) || !isBody(r);
      } else {
        newPara = r.x0 > colLeft + 8 || !fullLine(prev) || !isBody(r) || prev.bold !== r.bold;
        newLine = newPara;
      }
    }
    const last = paras[paras.length - 1];
    if (newPara || typeof last !== 'object') paras.push([[r]]);
    else if (newLine) last.push([r]);
    else last.at(-1)!.push(r);
    prev = r;
  }

  const out: string[] = [];
  for (const para of paras) {
    if (typeof para === 'string') {
      out.push(para);
      continue;
    }
    const lines = para.map((rows) => runsToMarkdown(rowRuns(rows))).filter((l) => l.trim());
    if (lines.length) out.push(lines.join('\n'));
  }

  // Footnotes: a row opening with a mark starts a note; other rows continue the last one.
  const notes: { mark: string; rows: PdfRow[] }[] = [];
  for (const r of noteRows) {
    const first = r.items[0]!;
    const markText = first.str.trim();
    const isMark = (first.sup || first.size < r.size * 0.85) && /^(?:\d{1,3}|\*{1,3}|[†‡§])$/.test(markText);
    if (isMark) notes.push({ mark: markText, rows: [{ ...r, items: r.items.slice(1) }] });
    else if (notes.length) notes[notes.length - 1]!.rows.push(r);
    else notes.push({ mark: '', rows: [r] });
  }
  const noteLines = notes
    .map((n) => {
      const text = runsToMarkdown(rowRuns(n.rows));
      return n.mark ? footnoteLine(n.mark, text) : text;
    })
    .filter((l) => l.trim());
  if (noteLines.length) out.push(FOOTNOTE_RULE, ...noteLines);
  return out.join('\n\n') + '\n';
}

/** In the top or bottom band of the page, where running heads and feet stand. */
function inBand(r: PdfRow, height: number): boolean {
  return r.y < height * 0.065 || r.y > height * 0.915;
}

function startsWithMark(r: PdfRow): boolean {
  const first = r.items[0];
  return !!first && (first.sup || first.size < r.size * 0.85) && /^\d{1,3}$|^\*{1,3}$/.test(first.str.trim());
}

/** The runs of a line made of rows: spaces from the gaps, rows joined by a space (or not, after a hyphen). */
function rowRuns(rows: readonly PdfRow[]): InlineRun[] {
  const runs: InlineRun[] = [];
  rows.forEach((row, k) => {
    if (k > 0) {
      // A line ending in a hyphen (or a soft hyphen, dropped) joins the next without a space.
      const last = runs[runs.length - 1];
      const soft = !!last && /\u00ad\s*$/.test(last.text);
      if (last && soft) last.text = last.text.replace(/\u00ad\s*$/, '');
      const joined = soft || (!!last && !last.sup && /[-‐/]\s*$/.test(last.text));
      if (last && joined) last.text = last.text.trimEnd();
      // A suspended hyphen ("zero-" / "and low-emission") keeps the space after it.
      const suspended = joined && !soft && /\p{L}[-‐]\s*$/u.test(rows[k - 1]!.text) && opensAfterSuspendedHyphen(row.text);
      if (!joined || suspended) runs.push({ text: ' ', italic: false });
    }
    let prev: PdfItem | null = null;
    for (const it of row.items) {
      if (prev && needsSpace(prev, it) && !/\s$/.test(prev.str) && !/^\s/.test(it.str)) runs.push({ text: ' ', italic: false });
      runs.push(it.sup ? { text: it.str, sup: true } : { text: it.str, italic: it.italic });
      prev = it;
    }
  });
  return runs;
}

function mode(values: readonly number[], fallback: number): number {
  const count = new Map<number, number>();
  let best = fallback;
  let bestN = 0;
  for (const v of values) {
    const n = (count.get(v) ?? 0) + 1;
    count.set(v, n);
    if (n > bestN) {
      bestN = n;
      best = v;
    }
  }
  return best;
}

