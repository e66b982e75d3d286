// The README's "beside the official" pictures (run by `npm run screenshots`, or alone with
// `node --import tsx scripts/official-pages.ts [outDir]`): for a sectioned resolution and a committee
// draft from ../shared/corpus, import the official PDF as a delegate would (File › Open), export it
// to PDF with the app's own exporter, render one page of each with pdftoppm, and put the two pages
// side by side (an HTML page screenshotted by headless Chromium) in docs/screenshots.
// Needs: chromium, pdftoppm (poppler-utils). Writes only the PNGs named below and a temp folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadDocument } from '../src/main/services/documents.js';
import { ExportService, HEADLESS_CHROMIUM_ARGS, chromiumCandidates } from '../src/main/services/export.js';

const root = path.resolve(import.meta.dirname, '..');
const corpus = path.resolve(root, '../shared/corpus');
const outDir = path.resolve(process.argv[2] ?? path.join(root, 'docs', 'screenshots'));

/** The pictures: which official PDF, which page (the one with the part headings), where to write. */
const PICTURES = [
  { pdf: 'pdf/A_RES_78_253.pdf', page: 1, out: 'sectioned-vs-official.png', what: 'A/RES/78/253, part I' },
  { pdf: 'drafts-80/pdf/A_C.2_80_L.16.pdf', page: 1, out: 'draft-vs-official.png', what: 'A/C.2/80/L.16' },
] as const;

/** Resolution of the page images: 80 dpi keeps 10 pt text legible in the README. */
const DPI = 80;

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.slice(-2).join(' ')} failed: ${r.stderr || r.error?.message || `exit ${r.status}`}`);
}

/** Page `page` of `pdf` as a PNG file (pdftoppm names it prefix-N.png, N zero-padded). */
function pagePng(pdf: string, page: number, prefix: string): string {
  run('pdftoppm', ['-png', '-r', String(DPI), '-f', String(page), '-l', String(page), pdf, prefix]);
  const dir = path.dirname(prefix);
  const file = fs.readdirSync(dir).find((f) => f.startsWith(`${path.basename(prefix)}-`) && f.endsWith('.png'));
  if (!file) throw new Error(`pdftoppm wrote no page ${page} of ${pdf}`);
  return path.join(dir, file);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const exe = chromiumCandidates().find((c) => fs.existsSync(c));
if (!exe) throw new Error('Chromium is needed to compose the pictures (none found; set PLENARY_CHROMIUM).');
const exporter = new ExportService();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-official-'));
fs.mkdirSync(outDir, { recursive: true });
try {
  for (const pic of PICTURES) {
    const official = path.join(corpus, pic.pdf);
    const doc = await loadDocument(official);
    const rendered = await exporter.render(doc, 'pdf');
    const ours = path.join(work, `${path.basename(pic.out, '.png')}-ours.pdf`);
    fs.writeFileSync(ours, rendered.bytes);
    const a = pagePng(ours, pic.page, path.join(work, `${path.basename(pic.out, '.png')}-a`));
    const b = pagePng(official, pic.page, path.join(work, `${path.basename(pic.out, '.png')}-b`));
    // Both pages at the same scale, ours first, each with its caption; grey between them like a viewer.
    const html = `<!doctype html><meta charset="utf-8"><body style="margin:0;padding:10px;display:flex;gap:14px;background:#c8c8c8;font:15px sans-serif">
      <figure style="margin:0"><img style="display:block;box-shadow:0 0 4px #0006" src="file://${a}"><figcaption style="padding-top:6px">Plenary: imported from the official PDF, exported to PDF</figcaption></figure>
      <figure style="margin:0"><img style="display:block;box-shadow:0 0 4px #0006" src="file://${b}"><figcaption style="padding-top:6px">Official ${esc(pic.what)} (page ${pic.page})</figcaption></figure></body>`;
    const page = path.join(work, `${path.basename(pic.out, '.png')}.html`);
    fs.writeFileSync(page, html);
    // Letter at DPI: 8.5 × 11 in; two pages, the gap, the padding and the captions.
    const w = Math.round(8.5 * DPI) * 2 + 14 + 20;
    const h = Math.round(11 * DPI) + 20 + 30;
    const target = path.join(outDir, pic.out);
    run(exe, [...HEADLESS_CHROMIUM_ARGS, '--hide-scrollbars', '--allow-file-access-from-files', `--screenshot=${target}`, `--window-size=${w},${h}`, `file://${page}`]);
    console.log(`wrote ${path.relative(root, target)} (${pic.what})${rendered.notes.length ? `; notes: ${rendered.notes.join(' ')}` : ''}`);
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
