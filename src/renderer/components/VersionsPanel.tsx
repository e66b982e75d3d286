/**
 * Versions: snapshot the draft (zero draft, Rev.1, Rev.2…), compare any two (or a version with
 * the current text) at word level, export the comparison, and export Word tracked changes
 * against a version.
 */
import { formatDateTime, t, useTranslation } from '../i18n/index.js';
import { useState } from 'react';
import type { ResolutionDocument } from '../../shared/resolution/model.js';
import type { SavedVersion } from '../negotiation-state.js';

/** Props of the panel. */
export interface VersionsPanelProps {
  versions: SavedVersion[];
  onSnapshot: (name: string) => void;
  onDelete: (id: string) => void;
  onCompare: (a: { name: string; document: ResolutionDocument }, b: { name: string; document: ResolutionDocument }) => void;
  onTracked: (base: SavedVersion) => void;
  current: () => ResolutionDocument;
}

function suggestName(versions: SavedVersion[]): string {
  if (versions.length === 0) return t('versions.zeroDraft');
  return `Rev.${versions.length}`;
}

/** The panel. */
export function VersionsPanel(props: VersionsPanelProps) {
  useTranslation(); // re-render on a language change (labels below use the module's t)
  const { versions } = props;
  const [name, setName] = useState('');
  const [a, setA] = useState('');
  const [b, setB] = useState('current');
  const pick = (id: string) =>
    id === 'current' ? { name: t('versions.current'), document: props.current() } : (() => {
      const v = versions.find((x) => x.id === id);
      return v ? { name: v.name, document: v.document } : null;
    })();
  return (
    <div className="versions">
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          props.onSnapshot(name.trim() || suggestName(versions));
          setName('');
        }}
      >
        <input aria-label={t('versions.name')} placeholder={suggestName(versions)} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit">{t('versions.save')}</button>
      </form>
      {versions.length === 0 ? (
        <p className="panel-empty">{t('versions.none')}</p>
      ) : (
        <ol className="version-list">
          {versions.map((v) => (
            <li key={v.id}>
              <span className="draft-title">{v.name}</span> <span className="draft-meta">{formatDateTime(v.savedAt)}</span>
              <div className="row-actions">
                <button type="button" onClick={() => props.onCompare({ name: v.name, document: v.document }, { name: t('versions.current'), document: props.current() })}>
                  {t('versions.compareWithCurrent')}
                </button>
                <button type="button" onClick={() => props.onTracked(v)} title={t('versions.trackedHint')}>
                  {t('versions.tracked')}
                </button>
                <button type="button" onClick={() => props.onDelete(v.id)}>
                  {t('versions.delete')}
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {versions.length > 0 ? (
        <form
          className="compare-form"
          onSubmit={(e) => {
            e.preventDefault();
            const x = pick(a || versions[0]!.id);
            const y = pick(b);
            if (x && y) props.onCompare(x, y);
          }}
        >
          <label>
            {t('versions.compare')}{' '}
            <select aria-label={t('versions.compareFrom')} value={a || versions[0]!.id} onChange={(e) => setA(e.target.value)}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('versions.with')}{' '}
            <select aria-label={t('versions.compareTo')} value={b} onChange={(e) => setB(e.target.value)}>
              <option value="current">{t('versions.current')}</option>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t('versions.compare')}</button>
        </form>
      ) : null}
    </div>
  );
}
