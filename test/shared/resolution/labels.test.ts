import { describe, expect, it } from 'vitest';
import {
  ABJAD_LETTERS,
  LABEL_SCHEMES,
  chineseNumeral,
  fromRoman,
  latinSuffix,
  negotiationLabels,
  operativeNumber,
  sequentialNumbers,
  subparagraphLabel,
  toRoman,
  type LabelScheme,
} from '../../../src/shared/resolution/labels.js';
import { LANGUAGES } from '../../../src/shared/resolution/model.js';

const labels = (n: number, level: 1 | 2 | 3 | 4, lang: Parameters<typeof subparagraphLabel>[2]) =>
  Array.from({ length: n }, (_, i) => subparagraphLabel(i, level, lang));

describe('toRoman / fromRoman', () => {
  it('writes lower-case roman numerals', () => {
    expect([1, 2, 3, 4, 5, 6, 9, 10, 14, 19, 40, 49, 90, 99, 400, 1994, 3999].map(toRoman)).toEqual([
      'i', 'ii', 'iii', 'iv', 'v', 'vi', 'ix', 'x', 'xiv', 'xix', 'xl', 'xlix', 'xc', 'xcix', 'cd', 'mcmxciv', 'mmmcmxcix',
    ]);
  });

  it('counts correctly up to 40 and beyond', () => {
    const expected = [
      'i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x',
      'xi', 'xii', 'xiii', 'xiv', 'xv', 'xvi', 'xvii', 'xviii', 'xix', 'xx',
      'xxi', 'xxii', 'xxiii', 'xxiv', 'xxv', 'xxvi', 'xxvii', 'xxviii', 'xxix', 'xxx',
      'xxxi', 'xxxii', 'xxxiii', 'xxxiv', 'xxxv', 'xxxvi', 'xxxvii', 'xxxviii', 'xxxix', 'xl',
    ];
    expect(Array.from({ length: 40 }, (_, i) => toRoman(i + 1))).toEqual(expected);
  });

  it('round-trips through fromRoman for every value up to 3999', () => {
    for (let n = 1; n <= 3999; n++) expect(fromRoman(toRoman(n).toUpperCase())).toBe(n);
  });

  it('rejects out-of-range or malformed input', () => {
    expect(() => toRoman(0)).toThrow(RangeError);
    expect(() => toRoman(4000)).toThrow(RangeError);
    expect(() => toRoman(2.5)).toThrow(RangeError);
    expect(fromRoman('')).toBeNull();
    expect(fromRoman('IIII')).toBeNull();
    expect(fromRoman('VX')).toBeNull();
    expect(fromRoman('ABC')).toBeNull();
    expect(fromRoman('XLVIII')).toBe(48);
  });
});

describe('subparagraphLabel', () => {
  it('English level 1: (a)…(z), then doubled letters (aa), (bb)', () => {
    const l = labels(60, 1, 'en');
    expect(l.slice(0, 4)).toEqual(['(a)', '(b)', '(c)', '(d)']);
    expect(l[25]).toBe('(z)');
    expect(l[26]).toBe('(aa)'); // the 27th label
    expect(l[27]).toBe('(bb)');
    expect(l[51]).toBe('(zz)');
    expect(l[52]).toBe('(aaa)');
  });

  it('English levels 2–4: (i) (ii); a. b.; i. ii.', () => {
    expect(labels(5, 2, 'en')).toEqual(['(i)', '(ii)', '(iii)', '(iv)', '(v)']);
    expect(subparagraphLabel(39, 2, 'en')).toBe('(xl)');
    expect(labels(3, 3, 'en')).toEqual(['a.', 'b.', 'c.']);
    expect(subparagraphLabel(26, 3, 'en')).toBe('aa.');
    expect(labels(4, 4, 'en')).toEqual(['i.', 'ii.', 'iii.', 'iv.']);
  });

  it('French and Spanish drop the opening parenthesis at levels 1 and 2', () => {
    for (const lang of ['fr', 'es'] as const) {
      expect(labels(3, 1, lang)).toEqual(['a)', 'b)', 'c)']);
      expect(subparagraphLabel(26, 1, lang)).toBe('aa)');
      expect(labels(4, 2, lang)).toEqual(['i)', 'ii)', 'iii)', 'iv)']);
      expect(subparagraphLabel(0, 3, lang)).toBe('a.');
      expect(subparagraphLabel(1, 4, lang)).toBe('ii.');
    }
  });

  it('Russian uses the English forms', () => {
    for (let level = 1; level <= 4; level++)
      for (let i = 0; i < 30; i++)
        expect(subparagraphLabel(i, level as 1, 'ru')).toBe(subparagraphLabel(i, level as 1, 'en'));
  });

  it('Arabic: abjad letters at level 1, quoted digits at level 2 (UNVERIFIED)', () => {
    expect(labels(10, 1, 'ar')).toEqual(['(أ)', '(ب)', '(ج)', '(د)', '(هـ)', '(و)', '(ز)', '(ح)', '(ط)', '(ي)']);
    expect(ABJAD_LETTERS).toHaveLength(28);
    expect(new Set(ABJAD_LETTERS).size).toBe(28);
    expect(subparagraphLabel(27, 1, 'ar')).toBe('(غ)');
    expect(subparagraphLabel(28, 1, 'ar')).toBe('(أأ)');
    expect(labels(3, 2, 'ar')).toEqual(['\u20191\u2018', '\u20192\u2018', '\u20193\u2018']);
    expect(subparagraphLabel(1, 3, 'ar')).toBe('ب.');
    expect(subparagraphLabel(1, 4, 'ar')).toBe('2.');
  });

  it('Chinese: Latin letters at level 1, ㈠ ㈡ at level 2 (UNVERIFIED)', () => {
    expect(labels(3, 1, 'zh')).toEqual(['(a)', '(b)', '(c)']);
    expect(subparagraphLabel(26, 1, 'zh')).toBe('(aa)');
    expect(labels(10, 2, 'zh')).toEqual(['㈠', '㈡', '㈢', '㈣', '㈤', '㈥', '㈦', '㈧', '㈨', '㈩']);
    expect(subparagraphLabel(10, 2, 'zh')).toBe('（十一）');
    expect(subparagraphLabel(19, 2, 'zh')).toBe('（二十）');
    expect(subparagraphLabel(0, 3, 'zh')).toBe('a.');
    expect(subparagraphLabel(2, 4, 'zh')).toBe('iii.');
  });

  it('gives the same answer from the cache and beyond it', () => {
    for (const lang of LANGUAGES) {
      const first = labels(100, 1, lang);
      expect(labels(100, 1, lang)).toEqual(first);
      expect(new Set(first).size).toBe(100);
    }
    expect(subparagraphLabel(200, 2, 'en')).toBe('(cci)');
  });

  it('accepts a scheme override', () => {
    const scheme: LabelScheme = [
      { counter: 'digits', before: '[', after: ']' },
      LABEL_SCHEMES.en[1],
      LABEL_SCHEMES.en[2],
      LABEL_SCHEMES.en[3],
    ];
    expect(subparagraphLabel(4, 1, 'en', scheme)).toBe('[5]');
    expect(subparagraphLabel(4, 2, 'en', scheme)).toBe('(v)');
    expect(subparagraphLabel(4, 1, 'en')).toBe('(e)'); // the default is unaffected
  });

  it('rejects a bad index', () => {
    expect(() => subparagraphLabel(-1, 1, 'en')).toThrow(RangeError);
    expect(() => subparagraphLabel(1.5, 1, 'en')).toThrow(RangeError);
  });
});

describe('chineseNumeral', () => {
  it('writes 1..999 in Chinese numerals', () => {
    expect([1, 10, 11, 19, 20, 21, 79, 100, 101, 110, 115, 120, 999].map(chineseNumeral)).toEqual([
      '一', '十', '十一', '十九', '二十', '二十一', '七十九', '一百', '一百零一', '一百一十', '一百一十五', '一百二十', '九百九十九',
    ]);
    expect(chineseNumeral(1000)).toBe('1000');
  });
});

describe('operativeNumber', () => {
  it('prints "7." in every language but Arabic, which prints "7 - "', () => {
    for (const lang of ['en', 'fr', 'es', 'ru', 'zh'] as const) expect(operativeNumber(7, lang)).toBe('7.');
    expect(operativeNumber(7, 'ar')).toBe('7 - ');
    expect(operativeNumber(12, 'ar')).toBe('12 - ');
  });
});

describe('latinSuffix', () => {
  it('follows bis, ter, quater… decies', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(latinSuffix)).toEqual([
      '', 'bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies',
    ]);
  });

  it('continues with the forms of legislative drafting', () => {
    expect([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 29, 39].map(latinSuffix)).toEqual([
      'undecies', 'duodecies', 'terdecies', 'quaterdecies', 'quindecies', 'sexdecies', 'septdecies', 'octodecies',
      'novodecies', 'vicies', 'unvicies', 'tricies', 'quadragies',
    ]);
    expect(latinSuffix(98)).toBe('novononagies');
    expect(latinSuffix(99)).toBe('(100)');
  });

  it('gives a unique suffix for each k', () => {
    const all = Array.from({ length: 200 }, (_, k) => latinSuffix(k));
    expect(new Set(all).size).toBe(200);
  });

  it('rejects negative k', () => {
    expect(() => latinSuffix(-1)).toThrow(RangeError);
  });
});

describe('negotiationLabels', () => {
  it('numbers base paragraphs by their frozen number', () => {
    expect(negotiationLabels([{ base: 1 }, { base: 2 }, { base: 3 }], 'PP')).toEqual(['PP1', 'PP2', 'PP3']);
  });

  it('labels inserts after a base paragraph bis, ter, quater', () => {
    const items = [{ base: 6 }, { base: 7 }, {}, {}, {}, { base: 8 }];
    expect(negotiationLabels(items, 'OP')).toEqual(['OP6', 'OP7', 'OP7bis', 'OP7ter', 'OP7quater', 'OP8']);
    expect(negotiationLabels([{ base: 1 }, { base: 2 }, {}], 'PP')).toEqual(['PP1', 'PP2', 'PP2bis']);
  });

  it('labels inserts before the first base paragraph PP0, PP0bis, PP0ter', () => {
    expect(negotiationLabels([{}, {}, {}, { base: 1 }, {}], 'PP')).toEqual(['PP0', 'PP0bis', 'PP0ter', 'PP1', 'PP1bis']);
  });

  it('keeps deleted paragraphs in place with their label', () => {
    const items = [{ base: 1 }, { base: 2, deleted: true }, {}, { deleted: true }, {}, { base: 3 }];
    expect(negotiationLabels(items, 'OP')).toEqual(['OP1', 'OP2', 'OP2bis', 'OP2ter', 'OP2quater', 'OP3']);
  });

  it('keeps labels stable when a paragraph is deleted', () => {
    const before = negotiationLabels([{ base: 7 }, {}, {}, { base: 8 }], 'OP');
    const after = negotiationLabels([{ base: 7 }, { deleted: true }, {}, { base: 8 }], 'OP');
    expect(after).toEqual(before);
  });

  it('keeps a moved base paragraph its number and keeps insert labels unique', () => {
    const items = [{ base: 1 }, {}, { base: 3 }, { base: 2 }, {}, { base: 1 }, {}];
    const l = negotiationLabels(items, 'OP');
    expect(l).toEqual(['OP1', 'OP1bis', 'OP3', 'OP2', 'OP2bis', 'OP1', 'OP1ter']);
    const inserted = l.filter((_, i) => items[i]!.base === undefined);
    expect(new Set(inserted).size).toBe(inserted.length);
  });

  it('treats a base that is not a positive integer as an insert', () => {
    expect(negotiationLabels([{ base: 1 }, { base: 0 }, { base: -2 }, { base: 1.5 }], 'OP')).toEqual(['OP1', 'OP1bis', 'OP1ter', 'OP1quater']);
  });

  it('has a plain mode: sequential, deleted paragraphs unnumbered', () => {
    const items = [{ base: 1 }, {}, { deleted: true }, { base: 2 }];
    expect(negotiationLabels(items, 'PP', 'plain')).toEqual(['PP1', 'PP2', '', 'PP3']);
    expect(sequentialNumbers(items)).toEqual([1, 2, null, 3]);
    expect(sequentialNumbers([])).toEqual([]);
  });

  it('handles an empty section', () => {
    expect(negotiationLabels([], 'OP')).toEqual([]);
  });

  it('is fast on long sections', () => {
    const items = Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? { base: i / 3 + 1 } : {}));
    const t0 = performance.now();
    for (let k = 0; k < 200; k++) negotiationLabels(items, 'OP');
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
