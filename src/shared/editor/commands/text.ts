/**
 * Commands on the text of paragraphs: UN end punctuation, the opening phrase marked by hand,
 * footnotes and cross-references.
 */
import { TextSelection, type Command, type Transaction } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import { closeHistory } from 'prosemirror-history';
import { schema } from '../../resolution/schema.js';
import type { FrontMatter } from '../../resolution/model.js';
import { applyEndPunctuation } from '../../resolution/punctuation.js';
import type { ParaInfo } from '../../resolution/structure.js';
import { structureKey } from '../plugins/structure.js';
import { paraAt } from '../queries/paragraphs.js';

/**
 * Replaces the end punctuation of paragraph `p`: in its last text run, or after a closing
 * cross-reference. Trailing footnote references stay after the punctuation.
 */
export function punctuateTr(tr: Transaction, p: ParaInfo, lang: FrontMatter['language']): boolean {
  const node = p.node;
  let last: { node: PMNode; offset: number } | null = null;
  node.forEach((child, offset) => {
    if (child.type.name !== 'footnote') last = { node: child, offset };
  });
  if (!last) return false;
  const { node: lastNode, offset } = last as { node: PMNode; offset: number };
  const role = p.role;
  if (!lastNode.isText) {
    // The paragraph ends with a cross-reference: the punctuation follows it.
    const ending = applyEndPunctuation('x', role, lang).slice(1);
    if (!ending) return false;
    tr.insertText(ending, tr.mapping.map(p.pos + 1 + offset + lastNode.nodeSize));
    return true;
  }
  const text = lastNode.text ?? '';
  const fixed = applyEndPunctuation(text, role, lang);
  if (fixed === text) return false;
  // Replace only the differing suffix so marks and the cursor are disturbed as little as possible.
  let k = 0;
  while (k < text.length && k < fixed.length && text[k] === fixed[k]) k++;
  const start = tr.mapping.map(p.pos + 1 + offset + k);
  const end = tr.mapping.map(p.pos + 1 + offset + text.length);
  if (fixed.length > k) tr.insertText(fixed.slice(k), start, end);
  else tr.delete(start, end);
  return true;
}

/** Sets the UN end punctuation on every paragraph (or only those listed by id). */
export function punctuate(ids?: ReadonlySet<string>): Command {
  return (state, dispatch) => {
    const s = structureKey.getState(state);
    if (!s) return false;
    const lang = (state.doc.attrs.meta as FrontMatter).language;
    const tr = closeHistory(state.tr);
    let changed = false;
    for (const p of s.structure.paras) {
      if (ids && !ids.has(p.id)) continue;
      if (p.deleted || p.node.content.size === 0) continue;
      if (punctuateTr(tr, p, lang)) changed = true;
    }
    if (!changed) return false;
    if (dispatch) dispatch(tr);
    return true;
  };
}

/**
 * Marks the opening phrase by hand: with a selection starting at the paragraph's start, the
 * selection becomes the phrase; otherwise toggles between "none" and "as the lexicon says".
 */
export const togglePhrase: Command = (state, dispatch) => {
  const para = paraAt(state);
  if (!para) return false;
  const start = para.pos + 1;
  const { from, to } = state.selection;
  const current = para.node.attrs.phrase as number | null;
  let next: number | null;
  if (from === start && to > from && to <= start + para.node.content.size) next = to - from;
  else if (current === null) {
    const derived = structureKey.getState(state)?.phrases.get(para.node.attrs.id as string) ?? 0;
    next = derived > 0 ? 0 : null;
    if (next === null) return false;
  } else next = null;
  if (dispatch) dispatch(state.tr.setNodeAttribute(para.pos, 'phrase', next));
  return true;
};

/** Inserts a footnote at the cursor and selects it so its text can be typed. */
export const insertFootnote: Command = (state, dispatch) => {
  if (!paraAt(state)) return false;
  if (dispatch) {
    const node = schema.nodes.footnote.create({ id: '' });
    const tr = state.tr.replaceSelectionWith(node, false);
    const pos = tr.selection.from - node.nodeSize;
    dispatch(tr.setSelection(TextSelection.create(tr.doc, pos + 1)).scrollIntoView());
  }
  return true;
};

/** Inserts a cross-reference to one paragraph or a range (ids). */
export function insertCrossRef(targets: string[]): Command {
  return (state, dispatch) => {
    if (!paraAt(state) || targets.length === 0) return false;
    if (dispatch) dispatch(state.tr.replaceSelectionWith(schema.nodes.xref.create({ targets }), false).scrollIntoView());
    return true;
  };
}
