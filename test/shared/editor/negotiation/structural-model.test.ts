// Randomized model of structural edits in negotiation mode (issue 12): the same sequence of
// Alt+Up/Down, outline drags, Tab, Shift+Tab, PP↔OP conversions and typing is run with the mode
// on (as EU) and off. After every action: rejecting every proposal gives the start text exactly
// (the base never changes), accepting every proposal gives exactly the text without negotiation;
// at the end, undoing everything gives the start. The numbering counts every moved paragraph once:
// the living paragraphs carry the accepted view's labels, the ghosts the base view's. A failing
// seed is kept below as a plain test.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import { undo, undoDepth } from 'prosemirror-history';
import type { Node as PMNode } from 'prosemirror-model';
import { createEditorState } from '../../../../src/shared/editor/state.js';
import { structureKey } from '../../../../src/shared/editor/plugins/structure.js';
import { convertKind, indent, moveParagraph, moveParagraphTo, outdent } from '../../../../src/shared/editor/commands/index.js';
import { acceptProposal, listProposals, rejectProposal } from '../../../../src/shared/editor/negotiation/index.js';
import { paraMove } from '../../../../src/shared/editor/negotiation/moves.js';
import { fromDoc } from '../../../../src/shared/resolution/convert.js';
import { acceptedView, baseView } from '../../../../src/shared/negotiation/views.js';
import { doc, op, pp } from '../../../helpers/builders.js';
import { numberingAgreesWithDecisions } from '../../../helpers/numbering.js';

type Key = 'Tab' | 'Shift-Tab' | 'Alt-Up' | 'Alt-Down' | 'Convert';
type Action = { t: 'focus'; para: number } | { t: 'key'; key: Key } | { t: 'drag'; para: number; before: number } | { t: 'type'; text: string };

const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: unit.map((para) => ({ t: 'focus' as const, para })) },
  { weight: 6, arbitrary: fc.constantFrom<Key>('Tab', 'Shift-Tab', 'Alt-Up', 'Alt-Down', 'Convert').map((key) => ({ t: 'key' as const, key })) },
  { weight: 1, arbitrary: fc.record({ para: unit, before: unit }).map((r) => ({ t: 'drag' as const, ...r })) },
  { weight: 1, arbitrary: fc.constantFrom(' alpha', ' beta').map((text) => ({ t: 'type' as const, text })) },
);

function start(): PMNode {
  return doc(
    {},
    pp({ id: 'p1' }, 'Recalling its resolutions,'),
    pp({ id: 'p2' }, 'Noting the report,'),
    op({ id: 'o1' }, 'Requests a report;'),
    op({ id: 'o2' }, 'Decides:'),
    op({ id: 'o2a', level: 1 }, 'first;'),
    op({ id: 'o2b', level: 1 }, 'second;'),
    op({ id: 'o2bi', level: 2 }, 'detail;'),
    op({ id: 'o3' }, 'Encourages States;'),
    op({ id: 'o4' }, 'Decides to remain seized.'),
  );
}

const KEYS: Record<Key, Command> = { Tab: indent, 'Shift-Tab': outdent, 'Alt-Up': moveParagraph(-1), 'Alt-Down': moveParagraph(1), Convert: convertKind };

/** The paragraphs a reader sees: the old places of moves left out. */
function live(s: EditorState) {
  return structureKey.getState(s)!.structure.paras.filter((p) => paraMove(p.node)?.kind !== 'move-from');
}

function decideAll(s: EditorState, how: 'accept' | 'reject'): PMNode {
  let x = s;
  for (let k = 0; k < 200; k++) {
    const p = listProposals(x)[0];
    if (!p) return x.doc;
    const cmd = how === 'accept' ? acceptProposal(p.id) : rejectProposal(p.id);
    if (!cmd(x, (tr) => (x = x.apply(tr)))) throw new Error(`could not ${how} ${p.id}`);
  }
  throw new Error('proposals never ran out');
}

function apply(s: EditorState, a: Action, paras: ReturnType<typeof live>): EditorState {
  let x = s;
  const run = (c: Command) => c(x, (tr) => (x = x.apply(tr)));
  const pick = (u: number) => paras[Math.floor(u * paras.length)]!;
  switch (a.t) {
    case 'focus': {
      const p = pick(a.para);
      x = x.apply(x.tr.setSelection(TextSelection.create(x.doc, p.pos + 1 + p.node.content.size)));
      break;
    }
    case 'key':
      run(KEYS[a.key]);
      break;
    case 'drag':
      run(moveParagraphTo(pick(a.para).id, pick(a.before).id));
      break;
    case 'type':
      // The typing rules (kind follows the opening phrase) never run in negotiation mode.
      for (const ch of a.text) x = x.apply(x.tr.insertText(ch).setMeta('plenary-no-rules', true));
      break;
  }
  return x;
}

/** Runs the model; throws on the first violation. */
function runModel(actions: readonly Action[]): void {
  // Automatic punctuation is off in both: negotiation mode never rewrites a delegation's text.
  let neg = createEditorState(start(), { autoPunctuate: false, negotiation: { enabled: true, delegation: 'EU', delegations: [{ name: 'EU', color: '#00f' }] } });
  let plain = createEditorState(start(), { autoPunctuate: false });
  const s0 = neg.doc;
  actions.forEach((a, i) => {
    const where = `step ${i} ${JSON.stringify(a)}`;
    // Drag ids are the plain text's; in negotiation mode the same paragraphs (by place) are used.
    const nParas = live(neg);
    const pParas = structureKey.getState(plain)!.structure.paras;
    if (nParas.length !== pParas.length) throw new Error(`${where}: ${nParas.length} live paragraphs ≠ ${pParas.length}`);
    const next = apply(neg, a, nParas);
    // Refused (or not applicable) in negotiation mode: not done without it either.
    if (!next.doc.eq(neg.doc) || a.t === 'focus') plain = apply(plain, a, pParas);
    neg = next;
    if (!decideAll(neg, 'reject').eq(s0)) throw new Error(`${where}: the base text changed\n${decideAll(neg, 'reject')}\n≠\n${s0}`);
    const accepted = decideAll(neg, 'accept');
    if (!accepted.eq(plain.doc)) throw new Error(`${where}: accept-all ≠ the text without negotiation\n${accepted}\n≠\n${plain.doc}`);
    // The exports' views agree with the editor's decisions.
    if (JSON.stringify(baseView(fromDoc(neg.doc))) !== JSON.stringify(baseView(fromDoc(s0)))) throw new Error(`${where}: base view changed`);
    if (JSON.stringify(acceptedView(fromDoc(neg.doc))) !== JSON.stringify(acceptedView(fromDoc(accepted)))) throw new Error(`${where}: accepted view ≠ accept-all`);
    const numbering = numberingAgreesWithDecisions(neg.doc);
    if (numbering) throw new Error(`${where}: numbering: ${numbering}`);
    const shown = (p: { label: string; designation: string }) => `${p.label}|${p.designation}`;
    if (live(neg).map(shown).join() !== structureKey.getState(plain)!.structure.paras.map(shown).join()) throw new Error(`${where}: labels ≠ the text without negotiation`);
  });
  for (let k = 0; k < 500 && undoDepth(neg) > 0; k++) undo(neg, (tr) => (neg = neg.apply(tr)));
  if (!neg.doc.eq(s0)) throw new Error(`undo-all did not return the start\n${neg.doc}\n≠\n${s0}`);
}

/** Sequences in `npm test` (STRUCTURAL_RUNS=… for a longer search). */
const RUNS = Number(process.env.STRUCTURAL_RUNS ?? 40);

describe('structural edits in negotiation mode, randomized', () => {
  it(`base never changes, accept-all = without negotiation, undo-all = start (${RUNS} sequences of 20 actions)`, () => {
    fc.assert(
      fc.property(fc.array(actionArb, { minLength: 20, maxLength: 20 }), (actions) => {
        runModel(actions);
      }),
      { numRuns: RUNS, seed: 1212 },
    );
  }, 300_000);

  it('seed 1212, shrunk: a conversion undone by converting back leaves the caret in the paragraph (it was in the next one)', () => {
    const seq = JSON.parse('[{"t":"focus","para":0},{"t":"key","key":"Alt-Down"},{"t":"key","key":"Shift-Tab"},{"t":"focus","para":0},{"t":"key","key":"Convert"},{"t":"type","text":" alpha"},{"t":"drag","para":0,"before":0},{"t":"focus","para":0},{"t":"key","key":"Tab"},{"t":"key","key":"Tab"},{"t":"key","key":"Tab"},{"t":"focus","para":0},{"t":"key","key":"Tab"},{"t":"key","key":"Tab"},{"t":"key","key":"Convert"},{"t":"key","key":"Tab"},{"t":"key","key":"Convert"},{"t":"key","key":"Alt-Down"}]') as Action[];
    expect(() => runModel(seq)).not.toThrow();
  });
});
