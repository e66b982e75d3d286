// Search terms: English word forms meet, Arabic letter variants fold, Chinese is split into
// character bigrams, digits and symbols stay findable; the ASCII fast path agrees with the
// Unicode path.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { englishStem, queryForms, searchTerms, searchText } from '../../../src/shared/text/search-terms.js';

describe('englishStem', () => {
  it('brings the forms of a word together', () => {
    const forms = (ws: string[]) => new Set(ws.map(englishStem));
    expect(forms(['encourage', 'encourages', 'encouraged', 'encouraging'])).toEqual(new Set(['encourag']));
    expect(forms(['policy', 'policies'])).toEqual(new Set(['polici']));
    expect(forms(['commit', 'committed', 'committing'])).toEqual(new Set(['commit']));
    expect(forms(['State', 'States'].map((w) => w.toLowerCase())).size).toBe(1);
    expect(forms(['process', 'processes'])).toEqual(new Set(['process']));
  });

  it('leaves short and non-Latin words alone', () => {
    expect(englishStem('sea')).toBe('sea');
    expect(englishStem('its')).toBe('its');
    expect(englishStem('développement')).toBe('développement');
    expect(englishStem('2030')).toBe('2030');
  });

  it('stems as the string-based form it replaced (property; every rule, every word of the corpus)', () => {
    // The former stemmer, kept as the reference: the character-code stemmer must give the same term.
    const reference = (word: string): string => {
      if (word.length < 4 || !/^[a-z]+$/.test(word)) return word;
      let w = word;
      if (w.endsWith('sses')) w = w.slice(0, -2);
      else if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
      else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
      if (w.endsWith('ing') && /[aeiouy]/.test(w.slice(0, -3)) && w.length - 3 >= 3) w = w.slice(0, -3);
      else if (w.endsWith('ed') && /[aeiouy]/.test(w.slice(0, -2)) && w.length - 2 >= 3) w = w.slice(0, -2);
      if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
      if (w.length > 3 && w[w.length - 1] === w[w.length - 2] && !'lsz'.includes(w[w.length - 1]!) && !/[aeiouy]/.test(w[w.length - 1]!)) w = w.slice(0, -1);
      if (w.length > 3 && w.endsWith('y')) w = `${w.slice(0, -1)}i`;
      return w;
    };
    // Letters that every rule looks at, so short random words hit each branch.
    fc.assert(fc.property(fc.stringMatching(/^[aeiouysldzngrA-Z0-9é]{0,12}$/), (w) => englishStem(w) === reference(w)), { numRuns: 20_000 });
    for (const w of ['sses', 'asses', 'ies', 'ties', 'flies', 'bus', 'this', 'ss', 'sing', 'bring', 'string', 'bed', 'feed', 'agreed', 'fizz', 'ball', 'hopping', 'eyed', 'eying', 'yyyy', 'ssss', 'ieses']) {
      expect(englishStem(w), w).toBe(reference(w));
    }
    const corpus = path.resolve(process.cwd(), '../shared/corpus/ga-en');
    const words = new Set(fs.readdirSync(corpus).filter((f) => f.endsWith('.txt')).slice(0, 120).flatMap((f) => fs.readFileSync(path.join(corpus, f), 'utf8').toLowerCase().match(/[a-z0-9]+/g) ?? []));
    expect(words.size).toBeGreaterThan(5000);
    for (const w of words) if (englishStem(w) !== reference(w)) expect(englishStem(w), w).toBe(reference(w));
  });

  it('never returns an empty term (property)', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z]{1,14}$/), (w) => englishStem(w).length >= Math.min(3, w.length)));
  });
});

describe('searchTerms', () => {
  it('folds case and diacritics, and stems only when asked', () => {
    expect(searchTerms('Réaffirmant ses résolutions', false)).toEqual(['reaffirmant', 'ses', 'resolutions']);
    expect(searchTerms('Encourages States', true)).toEqual(['encourag', 'stat']);
  });

  it('normalises Arabic: alef and hamza forms, taa marbuta, alef maksura, tatweel, diacritics', () => {
    const plain = searchTerms('اسرائيل الجمعيه العامه مصطفي', false);
    expect(searchTerms('إسرائيل الجمعية العامة مصطفى', false)).toEqual(plain);
    expect(searchTerms('الجَمْعِيَّة العــامة', false)).toEqual(searchTerms('الجمعيه العامه', false));
    expect(searchTerms('أكد آخر ٱلقرار مسؤول', false)).toEqual(searchTerms('اكد اخر القرار مسوول', false));
  });

  it('splits Chinese into overlapping character bigrams; a single character stays itself', () => {
    expect(searchTerms('可持续发展', false)).toEqual(['可持', '持续', '续发', '发展']);
    expect(searchTerms('大会，重申', false)).toEqual(['大会', '重申']);
    expect(searchTerms('和', false)).toEqual(['和']);
  });

  it('keeps digits and splits symbols at their punctuation', () => {
    expect(searchTerms('resolution 79/200 of 2024', false)).toEqual(['resolution', '79', '200', 'of', '2024']);
  });

  it('the ASCII fast path gives what the Unicode path gives (property)', () => {
    // A letter outside ASCII, alone at the end, forces the Unicode path on the same words.
    fc.assert(
      // fast-check's stringMatching refuses the i flag, so both cases are spelt out.
      // eslint-disable-next-line regexp/use-ignore-case
      fc.property(fc.stringMatching(/^[A-Za-z0-9 ,.;:'"()/\u2014\u201c\u201d\u00a0-]{0,60}$/), fc.boolean(), (text, stem) => {
        expect(searchTerms(`${text} é`, stem)).toEqual([...searchTerms(text, stem), 'e']);
      }),
    );
  });
});

describe('searchText and queryForms', () => {
  it('indexes English documents stemmed and others folded', () => {
    expect(searchText('Encourages Member States', 'en')).toBe('encourag member stat');
    expect(searchText('Encourage les États', 'fr')).toBe('encourage les etats');
  });

  it('looks a query word up both as typed (folded) and stemmed', () => {
    expect(queryForms('encouraging')).toEqual([['encouraging'], ['encourag']]);
    expect(queryForms('sea')).toEqual([['sea']]);
    expect(queryForms('"small island"')).toEqual([['small', 'island']]);
  });
});
