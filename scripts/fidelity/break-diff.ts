// Where an export's body lines break differently from the official PDF's (issue 13), and why:
//   node --import tsx scripts/fidelity/break-diff.ts --official DIR --ours DIR [--only NAME,…] [--list]
// Pairs each official body line with the export's line that starts at the same place in the text
// (the text of both as one stream of non-space characters, aligned), and for every line that
// starts in the same place but ends elsewhere (the first divergence: what follows in the paragraph
// only inherits it) prints the two endings, the words the export holds more or fewer, a rough
// overshoot (pt) of the line plus the next word from the word boxes, and both
// line widths. Sums up the divergences by kind at the end.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { layoutOf, type Line } from './measure.js';

const { values } = parseArgs({ options: { official: { type: 'string' }, ours: { type: 'string' }, only: { type: 'string' }, list: { type: 'boolean' } } });
const offDir = path.resolve(values.official!);
const ourDir = path.resolve(values.ours!);

function bbox(pdf: string): string {
  return spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
}

const norm = (s: string): string => s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\u00ad/g, '');

/** A body line placed in the character stream: [start, end) offsets, its paragraph and whether it ends one. */
interface Placed { line: Line; nextWord: { text: string; w: number } | null; start: number; end: number; last: boolean; first: boolean; pageFirst: boolean }

function stream(pdf: string): { text: string; lines: Placed[] } {
  const lay = layoutOf(bbox(pdf));
  let text = '';
  const lines: Placed[] = [];
  for (const ls of lay.pages) {
    const body = ls.filter((l) => l.kind === 'body');
    body.forEach((l, i) => {
      const words = l.words.filter((w) => w.y1 - w.y0 >= l.size * 0.7);
      const start = text.length;
      text += norm(words.map((w) => w.text).join('')).replace(/\s+/g, '');
      const next = body[i + 1];
      const prev = body[i - 1];
      const nw = next ? next.words.filter((w) => w.y1 - w.y0 >= next.size * 0.7)[0] : undefined;
      lines.push({ line: l, nextWord: nw ? { text: nw.text, w: nw.x1 - nw.x0 } : null, start, end: text.length, last: !next || next.y0 - l.y1 > 3.5, first: !prev || l.y0 - prev.y1 > 3.5, pageFirst: i === 0 });
    });
  }
  return { text, lines };
}

/** Maps offsets of `b` to offsets of `a` (equal runs matched; -1 where b has text a lacks). */
function align(a: string, b: string): Int32Array {
  const map = new Int32Array(b.length + 1).fill(-1);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      map[j++] = i++;
      continue;
    }
    // Resynchronise on the nearest 12-character match.
    let found = false;
    for (let d = 1; d < 3000 && !found; d++) {
      for (let k = 0; k <= d && !found; k++) {
        const ii = i + k;
        const jj = j + (d - k);
        if (ii + 12 <= a.length && jj + 12 <= b.length && a.slice(ii, ii + 12) === b.slice(jj, jj + 12)) {
          i = ii;
          j = jj;
          found = true;
        }
      }
    }
    if (!found) break;
  }
  map[b.length] = a.length;
  return map;
}

interface Div { reach: number; file: string; kind: string; off: string; offX1: number; ourX1: number; delta: string; offLast: string }
const divs: Div[] = [];
let totalLines = 0;
let sameLines = 0;
const files = fs.readdirSync(ourDir).filter((f) => f.endsWith('.pdf') && !f.endsWith('.docx.pdf') && (!values.only || values.only.split(',').includes(f)));
for (const f of files.sort()) {
  const offPdf = path.join(offDir, f);
  if (!fs.existsSync(offPdf)) continue;
  const off = stream(offPdf);
  const ours = stream(path.join(ourDir, f));
  const map = align(off.text, ours.text);
  const ourByStart = new Map<number, Placed>();
  for (const l of ours.lines) ourByStart.set(map[l.start]!, { ...l, start: map[l.start]!, end: map[l.end] ?? -1 });
  for (const l of off.lines) {
    if (l.last) continue; // the last line of a paragraph ends where the paragraph does
    const o = ourByStart.get(l.start);
    if (!o) continue;
    totalLines++;
    if (o.end === l.end) {
      sameLines++;
      continue;
    }
    const offText = off.text.slice(l.start, l.end);
    const delta = o.end > l.end ? off.text.slice(l.end, o.end) : off.text.slice(o.end, l.end);
    const offWords = l.line.words.filter((w) => w.y1 - w.y0 >= l.line.size * 0.7);
    let kind = o.end > l.end ? 'ours-more' : 'ours-less';
    if (/-$/.test(offText) && o.end > l.end) kind += ' hyphen-off';
    if (o.last) kind += ' ours-para-end';
    // How far the line plus the next line's first word would reach past the column (488.9 pt):
    // the official's when we hold a word more, ours when we hold one fewer.
    const src = o.end > l.end ? l : o;
    const ws = src.line.words.filter((w) => w.y1 - w.y0 >= src.line.size * 0.7);
    // Natural width: the words' boxes and a 2.5 pt space between them (justification undone).
    const natural = ws.reduce((t, w) => t + w.x1 - w.x0, 0) + 2.5 * (ws.length - 1);
    const reach = src.nextWord ? Math.round((ws[0]!.x0 + natural + 2.5 + src.nextWord.w - 488.9) * 10) / 10 : NaN;
    divs.push({
      reach,
      file: f,
      kind,
      off: offText.slice(-30),
      offX1: Math.round(l.line.x1 * 10) / 10,
      ourX1: Math.round(o.line.x1 * 10) / 10,
      delta: delta.slice(0, 40),
      offLast: offWords[offWords.length - 1]?.text ?? '',
    });
  }
}
const byKind = new Map<string, number>();
for (const d of divs) byKind.set(d.kind, (byKind.get(d.kind) ?? 0) + 1);
if (values.list) for (const d of divs) console.log(`${d.file}\t${d.kind}\t${d.reach}\t${d.offX1}\t${d.ourX1}\t…${d.off}\t[${d.delta}]`);
console.log(`lines paired ${totalLines}, same end ${sameLines} (${(sameLines / Math.max(1, totalLines)).toFixed(3)})`);
for (const [k, n] of [...byKind].sort((a, b) => b[1] - a[1])) console.log(`${k}\t${n}`);
