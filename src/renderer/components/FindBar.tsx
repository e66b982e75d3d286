/**
 * The find-and-replace bar, as in Word and VS Code. Matching folds case and accents unless
 * "Match case" is on. Ctrl+F (a new `focusRequest`) always focuses and selects the find field,
 * even when the bar is already open; typing selects the first match from the cursor; Escape closes
 * the bar and gives focus back to the text with the match selected; Replace replaces the current
 * match and moves to the next. The count is read from the editor state on every render, so it
 * follows edits and undo.
 */
import { useEffect, useRef, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { EditorState } from 'prosemirror-state';
import { findKey, findNext, replaceAll, replaceCurrent, selectMatchFrom, setFindQuery } from '../../shared/editor/plugins/find.js';
import { useTranslation } from '../i18n/index.js';

/** Props: the editor view to search, its latest state (for the count), a focus request counter and a close callback. */
export interface FindBarProps {
  view: EditorView | null;
  /** The editor state the app last rendered; the bar re-renders with it, so the count follows edits. */
  state: EditorState;
  /** Incremented by each Ctrl+F: focuses and selects the find field. */
  focusRequest: number;
  /** Closes the bar; `toEditor` when focus should go back to the text (Escape). */
  onClose: (toEditor: boolean) => void;
}

/** The bar. */
export function FindBar({ view, state, focusRequest, onClose }: FindBarProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [, rerender] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  // Where the search started: typing selects the first match from here, not from the last match.
  const origin = useRef<number | null>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);
  useEffect(() => {
    if (!view) return;
    if (origin.current === null) origin.current = view.state.selection.from;
    setFindQuery(query, caseSensitive)(view.state, view.dispatch);
    if (query) selectMatchFrom(origin.current)(view.state, view.dispatch);
    rerender((n) => n + 1);
  }, [view, query, caseSensitive]);
  useEffect(
    () => () => {
      if (view && !view.isDestroyed) setFindQuery('')(view.state, view.dispatch);
    },
    [view],
  );
  const run = (cmd: ReturnType<typeof findNext>) => {
    if (!view) return;
    cmd(view.state, view.dispatch);
    rerender((n) => n + 1);
  };
  const close = (e: React.KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    onClose(true);
  };
  // The view's own state is newer than `state` while the app's snapshot is pending.
  void state;
  const count = view ? (findKey.getState(view.state)?.matches.length ?? 0) : 0;
  return (
    <div className="findbar" role="search">
      <input
        ref={input}
        aria-label={t('find.find')}
        placeholder={t('find.find')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') run(findNext(e.shiftKey ? -1 : 1));
          close(e);
        }}
      />
      <span className="find-count" aria-live="polite">
        {query ? t('find.matches', { count }) : ''}
      </span>
      <input aria-label={t('find.replaceWith')} placeholder={t('find.replaceWith')} value={replacement} onChange={(e) => setReplacement(e.target.value)} onKeyDown={close} />
      <label className="check">
        <input type="checkbox" checked={caseSensitive} onChange={(e) => setCaseSensitive(e.target.checked)} onKeyDown={close} /> {t('find.matchCase')}
      </label>
      <button type="button" onClick={() => run(findNext(-1))} onKeyDown={close} aria-label={t('find.previous')}>
        ↑
      </button>
      <button type="button" onClick={() => run(findNext(1))} onKeyDown={close} aria-label={t('find.next')}>
        ↓
      </button>
      <button type="button" onClick={() => run(replaceCurrent(replacement))} onKeyDown={close}>
        {t('find.replace')}
      </button>
      <button type="button" onClick={() => run(replaceAll(replacement))} onKeyDown={close}>
        {t('find.replaceAll')}
      </button>
      <button type="button" className="icon" aria-label={t('find.close')} onClick={() => onClose(false)}>
        ×
      </button>
    </div>
  );
}
