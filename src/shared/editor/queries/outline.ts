/**
 * The outline's rows: every paragraph (number, opening phrase, preview) and every heading (its
 * number and title), in document order, from the derived structure.
 */
import type { DocStructure } from '../../resolution/structure.js';
import { paraPlainText } from '../../resolution/structure.js';

/** One outline row; `heading` is set for a part (1) or sub-heading (2), which is not draggable. */
export interface OutlineEntry {
  id: string;
  section: 'pp' | 'op' | 'ap';
  level: number;
  designation: string;
  phrase: string;
  preview: string;
  status: string;
  heading?: 1 | 2;
}

/** The outline of a structure; `phrases` gives each paragraph's opening-phrase length. */
export function outlineEntries(s: DocStructure, phrases: ReadonlyMap<string, number>, words: { empty: string; untitled: string } = { empty: '(empty)', untitled: '(untitled)' }): OutlineEntry[] {
  const rows: { pos: number; e: OutlineEntry }[] = s.paras.map((p) => {
    const text = paraPlainText(p.node);
    const len = phrases.get(p.id) ?? 0;
    return {
      pos: p.pos,
      e: {
        id: p.id,
        section: p.section,
        level: p.level,
        designation: p.tail ? '…' : p.designation,
        phrase: text.slice(0, len),
        preview: text.slice(len, len + 80).trim() || (len ? '' : words.empty),
        status: (p.node.attrs.status as string) || '',
      },
    };
  });
  for (const h of s.headings) {
    rows.push({
      pos: h.pos,
      e: { id: h.id, section: h.annex >= 0 ? 'ap' : 'op', level: 0, designation: h.level === 1 ? h.num : h.num ? `${h.num}.` : '', phrase: '', preview: h.title.slice(0, 80) || words.untitled, status: '', heading: h.level },
    });
  }
  rows.sort((a, b) => a.pos - b.pos);
  return rows.map((r) => r.e);
}
