/**
 * Commands on paragraphs as units: Enter, Tab and Shift-Tab (levels), moving a paragraph with its
 * subparagraphs, and converting between preambular and operative. In ProseMirror's form
 * `(state, dispatch?) => boolean`: without `dispatch` they only tell whether they apply. Built on
 * the schema and on the derived structure, so they work the same in every language. In
 * negotiation mode the structural ones make a proposal instead (negotiation/structural.ts).
 */
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import { Fragment, type Node as PMNode, type NodeType } from 'prosemirror-model';
import { closeHistory } from 'prosemirror-history';
import { schema, PARA_TYPES } from '../../resolution/schema.js';
import type { ParaInfo } from '../../resolution/structure.js';
import { structureKey } from '../plugins/structure.js';
import { currentPara, paraAt } from '../queries/paragraphs.js';
import { settingsOf } from '../negotiation/settings.js';
import { paraMove } from '../negotiation/moves.js';
import { proposeStructural, type PlainStructural, type StructuralKind } from '../negotiation/structural.js';

/**
 * A structural command from its plain form (`plain` gives the transaction and the paragraphs it
 * moves as a unit, or null when it does not apply): applied as it is, or in negotiation mode
 * recorded as a proposal (or refused with a message). `unchanged` is what the command answers
 * when it applies but changes nothing (Tab swallows the key).
 */
function structural(as: StructuralKind, plain: (state: EditorState) => PlainStructural | null, unchanged: boolean): Command {
  return (state, dispatch) => {
    if (!settingsOf(state).enabled) {
      const r = plain(state);
      if (!r) return false;
      if (r.tr.doc.eq(state.doc)) return unchanged;
      if (dispatch) dispatch(r.tr);
      return true;
    }
    const out = proposeStructural(state, as, plain);
    if (out.kind === 'na') return false;
    if (out.kind === 'none') return unchanged;
    if (dispatch) dispatch(out.tr);
    return true;
  };
}

function freshAttrs(from: PMNode, level = from.attrs.level as number) {
  return { id: '', level, tail: false, phrase: null, status: '', holder: '', provenance: null, base: null };
}

/** Enter: a new paragraph of the same kind and level; on an empty subparagraph, promote it. */
export const splitParagraph: Command = (state, dispatch) => {
  const para = paraAt(state);
  if (!para) return false;
  const { node } = para;
  const level = node.attrs.level as number;
  if (node.content.size === 0 && level > 0 && state.selection.empty) return outdent(state, dispatch);
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
    // Its tail closes it (resolution/nesting.ts): what follows belongs to the paragraph above.
    if (q.level === p.level) break;
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

function plainIndent(state: EditorState): PlainStructural | null {
  const s = structureKey.getState(state);
  const idx = selectedParaIndices(state);
  if (!s || idx.length === 0) return null;
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
  return { tr: tr.scrollIntoView(), moved: [] };
}

/** Tab: demote the selected paragraphs one level (to a subparagraph), at most one below the one before. */
// Unchanged, it still takes the key: Tab inside the text never leaves the editor.
export const indent: Command = structural('level', plainIndent, true);

function plainOutdent(state: EditorState): PlainStructural | null {
  const s = structureKey.getState(state);
  const idx = selectedParaIndices(state);
  if (!s || idx.length === 0) return null;
  const tr = state.tr;
  for (const i of idx) {
    const p = s.structure.paras[i]!;
    if (p.level > 0) {
      tr.setNodeAttribute(p.pos, 'level', p.level - 1);
      if (p.tail && p.level - 1 === 0) tr.setNodeAttribute(p.pos, 'tail', false);
    }
  }
  return { tr: tr.scrollIntoView(), moved: [] };
}

/** Shift-Tab: promote the selected paragraphs one level. */
export const outdent: Command = structural('level', plainOutdent, true);

function sliceOf(paras: readonly ParaInfo[], [a, b]: [number, number]): { from: number; to: number; nodes: PMNode[] } {
  const first = paras[a]!;
  const last = paras[b - 1]!;
  return { from: first.pos, to: last.pos + last.node.nodeSize, nodes: paras.slice(a, b).map((p) => p.node) };
}

/** Moves the group of paragraph `i` to before the group starting at `target` (or to the end when target = -1 and `after`). */
function moveGroup(state: EditorState, i: number, targetPos: number, selectOffset: number): PlainStructural {
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
  return { tr: tr.scrollIntoView(), moved: nodes.map((n) => n.attrs.id as string) };
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
  return structural(
    'move',
    (state) => {
      const cur = currentPara(state);
      const s = structureKey.getState(state);
      if (!cur || !s) return null;
      const paras = s.structure.paras;
      const i = headIndex(paras, cur.index);
      const j = siblingGroup(paras, i, dir);
      if (j < 0) return null;
      const offset = state.selection.head - paras[i]!.pos - 1;
      if (dir === -1) return moveGroup(state, i, paras[j]!.pos, offset);
      const [, end] = groupRange(paras, j);
      const last = paras[end - 1]!;
      return moveGroup(state, i, last.pos + last.node.nodeSize, offset);
    },
    true,
  );
}

/**
 * Moves the paragraph with id `id` (and its group) to just before the paragraph with id
 * `beforeId` of the same section (or to the section's end when `beforeId` is null). Used by the
 * outline's drag and drop.
 */
export function moveParagraphTo(id: string, beforeId: string | null): Command {
  const plain = (state: EditorState): PlainStructural | null => {
    const s = structureKey.getState(state);
    if (!s) return null;
    const p = s.structure.byId.get(id);
    if (!p || id === beforeId) return null;
    let target: number;
    if (beforeId) {
      const t = s.structure.byId.get(beforeId);
      if (!t || t.section !== p.section || t.annex !== p.annex) return null;
      const [a, b] = groupRange(s.structure.paras, p.index);
      if (t.index >= a && t.index < b) return null;
      target = t.pos;
    } else {
      const same = s.structure.paras.filter((q) => q.section === p.section && q.annex === p.annex);
      const last = same[same.length - 1]!;
      target = last.pos + last.node.nodeSize;
    }
    return moveGroup(state, p.index, target, 0);
  };
  // Dropped where it already is: no change, and no empty undo step that would eat a redo.
  const cmd = structural('move', plain, false);
  return (state, dispatch) => {
    // In negotiation mode the outline may show a moved paragraph's ghost: dropping before it
    // drops before the paragraph that follows it (ghosts are not in the text as accepted).
    const ghost = (pid: string | null) => pid !== null && paraMove(structureKey.getState(state)?.structure.byId.get(pid)?.node)?.kind === 'move-from';
    if (ghost(id)) return cmd(state, dispatch);
    if (ghost(beforeId)) {
      const paras = structureKey.getState(state)!.structure.paras;
      const t = paras.findIndex((q) => q.id === beforeId);
      const next = paras.slice(t + 1).find((q) => q.section === paras[t]!.section && q.annex === paras[t]!.annex && !ghost(q.id));
      return moveParagraphTo(id, next?.id ?? null)(state, dispatch);
    }
    return cmd(state, dispatch);
  };
}

function plainConvert(state: EditorState): PlainStructural | null {
  const cur = currentPara(state);
  const s = structureKey.getState(state);
  if (!cur || !s || cur.section === 'ap') return null;
  const paras = s.structure.paras;
  const i = headIndex(paras, cur.index);
  const [a, b] = groupRange(paras, i);
  const toType: NodeType = cur.section === 'pp' ? schema.nodes.op : schema.nodes.pp;
  const ops = paras.filter((p) => p.section === 'op');
  if (cur.section === 'op' && ops.length === b - a) return null; // the last operative paragraph must stay
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
  return { tr: tr.scrollIntoView(), moved: nodes.map((n) => n.attrs.id as string) };
}

/** Converts the current paragraph between preambular and operative, moving it to the boundary. */
export const convertKind: Command = structural('convert', plainConvert, false);
