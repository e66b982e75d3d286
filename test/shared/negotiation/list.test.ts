// `plenary proposals --json`: the list of a draft's proposals and notes, in exactly the shape.
import { describe, expect, it } from 'vitest';
import { listProposals } from '../../../src/shared/negotiation/list.js';
import { negotiatedDraft } from '../../helpers/negotiated.js';

describe('proposal list', () => {
  it('lists open proposals with delegation, type, paragraph designation, text, status and parent', () => {
    const notes = [{ id: 'n1', paragraph: 'op3', author: 'Facilitator', at: '2026-03-04T09:00:00Z', text: 'See OP5', resolved: true }];
    const decisions = [{ id: 'old1', delegation: 'CANZ', type: 'delete' as const, paragraph: 'op1', text: 'urgently ', status: 'withdrawn' as const, at: '2026-03-01T00:00:00Z' }];
    const list = listProposals(negotiatedDraft(), notes, decisions);
    expect(Object.keys(list)).toEqual(['proposals', 'notes']);
    for (const p of list.proposals) expect(Object.keys(p)).toEqual(['id', 'delegation', 'type', 'paragraph', 'text', 'status', 'parent']);
    const byId = new Map(list.proposals.map((p) => [p.id, p]));
    expect(byId.get('c3')).toEqual({ id: 'c3', delegation: 'CANZ', type: 'insert', paragraph: 'OP3', text: 'new ', status: 'open', parent: 'eu3' });
    expect(byId.get('g1')).toMatchObject({ type: 'delete', paragraph: 'PP2', text: 'the persistent  … and relevant stakeholders ' });
    expect(byId.get('c2')).toMatchObject({ type: 'insert-paragraph', paragraph: 'PP3', text: 'Welcoming the report of the Secretary-General,' });
    expect(byId.get('g2')).toMatchObject({ type: 'delete-paragraph', paragraph: 'OP2' });
    expect(byId.get('g3')).toMatchObject({ type: 'insert-paragraph', paragraph: 'OP3 (b)' });
    // Named where it goes, numbered as if the move were accepted (its ghost is not counted: it was OP6).
    expect(byId.get('eu4')).toMatchObject({ type: 'move', paragraph: 'OP5', delegation: 'EU' });
    expect(byId.get('old1')).toMatchObject({ status: 'withdrawn', paragraph: 'OP1', parent: null });
    expect(list.notes).toEqual([{ paragraph: 'OP3', author: 'Facilitator', text: 'See OP5', resolved: true }]);
  });

  it('names conversions and level changes by their type', () => {
    const d = negotiatedDraft();
    d.operative[3]!.proposal = { ...d.operative[3]!.proposal!, as: 'level' };
    d.operative[5]!.proposal = { ...d.operative[5]!.proposal!, as: 'level' };
    expect(listProposals(d).proposals.find((p) => p.id === 'eu4')!.type).toBe('level');
  });
});
