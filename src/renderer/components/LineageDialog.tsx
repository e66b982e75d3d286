/**
 * The history of a paragraph: its versions across the sessions of its resolution family (same
 * title or agenda item), oldest first, each with the word diff from the version before, "agreed
 * since" (the oldest adopted version from which the wording stayed the same), and where the
 * wording was adopted. Opened from a library hit, a match, a suggestion or a paragraph's
 * provenance (looked up by its symbol and paragraph).
 */
import { useEffect, useState } from 'react';
import { Trans } from 'react-i18next';
import type { AdoptionRecord, ApiOutputs } from '../../shared/api.js';
import { citationNumber } from '../../shared/resolution/symbols.js';
import { call } from '../api.js';
import { errorMessage, useTranslation } from '../i18n/index.js';
import { Modal } from './Dialogs.js';
import { DiffText } from './DiffText.js';
import { adoptionLine } from './adoption.js';

/** Which paragraph: a library paragraph id, or a provenance (symbol and designation) to look up. */
export type LineageTarget = { paragraphId: number } | { symbol: string; designation: string };

/** The library paragraph id of a provenance, found with a symbol lookup ("79/200 OP5"); null when the library lacks it. */
async function resolveTarget(t: LineageTarget): Promise<number | null> {
  if ('paragraphId' in t) return t.paragraphId;
  const cite = citationNumber(t.symbol) ?? t.symbol;
  const r = await call('library.search', { query: `${cite} ${t.designation}`, limit: 20 });
  return r.hits.find((h) => h.symbol === t.symbol && h.designation === t.designation)?.paragraphId ?? null;
}

/** Props of the dialog. */
export interface LineageDialogProps {
  target: LineageTarget;
  onClose: () => void;
}

/** The dialog. */
export function LineageDialog({ target, onClose }: LineageDialogProps) {
  const { t } = useTranslation();
  const [data, setData] = useState<{ lineage: ApiOutputs['library.lineage']; history: AdoptionRecord; id: number } | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let live = true;
    resolveTarget(target)
      .then(async (id) => {
        if (id === null) throw new Error('symbol' in target ? t('lineage.notInLibrary', { paragraph: `${target.symbol}, ${target.designation}` }) : t('lineage.thisNotInLibrary'));
        const [lineage, history] = await Promise.all([call('library.lineage', { paragraphId: id }), call('library.history', { paragraphId: id })]);
        if (live) setData({ lineage, history, id });
      })
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [target, t]);

  const self = data?.lineage.versions.find((v) => v.paragraph?.id === data.id);
  const title = self ? t('lineage.title', { paragraph: `${self.symbol}, ${self.paragraph!.designation}` }) : t('lineage.titleAny');
  const since = data?.lineage.agreedSince;
  return (
    <Modal title={title} onClose={onClose} wide>
      {error ? (
        <p className="field-error">{error}</p>
      ) : !data ? (
        <p className="panel-empty">{t('lineage.reading')}</p>
      ) : (
        <div className="lineage">
          <p className="lineage-summary">
            {since ? (
              <Trans i18nKey={'lineage.agreedSince'} values={{ year: since.year ?? citationNumber(since.symbol) ?? since.symbol, symbol: since.symbol }} components={{ b: <b /> }} />
            ) : (
              t('lineage.notAdopted')
            )}{' '}
            {adoptionLine(data.history, self?.draft) ? <span className="adoption">{t('lineage.thisWording', { adoption: adoptionLine(data.history, self?.draft) })}</span> : null}
          </p>
          <ol className="lineage-versions">
            {data.lineage.versions.map((v) => (
              <li key={v.documentId} className={`lineage-version${v.paragraph?.id === data.id ? ' self' : ''}${v.draft ? ' draft' : ''}`}>
                <div className="hit-head">
                  <span className="hit-symbol">{v.symbol}</span> {v.paragraph ? <span className="hit-desig">{v.paragraph.designation}</span> : null}
                  {v.draft ? <span className="badge draft">{t('library.draftBadge')}</span> : null}
                  <span className="hit-date">{v.year ?? ''}</span>
                </div>
                <div className="hit-snippet">{v.paragraph ? <DiffText diff={v.diff} /> : <span className="panel-empty">{t('lineage.notInResolution')}</span>}</div>
              </li>
            ))}
          </ol>
        </div>
      )}
    </Modal>
  );
}
