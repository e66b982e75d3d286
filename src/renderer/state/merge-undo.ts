/**
 * Undo and redo of a Word merge take its notes with them. The merge's proposals are in the
 * editor's document (one undo step); its notes live beside it (notes.ts). This watcher hears every
 * editor transaction: when undo brings back the document from before the merge, the notes the
 * merge added are removed; when redo brings back the merged document, they come back.
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import { isHistoryTransaction } from 'prosemirror-history';
import type { ParagraphNote } from '../../shared/negotiation/notes.js';

/** What the watcher does to the draft's notes. */
export interface MergeNotesOps {
  add: (notes: readonly ParagraphNote[]) => void;
  remove: (id: string) => void;
}

/**
 * A transaction listener for one applied merge: `before` and `after` are the editor documents
 * before and after it, `notes` the notes it added (already added when this is made).
 */
export function mergeNotesWatcher(before: PMNode, after: PMNode, notes: readonly ParagraphNote[], ops: MergeNotesOps): (state: EditorState, tr: Transaction) => void {
  let present = true;
  return (state, tr) => {
    // Only undo and redo (history transactions) can take the document back or forth exactly.
    if (!notes.length || !tr.docChanged || !isHistoryTransaction(tr)) return;
    if (present && state.doc.eq(before)) {
      present = false;
      for (const n of notes) ops.remove(n.id);
    } else if (!present && state.doc.eq(after)) {
      present = true;
      ops.add(notes);
    }
  };
}
