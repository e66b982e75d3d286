// Heading commands: insert a part or sub-heading after the current paragraph, numbering kept in
// sequence, restart of operative numbering per part; the result saves and reloads.
import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { history, undo } from 'prosemirror-history';
import { goToTextEdge, textEdge, insertHeading, moveParagraph, partRestartAt, setPartRestart, togglePartRestart } from '../../../src/shared/editor/commands/index.js';
import { currentPara } from '../../../src/shared/editor/queries/paragraphs.js';
import { EDITOR_COMMANDS, editorKeyBindings } from '../../../src/shared/editor/keymap.js';
import { structurePlugin, structureKey } from '../../../src/shared/editor/plugins/structure.js';
import { fromDoc, toDoc } from '../../../src/shared/resolution/convert.js';
import { schema } from '../../../src/shared/resolution/schema.js';
import { documentSchema } from '../../../src/shared/resolution/file.js';
import { emptyFrontMatter, textBlock, type ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { outlineEntries } from '../../../src/shared/editor/queries/outline.js';
import { createEditorState } from '../../../src/shared/editor/state.js';
import { REFUSAL_META } from '../../../src/shared/editor/negotiation/structural.js';

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
    expect(outlineEntries(structureKey.getState(s)!.structure, new Map()).map((e) => (e.heading ? `H${e.designation}` : e.designation))).toEqual(['PP1', 'OP1', 'HI', 'I.OP2', 'HA.', 'HII', 'II.OP1']);
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

  it('toggles the restart of the caret’s part from the menu command, and says where there is no part', () => {
    let s = caretIn(state(), 'o2');
    expect(partRestartAt(s)).toBeNull();
    expect(togglePartRestart(s)).toBe(false);
    s = run(s, insertHeading(1));
    s = s.apply(s.tr.insertText('Part two'));
    expect(partRestartAt(s)).toBe(false);
    s = run(s, EDITOR_COMMANDS['edit.partRestart']);
    expect(partRestartAt(s)).toBe(true);
    expect(structureKey.getState(s)!.structure.paras.filter((p) => p.section === 'op').map((p) => p.label)).toEqual(['1.', '2.', '']);
    s = run(s, togglePartRestart);
    expect(partRestartAt(s)).toBe(false);
    expect(structureKey.getState(s)!.structure.paras.filter((p) => p.section === 'op').map((p) => p.label)).toEqual(['1.', '2.', '3.']);
    // The registry's commands insert headings too: Ctrl+Alt+2 after OP3 puts a sub-heading "A." in part I.
    s = caretIn(s, 'o3');
    s = run(s, editorKeyBindings()['Mod-Alt-2']!);
    expect(fromDoc(s.doc).operative.filter((b) => b.heading).map((b) => `${b.heading!.level}${b.heading!.num}`)).toEqual(['1I', '2A']);
  });
});

describe('Ctrl+Home and Ctrl+End', () => {
  it('put the caret in the first and last paragraphs, so a paragraph command works right after (regression: the caret landed before the first paragraph)', () => {
    let s = caretIn(state(), 'o2');
    s = run(s, editorKeyBindings()['Mod-Home']!);
    expect(s.selection.empty).toBe(true);
    expect(currentPara(s)?.id).toBe('pp1');
    expect(s.selection.$from.parentOffset).toBe(0);
    // Move paragraph down finds the paragraph: PP1 is the only preambular paragraph, so it cannot
    // move below OP1 and says so; OP1 after Ctrl+Home in a document that starts with it moves.
    expect(moveParagraph(1)(s)).toBe(false);
    s = run(s, editorKeyBindings()['Mod-End']!);
    expect(currentPara(s)?.id).toBe('o3');
    expect(s.selection.$from.parentOffset).toBe(s.selection.$from.parent.content.size);
    s = run(s, moveParagraph(-1));
    expect(fromDoc(s.doc).operative.map((b) => b.id)).toEqual(['o1', 'o3', 'o2']);
  });

  it('land in a part heading when the document starts with one, and Shift extends the selection', () => {
    let s = caretIn(state(), 'pp1');
    s = run(s, insertHeading(1));
    s = s.apply(s.tr.insertText('Umoja'));
    s = caretIn(s, 'o2');
    const before = s.selection.from;
    s = run(s, editorKeyBindings()['Mod-Shift-End']!);
    expect(s.selection.anchor).toBe(before);
    expect(currentPara(s.apply(s.tr.setSelection(TextSelection.create(s.doc, s.selection.head))))?.id).toBe('o3');
    s = run(s, goToTextEdge(-1, true));
    expect(s.selection.anchor).toBe(before);
    expect(s.selection.head).toBe(textPos(s, 'pp1'));
  });

  it('refuses in a document without text blocks', () => {
    // No valid resolution is like that; an unchecked empty doc stands for an impossible shape.
    const empty = schema.nodes.doc.create({});
    expect(textEdge(empty, -1)).toBeNull();
    expect(textEdge(empty, 1)).toBeNull();
    expect(goToTextEdge(1)(EditorState.create({ doc: empty }))).toBe(false);
  });
});

function textPos(s: EditorState, id: string): number {
  let at = -1;
  s.doc.descendants((n, pos) => {
    if (n.attrs.id === id) at = pos + 1;
  });
  return at;
}

describe('sections in negotiation mode', () => {
  it('inserting a heading or restarting numbering is refused with a reason, the text unchanged', () => {
    const d = fromDoc(state().doc);
    let s = createEditorState(toDoc(d), { negotiation: { enabled: true, delegation: 'EU', delegations: [{ name: 'EU', color: '#00f' }] } });
    s = caretIn(s, 'o2');
    for (const cmd of [insertHeading(1), insertHeading(2)]) {
      let seen: Transaction | undefined;
      expect(cmd(s, (tr) => (seen = tr))).toBe(true);
      expect(seen!.docChanged).toBe(false);
      expect(seen!.getMeta(REFUSAL_META)).toEqual({ key: 'neg.refuse.sections', params: {} });
    }
    // The same commands with negotiation off insert the heading (shown by the tests above).
    const off = createEditorState(toDoc(d));
    expect(run(caretIn(off, 'o2'), insertHeading(1)).doc.childCount).toBeGreaterThan(off.doc.childCount);
  });
});
