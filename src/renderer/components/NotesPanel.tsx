/**
 * Paragraph notes (facilitator's and delegations'): the Notes panel lists them by paragraph with
 * add, resolve and delete; the margin shows each open note beside its paragraph. Notes are kept in
 * the .plenary file beside the document (negotiation/notes.ts) and go to Word as comments only in
 * the compilation and tracked exports.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';
import type { ParagraphNote } from '../../shared/negotiation/notes.js';
import { formatDateTime, useTranslation } from '../i18n/index.js';

/** Props of the Notes panel. */
export interface NotesPanelProps {
  notes: readonly ParagraphNote[];
  /** Paragraph id → designation ("OP3"), for labels and order. */
  designations: ReadonlyMap<string, string>;
  /** Paragraph ids in document order, to list notes in reading order. */
  order: readonly string[];
  /** The paragraph the cursor is in (where a new note goes), or null. */
  current: { id: string; designation: string } | null;
  defaultAuthor: string;
  onAdd: (paragraph: string, author: string, text: string) => void;
  onResolve: (id: string, resolved: boolean) => void;
  onDelete: (id: string) => void;
  onJump: (paragraph: string) => void;
}

/** Notes in reading order (by paragraph, then time); notes on paragraphs no longer in the draft last. */
export function sortNotes(notes: readonly ParagraphNote[], order: readonly string[]): ParagraphNote[] {
  const at = new Map(order.map((id, i) => [id, i]));
  return [...notes].sort((a, b) => (at.get(a.paragraph) ?? Infinity) - (at.get(b.paragraph) ?? Infinity) || a.at.localeCompare(b.at));
}

/** The panel. */
export function NotesPanel(props: NotesPanelProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [author, setAuthor] = useState(props.defaultAuthor);
  const [showResolved, setShowResolved] = useState(false);
  const sorted = sortNotes(props.notes, props.order).filter((n) => showResolved || !n.resolved);
  const resolvedCount = props.notes.filter((n) => n.resolved).length;
  return (
    <div className="notes-panel">
      <form
        className="note-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!props.current || !text.trim()) return;
          props.onAdd(props.current.id, author.trim() || props.defaultAuthor, text.trim());
          setText('');
        }}
      >
        <div className="neg-head">{props.current ? t('notes.on', { designation: props.current.designation || t('notes.thisParagraph') }) : t('notes.placeCursor')}</div>
        <textarea aria-label={t('notes.text')} rows={3} value={text} disabled={!props.current} onChange={(e) => setText(e.target.value)} />
        <label>
          {t('notes.by')} <input aria-label={t('notes.author')} value={author} onChange={(e) => setAuthor(e.target.value)} />
        </label>
        <button type="submit" disabled={!props.current || !text.trim()}>
          {t('notes.add')}
        </button>
      </form>
      <label className="check">
        <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> {t('notes.showResolved', { count: resolvedCount })}
      </label>
      {sorted.length === 0 ? <p className="panel-empty">{t(showResolved ? 'notes.none' : 'notes.noneOpen')}</p> : null}
      <ol className="notes-list">
        {sorted.map((n) => (
          <li key={n.id} className={`note-item${n.resolved ? ' resolved' : ''}`} data-note={n.id}>
            <button type="button" className="check-where" onClick={() => props.onJump(n.paragraph)}>
              {props.designations.get(n.paragraph) ?? t('notes.removed')}
            </button>{' '}
            <b className="note-author">{n.author}</b> <span className="draft-meta">{formatDateTime(n.at)}</span>
            <div className="note-text">{n.text}</div>
            <div className="row-actions">
              <button type="button" onClick={() => props.onResolve(n.id, !n.resolved)}>
                {t(n.resolved ? 'notes.reopen' : 'notes.resolve')}
              </button>
              <button type="button" onClick={() => props.onDelete(n.id)}>
                {t('notes.delete')}
              </button>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}

/**
 * The open notes in the page's margin, each beside its paragraph. Positions are read from the
 * editor's DOM after every render (`revision` changes with the text), so notes follow the text.
 */
export function NotesMargin(props: { notes: readonly ParagraphNote[]; page: RefObject<HTMLElement | null>; revision: unknown; onOpen: (paragraph: string) => void }) {
  const { t } = useTranslation();
  const [tops, setTops] = useState<Map<string, number>>(new Map());
  const open = props.notes.filter((n) => !n.resolved);
  useLayoutEffect(() => {
    const page = props.page.current;
    if (!page) return;
    const base = page.getBoundingClientRect().top;
    const zoom = page.getBoundingClientRect().height / (page.offsetHeight || 1) || 1;
    const raw: [string, number, number][] = [];
    for (const n of open) {
      const seen = raw.find((r) => r[0] === n.paragraph);
      if (seen) {
        seen[2]++;
        continue;
      }
      const el = page.querySelector(`[data-id="${CSS.escape(n.paragraph)}"]`);
      if (el) raw.push([n.paragraph, (el.getBoundingClientRect().top - base) / zoom, 1]);
    }
    raw.sort((a, b) => a[1] - b[1]);
    const next = new Map<string, number>();
    let floor = 0; // notes never overlap: each starts below the one above
    for (const [para, top, count] of raw) {
      const at = Math.max(floor, top);
      next.set(para, at);
      floor = at + 40 * count;
    }
    setTops((prev) => (JSON.stringify([...prev]) === JSON.stringify([...next]) ? prev : next));
  }, [props.page, props.revision, props.notes]);
  const byPara = new Map<string, ParagraphNote[]>();
  for (const n of open) byPara.set(n.paragraph, [...(byPara.get(n.paragraph) ?? []), n]);
  return (
    <div className="notes-margin" role="group" aria-label={t('notes.margin')}>
      {[...byPara].map(([para, list]) =>
        tops.has(para) ? (
          <button key={para} type="button" className="margin-note" style={{ top: tops.get(para) }} onClick={() => props.onOpen(para)} title={list.map((n) => t('notes.line', { author: n.author, text: n.text })).join('\n')}>
            {list.map((n) => (
              <span key={n.id} className="margin-note-line">
                <b>{n.author}</b>
                {t('notes.separator')}
                {n.text.length > 60 ? `${n.text.slice(0, 60)}…` : n.text}
              </span>
            ))}
          </button>
        ) : null,
      )}
    </div>
  );
}
