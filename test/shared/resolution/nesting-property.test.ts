// One nesting rule for the flat editor document and the nested file model: random block trees
// go model → editor → model and model → file → reopen unchanged (every block, level, label and
// word), and random flat editor sequences reopen as the editor showed them. Failing seeds, kept
// as plain tests at the end.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Node as PMNode } from 'prosemirror-model';
import { fromDoc, toDoc } from '../../../src/shared/resolution/convert.js';
import { computeStructure } from '../../../src/shared/resolution/structure.js';
import { canonical } from '../../helpers/skips.js';
import { emptyFrontMatter, type Block, type ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { parsePlenaryFile, serializePlenaryFile } from '../../../src/shared/resolution/file.js';
import { schema } from '../../../src/shared/resolution/schema.js';
import { groupRange } from '../../../src/shared/editor/commands/paragraphs.js';
import { layoutDocument, runsText } from '../../../src/shared/export/layout.js';

let ids = 0;
const word = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'epsilon');

/** A random block at editor level `level` (its skip included), its subparagraphs and tail. */
function blockArb(level: number, top: boolean): fc.Arbitrary<Block> {
  const maxSkip = Math.max(0, 4 - level);
  return fc
    .record({
      text: word,
      skip: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: Math.min(maxSkip, 2) }) }),
      nChildren: fc.integer({ min: 0, max: 3 }),
      tail: fc.option(word, { freq: 2 }),
      quoted: top ? fc.boolean() : fc.constant(false),
      heading: top ? fc.integer({ min: 0, max: 6 }) : fc.constant(0),
    })
    .chain((r) => {
      const own = level + r.skip;
      if (r.heading === 6) {
        return fc.constant<Block>({ id: `h${++ids}`, content: [{ t: 'text', text: r.text }], children: [], tail: [], heading: { level: 1, num: 'II' } });
      }
      const kids = own >= 4 ? fc.constant<Block[]>([]) : fc.array(blockArb(own + 1, false), { minLength: r.nChildren, maxLength: r.nChildren });
      return kids.map((children) => {
        const b: Block = { id: `b${++ids}`, content: [{ t: 'text', text: r.text }], children, tail: r.tail ? [{ t: 'text', text: `${r.tail} tail` }] : [] };
        if (r.skip) b.skip = r.skip;
        if (r.quoted) b.quoted = true;
        return b;
      });
    });
}

const docArb: fc.Arbitrary<ResolutionDocument> = fc
  .record({
    preambular: fc.array(blockArb(0, false), { maxLength: 3 }),
    first: blockArb(0, false),
    operative: fc.array(blockArb(0, true), { maxLength: 5 }),
  })
  .map(({ preambular, first, operative }) => ({
    meta: emptyFrontMatter(),
    preambular: canonical(preambular),
    // The operative part opens with an operative paragraph (a quoted block first would be read as preambular).
    operative: canonical([first, ...operative]),
    footnotes: [],
    annexes: [],
  }));

function reopen(d: ResolutionDocument): ResolutionDocument {
  return parsePlenaryFile(serializePlenaryFile({ document: d }, 'test', new Date(0)), 'test.plenary').document;
}

/** Every paragraph as the editor shows it: kind, level, tail, label, designation and words. */
function shown(doc: PMNode): string[] {
  return computeStructure(doc, 'en').paras.map((p) => `${p.node.type.name}|${p.level}|${p.tail ? "tail" : ""}|${p.label}|${p.designation}|${p.role}|${p.node.textContent}`);
}

/** What the editor shows of each paragraph in the terms every exporter prints (export/layout.ts). */
function editorPrinted(doc: PMNode): string[] {
  return computeStructure(doc, 'en').paras.map((p) => `${p.level}|${p.tail ? 'tail' : ''}|${p.label}|${p.designation}|${p.node.textContent}`);
}

/** The paragraphs as the exporters lay them out (headings left out). */
function printed(d: ResolutionDocument): string[] {
  return layoutDocument(d)
    .paragraphs.filter((p) => !p.heading)
    .map((p) => `${p.level}|${p.tail ? 'tail' : ''}|${p.label}|${p.designation}|${runsText(p.runs)}`);
}

describe('model → editor → model keeps every block', () => {
  it('200 random block trees: fromDoc(toDoc(d)) equals d, and so does the reopened file', () => {
    fc.assert(
      fc.property(docArb, (d) => {
        expect(fromDoc(toDoc(d))).toEqual(d);
        expect(reopen(d)).toEqual(d);
        expect(printed(d)).toEqual(editorPrinted(toDoc(d)));
      }),
      { numRuns: 200, seed: 77 },
    );
  });
});

interface FlatSpec {
  level: number;
  tail: boolean;
  heading: boolean;
}
const flatArb = fc.array(
  fc.record({ level: fc.integer({ min: 0, max: 4 }), tail: fc.boolean(), heading: fc.integer({ min: 0, max: 9 }).map((n) => n === 0) }),
  { minLength: 1, maxLength: 12 },
);

/** An operative part written as flat editor paragraphs (after one preambular paragraph). */
function flatDoc(spec: readonly FlatSpec[]): PMNode {
  const nodes = [schema.nodes.pp.create({ id: 'p0' }, schema.text('Recalling,'))];
  spec.forEach((s, i) => {
    if (s.heading) nodes.push(schema.nodes.heading.create({ id: `h${i}`, level: 1, num: 'II' }, schema.text(`heading ${i}`)));
    else nodes.push(schema.nodes.op.create({ id: s.tail ? `o${i}-tail` : `o${i}`, level: s.level, tail: s.tail }, schema.text(`words ${i}`)));
  });
  return schema.nodes.doc.create({ meta: emptyFrontMatter() }, nodes);
}

describe('flat editor sequences → file → editor', () => {
  it('400 random sequences of levels, tails and headings: the reopened document shows every paragraph as the editor did', () => {
    fc.assert(
      fc.property(flatArb, (spec) => {
        const doc = flatDoc(spec);
        expect(shown(toDoc(fromDoc(doc)))).toEqual(shown(doc));
        expect(printed(fromDoc(doc))).toEqual(editorPrinted(doc));
      }),
      { numRuns: 400, seed: 78 },
    );
  });
});

describe('failing seeds, kept', () => {
  const op = (id: string, level: number, text: string, tail = false) => schema.nodes.op.create({ id, level, tail }, schema.text(text));
  const docOf = (...nodes: PMNode[]) => schema.nodes.doc.create({ meta: emptyFrontMatter() }, [schema.nodes.pp.create({ id: 'p0' }, schema.text('Recalling,')), ...nodes]);

  it('seed 77: the tail of a subparagraph with no list of its own stays its tail (it reopened as the tail of the paragraph above)', () => {
    const d: ResolutionDocument = {
      meta: emptyFrontMatter(),
      preambular: [],
      operative: [
        {
          id: 'o1',
          content: [{ t: 'text', text: 'Decides:' }],
          tail: [],
          children: [{ id: 'o1a', content: [{ t: 'text', text: 'first' }], children: [{ id: 'o1ai', content: [{ t: 'text', text: 'inner' }], children: [], tail: [{ t: 'text', text: 'inner tail' }] }], tail: [] }],
        },
      ],
      footnotes: [],
      annexes: [],
    };
    expect(fromDoc(toDoc(d))).toEqual(d);
    expect(reopen(d)).toEqual(d);
  });

  it('"(a)", its "(i)", the tail of "(a)", then "(ii)": the words keep their order and the tail stays with "(a)"', () => {
    const doc = docOf(op('o1', 0, 'Decides:'), op('o1a', 1, 'first'), op('o1ai', 2, 'inner'), op('o1a-tail', 1, 'tail of (a)', true), op('o1aii', 2, 'after the tail'));
    const d = fromDoc(doc);
    expect(d.operative[0]!.children[0]!.tail).toEqual([{ t: 'text', text: 'tail of (a)' }]);
    expect(toDoc(d).textBetween(0, toDoc(d).content.size, '|')).toBe(doc.textBetween(0, doc.content.size, '|'));
    expect(shown(toDoc(d))).toEqual(shown(doc));
  });

  it('seed 78: a tail with no paragraph to continue is numbered in the editor as the file reopens it (it showed unnumbered, reopened as "1.")', () => {
    const doc = docOf(op('o0-tail', 0, 'words 0', true), schema.nodes.heading.create({ id: 'h1', level: 1, num: 'II' }, schema.text('heading 1')));
    expect(shown(doc)).toEqual(['pp|0|||PP1|pp|Recalling,', 'op|0|||OP1|op-last|words 0']);
    expect(shown(toDoc(fromDoc(doc)))).toEqual(shown(doc));
  });

  it('a tail written deeper than any open paragraph continues the one above it, in the editor as in the file', () => {
    const doc = docOf(op('o1', 0, 'Decides'), op('o1-tail', 2, 'and its tail', true), op('o2', 0, 'Requests'));
    expect(fromDoc(doc).operative[0]!.tail).toEqual([{ t: 'text', text: 'and its tail' }]);
    expect(shown(doc)).toEqual(shown(toDoc(fromDoc(doc))));
    expect(shown(doc)[2]).toBe('op|0|tail||OP1|op|and its tail');
  });

  it('a paragraph moved with Alt-Up/Down takes its tail and stops there: what follows the tail belongs to the paragraph above', () => {
    const doc = docOf(op('o1', 0, 'Decides:'), op('o1a', 1, 'first'), op('o1ai', 2, 'inner'), op('o1a-tail', 1, 'tail of (a)', true), op('o1aii', 2, 'after the tail'), op('o1b', 1, 'second'));
    const paras = computeStructure(doc, 'en').paras;
    const [from, to] = groupRange(paras, 2);
    expect(paras.slice(from, to).map((p) => p.id)).toEqual(['o1a', 'o1ai', 'o1a-tail']);
  });
});
