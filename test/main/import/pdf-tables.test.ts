// Tables in official PDFs, read from the x positions of the cells (src/shared/import/pdf-tables.ts):
// 78/253 VII.6's two staffing tables (one cut by a page break, its header row repeated) and
// 78/252's annex staffing table (three header lines, group labels, three pages).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResolutionFile } from '../../../src/main/services/import-files.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import type { ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { CORPUS } from '../../helpers/corpus.js';

async function fromPdf(sym: string): Promise<ResolutionDocument> {
  const r = await readResolutionFile(path.join(CORPUS, 'pdf', `${sym}.pdf`));
  return parseResolutionText(r.text, { fileName: r.fileName, format: r.format }).document;
}

describe('tables in the PDF text layer', () => {
  it('A/RES/78/253: the staffing tables under VII.6 A. and B. are tables; 219 operative paragraphs as counted by hand', async () => {
    const d = await fromPdf('A_RES_78_253');
    const tables = d.operative.filter((b) => b.table).map((b) => b.table!);
    expect(tables).toHaveLength(2);
    expect(tables.map((t) => [t.header, t.rows.length])).toEqual([[true, 11], [true, 17]]);
    expect(tables[0]!.rows[0]).toEqual(['Action', 'Title of post', 'Category/Level', 'Number']);
    // The rows after the page break, the repeated header row dropped.
    expect(tables[0]!.rows[10]).toEqual(['Redeployment from Contracts Management Unit to Sourcing Coordination Unit', 'Administrative Assistant', 'GS (OL)', '1']);
    expect(tables[1]!.rows[16]).toEqual(['Abbreviations: GS (OL), General Service (Other level); GS (PL), General Service (Principal level).', '', '', '']);
    // Counted as sectioned-reference.json counts them: the tables were two paragraphs too many.
    const op = d.operative.filter((b) => !b.heading && !b.table && !b.preambular).length;
    const pp = d.preambular.filter((b) => !b.heading && !b.table).length + d.operative.filter((b) => b.preambular).length;
    expect([pp, op, [...d.preambular, ...d.operative].filter((b) => b.heading).length]).toEqual([36, 219, 28]);
  }, 120_000);

  it('A/RES/78/252: the annex staffing table over three pages is one table with its three-line header', async () => {
    const d = await fromPdf('A_RES_78_252');
    const annex = d.annexes.find((a) => a.title.startsWith('Staffing table for 2024'));
    expect(annex?.title).toBe('Staffing table for 2024');
    const t = annex!.paragraphs.find((b) => b.table)!.table!;
    expect(t.rows[0]).toEqual(['Category', 'Number of posts (excluding special political missions)', 'Number of posts (special political missions)', 'Total']);
    expect(t.rows.at(-1)).toEqual(['Total', '10 415', '4 079', '14 494']);
    expect(t.rows.every((r) => r.length === 4)).toBe(true);
  }, 120_000);
});

describe('rows under "Of which:" whose label wraps over three lines (A/C.5/80/L.13, annex I)', () => {
  it('are rows of the table, the label whole in its cell, not prose after it', async () => {
    const r = await readResolutionFile(path.join(CORPUS, 'drafts-80', 'pdf', 'A_C.5_80_L.13.pdf'));
    const d = parseResolutionText(r.text, { fileName: r.fileName, format: r.format }).document;
    const annex = d.annexes.find((a) => a.heading === 'Annex I')!;
    expect(annex.paragraphs.filter((b) => !b.table)).toEqual([]);
    const rows = annex.paragraphs.find((b) => b.table)!.table!.rows;
    const at = rows.findIndex((row) => row[0] === 'Of which:');
    expect(rows.slice(at + 1, at + 3)).toEqual([
      ['Contributions apportioned to Member States in accordance with the scale of assessments applicable to the regular budget of the United Nations for 2026', '28 063 300', '25 634 100'],
      ['Contributions apportioned to Member States in accordance with the scale of assessments applicable to peacekeeping operations of the United Nations for 2026', '28 063 300', '25 634 100'],
    ]);
  }, 60_000);
});

describe('a timetable with a header row and a cell column that runs on alone (A/C.4/80/L.15)', () => {
  it('is one table over its seven pages, every word of the text layer in its cells, no numbered paragraph', async () => {
    const r = await readResolutionFile(path.join(CORPUS, 'drafts-80', 'pdf', 'A_C.4_80_L.15.pdf'));
    const d = parseResolutionText(r.text, { fileName: r.fileName, format: r.format }).document;
    const annex = d.annexes[0]!;
    expect(annex.paragraphs.map((b) => (b.table ? 'table' : 'paragraph'))).toEqual(['table']);
    const rows = annex.paragraphs[0]!.table!.rows;
    expect(rows[0]).toEqual(['Date/time', 'Programme']);
    expect(rows).toContainEqual(['10 a.m.', 'Organization of work']);
    expect(rows).toContainEqual(['', 'Diwali [floating holiday]']);
    // The words of the official text layer after the header, running heads and repeated header rows aside.
    const txt = fs.readFileSync(path.join(CORPUS, 'drafts-80', 'txt', 'A_C.4_80_L.15.txt'), 'utf8');
    const official = txt
      .slice(txt.indexOf('Date/time'))
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !/^(?:A\/C\.4\/80\/L\.15|25-17939|\d\/7|Date\/time|Programme)$/.test(l))
      .join(' ')
      .split(/\s+/);
    const ours = rows.slice(1).flatMap((row) => row.join(' ').split(/\s+/)).filter((w) => w !== '');
    expect(ours.sort()).toEqual(official.sort());
  }, 120_000);
});
