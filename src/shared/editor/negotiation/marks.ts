/**
 * How proposals and brackets sit in the document: insertion, deletion and bracket marks on inline
 * nodes, and the `proposal` attribute of whole inserted or deleted paragraphs; small helpers to
 * read them and to change marks exactly (so that undo restores the document).
 */
import type { Fragment, Mark, Node as PMNode } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import { schema, PARA_TYPES } from '../../resolution/schema.js';

/** A whole-paragraph proposal as stored in the `proposal` attribute. */
export interface ParaProposal {
  id: string;
  by: string;
  at: string;
  parent?: string;
  kind: 'ins' | 'del';
}

/** The mark of proposed inserted text (attrs: id, by, at, parent). */
export const INS = schema.marks.insertion;
/** The mark of text proposed for deletion (attrs: id, by, at, parent). */
export const DEL = schema.marks.deletion;
/** The mark of bracketed text (attr: id; nested brackets are several marks). */
export const BRACKET = schema.marks.bracket;

/** The insertion mark of an inline node, if any. */
export function insOf(node: PMNode): Mark | undefined {
  return node.marks.find((m) => m.type === INS);
}

/** The deletion mark of an inline node, if any. */
export function delOf(node: PMNode): Mark | undefined {
  return node.marks.find((m) => m.type === DEL);
}

/** The whole-paragraph proposal of a paragraph node (null for other nodes or none). */
export function paraProposal(node: PMNode | null | undefined): ParaProposal | null {
  if (!node || !PARA_TYPES.has(node.type.name)) return null;
  const p = node.attrs.proposal as ParaProposal | null;
  return p && (p.kind === 'ins' || p.kind === 'del') ? p : null;
}

/** Whether a node is a paragraph of the resolution schema (pp, op, sub, annex paragraph…). */
export function isPara(node: PMNode): boolean {
  return PARA_TYPES.has(node.type.name);
}

/** Whether a paragraph proposal is an insertion by `me`. */
export function ownParaIns(node: PMNode, me: string): boolean {
  const p = paraProposal(node);
  return p !== null && p.kind === 'ins' && p.by === me;
}

/** Whether a fragment holds any inline content (text, footnote, cross-reference). */
export function hasInline(f: Fragment): boolean {
  let found = false;
  f.descendants((n) => {
    if (n.isInline) found = true;
    return !found;
  });
  return found;
}

/** A marked range [from, to) of the document. */
export interface Range {
  from: number;
  to: number;
  mark: Mark;
}

/** Adds [from, to) to the list, merging with the previous range when adjacent with the same mark. */
export function push(list: Range[], from: number, to: number, mark: Mark): void {
  const last = list[list.length - 1];
  if (last && last.to === from && last.mark.eq(mark)) last.to = to;
  else list.push({ from, to, mark });
}

/**
 * Removes `mark` exactly where an inline node carries it, in [from, to): from text as a range, from
 * an inline node with content (a footnote) as a node mark. A plain `removeMark` over the range
 * would be inverted (undo) into an `addMark` over the whole range, marking the footnote's own text,
 * which never carried it: undo would not give back the document.
 */
export function removeMarkExact(tr: Transaction, from: number, to: number, mark: Mark): void {
  const text: { from: number; to: number }[] = [];
  const nodes: number[] = [];
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isInline) return true;
    if (mark.isInSet(node.marks)) {
      if (node.isText) text.push({ from: Math.max(pos, from), to: Math.min(pos + node.nodeSize, to) });
      else nodes.push(pos);
    }
    return false;
  });
  for (const r of text) tr.removeMark(r.from, r.to, mark);
  for (const pos of nodes) tr.removeNodeMark(pos, mark);
}

/** Adds `mark` to the inline node at `pos` only (not to a footnote's own text): see {@link removeMarkExact}. */
export function addMarkExact(tr: Transaction, pos: number, node: PMNode, mark: Mark): void {
  if (node.isText) tr.addMark(pos, pos + node.nodeSize, mark);
  else tr.addNodeMark(pos, mark);
}
