/**
 * What the window says when the draft is not safe: the banner for a lost host or a failing
 * autosave (with Download and Reconnect), the reconnect dialog, and the warning shown when a
 * draft is already open in another window.
 */
import { formatDateTime, useTranslation } from '../i18n/index.js';
import { useState } from 'react';
import type { DraftLockOwner } from '../../shared/api.js';
import type { AutosaveStatus } from '../state/autosave.js';
import type { ConnectionStatus } from '../state/connection.js';
import { Modal } from './Dialogs.js';

/** The banner above the page; renders nothing while everything is fine. */
export function HostBanner(props: { conn: ConnectionStatus; status: AutosaveStatus; onDownload: () => void; onReconnect: (() => void) | null }) {
  const { t } = useTranslation();
  const { conn, status } = props;
  if (!conn.lost && status.journal !== 'failed') return null;
  const text = conn.lost ? t('host.lost', { reason: conn.reason }) : t('host.autosaveFailing', { error: status.error });
  return (
    <div className="host-banner" role="alert">
      <span>{text}</span>
      <button type="button" className="primary" onClick={props.onDownload}>
        {t('host.download')}
      </button>
      {conn.lost && props.onReconnect ? (
        <button type="button" onClick={props.onReconnect}>
          {t('host.reconnectButton')}
        </button>
      ) : null}
    </div>
  );
}

/** Asks for the address a restarted host printed; the window's text is kept either way. */
export function ReconnectDialog(props: { onReconnect: (url: string) => Promise<string | null>; onClose: () => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Modal title={t('host.reconnectTitle')} onClose={props.onClose}>
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
          {t('host.reconnectHelp', { command: `npm run serve -- --port ${window.location.port || 'PORT'}`, address: 'http://127.0.0.1:…/?token=…' })}
        </p>
        <input aria-label={t('host.newAddress')} value={url} onChange={(e) => setUrl(e.target.value)} placeholder="http://127.0.0.1:41234/?token=…" style={{ width: '100%' }} />
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="modal-actions">
          <button type="submit" className="primary" disabled={busy || !url.trim()}>
            {t('host.reconnect')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** A draft the user wants to open is open in another live window. */
export function LockedDialog(props: { name: string; owner: DraftLockOwner; onCopy: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const since = props.owner.since ? formatDateTime(props.owner.since) : t('locked.earlier');
  return (
    <Modal title={t('locked.title')} onClose={props.onClose}>
      <p>
        {t('locked.body', { name: props.name, pid: props.owner.pid, where: props.owner.hostname ? t('locked.on', { host: props.owner.hostname }) : '', since })}
      </p>
      <p>{t('locked.advice')}</p>
      <div className="modal-actions">
        <button type="button" className="primary" onClick={props.onCopy}>
          {t('locked.copy')}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Modal>
  );
}
