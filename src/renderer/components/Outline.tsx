/**
 * The outline: every paragraph by number and opening phrase. Click jumps to it; drag and drop
 * reorders within its section (the numbering follows by itself).
 */
import { useState } from 'react';
import { useTranslation } from '../i18n/index.js';
import type { OutlineEntry } from '../../shared/editor/queries/outline.js';

/** One outline row (paragraph or heading): see outlineEntries. */
export type OutlineItem = OutlineEntry;

/** Props of the outline. */
export interface OutlineProps {
  items: OutlineItem[];
  currentId: string | null;
  onJump: (id: string) => void;
  onMove: (id: string, beforeId: string | null) => void;
}

/** The outline panel. */
export function Outline({ items, currentId, onJump, onMove }: OutlineProps) {
  const { t } = useTranslation();
  const [dragId, setDragId] = useState<string | null>(null);
  const [overId, setOverId] = useState<string | null>(null);
  if (items.length === 0) return <p className="panel-empty">{t('outline.empty')}</p>;
  return (
    <ol className="outline" aria-label={t('outline.label')}>
      {items.map((it) => (
        <li
          key={it.id}
          className={`outline-item lvl${it.level}${it.heading ? ` outline-heading h${it.heading}` : ''}${it.id === currentId ? ' current' : ''}${it.id === overId ? ' drop-target' : ''}${it.status ? ` status-${it.status}` : ''}`}
          data-id={it.id}
          draggable={it.level === 0 && !it.heading}
          onDragStart={(e) => {
            setDragId(it.id);
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData('text/plain', it.designation);
          }}
          onDragOver={(e) => {
            if (dragId && dragId !== it.id && !it.heading) {
              e.preventDefault();
              setOverId(it.id);
            }
          }}
          onDragLeave={() => setOverId((o) => (o === it.id ? null : o))}
          onDrop={(e) => {
            e.preventDefault();
            if (dragId) onMove(dragId, it.id);
            setDragId(null);
            setOverId(null);
          }}
          onDragEnd={() => {
            setDragId(null);
            setOverId(null);
          }}
        >
          <button type="button" onClick={() => onJump(it.id)} title={it.preview}>
            <span className="outline-num">{it.designation}</span>{' '}
            {it.phrase ? <i>{it.phrase}</i> : null} <span className="outline-preview">{it.preview}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
