/**
 * Agreed language for the paragraph being written: the closest adopted paragraphs with their
 * similarity and a word-level difference against the current text, updated as the delegate
 * types. A paragraph inserted from the library shows whether it still equals its source.
 */
import { formatDate, formatNumber, useTranslation } from '../i18n/index.js';
import { useEffect, useRef, useState } from 'react';
import type { AgreedMatch } from '../../shared/api.js';
import type { Provenance } from '../../shared/resolution/model.js';
import { wordDiff } from '../../shared/text/diff.js';
import { call } from '../api.js';
import { DiffText } from './DiffText.js';

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
  onUse: (m: AgreedMatch) => void;
  onView: (documentId: number, designation: string) => void;
}

/** Text compared with its source: end punctuation and spacing do not count as a deviation. */
export function comparable(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\s,;:.،؛，；。]+$/u, '');
}

/** The panel. */
export function MatchesPanel({ current, onUse, onView }: MatchesPanelProps) {
  const { t: tr } = useTranslation();
  const [matches, setMatches] = useState<AgreedMatch[] | null>(null);
  const [took, setTook] = useState<number | null>(null);
  const seq = useRef(0);
  const text = current?.text ?? '';
  const kind = current?.kind;
  const words = text.trim().split(/\s+/).filter(Boolean).length;

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
              <span className="hit-date">{m.adoptionDate ? formatDate(m.adoptionDate) : ''}</span>
            </div>
            <div className="hit-snippet">
              <DiffText diff={m.diff} />
            </div>
            <div className="hit-actions">
              <button type="button" onClick={() => onUse(m)} title={tr('matches.useHint')}>
                {tr('matches.use')}
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
