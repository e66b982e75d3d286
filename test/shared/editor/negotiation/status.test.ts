// Paragraph statuses and the summary.
import { describe, expect, it } from 'vitest';
import { undo } from 'prosemirror-history';
import { structureKey } from '../../../../src/shared/editor/plugins/structure.js';
import { listProposals, setParagraphStatus, statusSummary } from '../../../../src/shared/editor/negotiation/index.js';
import { base, run, expectUndoToRestore } from '../../../helpers/negotiation-states.js';

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
