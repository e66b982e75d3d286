/**
 * Tables on import. Every importer hands the parser lines (text.ts); a table travels among them
 * as one line: the TABLE sentinel followed by the table as JSON, made by {@link tableLine} and
 * read back by {@link readTableLine}. Input text can never hold the sentinel (clean.ts's toLines
 * removes private-use characters), so no text is ever mistaken for a table.
 *
 * Where tables come from: HTML `<table>` and Word tables (html.ts writes them as pipe tables),
 * markdown pipe tables ("| a | b |", with a "| --- |" row under a header), and the text export's
 * rows ("a | b | c", one row a line, long rows wrapped onto further lines), and in plain text,
 * columns set apart by runs of spaces ({@link readColumnBlock}); in a PDF, by the x positions of
 * the text (pdf-tables.ts).
 */
import type { Table } from '../resolution/model.js';

/** First character of a line that carries a table (see the module comment). */
export const TABLE = '\uE007';

/** The line that carries `t` among the parser's lines. */
export function tableLine(t: Table): string {
  return TABLE + JSON.stringify({ header: t.header, rows: t.rows });
}

/** The table a {@link tableLine} carries, or null for any other line. */
export function readTableLine(line: string): Table | null {
  if (!line.startsWith(TABLE)) return null;
  const v = JSON.parse(line.slice(1)) as Table;
  return { header: v.header === true, rows: v.rows.map((r) => r.map(String)) };
}

const SEP = / \| /g;
const RE_RULE_ROW = /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$/;

/** Cells of a pipe row: outer pipes dropped, `\|` kept as a bar inside a cell. */
function cellsOf(row: string): string[] {
  let r = row.trim();
  if (r.startsWith('|')) r = r.slice(1);
  if (r.endsWith('|') && !r.endsWith('\\|')) r = r.slice(0, -1);
  const out: string[] = [''];
  for (let i = 0; i < r.length; i++) {
    const c = r[i]!;
    if (c === '\\' && r[i + 1] === '|') {
      out[out.length - 1] += '|';
      i++;
    } else if (c === '|') out.push('');
    else out[out.length - 1] += c;
  }
  return out.map((c) => c.trim());
}

/** Unescaped bars in a line. */
function bars(line: string): number {
  let n = 0;
  // From bar to bar (most lines have none), on character codes.
  for (let i = line.indexOf('|'); i >= 0; i = line.indexOf('|', i + 1)) if (i === 0 || line.charCodeAt(i - 1) !== 0x5c) n++;
  return n;
}

/**
 * Reads a block of lines (no blank line inside) as a table, or null when it is not one.
 * Markdown pipe tables: every line starts and ends with "|"; a rule row ("| --- |") under the
 * first row makes it a header. The text export's rows: the first line has " | " between cells
 * and opens with no paragraph label, the last line closes no clause ("," ";" ":"), and every row
 * has the same number of cells; a row longer than the line width was wrapped, so
 * lines are gathered until they hold as many separators as the widest line. Cells are returned
 * as written (the caller converts inline markup).
 */
export function readPipeBlock(block: readonly string[]): Table | null {
  if (block.length === 0) return null;
  if (block.every((l) => /^\s*\|.*\|\s*$/.test(l))) {
    const rule = block.length > 1 && RE_RULE_ROW.test(block[1]!.trim());
    const rows = block.filter((_, i) => !(rule && i === 1)).map(cellsOf);
    // One column only as the cell-per-line tables of a text layer are written back ("| P-4 |", many lines).
    if (rows.length === 0 || (rows.every((r) => r.length < 2) && (rows.length < 8 || rows.some((r) => r[0] === '')))) return null;
    return { header: rule, rows };
  }
  // The first row may have been wrapped right after a separator ("… programme |").
  if (!/ \|(?: |$)/.test(block[0]!.trimEnd())) return null;
  // A paragraph with a stray bar (OCR of "1": "report by | October 1991, and …;") is prose: it
  // opens with a paragraph label or closes a clause.
  if (/^\s*(?:\d{1,3}\.|\([a-z]{1,3}\)|\([ivxlc]{1,7}\))\s/.test(block[0]!) || /[;,:]\s*$/.test(block[block.length - 1]!)) return null;
  // A separator may stand at either end of a wrapped line ("… development |" / "| Programme").
  const count = (l: string): number => ` ${l.trim()} `.match(SEP)?.length ?? 0;
  const widest = Math.max(...block.map(count));
  // Wrapped rows only ever split one row into lines holding fewer separators in all.
  const rows: string[][] = [];
  let acc = '';
  for (const l of block) {
    const last = rows[rows.length - 1];
    if (!acc && last && count(l) === 0 && !l.trim().startsWith('|')) {
      // The wrapped end of a row's last cell.
      last[last.length - 1] = `${last[last.length - 1]!} ${l.trim()}`.trim();
      continue;
    }
    acc = acc ? `${acc} ${l.trim()}` : l.trim();
    if (count(acc) >= widest && !acc.endsWith('|')) {
      rows.push(acc.split(' | ').map((c) => c.trim()));
      acc = '';
    }
  }
  if (acc || rows.length === 0) return null;
  if (block.filter((l) => count(l) > 0).length * 2 < block.length) return null;
  return { header: false, rows };
}

const RE_GUTTER = /\S {3,}\S/;

/**
 * Reads a block of lines (no blank line inside) as a table whose columns are visible as runs of
 * three spaces or more (text copied from a PDF viewer, `pdftotext -layout`), or null. Every line
 * must have the same number of cells, two or more, and none may read as prose: no line opens with
 * a paragraph label or closes a clause, no cell is longer than 80 characters. Running text never
 * has three spaces between words, so no paragraph is read as a table.
 */
export function readColumnBlock(block: readonly string[]): Table | null {
  if (block.length < 2 || !block.every((l) => RE_GUTTER.test(l.trim()))) return null;
  const rows = block.map((l) => l.trim().split(/ {3,}/));
  const n = rows[0]!.length;
  if (n < 2 || rows.some((r) => r.length !== n || r.some((c) => c.length > 80))) return null;
  if (block.some((l) => /^\s*(?:\d{1,3}\.|\([a-z]{1,3}\)|\([ivxlc]{1,7}\))\s/.test(l) || /[;,:]\s*$/.test(l))) return null;
  return { header: false, rows };
}

const RE_TABLE_NOTE = /^(?:Abbreviations?|Notes?|Sources?)\s*:/;
const RE_HEADING_START = /^(?:[A-Z]|[IVXL]{1,6})\.\s/;
const RE_LABEL_START = /^\s*(?:\d{1,3}\.|\([a-z]{1,3}\)|\([ivxlc]{1,7}\))\s/;

/**
 * Reads a block of lines (no blank line inside) as what the text layer of an official PDF makes of
 * a table: one cell per line ("Action" / "Title of post" / "Category/Level" / "Number" / "New
 * post" / "Information Systems Officer" / "P-4" / "1" …), or null. The layer does not say where a
 * row ends, so the table has one column, a cell per line, in the order printed. Only a block of
 * eight lines or more, each of 60 characters or fewer and three in four of 40 or fewer, none
 * opening with a paragraph label or a heading's number ("B. ") or closing a clause (". ; , :"),
 * the first and at least half of them opening with a capital, a digit or a bracket: prose wrapped one word a line ("encouraging" / "Member" / "States" / "to" …)
 * opens with small letters, and running text has longer lines. `continues`: the block follows
 * such a table after a blank line or page break, so any number of such lines continues it. A last
 * line that is the table's note ("Abbreviations: …", "Note: …") is its last cell, whatever its length.
 */
export function readCellLineBlock(block: readonly string[], continues = false): Table | null {
  const all = block.map((l) => l.trim());
  // The note under the table ends it: "Abbreviations: GS (OL), General Service (Other level); …".
  const note = all.length > 0 && RE_TABLE_NOTE.test(all[all.length - 1]!) ? all[all.length - 1]! : null;
  const cells = note === null ? all : all.slice(0, -1);
  if (note !== null && cells.length === 0) return continues ? { header: false, rows: [[note]] } : null;
  if (cells.length < (continues ? 1 : 8)) return null;
  const opensUp = (c: string): boolean => /^[\p{Lu}\d(–-]/u.test(c);
  if (!opensUp(cells[0]!) || cells.filter(opensUp).length * 2 < cells.length) return null;
  if (cells.some((c) => c === '' || c.length > 60 || /[.;,:]$/.test(c) || RE_LABEL_START.test(c) || RE_HEADING_START.test(c))) return null;
  if (cells.filter((c) => c.length > 40).length * 4 > cells.length) return null;
  return { header: false, rows: [...cells, ...(note === null ? [] : [note])].map((c) => [c]) };
}

/** A table as markdown pipe rows (a rule row under a header), bars in cells escaped. */
export function tableToPipes(t: Table): string[] {
  const cols = Math.max(1, ...t.rows.map((r) => r.length));
  const row = (r: readonly string[]): string =>
    '| ' + Array.from({ length: cols }, (_, k) => (r[k] ?? '').replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')).join(' | ') + ' |';
  const out = t.rows.map(row);
  if (t.header && out.length > 0) out.splice(1, 0, '| ' + Array.from({ length: cols }, () => '---').join(' | ') + ' |');
  return out;
}

/**
 * Replaces every block of `lines` (between blank or page lines) that reads as a table (see
 * {@link readPipeBlock}) with one table line; `cell` converts a cell's text (inline markup).
 * Other lines are returned unchanged.
 */
export function foldTables(lines: readonly string[], isBreak: (l: string) => boolean, cell: (s: string) => string = (s) => s): string[] {
  const out: string[] = [];
  const cellLineTables = new Map<string, Table>();
  let i = 0;
  while (i < lines.length) {
    const l = lines[i]!;
    if (!isBreak(l) && (out.length === 0 || isBreak(out[out.length - 1]!))) {
      let j = i;
      while (j < lines.length && !isBreak(lines[j]!)) j++;
      // A cell-per-line table goes on after a blank line or a page break, to its note.
      let k = out.length - 1;
      while (k >= 0 && isBreak(out[k]!)) k--;
      const before = k >= 0 ? cellLineTables.get(out[k]!) : undefined;
      const t = readCellLineBlock(lines.slice(i, j), before !== undefined);
      if (t) {
        const rows = t.rows.map((r) => r.map(cell));
        if (before) {
          out.length = k;
          rows.unshift(...before.rows);
        }
        const line = tableLine({ header: false, rows });
        cellLineTables.set(line, { header: false, rows });
        out.push(line);
        i = j;
        continue;
      }
    }
    if (isBreak(l) || (bars(l) === 0 && !RE_GUTTER.test(l))) {
      out.push(l);
      i++;
      continue;
    }
    // Only a block that starts at a break may be a table.
    if (out.length > 0 && !isBreak(out[out.length - 1]!)) {
      out.push(l);
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && !isBreak(lines[j]!)) j++;
    const t = readPipeBlock(lines.slice(i, j)) ?? readColumnBlock(lines.slice(i, j));
    if (t) out.push(tableLine({ header: t.header, rows: t.rows.map((r) => r.map(cell)) }));
    else out.push(...lines.slice(i, j));
    i = j;
  }
  return out;
}
