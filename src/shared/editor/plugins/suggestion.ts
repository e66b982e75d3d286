/**
 * The agreed-language suggestion for the paragraph being typed (Matches panel, library.suggest):
 * which adopted paragraph is offered, and for which text. The renderer previews the rest of it
 * as ghost text (a widget decoration, src/renderer/editor/ghost-text.ts); Tab takes it.
 *
 * When a suggestion is "shown" — the one rule both the ghost text and Tab follow
 * ({@link activeSuggestion}): the selection is a caret (empty), in the paragraph the suggestion was
 * made for, at the end of that paragraph's text, and the paragraph's text is still exactly the text
 * the suggestion was computed for (typing on hides it until the panel offers the next one). Only
 * then does Tab take the suggestion; everywhere else Tab demotes as it always did, and Escape
 * dismisses a shown suggestion so that Tab demotes there too.
 */
import { Plugin, PluginKey, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { paraPlainText } from '../../resolution/structure.js';
import { structureKey } from './structure.js';
import { replaceWithAgreed, type AgreedText } from '../commands/agreed.js';

/** A suggestion offered for one paragraph. */
export interface Suggestion extends AgreedText {
  /** The paragraph (id) it was offered for. */
  paragraphId: string;
  /** The paragraph's plain text when it was offered. */
  forText: string;
  /** What the adopted paragraph has after the typed words (the ghost text); "" for none. */
  continuation: string;
}

/** Key of the suggestion plugin; its state is the suggestion offered, or null. */
export const suggestionKey = new PluginKey<Suggestion | null>('plenary-suggestion');

/** The plugin holding the offered suggestion; any document change that touches its paragraph keeps it only while {@link activeSuggestion} says so. */
export function suggestionPlugin(): Plugin<Suggestion | null> {
  return new Plugin<Suggestion | null>({
    key: suggestionKey,
    state: {
      init: () => null,
      apply(tr, value) {
        const meta = tr.getMeta(suggestionKey) as { set: Suggestion | null } | undefined;
        return meta ? meta.set : value;
      },
    },
  });
}

/** Offers `s` (or withdraws the offer with null). Not an edit: it never enters the undo history. */
export function setSuggestion(tr: Transaction, s: Suggestion | null): Transaction {
  return tr.setMeta(suggestionKey, { set: s }).setMeta('addToHistory', false);
}

/** The suggestion as shown now (see the module comment for the rule), with where its ghost text goes; else null. */
export function activeSuggestion(state: EditorState): { suggestion: Suggestion; at: number } | null {
  const s = suggestionKey.getState(state);
  if (!s || !s.continuation || !state.selection.empty) return null;
  const p = structureKey.getState(state)?.structure.byId.get(s.paragraphId);
  if (!p) return null;
  const end = p.pos + 1 + p.node.content.size;
  if (state.selection.head !== end) return null;
  if (paraPlainText(p.node) !== s.forText) return null;
  return { suggestion: s, at: end };
}

/** Tab with a suggestion shown: the paragraph's text becomes the adopted text, with its provenance (one undo step). */
export const takeSuggestion: Command = (state, dispatch) => {
  const a = activeSuggestion(state);
  if (!a) return false;
  const { suggestion: s } = a;
  return replaceWithAgreed(s.paragraphId, s)(state, dispatch ? (tr) => dispatch(tr.setMeta(suggestionKey, { set: null })) : undefined);
};

/** Escape with a suggestion shown: withdraw it (Tab then demotes as usual). */
export const dismissSuggestion: Command = (state, dispatch) => {
  if (!activeSuggestion(state)) return false;
  if (dispatch) dispatch(setSuggestion(state.tr, null));
  return true;
};
