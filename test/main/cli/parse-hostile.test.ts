// Issue 10 through the command line: the 172-byte ReDoS file parses (`plenary parse`), and a
// batch with a hostile file reports it in one line and goes on with the next file (exit 1).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp.js';
import { docxBomb } from '../../helpers/zip-bomb.js';

const root = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(root, 'bin', 'plenary.js');
let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.cleanup());

function plenary(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
}

describe('plenary parse on hostile files', () => {
  it('parses the ReDoS repro of issue 10', () => {
    const file = path.join(tmp.dir, 'r.txt');
    fs.writeFileSync(file, `The General Assembly,\n\nRecalling its resolution.${'1'.repeat(60)}x\nand its decision,\n\n1. Decides.\n`);
    const r = plenary('parse', file);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('1 preambular, 1 operative paragraphs, 0 footnotes');
    expect(r.status).toBe(0);
  }, 150_000);

  it('refuses a zip bomb in one line and parses the next file', async () => {
    const bomb = path.join(tmp.dir, 'bomb.docx');
    fs.writeFileSync(bomb, await docxBomb(200 * 1024 * 1024));
    const good = path.join(tmp.dir, 'good.txt');
    fs.writeFileSync(good, 'The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides to remain seized of the matter.\n');
    const r = plenary('parse', bomb, good);
    expect(r.stderr).toBe('plenary parse: bomb.docx was not opened: its part word/document.xml unpacks to 200 MB (the limit is 64 MB; a resolution needs a few).\n');
    expect(r.stdout).toContain('good.txt:');
    expect(r.status).toBe(1);
  }, 150_000);
});
