/**
 * Conversion between the plain ResolutionDocument and the editor's ProseMirror document.
 * The two carry the same information: `fromDoc(toDoc(d))` equals `d` (up to footnote order,
 * which the PM document derives from position, and ids generated for blocks that had none).
 */
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { newId } from '../ids.js';
import type { Annex, Block, Footnote, Inline, InlineMarks, Proposal, ResolutionDocument, TextRun } from './model.js';
import { nestFlat, type Nesting } from './nesting.js';
import { schema } from './schema.js';

type FootnoteMap = Map<string, Footnote>;

/** The editor marks of an inline's InlineMarks (a text run's, a footnote's or a cross-reference's). */
function marksOf(i: InlineMarks): Mark[] {
  const marks: Mark[] = [];
  if (i.em) marks.push(schema.marks.em.create());
  if (i.symbolRef) marks.push(schema.marks.symbolRef.create({ symbol: i.symbolRef }));
  if (i.link) marks.push(schema.marks.link.create({ href: i.link }));
  if (i.ins) marks.push(schema.marks.insertion.create({ ...i.ins, parent: i.ins.parent ?? '' }));
  if (i.del) marks.push(schema.marks.deletion.create({ ...i.del, parent: i.del.parent ?? '' }));
  for (const b of i.brackets ?? []) marks.push(schema.marks.bracket.create({ id: b }));
  return marks;
}

/** Sets on `into` the InlineMarks of editor marks (the inverse of marksOf). */
function readMarks(marks: readonly Mark[], into: InlineMarks): void {
  for (const m of marks) {
    if (m.type.name === 'em') into.em = true;
    else if (m.type.name === 'symbolRef') into.symbolRef = m.attrs.symbol as string;
    else if (m.type.name === 'link') into.link = m.attrs.href as string;
    else if (m.type.name === 'insertion') into.ins = proposalOf(m);
    else if (m.type.name === 'deletion') into.del = proposalOf(m);
    else if (m.type.name === 'bracket') (into.brackets ??= []).push(m.attrs.id as string);
  }
}

function inlineNodes(inlines: readonly Inline[], notes: FootnoteMap): PMNode[] {
  const out: PMNode[] = [];
  for (const i of inlines) {
    if (i.t === 'text') {
      if (!i.text) continue;
      out.push(schema.text(i.text, marksOf(i)));
    } else if (i.t === 'fn') {
      const note = notes.get(i.id);
      const inner = note ? inlineNodes(note.content.filter((c) => c.t === 'text'), notes) : [];
      out.push(schema.nodes.footnote.create({ id: i.id }, inner, marksOf(i)));
    } else {
      out.push(schema.nodes.xref.create({ targets: [...i.targets] }, null, marksOf(i)));
    }
  }
  return out;
}

function blockAttrs(b: Block, level: number, tail: boolean) {
  return {
    id: tail ? `${b.id}-tail` : b.id || newId(),
    level,
    tail,
    phrase: tail ? null : (b.phrase ?? null),
    status: b.status ?? '',
    holder: b.holder ?? '',
    provenance: tail ? null : (b.provenance ?? null),
    base: tail ? null : (b.base ?? null),
    proposal: tail ? null : (b.proposal ?? null),
    quoted: b.quoted === true,
    listLabels: tail ? null : (b.listLabels ?? null),
  };
}

function flatten(type: 'pp' | 'op' | 'ap', blocks: readonly Block[], level: number, notes: FootnoteMap, out: PMNode[]): void {
  for (const b of blocks) {
    if (b.heading) {
      const h = b.heading;
      const resolution = h.resolution === true;
      out.push(schema.nodes.heading.create({ id: b.id || newId(), level: resolution ? 1 : h.level, num: h.num, restart: resolution || h.restart === true, resolution }, inlineNodes(b.content, notes)));
      continue;
    }
    if (b.table) {
      out.push(schema.nodes.table.create({ id: b.id || newId(), header: b.table.header, rows: b.table.rows.map((r) => [...r]) }));
      continue;
    }
    const kind = (b.preambular || b.quoted) && type === 'op' ? 'pp' : type;
    const own = Math.min(level + (b.skip ?? 0), 4);
    // An annex's unnumbered paragraph keeps its flag on the `ap` node (schema.ts), as a part's
    // preamble keeps its own as a `pp` node.
    const attrs = kind === 'ap' ? { ...blockAttrs(b, own, false), unnumbered: b.preambular === true } : blockAttrs(b, own, false);
    out.push(schema.nodes[kind].create(attrs, inlineNodes(b.content, notes)));
    if (b.children.length) flatten(kind, b.children, Math.min(own + 1, 4), notes, out);
    if (b.tail.length) out.push(schema.nodes[kind].create(blockAttrs(b, own, true), inlineNodes(b.tail, notes)));
  }
}

/** Builds the editor document from a ResolutionDocument. */
export function toDoc(d: ResolutionDocument): PMNode {
  const notes: FootnoteMap = new Map(d.footnotes.map((f) => [f.id, f]));
  const children: PMNode[] = [];
  flatten('pp', d.preambular, 0, notes, children);
  const ops: PMNode[] = [];
  flatten('op', d.operative, 0, notes, ops);
  if (!ops.some((n) => n.type.name === 'op' || n.type.name === 'heading')) ops.unshift(schema.nodes.op.create({ id: newId() }));
  children.push(...ops);
  for (const a of d.annexes) {
    const paras: PMNode[] = [];
    flatten('ap', a.paragraphs, 0, notes, paras);
    if (paras.length === 0) paras.push(schema.nodes.ap.create({ id: newId() }));
    children.push(schema.nodes.annex.create({ id: a.id || newId('x'), heading: a.heading, title: a.title, inBody: a.inBody === true }, paras));
  }
  return schema.nodes.doc.create({ meta: d.meta }, children);
}

/** The Proposal an insertion or deletion mark carries (no `parent` when it has none). */
export function proposalOf(m: Mark): Proposal {
  const p: Proposal = { id: m.attrs.id as string, by: m.attrs.by as string, at: m.attrs.at as string };
  if (m.attrs.parent) p.parent = m.attrs.parent as string;
  return p;
}

function sameMarks(a: TextRun, b: TextRun): boolean {
  return (
    a.em === b.em &&
    a.symbolRef === b.symbolRef &&
    a.link === b.link &&
    a.ins?.id === b.ins?.id &&
    a.del?.id === b.del?.id &&
    (a.brackets ?? []).join() === (b.brackets ?? []).join()
  );
}

function inlinesOf(node: PMNode, footnotes: Footnote[]): Inline[] {
  const out: Inline[] = [];
  node.forEach((child) => {
    if (child.isText) {
      const run: TextRun = { t: 'text', text: child.text ?? '' };
      readMarks(child.marks, run);
      const prev = out[out.length - 1];
      if (prev && prev.t === 'text' && sameMarks(prev, run)) {
        prev.text += run.text;
      } else out.push(run);
    } else if (child.type.name === 'footnote') {
      const id = (child.attrs.id as string) || newId('f');
      footnotes.push({ id, content: inlinesOf(child, footnotes) });
      const fn: Inline = { t: 'fn', id };
      readMarks(child.marks, fn);
      out.push(fn);
    } else if (child.type.name === 'xref') {
      const x: Inline = { t: 'xref', targets: [...(child.attrs.targets as string[])] };
      readMarks(child.marks, x);
      out.push(x);
    }
  });
  return out;
}

function blockFromNode(n: PMNode, footnotes: Footnote[]): Block {
  const a = n.attrs;
  const b: Block = { id: a.id as string, content: inlinesOf(n, footnotes), children: [], tail: [] };
  if (a.phrase !== null) b.phrase = a.phrase as number;
  if (a.status) b.status = a.status as Block['status'];
  if (a.holder) b.holder = a.holder as string;
  if (a.provenance) b.provenance = a.provenance as Block['provenance'];
  if (a.base !== null) b.base = a.base as number;
  if (a.proposal) b.proposal = a.proposal as Block['proposal'];
  if (a.quoted) b.quoted = true;
  if (a.listLabels === 'digits') b.listLabels = 'digits';
  return b;
}

/** A flat node as the nesting rule reads it. */
const flatItem = (n: PMNode) => ({ level: (n.attrs.level as number | undefined) ?? 0, tail: n.attrs.tail === true, block: n.type.name === 'heading' || n.type.name === 'table' });

/**
 * Rebuilds nested blocks from flat paragraphs with levels, by the one nesting rule (nesting.ts
 * `nestFlat`). Headings and tables stand at the top and close any open paragraph; with
 * `partPreambles`, top-level `pp` nodes are the preambular paragraphs of a part (`preambular: true`).
 */
export function nestBlocks(nodes: readonly PMNode[], footnotes: Footnote[], partPreambles = false): Block[] {
  const root: Block[] = [];
  const nesting = nestFlat(nodes.map(flatItem));
  const blocks: Block[] = [];
  nodes.forEach((n, i) => {
    const at = nesting[i]!;
    let b: Block;
    if (n.type.name === 'heading') {
      const a = n.attrs;
      const heading: NonNullable<Block['heading']> = { level: a.level === 2 ? 2 : 1, num: a.num as string };
      if (a.restart) heading.restart = true;
      if (a.resolution === true) Object.assign(heading, { level: 1, restart: true, resolution: true });
      // A pasted heading has no id yet: give it one, as files require.
      b = { id: (a.id as string) || newId('h'), content: inlinesOf(n, footnotes), children: [], tail: [], heading };
    } else if (n.type.name === 'table') {
      b = { id: (n.attrs.id as string) || newId('t'), content: [], children: [], tail: [], table: { header: n.attrs.header === true, rows: (n.attrs.rows as string[][]).map((r) => [...r]) } };
    } else if (at.tail) {
      blocks[at.parent]!.tail.push(...inlinesOf(n, footnotes));
      return;
    } else {
      b = blockFromNode(n, footnotes);
      if (at.skip > 0) b.skip = at.skip;
      if (at.parent < 0 && partPreambles && n.type.name === 'pp' && !b.quoted) b.preambular = true;
      if (at.parent < 0 && n.type.name === 'ap' && n.attrs.unnumbered === true) b.preambular = true;
    }
    blocks[i] = b;
    if (at.parent < 0) root.push(b);
    else blocks[at.parent]!.children.push(b);
  });
  return root;
}

/** A node of the document with its position. */
export interface Placed {
  node: PMNode;
  pos: number;
}

/** The containers the file model reads a document as: preamble, operative part, each annex's paragraphs. */
export interface Containers {
  preamble: Placed[];
  operative: Placed[];
  annexes: { node: PMNode; items: Placed[] }[];
}

/** Splits `doc` into the containers of the file model (see {@link Containers}). */
export function containersOf(doc: PMNode): Containers {
  const body: Placed[] = [];
  const annexes: Containers['annexes'] = [];
  doc.forEach((n, offset) => {
    if (n.type.name !== 'annex') body.push({ node: n, pos: offset });
    else {
      const items: Placed[] = [];
      n.forEach((c, o) => items.push({ node: c, pos: offset + 1 + o }));
      annexes.push({ node: n, items });
    }
  });
  // The preamble runs to its last paragraph before the first operative one: a heading there
  // heads preambular paragraphs; headings after it open the operative part or a part of it.
  const firstOp = body.findIndex((p) => p.node.type.name === 'op');
  let split = 0;
  body.forEach((p, i) => {
    if (p.node.type.name === 'pp' && (firstOp < 0 || i < firstOp)) split = i + 1;
  });
  return { preamble: body.slice(0, split), operative: body.slice(split), annexes };
}

/**
 * Where each paragraph of `doc` belongs in the file model (nesting.ts), by the paragraph's
 * position: what the editor shows must be what a saved file reopens as.
 */
export function nestingByPos(doc: PMNode): Map<number, Nesting> {
  const out = new Map<number, Nesting>();
  const c = containersOf(doc);
  for (const items of [c.preamble, c.operative, ...c.annexes.map((a) => a.items)]) {
    const nesting = nestFlat(items.map((p) => flatItem(p.node)));
    items.forEach((p, i) => out.set(p.pos, nesting[i]!));
  }
  return out;
}

/** Extracts the ResolutionDocument from an editor document. */
export function fromDoc(doc: PMNode): ResolutionDocument {
  const footnotes: Footnote[] = [];
  const c = containersOf(doc);
  const nodes = (items: readonly Placed[]) => items.map((p) => p.node);
  const preambular = nestBlocks(nodes(c.preamble), footnotes);
  const operative = nestBlocks(nodes(c.operative), footnotes, true);
  const annexes: Annex[] = c.annexes.map(({ node: a, items }) => ({
    id: a.attrs.id as string,
    heading: a.attrs.heading as string,
    title: a.attrs.title as string,
    paragraphs: nestBlocks(nodes(items), footnotes),
    ...(a.attrs.inBody === true ? { inBody: true } : {}),
  }));
  return { meta: doc.attrs.meta as ResolutionDocument['meta'], preambular, operative, footnotes, annexes };
}
