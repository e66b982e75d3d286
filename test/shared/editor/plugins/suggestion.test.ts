// The agreed-language suggestion: when it counts as shown (caret at the end of the paragraph it
// was offered for, text unchanged), Tab takes it with provenance in one undo step, and Tab
// demotes as before everywhere else; Escape dismisses it. Random sequences of offers, typing, caret
// moves and Tab check that Tab only ever takes a shown suggestion and otherwise never changes text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { undo } from 'prosemirror-history';
import { createEditorState } from '../../../../src/shared/editor/state.js';
import { structureKey } from '../../../../src/shared/editor/plugins/structure.js';
import { activeSuggestion, setSuggestion, type Suggestion } from '../../../../src/shared/editor/plugins/suggestion.js';
import { paraPlainText } from '../../../../src/shared/resolution/structure.js';
import { doc, op, pp } from '../../../helpers/builders.js';

const ADOPTED = 'Requests the Secretary-General to submit to the General Assembly at its eightieth session a report on the implementation of the present resolution.';

function start(): EditorState {
  return createEditorState(doc({}, pp({ id: 'pp1' }, 'Recalling its resolutions,'), op({ id: 'op1' }, 'Notes the report;'), op({ id: 'op2' }, 'Requests the Secretary-General to')));
}
const para = (s: EditorState, id: string) => structureKey.getState(s)!.structure.byId.get(id)!;
const caret = (s: EditorState, id: string, offset?: number) => {
  const p = para(s, id);
  return s.apply(s.tr.setSelection(TextSelection.create(s.doc, p.pos + 1 + (offset ?? p.node.content.size))));
};
const offer = (s: EditorState, id = 'op2'): EditorState => {
  const sg: Suggestion = { paragraphId: id, forText: paraPlainText(para(s, id).node), symbol: 'A/RES/79/200', designation: 'OP9', kind: 'op', text: ADOPTED, continuation: ' submit to the General Assembly…' };
  return s.apply(setSuggestion(s.tr, sg));
};
/** Presses a key through the editor's own keymaps (as the view would). */
function press(s: EditorState, key: string): { state: EditorState; handled: boolean } {
  let next = s;
  const view = { state: s, dispatch: (tr: Transaction) => (next = next.apply(tr)) } as never;
  const event = new (class {
    key = key;
    code = key;
    ctrlKey = false;
    metaKey = false;
    altKey = false;
    shiftKey = false;
    keyCode = key === 'Tab' ? 9 : 27;
  })() as unknown as KeyboardEvent;
  let handled = false;
  for (const p of s.plugins) {
    const h = p.props.handleKeyDown as ((v: unknown, e: KeyboardEvent) => boolean) | undefined;
    if (h && h.call(p, view, event)) {
      handled = true;
      break;
    }
  }
  return { state: next, handled };
}

describe('suggestion: Tab takes it only when shown', () => {
  it('is shown at the end of its paragraph with the text it was offered for, and Tab takes it with provenance', () => {
    let s = offer(caret(start(), 'op2'));
    expect(activeSuggestion(s)?.at).toBe(para(s, 'op2').pos + 1 + para(s, 'op2').node.content.size);
    const r = press(s, 'Tab');
    expect(r.handled).toBe(true);
    s = r.state;
    expect(para(s, 'op2').node.textContent).toBe(ADOPTED);
    expect(para(s, 'op2').node.attrs.level).toBe(0);
    expect(para(s, 'op2').node.attrs.provenance).toMatchObject({ symbol: 'A/RES/79/200', paragraph: 'OP9', text: ADOPTED });
    expect(activeSuggestion(s)).toBeNull();
    // One undo step gives back the typed words.
    let back = s;
    undo(s, (tr) => (back = s.apply(tr)));
    expect(para(back, 'op2').node.textContent).toBe('Requests the Secretary-General to');
    expect(para(back, 'op2').node.attrs.provenance).toBeNull();
  });

  it('is not shown (and Tab demotes) when the caret is not at the end, the text changed, or there is a selection', () => {
    const offered = offer(caret(start(), 'op2'));
    const mid = caret(offered, 'op2', 3);
    expect(activeSuggestion(mid)).toBeNull();
    expect(para(press(mid, 'Tab').state, 'op2').node.attrs.level).toBe(1);
    const typed = offered.apply(offered.tr.insertText(' x'));
    expect(activeSuggestion(typed)).toBeNull();
    const p = para(offered, 'op2');
    const sel = offered.apply(offered.tr.setSelection(TextSelection.create(offered.doc, p.pos + 2, p.pos + 1 + p.node.content.size)));
    expect(activeSuggestion(sel)).toBeNull();
    const elsewhere = caret(offered, 'op1');
    expect(activeSuggestion(elsewhere)).toBeNull();
    expect(para(press(elsewhere, 'Tab').state, 'op1').node.textContent).toBe('Notes the report;');
  });

  it('Escape dismisses it; then Tab demotes', () => {
    const offered = offer(caret(start(), 'op2'));
    const r = press(offered, 'Escape');
    expect(r.handled).toBe(true);
    expect(activeSuggestion(r.state)).toBeNull();
    const t = press(r.state, 'Tab').state;
    expect(para(t, 'op2').node.attrs.level).toBe(1);
    expect(para(t, 'op2').node.textContent).toBe('Requests the Secretary-General to');
  });

  it('offering is not an edit: it never enters the undo history', () => {
    const s = offer(caret(start(), 'op2'));
    expect(undo(s)).toBe(false);
  });

  it('random offers, typing, caret moves and Tab: Tab changes the text only by taking a shown suggestion', () => {
    const action = fc.oneof(
      fc.record({ t: fc.constant('offer' as const), id: fc.constantFrom('op1', 'op2', 'pp1') }),
      fc.record({ t: fc.constant('type' as const), text: fc.constantFrom('a', ' word', 'x') }),
      fc.record({ t: fc.constant('caret' as const), id: fc.constantFrom('op1', 'op2', 'pp1'), end: fc.boolean() }),
      fc.record({ t: fc.constant('tab' as const) }),
      fc.record({ t: fc.constant('esc' as const) }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 25 }), (actions) => {
        let s = caret(start(), 'op2');
        for (const a of actions) {
          if (a.t === 'offer') s = offer(s, a.id);
          else if (a.t === 'type') s = s.apply(s.tr.insertText(a.text));
          else if (a.t === 'caret') s = caret(s, a.id, a.end ? undefined : 0);
          else if (a.t === 'esc') s = press(s, 'Escape').state;
          else {
            const shown = activeSuggestion(s);
            // Demoting may change end punctuation (a lead-in takes a colon); the words must stay.
            const words = (st: EditorState) => structureKey.getState(st)!.structure.paras.map((p) => p.node.textContent.replace(/[,;:.]$/, ''));
            const texts = words(s);
            const next = press(s, 'Tab').state;
            const after = words(next);
            if (shown) expect(para(next, shown.suggestion.paragraphId).node.textContent).toBe(ADOPTED);
            else expect(after).toEqual(texts);
            s = next;
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
