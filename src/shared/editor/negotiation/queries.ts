/**
 * Reading proposals out of a document: where one occurs, who made it, which proposals amend it,
 * and the list shown in the proposals panel.
 */
import type { EditorState } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import type { FrontMatter } from '../../resolution/model.js';
import { computeStructure, type DocStructure } from '../../resolution/structure.js';
import { structureKey } from '../plugins/structure.js';
import { DEL, INS, delOf, insOf, isPara, paraProposal, push, type ParaProposal, type Range } from './marks.js';
import { findMove, paraMove } from './moves.js';

/** One proposal as listed in the proposals panel. */
export interface ProposalInfo {
  id: string;
  by: string;
  at: string;
  /** Text insertion or deletion, a whole paragraph inserted or deleted, or a paragraph moved. */
  kind: 'ins' | 'del' | 'para-ins' | 'para-del' | 'para-move';
  /** For a move: a plain move, a PP↔OP conversion or a level change. */
  as?: 'move' | 'convert' | 'level';
  /** The text concerned (pieces that are not adjacent joined by " … "). */
  text: string;
  /** The proposal this one amends (a proposal on a proposal). */
  parent?: string;
  /** Paragraph where the proposal starts. */
  paragraphId: string;
  /** Its designation ("OP2bis", "PP3", "OP7 (a)"). */
  designation: string;
}

/** Where one proposal occurs: its inserted and deleted ranges and its paragraphs. */
export interface Occurrences {
  ins: Range[];
  del: Range[];
  paras: { pos: number; node: PMNode; prop: ParaProposal }[];
}

/** Every place proposal `id` occurs: marked text and paragraph attributes. */
export function findProposal(doc: PMNode, id: string): Occurrences {
  const out: Occurrences = { ins: [], del: [], paras: [] };
  doc.descendants((node, pos) => {
    const p = paraProposal(node);
    if (p && p.id === id) out.paras.push({ pos, node, prop: p });
    if (node.isInline) {
      const i = insOf(node);
      if (i && i.attrs.id === id) push(out.ins, pos, pos + node.nodeSize, i);
      const d = delOf(node);
      if (d && d.attrs.id === id) push(out.del, pos, pos + node.nodeSize, d);
    }
    return true;
  });
  return out;
}

/** Ids of proposals whose parent is `id`, and their children, and so on. */
export function descendantsOf(doc: PMNode, id: string): Set<string> {
  const parents = new Map<string, Set<string>>();
  const add = (parent: string, child: string) => {
    if (!parent || parent === child) return;
    let s = parents.get(parent);
    if (!s) parents.set(parent, (s = new Set()));
    s.add(child);
  };
  doc.descendants((node) => {
    const p = paraProposal(node);
    if (p?.parent) add(p.parent, p.id);
    for (const m of node.marks) if (m.type === INS || m.type === DEL) add(m.attrs.parent as string, m.attrs.id as string);
    return true;
  });
  const out = new Set<string>();
  const queue = [id];
  while (queue.length) {
    for (const c of parents.get(queue.pop()!) ?? []) {
      if (!out.has(c)) {
        out.add(c);
        queue.push(c);
      }
    }
  }
  return out;
}

/** Who made proposal `id`, or null when there is no such proposal. */
export function proposerOf(doc: PMNode, id: string): string | null {
  const occ = findProposal(doc, id);
  const move = findMove(doc, id);
  const first = occ.paras[0]?.prop.by ?? occ.ins[0]?.mark.attrs.by ?? occ.del[0]?.mark.attrs.by ?? paraMove((move.to[0] ?? move.from[0])?.node)?.by;
  return first === undefined ? null : (first as string);
}

/** The structure of `state` (from the structure plugin, or computed when the plugin is absent). */
export function structureOf(state: EditorState): DocStructure {
  return structureKey.getState(state)?.structure ?? computeStructure(state.doc, (state.doc.attrs.meta as FrontMatter).language);
}

/** Every proposal in the document, in document order (a proposal is listed where it first occurs). */
export function listProposals(state: EditorState): ProposalInfo[] {
  const s = structureOf(state);
  const byId = new Map<string, ProposalInfo & { lastEnd: number }>();
  const order: string[] = [];
  const paraIds = new Set<string>();
  state.doc.descendants((node) => {
    const p = paraProposal(node);
    if (p) paraIds.add(p.id);
    return !node.isInline;
  });
  let current: { id: string; designation: string } = { id: '', designation: '' };
  state.doc.descendants((node, pos) => {
    if (isPara(node)) {
      const info = s.byId.get(node.attrs.id as string);
      current = { id: node.attrs.id as string, designation: info?.designation ?? '' };
      const mv = paraMove(node);
      if (mv) {
        // A move is listed once, where the paragraph goes (its move-to place), with the moved text.
        const known = byId.get(mv.id);
        if (!known) {
          order.push(mv.id);
          byId.set(mv.id, { id: mv.id, by: mv.by, at: mv.at, kind: 'para-move', as: mv.as ?? 'move', text: node.textContent, ...(mv.parent ? { parent: mv.parent } : {}), paragraphId: current.id, designation: current.designation, lastEnd: -1 });
        } else if (mv.kind === 'move-to') {
          known.paragraphId = current.id;
          known.designation = current.designation;
        }
      }
      const p = paraProposal(node);
      if (p && !byId.has(p.id)) {
        order.push(p.id);
        byId.set(p.id, {
          id: p.id,
          by: p.by,
          at: p.at,
          kind: p.kind === 'ins' ? 'para-ins' : 'para-del',
          text: '',
          ...(p.parent ? { parent: p.parent } : {}),
          paragraphId: current.id,
          designation: current.designation,
          lastEnd: -1,
        });
      }
      return true;
    }
    if (!node.isInline) return true;
    for (const m of [insOf(node), delOf(node)]) {
      if (!m) continue;
      const id = m.attrs.id as string;
      let info = byId.get(id);
      if (!info) {
        order.push(id);
        const parent = m.attrs.parent as string;
        info = {
          id,
          by: m.attrs.by as string,
          at: m.attrs.at as string,
          kind: m.type === INS ? (paraIds.has(id) ? 'para-ins' : 'ins') : paraIds.has(id) ? 'para-del' : 'del',
          text: '',
          ...(parent ? { parent } : {}),
          paragraphId: current.id,
          designation: current.designation,
          lastEnd: -1,
        };
        byId.set(id, info);
      }
      const text = node.isText ? (node.text ?? '') : node.type.name === 'footnote' ? `[note: ${node.textContent}]` : '…';
      info.text += info.lastEnd >= 0 && info.lastEnd !== pos ? ` … ${text}` : text;
      info.lastEnd = pos + node.nodeSize;
    }
    return node.type.name === 'footnote';
  });
  return order.map((id) => {
    const { lastEnd: _lastEnd, ...info } = byId.get(id)!;
    if (!info.text && (info.kind === 'para-ins' || info.kind === 'para-del')) {
      const para = findProposal(state.doc, id).paras[0];
      if (para) info.text = para.node.textContent;
    }
    return info;
  });
}
