/**
 * Negotiation mode's tracking: every edit becomes a proposal attributed to a delegation
 * (ProseMirror's "suggest changes" pattern).
 *
 * How edits are tracked. While the mode is on, `appendTransaction` takes each text edit the user
 * made (typing, deleting, pasting, Enter, agreed language…), undoes it inside the appended
 * transaction and replays it as a proposal by the current delegation:
 * - inserted content gets an `insertion` mark (by, at, and `parent` when it sits inside another
 *   delegation's proposed insertion); typing next to one's own insertion continues it (same id);
 * - deleted content is kept and gets a `deletion` mark (parent = the insertion it deletes from,
 *   if that is another delegation's); one's own proposed insertions are really removed; text
 *   already proposed for deletion stays as it is, and Backspace/Delete skip over it;
 * - a paragraph created in the mode carries `proposal: {kind: 'ins'}` (its own id; the text typed
 *   into it shares that id); a paragraph removed entirely (the selection crossed its boundaries)
 *   is kept with `proposal: {kind: 'del'}` and its text marked deleted with the same id;
 * - paragraph breaks of others are never removed (Backspace at the start of a paragraph moves the
 *   cursor into the previous one); one's own inserted paragraph break can be joined away.
 * Structural edits that keep every paragraph's text (moves, Tab/Shift-Tab, PP↔OP conversion,
 * attributes) are not tracked. The appended transaction belongs to the same history event as the
 * edit, so one undo restores the document exactly.
 *
 * Accepting, rejecting and withdrawing are in `commands.ts`; brackets, statuses, the list of
 * proposals and the decorations of the views each have their own module beside this one.
 */
import { Selection, TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { Fragment, Slice, type Mark, type Node as PMNode } from 'prosemirror-model';
import { Mapping, ReplaceAroundStep, ReplaceStep, canJoin, type Step } from 'prosemirror-transform';
import { isHistoryTransaction } from 'prosemirror-history';
import { newId } from '../../ids.js';
import { proposalsKey, UNTRACKED_META, own, type ProposalsMeta } from './settings.js';
import { BRACKET, DEL, INS, delOf, hasInline, insOf, isPara, ownParaIns, paraProposal, type ParaProposal } from './marks.js';

/** Everything a tracked edit needs to know: who, when, and how to make ids. */
export interface TrackContext {
  me: string;
  at: string;
  newId: () => string;
  /** Pasted content gets fresh bracket ids. */
  paste: boolean;
}

// Tracking deletions.

/** What {@link trackDelete} did. */
export interface DeleteOutcome {
  /** Whether anything changed (a mark, an attribute, a removal or a join). */
  changed: boolean;
  /** Start and end of the deleted range afterwards, in the transaction's current document. */
  start: number;
  end: number;
}

/**
 * Applies "delete [from, to)" to `tr` as a proposal: marks text deleted, removes the delegation's
 * own insertions, marks paragraphs removed whole as deleted paragraphs, and joins away the
 * delegation's own inserted paragraph breaks inside the range.
 */
export function trackDelete(tr: Transaction, from: number, to: number, ctx: TrackContext): DeleteOutcome {
  const doc = tr.doc;
  const { me, at } = ctx;
  const addMarks: { from: number; to: number; mark: Mark }[] = [];
  const paraDels: { pos: number; value: ParaProposal }[] = [];
  const cuts: { from: number; to: number }[] = [];
  const joins: number[] = [];
  const byParent = new Map<string, Mark>();
  let paraDelId: string | null = null;

  const paraDelIdAt = (pos: number): string | null => paraProposal(doc.resolve(pos).parent)?.id ?? null;
  // The deletion mark for a piece [a, b): continues an adjacent deletion by the same delegation
  // with the same parent, else one new proposal per parent for this edit.
  const markFor = (a: number, b: number, parent: string): Mark => {
    const cached = byParent.get(parent);
    if (cached) return cached;
    const $a = doc.resolve(a);
    const $b = doc.resolve(b);
    for (const n of [$a.nodeBefore, $b.nodeAfter]) {
      const d = n && delOf(n);
      if (d && d.attrs.by === me && (d.attrs.parent as string) === parent && d.attrs.id !== paraDelIdAt(a)) {
        byParent.set(parent, d);
        return d;
      }
    }
    const m = DEL.create({ id: ctx.newId(), by: me, at, parent });
    byParent.set(parent, m);
    return m;
  };

  const inline = (node: PMNode, pos: number, container: PMNode | null, forced: string | null): boolean => {
    const end = pos + node.nodeSize;
    if (!node.isText && (pos < from || end > to)) return node.content.size > 0; // partly covered footnote: look inside
    const a = Math.max(from, pos);
    const b = Math.min(to, end);
    if (a >= b) return false;
    const ins = insOf(node);
    if (ins && ins.attrs.by === me) {
      cuts.push({ from: a, to: b });
      return false;
    }
    if (delOf(node)) return false;
    let parent = ins ? (ins.attrs.id as string) : '';
    if (!parent) {
      const pp = paraProposal(container);
      if (pp && pp.kind === 'ins' && pp.by !== me) parent = pp.id;
    }
    const mark = forced ? DEL.create({ id: forced, by: me, at, parent }) : markFor(a, b, parent);
    addMarks.push({ from: a, to: b, mark });
    return false;
  };

  doc.nodesBetween(from, to, (node, pos, parent) => {
    if (isPara(node)) {
      const cs = pos + 1;
      const ce = pos + node.nodeSize - 1;
      const full = from <= cs && to >= ce && (from < cs || to > ce);
      const prop = paraProposal(node);
      if (full) {
        if ((prop?.kind === 'ins' && prop.by === me) || (node.content.size === 0 && node.attrs.base === null && !prop)) {
          cuts.push({ from: pos, to: pos + node.nodeSize });
          return false;
        }
        if (prop?.kind === 'del') return false;
        if (!prop) {
          paraDelId ??= ctx.newId();
          paraDels.push({ pos, value: { id: paraDelId, by: me, at, kind: 'del' } });
          node.forEach((child, offset) => {
            inline(child, cs + offset, node, paraDelId);
          });
          return false;
        }
        // Another delegation's inserted paragraph: its text is proposed for deletion (child proposals).
        return true;
      }
      if (prop?.kind === 'ins' && prop.by === me && from < cs && to >= cs) joins.push(pos);
      return true;
    }
    if (node.isInline) return inline(node, pos, parent, null);
    return true;
  });

  for (const m of addMarks) tr.addMark(m.from, m.to, m.mark);
  for (const p of paraDels) tr.setNodeAttribute(p.pos, 'proposal', p.value);
  const startIndex = tr.steps.length;
  const structural = [...cuts.map((c) => ({ pos: c.from, cut: c })), ...joins.map((j) => ({ pos: j, cut: null }))].sort((x, y) => y.pos - x.pos);
  for (const s of structural) {
    if (s.cut) {
      tr.delete(s.cut.from, s.cut.to);
      continue;
    }
    const before = tr.doc.resolve(s.pos).nodeBefore;
    if (before && paraProposal(before)?.kind !== 'del' && canJoin(tr.doc, s.pos)) tr.join(s.pos);
  }
  const map = tr.mapping.slice(startIndex);
  return {
    changed: addMarks.length + paraDels.length + cuts.length + joins.length > 0,
    start: map.map(from, -1),
    end: Math.max(map.map(from, -1), map.map(to, 1)),
  };
}

/** Length of the character before (dir −1) or after (dir 1) `pos` in a text node (surrogate pairs count as one). */
export function charLength(node: PMNode, dir: -1 | 1): number {
  const t = node.text ?? '';
  if (dir < 0) {
    const c = t.charCodeAt(t.length - 1);
    return t.length >= 2 && c >= 0xdc00 && c <= 0xdfff ? 2 : 1;
  }
  const c = t.charCodeAt(0);
  return t.length >= 2 && c >= 0xd800 && c <= 0xdbff ? 2 : 1;
}

/**
 * Backspace (dir −1) or Delete (dir 1) at `pos` where the character is already proposed for
 * deletion: skips over deleted text in the paragraph and deletes the next character there.
 * Returns the cursor position afterwards.
 */
function skipDeleted(tr: Transaction, pos: number, dir: -1 | 1, ctx: TrackContext): number {
  let q = pos;
  for (;;) {
    const $q = tr.doc.resolve(q);
    if (!$q.parent.isTextblock) return q;
    const n = dir < 0 ? $q.nodeBefore : $q.nodeAfter;
    if (!n) return q;
    if (n.isText && delOf(n)) {
      q += dir * n.nodeSize;
      continue;
    }
    const len = n.isText ? charLength(n, dir) : n.nodeSize;
    const a = dir < 0 ? q - len : q;
    const out = trackDelete(tr, a, a + len, ctx);
    return dir < 0 ? out.start : out.end;
  }
}

// ---------------------------------------------------------------------------------------------
// Tracking insertions.

/** The insertion mark for content inserted at `pos`. */
function insertionMarkAt(doc: PMNode, pos: number, ctx: TrackContext): Mark {
  const { me, at } = ctx;
  const $p = doc.resolve(pos);
  const fresh = (parent: string) => INS.create({ id: ctx.newId(), by: me, at, parent });
  if (!$p.parent.inlineContent) return fresh('');
  const before = $p.nodeBefore;
  const after = $p.nodeAfter;
  const ib = before ? insOf(before) : undefined;
  const ia = after ? insOf(after) : undefined;
  if (ib && ib.attrs.by === me && !delOf(before!)) return ib;
  const mine = paraProposal($p.parent);
  if (mine && mine.kind === 'ins' && mine.by === me) return INS.create({ id: mine.id, by: me, at: mine.at, parent: mine.parent ?? '' });
  if (ia && ia.attrs.by === me && !delOf(after!)) return ia;
  if (ib && ia && ib.attrs.id === ia.attrs.id) return fresh(ib.attrs.id as string);
  const container = $p.parent;
  if (container.type.name === 'footnote') {
    const fi = insOf(container);
    if (fi && fi.attrs.by === me) return fi;
    if (fi) return fresh(fi.attrs.id as string);
  }
  const pp = paraProposal(container);
  if (pp && pp.kind === 'ins') return fresh(pp.id);
  return fresh('');
}

/** The slice with every inline node marked as inserted (`mark`), earlier proposal marks dropped. */
function markSlice(slice: Slice, mark: Mark, ctx: TrackContext): Slice {
  const brackets = new Map<string, string>();
  const bracket = (m: Mark): Mark => {
    if (!ctx.paste || m.type !== BRACKET) return m;
    const old = m.attrs.id as string;
    let id = brackets.get(old);
    if (!id) brackets.set(old, (id = newId('b')));
    return BRACKET.create({ id });
  };
  const mapFragment = (f: Fragment, inFootnote: boolean): Fragment => {
    const out: PMNode[] = [];
    f.forEach((n) => {
      if (n.isInline) {
        const kept = n.marks.filter((m) => m.type !== INS && m.type !== DEL).map(bracket);
        const marks = inFootnote ? kept : mark.addToSet(kept);
        out.push(n.isText ? n.mark(marks) : n.type.create(n.attrs, mapFragment(n.content, true), marks));
      } else if (isPara(n)) {
        out.push(n.type.create({ ...n.attrs, proposal: null }, mapFragment(n.content, false), n.marks));
      } else out.push(n.copy(mapFragment(n.content, false)));
    });
    return Fragment.fromArray(out);
  };
  return new Slice(mapFragment(slice.content, false), slice.openStart, slice.openEnd);
}

/** Where a tracked insertion landed: its range, mark id and the index of its step. */
interface InsertRecord {
  stepIndex: number;
  markId: string;
}

// ---------------------------------------------------------------------------------------------
// The appended transaction.

/** Whether a transaction is a user edit that tracking replays as a proposal (it has a ReplaceStep and is not the plugin's own, history, or untracked). */
export function isTrackable(tr: Transaction): boolean {
  if (!tr.docChanged || isHistoryTransaction(tr)) return false;
  const meta = tr.getMeta(proposalsKey) as ProposalsMeta | undefined;
  if (meta?.skip || tr.getMeta(UNTRACKED_META) || tr.getMeta('addToHistory') === false) return false;
  return tr.steps.some((s) => s instanceof ReplaceStep);
}

/** Whether a user edit changes text through a step the tracking cannot replay (see filterTransaction). */
export function isUntrackableEdit(tr: Transaction): boolean {
  if (!tr.docChanged || isHistoryTransaction(tr)) return false;
  const meta = tr.getMeta(proposalsKey) as ProposalsMeta | undefined;
  if (meta?.skip || tr.getMeta(UNTRACKED_META) || tr.getMeta('addToHistory') === false) return false;
  return tr.steps.some((s) => s instanceof ReplaceAroundStep) && !isStructural(tr.before, tr.doc);
}

/**
 * Whether a user edit changes the text of a move's old place (a `move-from` ghost): refused, since
 * that text goes when the move is accepted and an edit there (typing, a split, a deletion across
 * it) would be lost or come back doubled.
 */
export function editsGhost(tr: Transaction): boolean {
  if (!tr.docChanged || isHistoryTransaction(tr)) return false;
  const meta = tr.getMeta(proposalsKey) as ProposalsMeta | undefined;
  if (meta?.skip || tr.getMeta(UNTRACKED_META) || tr.getMeta('addToHistory') === false) return false;
  return tr.steps.some((step, i) => {
    if (!(step instanceof ReplaceStep || step instanceof ReplaceAroundStep)) return false;
    const { from, to } = step as ReplaceStep & { from: number; to: number };
    const doc = tr.docs[i]!;
    let hit = false;
    doc.nodesBetween(Math.max(0, from - 1), Math.min(doc.content.size, to + 1), (n, pos) => {
      if (hit) return false;
      if (isPara(n)) {
        const p = n.attrs.proposal as { kind?: string } | null;
        if (p?.kind === 'move-from' && from <= pos + n.nodeSize - 1 && to >= pos + 1) hit = true;
        return false;
      }
      return !n.isInline;
    });
    return hit;
  });
}

/** The paragraphs of a document by id (null when an id is missing or repeated). */
function parasById(doc: PMNode): Map<string, PMNode> | null {
  const out = new Map<string, PMNode>();
  let ok = true;
  doc.descendants((n) => {
    if (!ok) return false;
    if (isPara(n)) {
      const id = n.attrs.id as string;
      if (!id || out.has(id)) ok = false;
      else out.set(id, n);
      return false;
    }
    return !n.isInline;
  });
  return ok ? out : null;
}

/** Whether a transaction kept every paragraph and its content (a move, an indent, a conversion). */
export function isStructural(before: PMNode, after: PMNode): boolean {
  const a = parasById(before);
  const b = parasById(after);
  if (!a || !b || a.size !== b.size) return false;
  for (const [id, n] of a) {
    const m = b.get(id);
    if (!m || !m.content.eq(n.content)) return false;
  }
  return true;
}

/**
 * The appended transaction that turns a batch of user transactions into proposals of `ctx.me`
 * (undo the tracked steps, replay them as marks and attributes), or null when nothing is tracked.
 */
export function trackBatch(trs: readonly Transaction[], oldState: EditorState, state: EditorState, ctx: TrackContext): Transaction | null {
  if (trs.some((t) => isHistoryTransaction(t))) return null;
  const tracked = trs.map((t) => isTrackable(t) && !isStructural(t.before, t.doc));
  const first = tracked.indexOf(true);
  if (first < 0) return null;
  const batch = trs.slice(first);
  const flags = tracked.slice(first);
  const steps: { step: Step; doc: PMNode; tracked: boolean }[] = [];
  batch.forEach((t, k) => t.steps.forEach((s, i) => steps.push({ step: s, doc: t.docs[i]!, tracked: flags[k]! })));

  const typed = typedText(steps);
  if (typed) return markTyped(state, typed, ctx);

  const out = own(state.tr);
  // Back to the document before the first tracked transaction…
  for (let i = steps.length - 1; i >= 0; i--) out.step(steps[i]!.step.invert(steps[i]!.doc));
  // …then forward again, tracked steps as proposals. M maps positions of the original sequence
  // of documents to positions in `out`.
  let M = new Mapping();
  const inserts: InsertRecord[] = [];
  const trackedSteps = steps.filter((s) => s.tracked && s.step instanceof ReplaceStep);
  const selBefore = first === 0 ? oldState.selection : trs[first - 1]!.selection;
  let cursor: number | null = null;

  for (const { step, tracked: isTracked } of steps) {
    const start = out.steps.length;
    const next = new Mapping();
    next.appendMap(step.getMap().invert());
    next.appendMapping(M);
    if (!isTracked || !(step instanceof ReplaceStep)) {
      const mapped = step.map(M);
      if (mapped && !out.maybeStep(mapped).failed) next.appendMap(out.steps[start]!.getMap(), 0);
      M = next;
      continue;
    }
    const { from, to, slice } = step as ReplaceStep & { from: number; to: number };
    const F = M.map(from, 1);
    const T = Math.max(F, M.map(to, -1));
    let insertAt = T;
    let deleted: DeleteOutcome | null = null;
    if (to > from) {
      deleted = trackDelete(out, F, T, ctx);
      insertAt = deleted.end;
    }
    const pureDeletion = slice.size === 0 || (to > from && !hasInline(slice.content));
    let insertIndex = -1;
    if (!pureDeletion) {
      const mark = insertionMarkAt(out.doc, insertAt, ctx);
      const before = out.steps.length;
      out.replace(insertAt, insertAt, markSlice(slice, mark, ctx));
      if (out.steps.length === before) return refuse(state, steps);
      insertIndex = before;
      inserts.push({ stepIndex: before, markId: mark.attrs.id as string });
    }
    const maps = out.mapping.maps.slice(start);
    maps.forEach((m, k) => {
      const isInsert = start + k === insertIndex;
      let sameSize = false;
      if (isInsert) m.forEach((_a, _b, ns, ne) => (sameSize = ne - ns === slice.size));
      next.appendMap(m, isInsert && sameSize ? 0 : undefined);
    });
    M = next;
    // Backspace and Delete: where the cursor goes, and skipping text already proposed for deletion.
    if (pureDeletion && deleted && trackedSteps.length === 1 && steps[0]!.step === step && selBefore.empty) {
      const dir = selBefore.head === to ? -1 : selBefore.head === from ? 1 : 0;
      if (dir !== 0) {
        const sameBlock = out.doc.resolve(deleted.start).sameParent(out.doc.resolve(deleted.end));
        if (!deleted.changed && sameBlock) cursor = skipDeleted(out, dir < 0 ? deleted.start : deleted.end, dir, ctx);
        else cursor = dir < 0 ? deleted.start : deleted.end;
      }
    }
  }

  markNewParagraphs(out, inserts, ctx);

  let selection: Selection;
  if (cursor !== null) selection = TextSelection.near(out.doc.resolve(Math.min(cursor, out.doc.content.size)));
  else {
    try {
      selection = state.selection.map(out.doc, M);
    } catch {
      selection = Selection.near(out.doc.resolve(Math.min(M.map(state.selection.head), out.doc.content.size)));
    }
  }
  out.setSelection(selection);
  return out;
}

/** The range of plain text typed by the batch's only step (no deletion, no block), or null. */
function typedText(steps: readonly { step: Step; doc: PMNode; tracked: boolean }[]): { from: number; to: number; doc: PMNode } | null {
  if (steps.length !== 1 || !steps[0]!.tracked) return null;
  const { step, doc } = steps[0]!;
  if (!(step instanceof ReplaceStep)) return null;
  const { from, to, slice } = step as ReplaceStep & { from: number; to: number };
  if (from !== to || slice.openStart !== 0 || slice.openEnd !== 0 || slice.size === 0) return null;
  let text = true;
  slice.content.forEach((n) => (text &&= n.isText));
  if (!text || !doc.resolve(from).parent.inlineContent) return null;
  return { from, to: from + slice.size, doc };
}

/**
 * Typing, tracked by marking the typed text in place (no undo-and-replay): the appended
 * transaction's steps then map nothing, so history still sees the next keystroke as adjacent and
 * a typed word is one undo step, as outside negotiation mode.
 */
function markTyped(state: EditorState, typed: { from: number; to: number; doc: PMNode }, ctx: TrackContext): Transaction {
  const out = own(state.tr);
  const mark = insertionMarkAt(typed.doc, typed.from, ctx);
  out.removeMark(typed.from, typed.to, DEL);
  out.removeMark(typed.from, typed.to, INS);
  out.addMark(typed.from, typed.to, mark);
  return out;
}

/** A transaction that only undoes the batch: an edit that could not be recorded as a proposal is refused. */
function refuse(state: EditorState, steps: { step: Step; doc: PMNode }[]): Transaction {
  const tr = own(state.tr);
  for (let i = steps.length - 1; i >= 0; i--) tr.step(steps[i]!.step.invert(steps[i]!.doc));
  return tr;
}

/**
 * Paragraphs whose opening was inserted by a tracked step are new: each becomes an inserted
 * paragraph with its own proposal id, which the text inserted with it takes too.
 */
function markNewParagraphs(tr: Transaction, inserts: InsertRecord[], ctx: TrackContext): void {
  for (const rec of inserts) {
    const map = tr.mapping.slice(rec.stepIndex + 1);
    const stepMap = tr.mapping.maps[rec.stepIndex]!;
    let a = 0;
    let b = 0;
    stepMap.forEach((_os, _oe, ns, ne) => {
      a = ns;
      b = ne;
    });
    const from = map.map(a, 1);
    const to = map.map(b, -1);
    if (to <= from) continue;
    const found: { pos: number; node: PMNode }[] = [];
    tr.doc.nodesBetween(from, to, (node, pos) => {
      if (isPara(node)) {
        if (pos >= from && pos < to && !ownParaIns(node, ctx.me)) found.push({ pos, node });
        return false;
      }
      return !node.isInline;
    });
    for (const { pos, node } of found) {
      const id = ctx.newId();
      const value: ParaProposal = { id, by: ctx.me, at: ctx.at, kind: 'ins' };
      tr.setNodeAttribute(pos, 'proposal', value);
      const mark = INS.create({ id, by: ctx.me, at: ctx.at, parent: '' });
      // Only what this step inserted: text split off from an earlier insertion keeps its id.
      node.forEach((child, offset) => {
        const m = insOf(child);
        const a = Math.max(from, pos + 1 + offset);
        const b = Math.min(to, pos + 1 + offset + child.nodeSize);
        if (m && m.attrs.id === rec.markId && a < b) tr.addMark(a, b, mark);
      });
    }
  }
}
