// Undoing a Word merge takes out its notes with its proposals; redo brings both back; other edits
// and undo steps leave the notes alone.
import { describe, expect, it } from 'vitest';
import type { EditorState, Transaction } from 'prosemirror-state';
import { closeHistory, undo, redo } from 'prosemirror-history';
import { createEditorState } from '../../../src/shared/editor/state.js';
import { replaceDocument } from '../../../src/shared/editor/commands/replace-document.js';
import { fromDoc } from '../../../src/shared/resolution/convert.js';
import { mergeNotesWatcher } from '../../../src/renderer/state/merge-undo.js';
import type { ParagraphNote } from '../../../src/shared/negotiation/notes.js';
import { doc, op, pp } from '../../helpers/builders.js';

describe('a merge’s notes follow undo and redo', () => {
  it('undo removes exactly the merged notes, redo adds them back; typing and its undo do not touch them', () => {
    let s: EditorState = createEditorState(doc({}, pp({ id: 'p1' }, 'Recalling,'), op({ id: 'o1' }, 'Decides;')), {});
    let notes: ParagraphNote[] = [{ id: 'own', paragraph: 'o1', author: 'Facilitator', at: '2026-01-01T00:00:00.000Z', text: 'mine', resolved: false }];
    const merged: ParagraphNote[] = [
      { id: 'm1', paragraph: 'o1', author: 'Mexico', at: '2026-01-02T00:00:00.000Z', text: 'Funding?', resolved: false },
      { id: 'm2', paragraph: 'p1', author: 'EU', at: '2026-01-02T00:00:00.000Z', text: 'Check', resolved: false },
    ];
    const theirs = fromDoc(s.doc);
    theirs.operative[0]!.content = [{ t: 'text', text: 'Decides;' }, { t: 'text', text: ' and acts', ins: { id: 'x', by: 'Mexico', at: '2026-01-02T00:00:00.000Z' } }];
    const listeners: ((st: EditorState, tr: Transaction) => void)[] = [];
    const dispatch = (tr: Transaction) => {
      s = s.apply(tr);
      for (const l of listeners) l(s, tr);
    };
    const before = s.doc;
    dispatch(replaceDocument(s, theirs));
    notes = [...notes, ...merged];
    listeners.push(mergeNotesWatcher(before, s.doc, merged, { add: (n) => (notes = [...notes, ...n]), remove: (id) => (notes = notes.filter((n) => n.id !== id)) }));
    const ids = () => notes.map((n) => n.id);

    // Typing after the merge, then undoing it: the merge is still there, so are its notes.
    dispatch(closeHistory(s.tr.insertText('!', 1)));
    expect(undo(s, dispatch)).toBe(true);
    expect(ids()).toEqual(['own', 'm1', 'm2']);
    // Undoing the merge: its proposals and its notes go; the draft's own note stays.
    expect(undo(s, dispatch)).toBe(true);
    expect(s.doc.eq(before)).toBe(true);
    expect(ids()).toEqual(['own']);
    // Redo: back again.
    expect(redo(s, dispatch)).toBe(true);
    expect(ids()).toEqual(['own', 'm1', 'm2']);
  });
});
