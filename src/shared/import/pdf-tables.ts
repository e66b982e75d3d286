/**
 * Tables in a PDF's text layer, read from the x positions of the rows (pure; pdf-layout.ts calls
 * it on the body rows before it joins lines into paragraphs). A staffing table of a budget
 * resolution (A/RES/78/253 VII.6) is set as cells far apart on one baseline; buildRows already
 * splits such a line into pieces, which is what a line of running text never is (its words are
 * never 30 pt apart). A table is only recognised where the evidence is strong, because a
 * paragraph read as a table would lose its place among the paragraphs:
 *
 * - at least three lines split into pieces, all of one size, with nothing between them but lines
 *   that continue a cell (closer to the line above than a row is to the next);
 * - at least two columns separated by a gutter that no item of any line crosses;
 * - a table cut by a page break goes on when the next page opens with the same header row.
 */
import type { Table } from '../resolution/model.js';
import type { PdfItem, PdfRow } from './pdf-layout.js';

/** A table found among the body rows: rows `start` to `end` (exclusive) are its lines. */
export interface PdfTable {
  start: number;
  end: number;
  /** Cells as lists of pieces (rows of items within one cell), for the caller to turn into text. */
  cells: PdfRow[][][];
  header: boolean;
}

/** Lines of the body: runs of rows on one page and one baseline (buildRows' pieces of a line). */
interface Line {
  from: number;
  to: number;
  rows: PdfRow[];
  page: number;
  y: number;
  size: number;
}

function linesOf(rows: readonly PdfRow[]): Line[] {
  const out: Line[] = [];
  rows.forEach((r, k) => {
    const last = out[out.length - 1];
    if (last && last.page === r.page && Math.abs(last.y - r.y) < 0.5) {
      last.rows.push(r);
      last.to = k + 1;
    } else out.push({ from: k, to: k + 1, rows: [r], page: r.page, y: r.y, size: r.size });
  });
  return out;
}

const sameSize = (a: number, b: number): boolean => Math.abs(a - b) < 0.6;

/** A line's size: that of its longest piece (a dash may be set larger than its row). */
function sizeOf(l: Line): number {
  return l.rows.reduce((a, r) => (r.text.length > a.text.length ? r : a)).size;
}

/** Every piece of the line is of `size`, but for a piece of three characters or fewer ("–"). */
function fits(l: Line, size: number): boolean {
  return l.rows.every((r) => sameSize(r.size, size) || r.text.length <= 3);
}

/** A short line at the table's left edge: the label of a group of rows. */
function isLabel(l: Line, left: number): boolean {
  const r = l.rows[0]!;
  return r.text.length <= 60 && r.x0 >= left - 1 && r.x0 <= left + 16;
}

/**
 * The tables among `rows` (the body rows in reading order, running heads and footnotes removed),
 * in order, none overlapping. `bodySize` is the running text's size: a table set at the body
 * size still counts, the size only has to be the same on all its lines.
 */
export function findPdfTables(rows: readonly PdfRow[], bodySize: number): PdfTable[] {
  const lines = linesOf(rows);
  const found: { lines: Line[]; table: PdfTable; headerKey: string; cols: number; size: number; left: number }[] = [];
  let i = 0;
  let free = 0; // lines before this belong to a table already
  while (i < lines.length) {
    const first = lines[i]!;
    const next = lines[i + 1];
    if (first.rows.length < 2 || !next || next.page !== first.page) {
      i++;
      continue;
    }
    // A header row may be set smaller than the cells, or in italics or bold (78/253: 7 pt italics
    // over 8.5 pt), even over a first row with one cell filled (A/C.4/80/L.15: "Week of …").
    const headerRow = styled(first) || sizeOf(first) < sizeOf(next) - 0.5;
    const size = headerRow && (next.rows.length >= 2 || sizeOf(first) < sizeOf(next) - 0.5) ? sizeOf(next) : sizeOf(first);
    const left = Math.min(...first.rows.map((r) => r.x0), ...next.rows.map((r) => r.x0));
    const gapOk = (a: Line, b: Line): boolean => a.page === b.page && a.y - b.y > 0 && a.y - b.y < size * 3.2;
    // Where the columns after the first start: a line whose one piece starts there is a row with
    // its first cell empty, or the next paragraph of a cell (A/C.4/80/L.15's programme column).
    const columnStarts = first.rows.slice(1).map((r) => r.x0);
    let j = i + 1;
    let split = 1;
    while (j < lines.length) {
      const l = lines[j]!;
      const prev = lines[j - 1]!;
      if (!gapOk(prev, l) || !fits(l, size)) break;
      if (l.rows.length >= 2) {
        for (const r of l.rows.slice(1)) if (!columnStarts.some((x) => Math.abs(x - r.x0) < 1.5)) columnStarts.push(r.x0);
        split++;
        j++;
        continue;
      }
      // Such lines are evidence of the columns once a row or the header row has shown them.
      if ((split >= 2 || headerRow) && inLaterColumn(l, columnStarts)) {
        split++;
        j++;
        continue;
      }
      // A wrapped cell's next line, or labels of a group of rows ("General Service") before a row.
      if (prev.y - l.y <= size * 1.35 && l.rows[0]!.x0 >= left - 1) {
        j++;
        continue;
      }
      // Labels, then a row's label of any length wrapped over lines ("Of which:" / "Contributions
      // apportioned … with" / "the scale of assessments …" / "United Nations for 2026   28 063 300 …"):
      // only when a line with cells follows within six lines, at the table's size.
      let m = j;
      const x0 = (k: number): number => lines[k]!.rows[0]!.x0;
      const wraps = (k: number): boolean => (k > j && lines[k - 1]!.y - lines[k]!.y <= size * 1.35 && x0(k) >= left - 1) || (x0(k) >= left - 1 && x0(k) <= left + 16);
      while (m < lines.length && m < j + 6 && lines[m]!.rows.length === 1 && gapOk(lines[m - 1]!, lines[m]!) && fits(lines[m]!, size) && (isLabel(lines[m]!, left) || wraps(m) || inLaterColumn(lines[m]!, columnStarts))) m++;
      if (m > j && m < lines.length && lines[m]!.rows.length >= 2 && gapOk(lines[m - 1]!, lines[m]!) && fits(lines[m]!, size)) {
        j = m;
        continue;
      }
      break;
    }
    // The rest of a table on the next page may be short: it repeats the header row of the table before.
    const before = found[found.length - 1];
    const goesOn = (x: { headerKey: string; cols: number } | null): boolean =>
      !!x && !!before && before.table.end === first.from && before.lines[before.lines.length - 1]!.page === first.page - 1 && x.headerKey === before.headerKey && x.cols === before.cols;
    let t = split >= 2 ? readTable(lines.slice(i, j), false) : null;
    if (t && split < 3 && !goesOn(t)) t = null;
    if (!t) {
      i++;
      continue;
    }
    // Header lines above, set smaller (78/252's "Number of posts (excluding special political missions)").
    // Above the first row: the first lines of its wrapped cell, labels of its group, and header lines set smaller.
    let k = i;
    let small = false;
    while (k > free && k > i - 6 && gapOk(lines[k - 1]!, lines[k]!)) {
      const l = lines[k - 1]!;
      if (sizeOf(l) < size - 0.5 && l.rows.every((r) => r.text.length <= 40)) small = true;
      else if (small || !fits(l, size) || l.rows.length > 1 || !isLabel(l, left)) break;
      k--;
    }
    while (k < i && sizeOf(lines[k]!) >= size - 0.5) k++;
    let own = i;
    while (own > k && sizeOf(lines[own - 1]!) >= size - 0.5) own--;
    // With the header lines if they keep the columns (a header spanning two columns does not), else without.
    for (const [from, head] of [[k, true], [own, false]] as const) {
      const more = from < i ? readTable(lines.slice(from, j), head) : null;
      if (more && more.cols === t.cols) {
        t = more;
        break;
      }
    }
    found.push({ ...t, size, left });
    i = j;
    free = j;
  }
  // A table cut by a page break: the next page repeats its header row.
  const merged: typeof found = [];
  for (const t of found) {
    const prev = merged[merged.length - 1];
    if (prev && prev.table.end === t.table.start && prev.table.header && t.table.header && t.headerKey === prev.headerKey && t.cols === prev.cols && t.lines[0]!.page === prev.lines[prev.lines.length - 1]!.page + 1) {
      prev.table.cells.push(...t.table.cells.slice(1));
      prev.table.end = t.table.end;
      prev.lines.push(...t.lines);
      continue;
    }
    merged.push(t);
  }
  // The table's note ("Abbreviations: GS (OL), …"), set at the size of the cells below the last
  // row, smaller than the text: a last row, its words in the first cell.
  for (const t of merged) {
    const at = lines.findIndex((l) => l.from === t.table.end);
    const note: PdfRow[] = [];
    for (let n = at; n >= 0 && n < lines.length; n++) {
      const l = lines[n]!;
      const prev = lines[n - 1]!;
      const gap = prev.y - l.y;
      const ok = l.page === prev.page && gap > 0 && l.rows.length === 1 && fits(l, t.size) && t.size < bodySize - 0.5;
      if (!ok || (note.length === 0 ? gap >= t.size * 3.2 || Math.abs(l.rows[0]!.x0 - t.left) > 16 : gap > t.size * 1.35)) break;
      note.push(l.rows[0]!);
      t.table.end = l.to;
    }
    if (note.length) t.table.cells.push([note, ...Array.from({ length: t.cols - 1 }, () => [])]);
  }
  return merged.map((t) => t.table);
}

/** A line of one piece that starts where a column after the first starts (within 1.5 pt). */
function inLaterColumn(l: Line, columnStarts: readonly number[]): boolean {
  return l.rows.length === 1 && columnStarts.some((x) => Math.abs(x - l.rows[0]!.x0) < 1.5);
}

/** A line set all in italics or bold (a header row). */
function styled(l: Line): boolean {
  return l.rows.every((r) => r.items.every((it) => it.italic || it.bold));
}

/** Reads lines as a table by the gutters between columns, or null when they are not one. */
function readTable(lines: Line[], smallHeader: boolean): { lines: Line[]; table: PdfTable; headerKey: string; cols: number } | null {
  const size = sizeOf(lines[lines.length - 1]!);
  const items = lines.flatMap((l) => l.rows.flatMap((r) => r.items.filter((it) => !it.sup)));
  // Gutters: x ranges that no item covers, at least a size wide, between the table's edges.
  const spans = items.map((it) => [it.x, it.x + it.w] as const).sort((a, b) => a[0] - b[0]);
  const cuts: number[] = [];
  let reach = spans[0]![1];
  for (const [a, b] of spans.slice(1)) {
    if (a - reach >= size) cuts.push((a + reach) / 2);
    reach = Math.max(reach, b);
  }
  if (cuts.length === 0) return null;
  const colOf = (it: PdfItem): number => cuts.filter((c) => it.x > c).length;
  // Every line that opens a row must have a piece in two columns or more; rows are split where the
  // gap between lines is wider than a wrapped cell's line spacing.
  const gaps = lines.slice(1).map((l, k) => lines[k]!.y - l.y);
  // Lines of a wrapped cell stand closer than rows do when rows are spaced apart; in a table
  // without that spacing every line is a row (words kept, a wrapped cell shown over two rows).
  const wrap = size * 1.3;
  const padded = gaps.some((g) => g > wrap);
  const rowsOfLines: Line[][] = [];
  lines.forEach((l, k) => {
    if (k === 0 || !padded || gaps[k - 1]! > wrap) rowsOfLines.push([l]);
    else rowsOfLines[rowsOfLines.length - 1]!.push(l);
  });
  const ncols = cuts.length + 1;
  const cells: PdfRow[][][] = [];
  for (const group of rowsOfLines) {
    const row: PdfRow[][] = Array.from({ length: ncols }, () => []);
    for (const l of group) {
      for (let c = 0; c < ncols; c++) {
        const its = l.rows.flatMap((r) => r.items).filter((it) => colOf(it) === c);
        if (its.length) row[c]!.push({ ...l.rows[0]!, items: its, x0: its[0]!.x, x1: its[its.length - 1]!.x + its[its.length - 1]!.w, text: its.map((it) => it.str).join('') });
      }
    }
    cells.push(row);
  }
  if (cells.length < 2) return null;
  const firstItems = rowsOfLines[0]!.flatMap((l) => l.rows.flatMap((r) => r.items));
  const header = smallHeader || styled(rowsOfLines[0]![0]!);
  const headerKey = firstItems.map((it) => it.str).join('').replace(/\s+/g, '');
  return { lines, table: { start: lines[0]!.from, end: lines[lines.length - 1]!.to, cells, header }, headerKey, cols: ncols };
}

/** The table with each cell's pieces turned into text by `text` (pdf-layout's runs → markdown). */
export function tableOf(t: PdfTable, text: (pieces: PdfRow[]) => string): Table {
  return { header: t.header, rows: t.cells.map((row) => row.map((pieces) => (pieces.length ? text(pieces).replace(/\s+/g, ' ').trim() : ''))) };
}
