// Matching tokens: case and diacritics folded, numbers as "#", punctuation and footnote debris
// gone, in the six UN languages; and over the whole English corpus.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchTokens, NUMBER_TOKEN } from '../../../src/shared/text/tokens.js';
import { operativeParagraphs } from '../../helpers/perturb.js';

describe('matchTokens', () => {
  it('lower-cases, folds diacritics and drops punctuation', () => {
    expect(matchTokens('Réaffirmant sa résolution,')).toEqual(['reaffirmant', 'sa', 'resolution']);
    expect(matchTokens('Re\u0301affirmant')).toEqual(['reaffirmant']);
    expect(matchTokens('Requests the Secretary-General; (and) “notes”!')).toEqual(['requests', 'the', 'secretary', 'general', 'and', 'notes']);
    expect(matchTokens('Œuvre, straße, ﬁnance, Łódź')).toEqual(['oeuvre', 'strasse', 'finance', 'lodz']);
    expect(matchTokens('')).toEqual([]);
    expect(matchTokens(' ,;: — ')).toEqual([]);
  });

  it('unifies curly and straight quotes and dashes (they split words the same way)', () => {
    expect(matchTokens('Secretary-General’s report')).toEqual(matchTokens("Secretary-General's report"));
    expect(matchTokens('Secretary‑General — report')).toEqual(matchTokens('Secretary-General - report'));
    expect(matchTokens('l’Assemblée générale')).toEqual(['l', 'assemblee', 'generale']);
    expect(matchTokens('“Agenda”')).toEqual(matchTokens('"Agenda"'));
  });

  it('turns every number and number-like token into a single "#"', () => {
    for (const n of ['78/143', '2023', '19', 'A/79/437', '1.5', '2,000', '37,674,500', 'A/RES/78/143', 'E/CN.6/2023/L.3', 'A/C.2/80/L.26/Rev.1', 'S/RES/2532 (2020)', '10th', '21st', 'G77', '10:30', '2019–2020', '23-24976', '１２']) {
      expect(matchTokens(`see ${n} here`), n).toEqual(['see', NUMBER_TOKEN, 'here']);
    }
    expect(matchTokens('resolution 78/143 of 19 December 2023')).toEqual(['resolution', '#', 'of', '#', 'december', '#']);
    expect(matchTokens('COVID-19 pandemic')).toEqual(['covid', '#', 'pandemic']);
    expect(matchTokens('and/or his/her')).toEqual(['and', 'or', 'his', 'her']);
  });

  it('changed dates, symbols and session ordinals give the same tokens', () => {
    const a = 'Recalling its resolution 77/150 of 14 December 2022, and decides to include in the provisional agenda of its seventy-eighth session the item (A/77/443);';
    const b = 'Recalling its resolution 78/143 of 19 December 2023, and decides to include in the provisional agenda of its eightieth session the item (A/79/437);';
    expect(matchTokens(a)).toEqual(matchTokens(b));
    expect(matchTokens('à sa soixante-dix-neuvième session')).toEqual(['a', 'sa', '#', 'session']);
    expect(matchTokens('en su septuagésimo noveno período de sesiones')).toEqual(['en', 'su', '#', 'periodo', 'de', 'sesiones']);
    expect(matchTokens('на ее семьдесят девятой сессии')).toEqual(['на', 'ее', '#', 'сессии']);
    expect(matchTokens('في دورتها التاسعة والسبعين')).toEqual(['في', 'دورتها', '#']);
    // "One" is not a number word: it is an article or a pronoun.
    expect(matchTokens('un rapport, one of them')).toEqual(['un', 'rapport', 'one', 'of', 'them']);
  });

  it('ignores footnote numbers glued to words or punctuation, and superscript marks', () => {
    expect(matchTokens('the 2030 Agenda3 for Sustainable Development,4 and')).toEqual(['the', '#', 'agenda', 'for', 'sustainable', 'development', 'and']);
    expect(matchTokens('on investigations,17 underlines')).toEqual(['on', 'investigations', 'underlines']);
    expect(matchTokens('of the Secretary-General;12 requests')).toEqual(['of', 'the', 'secretary', 'general', 'requests']);
    expect(matchTokens('“Literacy for empowerment”;6 and')).toEqual(['literacy', 'for', 'empowerment', 'and']);
    expect(matchTokens('Convention¹ and Protocol²³')).toEqual(['convention', 'and', 'protocol']);
    // A year followed by its footnote collapses with it into one "#".
    expect(matchTokens('December 2023,12 and')).toEqual(['december', '#', 'and']);
    // Not footnotes: thousands, document symbols, a single letter and a number.
    expect(matchTokens('amount of 2,000 dollars')).toEqual(['amount', 'of', '#', 'dollars']);
  });

  it('Chinese: one token per character, numbers and Chinese numerals as "#"', () => {
    expect(matchTokens('大会，回顾其2023年12月19日第78/143号决议，')).toEqual(['大', '会', '回', '顾', '其', '#', '年', '#', '月', '#', '日', '第', '#', '号', '决', '议']);
    expect(matchTokens('大会第七十八届会议')).toEqual(['大', '会', '第', '#', '届', '会', '议']);
    expect(matchTokens('大会第七十八届会议')).toEqual(matchTokens('大会第七十九届会议'));
    // Digits beside characters are not footnotes: "paragraph 3", "12th month".
    expect(matchTokens('第3段')).toEqual(['第', '#', '段']);
    expect(matchTokens('决议3，')).toEqual(['决', '议', '#']);
    // A lone numeral inside a word is a character like any other.
    expect(matchTokens('进一步')).toEqual(['进', '一', '步']);
    expect(matchTokens('《2030年议程》和COVID-19')).toEqual(['#', '年', '议', '程', '和', 'covid', '#']);
    // Fullwidth forms fold to ASCII.
    expect(matchTokens('ＵＮＤＰ（１２）')).toEqual(['undp', '#']);
  });

  it('Arabic: tatweel and harakat stripped, hamza carriers and alef maksura folded', () => {
    expect(matchTokens('إِنَّ الجمعيـــة العامة')).toEqual(matchTokens('ان الجمعية العامة'));
    expect(matchTokens('تُؤكِّد من جديد، قرارها ٧٨/١٤٣')).toEqual(['توكد', 'من', 'جديد', 'قرارها', '#']);
    expect(matchTokens('مستوى')).toEqual(matchTokens('مستوي'));
    expect(matchTokens('أفريقيا')).toEqual(matchTokens('افريقيا'));
  });

  it('Russian: ё → е, й kept; French and Spanish accents folded', () => {
    expect(matchTokens('Её объём')).toEqual(['ее', 'объем']);
    expect(matchTokens('Генеральный секретарь, своей')).toEqual(['генеральный', 'секретарь', 'своей']);
    expect(matchTokens('Pide al Secretario General que presente un informe sobre la aplicación')).toEqual(['pide', 'al', 'secretario', 'general', 'que', 'presente', 'un', 'informe', 'sobre', 'la', 'aplicacion']);
    expect(matchTokens('Prie le Secrétaire général de lui présenter à sa quatre-vingtième session')).toEqual(['prie', 'le', 'secretaire', 'general', 'de', 'lui', 'presenter', 'a', 'sa', '#', 'session']);
  });

  it('on the whole English corpus: only "#" and digit-free words without punctuation, never empty', () => {
    const paragraphs = operativeParagraphs();
    expect(paragraphs.length).toBeGreaterThan(15_000);
    let tokens = 0;
    for (const p of paragraphs) {
      const t = matchTokens(p);
      tokens += t.length;
      for (const x of t) if (x !== NUMBER_TOKEN && !/^\p{L}+$/u.test(x)) throw new Error(`bad token ${JSON.stringify(x)} in ${p}`);
      for (let i = 1; i < t.length; i++) if (t[i] === NUMBER_TOKEN && t[i - 1] === NUMBER_TOKEN) throw new Error(`two # in a row in ${p}`);
    }
    expect(tokens / paragraphs.length).toBeGreaterThan(40);
  }, 15_000);
});

describe('matchTokens fast path (ASCII and common typographic quotes and dashes)', () => {
  // " «" sends a text down the general path without adding a token or changing what its last
  // word is followed by (a space, as at the end), so both paths must agree.
  const general = (t: string) => matchTokens(`${t} \u00ab`);
  const parts = ['a', 'Z', 'Women', 'seventy', 'ninth', 'A/79/437', '1', '23', '1234', ' ', '  ', '.', ',', ';', ':', '/', '-', '`', "'", '"', ')', '\u2010', '\u2011', '\u2013', '\u2014', '\u2018', '\u2019', '\u201c', '\u201d', '\t', '\n'];

  it('gives the tokens of the general path on random texts of those characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 40 }), (xs) => {
        const t = xs.join('');
        expect(matchTokens(t)).toEqual(general(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the tokens of the general path on every English corpus operative paragraph', () => {
    for (const p of operativeParagraphs()) expect(matchTokens(p)).toEqual(general(p));
  });

  it('examples: dashes join, quotes separate, footnote numbers after quotes go', () => {
    expect(matchTokens('2019\u20132020 and 2021\u20142022')).toEqual(['#', 'and', '#']);
    expect(matchTokens('non\u2011governmental')).toEqual(['non', 'governmental']);
    expect(matchTokens('the \u201cAgenda\u201d,3 and `it`')).toEqual(['the', 'agenda', 'and', 'it']);
  });
});
