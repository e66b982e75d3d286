// The UN style findings in the checks panel: listed with paragraph, span, message and replacement;
// each Fix applies exactly its replacement as one undo step (a tracked proposal in negotiation
// mode); straight quotes are found in every language whose marks are known.
import { describe, expect, it } from 'vitest';
import { TextSelection, type EditorState } from 'prosemirror-state';
import { undo, undoDepth } from 'prosemirror-history';
import { createEditorState } from '../../../../src/shared/editor/state.js';
import { computeFindings, fixFinding, type Finding } from '../../../../src/shared/editor/queries/checks.js';
import { styleFindings } from '../../../../src/shared/editor/queries/checks-style.js';
import { listProposals } from '../../../../src/shared/editor/negotiation/index.js';
import type { Language } from '../../../../src/shared/resolution/model.js';
import { doc, fn, op, pp } from '../../../helpers/builders.js';

const NEGOTIATION = { enabled: true, delegation: 'EU', delegations: [{ name: 'EU', color: '#00f' }] };

function state(lang: Language, pText: string, negotiation = false): EditorState {
  return createEditorState(doc({ language: lang }, pp({ id: 'pp1' }, pText), op({ id: 'op1' }, 'Decides to remain seized of the matter.')), {
    autoPunctuate: false,
    negotiation: negotiation ? NEGOTIATION : {},
  });
}

const style = (s: EditorState): Finding[] => computeFindings(s).filter((f) => f.kind === 'style');

describe('style findings in the checks panel', () => {
  it('lists each finding with its paragraph, span, message and replacement', () => {
    const s = state('en', 'Recalling the report of the secretary-general of January 1, 2025 on organisations,');
    const found = style(s);
    expect(found.map((f) => [f.designation, f.message, s.doc.textBetween(f.range!.from, f.range!.to), f.range!.replacement])).toEqual([
      ['PP1', '“secretary-general”: the UN writes “Secretary-General”.', 'secretary-general', 'Secretary-General'],
      ['PP1', '“January 1, 2025”: the UN writes dates as “1 January 2025”.', 'January 1, 2025', '1 January 2025'],
      ['PP1', '“organisations”: the UN writes “organizations” (Oxford spelling, -ize).', 'organisations', 'organizations'],
    ]);
    expect(found.every((f) => f.fixable && f.paraId === 'pp1')).toBe(true);
  });

  it('Fix applies exactly the replacement, as one undo step, and the finding is gone', () => {
    const s0 = state('en', 'Recalling the program of work,');
    const [f] = style(s0);
    const s = s0.apply(fixFinding(s0, f!)!);
    expect(s.doc.firstChild!.textContent).toBe('Recalling the programme of work,');
    expect(undoDepth(s)).toBe(1);
    expect(style(s)).toEqual([]);
    let u = s;
    undo(u, (tr) => (u = u.apply(tr)));
    expect(u.doc.eq(s0.doc)).toBe(true);
  });

  it('a Fix right after typing is still its own undo step', () => {
    const s0 = state('en', 'Recalling the');
    let s = s0.apply(s0.tr.setSelection(TextSelection.create(s0.doc, 1 + 'Recalling the'.length)));
    // The fix touches the character just typed: history would merge it into the typing.
    for (const ch of ' labor') s = s.apply(s.tr.insertText(ch));
    const typed = s;
    s = s.apply(fixFinding(s, style(s)[0]!)!);
    expect(s.doc.firstChild!.textContent).toBe('Recalling the labour');
    undo(s, (tr) => (s = s.apply(tr)));
    expect(s.doc.eq(typed.doc)).toBe(true);
  });

  it('in negotiation mode the Fix is a proposal of the delegation', () => {
    const s0 = state('en', 'Recalling the labor market,', true);
    const s = s0.apply(fixFinding(s0, style(s0)[0]!)!);
    expect(listProposals(s).map((p) => [p.kind, p.by, p.text]).sort()).toEqual([
      ['del', 'EU', 'labor'],
      ['ins', 'EU', 'labour'],
    ]);
    // The panel reads the text as if the proposals were accepted: nothing left to flag.
    expect(style(s)).toEqual([]);
  });

  it('a finding computed before the text changed does not apply', () => {
    const s0 = state('en', 'Recalling the labor market,');
    const f = style(s0)[0]!;
    const edited = s0.apply(s0.tr.insertText('X', 1));
    expect(fixFinding(edited, f)).toBeNull();
  });

  it('a span around a footnote is reported without a fix', () => {
    const s = createEditorState(doc({ language: 'en' }, pp({ id: 'pp1' }, 'Recalling the General Assembly, ', fn('note'), 'the work of the Secretary-General,')), { autoPunctuate: false });
    expect(style(s)).toEqual([]);
    const numeric = styleFindings('on 03/04/2025', 'en');
    expect(numeric.map((f) => [f.rule, f.replacement])).toEqual([['date-ambiguous', null]]);
  });

  it('straight quotes, by language; pasted quotes inside a quoted title are still quotes', () => {
    expect(styleFindings('entitled "Our world" and the Council\'s work', 'en').map((f) => [f.found, f.replacement])).toEqual([
      ['"', '“'],
      ['"', '”'],
      ["'", '’'],
    ]);
    expect(styleFindings('intitulée "Notre monde"', 'fr').map((f) => f.replacement)).toEqual(['«\u00A0', '\u00A0»']);
    expect(styleFindings('titulado "Nuestro mundo"', 'es').map((f) => f.replacement)).toEqual(['“', '”']);
    expect(styleFindings('المعنون "عالمنا"', 'ar')).toEqual([]);
    // French spelling is not checked against English rules.
    expect(styleFindings('l’organisation des Nations Unies', 'fr')).toEqual([]);
  });

  it('fixing every straight quote one by one gives the typographic text, letters unchanged', () => {
    let s = state('fr', 'Rappelant sa résolution intitulée "Notre monde",');
    for (let k = 0; k < 5; k++) {
      const f = style(s)[0];
      if (!f) break;
      s = s.apply(fixFinding(s, f)!);
    }
    expect(s.doc.firstChild!.textContent).toBe('Rappelant sa résolution intitulée «\u00A0Notre monde\u00A0»,');
  });
});
