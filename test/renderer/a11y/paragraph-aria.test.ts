// What a screen reader is told about paragraphs: kind and number for each one, and one sentence
// after a move or a renumbering; plus the menu bar's access keys.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { createEditorState } from '../../../src/shared/editor/state.js';
import { moveParagraph } from '../../../src/shared/editor/commands/index.js';
import { buildStructureState, RELABEL_META, structureKey } from '../../../src/shared/editor/plugins/structure.js';
import { numberingChange, spokenDesignation } from '../../../src/renderer/a11y/paragraph-aria.js';
import { UI_EDITOR_MESSAGES } from '../../../src/renderer/i18n/editor.js';
import { actionArb, applyAction, decorationKeys, startState } from '../../helpers/editor-model.js';
import { accessKeys } from '../../../src/renderer/components/MenuBar.js';
import { i18n } from '../../../src/renderer/i18n/index.js';
import { doc, op, pp } from '../../helpers/builders.js';

function apply(state: EditorState, cmd: (s: EditorState, d: (tr: Transaction) => void) => boolean): EditorState {
  let next = state;
  cmd(state, (tr) => {
    next = next.apply(tr);
  });
  return next;
}

const sample = () =>
  createEditorState(
    doc(
      { language: 'en' },
      pp({ id: 'p1' }, 'Recalling its resolution 78/1,'),
      pp({ id: 'p2' }, 'Noting the report,'),
      op({ id: 'o1' }, 'Requests a report;'),
      op({ id: 'o2' }, 'Calls upon all Member States:'),
      op({ id: 'o2a', level: 1 }, 'to cooperate;'),
      op({ id: 'o2b', level: 1 }, 'to report;'),
      op({ id: 'o3' }, 'Decides to remain seized of the matter.'),
    ),
    { autoPunctuate: false },
  );

/** The state with the caret at the start of paragraph `id`. */
function caretIn(state: EditorState, id: string): EditorState {
  const p = structureKey.getState(state)!.structure.byId.get(id)!;
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, p.pos + 1)));
}

describe('paragraph descriptions', () => {
  it('names each paragraph by kind and number', () => {
    const said = structureKey.getState(sample())!.structure.paras.map(spokenDesignation);
    expect(said).toEqual([
      'preambular paragraph 1',
      'preambular paragraph 2',
      'operative paragraph 1',
      'operative paragraph 2',
      'subparagraph (a) of operative paragraph 2',
      'subparagraph (b) of operative paragraph 2',
      'operative paragraph 3',
    ]);
  });

  it('says where the moved paragraph now stands and how many others were renumbered', () => {
    const s = caretIn(sample(), 'o3');
    const moved = apply(s, moveParagraph(-1));
    // OP3 goes above OP2, which takes its two subparagraphs with it to OP3 (a), (b).
    expect(numberingChange(s, moved)).toBe('Now operative paragraph 2. 3 paragraphs renumbered.');
    expect(numberingChange(moved, moved)).toBe('');
  });

  it('says nothing when typing changes no number', () => {
    const s = caretIn(sample(), 'o1');
    const typed = s.apply(s.tr.insertText('x', s.selection.from));
    expect(numberingChange(s, typed)).toBe('');
  });

  it('over random moves, the sentence is empty exactly when no designation changed, and descriptions follow the designations', () => {
    const ids = ['p1', 'p2', 'o1', 'o2', 'o3'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...ids), fc.constantFrom(-1 as const, 1 as const)), { maxLength: 12 }), (moves) => {
        let s = sample();
        for (const [id, dir] of moves) {
          const before = caretIn(s, id);
          const after = apply(before, moveParagraph(dir));
          const a = structureKey.getState(before)!.structure;
          const b = structureKey.getState(after)!.structure;
          const changed = b.paras.some((p) => a.byId.get(p.id)?.designation !== p.designation);
          expect(numberingChange(before, after) !== '').toBe(changed);
          for (const p of b.paras) {
            const n = p.number.replace(/^(PP|OP)/, '');
            expect(spokenDesignation(p)).toContain(`${p.section === 'pp' ? 'preambular' : 'operative'} paragraph ${n}`);
          }
          s = after;
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('descriptions kept between keystrokes', () => {
  it('over random editing, the kept descriptions equal a fresh build after every step, also after a change of interface language', () => {
    const described = (s: EditorState) => decorationKeys(structureKey.getState(s)!.decorations);
    const fresh = (s: EditorState) => decorationKeys(buildStructureState(s, UI_EDITOR_MESSAGES).decorations);
    fc.assert(
      fc.property(fc.boolean(), fc.array(actionArb('en'), { maxLength: 25 }), (negotiation, actions) => {
        const o = { lang: 'en' as const, negotiation };
        // The model's start, with the interface's messages (descriptions on).
        const negotiationOpts = negotiation ? { enabled: true, delegation: 'EU', delegations: [{ name: 'EU', color: '#00f' }, { name: 'G77', color: '#f00' }] } : {};
        let s = createEditorState(startState(o).doc, { messages: UI_EDITOR_MESSAGES, negotiation: negotiationOpts });
        expect(described(s)).toMatch(/aria-description/);
        actions.forEach((a, i) => {
          s = applyAction(s, a, o).state;
          if (i === 12) {
            void i18n.changeLanguage('fr');
            s = s.apply(s.tr.setMeta(structureKey, RELABEL_META).setMeta('addToHistory', false));
          }
          expect(described(s)).toBe(fresh(s));
        });
        void i18n.changeLanguage('en');
      }),
      { numRuns: 60, seed: 20261207 },
    );
  });
});

describe('paragraph descriptions in the interface language (not the document’s)', () => {
  afterEach(() => void i18n.changeLanguage('en'));
  const NB = '\u00a0';

  it('an English draft is described in French and Spanish, with plural renumbering', () => {
    const s = caretIn(sample(), 'o3');
    const moved = apply(s, moveParagraph(-1));
    const paras = () => structureKey.getState(sample())!.structure.paras.map(spokenDesignation);
    void i18n.changeLanguage('fr');
    expect(paras().slice(0, 5)).toEqual([
      'paragraphe 1 du préambule',
      'paragraphe 2 du préambule',
      'paragraphe 1 du dispositif',
      'paragraphe 2 du dispositif',
      'alinéa (a) du paragraphe 2 du dispositif',
    ]);
    expect(numberingChange(s, moved)).toBe(`Désormais${NB}: paragraphe 2 du dispositif. 3 paragraphes renumérotés.`);
    void i18n.changeLanguage('es');
    expect(paras()[4]).toBe('apartado (a) del párrafo dispositivo 2');
    expect(numberingChange(s, moved)).toBe('Ahora: párrafo dispositivo 2. 3 párrafos renumerados.');
  });

  it('an unnumbered paragraph leaves no double space, and singular renumbering reads singular', () => {
    void i18n.changeLanguage('fr');
    const one = { section: 'op', level: 0, tail: false, number: '', subLabels: [], designation: '', deleted: true } as const;
    expect(spokenDesignation({ ...one, subLabels: [] as string[] })).toBe('paragraphe du dispositif, supprimé');
    expect(i18n.t('a11y.renumbered', { count: 1 })).toBe('1 paragraphe renuméroté.');
  });
});

describe('menu access keys', () => {
  it('takes the first free letter of each label, skipping marks', () => {
    expect(accessKeys(['File', 'Edit', 'View', 'Help'])).toEqual([
      { key: 'f', index: 0 },
      { key: 'e', index: 0 },
      { key: 'v', index: 0 },
      { key: 'h', index: 0 },
    ]);
    expect(accessKeys(['Save', 'Save as…', '✓ Auto-punctuate', 'Édition']).map((k) => k.key)).toEqual(['s', 'a', 'u', 'é']);
    expect(accessKeys(['ab', 'ab', 'ab'])).toEqual([
      { key: 'a', index: 0 },
      { key: 'b', index: 1 },
      { key: '', index: -1 },
    ]);
  });
});
