import { useTranslation } from '../i18n/index.js';
import type { ReactNode } from 'react';
/**
 * A word-level difference as text: deletions (only in the adopted text) struck through in red,
 * insertions (only in the delegate's text) underlined in green. Readable in black and white too.
 */

/** Props: the diff ops. */
export function DiffText({ diff }: { diff: { op: 'eq' | 'ins' | 'del'; text: string }[] }) {
  const { t } = useTranslation();
  return (
    <span className="diff">
      {diff.map((d, i) =>
        d.op === 'eq' ? (
          <span key={i}>{d.text}</span>
        ) : d.op === 'del' ? (
          <del key={i} title={t('diff.adoptedOnly')}>
            {d.text}
          </del>
        ) : (
          <ins key={i} title={t('diff.yoursOnly')}>
            {d.text}
          </ins>
        ),
      )}
    </span>
  );
}

/** Renders a search snippet whose matches are marked <b>…</b> (HTML-escaped otherwise) without innerHTML. */
export function Snippet({ html }: { html: string }) {
  const parts = html.split(/(<b>|<\/b>)/);
  const out: ReactNode[] = [];
  let bold = false;
  parts.forEach((p, i) => {
    if (p === '<b>') bold = true;
    else if (p === '</b>') bold = false;
    else if (p) {
      const text = p.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      out.push(bold ? <mark key={i}>{text}</mark> : <span key={i}>{text}</span>);
    }
  });
  return <span className="snippet">{out}</span>;
}
