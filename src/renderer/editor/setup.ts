/**
 * Builds the editor: plugins, keymap and node views over the resolution schema. Used by the
 * React editor component, the benchmarks and the tests.
 */
import { EditorState, type Plugin, type Command } from 'prosemirror-state';
import { history, undo, redo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap, toggleMark, chainCommands } from 'prosemirror-commands';
import type { Node as PMNode, Slice } from 'prosemirror-model';
import { Fragment, Slice as PMSlice } from 'prosemirror-model';
import type { EditorProps } from 'prosemirror-view';
import { schema, PARA_TYPES } from '../../shared/resolution/schema.js';
import { idsPlugin } from './ids.js';
import { structurePlugin } from './structure-plugin.js';
import { findPlugin } from './find.js';
import { rulesPlugin } from './rules.js';
import { proposalsPlugin, toggleBrackets, type NegotiationSettings } from './proposals.js';
import {
  convertKind,
  indent,
  insertFootnote,
  moveParagraph,
  outdent,
  punctuate,
  splitParagraph,
  togglePhrase,
} from './commands.js';
import { FootnoteView, XrefView } from './views.js';
import { paragraphAriaPlugin } from '../a11y/paragraph-aria.js';

/** The keyboard shortcuts, for the keymap and for Help > Keyboard Shortcuts. */
export const SHORTCUTS: { keys: string; label: string; command: Command }[] = [
  { keys: 'Enter', label: 'New paragraph of the same kind', command: splitParagraph },
  { keys: 'Tab', label: 'Make a subparagraph (demote)', command: indent },
  { keys: 'Shift-Tab', label: 'Promote a subparagraph', command: outdent },
  { keys: 'Alt-ArrowUp', label: 'Move paragraph up', command: moveParagraph(-1) },
  { keys: 'Alt-ArrowDown', label: 'Move paragraph down', command: moveParagraph(1) },
  { keys: 'Mod-Shift-k', label: 'Convert preambular ↔ operative', command: convertKind },
  { keys: 'Mod-Shift-.', label: 'Fix end punctuation everywhere', command: punctuate() },
  { keys: 'Mod-Shift-i', label: 'Mark / unmark the opening phrase', command: togglePhrase },
  { keys: 'Mod-Alt-f', label: 'Insert a footnote', command: insertFootnote },
  { keys: 'Mod-Shift-b', label: 'Bracket the selection [ ] (or remove the bracket at the cursor)', command: toggleBrackets },
  { keys: 'Mod-i', label: 'Italic (emphasis)', command: toggleMark(schema.marks.em) },
  { keys: 'Mod-z', label: 'Undo', command: undo },
  { keys: 'Mod-y', label: 'Redo', command: redo },
  { keys: 'Mod-Shift-z', label: 'Redo', command: redo },
];

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
  const keys: Record<string, Command> = {};
  for (const s of SHORTCUTS) keys[s.keys] = keys[s.keys] ? chainCommands(keys[s.keys]!, s.command) : s.command;
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

/** View props: node views, paste handling, and the view-only plugin saying paragraphs' kind and number to screen readers. */
export const viewProps: Partial<EditorProps> & { plugins: Plugin[] } = {
  plugins: [paragraphAriaPlugin()],
  nodeViews: {
    footnote: (node, view, getPos, decorations) => new FootnoteView(node, view, getPos, decorations),
    xref: (node, _view, _getPos, decorations) => new XrefView(node, decorations),
  },
  transformPasted: freshIds,
};
