// Headings inside annexes (issue 13, fidelity gaps of A/RES/79/1 and the session-80 drafts): the
// importer must read them as headings, never as numbered paragraphs, and keep every word.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { parseResolutionText, type ParseResult } from '../../../src/shared/import/text.js';
import { inlineText, type Block } from '../../../src/shared/resolution/model.js';
import { CORPUS as corpus } from '../../helpers/corpus.js';

const parseFile = (rel: string): ParseResult => parseResolutionText(fs.readFileSync(path.join(corpus, rel), 'utf8'), { fileName: path.basename(rel) });
const headings = (bs: readonly Block[]): string[] => bs.filter((b) => b.heading).map((b) => `${b.heading!.num}|${inlineText(b.content)}`);

const HEAD = 'United Nations A/RES/80/9\n\nGeneral Assembly Distr.: General\n1 January 2026\n\nResolution adopted by the General Assembly on 22 December 2025\n\n';

describe('a roman numeral alone on its line, with its full stop', () => {
  it('is a part heading whose title is the next line, not a paragraph "II."', () => {
    const text = `${HEAD}The General Assembly,\n\nRecalling its resolution 79/1,\n\nI.\nFirst part\n\n1. Decides to act now;\n\n2. Requests a report;\n\nII.\nSecond part\n\n3. Decides to act again;\n\n4. Decides to remain seized of the matter.\n`;
    const { document: doc } = parseResolutionText(text, { fileName: 'x.txt' });
    expect(headings(doc.operative)).toEqual(['I|First part', 'II|Second part']);
    expect(doc.operative.filter((b) => !b.heading).map((b) => inlineText(b.content))).toEqual(['Decides to act now;', 'Requests a report;', 'Decides to act again;', 'Decides to remain seized of the matter.']);
  });

  it('gives the Pact for the Future (A/RES/79/1, text layer) its five parts, as the PDF does', () => {
    const pact = parseFile('ga-en/A_RES_79_1.txt').document.annexes[0]!.paragraphs;
    expect(headings(pact).filter((h) => /^[IVX]+\|/.test(h))).toEqual([
      'I|Sustainable development and financing for development',
      'II|International peace and security',
      'III|Science, technology and innovation and digital cooperation',
      'IV|Youth and future generations',
      'V|Transforming global governance',
    ]);
  });
});
