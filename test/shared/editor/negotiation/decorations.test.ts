// The views as decorations (markup, clean, one delegation), kept in plugin state, and the
// bracket widgets.
import { describe, expect, it } from 'vitest';
import { type EditorState, TextSelection } from 'prosemirror-state';
import { proposalDecorationsKey, proposalsKey, setNegotiationSettings, toggleBrackets } from '../../../../src/shared/editor/negotiation/index.js';
import { base, run, as, select, type, cut } from '../../../helpers/negotiation-states.js';

describe('views', () => {
  function decorations(state: EditorState): { from: number; to: number; attrs: Record<string, string> }[] {
    const set = proposalDecorationsKey.getState(state)!;
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

  it('decorations are each state\'s own: kept while nothing shown changes, rebuilt when the view or text does', () => {
    const s = sample();
    const markup = proposalDecorationsKey.getState(s)!;
    // A selection change keeps the very same set.
    const moved = s.apply(s.tr.setSelection(TextSelection.create(s.doc, 1)));
    expect(proposalDecorationsKey.getState(moved)).toBe(markup);
    // A settings change rebuilds; the earlier state keeps its markup view.
    const clean = moved.apply(setNegotiationSettings(moved, { view: 'clean' }));
    expect(proposalDecorationsKey.getState(clean)).not.toBe(markup);
    expect(classesOf(clean, 'fully')).toContain('proposal-plain');
    expect(classesOf(s, 'fully')).toContain('proposal-shown');
    // So does an edit.
    const typed = type(select(s, 'op2', 'Decides', 'before'), 'Also ');
    expect(classesOf(typed, 'Also')).toContain('proposal-ins proposal-shown');
    expect(proposalDecorationsKey.getState(s)).toBe(markup);
  });

  it('brackets get "[" and "]" widgets, doubled when nested', () => {
    let s = run(select(base(), 'op1', 'the Secretary-General'), toggleBrackets);
    s = run(select(s, 'op1', 'the'), toggleBrackets);
    const set = proposalDecorationsKey.getState(s)!;
    const widgets = set.find().filter((d) => d.from === d.to);
    // Widgets draw with the document of the view that shows them: a stand-in document here.
    const ownerDocument = { createElement: () => ({ className: '', contentEditable: '', textContent: '', style: { setProperty: () => {} } }) };
    const view = { dom: { ownerDocument } };
    const texts = widgets.map((w) => (w as unknown as { type: { toDOM: (v: unknown) => { textContent: string } } }).type.toDOM(view).textContent);
    expect(texts.sort()).toEqual(['[[', ']', ']'].sort());
  });
});
