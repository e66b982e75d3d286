// Statuses for many paragraphs at once (a selection, a whole part, a filter) in one undo step.
import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import { undo } from 'prosemirror-history';
import { editorPlugins } from '../../../../src/shared/editor/state.js';
import { paragraphStatuses, selectedParagraphIds, setParagraphStatuses } from '../../../../src/shared/editor/negotiation/index.js';
import { structureKey } from '../../../../src/shared/editor/plugins/structure.js';
import { toDoc } from '../../../../src/shared/resolution/convert.js';
import { baseView } from '../../../../src/shared/negotiation/views.js';
import { negotiatedDraft } from '../../../helpers/negotiated.js';

const start = () => EditorState.create({ doc: toDoc(baseView(negotiatedDraft())), plugins: editorPlugins({}) });

describe('statuses for many paragraphs', () => {
  it('a whole part in one undo step; pending keeps its holder; nothing to change is not applicable', () => {
    const s0 = start();
    const ops = paragraphStatuses(s0).filter((p) => p.designation.startsWith('OP')).map((p) => p.id);
    expect(ops.length).toBeGreaterThan(2);
    let s1 = s0;
    expect(setParagraphStatuses(ops, 'pending', 'EU')(s0, (tr) => (s1 = s0.apply(tr)))).toBe(true);
    expect(paragraphStatuses(s1).filter((p) => ops.includes(p.id)).every((p) => p.status === 'pending' && p.holder === 'EU')).toBe(true);
    expect(paragraphStatuses(s1).filter((p) => !ops.includes(p.id)).every((p) => p.status === '')).toBe(true);
    expect(setParagraphStatuses(ops, 'pending', 'EU')(s1)).toBe(false);
    let back = s1;
    expect(undo(s1, (tr) => (back = s1.apply(tr)))).toBe(true);
    expect(back.doc.eq(s0.doc)).toBe(true);
  });

  it('the selection names the numbered paragraphs it touches', () => {
    const s0 = start();
    const s = structureKey.getState(s0)!.structure;
    const pp2 = s.byId.get('pp2')!;
    const op1 = s.byId.get('op1')!;
    const sel = s0.apply(s0.tr.setSelection(TextSelection.create(s0.doc, pp2.pos + 2, op1.pos + 3)));
    expect(selectedParagraphIds(sel)).toEqual(['pp2', 'op1']);
    const cursor = s0.apply(s0.tr.setSelection(TextSelection.create(s0.doc, op1.pos + 3)));
    expect(selectedParagraphIds(cursor)).toEqual(['op1']);
  });
});
