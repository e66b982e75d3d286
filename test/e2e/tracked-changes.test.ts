// Word tracked changes against a base text, checked in LibreOffice: the .docx made from
// A/RES/78/143 (base) and its session-79 follow-up A/RES/79/200 opens headless with real
// revisions, and after "accept all" its text is exactly that of the follow-up exported plainly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadDocument } from '../../src/main/services/documents.js';
import { ExportService } from '../../src/main/services/export.js';
import { tempDir } from '../helpers/tmp.js';
import { CORPUS } from '../helpers/corpus.js';

const SCRIPT = path.resolve(import.meta.dirname, '../helpers/lo-text.py');
let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir()));
afterAll(() => tmp.cleanup());

function libreOfficeText(file: string, accept: boolean): { redlines: number; after: number; text: string } {
  const r = spawnSync('/usr/bin/python3', [SCRIPT, file, path.join(tmp.dir, `profile-${path.basename(file)}`), ...(accept ? ['accept'] : [])], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`LibreOffice script failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { redlines: number; after: number; text: string };
}

describe('Word tracked changes', () => {
  it('LibreOffice opens the tracked .docx, and accepting all gives exactly the new text', { timeout: 240_000 }, async () => {
    const base = await loadDocument(path.join(CORPUS, 'ga-en', 'A_RES_78_143.txt'));
    const current = await loadDocument(path.join(CORPUS, 'ga-en', 'A_RES_79_200.txt'));
    const exporter = new ExportService();
    const tracked = path.join(tmp.dir, 'tracked.docx');
    const plain = path.join(tmp.dir, 'plain.docx');
    fs.writeFileSync(tracked, (await exporter.render(current, 'docx', { trackedAgainst: base, author: 'Lebanon', date: new Date('2024-11-01T10:00:00Z') })).bytes);
    fs.writeFileSync(plain, (await exporter.render(current, 'docx')).bytes);

    const accepted = libreOfficeText(tracked, true);
    expect(accepted.redlines).toBeGreaterThan(5); // real w:ins/w:del revisions
    expect(accepted.after).toBe(0);
    const expected = libreOfficeText(plain, false);
    expect(expected.redlines).toBe(0);
    expect(accepted.text).toBe(expected.text);
    expect(accepted.text).toContain('nineteenth');
    expect(accepted.text).not.toContain('eighteenth report');
  });

  it('the revisions carry the author and the date', async () => {
    const base = await loadDocument(path.join(CORPUS, 'ga-en', 'A_RES_78_143.txt'));
    const current = await loadDocument(path.join(CORPUS, 'ga-en', 'A_RES_79_200.txt'));
    const bytes = (await new ExportService().render(current, 'docx', { trackedAgainst: base, author: 'Lebanon', date: new Date('2024-11-01T10:00:00Z') })).bytes;
    const file = path.join(tmp.dir, 'author.docx');
    fs.writeFileSync(file, bytes);
    const xml = spawnSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' }).stdout;
    expect(xml).toMatch(/<w:ins [^>]*w:author="Lebanon"[^>]*w:date="2024-11-01T10:00:00/);
    expect(xml).toMatch(/<w:del [^>]*w:author="Lebanon"/);
  });
});
