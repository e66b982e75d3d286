/**
 * File › Merge a Word file: reads a delegation's .docx against the open draft (the service does
 * the merge, nothing applied), then applies the outcome as one undoable replacement: the
 * proposals into the text, the Word comments into the notes, new delegations into the list.
 */
import { useCallback } from 'react';
import type { ResolutionDocument } from '../../shared/resolution/model.js';
import { replaceDocument } from '../../shared/editor/commands/replace-document.js';
import { call } from '../api.js';
import { t } from '../i18n/index.js';
import { PALETTE } from '../negotiation-state.js';
import type { MergeWordDialogProps } from '../components/MergeWordDialog.js';
import { saveAuthorMap } from './author-map.js';
import type { EditorSession } from './editor-session.js';
import type { useNegotiation } from './negotiation.js';
import type { useDraftNotes } from './notes.js';
import { toBase64 } from './library.js';
import { mergeNotesWatcher } from './merge-undo.js';

/** The dialog's `read` and `onApply` over the app's state. */
export function useMergeWord(deps: {
  editor: EditorSession;
  negotiation: ReturnType<typeof useNegotiation>;
  notes: ReturnType<typeof useDraftNotes>;
  currentDocument: () => ResolutionDocument;
  close: () => void;
  notify: (text: string, error?: boolean) => void;
}) {
  const { editor, negotiation, notes, currentDocument, close, notify } = deps;
  const { viewRef, listen } = editor;
  const { current: currentNegotiation, setNegotiation } = negotiation;
  const { addMany, remove } = notes;

  const read: MergeWordDialogProps['read'] = useCallback(
    async (source, authorMap) =>
      'file' in source
        ? call('drafts.mergeWord', { document: currentDocument(), name: source.file.name, dataBase64: await toBase64(source.file), authorMap })
        : call('drafts.mergeWord', { document: currentDocument(), path: source.path, authorMap }),
    [currentDocument],
  );

  const apply: MergeWordDialogProps['onApply'] = useCallback(
    (outcome, map, name) => {
      saveAuthorMap(map);
      close();
      const view = viewRef.current;
      if (!view) return;
      const before = view.state.doc;
      view.dispatch(replaceDocument(view.state, outcome.document));
      addMany(outcome.notes);
      // Undo takes the merge's notes out with its proposals; redo brings them back.
      listen(mergeNotesWatcher(before, view.state.doc, outcome.notes, { add: addMany, remove }));
      // New delegations join the list (with a colour), so their proposals can be filtered and decided.
      const n0 = currentNegotiation();
      const known = n0.delegations;
      const proposing = outcome.summary.delegations.filter((d) => d.insertions + d.deletions + d.paragraphsInserted + d.paragraphsDeleted + d.moves > 0);
      const added = proposing.map((d) => d.delegation).filter((d, i, all) => all.indexOf(d) === i && !known.some((k) => k.name === d));
      if (added.length) {
        const delegations = [...known, ...added.map((dn, i) => ({ name: dn, color: PALETTE[(known.length + i) % PALETTE.length]! }))];
        setNegotiation({ ...n0, delegations });
      }
      const n = outcome.summary.delegations.reduce((k, d) => k + d.insertions + d.deletions + d.paragraphsInserted + d.paragraphsDeleted + d.moves, 0);
      notify(t('mergeWord.merged', { name, proposals: t('mergeWord.proposals', { count: n }), notes: t('mergeWord.notes', { count: outcome.notes.length }) }));
    },
    [addMany, close, currentNegotiation, listen, notify, remove, setNegotiation, viewRef],
  );

  return { read, apply };
}
