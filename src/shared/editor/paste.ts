/**
 * What pasting does to the pasted content before it enters the document.
 */
import { Fragment, Slice, type Node as PMNode } from 'prosemirror-model';
import { PARA_TYPES } from '../resolution/schema.js';

/**
 * Strips ids and provenance-free copies from pasted paragraphs so they get fresh ids (the ids
 * plugin assigns them); text is kept as it is.
 */
export function freshIds(slice: Slice): Slice {
  const map = (f: Fragment): Fragment => {
    const out: PMNode[] = [];
    f.forEach((n) => {
      if (PARA_TYPES.has(n.type.name) || n.type.name === 'annex' || n.type.name === 'footnote') {
        out.push(n.type.create({ ...n.attrs, id: '' }, map(n.content), n.marks));
      } else if (n.isText) out.push(n);
      else out.push(n.copy(map(n.content)));
    });
    return Fragment.fromArray(out);
  };
  return new Slice(map(slice.content), slice.openStart, slice.openEnd);
}
