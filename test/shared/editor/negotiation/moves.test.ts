// Move proposals (as merged from Word) are listed, and accepted, rejected or withdrawn in the
// editor exactly as the shared views apply them; each decision is one undo step.
import { describe, expect, it } from 'vitest';
import { EditorState, type Command } from 'prosemirror-state';
import { undo } from 'prosemirror-history';
import { editorPlugins } from '../../../../src/shared/editor/state.js';
import { acceptProposal, listProposals, rejectProposal, withdrawProposal } from '../../../../src/shared/editor/negotiation/index.js';
import { replaceDocument } from '../../../../src/shared/editor/commands/replace-document.js';
import { fromDoc, toDoc } from '../../../../src/shared/resolution/convert.js';
import { acceptedView, baseView } from '../../../../src/shared/negotiation/views.js';
import type { Block, ResolutionDocument } from '../../../../src/shared/resolution/model.js';
import { negotiatedDraft } from '../../../helpers/negotiated.js';

function state(d: ResolutionDocument, delegation = 'EU'): EditorState {
  return EditorState.create({ doc: toDoc(d), plugins: editorPlugins({ negotiation: { enabled: true, delegation } }) });
}
function run(s: EditorState, cmd: Command): EditorState {
  let next = s;
  expect(cmd(s, (tr) => (next = s.apply(tr)))).toBe(true);
  return next;
}
const texts = (list: readonly Block[]) => list.map((b) => b.content.map((i) => (i.t === 'text' ? i.text : '')).join(''));
const opTexts = (s: EditorState) => texts(fromDoc(s.doc).operative);
/** Only the move decided: the other proposals left as they are (compare the operative order). */
const order = (d: ResolutionDocument) => texts(d.operative).filter((t) => t.startsWith('Encourages') || t.startsWith('Invites'));

describe('move proposals in the editor', () => {
  it('are listed once, where the paragraph goes, as a move by their delegation', () => {
    const moves = listProposals(state(negotiatedDraft())).filter((p) => p.kind === 'para-move');
    expect(moves).toMatchObject([{ id: 'eu4', by: 'EU', as: 'move', paragraphId: 'op4m', text: 'Encourages the sharing of best practices;' }]);
  });

  it('accept keeps the new place, reject and withdraw the old one; one copy of the text stays; undo restores', () => {
    const s0 = state(negotiatedDraft());
    const accepted = run(s0, acceptProposal('eu4'));
    expect(order(fromDoc(accepted.doc))).toEqual(order(acceptedView(negotiatedDraft())));
    expect(opTexts(accepted).filter((t) => t.startsWith('Encourages'))).toHaveLength(1);
    const rejected = run(s0, rejectProposal('eu4'));
    expect(order(fromDoc(rejected.doc))).toEqual(order(baseView(negotiatedDraft())));
    expect(run(s0, withdrawProposal('eu4')).doc.eq(rejected.doc)).toBe(true);
    for (const s of [accepted, rejected]) {
      expect(listProposals(s).some((p) => p.id === 'eu4')).toBe(false);
      let back = s;
      expect(undo(s, (tr) => (back = s.apply(tr)))).toBe(true);
      expect(back.doc.eq(s0.doc)).toBe(true);
    }
  });

  it('a conversion merged from Word keeps its kind in the list', () => {
    const d = negotiatedDraft();
    for (const b of d.operative) if (b.proposal?.id === 'eu4') b.proposal = { ...b.proposal, as: 'convert' };
    expect(listProposals(state(d)).find((p) => p.id === 'eu4')).toMatchObject({ kind: 'para-move', as: 'convert' });
  });
});

describe('applying a merged file', () => {
  it('is one undo step, not tracked as a proposal by the delegation typing', () => {
    const base = baseView(negotiatedDraft());
    const s0 = state(base, 'CANZ');
    const s1 = run(s0, (s, dispatch) => {
      dispatch?.(replaceDocument(s, negotiatedDraft()));
      return true;
    });
    expect(fromDoc(s1.doc)).toEqual(fromDoc(toDoc(negotiatedDraft())));
    let back = s1;
    expect(undo(s1, (tr) => (back = s1.apply(tr)))).toBe(true);
    expect(back.doc.eq(s0.doc)).toBe(true);
  });
});
