// What a .docx can do for LibreOffice's page count (issue 13: ".docx through LibreOffice: page
// count equal for at least 90 %"). Takes the .docx files of a fidelity run
// (`npm run fidelity -- --no-pdf --keep DIR`), converts them with soffice as they are and in
// variants changed in the XML, and compares each with the official PDF: page count, and body
// lines in all (fewer lines = narrower text). word-advances.ts measures the letters' widths
// themselves (run it with --corpus on a folder of LibreOffice's PDFs to compare).
//   node --import tsx scripts/fidelity/docx-bound.ts --docx DIR [--corpus DIR] [--only NAME[,NAME…]] [--variants LABEL[,LABEL…]] [--keep DIR]
// --keep DIR keeps each variant's .docx and LibreOffice PDF there (DIR/<variant number>/).
// Variants:
//   as exported           the file the app writes;
//   usePrinterMetrics     <w:usePrinterMetrics/> in w:compat: LibreOffice honours it (it sets its
//                         PrinterIndependentLayout to "disabled"), the one compatibility option that
//                         could change glyph widths;
//   UN ties               the spaces typeset.ts ties (a day before its month, "No.", "para.") as
//                         no-break spaces and the hyphen of a "non-" word as w:noBreakHyphen, as the
//                         Secretariat's Word files have them (not shipped: read back, a .docx would
//                         bring U+00A0 and U+2011 into the text, see the session 5 report);
//   separator +40 pt      the separator footnote's paragraph 30 pt high with 20 pt before and after:
//                         Word sets the footnote area's top by this paragraph, LibreOffice ignores it
//                         (its own separator distances apply), so this must lay out as exported;
//   Word advances         the letters as wide as Word set them in the official PDFs (word-advances.ts:
//                         body roman x1.03 + 0.16 pt, italics x1.0 + 0.11 pt, notes x1.0175 + 0.27 pt)
//                         with w:w (character scale) and w:spacing on the runs, the spaces in runs of
//                         their own at nominal width as Word leaves them: the Word-metric bound, what
//                         LibreOffice's page count would be with Word's letter widths. NOT a candidate
//                         either (Word would apply it on top of its own widths);
//   letters +0.15/0.20/0.25 pt   w:spacing 3, 4 or 5 twips on every run, about Word's extra width
//                         per letter (official letters are +0.23 to +0.31 pt wider than nominal, the
//                         spaces are not): a bound, NOT a candidate, since Word applies it too and
//                         would then lay the file out wider than the official documents.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import JSZip from 'jszip';
import { layoutOf, type PdfLayout } from './measure.js';
import { tiedHyphenPieces, tieSpaces } from '../../src/shared/export/typeset.js';

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { docx: { type: 'string' }, corpus: { type: 'string' }, only: { type: 'string' }, variants: { type: 'string' }, keep: { type: 'string' } } });
if (!values.docx) throw new Error('--docx DIR is required: the --keep folder of `npm run fidelity -- --no-pdf --keep DIR`');
const docxDir = path.resolve(values.docx);
const corpus = path.resolve(values.corpus ?? path.join(root, '../shared/corpus/pdf'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-docx-bound-'));

type Patch = (files: Map<string, string>) => void;
const spacing = (twips: number): Patch => (f) => {
  f.set('word/styles.xml', f.get('word/styles.xml')!.replace('<w:rPrDefault><w:rPr>', `<w:rPrDefault><w:rPr><w:spacing w:val="${twips}"/>`));
};
/** Every `<w:t>` text of the part, typeset with the UN's ties (typeset.ts). */
const tied = (part: string): Patch => (f) => {
  f.set(part, f.get(part)!.replace(/<w:t( xml:space="preserve")?>([^<]*)<\/w:t>/g, (_m, _sp: string, t: string) =>
    tiedHyphenPieces(tieSpaces(t))
      .map((p) => `<w:t xml:space="preserve">${p.tied ? p.text.replace('-', '</w:t><w:noBreakHyphen/><w:t xml:space="preserve">') : p.text}</w:t>`)
      .join('')));
};
/** Word's letter widths (see the header): body x1.03 + 3 twips, italic runs x1.00 + 2 twips, notes x1.02 + 5 twips. */
const wordAdvances: Patch = (f) => {
  f.set('word/styles.xml', f.get('word/styles.xml')!
    .replace('<w:rPrDefault><w:rPr>', '<w:rPrDefault><w:rPr><w:w w:val="103"/><w:spacing w:val="3"/>')
    .replace(/(<w:style [^>]*w:styleId="UNFootnoteText"[\s\S]*?<w:rPr>)/, '$1<w:w w:val="102"/><w:spacing w:val="5"/>'));
  for (const part of ['word/document.xml', 'word/footnotes.xml']) {
    const italic = f.get(part)!.replace(/<w:rPr>((?:(?!<\/w:rPr>)[\s\S])*?)<w:i\/>/g, '<w:rPr>$1<w:i/><w:w w:val="100"/><w:spacing w:val="2"/>');
    // Spaces keep their nominal width, as Word's do: a text run is cut at its spaces, which go in runs of their own.
    f.set(part, italic.replace(/<w:r>(<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<\/w:rPr>)?<w:t(?: xml:space="preserve")?>([^<]*)<\/w:t><\/w:r>/g, (_m, rPr: string | undefined, t: string) =>
      t.split(/( +)/).filter(Boolean).map((piece) => {
        const props = /^ +$/.test(piece) ? `${(rPr ?? '<w:rPr></w:rPr>').replace('</w:rPr>', '<w:w w:val="100"/><w:spacing w:val="0"/></w:rPr>')}` : (rPr ?? '');
        return `<w:r>${props}<w:t xml:space="preserve">${piece}</w:t></w:r>`;
      }).join('')));
  }
};
const SEPARATOR = /(<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr>)<w:spacing [^>]*\/>/;
const variants: [string, Patch][] = [
  ['as exported', () => {}],
  ['UN ties', (f) => { tied('word/document.xml')(f); tied('word/footnotes.xml')(f); }],
  ['separator +40 pt', (f) => {
    if (!SEPARATOR.test(f.get('word/footnotes.xml')!)) throw new Error('no separator footnote paragraph to change');
    f.set('word/footnotes.xml', f.get('word/footnotes.xml')!.replace(SEPARATOR, '$1<w:spacing w:before="400" w:after="400" w:line="600" w:lineRule="exact"/>'));
  }],
  ['usePrinterMetrics', (f) => f.set('word/settings.xml', f.get('word/settings.xml')!.replace('<w:compat>', '<w:compat><w:usePrinterMetrics/>'))],
  ['Word advances', wordAdvances],
  ['letters +0.15 pt', spacing(3)],
  ['letters +0.20 pt', spacing(4)],
  ['letters +0.25 pt', spacing(5)],
];

function layout(pdf: string): PdfLayout {
  const r = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`pdftotext ${pdf} failed: ${r.stderr}`);
  return layoutOf(r.stdout);
}
const bodyLines = (l: PdfLayout): number => l.pages.reduce((s, p) => s + p.filter((x) => x.kind === 'body').length, 0);

const names = fs
  .readdirSync(docxDir)
  .filter((f) => f.endsWith('.docx') && fs.existsSync(path.join(corpus, f.replace(/\.docx$/, '.pdf'))))
  .map((f) => f.replace(/\.docx$/, ''))
  .filter((n) => !values.only || values.only.split(',').some((o) => n.includes(o)))
  .sort();
const official = new Map(names.map((n) => [n, layout(path.join(corpus, `${n}.pdf`))]));

const lines: string[] = [];
const chosen = values.variants ? variants.filter(([label]) => values.variants!.split(',').includes(label)) : variants;
for (const [label, patch] of chosen) {
  const dir = path.join(work, String(variants.findIndex((v) => v[0] === label)));
  fs.mkdirSync(path.join(dir, 'pdf'), { recursive: true });
  for (const n of names) {
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(docxDir, `${n}.docx`)));
    const xml = new Map<string, string>();
    for (const p of ['word/styles.xml', 'word/settings.xml', 'word/document.xml', 'word/footnotes.xml']) xml.set(p, await zip.file(p)!.async('string'));
    patch(xml);
    for (const [p, s] of xml) zip.file(p, s);
    fs.writeFileSync(path.join(dir, `${n}.docx`), await zip.generateAsync({ type: 'uint8array' }));
  }
  const r = spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${path.join(work, 'profile')}`, '--convert-to', 'pdf', '--outdir', path.join(dir, 'pdf'), ...names.map((n) => path.join(dir, `${n}.docx`))], { encoding: 'utf8', timeout: 1_800_000 });
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  let equal = 0;
  let offLines = 0;
  let loLines = 0;
  const off: string[] = [];
  for (const n of names) {
    const o = official.get(n)!;
    const pdf = path.join(dir, 'pdf', `${n}.pdf`);
    if (!fs.existsSync(pdf)) throw new Error(`LibreOffice made no PDF of ${n}`);
    const e = layout(pdf);
    offLines += bodyLines(o);
    loLines += bodyLines(e);
    if (o.pages.length === e.pages.length) equal++;
    else off.push(`${n} ${o.pages.length}/${e.pages.length}`);
  }
  lines.push(`${label.padEnd(18)} page count equal ${equal}/${names.length} = ${(equal / names.length).toFixed(3)}; body lines ${loLines} against ${offLines} (${(((loLines / offLines) - 1) * 100).toFixed(1)} %)`);
  lines.push(`${''.padEnd(18)} off (official/LibreOffice): ${off.join(', ') || 'none'}`);
  process.stderr.write(`${label}: done\n`);
}
process.stdout.write(lines.join('\n') + '\n');
if (values.keep) fs.cpSync(work, path.resolve(values.keep), { recursive: true, filter: (f) => !f.includes(`${path.sep}profile`) });
fs.rmSync(work, { recursive: true, force: true });
