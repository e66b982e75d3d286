/**
 * The history of a paragraph: where its wording was adopted (identical paragraphs grouped), its
 * versions across the sessions of its resolution family with word diffs, and the ghost text of a
 * suggestion. Drafts (L-documents) are listed but never counted as adoptions.
 */
import type { LibraryDb } from '../db/library.js';
import type { AdoptionRecord, LineageVersion } from '../../shared/api.js';
import { wordDiff, type DiffOp } from '../../shared/text/diff.js';
import { PlenaryError } from '../../shared/errors.js';
import type { MatchIndex } from './matcher.js';
import { searchTerms } from '../../shared/text/search-terms.js';

/**
 * True when two paragraphs say exactly the same words, numbers and session ordinals included
 * ("seventy-ninth" ≠ "eightieth", "2023" ≠ "2024"); case, diacritics, punctuation and spacing
 * aside. The match tokens (sameTokens) set numbers aside to group near-identical wordings; an
 * "agreed since" claim needs this.
 */
export function sameWords(a: string, b: string): boolean {
  const x = searchTerms(a, false);
  const y = searchTerms(b, false);
  return x.length === y.length && x.every((t, i) => t === y[i]);
}

/** A family version needs at least this similarity to count as the same paragraph. */
export const LINEAGE_MIN_SCORE = 0.5;

/**
 * Every library paragraph with the same normalised wording as `paragraphId` (hash candidates
 * checked token by token), newest first; `count` and `years` cover adopted documents only. The
 * grouping is of near-identical wordings: numbers and session ordinals are set aside (see
 * src/shared/text/tokens.ts), so the places may differ in them; sameWords tells exact copies.
 */
export function adoptionRecord(lib: LibraryDb, idx: MatchIndex, paragraphId: number, normHash: number): AdoptionRecord {
  const rows = lib.sameWording(normHash).filter((r) => r.paragraphId === paragraphId || idx.sameTokens(r.paragraphId, paragraphId));
  const adopted = rows.filter((r) => r.draft !== 1);
  const years = adopted.map((r) => r.year).filter((y): y is number => y !== null);
  return {
    count: adopted.length,
    years: years.length ? [Math.min(...years), Math.max(...years)] : null,
    places: rows.map((r) => ({ paragraphId: r.paragraphId, symbol: r.symbol, designation: r.designation, year: r.year, draft: r.draft === 1 })),
  };
}

/**
 * The versions of a paragraph across its resolution family (same title or agenda item, same
 * language), oldest session first: in each document the paragraph most similar to this one
 * (edit-distance similarity ≥ LINEAGE_MIN_SCORE, else null), with the word diff from the previous
 * version that had one. `agreedSince` is the oldest adopted version from which the wording stayed
 * exactly the same (sameWords: a new session ordinal or year is a new wording) up to this
 * paragraph's own document.
 */
export function lineage(lib: LibraryDb, idx: MatchIndex, paragraphId: number): { versions: LineageVersion[]; agreedSince: { symbol: string; year: number | null } | null } {
  const p = lib.paragraph(paragraphId);
  if (!p) throw new PlenaryError('NOT_FOUND', `No paragraph #${paragraphId} in the library.`, { msg: { code: 'library.noParagraph', values: { paragraph: paragraphId } } });
  const tokens = lib.tokenIds(p.text, false);
  const versions: LineageVersion[] = [];
  let prevText: string | null = null;
  for (const d of lib.family(p.documentId)) {
    let best: { id: number; designation: string; text: string; score: number } | null = null;
    for (const q of lib.paragraphsOf(d.id)) {
      if (q.kind !== p.kind && !(p.kind === 'sub' || q.kind === 'sub')) continue;
      const score = q.id === paragraphId ? 1 : (idx.similarity(tokens, q.id) ?? 0);
      if (score >= LINEAGE_MIN_SCORE && (!best || score > best.score)) best = { id: q.id, designation: q.designation, text: q.text, score: Math.round(score * 1000) / 1000 };
      if (q.id === paragraphId) break;
    }
    const diff: DiffOp[] = best && prevText !== null ? wordDiff(prevText, best.text) : best ? [{ op: 'eq', text: best.text }] : [];
    versions.push({ documentId: d.id, symbol: d.symbol, session: d.sessionNum, year: d.year, draft: d.draft === 1, paragraph: best, diff });
    if (best) prevText = best.text;
  }
  // Walk back from this paragraph's document while the wording stays identical and adopted.
  let since: LineageVersion | null = null;
  const at = versions.findIndex((v) => v.documentId === p.documentId);
  for (let i = at; i >= 0; i--) {
    const v = versions[i]!;
    if (v.draft || !v.paragraph || !sameWords(v.paragraph.text, p.text)) break;
    since = v;
  }
  return { versions, agreedSince: since ? { symbol: since.symbol, year: since.year } : null };
}

/**
 * The ghost text of a suggestion: what the adopted paragraph has after the typed words, from a
 * diff adopted → typed. That is the trailing run of deletions; a half-typed last word
 * (an insertion that begins the first deleted word) is completed rather than repeated.
 */
export function continuationOf(diff: readonly DiffOp[]): string {
  let i = diff.length;
  while (i > 0 && diff[i - 1]!.op !== 'eq') i--;
  const tail = diff.slice(i);
  const ins = tail.filter((d) => d.op === 'ins').map((d) => d.text).join('');
  const del = tail.filter((d) => d.op === 'del').map((d) => d.text).join('');
  if (!del) return '';
  if (ins && del.startsWith(ins)) return del.slice(ins.length);
  if (ins && ins.trim() && !del.startsWith(ins)) {
    const word = ins.trim();
    const at = del.indexOf(word);
    if (at >= 0 && /^\s*$/.test(del.slice(0, at))) return del.slice(at + word.length);
  }
  return del;
}
