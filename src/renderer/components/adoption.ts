/**
 * How established a wording is, in words for the panels: "adopted 7 times, 2019–2024: 74/208, …,
 * 78/143, 79/200". A draft (L-document) is never called adopted.
 */
import type { AdoptionRecord } from '../../shared/api.js';
import { citationNumber } from '../../shared/resolution/symbols.js';
import { t } from '../i18n/index.js';

/**
 * The adoption line of a wording: "adopted once, 2024: 79/200", "adopted 7 times, 2019–2024:
 * 74/208, …, 78/143, 79/200" (oldest first; more than four places are elided in the middle), or
 * "draft (L-document), not adopted" when the source is a draft and no adopted text has the wording.
 */
export function adoptionLine(record: AdoptionRecord | undefined, draft: boolean | undefined): string {
  if (!record || record.count === 0) return draft ? t('adoption.draft') : '';
  const years = record.years ? (record.years[0] === record.years[1] ? `, ${record.years[0]}` : `, ${record.years[0]}–${record.years[1]}`) : '';
  const places = record.places
    .filter((p) => !p.draft)
    .map((p) => citationNumber(p.symbol) ?? p.symbol)
    .reverse();
  const shown = places.length > 4 ? [places[0]!, '…', ...places.slice(-2)] : places;
  return t('adoption.line', { count: record.count, years, places: shown.join(', ') });
}
