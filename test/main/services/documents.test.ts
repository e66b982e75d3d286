// loadDocument (the CLI's and the services' "read anything"): sizes are checked before a draft or
// an Akoma Ntoso file is read, and every failure is a PlenaryError naming the file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { loadDocument } from '../../../src/main/services/documents.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { serializePlenaryFile } from '../../../src/shared/resolution/file.js';
import { tempDir } from '../../helpers/tmp.js';

const TEXT = 'The General Assembly,\n\nRecalling its resolution 79/1,\n\n1. Decides to remain seized of the matter.\n';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

/** A sparse file of `bytes` bytes: large on paper, nothing on disk. */
function sparse(name: string, bytes: number): string {
  const f = path.join(tmp.dir, name);
  fs.writeFileSync(f, '');
  fs.truncateSync(f, bytes);
  return f;
}

describe('loadDocument', () => {
  it('reads a draft and gives back its words', async () => {
    const document = parseResolutionText(TEXT).document;
    const f = path.join(tmp.dir, 'd.plenary');
    fs.writeFileSync(f, serializePlenaryFile({ document }, 'test'));
    const back = await loadDocument(f);
    expect(back.preambular).toEqual(document.preambular);
    expect(back.operative).toEqual(document.operative);
  });

  it('refuses an oversized draft or Akoma Ntoso file before reading it', async () => {
    await expect(loadDocument(sparse('huge.plenary', 60 * 1024 * 1024))).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringMatching(/huge\.plenary is too large to be a Plenary draft \(63 MB\)/),
    });
    await expect(loadDocument(sparse('huge.akn', 49 * 1024 * 1024))).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringMatching(/huge\.akn is too large to import \(51 MB; the limit is 48 MB\)/),
    });
  });

  it('names a missing file, a folder and a damaged draft', async () => {
    await expect(loadDocument(path.join(tmp.dir, 'nope.plenary'))).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/nope\.plenary was not found/) });
    fs.mkdirSync(path.join(tmp.dir, 'dir.plenary'));
    await expect(loadDocument(path.join(tmp.dir, 'dir.plenary'))).rejects.toMatchObject({ code: 'BAD_INPUT', message: 'dir.plenary is a folder, not a file.' });
    fs.mkdirSync(path.join(tmp.dir, 'dir.txt'));
    await expect(loadDocument(path.join(tmp.dir, 'dir.txt'))).rejects.toMatchObject({ code: 'BAD_INPUT' });
    fs.writeFileSync(path.join(tmp.dir, 'bad.plenary'), '{"format":"plenary", truncated');
    await expect(loadDocument(path.join(tmp.dir, 'bad.plenary'))).rejects.toMatchObject({ code: 'CORRUPT', message: expect.stringMatching(/bad\.plenary/) });
  });
});
