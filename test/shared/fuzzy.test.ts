import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fuzzyFilter, fuzzyMatch } from '../../src/shared/fuzzy.js';

describe('fuzzyMatch', () => {
  it('finds characters in order, ignoring case, spaces and accents', () => {
    expect(fuzzyMatch('exp pdf', 'Export PDF')).not.toBeNull();
    expect(fuzzyMatch('PDFX', 'Export PDF')).toBeNull();
    expect(fuzzyMatch('elem', 'Élément')).not.toBeNull();
    expect(fuzzyMatch('', 'anything')).toEqual({ score: 0, positions: [] });
  });

  it('finds a subsequence that a word-start jump would miss', () => {
    expect(fuzzyMatch('ab', 'xab a')?.positions).toEqual([1, 2]);
  });

  it('ranks word starts and runs first', () => {
    const labels = ['Insert cross-reference…', 'Save', 'Save as…', 'Show / hide side panel'];
    expect(fuzzyFilter('sa', labels, (l) => l)[0]?.item).toBe('Save');
    expect(fuzzyFilter('neg num', ['Negotiation', 'Negotiation numbering (bis, ter)'], (l) => l)[0]?.item).toBe('Negotiation numbering (bis, ter)');
  });

  it('matches exactly the texts that contain the query as a subsequence (property)', () => {
    const isSubsequence = (q: string, t: string) => {
      let i = 0;
      for (const ch of t) if (i < q.length && ch === q[i]) i++;
      return i === q.length;
    };
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '-') }), fc.string({ unit: fc.constantFrom('a', 'b', 'c', '-'), maxLength: 4 }), (text, query) => {
        const m = fuzzyMatch(query, text);
        const q = query.replace(/\s+/g, '');
        expect(m !== null).toBe(isSubsequence(q, text));
        if (m) {
          expect(m.positions.map((p) => text[p]).join('')).toBe(q);
          expect([...m.positions].sort((a, b) => a - b)).toEqual(m.positions);
        }
      }),
      { numRuns: 300 },
    );
  });
});
