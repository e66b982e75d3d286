/**
 * Agreed language for the paragraph being written: from its first few words, suggestions of
 * adopted paragraphs that begin (or contain) like it, grouped by wording with how established
 * each is ("adopted 7 times, 2019–2024: …"; drafts marked as drafts), the first one previewed in
 * the text as ghost text (Tab takes it); then the closest adopted paragraphs with their
 * similarity and a word-level difference against the current text. Each can replace the
 * paragraph or be inserted after it, with its provenance, and opens its history. A paragraph
 * inserted from the library shows whether it still equals its source.
 */
import { formatDate, formatNumber, useTranslation } from '../i18n/index.js';
import { useEffect, useRef, useState } from 'react';
import type { AgreedMatch, LibrarySuggestion } from '../../shared/api.js';
import type { Provenance } from '../../shared/resolution/model.js';
import { wordDiff } from '../../shared/text/diff.js';
import { call } from '../api.js';
import { DiffText } from './DiffText.js';
import { adoptionLine } from './adoption.js';
import type { LineageTarget } from './LineageDialog.js';

/** The paragraph the cursor is in. */
export interface CurrentParagraph {
  id: string;
  designation: string;
  kind: 'pp' | 'op' | 'sub';
  text: string;
  provenance: Provenance | null;
}

/** Props of the panel. */
export interface MatchesPanelProps {
  current: CurrentParagraph | null;
  /** Replaces the current paragraph with the adopted text (provenance kept). */
  onUse: (m: AgreedMatch) => void;
  /** Inserts the adopted text as a new paragraph after the current one. */
  onInsert: (m: AgreedMatch) => void;
  onView: (documentId: number, designation: string) => void;
  onHistory: (t: LineageTarget) => void;
  /** The suggestion to preview as ghost text for `forText` (the first offered), or null. */
  onSuggest: (s: LibrarySuggestion | null, forText: string) => void;
}

/** Words before suggestions are asked for. */
export const SUGGEST_MIN_WORDS = 3;

/** Text compared with its source: end punctuation and spacing do not count as a deviation. */
export function comparable(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/(?<![\s,;:.،؛，；。])[\s,;:.،؛，；。]+$/u, '');
}

/** The panel. */
export function MatchesPanel({ current, onUse, onInsert, onView, onHistory, onSuggest }: MatchesPanelProps) {
  const { t: tr } = useTranslation();
  const [matches, setMatches] = useState<AgreedMatch[] | null>(null);
  const [suggestions, setSuggestions] = useState<LibrarySuggestion[] | null>(null);
  const [took, setTook] = useState<number | null>(null);
  const seq = useRef(0);
  const suggestSeq = useRef(0);
  const onSuggestRef = useRef(onSuggest);
  onSuggestRef.current = onSuggest;
  const text = current?.text ?? '';
  const kind = current?.kind;
  const words = text.trim().split(/\s+/).filter(Boolean).length;
  // A paragraph of agreed language taken as it stands needs no suggestion.
  const settled = current?.provenance ? comparable(current.provenance.text) === comparable(text) : false;

  useEffect(() => {
    if (words < SUGGEST_MIN_WORDS || settled) {
      setSuggestions(null);
      onSuggestRef.current(null, text);
      return;
    }
    const mine = ++suggestSeq.current;
    const t = window.setTimeout(() => {
      call('library.suggest', { text, ...(kind ? { kind } : {}), limit: 3 }).then(
        (r) => {
          if (mine !== suggestSeq.current) return;
          setSuggestions(r.suggestions);
          onSuggestRef.current(r.suggestions.find((x) => x.continuation) ?? null, text);
        },
        () => {
          if (mine === suggestSeq.current) setSuggestions([]);
        },
      );
    }, 120);
    return () => window.clearTimeout(t);
  }, [text, kind, words, settled]);

  // Leaving the panel withdraws the ghost text.
  useEffect(() => () => onSuggestRef.current(null, ''), []);

  useEffect(() => {
    if (words < 4) {
      setMatches(null);
      return;
    }
    const mine = ++seq.current;
    const t = window.setTimeout(() => {
      call('library.match', { text, ...(kind ? { kind } : {}), limit: 5 }).then(
        (r) => {
          if (mine === seq.current) {
            setMatches(r.matches);
            setTook(r.tookMs);
          }
        },
        () => {
          if (mine === seq.current) setMatches([]);
        },
      );
    }, 200);
    return () => window.clearTimeout(t);
  }, [text, kind, words]);

  if (!current) return <p className="panel-empty">{tr('matches.placeCursor')}</p>;
  const prov = current.provenance;
  const unchanged = prov ? comparable(prov.text) === comparable(current.text) : false;
  return (
    <div className="matches">
      {prov ? (
        <section className={`provenance ${unchanged ? 'same' : 'changed'}`} aria-label={tr('matches.source')}>
          <div className="prov-head">
            {tr('matches.agreedFrom', { symbol: prov.symbol, paragraph: prov.paragraph })}
            <button type="button" className="link" onClick={() => onHistory({ symbol: prov.symbol, designation: prov.paragraph })}>
              {tr('matches.history')}
            </button>
          </div>
          {unchanged ? (
            <div className="prov-state">{tr('matches.unchanged')}</div>
          ) : (
            <>
              <div className="prov-state">{tr('matches.changed')}</div>
              <div className="prov-diff">
                <DiffText diff={wordDiff(prov.text, current.text)} />
              </div>
            </>
          )}
        </section>
      ) : null}
      {suggestions && suggestions.length ? (
        <section className="suggestions" aria-label={tr('matches.suggestions')}>
          <div className="library-status">{tr('matches.beginsLike', { designation: current.designation || tr('notes.thisParagraph') })}</div>
          <ol className="hits">
            {suggestions.map((sg, i) => (
              <li key={sg.paragraphId} className={`hit suggestion${sg.draft ? ' draft' : ''}`} data-paragraph={sg.paragraphId}>
                <div className="hit-head">
                  <span className="hit-symbol">{sg.symbol}</span> <span className="hit-desig">{sg.designation}</span>
                  {sg.draft ? <span className="badge draft">{tr('library.draftBadge')}</span> : null}
                  <span className="hit-date">{sg.adoptionDate}</span>
                </div>
                <div className="adoption">{adoptionLine(sg.adopted, sg.draft)}</div>
                <div className="hit-snippet">
                  <span className="typed">{sg.text.slice(0, Math.max(0, sg.text.length - sg.continuation.length))}</span>
                  <span className="ghost-preview">{sg.continuation}</span>
                </div>
                <div className="hit-actions">
                  <button type="button" onClick={() => onUse(sg)} title={tr('matches.useHint')}>
                    {i === 0 && sg.continuation ? tr('matches.takeTab') : tr('matches.take')}
                  </button>
                  <button type="button" onClick={() => onInsert(sg)} title={tr('matches.insertAfterHint')}>
                    {tr('matches.insertAfter')}
                  </button>
                  <button type="button" onClick={() => onHistory({ paragraphId: sg.paragraphId })}>
                    {tr('matches.history')}
                  </button>
                </div>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <div className="library-status">
        {words < 4
          ? tr('matches.typeMore')
          : matches === null
            ? tr('matches.looking')
            : `${matches.length ? tr('matches.closest', { designation: current.designation }) : tr('matches.none')}${took !== null ? ` · ${tr('matches.took', { ms: formatNumber(took) })}` : ''}`}
      </div>
      <ol className="hits">
        {matches?.map((m) => (
          <li key={m.paragraphId} className="hit match" data-paragraph={m.paragraphId}>
            <div className="hit-head">
              <span className={`score s${Math.floor(m.score * 10)}`}>{Math.round(m.score * 100)}%</span> <span className="hit-symbol">{m.symbol}</span>{' '}
              <span className="hit-desig">{m.designation}</span>
              {m.draft ? <span className="badge draft">{tr('library.draftBadge')}</span> : null}
              <span className="hit-date">{m.adoptionDate ? formatDate(m.adoptionDate) : ''}</span>
            </div>
            {m.adopted ? <div className="adoption">{adoptionLine(m.adopted, m.draft)}</div> : null}
            <div className="hit-snippet">
              <DiffText diff={m.diff} />
            </div>
            <div className="hit-actions">
              <button type="button" onClick={() => onUse(m)} title={tr('matches.useHint')}>
                {tr('matches.use')}
              </button>
              <button type="button" onClick={() => onInsert(m)} title={tr('matches.insertAfterHint')}>
                {tr('matches.insertAfter')}
              </button>
              <button type="button" onClick={() => onHistory({ paragraphId: m.paragraphId })}>
                {tr('matches.history')}
              </button>
              <button type="button" onClick={() => onView(m.documentId, m.designation)}>
                {tr('matches.viewSource')}
              </button>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
