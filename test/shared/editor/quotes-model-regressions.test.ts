// Failing sequences the randomized model (undo-model*.test.ts) found once the quote keys joined
// its alphabet, each kept as a plain test (the rule of test/shared/editor/undo-regressions.test.ts).
import { describe, it } from 'vitest';
import { runModel, type Action } from '../../helpers/editor-model.js';

describe('typographic quotes in the editing model', () => {
  it('fr seed 9002, negotiation on: a closing quote after a space the delegate typed is one undo step', () => {
    // Once: the space before the closing » became a no-break space in the same keystroke, which
    // negotiation tracking recorded as a replacement (two history events for one key). Now the
    // space stays as typed in negotiation mode.
    const actions: Action[] = [
      { t: 'redo' }, { t: 'key', key: 'Enter' }, { t: 'type', text: 'Décide ' }, { t: 'key', key: 'Enter' }, { t: 'key', key: 'Backspace' },
      { t: 'key', key: 'Enter' }, { t: 'undo' }, { t: 'key', key: 'Enter' }, { t: 'select', at: 0, len: 1 }, { t: 'click', at: 0 }, { t: 'undo' },
      { t: 'click', at: 0 }, { t: 'key', key: 'Enter' }, { t: 'undo' }, { t: 'redo' }, { t: 'click', at: 0 }, { t: 'key', key: 'Enter' },
      { t: 'type', text: ' "q' }, { t: 'type', text: 'Décide ' }, { t: 'type', text: ' "q' }, { t: 'undo' }, { t: 'type', text: 'Décide ' },
      { t: 'type', text: 'Décide ' }, { t: 'proposal', which: 0, verb: 'accept' }, { t: 'key', key: 'Enter' }, { t: 'xref', para: 0 },
      { t: 'key', key: 'Enter' }, { t: 'key', key: 'Enter' }, { t: 'select', at: 0, len: 1 }, { t: 'select', at: 0, len: 1 }, { t: 'redo' },
      { t: 'key', key: 'Backspace' }, { t: 'undo' }, { t: 'select', at: 0, len: 1 }, { t: 'undo' }, { t: 'type', text: 'Décide ' },
      { t: 'key', key: 'Enter' }, { t: 'type', text: 'Décide ' }, { t: 'key', key: 'Backspace' }, { t: 'type', text: 'Décide ' },
    ];
    runModel(actions, { lang: 'fr', negotiation: true });
  });
});
