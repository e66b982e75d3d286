// Typographic quotes through a real EditorView (jsdom) with the app's view props: the view's text
// input reaches the quote rule, and Backspace right after gives back the straight quote, in
// negotiation mode too (where the view's own key handler sees Backspace first).
import { describe, expect, it } from 'vitest';
import { TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { createEditorState } from '../../../src/shared/editor/state.js';
import { listProposals } from '../../../src/shared/editor/negotiation/index.js';
import { viewProps } from '../../../src/renderer/editor/setup.js';
import { quotesKey } from '../../../src/shared/editor/plugins/quotes.js';
import { doc, op, pp } from '../../helpers/builders.js';

const NEGOTIATION = { enabled: true, delegation: 'EU', delegations: [{ name: 'EU', color: '#1f6fb2' }] };

function mount(negotiation: typeof NEGOTIATION | { enabled: false }) {
  const d = doc({ language: 'en' }, pp({ id: 'pp1' }, 'Recalling its resolution entitled '), op({ id: 'op1' }, 'Decides to remain seized of the matter.'));
  let state = createEditorState(d, { autoPunctuate: false, negotiation });
  state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1 + 'Recalling its resolution entitled '.length)));
  const place = document.createElement('div');
  document.body.append(place);
  const view = new EditorView(place, { ...viewProps, state });
  /** What the view does with a typed character: the props first, else its default insertion. */
  const input = (text: string) => {
    const { from, to } = view.state.selection;
    const deflt = () => view.state.tr.insertText(text, from, to);
    if (!view.someProp('handleTextInput', (f) => f(view, from, to, text, deflt))) view.dispatch(deflt());
  };
  const key = (k: string) => view.dom.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  return { view, input, key };
}

const first = (v: EditorView) => v.state.doc.firstChild!.textContent;

describe('typographic quotes in an editor view', () => {
  for (const negotiation of [{ enabled: false as const }, NEGOTIATION]) {
    it(`typing "Our world" gives “Our world”; Backspace right after gives back the straight quote (negotiation ${negotiation.enabled ? 'on' : 'off'})`, () => {
      const { view, input, key } = mount(negotiation);
      for (const ch of '"Our world"') input(ch);
      expect(first(view)).toBe('Recalling its resolution entitled “Our world”');
      key('Backspace');
      expect(first(view)).toBe('Recalling its resolution entitled “Our world"');
      if (negotiation.enabled) expect(listProposals(view.state).map((p) => [p.kind, p.text])).toEqual([['ins', '“Our world"']]);
      // Taken back once: the next Backspace is an ordinary one (left to the browser when the
      // mode is off; tracked, here removing the delegation's own insertion, when on).
      expect(quotesKey.getState(view.state)).toBeNull();
      key('Backspace');
      if (negotiation.enabled) expect(first(view)).toBe('Recalling its resolution entitled “Our world');
      view.destroy();
    });
  }
});
