/**
 * Dates, session headings and the closing meeting line, in the six languages (spec §1.2, §1.11, §4).
 *
 * Dates are stored as ISO yyyy-mm-dd and printed as the UN prints them:
 * en "21 December 2020"; fr "21 décembre 2020", "1er janvier 2021"; es "21 de diciembre de 2020";
 * ru "21 декабря 2020 года"; ar "21 كانون الأول/ديسمبر 2020" (Levantine/Egyptian month pairs);
 * zh "2020年12月21日".
 *
 * Session headings in words: en "Seventy-ninth session"; fr "Soixante-quinzième session";
 * es "Septuagésimo noveno período de sesiones"; ru "Семьдесят девятая сессия"; ar "الدورة التاسعة
 * والسبعون" and zh "第七十九届会议" (both UNVERIFIED). Special and emergency special sessions
 * ("S-13", "ES-10") have their own wording. Above the 99th session, every language is
 * UNVERIFIED (the UN has not reached it): English "One hundred and first session", French
 * "Cent unième session", Spanish "Centésimo primer período de sesiones", Russian "Сто первая сессия",
 * Arabic "الدورة الأولى بعد المائة", Chinese "第一百零一届会议".
 */
import type { Language } from './model.js';
import { chineseNumeral } from './labels.js';
import type { CodedMessage } from '../errors.js';

const RE_ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in month `m` (1..12) of year `y`. */
function daysIn(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const MONTHS_ES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const MONTHS_RU = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const MONTHS_AR_LEVANT = ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول'];
const MONTHS_AR_EGYPT = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيه', 'يوليه', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];

/** Month names of each language as printed by {@link formatDate} (Arabic: the UN pair). */
export const MONTH_NAMES: Readonly<Record<Exclude<Language, 'zh'>, readonly string[]>> = {
  en: MONTHS_EN,
  fr: MONTHS_FR,
  es: MONTHS_ES,
  ru: MONTHS_RU,
  ar: MONTHS_AR_LEVANT.map((l, i) => `${l}/${MONTHS_AR_EGYPT[i]}`),
};

/** Year, month, day of a valid ISO date, or null. */
function splitIso(iso: string): [number, number, number] | null {
  const m = RE_ISO.exec(iso);
  if (m === null) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return null;
  return [y, mo, d];
}

/**
 * An ISO date (yyyy-mm-dd) as printed in `lang`: en "21 December 2020"; fr "21 décembre 2020"
 * ("1er janvier 2021" on the first); es "21 de diciembre de 2020"; ru "21 декабря 2020 года";
 * ar "21 كانون الأول/ديسمبر 2020"; zh "2020年12月21日". Returns "" when `iso` is not a valid date
 * (see {@link validateIsoDate} for why).
 */
export function formatDate(iso: string, lang: Language): string {
  const p = splitIso(iso);
  if (p === null) return '';
  const [y, m, d] = p;
  switch (lang) {
    case 'en':
      return `${d} ${MONTHS_EN[m - 1]} ${y}`;
    case 'fr':
      return `${d === 1 ? '1er' : d} ${MONTHS_FR[m - 1]} ${y}`;
    case 'es':
      return `${d} de ${MONTHS_ES[m - 1]} de ${y}`;
    case 'ru':
      return `${d} ${MONTHS_RU[m - 1]} ${y} года`;
    case 'ar':
      return `${d} ${MONTH_NAMES.ar[m - 1]} ${y}`;
    case 'zh':
      return `${y}年${m}月${d}日`;
  }
}

// ---------------------------------------------------------------------------------------------
// Parsing

const RE_COMBINING = /[\u0300-\u036f\u064b-\u0652\u0670\u0640]/g;
const RE_ALEF = /[أإآ]/g;
const RE_WS = /\s+/g;
const RE_ALEF_MAQSURA = /ى/g;
const RE_FINAL_DOT = /\.$/;

/** A month name reduced for lookup: lower case, no accents, Arabic alef/yeh forms unified. */
function monthKey(s: string): string {
  return s
    .normalize('NFC')
    .replace(RE_ALEF, 'ا')
    .replace(RE_ALEF_MAQSURA, 'ي')
    .toLowerCase()
    .normalize('NFD')
    .replace(RE_COMBINING, '')
    .replace(RE_WS, ' ')
    .trim();
}

const MONTH_LOOKUP: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  const add = (names: readonly string[]) => names.forEach((n, i) => map.set(monthKey(n), i + 1));
  add(MONTHS_EN);
  add(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']);
  add(['jan.', 'feb.', 'mar.', 'apr.', 'may', 'jun.', 'jul.', 'aug.', 'sept.', 'oct.', 'nov.', 'dec.']);
  add(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sept', 'oct', 'nov', 'dec']);
  add(MONTHS_FR);
  add(['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.']);
  add(MONTHS_ES);
  add(['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'setiembre', 'octubre', 'noviembre', 'diciembre']);
  add(MONTHS_RU);
  add(['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь']);
  add(MONTHS_AR_LEVANT);
  add(MONTHS_AR_EGYPT);
  add(['يناير', 'فبراير', 'مارس', 'ابريل', 'مايو', 'يونيو', 'يوليو', 'اغسطس', 'سبتمبر', 'اكتوبر', 'نوفمبر', 'ديسمبر']);
  return map;
})();

const DIGIT_BASES = [0x660, 0x6f0, 0xff10];

/** Arabic-Indic, Persian and full-width digits to ASCII. */
function asciiDigits(s: string): string {
  let out: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    for (const b of DIGIT_BASES) {
      if (c >= b && c <= b + 9) {
        out ??= s.slice(0, i);
        out += String.fromCharCode(0x30 + c - b);
        break;
      }
    }
    if (out !== null && out.length === i) out += s[i];
  }
  return out ?? s;
}

/** A month name, or an Arabic pair "كانون الأول/ديسمبر" whose known halves agree; 0 if unknown. */
function lookupMonth(name: string): number {
  const key = monthKey(name).replace(RE_FINAL_DOT, '');
  const direct = MONTH_LOOKUP.get(key) ?? MONTH_LOOKUP.get(key + '.');
  if (direct !== undefined) return direct;
  const slash = key.indexOf('/');
  if (slash < 0) return 0;
  const a = MONTH_LOOKUP.get(key.slice(0, slash).trim()) ?? 0;
  const b = MONTH_LOOKUP.get(key.slice(slash + 1).trim()) ?? 0;
  if (a && b && a !== b) return 0;
  return a || b;
}

const RE_LEAD = /^(?:on|dated|of|le|du|en date du|el|del|de|от|في|بتاريخ)\s+/i;
const RE_TRAIL = /(?:(?<!\s)\s*(?:года|год|г)|(?<![\s.,;:]))[\s.,;:]*$/;
const RE_ZH = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
// parseDate has collapsed white space to single spaces, so " " stands for \s+: \s+ around a lazy
// \D+? backtracked polynomially on a long run of spaces.
const RE_DMY = /^(\d{1,2})(?:er|re|[º°ª.]|-?е|-го)? (?:de )?(\D+?) ?(?:,| de| del)? (\d{4})$/;
const RE_MDY = /^(\D+?) (\d{1,2}),? (\d{4})$/;
const RE_NUMERIC = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/;
const RE_ISO_LOOSE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

function toIso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > daysIn(y, m) || y < 1000) return null;
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/**
 * A printed date in any of the six languages to ISO yyyy-mm-dd, or null. Accepts the forms of
 * {@link formatDate} and the variants found in PDFs and typing: "19 December 2024", "December 19,
 * 2024", "Dec. 19, 2024", "on 19 December 2024", "1er janvier 2021", "le 21 décembre 2020",
 * "decembre" without accent, "1º de enero de 2021", "21 декабря 2020 г.", Arabic with either or
 * both month names and with Arabic-Indic digits, "2020年12月21日" (full-width digits too), ISO,
 * and day-first numeric dates "21/12/2020", "21.12.2020" (UN usage is day-first everywhere).
 * `lang` only breaks ties; month names of all languages are recognised. Impossible dates
 * (31 February) give null.
 */
export function parseDate(text: string, lang?: Language): string | null {
  let s = asciiDigits(text.normalize('NFC')).replace(RE_WS, ' ').trim();
  if (s === '') return null;
  let m = RE_ISO_LOOSE.exec(s);
  if (m !== null) return toIso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = RE_ZH.exec(s);
  if (m !== null) return toIso(Number(m[1]), Number(m[2]), Number(m[3]));
  s = s.replace(RE_LEAD, '').replace(RE_TRAIL, '');
  m = RE_NUMERIC.exec(s);
  if (m !== null) {
    // Day-first; a US-style month-first date is only taken when the day-first reading is impossible.
    const a = Number(m[1]);
    const b = Number(m[2]);
    return toIso(Number(m[3]), b, a) ?? (lang === 'en' ? toIso(Number(m[3]), a, b) : null);
  }
  m = RE_DMY.exec(s);
  if (m !== null) {
    const mo = lookupMonth(m[2]!);
    if (mo) return toIso(Number(m[3]), mo, Number(m[1]));
  }
  m = RE_MDY.exec(s);
  if (m !== null) {
    const mo = lookupMonth(m[1]!);
    if (mo) return toIso(Number(m[3]), mo, Number(m[2]));
  }
  return null;
}

/**
 * Validation of an ISO date for the metadata form: null when `iso` is "" (the field is optional)
 * or a real date yyyy-mm-dd between 1945 and 2100; otherwise the problem said both ways: an
 * English `message` ("Write the date as yyyy-mm-dd, e.g. 2024-12-19.", "February 2023 has 28
 * days.") and a code with values for the interface (`date.format`, `date.noMonth` {month},
 * `date.daysInMonth` {month: 1–12, year, days}, `date.yearRange`).
 */
export function checkIsoDate(iso: string): CodedMessage | null {
  if (iso === '') return null;
  const m = RE_ISO.exec(iso);
  if (m === null) return { code: 'date.format', message: 'Write the date as yyyy-mm-dd, e.g. 2024-12-19.' };
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12) return { code: 'date.noMonth', values: { month: mo }, message: `There is no month ${mo}: months run from 01 to 12.` };
  const days = daysIn(y, mo);
  if (d < 1 || d > days) return { code: 'date.daysInMonth', values: { month: mo, year: y, days }, message: `${MONTHS_EN[mo - 1]} ${y} has ${days} days.` };
  if (y < 1945 || y > 2100) return { code: 'date.yearRange', message: 'The year should be between 1945 (the founding of the United Nations) and 2100.' };
  return null;
}

/** checkIsoDate's English message, or null for a valid or empty date. */
export function validateIsoDate(iso: string): string | null {
  return checkIsoDate(iso)?.message ?? null;
}

// ---------------------------------------------------------------------------------------------
// Ordinal words

const EN_ONES_ORD = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_TENS_ORD = ['', '', 'twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'];

/** English ordinal words for 1..199 ("seventy-ninth", "one hundred and first"). */
function ordinalEn(n: number): string {
  if (n >= 100) return n === 100 ? 'one hundredth' : 'one hundred and ' + ordinalEn(n - 100);
  if (n < 20) return EN_ONES_ORD[n]!;
  const t = Math.floor(n / 10);
  const u = n % 10;
  return u === 0 ? EN_TENS_ORD[t]! : `${EN_TENS[t]}-${EN_ONES_ORD[u]}`;
}

const FR_ONES = ['', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf'];
const FR_TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante', 'soixante', 'quatre-vingt', 'quatre-vingt'];

/** French cardinal words for 1..199, traditional spelling ("soixante et onze", "quatre-vingts"). */
function cardinalFr(n: number): string {
  if (n >= 100) return n === 100 ? 'cent' : 'cent ' + cardinalFr(n - 100);
  if (n < 20) return FR_ONES[n]!;
  const t = Math.floor(n / 10);
  const r = t === 7 || t === 9 ? n - (t - 1) * 10 : n % 10; // 70–79 and 90–99 count on from 10
  const tens = FR_TENS[t]!;
  if (r === 0) return t === 8 ? 'quatre-vingts' : tens;
  if ((r === 1 || r === 11) && t !== 8 && t !== 9) return `${tens} et ${FR_ONES[r]}`;
  return `${tens}-${FR_ONES[r]}`;
}

/** French ordinal (feminine for 1: "première"), e.g. "soixante-quinzième", "vingt et unième". */
function ordinalFr(n: number): string {
  if (n === 1) return 'première';
  const c = cardinalFr(n);
  const cut = Math.max(c.lastIndexOf(' '), c.lastIndexOf('-')) + 1;
  const head = c.slice(0, cut);
  let w = c.slice(cut);
  if (w === 'un') w = 'unième';
  else if (w === 'cinq') w = 'cinquième';
  else if (w === 'neuf') w = 'neuvième';
  else if (w === 'vingts') w = 'vingtième';
  else if (w.endsWith('e')) w = w.slice(0, -1) + 'ième';
  else w += 'ième';
  return head + w;
}

const ES_UNITS = ['', 'primero', 'segundo', 'tercero', 'cuarto', 'quinto', 'sexto', 'séptimo', 'octavo', 'noveno'];
const ES_TEENS = ['décimo', 'undécimo', 'duodécimo', 'decimotercero', 'decimocuarto', 'decimoquinto', 'decimosexto', 'decimoséptimo', 'decimoctavo', 'decimonoveno'];
const ES_TENS = ['', '', 'vigésimo', 'trigésimo', 'cuadragésimo', 'quincuagésimo', 'sexagésimo', 'septuagésimo', 'octogésimo', 'nonagésimo'];

/**
 * Spanish masculine ordinal before a noun, 1..199, with the apocopes primer/tercer
 * ("septuagésimo primer", "decimotercer").
 */
function ordinalEs(n: number): string {
  let w: string;
  if (n >= 100) w = n === 100 ? 'centésimo' : 'centésimo ' + ordinalEs(n - 100);
  else if (n < 10) w = ES_UNITS[n]!;
  else if (n < 20) w = ES_TEENS[n - 10]!;
  else {
    const u = n % 10;
    w = ES_TENS[Math.floor(n / 10)]! + (u ? ' ' + ES_UNITS[u] : '');
  }
  if (w.endsWith('primero') || w.endsWith('tercero')) w = w.slice(0, -1);
  return w;
}

const RU_UNITS_ORD = ['', 'первая', 'вторая', 'третья', 'четвертая', 'пятая', 'шестая', 'седьмая', 'восьмая', 'девятая'];
const RU_TEENS_ORD = ['десятая', 'одиннадцатая', 'двенадцатая', 'тринадцатая', 'четырнадцатая', 'пятнадцатая', 'шестнадцатая', 'семнадцатая', 'восемнадцатая', 'девятнадцатая'];
const RU_TENS = ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'];
const RU_TENS_ORD = ['', '', 'двадцатая', 'тридцатая', 'сороковая', 'пятидесятая', 'шестидесятая', 'семидесятая', 'восьмидесятая', 'девяностая'];

/** Russian feminine ordinal 1..199 ("семьдесят девятая", "сто первая"); ё is written е, as in UN texts. */
function ordinalRu(n: number): string {
  if (n >= 100) return n === 100 ? 'сотая' : 'сто ' + ordinalRu(n - 100);
  if (n < 10) return RU_UNITS_ORD[n]!;
  if (n < 20) return RU_TEENS_ORD[n - 10]!;
  const t = Math.floor(n / 10);
  const u = n % 10;
  return u === 0 ? RU_TENS_ORD[t]! : `${RU_TENS[t]} ${RU_UNITS_ORD[u]}`;
}

const AR_UNITS = ['', 'الأولى', 'الثانية', 'الثالثة', 'الرابعة', 'الخامسة', 'السادسة', 'السابعة', 'الثامنة', 'التاسعة', 'العاشرة'];
const AR_TENS = ['', '', 'العشرون', 'الثلاثون', 'الأربعون', 'الخمسون', 'الستون', 'السبعون', 'الثمانون', 'التسعون'];

/** Arabic feminine ordinal 1..199 with the article ("التاسعة والسبعون"); UNVERIFIED. */
function ordinalAr(n: number): string {
  if (n >= 100) return n === 100 ? 'المائة' : `${ordinalAr(n - 100)} بعد المائة`;
  if (n <= 10) return AR_UNITS[n]!;
  const u = n % 10;
  const unit = u === 1 ? 'الحادية' : AR_UNITS[u]!;
  if (n < 20) return `${unit} عشرة`;
  const tens = AR_TENS[Math.floor(n / 10)]!;
  return u === 0 ? tens : `${unit} و${tens}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const RE_SESSION = /^(ES-|S-)?([1-9]\d{0,2})$/;

/**
 * The session line of the heading block, in words, for sessions 1..199 (numbers or strings as in
 * FrontMatter.session; "S-13" and "ES-10" for special and emergency special sessions):
 * en "Seventy-ninth session", "Thirteenth special session", "Tenth emergency special session";
 * fr "Soixante-quinzième session", "Treizième session extraordinaire", "Dixième session
 * extraordinaire d'urgence"; es "Septuagésimo noveno período de sesiones", "Decimotercer período
 * extraordinario de sesiones", "Décimo período extraordinario de sesiones de emergencia";
 * ru "Семьдесят девятая сессия", "Тринадцатая специальная сессия", "Десятая чрезвычайная
 * специальная сессия"; ar "الدورة التاسعة والسبعون", "الدورة الاستثنائية الثالثة عشرة", "الدورة
 * الاستثنائية الطارئة العاشرة" (UNVERIFIED); zh "第七十九届会议", "第十三届特别会议", "第十届紧急特别会议"
 * (UNVERIFIED). Returns "" for anything else (empty, 0, 200+, malformed).
 */
export function sessionHeading(session: number | string, lang: Language): string {
  const m = RE_SESSION.exec(typeof session === 'number' ? String(session) : session.trim());
  if (m === null) return '';
  const n = Number(m[2]);
  if (n > 199) return '';
  const kind = m[1] === 'ES-' ? 'emergency' : m[1] === 'S-' ? 'special' : 'regular';
  switch (lang) {
    case 'en': {
      const o = capitalise(ordinalEn(n));
      return kind === 'regular' ? `${o} session` : kind === 'special' ? `${o} special session` : `${o} emergency special session`;
    }
    case 'fr': {
      const o = capitalise(ordinalFr(n));
      return kind === 'regular' ? `${o} session` : kind === 'special' ? `${o} session extraordinaire` : `${o} session extraordinaire d'urgence`;
    }
    case 'es': {
      const o = capitalise(ordinalEs(n));
      return kind === 'regular'
        ? `${o} período de sesiones`
        : kind === 'special'
          ? `${o} período extraordinario de sesiones`
          : `${o} período extraordinario de sesiones de emergencia`;
    }
    case 'ru': {
      const o = capitalise(ordinalRu(n));
      return kind === 'regular' ? `${o} сессия` : kind === 'special' ? `${o} специальная сессия` : `${o} чрезвычайная специальная сессия`;
    }
    case 'ar': {
      const o = ordinalAr(n);
      return kind === 'regular' ? `الدورة ${o}` : kind === 'special' ? `الدورة الاستثنائية ${o}` : `الدورة الاستثنائية الطارئة ${o}`;
    }
    case 'zh': {
      const o = chineseNumeral(n);
      return kind === 'regular' ? `第${o}届会议` : kind === 'special' ? `第${o}届特别会议` : `第${o}届紧急特别会议`;
    }
  }
}

/** English ordinal with figures: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 112th. */
export function ordinalSuffixEn(n: number): string {
  const h = n % 100;
  if (h >= 11 && h <= 13) return `${n}th`;
  const u = n % 10;
  return `${n}${u === 1 ? 'st' : u === 2 ? 'nd' : u === 3 ? 'rd' : 'th'}`;
}

/**
 * The closing meeting line of an adopted GA resolution for plenary meeting `n`:
 * en "19th plenary meeting"; fr "48e séance plénière" ("1re" for the first); es "48ª sesión
 * plenaria"; ru "48-е пленарное заседание"; ar "الجلسة العامة 48" (UNVERIFIED); zh "第48次全体会议"
 * (UNVERIFIED). The ordinal indicators (e, re, ª) are plain characters; an exporter may set them
 * superscript.
 */
export function meetingLine(n: number, lang: Language): string {
  switch (lang) {
    case 'en':
      return `${ordinalSuffixEn(n)} plenary meeting`;
    case 'fr':
      return `${n}${n === 1 ? 're' : 'e'} séance plénière`;
    case 'es':
      return `${n}ª sesión plenaria`;
    case 'ru':
      return `${n}-е пленарное заседание`;
    case 'ar':
      return `الجلسة العامة ${n}`;
    case 'zh':
      return `第${n}次全体会议`;
  }
}
