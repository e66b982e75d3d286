// Backspace and Delete in negotiation mode, in a real EditorView (jsdom): the view's key handler
// (src/renderer/editor/setup.ts) turns them into transactions that tracking records, instead of
// leaving the browser to remove the character; the markup is drawn with the delegation's colour.
import { describe, expect, it } from 'vitest';
import { TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { createEditorState } from '../../../src/shared/editor/state.js';
import { listProposals } from '../../../src/shared/editor/negotiation/index.js';
import { viewProps } from '../../../src/renderer/editor/setup.js';
import { doc, op, pp } from '../../helpers/builders.js';

const NEGOTIATION = { enabled: true, delegation: 'EU', delegations: [{ name: 'EU', color: '#1f6fb2' }] };

function mount(cursorAfter: string, negotiation: typeof NEGOTIATION | { enabled: false }) {
  const d = doc({}, pp({ id: 'pp1' }, 'Recalling its resolutions,'), op({ id: 'op1' }, 'Requests the Secretary-General to report;'));
  let state = createEditorState(d, { autoPunctuate: false, negotiation });
  let at = -1;
  state.doc.descendants((n, pos) => {
    const k = n.isText ? (n.text ?? '').indexOf(cursorAfter) : -1;
    if (at < 0 && k >= 0) at = pos + k + cursorAfter.length;
    return at < 0;
  });
  state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at)));
  const place = document.createElement('div');
  document.body.append(place);
  const view = new EditorView(place, { ...viewProps, state });
  const key = (k: string) => view.dom.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  return { view, key };
}

describe('negotiation keys in an editor view', () => {
  it('Backspace and Delete are tracked rather than left to the browser', () => {
    const { view, key } = mount('report', NEGOTIATION);
    key('Backspace');
    key('Backspace');
    expect(listProposals(view.state).map((p) => [p.kind, p.by, p.text])).toEqual([['del', 'EU', 'rt']]);
    key('Delete');
    expect(listProposals(view.state).map((p) => [p.kind, p.by, p.text])).toEqual([['del', 'EU', 'rt;']]);
    expect(view.state.doc.textContent).toContain('to report;');
    // The markup is rendered with the delegation's tag and colour.
    const del = view.dom.querySelector('.proposal-del.proposal-shown') as HTMLElement;
    expect(del.textContent).toBe('rt;');
    expect(del.getAttribute('style')).toContain('--by-color: #1f6fb2');
    expect(view.dom.querySelector('.proposal-tag')!.textContent).toBe('EU: delete');
    view.destroy();
  });

  it('leaves Backspace to the keymap and the browser when negotiation mode is off', () => {
    const { view, key } = mount('report', { enabled: false });
    const before = view.state;
    key('Backspace');
    // Not handled by the view's key handler: nothing was dispatched (jsdom has no native editing).
    expect(view.state).toBe(before);
    view.destroy();
  });
});
