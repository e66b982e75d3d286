// The pure PDF reconstruction (moved from the main process, issue 11): items from pdf.js's text
// content become rows, paragraphs and footnotes. Synthetic pages, laid out like a UN resolution.
import { describe, expect, it } from 'vitest';
import { buildRows, layoutPdf, pdfItemFrom, type PageRows, type PdfItem } from '../../../src/shared/import/pdf-layout.js';

const H = 842;

function item(str: string, x: number, y: number, opts: { size?: number; font?: string } = {}): PdfItem {
  const size = opts.size ?? 10;
  const it = pdfItemFrom({ str, transform: [size, 0, 0, size, x, y], width: str.length * size * 0.5, height: size, fontName: opts.font ?? 'ABCDEF+TimesNewRomanPSMT' });
  if (!it) throw new Error(`no item for ${str}`);
  return it;
}

describe('pdfItemFrom', () => {
  it('keeps horizontal text and reads italics, bold and barcodes from the font name', () => {
    expect(pdfItemFrom({ str: 'Recalling', transform: [10, 0, 0, 10, 72, 700], width: 40, height: 10, fontName: 'ABCDEF+TimesNewRomanPS-ItalicMT' })).toEqual({
      str: 'Recalling', x: 72, y: 700, w: 40, size: 10, italic: true, bold: false, barcode: false, sup: false,
    });
    expect(item('X', 0, 0, { font: 'Arial-BoldMT' }).bold).toBe(true);
    expect(item('*1234567*', 0, 0, { font: 'IDAutomationHC39M-Barcode' }).barcode).toBe(true);
  });

  it('drops blank, rotated and broken items (a damaged PDF gives NaN and short matrices)', () => {
    const base = { width: 10, height: 10, fontName: '' };
    expect(pdfItemFrom({ ...base, str: '   ', transform: [10, 0, 0, 10, 0, 0] })).toBeNull();
    expect(pdfItemFrom({ ...base, str: 'stamp', transform: [0, 10, -10, 0, 0, 0] })).toBeNull();
    expect(pdfItemFrom({ ...base, str: 'x', transform: [10, 0, 0] })).toBeNull();
    expect(pdfItemFrom({ ...base, str: 'x', transform: [10, 0, 0, 10, Number.NaN, 0] })).toBeNull();
    expect(pdfItemFrom({ ...base, str: 'x', transform: [10, 0, 0, 10, 0, Infinity] })).toBeNull();
  });
});

describe('layoutPdf', () => {
  it('joins the lines of a paragraph, separates paragraphs by the gap, keeps italics and drops the running foot', () => {
    const page = (n: number, rows: PdfItem[]): PageRows => ({ page: n, height: H, rows: buildRows(n, rows) });
    const p1 = page(1, [
      item('The General Assembly,', 72, 700),
      item('Recalling', 72, 676, { font: 'TimesNewRomanPS-ItalicMT' }),
      item('its earlier resolutions on the', 122, 676),
      item('subject, and of the', 72, 664),
      item('Charter,', 72, 652),
      item('1.', 72, 628),
      item('Decides to remain seized of the matter.', 90, 628),
      item('24-12345 (E)', 72, 30, { size: 8 }),
    ]);
    const md = layoutPdf([p1]);
    expect(md).toBe('The General Assembly,\n\n*Recalling* its earlier resolutions on the\nsubject, and of the\nCharter,\n\n1. Decides to remain seized of the matter.\n');
  });

  it('an empty document gives an empty text, never a throw', () => {
    expect(layoutPdf([])).toBe('\n');
    expect(layoutPdf([{ page: 1, height: H, rows: [] }])).toBe('\n');
  });
});

describe('layoutPdf: tables read from the x positions of the cells', () => {
  const IT = 'TimesNewRomanPS-ItalicMT';
  const page = (n: number, items: PdfItem[]): PageRows => ({ page: n, height: H, rows: buildRows(n, items) });
  /** A row of a staffing table at `y`: cells at x 123, 234, 400 and 483, 8.5 pt. */
  const row = (y: number, cells: readonly string[], font?: string, size = 8.5): PdfItem[] =>
    cells.flatMap((c, k) => (c ? [item(c, [123, 234, 400, 483][k]!, y, { size, font })] : []));
  const prose = (y: number, s: string): PdfItem => item(s, 72, y);
  const full = 'the changes to the staffing table as set out in the table below with all';

  it('a staffing table (7 pt italic header, a wrapped cell, a note) becomes a pipe table; the paragraphs around it stay', () => {
    const p1 = page(1, [
      prose(700, `6. Approves ${full}`),
      prose(688, 'posts:'),
      ...row(660, ['Action', 'Title of post', 'Level', 'Number'], IT, 7),
      ...row(640, ['New post', 'Legal Officer', 'P-4', '1']),
      ...row(625, ['Redeployment from', 'Legal Assistant', 'GS (OL)', '1']),
      item('Office of the Chief', 123, 615, { size: 8.5 }),
      ...row(600, ['Total net changes', '', '', '2']),
      item('Abbreviations: GS (OL), General Service (Other level).', 123, 580, { size: 8.5 }),
      prose(560, '7. Decides to remain seized of the matter, and requests the Secretary-General to report'),
      prose(548, 'to it at its eighty-first session on the implementation of the present resolution.'),
    ]);
    expect(layoutPdf([p1])).toBe(
      `6. Approves ${full}\nposts:\n\n` +
        '| *Action* | *Title of post* | *Level* | *Number* |\n| --- | --- | --- | --- |\n| New post | Legal Officer | P-4 | 1 |\n' +
        '| Redeployment from Office of the Chief | Legal Assistant | GS (OL) | 1 |\n| Total net changes |  |  | 2 |\n' +
        '| Abbreviations: GS (OL), General Service (Other level). |  |  |  |\n\n' +
        '7. Decides to remain seized of the matter, and requests the Secretary-General to report to it at its eighty-first session on the implementation of the present resolution.\n',
    );
  });

  it('a table cut by a page break goes on where the next page repeats its header row', () => {
    const head = (y: number): PdfItem[] => row(y, ['Action', 'Title', 'Level', 'Number'], IT, 7);
    const p1 = page(1, [prose(700, 'The table:'), ...head(680), ...row(660, ['New post', 'Officer', 'P-4', '1']), ...row(645, ['New post', 'Assistant', 'P-3', '1'])]);
    const p2 = page(2, [...head(760), ...row(740, ['Abolition', 'Clerk', 'GS', '1']), prose(700, '2. Decides to remain seized.')]);
    const md = layoutPdf([p1, p2]);
    expect(md).toContain('| New post | Assistant | P-3 | 1 |\n| Abolition | Clerk | GS | 1 |\n\n2. Decides');
    expect(md.match(/\*Action\*/g)).toHaveLength(1);
  });

  it('never a table: a masthead of two columns, two split lines, or lines whose text crosses every gutter', () => {
    const mast = page(1, [
      item('United Nations', 72, 780), item('A/RES/80/1', 450, 780),
      item('General Assembly', 72, 760), item('Distr.: General', 450, 760),
      prose(700, 'The General Assembly,'),
      item('Recalling', 72, 680), item('its resolution', 150, 680),
      prose(668, 'Decides to act;'),
    ]);
    expect(layoutPdf([mast])).not.toContain('|');
    // Split lines with a wrapped line whose text runs across the gap between them: no gutter, no table.
    const crossing = page(1, [
      ...row(660, ['Action', 'Title of post', '', '']),
      ...row(645, ['New post', 'Legal Officer', '', '']),
      item('a wrapped cell that runs on from the first column into the second', 123, 636, { size: 8.5 }),
      ...row(620, ['New post', 'Clerk', '', '']),
    ]);
    const md = layoutPdf([crossing]);
    expect(md).not.toContain('| Action');
  });
});
