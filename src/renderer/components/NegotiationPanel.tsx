/**
 * The negotiation panel: negotiation mode and the delegation typing, the managed list of
 * delegations with colours, the view (full markup, clean text, one delegation), the proposals
 * with accept / reject / withdraw one by one or by delegation, brackets, paragraph statuses with
 * a summary and a filter, and the compilation-text export.
 */
import { useTranslation } from '../i18n/index.js';
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
  selectedParagraphIds,
  setParagraphStatus,
  setParagraphStatuses,
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
  /** Runs an accept, reject or withdraw command and records what it decided (the draft's history). */
  onDecide: (status: 'accepted' | 'rejected' | 'withdrawn', cmd: Command) => boolean;
  onJump: (paragraphId: string) => void;
  onExportCompilation: (format: 'docx' | 'pdf' | 'html') => void;
}

const STATUS_LABEL: Record<string, string> = { '': 'neg.status.open', agreed: 'neg.status.agreed', adref: 'neg.status.adref', pending: 'neg.status.pending', deleted: 'neg.status.deleted' };

/** The panel. */
export function NegotiationPanel(props: NegotiationPanelProps) {
  const { t } = useTranslation();
  const { state, negotiation } = props;
  const settings = proposalsKey.getState(state);
  const proposals = listProposals(state);
  const summary = statusSummary(state);
  const brackets = countBrackets(state.doc);
  const [newName, setNewName] = useState('');
  const [byFilter, setByFilter] = useState('');
  const [statusFilter, setStatusFilter] = useState('');
  const [bulkScope, setBulkScope] = useState<'selection' | 'pp' | 'op' | 'filter'>('selection');
  const [bulkStatus, setBulkStatus] = useState<'' | 'agreed' | 'adref' | 'pending' | 'deleted'>('agreed');
  const [bulkHolder, setBulkHolder] = useState('');
  const shown = proposals.filter((p) => !byFilter || p.by === byFilter);
  const paras = structureKey.getState(state)?.structure.paras ?? [];
  const filtered = statusFilter ? paras.filter((p) => p.level === 0 && !p.tail && ((p.node.attrs.status as string) || '') === (statusFilter === 'open' ? '' : statusFilter)) : [];
  const color = (by: string) => negotiation.delegations.find((d) => d.name === by)?.color ?? '#777';
  const cur = props.currentParagraph;
  const numbered = paras.filter((p) => p.level === 0 && !p.tail);
  const bulkIds = (scope: 'selection' | 'pp' | 'op' | 'filter'): string[] =>
    scope === 'selection' ? selectedParagraphIds(state) : scope === 'filter' ? filtered.map((p) => p.id) : numbered.filter((p) => p.section === scope).map((p) => p.id);

  return (
    <div className="negotiation">
      <section className="neg-mode">
        <label className="check">
          <input type="checkbox" checked={settings?.enabled ?? false} onChange={(e) => props.onSettings({ enabled: e.target.checked })} /> {t('neg.mode')}
        </label>
        <label>
          {t('neg.proposalsBy')}{' '}
          <select aria-label={t('neg.delegation')} value={settings?.delegation ?? ''} onChange={(e) => props.onSettings({ delegation: e.target.value })}>
            {negotiation.delegations.map((d) => (
              <option key={d.name} value={d.name}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('neg.view')}{' '}
          <select
            aria-label={t('neg.view')}
            value={settings?.view === 'only' ? `only:${settings.only ?? ''}` : (settings?.view ?? 'markup')}
            onChange={(e) => {
              const v = e.target.value;
              if (v.startsWith('only:')) props.onSettings({ view: 'only', only: v.slice(5) });
              else props.onSettings({ view: v as 'markup' | 'clean' });
            }}
          >
            <option value="markup">{t('neg.fullMarkup')}</option>
            <option value="clean">{t('neg.clean')}</option>
            {negotiation.delegations.map((d) => (
              <option key={d.name} value={`only:${d.name}`}>
                {t('neg.only', { name: d.name })}
              </option>
            ))}
          </select>
        </label>
      </section>

      <section className="neg-delegations" aria-label={t('neg.delegations')}>
        <div className="neg-head">{t('neg.delegations')}</div>
        <ul className="chips">
          {negotiation.delegations.map((d, i) => (
            <li key={d.name} className="chip" style={{ borderColor: d.color }}>
              <input
                type="color"
                aria-label={t('neg.colourOf', { name: d.name })}
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
                aria-label={t('neg.remove', { name: d.name })}
                disabled={proposals.some((p) => p.by === d.name)}
                title={proposals.some((p) => p.by === d.name) ? t('neg.hasProposals') : t('neg.removeShort')}
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
          <input aria-label={t('neg.newDelegation')} placeholder={t('neg.addPlaceholder')} value={newName} onChange={(e) => setNewName(e.target.value)} />
          <button type="submit">{t('neg.add')}</button>
        </form>
      </section>

      <section aria-label={t('neg.proposals')}>
        <div className="neg-head">
          {t('neg.proposalsCount', { count: proposals.length })}{' '}
          <select aria-label={t('neg.proposalsOf')} value={byFilter} onChange={(e) => setByFilter(e.target.value)}>
            <option value="">{t('neg.allDelegations')}</option>
            {negotiation.delegations.map((d) => (
              <option key={d.name} value={d.name}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        {byFilter ? (
          <div className="row-actions">
            <button type="button" onClick={() => props.onDecide('accepted', acceptAllBy(byFilter))}>
              {t('neg.acceptAll', { name: byFilter })}
            </button>
            <button type="button" onClick={() => props.onDecide('rejected', rejectAllBy(byFilter))}>
              {t('neg.rejectAll', { name: byFilter })}
            </button>
          </div>
        ) : null}
        <ol className="proposals">
          {shown.map((p) => (
            <li key={p.id} className={`proposal-item ${p.kind}`} data-proposal={p.id} style={{ borderLeftColor: color(p.by) }}>
              <button type="button" className="check-where" onClick={() => props.onJump(p.paragraphId)}>
                {p.designation}
              </button>{' '}
              <b>{p.by}</b> {p.kind === 'para-move' ? (p.as === 'convert' ? t('neg.converts') : p.as === 'level' ? t('neg.changesLevel') : t('neg.moves')) : p.kind === 'ins' || p.kind === 'para-ins' ? t('neg.inserts') : t('neg.deletes')}
              {p.parent ? t('neg.onProposal') : ''}: <span className={p.kind.endsWith('del') ? 'del-text' : p.kind === 'para-move' ? 'move-text' : 'ins-text'}>{p.text.length > 90 ? `${p.text.slice(0, 90)}…` : p.text}</span>
              <div className="row-actions">
                <button type="button" onClick={() => props.onDecide('accepted', acceptProposal(p.id))}>
                  {t('neg.accept')}
                </button>
                <button type="button" onClick={() => props.onDecide('rejected', rejectProposal(p.id))}>
                  {t('neg.reject')}
                </button>
                <button type="button" onClick={() => props.onDecide('withdrawn', withdrawProposal(p.id))} title={t('neg.withdrawnBy', { name: p.by })}>
                  {t('neg.withdraw')}
                </button>
              </div>
            </li>
          ))}
        </ol>
        {proposals.length === 0 ? <p className="panel-empty">{t('neg.noProposals')}</p> : null}
      </section>

      <section aria-label={t('neg.brackets')}>
        <div className="neg-head">{t('neg.bracketsRemaining', { count: brackets })}</div>
        <button type="button" onClick={() => props.exec(toggleBrackets)} title={t('neg.bracketHint')}>
          {t('neg.bracketSelection')}
        </button>
      </section>

      <section aria-label={t('neg.paragraphStatus')}>
        <div className="neg-head status-summary">
          {t('neg.summary', { agreed: summary.agreed + summary.adref, total: summary.total })}
          {summary.adref ? t('neg.summaryAdref', { count: summary.adref }) : ''}
          {summary.pending ? t('neg.summaryPending', { count: summary.pending }) : ''}
        </div>
        {cur ? (
          <div className="status-editor">
            <span>{cur.designation}:</span>
            <select
              aria-label={t('neg.status')}
              value={cur.status}
              onChange={(e) => props.exec(setParagraphStatus(cur.id, e.target.value as 'agreed', e.target.value === 'pending' ? cur.holder || (settings?.delegation ?? '') : ''))}
            >
              <option value="">{t('neg.status.open')}</option>
              <option value="agreed">{t('neg.status.agreed')}</option>
              <option value="adref">{t('neg.status.adref')}</option>
              <option value="pending">{t('neg.status.pending')}</option>
              <option value="deleted">{t('neg.status.deleted')}</option>
            </select>
            {cur.status === 'pending' ? (
              <select aria-label={t('neg.heldBy')} value={cur.holder} onChange={(e) => props.exec(setParagraphStatus(cur.id, 'pending', e.target.value))}>
                {negotiation.delegations.map((d) => (
                  <option key={d.name} value={d.name}>
                    {t('neg.pendingBy', { name: d.name })}
                  </option>
                ))}
              </select>
            ) : null}
          </div>
        ) : null}
        <BulkStatus
          count={(scope) => bulkIds(scope).length}
          scope={bulkScope}
          status={bulkStatus}
          holder={bulkHolder || (settings?.delegation ?? '')}
          delegations={negotiation.delegations.map((d) => d.name)}
          filterLabel={statusFilter ? t(STATUS_LABEL[statusFilter === 'open' ? '' : statusFilter]!) : ''}
          onScope={setBulkScope}
          onStatus={setBulkStatus}
          onHolder={setBulkHolder}
          onApply={() => props.exec(setParagraphStatuses(bulkIds(bulkScope), bulkStatus, bulkStatus === 'pending' ? bulkHolder || (settings?.delegation ?? '') : ''))}
        />
        <label>
          {t('neg.showParagraphs')}{' '}
          <select aria-label={t('neg.statusFilter')} value={statusFilter} onChange={(e) => setStatusFilter(e.target.value)}>
            <option value="">—</option>
            {['open', 'agreed', 'adref', 'pending', 'deleted'].map((s) => (
              <option key={s} value={s}>
                {t(STATUS_LABEL[s === 'open' ? '' : s] ?? s)}
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
                {t(STATUS_LABEL[(p.node.attrs.status as string) || ''] ?? ((p.node.attrs.status as string) || ''))}
                {p.node.attrs.holder ? ` ${p.node.attrs.holder as string}` : ''}
              </li>
            ))}
            {filtered.length === 0 ? <li className="panel-empty">{t('neg.none')}</li> : null}
          </ul>
        ) : null}
      </section>

      <section aria-label={t('neg.compilation')}>
        <div className="neg-head">{t('neg.compilation')}</div>
        <div className="row-actions">
          <button type="button" onClick={() => props.onExportCompilation('docx')}>
            {t('neg.exportWord')}
          </button>
          <button type="button" onClick={() => props.onExportCompilation('pdf')}>
            {t('neg.exportPdf')}
          </button>
        </div>
      </section>
    </div>
  );
}

type Scope = 'selection' | 'pp' | 'op' | 'filter';
type StatusValue = '' | 'agreed' | 'adref' | 'pending' | 'deleted';

/** Sets one status on many paragraphs at once (one undo step): the selection, a whole part, or what the filter shows. */
function BulkStatus(props: {
  count: (scope: Scope) => number;
  scope: Scope;
  status: StatusValue;
  holder: string;
  delegations: string[];
  filterLabel: string;
  onScope: (s: Scope) => void;
  onStatus: (s: StatusValue) => void;
  onHolder: (h: string) => void;
  onApply: () => void;
}) {
  const { t } = useTranslation();
  const n = props.count(props.scope);
  return (
    <div className="bulk-status">
      <label>
        {t('bulk.set')}{' '}
        <select aria-label={t('bulk.scope')} value={props.scope} onChange={(e) => props.onScope(e.target.value as Scope)}>
          <option value="selection">{t('bulk.selection', { count: props.count('selection') })}</option>
          <option value="pp">{t('bulk.preamble', { count: props.count('pp') })}</option>
          <option value="op">{t('bulk.operative', { count: props.count('op') })}</option>
          <option value="filter" disabled={!props.filterLabel}>
            {props.filterLabel ? t('bulk.shown', { filter: props.filterLabel, count: props.count('filter') }) : t('bulk.shownByFilter')}
          </option>
        </select>
      </label>{' '}
      <label>
        {t('bulk.to')}{' '}
        <select aria-label={t('bulk.status')} value={props.status} onChange={(e) => props.onStatus(e.target.value as StatusValue)}>
          {(['', 'agreed', 'adref', 'pending', 'deleted'] as const).map((s) => (
            <option key={s} value={s}>
              {t(STATUS_LABEL[s]!)}
            </option>
          ))}
        </select>
      </label>
      {props.status === 'pending' ? (
        <select aria-label={t('bulk.pendingWith')} value={props.holder} onChange={(e) => props.onHolder(e.target.value)}>
          {props.delegations.map((d) => (
            <option key={d} value={d}>
              {t('neg.pendingBy', { name: d })}
            </option>
          ))}
        </select>
      ) : null}{' '}
      <button type="button" disabled={n === 0} onClick={props.onApply}>
        {t('bulk.apply', { count: n })}
      </button>
    </div>
  );
}
