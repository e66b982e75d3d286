/**
 * The open draft's paragraph notes and record of decided proposals: kept beside the editor's
 * document (they are not text), saved with it through drafts.save and autosave, and exported as
 * Word comments in the compilation and tracked views only. A ref holds the latest value so saves
 * and exports read it without waiting for React.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ParagraphNote, ProposalDecision } from '../../shared/negotiation/notes.js';
import { newId } from '../../shared/ids.js';
import { withDecisions } from '../../shared/negotiation/decisions.js';

/** Notes and decisions of one draft. */
export interface DraftNotes {
  notes: ParagraphNote[];
  decisions: ProposalDecision[];
}

/** Notes and decisions from a parsed file (absent sections are empty). */
export function notesFromFile(file: { notes?: ParagraphNote[]; decisions?: ProposalDecision[] } | undefined): DraftNotes {
  return { notes: file?.notes ?? [], decisions: file?.decisions ?? [] };
}

/** The store; `onChange` runs after every change (to mark the draft dirty for autosave). */
export function useDraftNotes(onChange: () => void) {
  const ref = useRef<DraftNotes>({ notes: [], decisions: [] });
  const [value, setValue] = useState<DraftNotes>(ref.current);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const set = useCallback((next: DraftNotes, changed = true) => {
    ref.current = next;
    setValue(next);
    if (changed) onChangeRef.current();
  }, []);
  return useMemo(
    () => ({
      value,
      /** The latest notes and decisions (for saves and exports). */
      current: () => ref.current,
      /** Replaces both (a draft was loaded: not a change). */
      load: (d: DraftNotes) => set(d, false),
      add: (paragraph: string, author: string, text: string) =>
        set({ ...ref.current, notes: [...ref.current.notes, { id: newId('n'), paragraph, author, at: new Date().toISOString(), text, resolved: false }] }),
      addMany: (notes: readonly ParagraphNote[]) => set({ ...ref.current, notes: [...ref.current.notes, ...notes] }),
      resolve: (id: string, resolved: boolean) => set({ ...ref.current, notes: ref.current.notes.map((n) => (n.id === id ? { ...n, resolved } : n)) }),
      remove: (id: string) => set({ ...ref.current, notes: ref.current.notes.filter((n) => n.id !== id) }),
      /** Records decided proposals (a later decision on the same proposal replaces the earlier). */
      decide: (decisions: readonly ProposalDecision[]) => {
        if (decisions.length) set({ ...ref.current, decisions: withDecisions(ref.current.decisions, decisions) });
      },
    }),
    [value, set],
  );
}
