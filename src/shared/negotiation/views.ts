/**
 * Which text of a negotiated draft an export shows. A draft's open proposals live in the document
 * itself (insertion/deletion marks on text runs, a `proposal` on whole paragraphs); an export is
 * one of four views of it:
 * - `base`: as if every open proposal were rejected (the text the proposals were made on);
 * - `accepted`: as if every open proposal were accepted;
 * - `compilation`: everything inline with delegations and statuses (export/compilation.ts);
 * - `tracked`: each open proposal a Word revision (export/docx-tracked.ts).
 *
 * Square brackets are not in the text but marks on it; {@link materializeBrackets} writes them as
 * "[" and "]" characters so every format keeps them. A bracket character takes the proposal marks of
 * the run it touches, so "reject all" in Word and {@link baseView} agree by construction (both
 * start from the materialized document).
 *
 * Paragraph proposals: `ins`/`del` (a whole paragraph inserted or deleted), and moves. A move is a
 * pair of paragraphs sharing one proposal id: a `move-from` ghost at the old place and the living
 * `move-to` paragraph at the new one. A PP↔OP conversion and a level change are moves too, told
 * apart by `as` ('convert' | 'level'), since both put the paragraph at a new structural place.
 * Pure functions on the plain document model; used headlessly by the CLI and by the renderer.
 */
import type { Block, Inline, ResolutionDocument, TextRun } from '../resolution/model.js';

/** The views an export can show when a draft has open proposals. */
export type ProposalView = 'base' | 'accepted' | 'compilation' | 'tracked';

/** Every view, in the order the CLI and the export dialog list them. */
export const PROPOSAL_VIEWS: readonly ProposalView[] = ['base', 'accepted', 'compilation', 'tracked'];

/** Calls `f` on every block of the document (preambular, operative, annex paragraphs, nested). */
export function forEachBlock(doc: ResolutionDocument, f: (b: Block, section: 'pp' | 'op' | 'ap') => void): void {
  const walk = (list: readonly Block[], section: 'pp' | 'op' | 'ap') => {
    for (const b of list) {
      f(b, section);
      walk(b.children, section);
    }
  };
  walk(doc.preambular, 'pp');
  walk(doc.operative, 'op');
  for (const a of doc.annexes) walk(a.paragraphs, 'ap');
}

/** Ids of the open proposals of a document (text marks and paragraph proposals), in document order. */
export function openProposalIds(doc: ResolutionDocument): string[] {
  const ids = new Set<string>();
  const inl = (list: readonly Inline[]) => {
    for (const i of list) {
      if (i.t !== 'text') continue;
      if (i.ins) ids.add(i.ins.id);
      if (i.del) ids.add(i.del.id);
    }
  };
  forEachBlock(doc, (b) => {
    if (b.proposal) ids.add(b.proposal.id);
    inl(b.content);
    inl(b.tail);
  });
  for (const f of doc.footnotes) inl(f.content);
  return [...ids];
}

/** Whether the draft has any open proposal (then an export must say which text it shows). */
export function hasOpenProposals(doc: ResolutionDocument): boolean {
  return openProposalIds(doc).length > 0;
}

/** Whether the draft has any bracketed text. */
export function hasBrackets(doc: ResolutionDocument): boolean {
  let found = false;
  const inl = (list: readonly Inline[]) => {
    for (const i of list) if (i.t === 'text' && i.brackets?.length) found = true;
  };
  forEachBlock(doc, (b) => {
    inl(b.content);
    inl(b.tail);
  });
  return found;
}

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** Every inline list of the document in reading order (chapeau, children, tail; annexes after). */
function inlineLists(doc: ResolutionDocument): Inline[][] {
  const out: Inline[][] = [];
  const walk = (list: readonly Block[]) => {
    for (const b of list) {
      out.push(b.content);
      walk(b.children);
      out.push(b.tail);
    }
  };
  walk(doc.preambular);
  walk(doc.operative);
  for (const a of doc.annexes) walk(a.paragraphs);
  return out;
}

/**
 * A copy of the document with every bracket written out as "[" before its first run and "]" after
 * its last (brackets may span paragraphs; nested brackets nest), and no bracket marks left. A
 * bracket character is plain text when some of the bracketed text stays whichever way the
 * proposals go; when all of it is proposed text, it carries the proposal marks of the run it is
 * attached to, so it goes with that text.
 */
export function materializeBrackets(doc: ResolutionDocument): ResolutionDocument {
  const out = clone(doc);
  const lists = inlineLists(out);
  const first = new Map<string, { list: number; index: number }>();
  const last = new Map<string, { list: number; index: number }>();
  const keptIfRejected = new Set<string>();
  const keptIfAccepted = new Set<string>();
  lists.forEach((list, li) =>
    list.forEach((i, k) => {
      if (i.t !== 'text') return;
      for (const id of i.brackets ?? []) {
        if (!first.has(id)) first.set(id, { list: li, index: k });
        last.set(id, { list: li, index: k });
        if (!i.ins) keptIfRejected.add(id);
        if (!i.del) keptIfAccepted.add(id);
      }
    }),
  );
  if (!first.size) return out;
  const char = (text: string, id: string, like: TextRun): TextRun => {
    const r: TextRun = { t: 'text', text };
    if (like.ins && !keptIfRejected.has(id)) r.ins = like.ins;
    if (like.del && !keptIfAccepted.has(id)) r.del = like.del;
    return r;
  };
  lists.forEach((list, li) => {
    const rebuilt: Inline[] = [];
    list.forEach((i, k) => {
      if (i.t !== 'text' || !i.brackets?.length) {
        rebuilt.push(i);
        return;
      }
      const at = (m: Map<string, { list: number; index: number }>, id: string) => m.get(id)!.list === li && m.get(id)!.index === k;
      const { brackets, ...run } = i;
      // Outermost bracket (listed first) opens first and closes last.
      for (const id of brackets) if (at(first, id)) rebuilt.push(char('[', id, run));
      rebuilt.push(run);
      for (const id of [...brackets].reverse()) if (at(last, id)) rebuilt.push(char(']', id, run));
    });
    list.splice(0, list.length, ...normalize(rebuilt));
  });
  return out;
}

/** Joins neighbouring text runs with the same marks (after marks were dropped). */
function normalize(list: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const i of list) {
    if (i.t === 'text' && !i.text) continue;
    const prev = out[out.length - 1];
    if (i.t === 'text' && prev?.t === 'text' && sameMarks(prev, i)) prev.text += i.text;
    else out.push(i);
  }
  return out;
}

function sameMarks(a: TextRun, b: TextRun): boolean {
  const { text: _a, ...x } = a;
  const { text: _b, ...y } = b;
  return JSON.stringify(x) === JSON.stringify(y);
}

type Decide = 'accept' | 'reject';

function applyInlines(list: readonly Inline[], how: Decide): Inline[] {
  const out: Inline[] = [];
  for (const i of list) {
    // Rejecting drops inserted text (with any proposal on it); accepting drops deleted text. A
    // footnote reference or cross-reference carries its own proposal marks (model.ts InlineMarks).
    if (how === 'reject' ? i.ins : i.del) continue;
    const { ins: _i, del: _d, ...rest } = i;
    out.push(rest);
  }
  return normalize(out);
}

function applyBlocks(list: readonly Block[], how: Decide, renames: ReadonlyMap<string, string>): Block[] {
  const out: Block[] = [];
  for (const b0 of list) {
    const p = b0.proposal;
    const b: Block = { ...b0, content: applyInlines(b0.content, how), tail: applyInlines(b0.tail, how), children: applyBlocks(b0.children, how, renames) };
    delete b.proposal;
    if (how === 'accept' && p?.kind === 'move-to') b.id = renames.get(b.id) ?? b.id;
    if (p) {
      const goes =
        how === 'reject'
          ? p.kind === 'move-to' || (p.kind === 'ins' && blockIsEmpty(b))
          : p.kind === 'move-from' || p.kind === 'del';
      if (goes) {
        // A deleted paragraph of the base text keeps its place as "deleted" (negotiation numbering),
        // as the editor's "accept" does.
        // Its words stay (as the editor's accept leaves them, struck through): without them the
        // exports would print its number alone, a line that says nothing.
        if (how === 'accept' && p.kind === 'del' && b.base !== undefined) out.push({ ...b, content: unmarked(b0.content), tail: unmarked(b0.tail), status: 'deleted', holder: '' });
        continue;
      }
    }
    out.push(b);
  }
  return out;
}

/** `list` with every proposal mark dropped: all its words, as they stand once the proposals are settled. */
function unmarked(list: readonly Inline[]): Inline[] {
  return normalize(list.map(({ ins: _i, del: _d, ...rest }) => rest));
}

function blockIsEmpty(b: Block): boolean {
  return b.content.length === 0 && b.tail.length === 0 && b.children.length === 0;
}

/**
 * Accepted moves keep the paragraph's id from before the move: each new place (move-to) takes the
 * id of its ghost (move-from), paired in document order, when a move has as many of each (as the
 * editor's accept does, editor/negotiation/moves.ts).
 */
function moveRenames(doc: ResolutionDocument): Map<string, string> {
  const from = new Map<string, string[]>();
  const to = new Map<string, string[]>();
  forEachBlock(doc, (b) => {
    const p = b.proposal;
    if (p?.kind === 'move-from' || p?.kind === 'move-to') {
      const m = p.kind === 'move-from' ? from : to;
      m.set(p.id, [...(m.get(p.id) ?? []), b.id]);
    }
  });
  const out = new Map<string, string>();
  for (const [id, news] of to) {
    const olds = from.get(id) ?? [];
    if (olds.length === news.length) news.forEach((n, k) => out.set(n, olds[k]!));
  }
  return out;
}

function applyAll(doc: ResolutionDocument, how: Decide): ResolutionDocument {
  const m = materializeBrackets(doc);
  const renames = how === 'accept' ? moveRenames(m) : new Map<string, string>();
  return {
    ...m,
    preambular: applyBlocks(m.preambular, how, renames),
    operative: applyBlocks(m.operative, how, renames),
    annexes: m.annexes.map((a) => ({ ...a, paragraphs: applyBlocks(a.paragraphs, how, renames) })),
    footnotes: m.footnotes.map((f) => ({ ...f, content: applyInlines(f.content, how) })),
  };
}

/**
 * The base text: every open proposal rejected — inserted text and paragraphs out, deletion marks
 * dropped, moved paragraphs at their old place — with brackets written out. A paragraph proposed
 * as new that also holds text not inserted by a proposal (split from another) is kept with that text.
 */
export function baseView(doc: ResolutionDocument): ResolutionDocument {
  return applyAll(doc, 'reject');
}

/**
 * The text as if every open proposal were accepted: deleted text and paragraphs out (a base-text
 * paragraph under negotiation numbering stays with status "deleted"), insertions plain, moved
 * paragraphs at their new place — with brackets written out.
 */
export function acceptedView(doc: ResolutionDocument): ResolutionDocument {
  return applyAll(doc, 'accept');
}

/** The document an export in `view` starts from ('compilation' and 'tracked' keep the proposals). */
export function documentForView(doc: ResolutionDocument, view: ProposalView): ResolutionDocument {
  if (view === 'base') return baseView(doc);
  if (view === 'accepted') return acceptedView(doc);
  return doc;
}

/**
 * The message when an export of a draft with open proposals does not say which text it shows
 * (the CLI's exit 2, the export dialog's question).
 */
export function proposalViewQuestion(count: number): string {
  return `the draft has ${count} open ${count === 1 ? 'proposal' : 'proposals'}: say which text to export with --proposals ${PROPOSAL_VIEWS.join('|')} (base: proposals not applied; accepted: as if all were accepted; compilation: proposals inline with delegations; tracked: each proposal a Word tracked change).`;
}
