/**
 * Negotiation mode: every edit becomes a proposal attributed to a delegation (ProseMirror's
 * "suggest changes" pattern), bracketed text, and paragraph statuses.
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
 * Accepting, rejecting and withdrawing are commands (`(state, dispatch?) => boolean`), each its
 * own undo step. Views (markup, clean, one delegation's proposals) are decorations only: class
 * names and a `--by-color` custom property for CSS (see {@link proposalsPlugin}).
 */
import { Plugin, PluginKey, Selection, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { Fragment, Slice, type Mark, type Node as PMNode } from 'prosemirror-model';
import { Mapping, ReplaceAroundStep, ReplaceStep, canJoin, type Step } from 'prosemirror-transform';
import { closeHistory, isHistoryTransaction } from 'prosemirror-history';
import { schema, PARA_TYPES } from '../../shared/resolution/schema.js';
import type { FrontMatter } from '../../shared/resolution/model.js';
import { computeStructure, type DocStructure } from '../../shared/resolution/structure.js';
import { newId } from '../../shared/ids.js';
import { structureKey } from './structure-plugin.js';

/** A delegation or group taking part in the negotiation, with its colour in the markup view. */
export interface Delegation {
  name: string;
  color: string;
}

/** The settings of negotiation mode (kept in the plugin state, not in the document). */
export interface NegotiationSettings {
  /** Whether edits are recorded as proposals. */
  enabled: boolean;
  /** The delegation edits are attributed to. */
  delegation: string;
  /** markup: all proposals coloured; clean: as if all were accepted; only: one delegation's proposals. */
  view: 'markup' | 'clean' | 'only';
  /** The delegation shown in the 'only' view. */
  only?: string;
  /** The managed list of delegations (names and colours). */
  delegations: Delegation[];
}

/** Key of the proposals plugin; `proposalsKey.getState(state)` gives the NegotiationSettings. */
export const proposalsKey = new PluginKey<NegotiationSettings>('plenary-proposals');

/**
 * Transaction meta that keeps a transaction out of proposal tracking, e.g.
 * `tr.setMeta(UNTRACKED_META, true)` for loading a text or applying an imported revision.
 */
export const UNTRACKED_META = 'plenary-untracked';

/** What the plugin's own transactions carry under `proposalsKey`. */
interface ProposalsMeta {
  settings?: Partial<NegotiationSettings>;
  /** Not to be tracked (commands, and the plugin's own appended transactions). */
  skip?: boolean;
}

/** A whole-paragraph proposal as stored in the `proposal` attribute. */
interface ParaProposal {
  id: string;
  by: string;
  at: string;
  parent?: string;
  kind: 'ins' | 'del';
}

/** One proposal as listed in the proposals panel. */
export interface ProposalInfo {
  id: string;
  by: string;
  at: string;
  /** Text insertion or deletion, or a whole paragraph inserted or deleted. */
  kind: 'ins' | 'del' | 'para-ins' | 'para-del';
  /** The text concerned (pieces that are not adjacent joined by " … "). */
  text: string;
  /** The proposal this one amends (a proposal on a proposal). */
  parent?: string;
  /** Paragraph where the proposal starts. */
  paragraphId: string;
  /** Its designation ("OP2bis", "PP3", "OP7 (a)"). */
  designation: string;
}

const INS = schema.marks.insertion;
const DEL = schema.marks.deletion;
const BRACKET = schema.marks.bracket;

const DEFAULTS: NegotiationSettings = { enabled: false, delegation: '', view: 'markup', delegations: [] };

// ---------------------------------------------------------------------------------------------
// Small helpers.

function insOf(node: PMNode): Mark | undefined {
  return node.marks.find((m) => m.type === INS);
}

function delOf(node: PMNode): Mark | undefined {
  return node.marks.find((m) => m.type === DEL);
}

function paraProposal(node: PMNode | null | undefined): ParaProposal | null {
  if (!node || !PARA_TYPES.has(node.type.name)) return null;
  const p = node.attrs.proposal as ParaProposal | null;
  return p && (p.kind === 'ins' || p.kind === 'del') ? p : null;
}

function isPara(node: PMNode): boolean {
  return PARA_TYPES.has(node.type.name);
}

/** Whether a paragraph proposal is an insertion by `me`. */
function ownParaIns(node: PMNode, me: string): boolean {
  const p = paraProposal(node);
  return p !== null && p.kind === 'ins' && p.by === me;
}

function hasInline(f: Fragment): boolean {
  let found = false;
  f.descendants((n) => {
    if (n.isInline) found = true;
    return !found;
  });
  return found;
}

function settingsOf(state: EditorState): NegotiationSettings {
  return proposalsKey.getState(state) ?? DEFAULTS;
}

/** Marks a transaction as the plugin's own (never tracked). */
function own(tr: Transaction): Transaction {
  return tr.setMeta(proposalsKey, { skip: true } satisfies ProposalsMeta).setMeta('plenary-no-rules', true);
}

/** Everything a tracked edit needs to know: who, when, and how to make ids. */
interface TrackContext {
  me: string;
  at: string;
  newId: () => string;
  /** Pasted content gets fresh bracket ids. */
  paste: boolean;
}

// ---------------------------------------------------------------------------------------------
// Tracking deletions.

interface DeleteOutcome {
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
function trackDelete(tr: Transaction, from: number, to: number, ctx: TrackContext): DeleteOutcome {
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
function charLength(node: PMNode, dir: -1 | 1): number {
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

function isTrackable(tr: Transaction): boolean {
  if (!tr.docChanged || isHistoryTransaction(tr)) return false;
  const meta = tr.getMeta(proposalsKey) as ProposalsMeta | undefined;
  if (meta?.skip || tr.getMeta(UNTRACKED_META) || tr.getMeta('addToHistory') === false) return false;
  return tr.steps.some((s) => s instanceof ReplaceStep);
}

/** Whether a user edit changes text through a step the tracking cannot replay (see filterTransaction). */
function isUntrackableEdit(tr: Transaction): boolean {
  if (!tr.docChanged || isHistoryTransaction(tr)) return false;
  const meta = tr.getMeta(proposalsKey) as ProposalsMeta | undefined;
  if (meta?.skip || tr.getMeta(UNTRACKED_META) || tr.getMeta('addToHistory') === false) return false;
  return tr.steps.some((s) => s instanceof ReplaceAroundStep) && !isStructural(tr.before, tr.doc);
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
function isStructural(before: PMNode, after: PMNode): boolean {
  const a = parasById(before);
  const b = parasById(after);
  if (!a || !b || a.size !== b.size) return false;
  for (const [id, n] of a) {
    const m = b.get(id);
    if (!m || !m.content.eq(n.content)) return false;
  }
  return true;
}

/** The part of a transaction batch to track, with what is needed to replay it. */
function trackBatch(trs: readonly Transaction[], oldState: EditorState, state: EditorState, ctx: TrackContext): Transaction | null {
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

// ---------------------------------------------------------------------------------------------
// Finding proposals.

interface Range {
  from: number;
  to: number;
  mark: Mark;
}

interface Occurrences {
  ins: Range[];
  del: Range[];
  paras: { pos: number; node: PMNode; prop: ParaProposal }[];
}

/** Every place proposal `id` occurs: marked text and paragraph attributes. */
function findProposal(doc: PMNode, id: string): Occurrences {
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

/** Adds [from, to) to the list, merging with the previous range when adjacent with the same mark. */
function push(list: Range[], from: number, to: number, mark: Mark): void {
  const last = list[list.length - 1];
  if (last && last.to === from && last.mark.eq(mark)) last.to = to;
  else list.push({ from, to, mark });
}

/** Ids of proposals whose parent is `id`, and their children, and so on. */
function descendantsOf(doc: PMNode, id: string): Set<string> {
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
function proposerOf(doc: PMNode, id: string): string | null {
  const occ = findProposal(doc, id);
  const first = occ.paras[0]?.prop.by ?? occ.ins[0]?.mark.attrs.by ?? occ.del[0]?.mark.attrs.by;
  return first === undefined ? null : (first as string);
}

function structureOf(state: EditorState): DocStructure {
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

// ---------------------------------------------------------------------------------------------
// Accepting and rejecting.

/**
 * Removes `mark` exactly where an inline node carries it, in [from, to): from text as a range, from
 * an inline node with content (a footnote) as a node mark. A plain `removeMark` over the range
 * would be inverted (undo) into an `addMark` over the whole range, marking the footnote's own text,
 * which never carried it: undo would not give back the document.
 */
function removeMarkExact(tr: Transaction, from: number, to: number, mark: Mark): void {
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
function addMarkExact(tr: Transaction, pos: number, node: PMNode, mark: Mark): void {
  if (node.isText) tr.addMark(pos, pos + node.nodeSize, mark);
  else tr.addNodeMark(pos, mark);
}


/** Removes every deletion mark in [from, to), exactly (see {@link removeMarkExact}). */
function removeDelMarks(tr: Transaction, from: number, to: number): void {
  const marks: Mark[] = [];
  tr.doc.nodesBetween(from, to, (node) => {
    for (const m of node.marks) if (m.type === DEL && !m.isInSet(marks)) marks.push(m);
    return !node.isInline;
  });
  for (const m of marks) removeMarkExact(tr, from, to, m);
}
/** Removes the paragraph at `pos`, or empties it when the document cannot lose it (the last OP). */
function removeParagraph(tr: Transaction, pos: number): void {
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

// ---------------------------------------------------------------------------------------------
// Brackets.

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

// ---------------------------------------------------------------------------------------------
// Paragraph status.

/** A paragraph's negotiation status. */
export type ParagraphStatusValue = '' | 'agreed' | 'adref' | 'pending' | 'deleted';

/**
 * Sets the negotiation status of paragraph `paragraphId` (one undo step, not a proposal); the
 * holder is kept for 'pending' only ("pending EU").
 */
export function setParagraphStatus(paragraphId: string, status: ParagraphStatusValue, holder?: string): Command {
  return (state, dispatch) => {
    let at = -1;
    state.doc.descendants((n, pos) => {
      if (at < 0 && isPara(n) && n.attrs.id === paragraphId) at = pos;
      return at < 0 && !n.isInline;
    });
    if (at < 0) return false;
    const node = state.doc.nodeAt(at)!;
    const nextHolder = status === 'pending' ? (holder ?? (node.attrs.holder as string)) : '';
    if (node.attrs.status === status && node.attrs.holder === nextHolder) return false;
    if (dispatch) {
      const tr = own(closeHistory(state.tr));
      tr.setNodeAttribute(at, 'status', status);
      tr.setNodeAttribute(at, 'holder', nextHolder);
      dispatch(tr);
    }
    return true;
  };
}

/** Status of one counted paragraph, for filters. */
export interface ParagraphStatusInfo {
  id: string;
  designation: string;
  status: ParagraphStatusValue;
  holder: string;
}

/** The paragraphs that count for the status summary (numbered paragraphs: level 0, not tails), with their status. */
export function paragraphStatuses(state: EditorState): ParagraphStatusInfo[] {
  return structureOf(state)
    .paras.filter((p) => p.level === 0 && !p.tail)
    .map((p) => ({ id: p.id, designation: p.designation, status: (p.node.attrs.status as ParagraphStatusValue) || '', holder: (p.node.attrs.holder as string) || '' }));
}

/**
 * Counts of paragraph statuses over the numbered paragraphs (PPs, OPs and annex paragraphs at
 * level 0): "31 of 45 paragraphs agreed" is `agreed` of `total`; `open` have no status.
 */
export function statusSummary(state: EditorState): { total: number; agreed: number; adref: number; pending: number; deleted: number; open: number } {
  const out = { total: 0, agreed: 0, adref: 0, pending: 0, deleted: 0, open: 0 };
  for (const p of paragraphStatuses(state)) {
    out.total++;
    if (p.status === 'agreed') out.agreed++;
    else if (p.status === 'adref') out.adref++;
    else if (p.status === 'pending') out.pending++;
    else if (p.status === 'deleted') out.deleted++;
    else out.open++;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Views.

type Shown = 'proposal-shown' | 'proposal-plain' | 'proposal-hidden';

function shownAs(kind: 'ins' | 'del', by: string, s: NegotiationSettings): Shown {
  if (s.view === 'clean') return kind === 'ins' ? 'proposal-plain' : 'proposal-hidden';
  if (s.view === 'only' && by !== s.only) return kind === 'ins' ? 'proposal-hidden' : 'proposal-plain';
  return 'proposal-shown';
}

function tagWidget(by: string, kind: 'ins' | 'del', color: string): () => HTMLElement {
  return () => {
    const span = document.createElement('span');
    span.className = `proposal-tag proposal-tag-${kind}`;
    span.contentEditable = 'false';
    span.textContent = kind === 'del' ? `${by}: delete` : by;
    if (color) span.style.setProperty('--by-color', color);
    return span;
  };
}

function bracketWidget(text: string, kind: 'open' | 'close'): () => HTMLElement {
  return () => {
    const span = document.createElement('span');
    span.className = `bracket-mark bracket-${kind}`;
    span.contentEditable = 'false';
    span.textContent = text;
    return span;
  };
}

/** The decorations of the current view: proposals by class, delegation tags, bracket signs. */
function buildDecorations(doc: PMNode, s: NegotiationSettings): DecorationSet {
  const colors = new Map(s.delegations.map((d) => [d.name, d.color]));
  const decos: Decoration[] = [];
  const styleOf = (by: string) => (colors.get(by) ? `--by-color: ${colors.get(by)}` : '');
  // Open proposal runs: id → where the run ends, for the tag at its end.
  const runEnds = new Map<string, { end: number; by: string; kind: 'ins' | 'del'; shown: Shown }>();
  const flushRuns = (pos: number, keep: Set<string>) => {
    for (const [id, r] of runEnds) {
      if (keep.has(id) && r.end === pos) continue;
      if (r.shown === 'proposal-shown') decos.push(Decoration.widget(r.end, tagWidget(r.by, r.kind, colors.get(r.by) ?? ''), { side: -1, ignoreSelection: true, key: `tag-${id}-${r.end}-${r.by}` }));
      runEnds.delete(id);
    }
  };
  let active: string[] = [];
  let lastEnd = 0;
  const brackets = (pos: number, next: string[]) => {
    const closing = active.filter((id) => !next.includes(id)).length;
    const opening = next.filter((id) => !active.includes(id)).length;
    if (closing) decos.push(Decoration.widget(lastEnd, bracketWidget(']'.repeat(closing), 'close'), { side: -1, ignoreSelection: true, key: `bc-${lastEnd}-${closing}` }));
    if (opening) decos.push(Decoration.widget(pos, bracketWidget('['.repeat(opening), 'open'), { side: 1, ignoreSelection: true, key: `bo-${pos}-${opening}` }));
    active = next;
  };
  doc.descendants((node, pos) => {
    if (isPara(node)) {
      const p = paraProposal(node);
      if (p) {
        const shown = shownAs(p.kind, p.by, s);
        const attrs: Record<string, string> = { class: `proposal-para proposal-para-${p.kind} ${shown}`, 'data-by': p.by };
        const style = styleOf(p.by);
        if (style) attrs.style = style;
        decos.push(Decoration.node(pos, pos + node.nodeSize, attrs));
      }
      if (node.content.size === 0) flushRuns(-1, new Set());
      return true;
    }
    if (!node.isInline) return true;
    const end = pos + node.nodeSize;
    const ids = new Set<string>();
    for (const m of [insOf(node), delOf(node)]) {
      if (!m) continue;
      const kind = m.type === INS ? 'ins' : 'del';
      const by = m.attrs.by as string;
      const id = m.attrs.id as string;
      const shown = shownAs(kind, by, s);
      const attrs: Record<string, string> = { class: `proposal proposal-${kind} ${shown}`, 'data-by': by };
      const style = styleOf(by);
      if (style) attrs.style = style;
      decos.push(Decoration.inline(pos, end, attrs));
      ids.add(id);
    }
    flushRuns(pos, ids);
    for (const m of [insOf(node), delOf(node)]) {
      if (!m) continue;
      const kind = m.type === INS ? 'ins' : 'del';
      runEnds.set(m.attrs.id as string, { end, by: m.attrs.by as string, kind, shown: shownAs(kind, m.attrs.by as string, s) });
    }
    const bids = node.marks.filter((m) => m.type === BRACKET).map((m) => m.attrs.id as string);
    brackets(pos, bids);
    lastEnd = end;
    return false;
  });
  flushRuns(-1, new Set());
  brackets(lastEnd, []);
  return DecorationSet.create(doc, decos);
}

// ---------------------------------------------------------------------------------------------
// The plugin.

/** Options of {@link proposalsPlugin} for tests and tools: the clock and the id source. */
export interface ProposalsPluginOptions {
  now?: () => string;
  newId?: () => string;
}

/**
 * The proposals plugin. Its state is the NegotiationSettings (change them with
 * {@link setNegotiationSettings}). When enabled, edits become proposals of the current delegation
 * (see the module comment); without a delegation, edits are refused.
 *
 * Decorations for CSS:
 * - proposal text: `span.proposal.proposal-ins` / `.proposal-del`, whole paragraphs
 *   `.proposal-para.proposal-para-ins` / `.proposal-para-del`, each with `data-by` and a
 *   `--by-color` custom property from the delegations list, and one of
 *   `.proposal-shown` (markup: underline / strike in the colour), `.proposal-plain` (show as
 *   ordinary text) or `.proposal-hidden` (display: none — use !important, since a shown child
 *   proposal may sit inside a hidden parent);
 * - `span.proposal-tag.proposal-tag-ins|del` after each shown proposal, text "EU" or "EU: delete"
 *   (CSS adds the parentheses);
 * - `span.bracket-mark.bracket-open|close` widgets "[", "[[", "]"… at bracket boundaries.
 * Backspace and Delete inside a paragraph are handled by the plugin while the mode is on, so the
 * deleted character is tracked rather than removed by the browser.
 */
export function proposalsPlugin(initial: Partial<NegotiationSettings> = {}, opts: ProposalsPluginOptions = {}): Plugin<NegotiationSettings> {
  const now = opts.now ?? (() => new Date().toISOString());
  const makeId = opts.newId ?? (() => newId('s'));
  let cache: { doc: PMNode; settings: NegotiationSettings; set: DecorationSet } | null = null;
  return new Plugin<NegotiationSettings>({
    key: proposalsKey,
    state: {
      init: () => ({ ...DEFAULTS, ...initial, delegations: [...(initial.delegations ?? [])] }),
      apply: (tr, prev) => {
        const meta = tr.getMeta(proposalsKey) as ProposalsMeta | undefined;
        return meta?.settings ? { ...prev, ...meta.settings } : prev;
      },
    },
    filterTransaction(tr, state) {
      const s = settingsOf(state);
      if (!s.enabled) return true;
      // A replacement that wraps content (ProseMirror's ReplaceAroundStep: typing over a selection
      // from one paragraph into a paragraph of another kind) cannot be recorded as a proposal; let
      // through, it deleted the delegations' text with no trace. Refused: nothing is lost.
      if (isUntrackableEdit(tr)) return false;
      if (s.delegation) return true;
      return !(isTrackable(tr) && !isStructural(tr.before, tr.doc));
    },
    appendTransaction(trs, oldState, state) {
      const s = settingsOf(state);
      if (!s.enabled || !s.delegation) return null;
      const paste = trs.some((t) => t.getMeta('uiEvent') === 'paste');
      return trackBatch(trs, oldState, state, { me: s.delegation, at: now(), newId: makeId, paste });
    },
    props: {
      decorations(state) {
        const settings = settingsOf(state);
        if (!cache || cache.doc !== state.doc || cache.settings !== settings) cache = { doc: state.doc, settings, set: buildDecorations(state.doc, settings) };
        return cache.set;
      },
      handleKeyDown(view: EditorView, event: KeyboardEvent) {
        if (event.key !== 'Backspace' && event.key !== 'Delete') return false;
        if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return false;
        const state = view.state;
        const s = settingsOf(state);
        if (!s.enabled || !s.delegation || !state.selection.empty) return false;
        const $p = state.selection.$from;
        if (!$p.parent.inlineContent) return false;
        const dir = event.key === 'Backspace' ? -1 : 1;
        const n = dir < 0 ? $p.nodeBefore : $p.nodeAfter;
        if (!n) return false; // at a paragraph boundary: the keymap's join is tracked (and refused)
        const len = n.isText ? charLength(n, dir) : n.nodeSize;
        const from = dir < 0 ? $p.pos - len : $p.pos;
        view.dispatch(state.tr.delete(from, from + len).scrollIntoView());
        return true;
      },
    },
  });
}

/** A transaction (meta only, not an undo step) that changes the negotiation settings. */
export function setNegotiationSettings(state: EditorState, patch: Partial<NegotiationSettings>): Transaction {
  return state.tr.setMeta(proposalsKey, { settings: patch } satisfies ProposalsMeta).setMeta('addToHistory', false);
}
