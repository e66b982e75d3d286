/**
 * The find-and-replace bar. Matching folds case and accents unless "Match case" is on.
 */
import { useEffect, useRef, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import { findKey, findNext, replaceAll, replaceCurrent, setFindQuery } from '../editor/find.js';
import { useTranslation } from '../i18n/index.js';

/** Props: the editor view to search, and a close callback. */
export function FindBar({ view, onClose }: { view: EditorView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [count, setCount] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    if (!view) return;
    setFindQuery(query, caseSensitive)(view.state, view.dispatch);
    setCount(findKey.getState(view.state)?.matches.length ?? 0);
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
    setCount(findKey.getState(view.state)?.matches.length ?? 0);
  };
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
          if (e.key === 'Escape') onClose();
        }}
      />
      <span className="find-count">{query ? t('find.matches', { count }) : ''}</span>
      <input aria-label={t('find.replaceWith')} placeholder={t('find.replaceWith')} value={replacement} onChange={(e) => setReplacement(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && onClose()} />
      <label className="check">
        <input type="checkbox" checked={caseSensitive} onChange={(e) => setCaseSensitive(e.target.checked)} /> {t('find.matchCase')}
      </label>
      <button type="button" onClick={() => run(findNext(-1))} aria-label={t('find.previous')}>
        ↑
      </button>
      <button type="button" onClick={() => run(findNext(1))} aria-label={t('find.next')}>
        ↓
      </button>
      <button type="button" onClick={() => run(replaceCurrent(replacement))}>
        {t('find.replace')}
      </button>
      <button type="button" onClick={() => run(replaceAll(replacement))}>
        {t('find.replaceAll')}
      </button>
      <button type="button" className="icon" aria-label={t('find.close')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
