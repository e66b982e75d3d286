/**
 * The negotiation panel: negotiation mode and the delegation typing, the managed list of
 * delegations with colours, the view (full markup, clean text, one delegation), the proposals
 * with accept / reject / withdraw one by one or by delegation, brackets, paragraph statuses with
 * a summary and a filter, and the compilation-text export.
 */
import { useState } from 'react';
import type { EditorState } from 'prosemirror-state';
import type { Command } from 'prosemirror-state';
import {
  acceptAllBy,
  acceptProposal,
  countBrackets,
  listProposals,
  proposalsKey,
  rejectAllBy,
  rejectProposal,
  setParagraphStatus,
  statusSummary,
  toggleBrackets,
  withdrawProposal,
  type NegotiationSettings,
} from '../../shared/editor/negotiation/index.js';
import { structureKey } from '../../shared/editor/plugins/structure.js';
import { PALETTE, type NegotiationFile } from '../negotiation-state.js';

/** Props of the panel. */
export interface NegotiationPanelProps {
  state: EditorState;
  negotiation: NegotiationFile;
  currentParagraph: { id: string; designation: string; status: string; holder: string } | null;
  onSettings: (patch: Partial<NegotiationSettings>) => void;
  onNegotiation: (n: NegotiationFile) => void;
  exec: (cmd: Command) => boolean;
  onJump: (paragraphId: string) => void;
  onExportCompilation: (format: 'docx' | 'pdf' | 'html') => void;
}

const STATUS_LABEL: Record<string, string> = { '': 'open', agreed: 'agreed', adref: 'agreed ad ref', pending: 'pending', deleted: 'deleted' };

/** The panel. */
export function NegotiationPanel(props: NegotiationPanelProps) {
  const { state, negotiation } = props;
  const settings = proposalsKey.getState(state);
  const proposals = listProposals(state);
  const summary = statusSummary(state);
  const brackets = countBrackets(state.doc);
  const [newName, setNewName] = useState('');
  const [byFilter, setByFilter] = useState('');
  const [statusFilter, setStatusFilter] = useState('');
  const shown = proposals.filter((p) => !byFilter || p.by === byFilter);
  const paras = structureKey.getState(state)?.structure.paras ?? [];
  const filtered = statusFilter ? paras.filter((p) => p.level === 0 && !p.tail && ((p.node.attrs.status as string) || '') === (statusFilter === 'open' ? '' : statusFilter)) : [];
  const color = (by: string) => negotiation.delegations.find((d) => d.name === by)?.color ?? '#777';
  const cur = props.currentParagraph;

  return (
    <div className="negotiation">
      <section className="neg-mode">
        <label className="check">
          <input type="checkbox" checked={settings?.enabled ?? false} onChange={(e) => props.onSettings({ enabled: e.target.checked })} /> Negotiation mode: record
          edits as proposals
        </label>
        <label>
          Proposals by{' '}
          <select aria-label="Delegation" value={settings?.delegation ?? ''} onChange={(e) => props.onSettings({ delegation: e.target.value })}>
            {negotiation.delegations.map((d) => (
              <option key={d.name} value={d.name}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          View{' '}
          <select
            aria-label="View"
            value={settings?.view === 'only' ? `only:${settings.only ?? ''}` : (settings?.view ?? 'markup')}
            onChange={(e) => {
              const v = e.target.value;
              if (v.startsWith('only:')) props.onSettings({ view: 'only', only: v.slice(5) });
              else props.onSettings({ view: v as 'markup' | 'clean' });
            }}
          >
            <option value="markup">Full markup</option>
            <option value="clean">Clean text</option>
            {negotiation.delegations.map((d) => (
              <option key={d.name} value={`only:${d.name}`}>
                Only {d.name}
              </option>
            ))}
          </select>
        </label>
      </section>

      <section className="neg-delegations" aria-label="Delegations">
        <div className="neg-head">Delegations</div>
        <ul className="chips">
          {negotiation.delegations.map((d, i) => (
            <li key={d.name} className="chip" style={{ borderColor: d.color }}>
              <input
                type="color"
                aria-label={`Colour of ${d.name}`}
                value={d.color}
                onChange={(e) => {
                  const delegations = negotiation.delegations.map((x, j) => (j === i ? { ...x, color: e.target.value } : x));
                  props.onNegotiation({ ...negotiation, delegations });
                  props.onSettings({ delegations });
                }}
              />
              {d.name}
              <button
                type="button"
                className="icon"
                aria-label={`Remove ${d.name}`}
                disabled={proposals.some((p) => p.by === d.name)}
                title={proposals.some((p) => p.by === d.name) ? 'Has proposals in the text' : 'Remove'}
                onClick={() => {
                  const delegations = negotiation.delegations.filter((x) => x.name !== d.name);
                  props.onNegotiation({ ...negotiation, delegations });
                  props.onSettings({ delegations });
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const name = newName.trim();
            if (!name || negotiation.delegations.some((d) => d.name === name)) return;
            const delegations = [...negotiation.delegations, { name, color: PALETTE[negotiation.delegations.length % PALETTE.length]! }];
            props.onNegotiation({ ...negotiation, delegations });
            props.onSettings({ delegations });
            setNewName('');
          }}
        >
          <input aria-label="New delegation" placeholder="Add a delegation or group" value={newName} onChange={(e) => setNewName(e.target.value)} />
          <button type="submit">Add</button>
        </form>
      </section>

      <section aria-label="Proposals">
        <div className="neg-head">
          Proposals ({proposals.length}){' '}
          <select aria-label="Proposals of" value={byFilter} onChange={(e) => setByFilter(e.target.value)}>
            <option value="">all delegations</option>
            {negotiation.delegations.map((d) => (
              <option key={d.name} value={d.name}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        {byFilter ? (
          <div className="row-actions">
            <button type="button" onClick={() => props.exec(acceptAllBy(byFilter))}>
              Accept all by {byFilter}
            </button>
            <button type="button" onClick={() => props.exec(rejectAllBy(byFilter))}>
              Reject all by {byFilter}
            </button>
          </div>
        ) : null}
        <ol className="proposals">
          {shown.map((p) => (
            <li key={p.id} className={`proposal-item ${p.kind}`} data-proposal={p.id} style={{ borderLeftColor: color(p.by) }}>
              <button type="button" className="check-where" onClick={() => props.onJump(p.paragraphId)}>
                {p.designation}
              </button>{' '}
              <b>{p.by}</b> {p.kind === 'ins' || p.kind === 'para-ins' ? 'inserts' : 'deletes'}
              {p.parent ? ' (on a proposal)' : ''}: <span className={p.kind.endsWith('del') ? 'del-text' : 'ins-text'}>{p.text.length > 90 ? `${p.text.slice(0, 90)}…` : p.text}</span>
              <div className="row-actions">
                <button type="button" onClick={() => props.exec(acceptProposal(p.id))}>
                  Accept
                </button>
                <button type="button" onClick={() => props.exec(rejectProposal(p.id))}>
                  Reject
                </button>
                <button type="button" onClick={() => props.exec(withdrawProposal(p.id))} title={`Withdrawn by ${p.by}`}>
                  Withdraw
                </button>
              </div>
            </li>
          ))}
        </ol>
        {proposals.length === 0 ? <p className="panel-empty">No open proposals.</p> : null}
      </section>

      <section aria-label="Brackets">
        <div className="neg-head">
          Brackets: <span className="bracket-count">{brackets}</span> remaining
        </div>
        <button type="button" onClick={() => props.exec(toggleBrackets)} title="Bracket the selection (or remove the bracket around the cursor)">
          [ ] Bracket selection
        </button>
      </section>

      <section aria-label="Paragraph status">
        <div className="neg-head status-summary">
          {summary.agreed + summary.adref} of {summary.total} paragraphs agreed
          {summary.adref ? ` (${summary.adref} ad ref)` : ''}
          {summary.pending ? `, ${summary.pending} pending` : ''}
        </div>
        {cur ? (
          <div className="status-editor">
            <span>{cur.designation}:</span>
            <select
              aria-label="Status"
              value={cur.status}
              onChange={(e) => props.exec(setParagraphStatus(cur.id, e.target.value as 'agreed', e.target.value === 'pending' ? cur.holder || (settings?.delegation ?? '') : ''))}
            >
              <option value="">open</option>
              <option value="agreed">agreed</option>
              <option value="adref">agreed ad ref</option>
              <option value="pending">pending</option>
              <option value="deleted">deleted</option>
            </select>
            {cur.status === 'pending' ? (
              <select aria-label="Held by" value={cur.holder} onChange={(e) => props.exec(setParagraphStatus(cur.id, 'pending', e.target.value))}>
                {negotiation.delegations.map((d) => (
                  <option key={d.name} value={d.name}>
                    pending {d.name}
                  </option>
                ))}
              </select>
            ) : null}
          </div>
        ) : null}
        <label>
          Show paragraphs{' '}
          <select aria-label="Status filter" value={statusFilter} onChange={(e) => setStatusFilter(e.target.value)}>
            <option value="">—</option>
            {['open', 'agreed', 'adref', 'pending', 'deleted'].map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s === 'open' ? '' : s]}
              </option>
            ))}
          </select>
        </label>
        {statusFilter ? (
          <ul className="status-list">
            {filtered.map((p) => (
              <li key={p.id}>
                <button type="button" className="check-where" onClick={() => props.onJump(p.id)}>
                  {p.designation}
                </button>{' '}
                {STATUS_LABEL[(p.node.attrs.status as string) || '']}
                {p.node.attrs.holder ? ` ${p.node.attrs.holder as string}` : ''}
              </li>
            ))}
            {filtered.length === 0 ? <li className="panel-empty">None.</li> : null}
          </ul>
        ) : null}
      </section>

      <section aria-label="Compilation text">
        <div className="neg-head">Compilation text</div>
        <div className="row-actions">
          <button type="button" onClick={() => props.onExportCompilation('docx')}>
            Export Word
          </button>
          <button type="button" onClick={() => props.onExportCompilation('pdf')}>
            Export PDF
          </button>
        </div>
      </section>
    </div>
  );
}
