/**
 * The command palette (Ctrl+Shift+P): every command of the registry, fuzzy-searched, with its
 * keys. ARIA combobox with a listbox popup: focus stays in the input, arrows move the active
 * option (aria-activedescendant), Enter runs it, Escape closes and gives focus back.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { fuzzyFilter } from '../../shared/fuzzy.js';
import type { CommandId } from '../../shared/commands.js';
import type { PaletteRow } from '../state/commands.js';
import { useTranslation } from '../i18n/index.js';

/** Props of the palette. */
export interface CommandPaletteProps {
  rows: PaletteRow[];
  /** Runs a command; the palette has already closed. */
  onRun: (id: CommandId) => void;
  onClose: () => void;
}

/** The label with the matched characters in bold. */
function highlight(label: string, positions: number[]): ReactNode {
  if (!positions.length) return label;
  const chars = [...label];
  const hit = new Set(positions);
  return chars.map((ch, i) => (hit.has(i) ? <b key={i}>{ch}</b> : ch));
}

/** The palette dialog. */
export function CommandPalette({ rows, onRun, onClose }: CommandPaletteProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const results = useMemo(() => fuzzyFilter(query, rows, (r) => r.label), [query, rows]);
  const index = Math.min(active, Math.max(0, results.length - 1));
  const current = results[index]?.item;

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView?.({ block: 'nearest' });
  }, [index, results]);

  const run = (row: PaletteRow | undefined) => {
    if (!row || !row.enabled) return;
    onClose();
    onRun(row.id);
  };
  const onKeyDown = (e: ReactKeyboardEvent) => {
    const n = results.length;
    if (e.key === 'ArrowDown' && n) setActive((index + 1) % n);
    else if (e.key === 'ArrowUp' && n) setActive((index - 1 + n) % n);
    else if (e.key === 'Home' && e.ctrlKey) setActive(0);
    else if (e.key === 'End' && e.ctrlKey) setActive(Math.max(0, n - 1));
    else if (e.key === 'PageDown' && n) setActive(Math.min(n - 1, index + 8));
    else if (e.key === 'PageUp') setActive(Math.max(0, index - 8));
    else if (e.key === 'Enter') run(current);
    else if (e.key === 'Escape') onClose();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="modal-backdrop palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal palette" role="dialog" aria-modal="true" aria-label={t('palette.title')}>
        <input
          ref={input}
          type="text"
          className="palette-input"
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-autocomplete="list"
          aria-activedescendant={current ? `palette-${current.id}` : undefined}
          aria-label={t('palette.input')}
          placeholder={t('palette.input')}
          value={query}
          spellCheck={false}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id="palette-list" className="palette-list" role="listbox" aria-label={t('palette.list')} ref={list}>
          {results.map(({ item, match }, i) => (
            <li
              key={item.id}
              id={`palette-${item.id}`}
              role="option"
              data-command={item.id}
              aria-selected={i === index}
              aria-disabled={!item.enabled || undefined}
              className={`${i === index ? 'active' : ''}${item.enabled ? '' : ' disabled'}`}
              onMouseDown={(e) => e.preventDefault()}
              onMouseMove={() => i !== index && setActive(i)}
              onClick={() => run(item)}
            >
              <span>
                {item.checked ? '✓ ' : ''}
                {highlight(item.label, match.positions)}
              </span>
              {item.keys ? <kbd>{item.keys}</kbd> : null}
            </li>
          ))}
          {results.length ? null : (
            <li role="option" aria-disabled="true" aria-selected="false" className="disabled">
              {t('palette.none', { query })}
            </li>
          )}
        </ul>
      </div>
    </div>
  );
}
