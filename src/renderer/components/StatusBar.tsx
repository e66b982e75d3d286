/**
 * The status bar: where the caret is, counts, language, modes, what Tab does (Ctrl+M), save
 * state, zoom and shell, and the screen reader's announcer (a11y/announcer.ts writes into it).
 */
import type { EditorState } from 'prosemirror-state';
import type { AppInfo } from '../../shared/api.js';
import type { ParaInfo } from '../../shared/resolution/structure.js';
import { proposalsKey } from '../../shared/editor/negotiation/index.js';
import { saveStateText, type AutosaveStatus } from '../state/autosave.js';
import { formatNumber, useTranslation } from '../i18n/index.js';

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
  /** Whether Tab in the editor moves focus (true) or demotes paragraphs (false). */
  tabMovesFocus: boolean;
  onTabMovesFocus: (on: boolean) => void;
}

/** The status bar. */
export function StatusBar({ current, counts: c, language, negotiationNumbering, snapshot, status, hostLost, zoom, info, tabMovesFocus, onTabMovesFocus }: StatusBarProps) {
  const { t } = useTranslation();
  const negotiation = proposalsKey.getState(snapshot);
  return (
    <footer className="status-bar" aria-label={t('status.bar')}>
      <span>{current ? current.designation || (current.section === 'pp' ? t('status.preamble') : t('status.operative')) : '—'}</span>
      <span>{t('status.counts', { pp: c.pp, op: c.op, words: t('status.words', { count: c.words, formatted: formatNumber(c.words) }) })}</span>
      <span>{language.toUpperCase()}</span>
      {negotiationNumbering ? <span className="badge">{t('status.negotiationNumbering')}</span> : null}
      {negotiation?.enabled ? <span className="badge neg">{t('status.negotiationAs', { delegation: negotiation.delegation })}</span> : null}
      <span className="spacer" />
      <button type="button" className="tab-mode" aria-pressed={tabMovesFocus} aria-keyshortcuts="Control+M" title={t('a11y.tabMode.title')} onClick={() => onTabMovesFocus(!tabMovesFocus)}>
        {tabMovesFocus ? t('a11y.tabMode.focus') : t('a11y.tabMode.demote')}
      </button>
      <span role="status" className={`save-state${hostLost || status.journal === 'failed' ? ' unsafe' : ''}`}>{saveStateText(status, hostLost)}</span>
      <span>{Math.round(zoom * 100)}%</span>
      <span>{info ? (info.mode === 'electron' ? t('status.desktop') : t('status.browser')) : ''}</span>
      <div id="plenary-announcer" className="sr-only" aria-live="polite" aria-atomic="true" />
    </footer>
  );
}
