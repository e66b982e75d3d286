// Line breaks of page-foot notes in the Chromium PDF (issue 13), on a real PDF read back with
// pdftotext: a note line holds what the official's holds. At the letter spacing used before
// (0.028 em) the notes were set narrower than Word's and took a word more a line, so they wrapped
// into fewer lines than the official's (A/C.4/80/L.8) and page breaks moved. The note line is one of the 222 that scripts/fidelity/note-fit.ts measures.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumCandidates, ExportService } from '../../../src/main/services/export.js';
import { type ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { committeeDraftMeta } from '../../helpers/fixtures.js';
import { tempDir } from '../../helpers/tmp.js';

const chromium = chromiumCandidates().find((c) => fs.existsSync(c));
const pdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

// A note line of A/RES/78/228 (8.5 pt) as the official breaks it: "… Cultural Organization," | "the …".
const NOTE =
  'Development Programme, the United Nations Educational, Scientific and Cultural Organization, the World Health Organization and the United Nations Children’s Fund.';

const doc: ResolutionDocument = {
  meta: committeeDraftMeta({ symbol: 'A/C.3/80/L.99', session: '80', sponsors: ['Austria'], sponsorNote: '', title: 'Notes' }),
  preambular: [],
  operative: [{ id: 'o1', content: [{ t: 'text', text: 'Decides to remain seized of the matter.' }, { t: 'fn', id: 'n1' }], children: [], tail: [] }],
  footnotes: [{ id: 'n1', content: [{ t: 'text', text: NOTE }] }],
  annexes: [],
};

describe.runIf(chromium && pdftotext)('PDF note lines', () => {
  let text = '';
  beforeAll(async () => {
    const tmp = tempDir();
    try {
      const out = path.join(tmp.dir, 'notes.pdf');
      fs.writeFileSync(out, (await new ExportService().render(doc, 'pdf')).bytes);
      text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
    } finally {
      tmp.cleanup();
    }
  }, 300_000);

  it('breaks a note line where the official does, after "Cultural Organization,"', () => {
    const lines = text.split('\n').map((l) => l.trim());
    const first = lines.find((l) => l.includes('Development Programme'));
    expect(first).toMatch(/Scientific and Cultural Organization,$/);
  });
});
