/**
 * Comparing two versions of a text (zero draft, Rev.1, Rev.2…, or two adopted resolutions of a
 * recurring item) paragraph by paragraph and word by word.
 *
 * Paragraphs are matched by id first (ids survive edits and moves in Plenary). An id match is
 * dropped when another paragraph is much more similar to one of the two — ids of imported texts
 * are positional (pp1, op3…), so after an inserted paragraph the same id names a different
 * paragraph. Paragraphs left without a partner are then matched by text similarity (Dice
 * coefficient over words, at least 0.5, preferring the same section). Matched paragraphs whose
 * order changed relative to the others (outside a longest increasing subsequence) are "moved".
 * Changed paragraphs carry a word diff (`wordDiff`, semantic). Pure: runs in main and renderer.
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { Language, ResolutionDocument } from '../resolution/model.js';
import { inlineText } from '../resolution/model.js';
import { toDoc } from '../resolution/convert.js';
import { computeStructure, xrefText, type DocStructure, type ParaInfo } from '../resolution/structure.js';
import { diffTokens, wordDiff, type DiffOp } from '../text/diff.js';
import { materializeBrackets } from './views.js';

/** How a paragraph fared between the two versions. */
export type ComparisonStatus = 'same' | 'changed' | 'inserted' | 'deleted' | 'moved';

/** One side of a paragraph comparison: the paragraph as it is in one version. */
export interface ParagraphSide {
  id: string;
  /** "PP3", "OP7 (a)", "OP2bis", "Annex1.3". */
  designation: string;
  section: 'pp' | 'op' | 'ap';
  level: number;
  tail: boolean;
  /** Index among the compared paragraphs of its version. */
  index: number;
  /** The text compared (see {@link CompareOptions.text}). */
  text: string;
  /** Negotiation status ('' | agreed | adref | pending | deleted) and holder. */
  status: string;
  holder: string;
  /** Delegations with open proposals in the paragraph (its text and the paragraph itself), in order. */
  proposals: string[];
}

/** A paragraph of either version and what became of it. */
export interface ParagraphComparison {
  status: ComparisonStatus;
  /** Whether the text differs (true for 'changed', possibly for 'moved'). */
  changed: boolean;
  /** The paragraph in the first version (null when inserted). */
  a: ParagraphSide | null;
  /** The paragraph in the second version (null when deleted). */
  b: ParagraphSide | null;
  /** How the two were paired. */
  matchedBy: 'id' | 'text' | null;
  /** Word similarity of the two texts, 0–1 (1 for identical; 0 when unmatched). */
  similarity: number;
  /** Word diff from a to b: one 'eq' op when the same, one 'ins' or 'del' op when inserted or deleted. */
  diff: DiffOp[];
  /** Whether the negotiation status or its holder changed. */
  statusChanged: boolean;
}

/** A footnote of either version and what became of it. */
export interface FootnoteComparison {
  status: 'same' | 'changed' | 'inserted' | 'deleted';
  idA: string | null;
  idB: string | null;
  diff: DiffOp[];
}

/** Counts over a comparison. */
export interface ComparisonSummary {
  /** Paragraphs compared in each version. */
  paragraphsA: number;
  paragraphsB: number;
  same: number;
  changed: number;
  inserted: number;
  deleted: number;
  /** Moved paragraphs (of which `movedChanged` also changed). */
  moved: number;
  movedChanged: number;
  matchedById: number;
  matchedByText: number;
  statusChanged: number;
  footnotesChanged: number;
  titleChanged: boolean;
}

/** The comparison of two versions. */
export interface VersionComparison {
  /** Paragraphs in the order of the second version; deleted ones after the paragraph they followed. */
  paragraphs: ParagraphComparison[];
  /** Word diff of the titles. */
  title: DiffOp[];
  footnotes: FootnoteComparison[];
  summary: ComparisonSummary;
  /** Language of the second version (for the export). */
  lang: Language;
  /** Which text of paragraphs with open proposals was compared (see {@link CompareOptions.text}). */
  text: 'clean' | 'all';
}

/** Options of {@link compareVersions}. */
export interface CompareOptions {
  /**
   * Which text of a paragraph with proposals is compared: 'clean' (default) as if every
   * proposal were accepted — proposed deletions (and paragraphs proposed for deletion) left
   * out, proposed insertions in —, or 'all', every character in the document.
   */
  text?: 'clean' | 'all';
}

interface Flat extends ParagraphSide {
  words: Map<string, number>;
  wordCount: number;
}

function paraText(p: ParaInfo, s: DocStructure, lang: Language, clean: boolean): string {
  let out = '';
  p.node.forEach((child: PMNode, offset: number) => {
    if (clean && child.marks.some((m) => m.type.name === 'deletion')) return;
    if (child.isText) out += child.text ?? '';
    else if (child.type.name === 'xref') out += xrefText(child.attrs.targets as string[], p.pos + 1 + offset, s, lang).text;
  });
  return out.replace(/\s+/g, ' ').trim();
}

function bag(text: string): { words: Map<string, number>; wordCount: number } {
  const words = new Map<string, number>();
  let wordCount = 0;
  for (const t of diffTokens(text.toLowerCase())) {
    if (/^\s+$/u.test(t)) continue;
    words.set(t, (words.get(t) ?? 0) + 1);
    wordCount++;
  }
  return { words, wordCount };
}

function flatten(d: ResolutionDocument, clean: boolean): Flat[] {
  const pm = toDoc(d);
  const lang = d.meta.language;
  const s = computeStructure(pm, lang);
  const out: Flat[] = [];
  for (const p of s.paras) {
    const prop = p.node.attrs.proposal as { kind?: string } | null;
    if (clean && prop?.kind === 'del') continue;
    const text = paraText(p, s, lang, clean);
    out.push({
      id: p.id,
      designation: p.tail ? `${p.designation} (cont.)` : p.designation,
      section: p.section,
      level: p.level,
      tail: p.tail,
      index: out.length,
      text,
      status: (p.node.attrs.status as string) || '',
      holder: (p.node.attrs.holder as string) || '',
      proposals: proposersOf(p.node),
      ...bag(text),
    });
  }
  return out;
}

/** Delegations with open proposals in a paragraph node (not its subparagraphs), in order of appearance. */
function proposersOf(node: PMNode): string[] {
  const out: string[] = [];
  const add = (by: unknown) => {
    if (typeof by === 'string' && by && !out.includes(by)) out.push(by);
  };
  add((node.attrs.proposal as { by?: string } | null)?.by);
  node.forEach((child) => {
    for (const m of child.marks) if (m.type.name === 'insertion' || m.type.name === 'deletion') add(m.attrs.by);
  });
  return out;
}

/** Dice coefficient over word multisets (1 for two empty texts). */
function similarity(a: Flat, b: Flat): number {
  if (a.wordCount === 0 && b.wordCount === 0) return 1;
  if (a.wordCount === 0 || b.wordCount === 0) return 0;
  const [small, large] = a.words.size <= b.words.size ? [a.words, b.words] : [b.words, a.words];
  let common = 0;
  for (const [w, n] of small) common += Math.min(n, large.get(w) ?? 0);
  return (2 * common) / (a.wordCount + b.wordCount);
}

/** Indices (into `seq`) of a longest strictly increasing subsequence. */
function longestIncreasing(seq: readonly number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < seq[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  let k = tails.length ? tails[tails.length - 1]! : -1;
  while (k >= 0) {
    keep.add(k);
    k = prev[k]!;
  }
  return keep;
}

/** Minimum similarity for pairing paragraphs by text. */
const TEXT_MATCH = 0.5;
/** An id match is dropped when another partner is at least this much more similar. */
const BETTER_BY = 0.25;

/**
 * Compares version `a` (earlier) with version `b` (later): paragraphs matched by id, then by
 * text; statuses same / changed / inserted / deleted / moved; designations in both versions; a
 * word diff per paragraph; titles and footnotes; counts.
 */
export function compareVersions(a: ResolutionDocument, b: ResolutionDocument, opts: CompareOptions = {}): VersionComparison {
  const clean = (opts.text ?? 'clean') === 'clean';
  // Brackets are compared as the "[" and "]" every export shows.
  const A = flatten(materializeBrackets(a), clean);
  const B = flatten(materializeBrackets(b), clean);
  const matchA = new Array<number>(A.length).fill(-1);
  const matchB = new Array<number>(B.length).fill(-1);
  const how = new Map<number, 'id' | 'text'>();
  const sims = new Map<string, number>();
  const sim = (i: number, j: number) => {
    const key = `${i}:${j}`;
    let v = sims.get(key);
    if (v === undefined) sims.set(key, (v = similarity(A[i]!, B[j]!)));
    return v;
  };

  // 1. By id, unless another partner is much more similar.
  const bById = new Map<string, number>();
  B.forEach((p, j) => {
    if (p.id && !bById.has(p.id)) bById.set(p.id, j);
  });
  const broken: [number, number][] = [];
  A.forEach((p, i) => {
    const j = p.id ? bById.get(p.id) : undefined;
    if (j === undefined) return;
    const s = sim(i, j);
    let better = false;
    if (s < 1 - BETTER_BY) {
      for (let k = 0; k < B.length && !better; k++) if (k !== j && sim(i, k) >= Math.max(TEXT_MATCH, s + BETTER_BY)) better = true;
      for (let k = 0; k < A.length && !better; k++) if (k !== i && sim(k, j) >= Math.max(TEXT_MATCH, s + BETTER_BY)) better = true;
    }
    if (better) broken.push([i, j]);
    else {
      matchA[i] = j;
      matchB[j] = i;
      how.set(i, 'id');
    }
  });

  // 2. The rest by text similarity, best pairs first, the same section preferred.
  const candidates: { i: number; j: number; score: number }[] = [];
  for (let i = 0; i < A.length; i++) {
    if (matchA[i]! >= 0) continue;
    for (let j = 0; j < B.length; j++) {
      if (matchB[j]! >= 0) continue;
      const s = sim(i, j);
      if (s >= TEXT_MATCH && A[i]!.wordCount > 0) candidates.push({ i, j, score: s + (A[i]!.section === B[j]!.section ? 0.05 : 0) - Math.abs(A[i]!.level - B[j]!.level) * 0.01 });
    }
  }
  candidates.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  for (const c of candidates) {
    if (matchA[c.i]! >= 0 || matchB[c.j]! >= 0) continue;
    matchA[c.i] = c.j;
    matchB[c.j] = c.i;
    how.set(c.i, 'text');
  }
  // An id match that found nothing better stands after all.
  for (const [i, j] of broken) {
    if (matchA[i]! < 0 && matchB[j]! < 0) {
      matchA[i] = j;
      matchB[j] = i;
      how.set(i, 'id');
    }
  }

  // 3. Moves: matched paragraphs out of the longest common order.
  const pairs: number[] = [];
  for (let i = 0; i < A.length; i++) if (matchA[i]! >= 0) pairs.push(i);
  const inOrder = longestIncreasing(pairs.map((i) => matchA[i]!));
  const moved = new Set<number>();
  pairs.forEach((i, k) => {
    if (!inOrder.has(k)) moved.add(i);
  });

  const side = (p: Flat): ParagraphSide => ({
    id: p.id,
    designation: p.designation,
    section: p.section,
    level: p.level,
    tail: p.tail,
    index: p.index,
    text: p.text,
    status: p.status,
    holder: p.holder,
    proposals: p.proposals,
  });
  const compared = (i: number, j: number): ParagraphComparison => {
    const pa = A[i]!;
    const pb = B[j]!;
    const changed = pa.text !== pb.text;
    const status: ComparisonStatus = moved.has(i) ? 'moved' : changed ? 'changed' : 'same';
    return {
      status,
      changed,
      a: side(pa),
      b: side(pb),
      matchedBy: how.get(i) ?? null,
      similarity: changed ? sim(i, j) : 1,
      diff: changed ? wordDiff(pa.text, pb.text, { semantic: true }) : pa.text ? [{ op: 'eq', text: pa.text }] : [],
      statusChanged: pa.status !== pb.status || pa.holder !== pb.holder,
    };
  };
  const deletedEntry = (i: number): ParagraphComparison => ({
    status: 'deleted',
    changed: true,
    a: side(A[i]!),
    b: null,
    matchedBy: null,
    similarity: 0,
    diff: A[i]!.text ? [{ op: 'del', text: A[i]!.text }] : [],
    statusChanged: false,
  });

  // 4. In the order of b; a deleted paragraph after the paragraph that preceded it in a.
  const after = new Map<number, number[]>();
  const leading: number[] = [];
  let anchor = -1;
  for (let i = 0; i < A.length; i++) {
    if (matchA[i]! >= 0 && !moved.has(i)) anchor = matchA[i]!;
    else if (matchA[i]! < 0) {
      if (anchor < 0) leading.push(i);
      else {
        const list = after.get(anchor) ?? [];
        list.push(i);
        after.set(anchor, list);
      }
    }
  }
  const paragraphs: ParagraphComparison[] = leading.map(deletedEntry);
  for (let j = 0; j < B.length; j++) {
    const i = matchB[j]!;
    if (i >= 0) paragraphs.push(compared(i, j));
    else
      paragraphs.push({
        status: 'inserted',
        changed: true,
        a: null,
        b: side(B[j]!),
        matchedBy: null,
        similarity: 0,
        diff: B[j]!.text ? [{ op: 'ins', text: B[j]!.text }] : [],
        statusChanged: false,
      });
    for (const d of after.get(j) ?? []) paragraphs.push(deletedEntry(d));
  }

  const footnotes = compareFootnotes(a, b);
  const titleChanged = a.meta.title !== b.meta.title;
  const count = (s: ComparisonStatus) => paragraphs.filter((p) => p.status === s).length;
  const summary: ComparisonSummary = {
    paragraphsA: A.length,
    paragraphsB: B.length,
    same: count('same'),
    changed: count('changed'),
    inserted: count('inserted'),
    deleted: count('deleted'),
    moved: count('moved'),
    movedChanged: paragraphs.filter((p) => p.status === 'moved' && p.changed).length,
    matchedById: [...how.values()].filter((h) => h === 'id').length,
    matchedByText: [...how.values()].filter((h) => h === 'text').length,
    statusChanged: paragraphs.filter((p) => p.statusChanged).length,
    footnotesChanged: footnotes.filter((f) => f.status !== 'same').length,
    titleChanged,
  };
  return {
    paragraphs,
    title: titleChanged ? wordDiff(a.meta.title, b.meta.title, { semantic: true }) : a.meta.title ? [{ op: 'eq', text: a.meta.title }] : [],
    footnotes,
    summary,
    lang: b.meta.language,
    text: clean ? 'clean' : 'all',
  };
}

/** Footnotes compared by id (then by position for footnotes whose ids differ). */
function compareFootnotes(a: ResolutionDocument, b: ResolutionDocument): FootnoteComparison[] {
  const textOf = (content: Parameters<typeof inlineText>[0]) => inlineText(content).replace(/\s+/g, ' ').trim();
  const bIds = new Map(b.footnotes.map((f) => [f.id, f]));
  const aIds = new Set(a.footnotes.map((f) => f.id));
  const out: FootnoteComparison[] = [];
  const unmatchedB = b.footnotes.filter((f) => !aIds.has(f.id));
  let k = 0;
  for (const fa of a.footnotes) {
    const fb = bIds.get(fa.id) ?? (k < unmatchedB.length && !bIds.has(fa.id) ? unmatchedB[k++] : undefined);
    const ta = textOf(fa.content);
    if (!fb) {
      out.push({ status: 'deleted', idA: fa.id, idB: null, diff: ta ? [{ op: 'del', text: ta }] : [] });
      continue;
    }
    const tb = textOf(fb.content);
    out.push(ta === tb ? { status: 'same', idA: fa.id, idB: fb.id, diff: ta ? [{ op: 'eq', text: ta }] : [] } : { status: 'changed', idA: fa.id, idB: fb.id, diff: wordDiff(ta, tb, { semantic: true }) });
  }
  const used = new Set(out.map((f) => f.idB));
  for (const fb of b.footnotes) {
    if (used.has(fb.id)) continue;
    const tb = textOf(fb.content);
    out.push({ status: 'inserted', idA: null, idB: fb.id, diff: tb ? [{ op: 'ins', text: tb }] : [] });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Export.

/** Options of {@link exportComparisonHtml}. */
export interface ComparisonHtmlOptions {
  /** Heading of the document ("Rev.1 → Rev.2"). */
  title?: string;
  /** Names of the two versions for the column heads ("Rev.1", "Rev.2"). */
  nameA?: string;
  nameB?: string;
  /** Leave out paragraphs that are the same in both versions. */
  onlyChanges?: boolean;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Diff ops as HTML: insertions bold and underlined, deletions struck through (readable in black and white). */
function diffHtml(ops: readonly DiffOp[]): string {
  return ops
    .map((o) => (o.op === 'eq' ? esc(o.text) : o.op === 'ins' ? `<ins><b>${esc(o.text)}</b></ins>` : `<del>${esc(o.text)}</del>`))
    .join('');
}

/** A paragraph's negotiation status in words: "open", "agreed ad ref", "pending EU". */
function statusWords(x: ParagraphSide | null): string {
  if (!x) return 'removed';
  const words: Record<string, string> = { '': 'open', agreed: 'agreed', adref: 'agreed ad ref', pending: 'pending', deleted: 'deleted' };
  const w = words[x.status] ?? x.status;
  return x.status === 'pending' && x.holder ? `${w} ${x.holder}` : w;
}

const STATUS_WORD: Record<ComparisonStatus, string> = { same: '', changed: 'Changed', inserted: 'New', deleted: 'Deleted', moved: 'Moved' };

/**
 * The comparison as one self-contained HTML file (inline style, no scripts), for the screen and
 * for printing to PDF: a summary, then a table of paragraphs with their designations in both
 * versions, a status column and the text with insertions bold and underlined, deletions struck
 * through, moved paragraphs marked "Moved from PP3"; then the title and footnote changes.
 */
export function exportComparisonHtml(cmp: VersionComparison, opts: ComparisonHtmlOptions = {}): string {
  const s = cmp.summary;
  const nameA = opts.nameA ?? 'Before';
  const nameB = opts.nameB ?? 'After';
  const title = opts.title ?? `${nameA} → ${nameB}`;
  const dir = cmp.lang === 'ar' ? 'rtl' : 'ltr';
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const summary = [
    `${plural(s.paragraphsA, 'paragraph', 'paragraphs')} before, ${s.paragraphsB} after`,
    `${s.same} unchanged`,
    `${s.changed} changed`,
    `${s.inserted} new`,
    `${s.deleted} deleted`,
    `${s.moved} moved${s.movedChanged ? ` (${s.movedChanged} also changed)` : ''}`,
  ].join(' · ');
  const rows: string[] = [];
  for (const p of cmp.paragraphs) {
    if (opts.onlyChanges && p.status === 'same' && !p.statusChanged) continue;
    const desA = p.a ? esc(p.a.designation) : '—';
    const desB = p.b ? esc(p.b.designation) : '—';
    let note = '';
    if (p.status === 'moved') note = `<span class="note">[Moved from ${desA}${p.changed ? ', changed' : ''}]</span> `;
    if (p.statusChanged) {
      note += `<span class="note status-change">Now ${esc(statusWords(p.b))}${p.a ? ` (was ${esc(statusWords(p.a))})` : ''}.</span> `;
    }
    const by = p.b?.proposals.length ? p.b.proposals : (p.a?.proposals ?? []);
    if (by.length) {
      note += `<span class="note proposals">Open proposals by ${esc(by.join(', '))} (${cmp.text === 'clean' ? 'shown as if accepted' : 'all proposed text shown'}).</span> `;
    }
    const level = Math.min((p.b ?? p.a)!.level, 4);
    rows.push(
      `<tr class="${p.status}"><td class="des">${desA}</td><td class="des">${desB}</td><td class="st">${STATUS_WORD[p.status]}</td>` +
        `<td class="text lvl${level}">${note}${diffHtml(p.diff) || '<i>(empty)</i>'}</td></tr>`,
    );
  }
  const notes = cmp.footnotes.filter((f) => f.status !== 'same');
  const titleBlock = s.titleChanged ? `<h2>Title</h2><p>${diffHtml(cmp.title)}</p>` : '';
  const notesBlock = notes.length
    ? `<h2>Footnotes</h2><table class="cmp"><tbody>${notes
        .map((f) => `<tr class="${f.status}"><td class="st">${f.status === 'inserted' ? 'New' : f.status === 'deleted' ? 'Deleted' : 'Changed'}</td><td class="text">${diffHtml(f.diff)}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  return `<!DOCTYPE html>
<html lang="${cmp.lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>
@page { size: letter; margin: 18mm 16mm; }
html { font-family: "Times New Roman", "Liberation Serif", Times, serif; font-size: 10pt; line-height: 1.25; color: #000; background: #fff; }
body { margin: 0 auto; max-width: 60em; padding: 1em; }
h1 { font-size: 13pt; margin: 0 0 .4em; }
h2 { font-size: 11pt; margin: 1.2em 0 .4em; }
.summary, .legend { margin: .2em 0; }
table.cmp { border-collapse: collapse; width: 100%; }
table.cmp th, table.cmp td { border-top: 0.5pt solid #000; padding: 3pt 4pt; vertical-align: top; text-align: start; }
td.des { white-space: nowrap; width: 5em; }
td.st { white-space: nowrap; width: 4.5em; font-style: italic; }
td.text { text-align: justify; }
td.lvl1 { padding-inline-start: 2em; } td.lvl2 { padding-inline-start: 3.5em; } td.lvl3, td.lvl4 { padding-inline-start: 5em; }
ins { text-decoration: underline; font-weight: bold; }
del { text-decoration: line-through; }
tr.deleted td.text { text-decoration: line-through; }
tr.same td.text { color: #000; }
.note { font-style: italic; font-weight: normal; }
tr { break-inside: avoid; }
</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p class="summary">${esc(summary)}</p>
<p class="legend">Legend: <ins><b>inserted text</b></ins> · <del>deleted text</del> · [Moved from …] paragraph moved</p>
<table class="cmp">
<thead><tr><th>${esc(nameA)}</th><th>${esc(nameB)}</th><th></th><th>Text</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
${titleBlock}${notesBlock}
</body>
</html>
`;
}
