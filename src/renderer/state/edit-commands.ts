/**
 * Handlers of the Edit commands that act on the editor itself: the keymap's commands run from a
 * menu or the palette (undo, select all, move a paragraph…), and the clipboard. The desktop menu
 * uses Electron's roles for the clipboard; these handlers serve the browser menu bar and the palette.
 */
import type { Command } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { EDITOR_COMMANDS, type EditorCommandId } from '../../shared/editor/keymap.js';
import type { CommandHandlers } from './commands.js';
import { t } from '../i18n/index.js';

/** What the edit handlers need from the app. */
export interface EditDeps {
  view: () => EditorView | null;
  /** Runs a ProseMirror command on the view and gives the editor focus; false when it did not apply. */
  exec: (cmd: Command) => boolean;
  notify: (text: string, error?: boolean) => void;
}

/** The ids these handlers cover. */
type EditId = EditorCommandId | 'edit.cut' | 'edit.copy' | 'edit.paste';

/** Undo/Redo/Select all and the other editor-scope commands, plus Cut, Copy and Paste. */
export function editHandlers({ view, exec, notify }: EditDeps): Pick<CommandHandlers, EditId> {
  const run = (id: EditorCommandId) => () => void exec(EDITOR_COMMANDS[id]);
  const keymapped = Object.fromEntries((Object.keys(EDITOR_COMMANDS) as EditorCommandId[]).map((id) => [id, run(id)])) as Pick<CommandHandlers, EditorCommandId>;
  // Cut and copy go through the browser's own clipboard path (ProseMirror serialises the
  // selection in its copy handler); a menu click is a user gesture, so the browser allows it.
  const clip = (what: 'cut' | 'copy', key: string) => () => {
    view()?.focus();
    if (!document.execCommand(what)) notify(t(what === 'cut' ? 'toast.cutRefused' : 'toast.copyRefused', { key }), true);
  };
  return {
    ...keymapped,
    'edit.cut': clip('cut', 'Ctrl+X'),
    'edit.copy': clip('copy', 'Ctrl+C'),
    'edit.paste': () => {
      const v = view();
      if (!v) return;
      v.focus();
      // Reading the clipboard needs the browser's permission; when it is refused, say which key works.
      const read = navigator.clipboard?.readText?.bind(navigator.clipboard);
      if (!read) return notify(t('toast.pasteUnsupported', { key: 'Ctrl+V' }), true);
      read().then(
        (text) => {
          if (text) v.pasteText(text);
        },
        () => notify(t('toast.pasteRefused', { key: 'Ctrl+V' }), true),
      );
    },
  };
}
