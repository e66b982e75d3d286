// Plenary's own text export read back through the file path (readResolutionFile, as `plenary
// parse`/`import` and the app's import do): the export marks the formula and opening phrases in
// italics (*Recalling*) and footnotes as [^1], the markdown way, in a .txt file. The file must be
// read by content, so that the same paragraphs and words come back; before the fix a .txt file
// was always read as UN plain text and the asterisks and marks became words.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readResolutionFile } from '../../../src/main/services/import-files.js';
import { exportText } from '../../../src/shared/export/txt.js';
import { toParseJson } from '../../../src/shared/import/json.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { CORPUS } from '../../helpers/corpus.js';
import { tempDir } from '../../helpers/tmp.js';

const tmp = tempDir('plenary-txt-roundtrip-');
afterAll(() => tmp.cleanup());

async function parseFile(file: string) {
  const t = await readResolutionFile(file);
  return { format: t.format, doc: parseResolutionText(t.text, { fileName: t.fileName, format: t.format }).document };
}

/** What the parser's JSON says about the document (paragraphs, words, openings, headings, notes, masthead). */
function content(doc: Parameters<typeof toParseJson>[0]): unknown {
  return toParseJson(doc);
}

describe('text export → .txt file → import gives the same document', () => {
  for (const source of ['ga-en/A_RES_78_10.txt', 'ga-en/A_RES_78_1.txt', 'pdf/A_RES_78_103.pdf', 'drafts-80/txt/A_80_L.24.txt']) {
    it(source, async () => {
      const first = await parseFile(path.join(CORPUS, source));
      const text = exportText(first.doc);
      expect(text).toMatch(/^\*The General Assembly\*/m);
      const file = path.join(tmp.dir, `${path.basename(source).replace(/\.\w+$/, '')}.txt`);
      fs.writeFileSync(file, text);
      const back = await parseFile(file);
      expect(back.format).toBe('markdown');
      expect(content(back.doc)).toEqual(content(first.doc));
      expect(back.doc.preambular.length + back.doc.operative.length).toBeGreaterThan(0);
    }, 120_000);
  }

  it('real UN plain text in a .txt file is still read as plain text', async () => {
    expect((await parseFile(path.join(CORPUS, 'ga-en/A_RES_78_10.txt'))).format).toBe('text');
    expect((await parseFile(path.join(CORPUS, 'drafts-80/txt/A_80_L.24.txt'))).format).toBe('text');
  });
});
