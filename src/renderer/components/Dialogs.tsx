/**
 * Modal dialogs: open a draft, recover after a crash, save under a name (browser mode),
 * keyboard shortcuts, about. Each is a native <dialog>-like overlay with focus kept inside.
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import { useDialogFocus, useScrollableFocus } from '../a11y/focus.js';
import type { AppInfo, DraftSummary, ImportJobStatus, ImportSummary, RecoveryEntry } from '../../shared/api.js';

/**
 * A modal frame with a title: focus moves into it when it opens, Tab stays inside, Escape closes
 * it, and focus goes back where it was (the editor at the same caret) when it closes
 * (a11y/focus.ts `useDialogFocus`).
 */
export function Modal({ title, onClose, children, wide }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
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
          <button type="button" className="icon" aria-label="Close" onClick={onClose}>
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
  const input = useRef<HTMLInputElement>(null);
  return (
    <Modal title="Open a draft" onClose={props.onClose} wide>
      {props.drafts === null ? (
        <p>Loading…</p>
      ) : props.drafts.length === 0 ? (
        <p className="panel-empty">No saved drafts yet.</p>
      ) : (
        <ul className="draft-list">
          {props.drafts.map((d) => (
            <li key={d.path}>
              <button type="button" onClick={() => props.onOpen(d.path)} title={d.path}>
                <span className="draft-title">{d.title || d.name}</span>
                <span className="draft-meta">
                  {d.symbol ? `${d.symbol} · ` : ''}
                  {d.name} · {new Date(d.modified).toLocaleString()}
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
          From a file on this computer…
        </button>
        <button type="button" onClick={props.onClose}>
          Cancel
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
  return (
    <Modal title="Recover unsaved work" onClose={props.onClose}>
      <p>
        {props.entries.length === 1 ? 'This draft has' : `These ${props.entries.length} drafts have`} changes that were never saved. Recover one to continue
        it here; the others stay listed, and anything you do not discard is offered again next time.
      </p>
      <ul className="draft-list">
        {props.entries.map((e) => (
          <li key={e.key} className="recovery-entry">
            <div>
              <span className="draft-title">{e.title || 'Untitled draft'}</span>
              <span className="draft-meta">
                {e.path ? `${e.path} · ` : 'never saved · '}autosaved {new Date(e.savedAt).toLocaleString()}
              </span>
              {e.firstWords ? <span className="draft-meta recovery-words">“{e.firstWords}”</span> : null}
            </div>
            <div className="row-actions">
              <button type="button" className="primary" onClick={() => props.onRecover(e)}>
                Recover
              </button>
              <button type="button" onClick={() => props.onDiscard(e)}>
                Discard
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
  const [name, setName] = useState(props.initial);
  return (
    <Modal title="Save draft as" onClose={props.onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) props.onSave(name.trim());
        }}
      >
        <div className="field">
          <label htmlFor="saveas-name">Name</label>
          <input id="saveas-name" value={name} onChange={(e) => setName(e.target.value)} />
          <div className="field-hint">Saved in Plenary’s data folder as “{name.trim() || '…'}.plenary”.</div>
        </div>
        <div className="modal-actions">
          <button type="submit" className="primary" disabled={!name.trim()}>
            Save
          </button>
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** Help > Keyboard Shortcuts. */
export function ShortcutsDialog({ shortcuts, onClose }: { shortcuts: { keys: string; label: string }[]; onClose: () => void }) {
  const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
  const show = (k: string) => k.replace(/Mod/g, isMac ? '⌘' : 'Ctrl').replace(/-(?=.)/g, '+').replace('ArrowUp', '↑').replace('ArrowDown', '↓');
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} wide>
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
  return (
    <Modal title="About Plenary" onClose={onClose}>
      <p>
        <b>Plenary {info?.version ?? ''}</b> — offline drafting of United Nations resolutions: structured editing in the six
        official languages, agreed language, UN-format export and negotiation.
      </p>
      {info ? (
        <dl className="about">
          <dt>Mode</dt>
          <dd>{info.mode === 'electron' ? 'Desktop app' : 'Browser mode (loopback)'}</dd>
          <dt>Data folder</dt>
          <dd>
            <code>{info.dataDir}</code>
          </dd>
          <dt>Platform</dt>
          <dd>{info.platform}</dd>
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
  const [first, setFirst] = useState(props.paragraphs[0]?.id ?? '');
  const [last, setLast] = useState('');
  const firstIndex = props.paragraphs.findIndex((p) => p.id === first);
  return (
    <Modal title="Insert cross-reference" onClose={props.onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (first) props.onInsert(last && last !== first ? [first, last] : [first]);
        }}
      >
        <p className="field-hint">The reference is attached to the paragraph, not to its number: it is renumbered with every move and flagged if the paragraph is deleted.</p>
        <div className="field">
          <label htmlFor="xref-first">Paragraph</label>
          <select id="xref-first" value={first} onChange={(e) => setFirst(e.target.value)}>
            {props.paragraphs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.designation} — {p.preview}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="xref-last">To (for a range, optional)</label>
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
            Insert
          </button>
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** What an import did: imported, skipped (duplicates) and failed files with their reasons. */
/** A background import under way: what it does now, how far it is, and a way to stop it. */
export function ImportProgressDialog({ status, onCancel }: { status: ImportJobStatus | null; onCancel: () => void }) {
  const phase = status?.phase ?? 'walking';
  const line =
    phase === 'walking'
      ? `Looking for files… ${status?.found ?? 0} found`
      : phase === 'importing'
        ? `Importing ${status?.done ?? 0} of ${status?.found ?? 0} files`
        : phase === 'confirm'
          ? 'Waiting for your answer…'
          : 'Finishing…';
  return (
    <Modal title="Importing into the library" onClose={onCancel}>
      <p role="status" data-testid="import-progress">
        {line}
      </p>
      {phase === 'importing' && status && status.found > 0 ? <progress max={status.found} value={status.done} /> : null}
      {status?.current ? <p className="draft-meta import-current">{status.current}</p> : null}
      {status && status.passedOver.length ? <p className="draft-meta">{status.passedOver.length} entries passed over (listed at the end).</p> : null}
      <div className="modal-actions">
        <button type="button" onClick={onCancel}>
          Stop import
        </button>
      </div>
    </Modal>
  );
}

/** The outcome of an import, file by file. */
export function ImportSummaryDialog({ summary, onClose }: { summary: ImportSummary; onClose: () => void }) {
  return (
    <Modal title="Import finished" onClose={onClose} wide>
      <p className="import-counts">
        Imported <b>{summary.imported}</b>, skipped <b>{summary.skipped}</b>, failed <b>{summary.failed}</b>.
      </p>
      <ul className="import-items">
        {summary.items.map((i) => (
          <li key={i.file} className={`import-${i.status}`}>
            <span className="import-status">{i.status}</span> <span className="import-file">{i.file.split(/[\\/]/).pop()}</span>
            {i.symbol ? <span className="draft-meta"> {i.symbol}</span> : null}
            {i.paragraphs ? <span className="draft-meta"> · {i.paragraphs} paragraphs</span> : null}
            {i.reason ? <div className="draft-meta">{i.reason}</div> : null}
          </li>
        ))}
      </ul>
      <div className="modal-actions">
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
