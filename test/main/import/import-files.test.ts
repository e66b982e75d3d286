// File-level import: type detection, text encodings, Word through mammoth, PDF through pdf.js,
// and the errors a delegate sees for files Plenary cannot read.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AlignmentType, Document, FootnoteReferenceRun, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, readResolutionBuffer, readResolutionFile, type ImportedText } from '../../../src/main/services/import-files.js';
import { PlenaryError } from '../../../src/shared/errors.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { blockText, inlineText, type ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { tempDir } from '../../helpers/tmp.js';
import { CORPUS } from '../../helpers/corpus.js';

const tmp = tempDir('plenary-import-');
afterAll(() => tmp.cleanup());

function parse(r: ImportedText): ResolutionDocument {
  return parseResolutionText(r.text, { fileName: r.fileName, format: r.format }).document;
}

/** The error a promise rejects with (fails the test if it resolves). */
async function failure(p: Promise<unknown>): Promise<PlenaryError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(PlenaryError);
    return e as PlenaryError;
  }
  throw new Error('expected a PlenaryError');
}

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('PDF import (official UN PDFs)', () => {
  const cases = ['A_RES_79_200', 'A_RES_78_10', 'A_RES_79_18'];
  for (const sym of cases) {
    it(`${sym}: same paragraphs as the text layer, with italics and footnote marks`, async () => {
      const file = path.join(CORPUS, 'pdf', `${sym}.pdf`);
      const r = await readResolutionFile(file);
      expect(r.kind).toBe('pdf');
      expect(r.format).toBe('markdown');
      expect(r.fileName).toBe(`${sym}.pdf`);
      expect(r.hash).toBe(createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
      // Italics read from TimesNewRomanPS-ItalicMT, footnote marks from their size and baseline.
      expect(r.text).toContain('*The General Assembly*,');
      expect(r.text).toMatch(/^\*Recalling\*/m);
      expect(r.text).toMatch(/<sup>1<\/sup>/);
      expect(r.text).toMatch(/^<sup>1<\/sup> \S/m);
      // Page furniture is gone: job number, barcode, page numbers.
      expect(r.text).not.toMatch(/\*\d{7}\*|^\d{1,2}\/\d{1,2}$|^\d{2}-\d{5}/m);

      const fromPdf = parse(r);
      const txt = fs.readFileSync(path.join(CORPUS, 'ga-en', `${sym}.txt`), 'utf8');
      const fromTxt = parseResolutionText(txt, { fileName: `${sym}.txt`, format: 'text' }).document;
      expect(fromPdf.operative.length).toBeGreaterThan(0);
      expect(fromPdf.operative.length).toBe(fromTxt.operative.length);
      expect(fromPdf.preambular.length).toBe(fromTxt.preambular.length);
      expect(fromPdf.footnotes.length).toBe(fromTxt.footnotes.length);
      expect(fromPdf.meta.symbol).toBe(fromTxt.meta.symbol);
      expect(fromPdf.meta.title).toBe(fromTxt.meta.title);
      expect(fromPdf.meta.adoptionDate).toBe(fromTxt.meta.adoptionDate);
      expect(fromPdf.meta.meeting).toBe(fromTxt.meta.meeting);
    }, 20_000);
  }

  it('A_RES_79_200: paragraphs rejoined across pages, footnote texts whole', async () => {
    const r = await readResolutionFile(path.join(CORPUS, 'pdf', 'A_RES_79_200.pdf'));
    const doc = parse(r);
    expect(r.text).toContain('*Taking into account* the 1992 Rio Declaration on Environment and Development,<sup>2</sup> especially');
    expect(r.text).toContain('*Noting again with appreciation* the assistance');
    expect(r.text).toContain('4. *Acknowledges* the conclusions in the report of the Secretary-General, in which');
    expect(r.text).toContain('*54th plenary meeting*\n*19 December 2024*');
    expect(blockText(doc.operative[8]!)).toMatch(/^Recognizes the multidimensionality .* entitled “Sustainable development”\.$/);
    expect(inlineText(doc.footnotes[1]!.content)).toBe(
      'Report of the United Nations Conference on Environment and Development, Rio de Janeiro, 3–14 June 1992, vol. I, Resolutions Adopted by the Conference (United Nations publication, Sales No. E.93.I.8 and corrigendum), resolution 1, annex I.',
    );
  });

  it("a delegate's own PDF: A4, other fonts, drawn footnote rule, running head, paragraph over a page break", async () => {
    const r = await readResolutionBuffer('L5.pdf', makeDraftPdf());
    expect(r.text).toContain('*The General Assembly*,');
    expect(r.text).toContain('Development,<sup>1</sup> and its earlier resolutions');
    // The second paragraph runs over the page break; the running head and page number are gone.
    expect(r.text).toMatch(/^\*Noting with concern\* that older persons .* during emergencies of every kind,$/m);
    expect(r.text.match(/A\/C\.3\/80\/L\.5/g)).toHaveLength(1);
    expect(r.text).toMatch(/^\(b\) To consult Member States on the preparations for the meeting;$/m);
    expect(r.text.endsWith('__________________\n\n<sup>1</sup> Resolution 70/1.\n')).toBe(true);
    const doc = parse(r);
    expect(doc.meta.symbol).toBe('A/C.3/80/L.5');
    expect(doc.meta.sponsors).toEqual(['Italy', 'Turkmenistan']);
    expect(doc.preambular).toHaveLength(2);
    expect(doc.operative.map((b) => blockText(b).split(' ')[0])).toEqual(['Decides', 'Requests', 'Decides']);
    expect(doc.operative[1]!.children).toHaveLength(2);
    expect(doc.footnotes.map((f) => inlineText(f.content))).toEqual(['Resolution 70/1.']);
  });

  it('a truncated PDF gives a clear CORRUPT error or what could be read, never a crash', async () => {
    const data = fs.readFileSync(path.join(CORPUS, 'pdf', 'A_RES_79_200.pdf'));
    const e = await failure(readResolutionBuffer('cut.pdf', data.subarray(0, data.length >> 1)));
    expect(e.code).toBe('CORRUPT');
    expect(e.message).toBe('cut.pdf is not a valid PDF (the file is damaged or truncated).');
    const g = await failure(readResolutionBuffer('x.pdf', enc('%PDF-1.7\n% garbage, no objects at all\n')));
    expect(g.code).toBe('CORRUPT');
  });

  it('a PDF without a text layer is refused with a plain explanation', async () => {
    const blank =
      '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
    const e = await failure(readResolutionBuffer('scan.pdf', enc(blank)));
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toMatch(/^scan\.pdf has no text layer \(a scanned image\?\); Plenary needs the PDF's text/);
  });
});

describe('Word import (.docx through mammoth)', () => {
  async function makeDocx(): Promise<Uint8Array> {
    const doc = new Document({
      footnotes: {
        1: { children: [new Paragraph({ children: [new TextRun('Resolution 70/1, '), new TextRun({ text: 'annex', italics: true }), new TextRun('.')] })] },
      },
      numbering: {
        config: [
          {
            reference: 'ops',
            levels: [
              { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
              { level: 1, format: LevelFormat.LOWER_LETTER, text: '(%2)', alignment: AlignmentType.START },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun({ text: 'The General Assembly', italics: true }), new TextRun(',')] }),
            new Paragraph({
              children: [
                new TextRun({ text: 'Recalling', italics: true }),
                new TextRun(' its resolution 70/1 of 25 September 2015, entitled “Transforming our world”'),
                new FootnoteReferenceRun(1),
                new TextRun(','),
              ],
            }),
            new Paragraph({ children: [new TextRun({ text: 'Noting with concern', italics: true }), new TextRun(' the report,')] }),
            new Paragraph({ children: [new TextRun({ text: 'Decides', italics: true }), new TextRun(' to act;')], numbering: { reference: 'ops', level: 0 } }),
            new Paragraph({
              children: [new TextRun({ text: 'Requests', italics: true }), new TextRun(' the Secretary-General:')],
              numbering: { reference: 'ops', level: 0 },
            }),
            new Paragraph({ children: [new TextRun('To report to it;')], numbering: { reference: 'ops', level: 1 } }),
            new Paragraph({ children: [new TextRun('To consult Member States;')], numbering: { reference: 'ops', level: 1 } }),
            new Paragraph({
              children: [new TextRun({ text: 'Decides also', italics: true }), new TextRun(' to remain seized of the matter.')],
              numbering: { reference: 'ops', level: 0 },
            }),
          ],
        },
      ],
    });
    return new Uint8Array(await Packer.toBuffer(doc));
  }

  it('round trip: italic opening phrases, numbered paragraphs, subparagraphs and a footnote', async () => {
    const data = await makeDocx();
    const r = await readResolutionBuffer('draft.docx', data);
    expect(r.kind).toBe('docx');
    expect(r.format).toBe('markdown');
    expect(r.text).toContain('*Recalling* its resolution 70/1');
    expect(r.text).toContain('*Noting with concern* the report,');
    expect(r.text).toContain('“Transforming our world”<sup>1</sup>,');
    expect(r.text).toMatch(/^1\. \*Decides\* to act;$/m);
    expect(r.text).toMatch(/^\(b\) To consult Member States;$/m);
    expect(r.text).toMatch(/^3\. \*Decides also\* to remain seized of the matter\.$/m);
    expect(r.text).toContain('__________________\n\n<sup>1</sup> Resolution 70/1, *annex*.');

    const doc = parse(r);
    expect(doc.preambular.map((b) => blockText(b).split(' ')[0])).toEqual(['Recalling', 'Noting']);
    expect(doc.operative.map((b) => blockText(b).split(' ')[0])).toEqual(['Decides', 'Requests', 'Decides']);
    expect(doc.operative[1]!.children.map(blockText)).toEqual(['To report to it;', 'To consult Member States;']);
    expect(doc.footnotes).toHaveLength(1);
    expect(inlineText(doc.footnotes[0]!.content)).toBe('Resolution 70/1, annex.');
    expect(doc.preambular[0]!.content.some((i) => i.t === 'fn')).toBe(true);
  });

  it('a truncated .docx gives the clear CORRUPT error', async () => {
    const data = await makeDocx();
    const e = await failure(readResolutionBuffer('report.docx', data.subarray(0, data.length >> 1)));
    expect(e.code).toBe('CORRUPT');
    expect(e.message).toBe('report.docx is not a valid Word document (the file is damaged or truncated).');
    // A .docx that is not even a ZIP.
    const f = await failure(readResolutionBuffer('report.docx', enc('just some words')));
    expect(f.code).toBe('CORRUPT');
    expect(f.message).toMatch(/^report\.docx is not a valid Word document/);
  });

  it('refuses the old .doc format and other ZIPs with a way forward', async () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const e = await failure(readResolutionBuffer('old.doc', ole));
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toMatch(/old Word format \(\.doc\).*save it as a Word document \(\.docx\)/);
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...enc('something/else.txt'), 0, 0, 0]);
    expect((await failure(readResolutionBuffer('bundle.zip', zip))).message).toMatch(/^bundle\.zip is a ZIP archive, not a document/);
  });
});

describe('text, markdown and HTML files', () => {
  const RES = 'The General Assembly,\n\nRecalling its resolution 70/1 — “Transforming our world”, café,\n\n1. Decides to act.\n';

  it('decodes UTF-8 with and without BOM, UTF-16 LE/BE with BOM, and windows-1252', async () => {
    const utf8 = enc(RES);
    const le = new Uint8Array(2 + RES.length * 2);
    const be = new Uint8Array(2 + RES.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < RES.length; i++) {
      const c = RES.charCodeAt(i);
      le[2 + 2 * i] = c & 0xff;
      le[3 + 2 * i] = c >> 8;
      be[2 + 2 * i] = c >> 8;
      be[3 + 2 * i] = c & 0xff;
    }
    const cp1252Map: Record<string, number> = { '—': 0x97, '“': 0x93, '”': 0x94, é: 0xe9 };
    const cp1252 = Uint8Array.from([...RES].map((ch) => cp1252Map[ch] ?? ch.charCodeAt(0)));
    for (const [label, data] of [
      ['utf8', utf8],
      ['bom', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])],
      ['le', le],
      ['be', be],
      ['1252', cp1252],
    ] as const) {
      const r = await readResolutionBuffer(`res-${label}.txt`, data);
      expect(r.text, label).toBe(RES);
      expect(r.kind).toBe('txt');
      expect(r.format).toBe('text');
      expect(r.hash).toBe(createHash('sha256').update(data).digest('hex'));
    }
    const doc = parse(await readResolutionBuffer('res.txt', cp1252));
    expect(doc.operative).toHaveLength(1);
  });

  it('tells markdown and HTML by content first, extension second', async () => {
    const md = await readResolutionBuffer('res.md', enc('*The General Assembly*,\n\n*Recalling* x,\n'));
    expect([md.kind, md.format]).toEqual(['md', 'markdown']);
    const html = await readResolutionBuffer('saved.txt', enc('<!DOCTYPE html><html><body><p><i>Recalling</i> x,</p></body></html>'));
    expect([html.kind, html.format, html.text]).toEqual(['html', 'markdown', '*Recalling* x,\n']);
    const bare = await readResolutionBuffer('page.bin', enc('<p><em>Recalling</em> y,</p><p>1. Decides.</p>'));
    expect([bare.kind, bare.text]).toEqual(['html', '*Recalling* y,\n\n1. Decides.\n']);
    const byExt = await readResolutionBuffer('page.htm', enc('Recalling <i>z</i>,'));
    expect([byExt.kind, byExt.text]).toEqual(['html', 'Recalling *z*,\n']);
    // A markdown file that happens to start with a tag stays markdown.
    expect((await readResolutionBuffer('notes.md', enc('<p>hello</p>\n\n*x*'))).kind).toBe('md');
  });

  it('reads files from disk, with NOT_FOUND and folder errors', async () => {
    const file = path.join(tmp.dir, 'A_RES_1.txt');
    fs.writeFileSync(file, RES);
    const r = await readResolutionFile(file);
    expect([r.fileName, r.kind, r.text]).toEqual(['A_RES_1.txt', 'txt', RES]);
    const nf = await failure(readResolutionFile(path.join(tmp.dir, 'missing.pdf')));
    expect([nf.code, nf.message]).toEqual(['NOT_FOUND', 'missing.pdf was not found.']);
    expect((await failure(readResolutionFile(tmp.dir))).code).toBe('BAD_INPUT');
  });
});

describe('files Plenary cannot read', () => {
  it('binary garbage: BAD_INPUT "binary data"', async () => {
    let x = 12345;
    const garbage = new Uint8Array(64 * 1024).map(() => ((x = (x * 1103515245 + 12345) >>> 0), x >>> 24));
    const e = await failure(readResolutionBuffer('notes.bin', garbage));
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toBe('notes.bin is not a document Plenary can read (binary data).');
  });

  it('images and archives are named', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect((await failure(readResolutionBuffer('scan.png', png))).message).toBe('scan.png is a PNG image, not a document Plenary can read.');
  });

  it('an empty file or blank text: BAD_INPUT', async () => {
    const e = await failure(readResolutionBuffer('empty.txt', new Uint8Array(0)));
    expect([e.code, e.message]).toEqual(['BAD_INPUT', 'empty.txt is empty: there is nothing to import.']);
    expect((await failure(readResolutionBuffer('blank.txt', enc(' \n\t\n')))).code).toBe('BAD_INPUT');
    expect((await failure(readResolutionBuffer('empty.html', enc('<html><body><p> </p></body></html>')))).code).toBe('BAD_INPUT');
  });

  it('refuses files over 100 MB before reading them', async () => {
    const big = path.join(tmp.dir, 'huge.pdf');
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, MAX_IMPORT_BYTES + 1); // sparse: nothing is written
    const e = await failure(readResolutionFile(big));
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toBe('huge.pdf is too large to import (100 MB; the limit is 100 MB).');
    const b = await failure(readResolutionBuffer('huge.txt', new Uint8Array(MAX_IMPORT_BYTES + 1)));
    expect(b.message).toMatch(/^huge\.txt is too large to import/);
  });

  it('a 50 MB text file is refused before it is decoded (the parser takes 10 million characters, no text file over 48 MB has fewer)', async () => {
    const line = 'Recalling its resolution 70/1 of 25 September 2015 and all its earlier resolutions on the subject,\n\n';
    const data = enc(line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)));
    const e = await failure(readResolutionBuffer('huge.txt', data));
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toBe('huge.txt is too large to import (50 MB; the limit for a text file is 48 MB).');
    // Just under the limit, the text is read and the parser answers (here: too many characters).
    const under = enc(line.repeat(Math.floor((40 * 1024 * 1024) / line.length)));
    const r = await readResolutionBuffer('big.txt', under);
    expect(r.text.length).toBe(under.length);
    expect(() => parseResolutionText(r.text, { fileName: r.fileName, format: r.format })).toThrow(/big\.txt.*too large to be a resolution/);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// A synthetic PDF laid out like a delegate's Word draft printed to PDF: A4, Courier (so widths
// are exact without font metrics), justified lines, a footnote under a drawn rule.

type Font = 'R' | 'I' | 'B';
interface Run { x: number; y: number; size: number; font: Font; text: string }
interface Page { runs: Run[]; rules: [number, number, number, number][] }

function buildPdf(pages: Page[], width = 595, height = 842): Uint8Array {
  const objs: string[] = [];
  const add = (s: string): number => objs.push(s);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add('PAGES');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Courier-Oblique >>');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold >>');
  const kids: number[] = [];
  const esc = (t: string): string => t.replace(/[\\()]/g, '\\$&');
  for (const pg of pages) {
    let content = '';
    for (const r of pg.runs) content += `BT /F${r.font === 'R' ? 1 : r.font === 'I' ? 2 : 3} ${r.size} Tf 1 0 0 1 ${r.x.toFixed(2)} ${r.y.toFixed(2)} Tm (${esc(r.text)}) Tj ET\n`;
    for (const [x1, y1, x2, y2] of pg.rules) content += `0.5 w ${x1} ${y1} m ${x2} ${y2} l S\n`;
    const c = add(`<< /Length ${content.length} >>\nstream\n${content}endstream`);
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >> /Contents ${c} 0 R >>`));
  }
  objs[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** Words of a paragraph: [text, font]; a font 'S' word is a superscript footnote mark glued to the word before. */
type Word = [string, Font | 'S'];

const LEFT = 72;
const CHARS = 75; // 75 × 6 pt = 450 pt: the column runs from 72 to 522
const CW = 6; // Courier at 10 pt

/** Justified lines of Courier 10 pt from `y` down; returns the runs and the next y. Breaks pages at `bottom`. */
function typeset(words: Word[], indent: number, y0: number, pagesOut: Page[], bottom: number, top: number): number {
  // Group words into lines by characters (marks take no room in the count, as superscripts are narrow).
  const lines: Word[][] = [];
  let cur: Word[] = [];
  let len = 0;
  for (const w of words) {
    const add = w[1] === 'S' ? 0 : w[0].length + (cur.length ? 1 : 0);
    const cap = CHARS - (lines.length === 0 ? indent : 0);
    if (len + add > cap && cur.length) {
      lines.push(cur);
      cur = [];
      len = 0;
    }
    cur.push(w);
    len += w[1] === 'S' ? 0 : w[0].length + (cur.length > 1 ? 1 : 0);
  }
  if (cur.length) lines.push(cur);
  let y = y0;
  lines.forEach((line, li) => {
    if (y < bottom) {
      pagesOut.push({ runs: [], rules: [] });
      y = top;
    }
    const page = pagesOut[pagesOut.length - 1]!;
    const ind = li === 0 ? indent : 0;
    const gaps = line.filter((w, k) => k > 0 && w[1] !== 'S').length;
    const used = line.reduce((n, w, k) => n + (w[1] === 'S' ? 0 : w[0].length + (k > 0 ? 1 : 0)), 0);
    const extra = li < lines.length - 1 && gaps > 0 ? ((CHARS - ind - used) * CW) / gaps : 0;
    let x = LEFT + ind * CW;
    line.forEach((w, k) => {
      if (w[1] === 'S') {
        page.runs.push({ x, y: y + 3.5, size: 6, font: 'R', text: w[0] });
        x += 3.6 * w[0].length;
        return;
      }
      if (k > 0) x += CW + extra;
      page.runs.push({ x, y, size: 10, font: w[1], text: w[0] });
      x += w[0].length * CW;
    });
    y -= 12;
  });
  return y;
}

const words = (s: string, font: Font = 'R'): Word[] => s.split(' ').filter(Boolean).map((w) => [w, font] as Word);

/** A two-page committee draft: masthead, 2 PPs (the second running over the page), 3 OPs with (a)/(b), one footnote. */
function makeDraftPdf(): Uint8Array {
  const pages: Page[] = [{ runs: [], rules: [] }];
  const p1 = pages[0]!;
  const t = (x: number, y: number, size: number, font: Font, text: string): void => void p1.runs.push({ x, y, size, font, text });
  t(72, 800, 12, 'R', 'United Nations');
  t(430, 800, 12, 'R', 'A/C.3/80/L.5');
  t(72, 775, 16, 'B', 'General Assembly');
  t(380, 775, 10, 'R', 'Distr.: Limited');
  t(380, 763, 10, 'R', '3 October 2025');
  t(380, 739, 10, 'R', 'Original: English');
  t(72, 700, 10, 'B', 'Eightieth session');
  t(72, 688, 10, 'B', 'Third Committee');
  t(72, 676, 10, 'R', 'Agenda item 70');
  t(72, 664, 10, 'B', 'Social development');
  t(108, 650, 10, 'B', 'Italy and Turkmenistan: draft resolution');
  t(108, 626, 12, 'B', 'Rights of older persons');
  t(108, 602, 10, 'I', 'The General Assembly');
  t(228, 602, 10, 'R', ',');
  let y = 584;
  const bottom = 520;
  const top = 760;
  y = typeset([...words('Recalling', 'I'), ...words('its resolution 70/1 of 25 September 2015, entitled Transforming our world: the 2030 Agenda for Sustainable Development,'), ['1', 'S'], ...words('and its earlier resolutions on the rights of older persons, in particular those adopted since the Second World Assembly on Ageing,')], 6, y, pages, bottom, top) - 6;
  y = typeset([...words('Noting with concern', 'I'), ...words('that older persons face discrimination in many countries and that the number of older persons is expected to double by 2050, which calls for urgent action by Governments, the United Nations system and civil society at all levels to protect the rights and dignity of older persons everywhere and to ensure that no one is left behind in the implementation of the 2030 Agenda, including in humanitarian settings and during emergencies of every kind,')], 6, y, pages, bottom, top) - 6;
  y = typeset([['1.', 'R'], ...words('Decides', 'I'), ...words('to convene a high-level meeting on the rights of older persons at its eighty-first session;')], 6, y, pages, bottom, top) - 6;
  y = typeset([['2.', 'R'], ...words('Requests', 'I'), ...words('the Secretary-General:')], 6, y, pages, bottom, top) - 6;
  y = typeset(words('(a) To report to it at its eighty-first session on the implementation of the present resolution;'), 6, y, pages, bottom, top) - 6;
  y = typeset(words('(b) To consult Member States on the preparations for the meeting;'), 6, y, pages, bottom, top) - 6;
  typeset([['3.', 'R'], ...words('Decides also', 'I'), ...words('to remain seized of the matter.')], 6, y, pages, bottom, top);
  // Footnote on page 1 under a drawn rule (Word draws it; there is no text for it).
  p1.rules.push([72, 112, 216, 112]);
  p1.runs.push({ x: 72, y: 99.5, size: 5, font: 'R', text: '1' });
  p1.runs.push({ x: 78, y: 96, size: 8, font: 'R', text: 'Resolution 70/1.' });
  // Running head and page number on the later pages.
  pages.forEach((pg, i) => {
    if (i === 0) return;
    pg.runs.push({ x: 450, y: 800, size: 10, font: 'R', text: 'A/C.3/80/L.5' });
    pg.runs.push({ x: 294, y: 40, size: 10, font: 'R', text: String(i + 1) });
  });
  return buildPdf(pages);
}
