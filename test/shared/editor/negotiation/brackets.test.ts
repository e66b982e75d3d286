// Brackets: putting text in brackets, nesting, removing, counting.
import { describe, expect, it } from 'vitest';
import { undo } from 'prosemirror-history';
import { countBrackets, removeBracket, toggleBrackets } from '../../../../src/shared/editor/negotiation/index.js';
import { schema } from '../../../../src/shared/resolution/schema.js';
import { base, run, select, type, show } from '../../../helpers/negotiation-states.js';

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
