/**
 * File › New draft from resolution…: pick an adopted resolution of the library (by symbol, or by
 * words of its title or text) and get next session's draft from it in one step — the technical
 * update of src/shared/resolution/technical-update.ts, every change a tracked proposal by
 * "Technical update" for the delegate to review; the dialog then lists what changed, the
 * masthead changes (which cannot be tracked in the text) and what was left to the delegate.
 */
import { useEffect, useRef, useState } from 'react';
import type { LibraryDocument, SearchHit } from '../../shared/api.js';
import { newId } from '../../shared/ids.js';
import { technicalUpdate, TECHNICAL_UPDATE_BY, type TechnicalChange, type TechnicalUpdateResult } from '../../shared/resolution/technical-update.js';
import type { CodedMessage } from '../../shared/errors.js';
import { call } from '../api.js';
import { errorMessage, i18n, t, useTranslation } from '../i18n/index.js';
import { DEFAULT_DELEGATIONS, PALETTE, type NegotiationFile } from '../negotiation-state.js';
import { Modal } from './Dialogs.js';

/** The negotiation section of a technical-update draft: the usual groups plus "Technical update"; the mode stays off. */
/** One side of a front-matter change in the interface language ("Session: eightieth"), else as made. */
function mastheadSide(c: TechnicalChange, side: 'from' | 'to'): string {
  const english = c[side];
  if (!c.masthead) return english;
  const code = side === 'from' ? c.masthead.fromCode : c.masthead.toCode;
  const value = code ? t(`technicalUpdate.value.${code}`) : english.slice(english.indexOf(': ') + 2);
  return t('technicalUpdate.field', { field: t(`technicalUpdate.fields.${c.masthead.field}`), value });
}

/** A note of the technical update in the interface language, else its English text. */
function noteText(note: CodedMessage): string {
  const key = `technicalUpdate.note.${note.code}`;
  return i18n.exists(key) ? t(key, { ...(note.values ?? {}) }) : note.message;
}

export function technicalUpdateNegotiation(): NegotiationFile {
  return { delegations: [...DEFAULT_DELEGATIONS.map((d) => ({ ...d })), { name: TECHNICAL_UPDATE_BY, color: PALETTE[5]! }], enabled: false, delegation: DEFAULT_DELEGATIONS[0]!.name, versions: [] };
}

/** Props of the dialog. */
export interface NewFromResolutionDialogProps {
  /** Loads the draft made (the dialog stays open with the summary). */
  onDraft: (result: TechnicalUpdateResult, source: LibraryDocument, negotiation: NegotiationFile) => void;
  /** Closes; `review` when the delegate asked to review the proposals. */
  onClose: (review: boolean) => void;
}

const SYMBOLISH = /^(?:A\/RES\/)?\d{1,3}\/\d{1,4}$/;

/** The dialog. */
export function NewFromResolutionDialog({ onDraft, onClose }: NewFromResolutionDialogProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<{ result: TechnicalUpdateResult; symbol: string } | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    const q = query.trim();
    if (!q || SYMBOLISH.test(q)) return setHits([]);
    const mine = ++seq.current;
    const t = window.setTimeout(() => {
      call('library.search', { query: q, limit: 60 }).then(
        (r) => mine === seq.current && setHits(r.hits.filter((h, i, all) => !h.draft && all.findIndex((x) => x.documentId === h.documentId) === i).slice(0, 12)),
        () => mine === seq.current && setHits([]),
      );
    }, 120);
    return () => window.clearTimeout(t);
  }, [query]);

  const make = (by: { id: number } | { symbol: string }) => {
    setBusy(true);
    setError('');
    call('library.document', by)
      .then((doc) => {
        const result = technicalUpdate(doc.body, { at: new Date().toISOString(), makeId: newId });
        onDraft(result, doc, technicalUpdateNegotiation());
        setMade({ result, symbol: doc.row.symbol });
      })
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(() => setBusy(false));
  };
  const bySymbol = () => {
    const q = query.trim();
    make({ symbol: q.startsWith('A/RES/') ? q : `A/RES/${q}` });
  };

  if (made) {
    const { result } = made;
    const tracked = result.changes.filter((c) => c.proposals.length);
    return (
      <Modal title={t('newFrom.madeTitle', { symbol: made.symbol })} onClose={() => onClose(false)} wide>
        <div className="technical-update">
          <p>{t('newFrom.changes', { count: tracked.length, by: TECHNICAL_UPDATE_BY })}</p>
          <ul className="tu-changes">
            {tracked.map((c, i) => (
              <li key={i} data-kind={c.kind}>
                {c.from ? <del>{c.from}</del> : null} {c.to ? <ins>{c.to}</ins> : null}
              </li>
            ))}
          </ul>
          <p>{t('newFrom.masthead')}</p>
          <ul className="tu-masthead">
            {result.changes
              .filter((c) => c.kind === 'masthead')
              .map((c, i) => (
                <li key={i}>
                  {mastheadSide(c, 'from')} → {mastheadSide(c, 'to')}
                </li>
              ))}
          </ul>
          {result.notes.length ? (
            <ul className="tu-notes">
              {result.notes.map((n) => (
                <li key={n.message}>{noteText(n)}</li>
              ))}
            </ul>
          ) : null}
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={() => onClose(true)}>
              {t('newFrom.review')}
            </button>
          </div>
        </div>
      </Modal>
    );
  }

  return (
    <Modal title={t('newFrom.title')} onClose={() => onClose(false)}>
      <p>{t('newFrom.intro')}</p>
      <label className="field">
        {t('newFrom.field')}
        <input
          aria-label={t('newFrom.fieldLabel')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && SYMBOLISH.test(query.trim())) bySymbol();
          }}
        />
      </label>
      {SYMBOLISH.test(query.trim()) ? (
        <div className="dialog-actions">
          <button type="button" className="primary" disabled={busy} onClick={bySymbol}>
            {t('newFrom.make')}
          </button>
        </div>
      ) : (
        <ol className="hits tu-hits">
          {hits.map((h) => (
            <li key={h.documentId} className="hit">
              <button type="button" className="link" disabled={busy} onClick={() => make({ id: h.documentId })}>
                {h.symbol}
              </button>{' '}
              {h.title} <span className="hit-date">{h.adoptionDate}</span>
            </li>
          ))}
        </ol>
      )}
      {error ? <p className="field-error">{error}</p> : null}
    </Modal>
  );
}
