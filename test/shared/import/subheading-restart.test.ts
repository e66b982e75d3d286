// Numbering that starts again under a lettered sub-heading (A/C.5/80/L.17, issue 13): section II
// prints an unnumbered paragraph, "A." with a preambular and an unnumbered paragraph, then "B."
// with a preambular paragraph and paragraphs 1 to 4. The import must print those numbers and no
// others, and a saved file must reopen with the same numbering.
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../../src/shared/export/layout.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { fromDoc, toDoc } from '../../../src/shared/resolution/convert.js';
import type { ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { CORPUS } from '../../helpers/corpus.js';

/** Printed label and first words of each operative paragraph and heading, in order. */
function printed(doc: ResolutionDocument): string[] {
  return layoutDocument(doc)
    .paragraphs.filter((p) => (p.section === 'op' || p.heading !== undefined) && p.level === 0)
    .map((p) => `${p.label}|${p.runs.map((r) => r.text).join('').split(' ').slice(0, 2).join(' ')}`);
}

const SECTION_II = [
  'II', 'Conditions of service', '', '',
  'Confirms that teleworking is not a right;', '', '',
  'A.', 'Base/floor salary scale', '', '',
  'Recalling its resolution 44/198,', '',
  'Approves the revised unified base/floor scale;', '', '',
  'B.', 'Evolution of the margin', '', '',
  'Recalling section I.B of its resolution 51/216,', '',
  '1.', 'Reaffirms that the range of 110 to 120 should continue to apply;', '',
  '2.', 'Notes that the margin is 117;', '',
  '3.', 'Recalls its decision contained in resolution 70/244;', '',
  '4.', 'Notes the decision of the Commission.', '',
];

function parse(lines: readonly string[]): ResolutionDocument {
  const head = ['The General Assembly,', '', 'Recalling its resolutions,', '', '1.', 'Takes note of the report;', '', '2.', 'Requests the Commission to report;', '', 'I', 'Conditions of both categories', '', 'Approves the standards of conduct;', ''];
  return parseResolutionText([...head, ...lines].join('\n'), { fileName: 'A_C.5_80_L.99.txt', format: 'text' }).document;
}

describe('numbering that starts again under a lettered sub-heading', () => {
  it('prints the numbers of section II as the official does: none before "B.", then 1 to 4', () => {
    expect(printed(parse(SECTION_II)).slice(2)).toEqual([
      'I|Conditions of',
      '|Approves the',
      'II|Conditions of',
      '|Confirms that',
      'A.|Base/floor salary',
      '|Approves the',
      'B.|Evolution of',
      '1.|Reaffirms that',
      '2.|Notes that',
      '3.|Recalls its',
      '4.|Notes the',
    ]);
  });

  it('keeps that numbering when the document is saved and opened again', () => {
    const doc = parse(SECTION_II);
    expect(printed(fromDoc(toDoc(doc)))).toEqual(printed(doc));
  });

  it('property: paragraphs numbered from 1 under sub-headings print exactly the numbers of the text', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 5 }), (counts) => {
        const lines = ['II', 'Part two', '', ...counts.flatMap((n, k) => [`${String.fromCharCode(65 + k)}.`, `Sub-heading ${k + 1}`, '', ...Array.from({ length: n }, (_, j) => [`${j + 1}.`, `Decides item ${k + 1}.${j + 1};`, '']).flat()])];
        const numbers = printed(parse(lines)).filter((l) => l.includes('|Decides item')).map((l) => l.split('|')[0]);
        // A sub-heading with one paragraph: the official prints "1." before it.
        expect(numbers).toEqual(counts.flatMap((n) => Array.from({ length: n }, (_, j) => (n === 1 ? '' : `${j + 1}.`))));
      }),
      { numRuns: 40, seed: 17 },
    );
  });
});

describe('A/C.5/80/L.17 (text layer)', () => {
  it('section II prints no number before "B." and 1 to 4 under it; resolution B its own 1 and 2', () => {
    const doc = parseResolutionText(fs.readFileSync(path.join(CORPUS, 'drafts-80/txt/A_C.5_80_L.17.txt'), 'utf8'), { fileName: 'A_C.5_80_L.17.txt' }).document;
    const ops = printed(doc);
    const from = ops.indexOf('II|Conditions of');
    expect(ops.slice(from)).toEqual([
      'II|Conditions of',
      '|Confirms that',
      'A.|Base/floor salary',
      '|Approves, with',
      'B.|Evolution of',
      '1.|Reaffirms that',
      '2.|Notes that',
      '3.|Recalls its',
      '4.|Notes the',
      'B|',
      '1.|Takes note',
      '2.|Endorses the',
    ]);
  });
});
