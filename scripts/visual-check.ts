// The visual check of the exports, kept as a script (`npm run visual-check`):
//  1. parse an official resolution's text (A/RES/79/200 by default) into a document;
//  2. export it to .docx and to PDF (print HTML through headless Chromium);
//  3. render the .docx with LibreOffice (headless) to PDF, and both PDFs, plus the official PDF,
//     to page images with pdftoppm;
//  4. compare the page images (page count, and per page the share of pixels that differ after
//     downsampling) and the text extracted from our PDF with the document's text;
//  5. write docs/screenshots/export-vs-official.png: our PDF's page 1 beside the official one.
// Exits non-zero when a check fails. Needs: chromium, soffice (LibreOffice), pdftoppm, pdftotext.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadDocument } from '../src/main/services/documents.js';
import { ExportService } from '../src/main/services/export.js';
import { layoutDocument, runsText } from '../src/shared/export/layout.js';

const root = path.resolve(import.meta.dirname, '..');
const corpus = path.resolve(root, '../shared/corpus');
const name = process.argv[2] ?? 'A_RES_79_200';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-visual-'));

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.error?.message}`);
}

/** Reads a binary PGM (P5) written by pdftoppm -gray. */
function readPgm(file: string): { w: number; h: number; px: Uint8Array } {
  const b = fs.readFileSync(file);
  let i = 0;
  const tokens: string[] = [];
  while (tokens.length < 4) {
    while (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09) i++;
    if (b[i] === 0x23) {
      while (b[i] !== 0x0a) i++;
      continue;
    }
    let t = '';
    while (b[i] !== 0x20 && b[i] !== 0x0a && b[i] !== 0x0d && b[i] !== 0x09) t += String.fromCharCode(b[i++]!);
    tokens.push(t);
  }
  i++;
  return { w: Number(tokens[1]), h: Number(tokens[2]), px: new Uint8Array(b.buffer, b.byteOffset + i, Number(tokens[1]) * Number(tokens[2])) };
}

/** Pages of a PDF as grey images at `dpi`. */
function pages(pdf: string, prefix: string, dpi = 40): string[] {
  run('pdftoppm', ['-gray', '-r', String(dpi), pdf, path.join(work, prefix)]);
  return fs.readdirSync(work).filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.pgm')).sort().map((f) => path.join(work, f));
}

/**
 * How alike two page images are in layout (0..1): the rows that carry ink (text lines, rules)
 * in one page found within ±2 rows in the other, both ways. Tolerant to words breaking
 * differently inside a line, strict about lines, blocks and rules being in the same places.
 */
function rowSimilarity(a: string, b: string): number {
  const rows = (img: { w: number; h: number; px: Uint8Array }) => {
    const out: boolean[] = [];
    for (let y = 0; y < img.h; y++) {
      let ink = 0;
      for (let x = 0; x < img.w; x++) if (img.px[y * img.w + x]! < 128) ink++;
      out.push(ink > 2);
    }
    return out;
  };
  const A = rows(readPgm(a));
  const B = rows(readPgm(b));
  const near = (X: boolean[], Y: boolean[]) => {
    let ink = 0;
    let hit = 0;
    X.forEach((v, y) => {
      if (!v) return;
      ink++;
      for (let d = -2; d <= 2; d++) if (Y[y + d]) {
        hit++;
        break;
      }
    });
    return ink ? hit / ink : 1;
  };
  return (near(A, B) + near(B, A)) / 2;
}

/** Share of ink pixels that differ between two page images (0 = same, 1 = nothing in common), on 4-pixel cells. */
function pageDifference(a: string, b: string): number {
  const A = readPgm(a);
  const B = readPgm(b);
  const w = Math.min(A.w, B.w);
  const h = Math.min(A.h, B.h);
  let ink = 0;
  let diff = 0;
  for (let y = 0; y < h; y += 4) {
    for (let x = 0; x < w; x += 4) {
      let da = 0;
      let db = 0;
      for (let yy = y; yy < Math.min(y + 4, h); yy++) {
        for (let xx = x; xx < Math.min(x + 4, w); xx++) {
          da += A.px[yy * A.w + xx]! < 128 ? 1 : 0;
          db += B.px[yy * B.w + xx]! < 128 ? 1 : 0;
        }
      }
      const ia = da > 0;
      const ib = db > 0;
      if (ia || ib) ink++;
      if (ia !== ib) diff++;
    }
  }
  return ink ? diff / ink : 0;
}

const norm = (s: string) => s.replace(/\u00ad/g, '').replace(/-\s*\n\s*/g, '-').replace(/\s+/g, ' ').replace(/[“”]/g, '"').replace(/[‘’]/g, "'").trim();

const source = fs.existsSync(path.join(corpus, 'ga-en', `${name}.txt`)) ? path.join(corpus, 'ga-en', `${name}.txt`) : name;
const doc = await loadDocument(source);
const exporter = new ExportService();
const docx = path.join(work, 'ours.docx');
const pdf = path.join(work, 'ours.pdf');
fs.writeFileSync(docx, (await exporter.render(doc, 'docx')).bytes);
const rendered = await exporter.render(doc, 'pdf');
fs.writeFileSync(pdf, rendered.bytes);
for (const n of rendered.notes) console.log(`note: ${n}`);
run('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${path.join(work, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', path.join(work, 'lo'), docx]);
const loPdf = path.join(work, 'lo', 'ours.pdf');

const oursPages = pages(pdf, 'pdf');
const wordPages = pages(loPdf, 'docx');
const official = path.join(corpus, 'pdf', `${path.basename(source).replace(/\.txt$/, '')}.pdf`);
const officialPages = fs.existsSync(official) ? pages(official, 'official') : [];

const results: string[] = [];
let failed = false;
const check = (ok: boolean, text: string) => {
  results.push(`${ok ? 'ok  ' : 'FAIL'} ${text}`);
  if (!ok) failed = true;
};

check(Math.abs(oursPages.length - wordPages.length) <= 1, `page count: PDF ${oursPages.length}, Word via LibreOffice ${wordPages.length}${officialPages.length ? `, official ${officialPages.length}` : ''}`);
const pairs = (x: string[], y: string[]) => x.slice(0, Math.min(x.length, y.length)).map((p, i) => [p, y[i]!] as const);
const fmt = (xs: number[]) => xs.map((d) => d.toFixed(2)).join(', ');
const wordRows = pairs(oursPages, wordPages).map(([a, b]) => rowSimilarity(a, b));
results.push(`     PDF vs Word (LibreOffice): layout similarity by page ${fmt(wordRows)}; ink cells differing ${fmt(pairs(oursPages, wordPages).map(([a, b]) => pageDifference(a, b)))}`);
check(wordRows[0] !== undefined && wordRows[0] >= 0.8, `page 1 of the PDF and of the Word file have the same layout (similarity ${wordRows[0]?.toFixed(2)} ≥ 0.80)`);
if (officialPages.length) {
  const off = pairs(oursPages, officialPages).map(([a, b]) => rowSimilarity(a, b));
  results.push(`     PDF vs official PDF: layout similarity by page ${fmt(off)}; ink cells differing ${fmt(pairs(oursPages, officialPages).map(([a, b]) => pageDifference(a, b)))}`);
  check(off[0] !== undefined && off[0] >= 0.75, `page 1 of the PDF has the official page 1's layout (similarity ${off[0]?.toFixed(2)} ≥ 0.75)`);
}

// Text: every paragraph of the document appears, in order, in the text of our PDF.
run('pdftotext', ['-layout', pdf, path.join(work, 'ours.txt')]);
const pdfText = norm(fs.readFileSync(path.join(work, 'ours.txt'), 'utf8'));
const layout = layoutDocument(doc);
let at = 0;
let missing = 0;
for (const p of [...layout.paragraphs, ...layout.annexes.flatMap((a) => a.paragraphs)]) {
  const text = norm(runsText(p.runs));
  const probe = text.slice(0, 60);
  const found = pdfText.indexOf(probe, at);
  if (found < 0) {
    missing++;
    if (missing <= 3) results.push(`     not found in the PDF text: "${probe}"`);
  } else at = found + probe.length;
}
check(missing === 0, `text extracted from the PDF contains every paragraph in order (${missing} missing)`);

// The README picture: our page 1 beside the official page 1.
if (officialPages.length) {
  const side = path.join(root, 'docs', 'screenshots', 'export-vs-official.png');
  run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(work, 'a')]);
  run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', official, path.join(work, 'b')]);
  const a = fs.readdirSync(work).find((f) => f.startsWith('a-') && f.endsWith('.png'))!;
  const b = fs.readdirSync(work).find((f) => f.startsWith('b-') && f.endsWith('.png'))!;
  const html = `<!doctype html><body style="margin:0;display:flex;gap:12px;background:#ccc;font:14px sans-serif">
    <figure style="margin:0"><img src="file://${path.join(work, a)}"><figcaption>Plenary export (PDF)</figcaption></figure>
    <figure style="margin:0"><img src="file://${path.join(work, b)}"><figcaption>Official ${path.basename(official)}</figcaption></figure></body>`;
  fs.writeFileSync(path.join(work, 'side.html'), html);
  run('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--allow-file-access-from-files', `--screenshot=${side}`, '--window-size=1040,700', `file://${path.join(work, 'side.html')}`]);
  results.push(`     wrote ${path.relative(root, side)}`);
}

console.log(results.join('\n'));
fs.rmSync(work, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
