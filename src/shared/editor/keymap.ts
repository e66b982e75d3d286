/**
 * The editor's keymap, generated from the command registry (src/shared/commands.ts): each
 * `editor`-scope command names its ProseMirror command here, and its keys come from the registry,
 * so the keys the editor obeys are the keys Help › Keyboard shortcuts, the menus and the palette show.
 */
import type { Command } from 'prosemirror-state';
import { undo, redo } from 'prosemirror-history';
import { selectAll, toggleMark, chainCommands } from 'prosemirror-commands';
import { schema } from '../resolution/schema.js';
import { command, keysFor, toKeymapName, type COMMANDS } from '../commands.js';
import { toggleBrackets } from './negotiation/brackets.js';
import { convertKind, indent, moveParagraph, outdent, splitParagraph } from './commands/paragraphs.js';
import { insertFootnote, punctuate, togglePhrase } from './commands/text.js';
import { insertHeading, togglePartRestart } from './commands/headings.js';
import { goToTextEdge } from './commands/navigate.js';
import { dismissSuggestion, takeSuggestion } from './plugins/suggestion.js';

/** The ids of the registry commands whose keys ProseMirror's keymap owns. */
export type EditorCommandId = Extract<(typeof COMMANDS)[number], { scope: 'editor' }>['id'];

/** The ProseMirror command of every editor-scope registry command (the type makes a missing one an error). */
export const EDITOR_COMMANDS: { readonly [K in EditorCommandId]: Command } = {
  'edit.undo': undo,
  'edit.redo': redo,
  'edit.selectAll': selectAll,
  'edit.punctuate': punctuate(),
  'edit.convert': convertKind,
  'edit.footnote': insertFootnote,
  'edit.newParagraph': splitParagraph,
  // Tab takes an agreed-language suggestion shown at the caret; otherwise it demotes.
  'edit.demote': chainCommands(takeSuggestion, indent),
  'edit.promote': outdent,
  'edit.moveUp': moveParagraph(-1),
  'edit.moveDown': moveParagraph(1),
  'edit.togglePhrase': togglePhrase,
  'edit.brackets': toggleBrackets,
  'edit.italic': toggleMark(schema.marks.em),
  'edit.insertPart': insertHeading(1),
  'edit.insertSubHeading': insertHeading(2),
  'edit.partRestart': togglePartRestart,
  'edit.goStart': goToTextEdge(-1),
  'edit.goEnd': goToTextEdge(1),
  'edit.selectToStart': goToTextEdge(-1, true),
  'edit.selectToEnd': goToTextEdge(1, true),
};

/**
 * The keymap bindings: every key of every editor command on any platform, in ProseMirror's
 * notation (`Mod` is ⌘ on macOS, Ctrl elsewhere). The union keeps the state free of the platform
 * (it also runs in the CLI and tests): only Redo differs, and Mod-y on macOS stays Redo as before.
 */
export function editorKeyBindings(): Record<string, Command> {
  const keys: Record<string, Command> = {};
  for (const [id, cmd] of Object.entries(EDITOR_COMMANDS) as [EditorCommandId, Command][]) {
    const names = new Set([...keysFor(command(id), 'other'), ...keysFor(command(id), 'mac')].map(toKeymapName));
    for (const name of names) keys[name] = keys[name] ? chainCommands(keys[name]!, cmd) : cmd;
  }
  // Escape dismisses a shown suggestion and is otherwise left to the window (back to the editor).
  keys['Escape'] = dismissSuggestion;
  return keys;
}
