/**
 * Rules applied as the delegate types:
 * - kind follows the opening: the last preambular paragraph that starts with an operative verb
 *   ("Requests …") becomes the first operative paragraph, and the first operative paragraph that
 *   starts with a preambular phrase becomes the last preambular one (only at the boundary, where
 *   no paragraph has to move);
 * - auto-punctuation (an option): once the cursor leaves a paragraph, its end punctuation is set
 *   by the UN rules (PP ",", OP ";", last OP ".", lead-in ":", subparagraphs ";").
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { ReplaceStep } from 'prosemirror-transform';
import { closeHistory, isHistoryTransaction } from 'prosemirror-history';
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../../resolution/schema.js';
import type { FrontMatter } from '../../resolution/model.js';
import { classifyOpening } from '../../resolution/lexicon.js';
import { checkEndPunctuation } from '../../resolution/punctuation.js';
import { structureKey } from './structure.js';
import { paraAt } from '../queries/paragraphs.js';
import { punctuateTr } from '../commands/text.js';
import { proposalsKey } from '../negotiation/settings.js';
import { paraEndingText, paraText } from '../../resolution/structure.js';

/** Key of the rules plugin; its state says whether auto-punctuation is on. */
export const rulesKey = new PluginKey<{ autoPunctuate: boolean }>('plenary-rules');

/** A transaction that switches auto-punctuation on or off. */
export function setAutoPunctuate(state: EditorState, on: boolean): Transaction {
  return state.tr.setMeta(rulesKey, { autoPunctuate: on });
}

function kindFix(state: EditorState): Transaction | null {
  const here = paraAt(state, state.selection.head);
  if (!here || here.node.attrs.level !== 0) return null;
  const name = here.node.type.name;
  if (name !== 'pp' && name !== 'op') return null;
  const text = paraText(here.node);
  if (text.length < 3 || text.length > 60) return null; // decide while the opening is being typed
  const lang = (state.doc.attrs.meta as FrontMatter).language;
  const c = classifyOpening(text, lang);
  if (!c || c.kind === name) return null;
  const after = here.pos + here.node.nodeSize;
  const next: PMNode | null = after < state.doc.content.size ? state.doc.resolve(after).nodeAfter : null;
  const prev: PMNode | null = here.pos > 0 ? state.doc.resolve(here.pos).nodeBefore : null;
  if (name === 'pp' && c.kind === 'op' && (!next || next.type.name !== 'pp')) {
    return state.tr.setNodeMarkup(here.pos, schema.nodes.op, here.node.attrs);
  }
  if (name === 'op' && c.kind === 'pp' && (!prev || prev.type.name !== 'op')) {
    let ops = 0;
    state.doc.forEach((n) => {
      if (n.type.name === 'op') ops++;
    });
    if (ops > 1) return state.tr.setNodeMarkup(here.pos, schema.nodes.pp, here.node.attrs);
  }
  return null;
}

/** Whether a transaction only typed or deleted text (not undo, paste of blocks, or a command). */
function isTyping(tr: Transaction): boolean {
  if (!tr.docChanged) return true;
  if (isHistoryTransaction(tr) || tr.getMeta('uiEvent') === 'paste' || tr.getMeta('uiEvent') === 'drop') return false;
  return tr.steps.every(
    (s) => s instanceof ReplaceStep && s.slice.openStart === 0 && s.slice.content.childCount <= 1 && (s.slice.content.firstChild?.isText ?? true),
  );
}

const checked = new WeakMap<PMNode, string>();

function punctuationFix(state: EditorState): Transaction | null {
  const s = structureKey.getState(state);
  if (!s) return null;
  const lang = (state.doc.attrs.meta as FrontMatter).language;
  const head = paraAt(state, state.selection.head);
  const tr = state.tr;
  let changed = false;
  for (const p of s.structure.paras) {
    if (head && p.pos === head.pos) continue;
    if (p.deleted || p.node.content.size === 0) continue;
    const key = `${p.role}|${lang}`;
    if (checked.get(p.node) === key) continue;
    const issue = checkEndPunctuation(paraEndingText(p.node), p.role, lang);
    if (issue && punctuateTr(tr, p, lang)) changed = true;
    else checked.set(p.node, key);
  }
  return changed ? tr : null;
}

/** The plugin; `autoPunctuate` is its initial setting. */
export function rulesPlugin(autoPunctuate = true): Plugin<{ autoPunctuate: boolean }> {
  return new Plugin({
    key: rulesKey,
    state: {
      init: () => ({ autoPunctuate }),
      apply: (tr, prev) => (tr.getMeta(rulesKey) as { autoPunctuate: boolean } | undefined) ?? prev,
    },
    appendTransaction(trs, oldState, state) {
      const docChanged = trs.some((t) => t.docChanged);
      if (trs.some((t) => t.getMeta('plenary-no-rules'))) return null;
      // Undo and redo restore a document exactly: the derived changes of the original edit are
      // part of its history event. Deriving again here would add steps to the undone/redone event
      // that interleave with it (defect "undo after redo corrupts the text").
      if (trs.some((t) => isHistoryTransaction(t))) return null;
      if (docChanged && trs.every(isTyping)) {
        const fix = kindFix(state);
        if (fix) return fix;
      }
      if (!rulesKey.getState(state)?.autoPunctuate) return null;
      // In negotiation mode every edit is someone's proposal: the app proposes nothing itself.
      if (proposalsKey.getState(state)?.enabled) return null;
      // Only when the cursor moved to another paragraph or the structure changed.
      const before = paraAt(oldState, oldState.selection.head);
      const after = paraAt(state, state.selection.head);
      const moved = !before || !after || before.node.attrs.id !== after.node.attrs.id;
      if (!moved && !docChanged) return null;
      const fix = punctuationFix(state);
      // Punctuation set because the cursor left a paragraph is the effect of that click or
      // arrow key: its own undo step. Appended to a selection-only transaction, history would
      // otherwise merge it into the previous event (appended transactions never open a group), and
      // one undo would take back both the punctuation and the delegate's last edit.
      return fix && !docChanged ? closeHistory(fix) : fix;
    },
  });
}
