/**
 * Paragraph statuses of a negotiation (agreed, ad ref., pending with a holder, deleted): setting
 * one, listing them, and the summary "31 of 45 paragraphs agreed". Stored as paragraph attributes.
 */
import { closeHistory } from 'prosemirror-history';
import type { Command, EditorState } from 'prosemirror-state';
import { own } from './settings.js';
import { isPara } from './marks.js';
import { structureOf } from './queries.js';

/** A paragraph's negotiation status. */
export type ParagraphStatusValue = '' | 'agreed' | 'adref' | 'pending' | 'deleted';

/**
 * Sets the negotiation status of paragraph `paragraphId` (one undo step, not a proposal); the
 * holder is kept for 'pending' only ("pending EU").
 */
export function setParagraphStatus(paragraphId: string, status: ParagraphStatusValue, holder?: string): Command {
  return (state, dispatch) => {
    let at = -1;
    state.doc.descendants((n, pos) => {
      if (at < 0 && isPara(n) && n.attrs.id === paragraphId) at = pos;
      return at < 0 && !n.isInline;
    });
    if (at < 0) return false;
    const node = state.doc.nodeAt(at)!;
    const nextHolder = status === 'pending' ? (holder ?? (node.attrs.holder as string)) : '';
    if (node.attrs.status === status && node.attrs.holder === nextHolder) return false;
    if (dispatch) {
      const tr = own(closeHistory(state.tr));
      tr.setNodeAttribute(at, 'status', status);
      tr.setNodeAttribute(at, 'holder', nextHolder);
      dispatch(tr);
    }
    return true;
  };
}

/**
 * Sets the status of every paragraph in `paragraphIds` in one undo step (a selection of
 * paragraphs, a whole part, the paragraphs a filter shows); the holder as in
 * {@link setParagraphStatus}. Applies when at least one of them changes.
 */
export function setParagraphStatuses(paragraphIds: readonly string[], status: ParagraphStatusValue, holder = ''): Command {
  return (state, dispatch) => {
    const wanted = new Set(paragraphIds);
    const at: number[] = [];
    state.doc.descendants((n, pos) => {
      if (isPara(n) && wanted.has(n.attrs.id as string)) {
        const h = status === 'pending' ? holder || (n.attrs.holder as string) : '';
        if (n.attrs.status !== status || n.attrs.holder !== h) at.push(pos);
      }
      return !n.isInline;
    });
    if (!at.length) return false;
    if (dispatch) {
      const tr = own(closeHistory(state.tr));
      for (const pos of at) {
        const n = tr.doc.nodeAt(pos)!;
        tr.setNodeAttribute(pos, 'status', status);
        tr.setNodeAttribute(pos, 'holder', status === 'pending' ? holder || (n.attrs.holder as string) : '');
      }
      dispatch(tr);
    }
    return true;
  };
}

/**
 * The numbered paragraphs (level 0, not tails) the selection touches, in order: the paragraph of
 * the cursor, or every one from the selection's start to its end.
 */
export function selectedParagraphIds(state: EditorState): string[] {
  const { from, to } = state.selection;
  return structureOf(state)
    .paras.filter((p) => p.level === 0 && !p.tail && p.pos + p.node.nodeSize > from && p.pos <= to)
    .map((p) => p.id);
}

/** Status of one counted paragraph, for filters. */
export interface ParagraphStatusInfo {
  id: string;
  designation: string;
  status: ParagraphStatusValue;
  holder: string;
}

/** The paragraphs that count for the status summary (numbered paragraphs: level 0, not tails), with their status. */
export function paragraphStatuses(state: EditorState): ParagraphStatusInfo[] {
  return structureOf(state)
    .paras.filter((p) => p.level === 0 && !p.tail)
    .map((p) => ({ id: p.id, designation: p.designation, status: (p.node.attrs.status as ParagraphStatusValue) || '', holder: (p.node.attrs.holder as string) || '' }));
}

/**
 * Counts of paragraph statuses over the numbered paragraphs (PPs, OPs and annex paragraphs at
 * level 0): "31 of 45 paragraphs agreed" is `agreed` of `total`; `open` have no status.
 */
export function statusSummary(state: EditorState): { total: number; agreed: number; adref: number; pending: number; deleted: number; open: number } {
  const out = { total: 0, agreed: 0, adref: 0, pending: 0, deleted: 0, open: 0 };
  for (const p of paragraphStatuses(state)) {
    out.total++;
    if (p.status === 'agreed') out.agreed++;
    else if (p.status === 'adref') out.adref++;
    else if (p.status === 'pending') out.pending++;
    else if (p.status === 'deleted') out.deleted++;
    else out.open++;
  }
  return out;
}
