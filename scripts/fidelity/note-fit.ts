// Which letter spacing lets Chromium break page-foot notes where Word did (issue 13). Reads the
// 8–9 pt lines of the official PDFs of both corpora (glyphs with their fonts, so italic titles are
// measured in italics), keeps the breaks inside a note (a full line, then a line 10.5 pt lower at
// the column edge, 123.4 pt), and measures in headless Chromium, in the export's font stack at
// 8.5 pt with no kerning, whether the line fits the 365.5 pt column and the line plus the next
// word does not, for each spacing given:
//   node --import tsx scripts/fidelity/note-fit.ts [--spacing 0.028em,0.043em]
// Needs chromium. Measured: 222 breaks; 0.024 em 0.48, 0.028 em 0.53, 0.034 em 0.68, 0.038 em 0.77,
// 0.041 em 0.81, 0.043 em 0.81, 0.046 em 0.75.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { glyphsOf, linePairs, type Glyph } from './glyphs.js';
import { chromiumCandidates } from '../../src/main/services/export.js';
import { HTML_FONT_STACKS } from '../../src/shared/export/html.js';

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { spacing: { type: 'string' } } });
const spacings = (values.spacing ?? '0.024em,0.028em,0.034em,0.038em,0.040em,0.043em,0.046em').split(',');
const RIGHT = 123.38 + 365.5;

interface Run { t: string; i: boolean }
interface NoteBreak { x0: number; line: Run[]; next: Run[]; hyphen: boolean }

function runs(gs: readonly Glyph[]): Run[] {
  const out: Run[] = [];
  for (const g of gs) {
    const i = /Italic/.test(g.font);
    const last = out[out.length - 1];
    if (last && last.i === i) last.t += g.ch;
    else out.push({ t: g.ch, i });
  }
  return out;
}

const breaks: NoteBreak[] = [];
for (const dir of ['../shared/corpus/pdf', '../shared/corpus/drafts-80/pdf'].map((d) => path.join(root, d))) {
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.pdf')).sort()) {
    const glyphs = await glyphsOf(path.join(dir, f));
    // A note's number (smaller, raised) hangs left of the column on its first line.
    const numbered = glyphs.filter((g) => g.x < 122 && g.x > 100 && g.size < 8 && g.ch.trim());
    for (const { page: p2, y: y2, a, b } of linePairs(glyphs.filter((g) => g.size > 8 && g.size < 9), 10.5, 0.6)) {
      // The next line continues the note: at the column edge, no note number beside it.
      if (Math.abs(b[0]!.x - 123.38) > 0.5 || numbered.some((g) => g.page === p2 && g.y > y2 - 1 && g.y < y2 + 6)) continue;
      // The note's text (its number hangs left of the column).
      const line = a.filter((g) => g.x >= 123);
      while (line.length && !line[line.length - 1]!.ch.trim()) line.pop();
      if (line.length < 30 || Math.abs(line[0]!.x - 123.38) > 0.5) continue;
      const text = line.map((g) => g.ch).join('');
      const end = b.findIndex((g) => g.ch === ' ');
      breaks.push({ x0: line[0]!.x, line: runs(line), next: runs(end < 0 ? b : b.slice(0, end)), hyphen: text.endsWith('-') });
    }
  }
}

const browser = await chromium.launch({ executablePath: chromiumCandidates().find((c) => fs.existsSync(c)), args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const ls of spacings) {
  await page.setContent(`<html><body style='font-family:${HTML_FONT_STACKS.en};font-size:8.5pt;font-kerning:none;font-variant-ligatures:none;font-feature-settings:"kern" 0,"liga" 0;letter-spacing:${ls}'></body></html>`);
  // A function given as source text, so the bundler adds nothing the page does not know.
  const widths = (await page.evaluate(`(function (bs) {
    var esc = function (t) { return t.replace(/&/g, '&amp;').replace(/</g, '&lt;'); };
    var html = function (rs) { return rs.map(function (r) { return r.i ? '<i>' + esc(r.t) + '</i>' : esc(r.t); }).join(''); };
    var width = function (h) { var s = document.createElement('span'); s.style.whiteSpace = 'pre'; s.innerHTML = h; document.body.appendChild(s); var w = s.getBoundingClientRect().width * 0.75; s.remove(); return w; };
    return bs.map(function (b) { var l = html(b.line); return [width(l), width(l + (b.hyphen ? '' : ' ') + html(b.next))]; });
  })(${JSON.stringify(breaks)})`)) as [number, number][];
  let ok = 0;
  widths.forEach(([line, joined], k) => {
    const room = RIGHT - breaks[k]!.x0;
    if (line <= room && joined > room) ok++;
  });
  console.log(`letter-spacing ${ls}: ${(ok / breaks.length).toFixed(3)} of ${breaks.length} note line breaks`);
}
await browser.close();
