/**
 * Opening phrases of resolution paragraphs in the six UN languages: the lexicons, and the functions
 * that find the phrase a paragraph opens with (to set it in italics), tell preambular from operative
 * openings, list phrases for autocomplete and switch gender-agreeing phrases when the organ changes.
 *
 * The rules are un-format.md §3–4: italics cover the opening phrase with its modifiers ("Recalling
 * also", "Noting with deep concern", "Also requests"), not the following preposition or object
 * ("*Guided* by", "*Taking note* of", "*Prenant note* de", "*ссылаясь* на", "*تطلب* إلى").
 *
 * Matching, per language, is compiled once (lazily, on first use) into a character trie of the
 * curated phrases plus small tables of modifiers; detection walks the paragraph's first characters
 * once, so it is cheap enough to run on every keystroke over a whole document. It is:
 * - case-insensitive on the first letter only ("recalling" matches, "Recalling Also" does not get
 *   "Also"), accent-exact otherwise; ’ ʼ ‘ match ', ё matches е; in Arabic, diacritics and
 *   tatweel are skipped and أ إ آ ٱ match ا, ى ی match ي;
 * - tolerant of leading whitespace, opening quotation marks and bidi/zero-width marks, and of runs
 *   of any whitespace (including no-break spaces) between words;
 * - bounded: in space-separated languages a phrase must end at a word boundary ("Notes" does not
 *   match "Notesomething"); Chinese phrases are matched as plain prefixes;
 * - greedy: the longest phrase wins ("Noting with deep concern" over "Noting"), and on a tie the
 *   one with fewer composed modifiers.
 *
 * Modifiers are composed onto every phrase: at most one prefix ("Also", "Strongly", "вновь", "又",
 * the Arabic conjunction و) and at most one infix after any word ("Recalling also", "Noting also
 * with concern", "Rappelant en outre", "ссылаясь также", "وإذ تشير أيضا").
 */
import type { Language, Organ } from './model.js';
import { AR } from './lexicon/ar.js';
import { EN } from './lexicon/en.js';
import { ES } from './lexicon/es.js';
import { FR } from './lexicon/fr.js';
import { RU } from './lexicon/ru.js';
import type { KindData, LexiconData } from './lexicon/types.js';
import { ZH } from './lexicon/zh.js';

/** The kind of clause a phrase opens: preambular ('pp') or operative ('op'). */
export type ClauseKind = 'pp' | 'op';

/** Grammatical gender of the organ, with which French, Spanish, Russian and Arabic phrases agree. */
export type Gender = 'f' | 'm';

/** An opening phrase found at the start of a paragraph. */
export interface PhraseMatch {
  /**
   * Offset (UTF-16 code units from the start of the text) just after the phrase: italicise
   * `text.slice(start, end)` (or `text.slice(0, end)`; the part before `start` is only whitespace,
   * quotation marks or invisible marks). Arabic diacritics on the phrase's last letter are
   * included. An end offset, not a length: the phrase is `end - start` code units long.
   */
  end: number;
  /** Offset at which the phrase begins, after leading whitespace, quotation marks and marks. */
  start: number;
  /**
   * The phrase in its lexicon spelling, modifiers included ("Recalling also", "Also requests",
   * "وإذ تشير أيضا", "又回顾"), whatever the case of the text's first letter.
   */
  phrase: string;
  /** Kind of clause the phrase belongs to. */
  kind: ClauseKind;
  /** Gender the phrase agrees with, or undefined when it does not vary ("Rappelant", "Consciente" in Spanish). */
  gender?: Gender;
  /** The curated lexicon phrase the match was composed from ("Recalling" for "Recalling once again"). */
  base: string;
}

// ---------------------------------------------------------------------------------------------
// Organs and the enacting formula

const COUNCILS: ReadonlySet<Organ> = new Set<Organ>(['sc', 'ecosoc', 'hrc']);

/**
 * Gender of each organ by language. The General Assembly and its Main Committees are feminine
 * wherever gender matters (l'Assemblée générale, la Asamblea General, Генеральная Ассамблея,
 * الجمعية العامة); the Councils masculine (le Conseil, el Consejo, Совет, مجلس). English and Chinese
 * have no agreement; the same values are returned so callers need not special-case them.
 * `other` (subsidiary bodies: commissions, conferences, committees…) defaults to feminine —
 * UNVERIFIED, it depends on the body.
 */
const ORGAN_GENDER: Readonly<Record<Language, { ga: Gender; council: Gender; other: Gender }>> = {
  en: { ga: 'f', council: 'm', other: 'f' },
  fr: { ga: 'f', council: 'm', other: 'f' },
  es: { ga: 'f', council: 'm', other: 'f' },
  ru: { ga: 'f', council: 'm', other: 'f' },
  ar: { ga: 'f', council: 'm', other: 'f' },
  zh: { ga: 'f', council: 'm', other: 'f' },
};

/**
 * Grammatical gender of an organ in a language: the General Assembly (plenary and Main
 * Committees) is feminine in fr/es/ru/ar ("l'Assemblée générale", "la Asamblea General",
 * "Генеральная Ассамблея", "الجمعية العامة"); the Security Council, ECOSOC and the Human Rights
 * Council are masculine ("le Conseil…", "el Consejo…", "Совет…", "مجلس…"). `other` returns 'f'
 * (UNVERIFIED default). In English and Chinese, where nothing agrees, the same values are returned.
 */
export function organGender(organ: Organ, lang: Language): Gender {
  const row = ORGAN_GENDER[lang];
  if (COUNCILS.has(organ)) return row.council;
  if (organ === 'other') return row.other;
  return row.ga;
}

type NamedOrgan = 'ga' | 'sc' | 'ecosoc' | 'hrc';

const FORMULA_WORDS: Readonly<Record<Language, Readonly<Record<NamedOrgan, string>>>> = {
  en: {
    ga: 'The General Assembly',
    sc: 'The Security Council',
    ecosoc: 'The Economic and Social Council',
    hrc: 'The Human Rights Council',
  },
  fr: {
    ga: 'L\'Assemblée générale',
    sc: 'Le Conseil de sécurité',
    ecosoc: 'Le Conseil économique et social',
    hrc: 'Le Conseil des droits de l\'homme',
  },
  es: {
    ga: 'La Asamblea General',
    sc: 'El Consejo de Seguridad',
    ecosoc: 'El Consejo Económico y Social',
    hrc: 'El Consejo de Derechos Humanos',
  },
  ru: {
    ga: 'Генеральная Ассамблея',
    sc: 'Совет Безопасности',
    ecosoc: 'Экономический и Социальный Совет',
    hrc: 'Совет по правам человека',
  },
  ar: {
    ga: 'إن الجمعية العامة',
    sc: 'إن مجلس الأمن',
    ecosoc: 'إن المجلس الاقتصادي والاجتماعي',
    hrc: 'إن مجلس حقوق الإنسان',
  },
  zh: {
    ga: '大会',
    sc: '安全理事会',
    ecosoc: '经济及社会理事会',
    hrc: '人权理事会',
  },
};

const FORMULA_COMMA: Readonly<Record<Language, string>> = {
  en: ',',
  fr: ',',
  es: ',',
  ru: ',',
  ar: '،',
  zh: '，',
};

/**
 * The enacting formula, split into the italic `words` and the roman `punctuation` that follows
 * them: "The General Assembly" + ",", "L'Assemblée générale" + ",", "La Asamblea General" + ",",
 * "Генеральная Ассамблея" + ",", "إن الجمعية العامة" + "،", "大会" + "，"; likewise "The Security
 * Council", "The Economic and Social Council", "The Human Rights Council" and their translations.
 * The Main Committees (ga-c1…ga-c6) draft for the General Assembly and get its formula. With
 * `hasPreamble` false the comma is dropped (`punctuation` is "", un-format.md §1.6). For `other`
 * the words are `otherName` (e.g. "The Commission on the Status of Women"), or "" with no
 * punctuation when it is not given — there is no generic formula for subsidiary bodies.
 * The French apostrophe is the straight ' of un-format.md §4 (UNVERIFIED against ’).
 */
export function enactingFormula(
  organ: Organ,
  lang: Language,
  hasPreamble: boolean,
  otherName?: string,
): { words: string; punctuation: string } {
  let words: string;
  if (organ === 'other') words = otherName ?? '';
  else if (organ === 'sc' || organ === 'ecosoc' || organ === 'hrc') words = FORMULA_WORDS[lang][organ];
  else words = FORMULA_WORDS[lang].ga;
  const punctuation = hasPreamble && words !== '' ? FORMULA_COMMA[lang] : '';
  return { words, punctuation };
}

// ---------------------------------------------------------------------------------------------
// Character classes and normalisation (shared by compilation and matching, so they agree)

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** Whitespace of any width, including no-break and ideographic spaces. */
function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Characters skipped wherever they occur: Arabic diacritics and tatweel, invisible marks. */
function isIgnorable(c: number): boolean {
  return (
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    c === 0x0640 ||
    c === 0x00ad ||
    (c >= 0x200b && c <= 0x200f) ||
    c === 0x061c ||
    c === 0xfeff ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069)
  );
}

/** Opening quotation marks that may precede a phrase. */
function isOpeningQuote(c: number): boolean {
  return (
    c === 0x22 ||
    c === 0x27 ||
    c === 0x201c ||
    c === 0x2018 ||
    c === 0x201e ||
    c === 0xab ||
    c === 0x2039 ||
    c === 0x300c ||
    c === 0x300e
  );
}

/** True if the character continues a word (so a phrase cannot end before it). */
function isWordChar(c: number): boolean {
  if (c < 0x80) {
    return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d;
  }
  if (c >= 0xd800 && c <= 0xdfff) return true;
  if (c === 0x2011) return true;
  return WORD_CHAR.test(String.fromCharCode(c));
}

/** Folds spelling variants that must match each other; keeps the length (one unit for one). */
function fold(c: number): number {
  switch (c) {
    case 0x2019: // ’
    case 0x2018: // ‘
    case 0x02bc: // ʼ
      return 0x27;
    case 0x0451: // ё
      return 0x0435;
    case 0x0401: // Ё
      return 0x0415;
    case 0x0623: // أ
    case 0x0625: // إ
    case 0x0622: // آ
    case 0x0671: // ٱ
      return 0x0627;
    case 0x0649: // ى
    case 0x06cc: // ی
      return 0x064a;
    case 0x06a9: // ک
      return 0x0643;
    default:
      return c;
  }
}

/** Lower-cases one character when that keeps it one code unit. */
function lower(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  const s = String.fromCharCode(c).toLowerCase();
  return s.length === 1 ? s.charCodeAt(0) : c;
}

function skipIgnorable(text: string, pos: number): number {
  while (pos < text.length && isIgnorable(text.charCodeAt(pos))) pos++;
  return pos;
}

function skipSpaceAndIgnorable(text: string, pos: number): number {
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if (!isSpace(c) && !isIgnorable(c)) break;
    pos++;
  }
  return pos;
}

function skipLeading(text: string): number {
  let pos = 0;
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if (!isSpace(c) && !isIgnorable(c) && !isOpeningQuote(c)) break;
    pos++;
  }
  return pos;
}

/** The matching key of a phrase or modifier: folded, marks removed, single spaces, first letter lower-cased if asked. */
function normalizeKey(s: string, lowerFirst: boolean): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isIgnorable(c)) continue;
    if (isSpace(c)) {
      if (out.length > 0) pendingSpace = true;
      continue;
    }
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    let f = fold(c);
    if (out.length === 0 && lowerFirst) f = lower(f);
    out += String.fromCharCode(f);
  }
  return out;
}

function lowerFirstLetter(s: string): string {
  if (s === '') return s;
  const l = s.charAt(0).toLowerCase();
  return l.length === 1 ? l + s.slice(1) : s;
}

// ---------------------------------------------------------------------------------------------
// Compilation

interface Term {
  /** Curated spelling (or accepted variant spelling). */
  readonly phrase: string;
  readonly gender: Gender | undefined;
  /** The same phrase in the other gender. */
  readonly counterpart: string | undefined;
  /** The phrase ends in a guarded modifier word ("Noting further"). */
  readonly guarded: boolean;
}

interface TrieNode {
  next: Map<number, TrieNode> | undefined;
  terms: Term[] | undefined;
  /** `next` has a space (a phrase goes on with another word): read at every character of a walk. */
  space: boolean;
}

interface Affix {
  /** Spelling as composed into the phrase. */
  readonly text: string;
  /** Matching key (first letter lower-cased for prefixes). */
  readonly key: string;
  /** What joins a prefix to the phrase; unused for infixes. */
  readonly joiner: string;
  readonly guarded: boolean;
}

interface KindTrie {
  readonly root: TrieNode;
  /** Prefixes by the first code unit of their key. */
  readonly prefixes: ReadonlyMap<number, readonly Affix[]>;
  /** Infixes by the first code unit of their key. */
  readonly infixes: ReadonlyMap<number, readonly Affix[]>;
}

interface Compiled {
  readonly data: LexiconData;
  readonly pp: KindTrie;
  readonly op: KindTrie;
  readonly guardWords: ReadonlySet<string>;
  readonly guardNext: ReadonlySet<string>;
}

const DATA: Readonly<Record<Language, LexiconData>> = { en: EN, fr: FR, es: ES, ru: RU, ar: AR, zh: ZH };

const compiledCache = new Map<Language, Compiled>();

function compiled(lang: Language): Compiled {
  let c = compiledCache.get(lang);
  if (!c) {
    c = compile(DATA[lang]);
    compiledCache.set(lang, c);
  }
  return c;
}

function lastWord(s: string): string {
  const i = s.lastIndexOf(' ');
  return i < 0 ? s : s.slice(i + 1);
}

function compile(data: LexiconData): Compiled {
  const guardWords = new Set(data.guard?.words ?? []);
  const guardNext = new Set(data.guard?.allowedNext ?? []);
  const kindTrie = (kd: KindData, conjunction: string | undefined): KindTrie => {
    const root: TrieNode = { next: undefined, terms: undefined, space: false };
    const seen = new Set<string>();
    const insert = (phrase: string, gender: Gender | undefined, counterpart: string | undefined): void => {
      const key = normalizeKey(phrase, true);
      if (key === '') return;
      const id = `${gender ?? ''}|${key}`;
      if (seen.has(id)) return;
      seen.add(id);
      let node = root;
      for (let i = 0; i < key.length; i++) {
        const ch = key.charCodeAt(i);
        node.next ??= new Map();
        let child = node.next.get(ch);
        if (!child) {
          child = { next: undefined, terms: undefined, space: false };
          node.next.set(ch, child);
          if (ch === 0x20) node.space = true;
        }
        node = child;
      }
      (node.terms ??= []).push({ phrase, gender, counterpart, guarded: guardWords.has(lastWord(phrase)) });
    };
    for (const form of kd.phrases) {
      if (typeof form === 'string' || form.f === form.m) {
        const p = typeof form === 'string' ? form : form.f;
        insert(p, undefined, undefined);
        for (const v of data.variants?.(p) ?? []) insert(v, undefined, undefined);
      } else {
        insert(form.f, 'f', form.m);
        insert(form.m, 'm', form.f);
      }
    }
    const index = (list: readonly Affix[]): Map<number, Affix[]> => {
      const m = new Map<number, Affix[]>();
      for (const a of list) {
        const k = a.key.charCodeAt(0);
        const arr = m.get(k);
        if (arr) arr.push(a);
        else m.set(k, [a]);
      }
      return m;
    };
    const prefixes: Affix[] = kd.prefixes.map((p) => ({
      text: p,
      key: normalizeKey(p, true),
      joiner: data.joiner,
      guarded: false,
    }));
    if (conjunction) prefixes.push({ text: conjunction, key: normalizeKey(conjunction, true), joiner: '', guarded: false });
    const infixes: Affix[] = kd.infixes.map((p) => ({
      text: p,
      key: normalizeKey(p, false),
      joiner: '',
      guarded: guardWords.has(lastWord(p)),
    }));
    return { root, prefixes: index(prefixes), infixes: index(infixes) };
  };
  return {
    data,
    pp: kindTrie(data.pp, data.ppConjunction),
    op: kindTrie(data.op, undefined),
    guardWords,
    guardNext,
  };
}

// ---------------------------------------------------------------------------------------------
// Matching

/** The best phrase found so far in a search. */
interface Best {
  /** End offset in the text (trailing marks included). */
  readonly end: number;
  /** Number of composed modifiers (fewer wins a tie). */
  readonly cost: number;
  readonly term: Term;
  readonly prefix: Affix | undefined;
  readonly infix: Affix | undefined;
  /** Word index at which the infix is inserted into the term's phrase. */
  readonly infixAt: number;
}

/** State of one search: the text, the filter, and the best match found so far. */
interface Search {
  readonly text: string;
  readonly n: number;
  readonly spaced: boolean;
  readonly gender: Gender | undefined;
  readonly c: Compiled;
  readonly kt: KindTrie;
  readonly start: number;
  best: Best | undefined;
}

/** Matches a modifier's key at `pos`; returns the end offset or -1. */
function matchLiteral(text: string, pos: number, key: string, lowerFirst: boolean): number {
  const n = text.length;
  let p = pos;
  for (let k = 0; k < key.length; k++) {
    p = skipIgnorable(text, p);
    if (p >= n) return -1;
    let c = text.charCodeAt(p);
    const kc = key.charCodeAt(k);
    if (kc === 0x20) {
      if (!isSpace(c)) return -1;
      p = skipSpaceAndIgnorable(text, p);
      continue;
    }
    c = fold(c);
    if (k === 0 && lowerFirst) c = lower(c);
    if (c !== kc) return -1;
    p++;
  }
  return p;
}

/** True if the word after a guarded modifier lets it stand as a modifier (see LexiconData.guard). */
function guardAllows(s: Search, end: number): boolean {
  const i = skipSpaceAndIgnorable(s.text, end);
  if (i >= s.n) return true;
  const ch = s.text.charAt(i);
  if (ch === ch.toUpperCase()) return true; // capital, digit, punctuation
  let j = i;
  while (j < s.n) {
    const c = s.text.charCodeAt(j);
    if (c === 0x2d || !isWordChar(c)) break;
    j++;
  }
  return s.c.guardNext.has(s.text.slice(i, j));
}

/** Records the terminal at `node` if it ends at a boundary at `pos` and beats the best so far. */
function consider(
  s: Search,
  node: TrieNode,
  pos: number,
  prefix: Affix | undefined,
  infix: Affix | undefined,
  infixAt: number,
  infixAtEnd: boolean,
): void {
  const terms = node.terms;
  if (!terms) return;
  const end = skipIgnorable(s.text, pos);
  if (s.spaced && end < s.n && isWordChar(s.text.charCodeAt(end))) return;
  let term: Term | undefined;
  for (const t of terms) {
    if (s.gender === undefined || t.gender === undefined || t.gender === s.gender) {
      term = t;
      break;
    }
  }
  if (!term) return;
  const guarded = infixAtEnd && infix ? infix.guarded : term.guarded;
  if (guarded && !guardAllows(s, end)) return;
  const cost = (prefix ? 1 : 0) + (infix ? 1 : 0);
  const best = s.best;
  if (!best || end > best.end || (end === best.end && cost < best.cost)) {
    s.best = { end, cost, term, prefix, infix, infixAt };
  }
}

/** Tries every infix that can stand at `pos` after a complete word of the phrase. */
function tryInfixes(s: Search, node: TrieNode, pos: number, spaces: number, prefix: Affix | undefined): void {
  let p = skipIgnorable(s.text, pos);
  if (p >= s.n || !isSpace(s.text.charCodeAt(p))) return;
  p = skipSpaceAndIgnorable(s.text, p);
  if (p >= s.n) return;
  const cands = s.kt.infixes.get(fold(s.text.charCodeAt(p)));
  if (!cands) return;
  const at = spaces + 1;
  const spaceChild = node.next?.get(0x20);
  for (const a of cands) {
    const e = matchLiteral(s.text, p, a.key, false);
    if (e < 0) continue;
    if (node.terms) consider(s, node, e, prefix, a, at, true);
    if (spaceChild) {
      const q = skipIgnorable(s.text, e);
      if (q < s.n && isSpace(s.text.charCodeAt(q))) {
        walk(s, spaceChild, skipSpaceAndIgnorable(s.text, q), false, spaces + 1, prefix, a, at);
      }
    }
  }
}

/**
 * Walks the trie from `node` along the text from `pos`, recording every complete phrase;
 * `first` is true before the phrase's first character; `spaces` counts the phrase's spaces so far.
 */
function walk(
  s: Search,
  node: TrieNode,
  pos: number,
  first: boolean,
  spaces: number,
  prefix: Affix | undefined,
  infix: Affix | undefined,
  infixAt: number,
): void {
  const text = s.text;
  for (;;) {
    if (!first) {
      if (node.terms) consider(s, node, pos, prefix, infix, infixAt, false);
      if (!infix && (node.terms || node.space) && s.kt.infixes.size > 0) {
        tryInfixes(s, node, pos, spaces, prefix);
      }
    }
    pos = skipIgnorable(text, pos);
    if (pos >= s.n || !node.next) return;
    let c = text.charCodeAt(pos);
    let np: number;
    if (isSpace(c)) {
      c = 0x20;
      np = skipSpaceAndIgnorable(text, pos);
    } else {
      c = fold(c);
      if (first) c = lower(c);
      np = pos + 1;
    }
    const child = node.next.get(c);
    if (!child) return;
    if (c === 0x20) spaces++;
    node = child;
    pos = np;
    first = false;
  }
}

/** Runs a search for phrases of one kind; returns the best match and where the phrase starts, or null. */
function search(
  text: string,
  lang: Language,
  kind: ClauseKind,
  gender: Gender | undefined,
): { best: Best; start: number } | null {
  const c = compiled(lang);
  const s: Search = {
    text,
    n: text.length,
    spaced: c.data.spaced,
    gender,
    c,
    kt: kind === 'pp' ? c.pp : c.op,
    start: skipLeading(text),
    best: undefined,
  };
  if (s.start >= s.n) return null;
  walk(s, s.kt.root, s.start, true, 0, undefined, undefined, 0);
  const cands = s.kt.prefixes.get(lower(fold(text.charCodeAt(s.start))));
  if (cands) {
    for (const a of cands) {
      let e = matchLiteral(text, s.start, a.key, true);
      if (e < 0) continue;
      if (a.joiner !== '') {
        e = skipIgnorable(text, e);
        if (e >= s.n || !isSpace(text.charCodeAt(e))) continue;
        e = skipSpaceAndIgnorable(text, e);
      }
      walk(s, s.kt.root, e, true, 0, a, undefined, 0);
    }
  }
  return s.best ? { best: s.best, start: s.start } : null;
}

/** Spells a phrase with its modifiers. */
function compose(base: string, prefix: Affix | undefined, infix: Affix | undefined, infixAt: number): string {
  let p = base;
  if (infix) {
    const words = p.split(' ');
    words.splice(infixAt, 0, infix.text);
    p = words.join(' ');
  }
  if (prefix) p = prefix.text + prefix.joiner + (prefix.joiner === ' ' ? lowerFirstLetter(p) : p);
  return p;
}

function toMatch(best: Best, start: number, kind: ClauseKind): PhraseMatch {
  const t = best.term;
  const m: PhraseMatch = {
    end: best.end,
    start,
    phrase: compose(t.phrase, best.prefix, best.infix, best.infixAt),
    kind,
    base: t.phrase,
  };
  if (t.gender) m.gender = t.gender;
  return m;
}

/**
 * Detects the opening phrase of a paragraph of the given kind. Leading whitespace, opening
 * quotation marks and invisible marks are skipped (see `PhraseMatch.start`). Returns the longest
 * known phrase with its modifiers ("Recalling also", "Recalling further", "Noting with deep
 * concern", "Rappelant en outre", "Prenant acte également", "Also requests", "Further
 * encourages", "Reiterates its call upon", "вновь подтверждая", "وإذ تشير أيضا", "又回顾"), without
 * the following preposition or object ("Guided by" → "Guided", "Taking note of" → "Taking note",
 * "Prenant note de" → "Prenant note", "ссылаясь на" → "ссылаясь", "تطلب إلى" → "تطلب",
 * "请秘书长" → "请"). With `gender`, phrases that agree with the other gender are not accepted
 * ("Conscient" for 'f'); without it both are. Returns null when no phrase is found.
 */
export function detectOpeningPhrase(
  text: string,
  lang: Language,
  kind: ClauseKind,
  gender?: Gender,
): PhraseMatch | null {
  const r = search(text, lang, kind, gender);
  return r ? toMatch(r.best, r.start, kind) : null;
}

/**
 * Which kind of clause the text opens like: 'pp' for participles and adjectives ("Recalling",
 * "Deeply concerned"), 'op' for present-indicative verbs ("Requests", "Calls upon"), with the
 * match. Either gender is accepted. When phrases of both kinds match, the longer wins; when they
 * are the same length (Chinese 回顾, 重申, 欢迎… serve both kinds) the opening is ambiguous and null is
 * returned, as it is when no phrase is known ("Blorfs the committee").
 */
export function classifyOpening(text: string, lang: Language): { kind: ClauseKind; match: PhraseMatch } | null {
  if (lang !== classifiedLang) {
    classified.clear();
    classifiedLang = lang;
  }
  let r = classified.get(text);
  if (r === undefined) {
    r = classify(text, lang);
    if (classified.size >= CLASSIFIED_MAX) classified.clear();
    classified.set(text, r);
  }
  // A copy: callers own what they get.
  return r && { kind: r.kind, match: { ...r.match } };
}

// The importer asks about the same paragraph opening many times (splitting, rejoining and
// building each look at a paragraph's first 200 characters): the recent answers of one language,
// since a lookup costs far less than two walks of the tries.
const classified = new Map<string, { kind: ClauseKind; match: PhraseMatch } | null>();
let classifiedLang: Language | null = null;
const CLASSIFIED_MAX = 4096;

function classify(text: string, lang: Language): { kind: ClauseKind; match: PhraseMatch } | null {
  const pp = detectOpeningPhrase(text, lang, 'pp');
  const op = detectOpeningPhrase(text, lang, 'op');
  if (pp && (!op || pp.end > op.end)) return { kind: 'pp', match: pp };
  if (op && (!pp || op.end > pp.end)) return { kind: 'op', match: op };
  return null;
}

/**
 * The curated phrases of a kind in a language, most frequent first, for autocomplete (a fresh
 * array each call). With `gender`, gender-agreeing phrases appear in that gender only; without
 * it both forms are listed, feminine first. Phrases carry their lexicon case (Russian in lower
 * case), no preposition, and for Arabic preambular phrases no conjunction: prefix و to every
 * preambular paragraph after the first ("إذ تشير" → "وإذ تشير"). Modifier combinations that are
 * merely accepted by detection ("Recalling once again") are not listed.
 */
export function phraseList(lang: Language, kind: ClauseKind, gender?: Gender): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (p: string): void => {
    if (!seen.has(p)) {
      seen.add(p);
      out.push(p);
    }
  };
  for (const form of DATA[lang][kind].phrases) {
    if (typeof form === 'string') add(form);
    else if (gender) add(form[gender]);
    else {
      add(form.f);
      add(form.m);
    }
  }
  return out;
}

/**
 * Switches the opening phrase to the other gender when the organ changes (fr "Consciente" ↔
 * "Conscient", "Profondément préoccupée" ↔ "Profondément préoccupé"; es "Convencida" ↔
 * "Convencido"; ru "будучи убеждена" ↔ "будучи убежден"; ar "وإذ تشير" ↔ "وإذ يشير"), keeping
 * its modifiers, the case of its first letter and the rest of the text. Only the opening phrase
 * (of either kind) is changed, and it is rewritten in its lexicon spelling. Returns the text
 * unchanged when it opens with no gender-agreeing phrase or already agrees with `to`.
 */
export function switchPhraseGender(text: string, lang: Language, to: Gender): string {
  const pp = search(text, lang, 'pp', undefined);
  const op = search(text, lang, 'op', undefined);
  const r = pp && (!op || pp.best.end >= op.best.end) ? pp : op;
  if (!r) return text;
  const { best, start } = r;
  const t = best.term;
  if (!t.gender || t.gender === to || t.counterpart === undefined) return text;
  let rep = compose(t.counterpart, best.prefix, best.infix, best.infixAt);
  const orig = text.charAt(start);
  const first = rep.charAt(0);
  if (orig !== first && orig.toLowerCase() === first.toLowerCase()) rep = orig + rep.slice(1);
  return text.slice(0, start) + rep + text.slice(best.end);
}
