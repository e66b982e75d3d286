/**
 * The editor's words in the interface language: the hover texts the structure plugin puts on a
 * paragraph whose opening looks wrong (src/shared/editor/plugins/structure.ts takes them as
 * EditorMessages, so src/shared keeps no i18n), what a screen reader hears for each paragraph, and
 * the titles of the renderer's own widgets.
 */
import type { EditorMessages } from '../../shared/editor/plugins/structure.js';
import { t } from './index.js';
import { spokenDesignation } from '../a11y/paragraph-aria.js';

const PHRASE_HINT_KEYS: Readonly<Record<string, string>> = {
  'op-unknown': 'hover.opUnknown',
  'pp-in-op': 'hover.ppInOp',
  'op-in-pp': 'hover.opInPp',
};

/** The editor's wording in the interface language (passed to createEditorState). */
export const UI_EDITOR_MESSAGES: EditorMessages = {
  phraseHint: (kind) => (PHRASE_HINT_KEYS[kind] ? t(PHRASE_HINT_KEYS[kind]) : ''),
  describe: spokenDesignation,
};
