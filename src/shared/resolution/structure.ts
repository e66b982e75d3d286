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
import { moveSide, movedTo, numberParagraphs } from './numbering.js';
import { nestingByPos } from './convert.js';
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
  /** Opens one of the document's resolutions ("A", "B"; model.ts Heading.resolution). */
  resolution: boolean;
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
  /** Pending moves: the id of each ghost (move-from) → the id of the paragraph at its new place. */
  movedTo: Map<string, string>;
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
  /** Level and tail flag as the file model nests the paragraph (see below). */
  level: number;
  tail: boolean;
  /** A heading or table stands right before it (see NumberingInput). */
  afterBlock: boolean;
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
  // A heading or table was the last thing seen: the next paragraph opens a fresh nesting.
  let afterBlock = false;
  const heading = (n: PMNode, pos: number, annex: number): void => {
    const resolution = n.attrs.resolution === true;
    const level = !resolution && n.attrs.level === 2 ? 2 : 1;
    // Each resolution of the document numbers its paragraphs from 1; a part, or a lettered
    // sub-heading under which the document starts again at 1 (A/C.5/80/L.17 II.B), too.
    const restart = resolution || n.attrs.restart === true;
    headings.push({ id: n.attrs.id as string, level, num: n.attrs.num as string, restart, resolution, pos, node: n, annex, title: n.textContent });
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
      raws.push({ node: n, pos: offset, section: name, annex: -1, group, partIndex, part, level: Math.min(n.attrs.level as number, 4), tail: n.attrs.tail === true, afterBlock });
      afterBlock = false;
      if (n.attrs.base !== null) negotiation = true;
    } else if (name === 'heading') {
      heading(n, offset, -1);
      afterBlock = true;
    }
    else if (name === 'annex') {
      const annexIndex = annexCount++;
      // An annex's parts are its own: numbering and part names start afresh.
      group++;
      partIndex = -1;
      part = '';
      n.forEach((p, o) => {
        if (p.type.name === 'ap') {
          raws.push({ node: p, pos: offset + 1 + o, section: 'ap', annex: annexIndex, group, partIndex, part, level: Math.min(p.attrs.level as number, 4), tail: p.attrs.tail === true, afterBlock });
          afterBlock = false;
        } else {
          // A heading or a table closes every open paragraph (nesting.ts).
          if (p.type.name === 'heading') heading(p, offset + 1 + o, annexIndex);
          afterBlock = true;
        }
      });
    }
  });

  // A tail is read as the file model reads it (nesting.ts): it continues the paragraph of its
  // level or the one above, or, with none to continue, is a paragraph itself. Labels, roles and
  // designations then show what a saved file reopens as. Only documents with a tail need it.
  if (raws.some((r) => r.tail)) {
    const nesting = nestingByPos(doc);
    for (const r of raws) {
      const at = nesting.get(r.pos);
      if (r.tail && at) {
        r.tail = at.tail;
        r.level = at.level;
      }
    }
  }

  // Living paragraphs are numbered as if every pending move were accepted; ghosts (move-from) as
  // if they were rejected (numbering.ts says why).
  const side = raws.map((r) => moveSide(r.node));
  const accepted = numberParagraphs(raws, side.map((k) => k !== 'move-from'), lang, negotiation, restarts);
  const ghosts = side.some((k) => k === 'move-from');
  const rejected = ghosts ? numberParagraphs(raws, side.map((k) => k !== 'move-to'), lang, negotiation, restarts).out : [];
  const paras: ParaInfo[] = new Array(raws.length);
  const byId = new Map<string, ParaInfo>();
  for (let i = 0; i < raws.length; i++) {
    const r = raws[i]!;
    const a = r.node.attrs;
    const n = (side[i] === 'move-from' ? rejected[i] : accepted.out[i])!;
    const info: ParaInfo = {
      id: a.id as string,
      section: r.section,
      level: r.level,
      tail: r.tail,
      pos: r.pos,
      node: r.node,
      index: i,
      label: n.label,
      designation: n.designation,
      number: n.number,
      subLabels: n.subLabels,
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

  // Roles (end punctuation) in the same arrangements: a ghost's as it stands if its move is
  // rejected, every other paragraph's as it stands if all moves are accepted.
  if (ghosts) assignRoles(paras.filter((_p, i) => side[i] !== 'move-to'));
  assignRoles(ghosts ? paras.filter((_p, i) => side[i] !== 'move-from') : paras);
  return {
    paras,
    byId,
    negotiation,
    preambularCount: accepted.preambularCount,
    operativeCount: accepted.operativeCount,
    headings,
    restarts,
    movedTo: ghosts ? movedTo(raws.map((r) => r.node)) : new Map(),
  };
}

/** Sets the effective role of each of `paras` (one arrangement, in order) from the paragraphs after it. */
function assignRoles(paras: ParaInfo[]): void {
  // Roles, from the next paragraph of the same section.
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    const next = paras[i + 1];
    const sameSection = next !== undefined && next.section === p.section && next.annex === p.annex;
    // A paragraph that introduces a list, or an amendment's instruction that introduces the text
    // it quotes (Block.quoted, in a pp node: another section here), ends with ":".
    const quotes = next !== undefined && next.annex === p.annex && next.node.attrs.quoted === true && p.node.attrs.quoted !== true;
    if ((sameSection && !next.tail && next.level > p.level) || quotes) {
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
  // A paragraph with a pending move is named where it goes, as the accepted text names it.
  const infos = targets.map((t) => s.byId.get(s.movedTo.get(t) ?? t));
  if (infos.length === 0 || infos.some((i) => !i || i.deleted)) return { text: brokenCrossRef(lang), broken: true };
  const first = infos[0]!;
  const last = infos[infos.length - 1]!;
  const isSub = first.level > 0;
  const labelOf = (i: ParaInfo) => {
    if (i.level === 0) return i.label.replace(/(?<![.\s-])[.\s-]+$/, '') || i.number.replace(/^(PP|OP)/, '');
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
