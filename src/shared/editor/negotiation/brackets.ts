/**
 * Brackets: text under negotiation shown between [ ] (nested brackets are several bracket marks,
 * each with its own id). Putting text in brackets, removing a bracket, counting those left.
 */
import { closeHistory } from 'prosemirror-history';
import type { Command, Transaction } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import { newId } from '../../ids.js';
import { own } from './settings.js';
import { BRACKET, push, removeMarkExact, type Range } from './marks.js';

/** Extent [from, to) of bracket `id` (first to last occurrence). */
function bracketExtent(doc: PMNode, id: string): { from: number; to: number } | null {
  let from = -1;
  let to = -1;
  doc.descendants((node, pos) => {
    if (node.isInline && node.marks.some((m) => m.type === BRACKET && m.attrs.id === id)) {
      if (from < 0) from = pos;
      to = pos + node.nodeSize;
    }
    return true;
  });
  return from < 0 ? null : { from, to };
}

function removeBracketTr(tr: Transaction, id: string): boolean {
  const ranges: Range[] = [];
  tr.doc.descendants((node, pos) => {
    const m = node.isInline ? node.marks.find((x) => x.type === BRACKET && x.attrs.id === id) : undefined;
    if (m) push(ranges, pos, pos + node.nodeSize, m);
    return true;
  });
  for (const r of ranges) removeMarkExact(tr, r.from, r.to, r.mark);
  return ranges.length > 0;
}

/**
 * Brackets: with a selection, puts it in a new bracket (nested inside any existing ones; when
 * the selection is exactly an existing bracket, removes that bracket instead); with an empty
 * selection inside a bracket, removes the innermost bracket there.
 */
export const toggleBrackets: Command = (state, dispatch) => {
  const { from, to, empty } = state.selection;
  const tr = own(closeHistory(state.tr));
  if (!empty) {
    const ids = new Set<string>();
    state.doc.nodesBetween(from, to, (node) => {
      for (const m of node.marks) if (m.type === BRACKET) ids.add(m.attrs.id as string);
      return true;
    });
    let exact: string | null = null;
    for (const id of ids) {
      const e = bracketExtent(state.doc, id);
      if (e && e.from === from && e.to === to) exact = id;
    }
    if (exact) removeBracketTr(tr, exact);
    else {
      let hasText = false;
      state.doc.nodesBetween(from, to, (n) => {
        if (n.isInline) hasText = true;
        return !hasText;
      });
      if (!hasText) return false;
      tr.addMark(from, to, BRACKET.create({ id: newId('b') }));
    }
  } else {
    const $p = state.selection.$from;
    const around = [$p.nodeBefore, $p.nodeAfter].flatMap((n) => (n ? n.marks.filter((m) => m.type === BRACKET) : []));
    let best: { id: string; size: number } | null = null;
    for (const m of around) {
      const id = m.attrs.id as string;
      const e = bracketExtent(state.doc, id);
      // At the very edge of a bracket the cursor is only "in" it from inside.
      if (!e || e.from >= $p.pos || e.to <= $p.pos) {
        if (!e || !(e.from <= $p.pos && e.to >= $p.pos)) continue;
      }
      const size = e.to - e.from;
      if (!best || size < best.size) best = { id, size };
    }
    if (!best) return false;
    removeBracketTr(tr, best.id);
  }
  if (!tr.docChanged) return false;
  if (dispatch) dispatch(tr);
  return true;
};

/** Removes bracket `id` wherever it is (its text stays). */
export function removeBracket(id: string): Command {
  return (state, dispatch) => {
    const tr = own(closeHistory(state.tr));
    if (!removeBracketTr(tr, id)) return false;
    if (dispatch) dispatch(tr);
    return true;
  };
}

/** The number of brackets (distinct bracket ids) left in a document. */
export function countBrackets(doc: PMNode): number {
  const ids = new Set<string>();
  doc.descendants((node) => {
    for (const m of node.marks) if (m.type === BRACKET) ids.add(m.attrs.id as string);
    return true;
  });
  return ids.size;
}
