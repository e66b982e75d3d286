// Runs inside Chromium: times keystroke transactions on the real Plenary editor (all plugins:
// ids, numbering, opening phrases, rules, find, history) and, as the baseline, on a bare
// ProseMirror editor (basic schema, no plugins) holding the same text.
import { EditorView } from 'prosemirror-view';
import { EditorState, TextSelection } from 'prosemirror-state';
import { Schema } from 'prosemirror-model';
import { toDoc } from '../../src/shared/resolution/convert.js';
import type { ResolutionDocument } from '../../src/shared/resolution/model.js';
import { createEditorState } from '../../src/shared/editor/state.js';
import { viewProps } from '../../src/renderer/editor/setup.js';
import { UI_EDITOR_MESSAGES } from '../../src/renderer/i18n/editor.js';
import '../../src/renderer/styles.css';

declare global {
  interface Window {
    __BENCH_DOC__: ResolutionDocument;
    runBench: (n: number) => { plenary: number[]; plenaryLayout: number[]; baseline: number[]; paragraphs: number };
  }
}

const bare = new Schema({ nodes: { doc: { content: 'paragraph+' }, paragraph: { content: 'text*', toDOM: () => ['p', 0] }, text: {} } });

function time(view: EditorView, n: number, layout: boolean): number[] {
  // Type in the middle of the middle paragraph, like a delegate amending a clause.
  const mid = view.state.doc.child(Math.floor(view.state.doc.childCount / 2));
  let pos = 0;
  view.state.doc.forEach((node, offset) => {
    if (node === mid) pos = offset + 1 + Math.floor(node.content.size / 2);
  });
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos)));
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const ch = i % 7 === 6 ? ' ' : 'abcdefghijklmnopqrstuvwxyz'[i % 26]!;
    const t0 = performance.now();
    view.dispatch(view.state.tr.insertText(ch));
    if (layout) void view.dom.getBoundingClientRect().height;
    out.push(performance.now() - t0);
  }
  return out;
}

window.runBench = (n: number) => {
  const doc = window.__BENCH_DOC__;
  const plenary = new EditorView(document.getElementById('plenary'), { ...viewProps, state: createEditorState(toDoc(doc), { messages: UI_EDITOR_MESSAGES }) });
  const paragraphs = plenary.state.doc.childCount;
  const warm = time(plenary, 50, false);
  void warm;
  const r1 = time(plenary, n, false);
  const r2 = time(plenary, n, true);
  const texts = [...doc.preambular, ...doc.operative].map((b) => b.content.map((c) => (c.t === 'text' ? c.text : '')).join(''));
  const baseDoc = bare.node('doc', null, texts.map((t) => bare.node('paragraph', null, t ? [bare.text(t)] : [])));
  const baseline = new EditorView(document.getElementById('baseline'), { state: EditorState.create({ doc: baseDoc }) });
  time(baseline, 50, false);
  const r3 = time(baseline, n, false);
  return { plenary: r1, plenaryLayout: r2, baseline: r3, paragraphs };
};
