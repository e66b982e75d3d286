/**
 * Merging a delegation's Word file (THEIRS) into the draft, as `plenary merge` and File › Merge
 * do: see merge-paragraph.ts for the rules. This module aligns the paragraphs, places new and
 * missing paragraphs, moves, comments, and writes the summary. Pure.
 */
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { fromDoc, toDoc } from '../resolution/convert.js';
import { PARA_TYPES, schema } from '../resolution/schema.js';
import { computeStructure } from '../resolution/structure.js';
import type { ParagraphProposal, ResolutionDocument } from '../resolution/model.js';
import { layoutDocument } from '../export/layout.js';
import { idFromBookmarkName } from '../export/docx-ids.js';
import { newId } from '../ids.js';
import type { ParagraphNote } from './notes.js';
import type { WordFile, WordRun } from './word-read.js';
import {
  delMark,
  deletionOf,
  dice,
  draftAtoms,
  insMark,
  insertionOf,
  mergeParagraph,
  norm,
  Proposals,
  stripLabel,
  wasThere,
  type DelegationSummary,
  type MergeOptions,
  type MergeResult,
  type NewProposal,
  type Unplaced,
} from './merge-paragraph.js';

export { parseAuthorMap, type DelegationSummary, type MergeOptions, type MergeResult, type MergeSummary, type Unplaced } from './merge-paragraph.js';

interface Theirs {
  runs: WordRun[];
  /** Draft paragraph index it is aligned with, or -1. */
  at: number;
  /** A paragraph id its bookmark names that the draft does not have (a paragraph new in THEIRS). */
  newId: string | null;
  comments: string[];
  markIns: boolean;
  markDel: boolean;
}

/** A paragraph to insert after draft paragraph `after`. */
interface Inserted {
  after: number;
  node: { id: string; content: PMNode[] };
  proposal: ParagraphProposal;
  moveName: string;
  text: string;
}

const oldText = (runs: readonly WordRun[]) => runs.filter(wasThere).map((r) => r.text).join('');
const hasRevisions = (t: Theirs) => t.markIns || t.markDel || t.runs.some((r) => r.ins || r.del || r.move);

/**
 * Merges THEIRS into `draft`. Every change comes in as an open proposal (nothing is accepted);
 * comments become notes; the summary lists per delegation what came in and what could not be placed.
 */
export function mergeWord(draft: ResolutionDocument, theirs: WordFile, opts: MergeOptions): MergeResult {
  const lang = draft.meta.language;
  const pm = toDoc(draft);
  const s = computeStructure(pm, lang);
  const paras = s.paras;
  const atoms = draftAtoms(paras, s, lang);
  const index = new Map(paras.map((p, i) => [p.id, i]));
  const fileAuthor = theirs.author || `the author of ${opts.fileName}`;
  const props = new Proposals(opts, fileAuthor);
  const unplaced: Unplaced[] = [];

  // 1. Alignment: by id bookmark, then by text between the paragraphs aligned so far.
  const taken = new Set<number>();
  const list: Theirs[] = theirs.paragraphs.map((p) => {
    let at = -1;
    let fresh: string | null = null;
    for (const b of p.bookmarks) {
      const id = idFromBookmarkName(b);
      if (id === null) continue;
      const i = index.get(id);
      if (i !== undefined && !taken.has(i)) {
        at = i;
        taken.add(i);
        break;
      }
      if (i === undefined) fresh = id;
    }
    return { runs: stripLabel(p), at, newId: fresh, comments: p.comments, markIns: !!p.markIns, markDel: !!p.markDel };
  });
  const draftText = paras.map((p) => norm(atoms.get(p.id)!.filter((a) => !a.inserted).map((a) => a.str).join('')));
  // Imported texts have positional ids (pp1, op3…), so another draft's file may carry the same
  // ids: an id match stands only when the texts are alike too.
  for (const t of list) {
    if (t.at < 0) continue;
    const mine = draftText[t.at]!;
    const theirsText = norm(oldText(t.runs));
    // Compared before and after the revisions on both sides (a paragraph moved here has no old text).
    const mineAll = norm(atoms.get(paras[t.at]!.id)!.map((a) => a.str).join(''));
    const theirsAll = norm(t.runs.filter((r) => !deletionOf(r)).map((r) => r.text).join(''));
    const alike = (a: string, b: string) => a === b || dice(a, b) >= 0.5;
    if (!alike(mine, theirsText) && !alike(mineAll, theirsAll)) {
      taken.delete(t.at);
      t.at = -1;
    }
  }
  const byId = list.some((t) => t.at >= 0);
  for (let k = 0; k < list.length; k++) {
    const t = list[k]!;
    if (t.at >= 0 || t.newId) continue;
    const text = norm(oldText(t.runs));
    if (!text) continue;
    let lo = 0;
    for (let j = k - 1; j >= 0; j--) if (list[j]!.at >= 0) { lo = list[j]!.at + 1; break; }
    let hi = paras.length - 1;
    for (let j = k + 1; j < list.length; j++) if (list[j]!.at >= 0) { hi = list[j]!.at - 1; break; }
    let best = -1;
    let score = 0.6;
    for (let i = lo; i <= hi; i++) {
      if (taken.has(i)) continue;
      if (draftText[i] === text) { best = i; break; }
      if (i > lo + 15) continue;
      const d = dice(draftText[i]!, text);
      if (d > score) { score = d; best = i; }
    }
    if (best >= 0) {
      t.at = best;
      taken.add(best);
    }
  }

  // 2. Aligned paragraphs: their revisions on the draft's text.
  const content = new Map<number, PMNode[]>();
  const paraProposal = new Map<number, ParagraphProposal>();
  const moveFromName = new Map<number, string>();
  for (const t of list) {
    if (t.at < 0) continue;
    const id = paras[t.at]!.id;
    props.breakExcept([]);
    // A move the draft already has, written back as the same Word move: nothing new.
    const own = paras[t.at]!.node.attrs.proposal as ParagraphProposal | null;
    const dir = own?.kind === 'move-from' ? 'from' : own?.kind === 'move-to' ? 'to' : null;
    if (dir && t.runs.length && t.runs.every((r) => r.move?.dir === dir && props.delegation(r.move.author) === own!.by)) continue;
    const before = props.list.length;
    const nodes = mergeParagraph(atoms.get(id)!, t.runs, props, id);
    content.set(t.at, nodes);
    // A paragraph whose whole text one new deletion covers, paragraph mark included: deleted whole.
    const made = props.list.slice(before);
    const dels = new Set(nodes.map((n) => (n.marks.find((m) => m.type.name === 'deletion')?.attrs.id as string) ?? ''));
    const only = dels.size === 1 ? made.find((p) => p.kind === 'del' && dels.has(p.id)) : undefined;
    if (only && (t.markDel || !t.runs.some((r) => !deletionOf(r)))) {
      paraProposal.set(t.at, { id: only.id, by: only.by, at: only.at, kind: 'del' });
      const moved = t.runs.every((r) => r.move?.dir === 'from') ? t.runs[0]?.move?.name : undefined;
      if (moved !== undefined) moveFromName.set(t.at, moved);
    }
  }

  // 3. Paragraphs of THEIRS that are not in the draft: new paragraphs, or nothing to place.
  const frame = frameTexts(draft);
  const firstAligned = list.findIndex((t) => t.at >= 0);
  const inserted: Inserted[] = [];
  let prev = -1;
  list.forEach((t, k) => {
    if (t.at >= 0) {
      prev = t.at;
      return;
    }
    const all = norm(t.runs.filter((r) => !deletionOf(r)).map((r) => r.text).join(''));
    if (!all) return;
    if (frame.has(all) && !hasRevisions(t)) return;
    // A new paragraph goes after the aligned paragraph before it when the one after it is in the
    // same part (PPs, OPs, the same annex): between parts lie the formula, closing lines, headings.
    const nextAt = list.slice(k + 1).find((x) => x.at >= 0)?.at;
    const samePart = prev >= 0 && nextAt !== undefined && paras[prev]!.section === paras[nextAt]!.section && paras[prev]!.annex === paras[nextAt]!.annex;
    if (prev < 0 || k < firstAligned || (!samePart && !(t.markIns || t.runs.every((r) => insertionOf(r))))) {
      // Unchanged text around the paragraphs is the frame (masthead, formula, closing lines); text
      // that is neither the draft's frame nor placeable is reported, never dropped silently.
      if (hasRevisions(t) || (k > firstAligned && !frame.has(all))) unplaced.push({ kind: 'outside', what: 'paragraph', text: all, reason: 'outside the numbered paragraphs of the draft (between parts, or after the last)' });
      return;
    }
    const after = prev;
    const id = t.newId && !index.has(t.newId) ? t.newId : newId();
    props.breakExcept([]);
    const nodes: PMNode[] = [];
    for (const r of t.runs) {
      const ins = insertionOf(r);
      const del = deletionOf(r);
      if (!ins && del) continue; // deleted text that is not in the draft
      for (const ch of r.text) {
        const p = props.take('ins', ins ?? null, id);
        let node = PMText(ch, [insMark(p)]);
        if (del) node = node.mark(delMark(props.take('del', del, id, p.id)).addToSet(node.marks));
        nodes.push(node);
      }
    }
    const first = props.list.find((p) => p.paragraph === id && p.kind === 'ins');
    if (!first) return;
    const moveName = t.runs.every((r) => r.move?.dir === 'to') ? (t.runs[0]?.move?.name ?? '') : '';
    inserted.push({ after, node: { id, content: nodes }, proposal: { id: first.id, by: first.by, at: first.at, kind: 'ins' }, moveName, text: all });
  });

  // 4. Moves: a paragraph moved away and one moved here by the same delegation, same text.
  for (const ins of inserted) {
    if (!ins.moveName && !ins.node.content.length) continue;
    for (const [at, name] of moveFromName) {
      const from = paraProposal.get(at)!;
      if (from.by !== ins.proposal.by || name !== ins.moveName || draftText[at] !== ins.text) continue;
      const moveId = from.id;
      paraProposal.set(at, { ...from, kind: 'move-from' });
      content.set(at, atoms.get(paras[at]!.id)!.flatMap((a) => (a.node ? [a.node] : [])));
      ins.proposal = { id: moveId, by: from.by, at: from.at, kind: 'move-to' };
      ins.node.content = ins.node.content.map((n) => n.mark(n.marks.filter((m) => m.type.name !== 'insertion' && m.type.name !== 'deletion')));
      props.list.splice(0, props.list.length, ...props.list.filter((p) => p.paragraph !== ins.node.id && !(p.paragraph === paras[at]!.id && p.id === moveId)));
      props.list.push({ id: moveId, by: from.by, at: from.at, kind: 'del', untracked: false, paragraph: paras[at]!.id });
      moveFromName.delete(at);
      break;
    }
  }

  // 5. Draft paragraphs THEIRS lost.
  if (byId) {
    const lastAligned = Math.max(...list.map((t) => t.at));
    const firstAt = Math.min(...list.filter((t) => t.at >= 0).map((t) => t.at));
    paras.forEach((p, i) => {
      if (taken.has(i) || i < firstAt || i > lastAligned || !draftText[i]) return;
      unplaced.push({ kind: 'missing', designation: p.designation, what: 'missing paragraph', text: draftText[i]!, reason: `${p.designation} is not in ${opts.fileName} (deleted without Track Changes?); left as it is` });
    });
  }

  // 6. Comments → notes.
  const notes: ParagraphNote[] = [];
  const noteCount = new Map<string, number>();
  for (const c of theirs.comments) {
    const k = list.findIndex((t) => t.comments.includes(c.id));
    const t = list[k];
    let target = t && t.at >= 0 ? paras[t.at]!.id : undefined;
    if (!target && t) target = inserted.find((x) => x.text && list[k] === t)?.node.id;
    if (!target) {
      unplaced.push({ kind: 'comment', what: 'comment', text: c.text, reason: 'its paragraph is not in the draft' });
      continue;
    }
    const author = props.delegation(c.author);
    notes.push({ id: newId('n'), paragraph: target, author, at: c.date && !Number.isNaN(Date.parse(c.date)) ? new Date(c.date).toISOString() : opts.now, text: c.text, resolved: false });
    noteCount.set(author, (noteCount.get(author) ?? 0) + 1);
  }
  const untrackedParas = new Set(props.list.filter((p) => p.untracked).map((p) => p.paragraph));
  for (const pid of untrackedParas) {
    notes.push({ id: newId('n'), paragraph: pid, author: 'Plenary', at: opts.now, text: `Changed without Track Changes in ${opts.fileName}: merged as proposals by ${props.delegation(fileAuthor)} (untracked).`, resolved: false });
  }

  const document = rebuild(pm, paras.map((p) => p.id), content, paraProposal, inserted);
  const withText = draftText.filter(Boolean).length;
  return { document, notes, summary: { paragraphsWithText: withText, alignedBy: byId ? 'id' : 'text', paragraphsAligned: taken.size, delegations: summarize(props.list, paraProposal, inserted, noteCount), unplaced } };
}

function PMText(ch: string, marks: readonly Mark[]): PMNode {
  return schema.text(ch, marks);
}

/** Texts of the frame around the paragraphs (formula, annex headings), never proposals. */
function frameTexts(doc: ResolutionDocument): Set<string> {
  const l = layoutDocument(doc);
  const out = new Set<string>([norm(l.formula.words + l.formula.punctuation), norm(doc.meta.title), norm(l.meta.meeting), norm(l.adoptionDate), norm(`${l.meta.meeting} ${l.adoptionDate}`)]);
  for (const a of doc.annexes) {
    out.add(norm(a.heading));
    out.add(norm(a.title));
  }
  return out;
}

/** The draft with the merged paragraphs, paragraph proposals and new paragraphs. */
function rebuild(pm: PMNode, ids: readonly string[], content: Map<number, PMNode[]>, props: Map<number, ParagraphProposal>, inserted: readonly Inserted[]): ResolutionDocument {
  const pos = new Map(ids.map((id, i) => [id, i]));
  const redo = (n: PMNode): PMNode[] => {
    if (!PARA_TYPES.has(n.type.name)) return [n];
    const i = pos.get(n.attrs.id as string);
    if (i === undefined) return [n];
    const prop = props.get(i);
    const own = n.type.create({ ...n.attrs, ...(prop ? { proposal: prop } : {}) }, content.get(i) ?? n.content);
    const after = inserted
      .filter((x) => x.after === i)
      .map((x) => n.type.create({ ...n.attrs, id: x.node.id, tail: false, phrase: null, status: '', holder: '', provenance: null, base: null, proposal: x.proposal }, x.node.content));
    return [own, ...after];
  };
  const children: PMNode[] = [];
  pm.forEach((c) => {
    if (c.type.name === 'annex') {
      const inner: PMNode[] = [];
      c.forEach((p) => inner.push(...redo(p)));
      children.push(c.type.create(c.attrs, inner));
    } else children.push(...redo(c));
  });
  return fromDoc(pm.type.create(pm.attrs, children));
}

function summarize(list: readonly NewProposal[], paraProps: Map<number, ParagraphProposal>, inserted: readonly Inserted[], notes: Map<string, number>): DelegationSummary[] {
  const by = new Map<string, DelegationSummary>();
  const get = (d: string) => {
    let x = by.get(d);
    if (!x) by.set(d, (x = { delegation: d, insertions: 0, deletions: 0, paragraphsInserted: 0, paragraphsDeleted: 0, moves: 0, untracked: 0, notes: 0 }));
    return x;
  };
  const whole = new Set<string>([...paraProps.values()].map((p) => p.id).concat(inserted.map((x) => x.proposal.id)));
  for (const p of list) {
    if (whole.has(p.id)) continue;
    const x = get(p.by);
    if (p.kind === 'ins') x.insertions++;
    else x.deletions++;
    if (p.untracked) x.untracked++;
  }
  for (const p of paraProps.values()) {
    if (p.kind === 'del') get(p.by).paragraphsDeleted++;
    if (p.kind === 'move-from') get(p.by).moves++;
  }
  for (const x of inserted) if (x.proposal.kind === 'ins') get(x.proposal.by).paragraphsInserted++;
  for (const [d, n] of notes) get(d).notes += n;
  return [...by.values()].sort((a, b) => a.delegation.localeCompare(b.delegation));
}
