// Moves, Tab/Shift+Tab and PP↔OP conversion made in the editor in negotiation mode: proposals by
// the current delegation in the shape merged Word files bring (move-from ghost + move-to), one
// undo step each; reject gives back the text before, accept the plain command's result.
import { describe, expect, it } from 'vitest';
import { type EditorState, TextSelection, type Command } from 'prosemirror-state';
import { undo } from 'prosemirror-history';
import type { Node as PMNode } from 'prosemirror-model';
import { convertKind, indent, moveParagraph, moveParagraphTo, outdent, splitParagraph } from '../../../../src/shared/editor/commands/index.js';
import { acceptProposal, listProposals, rejectProposal, withdrawProposal, setNegotiationSettings } from '../../../../src/shared/editor/negotiation/index.js';
import { REFUSAL_META, type Refusal } from '../../../../src/shared/editor/negotiation/structural.js';
import { paraMove } from '../../../../src/shared/editor/negotiation/moves.js';
import { buildDecorations } from '../../../../src/shared/editor/negotiation/decorations.js';
import { settingsOf } from '../../../../src/shared/editor/negotiation/settings.js';
import { fromDoc } from '../../../../src/shared/resolution/convert.js';
import { acceptedView, baseView } from '../../../../src/shared/negotiation/views.js';
import { listProposals as listFileProposals } from '../../../../src/shared/negotiation/list.js';
import { doc, op, pp } from '../../../helpers/builders.js';
import { as, create, pos, run, type } from '../../../helpers/negotiation-states.js';

function draft(): PMNode {
  return doc(
    {},
    pp({ id: 'pp1' }, 'Recalling its resolutions,'),
    pp({ id: 'pp2' }, 'Noting the report,'),
    op({ id: 'op1' }, 'Requests the Secretary-General to report;'),
    op({ id: 'op2' }, 'Decides to act:'),
    op({ id: 'op2a', level: 1 }, 'first;'),
    op({ id: 'op2b', level: 1 }, 'second;'),
    op({ id: 'op3' }, 'Encourages States;'),
    op({ id: 'op4' }, 'Decides to remain seized of the matter.'),
  );
}

const at = (s: EditorState, id: string, offset = 0) => s.apply(s.tr.setSelection(TextSelection.create(s.doc, pos(s, id, offset))));
const off = (s: EditorState) => s.apply(setNegotiationSettings(s, { enabled: false }));
/** The plain result: the same command with negotiation off. */
const plain = (s: EditorState, cmd: Command) => run(off(s), cmd).doc;
const undone = (s: EditorState) => {
  let back = s;
  expect(undo(s, (tr) => (back = s.apply(tr)))).toBe(true);
  return back;
};
const moves = (s: EditorState) => listProposals(s).filter((p) => p.kind === 'para-move');
const acceptAll = (s: EditorState) => moves(s).reduce((x, p) => run(x, acceptProposal(p.id)), s);
const rejectAll = (s: EditorState) => moves(s).reduce((x, p) => run(x, rejectProposal(p.id)), s);

/** Runs `cmd` and checks the proposal's contract: base kept, accept = plain, undo exact. */
function propose(s0: EditorState, cmd: Command, kind: 'move' | 'convert' | 'level'): EditorState {
  const s1 = run(s0, cmd);
  expect(s1.doc.eq(s0.doc)).toBe(false);
  const made = moves(s1).filter((p) => !moves(s0).some((q) => q.id === p.id));
  expect(made).toHaveLength(1);
  expect(made[0]).toMatchObject({ by: 'EU', as: kind });
  expect(rejectAll(s1).doc.eq(rejectAll(s0).doc)).toBe(true);
  expect(acceptAll(s1).doc.eq(plain(acceptAll(s0), cmd))).toBe(true);
  expect(undone(s1).doc.eq(s0.doc)).toBe(true);
  // The shared views (exports) say the same as the editor's decisions.
  expect(baseView(fromDoc(s1.doc))).toEqual(baseView(fromDoc(s0.doc)));
  expect(acceptedView(fromDoc(s1.doc))).toEqual(acceptedView(fromDoc(acceptAll(s1).doc)));
  return s1;
}

function refusal(s: EditorState, cmd: Command): Refusal {
  let got: Refusal | undefined;
  const next = run(s, (st, dispatch) =>
    cmd(st, (tr) => {
      got = tr.getMeta(REFUSAL_META) as Refusal | undefined;
      dispatch?.(tr);
    }),
  );
  expect(next.doc.eq(s.doc)).toBe(true);
  expect(got).toBeDefined();
  return got!;
}

describe('moves in negotiation mode', () => {
  it('Alt+Down on an OP with subparagraphs: ghost at the old place, the group at the new one, by EU', () => {
    const s1 = propose(at(create(draft()), 'op2', 3), moveParagraph(1), 'move');
    const ids = fromDoc(s1.doc).operative.map((b) => [b.id, b.proposal?.kind ?? '', b.children.map((c) => c.proposal?.kind ?? '').join()]);
    expect(ids[0]).toEqual(['op1', '', '']);
    expect(ids[1]).toEqual(['op2', 'move-from', 'move-from,move-from']);
    expect(ids[2]).toEqual(['op3', '', '']);
    expect(ids[3]![1]).toBe('move-to');
    // The caret stays in the moved paragraph, at the same place.
    expect(s1.selection.$head.parent.textContent).toBe('Decides to act:');
    expect(s1.selection.$head.parentOffset).toBe(3);
    // The file's list: one move by EU, where it goes.
    expect(listFileProposals(fromDoc(s1.doc)).proposals).toMatchObject([{ delegation: 'EU', type: 'move', text: 'Decides to act:', status: 'open' }]);
  });

  it('accepting keeps the paragraph id from before the move; rejecting and withdrawing give back the text exactly', () => {
    const s0 = at(create(draft()), 'op3');
    const s1 = propose(s0, moveParagraph(-1), 'move');
    const id = moves(s1)[0]!.id;
    const accepted = run(s1, acceptProposal(id));
    expect(accepted.doc.eq(plain(s0, moveParagraph(-1)))).toBe(true);
    expect(run(s1, rejectProposal(id)).doc.eq(s0.doc)).toBe(true);
    expect(run(s1, withdrawProposal(id)).doc.eq(s0.doc)).toBe(true);
  });

  it('moving the moved paragraph again updates its proposal; back home, the proposal is gone', () => {
    const s0 = at(create(draft()), 'op1');
    const s1 = run(s0, moveParagraph(1));
    const s2 = run(s1, moveParagraph(1));
    expect(moves(s2)).toHaveLength(1);
    const p2 = run(run(off(s0), moveParagraph(1)), moveParagraph(1));
    expect(acceptAll(s2).doc.eq(p2.doc)).toBe(true);
    expect(rejectAll(s2).doc.eq(s0.doc)).toBe(true);
    const s3 = run(run(s2, moveParagraph(-1)), moveParagraph(-1));
    expect(moves(s3)).toHaveLength(0);
    expect(s3.doc.eq(s0.doc)).toBe(true);
  });

  it("moving one's own inserted paragraph just moves the insertion", () => {
    let s = at(create(draft()), 'op1', 'Requests the Secretary-General to report;'.length);
    s = run(s, splitParagraph);
    s = type(s, 'Welcomes progress;');
    const before = listProposals(s);
    const s1 = run(s, moveParagraph(1));
    expect(listProposals(s1).map((p) => [p.id, p.kind])).toEqual(before.map((p) => [p.id, p.kind]));
    expect(moves(s1)).toHaveLength(0);
    expect(rejectAllText(s1)).toEqual(rejectAllText(s));
  });

  it("another delegation's inserted paragraph, or a ghost, is refused with a reason; nothing changes", () => {
    let s = at(create(draft()), 'op1', 'Requests the Secretary-General to report;'.length);
    s = run(s, splitParagraph);
    s = type(s, 'Welcomes progress;');
    s = as(s, 'G77');
    expect(refusal(s, moveParagraph(1))).toMatchObject({ key: 'neg.refuse.otherProposal', params: { by: 'EU' } });
    const s1 = run(at(create(draft()), 'op3'), moveParagraph(1));
    let ghost = -1;
    s1.doc.descendants((n, p) => {
      if (paraMove(n)?.kind === 'move-from') ghost = p;
      return ghost < 0;
    });
    expect(ghost).toBeGreaterThan(0);
    const onGhost = s1.apply(s1.tr.setSelection(TextSelection.create(s1.doc, ghost + 2)));
    expect(refusal(onGhost, moveParagraph(1)).key).toBe('neg.refuse.ghost');
  });

  it('without a delegation the move is refused, not applied', () => {
    const s = at(create(draft(), { delegation: '' }), 'op3');
    expect(refusal(s, moveParagraph(-1)).key).toBe('neg.refuse.noDelegation');
  });

  it('the markup shows the old place struck (like a deleted paragraph) and the new place inserted, in EU colour; the clean view hides the old place', () => {
    const s1 = run(at(create(draft()), 'op3'), moveParagraph(-1));
    const classes = (view: 'markup' | 'clean') =>
      buildDecorations(s1.doc, { ...settingsOf(s1), view })
        .find()
        .map((d) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs)
        .filter((a) => a.class?.includes('proposal-move'));
    expect(classes('markup').map((a) => a.class)).toEqual(['proposal-para proposal-para-ins proposal-move-to proposal-shown', 'proposal-para proposal-para-del proposal-move-from proposal-shown']);
    expect(classes('markup')[0]).toMatchObject({ 'data-by': 'EU', style: '--by-color: #1f6fb2' });
    expect(classes('clean').map((a) => a.class)).toEqual(['proposal-para proposal-para-ins proposal-move-to proposal-plain', 'proposal-para proposal-para-del proposal-move-from proposal-hidden']);
  });

  it('the outline drag is a move proposal too', () => {
    propose(create(draft()), moveParagraphTo('op4', 'op1'), 'move');
  });
});

describe('levels and conversion in negotiation mode', () => {
  it('Tab on an OP with subparagraphs: a level proposal; its subparagraphs go with it', () => {
    const s1 = propose(at(create(draft()), 'op2'), indent, 'level');
    expect(listFileProposals(fromDoc(s1.doc)).proposals).toMatchObject([{ delegation: 'EU', type: 'level' }]);
  });

  it('Tab on a plain OP and Shift+Tab back', () => {
    const s1 = propose(at(create(draft()), 'op3'), indent, 'level');
    const s2 = run(s1, outdent);
    expect(moves(s2)).toHaveLength(0);
    expect(s2.doc.eq(at(create(draft()), 'op3').doc)).toBe(true);
  });

  it('Shift+Tab on a middle subparagraph takes the following one along', () => {
    propose(at(create(draft()), 'op2a'), outdent, 'level');
  });

  it('PP → OP and OP → PP conversions', () => {
    propose(at(create(draft()), 'pp1'), convertKind, 'convert');
    propose(at(create(draft()), 'op1'), convertKind, 'convert');
  });

  it('Enter on an empty base subparagraph promotes it as a proposal', () => {
    const d = doc({}, op({ id: 'op1' }, 'Decides:'), op({ id: 'op1a', level: 1 }), op({ id: 'op2' }, 'Ends.'));
    propose(at(create(d), 'op1a'), splitParagraph, 'level');
  });
});

function rejectAllText(s: EditorState): string {
  return JSON.stringify(baseView(fromDoc(s.doc)));
}
