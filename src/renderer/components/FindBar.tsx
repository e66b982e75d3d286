/**
 * The find-and-replace bar. Matching folds case and accents unless "Match case" is on.
 */
import { useEffect, useRef, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import { findKey, findNext, replaceAll, replaceCurrent, setFindQuery } from '../editor/find.js';

/** Props: the editor view to search, and a close callback. */
export function FindBar({ view, onClose }: { view: EditorView | null; onClose: () => void }) {
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
        aria-label="Find"
        placeholder="Find"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') run(findNext(e.shiftKey ? -1 : 1));
          if (e.key === 'Escape') onClose();
        }}
      />
      <span className="find-count">{query ? `${count} match${count === 1 ? '' : 'es'}` : ''}</span>
      <input aria-label="Replace with" placeholder="Replace with" value={replacement} onChange={(e) => setReplacement(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && onClose()} />
      <label className="check">
        <input type="checkbox" checked={caseSensitive} onChange={(e) => setCaseSensitive(e.target.checked)} /> Match case
      </label>
      <button type="button" onClick={() => run(findNext(-1))} aria-label="Previous match">
        ↑
      </button>
      <button type="button" onClick={() => run(findNext(1))} aria-label="Next match">
        ↓
      </button>
      <button type="button" onClick={() => run(replaceCurrent(replacement))}>
        Replace
      </button>
      <button type="button" onClick={() => run(replaceAll(replacement))}>
        Replace all
      </button>
      <button type="button" className="icon" aria-label="Close find" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
