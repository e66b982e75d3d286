/**
 * The ProseMirror editor as a React component. The EditorView lives outside React's state: React
 * only mounts it and is told (throttled) about changes, so typing never waits for a re-render.
 */
import { useEffect, useRef } from 'react';
import { EditorView } from 'prosemirror-view';
import type { EditorState, Transaction } from 'prosemirror-state';
import { RELABEL_META, structureKey } from '../../shared/editor/plugins/structure.js';
import { useTranslation } from '../i18n/index.js';
import { viewProps } from './setup.js';

/** Props of the editor. */
export interface EditorProps {
  /** The state to show; replacing it (new object) resets the view (New/Open). */
  initialState: EditorState;
  /** Called after every transaction with the new state. */
  onChange: (state: EditorState, tr: Transaction) => void;
  /** Receives the view once mounted (and null on unmount). */
  onView: (view: EditorView | null) => void;
  dir: 'ltr' | 'rtl';
  lang: string;
}

/** Mounts and owns one EditorView. */
export function Editor({ initialState, onChange, onView, dir, lang }: EditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const { t, i18n } = useTranslation();

  useEffect(() => {
    if (!host.current) return;
    const view = new EditorView(host.current, {
      ...viewProps,
      state: initialState,
      attributes: { class: 'resolution-editor', spellcheck: 'true', 'aria-label': t('editor.label'), role: 'textbox', 'aria-multiline': 'true' },
      dispatchTransaction(tr) {
        const next = view.state.apply(tr);
        view.updateState(next);
        onChangeRef.current(next, tr);
      },
    });
    viewRef.current = view;
    onView(view);
    return () => {
      onView(null);
      view.destroy();
      viewRef.current = null;
    };
    // The view is rebuilt only when a different document is loaded.
  }, [initialState]);

  // A new interface language: the hover texts and the label are said again, the text untouched.
  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    view.setProps({ attributes: { ...(view.props.attributes as Record<string, string>), 'aria-label': t('editor.label') } });
    view.dispatch(view.state.tr.setMeta(structureKey, RELABEL_META).setMeta('addToHistory', false));
  }, [i18n.language, t]);

  return <div className="editor-host" ref={host} dir={dir} lang={lang} />;
}
