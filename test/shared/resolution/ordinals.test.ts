// The ordinal lexicons of the technical update: every word of 1..200 in English, French and
// Spanish, read back to its number, and the same words as dates.ts's session headings (two
// independent spellings that must agree).
import { describe, expect, it } from 'vitest';
import { MAX_ORDINAL, ORDINAL_LANGUAGES, ordinalValue, ordinalWord, ordinalWords } from '../../../src/shared/resolution/ordinals.js';
import { sessionHeading } from '../../../src/shared/resolution/dates.js';

const HEADING_TAIL = { en: ' session', fr: ' session', es: ' período de sesiones' } as const;

describe('ordinal lexicons', () => {
  it('spells the sessions delegates meet', () => {
    expect([1, 2, 3, 11, 21, 62, 79, 80, 81, 99, 100, 101, 121, 200].map((n) => ordinalWord(n, 'en'))).toEqual([
      'first', 'second', 'third', 'eleventh', 'twenty-first', 'sixty-second', 'seventy-ninth', 'eightieth', 'eighty-first', 'ninety-ninth',
      'one hundredth', 'one hundred and first', 'one hundred and twenty-first', 'two hundredth',
    ]);
    expect([1, 2, 21, 71, 76, 79, 80, 81, 91, 99, 100, 101, 200].map((n) => ordinalWord(n, 'fr'))).toEqual([
      'première', 'deuxième', 'vingt et unième', 'soixante et onzième', 'soixante-seizième', 'soixante-dix-neuvième', 'quatre-vingtième',
      'quatre-vingt-unième', 'quatre-vingt-onzième', 'quatre-vingt-dix-neuvième', 'centième', 'cent unième', 'deux centième',
    ]);
    expect([1, 3, 13, 79, 80, 81, 200].map((n) => ordinalWord(n, 'es'))).toEqual([
      'primer', 'tercer', 'decimotercer', 'septuagésimo noveno', 'octogésimo', 'octogésimo primer', 'ducentésimo',
    ]);
  });

  for (const lang of ORDINAL_LANGUAGES) {
    it(`${lang}: 1..200 are distinct words that read back to their number, and agree with the session headings`, () => {
      const seen = new Set<string>();
      for (let n = 1; n <= MAX_ORDINAL; n++) {
        const w = ordinalWord(n, lang);
        expect(w, `${n}`).toMatch(/^\p{Ll}[\p{Ll} -]*\p{Ll}$/u);
        expect(seen.has(w), w).toBe(false);
        seen.add(w);
        expect(ordinalValue(w, lang)).toBe(n);
        expect(ordinalValue(w.charAt(0).toUpperCase() + w.slice(1), lang)).toBe(n);
        if (n < 200) expect(sessionHeading(n, lang).toLowerCase()).toBe(w + HEADING_TAIL[lang]);
      }
      expect(ordinalWords(lang)).toHaveLength(MAX_ORDINAL);
    });
  }

  it('has nothing outside 1..200 and reads no other word', () => {
    for (const n of [0, -1, 201, 1.5, Number.NaN]) expect(ordinalWord(n, 'en')).toBe('');
    expect(ordinalValue('seventy', 'en')).toBeNull();
    expect(ordinalValue('quatre-vingt', 'fr')).toBeNull();
  });

  it('lists words longest first, so an alternation never stops at a shorter one', () => {
    const w = ordinalWords('en');
    for (let i = 1; i < w.length; i++) expect(w[i - 1]!.length).toBeGreaterThanOrEqual(w[i]!.length);
  });
});
