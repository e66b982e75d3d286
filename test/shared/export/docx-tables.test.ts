// Tables in the Word export as the official prints them (A/RES/78/252 annex, 78/253): words 8.5 pt
// on 10.5 pt, a one-line row 14 pt; a table that opens an annex keeps with the annex heading and
// title (every row but the last keeps with the next), so the annex starts a new page when its table
// does not fit under the text; a table inside the text may break across pages.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docxBytes, STYLE } from '../../../src/shared/export/docx.js';
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
    expect(tables[0]!.match(/<w:pStyle w:val="([^"]+)"\/>/g)!.every((s) => s.includes(STYLE.tableText))).toBe(true);
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
});
