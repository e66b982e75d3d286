/**
 * Applying a merged Word file to the open draft: the whole document is replaced by the merge's
 * result in one transaction, so one Undo takes every merged proposal out again. The transaction is
 * kept out of proposal tracking and the typing rules: the merge's proposals already carry their
 * delegations, and nothing else in the text may change.
 */
import type { EditorState, Transaction } from 'prosemirror-state';
import { TextSelection } from 'prosemirror-state';
import type { ResolutionDocument } from '../../resolution/model.js';
import { toDoc } from '../../resolution/convert.js';
import { UNTRACKED_META } from '../negotiation/index.js';

/** A transaction (one undo step) that makes `doc` the editor's document, cursor kept near where it was. */
export function replaceDocument(state: EditorState, doc: ResolutionDocument): Transaction {
  const next = toDoc(doc);
  const head = state.selection.head;
  const tr = state.tr.replaceWith(0, state.doc.content.size, next.content);
  for (const [k, v] of Object.entries(next.attrs)) if (JSON.stringify(state.doc.attrs[k]) !== JSON.stringify(v)) tr.setDocAttribute(k, v);
  tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(head, tr.doc.content.size))));
  return tr.setMeta(UNTRACKED_META, true).setMeta('plenary-no-rules', true).setMeta('addToHistory', true);
}
