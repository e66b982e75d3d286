// Word import reads the .docx once: mammoth unzips and parses it a single time (it used to do it
// twice, extractRawText to look for hard-wrapped text and convertToHtml for the rest), and both
// kinds of document come out exactly as the two-pass reading gave them.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Document, Paragraph, TextRun } from 'docx';
import { readResolutionBuffer } from '../../../src/main/services/import-files.js';
import { docxBytes, packDocx } from '../../../src/shared/export/docx.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { looksHardWrapped } from '../../../src/shared/import/wrapped.js';
import { CORPUS } from '../../helpers/corpus.js';

const require = createRequire(import.meta.url);
const unzip = require('mammoth/lib/unzip.js') as { openZip: (input: unknown) => unknown };
const mammoth = require('mammoth') as { extractRawText: (i: { buffer: Buffer }) => Promise<{ value: string }> };

const source = fs.readFileSync(path.join(CORPUS, 'ga-en', 'A_RES_78_247.txt'), 'utf8');

/** What the two-pass reading took for the paragraphs of a .docx (mammoth's raw text). */
async function rawParagraphs(bytes: Uint8Array): Promise<string[]> {
  const raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  return raw.replace(/\n\n$/, '').split('\n\n');
}

afterEach(() => vi.restoreAllMocks());

describe('Word import reads the file once', () => {
  it('a .docx typed in Word: one unzip, the HTML path', async () => {
    const bytes = await docxBytes(parseResolutionText(source, { fileName: 'A_RES_78_247.txt', format: 'text' }).document);
    expect(looksHardWrapped(await rawParagraphs(bytes))).toBe(false);
    const open = vi.spyOn(unzip, 'openZip');
    const r = await readResolutionBuffer('A_RES_78_247.docx', bytes);
    expect(open).toHaveBeenCalledTimes(1);
    expect(r.format).toBe('markdown');
    expect(r.text).toContain('The General Assembly');
  }, 120_000);

  it('a .docx whose paragraphs are the lines of a PDF: one unzip, the lines as text, exactly as the raw text gave them', async () => {
    const lines = source.split('\n');
    const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) }] });
    const bytes = await packDocx(doc);
    const expected = await rawParagraphs(bytes);
    expect(looksHardWrapped(expected)).toBe(true);
    const open = vi.spyOn(unzip, 'openZip');
    const r = await readResolutionBuffer('wrapped.docx', bytes);
    expect(open).toHaveBeenCalledTimes(1);
    expect(r.format).toBe('text');
    expect(r.text).toBe(expected.join('\n'));
  }, 120_000);
});
