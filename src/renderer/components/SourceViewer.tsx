/**
 * The whole source resolution, read-only, with the paragraph of interest highlighted.
 */
import { formatDate, useTranslation } from '../i18n/index.js';
import { useEffect, useRef } from 'react';
import type { LibraryDocument } from '../../shared/api.js';
import type { Block, Language, Organ } from '../../shared/resolution/model.js';
import { inlineText } from '../../shared/resolution/model.js';
import { subparagraphLabel } from '../../shared/resolution/labels.js';
import { enactingFormula } from '../../shared/resolution/lexicon.js';
import { detectParagraphPhrase } from '../../shared/resolution/structure.js';
import { Modal } from './Dialogs.js';

function Para({ b, kind, label, lang, organ, designation, highlight }: { b: Block; kind: 'pp' | 'op'; label: string; lang: Language; organ: Organ; designation: string; highlight: string }) {
  const text = inlineText(b.content);
  const m = b.phrase !== undefined ? { start: 0, end: b.phrase } : detectParagraphPhrase(text, lang, kind, organ);
  const subs = (children: Block[], level: number, prefix: string) =>
    children.map((c, i) => {
      const l = subparagraphLabel(i, Math.min(level, 4) as 1, lang);
      const d = `${prefix} ${l}`;
      return (
        <div key={c.id || i}>
          <p className={`para lvl${level}${d === highlight ? ' highlight' : ''}`} data-designation={d} data-label={l}>
            {inlineText(c.content)}
          </p>
          {subs(c.children, level + 1, d)}
          {c.tail.length ? <p className={`para lvl${level} tail`}>{inlineText(c.tail)}</p> : null}
        </div>
      );
    });
  return (
    <>
      <p className={`para ${kind} lvl0${designation === highlight ? ' highlight' : ''}`} data-designation={designation} data-label={label}>
        {m && m.end > m.start ? (
          <>
            {text.slice(0, m.start)}
            <i>{text.slice(m.start, m.end)}</i>
            {text.slice(m.end)}
          </>
        ) : (
          text
        )}
      </p>
      {subs(b.children, 1, designation)}
      {b.tail.length ? <p className="para lvl0 tail">{inlineText(b.tail)}</p> : null}
    </>
  );
}

/** Props: the document and the paragraph to show first. */
export function SourceViewer({ doc, highlight, onClose }: { doc: LibraryDocument; highlight: string; onClose: () => void }) {
  const { t } = useTranslation();
  const body = doc.body;
  const lang = body.meta.language;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector('.highlight')?.scrollIntoView({ block: 'center' });
  }, [highlight]);
  const f = enactingFormula(body.meta.organ, lang, body.preambular.length > 0);
  return (
    <Modal title={`${doc.row.symbol} — ${doc.row.title}`} onClose={onClose} wide>
      <div className="source-viewer page-like" dir={lang === 'ar' ? 'rtl' : 'ltr'} lang={lang} ref={ref}>
        <p className="source-meta">
          {doc.row.adoptionDate ? t('source.adopted', { date: formatDate(doc.row.adoptionDate) }) : ''}
          {body.meta.basis ? ` · [${body.meta.basis}]` : ''}
          {doc.row.sourceFile ? ` · ${t('source.from', { file: doc.row.sourceFile.startsWith('starter:') ? t('source.starter', { name: doc.row.sourceFile.slice('starter:'.length) }) : doc.row.sourceFile })}` : ''}
        </p>
        <p className="formula">
          <i>{f.words}</i>
          {f.punctuation}
        </p>
        {body.preambular.map((b, i) => (
          <Para key={b.id || `pp${i}`} b={b} kind="pp" label="" lang={lang} organ={body.meta.organ} designation={`PP${i + 1}`} highlight={highlight} />
        ))}
        {body.operative.map((b, i) => (
          <Para key={b.id || `op${i}`} b={b} kind="op" label={body.operative.length > 1 ? `${i + 1}.` : ''} lang={lang} organ={body.meta.organ} designation={`OP${i + 1}`} highlight={highlight} />
        ))}
        {body.meta.meeting ? (
          <p className="closing">
            <i>{body.meta.meeting}</i>
          </p>
        ) : null}
        {body.annexes.map((a) => (
          <section key={a.id} className="annex-view">
            <h3>{a.heading}</h3>
            {a.title ? <h4>{a.title}</h4> : null}
            {a.paragraphs.map((p, i) => (
              <p key={p.id || i} className="para">
                {inlineText(p.content)}
              </p>
            ))}
          </section>
        ))}
      </div>
    </Modal>
  );
}
