// Checks and opening-phrase detection read a paragraph as it would stand if its open proposals
// were accepted, and say so; offsets found in that text land on the right characters.
import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import { editorPlugins } from '../../../../src/shared/editor/state.js';
import { structureKey } from '../../../../src/shared/editor/plugins/structure.js';
import { computeFindings, fixFinding, IF_ACCEPTED } from '../../../../src/shared/editor/queries/checks.js';
import { toDoc, fromDoc } from '../../../../src/shared/resolution/convert.js';
import { emptyFrontMatter, type ResolutionDocument } from '../../../../src/shared/resolution/model.js';
import { block, t, EU, G77 } from '../../../helpers/negotiated.js';

function draft(): ResolutionDocument {
  return {
    meta: emptyFrontMatter({ kind: 'draft' }),
    preambular: [block('pp1', [t('Recalling its resolution 78/1,')])],
    operative: [
      // "Decides" proposed for deletion, "Requests" proposed instead.
      block('op1', [t('Decides', { del: G77 }), t('Requests', { ins: EU }), t(' the Secretary-General to report;')]),
      // A double space only in text proposed for deletion, and one in the text that stays.
      block('op2', [t('Invites donors  to', { del: { ...G77, id: 'g9' } }), t('Invites  States to contribute;')]),
      block('op3', [t('Calls upon all States to cooperate;')]),
    ],
    footnotes: [],
    annexes: [],
  };
}
const state = () => EditorState.create({ doc: toDoc(draft()), plugins: editorPlugins({ autoPunctuate: false }) });

describe('reading the accepted text', () => {
  it('the opening phrase is the one that would stand: "Requests", not the deleted "Decides"', () => {
    const s = state();
    const st = structureKey.getState(s)!;
    const p = st.structure.byId.get('op1')!;
    const len = st.phrases.get('op1')!;
    expect(p.node.textContent.slice(0, len)).toBe('DecidesRequests');
    const findings = computeFindings(s).filter((f) => f.paraId === 'op1');
    expect(findings.filter((f) => f.kind === 'hint')).toEqual([]);
  });

  it('a double space in deleted text is not reported; one in the text that stays is, said to be read as if accepted, and fixed in place', () => {
    const s = state();
    const found = computeFindings(s).filter((f) => f.paraId === 'op2' && f.kind === 'text');
    expect(found).toHaveLength(1);
    expect(found[0]!.message.endsWith(IF_ACCEPTED)).toBe(true);
    const tr = fixFinding(s, found[0]!)!;
    const op2 = fromDoc(s.apply(tr).doc).operative[1]!;
    expect(op2.content.map((i) => (i.t === 'text' ? i.text : '')).join('|')).toBe('Invites donors  to|Invites States to contribute;');
  });

  it('paragraphs without proposals read as before and say nothing more', () => {
    const s = state();
    expect(computeFindings(s).filter((f) => f.paraId === 'op3' || f.paraId === 'pp1').every((f) => !f.message.endsWith(IF_ACCEPTED))).toBe(true);
  });
});

describe('offsets of the accepted text map back to the same characters (property)', () => {
  it('for random paragraphs with random deletions, every span of the accepted text covers exactly those characters in the document', async () => {
    const fc = (await import('fast-check')).default;
    const { paraAcceptedText, spanInFullText } = await import('../../../../src/shared/resolution/structure.js');
    const piece = fc.record({ text: fc.constantFrom('Invites', ' ', '  ', 'States', ',', ' to', 'donors', '( ', ' )', '"'), del: fc.boolean() });
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), (pieces) => {
        const content = pieces.map((p, i) => t(p.text, p.del ? { del: { ...G77, id: `d${i}` } } : {}));
        const para = findPara(toDoc({ ...draft(), operative: [block('op1', content)] }));
        const a = paraAcceptedText(para);
        const full = para.textContent;
        for (let from = 0; from <= a.text.length; from++) {
          for (let to = from + 1; to <= a.text.length; to++) {
            const span = spanInFullText(a, from, to);
            // The kept characters inside the span are exactly the accepted slice.
            const kept = [...full.slice(span.start, span.end)].filter((_, k) => a.at.includes(span.start + k)).join('');
            if (kept !== a.text.slice(from, to)) return false;
          }
        }
        return true;
      }),
      { numRuns: 150 },
    );
  });
});

function findPara(d: ReturnType<typeof toDoc>) {
  let found: ReturnType<typeof toDoc> | null = null;
  d.descendants((n) => {
    if (!found && n.attrs.id === 'op1') found = n;
    return !found;
  });
  return found!;
}
