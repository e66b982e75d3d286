/**
 * What the editor view adds to the editor state (`src/shared/editor/state.ts`): node views, paste
 * handling and the keys that must be turned into transactions before the browser acts on them.
 * Used by the React editor component and the benchmarks.
 */
import type { EditorProps } from 'prosemirror-view';
import type { Plugin } from 'prosemirror-state';
import { freshIds } from '../../shared/editor/paste.js';
import { deleteCharTracked } from '../../shared/editor/negotiation/commands.js';
import { undoQuote } from '../../shared/editor/plugins/quotes.js';
import { FootnoteView, XrefView } from './views.js';
import { paragraphAriaPlugin } from '../a11y/paragraph-aria.js';
import { ghostTextDecorations } from './ghost-text.js';

/**
 * View props: node views, paste handling, the ghost text of a suggestion, and Backspace/Delete in negotiation mode. Direct view
 * props are consulted before any plugin, so the keys reach negotiation before the keymap does.
 */
export const viewProps: Partial<EditorProps> & { plugins: Plugin[] } = {
  // The view-only plugin saying paragraphs' kind and number to screen readers.
  plugins: [paragraphAriaPlugin()],
  nodeViews: {
    footnote: (node, view, getPos, decorations) => new FootnoteView(node, view, getPos, decorations),
    xref: (node, _view, _getPos, decorations) => new XrefView(node, decorations),
  },
  transformPasted: freshIds,
  decorations: ghostTextDecorations,
  handleKeyDown(view, event) {
    if (event.key !== 'Backspace' && event.key !== 'Delete') return false;
    if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return false;
    // Backspace right after a typographic quote gives back the straight one, in negotiation mode too.
    if (event.key === 'Backspace' && undoQuote(view.state, view.dispatch)) return true;
    return deleteCharTracked(event.key === 'Backspace' ? -1 : 1)(view.state, view.dispatch);
  },
};
