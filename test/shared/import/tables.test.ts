// Tables and one-line sub-headings on import: HTML <table> (data, not layout), markdown pipe
// tables, the text export's rows, "A. Title" sub-headings, and what must stay a paragraph.
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../../src/shared/import/html.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { readCellLineBlock, readColumnBlock, readPipeBlock, readTableLine, tableLine } from '../../../src/shared/import/tables.js';
import { blockText, type ResolutionDocument } from '../../../src/shared/resolution/model.js';

const HEAD = 'United Nations A/RES/80/9\n\nGeneral Assembly Distr.: General\n1 January 2026\n\nResolution adopted by the General Assembly on 22 December 2025\n\nThe General Assembly,\n\nRecalling its resolution 79/1,\n\n';
const TAIL = '\n\n60th plenary meeting\n22 December 2025\n';

function md(body: string): ResolutionDocument {
  return parseResolutionText(`*The General Assembly*,\n\n*Recalling* its resolution 79/1,\n\n${body}`, { fileName: 'x.md', format: 'markdown' }).document;
}

describe('tables on import', () => {
  it('an HTML data table becomes a table node with its header row and empty cells kept', () => {
    const html = '<p><i>The General Assembly</i>,</p><p><i>Recalling</i> its resolution 79/1,</p><ol><li><i>Approves</i> the staffing table below:</li></ol>' +
      '<table><tr><th>Action</th><th>Title of post</th><th>Number</th></tr><tr><td>New post</td><td>Legal <i>Officer</i></td><td>1</td></tr><tr><td>Total</td><td></td><td>1</td></tr></table>';
    const d = parseResolutionText(htmlToMarkdown(html), { fileName: 'x.html', format: 'markdown' }).document;
    const t = d.operative.find((b) => b.table);
    expect(t?.table).toEqual({ header: true, rows: [['Action', 'Title of post', 'Number'], ['New post', 'Legal Officer', '1'], ['Total', '', '1']] });
    expect(d.operative.filter((b) => !b.table).map(blockText)).toEqual(['Approves the staffing table below:']);
  });

  it('a layout table (paragraph numbers in a cell of their own) still reads as numbered paragraphs', () => {
    const html = '<p><i>The General Assembly</i>,</p><p><i>Recalling</i> its resolution 79/1,</p><table><tr><td>1.</td><td><i>Decides</i> to act;</td></tr><tr><td>2.</td><td><i>Requests</i> a report.</td></tr></table>';
    const d = parseResolutionText(htmlToMarkdown(html), { fileName: 'x.html', format: 'markdown' }).document;
    expect(d.operative.map(blockText)).toEqual(['Decides to act;', 'Requests a report.']);
    expect(d.operative.some((b) => b.table)).toBe(false);
  });

  it('markdown pipe tables, with and without a header rule, and escaped bars in cells', () => {
    const d = md('1. *Decides* as follows:\n\n| Post | Grade |\n| --- | --- |\n| Officer \\| Legal | P-4 |\n\n2. *Requests* a report.');
    expect(d.operative.find((b) => b.table)?.table).toEqual({ header: true, rows: [['Post', 'Grade'], ['Officer | Legal', 'P-4']] });
    expect(readPipeBlock(['| a | b |', '| c | d |'])).toEqual({ header: false, rows: [['a', 'b'], ['c', 'd']] });
  });

  it('the text export’s rows, a long row wrapped onto the next line', () => {
    const d = parseResolutionText(`${HEAD}1. Approves the table:\n\nPost | Grade | Number\nSenior Legal Officer in the Office of the Representative of the | P-5\n| 1\nLegal Officer | P-4 | 2${TAIL}`, { fileName: 'x.txt', format: 'text' }).document;
    expect(d.operative.find((b) => b.table)?.table?.rows).toEqual([['Post', 'Grade', 'Number'], ['Senior Legal Officer in the Office of the Representative of the', 'P-5', '1'], ['Legal Officer', 'P-4', '2']]);
  });

  it('a bar in running text (OCR of "1") is not a table', () => {
    const d = parseResolutionText(`${HEAD}1. Requests the Secretary-General to report to the Council by | October 1991, and undertakes to\nreview the matter;\n\n2. Decides to remain seized of the matter.${TAIL}`, { fileName: 'x.txt', format: 'text' }).document;
    expect(d.operative.some((b) => b.table)).toBe(false);
    expect(blockText(d.operative[0]!)).toContain('by | October 1991');
  });

  it('plain text with columns set apart by runs of spaces (a table copied from a PDF viewer) is a table', () => {
    const d = parseResolutionText(`${HEAD}1. Approves the changes to the staffing table:\n\nAction     Title of post                  Category   Number\nNew post   Information Systems Officer    P-4        1\nNew post   Benefits Assistant             GS (OL)    1\n\n2. Decides to remain seized of the matter.${TAIL}`, { fileName: 'x.txt', format: 'text' }).document;
    expect(d.operative.find((b) => b.table)?.table).toEqual({
      header: false,
      rows: [['Action', 'Title of post', 'Category', 'Number'], ['New post', 'Information Systems Officer', 'P-4', '1'], ['New post', 'Benefits Assistant', 'GS (OL)', '1']],
    });
    expect(d.operative.filter((b) => !b.table).map(blockText)).toEqual(['Approves the changes to the staffing table:', 'Decides to remain seized of the matter.']);
  });

  it('spaced columns are never read into prose: uneven cells, labels, clause ends and single lines stay text', () => {
    expect(readColumnBlock(['Post   Grade', 'Officer   P-4   1'])).toBeNull();
    expect(readColumnBlock(['1.   Decides   to act', '2.   Requests   a report'])).toBeNull();
    expect(readColumnBlock(['Recalling   its resolution,', 'Noting   the report,'])).toBeNull();
    expect(readColumnBlock(['Post   Grade'])).toBeNull();
    expect(readColumnBlock(['a   b', 'c d'])).toBeNull();
    const d = parseResolutionText(`${HEAD}1. Decides to act on the report   of the Secretary-General;\n\n2. Requests a report.${TAIL}`, { fileName: 'x.txt', format: 'text' }).document;
    expect(d.operative.some((b) => b.table)).toBe(false);
    expect(d.operative.length).toBe(2);
  });

  it('a table line carries any cell text and nothing else reads as one', () => {
    const t = { header: true, rows: [['a "quoted" cell', 'b\\c'], ['', 'd']] };
    expect(readTableLine(tableLine(t))).toEqual(t);
    expect(readTableLine('| a | b |')).toBeNull();
  });
});

describe('one-line lettered sub-headings ("A. Title")', () => {
  const doc = (body: string): ResolutionDocument =>
    parseResolutionText(`${HEAD}I\nPeace and security\n\n1. Decides to act;\n\n${body}${TAIL}`, { fileName: 'x.txt', format: 'text' }).document;

  it('are headings, never glued to the paragraph before, and not subparagraphs', () => {
    const d = doc('A. Regional cooperation\n\n2. Encourages cooperation:\n\n(a) Among States;\n\n(b) Among regions;\n\nB. Follow-up\n\n3. Requests a report.');
    const heads = d.operative.filter((b) => b.heading).map((b) => `${b.heading!.level} ${b.heading!.num} ${blockText(b)}`);
    expect(heads).toEqual(['1 I Peace and security', '2 A Regional cooperation', '2 B Follow-up']);
    const ops = d.operative.filter((b) => !b.heading);
    expect(ops.map((b) => b.children.length)).toEqual([0, 2, 0]);
    expect(blockText(ops[0]!)).toBe('Decides to act;');
  });

  it('a sentence that starts with a capital and a full stop, or initials, stays text', () => {
    const d = doc('2. Takes note of the report;\n\nA. B. Smith, Special Rapporteur, was heard;\n\n3. Decides to remain seized of the matter.');
    expect(d.operative.filter((b) => b.heading).length).toBe(1);
    const d2 = doc('2. Takes note of the report:\n\nA. The Committee shall meet annually, and report to the Assembly at its next session, in accordance with the rules of procedure;\n\n3. Decides to remain seized of the matter.');
    expect(d2.operative.filter((b) => b.heading).length).toBe(1);
  });
});

describe("a text layer's table, one cell a line", () => {
  const cells = ['Action', 'Title of post', 'Category/Level', 'Number', 'New post', 'Information Systems Officer', 'P-4', '1', 'New post', 'Benefits Assistant', 'GS (OL)', '1'];

  it('is read as a one-column table, every cell kept in order, the note under it last', () => {
    expect(readCellLineBlock(cells)).toEqual({ header: false, rows: cells.map((c) => [c]) });
    const note = 'Abbreviations: GS (OL), General Service (Other level); GS (PL), General Service (Principal level).';
    expect(readCellLineBlock([...cells, note])!.rows.at(-1)).toEqual([note]);
  });

  it('is not prose wrapped one word a line, a short list of fewer than eight lines, a heading or a numbered paragraph', () => {
    expect(readCellLineBlock(['encouraging', 'Member', 'States', 'to', 'implement', 'and', 'further', 'develop', 'those', 'recommendations,'])).toBeNull();
    expect(readCellLineBlock(cells.slice(0, 7))).toBeNull();
    expect(readCellLineBlock([...cells, 'B. Office of Investment Management'])).toBeNull();
    expect(readCellLineBlock([...cells, '2. Decides to act'])).toBeNull();
    expect(readCellLineBlock(cells.map((c) => `${c} of the United Nations system and its entities`))).toBeNull();
  });

  it('in a text import, goes on over a blank line and a page break to its note, and its rows are no operative paragraphs', () => {
    const text = [
      'United Nations', 'A/RES/78/999', '', 'General Assembly', 'Distr.: General', '2 January 2024', '', 'Resolution adopted by the General Assembly on 22 December 2023', '', '78/999. Pension fund', '',
      'The General Assembly,', '', 'Recalling its resolution 77/1,', '', '1. Approves the changes to the staffing table as set out in the table below:', '',
      ...cells, '', 'New post', 'Administrative Assistant', 'GS (OL)', '1', '', 'Abbreviations: GS (OL), General Service (Other level).', '',
      '2. Also approves the estimates for 2024;', '', '3. Authorizes the Board to act.',
    ].join('\n');
    const d = parseResolutionText(text, { fileName: 'A_RES_78_999.txt', format: 'text' }).document;
    expect(d.operative.filter((b) => !b.table).map((b) => blockText(b).split(' ').slice(0, 2).join(' '))).toEqual(['Approves the', 'Also approves', 'Authorizes the']);
    const t = d.operative.find((b) => b.table)!.table!;
    expect(t.rows.map((r) => r[0])).toEqual([...cells, 'New post', 'Administrative Assistant', 'GS (OL)', '1', 'Abbreviations: GS (OL), General Service (Other level).']);
  });
});
