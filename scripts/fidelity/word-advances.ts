// How wide Word set the letters of the official PDFs, and which uniform letter spacing lets a
// browser break lines where Word did (issue 13). Reads every glyph's position from the PDFs' text
// operators (pdf.js), so the figures are Word's own, not pdftotext's word boxes:
//   node --import tsx scripts/fidelity/word-advances.ts [--corpus DIR]
// Prints (1) the body size each PDF was written at and the mean advance of the letters over their
// nominal Times New Roman widths (/Widths), (2) the pair adjustments Word applied (kerning), and
// (3) a line-fitting simulation over the in-paragraph line breaks of the PDFs whose spaces are
// glyphs (size 9.96): the share of lines where "the line fits the 365.5 pt column and the line plus
// the next word does not" holds, for uniform letter spacings (the model the export uses: nominal
// widths at 10 pt plus `letter-spacing` on every character), for the same with Word's observed
// kerning, and for per-character widths equal to Word's observed advances.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { glyphsOf, linePairs, type Glyph } from './glyphs.js';

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { corpus: { type: 'string' } } });
const corpus = path.resolve(values.corpus ?? path.join(root, '../shared/corpus/pdf'));
const RIGHT = 123.38 + 365.5;


const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
const median = (xs: readonly number[]): number => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)] ?? 0;
const BODY = (g: Glyph): boolean => g.size > 9.9 && g.size < 10.1;

/** An in-paragraph line break: the glyphs of a line (after any tab) and of the next line's first word. */
interface Break { x0: number; line: Glyph[]; next: Glyph[] }

function breaksOf(gs: readonly Glyph[]): Break[] {
  const out: Break[] = [];
  for (const { a, b } of linePairs(gs, 12, 0.3)) {
    const size = a[0]!.size;
    if (!BODY(a[0]!) || a.some((g) => g.ch.trim() && g.size !== size) || b.some((g) => g.ch.trim() && g.size !== size)) continue;
    if (Math.abs(b[0]!.x - 123.38) > 0.3 || a[0]!.x < 120) continue;
    let line = a.slice();
    while (line.length && !line[line.length - 1]!.ch.trim()) line.pop();
    let cut = 0; // text after a tab (an OP number, a label) starts at the tab stop
    for (let j = 1; j < line.length; j++) if (line[j]!.x - (line[j - 1]!.x + line[j - 1]!.adv) > 3) cut = j;
    line = line.slice(cut);
    if (line.length < 25) continue;
    const end = b.findIndex((g) => g.ch === ' ');
    out.push({ x0: line[0]!.x, line, next: end < 0 ? b : b.slice(0, end) });
  }
  return out;
}

type Width = (g: Glyph, next: Glyph | undefined) => number;

function agreement(breaks: readonly Break[], width: Width): number {
  let ok = 0;
  for (const br of breaks) {
    const sum = (gs: readonly Glyph[]): number => gs.reduce((s, g, i) => s + width(g, gs[i + 1]), 0);
    const last = br.line[br.line.length - 1]!;
    const joined = [...br.line, ...(last.ch === '-' ? [] : [{ ...last, ch: ' ', w: 250 }]), ...br.next];
    const avail = RIGHT - br.x0;
    if (sum(br.line) <= avail && sum(joined) > avail) ok++;
  }
  return ok / Math.max(1, breaks.length);
}

const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.pdf')).sort();
const all: Glyph[] = [];
const breaks: Break[] = [];
console.log('(1) body size and mean letter advance over the nominal width, per PDF');
for (const f of files) {
  const gs = await glyphsOf(path.join(corpus, f));
  const body = gs.filter((g) => BODY(g) && g.font === 'TimesNewRomanPSMT' && g.ch.trim() && !g.last);
  const sizes = new Map<number, number>();
  for (const g of body) sizes.set(g.size, (sizes.get(g.size) ?? 0) + 1);
  const size = [...sizes].sort((p, q) => q[1] - p[1])[0]?.[0];
  const spaces = gs.some((g) => BODY(g) && g.ch === ' ' && !g.last);
  console.log(`  ${f}: ${size ?? '–'} pt, letters +${mean(body.map((g) => g.adv - (g.w * g.size) / 1000)).toFixed(3)} pt${spaces ? '' : ' (spaces not written as glyphs: left out of (3))'}`);
  for (const g of gs) all.push(g);
  if (size === 9.96 && spaces) for (const b of breaksOf(gs)) breaks.push(b);
}

const adv = new Map<string, number[]>();
const pair = new Map<string, number[]>();
for (let i = 0; i + 1 < all.length; i++) {
  const g = all[i]!;
  if (g.size !== 9.96 || g.last || g.ch === ' ') continue;
  const k = `${g.font}|${g.ch}`;
  (adv.get(k) ?? adv.set(k, []).get(k)!).push(g.adv);
  const n = all[i + 1]!;
  if (n.ch !== ' ') (pair.get(`${k}|${n.ch}`) ?? pair.set(`${k}|${n.ch}`, []).get(`${k}|${n.ch}`)!).push(g.adv);
}
const kern = new Map<string, number>();
for (const [k, v] of pair) {
  if (v.length < 8) continue;
  const d = median(v) - median(adv.get(k.split('|').slice(0, 2).join('|'))!);
  if (Math.abs(d) >= 0.18) kern.set(k, d / 9.96);
}
console.log(`\n(2) pairs Word set closer or wider (median advance against the letter's, at 9.96 pt), ${kern.size} pairs:`);
console.log('  ' + [...kern].sort((p, q) => p[1] - q[1]).slice(0, 16).map(([k, d]) => `${k.split('|').slice(1).join('')} ${(d * 9.96).toFixed(2)}`).join(', '));

console.log(`\n(3) line fitting over ${breaks.length} in-paragraph line breaks (size-9.96 PDFs)`);
const nominal = (ls: number): Width => (g) => (g.w * 10) / 1000 + ls;
for (const ls of [0, 0.16, 0.2, 0.22, 0.24, 0.26, 0.28, 0.32]) {
  const kerned: Width = (g, n) => nominal(ls)(g, n) + (n ? (kern.get(`${g.font}|${g.ch}|${n.ch}`) ?? 0) * 10 : 0);
  console.log(`  letter-spacing ${ls.toFixed(2)} pt: ${agreement(breaks, nominal(ls)).toFixed(3)}; with Word's kerning ${agreement(breaks, kerned).toFixed(3)}`);
}
const observed = new Map([...adv].filter(([, v]) => v.length >= 5).map(([k, v]) => [k, mean(v)]));
for (const scale of [0.98, 0.985, 0.99, 0.995, 1]) {
  const w: Width = (g) => (g.ch === ' ' ? 2.5 + 0.1 : (observed.get(`${g.font}|${g.ch}`) ?? (g.w * 10) / 1000 + 0.3) * scale);
  console.log(`  Word's observed advance per character × ${scale}: ${agreement(breaks, w).toFixed(3)}`);
}
