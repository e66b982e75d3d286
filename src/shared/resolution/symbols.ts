/**
 * United Nations document symbols (spec §5): parsing, validation for the metadata form, the
 * resolution number as cited in text, and finding symbol references in running text.
 *
 * Recognised (suffixes /Rev.n, /Add.n, /Corr.n may follow any of them, each at most once):
 * - General Assembly: resolutions A/RES/75/202, A/RES/31/16 A (lettered part), A/RES/S-13/2,
 *   A/RES/ES-8/2, and before the 31st session A/RES/217 (III), A/RES/217 A (III), A/RES/997 (ES-I);
 *   drafts A/80/L.10, A/C.2/80/L.26, A/ES-10/L.22; reports A/79/437; records A/79/PV.12,
 *   A/C.3/79/SR.5; other committee documents A/C.2/79/3; A/79/INF/1.
 * - Security Council: resolutions S/RES/2532 (2020); documents S/2020/123; S/PV.8785;
 *   S/PRST/2020/1.
 * - Economic and Social Council: resolutions E/RES/2020/12 (and the older E/RES/1503 (XLVIII));
 *   drafts E/2020/L.5; reports E/2020/12; E/2020/SR.5; functional commissions E/CN.6/2020/L.1
 *   (organ 'other').
 * - Human Rights Council: A/HRC/RES/45/1, A/HRC/RES/S-30/1, decisions A/HRC/DEC/45/101, drafts
 *   A/HRC/55/L.12, reports A/HRC/55/12.
 * Symbols are case-sensitive as the UN writes them (capitals, "Rev.", "Add.", "Corr."); numbers
 * have no leading zeros. Regular expressions are compiled once, at module load.
 */
import type { DocumentKind, Organ } from './model.js';
import { fromRoman, toRoman } from './labels.js';

/** The issuing body: the first element(s) of the symbol. */
export type SymbolBody = 'A' | 'S' | 'E' | 'A/HRC';

/** What sort of document a symbol names. */
export type SymbolKind = 'resolution' | 'draft' | 'report' | 'other';

/** A parsed document symbol. Numbers are strings where the UN prints them with letters. */
export interface ParsedSymbol {
  /** The symbol written canonically ("A/RES/217 (III)" for "A/RES/217(III)"). */
  symbol: string;
  body: SymbolBody;
  kind: SymbolKind;
  organ: Organ;
  /** Session: "75", "S-13", "ES-8" (legacy roman sessions converted: "3" for (III)). */
  session?: string;
  /** For legacy symbols, the session as printed: "III", "ES-I", "XLVIII". */
  sessionRoman?: string;
  /** Resolution or document number: "202", "L.26" gives "26" with kind 'draft'. */
  number?: string;
  /** Lettered part of a resolution adopted in parts: "A" of 31/16 A. */
  part?: string;
  /** Main Committee 1..6 (A/C.n/…). */
  committee?: number;
  /** Functional commission number of E/CN.n/… documents. */
  commission?: number;
  revision?: number;
  addendum?: number;
  corrigendum?: number;
  /** Year of SC resolutions and S/ and E/ documents. */
  year?: number;
}

const SUFFIX = String.raw`((?:\/(?:Rev|Add|Corr)\.[1-9]\d{0,2})*)`;
const N = String.raw`[1-9]\d`;
const SESSION = String.raw`(${N}{0,2}|S-${N}?|ES-${N}?)`;
const ROMAN_SESSION = String.raw`((?:E?S-)?[IVXL]{1,8})`;

const RE_GA_RES = new RegExp(String.raw`^A\/RES\/${SESSION}\/(${N}{0,3})(?: ?([A-Z]))?${SUFFIX}$`);
const RE_GA_RES_OLD = new RegExp(String.raw`^A\/RES\/(${N}{0,3})(?: ?([A-Z]))? ?\(${ROMAN_SESSION}\)(?: ?([A-Z]))?${SUFFIX}$`);
const RE_GA_DOC = new RegExp(
  String.raw`^A\/(?:C\.(\d)\/)?${SESSION}\/(?:L\.(${N}{0,3})|(${N}{0,4})|PV\.(${N}{0,3})|SR\.(${N}{0,3})|INF\/(${N}{0,3}))${SUFFIX}$`,
);
const RE_HRC = new RegExp(String.raw`^A\/HRC\/(?:(RES|DEC)\/)?(${N}?|S-${N}?)\/(?:L\.(${N}{0,3})|(${N}{0,3}))${SUFFIX}$`);
const RE_SC_RES = new RegExp(String.raw`^S\/RES\/(${N}{0,3}) ?\((\d{4})\)${SUFFIX}$`);
const RE_SC_DOC = new RegExp(String.raw`^S\/(?:(\d{4})\/(${N}{0,3})|PV\.(${N}{0,4})|PRST\/(\d{4})\/(${N}{0,2}))${SUFFIX}$`);
const RE_E_RES = new RegExp(String.raw`^E\/RES\/(?:(\d{4})\/(${N}{0,2})|(${N}{0,3})(?: ?([A-Z]))? ?\(([IVXL]{1,8})\))${SUFFIX}$`);
const RE_E_DOC = new RegExp(String.raw`^E\/(?:CN\.(${N}?)\/)?(\d{4})\/(?:L\.(${N}{0,3})|(${N}{0,3})|SR\.(${N}{0,3}))${SUFFIX}$`);
const RE_SUFFIX_PART = /\/(Rev|Add|Corr)\.(\d+)/g;
const RE_SLASH_SPACES = /(?<!\s)\s*\/\s*/g;
const RE_SPACES = /\s+/g;
const RE_LOOSE_SUFFIX = /\/(REV|ADD|CORR)\.?\s?(\d)/g;
const RE_LOOSE_L = /\/L\s?(\d)/g;
const RE_LOOSE_C = /\/C\s?(\d)\//g;
const RE_OLD_SESSION = /^A\/RES\/([1-9]\d?)\/[1-9]/;
const RE_COMMITTEE = /^A\/C\.?(\d+)/;
const RE_HAS_L = /\/L(?:\b|\.)/;
const RE_FOUR_DIGITS = /^\d{4}$/;
const RE_YEAR = /^(?:19[4-9]\d|20\d\d)$/;
const RE_LETTER = /\p{L}/u;

const COMMITTEE_ORGANS: readonly Organ[] = ['ga', 'ga-c1', 'ga-c2', 'ga-c3', 'ga-c4', 'ga-c5', 'ga-c6'];

function validYear(y: number): boolean {
  return y >= 1946 && y <= 2100;
}

/** Applies "/Rev.1/Add.2" to `p`; false when a kind repeats. */
function applySuffix(p: ParsedSymbol, suffix: string | undefined): boolean {
  if (!suffix) return true;
  RE_SUFFIX_PART.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_SUFFIX_PART.exec(suffix)) !== null) {
    const v = Number(m[2]);
    const key = m[1] === 'Rev' ? 'revision' : m[1] === 'Add' ? 'addendum' : 'corrigendum';
    if (p[key] !== undefined) return false;
    p[key] = v;
  }
  return true;
}

/** Session number of a roman session "III", "ES-I", "S-V" ("3", "ES-1", "S-5"), or null. */
function romanSession(r: string): string | null {
  const dash = r.lastIndexOf('-');
  const prefix = dash >= 0 ? r.slice(0, dash + 1) : '';
  const n = fromRoman(r.slice(dash + 1));
  if (n === null || n > 60) return null;
  if (prefix === '' && n > 30) return null;
  return prefix + n;
}

function finish(p: ParsedSymbol, suffix: string | undefined, canonicalHead: string): ParsedSymbol | null {
  if (!applySuffix(p, suffix)) return null;
  p.symbol = canonicalHead + (suffix ?? '');
  return p;
}

/**
 * Parse a UN document symbol (forms listed in the module comment). Leading and trailing spaces are
 * ignored; anything else malformed — wrong case, leading zeros, a seventh Main Committee,
 * a regular session before the 31st written the modern way, a year outside 1946–2100 — gives
 * null. `kind` is 'resolution' (A/RES, S/RES, E/RES, A/HRC/RES), 'draft' (…/L.n), 'report'
 * (numbered plenary GA, ECOSOC and HRC documents) or 'other' (records, committee documents,
 * S/ documents, presidential statements, HRC decisions).
 */
export function parseSymbol(s: string): ParsedSymbol | null {
  const t = s.trim();
  if (t.length < 4) return null;
  let m: RegExpExecArray | null;
  const c0 = t.charCodeAt(0);
  if (c0 === 0x41 /* A */) {
    if (t.startsWith('A/HRC/')) {
      if ((m = RE_HRC.exec(t)) === null) return null;
      const [, res, session, l, num, suffix] = m;
      if (res !== undefined && l !== undefined) return null;
      const p: ParsedSymbol = {
        symbol: '',
        body: 'A/HRC',
        organ: 'hrc',
        kind: res === 'RES' ? 'resolution' : res === 'DEC' ? 'other' : l !== undefined ? 'draft' : 'report',
        session,
        number: l ?? num,
      };
      return finish(p, suffix, t.slice(0, t.length - (suffix?.length ?? 0)));
    }
    if (t.startsWith('A/RES/')) {
      if ((m = RE_GA_RES.exec(t)) !== null) {
        const [, session, num, part, suffix] = m;
        const c1 = session!.charCodeAt(0);
        if (c1 >= 0x30 && c1 <= 0x39 && Number(session) < 31) return null;
        const p: ParsedSymbol = { symbol: '', body: 'A', kind: 'resolution', organ: 'ga', session, number: num };
        if (part !== undefined) p.part = part;
        return finish(p, suffix, `A/RES/${session}/${num}${part ? ' ' + part : ''}`);
      }
      if ((m = RE_GA_RES_OLD.exec(t)) !== null) {
        const [, num, part1, roman, part2, suffix] = m;
        if (part1 !== undefined && part2 !== undefined) return null;
        const session = romanSession(roman!);
        if (session === null) return null;
        const part = part1 ?? part2;
        const p: ParsedSymbol = { symbol: '', body: 'A', kind: 'resolution', organ: 'ga', session, sessionRoman: roman!, number: num };
        if (part !== undefined) p.part = part;
        return finish(p, suffix, `A/RES/${num}${part ? ' ' + part : ''} (${roman})`);
      }
      return null;
    }
    if ((m = RE_GA_DOC.exec(t)) === null) return null;
    const [, committee, session, l, num, pv, sr, inf, suffix] = m;
    const c = committee === undefined ? 0 : Number(committee);
    if (committee !== undefined && (c < 1 || c > 6)) return null;
    const p: ParsedSymbol = {
      symbol: '',
      body: 'A',
      kind: l !== undefined ? 'draft' : num !== undefined && c === 0 ? 'report' : 'other',
      organ: COMMITTEE_ORGANS[c]!,
      session,
      number: l ?? num ?? pv ?? sr ?? inf,
    };
    if (c) p.committee = c;
    return finish(p, suffix, t.slice(0, t.length - (suffix?.length ?? 0)));
  }
  if (c0 === 0x53 /* S */) {
    if ((m = RE_SC_RES.exec(t)) !== null) {
      const [, num, year, suffix] = m;
      const y = Number(year);
      if (!validYear(y)) return null;
      return finish({ symbol: '', body: 'S', kind: 'resolution', organ: 'sc', number: num, year: y }, suffix, `S/RES/${num} (${year})`);
    }
    if ((m = RE_SC_DOC.exec(t)) === null) return null;
    const [, year, num, pv, pyear, pnum, suffix] = m;
    const y = year ?? pyear;
    if (y !== undefined && !validYear(Number(y))) return null;
    const p: ParsedSymbol = { symbol: '', body: 'S', kind: 'other', organ: 'sc', number: num ?? pv ?? pnum };
    if (y !== undefined) p.year = Number(y);
    return finish(p, suffix, t.slice(0, t.length - (suffix?.length ?? 0)));
  }
  if (c0 === 0x45 /* E */) {
    if ((m = RE_E_RES.exec(t)) !== null) {
      const [, year, num, oldNum, part, roman, suffix] = m;
      if (year !== undefined) {
        const y = Number(year);
        if (!validYear(y)) return null;
        return finish({ symbol: '', body: 'E', kind: 'resolution', organ: 'ecosoc', number: num, year: y }, suffix, `E/RES/${year}/${num}`);
      }
      const n = fromRoman(roman!);
      if (n === null || n > 70) return null;
      const p: ParsedSymbol = { symbol: '', body: 'E', kind: 'resolution', organ: 'ecosoc', number: oldNum, session: String(n), sessionRoman: roman! };
      if (part !== undefined) p.part = part;
      return finish(p, suffix, `E/RES/${oldNum}${part ? ' ' + part : ''} (${roman})`);
    }
    if ((m = RE_E_DOC.exec(t)) === null) return null;
    const [, cn, year, l, num, sr, suffix] = m;
    const y = Number(year);
    if (!validYear(y)) return null;
    const p: ParsedSymbol = {
      symbol: '',
      body: 'E',
      kind: l !== undefined ? 'draft' : num !== undefined ? 'report' : 'other',
      organ: cn !== undefined ? 'other' : 'ecosoc',
      number: l ?? num ?? sr,
      year: y,
    };
    if (cn !== undefined) p.commission = Number(cn);
    return finish(p, suffix, t.slice(0, t.length - (suffix?.length ?? 0)));
  }
  return null;
}

const ORDINAL_COMMITTEE = ['', 'First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth'];

function organName(o: Organ): string {
  switch (o) {
    case 'ga':
      return 'the General Assembly plenary';
    case 'sc':
      return 'the Security Council';
    case 'ecosoc':
      return 'the Economic and Social Council';
    case 'hrc':
      return 'the Human Rights Council';
    case 'other':
      return 'another body';
    default:
      return `the ${ORDINAL_COMMITTEE[Number(o.slice(4))]} Committee`;
  }
}

/** A looser reading of what the user typed: spaces around "/", case, "Rev1" for "Rev.1". */
function relaxed(s: string): string {
  return s
    .trim()
    .replace(RE_SLASH_SPACES, '/')
    .replace(RE_SPACES, ' ')
    .toUpperCase()
    .replace(RE_LOOSE_SUFFIX, (_m, w: string, d: string) => `/${w[0]}${w.slice(1).toLowerCase()}.${d}`)
    .replace(RE_LOOSE_L, '/L.$1')
    .replace(RE_LOOSE_C, '/C.$1/');
}

const MSG_BODY =
  'A symbol starts with A/ (General Assembly), S/ (Security Council), E/ (Economic and Social Council) or A/HRC/ (Human Rights Council), e.g. A/RES/79/200.';
const MSG_GA_RES =
  'A General Assembly resolution symbol looks like A/RES/79/200 (A/RES/S-13/2 or A/RES/ES-8/2 for special sessions; A/RES/217 (III) before the 31st session).';
const MSG_DRAFT = 'A draft symbol looks like A/C.2/80/L.26 or A/80/L.10 (/Rev.1 for a revision).';
const MSG_COMMITTEE = 'There are six Main Committees, A/C.1/ to A/C.6/: a committee draft looks like A/C.2/80/L.26.';
const MSG_GA = 'A General Assembly symbol looks like A/RES/79/200 (resolution), A/80/L.10 or A/C.2/80/L.26 (draft) or A/79/437 (report).';
const MSG_SC = 'A Security Council resolution symbol looks like S/RES/2532 (2020); its documents look like S/2020/123.';
const MSG_E = 'An Economic and Social Council resolution symbol looks like E/RES/2020/12; drafts look like E/2020/L.5.';
const MSG_HRC = 'A Human Rights Council symbol looks like A/HRC/RES/45/1 (resolution), A/HRC/55/L.12 (draft) or A/HRC/55/12 (report).';

function diagnose(t: string): string {
  const fixed = relaxed(t);
  if (fixed !== t) {
    const p = parseSymbol(fixed);
    if (p !== null) return `Did you mean ${p.symbol}? Symbols are written in capitals, without spaces around “/”.`;
  }
  const u = fixed;
  if (u.startsWith('A/HRC')) return MSG_HRC;
  const old = RE_OLD_SESSION.exec(u);
  if (old !== null && Number(old[1]) < 31)
    return `Before the 31st session, resolutions are numbered with the session in roman numerals, e.g. A/RES/217 (III); session ${old[1]} is (${toRoman(Number(old[1])).toUpperCase()}).`;
  if (u.startsWith('A/RES')) return MSG_GA_RES;
  const c = RE_COMMITTEE.exec(u);
  if (c !== null && (Number(c[1]) < 1 || Number(c[1]) > 6)) return MSG_COMMITTEE;
  if (u.startsWith('A/C')) return MSG_DRAFT;
  if (u.startsWith('A/') && RE_HAS_L.test(u)) return MSG_DRAFT;
  if (u.startsWith('A/')) return MSG_GA;
  if (u.startsWith('S/')) return MSG_SC;
  if (u.startsWith('E/')) return MSG_E;
  return MSG_BODY;
}

function kindWord(p: ParsedSymbol): string {
  if (p.kind === 'draft') return p.revision !== undefined ? 'a revised draft' : 'a draft';
  if (p.kind === 'resolution') return 'a resolution';
  if (p.kind === 'report') return 'a report';
  return 'not a resolution or a draft';
}

/**
 * Validation message for the metadata form, or null when `s` is acceptable. An empty symbol is
 * acceptable (symbols are assigned by the Secretariat; a new draft has none). Messages say what is
 * expected ("A draft symbol looks like A/C.2/80/L.26 or A/80/L.10 …") or suggest the corrected
 * form ("Did you mean A/C.2/80/L.26/Rev.1? …"). With `kind`, the symbol must fit it: a resolution
 * needs a …/RES/… symbol, a draft an L-document without /Rev (Security Council drafts, S/yyyy/n,
 * are accepted), a revision an L-document with /Rev.n. With `organ`, the symbol's body must match
 * it (a GA resolution fits the plenary or any Main Committee; 'other' accepts anything).
 */
export function validateSymbol(s: string, kind?: DocumentKind, organ?: Organ): string | null {
  const t = s.trim();
  if (t === '') return null;
  const p = parseSymbol(t);
  if (p === null) return diagnose(t);
  if (kind === 'resolution' && p.kind !== 'resolution')
    return `${p.symbol} is ${kindWord(p)}; an adopted resolution has a symbol like A/RES/79/200, S/RES/2532 (2020) or E/RES/2020/12.`;
  if (kind === 'draft' || kind === 'revision') {
    const scDraft = p.body === 'S' && p.kind === 'other' && p.year !== undefined;
    if (!scDraft && p.kind !== 'draft') return `${p.symbol} is ${kindWord(p)}; ${MSG_DRAFT.charAt(0).toLowerCase()}${MSG_DRAFT.slice(1)}`;
    if (kind === 'draft' && p.revision !== undefined)
      return `${p.symbol} is a revised draft (/Rev.${p.revision}): choose “revised draft” as the kind of document, or remove /Rev.${p.revision}.`;
    if (kind === 'revision' && p.revision === undefined && !scDraft)
      return `A revised draft’s symbol ends in /Rev.1, /Rev.2…, e.g. ${p.symbol}/Rev.1.`;
  }
  if (organ !== undefined && organ !== 'other' && p.organ !== organ) {
    const gaFamily = organ === 'ga' || organ.startsWith('ga-');
    if (p.body === 'A' && p.kind === 'resolution' && gaFamily) return null;
    if (p.organ === 'other' && organ === 'ecosoc') return null;
    if (p.body === 'A' && gaFamily) {
      if (organ === 'ga')
        return `${p.symbol} is a document of ${organName(p.organ)}; a plenary draft looks like A/80/L.10 (or set the organ to ${organName(p.organ).replace('the ', '')}).`;
      const c = organ.slice(4);
      return `${p.symbol} is a document of ${organName(p.organ)}, not ${organName(organ)}; its documents look like A/C.${c}/80/L.26.`;
    }
    return `${p.symbol} is a document of ${organName(p.organ)}, not ${organName(organ)}.`;
  }
  return null;
}

/**
 * The resolution number as cited in running text, or null when `s` is not a resolution symbol:
 * A/RES/75/202 → "75/202"; A/RES/31/16 A → "31/16 A"; A/RES/S-13/2 → "S-13/2";
 * A/RES/217 (III) → "217 (III)" (with a part: "217 A (III)"); S/RES/2532 (2020) → "2532 (2020)";
 * E/RES/2020/12 → "2020/12"; A/HRC/RES/45/1 → "45/1". Suffixes (/Corr.1) are not cited.
 */
export function citationNumber(s: string): string | null {
  const p = parseSymbol(s);
  if (p === null || p.kind !== 'resolution') return null;
  const part = p.part ? ' ' + p.part : '';
  if (p.body === 'S') return `${p.number} (${p.year})`;
  if (p.sessionRoman !== undefined) return `${p.number}${part} (${p.sessionRoman})`;
  if (p.body === 'E') return `${p.year}/${p.number}`;
  return `${p.session}/${p.number}${part}`;
}

/**
 * The document symbol of a resolution cited as `citation` ("74/197", "2532 (2020)", "2020/12",
 * "217 A (III)", "S-13/2"), or null when it cannot be one. `body` says whose resolution an
 * ambiguous "45/1" is (default the General Assembly); the forms "n (yyyy)" (Security Council) and
 * "yyyy/n" (Economic and Social Council) identify their body themselves.
 */
export function resolutionSymbol(citation: string, body: SymbolBody = 'A'): string | null {
  const c = citation.trim();
  let sym: string;
  const paren = c.indexOf('(');
  if (paren > 0) {
    const inner = c.slice(paren + 1, c.length - 1);
    const head = c.slice(0, paren).trim();
    if (RE_FOUR_DIGITS.test(inner)) sym = `S/RES/${head} (${inner})`;
    else sym = `${body === 'E' ? 'E' : 'A'}/RES/${head} (${inner})`;
  } else {
    const slash = c.indexOf('/');
    const first = slash > 0 ? c.slice(0, slash) : '';
    if (RE_YEAR.test(first)) sym = `E/RES/${c}`;
    else sym = body === 'A/HRC' ? `A/HRC/RES/${c}` : `A/RES/${c}`;
  }
  const p = parseSymbol(sym);
  return p !== null && p.kind === 'resolution' ? p.symbol : null;
}

// ---------------------------------------------------------------------------------------------
// Finding references in text

/** A symbol reference found in running text. */
export interface SymbolRef {
  /** Offsets of the reference in the text, [from, to): the symbol or the cited number. */
  from: number;
  to: number;
  /** The text of the reference as written ("A/75/454", "74/197", "2532 (2020)"). */
  text: string;
  /** The full document symbol it designates ("A/RES/74/197"); the text itself when malformed. */
  symbol: string;
  /** Whether `symbol` is a well-formed symbol (false for look-alikes such as "A/C.9/80/L.1"). */
  valid: boolean;
}

const RE_REFS = new RegExp(
  // A first-character gate: the alternatives below are only tried where one of them can start
  // (three times faster than letting each alternative's lookbehind run at every position).
  String.raw`(?=[ASERrDdРрوبفلاقم决1-9;；؛。\n])(?:` +
  [
    // 1: a full symbol
    String.raw`(?<![\p{Script=Latin}\p{Script=Cyrillic}\p{N}_\/.])((?:A\/HRC|A|S|E)\/(?:RES\/|C\.\d|HRC\/|PV\.|PRST\/|CN\.\d|INF\/|S-\d|ES-\d|\d)[A-Za-z0-9.\-\/]*(?: ?\((?:\d{4}|(?:E?S-)?[IVXL]+)\))?)`,
    // 2: "resolution(s)" in the six languages
    String.raw`(?<!\p{L})([Rr][eé]solutions?|[Rr]esoluci(?:ón|ones)|[Рр]езолюци\p{L}*|[وبفل]{0,2}(?:ال)?قرار\p{L}*|决议)`,
    // 3: "decision(s)": ends a list of resolutions
    String.raw`(?<!\p{L})([Dd][eé]cisions?|[Dd]ecisi(?:ón|ones)|[Рр]ешени\p{L}*|[وبفل]{0,2}(?:ال)?مقرر\p{L}*)`,
    // 4: a bare citation number
    String.raw`(?<![\p{Script=Latin}\p{Script=Cyrillic}\p{N}_\/.\-])((?:E?S-)?[1-9]\d{0,3}\/[1-9]\d{0,3}(?: [A-Z](?!\p{L}))?(?![\p{Script=Latin}\p{Script=Cyrillic}\p{N}_\/])|[1-9]\d{0,3}(?: [A-Z])? ?\((?:\d{4}|(?:E?S-)?[IVXL]+)\))`,
    // 5: what ends a list
    String.raw`([;；؛。\n])`,
  ].join('|') +
  ')',
  'gu',
);

const RE_ORGANS = new RegExp(
  [
    String.raw`(Human Rights Council|Conseil des droits de l['’]homme|Consejo de Derechos Humanos|Совет\p{L}* по правам человека|مجلس حقوق الإنسان|人权理事会)`,
    String.raw`(Security Council|Conseil de sécurité|Consejo de Seguridad|Совет\p{L}* Безопасности|مجلس الأمن|安全理事会|安理会)`,
    String.raw`(Economic and Social Council|Conseil économique et social|Consejo Económico y Social|Экономическ\p{L}* и Социальн\p{L}* Совет\p{L}*|المجلس الاقتصادي والاجتماعي|经济及社会理事会|经社理事会)`,
    String.raw`(General Assembly|Assemblée générale|Asamblea General|Генеральн\p{L}* Ассамбле\p{L}*|الجمعية العامة|大会)`,
  ].join('|'),
  'gu',
);

/** How far (in characters) a list of citations may run after "resolution(s)". */
const LIST_REACH = 160;
/** How far before the keyword an organ's name is looked for. */
const ORGAN_REACH = 45;

/**
 * The organ a citation belongs to, from where organ names stand: ending right before the keyword
 * ("Human Rights Council resolution"; Chinese "人权理事会第"), between the keyword and the number
 * (Arabic "قرار مجلس حقوق الإنسان 45/1"), or starting right after the number (French "résolution
 * 45/1 du Conseil des droits de l'homme", Russian "резолюция 45/1 Совета по правам человека").
 */
function organOf(text: string, kwStart: number, kwEnd: number, from: number, to: number): SymbolBody | null {
  const a = Math.max(0, kwStart - ORGAN_REACH);
  const window = text.slice(a, Math.min(text.length, to + ORGAN_REACH));
  RE_ORGANS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_ORGANS.exec(window)) !== null) {
    const start = m.index + a;
    const end = start + m[0].length;
    const hit =
      (end <= kwStart && end >= kwStart - 3) ||
      (start >= kwEnd && end <= from) ||
      (start >= to && start <= to + 8 && !text.slice(to, start).includes(','));
    if (hit) return m[1] !== undefined ? 'A/HRC' : m[2] !== undefined ? 'S' : m[3] !== undefined ? 'E' : 'A';
  }
  return null;
}

/** Whether "第…号" at [from, to) is followed by 决议 (resolution) before 决定 (decision) or a stop. */
function chineseResolutionAfter(text: string, to: number): boolean {
  const limit = Math.min(text.length, to + 60);
  for (let i = to; i < limit - 1; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff1b || c === 0x3002) return false; // ；。
    if (c === 0x51b3 /* 决 */) {
      const d = text.charCodeAt(i + 1);
      if (d === 0x8bae /* 议 */) return true;
      if (d === 0x5b9a /* 定 */) return false;
    }
  }
  return false;
}

/**
 * Symbol references in running text, in order, for the symbol-reference mark and the "unknown
 * symbols" check:
 * - full symbols anywhere ("A/75/454", "S/RES/2532 (2020)", "A/RES/31/16 A"); a trailing full
 *   stop is not part of them; look-alikes that do not parse are returned with `valid: false`;
 * - cited resolution numbers ("74/197", "2532 (2020)", "217 A (III)", "S-13/2") that follow a
 *   word for resolution(s) in one of the six languages, including lists ("resolutions 70/1 of …
 *   and 71/313"), until a ";" or line end, a word for decision(s), or 160 characters without a
 *   citation; in Chinese, "第74/197号…决议". The body of a cited number is the Security Council for
 *   "n (yyyy)", ECOSOC for "yyyy/n", otherwise the Human Rights Council when it is named next to
 *   the keyword or the number ("Human Rights Council resolution 45/1", "résolution 45/1 du Conseil
 *   des droits de l'homme", "人权理事会第45/1号决议"), by default the General Assembly.
 */
export function findSymbolRefs(text: string): SymbolRef[] {
  const out: SymbolRef[] = [];
  // Every reference holds a "/" or a "(": most paragraphs have neither.
  if (text.indexOf('/') < 0 && text.indexOf('(') < 0) return out;
  RE_REFS.lastIndex = 0;
  let inList = false;
  let lastEnd = -1;
  let kwStart = 0;
  let kwEnd = 0;
  let m: RegExpExecArray | null;
  while ((m = RE_REFS.exec(text)) !== null) {
    const from = m.index;
    let to = from + m[0].length;
    if (m[1] !== undefined) {
      // Full symbol. Trim a trailing "." "-" "/" and try a lettered part (" A").
      while (to > from) {
        const c = text.charCodeAt(to - 1);
        if (c === 0x2e || c === 0x2d || c === 0x2f) to--;
        else break;
      }
      let raw = text.slice(from, to);
      let p = parseSymbol(raw);
      if (p !== null && p.kind === 'resolution' && p.part === undefined && text.charCodeAt(to) === 0x20) {
        const letter = text.charCodeAt(to + 1);
        const after = text.charCodeAt(to + 2);
        const afterIsLetter = !Number.isNaN(after) && RE_LETTER.test(String.fromCharCode(after));
        if (letter >= 0x41 && letter <= 0x5a && !afterIsLetter) {
          const q = parseSymbol(raw + ' ' + String.fromCharCode(letter));
          if (q !== null) {
            p = q;
            to += 2;
            raw = text.slice(from, to);
          }
        }
      }
      RE_REFS.lastIndex = to;
      out.push({ from, to, text: raw, symbol: p?.symbol ?? raw, valid: p !== null });
      if (inList) lastEnd = to;
      continue;
    }
    if (m[2] !== undefined) {
      inList = true;
      lastEnd = to;
      kwStart = from;
      kwEnd = to;
      continue;
    }
    if (m[3] !== undefined || m[5] !== undefined) {
      inList = false;
      continue;
    }
    // A bare citation number.
    const cited = m[4]!;
    let accepted = inList && from - lastEnd <= LIST_REACH;
    let ks = kwStart;
    let ke = kwEnd;
    if (!accepted && from > 0 && text.charCodeAt(from - 1) === 0x7b2c /* 第 */ && text.charCodeAt(to) === 0x53f7 /* 号 */) {
      accepted = chineseResolutionAfter(text, to);
      ks = ke = from - 1;
    }
    if (!accepted) continue;
    lastEnd = to;
    const paren = cited.indexOf('(');
    const yearForm = paren > 0 && cited.charCodeAt(paren + 1) >= 0x30 && cited.charCodeAt(paren + 1) <= 0x39;
    const slash = cited.indexOf('/');
    const ecosocForm = slash === 4;
    let body: SymbolBody = 'A';
    if (!yearForm && !ecosocForm) {
      const near = organOf(text, ks, ke, from, to);
      if (near === 'A/HRC' || (near === 'E' && paren > 0)) body = near;
    }
    const symbol = resolutionSymbol(cited, body);
    out.push({ from, to, text: cited, symbol: symbol ?? cited, valid: symbol !== null });
  }
  return out;
}
