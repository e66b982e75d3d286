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
