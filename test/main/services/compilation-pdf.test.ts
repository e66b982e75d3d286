// The compilation text printed to PDF (the app's and the CLI's "compilation" export): part and
// sub-headings stand in place among the paragraphs, which carry their part-qualified labels.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { chromiumCandidates, ExportService } from '../../../src/main/services/export.js';
import { frozen, insertAfter } from '../../helpers/sectioned-negotiation.js';
import { tempDir } from '../../helpers/tmp.js';

const chromium = chromiumCandidates().find((c) => fs.existsSync(c));
const pdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

describe('compilation text as PDF', () => {
  it.runIf(chromium && pdftotext)(
    'prints the part and sub-headings in place and the labels II.OP1 … II.OP2bis',
    async () => {
      const tmp = tempDir();
      try {
        const doc = insertAfter(frozen(), 'o4', 'n2', 'Also decides to act.', 'EU');
        const out = await new ExportService().renderView(doc, 'pdf', { view: 'compilation' });
        const file = path.join(tmp.dir, 'compilation.pdf');
        fs.writeFileSync(file, out.bytes);
        const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
        const order = ['Umoja', 'I.OP1', 'I.OP2', 'II Capital investment planning', 'A. Regional offices', 'II.OP1', 'II.OP2 ', 'II.OP2bis'].map((w) => text.indexOf(w));
        expect(order.every((x) => x >= 0), text).toBe(true);
        expect([...order].sort((a, b) => a - b)).toEqual(order);
      } finally {
        tmp.cleanup();
      }
    },
    180_000,
  );
});
