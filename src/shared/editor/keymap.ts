/**
 * The editor's keyboard shortcuts: one list feeds the keymap plugin and Help › Keyboard shortcuts.
 */
import type { Command } from 'prosemirror-state';
import { undo, redo } from 'prosemirror-history';
import { toggleMark } from 'prosemirror-commands';
import { schema } from '../resolution/schema.js';
import { toggleBrackets } from './negotiation/brackets.js';
import { convertKind, indent, moveParagraph, outdent, splitParagraph } from './commands/paragraphs.js';
import { insertFootnote, punctuate, togglePhrase } from './commands/text.js';

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
