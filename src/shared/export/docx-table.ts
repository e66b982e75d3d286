/**
 * Tables in the Word export as the official prints them (issue 13; measured on A/RES/78/252 annex
 * and A/RES/78/253, ../shared/corpus/pdf, rendered at 720 dpi and with `pdftotext -bbox`):
 *
 * - Rules across the table only, no vertical lines and none between the rows: 0.5 pt over the
 *   column headings, 1.5 pt under them, 1.5 pt under the last row (78/252 p. 10–11, 78/253 p. 7,
 *   8, 12). The heading rules belong to the heading row, so a table that runs over a page repeats
 *   its headings between the same rules (w:tblHeader), as 78/252 page 11 does.
 * - Column headings in italics, 7 pt on 8 pt (bounding boxes 7.7–7.8 pt high against 9.4 pt for
 *   the 8.5 pt body; lines 8.0 pt apart), at the foot of the heading row: 10.5 pt from the upper
 *   rule to the first heading baseline, 5.6–5.8 pt from the last baseline to the rule under them.
 * - The first row starts lower: 14.2–14.8 pt from the rule under the headings to its baseline
 *   (the rows are 14–14.5 pt apart); the last row's baseline is 4.1 pt over the closing rule.
 * - Text flush with the rule's left end (123.4 pt), numbers flush right 2.3 pt inside its right
 *   end (489.4 pt: the table is 366 pt wide); a column of numbers (or dashes for nil) is set flush
 *   right, its heading too; other columns flush left.
 * - Columns after the first keep 6 pt before their text, so columns never touch; the widths are
 *   shared so the table takes the fewest lines ({@link columnWidths}).
 */
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import type { RunContext } from './docx-body.js';
import { STYLE } from './docx-styles.js';
import type { Table as TableModel } from '../resolution/model.js';

/** Width of an official table: the rules run from 123.4 pt to 489.4 pt (twips). */
export const TABLE_WIDTH = 366 * 20;
/** Space inside a cell after its text: the numbers of the last column end 2.3 pt inside the rule. */
const CELL_RIGHT = 46;
/**
 * Space before the text of a column after the first (twips): 6 pt, so that two columns of numbers
 * or of words never touch (78/253: 25 pt between the action and the title of post; A/C.5/80/L.13:
 * 45 pt between two amounts).
 */
const CELL_LEFT = 120;
/** The space a cell of column `k` keeps around its text. */
const padding = (k: number): number => CELL_RIGHT + (k > 0 ? CELL_LEFT : 0);
/** The rules, in eighths of a point: 0.5 pt over the headings, 1.5 pt under them and under the table. */
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const THICK = { style: BorderStyle.SINGLE, size: 12, color: '000000' };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' };
/** Extra space over the first row under the headings and under the last row (twips): see the module comment. */
const FIRST_ROW_BEFORE = 120;
const LAST_ROW_AFTER = 45;

/** A cell that reads as a number or as nil: "1 131", "2,059", "-3.5", "12 %", "–". */
const NUMBER = /^(?:[-+−(]?\d[\d\s.,]*%?\)?|[–—-])$/u;

/** Whether column `k` holds numbers: every body cell that is not empty reads as one, and one at least is a digit. */
function numeric(t: TableModel, k: number): boolean {
  const cells = t.rows
    .slice(t.header ? 1 : 0)
    .map((r) => (r[k] ?? '').trim())
    .filter((c) => c !== '');
  return cells.length > 0 && cells.every((c) => NUMBER.test(c)) && cells.some((c) => /\d/.test(c));
}

/**
 * Advance widths of Times New Roman (Liberation Serif has the same), thousandths of an em, for
 * U+0020 to U+007E (the Times-Roman metrics).
 */
const ROMAN_ASCII = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722,
  667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444,
  500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];

/**
 * Width of `s` at 8.5 pt as Word sets it (twips): Times New Roman's advances (ideographs an em,
 * other characters half an em) plus the 0.043 em a letter Word adds at 8.5 pt (html.ts,
 * NOTE_LETTER_SPACING: "National Professional Officer" is 108.3 pt in 78/252, 100 pt bare).
 */
function textWidth(s: string): number {
  let em = 0;
  for (const c of s) {
    const code = c.codePointAt(0)!;
    em += 0.043 + (code >= 32 && code < 127 ? ROMAN_ASCII[code - 32]! / 1000 : /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(c) ? 1 : 0.5);
  }
  return em * 170;
}
const SPACE = textWidth(' ');

/** How many lines the words (their widths) take in `room` twips, broken greedily at spaces. */
function linesIn(words: readonly number[], room: number): number {
  let lines = 1;
  let line = -SPACE;
  for (const w of words) {
    if (line >= 0 && line + SPACE + w > room) {
      lines++;
      line = w;
    } else line += SPACE + w;
  }
  return lines;
}

/**
 * Column widths (twips, summing to `total`) that make the table shortest: each column gets at
 * least its longest word; the room left goes, a slice at a time, to the column where it saves the
 * most lines of the body a twip, and what no column needs goes to the columns of text when text
 * still wraps, else to the columns of `numbers`, else to all, evening them out, as in the official
 * tables. A number is one word: it does not wrap. So a column
 * of labels is as wide as its labels (78/252 annex) and a column with one long cell does not take
 * the room of a column whose every cell wraps (78/253 "Redeployment from … Unit" beside the titles).
 */
export function columnWidths(t: TableModel, cols: number, numbers: readonly boolean[], total = TABLE_WIDTH): number[] {
  const words = t.rows.map((r) =>
    Array.from({ length: cols }, (_, k) => {
      const cell = (r[k] ?? '').trim();
      return NUMBER.test(cell) ? [textWidth(cell)] : cell.split(/\s+/).filter(Boolean).map(textWidth);
    }),
  );
  // The headings wrap as the official's do (78/252: three lines each): only the body's lines count.
  const weight = t.rows.map((_, i) => (i === 0 && t.header ? 0 : 1));
  const least = Array.from({ length: cols }, (_, k) => padding(k) + Math.max(0, ...words.flatMap((r) => r[k]!)));
  const sumLeast = least.reduce((a, b) => a + b, 0);
  if (sumLeast >= total) return settle(least.map((l) => (l * total) / sumLeast), total);
  const w = [...least];
  const lines = words.map((r) => r.map((c, k) => linesIn(c, w[k]! - padding(k))));
  let room = total - sumLeast;
  const step = Math.max(20, room / 50);
  for (;;) {
    // Each row's tallest cell outside column k, for every k: its two tallest cells.
    const tops = lines.map((r) => {
      let a = 0;
      for (let j = 1; j < r.length; j++) if (r[j]! > r[a]!) a = j;
      return { at: a, first: r[a]!, second: Math.max(0, ...r.filter((_, j) => j !== a)) };
    });
    const now = tops.reduce((h, top, i) => h + weight[i]! * top.first, 0);
    const height = (k: number, width: number): number =>
      tops.reduce((h, top, i) => h + weight[i]! * Math.max(top.at === k ? top.second : top.first, linesIn(words[i]![k]!, width - padding(k))), 0);
    let best: { k: number; d: number; gain: number } | undefined;
    for (let k = 0; k < cols; k++) {
      for (let d = step; d <= room + 1e-9; d += step) {
        const saved = now - height(k, w[k]! + d);
        if (saved > 1e-9) {
          if (!best || saved / d > best.gain) best = { k, d, gain: saved / d };
          break;
        }
      }
    }
    if (!best) break;
    w[best.k]! += best.d;
    room -= best.d;
    lines.forEach((r, i) => (r[best.k] = linesIn(words[i]![best.k]!, w[best.k]! - padding(best.k))));
  }
  // The spare width goes to the columns of text when some text still wraps (A/C.5/80/L.13 annex I:
  // the labels of three lines take all the width the two columns of numbers do not need), else to
  // the columns of numbers (78/252 annex: the labels on one line keep their width, the numbers
  // spread out evenly), else to every column: the narrowest first, up to one width for all that
  // get some.
  const wraps = lines.some((r, i) => weight[i]! > 0 && r.some((n, k) => n > 1 && !numbers[k]));
  const spare = wraps ? numbers.map((n) => !n) : numbers.some(Boolean) ? numbers : w.map(() => true);
  const open = w.filter((_, k) => spare[k]).sort((a, b) => a - b);
  let level = open[0]!;
  let left = room;
  for (let i = 0; i < open.length; i++) {
    const next = open[i + 1] ?? Infinity;
    const rise = Math.min(next - level, left / (i + 1));
    level += rise;
    left -= rise * (i + 1);
    if (left <= 1e-9) break;
  }
  return settle(
    w.map((x, k) => (spare[k] ? Math.max(x, level) : x)),
    total,
  );
}

/** Whole twips summing to `total` (the last column takes the rounding). */
function settle(w: readonly number[], total: number): number[] {
  const out = w.map((x) => Math.floor(x));
  out[out.length - 1]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

/**
 * A table as the official sets it (see the module comment). A table that opens an annex (`keep`)
 * stays with the annex heading and title: every row but the last keeps with the next, so the annex
 * starts a new page when its table does not fit under the text, as the official annexes do
 * (A/RES/78/252, A/C.5/80/L.13 annex II; Word's keep with next).
 */
export function docxTable(t: TableModel, ctx: RunContext, keep: boolean): Table {
  const rtl = ctx.lang === 'ar' ? { rightToLeft: true } : {};
  const cols = Math.max(1, ...t.rows.map((r) => r.length));
  const right = Array.from({ length: cols }, (_, k) => k > 0 && numeric(t, k));
  const widths = columnWidths(t, cols, right);
  const first = t.header ? 1 : -1;
  const last = t.rows.length - 1;
  return new Table({
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { top: 0, bottom: 0, left: 0, right: CELL_RIGHT },
    borders: { top: THIN, bottom: THICK, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    rows: t.rows.map((r, i) => {
      const heading = i === 0 && t.header;
      const spacing = { ...(i === first ? { before: FIRST_ROW_BEFORE } : {}), ...(i === last ? { after: LAST_ROW_AFTER } : {}) };
      return new TableRow({
        // Only a real header row carries w:tblHeader (the docx package writes val=false otherwise).
        ...(heading ? { tableHeader: true } : {}),
        cantSplit: true,
        children: Array.from(
          { length: cols },
          (_, k) =>
            new TableCell({
              width: { size: widths[k]!, type: WidthType.DXA },
              ...(k > 0 ? { margins: { left: CELL_LEFT } } : {}),
              ...(heading ? { verticalAlign: VerticalAlign.BOTTOM, borders: { top: THIN, bottom: THICK } } : {}),
              children: [
                new Paragraph({
                  style: heading ? STYLE.tableHeading : STYLE.tableText,
                  ...(right[k] ? { alignment: AlignmentType.RIGHT } : {}),
                  ...(!heading && (spacing.before !== undefined || spacing.after !== undefined) ? { spacing } : {}),
                  ...(keep && i < last ? { keepNext: true } : {}),
                  children: [new TextRun({ text: r[k] ?? '', ...rtl })],
                }),
              ],
            }),
        ),
      });
    }),
  });
}
