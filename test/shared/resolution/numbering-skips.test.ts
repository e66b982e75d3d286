// Subparagraph labels under skipped levels (Block.skip): a level's counter restarts under each
// new parent, and a designation names only the levels that exist. Random model trees are checked
// against labels computed from the tree itself; failing seeds are kept as plain tests.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toDoc } from '../../../src/shared/resolution/convert.js';
import { computeStructure } from '../../../src/shared/resolution/structure.js';
import { subparagraphLabel } from '../../../src/shared/resolution/labels.js';
import { canonical } from '../../helpers/skips.js';
import { outlineEntries } from '../../../src/shared/editor/queries/outline.js';
import { designations } from '../../../src/shared/negotiation/list.js';
import { layoutDocument } from '../../../src/shared/export/layout.js';
import { emptyFrontMatter, type Block, type ResolutionDocument } from '../../../src/shared/resolution/model.js';

let ids = 0;
const block = (text: string, children: Block[] = [], extra: Partial<Block> = {}): Block => ({
  id: `b${++ids}`,
  content: [{ t: 'text', text }],
  children,
  tail: [],
  ...extra,
});
const docOf = (operative: Block[]): ResolutionDocument => ({ meta: emptyFrontMatter(), preambular: [], operative, footnotes: [], annexes: [] });
const shown = (d: ResolutionDocument) =>
  computeStructure(toDoc(d), 'en').paras.map((p) => `${p.node.textContent}|${p.label}|${p.designation}`);

describe('labels under skipped levels', () => {
  it('an (i) directly under OP2 is "(i)" and designated "OP2 (i)", not under OP1\'s (a)', () => {
    const d = docOf([block('one', [block('a', [block('i')])]), block('two', [block('ii', [], { skip: 1 })])]);
    expect(shown(d)).toEqual(['one|1.|OP1', 'a|(a)|OP1 (a)', 'i|(i)|OP1 (a) (i)', 'two|2.|OP2', 'ii|(i)|OP2 (i)']);
  });

  it('an (i) directly under (b) restarts the roman count and names no "(i)" of (a)', () => {
    const d = docOf([block('one', [block('a', [block('i', [block('A')]), block('ii')]), block('b', [block('x', [], { skip: 1 })])]), block('two')]);
    expect(shown(d)).toEqual(['one|1.|OP1', 'a|(a)|OP1 (a)', 'i|(i)|OP1 (a) (i)', 'A|a.|OP1 (a) (i) a.', 'ii|(ii)|OP1 (a) (ii)', 'b|(b)|OP1 (b)', 'x|a.|OP1 (b) a.', 'two|2.|OP2']);
  });

  it('a subparagraph after its paragraph\'s tail belongs to no paragraph: its count restarts and its designation names no paragraph', () => {
    const d = docOf([block('one', [block('a', [block('i'), block('ii')])], { tail: [{ t: 'text', text: 'tail' }] }), block('x', [], { skip: 2 }), block('two')]);
    expect(shown(d)).toEqual(['one|1.|OP1', 'a|(a)|OP1 (a)', 'i|(i)|OP1 (a) (i)', 'ii|(ii)|OP1 (a) (ii)', 'tail||OP1', 'x|(i)|(i)', 'two|2.|OP2']);
  });

  it('a subparagraph after a heading restarts its count and is not designated with the paragraph before the heading', () => {
    const d = docOf([
      block('one', [block('a'), block('b')]),
      { id: 'h1', content: [{ t: 'text', text: 'Part' }], children: [], tail: [], heading: { level: 1, num: 'II' } },
      block('x', [], { skip: 1 }),
      block('two'),
    ]);
    expect(shown(d)).toContain('x|(a)|(a)');
    expect(shown(d)).not.toContain('x|(a)|OP1 (a)');
  });

  it('an orphan\'s own subparagraphs and tail name only the orphan\'s labels; a leading orphan has no leading space', () => {
    const d = docOf([
      block('lead', [], { skip: 1 }),
      block('one', [block('a')], { tail: [{ t: 'text', text: 'tail one' }] }),
      block('x', [block('xi')], { skip: 1, tail: [{ t: 'text', text: 'tail x' }] }),
      block('y', [], { skip: 1 }),
      block('two'),
    ]);
    expect(shown(d)).toEqual([
      'lead|(a)|(a)',
      'one|1.|OP1',
      'a|(a)|OP1 (a)',
      'tail one||OP1',
      'x|(a)|(a)',
      'xi|(i)|(a) (i)',
      'tail x||(a)',
      'y|(b)|(b)',
      'two|2.|OP2',
    ]);
  });

  it('the outline, the notes panel\'s names and the exporters\' layout show the orphan after a heading as "(a)", not "OP1 (a)"', () => {
    const d = docOf([
      block('one'),
      block('two', [block('a')]),
      { id: 'h1', content: [{ t: 'text', text: 'Part' }], children: [], tail: [], heading: { level: 1, num: 'II' } },
      block('x', [], { skip: 1, id: 'orphan' }),
    ]);
    const s = computeStructure(toDoc(d), 'en');
    expect(outlineEntries(s, new Map()).find((e) => e.id === 'orphan')?.designation).toBe('(a)');
    expect(designations(d).get('orphan')).toBe('(a)');
    expect(layoutDocument(d).paragraphs.find((p) => p.id === 'orphan')?.designation).toBe('(a)');
  });

  it('in a part that restarts the numbering, an orphan after the part heading names neither the part\'s nor the previous part\'s paragraph', () => {
    const d = docOf([
      block('one', [block('a')]),
      { id: 'h1', content: [{ t: 'text', text: 'Part' }], children: [], tail: [], heading: { level: 1, num: 'II', restart: true } },
      block('x', [], { skip: 1 }),
      block('p1'),
      block('p1a', [], { skip: 0 }),
      block('p2', [block('b')]),
    ]);
    expect(shown(d)).toEqual(['one||OP1', 'a|(a)|OP1 (a)', 'x|(a)|(a)', 'p1|1.|II.OP1', 'p1a|2.|II.OP2', 'p2|3.|II.OP3', 'b|(a)|II.OP3 (a)']);
  });
});

const word = fc.constantFrom('alpha', 'beta', 'gamma');

/** A random block whose parent stands at `level - 1` (none at level 0), with skips, tails and (at the top) headings. */
function blockArb(level: number, top: boolean): fc.Arbitrary<Block> {
  return fc
    .record({
      text: word,
      skip: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 2 }) }),
      n: fc.integer({ min: 0, max: 3 }),
      tail: fc.boolean(),
      heading: top ? fc.integer({ min: 0, max: 5 }) : fc.constant(0),
    })
    .chain((r) => {
      if (r.heading === 5) return fc.constant<Block>(block('Part', [], { heading: { level: 1, num: 'II' } }));
      const skip = Math.min(r.skip, 4 - level);
      const own = level + skip;
      const kids = own >= 4 ? fc.constant<Block[]>([]) : fc.array(blockArb(own + 1, false), { minLength: r.n, maxLength: r.n });
      return kids.map((children) => block(r.text, children, { ...(skip ? { skip } : {}), ...(r.tail ? { tail: [{ t: 'text', text: 'tail' }] } : {}) }));
    });
}

/**
 * Expected label and sub-labels of every subparagraph, from the tree: id → "label|sub labels";
 * `tops` gets the id of its level-0 paragraph, if it has one (an orphan has none).
 */
function expected(blocks: Block[], level: number, chain: string[], out: Map<string, string>, tops: Map<string, string>, top = ''): void {
  const runs = [0, 0, 0, 0, 0];
  for (const b of blocks) {
    if (b.heading) {
      runs.fill(0);
      continue;
    }
    const own = level + (b.skip ?? 0);
    for (let l = own + 1; l <= 4; l++) runs[l] = 0;
    let mine = chain;
    const myTop = own === 0 ? b.id : top;
    if (own > 0) {
      const label = subparagraphLabel(runs[own]!++, own as 1 | 2 | 3 | 4, 'en');
      mine = [...chain, label];
      out.set(b.id, `${label}|${mine.join(' ')}`);
      if (myTop) tops.set(b.id, myTop);
    }
    expected(b.children, own + 1, mine, out, tops, myTop);
  }
}

describe('labels under skipped levels, random trees', () => {
  it('every subparagraph counts among its own parent\'s children and names only levels that exist', () => {
    const docArb = fc.array(blockArb(0, true), { minLength: 1, maxLength: 5 }).map((ops) => docOf(canonical(ops)));
    fc.assert(
      fc.property(docArb, (d) => {
        const want = new Map<string, string>();
        const tops = new Map<string, string>();
        expected(d.operative, 0, [], want, tops);
        const s = computeStructure(toDoc(d), 'en');
        for (const p of s.paras) {
          const w = want.get(p.id);
          if (w === undefined || p.tail) continue;
          expect(`${p.label}|${p.subLabels.join(' ')}`).toBe(w);
          // The designation names its own top paragraph (none for an orphan) and exactly these labels.
          const top = tops.get(p.id);
          const head = top ? s.byId.get(top)!.designation : '';
          expect(p.designation).toBe([head, ...p.subLabels].filter((x) => x !== '').join(' '));
        }
      }),
      { numRuns: 150 },
    );
  });
});
