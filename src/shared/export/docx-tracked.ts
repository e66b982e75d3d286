/**
 * Word tracked changes that tell the negotiation as it stands: every open proposal becomes a Word
 * revision by the delegation that made it, at the time it was made.
 *
 * - text insertions and deletions → `w:ins` / `w:del` (w:author = delegation, w:date = its time);
 * - a proposal on a proposal nests as Word allows: text one delegation proposed and another
 *   proposes to delete is `w:ins` around `w:del`; an insertion inside another's insertion is its
 *   own `w:ins` next to it;
 * - a whole paragraph inserted or deleted marks its paragraph mark too (`w:pPr/w:rPr/w:ins|w:del`),
 *   so accepting or rejecting leaves no empty paragraph;
 * - a move (also a PP↔OP conversion or a level change) → `w:moveFrom` at the old place and
 *   `w:moveTo` at the new one, inside named `w:moveFromRangeStart/End` and
 *   `w:moveToRangeStart/End` markers (the name is `move` + the proposal id, so the pair is found
 *   again on merge);
 * - paragraph notes → Word comments (comments.xml, commentRangeStart/End, commentReference);
 * - every paragraph carries a hidden bookmark `_pl<id>` with its Plenary id (docx-ids.ts; all of
 *   Plenary's Word exports do), so `plenary merge` aligns a file that comes back by id.
 *
 * - paragraph labels are tracked too: where the base text and the accepted text number a
 *   paragraph differently (between a move's two places, after an inserted or deleted paragraph),
 *   the base label is a `w:del` and the accepted one a `w:ins` (by "Plenary", at the last
 *   proposal's time).
 *
 * Accept all in Word or LibreOffice gives exactly {@link acceptedView}'s text and labels, reject
 * all exactly {@link baseView}'s (brackets are written out first, see views.ts). Pure.
 */
import { BuilderElement, CommentRangeEnd, CommentRangeStart, CommentReference, Paragraph, Tab, TextRun, type Document, type ICommentOptions, type ParagraphChild } from 'docx';
import type { Inline, ParagraphProposal, Proposal, ResolutionDocument } from '../resolution/model.js';
import { acceptedView, baseView, forEachBlock, materializeBrackets } from '../negotiation/views.js';
import type { ParagraphNote } from '../negotiation/notes.js';
import { layoutDocument, type DocumentLayout, type LayoutParagraph, type LayoutRun } from './layout.js';
import { assemble, bodyParagraph, contextOf, headingParagraph, labelRun, plainParts, runsToDocx, wordDate, type DocxOptions, type Revision, type RunContext } from './docx.js';

/** Options of {@link buildProposalsDocx}. */
export interface ProposalsDocxOptions extends DocxOptions {
  /** Paragraph notes, written as Word comments (resolved ones too, marked done). */
  notes?: readonly ParagraphNote[];
}

export { idBookmarkName, idFromBookmarkName } from './docx-ids.js';

/** A revision counter shared by every element of one file (ids must be unique in the part). */
interface Ids {
  next: () => number;
}

function date(p: Proposal): string {
  const d = new Date(p.at);
  return Number.isNaN(d.getTime()) ? wordDate(new Date(0)) : wordDate(d);
}

function revision(kind: 'ins' | 'del', p: Proposal, ids: Ids): Revision {
  return { kind, author: p.by, date: date(p), nextId: ids.next };
}

function attrs(p: Proposal, ids: Ids) {
  return { id: { key: 'w:id', value: ids.next() }, author: { key: 'w:author', value: p.by }, date: { key: 'w:date', value: date(p) } };
}

/** The element as a paragraph child (docx's ParagraphChild union does not list raw elements). */
function child(e: BuilderElement<never>): ParagraphChild {
  return e as unknown as ParagraphChild;
}

/** Runs grouped by their proposal marks, so each group becomes one revision. */
function groups(runs: readonly LayoutRun[]): { ins?: Proposal; del?: Proposal; runs: LayoutRun[] }[] {
  const out: { ins?: Proposal; del?: Proposal; runs: LayoutRun[] }[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && last.ins?.id === r.ins?.id && last.del?.id === r.del?.id) last.runs.push(r);
    else out.push({ ...(r.ins ? { ins: r.ins } : {}), ...(r.del ? { del: r.del } : {}), runs: [r] });
  }
  return out;
}

/** A paragraph's runs as revisions; inside a move, unmarked runs are the moved text itself. */
function revisedRuns(runs: readonly LayoutRun[], ctx: RunContext, ids: Ids, move: ParagraphProposal | undefined): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const g of groups(runs)) {
    const plain = g.runs.map(({ ins: _i, del: _d, ...r }) => r);
    if (g.ins && g.del) {
      // Inserted by one delegation, proposed for deletion by another: w:ins around w:del.
      out.push(child(new BuilderElement({ name: 'w:ins', attributes: attrs(g.ins, ids), children: runsToDocx(plain, ctx, revision('del', g.del, ids)) as never[] })));
    } else if (g.ins) out.push(...runsToDocx(plain, ctx, revision('ins', g.ins, ids)));
    else if (g.del) out.push(...runsToDocx(plain, ctx, revision('del', g.del, ids)));
    else if (move) {
      const name = move.kind === 'move-from' ? 'w:moveFrom' : 'w:moveTo';
      out.push(child(new BuilderElement({ name, attributes: attrs(move, ids), children: runsToDocx(plain, ctx) as never[] })));
    } else out.push(...runsToDocx(plain, ctx));
  }
  return out;
}

/** Whether every run of the paragraph belongs to proposal `id` (then its paragraph mark does too). */
function allOf(lp: LayoutParagraph, id: string, mark: 'ins' | 'del'): boolean {
  return lp.runs.every((r) => r[mark]?.id === id);
}

function moveRange(kind: 'from' | 'to', edge: 'Start' | 'End', p: ParagraphProposal, rangeId: number): ParagraphChild {
  const name = `w:move${kind === 'from' ? 'From' : 'To'}Range${edge}`;
  const a: Record<string, { key: string; value: string | number }> =
    edge === 'Start'
      ? { id: { key: 'w:id', value: rangeId }, name: { key: 'w:name', value: `move${p.id}`.slice(0, 40) }, author: { key: 'w:author', value: p.by }, date: { key: 'w:date', value: date(p) } }
      : { id: { key: 'w:id', value: rangeId } };
  return child(new BuilderElement({ name, attributes: a }));
}

interface Build {
  ctx: RunContext;
  ids: Ids;
  notesByPara: Map<string, number[]>;
  labels: Labels;
}

/** The labels of the base text and of the accepted text by paragraph id, and who renumbers. */
interface Labels {
  base: Map<string, string>;
  accepted: Map<string, string>;
  /** A moved paragraph's new place → the id it has once accepted (its ghost's). */
  acceptedId: Map<string, string>;
  /** Author and date of the renumbering revisions: Plenary, at the last proposal's time. */
  by: Proposal;
}

function labelsById(layout: DocumentLayout): Map<string, string> {
  const out = new Map<string, string>();
  for (const lp of [...layout.paragraphs, ...layout.annexes.flatMap((a) => a.paragraphs)]) if (!lp.heading && !lp.table && !lp.tail) out.set(lp.id, lp.label);
  return out;
}

/**
 * The labels a paragraph shows once every proposal is accepted and once every one is rejected
 * (the accepted and base exports' labels). A paragraph that goes with a rejection shows only
 * the accepted label (inside its own insertion), one that goes with an acceptance only the base
 * label; any other shows the base label deleted and the accepted one inserted where they differ.
 */
function labelOf(lp: LayoutParagraph, markRev: Revision | undefined, b: Build): { base: string; accepted: string } {
  const L = b.labels;
  const base = L.base.get(lp.id) ?? lp.label;
  const accepted = L.accepted.get(L.acceptedId.get(lp.id) ?? lp.id) ?? lp.label;
  if (markRev?.kind === 'ins') return { base: accepted, accepted };
  if (markRev?.kind === 'del') return { base, accepted: base };
  return { base, accepted };
}

/** The label runs: plain when both texts agree, else the base label deleted and the accepted one inserted, then one tab. */
function trackedLabel(lp: LayoutParagraph, markRev: Revision | undefined, b: Build): ParagraphChild[] | undefined {
  if (lp.tail) return undefined;
  const { base, accepted } = labelOf(lp, markRev, b);
  if (base === accepted) return base === lp.label ? undefined : base ? [labelRun(base, b.ctx, markRev)] : [];
  // A label only one text has goes or comes with its tab (a single operative paragraph has none).
  if (!accepted) return [labelRun(base, b.ctx, revision('del', b.labels.by, b.ids))];
  if (!base) return [labelRun(accepted, b.ctx, revision('ins', b.labels.by, b.ids))];
  // One tab for both labels, so a file that comes back reads "2.3.<tab>" as its label (merge-paragraph.ts stripLabel).
  return [
    ...runsToDocx([{ text: base.trim() }], b.ctx, revision('del', b.labels.by, b.ids)),
    ...runsToDocx([{ text: accepted.trim() }], b.ctx, revision('ins', b.labels.by, b.ids)),
    new TextRun({ children: [new Tab()], ...(b.ctx.lang === 'ar' ? { rightToLeft: true } : {}) }),
  ];
}

/**
 * Paragraph notes as Word comments: the comments (ids from 0) and, per paragraph id, the ids of
 * its comments. Notes on paragraphs not in `known` are left out.
 */
export function noteComments(notes: readonly ParagraphNote[], known: ReadonlySet<string>): { comments: ICommentOptions[]; byParagraph: Map<string, number[]> } {
  const comments: ICommentOptions[] = [];
  const byParagraph = new Map<string, number[]>();
  for (const note of notes) {
    if (!known.has(note.paragraph)) continue;
    const cid = comments.length;
    const at = new Date(note.at);
    comments.push({
      id: cid,
      author: note.author,
      ...(Number.isNaN(at.getTime()) ? {} : { date: at }),
      ...(note.resolved ? { resolved: true } : {}),
      children: note.text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })),
    });
    byParagraph.set(note.paragraph, [...(byParagraph.get(note.paragraph) ?? []), cid]);
  }
  return { comments, byParagraph };
}

/** The comment anchors around a paragraph's content: range starts, and range ends with references. */
export function commentAnchors(cids: readonly number[]): { start: ParagraphChild[]; end: ParagraphChild[] } {
  return {
    start: cids.map((c) => new CommentRangeStart(c)),
    end: cids.flatMap((c) => [new CommentRangeEnd(c), new TextRun({ children: [new CommentReference(c)] })]),
  };
}

/** A paragraph with its proposals as revisions; a heading printed as the plain export prints it (headingParagraph), `prev` the paragraph before it. */
function trackedParagraph(lp: LayoutParagraph, b: Build, prev?: LayoutParagraph): Paragraph {
  const p = lp.proposal;
  const move = p && (p.kind === 'move-from' || p.kind === 'move-to') ? p : undefined;
  // The paragraph mark (and the label) go with a whole-paragraph proposal when all its text does.
  let markRev: Revision | undefined;
  if (p?.kind === 'ins' && allOf(lp, p.id, 'ins')) markRev = revision('ins', p, b.ids);
  else if (p?.kind === 'del' && allOf(lp, p.id, 'del')) markRev = revision('del', p, b.ids);
  else if (move) markRev = revision(move.kind === 'move-from' ? 'del' : 'ins', move, b.ids);
  const rangeId = b.ids.next();
  const anchors = commentAnchors(b.notesByPara.get(lp.id) ?? []);
  const before = [...anchors.start, ...(move ? [moveRange(move.kind === 'move-from' ? 'from' : 'to', 'Start', move, rangeId)] : [])];
  const after = [...(move ? [moveRange(move.kind === 'move-from' ? 'from' : 'to', 'End', move, rangeId)] : []), ...anchors.end];
  if (lp.heading) {
    // Number, title and (for resolution B…) the formula under it, as in the plain export.
    return headingParagraph(lp, b.ctx, prev, { runs: (r) => revisedRuns(r, b.ctx, b.ids, move), before, after, ...(markRev ? { rev: markRev } : {}) });
  }
  const children: ParagraphChild[] = [...before, ...revisedRuns(lp.runs, b.ctx, b.ids, move), ...after];
  const label = trackedLabel(lp, markRev, b);
  return bodyParagraph(lp, b.ctx, children, { ...(markRev ? { rev: markRev } : {}), ...(label ? { label } : {}) });
}

/** The base and accepted labels of `doc` (laid out as `layout`), see {@link Labels}. */
function labelsOf(doc: ResolutionDocument, layout: DocumentLayout): Labels {
  const acceptedId = new Map<string, string>();
  for (const [ghost, now] of layout.structure.movedTo) acceptedId.set(now, ghost);
  let last = '';
  forEachBlock(doc, (blk) => {
    const visit = (list: readonly Inline[]) => list.forEach((i) => [i.ins?.at, i.del?.at].forEach((at) => at && at > last && (last = at)));
    visit(blk.content);
    visit(blk.tail);
    if (blk.proposal && blk.proposal.at > last) last = blk.proposal.at;
  });
  return { base: labelsById(layoutDocument(baseView(doc))), accepted: labelsById(layoutDocument(acceptedView(doc))), acceptedId, by: { id: 'numbering', by: 'Plenary', at: last || new Date(0).toISOString() } };
}

/**
 * The Word document of a draft with each open proposal a tracked change by its delegation (see
 * the module comment), notes as comments, and Track Changes left on. Pack it with `packDocx`.
 */
export function buildProposalsDocx(doc: ResolutionDocument, opts: ProposalsDocxOptions = {}): Document {
  const layout = layoutDocument(materializeBrackets(doc));
  const ctx = contextOf(layout);
  let n = 1;
  const ids: Ids = { next: () => n++ };
  const known = new Set([...layout.paragraphs, ...layout.annexes.flatMap((a) => a.paragraphs)].map((p) => p.id));
  const { comments, byParagraph: notesByPara } = noteComments(opts.notes ?? [], known);
  const b: Build = { ctx, ids, notesByPara, labels: labelsOf(doc, layout) };
  const parts = plainParts(layout, ctx);
  // Paragraphs deleted by agreement (status) are not proposals: printed as the plain export does.
  const shown = (lp: LayoutParagraph) => !lp.deleted || layout.negotiation;
  parts.main = layout.paragraphs.filter(shown).map((lp, i, all) => trackedParagraph(lp, b, all[i - 1]));
  parts.annexes = layout.annexes.map((a) => a.paragraphs.filter(shown).map((lp, i, all) => trackedParagraph(lp, b, all[i - 1])));
  parts.comments = comments;
  return assemble(layout, opts, parts, true);
}
