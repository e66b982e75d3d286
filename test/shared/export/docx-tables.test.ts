// Tables in the Word export as the official prints them (A/RES/78/252 annex, 78/253): words 8.5 pt
// on 10.5 pt, a one-line row 14 pt; a table that opens an annex keeps with the annex heading and
// title (every row but the last keeps with the next), so the annex starts a new page when its table
// does not fit under the text; a table inside the text may break across pages.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docxBytes, STYLE } from '../../../src/shared/export/docx.js';
import { columnWidths, TABLE_WIDTH } from '../../../src/shared/export/docx-table.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { textBlock, type Block } from '../../../src/shared/resolution/model.js';
import { CORPUS } from '../../helpers/corpus.js';

const table = (id: string, rows: number): Block => ({
  ...textBlock(id, ''),
  table: { header: true, rows: [['Category', 'Total'], ...Array.from({ length: rows }, (_, i) => [`P-${i + 1}`, String(i)])] },
});

async function tablesOf(blocks: { annex: Block[]; body?: Block }): Promise<{ tables: string[]; styles: string }> {
  const file = path.join(CORPUS, 'ga-en/A_RES_79_200.txt');
  const doc = parseResolutionText(fs.readFileSync(file, 'utf8'), { fileName: path.basename(file) }).document;
  if (blocks.body) doc.operative.push(blocks.body);
  doc.annexes = [{ id: 'ax1', heading: 'Annex', title: 'Staffing table', paragraphs: blocks.annex }];
  const zip = await JSZip.loadAsync(await docxBytes(doc));
  const document = await zip.file('word/document.xml')!.async('string');
  return { tables: [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]), styles: await zip.file('word/styles.xml')!.async('string') };
}
const rowsOf = (t: string): string[] => [...t.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);

describe('docx tables', () => {
  it('sets cells in the UN table text: 8.5 pt on exactly 10.5 pt, 2 pt above and 1.5 pt below', async () => {
    const { tables, styles } = await tablesOf({ annex: [table('t1', 3)] });
    expect(tables).toHaveLength(1);
    const [head, ...body] = rowsOf(tables[0]!);
    expect(body.flatMap((r) => r.match(/<w:pStyle w:val="([^"]+)"\/>/g)!).every((s) => s.includes(STYLE.tableText))).toBe(true);
    expect(head!.match(/<w:pStyle w:val="([^"]+)"\/>/g)!.every((s) => s.includes(STYLE.tableHeading))).toBe(true);
    const style = /<w:style [^>]*w:styleId="UNTableText"[\s\S]*?<\/w:style>/.exec(styles)![0];
    expect(style).toContain('<w:spacing w:after="30" w:before="40" w:line="210" w:lineRule="exact"/>');
    expect(style).toContain('<w:sz w:val="17"/>');
  });

  it('keeps a table that opens an annex with the heading and title (every row but the last), and no other table', async () => {
    const { tables } = await tablesOf({ annex: [table('t1', 4), textBlock('ax1-p1', 'We commit to act.'), table('t2', 2)], body: table('t0', 2) });
    expect(tables).toHaveLength(3);
    const [body, opening, later] = tables;
    const rows = rowsOf(opening!);
    expect(rows).toHaveLength(5);
    expect(rows.slice(0, -1).every((r) => r.includes('<w:keepNext/>'))).toBe(true);
    expect(rows[rows.length - 1]).not.toContain('<w:keepNext/>');
    expect(body).not.toContain('<w:keepNext/>');
    expect(later).not.toContain('<w:keepNext/>');
  });

  // Measured on A/RES/78/252 (annex, pp. 10–11) and A/RES/78/253 (pp. 7, 8, 12) at 720 dpi: rules
  // across only, 0.5 pt over the headings, 1.5 pt under them and under the table; headings italic
  // 7 pt on 8 pt at the foot of their row; numbers flush right.
  it('rules the table as the official: 0.5 pt over the headings, 1.5 pt under them and at the foot, no grid', async () => {
    const { tables } = await tablesOf({ annex: [table('t1', 3)] });
    const t = tables[0]!;
    const borders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(t)![1]!;
    expect(borders).toContain('<w:top w:val="single" w:color="000000" w:sz="4"/>');
    expect(borders).toContain('<w:bottom w:val="single" w:color="000000" w:sz="12"/>');
    for (const side of ['left', 'right', 'insideH', 'insideV']) expect(borders).toContain(`<w:${side} w:val="none"`);
    const [head, ...body] = rowsOf(t);
    // The heading row carries its own rules, so a repeated heading on the next page has them too.
    expect(head).toContain('<w:tblHeader/>');
    const cells = [...head!.matchAll(/<w:tcBorders>([\s\S]*?)<\/w:tcBorders>/g)].map((m) => m[1]);
    expect(cells).toHaveLength(2);
    for (const c of cells) expect(c).toBe('<w:top w:val="single" w:color="000000" w:sz="4"/><w:bottom w:val="single" w:color="000000" w:sz="12"/>');
    expect(head).toContain('<w:vAlign w:val="bottom"/>');
    expect(body.every((r) => !r.includes('<w:tcBorders>'))).toBe(true);
    // Text flush with the rules' left end; 2.3 pt inside their right end.
    expect(t).toContain('<w:tblCellMar><w:top w:type="dxa" w:w="0"/><w:left w:type="dxa" w:w="0"/><w:bottom w:type="dxa" w:w="0"/><w:right w:type="dxa" w:w="46"/></w:tblCellMar>');
    expect(t).toContain('<w:tblW w:type="dxa" w:w="7320"/>');
  });

  it('sets the column headings in italics, 7 pt on 8 pt, not bold; the rows not split over a page', async () => {
    const { tables, styles } = await tablesOf({ annex: [table('t1', 3)] });
    const style = /<w:style [^>]*w:styleId="UNTableHeading"[\s\S]*?<\/w:style>/.exec(styles)![0];
    expect(style).toContain('<w:spacing w:after="80" w:before="80" w:line="160" w:lineRule="exact"/>');
    expect(style).toContain('<w:i/>');
    expect(style).toContain('<w:sz w:val="14"/>');
    expect(tables[0]).not.toContain('<w:b/>');
    expect(rowsOf(tables[0]!).every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
  });

  it('sets a column of numbers (dashes for nil) flush right, its heading too, and the labels flush left', async () => {
    const t: Block = {
      ...textBlock('t1', ''),
      table: { header: true, rows: [['Category', 'Posts', 'Level', 'Total'], ['Under-Secretary-General', '1 131', 'P-4', '–'], ['Principal level', '', 'GS (OL)', '2,059'], ['Subtotal', '12', 'D-1', '3']] },
    };
    const { tables } = await tablesOf({ annex: [t] });
    for (const row of rowsOf(tables[0]!)) {
      const cells = [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0].includes('<w:jc w:val="right"/>'));
      expect(cells).toEqual([false, true, false, true]);
    }
  });

  it('puts the first row under the headings 6 pt lower and the closing rule 2.25 pt under the last row', async () => {
    const { tables } = await tablesOf({ annex: [table('t1', 3)] });
    const rows = rowsOf(tables[0]!);
    expect(rows[1]).toContain('<w:spacing w:before="120"/>');
    expect(rows[rows.length - 1]).toContain('<w:spacing w:after="45"/>');
    expect(rows.slice(2, -1).every((r) => !r.includes('<w:spacing'))).toBe(true);
  });
});

describe('docx table columns', () => {
  const widths = (rows: string[][], numbers: boolean[]) => columnWidths({ header: true, rows }, rows[0]!.length, numbers);

  it('gives labels the width to stay on one line and the spare width to the columns of numbers (78/252 annex)', () => {
    const rows = [['Category', 'Number of posts (excluding special political missions)', 'Total'], ['National Professional Officer', '102', '674'], ['Expenditure sections total', '10 351', '14 430']];
    const w = widths(rows, [false, true, true]);
    expect(w.reduce((a, b) => a + b, 0)).toBe(TABLE_WIDTH);
    // "National Professional Officer" is 108.3 pt in the official (Word): one line, and not much more.
    expect(w[0]).toBeGreaterThan(108.3 * 20);
    expect(w[0]).toBeLessThan(120 * 20);
    expect(Math.abs(w[1]! - w[2]!)).toBeLessThan(40);
  });

  it('does not give a column with one long cell the room of a column whose every cell wraps (78/253)', () => {
    const titles = ['Senior Finance and Budget Officer', 'Senior Facilities Management Assistant', 'Information Systems Officer', 'Contracts Management Officer', 'Administrative Assistant'];
    const rows = [['Action', 'Title of post', 'Category/Level', 'Number'], ...titles.map((t, i) => [i === 4 ? 'Redeployment from Contracts Management Unit to Sourcing Coordination Unit' : 'Reclassification', t, 'GS (OL)', '1'])];
    const w = widths(rows, [false, false, false, true]);
    expect(w.reduce((a, b) => a + b, 0)).toBe(TABLE_WIDTH);
    expect(w[1]).toBeGreaterThan(w[0]!);
  });

  it('gives the spare width to labels that still wrap, not to the numbers (A/C.5/80/L.13 annex I)', () => {
    const long = 'Contributions apportioned to Member States in accordance with the scale of assessments applicable to the regular budget of the United Nations for 2026';
    const rows = [['', 'Gross', 'Net of staff assessment'], ['Estimated appropriation for 2026', '56 234 300', '51 375 900'], [long, '28 063 300', '25 634 100']];
    const w = widths(rows, [false, true, true]);
    expect(w.reduce((a, b) => a + b, 0)).toBe(TABLE_WIDTH);
    // The amounts (42 pt, 6 pt before them) get their width and no more; the labels the rest.
    expect(w[1]).toBeLessThan(55 * 20);
    expect(w[2]).toBeLessThan(55 * 20);
    expect(w[0]).toBeGreaterThan(255 * 20);
  });
});

