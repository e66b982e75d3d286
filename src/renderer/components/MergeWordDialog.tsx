/**
 * File › Merge a Word file…: a delegation's .docx with tracked changes and comments comes in as
 * proposals and notes (drafts.mergeWord; negotiation/merge.ts). Nothing is applied until the user
 * has seen the summary — per delegation, what was made without Track Changes, what could not be
 * placed — and confirmed. The Word author → delegation mapping is shown, editable, and read again
 * on demand; the parent remembers it when the merge is applied.
 */
import { useRef, useState } from 'react';
import type { ApiOutputs } from '../../shared/api.js';
import type { Unplaced } from '../../shared/negotiation/merge-paragraph.js';
import { mappingRows, type AuthorMap } from '../state/author-map.js';
import { errorMessage, t, useTranslation } from '../i18n/index.js';
import { Modal } from './Dialogs.js';

/** What a merge returned. */
export type MergeOutcome = ApiOutputs['drafts.mergeWord'];

/** Where the Word file comes from: a picked browser File, or a path from the native dialog. */
export type MergeSource = { file: File } | { path: string; name: string };

/** Props of the dialog. */
export interface MergeWordDialogProps {
  /** Desktop app: a native open dialog (resolves null when cancelled); browser: absent (file input). */
  pickPath?: () => Promise<string | null>;
  /** Runs the merge (nothing applied). Rejects with the service's message on a bad file. */
  read: (source: MergeSource, map: AuthorMap) => Promise<MergeOutcome>;
  initialMap: AuthorMap;
  onApply: (outcome: MergeOutcome, map: AuthorMap, fileName: string) => void;
  onClose: () => void;
}

type Phase = { kind: 'pick' } | { kind: 'reading'; name: string } | { kind: 'error'; message: string } | { kind: 'summary'; source: MergeSource; outcome: MergeOutcome };

const nameOf = (s: MergeSource) => ('file' in s ? s.file.name : s.name);

/** The dialog. */
export function MergeWordDialog(props: MergeWordDialogProps) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>({ kind: 'pick' });
  const [map, setMap] = useState<AuthorMap>(props.initialMap);
  const [rows, setRows] = useState<{ author: string; delegation: string }[]>([]);
  // The rows the shown summary was read with: an edited mapping must be read again before applying.
  const [readRows, setReadRows] = useState<{ author: string; delegation: string }[]>([]);
  const input = useRef<HTMLInputElement>(null);

  const run = (source: MergeSource, m: AuthorMap) => {
    setPhase({ kind: 'reading', name: nameOf(source) });
    props.read(source, m).then(
      (outcome) => {
        const r = mappingRows(outcome.summary.delegations.map((d) => d.delegation), m);
        setRows(r);
        setReadRows(r);
        setPhase({ kind: 'summary', source, outcome });
      },
      (e: unknown) => setPhase({ kind: 'error', message: errorMessage(e) }),
    );
  };
  const rowsMap = (): AuthorMap => {
    const m: AuthorMap = { ...map };
    for (const r of rows) if (r.author.trim()) m[r.author.trim()] = r.delegation.trim() || r.author.trim();
    return m;
  };

  return (
    <Modal title={t('mergeWord.title')} onClose={props.onClose} wide>
      <div className="merge-word">
        {phase.kind === 'pick' || phase.kind === 'error' ? (
          <>
            <p>{t('mergeWord.intro')}</p>
            {phase.kind === 'error' ? (
              <p className="merge-error" role="alert">
                {phase.message}
              </p>
            ) : null}
            {props.pickPath ? (
              <button
                type="button"
                className="primary"
                onClick={() =>
                  void props.pickPath!().then(
                    (p) => p && run({ path: p, name: p.split(/[\\/]/).pop() ?? p }, map),
                    (e: unknown) => setPhase({ kind: 'error', message: errorMessage(e) }),
                  )
                }
              >
                {t('mergeWord.choose')}
              </button>
            ) : (
              <input
                ref={input}
                type="file"
                accept=".docx"
                aria-label={t('mergeWord.input')}
                data-testid="merge-word-input"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  e.target.value = '';
                  if (f) run({ file: f }, map);
                }}
              />
            )}
          </>
        ) : phase.kind === 'reading' ? (
          <p>{t('mergeWord.reading', { name: phase.name })}</p>
        ) : (
          <MergeSummaryView
            name={nameOf(phase.source)}
            outcome={phase.outcome}
            rows={rows}
            mappingEdited={JSON.stringify(rows) !== JSON.stringify(readRows)}
            onRows={setRows}
            onReread={() => {
              const m = rowsMap();
              setMap(m);
              run(phase.source, m);
            }}
            onApply={() => props.onApply(phase.outcome, rowsMap(), nameOf(phase.source))}
            onCancel={props.onClose}
          />
        )}
      </div>
    </Modal>
  );
}

const UNPLACED: Record<Unplaced['kind'], { what: string; reason: string }> = {
  outside: { what: 'mergeWord.what.paragraph', reason: 'mergeWord.reason.outside' },
  missing: { what: 'mergeWord.what.missing', reason: 'mergeWord.reason.missing' },
  comment: { what: 'mergeWord.what.comment', reason: 'mergeWord.reason.noParagraph' },
};

/** One thing that could not be placed, said in the interface language (its text cut at 80 characters). */
export function unplacedLine(u: Unplaced, fileName: string): string {
  const keys = UNPLACED[u.kind];
  const text = u.text.length > 80 ? `${u.text.slice(0, 80)}…` : u.text;
  return t('mergeWord.unplaced', { what: t(keys.what), text, reason: t(keys.reason, { designation: u.designation ?? '', file: fileName }) });
}

function MergeSummaryView(props: {
  name: string;
  outcome: MergeOutcome;
  rows: { author: string; delegation: string }[];
  mappingEdited: boolean;
  onRows: (rows: { author: string; delegation: string }[]) => void;
  onReread: () => void;
  onApply: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { summary } = props.outcome;
  const total = summary.delegations.reduce((n, d) => n + d.insertions + d.deletions + d.paragraphsInserted + d.paragraphsDeleted + d.moves, 0);
  const notes = props.outcome.notes.length;
  const proposalsText = t('mergeWord.proposals', { count: total });
  const notesText = t('mergeWord.notes', { count: notes });
  return (
    <>
      <p className="merge-found">
        {t('mergeWord.found', { name: props.name, aligned: summary.paragraphsAligned, total: summary.paragraphsWithText, how: t(summary.alignedBy === 'id' ? 'mergeWord.byIds' : 'mergeWord.byText') })}{' '}
        {t('mergeWord.toAdd', { proposals: proposalsText, notes: notesText })}
      </p>
      <table className="merge-summary">
        <thead>
          <tr>
            <th scope="col">{t('mergeWord.col.delegation')}</th>
            <th scope="col">{t('mergeWord.col.insertions')}</th>
            <th scope="col">{t('mergeWord.col.deletions')}</th>
            <th scope="col">{t('mergeWord.col.newParagraphs')}</th>
            <th scope="col">{t('mergeWord.col.deletedParagraphs')}</th>
            <th scope="col">{t('mergeWord.col.moves')}</th>
            <th scope="col">{t('mergeWord.col.untracked')}</th>
            <th scope="col">{t('mergeWord.col.notes')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.delegations.map((d) => (
            <tr key={d.delegation} data-delegation={d.delegation}>
              <th scope="row">{d.delegation}</th>
              <td>{d.insertions}</td>
              <td>{d.deletions}</td>
              <td>{d.paragraphsInserted}</td>
              <td>{d.paragraphsDeleted}</td>
              <td>{d.moves}</td>
              <td className={d.untracked ? 'merge-untracked' : ''}>{d.untracked}</td>
              <td>{d.notes}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.delegations.some((d) => d.untracked) ? (
        <p className="merge-untracked-note">{t('mergeWord.untrackedNote')}</p>
      ) : null}
      {summary.unplaced.length ? (
        <section aria-label={t('mergeWord.notPlaced')}>
          <div className="neg-head">{t('mergeWord.unplacedHead', { count: summary.unplaced.length })}</div>
          <ul className="merge-unplaced">
            {summary.unplaced.map((u, i) => (
              <li key={i}>{unplacedLine(u, props.name)}</li>
            ))}
          </ul>
        </section>
      ) : (
        <p className="merge-all-placed">{t('mergeWord.allPlaced')}</p>
      )}
      <details className="merge-mapping" open={props.rows.some((r) => r.author !== r.delegation)}>
        <summary>{t('mergeWord.mapping')}</summary>
        <table>
          <tbody>
            {props.rows.map((r, i) => (
              <tr key={i}>
                <td>
                  <input aria-label={t('mergeWord.author', { n: i + 1 })} value={r.author} onChange={(e) => props.onRows(props.rows.map((x, j) => (j === i ? { ...x, author: e.target.value } : x)))} />
                </td>
                <td>→</td>
                <td>
                  <input aria-label={t('mergeWord.delegationOf', { author: r.author })} value={r.delegation} onChange={(e) => props.onRows(props.rows.map((x, j) => (j === i ? { ...x, delegation: e.target.value } : x)))} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" onClick={props.onReread}>
          {t('mergeWord.reread')}
        </button>
      </details>
      <div className="row-actions">
        {props.mappingEdited ? <span className="merge-reread">{t('mergeWord.rereadNeeded')}</span> : null}
        <button type="button" className="primary" disabled={(total === 0 && notes === 0) || props.mappingEdited} onClick={props.onApply}>
          {notes ? t('mergeWord.addWithNotes', { proposals: proposalsText, notes: notesText }) : t('mergeWord.add', { proposals: proposalsText })}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </>
  );
}
