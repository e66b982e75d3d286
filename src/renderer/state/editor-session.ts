/**
 * The editor as the app sees it: the state the Editor mounts, the latest state (every
 * transaction), a snapshot for the panels (throttled), the view, and running commands on it.
 */
import { useCallback, useRef, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { paraAt } from '../../shared/editor/queries/paragraphs.js';
import { structureKey } from '../../shared/editor/plugins/structure.js';
import { REFUSAL_META, type Refusal } from '../../shared/editor/negotiation/structural.js';

/** A ProseMirror command. */
export type PMCommand = (state: EditorState, dispatch: (tr: Transaction) => void) => boolean;

/**
 * The editor session; `onDocChanged` hears every transaction that changes the document,
 * `onRefused` every edit negotiation mode refused (with the reason's i18n key and parameters).
 */
export function useEditorSession(initial: () => EditorState, onDocChanged: () => void, onRefused: (r: Refusal) => void = () => undefined) {
  const [editorState, setEditorState] = useState(initial);
  const [snapshot, setSnapshot] = useState<EditorState>(editorState);
  const viewRef = useRef<EditorView | null>(null);
  const latestState = useRef(editorState);
  const snapshotTimer = useRef<number | undefined>(undefined);
  const shownPara = useRef<string | undefined>(undefined);
  const changed = useRef(onDocChanged);
  changed.current = onDocChanged;
  const refused = useRef(onRefused);
  refused.current = onRefused;
  const listeners = useRef(new Set<(state: EditorState, tr: Transaction) => void>());

  const onChange = useCallback((state: EditorState, tr: Transaction) => {
    latestState.current = state;
    if (tr.docChanged) changed.current();
    const refusal = tr.getMeta(REFUSAL_META) as Refusal | undefined;
    if (refusal) refused.current(refusal);
    for (const l of listeners.current) l(state, tr);
    // Panels follow at most ~6 times a second; typing never waits for React. A move to another
    // paragraph shows at once, so a panel command (Status…) acts on the paragraph the delegate sees.
    const here = paraAt(state, state.selection.head)?.node.attrs.id as string | undefined;
    if (here !== shownPara.current) {
      shownPara.current = here;
      window.clearTimeout(snapshotTimer.current);
      snapshotTimer.current = undefined;
      setSnapshot(state);
      return;
    }
    if (snapshotTimer.current === undefined) {
      snapshotTimer.current = window.setTimeout(() => {
        snapshotTimer.current = undefined;
        setSnapshot(latestState.current);
      }, 160);
    }
  }, []);

  /** Mounts a new state (another draft). */
  const replace = useCallback((st: EditorState) => {
    latestState.current = st;
    setEditorState(st);
    setSnapshot(st);
  }, []);

  /** Shows the view's current state in the panels at once (after a settings change). */
  const refresh = useCallback(() => {
    if (viewRef.current) setSnapshot(viewRef.current.state);
  }, []);

  // Menu and keyboard commands return focus to the text; commands from a form field or a panel
  // (`focusEditor` false) leave focus where the delegate is working, so the next keystrokes never
  // land in the resolution.
  const exec = useCallback((cmd: PMCommand, focusEditor = true) => {
    const view = viewRef.current;
    if (!view) return false;
    const ok = cmd(view.state, view.dispatch);
    if (focusEditor) view.focus();
    return ok;
  }, []);
  const execHere = useCallback((cmd: PMCommand) => exec(cmd, false), [exec]);

  const jumpTo = useCallback((id: string) => {
    const view = viewRef.current;
    const s = view && structureKey.getState(view.state);
    const p = s?.structure.byId.get(id) ?? s?.structure.headings.find((h) => h.id === id);
    if (!view || !p) return;
    view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(p.pos + 1))).scrollIntoView());
    view.focus();
    view.dom.querySelector(`[data-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'center' });
  }, []);

  /** Hears every transaction after it is applied (e.g. a merge's notes follow undo); returns the unsubscribe. */
  const listen = useCallback((l: (state: EditorState, tr: Transaction) => void) => {
    listeners.current.add(l);
    return () => void listeners.current.delete(l);
  }, []);

  return { editorState, snapshot, viewRef, latestState, onChange, replace, refresh, exec, execHere, jumpTo, listen };
}

/** The editor session's interface. */
export type EditorSession = ReturnType<typeof useEditorSession>;
