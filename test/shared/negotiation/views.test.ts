// The texts an export can show of a draft with open proposals: base (all rejected), accepted (all
// accepted), with brackets written out so every format keeps them.
import { describe, expect, it } from 'vitest';
import { blockText, type ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { acceptedView, baseView, documentForView, hasOpenProposals, materializeBrackets, openProposalIds, proposalViewQuestion } from '../../../src/shared/negotiation/views.js';
import { block, EU, G77, negotiatedDraft, t } from '../../helpers/negotiated.js';

const texts = (d: ResolutionDocument) => [...d.preambular, ...d.operative].map(blockText);

describe('negotiation views', () => {
  it('counts the open proposals (text marks and whole paragraphs, each id once)', () => {
    const d = negotiatedDraft();
    expect(openProposalIds(d).sort()).toEqual(['c1', 'c2', 'c3', 'eu1', 'eu2', 'eu3', 'eu4', 'g1', 'g2', 'g3']);
    expect(hasOpenProposals(d)).toBe(true);
    expect(hasOpenProposals(baseView(d))).toBe(false);
    expect(hasOpenProposals(acceptedView(d))).toBe(false);
  });

  it('base view: insertions out, deletions kept, moved paragraph at its old place, brackets written out', () => {
    expect(texts(baseView(negotiatedDraft()))).toEqual([
      'Recalling its resolution 78/1 ,',
      'Noting with concern the persistent gaps in financing,',
      'Calls upon [all ]to promote sustainable tourism;',
      'Decides to remain seized of the matter;',
      'Requests the Secretary-General to report on the implementation this resolution; on progress made;',
      'Encourages the sharing of best practices;',
      'Invites donors to contribute to the trust fund;',
    ]);
  });

  it('accepted view: deletions out, insertions in (an insertion deleted by another goes), moved paragraph at its new place', () => {
    expect(texts(acceptedView(negotiatedDraft()))).toEqual([
      'Recalling its resolution 78/1 of 2 October 2023,',
      'Noting with concern gaps in financing,',
      'Welcoming the report of the Secretary-General,',
      'Calls upon [all Member States ]to promote sustainable tourism;',
      'Requests the Secretary-General to report annually on the implementation of new this resolution; on progress made; on remaining challenges;',
      'Invites donors to contribute to the trust fund;',
      'Encourages the sharing of best practices;',
    ]);
  });

  it('a paragraph deleted from the base text under negotiation numbering stays as "deleted" when accepted', () => {
    const d = negotiatedDraft();
    d.operative[1]!.base = 2;
    const op2 = acceptedView(d).operative.find((b) => b.id === 'op2')!;
    expect(op2.status).toBe('deleted');
    expect(op2.proposal).toBeUndefined();
    // Its words stay, as the editor's accept leaves them: the exports strike them through.
    expect(blockText(op2)).toBe('Decides to remain seized of the matter;');
    expect(JSON.stringify(op2.content)).not.toMatch(/"(ins|del)"/);
  });

  it('brackets: nested ones nest, one spanning paragraphs opens in the first and closes in the last', () => {
    const d = negotiatedDraft();
    d.operative = [
      block('a', [t('Urges '), t('all ', { brackets: ['x'] }), t('States', { brackets: ['x', 'y'] }), t(' to act;')]),
      block('b', [t('Decides ', { brackets: ['z'] })]),
      block('c', [t('to continue', { brackets: ['z'] }), t(';')]),
    ];
    const m = materializeBrackets(d);
    expect(m.operative.map(blockText)).toEqual(['Urges [all [States]] to act;', '[Decides ', 'to continue];']);
    expect(JSON.stringify(m)).not.toContain('"brackets"');
  });

  it('a bracket around proposed text only goes with that text; around mixed text it stays either way', () => {
    const d = negotiatedDraft();
    d.operative = [block('a', [t('Urges '), t('all', { brackets: ['x'], ins: EU }), t(' States '), t('now', { brackets: ['y'], del: G77 }), t(';')])];
    expect(blockText(baseView(d).operative[0]!)).toBe('Urges  States [now];');
    expect(blockText(acceptedView(d).operative[0]!)).toBe('Urges [all] States ;');
  });

  it('documentForView leaves the proposals in for the compilation and tracked views; the question names choices and count', () => {
    const d = negotiatedDraft();
    expect(documentForView(d, 'tracked')).toBe(d);
    expect(documentForView(d, 'compilation')).toBe(d);
    expect(proposalViewQuestion(10)).toContain('10 open proposals');
    expect(proposalViewQuestion(1)).toMatch(/1 open proposal:.*--proposals base\|accepted\|compilation\|tracked/);
  });
});
