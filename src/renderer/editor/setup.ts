/**
 * Builds the editor: plugins, keymap and node views over the resolution schema. Used by the
 * React editor component, the benchmarks and the tests.
 */
import { EditorState, type Plugin } from 'prosemirror-state';
import { history } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
import type { Node as PMNode, Slice } from 'prosemirror-model';
import { Fragment, Slice as PMSlice } from 'prosemirror-model';
import type { EditorProps } from 'prosemirror-view';
import { PARA_TYPES } from '../../shared/resolution/schema.js';
import { idsPlugin } from './ids.js';
import { structurePlugin } from './structure-plugin.js';
import { findPlugin } from './find.js';
import { rulesPlugin } from './rules.js';
import { proposalsPlugin, type NegotiationSettings } from './proposals.js';
import { editorKeyBindings } from './keymap.js';
import { FootnoteView, XrefView } from './views.js';

/** Strips ids and provenance-free copies from pasted paragraphs so they get fresh ids. */
function freshIds(slice: Slice): Slice {
  const map = (f: Fragment): Fragment => {
    const out: PMNode[] = [];
    f.forEach((n) => {
      if (PARA_TYPES.has(n.type.name) || n.type.name === 'annex' || n.type.name === 'footnote') {
        out.push(n.type.create({ ...n.attrs, id: '' }, map(n.content), n.marks));
      } else if (n.isText) out.push(n);
      else out.push(n.copy(map(n.content)));
    });
    return Fragment.fromArray(out);
  };
  return new PMSlice(map(slice.content), slice.openStart, slice.openEnd);
}

/** Options of a new editor state. */
export interface EditorOptions {
  autoPunctuate?: boolean;
  negotiation?: Partial<NegotiationSettings>;
}

/** All plugins of the editor. */
export function editorPlugins(opts: EditorOptions = {}): Plugin[] {
  // The registry's editor keys (keymap.ts); Redo's keys differ on macOS.
  const keys = editorKeyBindings(typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? 'mac' : 'other');
  return [
    // First, so edits become proposals before the other rules see them.
    proposalsPlugin(opts.negotiation),
    idsPlugin(),
    structurePlugin(),
    rulesPlugin(opts.autoPunctuate ?? true),
    findPlugin(),
    history({ newGroupDelay: 700 }),
    keymap(keys),
    keymap(baseKeymap),
  ];
}

/** A new editor state for `doc`. */
export function createEditorState(doc: PMNode, opts: EditorOptions = {}): EditorState {
  return EditorState.create({ doc, plugins: editorPlugins(opts) });
}

/** View props: node views and paste handling. */
export const viewProps: Partial<EditorProps> = {
  nodeViews: {
    footnote: (node, view, getPos, decorations) => new FootnoteView(node, view, getPos, decorations),
    xref: (node, _view, _getPos, decorations) => new XrefView(node, decorations),
  },
  transformPasted: freshIds,
};
