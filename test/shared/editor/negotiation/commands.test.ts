// Accepting, rejecting and withdrawing proposals (one, or all of a delegation), proposals on
// proposals, and undo of each.
import { describe, expect, it } from 'vitest';
import { type EditorState } from 'prosemirror-state';
import { undo, redo } from 'prosemirror-history';
import { acceptAllBy, acceptProposal, listProposals, rejectAllBy, rejectProposal, withdrawProposal } from '../../../../src/shared/editor/negotiation/index.js';
import { base, run, as, select, type, cut, show } from '../../../helpers/negotiation-states.js';

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
