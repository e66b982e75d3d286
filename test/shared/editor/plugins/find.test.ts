// Find and replace: accent- and case-insensitive matching, next/previous, replace, replace all, undo.
import { describe, expect, it } from 'vitest';
import type { EditorState, Transaction } from 'prosemirror-state';
import { undo } from 'prosemirror-history';
import { createEditorState } from '../../../../src/shared/editor/state.js';
import { findKey, findNext, replaceAll, replaceCurrent, selectMatchFrom, setFindQuery } from '../../../../src/shared/editor/plugins/find.js';
import { doc, op, pp } from '../../../helpers/builders.js';

function apply(state: EditorState, cmd: (s: EditorState, d: (tr: Transaction) => void) => boolean): EditorState {
  let next = state;
  cmd(state, (tr) => {
    next = next.apply(tr);
  });
  return next;
}

const sample = () =>
  createEditorState(doc({ language: 'fr' }, pp('Réaffirmant sa résolution 70/1,'), op('Prie le Secrétaire général de faire rapport ;'), op('Réaffirme que le rapport est attendu.')), { autoPunctuate: false });

describe('find and replace', () => {
  it('finds regardless of accents and case unless asked', () => {
    let s = apply(sample(), setFindQuery('reaffirm'));
    expect(findKey.getState(s)!.matches).toHaveLength(2);
    s = apply(s, setFindQuery('reaffirm', true));
    expect(findKey.getState(s)!.matches).toHaveLength(0);
    s = apply(s, setFindQuery('RAPPORT'));
    expect(findKey.getState(s)!.matches).toHaveLength(2);
  });

  it('moves to the next and previous match, wrapping around', () => {
    let s = apply(sample(), setFindQuery('rapport'));
    const [m1, m2] = findKey.getState(s)!.matches;
    s = apply(s, findNext(1));
    expect([s.selection.from, s.selection.to]).toEqual([m1!.from, m1!.to]);
    s = apply(s, findNext(1));
    expect(s.selection.from).toBe(m2!.from);
    s = apply(s, findNext(1));
    expect(s.selection.from).toBe(m1!.from);
    s = apply(s, findNext(-1));
    expect(s.selection.from).toBe(m2!.from);
  });

  it('replaces one, then all, in undoable steps', () => {
    let s = apply(sample(), setFindQuery('rapport'));
    s = apply(s, findNext(1));
    s = apply(s, replaceCurrent('compte rendu'));
    expect(s.doc.child(1).textContent).toBe('Prie le Secrétaire général de faire compte rendu ;');
    expect(findKey.getState(s)!.matches).toHaveLength(1);
    s = apply(s, replaceAll('document'));
    expect(s.doc.child(2).textContent).toBe('Réaffirme que le document est attendu.');
    s = apply(s, undo);
    expect(s.doc.child(2).textContent).toBe('Réaffirme que le rapport est attendu.');
  });
});

describe('find and replace as in Word and VS Code (issue 9)', () => {
  it('the first Replace replaces the match after the cursor and selects the next; the count follows and undo restores', () => {
    let s = apply(sample(), setFindQuery('rapport'));
    expect(findKey.getState(s)!.matches).toHaveLength(2);
    s = apply(s, replaceCurrent('compte rendu'));
    expect(s.doc.textContent).toContain('de faire compte rendu ;');
    expect(findKey.getState(s)!.matches).toHaveLength(1);
    const next = findKey.getState(s)!.matches[0]!;
    expect([s.selection.from, s.selection.to]).toEqual([next.from, next.to]);
    s = apply(s, undo);
    expect(findKey.getState(s)!.matches).toHaveLength(2);
    expect(s.doc.textContent).toContain('de faire rapport ;');
  });

  it('selectMatchFrom selects the first match at or after a position, wrapping around', () => {
    let s = apply(sample(), setFindQuery('réaffirm'));
    const [first, second] = findKey.getState(s)!.matches;
    s = apply(s, selectMatchFrom(first!.to));
    expect([s.selection.from, s.selection.to]).toEqual([second!.from, second!.to]);
    s = apply(s, selectMatchFrom(s.doc.content.size));
    expect([s.selection.from, s.selection.to]).toEqual([first!.from, first!.to]);
  });
});
