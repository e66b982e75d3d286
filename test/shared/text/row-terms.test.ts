import { describe, expect, it } from 'vitest';
import { rowTerms, searchText } from '../../../src/shared/text/search-terms.js';
import { isFastText, matchTokens } from '../../../src/shared/text/tokens.js';

// rowTerms must store exactly what searchText and matchTokens give, on both of its paths.
const SAMPLES = [
  'Reaffirming its resolution 78/143 of 19 December 2023,',
  'Welcomes the report of the Secretary-General;12 and CALLS UPON Member States',
  'Noting the “Agenda3 for Humanity”, the ‘Women,1’ initiative — and covid‑19 – A/79/437',
  'Decides to include in the provisional agenda of its seventy-ninth session the item entitled "E/CN.6/2023/L.3"',
  'Encouraging, encouraged, encourages; studies, classes, running, hopping, ready, dress',
  'Trailing footnote Women,1 and Rights.23 and Ends10',
  'Réaffirmant sa résolution 78/143 du 19 décembre 2023, soixante-dix-neuvième session',
  'Подтверждая свою резолюцию 78/143, семьдесят девятой сессии',
  '重申其第七十八届会议第78/143号决议',
  'Text with\u00a0no-break space and … ellipsis',
  '',
  '   ',
  'UPPER lower MiXeD 10th G77 1.5 2,000 10:30 and/or',
];

describe('rowTerms', () => {
  it('gives searchText and matchTokens of the text, on the fast path and off it', () => {
    expect(SAMPLES.some(isFastText)).toBe(true);
    expect(SAMPLES.some((s) => !isFastText(s))).toBe(true);
    for (const lang of ['en', 'fr', 'ru', 'zh']) {
      for (const s of SAMPLES) expect(rowTerms(s, lang), `${lang}: ${s}`).toEqual({ search: searchText(s, lang), tokens: matchTokens(s) });
    }
  });

  it('stems in English only', () => {
    expect(rowTerms('Encouraging States', 'en').search).toBe('encourag stat');
    expect(rowTerms('Encouraging States', 'fr').search).toBe('encouraging states');
    expect(rowTerms('Encouraging States', 'en').tokens).toEqual(['encouraging', 'states']);
  });
});
