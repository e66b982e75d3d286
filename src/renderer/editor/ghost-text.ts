/**
 * The ghost text of an agreed-language suggestion: the rest of the adopted paragraph, shown
 * greyed after the caret while the suggestion is shown (src/shared/editor/plugins/suggestion.ts
 * decides when). A widget decoration, so it is never part of the document: not saved, not
 * exported, not in the undo history, and screen readers hear it through its label only.
 */
import type { EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { activeSuggestion } from '../../shared/editor/plugins/suggestion.js';

/** The ghost-text decoration for `state`, or null when no suggestion is shown. */
export function ghostTextDecorations(state: EditorState): DecorationSet | null {
  const a = activeSuggestion(state);
  if (!a) return null;
  const { continuation, symbol, designation } = a.suggestion;
  const widget = Decoration.widget(
    a.at,
    () => {
      const span = document.createElement('span');
      span.className = 'ghost-text';
      span.contentEditable = 'false';
      span.textContent = continuation;
      span.title = `Agreed language from ${symbol}, ${designation}: Tab takes it, Escape dismisses it`;
      span.setAttribute('aria-label', `Suggestion from ${symbol}, ${designation}: ${continuation}. Tab takes it.`);
      return span;
    },
    { side: 1, ignoreSelection: true, key: `ghost:${symbol}:${designation}:${continuation}` },
  );
  return DecorationSet.create(state.doc, [widget]);
}
