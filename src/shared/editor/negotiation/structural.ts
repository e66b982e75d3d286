/**
 * Structural edits in negotiation mode: moving a paragraph (Alt+Up/Down, the outline's drag),
 * Tab/Shift+Tab and PP↔OP conversion become move proposals of the current delegation, in exactly
 * the shape a merged Word file brings them (moves.ts): the paragraphs as they were stay in place as
 * `move-from` ghosts (their ids kept), the paragraphs as they become stand at their new place as
 * `move-to` (fresh ids; accepting gives them back the ghosts' ids).
 *
 * How. The plain command runs on the text as if every pending move were accepted (ghosts taken
 * out), so it behaves as it would without negotiation. Which paragraphs changed place is then
 * read from the two texts: the ones the command moved, and every paragraph whose kind, level or
 * parent changed. A candidate document is built — those paragraphs become ghosts in place, their
 * new forms go in between their new neighbours — and is kept only if it decides exactly: rejecting
 * the proposal gives the document before, accepting gives the command's result, and the shared
 * views (base and accepted exports, which nest paragraphs as a tree) agree with that. Moving one's
 * own pending move again updates it (back where it came from, it is gone); one's own inserted
 * paragraphs just move. Anything else is refused with a reason, never applied silently.
 */
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import { closeHistory } from 'prosemirror-history';
import { newId } from '../../ids.js';
import { fromDoc } from '../../resolution/convert.js';
import { acceptedView, baseView } from '../../negotiation/views.js';
import { structureKey } from '../plugins/structure.js';
import { own, settingsOf } from './settings.js';
import { isPara, ownParaIns } from './marks.js';
import { nestFlat } from '../../resolution/nesting.js';
import { applyMoveDecision, findMove, paraMove, removeParagraph, type ParaMove } from './moves.js';

/** What a structural proposal says it does (the `as` of the move). */
export type StructuralKind = 'move' | 'convert' | 'level';

/** A plain structural command's result: its transaction and the paragraphs it moved as a unit. */
export interface PlainStructural {
  tr: Transaction;
  moved: readonly string[];
}

/** Why a structural edit was refused: an i18n key (`neg.refuse.*`) and its parameters. */
export interface Refusal {
  key: 'neg.refuse.noDelegation' | 'neg.refuse.ghost' | 'neg.refuse.otherProposal' | 'neg.refuse.inexpressible' | 'neg.refuse.sections';
  params: Record<string, string>;
}

/**
 * Transaction meta of a refusal (a transaction that changes nothing and is not an undo step):
 * the app shows its message, e.g. `tr.getMeta(REFUSAL_META) as Refusal`.
 */
export const REFUSAL_META = 'plenary-refusal';

/** The outcome of {@link proposeStructural}. */
export type StructuralOutcome = { kind: 'na' } | { kind: 'none' } | { kind: 'tr'; tr: Transaction };

/** A transaction that only carries a refusal (see {@link REFUSAL_META}). */
export function refusalTransaction(state: EditorState, refusal: Refusal): Transaction {
  return own(state.tr).setMeta(REFUSAL_META, refusal).setMeta('addToHistory', false);
}

/** `doc` with move `id` accepted or rejected (as the editor's commands decide it). */
export function decideMove(doc: PMNode, id: string, how: 'accept' | 'reject'): PMNode {
  const tr = EditorState.create({ doc }).tr;
  applyMoveDecision(tr, id, how, removeParagraph);
  return tr.doc;
}

/** One container of paragraphs: the body (-1) or an annex (its index among the doc's children). */
function containers(doc: PMNode): { key: number; nodes: PMNode[] }[] {
  const body: PMNode[] = [];
  const out: { key: number; nodes: PMNode[] }[] = [{ key: -1, nodes: body }];
  doc.forEach((n, _o, i) => {
    if (n.type.name === 'annex') {
      const list: PMNode[] = [];
      n.forEach((c) => list.push(c));
      out.push({ key: i, nodes: list });
    } else body.push(n);
  });
  return out;
}

/** `doc` with container `key`'s children replaced by `nodes` (checked against the schema; null if invalid). */
function withContainer(doc: PMNode, key: number, nodes: PMNode[]): PMNode | null {
  try {
    if (key >= 0) {
      const annex = doc.child(key);
      return doc.type.createChecked(doc.attrs, doc.content.replaceChild(key, annex.type.createChecked(annex.attrs, nodes, annex.marks)), doc.marks);
    }
    const annexes: PMNode[] = [];
    doc.forEach((n) => {
      if (n.type.name === 'annex') annexes.push(n);
    });
    return doc.type.createChecked(doc.attrs, [...nodes, ...annexes], doc.marks);
  } catch {
    return null;
  }
}

/**
 * The shape of each paragraph of a container: kind, level, tail and the paragraph it hangs from
 * or continues, nested by the file model's one rule (nesting.ts `nestFlat`).
 */
function shapes(nodes: readonly PMNode[]): Map<string, string> {
  const out = new Map<string, string>();
  const nesting = nestFlat(nodes.map((n) => ({ level: (n.attrs.level as number | undefined) ?? 0, tail: n.attrs.tail === true, block: !isPara(n) })));
  nodes.forEach((n, i) => {
    const id = n.attrs.id as string;
    const at = nesting[i]!;
    if (!isPara(n)) out.set(id, `${n.type.name}|block`);
    else {
      const parent = at.parent >= 0 ? (nodes[at.parent]!.attrs.id as string) : '';
      out.set(id, `${n.type.name}|${at.tail ? 'tail' : at.level}|${parent}`);
    }
  });
  return out;
}

/** The paragraphs of a document without ids and proposals: what a reader sees, whoever proposed it. */
function skeleton(doc: PMNode): string {
  const out: unknown[] = [];
  doc.descendants((n) => {
    if (!isPara(n) && n.type.name !== 'heading' && n.type.name !== 'table') return true;
    // toJSON shares the node's attrs object: copied, never changed in place.
    const { id: _id, proposal: _p, ...attrs } = n.attrs;
    out.push({ ...(n.toJSON() as object), attrs });
    return false;
  });
  return JSON.stringify(out);
}

/** The document with every move ghost taken out (all pending moves as if accepted), and its mapping. */
function withoutGhosts(state: EditorState): Transaction | null {
  const ghosts: { pos: number; size: number }[] = [];
  state.doc.descendants((n, pos) => {
    if (isPara(n)) {
      if (paraMove(n)?.kind === 'move-from') ghosts.push({ pos, size: n.nodeSize });
      return false;
    }
    return !n.isInline;
  });
  const tr = state.tr;
  try {
    for (const g of ghosts.reverse()) tr.delete(g.pos, g.pos + g.size);
    tr.doc.check();
  } catch {
    return null;
  }
  return tr;
}

function designation(state: EditorState, id: string): string {
  return structureKey.getState(state)?.structure.byId.get(id)?.designation || id;
}

function viewJson(doc: PMNode, how: 'base' | 'accepted'): string {
  const d = fromDoc(doc);
  return JSON.stringify(how === 'base' ? baseView(d) : acceptedView(d));
}

const RANK: Record<StructuralKind, number> = { level: 0, move: 1, convert: 2 };

/**
 * Runs the structural command `plain` in negotiation mode on `state` and returns the transaction
 * that records it as a proposal by the current delegation (one undo step), a transaction carrying
 * a {@link Refusal} when it cannot be recorded, `na` when the command does not apply, `none` when
 * it changes nothing.
 */
export function proposeStructural(state: EditorState, as: StructuralKind, plain: (s: EditorState) => PlainStructural | null): StructuralOutcome {
  const me = settingsOf(state).delegation;
  const refuse = (key: Refusal['key'], params: Record<string, string> = {}): StructuralOutcome => ({ kind: 'tr', tr: refusalTransaction(state, { key, params }) });
  const here = state.selection.$head.parent;
  const hereMove = paraMove(here);
  if (hereMove?.kind === 'move-from') return refuse('neg.refuse.ghost', { paragraph: designation(state, here.attrs.id as string), by: hereMove.by });
  const strip = withoutGhosts(state);
  if (!strip) return refuse('neg.refuse.inexpressible');
  let sel;
  try {
    sel = state.selection.map(strip.doc, strip.mapping);
  } catch {
    sel = TextSelection.near(strip.doc.resolve(strip.mapping.map(state.selection.head)));
  }
  const acc = EditorState.create({ doc: strip.doc, selection: sel, plugins: state.plugins });
  const res = plain(acc);
  if (!res) return { kind: 'na' };
  const E = res.tr.doc;
  if (E.eq(acc.doc)) return { kind: 'none' };
  if (!me) return refuse('neg.refuse.noDelegation');

  const D = state.doc;
  const cD = containers(D);
  const cA = containers(acc.doc);
  const cE = containers(E);
  if (cD.length !== cE.length || cA.length !== cE.length) return refuse('neg.refuse.inexpressible');
  const moved = new Set(res.moved);
  let changed = -1;
  let M: string[] = [];
  for (let k = 0; k < cE.length; k++) {
    const before = shapes(cA[k]!.nodes);
    const after = shapes(cE[k]!.nodes);
    const ids = cE[k]!.nodes.map((n) => n.attrs.id as string);
    const m = ids.filter((id) => moved.has(id) || before.get(id) !== after.get(id));
    if (!m.length) continue;
    if (changed >= 0) return refuse('neg.refuse.inexpressible');
    changed = k;
    M = m;
  }
  if (changed < 0) return refuse('neg.refuse.inexpressible');
  const key = cE[changed]!.key;
  const eList = cE[changed]!.nodes;
  const aIds = cA[changed]!.nodes.map((n) => n.attrs.id as string);
  const dList = cD[changed]!.nodes;
  const eIds = eList.map((n) => n.attrs.id as string);
  const mSet = new Set(M);
  const e0 = eIds.indexOf(M[0]!);
  // The paragraphs that change place must stand together and in the same order as before: the
  // ghosts and the new places are paired by order.
  if (M.some((id, i) => eIds[e0 + i] !== id)) return refuse('neg.refuse.inexpressible');
  if (aIds.filter((id) => mSet.has(id)).join() !== M.join()) return refuse('neg.refuse.inexpressible');

  // What each changed paragraph is now.
  const dById = new Map(dList.map((n) => [n.attrs.id as string, n]));
  let mode: 'plain' | 'free' | 'mine' | null = null;
  let mine: ParaMove | null = null;
  for (const id of M) {
    const n = dById.get(id);
    if (!n || !isPara(n)) return refuse('neg.refuse.inexpressible');
    const mv = paraMove(n);
    const p = n.attrs.proposal as { by?: string } | null;
    const m = !p ? 'plain' : ownParaIns(n, me) ? 'free' : mv?.kind === 'move-to' && mv.by === me ? 'mine' : null;
    if (!m) return refuse('neg.refuse.otherProposal', { paragraph: designation(state, id), by: p?.by ?? '' });
    if (m === 'mine' && mine && mine.id !== mv!.id) return refuse('neg.refuse.inexpressible');
    if (m === 'mine') mine = mv;
    if (mode && mode !== m) return refuse('neg.refuse.inexpressible');
    mode = m;
    // A tail's proposal is not kept in the file (the text after a list belongs to its paragraph).
    if (m !== 'free' && n.attrs.tail) return refuse('neg.refuse.inexpressible');
  }

  const at = new Date().toISOString();
  const X = mode === 'mine' ? mine!.id : newId('s');
  const kindOf = (): StructuralKind => {
    if (mode !== 'mine') return as;
    const old = mine!.as ?? 'move';
    return RANK[as] > RANK[old] ? as : old;
  };
  const asNow = kindOf();
  const newIds = new Map<string, string>();
  const fresh = (n: PMNode, attrs: Record<string, unknown>) => n.type.create({ ...n.attrs, ...attrs }, n.content, n.marks);
  const eById = new Map(eList.map((n) => [n.attrs.id as string, n]));
  const forms = M.map((id) => {
    const n = eById.get(id)!;
    if (mode === 'free') return n;
    if (mode === 'mine') return fresh(n, { proposal: { ...(n.attrs.proposal as ParaMove), as: asNow } });
    const pid = newId();
    newIds.set(id, pid);
    return fresh(n, { id: pid, proposal: { id: X, by: me, at, kind: 'move-to', as: asNow } satisfies ParaMove });
  });
  const base: PMNode[] = [];
  for (const n of dList) {
    const id = n.attrs.id as string;
    if (!mSet.has(id)) base.push(n);
    else if (mode === 'plain') base.push(fresh(n, { proposal: { id: X, by: me, at, kind: 'move-from', as: asNow } satisfies ParaMove }));
  }
  if (mode === 'mine') {
    // Every ghost of the move keeps saying what the move is.
    for (let i = 0; i < base.length; i++) {
      const mv = paraMove(base[i]);
      if (mv && mv.id === X) base[i] = fresh(base[i]!, { proposal: { ...mv, as: asNow } });
    }
  }
  const bIds = base.map((n) => n.attrs.id as string);
  const q = e0 > 0 ? eIds[e0 - 1]! : null;
  const r = e0 + M.length < eIds.length ? eIds[e0 + M.length]! : null;
  const lo = q === null ? 0 : bIds.indexOf(q) + 1;
  const hi = r === null ? base.length : bIds.indexOf(r);
  if ((q !== null && lo === 0) || hi < 0 || lo > hi) return refuse('neg.refuse.inexpressible');

  const baseBefore = viewJson(D, 'base');
  const accSkeleton = skeleton(E);
  let chosen: PMNode | null = null;
  for (let g = lo; g <= hi && !chosen; g++) {
    const cand = withContainer(D, key, [...base.slice(0, g), ...forms, ...base.slice(g)]);
    if (!cand) continue;
    if (mode === 'plain' && !decideMove(cand, X, 'reject').eq(D)) continue;
    if (mode === 'mine' && !decideMove(cand, X, 'reject').eq(decideMove(D, X, 'reject'))) continue;
    const stripped = withoutGhosts(EditorState.create({ doc: cand }));
    if (!stripped || skeleton(stripped.doc) !== accSkeleton) continue;
    if (viewJson(cand, 'base') !== baseBefore) continue;
    if (mode !== 'free' && viewJson(cand, 'accepted') !== viewJson(decideMove(cand, X, 'accept'), 'accepted')) continue;
    chosen = cand;
  }
  if (!chosen) return refuse('neg.refuse.inexpressible');
  // One's own move brought back where it came from is no longer a proposal.
  if (mode === 'mine') {
    const accepted = decideMove(chosen, X, 'accept');
    const rejected = decideMove(chosen, X, 'reject');
    if (accepted.eq(rejected)) {
      // The caret goes to the paragraph at its old place, which stays.
      const f = findMove(chosen, X);
      f.to.forEach((t, k) => newIds.set(t.node.attrs.id as string, f.from[k]?.node.attrs.id as string));
      chosen = rejected;
    }
  }

  const tr = own(closeHistory(state.tr));
  const start = D.content.findDiffStart(chosen.content);
  if (start === null) return { kind: 'none' };
  const end = D.content.findDiffEnd(chosen.content)!;
  const overlap = start - Math.min(end.a, end.b);
  if (overlap > 0) {
    end.a += overlap;
    end.b += overlap;
  }
  tr.replace(start, end.a, chosen.slice(start, end.b));
  if (!tr.doc.eq(chosen)) {
    tr.replaceWith(0, tr.doc.content.size, chosen.content);
    if (!tr.doc.eq(chosen)) return refuse('neg.refuse.inexpressible');
  }
  tr.setSelection(selectionIn(tr.doc, E, res.tr, newIds) ?? TextSelection.near(tr.doc.resolve(Math.min(tr.mapping.map(state.selection.head), tr.doc.content.size))));
  return { kind: 'tr', tr: tr.scrollIntoView() };
}

/** The caret where the plain command put it: same paragraph (by its new id) and offset. */
function selectionIn(doc: PMNode, E: PMNode, plainTr: Transaction, newIds: Map<string, string>): TextSelection | null {
  const $h = E.resolve(plainTr.selection.head);
  if (!isPara($h.parent)) return null;
  const id = newIds.get($h.parent.attrs.id as string) ?? ($h.parent.attrs.id as string);
  const offset = $h.pos - $h.start();
  let found: TextSelection | null = null;
  doc.descendants((n, pos) => {
    if (found) return false;
    if (isPara(n)) {
      if (n.attrs.id === id) found = TextSelection.create(doc, pos + 1 + Math.min(offset, n.content.size));
      return false;
    }
    return !n.isInline;
  });
  return found;
}
