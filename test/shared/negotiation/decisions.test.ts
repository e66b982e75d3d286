// Decisions are written for exactly the proposals an action took out of the document.
import { describe, expect, it } from 'vitest';
import { decisionsBetween, withDecisions } from '../../../src/shared/negotiation/decisions.js';
import { acceptedView } from '../../../src/shared/negotiation/views.js';
import { negotiatedDraft } from '../../helpers/negotiated.js';

describe('decisions', () => {
  it('nothing decided when nothing left; every open proposal when all are accepted', () => {
    const d = negotiatedDraft();
    expect(decisionsBetween(d, d, 'accepted', 'T')).toEqual([]);
    const all = decisionsBetween(d, acceptedView(d), 'accepted', 'T');
    expect(all.map((x) => x.id).sort()).toEqual(['c1', 'c2', 'c3', 'eu1', 'eu2', 'eu3', 'eu4', 'g1', 'g2', 'g3'].sort());
    expect(all.find((x) => x.id === 'c3')).toMatchObject({ delegation: 'CANZ', type: 'insert', paragraph: 'op3', text: 'new ', parent: 'eu3', status: 'accepted', at: 'T' });
    expect(all.find((x) => x.id === 'g2')).toMatchObject({ type: 'delete-paragraph', paragraph: 'op2' });
    expect(all.find((x) => x.id === 'eu4')).toMatchObject({ type: 'move' });
  });

  it('a later decision on the same proposal replaces the earlier one', () => {
    const a = { id: 'p', delegation: 'EU', type: 'insert' as const, paragraph: 'op1', text: 'x', status: 'accepted' as const, at: '1' };
    expect(withDecisions([a], [{ ...a, status: 'rejected', at: '2' }])).toEqual([{ ...a, status: 'rejected', at: '2' }]);
  });
});
