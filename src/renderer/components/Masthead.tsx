/**
 * A preview of the masthead and heading block as the document will print: symbol,
 * distribution, date, session, agenda items, the "Resolution adopted by…" heading or the sponsor
 * line of a draft, the basis line and the numbered title. Click to edit in the Document panel.
 */
import { useTranslation } from '../i18n/index.js';
import type { FrontMatter } from '../../shared/resolution/model.js';
import { formatDate, sessionHeading } from '../../shared/resolution/dates.js';
import { citationNumber } from '../../shared/resolution/symbols.js';
import { mastheadWords } from '../../shared/resolution/masthead.js';

/** Props: the front matter and a callback to open the metadata form. */
export function Masthead({ meta, onEdit }: { meta: FrontMatter; onEdit: () => void }) {
  const { t } = useTranslation();
  const w = mastheadWords(meta.language, meta.organ);
  const session = Number.parseInt(meta.session, 10);
  const isDraft = meta.kind !== 'resolution';
  const number = meta.kind === 'resolution' ? citationNumber(meta.symbol) : null;
  const items = meta.agendaItems;
  return (
    <header className="masthead" onDoubleClick={onEdit} title={t('masthead.edit')}>
      <div className="mh-top">
        <span className="mh-un">{w.unitedNations}</span>
        <span className="mh-symbol">{meta.symbol || <span className="placeholder">{w.symbolPlaceholder}</span>}</span>
      </div>
      <div className="mh-organ-row">
        <span className="mh-emblem" aria-hidden="true" />
        <span className="mh-organ">{w.organ}</span>
        <span className="mh-distr">
          {isDraft ? w.distrLimited : w.distrGeneral}
          <br />
          {meta.issueDate ? formatDate(meta.issueDate, meta.language) : <span className="placeholder">{w.datePlaceholder}</span>}
          {isDraft && meta.originalLanguage ? (
            <>
              <br />
              <br />
              {w.original(meta.originalLanguage)}
            </>
          ) : null}
        </span>
      </div>
      <div className="mh-session">
        {Number.isFinite(session) ? <b>{sessionHeading(session, meta.language)}</b> : <span className="placeholder">{t('meta.session')}</span>}
        {meta.organ.startsWith('ga-c') ? <div className="mh-committee">{w.committee}</div> : null}
        {items.length > 0 ? <div>{w.agendaItems(items.map((i) => i.number))}</div> : null}
        {items.map((i) => (
          <div key={i.number} className="mh-item-title">
            {i.title}
          </div>
        ))}
      </div>
      {isDraft ? (
        <p className="mh-sponsors">
          {meta.bureauLine ? (
            meta.bureauLine
          ) : (
            <>
              {meta.sponsors.length ? meta.sponsors.join(', ') : <span className="placeholder">{w.sponsorsPlaceholder}</span>}: {w.draftResolution}
            </>
          )}
        </p>
      ) : (
        <>
          <h2 className="mh-adopted">
            {w.adoptedBy}
            <br />
            {meta.adoptionDate ? w.on(formatDate(meta.adoptionDate, meta.language)) : <span className="placeholder">{w.datePlaceholder}</span>}
          </h2>
          {meta.basis ? <p className="mh-basis">[{meta.basis}]</p> : null}
        </>
      )}
      <h1 className="mh-title">
        {number ? <span className="mh-number">{number}. </span> : null}
        {meta.title || <span className="placeholder">{w.titlePlaceholder}</span>}
      </h1>
    </header>
  );
}
