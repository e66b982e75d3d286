/**
 * The editor's keymap, generated from the command registry (src/shared/commands.ts): each
 * `editor`-scope command names its ProseMirror command here, and its keys come from the registry,
 * so the keys the editor obeys are the keys Help › Keyboard shortcuts, the menus and the palette show.
 */
import type { Command } from 'prosemirror-state';
import { selectAll, toggleMark, chainCommands } from 'prosemirror-commands';
import { undo, redo } from 'prosemirror-history';
import { schema } from '../../shared/resolution/schema.js';
import { command, keysFor, toKeymapName, type COMMANDS, type Platform } from '../../shared/commands.js';
import { toggleBrackets } from './proposals.js';
import { convertKind, indent, insertFootnote, moveParagraph, outdent, punctuate, splitParagraph, togglePhrase } from './commands.js';

/** The ids of the commands whose keys ProseMirror's keymap owns. */
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
  'edit.demote': indent,
  'edit.promote': outdent,
  'edit.moveUp': moveParagraph(-1),
  'edit.moveDown': moveParagraph(1),
  'edit.togglePhrase': togglePhrase,
  'edit.brackets': toggleBrackets,
  'edit.italic': toggleMark(schema.marks.em),
};

/**
 * The keymap bindings: every key of every editor command, in ProseMirror's notation. `Mod` binds
 * ⌘ on macOS and Ctrl elsewhere, so the platform only changes which keys a command has (Redo).
 */
export function editorKeyBindings(platform: Platform): Record<string, Command> {
  const keys: Record<string, Command> = {};
  for (const [id, cmd] of Object.entries(EDITOR_COMMANDS) as [EditorCommandId, Command][]) {
    for (const k of keysFor(command(id), platform)) {
      const name = toKeymapName(k);
      keys[name] = keys[name] ? chainCommands(keys[name]!, cmd) : cmd;
    }
  }
  return keys;
}
