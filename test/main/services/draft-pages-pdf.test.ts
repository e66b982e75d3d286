// Draft pages in the PDF (issue 13), as the official drafts of the eightieth session print them.
// Resolutions A, B…: A/C.5/80/L.17, the one official draft with them,
// sets each letter as its title, bold 12 pt at the column edge (123.4 pt): "A" 12.0 pt under the
// title's last line and its formula 26.3 pt under it (page-1 body start 368.0 pt), "B" 29.2 pt under
// the line before it and its formula 26.3 pt under it. The export was centring the letters with
// 18/12 pt around them: "A" at 302 pt, the formula 4.1 pt low.
// An amendment's numbered instructions: the number at the column edge (123.4 pt), the text a tab
// after it (147.1 pt), as A/80/L.35 and A/C.3/80/L.61 print them (the export indented them as
// operative paragraphs, 147.1 and 170.9 pt); an instruction without a number keeps the indent.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { chromiumCandidates, ExportService } from '../../../src/main/services/export.js';
import { exportHtml } from '../../../src/shared/export/html.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import type { ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { CORPUS } from '../../helpers/corpus.js';
import { pdfPageWords, type PdfWord } from '../../helpers/pdf-words.js';
import { tempDir } from '../../helpers/tmp.js';

const chromium = chromiumCandidates().find((c) => fs.existsSync(c));
const pdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

function draft(name: string): ResolutionDocument {
  const file = path.join(CORPUS, 'drafts-80', 'txt', `${name}.txt`);
  return parseResolutionText(fs.readFileSync(file, 'utf8'), { fileName: path.basename(file) }).document;
}
const l17 = (): ResolutionDocument => draft('A_C.5_80_L.17');

/** The words of each page of `doc` printed to PDF as the app prints it. */
async function printedWords(doc: ResolutionDocument): Promise<PdfWord[][]> {
  const tmp = tempDir();
  try {
    const out = path.join(tmp.dir, 'draft.pdf');
    fs.writeFileSync(out, (await new ExportService().render(doc, 'pdf')).bytes);
    return pdfPageWords(out);
  } finally {
    tmp.cleanup();
  }
}

/** The words of a page grouped into lines (same baseline), top down. */
function lines(words: PdfWord[]): { y0: number; x0: number; text: string }[] {
  const byBase = new Map<number, PdfWord[]>();
  for (const w of words) {
    const k = Math.round(w.y1);
    byBase.set(k, [...(byBase.get(k) ?? []), w]);
  }
  return [...byBase.values()]
    .map((ws) => ({ y0: Math.min(...ws.map((w) => w.y0)), x0: Math.min(...ws.map((w) => w.x0)), text: ws.map((w) => w.text).join(' ') }))
    .sort((a, b) => a.y0 - b.y0);
}

describe("a draft's resolutions A, B…", () => {
  it('print stylesheet: a draft sets the letter at the column edge, the opening letter with no space above; a resolution keeps it centred', () => {
    const html = exportHtml(l17(), { forPrint: true });
    expect(html).toMatch(/\.heading\.resolution \{ text-align: start; font-size: 12pt; line-height: 13\.5pt;/);
    expect(html).toContain('.heading.resolution.lead { margin-top: 0; }');
    expect(html).toMatch(/<h3 class="heading h1 resolution lead"[^>]*><span class="heading-num own-line">A</);
    expect(html).toMatch(/<h3 class="heading h1 resolution"[^>]*><span class="heading-num own-line">B</);
    const doc = l17();
    const adopted = exportHtml({ ...doc, meta: { ...doc.meta, kind: 'resolution' } }, { forPrint: true });
    expect(adopted).not.toContain('.heading.resolution.lead');
    expect(adopted).toContain('.heading.resolution { text-align: center;');
  });

  it.runIf(chromium && pdftotext)(
    'PDF: the letters stand at the column edge and the formulas where A/C.5/80/L.17 prints them',
    async () => {
      const pages = (await printedWords(l17())).map(lines);
      const all = pages.flatMap((ls, p) => ls.map((l, i) => ({ ...l, p, prev: ls[i - 1], next: ls[i + 1] })));
      const letters = all.filter((l) => l.text === 'A' || l.text === 'B').filter((l) => l.y0 > 100);
      expect(letters.map((l) => l.text)).toEqual(['A', 'B']);
      const [a, b] = letters as [(typeof letters)[0], (typeof letters)[0]];
      for (const l of letters) {
        // At the column edge (old code: centred, 302 pt), its formula next.
        expect(Math.abs(l.x0 - 123.4)).toBeLessThan(1);
        expect(l.next!.text).toMatch(/^The General Assembly,/);
      }
      // Page 1: the title's last line at 316.2 pt, "A" at 341.7 pt, the formula at 368.0 pt (old code 372.1).
      expect(a.p).toBe(0);
      expect(Math.abs(a.y0 - a.prev!.y0 - 25.5)).toBeLessThan(1);
      expect(Math.abs(a.next!.y0 - 368.0)).toBeLessThan(1);
      // "B": 29.2 pt from the line before it, its formula 26.3 pt under it.
      expect(Math.abs(b.y0 - b.prev!.y0 - 29.2)).toBeLessThan(1);
      expect(Math.abs(b.next!.y0 - b.y0 - 26.3)).toBeLessThan(1);
    },
    300_000,
  );
});

describe("an amendment's instructions", () => {
  it('print HTML: a numbered instruction takes its number at the column edge, one without a number does not, nor does a draft resolution', () => {
    const numbered = exportHtml(draft('A_80_L.35'), { forPrint: true });
    expect(numbered.match(/<p class="op margin-num"[^>]*><span class="label">\d\.<\/span>/g)).toHaveLength(5);
    const single = exportHtml(draft('A_C.6_80_L.24'), { forPrint: true });
    expect(single).toMatch(/<p class="op" id="[^"]+">In operative paragraph 2, delete/);
    expect(exportHtml(l17(), { forPrint: true })).not.toContain('margin-num"');
  });

  it.runIf(chromium && pdftotext)(
    'PDF: "1." at the column edge and its text a tab after it, as A/80/L.35 prints them',
    async () => {
      const words = (await printedWords(draft('A_80_L.35')))[0]!;
      for (const n of ['1.', '2.', '3.', '4.', '5.']) {
        const i = words.findIndex((w) => w.text === n && w.x0 < 160);
        expect(i, n).toBeGreaterThanOrEqual(0);
        // Old code: 147.1 and 170.9 pt.
        expect(Math.abs(words[i]!.x0 - 123.4), n).toBeLessThan(1);
        expect(Math.abs(words[i + 1]!.x0 - 147.1), n).toBeLessThan(1);
      }
    },
    300_000,
  );
});
