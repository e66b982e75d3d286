// Issue 13, A/RES/79/1 in the PDF export (Paged.js in headless Chromium, read back with
// pdftotext): the Pact for the Future, quoted in the body, prints on page 1 right under "Adopts the
// following Pact for the Future and its annexes:" with its title where the official has it (12 pt
// bold, 406.3 pt from the top), its paragraph numbers at the column edge (123.4 pt) and the text a
// tab after them (147.1 pt); the closing block follows the Pact, not the operative paragraph; and
// a heading that starts a page stands on the page's first line as every other first line does
// (Word drops the space before at the top of a page: every page of the official starts at 73.5 pt).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { chromiumCandidates, ExportService } from '../../../src/main/services/export.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { CORPUS } from '../../helpers/corpus.js';
import { pdfPageWords } from '../../helpers/pdf-words.js';
import { tempDir } from '../../helpers/tmp.js';

const chromium = chromiumCandidates().find((c) => fs.existsSync(c));
const pdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

it.runIf(chromium && pdftotext)(
  'A/RES/79/1: the Pact on page 1 under the operative paragraph, numbers at the column edge, the closing block after it, headings at a page top on the first line',
  async () => {
    const file = path.join(CORPUS, 'ga-en/A_RES_79_1.txt');
    const doc = parseResolutionText(fs.readFileSync(file, 'utf8'), { fileName: path.basename(file) }).document;
    const tmp = tempDir();
    try {
      const out = path.join(tmp.dir, 'pact.pdf');
      fs.writeFileSync(out, (await new ExportService().render(doc, 'pdf')).bytes);
      const ps = pdfPageWords(out);
      const first = ps[0]!;
      // The Pact's title: the first "Pact" on a line below "Adopts …".
      const adopts = first.find((w) => w.text === 'Adopts')!;
      const title = first.find((w) => w.text === 'Pact' && w.y0 > adopts.y0 + 5)!;
      expect(Math.abs(title.y0 - 406.3)).toBeLessThan(1.5);
      // Paragraph 1: the number at the column edge, its text a tab after it.
      const one = first.find((w) => w.text === '1.')!;
      const we = first.find((w) => w.text === 'We,')!;
      expect(Math.abs(one.x0 - 123.4)).toBeLessThan(0.6);
      expect(Math.abs(we.x0 - 147.1)).toBeLessThan(0.6);
      // No closing block on page 1; it follows the Pact's last paragraph.
      expect(first.some((w) => w.text === 'plenary')).toBe(false);
      const closingPage = ps.findIndex((p) => p.some((w, i) => w.text === '3rd' && p[i + 1]?.text === 'plenary'));
      const lastAction = ps.findIndex((p) => p.some((w, i) => w.text === 'Action' && p[i + 1]?.text === '56.'));
      expect(closingPage).toBeGreaterThanOrEqual(lastAction);
      expect(lastAction).toBeGreaterThan(30);
      // From page 2 every page's first body line stands at the same height, a heading too.
      const tops = ps.slice(1).map((p) => Math.min(...p.filter((w) => w.y0 > 65 && w.y0 < 700 && w.x0 > 100).map((w) => w.y0)));
      const headingTops = ps.slice(1).filter((p) => {
        const body = p.filter((w) => w.y0 > 65 && w.y0 < 700 && w.x0 > 100).sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
        return body[0]?.text === 'Action';
      });
      expect(headingTops.length).toBeGreaterThan(0);
      expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(1.5);
    } finally {
      tmp.cleanup();
    }
  },
  600_000,
);
