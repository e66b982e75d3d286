// The fidelity report (`npm run fidelity`, issue 13): for every official PDF in
// ../shared/corpus/pdf (or the folder given with --corpus), parse it, export it back to PDF
// (print HTML through headless Chromium, as the app and the CLI do) and to .docx rendered to PDF
// by LibreOffice, and compare each with the official file: page count, first/last body line of
// each page, x of first lines (PP indent, OP number, OP text, (a) and (i) labels), column edges,
// page-1 body start, body lines per page, the page of each footnote, line-break agreement, the
// masthead fields, the PP/OP counts and the roman part headings, and the lines the official fitted
// by hand (condensed or off the 12 pt pitch: hand-set.ts). Prints a table and writes JSON
// (test-results/fidelity.json, or --out FILE).
//   node --import tsx scripts/fidelity.ts [--corpus DIR] [--out FILE] [--only NAME[,NAME…]] [--no-docx] [--no-pdf] [--keep DIR]
// --keep DIR copies the exported files (NAME.pdf, NAME.docx, and NAME.docx.pdf from LibreOffice)
// there, to compare with the official file by eye or with `pdftotext -bbox`. --no-pdf measures the
// .docx alone (minutes faster: no Chromium).
// Needs: chromium, pdftotext, and for .docx soffice (LibreOffice).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { readResolutionFile } from '../src/main/services/import-files.js';
import { ExportService } from '../src/main/services/export.js';
import { parseResolutionText } from '../src/shared/import/text.js';
import { toParseJson } from '../src/shared/import/json.js';
import { symbolFromFileName } from '../src/shared/import/masthead.js';
import { compare, figures, layoutOf, type Comparison, type Figures, type PdfLayout } from './fidelity/measure.js';
import { handSet, type HandSet } from './fidelity/hand-set.js';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    out: { type: 'string' },
    only: { type: 'string' },
    'no-docx': { type: 'boolean' },
    'no-pdf': { type: 'boolean' },
    keep: { type: 'string' },
  },
});
const corpus = path.resolve(values.corpus ?? path.join(root, '../shared/corpus/pdf'));
const outFile = path.resolve(values.out ?? path.join(root, 'test-results/fidelity.json'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-fidelity-'));
const withDocx = !values['no-docx'];
const withPdf = !values['no-pdf'];

function run(cmd: string, args: string[], timeout = 300_000): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout, maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.slice(0, 2).join(' ')} failed: ${r.stderr || r.error?.message}`);
  return r.stdout;
}

function layout(pdf: string): PdfLayout {
  return layoutOf(run('pdftotext', ['-bbox', pdf, '-']));
}

function measure(pdf: string): Figures {
  return figures(layout(pdf));
}

function norm(s: string): string {
  return s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

/** One document's row of the report. */
interface Row {
  file: string;
  symbol: string;
  pp: number;
  op: number;
  masthead: { symbol: boolean; title: boolean; agendaItems: boolean; adoptionDate: boolean; exportTitleOnPage1: boolean };
  /** Lines of the official PDF fitted by hand (hand-set.ts): no layout rule reproduces them. */
  handSet?: HandSet;
  pdf?: Comparison;
  docx?: Comparison;
  error?: string;
}

const files = fs
  .readdirSync(corpus)
  .filter((f) => f.endsWith('.pdf') && (!values.only || values.only.split(',').some((o) => f.includes(o))))
  .sort();
const service = new ExportService();
const rows: Row[] = [];
const docxFiles: { row: Row; docx: string; official: Figures }[] = [];
for (const file of files) {
  const src = path.join(corpus, file);
  const base = file.replace(/\.pdf$/, '');
  try {
    const t = await readResolutionFile(src);
    const doc = parseResolutionText(t.text, { fileName: t.fileName, format: t.format }).document;
    const j = toParseJson(doc);
    const officialLayout = layout(src);
    const official = figures(officialLayout);
    const page1 = official.page1;
    const row: Row = {
      file,
      symbol: j.symbol,
      pp: j.preambular.length,
      op: j.operative.length,
      masthead: {
        // "A_C.1_80_L.17.pdf" is A/C.1/80/L.17 (the file-name reader stops at the first dot).
        symbol: j.symbol === (symbolFromFileName(file) ?? '') || j.symbol === base.replace(/_/g, '/'),
        title: j.title !== '' && page1.includes(norm(j.title)),
        agendaItems: j.agendaItems.length > 0 && j.agendaItems.every((a) => page1.includes(a.number)),
        adoptionDate: j.kind !== 'resolution' || j.adoptionDate !== '',
        exportTitleOnPage1: false,
      },
      handSet: handSet(officialLayout),
    };
    if (withPdf) {
      const pdf = path.join(work, `${base}.pdf`);
      fs.writeFileSync(pdf, (await service.render(doc, 'pdf')).bytes);
      const ours = measure(pdf);
      row.masthead.exportTitleOnPage1 = j.title !== '' && ours.page1.includes(norm(j.title));
      row.pdf = compare(official, ours);
    }
    if (withDocx) {
      const docx = path.join(work, `${base}.docx`);
      fs.writeFileSync(docx, (await service.render(doc, 'docx')).bytes);
      docxFiles.push({ row, docx, official });
    }
    rows.push(row);
    process.stderr.write(`${file}: ${row.pdf ? `pdf ${row.pdf.pagesExport}/${row.pdf.pagesOfficial} pages` : 'exported'}\n`);
  } catch (e) {
    rows.push({ file, symbol: '', pp: 0, op: 0, masthead: { symbol: false, title: false, agendaItems: false, adoptionDate: false, exportTitleOnPage1: false }, error: (e as Error).message });
    process.stderr.write(`${file}: ${(e as Error).message}\n`);
  }
}

// LibreOffice converts all the .docx files in one run.
if (withDocx && docxFiles.length) {
  const outDir = path.join(work, 'lo');
  fs.mkdirSync(outDir);
  run('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${path.join(work, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', outDir, ...docxFiles.map((d) => d.docx)], 1_800_000);
  for (const d of docxFiles) {
    const pdf = path.join(outDir, path.basename(d.docx).replace(/\.docx$/, '.pdf'));
    if (fs.existsSync(pdf)) d.row.docx = compare(d.official, measure(pdf));
    else d.row.error = `${d.row.error ?? ''} LibreOffice made no PDF`.trim();
  }
}

// ---------------------------------------------------------------------------------------------
// Summary and table

function share(xs: readonly boolean[]): number {
  return xs.length ? xs.filter(Boolean).length / xs.length : 0;
}
function within(xs: readonly (number | null)[], tol: number): number {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? v.filter((x) => Math.abs(x) <= tol).length / v.length : 0;
}
function meanOf(xs: readonly (number | null)[]): number | null {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? v.reduce((s, x) => s + x, 0) / v.length : null;
}

function summary(kind: 'pdf' | 'docx'): Record<string, number | null> {
  const cs = rows.map((r) => r[kind]).filter((c): c is Comparison => c !== undefined);
  const notes = cs.reduce((s, c) => s + c.notes, 0);
  return {
    documents: cs.length,
    pageCountEqual: share(cs.map((c) => c.pagesEqual)),
    firstLastLineAgree: meanOf(cs.map((c) => c.firstLastAgree)),
    footnotesSamePage: notes ? cs.reduce((s, c) => s + c.notesSamePage, 0) / notes : null,
    bodyStartWithin2pt: within(cs.map((c) => c.bodyStart), 2),
    columnLeftWithin: within(cs.map((c) => c.columnLeft), kind === 'pdf' ? 2 : 1),
    columnRightWithin: within(cs.map((c) => c.columnRight), kind === 'pdf' ? 2 : 1),
    lineBreakAgreement: meanOf(cs.map((c) => c.lineBreaks)),
    linesPerPageOfficial: meanOf(cs.map((c) => c.linesPerPageOfficial)),
    linesPerPageExport: meanOf(cs.map((c) => c.linesPerPageExport)),
    opNumberDx: meanOf(cs.map((c) => c.dx.opNumber)),
    opTextDx: meanOf(cs.map((c) => c.dx.opText)),
    ppDx: meanOf(cs.map((c) => c.dx.pp)),
    alphaDx: meanOf(cs.map((c) => c.dx.alpha)),
    romanDx: meanOf(cs.map((c) => c.dx.roman)),
  };
}

const f = (x: number | null | undefined, d = 1): string => (x === null || x === undefined ? '–' : x.toFixed(d));
const head = ['document', 'PP', 'OP', 'mast', 'pages off/pdf/docx', 'fn same', 'body y', 'col L/R pdf', 'col L/R docx', 'lines/pg off/pdf/docx', 'breaks pdf/docx', 'parts', 'hand c/p'];
const table = rows.map((r) => {
  const p = r.pdf;
  const d = r.docx;
  const m = r.masthead;
  return [
    r.file.replace(/\.pdf$/, ''),
    String(r.pp),
    String(r.op),
    `${[m.symbol, m.title, m.agendaItems, m.adoptionDate, m.exportTitleOnPage1].filter(Boolean).length}/5`,
    r.error && !p && !d ? 'ERROR' : `${(p ?? d)?.pagesOfficial ?? '–'}/${p?.pagesExport ?? '–'}/${d?.pagesExport ?? '–'}`,
    p ? `${p.notesSamePage}/${p.notes}` : '–',
    f(p?.bodyStart),
    p ? `${f(p.columnLeft)}/${f(p.columnRight)}` : '–',
    d ? `${f(d.columnLeft)}/${f(d.columnRight)}` : '–',
    `${f((p ?? d)?.linesPerPageOfficial)}/${f(p?.linesPerPageExport)}/${f(d?.linesPerPageExport)}`,
    `${f(p?.lineBreaks, 2)}/${f(d?.lineBreaks, 2)}`,
    p ? `${p.partHeadings[0]}/${p.partHeadings[1]}` : '–',
    r.handSet ? `${r.handSet.condensedLines}/${r.handSet.offPitchLines}` : '–',
  ];
});
const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
const out: string[] = [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...table.map(line)];
const sum = { pdf: withPdf ? summary('pdf') : null, docx: withDocx ? summary('docx') : null };
out.push('', 'Summary (goals: pdf footnotes same page ≥ 0.95, page count ≥ 0.95, body start and column within 2 pt, line breaks ≥ 0.9; docx column within 1 pt, page count ≥ 0.90)');
for (const [k, s] of Object.entries(sum)) {
  if (!s) continue;
  out.push(`  ${k}: ${Object.entries(s).map(([n, v]) => `${n} ${f(v, 3)}`).join(', ')}`);
}
// Page counts missed, with what the official fitted by hand: condensed / off-pitch lines (hand-set.ts).
for (const kind of ['pdf', 'docx'] as const) {
  if (!sum[kind]) continue;
  const missed = rows.filter((r) => r[kind] && !r[kind].pagesEqual);
  const hand = (r: Row): string => (r.handSet ? `, official hand-set: ${r.handSet.condensedLines} condensed, ${r.handSet.offPitchLines} off-pitch lines (pitch ${f(r.handSet.pitch, 2)} pt)` : '');
  if (missed.length) out.push(`  ${kind} page counts missed: ${missed.map((r) => `${r.file.replace(/\.pdf$/, '')} ${r[kind]!.pagesExport}/${r[kind]!.pagesOfficial}${hand(r)}`).join('; ')}`);
}
const mast = rows.map((r) => r.masthead);
out.push(`  masthead: symbol ${f(share(mast.map((m) => m.symbol)), 3)}, title ${f(share(mast.map((m) => m.title)), 3)}, agenda ${f(share(mast.map((m) => m.agendaItems)), 3)}, adoption date ${f(share(mast.map((m) => m.adoptionDate)), 3)}, title on exported page 1 ${f(share(mast.map((m) => m.exportTitleOnPage1)), 3)}`);
process.stdout.write(out.join('\n') + '\n');
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, JSON.stringify({ corpus: path.relative(root, corpus), summary: sum, rows }, null, 1));
process.stderr.write(`wrote ${outFile}\n`);
if (values.keep) {
  const keep = path.resolve(values.keep);
  fs.mkdirSync(keep, { recursive: true });
  for (const f of fs.readdirSync(work).filter((n) => n.endsWith('.pdf') || n.endsWith('.docx'))) fs.copyFileSync(path.join(work, f), path.join(keep, f));
  const lo = path.join(work, 'lo');
  if (fs.existsSync(lo)) for (const f of fs.readdirSync(lo)) fs.copyFileSync(path.join(lo, f), path.join(keep, f.replace(/\.pdf$/, '.docx.pdf')));
}
fs.rmSync(work, { recursive: true, force: true });
