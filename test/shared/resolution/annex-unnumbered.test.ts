// An annex's unnumbered paragraphs (a declaration's preamble, "We, the Heads of State…"; model.ts
// Block.preambular in an annex) stay unnumbered through the editor: file model → editor document
// → file model keeps the flag, and the editor numbers only the numbered paragraphs. Random annexes
// of numbered and unnumbered paragraphs (with subparagraphs, tails and headings) survive the round
// trip identically.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromDoc, toDoc } from '../../../src/shared/resolution/convert.js';
import { computeStructure } from '../../../src/shared/resolution/structure.js';
import { emptyFrontMatter, textBlock, type Block, type ResolutionDocument } from '../../../src/shared/resolution/model.js';

function withAnnex(paragraphs: Block[]): ResolutionDocument {
  return {
    meta: emptyFrontMatter(),
    preambular: [textBlock('pp1', 'Recalling its resolutions,')],
    operative: [textBlock('op1', 'Adopts the Declaration annexed to the present resolution.')],
    footnotes: [],
    annexes: [{ id: 'ax1', heading: 'Annex', title: 'Declaration on Future Generations', paragraphs }],
  };
}

const unnumbered = (id: string, text: string, children: Block[] = []): Block => ({ ...textBlock(id, text, children), preambular: true });

describe('annex unnumbered paragraphs', () => {
  const doc = withAnnex([
    { ...textBlock('h1', 'Preamble'), heading: { level: 1, num: '' } },
    unnumbered('a1', 'We, the Heads of State and Government, gathered at United Nations Headquarters,'),
    unnumbered('a2', 'Recognizing the need:', [textBlock('a2a', 'to act;')]),
    { ...textBlock('h2', 'Guiding principles'), heading: { level: 1, num: '' } },
    textBlock('a3', 'We commit to the following.'),
    textBlock('a4', 'We decide to act.'),
  ]);

  it('keep the flag through file model → editor → file model', () => {
    expect(fromDoc(toDoc(doc))).toEqual(doc);
  });

  it('take no number in the editor; the numbered paragraphs count from 1', () => {
    const s = computeStructure(toDoc(doc), 'en');
    const labels = s.paras.filter((p) => p.section === 'ap').map((p) => [p.id, p.label]);
    expect(labels).toEqual([
      ['a1', ''],
      ['a2', ''],
      ['a2a', '(a)'],
      ['a3', '1.'],
      ['a4', '2.'],
    ]);
  });
});

let ids = 0;
const word = fc.constantFrom('alpha', 'beta', 'gamma', 'delta');

/** A random top-level annex block: a numbered or unnumbered paragraph (maybe with subparagraphs and a tail), or a heading. */
const annexBlockArb: fc.Arbitrary<Block> = fc
  .record({ kind: fc.constantFrom('numbered', 'unnumbered', 'unnumbered', 'heading'), text: word, subs: fc.array(word, { maxLength: 2 }), tail: fc.option(word, { freq: 3 }) })
  .map((r) => {
    const id = `a${++ids}`;
    if (r.kind === 'heading') return { ...textBlock(id, r.text), heading: { level: 1, num: '' } };
    const b = textBlock(id, r.text, r.subs.map((s, k) => textBlock(`${id}-${k}`, s)));
    if (r.subs.length && r.tail) b.tail = [{ t: 'text', text: `${r.tail} tail` }];
    if (r.kind === 'unnumbered') b.preambular = true;
    return b;
  });

describe('annex unnumbered paragraphs, property', () => {
  it('random annexes of numbered and unnumbered paragraphs survive file → editor → file identically', () => {
    fc.assert(
      fc.property(fc.array(fc.array(annexBlockArb, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 3 }), (annexes) => {
        const d = withAnnex([]);
        d.annexes = annexes.map((paragraphs, k) => ({ id: `ax${k + 1}`, heading: `Annex ${k + 1}`, title: 'Title', paragraphs }));
        expect(fromDoc(toDoc(d))).toEqual(d);
        // And the editor numbers exactly the numbered ones, 1, 2, … in each annex.
        const s = computeStructure(toDoc(d), 'en');
        d.annexes.forEach((a, k) => {
          const tops = a.paragraphs.filter((b) => !b.heading);
          const want = new Map<string, string>();
          let n = 0;
          for (const b of tops) want.set(b.id, b.preambular ? '' : `${++n}.`);
          const got = new Map(s.paras.filter((p) => p.annex === k && p.level === 0 && !p.tail).map((p) => [p.id, p.label]));
          expect(got).toEqual(want);
        });
      }),
      { numRuns: 150 },
    );
  });
});
