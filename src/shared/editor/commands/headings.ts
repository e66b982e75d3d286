/**
 * Commands on headings: insert a part heading ("II" + title) or a lettered sub-heading ("A." +
 * title) after the current paragraph and its subparagraphs, and set whether operative numbering
 * starts again at the current part. Heading numbers are kept in sequence within their scope (the
 * body, or one annex): parts I, II, III… (or A, B… where the parts are lettered), sub-headings
 * A, B… again under each part. In ProseMirror's form `(state, dispatch?) => boolean`.
 */
import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import { closeHistory } from 'prosemirror-history';
import { newId } from '../../ids.js';
import { schema } from '../../resolution/schema.js';
import { toRoman } from '../../resolution/labels.js';
import { structureKey } from '../plugins/structure.js';
import { currentPara } from '../queries/paragraphs.js';
import { groupRange, headIndex } from './paragraphs.js';
import { settingsOf } from '../negotiation/settings.js';
import { refusalTransaction } from '../negotiation/structural.js';

/**
 * Headings and part restarts are not proposals: in negotiation mode they would change the text
 * (numbers, parts) untracked, so they are refused with a reason. True when it refused.
 */
function refusedInNegotiation(state: EditorState, dispatch?: (tr: Transaction) => void): boolean {
  if (!settingsOf(state).enabled) return false;
  dispatch?.(refusalTransaction(state, { key: 'neg.refuse.sections', params: {} }));
  return true;
}

/** Where a new heading goes: after the current paragraph's group, or after the current heading. */
function insertionPoint(state: EditorState): number | null {
  const $from = state.selection.$from;
  for (let d = $from.depth; d > 0; d--) if ($from.node(d).type === schema.nodes.heading) return $from.after(d);
  const cur = currentPara(state);
  const s = structureKey.getState(state);
  if (!cur || !s) return null;
  const paras = s.structure.paras;
  const [, b] = groupRange(paras, headIndex(paras, cur.index));
  const last = paras[b - 1]!;
  return last.pos + last.node.nodeSize;
}

const letter = (k: number): string => String.fromCharCode(65 + ((k - 1) % 26)).repeat(Math.floor((k - 1) / 26) + 1);

/**
 * Renumbers the headings of every scope in `tr` (the body; each annex): level 1 in roman numerals
 * unless the scope's parts are lettered, level 2 in letters starting again under each part.
 */
export function renumberHeadings(tr: Transaction): Transaction {
  const scopes: { node: PMNode; pos: number }[][] = [[]];
  tr.doc.forEach((n, off) => {
    if (n.type === schema.nodes.heading) scopes[0]!.push({ node: n, pos: off });
    else if (n.type.name === 'annex') {
      const list: { node: PMNode; pos: number }[] = [];
      n.forEach((c, o) => {
        if (c.type === schema.nodes.heading) list.push({ node: c, pos: off + 1 + o });
      });
      scopes.push(list);
    }
  });
  for (const list of scopes) {
    const parts = list.filter((h) => h.node.attrs.level !== 2);
    const lettered = parts.length > 0 && parts.every((h) => /^[A-Z]$/.test(h.node.attrs.num as string) && !/^[IVX]$/.test(h.node.attrs.num as string));
    let p = 0;
    let sub = 0;
    for (const h of list) {
      let num: string;
      if (h.node.attrs.level === 2) num = letter(++sub);
      else {
        sub = 0;
        p++;
        num = lettered ? letter(p) : toRoman(p).toUpperCase();
      }
      if (num !== h.node.attrs.num) tr.setNodeMarkup(h.pos, undefined, { ...h.node.attrs, num });
    }
  }
  return tr;
}

/**
 * Inserts an empty heading of `level` (1 = part, 2 = sub-heading) after the current paragraph and
 * its subparagraphs (or after the current heading) and puts the caret in it. A new part restarts
 * the operative numbering when the part before it does (the document's practice). False where no
 * heading can stand (no paragraph or heading under the caret).
 */
export function insertHeading(level: 1 | 2): Command {
  return (state, dispatch) => {
    const at = insertionPoint(state);
    if (at === null) return false;
    if (refusedInNegotiation(state, dispatch)) return true;
    let restart = false;
    state.doc.nodesBetween(0, at, (n) => {
      if (n.type === schema.nodes.heading && n.attrs.level === 1) restart = n.attrs.restart === true;
      return n.type.name === 'doc' || n.type.name === 'annex';
    });
    const node = schema.nodes.heading.create({ id: newId('h'), level, num: '', restart: level === 1 && restart });
    const tr = closeHistory(state.tr);
    if (!tr.doc.resolve(at).parent.canReplaceWith(tr.doc.resolve(at).index(), tr.doc.resolve(at).index(), node.type)) return false;
    if (!dispatch) return true;
    tr.insert(at, node);
    renumberHeadings(tr);
    tr.setSelection(TextSelection.create(tr.doc, at + 1));
    dispatch(tr.scrollIntoView());
    return true;
  };
}

/** The level-1 heading of the part the caret is in (within the body or the caret's annex), or null. */
function partHeadingAt(state: EditorState): { node: PMNode; pos: number } | null {
  const at = state.selection.from;
  let head: { node: PMNode; pos: number } | null = null;
  state.doc.nodesBetween(0, at, (n, pos) => {
    // An annex's parts are its own: entering an annex forgets the body's part.
    if (n.type.name === 'annex') head = null;
    if (n.type === schema.nodes.heading && n.attrs.level === 1 && pos < at) head = { node: n, pos };
    return n.type.name === 'doc' || n.type.name === 'annex';
  });
  return head;
}

/**
 * Whether operative numbering restarts in the part the caret is in: true or false inside a part,
 * null outside any part (the menu item is then disabled and unchecked).
 */
export function partRestartAt(state: EditorState): boolean | null {
  const h = partHeadingAt(state);
  return h ? h.node.attrs.restart === true : null;
}

/**
 * Sets whether operative numbering starts again at 1 in the part the caret is in (its level-1
 * heading's `restart`). False outside a part, or when nothing would change.
 */
export function setPartRestart(restart: boolean): Command {
  return (state, dispatch) => {
    const h = partHeadingAt(state);
    if (!h || (h.node.attrs.restart === true) === restart) return false;
    if (refusedInNegotiation(state, dispatch)) return true;
    if (dispatch) dispatch(closeHistory(state.tr).setNodeMarkup(h.pos, undefined, { ...h.node.attrs, restart }));
    return true;
  };
}

/** Turns the restart of numbering in the caret's part on or off (the menu's toggle). False outside a part. */
export const togglePartRestart: Command = (state, dispatch) => {
  const now = partRestartAt(state);
  return now !== null && setPartRestart(!now)(state, dispatch);
};
