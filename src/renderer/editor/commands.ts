/**
 * Editing commands, in ProseMirror's form `(state, dispatch?) => boolean`: without `dispatch`
 * they only tell whether they apply. Built on the schema and on the derived structure, so they
 * work the same in every language.
 */
import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { Fragment, type Node as PMNode, type NodeType } from 'prosemirror-model';
import { closeHistory } from 'prosemirror-history';
import { schema, PARA_TYPES } from '../../shared/resolution/schema.js';
import type { FrontMatter } from '../../shared/resolution/model.js';
import { applyEndPunctuation } from '../../shared/resolution/punctuation.js';
import { organGender, switchPhraseGender } from '../../shared/resolution/lexicon.js';
import { textHash } from '../../shared/text/hash.js';
import type { ParaInfo } from '../../shared/resolution/structure.js';
import { structureKey } from './structure-plugin.js';

/** The paragraph (pp/op/ap) around a resolved position, with its position and depth. */
export function paraAt(state: EditorState, pos = state.selection.from): { node: PMNode; pos: number; depth: number } | null {
  const $p = state.doc.resolve(pos);
  for (let d = $p.depth; d > 0; d--) {
    const n = $p.node(d);
    if (PARA_TYPES.has(n.type.name)) return { node: n, pos: $p.before(d), depth: d };
  }
  return null;
}

/** The ParaInfo of the paragraph holding the selection head. */
export function currentPara(state: EditorState): ParaInfo | null {
  const p = paraAt(state, state.selection.head);
  if (!p) return null;
  const s = structureKey.getState(state);
  return s?.structure.paras.find((i) => i.pos === p.pos) ?? null;
}

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
function headIndex(paras: readonly ParaInfo[], i: number): number {
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

/**
 * Changes the front matter (one undoable step). When the organ changes grammatical gender
 * (the General Assembly is feminine in French, Spanish, Russian and Arabic; the Councils are
 * masculine), agreeing opening phrases are switched too: "Consciente" ↔ "Conscient".
 */
export function setMeta(patch: Partial<FrontMatter>): Command {
  return (state, dispatch) => {
    const old = state.doc.attrs.meta as FrontMatter;
    // The same value again (a field left unchanged) is no edit: it must not clear the redo stack.
    if (Object.entries(patch).every(([k, v]) => JSON.stringify(old[k as keyof FrontMatter]) === JSON.stringify(v))) return false;
    if (dispatch) {
      const meta = { ...old, ...patch };
      const tr = closeHistory(state.tr).setDocAttribute('meta', meta);
      const from = organGender(old.organ, meta.language);
      const to = organGender(meta.organ, meta.language);
      if (from !== to) {
        tr.doc.descendants((node, pos) => {
          if (!PARA_TYPES.has(node.type.name)) return node.type.name === 'annex';
          const first = node.firstChild;
          if (node.attrs.level === 0 && first?.isText) {
            const text = first.text ?? '';
            const switched = switchPhraseGender(text, meta.language, to);
            if (switched !== text) {
              let k = 0;
              while (k < text.length && text[k] === switched[k]) k++;
              let e = 0;
              while (e < text.length - k && text[text.length - 1 - e] === switched[switched.length - 1 - e]) e++;
              tr.insertText(switched.slice(k, switched.length - e), tr.mapping.map(pos + 1 + k), tr.mapping.map(pos + 1 + text.length - e));
            }
          }
          return false;
        });
      }
      dispatch(tr);
    }
    return true;
  };
}

/** Freezes the current numbers as base numbers (negotiation numbering), or clears them. */
export function setNegotiationNumbering(on: boolean): Command {
  return (state, dispatch) => {
    const s = structureKey.getState(state);
    if (!s) return false;
    const tr = closeHistory(state.tr);
    const counters = { pp: 0, op: 0 };
    for (const p of s.structure.paras) {
      if (p.section === 'ap' || p.level > 0 || p.tail) continue;
      const value = on ? ++counters[p.section] : null;
      if (p.node.attrs.base !== value) tr.setNodeAttribute(p.pos, 'base', value);
    }
    if (!tr.docChanged) return false;
    if (dispatch) dispatch(tr);
    return true;
  };
}

/** Agreed language to insert: the source paragraph and its text. */
export interface AgreedText {
  symbol: string;
  designation: string;
  kind: string;
  text: string;
}

function provenanceOf(a: AgreedText) {
  return { symbol: a.symbol, paragraph: a.designation, hash: textHash(a.text), text: a.text };
}

/**
 * Inserts agreed language at the cursor as a paragraph carrying its provenance: into the current
 * paragraph when it is empty, else after the current paragraph (with its subparagraphs). A
 * preambular source goes into the preamble, an operative one among the operative paragraphs, a
 * subparagraph as a subparagraph.
 */
export function insertAgreed(a: AgreedText): Command {
  return (state, dispatch) => {
    const s = structureKey.getState(state);
    if (!s) return false;
    const cur = currentPara(state);
    const wantSection = a.kind === 'pp' ? 'pp' : 'op';
    const type = wantSection === 'pp' ? schema.nodes.pp : schema.nodes.op;
    const level = a.kind === 'sub' ? Math.max(1, cur && cur.section === 'op' ? Math.min(cur.level + (cur.level === 0 ? 1 : 0), 4) : 1) : 0;
    const attrs = { id: '', level, tail: false, phrase: null, status: '', holder: '', provenance: provenanceOf(a), base: null };
    const node = type.create(attrs, a.text ? schema.text(a.text) : null);
    if (!dispatch) return true;
    const tr = closeHistory(state.tr);
    if (cur && cur.section === wantSection && cur.node.content.size === 0) {
      tr.replaceWith(cur.pos, cur.pos + cur.node.nodeSize, node);
      tr.setSelection(TextSelection.near(tr.doc.resolve(cur.pos + node.nodeSize - 1)));
    } else {
      let at: number;
      if (cur && cur.section === wantSection) {
        const [, end] = groupRange(s.structure.paras, headIndex(s.structure.paras, cur.index));
        const last = s.structure.paras[end - 1]!;
        at = last.pos + last.node.nodeSize;
      } else {
        // The boundary between preamble and operative part.
        at = 0;
        state.doc.forEach((n, off) => {
          if (n.type.name === 'pp') at = off + n.nodeSize;
        });
      }
      tr.insert(at, node);
      tr.setSelection(TextSelection.near(tr.doc.resolve(at + node.nodeSize - 1)));
    }
    dispatch(tr.scrollIntoView());
    return true;
  };
}

/** Replaces the text of paragraph `id` with agreed language and records its provenance. */
export function replaceWithAgreed(id: string, a: AgreedText): Command {
  return (state, dispatch) => {
    const p = structureKey.getState(state)?.structure.byId.get(id);
    if (!p) return false;
    if (dispatch) {
      const tr = closeHistory(state.tr);
      tr.replaceWith(p.pos + 1, p.pos + 1 + p.node.content.size, a.text ? schema.text(a.text) : []);
      tr.setNodeAttribute(p.pos, 'provenance', provenanceOf(a));
      tr.setNodeAttribute(p.pos, 'phrase', null);
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}
