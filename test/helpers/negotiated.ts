// A small negotiated draft with every kind of open proposal: text insertions and deletions by
// three delegations, a deletion proposed on another's insertion (nested), an insertion inside
// another's insertion, whole paragraphs inserted and deleted, a moved paragraph, brackets.
import type { Block, Inline, Proposal, ResolutionDocument, TextRun } from '../../src/shared/resolution/model.js';
import { emptyFrontMatter } from '../../src/shared/resolution/model.js';

export const EU: Proposal = { id: 'eu1', by: 'EU', at: '2026-03-01T10:00:00.000Z' };
export const G77: Proposal = { id: 'g1', by: 'G77 and China', at: '2026-03-02T11:00:00.000Z' };
export const CANZ: Proposal = { id: 'c1', by: 'CANZ', at: '2026-03-03T12:30:00.000Z' };

export const t = (text: string, marks: Partial<TextRun> = {}): TextRun => ({ t: 'text', text, ...marks });
export const block = (id: string, content: Inline[], extra: Partial<Block> = {}): Block => ({ id, content, children: [], tail: [], ...extra });

/** The negotiated draft (see the file comment). */
export function negotiatedDraft(): ResolutionDocument {
  return {
    meta: emptyFrontMatter({ symbol: 'A/C.2/80/L.99', title: 'Sustainable tourism', kind: 'draft', session: '80', sponsors: ['Mexico'] }),
    preambular: [
      block('pp1', [t('Recalling its resolution 78/1 '), t('of 2 October 2023', { ins: EU }), t(',')]),
      block('pp2', [t('Noting with concern '), t('the persistent ', { del: G77 }), t('gaps in financing,')]),
      block('pp3', [t('Welcoming the report of the Secretary-General,', { ins: { ...CANZ, id: 'c2' } })], { proposal: { ...CANZ, id: 'c2', kind: 'ins' } }),
    ],
    operative: [
      block('op1', [
        t('Calls upon '),
        t('all ', { brackets: ['b1'] }),
        t('Member States ', { brackets: ['b1'], ins: EU }),
        t('and relevant stakeholders ', { ins: { ...EU, id: 'eu2' }, del: G77 }),
        t('to promote sustainable tourism;'),
      ]),
      block('op2', [t('Decides to remain seized of the matter;', { del: { ...G77, id: 'g2' } })], { proposal: { ...G77, id: 'g2', kind: 'del' } }),
      block('op3', [t('Requests the Secretary-General to report '), t('annually ', { ins: CANZ }), t('on the implementation '), t('of ', { ins: { ...EU, id: 'eu3' } }), t('new ', { ins: { ...CANZ, id: 'c3', parent: 'eu3' } }), t('this resolution;')], {
        children: [block('op3a', [t('on progress made;')]), block('op3b', [t('on remaining challenges;', { ins: { ...G77, id: 'g3' } })], { proposal: { ...G77, id: 'g3', kind: 'ins' } })],
      }),
      block('op4', [t('Encourages the sharing of best practices;')], { proposal: { ...EU, id: 'eu4', kind: 'move-from' } }),
      block('op5', [t('Invites donors to contribute to the trust fund;')]),
      block('op4m', [t('Encourages the sharing of best practices;')], { proposal: { ...EU, id: 'eu4', kind: 'move-to' } }),
    ],
    footnotes: [],
    annexes: [],
  };
}
