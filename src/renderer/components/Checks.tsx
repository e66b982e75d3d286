/**
 * The checks panel: deviations from the UN rules, each with a fix on click — missing or wrong end
 * punctuation, a preambular phrase in operative position or the reverse, a lower-case start,
 * double spaces, unbalanced brackets or quotes, references to paragraphs that no longer exist.
 */
import { useTranslation } from '../i18n/index.js';

import type { CheckItem } from '../../shared/editor/queries/checks.js';

/** One finding (defined with the checks themselves). */
export type { CheckItem };

/** Props of the checks panel. */
export interface ChecksProps {
  items: CheckItem[];
  onJump: (paraId: string) => void;
  onFix: (item: CheckItem) => void;
  onFixAll: () => void;
}

/** The checks panel. */
export function Checks({ items, onJump, onFix, onFixAll }: ChecksProps) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="panel-empty checks-ok">{t('checks.none')}</p>;
  // "Fix all punctuation" fixes end punctuation only: shown when such a fix exists (style and text
  // findings are fixed one by one, after the delegate has read them).
  const fixable = items.filter((i) => i.fixable && (i.kind === undefined || i.kind === 'punctuation')).length;
  return (
    <div className="checks">
      <div className="checks-head">
        <span>{t('checks.findings', { count: items.length })}</span>
        {fixable > 0 ? (
          <button type="button" onClick={onFixAll}>
            {t('checks.fixAll')}
          </button>
        ) : null}
      </div>
      <ul>
        {items.map((it) => (
          <li key={it.key} className="check-item">
            <button type="button" className="check-where" onClick={() => onJump(it.paraId)}>
              {it.designation || '—'}
            </button>
            <span className="check-msg">{it.message}</span>
            {it.fixable ? (
              <button type="button" className="check-fix" onClick={() => onFix(it)}>
                {t('checks.fix')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
