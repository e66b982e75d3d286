/**
 * Going to the start or the end of the text (Ctrl+Home, Ctrl+End; ⌘↑, ⌘↓ on macOS). The browser's
 * own handling of these keys puts the caret at the first or last DOM position of the editor,
 * which is the enacting formula's widget or a gap between blocks, not a text position: the
 * commands that follow (Move paragraph down…) then find no paragraph. These put it in the first
 * or last textblock instead; the Shift variants extend the selection from its anchor.
 */
import { TextSelection, type Command } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';

/** The first (`dir` -1) or last (`dir` 1) text position of `doc`: inside its first or last textblock; null when it has none. */
export function textEdge(doc: PMNode, dir: -1 | 1): number | null {
  let first: number | null = null;
  let last: number | null = null;
  doc.descendants((n, pos) => {
    if (!n.isTextblock) return true;
    if (first === null) first = pos + 1;
    last = pos + 1 + n.content.size;
    return false;
  });
  return dir < 0 ? first : last;
}

/**
 * Puts the caret at the first (`dir` -1) or last (`dir` 1) text position of the document; with
 * `extend`, moves only the selection's head there. False in a document without text blocks.
 */
export function goToTextEdge(dir: -1 | 1, extend = false): Command {
  return (state, dispatch) => {
    const at = textEdge(state.doc, dir);
    if (at === null) return false;
    if (dispatch) {
      const anchor = extend ? state.selection.anchor : at;
      dispatch(state.tr.setSelection(TextSelection.between(state.doc.resolve(anchor), state.doc.resolve(at))).scrollIntoView());
    }
    return true;
  };
}
