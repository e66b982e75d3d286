// The line-break agreement of exports already made (issue 13), without exporting again: for each
// NAME.pdf kept by `scripts/fidelity.ts --keep DIR`, measures it against the official NAME.pdf and
// prints the per-document share of the official's in-paragraph line breaks the export also makes,
// and their mean (the report's lineBreakAgreement):
//   node --import tsx scripts/fidelity/rescore.ts --official DIR --ours DIR [--only NAME,…]
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { compare, figures, layoutOf } from './measure.js';

const { values } = parseArgs({ options: { official: { type: 'string' }, ours: { type: 'string' }, only: { type: 'string' } } });
const offDir = path.resolve(values.official!);
const ourDir = path.resolve(values.ours!);
const only = values.only?.split(',');
const fig = (pdf: string): ReturnType<typeof figures> =>
  figures(layoutOf(spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout));
const shares: number[] = [];
for (const f of fs.readdirSync(ourDir).filter((n) => n.endsWith('.pdf') && !n.endsWith('.docx.pdf') && (!only || only.includes(n))).sort()) {
  if (!fs.existsSync(path.join(offDir, f))) continue;
  const off = fig(path.join(offDir, f));
  const c = compare(off, fig(path.join(ourDir, f)));
  if (c.lineBreaks === null) continue;
  shares.push(c.lineBreaks);
  console.log(`${f}\t${c.lineBreaks.toFixed(3)}\t${off.breaks.length}`);
}
console.log(`documents ${shares.length}, lineBreakAgreement ${(shares.reduce((s, x) => s + x, 0) / Math.max(1, shares.length)).toFixed(3)}`);
