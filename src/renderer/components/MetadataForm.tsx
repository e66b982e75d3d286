/**
 * The document details: kind, organ, language, symbol, session, agenda items, sponsors or bureau
 * line, title, dates, basis and meeting lines. Symbols and dates are validated as they are typed;
 * dates are shown as they will print in the document's language. Every change is one undoable
 * step in the editor.
 */
import { messageText, t, uiLang, useTranslation } from '../i18n/index.js';
import { useEffect, useState } from 'react';
import type { AgendaItem, DocumentKind, FrontMatter, Language, Organ } from '../../shared/resolution/model.js';
import { validateSymbol } from '../../shared/resolution/symbols.js';
import { checkIsoDate, formatDate } from '../../shared/resolution/dates.js';

const KINDS: [DocumentKind, string][] = [
  ['draft', 'meta.kind.draft'],
  ['revision', 'meta.kind.revision'],
  ['resolution', 'meta.kind.resolution'],
];

const ORGANS: [Organ, string][] = [
  ['ga', 'meta.organ.ga'],
  ['ga-c1', 'meta.organ.gaC1'],
  ['ga-c2', 'meta.organ.gaC2'],
  ['ga-c3', 'meta.organ.gaC3'],
  ['ga-c4', 'meta.organ.gaC4'],
  ['ga-c5', 'meta.organ.gaC5'],
  ['ga-c6', 'meta.organ.gaC6'],
  ['sc', 'meta.organ.sc'],
  ['ecosoc', 'meta.organ.ecosoc'],
  ['hrc', 'meta.organ.hrc'],
  ['other', 'meta.organ.other'],
];

/** Display names of the six languages. */
export const LANGUAGE_LABELS: [Language, string][] = [
  ['en', 'English'],
  ['fr', 'Français'],
  ['es', 'Español'],
  ['ru', 'Русский'],
  ['ar', 'العربية'],
  ['zh', '中文'],
];

/** Props of the form. */
export interface MetadataFormProps {
  meta: FrontMatter;
  onChange: (patch: Partial<FrontMatter>) => void;
}

function TextField(props: {
  label: string;
  value: string;
  onCommit: (v: string) => void;
  error?: string | null;
  hint?: string;
  name: string;
  multiline?: boolean;
  placeholder?: string;
}) {
  const [value, setValue] = useState(props.value);
  useEffect(() => setValue(props.value), [props.value]);
  const commit = () => {
    if (value !== props.value) props.onCommit(value);
  };
  const id = `meta-${props.name}`;
  return (
    <div className={`field${props.error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.multiline ? (
        <textarea id={id} name={props.name} value={value} rows={2} placeholder={props.placeholder} onChange={(e) => setValue(e.target.value)} onBlur={commit} />
      ) : (
        <input
          id={id}
          name={props.name}
          value={value}
          placeholder={props.placeholder}
          onChange={(e) => setValue(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
          aria-invalid={props.error ? true : undefined}
        />
      )}
      {props.error ? <div className="field-error" role="alert">{props.error}</div> : props.hint ? <div className="field-hint">{props.hint}</div> : null}
    </div>
  );
}

/** Why a date cannot be stored, or null: a full ISO date with a year from 1945 to 2100. */
export function dateProblem(value: string): string | null {
  if (!value) return null;
  const m = /^(\d{4})-\d{2}-\d{2}$/.exec(value);
  if (!m) return t('meta.dateIncomplete');
  const year = Number(m[1]);
  if (year < 1945 || year > 2100) return t('meta.dateYearRange', { year: m[1]! });
  const problem = checkIsoDate(value);
  if (!problem) return null;
  // The month is said by name in the interface language ("février 2023 compte 28 jours").
  const month = problem.code === 'date.daysInMonth' ? new Intl.DateTimeFormat(uiLang(), { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, Number(problem.values?.month) - 1, 1)) : undefined;
  return messageText(month ? { ...problem, values: { ...problem.values, month } } : problem, problem.message);
}

/**
 * A date control that stores nothing until the date is valid: while the delegate types the year
 * digit by digit the control reports "0002", "0020"… and those must never reach the document.
 */
function DateField(props: { label: string; name: string; value: string; lang: Language; onCommit: (v: string) => void }) {
  const [value, setValue] = useState(props.value);
  useEffect(() => setValue(props.value), [props.value]);
  const error = dateProblem(value);
  const change = (v: string) => {
    setValue(v);
    if (!dateProblem(v) && v !== props.value) props.onCommit(v);
  };
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={`meta-${props.name}`}>{props.label}</label>
      <input
        id={`meta-${props.name}`}
        name={props.name}
        type="date"
        min="1945-01-01"
        max="2100-12-31"
        value={value}
        aria-invalid={error ? true : undefined}
        onChange={(e) => change(e.target.value)}
      />
      {error ? (
        <div className="field-error" role="alert">{error}</div>
      ) : value ? (
        <div className="field-hint">{t('meta.printsAs', { date: formatDate(value, props.lang) })}</div>
      ) : null}
    </div>
  );
}

function parseAgendaItems(text: string): AgendaItem[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^(\d+(?!\d)(?:\s*\([a-z]+\))?)\s*(?:[:.–-]\s*)?((?:\S.*)?)$/i.exec(l);
      return m ? { number: m[1]!.replace(/\s+/g, ' '), title: m[2] ?? '' } : { number: l, title: '' };
    });
}

/** A labelled select over [value, label] pairs. */
function SelectField<T extends string>(props: { name: string; label: string; value: T; options: readonly (readonly [T, string])[]; onChange: (v: T) => void }) {
  return (
    <div className="field">
      <label htmlFor={`meta-${props.name}`}>{props.label}</label>
      <select id={`meta-${props.name}`} name={props.name} value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
        {props.options.map(([k, l]) => (
          <option key={k} value={k}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The form. */
export function MetadataForm({ meta, onChange }: MetadataFormProps) {
  useTranslation(); // re-render on a language change (labels use the module's t)
  const localized = <T extends string>(options: readonly (readonly [T, string])[]) => options.map(([k, key]) => [k, t(key)] as const);
  const symbolError = meta.symbol ? validateSymbol(meta.symbol, meta.kind, meta.organ) : null;
  const isDraft = meta.kind !== 'resolution';
  return (
    <form className="metadata" onSubmit={(e) => e.preventDefault()} aria-label={t('meta.form')}>
      <div className="field-row">
        <SelectField name="kind" label={t('meta.document')} value={meta.kind} options={localized(KINDS)} onChange={(kind) => onChange({ kind })} />
        <SelectField name="language" label={t('meta.language')} value={meta.language} options={LANGUAGE_LABELS} onChange={(language) => onChange({ language })} />
      </div>
      <SelectField name="organ" label={t('meta.organ')} value={meta.organ} options={localized(ORGANS)} onChange={(organ) => onChange({ organ })} />
      <TextField
        name="symbol"
        label={t('meta.symbol')}
        value={meta.symbol}
        error={symbolError}
        placeholder={isDraft ? 'A/C.2/80/L.26' : 'A/RES/80/1'}
        onCommit={(v) => onChange({ symbol: v.trim() })}
      />
      <TextField name="session" label={t('meta.session')} value={meta.session} placeholder="80" onCommit={(v) => onChange({ session: v.trim() })} />
      <TextField
        name="agendaItems"
        label={t('meta.agendaItems')}
        multiline
        value={meta.agendaItems.map((i) => `${i.number} ${i.title}`.trim()).join('\n')}
        onCommit={(v) => onChange({ agendaItems: parseAgendaItems(v) })}
      />
      <TextField name="title" label={t('meta.title')} value={meta.title} multiline onCommit={(v) => onChange({ title: v.trim() })} />
      {isDraft ? (
        <>
          <TextField
            name="sponsors"
            label={t('meta.sponsors')}
            value={meta.sponsors.join(', ')}
            onCommit={(v) => onChange({ sponsors: v.split(',').map((s) => s.trim()).filter(Boolean) })}
          />
          <TextField name="sponsorNote" label={t('meta.sponsorNote')} value={meta.sponsorNote} onCommit={(v) => onChange({ sponsorNote: v.trim() })} />
          <TextField name="bureauLine" label={t('meta.bureauLine')} value={meta.bureauLine} multiline onCommit={(v) => onChange({ bureauLine: v.trim() })} />
          <SelectField
            name="originalLanguage"
            label={t('meta.originalLanguage')}
            value={meta.originalLanguage}
            options={[['', '—'] as const, ...LANGUAGE_LABELS]}
            onChange={(originalLanguage) => onChange({ originalLanguage })}
          />
        </>
      ) : (
        <>
          <DateField name="adoptionDate" label={t('meta.adoptedOn')} value={meta.adoptionDate} lang={meta.language} onCommit={(v) => onChange({ adoptionDate: v })} />
          <TextField name="basis" label={t('meta.basis')} value={meta.basis} placeholder="on the report of the Second Committee (A/79/437, para. 17)" onCommit={(v) => onChange({ basis: v.trim() })} />
          <TextField name="meeting" label={t('meta.meeting')} value={meta.meeting} placeholder="19th plenary meeting" onCommit={(v) => onChange({ meeting: v.trim() })} />
        </>
      )}
      <DateField name="issueDate" label={t('meta.issueDate')} value={meta.issueDate} lang={meta.language} onCommit={(v) => onChange({ issueDate: v })} />
    </form>
  );
}
