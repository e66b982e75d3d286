// Negotiation mode on real editor states: proposals from typing and deleting, accept, reject,
// withdraw, proposals on proposals, paragraph proposals, brackets, statuses, views, undo.
import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection, type Command, type Transaction } from 'prosemirror-state';
import { Slice, Fragment, type Node as PMNode } from 'prosemirror-model';
import { undo, redo } from 'prosemirror-history';
import { joinBackward } from 'prosemirror-commands';
import type { DecorationSet } from 'prosemirror-view';
import { editorPlugins } from '../../../../src/shared/editor/state.js';
import { structureKey } from '../../../../src/shared/editor/plugins/structure.js';
import { moveParagraph, setNegotiationNumbering, splitParagraph } from '../../../../src/shared/editor/commands/index.js';
import {
  acceptAllBy,
  acceptProposal,
  countBrackets,
  deleteParagraph,
  listProposals,
  proposalsKey,
  proposalsPlugin,
  rejectAllBy,
  rejectProposal,
  removeBracket,
  setNegotiationSettings,
  setParagraphStatus,
  statusSummary,
  toggleBrackets,
  withdrawProposal,
  type NegotiationSettings,
} from '../../../../src/shared/editor/negotiation/index.js';
import { schema } from '../../../../src/shared/resolution/schema.js';
import { doc, op, pp } from '../../../helpers/builders.js';

const DELEGATIONS = [
  { name: 'EU', color: '#1f6fb2' },
  { name: 'G77', color: '#b5422d' },
  { name: 'CANZ', color: '#2e7d32' },
];

function create(d: PMNode, settings: Partial<NegotiationSettings> = {}): EditorState {
  let n = 0;
  return EditorState.create({
    doc: d,
    plugins: [
      // As in the editor, the proposals plugin comes first; here with a fixed clock and ids.
      proposalsPlugin({ enabled: true, delegation: 'EU', delegations: DELEGATIONS, ...settings }, { now: () => '2025-03-01T10:00:00.000Z', newId: () => `s${++n}` }),
      ...editorPlugins({ autoPunctuate: false }).filter((p) => p.spec.key !== proposalsKey),
    ],
  });
}

function base(): EditorState {
  return create(
    doc(
      {},
      pp({ id: 'pp1' }, 'Recalling its resolutions,'),
      op({ id: 'op1' }, 'Requests the Secretary-General to report;'),
      op({ id: 'op2' }, 'Decides to remain seized of the matter.'),
    ),
  );
}

function run(state: EditorState, cmd: Command): EditorState {
  let next = state;
  const ok = cmd(state, (tr: Transaction) => {
    next = next.apply(tr);
  });
  expect(ok).toBe(true);
  return next;
}

function as(state: EditorState, delegation: string): EditorState {
  return state.apply(setNegotiationSettings(state, { delegation }));
}

function pos(state: EditorState, id: string, offset = 0): number {
  const p = structureKey.getState(state)!.structure.byId.get(id);
  if (!p) throw new Error(`no paragraph ${id}`);
  return p.pos + 1 + offset;
}

function offsetOf(state: EditorState, id: string, text: string): number {
  const p = structureKey.getState(state)!.structure.byId.get(id)!;
  const k = p.node.textContent.indexOf(text);
  if (k < 0) throw new Error(`"${text}" not in ${id}`);
  return k;
}

/** Places the cursor (or a selection over `text`) in paragraph `id`. */
function select(state: EditorState, id: string, text: string, where: 'before' | 'after' | 'over' = 'over'): EditorState {
  const k = offsetOf(state, id, text);
  const a = pos(state, id, k);
  const b = a + text.length;
  const sel = where === 'before' ? TextSelection.create(state.doc, a) : where === 'after' ? TextSelection.create(state.doc, b) : TextSelection.create(state.doc, a, b);
  return state.apply(state.tr.setSelection(sel));
}

/** Types text at the selection, one transaction per character like the keyboard. */
function type(state: EditorState, text: string): EditorState {
  let s = state;
  for (const ch of text) s = s.apply(s.tr.insertText(ch));
  return s;
}

/** Backspace n times at the cursor (the transaction the browser's Backspace produces). */
function backspace(state: EditorState, n = 1): EditorState {
  let s = state;
  for (let i = 0; i < n; i++) {
    const p = s.selection.from;
    s = s.apply(s.tr.delete(p - 1, p));
  }
  return s;
}

/** Delete (forward) n times at the cursor. */
function del(state: EditorState, n = 1): EditorState {
  let s = state;
  for (let i = 0; i < n; i++) {
    const p = s.selection.from;
    s = s.apply(s.tr.delete(p, p + 1));
  }
  return s;
}

/** Deletes the selection (what Backspace does with a selection). */
function cut(state: EditorState): EditorState {
  return state.apply(state.tr.deleteSelection());
}

/**
 * The document as text with the proposals visible: {+EU:inserted} {-G77:deleted}
 * {+EU-G77:inserted by EU, deletion proposed by G77}, brackets as [ ], and per paragraph its
 * designation and paragraph proposal ((+EU) inserted, (-G77) deleted).
 */
function show(state: EditorState): string[] {
  const out: string[] = [];
  const s = structureKey.getState(state)!.structure;
  let active: string[] = [];
  for (const p of s.paras) {
    const prop = p.node.attrs.proposal as { kind: string; by: string } | null;
    let line = `${p.designation || p.section}${prop ? ` (${prop.kind === 'ins' ? '+' : '-'}${prop.by})` : ''}: `;
    p.node.forEach((n) => {
      const ids = n.marks.filter((m) => m.type === schema.marks.bracket).map((m) => m.attrs.id as string);
      line += ']'.repeat(active.filter((x) => !ids.includes(x)).length) + '['.repeat(ids.filter((x) => !active.includes(x)).length);
      active = ids;
      const ins = n.marks.find((m) => m.type === schema.marks.insertion);
      const d = n.marks.find((m) => m.type === schema.marks.deletion);
      const text = n.text ?? '';
      if (ins && d) line += `{+${ins.attrs.by as string}-${d.attrs.by as string}:${text}}`;
      else if (ins) line += `{+${ins.attrs.by as string}:${text}}`;
      else if (d) line += `{-${d.attrs.by as string}:${text}}`;
      else line += text;
    });
    line += ']'.repeat(active.length);
    active = [];
    out.push(line);
  }
  return out;
}

/** Undoes until there is nothing left, checking the document comes back exactly. */
function expectUndoToRestore(state: EditorState, original: EditorState): void {
  let s = state;
  for (let i = 0; i < 50 && !s.doc.eq(original.doc); i++) {
    const before = s;
    undo(s, (tr) => (s = s.apply(tr)));
    if (before === s) break;
  }
  expect(s.doc.eq(original.doc)).toBe(true);
}

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

describe('accept, reject, withdraw', () => {
  function negotiated(): EditorState {
    let s = base();
    s = type(select(s, 'op1', 'report', 'before'), 'fully ');
    s = cut(select(as(s, 'G77'), 'op1', 'the '));
    s = type(select(as(s, 'CANZ'), 'op2', 'seized', 'before'), 'actively ');
    s = cut(select(as(s, 'EU'), 'op2', 'remain '));
    return s;
  }

  it('accepts and rejects one by one, each an undo step', () => {
    const s0 = negotiated();
    expect(show(s0).slice(1)).toEqual([
      'OP1: Requests {-G77:the }Secretary-General to {+EU:fully }report;',
      'OP2: Decides to {-EU:remain }{+CANZ:actively }seized of the matter.',
    ]);
    const list = listProposals(s0);
    expect(list.map((p) => `${p.by} ${p.kind}`)).toEqual(['G77 del', 'EU ins', 'EU del', 'CANZ ins']);
    const [delG77, ins, delEu, insCanz] = list.map((p) => p.id) as [string, string, string, string];
    let s = run(s0, acceptProposal(ins));
    s = run(s, acceptProposal(delG77));
    s = run(s, rejectProposal(insCanz));
    s = run(s, rejectProposal(delEu));
    expect(show(s).slice(1)).toEqual(['OP1: Requests Secretary-General to fully report;', 'OP2: Decides to remain seized of the matter.']);
    expect(listProposals(s)).toHaveLength(0);
    // Each command is one undo step.
    s = run(s, undo);
    expect(show(s)[2]).toBe('OP2: Decides to {-EU:remain }seized of the matter.');
    s = run(s, undo);
    s = run(s, undo);
    s = run(s, undo);
    expect(s.doc.eq(s0.doc)).toBe(true);
    s = run(s, redo);
    expect(show(s)[1]).toBe('OP1: Requests {-G77:the }Secretary-General to fully report;');
  });

  it('a command without dispatch only tells whether it applies', () => {
    const s0 = negotiated();
    expect(acceptProposal(listProposals(s0)[0]!.id)(s0)).toBe(true);
    expect(acceptProposal('nope')(s0)).toBe(false);
  });

  it('withdraw is a rejection by the proposer only', () => {
    const s0 = negotiated();
    const canz = listProposals(s0).find((p) => p.by === 'CANZ')!.id;
    expect(withdrawProposal(canz)(as(s0, 'EU'))).toBe(false);
    const s = run(as(s0, 'CANZ'), withdrawProposal(canz));
    expect(show(s)[2]).toBe('OP2: Decides to {-EU:remain }seized of the matter.');
  });

  it('accepts or rejects everything of one delegation at once', () => {
    const s0 = negotiated();
    const a = run(s0, acceptAllBy('EU'));
    expect(show(a).slice(1)).toEqual(['OP1: Requests {-G77:the }Secretary-General to fully report;', 'OP2: Decides to {+CANZ:actively }seized of the matter.']);
    const r = run(s0, rejectAllBy('EU'));
    expect(show(r).slice(1)).toEqual(['OP1: Requests {-G77:the }Secretary-General to report;', 'OP2: Decides to remain {+CANZ:actively }seized of the matter.']);
    expect(rejectAllBy('Mexico')(s0)).toBe(false);
    expect(run(a, undo).doc.eq(s0.doc)).toBe(true);
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

  it('moving a paragraph is not a proposal', () => {
    const s0 = base();
    const s = run(select(s0, 'op2', 'Decides', 'before'), moveParagraph(-1));
    expect(show(s)[1]).toBe('OP1: Decides to remain seized of the matter.');
    expect(listProposals(s)).toHaveLength(0);
  });
});

describe('brackets', () => {
  it('brackets nest, are counted and removed', () => {
    const s0 = base();
    let s = run(select(s0, 'op1', 'the Secretary-General to report'), toggleBrackets);
    s = run(select(s, 'op1', 'Secretary-General'), toggleBrackets);
    expect(show(s)[1]).toBe('OP1: Requests [the [Secretary-General] to report];');
    expect(countBrackets(s.doc)).toBe(2);
    // Empty selection inside: the innermost bracket goes.
    s = run(select(s, 'op1', 'General', 'before'), toggleBrackets);
    expect(show(s)[1]).toBe('OP1: Requests [the Secretary-General to report];');
    expect(countBrackets(s.doc)).toBe(1);
    // Selecting exactly a bracket toggles it off.
    s = run(select(s, 'op1', 'the Secretary-General to report'), toggleBrackets);
    expect(countBrackets(s.doc)).toBe(0);
    s = run(s, undo);
    expect(countBrackets(s.doc)).toBe(1);
    s = run(s, undo);
    expect(countBrackets(s.doc)).toBe(2);
    s = run(s, undo);
    s = run(s, undo);
    expect(countBrackets(s.doc)).toBe(0);
    expect(s.doc.eq(s0.doc)).toBe(true);
  });

  it('removeBracket removes one bracket by id; text typed inside a bracket stays in it', () => {
    let s = run(select(base(), 'op2', 'remain seized'), toggleBrackets);
    s = type(select(s, 'op2', 'seized', 'before'), 'actively ');
    expect(show(s)[2]).toBe('OP2: Decides to [remain {+EU:actively }seized] of the matter.');
    let id = '';
    s.doc.descendants((n) => {
      const m = n.marks.find((x) => x.type === schema.marks.bracket);
      if (m) id = m.attrs.id as string;
    });
    s = run(s, removeBracket(id));
    expect(countBrackets(s.doc)).toBe(0);
    expect(toggleBrackets(select(s, 'op2', 'remain', 'before'))).toBe(false);
  });
});

describe('paragraph status', () => {
  it('sets statuses with a holder and summarizes them', () => {
    const s0 = base();
    let s = run(s0, setParagraphStatus('pp1', 'agreed'));
    s = run(s, setParagraphStatus('op1', 'pending', 'EU'));
    s = run(s, setParagraphStatus('op2', 'adref'));
    expect(statusSummary(s)).toEqual({ total: 3, agreed: 1, adref: 1, pending: 1, deleted: 0, open: 0 });
    const op1 = structureKey.getState(s)!.structure.byId.get('op1')!.node;
    expect([op1.attrs.status, op1.attrs.holder]).toEqual(['pending', 'EU']);
    s = run(s, setParagraphStatus('op1', 'agreed'));
    expect(structureKey.getState(s)!.structure.byId.get('op1')!.node.attrs.holder).toBe('');
    expect(statusSummary(s)).toMatchObject({ agreed: 2, pending: 0 });
    expect(listProposals(s)).toHaveLength(0);
    s = run(s, undo);
    expect(statusSummary(s)).toMatchObject({ agreed: 1, pending: 1 });
    expectUndoToRestore(s, s0);
    expect(setParagraphStatus('nope', 'agreed')(s0)).toBe(false);
  });
});

describe('views', () => {
  function decorations(state: EditorState): { from: number; to: number; attrs: Record<string, string> }[] {
    const plugin = state.plugins.find((p) => p.spec.key === proposalsKey)!;
    const set = plugin.props.decorations!.call(plugin, state) as DecorationSet;
    return set.find().map((d) => ({ from: d.from, to: d.to, attrs: ((d as unknown as { type: { attrs?: Record<string, string> } }).type.attrs ?? {}) }));
  }
  function classesOf(state: EditorState, text: string): string {
    let at = -1;
    state.doc.descendants((n, p) => {
      if (at < 0 && n.isText && n.text!.includes(text)) at = p + n.text!.indexOf(text);
    });
    return decorations(state)
      .filter((d) => d.from <= at && d.to > at && d.attrs.class)
      .map((d) => d.attrs.class)
      .join(' ');
  }

  function sample(): EditorState {
    let s = base();
    s = type(select(s, 'op1', 'report', 'before'), 'fully ');
    s = cut(select(as(s, 'G77'), 'op1', 'the '));
    return s;
  }

  it('markup shows both, coloured by delegation', () => {
    const s = sample();
    expect(classesOf(s, 'fully')).toContain('proposal-ins proposal-shown');
    expect(classesOf(s, 'the ')).toContain('proposal-del proposal-shown');
    const style = decorations(s).find((d) => d.attrs.class?.includes('proposal-ins'))!.attrs.style;
    expect(style).toBe('--by-color: #1f6fb2');
  });

  it('clean hides deletions and shows insertions plain; only shows one delegation', () => {
    let s = sample();
    s = s.apply(setNegotiationSettings(s, { view: 'clean' }));
    expect(classesOf(s, 'fully')).toContain('proposal-plain');
    expect(classesOf(s, 'the ')).toContain('proposal-hidden');
    s = s.apply(setNegotiationSettings(s, { view: 'only', only: 'G77' }));
    expect(classesOf(s, 'fully')).toContain('proposal-hidden');
    expect(classesOf(s, 'the ')).toContain('proposal-shown');
    // Settings changes are not undo steps.
    expect(proposalsKey.getState(s)!.view).toBe('only');
  });

  it('brackets get "[" and "]" widgets, doubled when nested', () => {
    let s = run(select(base(), 'op1', 'the Secretary-General'), toggleBrackets);
    s = run(select(s, 'op1', 'the'), toggleBrackets);
    const plugin = s.plugins.find((p) => p.spec.key === proposalsKey)!;
    const set = plugin.props.decorations!.call(plugin, s) as DecorationSet;
    const widgets = set.find().filter((d) => d.from === d.to);
    // Widgets draw with the document of the view that shows them: a stand-in document here.
    const ownerDocument = { createElement: () => ({ className: '', contentEditable: '', textContent: '', style: { setProperty: () => {} } }) };
    const view = { dom: { ownerDocument } };
    const texts = widgets.map((w) => (w as unknown as { type: { toDOM: (v: unknown) => { textContent: string } } }).type.toDOM(view).textContent);
    expect(texts.sort()).toEqual(['[[', ']', ']'].sort());
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
