/**
 * Move proposals in the editor: a paragraph proposed to go elsewhere (also a PP↔OP conversion or
 * a level change, told apart by `as`) is a pair sharing one proposal id — a `move-from` ghost at
 * the old place and the living `move-to` paragraph at the new one (negotiation/views.ts). They come
 * in with a merged Word file (w:moveFrom/w:moveTo). Accepting drops the ghost and keeps the
 * paragraph where it goes; rejecting (or withdrawing) drops the new place and the ghost becomes the
 * paragraph again. Either way exactly one copy of the text stays, and it keeps the paragraph id
 * the ghost had (the paragraph's id before the move), so cross-references and notes still find it.
 * Moves made in the editor are built in structural.ts.
 */
import { Fragment, type Node as PMNode } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import { isPara } from './marks.js';

/** A move proposal as stored in a paragraph's `proposal` attribute. */
export interface ParaMove {
  id: string;
  by: string;
  at: string;
  parent?: string;
  kind: 'move-from' | 'move-to';
  as?: 'move' | 'convert' | 'level';
}

/** The move proposal of a paragraph node, or null. */
export function paraMove(node: PMNode | null | undefined): ParaMove | null {
  if (!node || !isPara(node)) return null;
  const p = node.attrs.proposal as ParaMove | null;
  return p && (p.kind === 'move-from' || p.kind === 'move-to') ? p : null;
}

/** The paragraphs of move `id`: its ghosts (move-from) and new places (move-to), with positions. */
export function findMove(doc: PMNode, id: string): { from: { pos: number; node: PMNode }[]; to: { pos: number; node: PMNode }[] } {
  const out = { from: [] as { pos: number; node: PMNode }[], to: [] as { pos: number; node: PMNode }[] };
  doc.descendants((node, pos) => {
    const m = paraMove(node);
    if (m && m.id === id) (m.kind === 'move-from' ? out.from : out.to).push({ pos, node });
    return true;
  });
  return out;
}

/** Removes the paragraph at `pos`, or empties it when the document cannot lose it (the last OP). */
export function removeParagraph(tr: Transaction, pos: number): void {
  const node = tr.doc.nodeAt(pos);
  if (!node) return;
  const $pos = tr.doc.resolve(pos);
  const index = $pos.index();
  if ($pos.parent.canReplace(index, index + 1)) {
    tr.delete(pos, pos + node.nodeSize);
    return;
  }
  tr.replaceWith(pos + 1, pos + node.nodeSize - 1, Fragment.empty);
  tr.setNodeAttribute(pos, 'proposal', null);
}

/**
 * Decides move `id` into `tr`: 'accept' removes the ghosts and clears the new place's mark (the
 * new places take the ghosts' paragraph ids, paired in document order, when they are as many);
 * 'reject' removes the new places and clears the ghosts' mark. `remove` removes one paragraph (it
 * knows the schema's rule that a resolution keeps an operative paragraph). False when `id` is not
 * a move.
 */
export function applyMoveDecision(tr: Transaction, id: string, how: 'accept' | 'reject', remove: (tr: Transaction, pos: number) => void): boolean {
  const found = findMove(tr.doc, id);
  if (!found.from.length && !found.to.length) return false;
  const [goes, stays] = how === 'accept' ? [found.from, found.to] : [found.to, found.from];
  // Marks first (positions still valid), then removals from the end so earlier positions hold.
  for (const s of stays) tr.setNodeAttribute(s.pos, 'proposal', null);
  if (how === 'accept' && goes.length === stays.length) stays.forEach((s, k) => tr.setNodeAttribute(s.pos, 'id', goes[k]!.node.attrs.id));
  for (const g of [...goes].sort((a, b) => b.pos - a.pos)) remove(tr, g.pos);
  return true;
}
