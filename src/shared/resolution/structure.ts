/**
 * The derived structure of an editor document: for every paragraph its number or label, its
 * designation ("PP3", "OP7 (a) (ii)", "OP7bis"), its role for end punctuation, and where it is.
 * Computed in one pass over the document's paragraphs; the editor recomputes it on every change
 * (a few microseconds per paragraph) and reuses it for labels, cross-references, the outline and
 * the checks.
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { Language, Organ } from './model.js';
import { detectOpeningPhrase, organGender } from './lexicon.js';
import { negotiationLabels, operativeNumber, subparagraphLabel } from './labels.js';
import { brokenCrossRef, formatCrossRef, type CrossRefWording } from './xref.js';

/** The three sections a paragraph can belong to. */
export type Section = 'pp' | 'op' | 'ap';

/** Punctuation role of a paragraph after resolving "last of a list takes the parent's ending". */
export type EffectiveRole = 'pp' | 'op' | 'op-last' | 'lead-in' | 'sub';

/** What is known about one paragraph. */
export interface ParaInfo {
  id: string;
  section: Section;
  level: number;
  tail: boolean;
  /** Position of the paragraph node in the document. */
  pos: number;
  node: PMNode;
  /** Index among the paragraphs of the whole document. */
  index: number;
  /** Label printed before the text: "7.", "(a)", "a)", "7 - ", "" (PPs, tails, a single OP). */
  label: string;
  /**
   * Short designation for outline, lists, compilation and comparison: "PP3", "OP7 (a)", "Annex 2".
   * Where operative numbering restarts per part, an operative paragraph in a part is named with
   * its part, as UN texts say "paragraph 2 of section II": "II.OP2", "II.OP2bis (a)".
   */
  designation: string;
  /** Designation of the level-0 paragraph alone ("OP7"), for "paragraph 7". */
  number: string;
  /** Labels of the chain of subparagraphs, e.g. ["(a)", "(ii)"]. */
  subLabels: string[];
  role: EffectiveRole;
  /** Annex index (0-based) for annex paragraphs. */
  annex: number;
  /** Deleted in negotiation (kept in place as "[deleted]"). */
  deleted: boolean;
  /** Number of the part (level-1 heading) the paragraph stands in ("II"), or "" outside parts. */
  part: string;
  /** Index of that part among the document's level-1 headings, -1 outside parts. */
  partIndex: number;
  /** Numbering group: operative numbers (and frozen base numbers) count from 1 in each group. */
  group: number;
}

/** A heading of the document (see model.ts Heading), for the outline and the exporters. */
export interface HeadingInfo {
  id: string;
  level: 1 | 2;
  num: string;
  restart: boolean;
  pos: number;
  node: PMNode;
  /** Annex index (0-based) for a heading inside an annex, else -1. */
  annex: number;
  /** The heading's title as plain text. */
  title: string;
}

/** The structure of a whole document. */
export interface DocStructure {
  paras: ParaInfo[];
  byId: Map<string, ParaInfo>;
  /** Whether negotiation numbering is on (some paragraph carries a frozen base number). */
  negotiation: boolean;
  preambularCount: number;
  operativeCount: number;
  /** Headings in document order (parts, sub-headings, annex headings). */
  headings: HeadingInfo[];
  /** Whether operative numbering restarts in some part, so references name the part. */
  restarts: boolean;
}

interface Raw {
  node: PMNode;
  pos: number;
  section: Section;
  annex: number;
  /** Numbering group: grows at every heading that restarts the numbering. */
  group: number;
  partIndex: number;
  part: string;
}

/**
 * The list marker an annex paragraph's own text opens with ("•", "(a)", "(iv)"), or "": such a
 * paragraph is an item of a list the source did not nest, never a numbered paragraph.
 */
function ownListMarker(node: PMNode): string {
  const head = node.textBetween(0, Math.min(node.content.size, 12), '', '');
  return /^\s*([•▪◦‣]|\((?:[a-z]|[ivx]{1,5})\))\s/.exec(head)?.[1] ?? '';
}

/** Computes the structure of `doc` for language `lang`. */
export function computeStructure(doc: PMNode, lang: Language): DocStructure {
  const raws: Raw[] = [];
  const headings: HeadingInfo[] = [];
  let negotiation = false;
  let annexCount = 0;
  let group = 0;
  let restarts = false;
  let partIndex = -1;
  let part = '';
  let parts = 0;
  const heading = (n: PMNode, pos: number, annex: number): void => {
    const level = n.attrs.level === 2 ? 2 : 1;
    const restart = level === 1 && n.attrs.restart === true;
    headings.push({ id: n.attrs.id as string, level, num: n.attrs.num as string, restart, pos, node: n, annex, title: n.textContent });
    if (level === 1) {
      partIndex = parts++;
      part = n.attrs.num as string;
    }
    if (restart) {
      group++;
      if (annex < 0) restarts = true;
    }
  };
  doc.forEach((n, offset) => {
    const name = n.type.name;
    if (name === 'pp' || name === 'op') {
      raws.push({ node: n, pos: offset, section: name, annex: -1, group, partIndex, part });
      if (n.attrs.base !== null) negotiation = true;
    } else if (name === 'heading') heading(n, offset, -1);
    else if (name === 'annex') {
      const annexIndex = annexCount++;
      // An annex's parts are its own: numbering and part names start afresh.
      group++;
      partIndex = -1;
      part = '';
      n.forEach((p, o) => {
        if (p.type.name === 'heading') heading(p, offset + 1 + o, annexIndex);
        else if (p.type.name === 'ap') raws.push({ node: p, pos: offset + 1 + o, section: 'ap', annex: annexIndex, group, partIndex, part });
      });
    }
  });

  const paras: ParaInfo[] = new Array(raws.length);
  const byId = new Map<string, ParaInfo>();

  // Level-0, non-tail paragraphs of each section carry the numbers.
  const tops = { pp: [] as number[], op: [] as number[], ap: [] as number[] };
  raws.forEach((r, i) => {
    if ((r.node.attrs.level as number) === 0 && !r.node.attrs.tail) tops[r.section].push(i);
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
          run.map((i) => {
            const a = raws[i]!.node.attrs;
            return { base: (a.base as number | null) ?? undefined, deleted: a.status === 'deleted' };
          }),
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
        if (raws[i]!.node.attrs.status === 'deleted') {
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
      if (marker) {
        numberOf.set(i, `Annex${r.annex + 1} ${marker}`);
        continue;
      }
      k++;
      plainNumber.set(i, k);
      numberOf.set(i, `Annex${r.annex + 1}.${k}`);
    }
  }
  const opCount = tops.op.filter((i) => raws[i]!.node.attrs.status !== 'deleted').length;
  // Operative paragraphs per numbering group: a group of one (a single paragraph, or the only
  // paragraph of a part that restarts the numbering) is not numbered.
  const groupCount = new Map<number, number>();
  for (const i of tops.op) if (raws[i]!.node.attrs.status !== 'deleted') groupCount.set(raws[i]!.group, (groupCount.get(raws[i]!.group) ?? 0) + 1);

  // Subparagraph labels: counters per level, reset when a shallower paragraph appears.
  const counters = [0, 0, 0, 0, 0];
  const chain: string[] = ['', '', '', '', ''];
  let topIndex = -1;
  let prevSection: Section | '' = '';
  let prevAnnex = -1;
  for (let i = 0; i < raws.length; i++) {
    const r = raws[i]!;
    const a = r.node.attrs;
    if (r.section !== prevSection || r.annex !== prevAnnex) {
      counters.fill(0);
      topIndex = -1;
      prevSection = r.section;
      prevAnnex = r.annex;
    }
    const level = Math.min(a.level as number, 4);
    const tail = a.tail as boolean;
    let label = '';
    let subLabels: string[] = [];
    if (level === 0 && !tail) {
      topIndex = i;
      counters.fill(0);
      const n = plainNumber.get(i);
      if (r.section === 'op') {
        if (negotiation) label = numberOf.get(i) ?? '';
        else if (n !== undefined && opCount > 1 && (groupCount.get(r.group) ?? 0) > 1) label = operativeNumber(n, lang);
      } else if (r.section === 'ap' && n !== undefined) label = operativeNumber(n, lang);
      else if (r.section === 'pp' && negotiation) label = numberOf.get(i) ?? '';
    } else if (!tail) {
      const k = counters[level]!;
      counters[level] = k + 1;
      for (let l = level + 1; l <= 4; l++) counters[l] = 0;
      label = subparagraphLabel(k, level as 1 | 2 | 3 | 4, lang);
      chain[level] = label;
      subLabels = chain.slice(1, level + 1);
    } else {
      subLabels = chain.slice(1, level + 1);
    }
    const number = topIndex >= 0 ? (numberOf.get(topIndex) ?? '') : '';
    const named = restarts && r.section === 'op' && r.part !== '' && number !== '' ? `${r.part}.${number}` : number;
    const designation = subLabels.length ? `${named} ${subLabels.join(' ')}` : named;
    const info: ParaInfo = {
      id: a.id as string,
      section: r.section,
      level,
      tail,
      pos: r.pos,
      node: r.node,
      index: i,
      label,
      designation,
      number,
      subLabels,
      role: 'op',
      annex: r.annex,
      deleted: a.status === 'deleted',
      part: r.part,
      partIndex: r.partIndex,
      group: r.group,
    };
    paras[i] = info;
    if (info.id) byId.set(info.id, info);
  }

  // Roles, from the next paragraph of the same section.
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    const next = paras[i + 1];
    const sameSection = next !== undefined && next.section === p.section && next.annex === p.annex;
    if (sameSection && !next.tail && next.level > p.level) {
      p.role = 'lead-in';
      continue;
    }
    if (p.level === 0) {
      p.role = p.section === 'pp' ? 'pp' : isLastTop(paras, i) ? 'op-last' : 'op';
      continue;
    }
    // A subparagraph or a tail: is it the last thing in its parent (no sibling or tail follows)?
    let j = i + 1;
    while (j < paras.length && paras[j]!.section === p.section && paras[j]!.annex === p.annex && paras[j]!.level > p.level) j++;
    const after = paras[j];
    const continues = after !== undefined && after.section === p.section && after.annex === p.annex && after.level === p.level && !p.tail;
    if (continues) {
      p.role = 'sub';
      continue;
    }
    // Last of its list: takes the ending of the paragraph it belongs to, unless a tail follows.
    if (after && after.section === p.section && after.tail && after.level === p.level - 1) {
      p.role = 'sub';
      continue;
    }
    let k = i - 1;
    while (k >= 0 && (paras[k]!.level >= p.level || paras[k]!.tail)) k--;
    const parent = paras[k];
    p.role = parent ? endingRoleOf(paras, k) : 'op';
  }
  return {
    paras,
    byId,
    negotiation,
    preambularCount: tops.pp.length,
    operativeCount: opCount,
    headings,
    restarts,
  };
}

/** The indices `idx` split into runs of one numbering group each, in order. */
function byGroup(idx: readonly number[], raws: readonly Raw[]): number[][] {
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

function isLastTop(paras: ParaInfo[], i: number): boolean {
  const p = paras[i]!;
  for (let j = i + 1; j < paras.length; j++) {
    const q = paras[j]!;
    // Each part of a resolution in parts closes with a full stop.
    if (q.section !== p.section || q.annex !== p.annex || q.partIndex !== p.partIndex) return true;
    if (q.level === 0 && !q.tail && !q.deleted) return false;
  }
  return true;
}

/** The ending a paragraph would take without its list (what its last subparagraph inherits). */
function endingRoleOf(paras: ParaInfo[], k: number): EffectiveRole {
  const p = paras[k]!;
  if (p.level === 0) return p.section === 'pp' ? 'pp' : isLastTop(paras, k) ? 'op-last' : 'op';
  // Nested: find whether this subparagraph is the last of its own list.
  let j = k + 1;
  while (j < paras.length && paras[j]!.section === p.section && paras[j]!.level > p.level) j++;
  const after = paras[j];
  if (after && after.section === p.section && after.level === p.level && !after.tail) return 'sub';
  let q = k - 1;
  while (q >= 0 && (paras[q]!.level >= p.level || paras[q]!.tail)) q--;
  return q >= 0 ? endingRoleOf(paras, q) : 'op';
}

/**
 * The text of a paragraph as printed in the body: text runs joined, each footnote reference or
 * cross-reference counted as one U+FFFC character (so offsets map to children one to one),
 * footnote content excluded.
 */
export function paraText(node: PMNode): string {
  let s = '';
  node.forEach((child) => {
    s += child.isText ? (child.text ?? '') : '\uFFFC';
  });
  return s;
}

/**
 * A paragraph's {@link paraText} as it would stand if its open proposals were accepted (text
 * proposed for deletion left out), with `at[i]` = the offset in paraText of its character i, so
 * what is found in it maps back to the document. `proposals` says whether the paragraph has any
 * proposed insertion or deletion (then checks say they read the accepted text).
 */
export function paraAcceptedText(node: PMNode): { text: string; at: number[]; proposals: boolean } {
  let text = '';
  const at: number[] = [];
  let offset = 0;
  let proposals = false;
  node.forEach((child) => {
    const piece = child.isText ? (child.text ?? '') : '\uFFFC';
    const deleted = child.marks.some((m) => m.type.name === 'deletion');
    if (deleted || child.marks.some((m) => m.type.name === 'insertion')) proposals = true;
    if (!deleted) {
      for (let i = 0; i < piece.length; i++) at.push(offset + i);
      text += piece;
    }
    offset += piece.length;
  });
  at.push(offset);
  return { text, at, proposals };
}

/** The span [start, end) of accepted text `a` as offsets of the full paraText. */
export function spanInFullText(a: { at: number[] }, start: number, end: number): { start: number; end: number } {
  if (end <= start) return { start: a.at[start] ?? 0, end: a.at[start] ?? 0 };
  return { start: a.at[start]!, end: a.at[end - 1]! + 1 };
}

/** The printed text without placeholders for footnotes (cross-references become "…"). */
export function paraPlainText(node: PMNode): string {
  let s = '';
  node.forEach((child) => {
    if (child.isText) s += child.text ?? '';
    else if (child.type.name === 'xref') s += '…';
  });
  return s;
}

/**
 * The text whose ending decides the end punctuation: footnote references left out (the mark
 * follows the punctuation, "Women,1"), a cross-reference counted as a word.
 */
export function paraEndingText(node: PMNode): string {
  let s = '';
  node.forEach((child) => {
    if (child.isText) s += child.text ?? '';
    else if (child.type.name === 'xref') s += 'x';
  });
  return s;
}

/** The text of a cross-reference at `pos` to `targets`, as printed. */
export function xrefText(targets: readonly string[], pos: number, s: DocStructure, lang: Language): { text: string; broken: boolean } {
  const infos = targets.map((t) => s.byId.get(t));
  if (infos.length === 0 || infos.some((i) => !i || i.deleted)) return { text: brokenCrossRef(lang), broken: true };
  const first = infos[0]!;
  const last = infos[infos.length - 1]!;
  const isSub = first.level > 0;
  const labelOf = (i: ParaInfo) => {
    if (i.level === 0) return i.label.replace(/[.\s-]+$/, '') || i.number.replace(/^(PP|OP)/, '');
    return i.subLabels.join(' ');
  };
  const labels = infos.length > 1 && last !== first ? [labelOf(first), labelOf(last)] : [labelOf(first)];
  const relation = first.pos < pos ? 'above' : 'below';
  const wording: CrossRefWording = { kind: isSub ? 'subparagraph' : 'paragraph', labels, relation };
  // Where numbering restarts per part, a paragraph of another part is named with its part
  // ("paragraph 5 of section II"); within the same part the number alone is unambiguous.
  if (s.restarts && first.section === 'op' && first.part !== '') {
    let here: ParaInfo | undefined;
    for (const p of s.paras) {
      if (p.pos > pos) break;
      here = p;
    }
    if (!here || here.partIndex !== first.partIndex || here.annex !== first.annex) wording.section = first.part;
  }
  return { text: formatCrossRef(wording, lang), broken: false };
}


/** An opening phrase as offsets into a paragraph's text: italicise `text.slice(start, end)`. */
export interface PhraseSpan {
  start: number;
  end: number;
}

/**
 * The opening phrase of a preambular ('pp') or operative ('op') paragraph, found in its text: a
 * phrase that agrees with the organ's gender first ("Consciente" for the General Assembly in
 * French), else one of either gender (the print keeps a phrase that does not agree in italics too),
 * else null. The editor, the layout, the compilation, the importers and the library all call this,
 * so they agree on which words are the phrase.
 */
export function detectParagraphPhrase(text: string, lang: Language, kind: 'pp' | 'op', organ: Organ): PhraseSpan | null {
  const m = detectOpeningPhrase(text, lang, kind, organGender(organ, lang)) ?? detectOpeningPhrase(text, lang, kind);
  return m ? { start: m.start, end: m.end } : null;
}

/**
 * The italic opening phrase of a paragraph of the structure, on its {@link paraText}: the phrase
 * set by hand (the node's `phrase` attribute: the first N characters, capped at the text) or else
 * {@link detectParagraphPhrase}; `{ start: 0, end: 0 }` for none, and always for subparagraphs,
 * tails and annex paragraphs, which have no opening phrase.
 */
export function paragraphPhrase(p: ParaInfo, lang: Language, organ: Organ): PhraseSpan {
  if (p.level !== 0 || p.tail || p.section === 'ap') return { start: 0, end: 0 };
  const text = paraText(p.node);
  const override = p.node.attrs.phrase as number | null;
  if (override !== null) return { start: 0, end: Math.max(0, Math.min(override, text.length)) };
  // Detected on the text as it would stand if accepted: a phrase proposed for deletion is not the opening.
  const accepted = paraAcceptedText(p.node);
  const found = detectParagraphPhrase(accepted.text, lang, p.section, organ);
  return found ? spanInFullText(accepted, found.start, found.end) : { start: 0, end: 0 };
}
