// Heading commands: insert a part or sub-heading after the current paragraph, numbering kept in
// sequence, restart of operative numbering per part; the result saves and reloads.
import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { history, undo } from 'prosemirror-history';
import { insertHeading, setPartRestart } from '../../../src/shared/editor/commands/index.js';
import { structurePlugin, structureKey } from '../../../src/shared/editor/plugins/structure.js';
import { fromDoc, toDoc } from '../../../src/shared/resolution/convert.js';
import { documentSchema } from '../../../src/shared/resolution/file.js';
import { emptyFrontMatter, textBlock, type ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { outlineEntries } from '../../../src/shared/editor/queries/outline.js';

function state(): EditorState {
  const d: ResolutionDocument = {
    meta: emptyFrontMatter(),
    preambular: [textBlock('pp1', 'Recalling its resolutions,')],
    operative: [textBlock('o1', 'Decides to act;'), textBlock('o2', 'Requests a report;'), textBlock('o3', 'Decides to remain seized.')],
    footnotes: [],
    annexes: [],
  };
  return EditorState.create({ doc: toDoc(d), plugins: [structurePlugin(), history()] });
}

function caretIn(s: EditorState, id: string): EditorState {
  let at = -1;
  s.doc.descendants((n, pos) => {
    if (n.attrs.id === id) at = pos + 1;
  });
  return s.apply(s.tr.setSelection(TextSelection.create(s.doc, at)));
}

function run(s: EditorState, cmd: (st: EditorState, d?: (tr: Transaction) => void) => boolean): EditorState {
  let out = s;
  expect(cmd(s, (tr) => (out = s.apply(tr)))).toBe(true);
  return out;
}

describe('heading commands', () => {
  it('inserts parts I and II, a sub-heading A, numbers them in order and restarts numbering on request', () => {
    let s = caretIn(state(), 'o1');
    s = run(s, insertHeading(1));
    s = s.apply(s.tr.insertText('Umoja'));
    s = caretIn(s, 'o2');
    s = run(s, insertHeading(1));
    s = s.apply(s.tr.insertText('Capital planning'));
    s = run(s, setPartRestart(true));
    const doc = fromDoc(s.doc);
    expect(documentSchema.safeParse(doc).success).toBe(true);
    const heads = doc.operative.filter((b) => b.heading);
    expect(heads.map((b) => [b.heading!.num, b.content.map((c) => (c.t === 'text' ? c.text : '')).join('')])).toEqual([['I', 'Umoja'], ['II', 'Capital planning']]);
    expect(heads[1]!.heading!.restart).toBe(true);
    const st = structureKey.getState(s)!.structure;
    expect(st.paras.filter((p) => p.section === 'op').map((p) => p.label)).toEqual(['1.', '2.', '']);
    // The only paragraph of a restarting part is unnumbered; a sub-heading goes after OP2, before part II.
    s = caretIn(s, 'o2');
    s = run(s, insertHeading(2));
    expect(fromDoc(s.doc).operative.filter((b) => b.heading).map((b) => `${b.heading!.level}${b.heading!.num}`)).toEqual(['1I', '2A', '1II']);
    expect(outlineEntries(structureKey.getState(s)!.structure, new Map()).map((e) => (e.heading ? `H${e.designation}` : e.designation))).toEqual(['PP1', 'OP1', 'HI', 'OP2', 'HA.', 'HII', 'OP1']);
    // Undo takes the sub-heading away again.
    let back = s;
    undo(s, (tr) => (back = s.apply(tr)));
    expect(fromDoc(back.doc).operative.filter((b) => b.heading)).toHaveLength(2);
    // A part put before part I renumbers the parts after it.
    s = caretIn(s, 'pp1');
    s = run(s, insertHeading(1));
    expect(fromDoc(s.doc).operative.concat(fromDoc(s.doc).preambular).filter((b) => b.heading?.level === 1).map((b) => b.heading!.num).sort()).toEqual(['I', 'II', 'III']);
  });

  it('does nothing outside a part when asked to restart numbering', () => {
    const s = caretIn(state(), 'o2');
    expect(setPartRestart(true)(s)).toBe(false);
  });
});
