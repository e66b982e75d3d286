// The library cites the items of a list the document numbers "1.", "2." (model.ts Block.listLabels)
// with those numbers: A/RES/78/223 paragraph 11 sets out the Congress's provisional agenda as
// items 1. to 7., which search results named "OP11 (a)"…"OP11 (g)".
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flattenParagraphs } from '../../../src/main/services/library-rows.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { CORPUS } from '../../helpers/corpus.js';

describe('library rows of a list numbered 1., 2.', () => {
  it('name the items of A/RES/78/223 paragraph 11 "OP11 1." to "OP11 7."', () => {
    const doc = parseResolutionText(fs.readFileSync(path.join(CORPUS, 'ga-en/A_RES_78_223.txt'), 'utf8'), { fileName: 'A_RES_78_223.txt' }).document;
    const rows = flattenParagraphs(doc).filter((r) => r.kind === 'sub' && r.designation.startsWith('OP11 '));
    expect(rows.map((r) => r.designation)).toEqual(['OP11 1.', 'OP11 2.', 'OP11 3.', 'OP11 4.', 'OP11 5.', 'OP11 6.', 'OP11 7.']);
    expect(rows[0]!.text).toBe('Opening of the Congress.');
  });
});
