/**
 * What the window says when the draft is not safe: the banner for a lost host or a failing
 * autosave (with Download and Reconnect), the reconnect dialog, and the warning shown when a
 * draft is already open in another window.
 */
import { useState } from 'react';
import type { DraftLockOwner } from '../../shared/api.js';
import type { AutosaveStatus } from '../state/autosave.js';
import type { ConnectionStatus } from '../state/connection.js';
import { Modal } from './Dialogs.js';

/** The banner above the page; renders nothing while everything is fine. */
export function HostBanner(props: { conn: ConnectionStatus; status: AutosaveStatus; onDownload: () => void; onReconnect: (() => void) | null }) {
  const { conn, status } = props;
  if (!conn.lost && status.journal !== 'failed') return null;
  const text = conn.lost
    ? `${conn.reason} Your text is still here in this window, but it is NOT being saved or autosaved.`
    : `Autosave is failing: ${status.error} Your latest changes are only in this window.`;
  return (
    <div className="host-banner" role="alert">
      <span>{text}</span>
      <button type="button" className="primary" onClick={props.onDownload}>
        Download the draft
      </button>
      {conn.lost && props.onReconnect ? (
        <button type="button" onClick={props.onReconnect}>
          Reconnect…
        </button>
      ) : null}
    </div>
  );
}

/** Asks for the address a restarted host printed; the window's text is kept either way. */
export function ReconnectDialog(props: { onReconnect: (url: string) => Promise<string | null>; onClose: () => void }) {
  const [url, setUrl] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Modal title="Reconnect to Plenary" onClose={props.onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void props.onReconnect(url).then((err) => {
            setBusy(false);
            if (err) setError(err);
            else props.onClose();
          });
        }}
      >
        <p>
          Start Plenary again on the same port (for example <code>npm run serve -- --port {window.location.port || 'PORT'}</code>) and paste the
          address it prints (<code>http://127.0.0.1:…/?token=…</code>). The text in this window is kept.
        </p>
        <input aria-label="New address" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="http://127.0.0.1:41234/?token=…" style={{ width: '100%' }} />
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="modal-actions">
          <button type="submit" className="primary" disabled={busy || !url.trim()}>
            Reconnect
          </button>
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** A draft the user wants to open is open in another live window. */
export function LockedDialog(props: { name: string; owner: DraftLockOwner; onCopy: () => void; onClose: () => void }) {
  const since = props.owner.since ? new Date(props.owner.since).toLocaleString() : 'earlier';
  return (
    <Modal title="This draft is already open" onClose={props.onClose}>
      <p>
        <strong>{props.name}</strong> is open in another Plenary window (process {props.owner.pid}
        {props.owner.hostname ? ` on ${props.owner.hostname}` : ''}, since {since}). If both windows edited it, each save would overwrite the other’s
        work.
      </p>
      <p>Switch to that window, or open a copy here: the copy is a new draft that you save under another name.</p>
      <div className="modal-actions">
        <button type="button" className="primary" onClick={props.onCopy}>
          Open a copy
        </button>
        <button type="button" onClick={props.onClose}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
