/**
 * The masthead and heading block of a resolution or draft, in the six languages: language
 * detection, the enacting formula, and the front-matter fields (un-format.md §1–§2, §4–§5).
 *
 * Read from the lines above the enacting formula: symbol, organ, distribution and issue date,
 * "Original:", session, agenda items and their titles, committee, "Resolution adopted by … on
 * <date>", the basis line in brackets, the numbered title, sponsors or bureau line of drafts, and
 * the Security Council headings ("Resolution 242 (1967)" / "of 22 November 1967", "50 (1948).
 * Resolution of 29 May 1948", "Adopted by the Security Council at its 4653rd meeting, on …").
 */
import { parseDate } from '../resolution/dates.js';
import { readSessionLine } from '../resolution/session-line.js';
import { classifyOpening, enactingFormula } from '../resolution/lexicon.js';
import { mastheadWords } from '../resolution/masthead.js';
import type { AgendaItem, DocumentKind, FrontMatter, Language, Organ } from '../resolution/model.js';
import { isInstruction } from './amendment.js';
import { parseSymbol } from '../resolution/symbols.js';
import { PAGE } from './clean.js';
import { EM_CLOSE, EM_OPEN, FN_CLOSE, FN_OPEN, LINK_CLOSE, LINK_MID, LINK_OPEN, plain, squeeze } from './inline.js';
import { RE_BUREAU_LINE, sponsorLineAt } from './sponsors.js';

const ALL_LANGS: readonly Language[] = ['en', 'fr', 'es', 'ru', 'ar', 'zh'];

/** Lower-cased, apostrophes and spaces unified, for comparing fixed wording. */
export function norm(s: string): string {
  return squeeze(plain(s).replace(/[’‘ʼ`]/g, "'")).toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Language

/** A character of detectLanguage's words: [a-z\u00e0-\u00ff']. */
function isWordCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0xe0 && c <= 0xff) || c === 0x27;
}

/**
 * The language of a text, from its script (Cyrillic → ru, Arabic → ar, Han → zh) and, for Latin
 * script, from the most frequent short function words of English, French and Spanish.
 */
export function detectLanguage(text: string): Language {
  const s = text.length > 20000 ? text.slice(0, 20000) : text;
  let latin = 0;
  let cyr = 0;
  let arab = 0;
  let han = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
    else if (c >= 0x400 && c <= 0x4ff) cyr++;
    else if (c >= 0x600 && c <= 0x6ff) arab++;
    else if (c >= 0x4e00 && c <= 0x9fff) han++;
  }
  const max = Math.max(latin, cyr, arab, han * 3);
  if (max === 0) return 'en';
  if (max === cyr) return 'ru';
  if (max === arab) return 'ar';
  if (max === han * 3) return 'zh';
  const counts: Record<'en' | 'fr' | 'es', number> = { en: 0, fr: 0, es: 0 };
  // The words are the runs of [a-z\u00e0-\u00ff'] in the lower-cased text; every word counted
  // below has at most four letters, so only short runs become strings and are compared.
  const low = s.toLowerCase();
  for (let i = 0; i < low.length; ) {
    if (!isWordCode(low.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < low.length && isWordCode(low.charCodeAt(j))) j++;
    const w = j - i <= 4 ? low.slice(i, j) : '';
    i = j;
    switch (w) {
      case 'the': case 'of': case 'and': case 'to': case 'its': case 'that': case 'with': case 'for':
        counts.en++;
        break;
      case 'le': case 'les': case 'des': case 'et': case 'du': case 'au': case 'aux': case 'à': case 'une': case 'dans':
        counts.fr++;
        break;
      case 'el': case 'los': case 'las': case 'del': case 'y': case 'con': case 'por': case 'una': case 'sus':
        counts.es++;
        break;
    }
  }
  if (counts.fr > counts.en && counts.fr >= counts.es) return 'fr';
  if (counts.es > counts.en && counts.es > counts.fr) return 'es';
  return 'en';
}

// ---------------------------------------------------------------------------------------------
// The enacting formula

/** An enacting formula found on a line. */
export interface FormulaMatch {
  /** Index of the line. */
  index: number;
  organ: Organ;
  lang: Language;
  /** Text after the formula on the same line ("The General Assembly, Recalling …"), or "". */
  rest: string;
}

/**
 * The formulas by normalised words. `needsComma`: the words alone are also the organ's name on
 * the masthead (ru "Генеральная Ассамблея", zh "大会", ar without "إن"), so only the formula
 * with its comma counts.
 */
const FORMULAS: readonly { key: string; organ: Organ; lang: Language; needsComma: boolean }[] = (() => {
  const out: { key: string; organ: Organ; lang: Language; needsComma: boolean }[] = [];
  for (const lang of ALL_LANGS) {
    for (const organ of ['ga', 'sc', 'ecosoc', 'hrc'] as const) {
      const w = enactingFormula(organ, lang, true).words;
      out.push({ key: norm(w), organ, lang, needsComma: lang === 'ru' || lang === 'zh' });
      if (lang === 'ar' && w.startsWith('إن ')) out.push({ key: norm(w.slice(3)), organ, lang, needsComma: true });
    }
  }
  out.sort((a, b) => b.key.length - a.key.length);
  return out;
})();

const RE_FORMULA_LEAD = /^(?:therefore,? |par conséquent,? |por consiguiente,? )/;
const FORMULA_COMMAS = ',،，:';

/**
 * The text of `line` after its first `consumed` characters as `formulaOnLine` counts them (marks
 * and footnote references left out, white space squeezed, apostrophes folded one for one), with
 * the separators after the formula: the rest of the line exactly as written, its typographic
 * apostrophes, footnote references and emphasis kept (the words of the first paragraph).
 */
function restOfLine(line: string, consumed: number): string {
  let k = 0;
  let n = 0;
  let space = true;
  while (k < line.length && n < consumed) {
    const c = line[k]!;
    if (c === FN_OPEN || c === LINK_OPEN) {
      // A footnote reference, or a link's URL: no characters of the plain text.
      const end = line.indexOf(c === FN_OPEN ? FN_CLOSE : LINK_MID, k);
      k = end < 0 ? line.length : end + 1;
    } else if (c === EM_OPEN || c === EM_CLOSE || c === LINK_CLOSE) k++;
    else if (/\s/.test(c)) {
      // A run of white space is one space, none at the start.
      if (!space) n++;
      space = true;
      k++;
    } else {
      n++;
      space = false;
      k++;
    }
  }
  return line.slice(k).replace(/^[\s,،，:\uE003\uE006]+/, '');
}

/** The formula a line holds, if any: the whole line ("The General Assembly,") or its start followed by a comma. */
function formulaOnLine(line: string): { organ: Organ; lang: Language; rest: string } | null {
  if (line.length > 4000) return null;
  const raw = plain(line).replace(/[’‘ʼ`]/g, "'").trim();
  let t = raw.replace(/\s+/g, ' ');
  // As printed, the formula starts with a capital ("The General Assembly,"), not "the Economic
  // and Social Council, and …" in the middle of a paragraph.
  if (/^\p{Ll}/u.test(t)) return null;
  let lower = t.toLowerCase();
  const lead = RE_FORMULA_LEAD.exec(lower);
  if (lead) {
    t = t.slice(lead[0].length);
    lower = lower.slice(lead[0].length);
  }
  for (const f of FORMULAS) {
    if (!lower.startsWith(f.key)) continue;
    const after = t.slice(f.key.length);
    const stripped = after.replace(/^[\s,،，:]+/, '');
    if (stripped === '') {
      if (f.needsComma && !/[,،，]/.test(after)) continue;
      return { organ: f.organ, lang: f.lang, rest: '' };
    }
    // On the same line as the first paragraph: only before an opening phrase.
    if (FORMULA_COMMAS.includes(after.trimStart().charAt(0)) && classifyOpening(stripped.slice(0, 200), f.lang)) {
      return { organ: f.organ, lang: f.lang, rest: restOfLine(line, raw.replace(/\s+/g, ' ').length - stripped.length) };
    }
  }
  return null;
}

/**
 * Finds the enacting formula ("The General Assembly,", "L'Assemblée générale,", "Therefore the
 * Security Council,", "大会，"…) among the first lines: on a line of its own, or followed by a
 * comma and the first paragraph. Lines with more than 12 words before a comma are not considered.
 */
export function findFormula(lines: readonly string[], limit = 600): FormulaMatch | null {
  const n = Math.min(lines.length, limit);
  for (let i = 0; i < n; i++) {
    const l = lines[i]!;
    if (l === '' || l === PAGE) continue;
    const f = formulaOnLine(l);
    if (!f) continue;
    // A formula with the rest of the paragraph on the same line must be followed by text.
    return { index: i, ...f };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Session words

/** The session a heading line names (resolution/session-line.ts), footnote marks and link URLs ignored. */
export function parseSessionLine(line: string): { session: string; lang: Language } | null {
  return readSessionLine(plain(line));
}

// ---------------------------------------------------------------------------------------------
// Fixed wording of the masthead

const RE_UN = /^(?:united nations|nations unies|naciones unidas|организация объединенных наций|الأمم المتحدة|联合国)(?=\s|$)/;
// Masthead lines are normalised to single spaces (see `ls` in parseMasthead), so " " and " ?"
// stand for \s+ and \s*: a quantified \s next to .* or .+? backtracked polynomially on long lines.
const RE_DISTR = /^distr\.? ?(?:: ?)?(.*)$/;
const RE_ORIGINAL = /^original ?: ?(.+)$/;
const RE_JOB_LINE = /^\d{2}-\d{5}\*? ?\(([EFSRAC])\)/;
const RE_BARCODE = /^\*\d{7,8}\*$/;
const RE_TITLE_NUM = /^((?:E?S-)?\d{1,3}\/\d{1,4})(?: ([A-Z]))? ?(?:\.| -) (\S.*)$/;
const RE_SC_HEAD1 = /^resolution (\d{1,4}) ?(?:\((\d{4})\) ?)?(?:of (.+))?$/i;
const RE_SC_HEAD2 = /^(\d{1,4}) ?\((\d{4})\)\.? resolution of (.+)$/i;
const RE_SC_OF = /^of (\d.+)$/i;
const RE_SC_ADOPTED = /^adopted by the security council at\W+its\W+(\d+(?: ?(?:st|nd|rd|th))?)\W*meeting\W*(?:on (.+))?$/i;
const RE_ON_DATE = /^(?:on|le|el|في) (.+)$/i;
const RE_SYMBOL_TOKEN = /(?:^|\s)([ASE]\/[A-Za-z0-9.\-/]+(?:\s?\((?:\d{4}|[IVXL]+)\))?)\*?(?=\s|$)/;

const JOB_LANG: Readonly<Record<string, Language>> = { E: 'en', F: 'fr', S: 'es', R: 'ru', A: 'ar', C: 'zh' };

const LANGUAGE_NAMES: ReadonlyMap<string, Language> = new Map<string, Language>([
  ['english', 'en'], ['french', 'fr'], ['spanish', 'es'], ['russian', 'ru'], ['arabic', 'ar'], ['chinese', 'zh'],
  ['anglais', 'en'], ['français', 'fr'], ['espagnol', 'es'], ['russe', 'ru'], ['arabe', 'ar'], ['chinois', 'zh'],
  ['inglés', 'en'], ['francés', 'fr'], ['español', 'es'], ['ruso', 'ru'], ['árabe', 'ar'], ['chino', 'zh'],
  ['английский', 'en'], ['французский', 'fr'], ['испанский', 'es'], ['русский', 'ru'], ['арабский', 'ar'], ['китайский', 'zh'],
]);

const AGENDA_PATTERNS: readonly { re: RegExp; lang: Language }[] = [
  { re: /^agenda items? (.+)$/i, lang: 'en' },
  { re: /^points? (.+?) de l'ordre du jour(?: provisoire)?$/i, lang: 'fr' },
  { re: /^temas? (.+?) del programa(?: provisional)?$/i, lang: 'es' },
  { re: /^пункты? (.+?) (?:предварительной )?повестки дня$/i, lang: 'ru' },
  { re: /^(?:البند|البنود) (.+?) من جدول الأعمال/, lang: 'ar' },
  { re: /^议程项目 ?(.+)$/, lang: 'zh' },
];

const ADOPTED_PATTERNS: readonly { re: RegExp; lang: Language }[] = [
  { re: /^resolution adopted by (?:the )?(.+?)(?: on (\d.+))?$/i, lang: 'en' },
  { re: /^résolution adoptée par (?:l'|le |la )?(.+?)(?: le (\d.+))?$/i, lang: 'fr' },
  { re: /^resolución aprobada por (?:la |el )?(.+?)(?: el (\d.+))?$/i, lang: 'es' },
  { re: /^резолюция,? принятая (\S+ \S+)(?: (\d.+))?$/i, lang: 'ru' },
  { re: /^قرار اتخذ(?:ته|ها) (.+?)(?: في (.+))?$/, lang: 'ar' },
  { re: /^(.*?)(大会|安全理事会|经济及社会理事会|人权理事会)通过的决议$/, lang: 'zh' },
];

/** The enacting formula or a body-like sentence, which a draft's title never is. */
const FORMULA_START = /^(?:the general assembly\b|l'assemblée générale\b|la asamblea general\b)/i;

/** Organ names of the masthead line and of "adopted by", in the six languages, normalised. */
const ORGAN_NAMES: readonly { key: string; organ: Organ; lang: Language }[] = (() => {
  const out: { key: string; organ: Organ; lang: Language }[] = [];
  for (const lang of ALL_LANGS) {
    for (const organ of ['ga', 'sc', 'ecosoc', 'hrc'] as const) out.push({ key: norm(mastheadWords(lang, organ).organ), organ, lang });
  }
  // Forms after "adopted by" in Russian (instrumental) and French/Spanish without article.
  out.push({ key: 'генеральной ассамблеей', organ: 'ga', lang: 'ru' });
  out.push({ key: 'советом безопасности', organ: 'sc', lang: 'ru' });
  return out;
})();

const COMMITTEES: readonly { key: string; organ: Organ; lang: Language }[] = (() => {
  const out: { key: string; organ: Organ; lang: Language }[] = [];
  for (const lang of ALL_LANGS) {
    for (let c = 1; c <= 6; c++) {
      const organ = `ga-c${c}` as Organ;
      out.push({ key: norm(mastheadWords(lang, organ).committee), organ, lang });
    }
  }
  out.push({ key: 'special political and decolonization committee (fourth committee)', organ: 'ga-c4', lang: 'en' });
  out.push({ key: 'special political and decolonization committee', organ: 'ga-c4', lang: 'en' });
  out.push({ key: '(fourth committee)', organ: 'ga-c4', lang: 'en' });
  out.push({ key: 'fourth committee', organ: 'ga-c4', lang: 'en' });
  return out;
})();

function organName(s: string): { organ: Organ; lang: Language } | null {
  const k = norm(s).replace(/^(?:the|l'|le|la|el)\s*/, '');
  for (const o of ORGAN_NAMES) if (o.key === k) return o;
  return null;
}

/** A date, also when a footnote mark follows it ("17 May 1946 21"). */
function dateWithMark(s: string): string | null {
  return parseDate(s) ?? parseDate(s.replace(/(?<!\s)\s+\d{1,3}\/?\s*$/, ''));
}

/** Agenda item numbers as printed: "13 and 117" → ["13", "117"]; "18 (l)" → ["18 (l)"]. */
function agendaNumbers(s: string): string[] {
  return (s.match(/\d{1,4}(?:\s*\([a-z]{1,3}\))?/g) ?? []).map((x) => x.replace(/(?<!\s)\s*\(/, ' ('));
}

/** The symbol written on a masthead line, if any. */
function symbolOnLine(line: string): string | null {
  const m = RE_SYMBOL_TOKEN.exec(line);
  if (!m) return null;
  const p = parseSymbol(m[1]!.replace(/(?<!\*)\*+$/, ''));
  return p ? p.symbol : null;
}

// ---------------------------------------------------------------------------------------------
// The front matter

/** What the masthead told, with hints for deciding the language. */
export interface MastheadInfo {
  /** Fields found (anything not found is absent). */
  meta: Partial<FrontMatter>;
  /** Votes for the document's language from fixed wording (masthead words, job number letter). */
  votes: Map<Language, number>;
  /** The lines of the title, for recognising it as a running head. */
  titleLines: string[];
  /** Paragraphs above the formula that read like body text (old SC "Whereas…"), in order. */
  bodyLines: string[];
  /** Whether a Security Council heading ("Resolution 242 (1967)") was found. */
  scHeading: boolean;
  /** Number of lines recognised as masthead wording. */
  recognised: number;
  /** Index of the line after the last one recognised as masthead wording (0 when none). */
  end: number;
  /**
   * Reference marks printed on the sponsor or bureau line ("*" after the colon refers to the
   * sponsor note; "**" after "draft decision"), in order; empty when none.
   */
  sponsorMarks: string[];
}

function vote(votes: Map<Language, number>, lang: Language, w = 1): void {
  votes.set(lang, (votes.get(lang) ?? 0) + w);
}

/** Splits agenda-title lines into one title per item: by blank lines, else at lines starting with a capital. */
function distributeAgendaTitles(numbers: string[], groups: string[][]): AgendaItem[] {
  let titles = groups.filter((g) => g.length > 0).map((g) => g.join(' '));
  if (numbers.length > 1 && titles.length === 1 && groups.length >= 1) {
    const lines = groups.find((g) => g.length > 0) ?? [];
    const parts: string[][] = [];
    for (const l of lines) {
      if (parts.length === 0 || (/^\p{Lu}/u.test(l) && parts.length < numbers.length)) parts.push([l]);
      else parts[parts.length - 1]!.push(l);
    }
    if (parts.length === numbers.length) titles = parts.map((p) => p.join(' '));
  }
  if (titles.length > numbers.length && numbers.length > 0) {
    titles = [...titles.slice(0, numbers.length - 1), titles.slice(numbers.length - 1).join(' ')];
  }
  return numbers.map((number, i) => ({ number, title: (titles[i] ?? '').replace(/\s+/g, ' ').trim() }));
}

/**
 * Reads the front matter from the lines above the enacting formula (or above the first
 * paragraph). Blank lines separate groups (agenda item titles); PAGE lines are ignored.
 */
export function parseMasthead(lines: readonly string[]): MastheadInfo {
  const meta: Partial<FrontMatter> = {};
  const votes = new Map<Language, number>();
  const titleLines: string[] = [];
  const other: { line: string; at: number; group: number }[] = [];
  let recognised = 0;
  let scHeading = false;
  let agenda: string[] | null = null;
  let agendaGroups: string[][] = [];
  let state: 'none' | 'agenda' | 'title' | 'basis' | 'distr' | 'adopted' | 'scOf' | 'scAdopted' | 'sponsors' | 'draftTitle' = 'none';
  const sponsorMarks: string[] = [];
  let basis = '';
  let group = 0;
  let lastRecognised = -1;
  const ls = lines.map((l) => (l === PAGE ? '' : squeeze(plain(l))));
  for (let i = 0; i < ls.length; i++) {
    const line = ls[i]!;
    if (line === '') {
      group++;
      if (state === 'agenda') agendaGroups.push([]);
      // A date may stand after a blank line ("Resolution 231 (1966)" / "" / "of 15 December 1966").
      if (state === 'title' || state === 'distr') state = 'none';
      if (state === 'sponsors') state = 'draftTitle';
      continue;
    }
    const low = norm(line);
    const mark = (): void => {
      recognised++;
      lastRecognised = i;
    };
    // Continuations first.
    if (state === 'basis') {
      basis += ' ' + line;
      mark();
      if (line.endsWith(']')) state = 'none';
      continue;
    }
    if (state === 'distr') {
      const d = parseDate(line);
      if (d) {
        meta.issueDate = d;
        mark();
        state = 'none';
        continue;
      }
    }
    if (state === 'adopted' || state === 'scOf' || state === 'scAdopted') {
      const on = RE_ON_DATE.exec(line) ?? RE_SC_OF.exec(line);
      const d = dateWithMark(on ? on[1]! : line);
      if (d) {
        meta.adoptionDate = d;
        mark();
        state = 'none';
        continue;
      }
    }
    // The title runs on until a blank line.
    if (state === 'title') {
      meta.title += ' ' + line;
      titleLines.push(line);
      mark();
      continue;
    }
    if (state === 'sponsors' && meta.bureauLine) {
      meta.bureauLine += ' ' + line;
      mark();
      continue;
    }
    // A draft's title is the first group after its sponsor or bureau line.
    if (state === 'draftTitle' && !meta.title && !FORMULA_START.test(line)) {
      meta.title = line.replace(/^\s+/, '');
      titleLines.push(line);
      state = 'title';
      mark();
      continue;
    }
    // The sponsor line, which may run over many lines ("Albania, Australia, … and Uruguay: draft resolution").
    // Not the first line after "Agenda item 70": that is the item's title.
    const agendaTitleDue = state === 'agenda' && agendaGroups.every((g) => g.length === 0);
    const spl = agendaTitleDue ? null : sponsorLineAt(ls, i);
    if (spl) {
      meta.sponsors = spl.line.sponsors;
      const end = spl.line.end;
      if (!/^(?:revised )?draft resolution$/i.test(end)) meta.sponsorLineEnd = end;
      if (/^revised\b/i.test(end)) meta.kind = 'revision';
      else if (!meta.kind) meta.kind = 'draft';
      for (const mk of [spl.line.sponsorMark, spl.line.endMark]) if (mk) sponsorMarks.push(mk);
      recognised += spl.last - i + 1;
      lastRecognised = spl.last;
      i = spl.last;
      state = 'draftTitle';
      continue;
    }
    // Fixed wording.
    const sym = symbolOnLine(line);
    // "United Nations" alone or beside the symbol; not a title that opens with the words
    // ("United Nations regional centres for peace and disarmament", 78/60's agenda item).
    const unRest = RE_UN.test(low) ? low.replace(RE_UN, '').trim() : null;
    if (unRest !== null && (unRest === '' || (sym !== null && unRest.length <= sym.length + 2))) {
      for (const lang of ALL_LANGS) if (RE_UN.test(norm(mastheadWords(lang, 'ga').unitedNations)) && low.startsWith(norm(mastheadWords(lang, 'ga').unitedNations))) vote(votes, lang);
      if (sym && !meta.symbol) meta.symbol = sym;
      mark();
      state = 'none';
      continue;
    }
    const job = RE_JOB_LINE.exec(line);
    if (job) {
      vote(votes, JOB_LANG[job[1]!]!, 3);
      mark();
      continue;
    }
    if (RE_BARCODE.test(line) || /^please recycle/i.test(line)) {
      mark();
      continue;
    }
    if (sym && (line.replace(/(?<!\*)\*+$/, '').trim().length <= sym.length + 2 || /^(?:[A-Z]\s+)?[A-Z]\/\S/.test(line))) {
      if (!meta.symbol) meta.symbol = sym;
      mark();
      continue;
    }
    // "Distr.: General", also after the organ's name on the same line ("Security Council Distr.: General").
    const at = low.search(/(?:^|\s)distr\b/);
    const dm = at >= 0 ? RE_DISTR.exec(low.slice(at).trim()) : null;
    if (dm && at > 0) {
      const o = organName(line.slice(0, at));
      if (o) {
        vote(votes, o.lang);
        if (!meta.organ) meta.organ = o.organ;
      }
    }
    if (dm) {
      const w = dm[1]!;
      if (/limit|restrict/.test(w)) meta.kind = 'draft';
      if (/^(?:générale|limitée)/.test(w)) vote(votes, 'fr');
      else if (/^(?:general|limitada|reservada)\b/.test(w) && !/distr\.?\s*:/i.test(line) && /distr\.?\s+(?:general|limitada|reservada)\b/.test(low)) vote(votes, 'es');
      const rest = line.slice(line.search(/distr/i)).replace(/^distr\.?\s*:?\s*\S*\s*/i, '');
      const d = rest ? parseDate(rest) : null;
      if (d) meta.issueDate = d;
      else state = 'distr';
      mark();
      continue;
    }
    const og = RE_ORIGINAL.exec(low);
    if (og) {
      const l = LANGUAGE_NAMES.get(og[1]!.trim().split(/\s+/)[0]!);
      if (l) meta.originalLanguage = l;
      mark();
      continue;
    }
    const on = organName(line);
    if (on) {
      vote(votes, on.lang);
      if (!meta.organ) meta.organ = on.organ;
      mark();
      state = 'none';
      continue;
    }
    const ses = parseSessionLine(line);
    if (ses) {
      meta.session = ses.session;
      vote(votes, ses.lang);
      mark();
      state = 'none';
      continue;
    }
    let matched = false;
    for (const a of AGENDA_PATTERNS) {
      const m = a.re.exec(line);
      if (!m) continue;
      agenda = agendaNumbers(m[1]!);
      agendaGroups = [[]];
      vote(votes, a.lang);
      state = 'agenda';
      matched = true;
      mark();
      break;
    }
    if (matched) continue;
    const cm = COMMITTEES.find((c) => c.key === low);
    if (cm) {
      meta.organ = cm.organ;
      vote(votes, cm.lang);
      mark();
      state = 'none';
      continue;
    }
    for (const a of ADOPTED_PATTERNS) {
      const m = a.re.exec(line);
      if (!m) continue;
      meta.kind = 'resolution';
      vote(votes, a.lang, 2);
      if (a.lang === 'zh') {
        const o = organName(m[2]!);
        if (o && !meta.organ) meta.organ = o.organ;
        const d = m[1] ? parseDate(m[1]) : null;
        if (d) meta.adoptionDate = d;
        state = d ? 'none' : 'adopted';
      } else {
        const o = organName(m[1]!);
        if (o && !meta.organ) meta.organ = o.organ;
        const d = m[2] ? parseDate(m[2]) : null;
        if (d) meta.adoptionDate = d;
        state = d ? 'none' : 'adopted';
      }
      matched = true;
      mark();
      break;
    }
    if (matched) continue;
    if (line.startsWith('[')) {
      basis = line;
      state = line.endsWith(']') ? 'none' : 'basis';
      mark();
      continue;
    }
    const sc1 = RE_SC_HEAD1.exec(line) ?? RE_SC_HEAD2.exec(line);
    if (sc1) {
      scHeading = true;
      const sy = sc1[2] ? parseSymbol(`S/RES/${Number(sc1[1])} (${sc1[2]})`) : null;
      if (sy && !meta.symbol) meta.symbol = sy.symbol;
      meta.organ = 'sc';
      meta.kind = 'resolution';
      vote(votes, 'en');
      const d = sc1[3] ? dateWithMark(sc1[3]) : null;
      if (d) meta.adoptionDate = d;
      state = d ? 'none' : 'scOf';
      mark();
      continue;
    }
    // "Adopted by the Security Council at its / 3119th meeting, on …" may run over three lines.
    let scLine = line;
    if (/^adopted by the security council\b/i.test(line) && !RE_SC_ADOPTED.test(line)) {
      for (let k = i + 1; k < Math.min(ls.length, i + 3) && ls[k] !== ''; k++) {
        scLine += ' ' + ls[k]!;
        if (RE_SC_ADOPTED.test(scLine)) {
          i = k;
          break;
        }
      }
    }
    const sca = RE_SC_ADOPTED.exec(scLine);
    if (sca) {
      scHeading = true;
      meta.organ = 'sc';
      meta.kind = 'resolution';
      meta.meeting = `${sca[1]!.replace(/\s+/g, '')} meeting`;
      const d = sca[2] ? parseDate(sca[2]) : null;
      if (d) meta.adoptionDate = d;
      state = d ? 'none' : 'scAdopted';
      mark();
      continue;
    }
    const tn = RE_TITLE_NUM.exec(line);
    if (tn && !meta.title) {
      const num = tn[1]! + (tn[2] ? ` ${tn[2]}` : '');
      meta.title = tn[3]!;
      titleLines.push(tn[3]!);
      if (!meta.symbol) {
        const sy = parseSymbol(`A/RES/${num}`);
        if (sy) meta.symbol = sy.symbol;
      }
      state = 'title';
      mark();
      continue;
    }
    if (RE_BUREAU_LINE.test(line.replace(/(?<!\*)\*+$/, ''))) {
      const star = /(?<!\*)(\*+)$/.exec(line);
      if (star) sponsorMarks.push(star[1]!);
      meta.bureauLine = line.replace(/(?:(?<!\s)\s+|(?<![\s*]))\*+$/, '');
      if (!meta.kind) meta.kind = 'draft';
      state = 'sponsors';
      mark();
      continue;
    }
    if (state === 'agenda') {
      agendaGroups[agendaGroups.length - 1]!.push(line);
      mark();
      continue;
    }
    if (sym && !meta.symbol) {
      meta.symbol = sym;
      mark();
      continue;
    }
    other.push({ line, at: i, group });
  }
  if (agenda) meta.agendaItems = distributeAgendaTitles(agenda, agendaGroups);
  if (basis) meta.basis = basis.replace(/^\[\s*/, '').replace(/(?<!\s)\s*\]$/, '').replace(/\s+/g, ' ').trim();
  if (meta.title) meta.title = meta.title.replace(/\s+/g, ' ').replace(/(?:(?<!\s)\s+|(?<![\s*]))\*+$/, '').trim();
  // Unrecognised text: body-like paragraphs after the heading are preambular text; short lines
  // before the formula with no title yet are the title of a draft typed by hand.
  const leftovers = other.filter((o) => o.at > lastRecognised);
  // An amendment's instruction ("Delete the thirty-eighth preambular paragraph reading:") is body text too.
  const firstBody = leftovers.find((o) => (o.line.length > 90 || /[;,]$/.test(o.line) || isInstruction(o.line)) && !/^adopted\b/i.test(o.line));
  const picked = firstBody ? leftovers.filter((o) => o.at >= firstBody.at) : [];
  const bodyLines = regroup(lines, picked);
  const pickedAt = new Set(picked.map((o) => o.at));
  if (!meta.title && !scHeading && meta.organ !== 'sc') {
    const titleish = other.filter((o) => !pickedAt.has(o.at) && o.line.length < 300 && !/^(?:the|l'|la|el)\s/i.test(o.line));
    if (titleish.length > 0) {
      const g = titleish[titleish.length - 1]!.group;
      const t = titleish.filter((o) => o.group === g).map((o) => o.line);
      meta.title = t.join(' ').replace(/\s+/g, ' ').trim();
      titleLines.push(...t);
    }
  }
  return { meta, votes, titleLines, bodyLines, scHeading, recognised, end: lastRecognised + 1, sponsorMarks };
}

/** Rebuilds the body-like leftover lines, with a blank line where their groups change. */
function regroup(lines: readonly string[], picked: readonly { at: number; group: number }[]): string[] {
  const out: string[] = [];
  let g = -1;
  for (const o of picked) {
    if (g >= 0 && o.group !== g) out.push('');
    out.push(lines[o.at]!);
    g = o.group;
  }
  return out;
}

/** The document kind implied by a symbol: resolution, draft (L.) or revision (L. … /Rev.n). */
export function kindFromSymbol(symbol: string): DocumentKind | null {
  const p = parseSymbol(symbol);
  if (!p) return null;
  if (p.kind === 'resolution') return 'resolution';
  if (p.kind === 'draft') return p.revision ? 'revision' : 'draft';
  return null;
}

/** The organ implied by a symbol, or null. */
export function organFromSymbol(symbol: string): Organ | null {
  const p = parseSymbol(symbol);
  return p ? p.organ : null;
}

/** The session implied by a symbol ("A/RES/79/200" → "79"), or "". */
export function sessionFromSymbol(symbol: string): string {
  const p = parseSymbol(symbol);
  return p?.session && p.body === 'A' ? p.session : '';
}

/**
 * A symbol from a file name as the UN and the corpora write them: "A_RES_75_202.fr.md" →
 * "A/RES/75/202", "S_RES_0242_1967_EN_GOLD.txt" → "S/RES/242 (1967)"; null when none.
 */
export function symbolFromFileName(fileName: string | undefined): string | null {
  if (!fileName) return null;
  const base = (fileName.split(/[\\/]/).pop() ?? '').replace(/\.[^.]*$/, '');
  const sc = /^S_RES_0*(\d{1,4})_(\d{4})/i.exec(base);
  if (sc) return parseSymbol(`S/RES/${sc[1]} (${sc[2]})`)?.symbol ?? null;
  const ga = /^A_RES_((?:E?S-)?\d{1,3})_(\d{1,4})/i.exec(base);
  if (ga) return parseSymbol(`A/RES/${ga[1]}/${ga[2]}`)?.symbol ?? null;
  const any = base.split('.')[0]!.replace(/_/g, '/');
  return parseSymbol(any)?.symbol ?? null;
}
