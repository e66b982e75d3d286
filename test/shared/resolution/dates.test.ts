import { describe, expect, it } from 'vitest';
import {
  MONTH_NAMES,
  formatDate,
  meetingLine,
  ordinalSuffixEn,
  parseDate,
  sessionHeading,
  validateIsoDate,
} from '../../../src/shared/resolution/dates.js';
import { LANGUAGES } from '../../../src/shared/resolution/model.js';

describe('formatDate', () => {
  it('prints 21 December 2020 in the six languages', () => {
    expect(formatDate('2020-12-21', 'en')).toBe('21 December 2020');
    expect(formatDate('2020-12-21', 'fr')).toBe('21 décembre 2020');
    expect(formatDate('2020-12-21', 'es')).toBe('21 de diciembre de 2020');
    expect(formatDate('2020-12-21', 'ru')).toBe('21 декабря 2020 года');
    expect(formatDate('2020-12-21', 'ar')).toBe('21 كانون الأول/ديسمبر 2020');
    expect(formatDate('2020-12-21', 'zh')).toBe('2020年12月21日');
  });

  it('prints the first of the month as 1er in French', () => {
    expect(formatDate('2021-01-01', 'fr')).toBe('1er janvier 2021');
    expect(formatDate('2021-01-01', 'en')).toBe('1 January 2021');
    expect(formatDate('2021-01-01', 'es')).toBe('1 de enero de 2021');
    expect(formatDate('2021-01-01', 'zh')).toBe('2021年1月1日');
  });

  it('uses the UN Arabic month pairs', () => {
    const expected = [
      'كانون الثاني/يناير', 'شباط/فبراير', 'آذار/مارس', 'نيسان/أبريل', 'أيار/مايو', 'حزيران/يونيه',
      'تموز/يوليه', 'آب/أغسطس', 'أيلول/سبتمبر', 'تشرين الأول/أكتوبر', 'تشرين الثاني/نوفمبر', 'كانون الأول/ديسمبر',
    ];
    expect(MONTH_NAMES.ar).toEqual(expected);
    for (let m = 1; m <= 12; m++) expect(formatDate(`2024-${String(m).padStart(2, '0')}-05`, 'ar')).toBe(`5 ${expected[m - 1]} 2024`);
  });

  it('prints every month in every language', () => {
    for (let m = 1; m <= 12; m++) {
      const iso = `2024-${String(m).padStart(2, '0')}-19`;
      expect(formatDate(iso, 'en')).toBe(`19 ${MONTH_NAMES.en[m - 1]} 2024`);
      expect(formatDate(iso, 'ru')).toBe(`19 ${MONTH_NAMES.ru[m - 1]} 2024 года`);
      expect(formatDate(iso, 'zh')).toBe(`2024年${m}月19日`);
    }
    expect(formatDate('2024-08-15', 'fr')).toBe('15 août 2024');
    expect(formatDate('2024-02-03', 'fr')).toBe('3 février 2024');
    expect(formatDate('2024-05-09', 'ru')).toBe('9 мая 2024 года');
  });

  it('returns "" for invalid dates', () => {
    for (const bad of ['', '2020-13-01', '2021-02-29', '2020-12-32', '21 December 2020', '2020-1-5', '2020-12-21T00:00'])
      for (const lang of LANGUAGES) expect(formatDate(bad, lang)).toBe('');
    expect(formatDate('2024-02-29', 'en')).toBe('29 February 2024'); // leap year
    expect(formatDate('2000-02-29', 'en')).toBe('29 February 2000');
    expect(formatDate('1900-02-29', 'en')).toBe('');
  });
});

describe('parseDate', () => {
  it('reads back what formatDate prints, in every language, for every day of a leap year', () => {
    const d = new Date(Date.UTC(2024, 0, 1));
    for (let i = 0; i < 366; i++) {
      const iso = d.toISOString().slice(0, 10);
      for (const lang of LANGUAGES) expect(parseDate(formatDate(iso, lang)), `${lang} ${iso}`).toBe(iso);
      d.setUTCDate(d.getUTCDate() + 1);
    }
  });

  it('reads the variants found in PDFs and typing', () => {
    expect(parseDate('19 December 2024')).toBe('2024-12-19');
    expect(parseDate('on 19 December 2024')).toBe('2024-12-19');
    expect(parseDate('19 December 2024.')).toBe('2024-12-19');
    expect(parseDate('December 19, 2024')).toBe('2024-12-19');
    expect(parseDate('Dec. 19, 2024')).toBe('2024-12-19');
    expect(parseDate('19 dec 2024')).toBe('2024-12-19');
    expect(parseDate('  19   December   2024 ')).toBe('2024-12-19');
    expect(parseDate('1er janvier 2021')).toBe('2021-01-01');
    expect(parseDate('le 21 décembre 2020')).toBe('2020-12-21');
    expect(parseDate('Le 21 decembre 2020')).toBe('2020-12-21');
    expect(parseDate('15 aout 2020')).toBe('2020-08-15');
    expect(parseDate('21 DÉCEMBRE 2020')).toBe('2020-12-21');
    expect(parseDate('1º de enero de 2021')).toBe('2021-01-01');
    expect(parseDate('el 21 de diciembre de 2020')).toBe('2020-12-21');
    expect(parseDate('21 de setiembre de 2020')).toBe('2020-09-21');
    expect(parseDate('21 декабря 2020 г.')).toBe('2020-12-21');
    expect(parseDate('21 декабря 2020 года')).toBe('2020-12-21');
    expect(parseDate('21 декабря 2020')).toBe('2020-12-21');
    expect(parseDate('2020 年 12 月 21 日')).toBe('2020-12-21');
    expect(parseDate('２０２０年１２月２１日')).toBe('2020-12-21');
    expect(parseDate('2020-12-21')).toBe('2020-12-21');
  });

  it('reads Arabic dates with either or both month names, and Arabic-Indic digits', () => {
    expect(parseDate('21 كانون الأول/ديسمبر 2020')).toBe('2020-12-21');
    expect(parseDate('21 كانون الأول / ديسمبر 2020')).toBe('2020-12-21');
    expect(parseDate('21 ديسمبر 2020')).toBe('2020-12-21');
    expect(parseDate('21 كانون الأول 2020')).toBe('2020-12-21');
    expect(parseDate('5 حزيران/يونيو 2020')).toBe('2020-06-05');
    expect(parseDate('5 ايار/مايو 2020')).toBe('2020-05-05'); // alef without hamza
    expect(parseDate('٢١ كانون الأول/ديسمبر ٢٠٢٠')).toBe('2020-12-21');
    expect(parseDate('في 21 كانون الأول/ديسمبر 2020')).toBe('2020-12-21');
    expect(parseDate('21 كانون الثاني/ديسمبر 2020')).toBeNull(); // the halves disagree
  });

  it('reads day-first numeric dates', () => {
    expect(parseDate('21/12/2020')).toBe('2020-12-21');
    expect(parseDate('21.12.2020', 'ru')).toBe('2020-12-21');
    expect(parseDate('05/06/2020')).toBe('2020-06-05');
    expect(parseDate('12/21/2020')).toBeNull();
    expect(parseDate('12/21/2020', 'en')).toBe('2020-12-21'); // only when the day-first reading is impossible
  });

  it('rejects what is not a date', () => {
    for (const bad of ['', 'December 2020', '31 February 2021', '32 December 2020', '21 Decembre 2020x', 'yesterday', '2020-02-30', '21 Foo 2020'])
      expect(parseDate(bad), bad).toBeNull();
  });
});

describe('validateIsoDate', () => {
  it('accepts real dates and the empty field', () => {
    expect(validateIsoDate('')).toBeNull();
    expect(validateIsoDate('2024-12-19')).toBeNull();
    expect(validateIsoDate('2024-02-29')).toBeNull();
  });

  it('explains what is wrong', () => {
    expect(validateIsoDate('19/12/2024')).toBe('Write the date as yyyy-mm-dd, e.g. 2024-12-19.');
    expect(validateIsoDate('2024-12-1')).toBe('Write the date as yyyy-mm-dd, e.g. 2024-12-19.');
    expect(validateIsoDate('2024-13-01')).toBe('There is no month 13: months run from 01 to 12.');
    expect(validateIsoDate('2023-02-29')).toBe('February 2023 has 28 days.');
    expect(validateIsoDate('2024-04-31')).toBe('April 2024 has 30 days.');
    expect(validateIsoDate('1900-01-01')).toMatch(/between 1945/);
    expect(validateIsoDate('2200-01-01')).toMatch(/and 2100/);
  });
});

describe('sessionHeading', () => {
  it('matches the spec examples', () => {
    expect(sessionHeading(79, 'en')).toBe('Seventy-ninth session');
    expect(sessionHeading(75, 'fr')).toBe('Soixante-quinzième session');
    expect(sessionHeading(79, 'es')).toBe('Septuagésimo noveno período de sesiones');
    expect(sessionHeading(79, 'ru')).toBe('Семьдесят девятая сессия');
    expect(sessionHeading(79, 'ar')).toBe('الدورة التاسعة والسبعون');
    expect(sessionHeading(79, 'zh')).toBe('第七十九届会议');
  });

  it('spells English ordinals', () => {
    const cases: [number, string][] = [
      [1, 'First'], [2, 'Second'], [3, 'Third'], [12, 'Twelfth'], [20, 'Twentieth'], [21, 'Twenty-first'],
      [40, 'Fortieth'], [42, 'Forty-second'], [80, 'Eightieth'], [99, 'Ninety-ninth'], [100, 'One hundredth'],
      [101, 'One hundred and first'], [120, 'One hundred and twentieth'],
    ];
    for (const [n, w] of cases) expect(sessionHeading(n, 'en')).toBe(`${w} session`);
  });

  it('spells French ordinals, traditional spelling', () => {
    const cases: [number, string][] = [
      [1, 'Première'], [2, 'Deuxième'], [4, 'Quatrième'], [5, 'Cinquième'], [9, 'Neuvième'], [11, 'Onzième'],
      [17, 'Dix-septième'], [21, 'Vingt et unième'], [30, 'Trentième'], [61, 'Soixante et unième'],
      [70, 'Soixante-dixième'], [71, 'Soixante et onzième'], [77, 'Soixante-dix-septième'], [79, 'Soixante-dix-neuvième'],
      [80, 'Quatre-vingtième'], [81, 'Quatre-vingt-unième'], [85, 'Quatre-vingt-cinquième'], [90, 'Quatre-vingt-dixième'],
      [91, 'Quatre-vingt-onzième'], [99, 'Quatre-vingt-dix-neuvième'], [100, 'Centième'], [101, 'Cent unième'],
      [120, 'Cent vingtième'],
    ];
    for (const [n, w] of cases) expect(sessionHeading(n, 'fr')).toBe(`${w} session`);
  });

  it('spells Spanish ordinals with apocope before "período"', () => {
    const cases: [number, string][] = [
      [1, 'Primer'], [3, 'Tercer'], [7, 'Séptimo'], [10, 'Décimo'], [11, 'Undécimo'], [12, 'Duodécimo'],
      [13, 'Decimotercer'], [18, 'Decimoctavo'], [21, 'Vigésimo primer'], [23, 'Vigésimo tercer'],
      [71, 'Septuagésimo primer'], [75, 'Septuagésimo quinto'], [80, 'Octogésimo'], [100, 'Centésimo'],
      [101, 'Centésimo primer'],
    ];
    for (const [n, w] of cases) expect(sessionHeading(n, 'es')).toBe(`${w} período de sesiones`);
  });

  it('spells Russian feminine ordinals', () => {
    const cases: [number, string][] = [
      [1, 'Первая'], [3, 'Третья'], [4, 'Четвертая'], [10, 'Десятая'], [11, 'Одиннадцатая'], [40, 'Сороковая'],
      [41, 'Сорок первая'], [75, 'Семьдесят пятая'], [80, 'Восьмидесятая'], [90, 'Девяностая'], [100, 'Сотая'],
      [101, 'Сто первая'], [120, 'Сто двадцатая'],
    ];
    for (const [n, w] of cases) expect(sessionHeading(n, 'ru')).toBe(`${w} сессия`);
  });

  it('spells Arabic and Chinese ordinals (UNVERIFIED)', () => {
    expect(sessionHeading(1, 'ar')).toBe('الدورة الأولى');
    expect(sessionHeading(10, 'ar')).toBe('الدورة العاشرة');
    expect(sessionHeading(11, 'ar')).toBe('الدورة الحادية عشرة');
    expect(sessionHeading(12, 'ar')).toBe('الدورة الثانية عشرة');
    expect(sessionHeading(20, 'ar')).toBe('الدورة العشرون');
    expect(sessionHeading(75, 'ar')).toBe('الدورة الخامسة والسبعون');
    expect(sessionHeading(81, 'ar')).toBe('الدورة الحادية والثمانون');
    expect(sessionHeading(100, 'ar')).toBe('الدورة المائة');
    expect(sessionHeading(10, 'zh')).toBe('第十届会议');
    expect(sessionHeading(11, 'zh')).toBe('第十一届会议');
    expect(sessionHeading(80, 'zh')).toBe('第八十届会议');
    expect(sessionHeading(101, 'zh')).toBe('第一百零一届会议');
  });

  it('covers 1..120 in every language with distinct headings', () => {
    for (const lang of LANGUAGES) {
      const all = Array.from({ length: 120 }, (_, i) => sessionHeading(i + 1, lang));
      for (const h of all) expect(h.length, lang).toBeGreaterThan(0);
      expect(new Set(all).size, lang).toBe(120);
    }
  });

  it('accepts the session as a string, including special and emergency special sessions', () => {
    expect(sessionHeading('79', 'en')).toBe('Seventy-ninth session');
    expect(sessionHeading('S-13', 'en')).toBe('Thirteenth special session');
    expect(sessionHeading('ES-10', 'en')).toBe('Tenth emergency special session');
    expect(sessionHeading('S-13', 'fr')).toBe('Treizième session extraordinaire');
    expect(sessionHeading('ES-10', 'fr')).toBe("Dixième session extraordinaire d'urgence");
    expect(sessionHeading('S-13', 'es')).toBe('Decimotercer período extraordinario de sesiones');
    expect(sessionHeading('ES-10', 'es')).toBe('Décimo período extraordinario de sesiones de emergencia');
    expect(sessionHeading('S-13', 'ru')).toBe('Тринадцатая специальная сессия');
    expect(sessionHeading('ES-10', 'ru')).toBe('Десятая чрезвычайная специальная сессия');
    expect(sessionHeading('ES-10', 'ar')).toBe('الدورة الاستثنائية الطارئة العاشرة');
    expect(sessionHeading('S-13', 'zh')).toBe('第十三届特别会议');
    expect(sessionHeading('ES-10', 'zh')).toBe('第十届紧急特别会议');
  });

  it('returns "" for sessions it cannot word', () => {
    for (const bad of [0, -1, 200, 1.5, '', 'abc', 'S-0', '079'] as const) expect(sessionHeading(bad, 'en'), String(bad)).toBe('');
  });
});

describe('meetingLine', () => {
  it('prints the closing meeting line', () => {
    expect(meetingLine(19, 'en')).toBe('19th plenary meeting');
    expect(meetingLine(48, 'fr')).toBe('48e séance plénière');
    expect(meetingLine(48, 'es')).toBe('48ª sesión plenaria');
    expect(meetingLine(48, 'ru')).toBe('48-е пленарное заседание');
    expect(meetingLine(48, 'ar')).toBe('الجلسة العامة 48');
    expect(meetingLine(48, 'zh')).toBe('第48次全体会议');
  });

  it('uses 1re for the first French meeting and English suffixes', () => {
    expect(meetingLine(1, 'fr')).toBe('1re séance plénière');
    expect(meetingLine(1, 'en')).toBe('1st plenary meeting');
    expect(meetingLine(2, 'en')).toBe('2nd plenary meeting');
    expect(meetingLine(3, 'en')).toBe('3rd plenary meeting');
    expect([11, 12, 13, 21, 22, 23, 101, 111, 112, 113].map(ordinalSuffixEn)).toEqual([
      '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th', '112th', '113th',
    ]);
  });
});
