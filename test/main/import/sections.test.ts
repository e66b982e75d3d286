// Sectioned resolutions through every importer: the text import of the official text layer is the
// reference; the same document written by our own exporters (text, markdown, HTML, .docx) and read
// back, and the official text converted to .docx by LibreOffice, must give the same parts,
// sub-headings, part preambles, numbering restarts, tables and words.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readResolutionBuffer, readResolutionFile, type ImportedText } from '../../../src/main/services/import-files.js';
import { docxBytes } from '../../../src/shared/export/docx.js';
import { exportHtml } from '../../../src/shared/export/html.js';
import { exportText } from '../../../src/shared/export/txt.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { looksHardWrapped } from '../../../src/shared/import/wrapped.js';
import { blockText, type Block, type ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { CORPUS } from '../../helpers/corpus.js';
import { tempDir } from '../../helpers/tmp.js';

const tmp = tempDir('plenary-sections-');
afterAll(() => tmp.cleanup());

function parse(r: ImportedText): ResolutionDocument {
  return parseResolutionText(r.text, { fileName: r.fileName, format: r.format }).document;
}

/** The document's structure, one line per block: kind, heading level/number/restart, words. */
export function outline(d: ResolutionDocument): string[] {
  const line = (b: Block, where: string): string => {
    if (b.heading) return `H${b.heading.level}${b.heading.restart ? ' restart' : ''} ${b.heading.num} | ${blockText(b)}`;
    if (b.table) return `TABLE ${b.table.header ? 'header ' : ''}${JSON.stringify(b.table.rows)}`;
    return `${b.preambular ? 'PP(part)' : where} ${blockText(b)}`;
  };
  return [
    ...d.preambular.map((b) => line(b, 'PP')),
    ...d.operative.map((b) => line(b, 'OP')),
    ...d.annexes.flatMap((a) => [`ANNEX ${a.heading} | ${a.title}`, ...a.paragraphs.map((b) => line(b, 'AP'))]),
  ];
}

function fromCorpus(sym: string): ResolutionDocument {
  const txt = fs.readFileSync(path.join(CORPUS, 'ga-en', `${sym}.txt`), 'utf8');
  return parseResolutionText(txt, { fileName: `${sym}.txt`, format: 'text' }).document;
}

async function throughExport(doc: ResolutionDocument, kind: 'txt' | 'md' | 'html' | 'docx'): Promise<ResolutionDocument> {
  const bytes =
    kind === 'docx'
      ? await docxBytes(doc)
      : new TextEncoder().encode(kind === 'html' ? exportHtml(doc) : exportText(doc, kind === 'txt' ? { footnoteMarks: 'digits' } : {}));
  return parse(await readResolutionBuffer(`export.${kind}`, bytes));
}

describe('sectioned resolutions: every exporter, read back, gives the text import’s structure', () => {
  // 78/247: parts I and II with their own preambles; 78/253: 28 headings, part preambles and
  // restarts; 79/258: 25 headings; 78/128: parts, sub-headings and three annexes.
  for (const sym of ['A_RES_78_247', 'A_RES_78_253', 'A_RES_79_258', 'A_RES_78_128']) {
    it(`${sym}: markdown, HTML and .docx`, async () => {
      const base = fromCorpus(sym);
      const want = outline(base);
      expect(want.some((l) => l.startsWith('H'))).toBe(true);
      for (const kind of ['md', 'html', 'docx'] as const) {
        const doc = await throughExport(base, kind);
        expect(outline(doc), kind).toEqual(want);
        // The masthead too ("United Nations" beside the symbol, "78/247." before the title in HTML).
        expect([doc.meta.symbol, doc.meta.title, doc.meta.kind, doc.meta.adoptionDate], kind).toEqual([base.meta.symbol, base.meta.title, base.meta.kind, base.meta.adoptionDate]);
      }
    });
  }

  it('A_RES_78_317: one-line lettered sub-headings ("B. Scale up climate action …", 208 characters) from markdown, HTML and .docx', async () => {
    const base = fromCorpus('A_RES_78_317');
    const heads = (d: ResolutionDocument): string[] => outline(d).filter((l) => l.startsWith('H'));
    expect(heads(base).filter((l) => l.startsWith('H2')).length).toBeGreaterThan(10);
    for (const kind of ['md', 'html', 'docx'] as const) expect(heads(await throughExport(base, kind)), kind).toEqual(heads(base));
  });

  it('A_RES_78_253: the parts are read from HTML as headings with restarts and part preambles', async () => {
    const got = await throughExport(fromCorpus('A_RES_78_253'), 'html');
    const heads = got.operative.filter((b) => b.heading);
    expect(heads.length).toBeGreaterThan(20);
    expect(heads.some((b) => b.heading!.restart)).toBe(true);
    expect(got.operative.filter((b) => b.preambular).length).toBeGreaterThan(10);
    // No heading glued to the end of a paragraph.
    for (const b of got.operative) if (!b.heading) expect(blockText(b)).not.toMatch(/[;:,][A-Z]/);
  });
});

describe('PDF and text layer agree on sectioned and page-cut resolutions', () => {
  // 78/253: 28 headings and part preambles; 78/330 and 79/146: a preambular paragraph that a page
  // break cuts after a comma (the text layer read it as two, the PDF as one).
  for (const sym of ['A_RES_78_253', 'A_RES_78_330', 'A_RES_79_146']) {
    it(`${sym}: same preambular and operative paragraphs, headings and part preambles`, async () => {
      const fromPdf = parse(await readResolutionFile(path.join(CORPUS, 'pdf', `${sym}.pdf`)));
      // Tables are not paragraphs: the text layer's one-cell-a-line tables and the PDF's tables
      // need not fall into as many blocks (78/253 XII's table the PDF reads into paragraph 15).
      const count = (d: ResolutionDocument): number[] => [
        d.preambular.length,
        d.operative.filter((b) => !b.heading && !b.preambular && !b.table).length,
        d.operative.filter((b) => b.preambular).length,
        d.operative.filter((b) => b.heading).length,
      ];
      expect(count(fromPdf)).toEqual(count(fromCorpus(sym)));
    });
  }
});

describe('.docx from LibreOffice (the official text converted with soffice --convert-to docx)', () => {
  it('A/RES/78/247 and 78/253: a paragraph per printed line is read as the text it is, same structure as the text import', () => {
    const src = path.join(tmp.dir, 'src');
    fs.mkdirSync(src);
    for (const sym of ['A_RES_78_247', 'A_RES_78_253']) fs.copyFileSync(path.join(CORPUS, 'ga-en', `${sym}.txt`), path.join(src, `${sym}.txt`));
    const out = path.join(tmp.dir, 'lo');
    const r = spawnSync(
      'soffice',
      ['--headless', `-env:UserInstallation=file://${path.join(tmp.dir, 'profile')}`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', out, path.join(src, 'A_RES_78_247.txt'), path.join(src, 'A_RES_78_253.txt')],
      { encoding: 'utf8', timeout: 280_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    return Promise.all(
      ['A_RES_78_247', 'A_RES_78_253'].map(async (sym) => {
        const read = await readResolutionFile(path.join(out, `${sym}.docx`));
        expect(read.kind).toBe('docx');
        expect(read.format).toBe('text');
        // The symbol comes from the masthead, not from the file name.
        const got = parseResolutionText(read.text, { fileName: 'pasted.docx', format: read.format }).document;
        expect(outline(got)).toEqual(outline(fromCorpus(sym)));
        expect(got.meta.symbol).toBe(`A/RES/78/${sym.split('_')[3]}`);
      }),
    );
  }, 300_000);

  it('tells hard-wrapped lines from paragraphs typed in Word', () => {
    const typed = Array.from({ length: 12 }, (_, k) => `Recalling its resolution ${k + 1} of the previous session on the question before it, and the report of the Secretary-General thereon,`);
    expect(looksHardWrapped(typed)).toBe(false);
    const short = Array.from({ length: 12 }, (_, k) => `${k + 1}. Decides to remain seized of the matter;`);
    expect(looksHardWrapped(short)).toBe(false);
    const lines = fs.readFileSync(path.join(CORPUS, 'ga-en', 'A_RES_78_247.txt'), 'utf8').split('\n');
    expect(looksHardWrapped(lines)).toBe(true);
    expect(looksHardWrapped(lines.slice(0, 5))).toBe(false);
  });
});
