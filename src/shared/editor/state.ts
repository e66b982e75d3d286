/**
 * Builds an editor state: every plugin that works on the state (negotiation, ids, structure,
 * typing rules, find, history, keymap) over the resolution schema. The same state serves the
 * editor view, the CLI, the exporters, the benchmarks and the headless tests.
 */
import { EditorState, type Plugin } from 'prosemirror-state';
import { history } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
import type { Node as PMNode } from 'prosemirror-model';
import { idsPlugin } from './plugins/ids.js';
import { structurePlugin, type EditorMessages } from './plugins/structure.js';
import { findPlugin } from './plugins/find.js';
import { rulesPlugin } from './plugins/rules.js';
import { suggestionPlugin } from './plugins/suggestion.js';
import { quotesPlugin } from './plugins/quotes.js';
import { proposalsPlugin } from './negotiation/plugin.js';
import { proposalDecorationsPlugin } from './negotiation/decorations.js';
import type { NegotiationSettings } from './negotiation/settings.js';
import { editorKeyBindings } from './keymap.js';

/** Options of a new editor state. */
export interface EditorOptions {
  autoPunctuate?: boolean;
  negotiation?: Partial<NegotiationSettings>;
  /** Words the plugins put in the page (hover texts); English when absent. */
  messages?: EditorMessages;
}

/** All plugins of the editor. */
export function editorPlugins(opts: EditorOptions = {}): Plugin[] {
  // The registry's editor keys (keymap.ts, src/shared/commands.ts).
  const keys = editorKeyBindings();
  return [
    // First, so edits become proposals before the other rules see them.
    proposalsPlugin(opts.negotiation),
    proposalDecorationsPlugin(),
    idsPlugin(),
    structurePlugin(opts.messages),
    rulesPlugin(opts.autoPunctuate ?? true),
    findPlugin(),
    suggestionPlugin(),
    // Typographic quotes as typed; its Backspace (take the replacement back) precedes the keymaps.
    quotesPlugin(),
    history({ newGroupDelay: 700 }),
    keymap(keys),
    keymap(baseKeymap),
  ];
}

/** A new editor state for `doc`. */
export function createEditorState(doc: PMNode, opts: EditorOptions = {}): EditorState {
  return EditorState.create({ doc, plugins: editorPlugins(opts) });
}
