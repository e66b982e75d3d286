// Editing commands on real editor states: moves, cross-references, undo, ids, conversion, punctuation.
import { describe, expect, it } from 'vitest';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { undo } from 'prosemirror-history';
import { createEditorState } from '../../../src/shared/editor/state.js';
import { structureKey, xrefText } from '../../../src/shared/editor/plugins/structure.js';
import {
  convertKind,
  indent,
  moveParagraph,
  moveParagraphTo,
  outdent,
  punctuate,
  setMeta,
  setNegotiationNumbering,
  splitParagraph,
} from '../../../src/shared/editor/commands/index.js';
import { doc, op, pp, xref } from '../../helpers/builders.js';

function apply(state: EditorState, cmd: (s: EditorState, d: (tr: Transaction) => void) => boolean): EditorState {
  let next = state;
  const ok = cmd(state, (tr) => {
    next = next.apply(tr);
  });
  expect(ok).toBe(true);
  return next;
}

function at(state: EditorState, id: string, offset = 0): EditorState {
  const p = structureKey.getState(state)!.structure.byId.get(id)!;
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, p.pos + 1 + offset)));
}

const designations = (s: EditorState) => structureKey.getState(s)!.structure.paras.map((p) => `${p.designation}:${p.node.textContent}`);

function fiveOps() {
  return createEditorState(
    doc(
      {},
      pp({ id: 'pp1' }, 'Recalling its resolutions,'),
      op({ id: 'op1' }, 'Requests the Secretary-General to report;'),
      op({ id: 'op2' }, 'Decides, as set out in ', xref('op4'), ', to act;'),
      op({ id: 'op3' }, 'Calls upon States:'),
      op({ id: 'op3a', level: 1 }, 'to cooperate;'),
      op({ id: 'op3b', level: 1 }, 'to report;'),
      op({ id: 'op4' }, 'Encourages Member States;'),
      op({ id: 'op5' }, 'Decides to remain seized of the matter.'),
    ),
    { autoPunctuate: false },
  );
}

describe('moving paragraphs', () => {
  it('Alt-Up moves OP4 above OP3 with numbers and the cross-reference following', () => {
    let s = fiveOps();
    const refText = () => {
      const st = structureKey.getState(s)!;
      let t = '';
      s.doc.descendants((n, pos) => {
        if (n.type.name === 'xref') t = xrefText(n.attrs.targets as string[], pos, st.structure, 'en').text;
      });
      return t;
    };
    expect(refText()).toBe('paragraph 4 below');
    s = apply(at(s, 'op4'), moveParagraph(-1));
    expect(designations(s)).toEqual([
      'PP1:Recalling its resolutions,',
      'OP1:Requests the Secretary-General to report;',
      'OP2:Decides, as set out in , to act;',
      'OP3:Encourages Member States;',
      'OP4:Calls upon States:',
      'OP4 (a):to cooperate;',
      'OP4 (b):to report;',
      'OP5:Decides to remain seized of the matter.',
    ]);
    expect(refText()).toBe('paragraph 3 below');
    // Moving it to the top of the operative part makes the reference point above.
    s = apply(s, moveParagraphTo('op4', 'op1'));
    expect(refText()).toBe('paragraph 1 above');
    // Undo restores the previous order step by step.
    s = apply(s, undo);
    s = apply(s, undo);
    expect(designations(s)[3]).toBe('OP3:Calls upon States:');
    expect(refText()).toBe('paragraph 4 below');
  });

  it('moves a paragraph together with its subparagraphs', () => {
    let s = apply(at(fiveOps(), 'op3'), moveParagraph(1));
    expect(designations(s).slice(3, 7)).toEqual(['OP3:Encourages Member States;', 'OP4:Calls upon States:', 'OP4 (a):to cooperate;', 'OP4 (b):to report;']);
    s = apply(at(s, 'op3b'), moveParagraph(-1));
    expect(designations(s).slice(5, 7)).toEqual(['OP4 (a):to report;', 'OP4 (b):to cooperate;']);
  });

  it('flags a reference to a deleted paragraph instead of pointing elsewhere', () => {
    let s = fiveOps();
    const p = structureKey.getState(s)!.structure.byId.get('op4')!;
    s = s.apply(s.tr.delete(p.pos, p.pos + p.node.nodeSize));
    const st = structureKey.getState(s)!;
    let broken = false;
    s.doc.descendants((n, pos) => {
      if (n.type.name === 'xref') broken = xrefText(n.attrs.targets as string[], pos, st.structure, 'en').broken;
    });
    expect(broken).toBe(true);
  });
});

describe('Enter, Tab, Shift-Tab', () => {
  it('Enter at the end makes a paragraph of the same kind with a fresh id', () => {
    const s0 = fiveOps();
    const p = structureKey.getState(s0)!.structure.byId.get('pp1')!;
    const s = apply(at(s0, 'pp1', p.node.content.size), splitParagraph);
    const paras = structureKey.getState(s)!.structure.paras;
    expect(paras[1]!.section).toBe('pp');
    expect(paras[1]!.id).not.toBe('pp1');
    expect(paras[1]!.id).not.toBe('');
    expect(new Set(paras.map((x) => x.id)).size).toBe(paras.length);
  });

  it('Enter in the middle splits, and the copy gets a new id', () => {
    const s = apply(at(fiveOps(), 'op1', 8), splitParagraph);
    const paras = structureKey.getState(s)!.structure.paras;
    expect(paras[1]!.id).toBe('op1');
    expect(paras[1]!.node.textContent).toBe('Requests');
    expect(paras[2]!.id).not.toBe('op1');
    expect(new Set(paras.map((x) => x.id)).size).toBe(paras.length);
  });

  it('Tab demotes to (a), Shift-Tab promotes, and numbers follow', () => {
    let s = apply(at(fiveOps(), 'op2'), indent);
    expect(designations(s)[2]).toMatch(/^OP1 \(a\):/);
    expect(designations(s)[3]).toMatch(/^OP2:Calls upon/);
    s = apply(s, outdent);
    expect(designations(s)[2]).toMatch(/^OP2:Decides/);
  });
});

describe('conversion, punctuation, negotiation numbering', () => {
  it('converts the last PP to an OP at the boundary and back', () => {
    let s = apply(at(fiveOps(), 'pp1'), convertKind);
    expect(designations(s)[0]).toBe('OP1:Recalling its resolutions,');
    s = apply(at(s, 'pp1'), convertKind);
    expect(designations(s)[0]).toBe('PP1:Recalling its resolutions,');
  });

  it('fixes end punctuation by role', () => {
    const s0 = createEditorState(doc({}, pp({ id: 'a' }, 'Recalling its resolution'), op({ id: 'b' }, 'Requests the Secretary-General.'), op({ id: 'c' }, 'Decides to remain seized;')), {
      autoPunctuate: false,
    });
    const s = apply(s0, punctuate());
    expect(designations(s)).toEqual(['PP1:Recalling its resolution,', 'OP1:Requests the Secretary-General;', 'OP2:Decides to remain seized.']);
  });

  it('punctuates French with a no-break space before the semicolon', () => {
    const s0 = createEditorState(doc({ language: 'fr' }, op({ id: 'a' }, 'Prie le Secrétaire général'), op({ id: 'b' }, 'Décide de rester saisie')), { autoPunctuate: false });
    const s = apply(s0, punctuate());
    expect(s.doc.child(0).textContent).toBe('Prie le Secrétaire général\u00a0;');
    expect(s.doc.child(1).textContent).toBe('Décide de rester saisie.');
  });

  it('freezes numbers: a paragraph inserted after OP2 becomes OP2bis', () => {
    let s = apply(fiveOps(), setNegotiationNumbering(true));
    const p = structureKey.getState(s)!.structure.byId.get('op2')!;
    s = apply(at(s, 'op2', p.node.content.size), splitParagraph);
    expect(structureKey.getState(s)!.structure.paras.map((x) => x.number).slice(1, 5)).toEqual(['OP1', 'OP2', 'OP2bis', 'OP3']);
    s = apply(s, setNegotiationNumbering(false));
    expect(structureKey.getState(s)!.structure.negotiation).toBe(false);
  });

  it('changing the front matter is one undoable step', () => {
    let s = apply(fiveOps(), setMeta({ language: 'fr', symbol: 'A/C.2/80/L.5' }));
    expect((s.doc.attrs.meta as { symbol: string }).symbol).toBe('A/C.2/80/L.5');
    s = apply(s, undo);
    expect((s.doc.attrs.meta as { symbol: string }).symbol).toBe('');
  });
});

describe('organ change', () => {
  it('switches gender-agreeing French opening phrases when the organ changes', () => {
    const s0 = createEditorState(doc({ language: 'fr', organ: 'ga' }, pp({ id: 'a' }, 'Consciente du rôle de la Commission,'), pp({ id: 'b' }, 'Profondément préoccupée par la situation,'), op({ id: 'c' }, 'Décide.')), {
      autoPunctuate: false,
    });
    let s = apply(s0, setMeta({ organ: 'sc' }));
    expect(s.doc.child(0).textContent).toBe('Conscient du rôle de la Commission,');
    expect(s.doc.child(1).textContent).toBe('Profondément préoccupé par la situation,');
    s = apply(s, setMeta({ organ: 'ga' }));
    expect(s.doc.child(0).textContent).toBe('Consciente du rôle de la Commission,');
    s = apply(s, undo);
    expect(s.doc.child(0).textContent).toBe('Conscient du rôle de la Commission,');
  });
});
