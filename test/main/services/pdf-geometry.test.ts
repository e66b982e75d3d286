// Horizontal and page-1 geometry of the Chromium PDF (issue 13), on a real PDF read back with
// pdftotext: the places measured on the official PDFs of ../shared/corpus (A/RES/78/253,
// A/C.5/80/L.17 and the 427 page-foot notes of the 39 resolutions; the 36 committee drafts of
// drafts-80 for the committee name). One document is rendered once for all the checks.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumCandidates, ExportService } from '../../../src/main/services/export.js';
import { textBlock, type Block, type ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { committeeDraftMeta } from '../../helpers/fixtures.js';
import { pdfPageWords, type PdfWord } from '../../helpers/pdf-words.js';
import { tempDir } from '../../helpers/tmp.js';

const chromium = chromiumCandidates().find((c) => fs.existsSync(c));
const pdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

const filler = 'the Committee notes the report of the Secretary-General and decides to keep the question under review';
const op = (id: string, text: string, notes: string[] = []): Block => ({
  id,
  content: [{ t: 'text', text }, ...notes.map((n) => ({ t: 'fn' as const, id: n }))],
  children: [],
  tail: [],
});
const heading = (id: string, num: string, title: string): Block => ({ id, content: [{ t: 'text', text: title }], children: [], tail: [], heading: { level: 2, num } });
// Twelve notes, so that numbers of one and of two digits stand at the page foot.
const noteIds = Array.from({ length: 12 }, (_, i) => `fn${i + 1}`);
const doc: ResolutionDocument = {
  meta: committeeDraftMeta({
    organ: 'ga-c4',
    symbol: 'A/C.4/80/L.99',
    session: '80',
    sponsors: ['Austria', 'Norway'],
    title: 'Operational activities for development of the United Nations system',
  }),
  preambular: [textBlock('p1', `Recalling its resolutions, ${filler},`)],
  operative: [
    heading('h1', 'A', 'Base/floor salary scale'),
    op('o1', `Decides that ${filler}`, noteIds.slice(0, 6)),
    heading('h2', 'B', 'Evolution of the United Nations/United States net remuneration margin and of the related allowances of the staff'),
    op('o2', `Requests that ${filler}`, noteIds.slice(6)),
  ],
  footnotes: noteIds.map((id, i) => ({ id, content: [{ t: 'text', text: `A/80/${300 + i}.` }] })),
  annexes: [],
};

describe.runIf(chromium && pdftotext)('PDF geometry', () => {
  let pages: PdfWord[][] = [];
  beforeAll(async () => {
    const tmp = tempDir();
    try {
      const out = path.join(tmp.dir, 'geometry.pdf');
      fs.writeFileSync(out, (await new ExportService().render(doc, 'pdf')).bytes);
      pages = pdfPageWords(out);
    } finally {
      tmp.cleanup();
    }
  }, 300_000);

  it('right-aligns page-foot note numbers to end at 119.8 pt, one digit or two, the text at 123.4 pt', () => {
    // Note text words "A/80/3nn." follow their number on the same baseline.
    const all = pages.flat();
    const texts = all.filter((w) => /^A\/80\/3\d\d\.$/.test(w.text));
    expect(texts.length).toBe(12);
    for (const t of texts) {
      const num = all.find((w) => /^\d{1,2}$/.test(w.text) && w.x1 < t.x0 && Math.abs(w.y0 - t.y0) < 4 && w.x0 > 100)!;
      expect(num, t.text).toBeDefined();
      expect(Math.abs(num.x1 - 119.8), `note ${num.text} ends at ${num.x1}`).toBeLessThan(0.3);
      expect(Math.abs(t.x0 - 123.4)).toBeLessThan(0.3);
    }
  });

  it('hangs a lettered sub-heading\'s number in the margin, ending at 111.0 pt, its title at the column edge', () => {
    const all = pages.flat();
    for (const [num, first] of [
      ['A.', 'Base/floor'],
      ['B.', 'Evolution'],
    ] as const) {
      const n = all.find((w) => w.text === num)!;
      const t = all.find((w) => w.text === first)!;
      expect(Math.abs(n.x1 - 111.0), `${num} ends at ${n.x1}`).toBeLessThan(0.3);
      expect(Math.abs(t.x0 - 123.4)).toBeLessThan(0.3);
      expect(Math.abs(n.y0 - t.y0)).toBeLessThan(1);
    }
    // The long title's second line starts at the column edge too, not under the title's first word + indent.
    const evolution = all.find((w) => w.text === 'Evolution')!;
    const second = all.filter((w) => w.y0 > evolution.y0 + 8 && w.y0 < evolution.y0 + 16).sort((a, b) => a.x0 - b.x0)[0]!;
    expect(Math.abs(second.x0 - 123.4)).toBeLessThan(0.3);
  });

  it('sets a title tighter rather than leave its last word alone, on one line as A/C.2/80/L.59', () => {
    const p1 = pages[0]!;
    const first = p1.find((w) => w.text === 'Operational')!;
    const last = p1.find((w) => w.text === 'system' && w.y0 > first.y0 - 1)!;
    expect(Math.abs(last.y0 - first.y0)).toBeLessThan(1);
    // The official line ends at 485.8 pt.
    expect(Math.abs(last.x1 - 485.8)).toBeLessThan(1);
  });

  it('sets the two-line committee name 13.4 pt apart and the agenda item 14.1 pt under it', () => {
    const p1 = pages[0]!;
    const special = p1.find((w) => w.text === 'Special')!;
    const fourth = p1.find((w) => w.text === '(Fourth')!;
    const agenda = p1.find((w) => w.text === 'Agenda' && w.y0 > fourth.y0)!;
    expect(Math.abs(fourth.y0 - special.y0 - 13.4)).toBeLessThan(0.3);
    expect(Math.abs(agenda.y0 - fourth.y0 - 14.1)).toBeLessThan(0.4);
  });
});
