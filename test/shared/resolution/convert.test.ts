// The plain document model and the editor document carry the same information.
import { describe, expect, it } from 'vitest';
import { fromDoc, toDoc } from '../../../src/shared/resolution/convert.js';
import { emptyFrontMatter, textBlock, type ResolutionDocument } from '../../../src/shared/resolution/model.js';

function sample(): ResolutionDocument {
  return {
    meta: emptyFrontMatter({ kind: 'resolution', symbol: 'A/RES/79/200', title: 'Oil slick on Lebanese shores' }),
    preambular: [
      { ...textBlock('pp1', ''), content: [{ t: 'text', text: 'Recalling its resolution ' }, { t: 'text', text: '78/143', symbolRef: 'A/RES/78/143' }, { t: 'text', text: ',' }, { t: 'fn', id: 'f1' }] },
      { ...textBlock('pp2', 'Mindful,'), phrase: 7, provenance: { symbol: 'A/RES/78/143', paragraph: 'PP2', hash: 'h', text: 'Mindful,' } },
    ],
    operative: [
      {
        ...textBlock('op1', 'Requests the Secretary-General:'),
        children: [textBlock('op1a', 'to report;', [textBlock('op1ai', 'in writing;'), textBlock('op1aii', 'orally;')]), textBlock('op1b', 'to act;')],
        tail: [{ t: 'text', text: 'and to keep it informed;' }],
        status: 'adref',
        base: 1,
      },
      { ...textBlock('op2', 'Decides to remain seized, as in '), content: [{ t: 'text', text: 'Decides, as in ' }, { t: 'xref', targets: ['op1'] }, { t: 'text', text: '.' }] },
    ],
    footnotes: [{ id: 'f1', content: [{ t: 'text', text: 'A/CONF.48/14/Rev.1.' }] }],
    annexes: [{ id: 'x1', heading: 'Annex', title: 'Declaration', paragraphs: [textBlock('a1', 'We commit.')] }],
  };
}

describe('toDoc / fromDoc', () => {
  it('round-trips nesting, tails, footnotes, cross-references, marks and attributes', () => {
    const d = sample();
    expect(fromDoc(toDoc(d))).toEqual(d);
  });
  it('flattens subparagraphs into levels', () => {
    const pm = toDoc(sample());
    const levels: number[] = [];
    pm.forEach((n) => {
      if (n.type.name === 'op') levels.push(n.attrs.level as number);
    });
    expect(levels).toEqual([0, 1, 2, 2, 1, 0, 0]);
  });
});

describe('negotiation marks', () => {
  it('round-trips proposals, proposals on proposals, nested brackets and whole-paragraph proposals', () => {
    const d = sample();
    const eu = { id: 'p1', by: 'EU', at: '2026-11-29T10:00:00.000Z' };
    const g77 = { id: 'p2', by: 'G77 and China', at: '2026-11-29T10:05:00.000Z', parent: 'p1' };
    d.operative[1] = {
      ...textBlock('op2', ''),
      content: [
        { t: 'text', text: 'Decides ' },
        { t: 'text', text: 'to act ', ins: eu },
        { t: 'text', text: 'swiftly ', ins: eu, del: g77 },
        { t: 'text', text: 'and firmly', brackets: ['b1', 'b2'] },
        { t: 'text', text: '.', brackets: ['b1'] },
      ],
      proposal: { ...eu, kind: 'ins' },
    };
    expect(fromDoc(toDoc(d))).toEqual(d);
  });
});
