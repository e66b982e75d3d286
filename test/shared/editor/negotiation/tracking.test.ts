// Tracking on real editor states: typing, deleting, paragraph proposals and edits across
// paragraphs become proposals of the current delegation, and one undo restores the document.
import { describe, expect, it } from 'vitest';
import { TextSelection } from 'prosemirror-state';
import { Slice, Fragment } from 'prosemirror-model';
import { joinBackward } from 'prosemirror-commands';
import { structureKey } from '../../../../src/shared/editor/plugins/structure.js';
import { moveParagraph, setNegotiationNumbering, splitParagraph } from '../../../../src/shared/editor/commands/index.js';
import { acceptProposal, deleteParagraph, listProposals, rejectProposal, setNegotiationSettings } from '../../../../src/shared/editor/negotiation/index.js';
import { schema } from '../../../../src/shared/resolution/schema.js';
import { doc, op } from '../../../helpers/builders.js';
import { create, base, run, as, pos, offsetOf, select, type, backspace, del, cut, show, expectUndoToRestore } from '../../../helpers/negotiation-states.js';

describe('typing in negotiation mode', () => {
  it('records typed text as one insertion by the current delegation, continuing while adjacent', () => {
    const s0 = base();
    let s = type(select(s0, 'op1', 'Secretary-General', 'before'), 'Executive ');
    expect(show(s)[1]).toBe('OP1: Requests the {+EU:Executive }Secretary-General to report;');
    const props = listProposals(s);
    expect(props).toHaveLength(1);
    expect(props[0]).toMatchObject({ by: 'EU', at: '2025-03-01T10:00:00.000Z', kind: 'ins', text: 'Executive ', paragraphId: 'op1', designation: 'OP1' });
    // The cursor follows the typing.
    expect(s.selection.from).toBe(pos(s, 'op1', offsetOf(s, 'op1', 'Secretary-General')));
    // Another delegation typing right after starts its own proposal.
    s = type(as(s, 'G77'), 'and');
    expect(show(s)[1]).toBe('OP1: Requests the {+EU:Executive }{+G77:and}Secretary-General to report;');
    expect(listProposals(s).map((p) => `${p.by}:${p.text}`)).toEqual(['EU:Executive ', 'G77:and']);
    expectUndoToRestore(s, s0);
  });

  it('does nothing special when the mode is off', () => {
    const s0 = base();
    const off = s0.apply(setNegotiationSettings(s0, { enabled: false }));
    const s = type(select(off, 'op1', 'report', 'before'), 'x');
    expect(show(s)[1]).toBe('OP1: Requests the Secretary-General to xreport;');
    expect(listProposals(s)).toHaveLength(0);
  });

  it('refuses edits when no delegation is set', () => {
    const s0 = create(doc({}, op({ id: 'a' }, 'Decides.')), { delegation: '' });
    const s = type(select(s0, 'a', 'Decides', 'after'), 'x');
    expect(s.doc.eq(s0.doc)).toBe(true);
  });

  it('typing over a selection proposes deleting the old and inserting the new', () => {
    const s0 = base();
    let s = select(s0, 'op1', 'report');
    s = type(s, 'inform');
    expect(show(s)[1]).toBe('OP1: Requests the Secretary-General to {-EU:report}{+EU:inform};');
    expect(listProposals(s).map((p) => p.kind)).toEqual(['del', 'ins']);
    expectUndoToRestore(s, s0);
  });

  it('pasted text is an insertion, earlier proposal marks dropped', () => {
    const s0 = base();
    const s1 = select(s0, 'op2', 'seized', 'before');
    const pasted = new Slice(Fragment.from(schema.text('actively ', [schema.marks.deletion.create({ id: 'old', by: 'CANZ', at: '', parent: '' })])), 0, 0);
    const s = s1.apply(s1.tr.replaceSelection(pasted).setMeta('uiEvent', 'paste'));
    expect(show(s)[2]).toBe('OP2: Decides to remain {+EU:actively }seized of the matter.');
  });
});

describe('deleting in negotiation mode', () => {
  it("deleting others' text marks it deleted instead of removing it", () => {
    const s0 = base();
    const s = cut(select(s0, 'op1', ' to report'));
    expect(show(s)[1]).toBe('OP1: Requests the Secretary-General{-EU: to report};');
    expect(listProposals(s)).toMatchObject([{ kind: 'del', by: 'EU', text: ' to report' }]);
    expectUndoToRestore(s, s0);
  });

  it('Backspace moves left over the text it marks, and several Backspaces make one proposal', () => {
    const s0 = base();
    let s = backspace(select(s0, 'op1', 'report', 'after'), 3);
    expect(show(s)[1]).toBe('OP1: Requests the Secretary-General to rep{-EU:ort};');
    expect(s.selection.from).toBe(pos(s, 'op1', offsetOf(s, 'op1', 'ort')));
    expect(listProposals(s)).toHaveLength(1);
    // Delete (forward) continues to the right, skipping what is already deleted.
    s = del(select(s, 'op1', ' to', 'after'), 2);
    expect(show(s)[1]).toBe('OP1: Requests the Secretary-General to{-EU: r}ep{-EU:ort};');
    expectUndoToRestore(s, s0);
  });

  it('Backspace over text already proposed for deletion skips it and deletes the next character', () => {
    const s0 = base();
    let s = cut(select(s0, 'op1', 'report'));
    s = as(s, 'G77');
    // Cursor after the deleted word: Backspace deletes the space before it.
    s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, pos(s, 'op1', offsetOf(s, 'op1', ';')))));
    s = backspace(s, 1);
    expect(show(s)[1]).toBe('OP1: Requests the Secretary-General to{-G77: }{-EU:report};');
    expect(s.selection.from).toBe(pos(s, 'op1', offsetOf(s, 'op1', ' report')));
  });

  it('deleting your own insertion really removes it', () => {
    const s0 = base();
    let s = type(select(s0, 'op1', 'report', 'before'), 'fully ');
    s = backspace(s, 3);
    expect(show(s)[1]).toBe('OP1: Requests the Secretary-General to {+EU:ful}report;');
    s = cut(select(s, 'op1', 'ful'));
    expect(show(s)[1]).toBe('OP1: Requests the Secretary-General to report;');
    expect(listProposals(s)).toHaveLength(0);
    expectUndoToRestore(s, s0);
  });

  it("deleting part of another delegation's insertion is a proposal on that proposal", () => {
    const s0 = base();
    let s = type(select(s0, 'op1', 'report', 'before'), 'urgently and fully ');
    const eu = listProposals(s)[0]!.id;
    s = cut(select(as(s, 'G77'), 'op1', 'urgently and '));
    expect(show(s)[1]).toBe('OP1: Requests the Secretary-General to {+EU-G77:urgently and }{+EU:fully }report;');
    const list = listProposals(s);
    expect(list.map((p) => [p.by, p.kind, p.parent ?? ''])).toEqual([
      ['EU', 'ins', ''],
      ['G77', 'del', eu],
    ]);
    // Rejecting the EU insertion drops the G77 deletion proposed on it.
    const rejected = run(s, rejectProposal(eu));
    expect(show(rejected)[1]).toBe('OP1: Requests the Secretary-General to report;');
    expect(listProposals(rejected)).toHaveLength(0);
    // Accepting it keeps the G77 deletion, now on agreed text.
    const accepted = run(s, acceptProposal(eu));
    expect(show(accepted)[1]).toBe('OP1: Requests the Secretary-General to {-G77:urgently and }fully report;');
    expect(listProposals(accepted)[0]!.parent).toBeUndefined();
    expectUndoToRestore(run(accepted, acceptProposal(listProposals(accepted)[0]!.id)), s0);
  });

  it("typing inside another delegation's insertion nests the new insertion under it", () => {
    const s0 = base();
    let s = type(select(s0, 'op1', 'report', 'before'), 'fully report and ');
    const eu = listProposals(s)[0]!.id;
    s = type(select(as(s, 'G77'), 'op1', 'report and', 'before'), 'annually ');
    expect(show(s)[1]).toBe('OP1: Requests the Secretary-General to {+EU:fully }{+G77:annually }{+EU:report and }report;');
    expect(listProposals(s).map((p) => [p.by, p.text, p.parent ?? ''])).toEqual([
      ['EU', 'fully  … report and ', ''],
      ['G77', 'annually ', eu],
    ]);
    // Rejecting the EU proposal takes the G77 text inside it too.
    expect(show(run(s, rejectProposal(eu)))[1]).toBe('OP1: Requests the Secretary-General to report;');
  });
});

describe('paragraph proposals', () => {
  it('Enter creates an inserted paragraph whose text shares its proposal', () => {
    const s0 = create(
      doc({}, op({ id: 'op1', base: 1 }, 'Requests the Secretary-General to report;'), op({ id: 'op2', base: 2 }, 'Decides to remain seized of the matter.')),
    );
    let s = select(s0, 'op1', ';', 'after');
    s = run(s, splitParagraph);
    s = type(s, 'Encourages States;');
    expect(show(s)).toEqual(['OP1: Requests the Secretary-General to report;', 'OP1bis (+EU): {+EU:Encourages States;}', 'OP2: Decides to remain seized of the matter.']);
    const list = listProposals(s);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ kind: 'para-ins', by: 'EU', text: 'Encourages States;', designation: 'OP1bis' });
    // Accept: the paragraph stays, plain.
    const accepted = run(s, acceptProposal(list[0]!.id));
    expect(show(accepted)[1]).toBe('OP1bis: Encourages States;');
    // Reject: the paragraph goes.
    const rejected = run(s, rejectProposal(list[0]!.id));
    expect(rejected.doc.eq(s0.doc)).toBe(true);
    expectUndoToRestore(s, s0);
  });

  it('a paragraph split from an existing one is joined back on rejection', () => {
    const s0 = base();
    let s = run(select(s0, 'op1', ' to report', 'before'), splitParagraph);
    expect(show(s).slice(1, 3)).toEqual(['OP1: Requests the Secretary-General', 'OP2 (+EU):  to report;']);
    const id = listProposals(s)[0]!.id;
    s = run(s, rejectProposal(id));
    expect(show(s)[1]).toBe('OP1: Requests the Secretary-General to report;');
  });

  it('deleting whole paragraphs marks them deleted; accepting removes them, rejecting keeps them', () => {
    const s0 = base();
    // Select from the end of PP1 to the end of OP1: OP1 is removed whole.
    const a = pos(s0, 'pp1', s0.doc.child(0).content.size);
    const b = pos(s0, 'op1', s0.doc.child(1).content.size);
    let s = s0.apply(s0.tr.setSelection(TextSelection.create(s0.doc, a, b)));
    s = cut(s);
    expect(show(s)).toEqual([
      'PP1: Recalling its resolutions,',
      'OP1 (-EU): {-EU:Requests the Secretary-General to report;}',
      'OP2: Decides to remain seized of the matter.',
    ]);
    const list = listProposals(s);
    expect(list).toMatchObject([{ kind: 'para-del', by: 'EU', text: 'Requests the Secretary-General to report;', paragraphId: 'op1' }]);
    const accepted = run(s, acceptProposal(list[0]!.id));
    expect(show(accepted)).toEqual(['PP1: Recalling its resolutions,', 'OP1: Decides to remain seized of the matter.']);
    const rejected = run(s, rejectProposal(list[0]!.id));
    expect(rejected.doc.eq(s0.doc)).toBe(true);
    expectUndoToRestore(s, s0);
  });

  it('deleteParagraph proposes the deletion; in negotiation numbering acceptance keeps the place as deleted', () => {
    let s0 = base();
    s0 = run(s0, setNegotiationNumbering(true));
    let s = run(s0, deleteParagraph('op1'));
    expect(show(s)[1]).toBe('OP1 (-EU): {-EU:Requests the Secretary-General to report;}');
    s = run(s, acceptProposal(listProposals(s)[0]!.id));
    const p = structureKey.getState(s)!.structure.byId.get('op1')!;
    expect(p.node.attrs.status).toBe('deleted');
    expect(p.node.attrs.proposal).toBeNull();
    expect(structureKey.getState(s)!.structure.byId.get('op2')!.designation).toBe('OP2');
  });

  it("deleting your own inserted paragraph removes it; others' Backspace at its start changes nothing", () => {
    const s0 = base();
    let s = run(select(s0, 'op2', '.', 'after'), splitParagraph);
    s = type(s, 'Welcomes.');
    const newId = structureKey.getState(s)!.structure.paras[3]!.id;
    // G77's Backspace at the start of the EU paragraph: the paragraph break is not G77's to remove.
    let g = as(s, 'G77');
    g = g.apply(g.tr.setSelection(TextSelection.create(g.doc, pos(g, newId))));
    const before = g.doc;
    g = run(g, joinBackward);
    expect(g.doc.eq(before)).toBe(true);
    expect(g.selection.from).toBe(pos(g, 'op2', g.doc.child(2).content.size));
    // The EU deletes its own paragraph: it is gone.
    s = run(s, deleteParagraph(newId));
    expect(s.doc.eq(s0.doc)).toBe(true);
  });

  it('moving a paragraph is a move proposal by the delegation (issue 12), no text proposal', () => {
    const s0 = base();
    const s = run(select(s0, 'op2', 'Decides', 'before'), moveParagraph(-1));
    expect(show(s).slice(1)).toEqual(['OP1 (→EU): Decides to remain seized of the matter.', 'OP2: Requests the Secretary-General to report;', 'OP2 (←EU): Decides to remain seized of the matter.']);
    // The ghost shows its number in the base text (struck with it); Requests is OP2 once the move is accepted.
    expect(listProposals(s)).toMatchObject([{ kind: 'para-move', as: 'move', by: 'EU', text: 'Decides to remain seized of the matter.' }]);
  });
});

describe('edits across paragraphs', () => {
  it('a deletion from the middle of one paragraph to the middle of another keeps the paragraphs', () => {
    const s0 = create(
      doc(
        {},
        op({ id: 'a' }, 'Requests the Secretary-General to report;'),
        op({ id: 'b' }, 'Encourages donors to contribute;'),
        op({ id: 'c' }, 'Decides to remain seized of the matter.'),
      ),
    );
    const from = pos(s0, 'a', offsetOf(s0, 'a', ' to report'));
    const to = pos(s0, 'c', offsetOf(s0, 'c', ' to remain'));
    let s = s0.apply(s0.tr.setSelection(TextSelection.create(s0.doc, from, to)));
    s = cut(s);
    expect(show(s)).toEqual([
      'OP1: Requests the Secretary-General{-EU: to report;}',
      'OP2 (-EU): {-EU:Encourages donors to contribute;}',
      'OP3: {-EU:Decides} to remain seized of the matter.',
    ]);
    // The text deletions and the paragraph deletion are one proposal each way of accepting.
    const ids = [...new Set(listProposals(s).map((p) => p.id))];
    let accepted = s;
    for (const id of ids) accepted = run(accepted, acceptProposal(id));
    expect(show(accepted)).toEqual(['OP1: Requests the Secretary-General', 'OP2:  to remain seized of the matter.']);
    expectUndoToRestore(s, s0);
  });

  it('pasting several paragraphs into a paragraph inserts new paragraphs, each its own proposal', () => {
    const s0 = base();
    const s1 = select(s0, 'op2', ' to remain', 'before');
    const slice = new Slice(Fragment.from([schema.nodes.op.create(null, schema.text(' and to act')), schema.nodes.op.create(null, schema.text('Requests a report'))]), 1, 1);
    let s = s1.apply(s1.tr.replaceSelection(slice).setMeta('uiEvent', 'paste'));
    expect(show(s).slice(2)).toEqual(['OP2: Decides{+EU: and to act}', 'OP3 (+EU): {+EU:Requests a report} to remain seized of the matter.']);
    const list = listProposals(s);
    expect(list.map((p) => p.kind)).toEqual(['ins', 'para-ins']);
    // Rejecting the new paragraph joins the text it took back to its paragraph.
    s = run(s, rejectProposal(list[1]!.id));
    expect(show(s)[2]).toBe('OP2: Decides{+EU: and to act} to remain seized of the matter.');
    expectUndoToRestore(s, s0);
  });

  it('Enter in the middle of your own insertion and typing go on as proposals', () => {
    const s0 = base();
    let s = type(select(s0, 'op2', '.', 'before'), ', and to act');
    s = run(select(s, 'op2', ', and', 'after'), splitParagraph);
    s = type(s, 'Urges');
    expect(show(s).slice(2)).toEqual(['OP2: Decides to remain seized of the matter{+EU:, and}', 'OP3 (+EU): {+EU:Urges}{+EU: to act}.']);
    expectUndoToRestore(s, s0);
  });
});
