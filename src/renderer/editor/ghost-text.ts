/**
 * The ghost text of an agreed-language suggestion: the rest of the adopted paragraph, shown
 * greyed after the caret while the suggestion is shown (src/shared/editor/plugins/suggestion.ts
 * decides when). A widget decoration, so it is never part of the document: not saved, not
 * exported, not in the undo history, and screen readers hear it through its label only.
 */
import type { EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { activeSuggestion } from '../../shared/editor/plugins/suggestion.js';
import { t } from '../i18n/index.js';

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
      span.title = t('hover.ghost', { symbol, designation });
      span.setAttribute('aria-label', t('hover.ghostLabel', { symbol, designation, text: continuation }));
      return span;
    },
    { side: 1, ignoreSelection: true, key: `ghost:${symbol}:${designation}:${continuation}` },
  );
  return DecorationSet.create(state.doc, [widget]);
}
