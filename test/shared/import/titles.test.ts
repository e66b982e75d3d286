// Titles that end with a colon or open with "United Nations": a section title whose line ends with
// a colon (78/252 "Section 11" / "… Agenda 2063:" / "The Africa We Want") stays one heading, not
// glued to the paragraph before; an agenda-item title whose third line opens with "United Nations"
// (78/60) keeps that line. Both from the corpus text and from markdown with a paragraph per line
// (what the PDF importer gives).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportText } from '../../../src/shared/export/txt.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { blockText, type ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { CORPUS } from '../../helpers/corpus.js';

const MD_HEAD = 'United Nations A/RES/78/252\n\nGeneral Assembly Distr.: General\n\n*The General Assembly*,\n\n*Recalling* its resolution 77/262,\n\n';

describe('a section title whose line ends with a colon', () => {
  it('from a paragraph per line (PDF): one heading, the paragraph before untouched', () => {
    const md = `${MD_HEAD}1. *Also takes note* of paragraph IV.40 of the report of the Advisory Committee;\n\nSection 11\nUnited Nations system support for the African Union’s Agenda 2063:\nThe Africa We Want\n\n2. *Recalls* that the development of Africa is an established priority;\n`;
    const d = parseResolutionText(md, { fileName: 'x.md', format: 'markdown' }).document;
    expect(d.operative.map((b) => (b.heading ? `H ${blockText(b)}` : blockText(b)))).toEqual([
      'Also takes note of paragraph IV.40 of the report of the Advisory Committee;',
      'H Section 11 United Nations system support for the African Union’s Agenda 2063: The Africa We Want',
      'Recalls that the development of Africa is an established priority;',
    ]);
  });

  it('a paragraph that introduces text with a colon still ends there', () => {
    const md = `${MD_HEAD}1. *Decides* as follows:\n\nThe Committee shall meet annually;\n\n2. *Requests* a report.\n`;
    const d = parseResolutionText(md, { fileName: 'x.md', format: 'markdown' }).document;
    expect(d.operative.some((b) => b.heading)).toBe(false);
    const md2 = `${MD_HEAD}Noting the following:\nThe Committee shall meet annually,\n\n1. *Requests* a report.\n`;
    const d2 = parseResolutionText(md2, { fileName: 'x.md', format: 'markdown' }).document;
    expect([...d2.preambular, ...d2.operative].some((b) => b.heading)).toBe(false);
  });

  it('A/RES/78/252 from the text layer: 34 headings, "Section 11 … The Africa We Want" one of them', () => {
    const d = parseResolutionText(fs.readFileSync(path.join(CORPUS, 'ga-en', 'A_RES_78_252.txt'), 'utf8'), { fileName: 'A_RES_78_252.txt', format: 'text' }).document;
    const heads = d.operative.filter((b) => b.heading).map(blockText);
    expect(heads).toHaveLength(34);
    expect(heads).toContain('Section 11 United Nations system support for the African Union’s Agenda 2063: The Africa We Want');
  });
});

describe('an agenda-item title line that opens with "United Nations"', () => {
  it('A/RES/78/60: all three lines of the agenda item’s title; the masthead line "United Nations" itself still read', () => {
    const d = parseResolutionText(fs.readFileSync(path.join(CORPUS, 'ga-en', 'A_RES_78_60.txt'), 'utf8'), { fileName: 'A_RES_78_60.txt', format: 'text' }).document;
    expect(d.meta.agendaItems).toEqual([{ number: '100 (f)', title: 'Review and implementation of the Concluding Document of the Twelfth Special Session of the General Assembly: United Nations regional centres for peace and disarmament' }]);
    expect(d.meta.title).toBe('United Nations regional centres for peace and disarmament');
    expect(d.meta.symbol).toBe('A/RES/78/60');
  });
});

describe('text export of tables', () => {
  it('one line per row however long (never wrapped), read back as the same table', () => {
    const long = 'Redeployment from Office of the Representative of the Secretary-General to the Legal Team of the Office of Investment Management';
    const base = parseResolutionText(`${MD_HEAD}1. *Approves* the table:\n\n| Action | Post | Number |\n| --- | --- | --- |\n| ${long} | Senior Legal Officer | 1 |\n| New post | Clerk | 2 |\n\n2. *Decides* to remain seized.\n`, { fileName: 'x.md', format: 'markdown' }).document;
    const txt = exportText(base, { footnoteMarks: 'digits' });
    const rows = txt.split('\n').filter((l) => l.includes(' | '));
    expect(rows).toEqual(['Action | Post | Number', `${long} | Senior Legal Officer | 1`, 'New post | Clerk | 2']);
    const back: ResolutionDocument = parseResolutionText(txt, { fileName: 'x.txt', format: 'text' }).document;
    expect(back.operative.find((b) => b.table)?.table?.rows).toEqual(base.operative.find((b) => b.table)?.table?.rows);
  });
});
