/**
 * The paragraph level of merging a Word file (see merge.ts for the whole): types, the author
 * map, proposals being made, and one paragraph of THEIRS merged into one paragraph of the draft.
 *
 * Merging a delegation's Word file into the draft: their tracked insertions and deletions become
 * proposals by their authors' delegations, their comments paragraph notes, and text they changed
 * without Track Changes proposals by the file's author, flagged (a note on the paragraph and the
 * summary say so). Nothing is applied: every change comes in as an open proposal, and whatever
 * cannot be placed is listed.
 *
 * Alignment. A file exported by Plenary carries each paragraph's id in a hidden bookmark
 * (`_pl<id>`, docx-tracked.ts); other files are aligned by text, in order (exact text first, then
 * the most similar paragraph nearby, Dice ≥ 0.6 over words). Within a paragraph, the text of
 * THEIRS as it was before their revisions (everything not inserted) is compared word by word with
 * the draft's text as the exports print it (brackets written out, cross-references worded,
 * footnote references as one character, labels left out), so each of their revisions lands on
 * the draft's own characters, keeping footnotes, cross-references, brackets and marks.
 * Pure: works on the parsed Word file (word-read.ts) and the plain document.
 */
import { Mark, type Node as PMNode } from 'prosemirror-model';
import { schema } from '../resolution/schema.js';
import { xrefText, type DocStructure, type ParaInfo } from '../resolution/structure.js';
import type { ResolutionDocument } from '../resolution/model.js';
import { diffTokens, wordDiff } from '../text/diff.js';
import { newId } from '../ids.js';
import type { ParagraphNote } from './notes.js';
import type { WordParagraph, WordRevision, WordRun } from './word-read.js';

/** Options of {@link mergeWord}. */
export interface MergeOptions {
  /** Word author name → delegation ("jdoe" → "Mexico"); unmapped authors stand for themselves. */
  authorMap?: Readonly<Record<string, string>>;
  /** Name of THEIRS for messages and notes. */
  fileName: string;
  /** Time of the merge (ISO), used for revisions and notes without a date. */
  now: string;
}

/** What came in from one delegation. */
export interface DelegationSummary {
  delegation: string;
  insertions: number;
  deletions: number;
  paragraphsInserted: number;
  paragraphsDeleted: number;
  moves: number;
  /** Of the above, how many were made without Track Changes (attributed to the file's author). */
  untracked: number;
  notes: number;
}

/** Something of THEIRS that could not be placed in the draft. */
export interface Unplaced {
  /** "paragraph", "comment", "missing paragraph" (English, for the CLI). */
  what: string;
  text: string;
  /** Why, in English (for the CLI); the interface says it again from `kind` and `designation`. */
  reason: string;
  /** Which case: a paragraph outside the numbered ones, a draft paragraph missing from the file, a comment without its paragraph. */
  kind: 'outside' | 'missing' | 'comment';
  /** For `missing`: the draft paragraph's designation ("OP 3"). */
  designation?: string;
}

/** The summary a merge shows before anything is saved. */
export interface MergeSummary {
  /** How paragraphs were aligned: by Plenary's ids, or by text. */
  alignedBy: 'id' | 'text';
  paragraphsAligned: number;
  /** Paragraphs of the draft that have text (the most that can be aligned). */
  paragraphsWithText: number;
  delegations: DelegationSummary[];
  unplaced: Unplaced[];
}

/** The result: the draft with the new proposals, the new notes, and the summary. */
export interface MergeResult {
  document: ResolutionDocument;
  notes: ParagraphNote[];
  summary: MergeSummary;
}

/** Parses "--author-map" text: "Word author=Delegation;other=Other". Throws on a malformed pair. */
export function parseAuthorMap(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(';')) {
    if (!pair.trim()) continue;
    const eq = pair.indexOf('=');
    const from = pair.slice(0, eq).trim();
    const to = pair.slice(eq + 1).trim();
    if (eq < 0 || !from || !to) throw new Error(`"${pair.trim()}" is not "Word author=Delegation".`);
    out[from] = to;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The draft's paragraphs as the exports print them.

/** One printed piece of a draft paragraph. */
export interface Atom {
  /** The printed characters (one for text and footnotes; the wording of a cross-reference). */
  str: string;
  /** The PM text character or atom node it comes from; null for a written-out bracket. */
  node: PMNode | null;
  /** Text of an open insertion: not part of the text THEIRS started from. */
  inserted: boolean;
}

export function draftAtoms(paras: readonly ParaInfo[], s: DocStructure, lang: ResolutionDocument['meta']['language']): Map<string, Atom[]> {
  const first = new Map<string, string>();
  const last = new Map<string, string>();
  let k = 0;
  for (const p of paras) {
    p.node.forEach((c) => {
      for (const m of c.marks) {
        if (m.type.name !== 'bracket') continue;
        const key = `${k}`;
        if (!first.has(m.attrs.id as string)) first.set(m.attrs.id as string, key);
        last.set(m.attrs.id as string, key);
      }
      k++;
    });
  }
  const out = new Map<string, Atom[]>();
  k = 0;
  for (const p of paras) {
    const atoms: Atom[] = [];
    p.node.forEach((c, offset) => {
      const key = `${k++}`;
      const ids = c.marks.filter((m) => m.type.name === 'bracket').map((m) => m.attrs.id as string);
      const inserted = c.marks.some((m) => m.type.name === 'insertion');
      // Written-out brackets are virtual: matched when THEIRS has them, skipped when not.
      for (const id of ids) if (first.get(id) === key) atoms.push({ str: '[', node: null, inserted: false });
      if (c.isText) for (const ch of c.text ?? '') atoms.push({ str: ch, node: c.type.schema.text(ch, c.marks), inserted });
      else if (c.type.name === 'footnote') atoms.push({ str: '\uFFFC', node: c, inserted });
      else if (c.type.name === 'xref') atoms.push({ str: xrefText(c.attrs.targets as string[], p.pos + 1 + offset, s, lang).text, node: c, inserted });
      for (const id of [...ids].reverse()) if (last.get(id) === key) atoms.push({ str: ']', node: null, inserted: false });
    });
    out.set(p.id, atoms);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// THEIRS' paragraphs.

/** Removes the printed label ("1.", "(a)", "PP3") and its tab from the start of a paragraph. */
export function stripLabel(p: WordParagraph): WordRun[] {
  const all = p.runs.map((r) => r.text).join('');
  const m = /^[\p{L}\p{N}().\-–\s]{1,14}\t/u.exec(all);
  if (!m) return p.runs;
  let cut = m[0].length;
  const out: WordRun[] = [];
  for (const r of p.runs) {
    if (cut >= r.text.length) {
      cut -= r.text.length;
      continue;
    }
    out.push(cut ? { ...r, text: r.text.slice(cut) } : r);
    cut = 0;
  }
  return out;
}

/** Whether a run was there before THEIRS' revisions (not inserted, not moved here). */
export function wasThere(r: WordRun): boolean {
  return !r.ins && r.move?.dir !== 'to';
}

/** A run's deletion: tracked deletion or moved away. */
export function deletionOf(r: WordRun): WordRevision | undefined {
  return r.del ?? (r.move?.dir === 'from' ? r.move : undefined);
}

/** A run's insertion: tracked insertion or moved here. */
export function insertionOf(r: WordRun): WordRevision | undefined {
  return r.ins ?? (r.move?.dir === 'to' ? r.move : undefined);
}

export const norm = (t: string) => t.replace(/\s+/g, ' ').trim();

export function dice(a: string, b: string): number {
  const bag = (t: string) => {
    const m = new Map<string, number>();
    for (const w of diffTokens(t.toLowerCase())) if (/\S/.test(w)) m.set(w, (m.get(w) ?? 0) + 1);
    return m;
  };
  const x = bag(a);
  const y = bag(b);
  let both = 0;
  let nx = 0;
  let ny = 0;
  for (const v of x.values()) nx += v;
  for (const v of y.values()) ny += v;
  for (const [w, v] of x) both += Math.min(v, y.get(w) ?? 0);
  return nx + ny ? (2 * both) / (nx + ny) : 0;
}

// ---------------------------------------------------------------------------------------------
// Proposals being made.

export interface NewProposal {
  id: string;
  by: string;
  at: string;
  kind: 'ins' | 'del';
  untracked: boolean;
  parent?: string;
  paragraph: string;
}

export class Proposals {
  readonly list: NewProposal[] = [];
  private open = new Map<string, NewProposal>();
  constructor(
    private readonly opts: MergeOptions,
    readonly fileAuthor: string,
  ) {}

  delegation(author: string): string {
    const a = author.trim() || this.fileAuthor;
    return this.opts.authorMap?.[a] ?? a;
  }

  /** The proposal a run of `kind` by `rev` continues, or a new one (contiguous runs share an id). */
  take(kind: 'ins' | 'del', rev: WordRevision | null, paragraph: string, parent?: string): NewProposal {
    const by = rev ? this.delegation(rev.author) : this.delegation(this.fileAuthor);
    const key = `${kind}|${by}|${rev ? 't' : 'u'}|${parent ?? ''}`;
    const cur = this.open.get(key);
    if (cur && cur.paragraph === paragraph) return cur;
    const at = rev?.date && !Number.isNaN(Date.parse(rev.date)) ? new Date(rev.date).toISOString() : this.opts.now;
    const p: NewProposal = { id: newId('m'), by, at, kind, untracked: !rev, paragraph, ...(parent ? { parent } : {}) };
    this.list.push(p);
    this.open.set(key, p);
    return p;
  }

  /** Ends every contiguous run (called when something else comes between). */
  breakExcept(keep: readonly NewProposal[]): void {
    for (const [k, p] of this.open) if (!keep.includes(p)) this.open.delete(k);
  }
}

export function insMark(p: NewProposal): Mark {
  return schema.marks.insertion.create({ id: p.id, by: p.by, at: p.at, parent: p.parent ?? '' });
}

export function delMark(p: NewProposal): Mark {
  return schema.marks.deletion.create({ id: p.id, by: p.by, at: p.at, parent: p.parent ?? '' });
}

/** Adds `mark` to a node unless it already has a mark of that type. */
function withMark(node: PMNode, mark: Mark): PMNode {
  return mark.type.isInSet(node.marks) ? node : node.mark(mark.addToSet(node.marks));
}

/** The new content of draft paragraph `atoms` with THEIRS' paragraph `runs` merged in. */
export function mergeParagraph(atoms: readonly Atom[], runs: readonly WordRun[], props: Proposals, paragraph: string): PMNode[] {
  const out: PMNode[] = [];
  // Positions of the draft's base text (not inserted) and THEIRS' text before their revisions.
  const baseIdx: number[] = [];
  let draftText = '';
  atoms.forEach((a, i) => {
    if (a.inserted) return;
    for (let c = 0; c < a.str.length; c++) baseIdx.push(i);
    draftText += a.str;
  });
  let theirText = '';
  for (const r of runs) if (wasThere(r)) theirText += r.text;
  // Map each character of THEIRS' old text to a draft atom (or -1: text they added untracked).
  const map: number[] = [];
  let d = 0;
  for (const op of wordDiff(theirText, draftText)) {
    if (op.op === 'eq') for (let c = 0; c < op.text.length; c++) map.push(baseIdx[d++]!);
    else if (op.op === 'del') for (let c = 0; c < op.text.length; c++) map.push(-1);
    else d += op.text.length;
  }
  let next = 0; // next draft atom to emit
  const emitDraftUpTo = (end: number) => {
    // Draft atoms THEIRS does not have: kept when proposed text (inserted) or a bracket, otherwise
    // deleted without Track Changes by the file's author.
    for (; next < end; next++) {
      const a = atoms[next]!;
      if (!a.node) continue;
      if (a.inserted) out.push(a.node);
      else {
        const p = props.take('del', null, paragraph);
        props.breakExcept([p]);
        out.push(withMark(a.node, delMark(p)));
      }
    }
  };
  let k = 0; // position in theirText
  for (const r of runs) {
    const ins = insertionOf(r);
    const del = deletionOf(r);
    if (!wasThere(r)) {
      // New text: theirs, or a proposal the draft already has at this place (same delegation, same text).
      for (const ch of r.text) {
        const a = atoms[next];
        if (a?.inserted && a.node && a.str === ch && insOf(a.node)?.attrs.by === props.delegation(ins!.author)) {
          out.push(a.node);
          next++;
          continue;
        }
        const p = props.take('ins', ins!, paragraph);
        let node = schema.text(ch, [insMark(p)]);
        if (del) {
          const q = props.take('del', del, paragraph, p.id);
          props.breakExcept([p, q]);
          node = withMark(node, delMark(q));
        } else props.breakExcept([p]);
        out.push(node);
      }
      continue;
    }
    for (let c = 0; c < r.text.length; c++, k++) {
      const target = map[k]!;
      if (target < 0) {
        // Text THEIRS has that the draft has not: added without Track Changes (unless they deleted it).
        if (del) continue;
        const p = props.take('ins', null, paragraph);
        props.breakExcept([p]);
        out.push(schema.text(r.text[c]!, [insMark(p)]));
        continue;
      }
      if (target < next) continue; // the rest of a multi-character atom (a cross-reference)
      emitDraftUpTo(target);
      const a = atoms[target]!;
      next = target + 1;
      if (!a.node) continue;
      const existing = delOf(a.node);
      if (del && !(existing && existing.attrs.by === props.delegation(del.author))) {
        const p = props.take('del', del, paragraph);
        props.breakExcept([p]);
        out.push(withMark(a.node, delMark(p)));
      } else {
        if (!del) props.breakExcept([]);
        out.push(a.node);
      }
    }
  }
  emitDraftUpTo(atoms.length);
  return joinText(out);
}

function insOf(n: PMNode): Mark | undefined {
  return n.marks.find((m) => m.type.name === 'insertion');
}

function delOf(n: PMNode): Mark | undefined {
  return n.marks.find((m) => m.type.name === 'deletion');
}

/** Joins neighbouring text nodes with the same marks. */
function joinText(nodes: readonly PMNode[]): PMNode[] {
  const out: PMNode[] = [];
  for (const n of nodes) {
    const prev = out[out.length - 1];
    if (prev?.isText && n.isText && Mark.sameSet(prev.marks, n.marks)) out[out.length - 1] = schema.text((prev.text ?? '') + (n.text ?? ''), n.marks);
    else out.push(n);
  }
  return out;
}

