/**
 * The library panel: instant search of earlier resolutions as the delegate types, with filters
 * (organ, session range, PP/OP, language, opening phrase, tag), hits with symbol, paragraph,
 * date and highlighted snippet, newest first (or most relevant first, on request); insert a hit
 * after the current paragraph or replace the current paragraph with it as agreed language (with
 * its provenance), see its history, open the whole source resolution, import more files. Drafts
 * (L-documents) are marked as drafts.
 */
import { errorMessage, formatDate, formatNumber, useTranslation } from '../i18n/index.js';
import { useEffect, useRef, useState } from 'react';
import type { LibraryFacets, SearchHit } from '../../shared/api.js';
import { call } from '../api.js';
import { Snippet } from './DiffText.js';
import type { LineageTarget } from './LineageDialog.js';

/** Props of the panel. */
export interface LibraryPanelProps {
  onInsert: (hit: { symbol: string; designation: string; kind: string; text: string }) => void;
  /** Replaces the current paragraph's text with the hit (one undo step, provenance kept). */
  onReplace: (hit: { symbol: string; designation: string; kind: string; text: string }) => void;
  onHistory: (t: LineageTarget) => void;
  onView: (documentId: number, designation: string) => void;
  onImport: () => void;
  onError: (e: unknown) => void;
  /** Bumped after an import so counts and facets refresh. */
  revision: number;
}

interface Filters {
  kind: '' | 'pp' | 'op';
  organ: string;
  sessionFrom: string;
  sessionTo: string;
  language: string;
  openingPhrase: string;
  tag: string;
}

const NO_FILTERS: Filters = { kind: '', organ: '', sessionFrom: '', sessionTo: '', language: '', openingPhrase: '', tag: '' };

const ORGAN_NAMES: Record<string, string> = { ga: 'organ.ga', sc: 'organ.sc', ecosoc: 'organ.ecosoc', hrc: 'organ.hrc', other: 'organ.other' };

/** The panel. */
export function LibraryPanel({ onInsert, onReplace, onHistory, onView, onImport, onError, revision }: LibraryPanelProps) {
  const { t: tr } = useTranslation();
  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<'newest' | 'relevance'>('newest');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [took, setTook] = useState<number | null>(null);
  const [error, setError] = useState('');
  const [stats, setStats] = useState<{ documents: number; paragraphs: number } | null>(null);
  const [facets, setFacets] = useState<LibraryFacets | null>(null);
  const [showFilters, setShowFilters] = useState(false);
  const seq = useRef(0);

  useEffect(() => {
    call('library.stats', {}).then(setStats, onError);
    call('library.facets', {}).then(setFacets, onError);
  }, [revision, onError]);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits(null);
      setError('');
      return;
    }
    const mine = ++seq.current;
    const t = window.setTimeout(() => {
      const f = {
        ...(filters.kind ? { kind: filters.kind } : {}),
        ...(filters.organ ? { organ: filters.organ } : {}),
        ...(filters.sessionFrom ? { sessionFrom: Number(filters.sessionFrom) } : {}),
        ...(filters.sessionTo ? { sessionTo: Number(filters.sessionTo) } : {}),
        ...(filters.language ? { language: filters.language as 'en' } : {}),
        ...(filters.openingPhrase ? { openingPhrase: filters.openingPhrase } : {}),
        ...(filters.tag ? { tag: filters.tag } : {}),
      };
      call('library.search', { query: q, filters: f, limit: 50, order }).then(
        (r) => {
          if (mine !== seq.current) return;
          setHits(r.hits);
          setTook(r.tookMs);
          setError('');
        },
        (e: unknown) => {
          if (mine !== seq.current) return;
          setHits([]);
          setError(errorMessage(e));
        },
      );
    }, 90);
    return () => window.clearTimeout(t);
  }, [query, filters, revision, order]);

  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const active = Object.values(filters).filter(Boolean).length;

  return (
    <div className="library">
      <div className="library-search">
        <input
          type="search"
          aria-label={tr('library.search')}
          placeholder={tr('library.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select className="order-toggle" aria-label={tr('library.order')} value={order} onChange={(e) => setOrder(e.target.value === 'relevance' ? 'relevance' : 'newest')}>
          <option value="newest">{tr('library.newest')}</option>
          <option value="relevance">{tr('library.relevant')}</option>
        </select>
        <button type="button" className={`filter-toggle${active ? ' active' : ''}`} onClick={() => setShowFilters((s) => !s)} aria-expanded={showFilters}>
          {tr('library.filters')}{active ? ` (${active})` : ''}
        </button>
      </div>
      {showFilters ? (
        <div className="library-filters">
          <label>
            {tr('library.kind')}
            <select aria-label={tr('library.kind')} value={filters.kind} onChange={(e) => set({ kind: e.target.value as Filters['kind'] })}>
              <option value="">{tr('library.kindBoth')}</option>
              <option value="pp">{tr('library.preambular')}</option>
              <option value="op">{tr('library.operative')}</option>
            </select>
          </label>
          <label>
            {tr('library.organ')}
            <select aria-label={tr('library.organ')} value={filters.organ} onChange={(e) => set({ organ: e.target.value })}>
              <option value="">{tr('library.all')}</option>
              {facets?.organs.map((o) => (
                <option key={o.value} value={o.value}>
                  {ORGAN_NAMES[o.value] ? tr(ORGAN_NAMES[o.value]!) : o.value} ({formatNumber(o.count)})
                </option>
              ))}
            </select>
          </label>
          <label>
            {tr('library.sessions')}
            <span className="range">
              <input aria-label={tr('library.sessionFrom')} inputMode="numeric" placeholder={tr('library.from')} value={filters.sessionFrom} onChange={(e) => set({ sessionFrom: e.target.value.replace(/\D/g, '') })} />
              –
              <input aria-label={tr('library.sessionTo')} inputMode="numeric" placeholder={tr('library.to')} value={filters.sessionTo} onChange={(e) => set({ sessionTo: e.target.value.replace(/\D/g, '') })} />
            </span>
          </label>
          <label>
            {tr('library.language')}
            <select aria-label={tr('library.language')} value={filters.language} onChange={(e) => set({ language: e.target.value })}>
              <option value="">{tr('library.all')}</option>
              {facets?.languages.map((l) => (
                <option key={l.value} value={l.value}>
                  {l.value.toUpperCase()} ({l.count})
                </option>
              ))}
            </select>
          </label>
          <label>
            {tr('library.openingPhrase')}
            <select aria-label={tr('library.openingPhrase')} value={filters.openingPhrase} onChange={(e) => set({ openingPhrase: e.target.value })}>
              <option value="">{tr('library.any')}</option>
              {facets?.phrases.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.value} ({p.count})
                </option>
              ))}
            </select>
          </label>
          {facets && facets.tags.length > 0 ? (
            <label>
              {tr('library.tag')}
              <select aria-label={tr('library.tag')} value={filters.tag} onChange={(e) => set({ tag: e.target.value })}>
                <option value="">{tr('library.any')}</option>
                {facets.tags.map((t) => (
                  <option key={t.value} value={t.value}>
                    {t.value} ({t.count})
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {active ? (
            <button type="button" onClick={() => setFilters(NO_FILTERS)}>
              {tr('library.clear')}
            </button>
          ) : null}
        </div>
      ) : null}
      <div className="library-status">
        {error ? (
          <span className="field-error">{error}</span>
        ) : hits ? (
          `${tr('library.hits', { count: hits.length, more: hits.length === 50 ? '+' : '' })}${took !== null ? ` · ${tr('matches.took', { ms: formatNumber(took) })}` : ''}`
        ) : stats ? (
          tr('library.stats', { documents: formatNumber(stats.documents), paragraphs: formatNumber(stats.paragraphs) })
        ) : (
          tr('library.opening')
        )}
        <button type="button" className="link" onClick={onImport}>
          {tr('library.import')}
        </button>
      </div>
      <ol className="hits">
        {hits?.map((h) => (
          <li key={h.paragraphId} className="hit" data-paragraph={h.paragraphId}>
            <div className="hit-head">
              <span className="hit-symbol">{h.symbol}</span> <span className="hit-desig">{h.designation}</span>
              {h.draft ? <span className="badge draft">{tr('library.draftBadge')}</span> : null}
              <span className="hit-date">{h.adoptionDate ? formatDate(h.adoptionDate) : ''}</span>
            </div>
            <div className="hit-snippet">
              <Snippet html={h.snippet} />
            </div>
            <div className="hit-actions">
              <button type="button" onClick={() => onInsert(h)} title={tr('library.insertHint')}>
                {tr('common.insert')}
              </button>
              <button type="button" onClick={() => onReplace(h)} title={tr('library.replaceHint')}>
                {tr('library.replace')}
              </button>
              <button type="button" onClick={() => onHistory({ paragraphId: h.paragraphId })}>
                {tr('matches.history')}
              </button>
              <button type="button" onClick={() => onView(h.documentId, h.designation)}>
                {tr('matches.viewSource')}
              </button>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
