/**
 * Negotiation commands on proposals: accept, reject, withdraw (one proposal or all of a
 * delegation's), and deleting a whole paragraph as a proposal. Each is one undo step and never
 * tracked itself.
 */
import type { Command, EditorState, Transaction } from 'prosemirror-state';
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { canJoin } from 'prosemirror-transform';
import { closeHistory } from 'prosemirror-history';
import { newId } from '../../ids.js';
import { own, settingsOf } from './settings.js';
import { DEL, INS, addMarkExact, insOf, isPara, ownParaIns, paraProposal, removeMarkExact, type ParaProposal } from './marks.js';
import { charLength, trackDelete, type TrackContext } from './tracking.js';
import { descendantsOf, findProposal, listProposals, proposerOf } from './queries.js';
import { applyMoveDecision, removeParagraph } from './moves.js';

/** Removes every deletion mark in [from, to), exactly (see {@link removeMarkExact}). */
function removeDelMarks(tr: Transaction, from: number, to: number): void {
  const marks: Mark[] = [];
  tr.doc.nodesBetween(from, to, (node) => {
    for (const m of node.marks) if (m.type === DEL && !m.isInSet(marks)) marks.push(m);
    return !node.isInline;
  });
  for (const m of marks) removeMarkExact(tr, from, to, m);
}

/** Gives the children of `id` no parent (their parent was accepted into the text). */
function reparentChildren(tr: Transaction, id: string): void {
  const changes: { pos: number; node: PMNode; mark: Mark }[] = [];
  const attrs: { pos: number; value: ParaProposal }[] = [];
  tr.doc.descendants((node, pos) => {
    const p = paraProposal(node);
    if (p && p.parent === id) attrs.push({ pos, value: { ...p, parent: '' } });
    for (const m of node.marks) {
      if ((m.type === INS || m.type === DEL) && m.attrs.parent === id) changes.push({ pos, node, mark: m.type.create({ ...m.attrs, parent: '' }) });
    }
    return true;
  });
  for (const c of changes) addMarkExact(tr, c.pos, c.node, c.mark);
  for (const a of attrs) tr.setNodeAttribute(a.pos, 'proposal', a.value);
}

/** Accepts proposal `id` into `tr`. */
function applyAccept(tr: Transaction, id: string): boolean {
  if (applyMoveDecision(tr, id, 'accept', removeParagraph)) return true;
  const occ = findProposal(tr.doc, id);
  if (!occ.ins.length && !occ.del.length && !occ.paras.length) return false;
  const kind = occ.paras[0]?.prop.kind;
  if (occ.ins.length || kind === 'ins') {
    for (const r of occ.ins) removeMarkExact(tr, r.from, r.to, r.mark);
    for (const p of occ.paras) tr.setNodeAttribute(p.pos, 'proposal', null);
    reparentChildren(tr, id);
    return true;
  }
  if (kind === 'del') {
    for (const p of [...occ.paras].sort((a, b) => b.pos - a.pos)) {
      if (p.node.attrs.base !== null) {
        // A paragraph of the base text keeps its place as "deleted" (negotiation numbering).
        tr.setNodeAttribute(p.pos, 'proposal', null);
        tr.setNodeAttribute(p.pos, 'status', 'deleted');
        tr.setNodeAttribute(p.pos, 'holder', '');
        removeDelMarks(tr, p.pos + 1, p.pos + p.node.nodeSize - 1);
      } else removeParagraph(tr, p.pos);
    }
  }
  // Text deletions (and any deleted text of a deleted paragraph left over): remove the text, then
  // the paragraphs this leaves empty.
  const left = findProposal(tr.doc, id).del;
  const emptied: string[] = [];
  for (const r of [...left].sort((a, b) => b.from - a.from)) {
    const $r = tr.doc.resolve(r.from);
    const para = $r.parent;
    if (isPara(para) && para.content.size > 0 && r.from === $r.start() && r.to === $r.end()) emptied.push(para.attrs.id as string);
    tr.delete(r.from, r.to);
  }
  for (const pid of emptied) {
    let at = -1;
    tr.doc.descendants((n, pos) => {
      if (at < 0 && isPara(n) && n.attrs.id === pid) at = pos;
      return at < 0 && !n.isInline;
    });
    if (at < 0) continue;
    if (tr.doc.nodeAt(at)!.attrs.base !== null) tr.setNodeAttribute(at, 'status', 'deleted');
    else removeParagraph(tr, at);
  }
  return true;
}

/** Rejects proposal `id` into `tr`. */
function applyReject(tr: Transaction, id: string): boolean {
  if (applyMoveDecision(tr, id, 'reject', removeParagraph)) return true;
  const occ = findProposal(tr.doc, id);
  if (!occ.ins.length && !occ.del.length && !occ.paras.length) return false;
  const kind = occ.paras[0]?.prop.kind;
  if (occ.ins.length || kind === 'ins') {
    // The inserted text goes, with every proposal made on it.
    const ids = descendantsOf(tr.doc, id);
    ids.add(id);
    const cuts: { from: number; to: number }[] = [];
    tr.doc.descendants((node, pos) => {
      const m = node.isInline ? insOf(node) : undefined;
      if (m && ids.has(m.attrs.id as string)) {
        const last = cuts[cuts.length - 1];
        if (last && last.to === pos) last.to = pos + node.nodeSize;
        else cuts.push({ from: pos, to: pos + node.nodeSize });
        return false;
      }
      return true;
    });
    for (const c of cuts.reverse()) tr.delete(c.from, c.to);
    // Proposals made on it that are left (a deletion of a whole paragraph that also held the
    // rejected text) lose their parent.
    reparentChildren(tr, id);
    const paras = findProposal(tr.doc, id).paras.sort((a, b) => b.pos - a.pos);
    for (const p of paras) {
      if (p.node.content.size === 0) removeParagraph(tr, p.pos);
      else if (canJoin(tr.doc, p.pos) && paraProposal(tr.doc.resolve(p.pos).nodeBefore)?.kind !== 'del') tr.join(p.pos);
      else tr.setNodeAttribute(p.pos, 'proposal', null);
    }
    return true;
  }
  for (const r of occ.del) removeMarkExact(tr, r.from, r.to, r.mark);
  for (const p of occ.paras) tr.setNodeAttribute(p.pos, 'proposal', null);
  return true;
}

function proposalCommand(apply: (tr: Transaction, id: string) => boolean, id: string, check?: (state: EditorState) => boolean): Command {
  return (state, dispatch) => {
    if (check && !check(state)) return false;
    const tr = own(closeHistory(state.tr));
    if (!apply(tr, id)) return false;
    if (dispatch) dispatch(tr.scrollIntoView());
    return true;
  };
}

/**
 * Accepts a proposal: an insertion's text (and paragraph) becomes plain text, a deletion's text
 * (or paragraph) goes. A deleted paragraph of the base text (negotiation numbering) stays in
 * place with status "deleted". Proposals made on an accepted insertion stay, without parent.
 */
export function acceptProposal(id: string): Command {
  return proposalCommand(applyAccept, id);
}

/**
 * Rejects a proposal: an insertion's text goes, with every proposal made on it, and an inserted
 * paragraph is removed (or, when it was split from an existing paragraph, joined back to it); a
 * deletion's mark (or a paragraph's deletion) is dropped and the text stays.
 */
export function rejectProposal(id: string): Command {
  return proposalCommand(applyReject, id);
}

/**
 * Withdraws a proposal: a rejection by its proposer. Applies only when the current delegation of
 * negotiation mode made the proposal (or when no delegation is set).
 */
export function withdrawProposal(id: string): Command {
  return proposalCommand(applyReject, id, (state) => {
    const me = settingsOf(state).delegation;
    const by = proposerOf(state.doc, id);
    return by !== null && (!me || by === me);
  });
}

function allBy(apply: (tr: Transaction, id: string) => boolean, delegation: string): Command {
  return (state, dispatch) => {
    const ids = listProposals(state)
      .filter((p) => p.by === delegation)
      .map((p) => p.id);
    if (!ids.length) return false;
    const tr = own(closeHistory(state.tr));
    let any = false;
    for (const id of ids) if (apply(tr, id)) any = true;
    if (!any) return false;
    if (dispatch) dispatch(tr);
    return true;
  };
}

/** Accepts every proposal of a delegation (one undo step). */
export function acceptAllBy(delegation: string): Command {
  return allBy(applyAccept, delegation);
}

/** Rejects every proposal of a delegation (one undo step). */
export function rejectAllBy(delegation: string): Command {
  return allBy(applyReject, delegation);
}

/**
 * Deletes the paragraph with id `paragraphId`: in negotiation mode as a proposal by the current
 * delegation (the paragraph stays, marked deleted; one's own inserted paragraph really goes);
 * otherwise removes it.
 */
export function deleteParagraph(paragraphId: string): Command {
  return (state, dispatch) => {
    let at = -1;
    let node: PMNode | null = null;
    state.doc.descendants((n, pos) => {
      if (at < 0 && isPara(n) && n.attrs.id === paragraphId) {
        at = pos;
        node = n;
      }
      return at < 0 && !n.isInline;
    });
    if (at < 0 || !node) return false;
    const s = settingsOf(state);
    const tr = own(closeHistory(state.tr));
    const para = node as PMNode;
    if (!s.enabled || ownParaIns(para, s.delegation)) removeParagraph(tr, at);
    else {
      if (paraProposal(para)?.kind === 'del') return false;
      const ctx: TrackContext = { me: s.delegation, at: new Date().toISOString(), newId: () => newId('s'), paste: false };
      // A range from before the paragraph to after it: the paragraph is removed whole.
      trackDelete(tr, at, at + para.nodeSize, ctx);
    }
    if (!tr.docChanged) return false;
    // Nothing to delete (an emptied last paragraph): no empty undo step that would eat a redo.
    if (tr.doc.eq(state.doc)) return false;
    if (dispatch) dispatch(tr.scrollIntoView());
    return true;
  };
}

/**
 * Backspace (dir −1) or Delete (dir 1) of one character inside a paragraph while negotiation
 * mode is on with a delegation: deletes it through a transaction, so that tracking records it
 * (a browser's native deletion would bypass the transaction). Does not apply (false) with the mode
 * off, without a delegation, with a selection, or at a paragraph boundary (the keymap's join is
 * tracked, and refused, instead).
 */
export function deleteCharTracked(dir: -1 | 1): Command {
  return (state, dispatch) => {
    const s = settingsOf(state);
    if (!s.enabled || !s.delegation || !state.selection.empty) return false;
    const $p = state.selection.$from;
    if (!$p.parent.inlineContent) return false;
    const n = dir < 0 ? $p.nodeBefore : $p.nodeAfter;
    if (!n) return false;
    const len = n.isText ? charLength(n, dir) : n.nodeSize;
    const from = dir < 0 ? $p.pos - len : $p.pos;
    if (dispatch) dispatch(state.tr.delete(from, from + len).scrollIntoView());
    return true;
  };
}
