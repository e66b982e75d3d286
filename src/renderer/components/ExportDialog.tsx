/**
 * The question File › Export asks when the draft has open proposals: which text the export shows
 * (negotiation/views.ts). Each choice says what it means; a choice the format cannot carry
 * (tracked changes outside Word, the compilation in plain text or Akoma Ntoso) is disabled with
 * the reason, so an export never silently shows another text than the one asked for.
 */
import { useState } from 'react';
import { Trans } from 'react-i18next';
import { PROPOSAL_VIEWS, type ProposalView } from '../../shared/negotiation/views.js';
import { t, useTranslation } from '../i18n/index.js';
import { Modal } from './Dialogs.js';

/** The export formats of File › Export. */
export type ExportFormatChoice = 'docx' | 'pdf' | 'html' | 'txt' | 'akn';

/** Each view's title and explanation keys. */
const LABEL: Record<ProposalView, { title: string; hint: string }> = {
  base: { title: 'exportView.base', hint: 'exportView.baseHint' },
  accepted: { title: 'exportView.accepted', hint: 'exportView.acceptedHint' },
  compilation: { title: 'exportView.compilation', hint: 'exportView.compilationHint' },
  tracked: { title: 'exportView.tracked', hint: 'exportView.trackedHint' },
};

const FORMAT_NAME: Record<ExportFormatChoice, string> = {
  docx: 'exportView.format.docx',
  pdf: 'exportView.format.pdf',
  html: 'exportView.format.html',
  txt: 'exportView.format.txt',
  akn: 'exportView.format.akn',
};

/** Why `view` cannot be exported in `format` (in the interface language), or null when it can. */
export function viewUnavailable(view: ProposalView, format: ExportFormatChoice): string | null {
  if (view === 'tracked' && format !== 'docx') return t('exportView.onlyWord');
  if (view === 'compilation' && (format === 'txt' || format === 'akn')) return t('exportView.wordPdfHtml');
  return null;
}

/** Asks which text to export; `open` is the number of open proposals. */
export function ExportViewDialog(props: { format: ExportFormatChoice; open: number; onExport: (view: ProposalView) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [view, setView] = useState<ProposalView>(viewUnavailable('compilation', props.format) ? 'accepted' : 'compilation');
  return (
    <Modal title={t('exportView.title', { format: t(FORMAT_NAME[props.format]) })} onClose={props.onClose}>
      <form
        className="export-view"
        onSubmit={(e) => {
          e.preventDefault();
          props.onExport(view);
        }}
      >
        <p className="export-question">
          <Trans i18nKey={'exportView.question'} count={props.open} components={{ b: <b /> }} />
        </p>
        <fieldset>
          <legend className="sr-only">{t('exportView.legend')}</legend>
          {PROPOSAL_VIEWS.map((v) => {
            const why = viewUnavailable(v, props.format);
            return (
              <label key={v} className={`check${why ? ' disabled' : ''}`}>
                <input type="radio" name="proposal-view" value={v} checked={view === v} disabled={why !== null} onChange={() => setView(v)} />{' '}
                <b>{t(LABEL[v].title)}</b> — {t(LABEL[v].hint)}
                {why ? ` (${why})` : ''}
              </label>
            );
          })}
        </fieldset>
        <div className="row-actions">
          <button type="submit" className="primary">
            {t('exportView.export')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
