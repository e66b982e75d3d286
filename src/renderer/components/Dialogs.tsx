/**
 * Modal dialogs: open a draft, recover after a crash, save under a name (browser mode),
 * keyboard shortcuts, about. Each is a native <dialog>-like overlay with focus kept inside.
 */
import { UI_LANG_NAMES } from '../../shared/i18n/index.js';
import { formatDateTime, uiLang, useTranslation } from '../i18n/index.js';
import { useId, useRef, useState, type ReactNode } from 'react';
import { useDialogFocus, useScrollableFocus } from '../a11y/focus.js';
import type { AppInfo, DraftSummary, ImportJobStatus, ImportSummary, RecoveryEntry } from '../../shared/api.js';

/**
 * A modal frame with a title: focus moves into it when it opens, Tab stays inside, Escape closes
 * it, and focus goes back where it was (the editor at the same caret) when it closes
 * (a11y/focus.ts `useDialogFocus`).
 */
export function Modal({ title, onClose, children, wide }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const body = useRef<HTMLDivElement>(null);
  useDialogFocus(ref, onClose);
  useScrollableFocus(body);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className={`modal${wide ? ' wide' : ''}`} role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} ref={ref}>
        <div className="modal-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon" aria-label={t('common.close')} onClick={onClose}>
            ×
          </button>
        </div>
        <div className="modal-body" ref={body}>
          {children}
        </div>
      </div>
    </div>
  );
}

/** Lists recent drafts and drafts in the data folder; also opens a file from disk. */
export function OpenDialog(props: {
  drafts: DraftSummary[] | null;
  onOpen: (path: string) => void;
  onPickFile: (file: File) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <Modal title={t('open.title')} onClose={props.onClose} wide>
      {props.drafts === null ? (
        <p>{t('common.loading')}</p>
      ) : props.drafts.length === 0 ? (
        <p className="panel-empty">{t('open.none')}</p>
      ) : (
        <ul className="draft-list">
          {props.drafts.map((d) => (
            <li key={d.path}>
              <button type="button" onClick={() => props.onOpen(d.path)} title={d.path}>
                <span className="draft-title">{d.title || d.name}</span>
                <span className="draft-meta">
                  {d.symbol ? `${d.symbol} · ` : ''}
                  {d.name} · {formatDateTime(d.modified)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="modal-actions">
        <input
          ref={input}
          type="file"
          accept=".plenary,.xml,.docx,.pdf,.html,.htm,.txt,.md,application/json"
          hidden
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) props.onPickFile(f);
            e.target.value = '';
          }}
        />
        <button type="button" onClick={() => input.current?.click()}>
          {t('open.fromFile')}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Modal>
  );
}

/**
 * Offers every draft with unsaved work left by a window that did not close cleanly: name, time
 * and first words. Recovering one keeps the others listed (and their journals on disk); closing
 * the dialog discards nothing.
 */
export function RecoveryDialog(props: { entries: RecoveryEntry[]; onRecover: (e: RecoveryEntry) => void; onDiscard: (e: RecoveryEntry) => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t('recover.title')} onClose={props.onClose}>
      <p>{t('recover.intro', { count: props.entries.length })}</p>
      <ul className="draft-list">
        {props.entries.map((e) => (
          <li key={e.key} className="recovery-entry">
            <div>
              <span className="draft-title">{e.title || t('draft.untitled')}</span>
              <span className="draft-meta">
                {e.path ? `${e.path} · ` : `${t('recover.neverSaved')} · `}
                {t('recover.autosaved', { date: formatDateTime(e.savedAt) })}
              </span>
              {e.firstWords ? <span className="draft-meta recovery-words">“{e.firstWords}”</span> : null}
            </div>
            <div className="row-actions">
              <button type="button" className="primary" onClick={() => props.onRecover(e)}>
                {t('recover.recover')}
              </button>
              <button type="button" onClick={() => props.onDiscard(e)}>
                {t('recover.discard')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </Modal>
  );
}

/** Asks for a draft name (browser mode Save As: the draft goes to the data folder). */
export function SaveAsDialog(props: { initial: string; onSave: (name: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(props.initial);
  return (
    <Modal title={t('saveAs.title')} onClose={props.onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) props.onSave(name.trim());
        }}
      >
        <div className="field">
          <label htmlFor="saveas-name">{t('saveAs.name')}</label>
          <input id="saveas-name" value={name} onChange={(e) => setName(e.target.value)} />
          <div className="field-hint">{t('saveAs.hint', { file: name.trim() || '…' })}</div>
        </div>
        <div className="modal-actions">
          <button type="submit" className="primary" disabled={!name.trim()}>
            {t('common.save')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** Help > Keyboard Shortcuts. */
export function ShortcutsDialog({ shortcuts, onClose }: { shortcuts: { keys: string; label: string }[]; onClose: () => void }) {
  const { t } = useTranslation();
  const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
  const show = (k: string) => k.replace(/Mod/g, isMac ? '⌘' : 'Ctrl').replace(/-(?=.)/g, '+').replace('ArrowUp', '↑').replace('ArrowDown', '↓');
  return (
    <Modal title={t('shortcuts.title')} onClose={onClose} wide>
      <table className="shortcuts">
        <tbody>
          {shortcuts.map((s) => (
            <tr key={s.keys + s.label}>
              <td>
                <kbd>{show(s.keys)}</kbd>
              </td>
              <td>{s.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}

/** Help > About Plenary. */
export function AboutDialog({ info, onClose }: { info: AppInfo | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t('about.title')} onClose={onClose}>
      <p>
        <b>Plenary {info?.version ?? ''}</b> — {t('about.body')}
      </p>
      {info ? (
        <dl className="about">
          <dt>{t('about.mode')}</dt>
          <dd>{info.mode === 'electron' ? t('about.desktop') : t('about.browser')}</dd>
          <dt>{t('about.dataFolder')}</dt>
          <dd>
            <code>{info.dataDir}</code>
          </dd>
          <dt>{t('about.platform')}</dt>
          <dd>{info.platform}</dd>
          <dt>{t('about.interfaceLanguage')}</dt>
          <dd>{UI_LANG_NAMES[uiLang()]}</dd>
        </dl>
      ) : null}
    </Modal>
  );
}

/** Inserts a cross-reference: pick a paragraph, optionally the last one of a range. */
export function CrossRefDialog(props: {
  paragraphs: { id: string; designation: string; preview: string }[];
  onInsert: (targets: string[]) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [first, setFirst] = useState(props.paragraphs[0]?.id ?? '');
  const [last, setLast] = useState('');
  const firstIndex = props.paragraphs.findIndex((p) => p.id === first);
  return (
    <Modal title={t('xref.title')} onClose={props.onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (first) props.onInsert(last && last !== first ? [first, last] : [first]);
        }}
      >
        <p className="field-hint">{t('xref.hint')}</p>
        <div className="field">
          <label htmlFor="xref-first">{t('xref.paragraph')}</label>
          <select id="xref-first" value={first} onChange={(e) => setFirst(e.target.value)}>
            {props.paragraphs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.designation} — {p.preview}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="xref-last">{t('xref.to')}</label>
          <select id="xref-last" value={last} onChange={(e) => setLast(e.target.value)}>
            <option value="">—</option>
            {props.paragraphs.slice(firstIndex + 1).map((p) => (
              <option key={p.id} value={p.id}>
                {p.designation} — {p.preview}
              </option>
            ))}
          </select>
        </div>
        <div className="modal-actions">
          <button type="submit" className="primary" disabled={!first}>
            {t('common.insert')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** What an import did: imported, skipped (duplicates) and failed files with their reasons. */
/** A background import under way: what it does now, how far it is, and a way to stop it. */
export function ImportProgressDialog({ status, onCancel }: { status: ImportJobStatus | null; onCancel: () => void }) {
  const { t } = useTranslation();
  const phase = status?.phase ?? 'walking';
  const line =
    phase === 'walking'
      ? t('import.walking', { count: status?.found ?? 0 })
      : phase === 'importing'
        ? t('import.importing', { done: status?.done ?? 0, count: status?.found ?? 0 })
        : phase === 'confirm'
          ? t('import.confirm')
          : t('import.finishing');
  return (
    <Modal title={t('import.title')} onClose={onCancel}>
      <p role="status" data-testid="import-progress">
        {line}
      </p>
      {phase === 'importing' && status && status.found > 0 ? <progress max={status.found} value={status.done} /> : null}
      {status?.current ? <p className="draft-meta import-current">{status.current}</p> : null}
      {status && status.passedOver.length ? <p className="draft-meta">{t('import.passedOver', { count: status.passedOver.length })}</p> : null}
      <div className="modal-actions">
        <button type="button" onClick={onCancel}>
          {t('import.stop')}
        </button>
      </div>
    </Modal>
  );
}

/** Catalogue keys of an import item's status word. */
const IMPORT_STATUS_KEYS = { imported: 'import.status.imported', skipped: 'import.status.skipped', failed: 'import.status.failed' } as const;

/** The outcome of an import, file by file. */
export function ImportSummaryDialog({ summary, onClose }: { summary: ImportSummary; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t('import.finished')} onClose={onClose} wide>
      <p className="import-counts">{t('import.counts', { imported: summary.imported, skipped: summary.skipped, failed: summary.failed })}</p>
      <ul className="import-items">
        {summary.items.map((i) => (
          <li key={i.file} className={`import-${i.status}`}>
            <span className="import-status">{t(IMPORT_STATUS_KEYS[i.status])}</span> <span className="import-file">{i.file.split(/[\\/]/).pop()}</span>
            {i.symbol ? <span className="draft-meta"> {i.symbol}</span> : null}
            {i.paragraphs ? <span className="draft-meta"> · {t('import.paragraphs', { count: i.paragraphs })}</span> : null}
            {i.reason ? <div className="draft-meta">{i.reason}</div> : null}
          </li>
        ))}
      </ul>
      <div className="modal-actions">
        <button type="button" className="primary" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Modal>
  );
}
