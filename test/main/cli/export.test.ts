// `plenary export` as scripts use it: every format from a corpus file and from a .plenary draft,
// PDF text equal to the document text, tracked changes against a base, clear usage errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../helpers/tmp.js';
import { runCli, CLI_TEST_TIMEOUT } from '../../helpers/cli.js';
import { CORPUS as corpus } from '../../helpers/corpus.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir()));
afterAll(() => tmp.cleanup());

function plenary(args: string[]) {
  return runCli(args, { PLENARY_DATA: tmp.dir });
}

const src = path.join(corpus, 'ga-en', 'A_RES_79_200.txt');

// Every test here spawns Node several times; the generous timeout keeps them green on a loaded machine.
describe('plenary export', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('exports docx, html, txt and akn from the text of an official PDF', () => {
    for (const [format, ext, probe] of [
      ['docx', 'docx', 'PK'],
      ['html', 'html', '<!DOCTYPE html>'],
      ['txt', 'txt', 'A/RES/79/200'],
      ['akn', 'xml', '<akomaNtoso'],
    ] as const) {
      const out = path.join(tmp.dir, `out.${ext}`);
      const r = plenary(['export', src, '--format', format, '-o', out]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain('wrote');
      const head = fs.readFileSync(out).subarray(0, 400).toString('latin1');
      expect(head.toLowerCase()).toContain(probe.toLowerCase());
    }
  });

  it('exports a PDF whose text is the document text (headless Chromium)', { timeout: 240_000 }, () => {
    const out = path.join(tmp.dir, 'out.pdf');
    const r = plenary(['export', src, '--format', 'pdf', '--paper', 'a4', '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const text = spawnSync('pdftotext', [out, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Oil slick on Lebanese shores');
    expect(text).toContain('Recalling its resolutions 61/194 of 20 December 2006');
    const info = spawnSync('pdfinfo', [out], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts/);
  });

  it('prints each footnote at the foot of the page that cites it (Paged.js layout), under the running-head rule', { timeout: 240_000 }, () => {
    const out = path.join(tmp.dir, 'paged.pdf');
    const r = plenary(['export', src, '--format', 'pdf', '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('page layout failed');
    const pages = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout.split('\f').map((p) => p.replace(/\s+/g, ' '));
    // Each note's text is on the page whose body cites it, not gathered at the end.
    const noteAt = (text: string): number => pages.findIndex((p) => p.includes(text));
    expect(noteAt('See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.')).toBe(noteAt('United Nations Framework Convention on Climate Change'));
    // Note 6 is cited on page 2, as in the official PDF.
    expect(noteAt('A/79/294.')).toBe(1);
    // Pages 2+ carry the running head.
    expect(pages[1]).toContain('A/RES/79/200 Oil slick on Lebanese shores');
  });

  it('exports Word tracked changes against a base file or a library symbol', () => {
    // A session-80 follow-up made from 79/200 by the CLI's own round trip through AKN.
    const akn = path.join(tmp.dir, 'base.xml');
    expect(plenary(['export', src, '--format', 'akn', '-o', akn]).status).toBe(0);
    const text = fs.readFileSync(akn, 'utf8').replace('eightieth session', 'eighty-first session');
    fs.writeFileSync(path.join(tmp.dir, 'changed.xml'), text);
    const tracked = path.join(tmp.dir, 'tracked.docx');
    const r = plenary(['export', path.join(tmp.dir, 'changed.xml'), '--format', 'docx', '--tracked-against', src, '--author', 'EU', '-o', tracked]);
    expect(r.status, r.stderr).toBe(0);
    const bySymbol = plenary(['export', path.join(tmp.dir, 'changed.xml'), '--format', 'docx', '--tracked-against', 'A/RES/79/200', '-o', path.join(tmp.dir, 't2.docx')]);
    expect(bySymbol.status, bySymbol.stderr).toBe(0);
  });

  it('says what is wrong with a bad invocation (exit 2) or a bad file (exit 1)', { timeout: 240_000 }, () => {
    const noFormat = plenary(['export', src]);
    expect(noFormat.status).toBe(2);
    expect(noFormat.stderr).toContain('--format is one of');
    const badPaper = plenary(['export', src, '--format', 'pdf', '--paper', 'legal']);
    expect(badPaper.status).toBe(2);
    const trackedTxt = plenary(['export', src, '--format', 'txt', '--tracked-against', src]);
    expect(trackedTxt.status).toBe(2);
    const missing = plenary(['export', path.join(tmp.dir, 'nope.txt'), '--format', 'docx']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('nope.txt was not found');
  });
});
