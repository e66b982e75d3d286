// A list after an unnumbered annex paragraph keeps its level and labels through the text export
// and back: an annex paragraph printed without a number ("Fiscal systems and sustainable
// development", a sub-heading of A/RES/79/323's annex; a declaration's "We, the Heads of State…:")
// then its own "(a)", "(b)" is a list at the first level under that paragraph, never a list nested
// under the last item of the list before it (which printed "(b)" back as "(i)").
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportText } from '../../../src/shared/export/txt.js';
import { layoutDocument } from '../../../src/shared/export/layout.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { textBlock, type Block, type ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { CORPUS } from '../../helpers/corpus.js';

/** Every annex paragraph as the exports print it: level, label and text. */
function printed(doc: ResolutionDocument): [number, string, string][][] {
  return layoutDocument(doc).annexes.map((a) => a.paragraphs.map((p) => [p.level, p.label, p.runs.map((r) => r.text).join('').replace(/\s+/g, ' ').trim()]));
}

const base = parseResolutionText(fs.readFileSync(path.join(CORPUS, 'ga-en/A_RES_79_200.txt'), 'utf8'), { fileName: 'A_RES_79_200.txt' }).document;

function withAnnex(paragraphs: Block[]): ResolutionDocument {
  return { ...base, annexes: [{ id: 'ax1', heading: 'Annex', title: 'Sevilla Commitment', paragraphs }] };
}

const un = (b: Block): Block => ({ ...b, preambular: true });

describe('a list after an unnumbered annex paragraph', () => {
  const doc = withAnnex([
    textBlock('ax1-p1', 'To ensure that countries have the necessary resources:'),
    un(textBlock('ax1-p2', 'Transparency and accountability in fiscal systems', [textBlock('ax1-p2-a', 'We commit to strengthen tax systems;'), textBlock('ax1-p2-b', 'We will promote budget transparency;')])),
    un(textBlock('ax1-p3', 'Fiscal systems and sustainable development', [textBlock('ax1-p3-a', 'We encourage formulating national budgets;'), textBlock('ax1-p3-b', 'We encourage broadening of the tax base.')])),
    textBlock('ax1-p4', 'To strengthen international tax cooperation, we will act.'),
  ]);

  it('comes back from the text export at the first level, with the labels it printed', () => {
    const back = parseResolutionText(exportText(doc)).document;
    expect(printed(back)).toEqual(printed(doc));
    expect(printed(back)[0]!.filter((p) => p[0] > 1)).toEqual([]);
  });
});

let ids = 0;
const topic = fc.constantFrom('tax systems', 'budget transparency', 'public debt', 'subnational finance', 'capacity support');

/** A subparagraph: a sentence ending with ";" (its list's last, "."), maybe with its own (i)… list. */
const subArb = fc.record({ t: topic, subs: fc.array(topic, { maxLength: 2 }) });

/**
 * A random annex paragraph: numbered ("We will act on …") or unnumbered — a sub-heading line that a
 * list follows ("Fiscal systems and sustainable development") or an introduction ending with a
 * colon — with a list of zero to three items (an unnumbered sub-heading always has one).
 */
const paraArb = fc.record({ kind: fc.constantFrom('numbered', 'numbered', 'subheading', 'intro'), t: topic, subs: fc.array(subArb, { maxLength: 3 }) }).map((r): Block => {
  const id = `ax1-p${++ids}`;
  const subs = r.kind === 'subheading' && r.subs.length === 0 ? [{ t: r.t, subs: [] }] : r.subs;
  const kids = subs.map((s, k) => {
    const last = k === subs.length - 1;
    // (i)… lists only under the items of a numbered paragraph (at most (c)): under an "(h)" that
    // a chain of unnumbered paragraphs may reach, "(i)" reads as the next letter.
    const inner = (r.kind === 'numbered' ? s.subs : []).map((x, j) => textBlock(`${id}-${k}-${j}`, `We will report on ${x}${j === s.subs.length - 1 ? (last ? '.' : ';') : ';'}`));
    return textBlock(`${id}-${k}`, inner.length ? `We will strengthen ${s.t} as follows:` : `We will strengthen ${s.t}${last ? '.' : ';'}`, inner);
  });
  if (r.kind === 'subheading') return un(textBlock(id, `Sustainable ${r.t} and development`, kids));
  if (r.kind === 'intro') return un(textBlock(id, `Guided by these principles, we pledge on ${r.t}:`, kids));
  return textBlock(id, kids.length ? `To act on ${r.t}, we:` : `We will act on ${r.t}.`, kids);
});

describe('a list after an unnumbered annex paragraph, property', () => {
  it('random annexes of numbered and unnumbered paragraphs with (a) and (i) lists print the same levels and labels after text export → import', () => {
    fc.assert(
      fc.property(paraArb, fc.array(paraArb, { maxLength: 8 }), (first, rest) => {
        // The annex opens with a numbered paragraph (an unnumbered line first would be its title).
        const doc = withAnnex([{ ...first, preambular: undefined }, ...rest].map((b) => JSON.parse(JSON.stringify(b)) as Block));
        for (const width of [80, 66]) {
          const back = parseResolutionText(exportText(doc, { width })).document;
          expect(printed(back)).toEqual(printed(doc));
        }
      }),
      { numRuns: 50 },
    );
  });
});
