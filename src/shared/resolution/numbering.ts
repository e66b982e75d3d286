/**
 * The numbers and labels of a document's paragraphs in one arrangement (structure.ts calls it).
 *
 * Why arrangements: a pending move leaves its paragraph twice in the document — a struck `move-from`
 * ghost at the old place and the `move-to` paragraph at the new one. Counting both would number
 * every paragraph between them one too far. So the living paragraphs are numbered as if every
 * pending move were accepted (ghosts left out: the accepted export's numbers), and each ghost
 * shows the number it has if the moves are rejected (new places left out: the base export's
 * numbers), struck through with its text, as Word shows a tracked move.
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { Language } from './model.js';
import { negotiationLabels, operativeNumber, subparagraphLabel } from './labels.js';
import { nestFlat, type FlatItem } from './nesting.js';

/**
 * The list marker an annex paragraph's own text opens with ("•", "(a)", "(iv)"), or "": such a
 * paragraph is an item of a list the source did not nest, never a numbered paragraph.
 */
function ownListMarker(node: PMNode): string {
  const head = node.textBetween(0, Math.min(node.content.size, 12), '', '');
  return /^\s*([•▪◦‣]|\((?:[a-z]|[ivx]{1,5})\))\s/.exec(head)?.[1] ?? '';
}

/** The sections of a document (same as structure.ts `Section`). */
type Section = 'pp' | 'op' | 'ap';

/** A paragraph as the numbering sees it. */
export interface NumberingInput {
  node: PMNode;
  section: Section;
  annex: number;
  /** Numbering group: operative numbers (and frozen base numbers) count from 1 in each group. */
  group: number;
  /** Number of the part the paragraph stands in ("II"), "" outside parts. */
  part: string;
  /** Level (0–4) and tail flag as the file model nests the paragraph (structure.ts). */
  level: number;
  tail: boolean;
  /**
   * A heading or table stands right before it in its container: it closes every open paragraph
   * (nesting.ts), so a subparagraph here belongs to none of the paragraphs above. Absent = false.
   */
  afterBlock?: boolean;
}

/** What the numbering gives a paragraph (see ParaInfo in structure.ts for each field). */
export interface Numbered {
  label: string;
  number: string;
  designation: string;
  subLabels: string[];
}

/** A paragraph's pending move, if it is one side of one. */
export function moveSide(node: PMNode): 'move-from' | 'move-to' | null {
  const k = (node.attrs.proposal as { kind?: string } | null)?.kind;
  return k === 'move-from' || k === 'move-to' ? k : null;
}

/** The indices `idx` split into runs of one numbering group each, in order. */
function byGroup(idx: readonly number[], raws: readonly NumberingInput[]): number[][] {
  const out: number[][] = [];
  let g: number | null = null;
  for (const i of idx) {
    if (raws[i]!.group !== g) {
      g = raws[i]!.group;
      out.push([]);
    }
    out[out.length - 1]!.push(i);
  }
  return out;
}

/**
 * Numbers the paragraphs `raws[i]` with `keep[i]` true, as if the others were not there: the
 * result has an entry at every kept index and none elsewhere. `negotiation` says whether frozen
 * base numbers are in use; `restarts` whether operative numbering restarts per part (then an
 * operative paragraph in a part is designated with its part, "II.OP2"). The counts are of
 * level-0 paragraphs kept (operative ones not deleted).
 */
export function numberParagraphs(
  raws: readonly NumberingInput[],
  keep: readonly boolean[],
  lang: Language,
  negotiation: boolean,
  restarts: boolean,
): { out: (Numbered | undefined)[]; preambularCount: number; operativeCount: number } {
  const deleted = (i: number) => raws[i]!.node.attrs.status === 'deleted';
  // The kept paragraphs nested by the one rule (nesting.ts): a change of section or annex, a
  // heading and a table close every paragraph.
  const flat: FlatItem[] = [];
  /** Per flat item: the index in `raws` of the paragraph, -1 for a closing mark. */
  const rawAt: number[] = [];
  let prev: NumberingInput | undefined;
  for (let i = 0; i < raws.length; i++) {
    if (!keep[i]) continue;
    const r = raws[i]!;
    if (r.afterBlock || (prev && (prev.section !== r.section || prev.annex !== r.annex))) {
      flat.push({ level: 0, tail: false, block: true });
      rawAt.push(-1);
    }
    flat.push({ level: r.level, tail: r.tail });
    rawAt.push(i);
    prev = r;
  }
  const nesting = nestFlat(flat);
  // Level-0 paragraphs of each section (a tail with nothing to continue is one) carry the numbers.
  const tops = { pp: [] as number[], op: [] as number[], ap: [] as number[] };
  rawAt.forEach((i, f) => {
    if (i >= 0 && !nesting[f]!.tail && nesting[f]!.level === 0) tops[raws[i]!.section].push(i);
  });
  const numberOf = new Map<number, string>();
  const plainNumber = new Map<number, number>();
  for (const section of ['pp', 'op'] as const) {
    const idx = tops[section];
    if (negotiation) {
      // Each numbering group has its own base numbers and its own inserts: after OP2 of a part
      // that restarts the numbering comes OP2bis of that part, not OP2ter of the document.
      for (const run of section === 'op' ? byGroup(idx, raws) : [idx]) {
        const labels = negotiationLabels(
          run.map((i) => ({ base: (raws[i]!.node.attrs.base as number | null) ?? undefined, deleted: deleted(i) })),
          section === 'pp' ? 'PP' : 'OP',
        );
        run.forEach((i, k) => numberOf.set(i, labels[k]!));
      }
    } else {
      let k = 0;
      let g = -1;
      for (const i of idx) {
        if (section === 'op' && raws[i]!.group !== g) {
          g = raws[i]!.group;
          k = 0;
        }
        if (deleted(i)) {
          numberOf.set(i, section === 'pp' ? 'PP–' : 'OP–');
          continue;
        }
        k++;
        plainNumber.set(i, k);
        numberOf.set(i, (section === 'pp' ? 'PP' : 'OP') + k);
      }
    }
  }
  // Annex paragraphs: numbered per annex.
  {
    let group = -1;
    let k = 0;
    for (const i of tops.ap) {
      const r = raws[i]!;
      if (r.group !== group) {
        group = r.group;
        k = 0;
      }
      // A bullet or an "(a)"/"(i)" item kept as a top-level paragraph (the annex lists of 78/317
      // and 79/233) is printed with its own marker and takes no number.
      const marker = ownListMarker(r.node);
      // An unnumbered paragraph (a declaration's preamble, schema.ts `ap`) takes no number either.
      if (r.node.attrs.unnumbered === true) continue;
      if (marker) {
        numberOf.set(i, `Annex${r.annex + 1} ${marker}`);
        continue;
      }
      k++;
      plainNumber.set(i, k);
      numberOf.set(i, `Annex${r.annex + 1}.${k}`);
    }
  }
  const living = tops.op.filter((i) => !deleted(i));
  // Operative paragraphs per numbering group: a group of one (a single paragraph, or the only
  // paragraph of a part that restarts the numbering) is not numbered.
  const groupCount = new Map<number, number>();
  for (const i of living) groupCount.set(raws[i]!.group, (groupCount.get(raws[i]!.group) ?? 0) + 1);

  // Subparagraph labels and designations, from that nesting. A subparagraph's counter counts the siblings before it at its own level under the same
  // parent, since the last sibling of a shallower level, so a level a paragraph skips
  // (Block.skip) has no label in its designation. Subparagraphs with no paragraph above them
  // (after a heading, or after the tail that closes their paragraph's list) hang from the top of
  // their container: their designation names no paragraph, only their own labels.
  const out = new Array<Numbered | undefined>(raws.length);
  /** Per flat item: the label it printed. */
  const labelAt: string[] = [];
  /** Per parent (flat index, -1 for the top of a container): the count of children at each level. */
  const counts = new Map<number, number[]>();
  /** The last top-level annex paragraph whose list an unnumbered one after it carries on, -1 for none. */
  let listAbove = -1;
  rawAt.forEach((i, f) => {
    const at = nesting[f]!;
    if (i < 0) {
      // A fresh container or a heading: the top of the container counts afresh.
      counts.delete(-1);
      labelAt.push('');
      listAbove = -1;
      return;
    }
    const r = raws[i]!;
    if (r.section === 'ap' && at.level === 0) {
      // An unnumbered annex paragraph inside a numbered paragraph's list (a sub-heading between
      // its items (b) and (c), A/RES/79/323) does not restart the list: its items carry on from
      // the items above it. A heading or a tail closes that list.
      if (!at.tail && r.node.attrs.unnumbered === true && listAbove >= 0) counts.set(f, [0, counts.get(listAbove)?.[1] ?? 0, 0, 0, 0]);
      listAbove = at.tail ? -1 : f;
    }
    let label = '';
    if (!at.tail && at.level === 0) {
      const n = plainNumber.get(i);
      if (r.section === 'op') {
        if (negotiation) label = numberOf.get(i) ?? '';
        else if (n !== undefined && living.length > 1 && (groupCount.get(r.group) ?? 0) > 1) label = operativeNumber(n, lang);
      } else if (r.section === 'ap' && n !== undefined) label = operativeNumber(n, lang);
      else if (r.section === 'pp' && negotiation) label = numberOf.get(i) ?? '';
    }
    if (!at.tail) {
      let c = counts.get(at.parent);
      if (!c) counts.set(at.parent, (c = [0, 0, 0, 0, 0]));
      // A paragraph whose list the document numbers "1.", "2." (model.ts Block.listLabels).
      const digits = at.parent >= 0 && rawAt[at.parent]! >= 0 && raws[rawAt[at.parent]!]!.node.attrs.listLabels === 'digits';
      if (at.level > 0) label = digits ? `${c[at.level]! + 1}.` : subparagraphLabel(c[at.level]!, at.level as 1 | 2 | 3 | 4, lang);
      c[at.level]!++;
      // A shallower sibling closes the lists below it, even at the top (orphan subparagraphs).
      for (let l = at.level + 1; l <= 4; l++) c[l] = 0;
    }
    labelAt.push(label);
    // The chain up from the paragraph (or, for a tail, from the paragraph it continues).
    const subLabels: string[] = [];
    let top = -1;
    for (let g = at.tail ? at.parent : f; g >= 0; g = nesting[g]!.parent) {
      if (nesting[g]!.level > 0) subLabels.unshift(labelAt[g]!);
      else top = rawAt[g]!;
    }
    const number = top >= 0 ? (numberOf.get(top) ?? '') : '';
    const named = restarts && r.section === 'op' && r.part !== '' && number !== '' ? `${r.part}.${number}` : number;
    const designation = [named, ...subLabels].filter((x) => x !== '').join(' ');
    out[i] = { label, number, designation, subLabels };
  });
  return { out, preambularCount: tops.pp.length, operativeCount: living.length };
}

/**
 * The new place of each moved paragraph: ghost id → id of its `move-to` paragraph, pairing a
 * move's ghosts and new places in document order when the move has as many of each (as accepting
 * it pairs them, editor/negotiation/moves.ts and negotiation/views.ts).
 */
export function movedTo(nodes: readonly PMNode[]): Map<string, string> {
  const from = new Map<string, string[]>();
  const to = new Map<string, string[]>();
  for (const n of nodes) {
    const side = moveSide(n);
    if (!side) continue;
    const pid = (n.attrs.proposal as { id: string }).id;
    const m = side === 'move-from' ? from : to;
    m.set(pid, [...(m.get(pid) ?? []), n.attrs.id as string]);
  }
  const out = new Map<string, string>();
  for (const [pid, olds] of from) {
    const news = to.get(pid) ?? [];
    if (olds.length === news.length) olds.forEach((o, k) => out.set(o, news[k]!));
  }
  return out;
}
