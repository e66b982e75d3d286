/**
 * File › Merge a Word file…: a delegation's .docx with tracked changes and comments comes in as
 * proposals and notes (drafts.mergeWord; negotiation/merge.ts). Nothing is applied until the user
 * has seen the summary — per delegation, what was made without Track Changes, what could not be
 * placed — and confirmed. The Word author → delegation mapping is shown, editable, and read again
 * on demand; the parent remembers it when the merge is applied.
 */
import { useRef, useState } from 'react';
import type { ApiOutputs } from '../../shared/api.js';
import { mappingRows, type AuthorMap } from '../state/author-map.js';
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
      (e: unknown) => setPhase({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  };
  const rowsMap = (): AuthorMap => {
    const m: AuthorMap = { ...map };
    for (const r of rows) if (r.author.trim()) m[r.author.trim()] = r.delegation.trim() || r.author.trim();
    return m;
  };

  return (
    <Modal title="Merge a Word file" onClose={props.onClose} wide>
      <div className="merge-word">
        {phase.kind === 'pick' || phase.kind === 'error' ? (
          <>
            <p>
              Choose a delegation's Word file (.docx). Its tracked changes become proposals by their authors' delegations and its comments become paragraph notes.
              Nothing changes in the draft until you confirm.
            </p>
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
                    (e: unknown) => setPhase({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
                  )
                }
              >
                Choose a Word file…
              </button>
            ) : (
              <input
                ref={input}
                type="file"
                accept=".docx"
                aria-label="Word file to merge"
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
          <p>Reading {phase.name}…</p>
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
  const { summary } = props.outcome;
  const total = summary.delegations.reduce((n, d) => n + d.insertions + d.deletions + d.paragraphsInserted + d.paragraphsDeleted + d.moves, 0);
  const notes = props.outcome.notes.length;
  return (
    <>
      <p className="merge-found">
        {props.name}: {summary.paragraphsAligned} of the draft's {summary.paragraphsWithText} paragraphs found (by {summary.alignedBy === 'id' ? "Plenary's paragraph ids" : 'their text'}).{' '}
        {total} {total === 1 ? 'proposal' : 'proposals'} and {notes} {notes === 1 ? 'note' : 'notes'} to add.
      </p>
      <table className="merge-summary">
        <thead>
          <tr>
            <th scope="col">Delegation</th>
            <th scope="col">Insertions</th>
            <th scope="col">Deletions</th>
            <th scope="col">New paragraphs</th>
            <th scope="col">Deleted paragraphs</th>
            <th scope="col">Moves</th>
            <th scope="col">Without Track Changes</th>
            <th scope="col">Notes</th>
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
        <p className="merge-untracked-note">Changes made without Track Changes are proposals by the file's author, flagged in a note on their paragraph.</p>
      ) : null}
      {summary.unplaced.length ? (
        <section aria-label="Not placed">
          <div className="neg-head">Could not be placed ({summary.unplaced.length})</div>
          <ul className="merge-unplaced">
            {summary.unplaced.map((u, i) => (
              <li key={i}>
                {u.what}: “{u.text.length > 80 ? `${u.text.slice(0, 80)}…` : u.text}” — {u.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p className="merge-all-placed">Everything in the file was placed.</p>
      )}
      <details className="merge-mapping" open={props.rows.some((r) => r.author !== r.delegation)}>
        <summary>Word authors and delegations</summary>
        <table>
          <tbody>
            {props.rows.map((r, i) => (
              <tr key={i}>
                <td>
                  <input aria-label={`Word author ${i + 1}`} value={r.author} onChange={(e) => props.onRows(props.rows.map((x, j) => (j === i ? { ...x, author: e.target.value } : x)))} />
                </td>
                <td>→</td>
                <td>
                  <input aria-label={`Delegation of ${r.author}`} value={r.delegation} onChange={(e) => props.onRows(props.rows.map((x, j) => (j === i ? { ...x, delegation: e.target.value } : x)))} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" onClick={props.onReread}>
          Read again with this mapping
        </button>
      </details>
      <div className="row-actions">
        {props.mappingEdited ? <span className="merge-reread">Read the file again to use the edited mapping.</span> : null}
        <button type="button" className="primary" disabled={(total === 0 && notes === 0) || props.mappingEdited} onClick={props.onApply}>
          Add {total} {total === 1 ? 'proposal' : 'proposals'}
          {notes ? ` and ${notes} ${notes === 1 ? 'note' : 'notes'}` : ''}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
