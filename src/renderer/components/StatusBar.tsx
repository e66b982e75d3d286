/** The status bar: where the caret is, counts, language, modes, save state, zoom and shell. */
import type { EditorState } from 'prosemirror-state';
import type { AppInfo } from '../../shared/api.js';
import type { ParaInfo } from '../../shared/resolution/structure.js';
import { proposalsKey } from '../../shared/editor/negotiation/index.js';
import { saveStateText, type AutosaveStatus } from '../state/autosave.js';

/** Props of the status bar. */
export interface StatusBarProps {
  current: ParaInfo | null;
  counts: { words: number; pp: number; op: number };
  language: string;
  negotiationNumbering: boolean;
  snapshot: EditorState;
  status: AutosaveStatus;
  hostLost: boolean;
  zoom: number;
  info: AppInfo | null;
}

/** The status bar. */
export function StatusBar({ current, counts: c, language, negotiationNumbering, snapshot, status, hostLost, zoom, info }: StatusBarProps) {
  const negotiation = proposalsKey.getState(snapshot);
  return (
    <footer className="status-bar" role="status">
      <span>{current ? current.designation || (current.section === 'pp' ? 'Preamble' : 'Operative') : '—'}</span>
      <span>
        {c.pp} PP · {c.op} OP · {c.words.toLocaleString()} words
      </span>
      <span>{language.toUpperCase()}</span>
      {negotiationNumbering ? <span className="badge">Negotiation numbering</span> : null}
      {negotiation?.enabled ? <span className="badge neg">Negotiation: {negotiation.delegation}</span> : null}
      <span className="spacer" />
      <span className={`save-state${hostLost || status.journal === 'failed' ? ' unsafe' : ''}`}>{saveStateText(status, hostLost)}</span>
      <span>{Math.round(zoom * 100)}%</span>
      <span>{info ? (info.mode === 'electron' ? 'Desktop' : 'Browser mode') : ''}</span>
    </footer>
  );
}
