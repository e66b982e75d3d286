// Word's "Accept all" and "Reject all" on a body read by negotiation/word-read.ts, for tests that
// check what a tracked .docx turns into: runs in a revision that goes are dropped, the others
// kept plain; a paragraph whose mark goes joins the paragraph after it (as Word joins them), and
// one left empty is gone with its bookmarks.
import type { WordParagraph } from '../../src/shared/negotiation/word-read.js';
import { idFromBookmarkName } from '../../src/shared/export/docx-tracked.js';

/** A paragraph after deciding every revision: its text and the Plenary ids of its bookmarks. */
export interface DecidedParagraph {
  text: string;
  ids: string[];
}

/** Whether a run survives: accepting drops deleted and moved-away text, rejecting inserted and moved-here text. */
function keeps(r: WordParagraph['runs'][number], how: 'accept' | 'reject'): boolean {
  if (how === 'accept') return !r.del && r.move?.dir !== 'from';
  return !r.ins && r.move?.dir !== 'to';
}

/** The body after Word's "Accept all" (`accept`) or "Reject all" (`reject`). */
export function decideAll(paragraphs: readonly WordParagraph[], how: 'accept' | 'reject'): DecidedParagraph[] {
  const out: DecidedParagraph[] = [];
  let carry: DecidedParagraph | null = null;
  for (const p of paragraphs) {
    const text = p.runs.filter((r) => keeps(r, how)).map((r) => r.text).join('');
    const ids = p.bookmarks.map(idFromBookmarkName).filter((x): x is string => x !== null);
    const here: DecidedParagraph = carry ? { text: carry.text + text, ids: [...carry.ids, ...ids] } : { text, ids };
    const markGoes = how === 'accept' ? p.markDel !== undefined : p.markIns !== undefined;
    // A paragraph that goes with its mark and keeps no text is gone (its bookmarks with it).
    if (markGoes) carry = here.text ? here : carry;
    else {
      out.push(here);
      carry = null;
    }
  }
  if (carry) out.push(carry);
  return out;
}
