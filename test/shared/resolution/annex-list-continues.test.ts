// An unnumbered annex paragraph standing inside a numbered paragraph's list (a sub-heading such as
// "Fiscal systems and sustainable development" between items (b) and (c) of paragraph 27 of
// A/RES/79/323's annex) does not restart the list: the items after it carry on from the items
// before it, as the official text prints them. After a heading, a numbered paragraph without a
// list or a tail, a list starts at (a) again.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toDoc } from '../../../src/shared/resolution/convert.js';
import { computeStructure } from '../../../src/shared/resolution/structure.js';
import { emptyDocument, textBlock, type Block, type ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { layoutDocument } from '../../../src/shared/export/layout.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { CORPUS } from '../../helpers/corpus.js';

const un = (b: Block): Block => ({ ...b, preambular: true });
const kids = (id: string, n: number): Block[] => Array.from({ length: n }, (_, k) => textBlock(`${id}-${k + 1}`, `item ${k + 1};`));

/** A resolution whose annex holds `paragraphs` (front matter and body as a new draft's). */
function withAnnex(paragraphs: Block[]): ResolutionDocument {
  return { ...emptyDocument(), annexes: [{ id: 'ax1', heading: 'Annex', title: 'Outcome', paragraphs }] };
}

describe('the list of an unnumbered annex paragraph', () => {
  it('carries on the list just before it; starts at (a) after a heading, a paragraph without a list, or a tail', () => {
    const withTail: Block = { ...textBlock('p5', 'To act:', kids('p5', 1)), tail: [{ t: 'text', text: 'as appropriate.' }] };
    const doc = withAnnex([
      textBlock('p1', 'To ensure that countries have the necessary resources:'),
      un(textBlock('s1', 'Transparency and accountability in fiscal systems', kids('s1', 2))),
      un(textBlock('s2', 'Fiscal systems and sustainable development', kids('s2', 2))),
      un(textBlock('s3', 'Capacity support', kids('s3', 1))),
      { ...textBlock('h1', 'Domestic and international private business'), heading: { level: 1, num: '' } },
      un(textBlock('s4', 'Domestic financial and private sector development', kids('s4', 1))),
      textBlock('p2', 'To promote investment:', kids('p2', 2)),
      un(textBlock('s5', 'Foreign direct investment', kids('s5', 1))),
      withTail,
      un(textBlock('s6', 'Blended finance', kids('s6', 1))),
    ]);
    const s = computeStructure(toDoc(doc), 'en');
    const label = new Map(s.paras.map((p) => [p.id, p.label]));
    expect(['s1-1', 's1-2', 's2-1', 's2-2', 's3-1'].map((id) => label.get(id))).toEqual(['(a)', '(b)', '(c)', '(d)', '(e)']);
    expect(label.get('s4-1')).toBe('(a)');
    expect(['p2-1', 'p2-2', 's5-1'].map((id) => label.get(id))).toEqual(['(a)', '(b)', '(c)']);
    expect(label.get('s6-1')).toBe('(a)');
    expect(['p1', 's1', 'p2', 's5', 'p5'].map((id) => label.get(id))).toEqual(['1.', '', '2.', '', '3.']);
  });

  it('A/RES/79/323: every subparagraph label of the annex is printed as the official text has it', () => {
    const file = path.join(CORPUS, 'ga-en/A_RES_79_323.txt');
    const source = fs.readFileSync(file, 'utf8').replace(/\s+/g, ' ');
    const doc = parseResolutionText(fs.readFileSync(file, 'utf8'), { fileName: 'A_RES_79_323.txt' }).document;
    const subs = layoutDocument(doc).annexes[0]!.paragraphs.filter((p) => p.level > 0 && !p.tail);
    expect(subs.length).toBeGreaterThan(200);
    // The label and the first three words, as they stand in the official text.
    const missing = subs.map((p) => `${p.label} ${p.runs.map((r) => r.text).join('').replace(/\s+/g, ' ').trim().split(' ').slice(0, 3).join(' ')}`).filter((s) => !source.includes(s));
    expect(missing).toEqual([]);
  });
});
