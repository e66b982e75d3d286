// The checks panel's findings and their fixes.
import { describe, expect, it } from 'vitest';
import { createEditorState } from '../../../../src/shared/editor/state.js';
import { computeFindings, fixFinding } from '../../../../src/shared/editor/queries/checks.js';
import { doc, op, pp } from '../../../helpers/builders.js';
import { toDoc } from '../../../../src/shared/resolution/convert.js';
import { schema } from '../../../../src/shared/resolution/schema.js';
import { emptyFrontMatter, textBlock } from '../../../../src/shared/resolution/model.js';

describe('computeFindings', () => {
  it('finds a wrong ending and a double space, fixes each, and finds nothing after', () => {
    let s = createEditorState(doc({}, pp({ id: 'a' }, 'Recalling its  resolution 78/1;'), op({ id: 'b' }, 'Requests the Secretary-General to report;'), op({ id: 'c' }, 'Decides to remain seized.')), {
      autoPunctuate: false,
    });
    const found = computeFindings(s);
    expect(found.map((f) => [f.designation, f.kind])).toEqual([
      ['PP1', 'punctuation'],
      ['PP1', 'text'],
    ]);
    for (const kind of ['text', 'punctuation'] as const) {
      const f = computeFindings(s).find((x) => x.kind === kind)!;
      s = s.apply(fixFinding(s, f)!);
    }
    expect(s.doc.child(0).textContent).toBe('Recalling its resolution 78/1,');
    expect(computeFindings(s)).toEqual([]);
    // Unchanged paragraphs are served from the cache and give the same answer.
    expect(computeFindings(s)).toEqual([]);
  });
});

describe('quoted text of an amendment (Block.quoted)', () => {
  // The words an amendment quotes: an operative paragraph of the draft it amends, with its ";",
  // its opening verb, and here a double space, a lower-case word and straight quotes as printed.
  const QUOTED = 'Decides to  convene the "high-level" meeting in 2026;';
  const amendment = (quoted: boolean) =>
    toDoc({
      meta: emptyFrontMatter({ kind: 'draft', sponsorLineEnd: 'amendment to draft resolution A/80/L.18' }),
      preambular: [],
      operative: [
        textBlock('i1', 'Replace operative paragraph 3 with the following:'),
        { ...textBlock('q1', QUOTED), ...(quoted ? { quoted: true } : {}) },
      ],
      footnotes: [],
      annexes: [],
    });

  it('gets no punctuation, text, opening-phrase or style finding; the same words unquoted do', () => {
    const onQ1 = (d: ReturnType<typeof amendment>) => computeFindings(createEditorState(d, { autoPunctuate: false })).filter((f) => f.paraId === 'q1');
    // Control: as a plain paragraph the same words are found wanting in every way.
    const plain = onQ1(amendment(false)).map((f) => f.kind);
    expect(new Set(plain)).toEqual(new Set(['punctuation', 'text', 'style']));
    const plainPp = computeFindings(createEditorState(doc({}, pp({ id: 'q1' }, QUOTED), op({ id: 'o' }, 'Decides to act.')), { autoPunctuate: false })).filter((f) => f.paraId === 'q1').map((f) => f.kind);
    expect(new Set(plainPp)).toEqual(new Set(['punctuation', 'hint', 'text', 'style']));
    const quoted = amendment(true);
    expect(quoted.child(1).attrs.quoted).toBe(true);
    expect(onQ1(quoted)).toEqual([]);
  });

  it('the instruction that introduces quoted text ends with ":" and gets no punctuation finding, also as the last operative paragraph', () => {
    const findings = (d: ReturnType<typeof amendment>) => computeFindings(createEditorState(d, { autoPunctuate: false })).filter((f) => f.kind === 'punctuation').map((f) => f.paraId);
    // i1 is the last operative paragraph: it was asked to end with "." (quoted text stands in a pp node).
    expect(findings(amendment(true))).toEqual([]);
    const two = toDoc({
      meta: emptyFrontMatter({ kind: 'draft', sponsorLineEnd: 'amendment to draft resolution A/80/L.18' }),
      preambular: [],
      operative: [textBlock('i1', 'After operative paragraph 2, insert a new paragraph reading:'), { ...textBlock('q1', QUOTED), quoted: true }, textBlock('i2', 'Replace operative paragraph 3 with the following:'), { ...textBlock('q2', QUOTED), quoted: true }],
      footnotes: [],
      annexes: [],
    });
    expect(findings(two)).toEqual([]);
    // Without the quoted text after it, the last instruction still ends with a full stop.
    const last = toDoc({ meta: emptyFrontMatter({ kind: 'draft' }), preambular: [], operative: [textBlock('i1', 'Delete operative paragraph 4:')], footnotes: [], annexes: [] });
    expect(findings(last)).toEqual(['i1']);
  });

  it('a broken cross-reference in quoted text is still reported (it is not a finding on the words)', () => {
    const d = amendment(true);
    const q = d.child(1);
    const broken = q.type.create(q.attrs, [...(q.content.size ? [q.child(0)] : []), schema.nodes.xref.create({ targets: ['gone'] })]);
    const d2 = d.copy(d.content.replaceChild(1, broken));
    const found = computeFindings(createEditorState(d2, { autoPunctuate: false })).filter((f) => f.paraId === 'q1');
    expect(found.map((f) => f.kind)).toEqual(['xref']);
  });
});
