/**
 * Where the selection is: the paragraph around a position, with its derived structure.
 */
import type { EditorState } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import { PARA_TYPES } from '../../resolution/schema.js';
import type { ParaInfo } from '../../resolution/structure.js';
import { structureKey } from '../plugins/structure.js';

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
