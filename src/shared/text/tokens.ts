/**
 * Normalised tokens for agreed-language matching (pure: runs in main and renderer).
 *
 * The tokens are what the matcher compares, never what the user sees: they are lower-cased,
 * stripped of diacritics and punctuation, and every number collapses to "#", so that the same
 * paragraph adopted in another year (new date, new resolution numbers, new session ordinal)
 * keeps the same tokens.
 *
 * Pipeline of `matchTokens`:
 *   1. Footnote debris: superscript digits are removed, and footnote numbers glued to a word
 *      ("Agenda3", "Women,1", "Secretary-General;12") are cut off. Page headers and the like are
 *      not recognisable here and simply become tokens.
 *   2. Lower case, then NFKD and removal of every combining mark: "Réaffirmant" → "reaffirmant",
 *      Arabic harakat and hamza carriers fold to the bare letter, fullwidth forms and ligatures
 *      ("ﬁ", "１２") to their plain forms. Russian й is kept (NFKD would turn it into и), ё → е.
 *      Arabic tatweel is removed and alef maksura folds to ya; œ, æ, ß, ø, ł… fold to ASCII.
 *   3. Curly quotes, primes and the dash family are unified to ' and - before splitting.
 *   4. Split: document symbols ("A/79/437", "78/143", "E/CN.6/2023/L.3"), numbers with
 *      separators ("1.5", "2,000", "10:30") and any word holding a digit ("10th", "G77") are one
 *      "#"; CJK ideographs and kana are one token per character (Chinese has no spaces; single
 *      characters keep edit distances meaningful, and the inverted index needs no segmenter);
 *      other runs of letters and digits are words; punctuation is dropped.
 *   5. Spelled-out numbers and session ordinals become "#" too ("seventy-ninth",
 *      "soixante-dix-neuvième", "septuagésimo noveno", "семьдесят девятой", "التاسعة والسبعين",
 *      Chinese numerals in 第七十八届), and runs of consecutive "#" collapse into one, so
 *      "2023,12" (a year and its footnote) and "23-24976" are a single "#".
 */

/** The token every number or number-like word becomes. */
export const NUMBER_TOKEN = '#';

const SUPERSCRIPT_DIGITS = /[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]/g;
// Letters of alphabetic scripts: in Chinese a digit next to a character is ordinary text
// ("第3段", "12月"), not a footnote.
const LETTER = /(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])\p{L}/u;
const SPACE_OR_PUNCT = /[\s\p{P}]/u;
const CLOSERS = ')]"\'»”’';
const COMBINING = /\p{M}+/gu;
const QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u2035`´]/g;
const DQUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;
const DASHES = /[\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]/g;
const FOLD: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŀ: 'l', ʼ: "'", ى: 'ي' };
const FOLD_RE = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');
const TATWEEL = /\u0640/g;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
// Chinese numerals: a run of two or more, or one after 第 or before a counter (届 session, 年
// year, 号 number…), is a number.
const ZH_NUMERALS = '〇零一二三四五六七八九十百千万两';
const ZH_NUMBER = new RegExp(`(?<![${ZH_NUMERALS}])(?:(?<=第)[${ZH_NUMERALS}]+|[${ZH_NUMERALS}]+(?=[届年月日号次期])|[${ZH_NUMERALS}]{2,})`, 'gu');
// A chunk: letters and digits, possibly joined by . / , : - without spaces ("A/79/437", "1.5",
// "seventy-ninth", "and/or"). Everything else separates tokens.
const CHUNK = /[\p{L}\p{N}]+(?:[./,:-][\p{L}\p{N}]+)*/gu;
const JOINERS_G = /[./,:-]/g;
const HAS_DIGIT = /\p{N}/u;
// The fast path of matchTokens: text of ASCII and the commonest typographic quotes and dashes.
// For these characters lower-casing, NFKD and the folds of `normalise` reduce to the map below
// (NFKD turns the non-breaking hyphen U+2011 into U+2010, which DASHES makes "-"), no CJK or
// superscript occurs, and CHUNK's letters and digits are exactly [a-z0-9].
// eslint-disable-next-line no-control-regex -- the ASCII range itself
const FAST_TEXT = /^[\x00-\x7f\u2010\u2011\u2013\u2014\u2018\u2019\u201c\u201d]*$/;

/** Number words of en, fr, es, ru and ar (already normalised), which become "#". */
const NUMBER_WORDS: ReadonlySet<string> = buildNumberWords();

function buildNumberWords(): Set<string> {
  const words = new Set<string>();
  const add = (list: string) => {
    for (const w of list.split(/\s+/)) if (w) words.add(w);
  };
  // "One" is left out in every language: it is also an article or a pronoun (un, une, uno…).
  // English cardinals and ordinals (hyphenated compounds split into these parts).
  add(`two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen
    nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion
    first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth
    sixteenth seventeenth eighteenth nineteenth twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth
    ninetieth hundredth thousandth`);
  // French (without accents: normalisation strips them).
  add(`deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt vingts trente
    quarante cinquante soixante cent cents mille premier premiere deuxieme troisieme quatrieme cinquieme sixieme
    septieme huitieme neuvieme dixieme onzieme douzieme treizieme quatorzieme quinzieme seizieme vingtieme trentieme
    quarantieme cinquantieme soixantieme centieme millieme unieme`);
  // Spanish cardinals and ordinals (both genders).
  add(`dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciseis diecisiete dieciocho
    diecinueve veinte veinti veintiuno veintidos veintitres veinticuatro veinticinco veintiseis veintisiete veintiocho
    veintinueve treinta cuarenta cincuenta sesenta setenta ochenta noventa cien ciento mil`);
  for (const stem of `primer segund tercer cuart quint sext septim octav noven decim undecim duodecim vigesim trigesim
    cuadragesim quincuagesim sexagesim septuagesim octogesim nonagesim centesim`.split(/\s+/)) {
    if (!stem) continue;
    words.add(`${stem}o`);
    words.add(`${stem}a`);
  }
  words.add('primer');
  words.add('tercer');
  // Russian cardinals and ordinals in every case ending (ё already folded to е).
  add(`два две три четыре пять шесть семь восемь девять десять одиннадцать двенадцать тринадцать
    четырнадцать пятнадцать шестнадцать семнадцать восемнадцать девятнадцать двадцать тридцать сорок пятьдесят
    шестьдесят семьдесят восемьдесят девяносто сто двести триста тысяча тысячи`);
  const endings = ['ый', 'ой', 'ий', 'ая', 'ое', 'ого', 'ому', 'ом', 'ую', 'ые', 'ых', 'ым', 'ыми'];
  for (const stem of `перв втор четверт пят шест седьм восьм девят десят одиннадцат двенадцат тринадцат четырнадцат
    пятнадцат шестнадцат семнадцат восемнадцат девятнадцат двадцат тридцат сороков пятидесят шестидесят семидесят
    восьмидесят девяност сот`.split(/\s+/)) {
    if (!stem) continue;
    for (const e of endings) words.add(stem + e);
  }
  add('третий третья третье третьего третьей третьему третьим третьем третью третьи третьих третьими');
  // Arabic ordinals and tens of session names, with the article and the conjunction.
  const ar = `الاول الاولي الثاني الثانية الثالث الثالثة الرابع الرابعة الخامس الخامسة السادس السادسة السابع السابعة
    الثامن الثامنة التاسع التاسعة العاشر العاشرة الحادي الحادية عشر عشرة عشرين ثلاثين اربعين خمسين ستين سبعين ثمانين
    تسعين مائة مئة`;
  for (const w of ar.split(/\s+/)) {
    if (!w) continue;
    const n = normalise(w);
    words.add(n);
    words.add('و' + n);
    if (!n.startsWith('ال')) words.add('وال' + n).add('ال' + n);
  }
  return words;
}

/**
 * Lower case, diacritics folded (NFKD, combining marks dropped; Russian й kept), Arabic tatweel
 * dropped and alef maksura → ya, ligatures and œ/æ/ß… folded, quotes and dashes unified: the text
 * before splitting, shared by matching and search so both fold alike.
 */
export function foldText(text: string): string {
  return normalise(text);
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\u0438\u0306/g, 'й')
    .replace(COMBINING, '')
    .replace(TATWEEL, '')
    .replace(FOLD_RE, (c) => FOLD[c]!)
    .replace(QUOTES, "'")
    .replace(DQUOTES, '"')
    .replace(DASHES, '-');
}

/**
 * Normalised tokens for matching: lower case, diacritics folded (NFKD, combining marks
 * stripped: "Réaffirmant" → "reaffirmant"), curly quotes and dashes unified, every number or
 * number-like token ("78/143", "2023", "19", "A/79/437", "1.5", "seventy-ninth") → "#" (runs of
 * "#" collapse to one), punctuation dropped, footnote numbers glued to words ignored. Chinese
 * and Japanese script is one token per character; Arabic loses tatweel and harakat; Russian ё → е.
 */
export function matchTokens(text: string): string[] {
  // Most paragraphs take the fast path (FAST_TEXT), which gives the same tokens with fewer passes.
  if (FAST_TEXT.test(text)) return fastTokens(dropFootnoteNumbers(text));
  const cleaned = dropFootnoteNumbers(text.replace(SUPERSCRIPT_DIGITS, ''));
  // Chinese numerals become a digit; every other CJK character stands apart as its own word.
  const norm = normalise(cleaned).replace(ZH_NUMBER, ' 0 ').replace(CJK_CHAR, ' $& ');
  const out: string[] = [];
  for (const c of norm.match(CHUNK) ?? []) {
    if (!hasJoiner(c)) pushWord(out, c, false);
    // A document symbol ("A/79/437", "E/CN.6/2023/L.3") is one number.
    else if (c.includes('/') && hasDigit(c, false)) pushToken(out, NUMBER_TOKEN);
    // Otherwise its parts: "1.5" → # #  → #, "covid-19" → covid #, "and/or" → and or.
    else for (const part of c.split(JOINERS_G)) pushWord(out, part, false);
  }
  return out;
}

/** Whether `text` takes matchTokens' fast path (ASCII and the commonest typographic quotes and dashes). */
export function isFastText(text: string): boolean {
  return FAST_TEXT.test(text);
}

/**
 * matchTokens(lower) for a lower-cased text of the fast path (isFastText; lower-casing changes
 * neither the footnote numbers dropped nor the tokens, which are lower case), and in `terms` its
 * runs of [a-z0-9] in order, each through `stem` when given (a run holding a digit as it is): the
 * search words of rowTerms. When no footnote number is dropped the tokens' runs are these same
 * runs, so each is sliced once for both.
 */
export function fastTokensAndRuns(lower: string, stem: ((w: string) => string) | null, terms: string[]): string[] {
  const cut = dropFootnoteNumbers(lower);
  if (cut === lower) return fastTokens(lower, stem, terms);
  fastTokens(lower, stem, terms);
  return fastTokens(cut);
}

/**
 * The general path's chunks and tokens for a text of FAST_TEXT's characters, footnote numbers
 * already dropped, in one scan of character codes: letters A-Z lower-case, the dashes fold to the
 * joiner "-", quotes separate, so CHUNK's chunks are runs of [A-Za-z0-9] joined by single
 * joiners . / , : - and the dashes (FAST_CHUNK on the folded text), and their parts are the runs.
 * No lower-cased copy of the text, no array of chunks, no string for a run that holds a digit.
 */
function fastTokens(s: string, stem?: ((w: string) => string) | null, terms?: string[]): string[] {
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (!isAsciiAlnum(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let joined = false;
    let slash = false;
    let digit = false;
    for (;;) {
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (!isAsciiAlnum(c)) break;
        if (c <= 0x39) digit = true;
      }
      if (i + 1 >= n) break;
      const j = s.charCodeAt(i);
      if (!isFastJoiner(j) || !isAsciiAlnum(s.charCodeAt(i + 1))) break;
      joined = true;
      if (j === 0x2f) slash = true;
      i++;
    }
    // A document symbol ("A/79/437", "E/CN.6/2023/L.3") is one number.
    const symbol = joined && slash && digit;
    if (symbol) pushToken(out, NUMBER_TOKEN);
    if (symbol && !terms) continue;
    // Otherwise its parts: "1.5" → # #  → #, "covid-19" → covid #, "and/or" → and or.
    for (let a = start; a < i; ) {
      let b = a;
      let d = false;
      for (; b < i; b++) {
        const c = s.charCodeAt(b);
        if (!isAsciiAlnum(c)) break;
        if (c <= 0x39) d = true;
      }
      if (terms) {
        // s is lower case here (fastTokensAndRuns): the run is its own lower-cased form.
        const w = s.slice(a, b);
        terms.push(stem && !d ? stem(w) : w);
        if (!symbol) pushToken(out, d || maybeNumberWord(w) ? NUMBER_TOKEN : w);
      } else pushRun(out, s, a, b, d);
      a = b + 1;
    }
  }
  return out;
}

/** A letter or digit of ASCII ([A-Za-z0-9]) as a character code. */
function isAsciiAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

/** The joiners . / , : - and, on the fast path, the dashes that fold to "-" (FAST_FOLD). */
function isFastJoiner(c: number): boolean {
  return c === 0x2e || c === 0x2f || c === 0x2c || c === 0x3a || c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0x2013 || c === 0x2014;
}

/** pushWord for the run s[a, b) of [A-Za-z0-9], lower-cased; `digit`: it holds a digit. */
function pushRun(out: string[], s: string, a: number, b: number, digit: boolean): void {
  if (digit) return pushToken(out, NUMBER_TOKEN);
  let w = s.slice(a, b);
  for (let k = a; k < b; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0x41 && c <= 0x5a) {
      w = w.toLowerCase();
      break;
    }
  }
  pushToken(out, maybeNumberWord(w) ? NUMBER_TOKEN : w);
}

// Per word of every paragraph an import stores: character codes and plain functions rather than
// a regular expression call and a closure per word.

/** True when `c` holds one of the joiners . / , : - (all ASCII, so character codes tell). */
function hasJoiner(c: string): boolean {
  for (let i = 0; i < c.length; i++) {
    const k = c.charCodeAt(i);
    if (k === 0x2e || k === 0x2f || k === 0x2c || k === 0x3a || k === 0x2d) return true;
  }
  return false;
}

/** A digit in `w`: on the fast path only 0-9 can occur (character codes), else any Unicode digit (HAS_DIGIT). */
function hasDigit(w: string, fast: boolean): boolean {
  if (!fast) return HAS_DIGIT.test(w);
  for (let i = 0; i < w.length; i++) {
    const k = w.charCodeAt(i);
    if (k >= 0x30 && k <= 0x39) return true;
  }
  return false;
}

/** Appends a token; a number right after a number is not repeated. */
function pushToken(out: string[], t: string): void {
  if (t !== NUMBER_TOKEN || out[out.length - 1] !== NUMBER_TOKEN) out.push(t);
}

/**
 * Removes footnote numbers (one to three digits) glued to a word ("Agenda3 ", "Women3,") or to a
 * comma, semicolon, colon or full stop after a word, closing quote or bracket ("Women,1 ",
 * "Secretary-General;12"), then a space, punctuation or the end. Plain text scan of character
 * codes (regular expressions with look-behind were ten times slower here), returning `s` itself
 * when there is nothing to remove.
 */
function dropFootnoteNumbers(s: string): string {
  const n = s.length;
  let kept: string[] | null = null;
  let from = 0;
  for (let i = 0; i < n; ) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) {
      i++;
      continue;
    }
    let e = i + 1;
    while (e < n && s.charCodeAt(e) >= 0x30 && s.charCodeAt(e) <= 0x39) e++;
    if (isFootnoteNumber(s, i, e)) {
      (kept ??= []).push(s.slice(from, i));
      from = e;
    }
    i = e;
  }
  if (!kept) return s;
  kept.push(s.slice(from));
  return kept.join('');
}

/** Whether the digits s[at, end) (a whole run) are a footnote number dropFootnoteNumbers removes. */
function isFootnoteNumber(s: string, at: number, end: number): boolean {
  if (end - at > 3 || at === 0) return false;
  const p = at - 1;
  if (isLetterAt(s, p)) {
    if (end < s.length && !isClassAt(s, end, SPACE_OR_PUNCT_BIT, SPACE_OR_PUNCT)) return false;
    return p >= 1 && isLetterAt(s, p - 1);
  }
  const pc = s.charCodeAt(p);
  if (pc === 0x2c || pc === 0x2e || pc === 0x3b || pc === 0x3a) {
    if (end < s.length && !isClassAt(s, end, SPACE_BIT, SPACE)) return false;
    let i = p - 1;
    if (i >= 0 && CLOSERS.includes(s[i]!)) i--;
    return i >= 1 && isLetterAt(s, i) && isLetterAt(s, i - 1);
  }
  return false;
}

const SPACE = /\s/;
const LETTER_BIT = 1;
const SPACE_OR_PUNCT_BIT = 2;
const SPACE_BIT = 4;
/** Per ASCII character code, which of LETTER, SPACE_OR_PUNCT and SPACE match it (bits), taken from the expressions themselves. */
const ASCII_CLASSES = Uint8Array.from({ length: 0x80 }, (_, c) => {
  const ch = String.fromCharCode(c);
  return (LETTER.test(ch) ? LETTER_BIT : 0) | (SPACE_OR_PUNCT.test(ch) ? SPACE_OR_PUNCT_BIT : 0) | (SPACE.test(ch) ? SPACE_BIT : 0);
});

/** `re`.test(s[i]), from the table for ASCII (`bit`). */
function isClassAt(s: string, i: number, bit: number, re: RegExp): boolean {
  const c = s.charCodeAt(i);
  return c < 0x80 ? (ASCII_CLASSES[c]! & bit) !== 0 : re.test(s[i]!);
}

function isLetterAt(s: string, i: number): boolean {
  return isClassAt(s, i, LETTER_BIT, LETTER);
}

function pushWord(out: string[], w: string, fast: boolean): void {
  pushToken(out, hasDigit(w, fast) || maybeNumberWord(w) ? NUMBER_TOKEN : w);
}

/**
 * Per first character (Latin, Cyrillic, Arabic: codes below NUMBER_FIRST_SPAN), a bit per length
 * (31 for 31 and more) that some number word has: most words fail this test and are never looked
 * up in NUMBER_WORDS.
 */
const NUMBER_FIRST_SPAN = 0x700;
const NUMBER_FIRST = numberFirst();

function numberFirst(): Uint32Array {
  const masks = new Uint32Array(NUMBER_FIRST_SPAN);
  for (const w of NUMBER_WORDS) if (w.charCodeAt(0) < NUMBER_FIRST_SPAN) masks[w.charCodeAt(0)]! |= 1 << Math.min(w.length, 31);
  return masks;
}

/** NUMBER_WORDS.has(w), skipping the lookup where the first character and length rule it out. */
function maybeNumberWord(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < NUMBER_FIRST_SPAN && (NUMBER_FIRST[c]! & (1 << Math.min(w.length, 31))) === 0) return false;
  return NUMBER_WORDS.has(w);
}
