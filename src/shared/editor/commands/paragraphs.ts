/**
 * Commands on paragraphs as units: Enter, Tab and Shift-Tab (levels), moving a paragraph with its
 * subparagraphs, and converting between preambular and operative. In ProseMirror's form
 * `(state, dispatch?) => boolean`: without `dispatch` they only tell whether they apply. Built on
 * the schema and on the derived structure, so they work the same in every language.
 */
import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { Fragment, type Node as PMNode, type NodeType } from 'prosemirror-model';
import { closeHistory } from 'prosemirror-history';
import { schema, PARA_TYPES } from '../../resolution/schema.js';
import type { ParaInfo } from '../../resolution/structure.js';
import { structureKey } from '../plugins/structure.js';
import { currentPara, paraAt } from '../queries/paragraphs.js';

function freshAttrs(from: PMNode, level = from.attrs.level as number) {
  return { id: '', level, tail: false, phrase: null, status: '', holder: '', provenance: null, base: null };
}

/** Enter: a new paragraph of the same kind and level; on an empty subparagraph, promote it. */
export const splitParagraph: Command = (state, dispatch) => {
  const para = paraAt(state);
  if (!para) return false;
  const { node, pos } = para;
  const level = node.attrs.level as number;
  if (node.content.size === 0 && level > 0 && state.selection.empty) {
    if (dispatch) dispatch(state.tr.setNodeAttribute(pos, 'level', level - 1).scrollIntoView());
    return true;
  }
  if (!dispatch) return true;
  let tr = state.tr;
  if (!state.selection.empty) tr = tr.deleteSelection();
  const $from = tr.selection.$from;
  // Deleting a selection across paragraphs can leave the cursor outside any paragraph (or in
  // another one): split what is there, or stop after the deletion rather than split the wrong node.
  if (!$from.parent.inlineContent || !PARA_TYPES.has($from.parent.type.name) || !tr.selection.empty) {
    dispatch(tr.scrollIntoView());
    return true;
  }
  const start = $from.start();
  const end = $from.end();
  const type = $from.parent.type;
  const fresh = type.create(freshAttrs($from.parent));
  if ($from.pos === end) {
    const after = $from.after();
    tr.insert(after, fresh);
    tr.setSelection(TextSelection.create(tr.doc, after + 1));
  } else if ($from.pos === start) {
    // The text keeps its paragraph (and its id, provenance and status); an empty one goes before.
    tr.insert($from.before(), fresh);
  } else {
    tr.split($from.pos, 1, [{ type, attrs: freshAttrs(node) }]);
  }
  dispatch(tr.scrollIntoView());
  return true;
};

/** The flat range [from, to) of paragraph indices forming `i` and its subparagraphs and tails. */
export function groupRange(paras: readonly ParaInfo[], i: number): [number, number] {
  const p = paras[i]!;
  let j = i + 1;
  while (j < paras.length) {
    const q = paras[j]!;
    if (q.section !== p.section || q.annex !== p.annex) break;
    if (q.level < p.level || (q.level === p.level && !q.tail)) break;
    j++;
  }
  return [i, j];
}

function selectedParaIndices(state: EditorState): number[] {
  const s = structureKey.getState(state);
  if (!s) return [];
  const { from, to } = state.selection;
  const out: number[] = [];
  for (const p of s.structure.paras) {
    const end = p.pos + p.node.nodeSize;
    if (end > from && p.pos <= to) out.push(p.index);
  }
  return out;
}

/** Tab: demote the selected paragraphs one level (to a subparagraph), at most one below the one before. */
export const indent: Command = (state, dispatch) => {
  const s = structureKey.getState(state);
  const idx = selectedParaIndices(state);
  if (!s || idx.length === 0) return false;
  const tr = state.tr;
  let changed = false;
  let prevLevel = -1;
  for (const i of idx) {
    const p = s.structure.paras[i]!;
    const before = s.structure.paras[i - 1];
    const limit = before && before.section === p.section && before.annex === p.annex ? (changed && prevLevel >= 0 ? prevLevel : before.level) + 1 : 0;
    const next = Math.min(p.level + 1, 4, limit);
    prevLevel = next;
    if (next !== p.level) {
      tr.setNodeAttribute(p.pos, 'level', next);
      changed = true;
    }
  }
  if (!changed) return idx.length > 0; // swallow Tab inside the text rather than leaving the editor
  if (dispatch) dispatch(tr.scrollIntoView());
  return true;
};

/** Shift-Tab: promote the selected paragraphs one level. */
export const outdent: Command = (state, dispatch) => {
  const s = structureKey.getState(state);
  const idx = selectedParaIndices(state);
  if (!s || idx.length === 0) return false;
  const tr = state.tr;
  let changed = false;
  for (const i of idx) {
    const p = s.structure.paras[i]!;
    if (p.level > 0) {
      tr.setNodeAttribute(p.pos, 'level', p.level - 1);
      if (p.tail && p.level - 1 === 0) tr.setNodeAttribute(p.pos, 'tail', false);
      changed = true;
    }
  }
  if (changed && dispatch) dispatch(tr.scrollIntoView());
  return true;
};

function sliceOf(paras: readonly ParaInfo[], [a, b]: [number, number]): { from: number; to: number; nodes: PMNode[] } {
  const first = paras[a]!;
  const last = paras[b - 1]!;
  return { from: first.pos, to: last.pos + last.node.nodeSize, nodes: paras.slice(a, b).map((p) => p.node) };
}

/** Moves the group of paragraph `i` to before the group starting at `target` (or to the end when target = -1 and `after`). */
function moveGroup(state: EditorState, i: number, targetPos: number, selectOffset: number): Transaction {
  const s = structureKey.getState(state)!;
  const range = groupRange(s.structure.paras, i);
  const { from, to, nodes } = sliceOf(s.structure.paras, range);
  // Structural commands are their own undo step, never merged with typing around them.
  const tr = closeHistory(state.tr);
  tr.delete(from, to);
  const insertAt = tr.mapping.map(targetPos, targetPos > from ? 1 : -1);
  tr.insert(insertAt, Fragment.fromArray(nodes));
  const sel = Math.min(insertAt + 1 + selectOffset, tr.doc.content.size);
  tr.setSelection(TextSelection.near(tr.doc.resolve(sel)));
  return tr.scrollIntoView();
}

function siblingGroup(paras: readonly ParaInfo[], i: number, dir: -1 | 1): number {
  const p = paras[i]!;
  if (dir === -1) {
    for (let j = i - 1; j >= 0; j--) {
      const q = paras[j]!;
      if (q.section !== p.section || q.annex !== p.annex || q.level < p.level) return -1;
      if (q.level === p.level && !q.tail) return j;
    }
    return -1;
  }
  const [, end] = groupRange(paras, i);
  const q = paras[end];
  if (!q || q.section !== p.section || q.annex !== p.annex || q.level !== p.level || q.tail) return -1;
  return end;
}

/** The group head for the selection: a tail moves with its paragraph. */
export function headIndex(paras: readonly ParaInfo[], i: number): number {
  let k = i;
  while (k > 0 && paras[k]!.tail) {
    const lvl = paras[k]!.level;
    k--;
    while (k > 0 && (paras[k]!.level > lvl || paras[k]!.tail)) k--;
  }
  return k;
}

/** Alt-Up / Alt-Down: move the current paragraph (with its subparagraphs) past its neighbour. */
export function moveParagraph(dir: -1 | 1): Command {
  return (state, dispatch) => {
    const cur = currentPara(state);
    const s = structureKey.getState(state);
    if (!cur || !s) return false;
    const paras = s.structure.paras;
    const i = headIndex(paras, cur.index);
    const j = siblingGroup(paras, i, dir);
    if (j < 0) return false;
    if (!dispatch) return true;
    const offset = state.selection.head - paras[i]!.pos - 1;
    if (dir === -1) dispatch(moveGroup(state, i, paras[j]!.pos, offset));
    else {
      const [, end] = groupRange(paras, j);
      const last = paras[end - 1]!;
      dispatch(moveGroup(state, i, last.pos + last.node.nodeSize, offset));
    }
    return true;
  };
}

/**
 * Moves the paragraph with id `id` (and its group) to just before the paragraph with id
 * `beforeId` of the same section (or to the section's end when `beforeId` is null). Used by the
 * outline's drag and drop.
 */
export function moveParagraphTo(id: string, beforeId: string | null): Command {
  return (state, dispatch) => {
    const s = structureKey.getState(state);
    if (!s) return false;
    const p = s.structure.byId.get(id);
    if (!p || id === beforeId) return false;
    let target: number;
    if (beforeId) {
      const t = s.structure.byId.get(beforeId);
      if (!t || t.section !== p.section || t.annex !== p.annex) return false;
      const [a, b] = groupRange(s.structure.paras, p.index);
      if (t.index >= a && t.index < b) return false;
      target = t.pos;
    } else {
      const same = s.structure.paras.filter((q) => q.section === p.section && q.annex === p.annex);
      const last = same[same.length - 1]!;
      target = last.pos + last.node.nodeSize;
    }
    const tr = moveGroup(state, p.index, target, 0);
    // Dropped where it already is: no change, and no empty undo step that would eat a redo.
    if (tr.doc.eq(state.doc)) return false;
    if (dispatch) dispatch(tr);
    return true;
  };
}

/** Converts the current paragraph between preambular and operative, moving it to the boundary. */
export const convertKind: Command = (state, dispatch) => {
  const cur = currentPara(state);
  const s = structureKey.getState(state);
  if (!cur || !s || cur.section === 'ap') return false;
  const paras = s.structure.paras;
  const i = headIndex(paras, cur.index);
  const [a, b] = groupRange(paras, i);
  const toType: NodeType = cur.section === 'pp' ? schema.nodes.op : schema.nodes.pp;
  const ops = paras.filter((p) => p.section === 'op');
  if (cur.section === 'op' && ops.length === b - a) return false; // the last operative paragraph must stay
  if (!dispatch) return true;
  const { from, to, nodes } = sliceOf(paras, [a, b]);
  const converted = nodes.map((n) => toType.create(n.attrs, n.content, n.marks));
  const tr = closeHistory(state.tr).delete(from, to);
  // Boundary: after the last PP (= before the first OP) in the changed document.
  let boundary = 0;
  tr.doc.forEach((n, off) => {
    if (n.type.name === 'pp') boundary = off + n.nodeSize;
  });
  tr.insert(boundary, Fragment.fromArray(converted));
  tr.setSelection(TextSelection.near(tr.doc.resolve(boundary + 1)));
  dispatch(tr.scrollIntoView());
  return true;
};
