/**
 * The question File › Export asks when the draft has open proposals: which text the export shows
 * (negotiation/views.ts). Each choice says what it means; a choice the format cannot carry
 * (tracked changes outside Word, the compilation in plain text or Akoma Ntoso) is disabled with
 * the reason, so an export never silently shows another text than the one asked for.
 */
import { useState } from 'react';
import { PROPOSAL_VIEWS, type ProposalView } from '../../shared/negotiation/views.js';
import { Modal } from './Dialogs.js';

/** The export formats of File › Export. */
export type ExportFormatChoice = 'docx' | 'pdf' | 'html' | 'txt' | 'akn';

const LABEL: Record<ProposalView, { title: string; hint: string }> = {
  base: { title: 'Base text', hint: 'the text the proposals were made on: no proposal applied' },
  accepted: { title: 'As if all were accepted', hint: 'every open proposal applied' },
  compilation: { title: 'Compilation text', hint: 'proposals inline with their delegations, brackets and statuses; notes as comments' },
  tracked: { title: 'Word tracked changes', hint: 'each open proposal a revision by its delegation; notes as comments' },
};

const FORMAT_NAME: Record<ExportFormatChoice, string> = { docx: 'Word', pdf: 'PDF', html: 'HTML', txt: 'plain text', akn: 'Akoma Ntoso' };

/** Why `view` cannot be exported in `format`, or null when it can. */
export function viewUnavailable(view: ProposalView, format: ExportFormatChoice): string | null {
  if (view === 'tracked' && format !== 'docx') return 'only in Word';
  if (view === 'compilation' && (format === 'txt' || format === 'akn')) return 'in Word, PDF or HTML';
  return null;
}

/** Asks which text to export; `open` is the number of open proposals. */
export function ExportViewDialog(props: { format: ExportFormatChoice; open: number; onExport: (view: ProposalView) => void; onClose: () => void }) {
  const [view, setView] = useState<ProposalView>(viewUnavailable('compilation', props.format) ? 'accepted' : 'compilation');
  const many = `${props.open} open ${props.open === 1 ? 'proposal' : 'proposals'}`;
  return (
    <Modal title={`Export ${FORMAT_NAME[props.format]}`} onClose={props.onClose}>
      <form
        className="export-view"
        onSubmit={(e) => {
          e.preventDefault();
          props.onExport(view);
        }}
      >
        <p className="export-question">
          This draft has <b>{many}</b>. Which text should the export show?
        </p>
        <fieldset>
          <legend className="sr-only">Text to export</legend>
          {PROPOSAL_VIEWS.map((v) => {
            const why = viewUnavailable(v, props.format);
            return (
              <label key={v} className={`check${why ? ' disabled' : ''}`}>
                <input type="radio" name="proposal-view" value={v} checked={view === v} disabled={why !== null} onChange={() => setView(v)} />{' '}
                <b>{LABEL[v].title}</b> — {LABEL[v].hint}
                {why ? ` (${why})` : ''}
              </label>
            );
          })}
        </fieldset>
        <div className="row-actions">
          <button type="submit" className="primary">
            Export
          </button>
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
