// Derived structure: numbers, labels, designations and punctuation roles, per language.
import { describe, expect, it } from 'vitest';
import { computeStructure } from '../../../src/shared/resolution/structure.js';
import { doc, op, pp, ap, annex } from '../../helpers/builders.js';

const labels = (d: ReturnType<typeof doc>) => computeStructure(d, (d.attrs.meta as { language: 'en' }).language).paras.map((p) => p.label);
const roles = (d: ReturnType<typeof doc>) => computeStructure(d, 'en').paras.map((p) => p.role);

describe('numbering and labels', () => {
  const sample = (language: 'en' | 'fr' | 'es' | 'ar' | 'ru' | 'zh') =>
    doc(
      { language },
      pp('Recalling,'),
      op('Requests:'),
      op({ level: 1 }, 'to do a;'),
      op({ level: 1 }, 'to do b:'),
      op({ level: 2 }, 'first;'),
      op({ level: 2 }, 'second;'),
      op('Decides.'),
    );

  it('numbers operative paragraphs and labels subparagraphs (a), (i) in English', () => {
    expect(labels(sample('en'))).toEqual(['', '1.', '(a)', '(b)', '(i)', '(ii)', '2.']);
  });
  it('uses a) and i) in French and Spanish', () => {
    expect(labels(sample('fr'))).toEqual(['', '1.', 'a)', 'b)', 'i)', 'ii)', '2.']);
    expect(labels(sample('es'))).toEqual(['', '1.', 'a)', 'b)', 'i)', 'ii)', '2.']);
  });
  it('writes Arabic operative numbers as "2 - "', () => {
    const l = labels(sample('ar'));
    expect(l[1]).toBe('1 - ');
    expect(l[6]).toBe('2 - ');
  });
  it('leaves a single operative paragraph unnumbered', () => {
    expect(labels(doc({}, pp('Recalling,'), op('Decides.')))).toEqual(['', '']);
  });
  it('gives designations used by the outline and references', () => {
    const s = computeStructure(sample('en'), 'en');
    expect(s.paras.map((p) => p.designation)).toEqual(['PP1', 'OP1', 'OP1 (a)', 'OP1 (b)', 'OP1 (b) (i)', 'OP1 (b) (ii)', 'OP2']);
  });
  it('numbers annex paragraphs on their own', () => {
    const d = doc({}, op('Adopts the declaration annexed;'), op('Decides.'), annex('Annex', ap('We, the Heads of State,'), ap('We commit.')));
    expect(labels(d)).toEqual(['1.', '2.', '1.', '2.']);
  });
});

describe('negotiation numbering', () => {
  it('keeps base numbers and labels inserted paragraphs bis, ter', () => {
    const d = doc(
      {},
      pp({ base: 1 }, 'Recalling,'),
      pp({ base: 2 }, 'Noting,'),
      pp('Inserted,'),
      op({ base: 1 }, 'Requests;'),
      op({ base: 2, status: 'deleted' }, 'Deleted;'),
      op({ base: 3 }, 'Urges;'),
      op('New;'),
      op('Newer.'),
    );
    const s = computeStructure(d, 'en');
    expect(s.negotiation).toBe(true);
    expect(s.paras.map((p) => p.number)).toEqual(['PP1', 'PP2', 'PP2bis', 'OP1', 'OP2', 'OP3', 'OP3bis', 'OP3ter']);
    expect(s.paras[4]!.deleted).toBe(true);
  });
});

describe('punctuation roles', () => {
  it('gives PP, OP, lead-in, last OP and the last subparagraph its parent ending', () => {
    const d = doc({}, pp('a'), op('b'), op('c'), op({ level: 1 }, 'd'), op({ level: 1 }, 'e'), op('f'), op({ level: 1 }, 'g'));
    // The last subparagraph of the last OP closes the resolution: it takes '.'
    expect(roles(d)).toEqual(['pp', 'op', 'lead-in', 'sub', 'op', 'lead-in', 'op-last']);
  });
  it('treats a tail as the end of its paragraph', () => {
    const d = doc({}, op('Requests:'), op({ level: 1 }, 'x'), op({ level: 1 }, 'y'), op({ tail: true }, 'and to report'), op('Decides'));
    expect(roles(d)).toEqual(['lead-in', 'sub', 'sub', 'op', 'op-last']);
  });
});
