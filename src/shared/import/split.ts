/**
 * From the body's lines to paragraph units: where paragraphs start (blank lines, operative numbers
 * "1.", subparagraph labels "(a)" "a)" "(i)", a line that opens with a known opening phrase after
 * a line that closed a clause, the closing meeting line, annex headings), how hard-wrapped lines
 * are joined (end-of-line hyphens), and where a paragraph interrupted by a page break or a
 * footnote block is rejoined.
 *
 * Hyphen at the end of a line ("Secretary-" + "General", "capacity-" + "building", "with-" +
 * "drawal"): the hyphen is kept, with no space, when the next word starts with a capital letter,
 * when the hyphenated compound occurs elsewhere in the document, or when the first part is a
 * prefix written with a hyphen (non-, self-, co-, well-, cross-…); it is dropped when the joined
 * word occurs elsewhere in the document, or the part after it is only a suffix (-tion, -ment,
 * -ing…). Otherwise the document decides: in typeset text where line-end hyphens are mostly
 * word breaks (old Security Council OCR: "imple-" + "mentation") it is dropped; in Word-made UN
 * PDFs, which do not hyphenate, it is kept.
 */
import { parseDate } from '../resolution/dates.js';
import { fromRoman } from '../resolution/labels.js';
import { classifyOpening } from '../resolution/lexicon.js';
import type { Language, Table } from '../resolution/model.js';
import { PAGE } from './clean.js';
import { EM_OPEN, FN_CLOSE, FN_OPEN, plain, squeeze } from './inline.js';
import { readTableLine, TABLE } from './tables.js';
import { joinAll, repairSpacedHyphens } from './hyphenation.js';
import { findFormula } from './masthead.js';
import { formatLabel, labelReadings, type ListFrame, lowerItemFollows, placeLabel, titleSinceNumber } from './list-labels.js';
import type { Vocabulary } from './vocabulary.js';

/** What a unit is. */
export type UnitKind = 'para' | 'meeting' | 'annex' | 'heading' | 'table';

/** One paragraph (or subparagraph, heading, meeting line) of the body. */
export interface Unit {
  kind: UnitKind;
  /** Operative/annex paragraph number as printed, 0 when none. */
  num: number;
  /** Subparagraph depth (1 = (a), 2 = (i)…), 0 for a paragraph. */
  depth: number;
  /** Label as printed, normalised for OCR ("(1)" read as "(i)"); "" when none. */
  label: string;
  /** Lines of text (label removed). */
  lines: string[];
  /** What stood between this unit and the previous one. */
  gap: 'none' | 'blank' | 'page';
  /** The joined text (set by {@link splitUnits}). */
  text: string;
  /** The table, for a table unit (tables.ts). */
  table?: Table;
  /**
   * A heading unit that opens one of several resolutions: `label` its letter ("B"), `lines` its
   * own title (often none); the enacting formula under it is consumed (see {@link resolutionAt}).
   */
  resolution?: boolean;
}

const RE_NUM = /^(\d{1,3})\s?\.(?:\s+|$)/;
const RE_NUM_AR = /^(\d{1,3})\s+-\s+/;
const RE_SUB_PAREN = /^\(([a-z]{1,3}|[ivxlc]{1,7}|\d{1,3})\)(?:\s+|$)/;
const RE_SUB_CLOSE = /^([a-z]{1,3}|[ivxlc]{1,7}|[\u0430-\u044f])\)(?:\s+|$)/; // а–я: Russian lettered items
const RE_SUB_DOT = /^([a-z]|[ivx]{1,5})\.(?:\s+|$)/;

const RE_MEETING: readonly RegExp[] = [
  /^\d{1,4}\s?(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?plenary meeting$/i,
  /^\d{1,4}\s?(?:e|re|er|ème)\s+(?:\(suite\)\s+)?séance plénière(?:\s+\(suite\))?$/i,
  /^\d{1,4}\s?(?:ª|a\.?)\s+sesión plenaria(?:\s+\(continuación\))?$/i,
  /^\d{1,4}(?:-?[еяй])?\s+(?:\(возобновленное\)\s+)?пленарное заседание$/i,
  /^الجلسة العامة\s+\S{1,12}$/,
  /^第\s*\d{1,4}\s*次全体会议(?:\s*\(续\))?$/,
];
const RE_SC_ADOPTED = /^Adopted\b/;
const RE_ANNEX = /^(?:annex(?:es)?|annexe|anexo|приложение|المرفق|مرفق|附件)(?:\s*(?:[IVXLC]{1,6}|\d{1,2}|[A-Z]|[一二三四五六七八九十]{1,3}))?\s*\*?$/i;
const RE_ROMAN_HEADING = /^([IVXL]{1,6})\.(?:\s+|$)/;
const RE_LETTER_HEADING = /^[A-Z]\.$/;
/** A lettered sub-heading with its title on the same line ("B. Pension Administration"). */
const RE_LETTER_TITLE = /^[A-Z]\.\s+(?=\S)/;
/**
 * A numbered commitment heading of an annexed declaration ("Action 13. We will build and sustain
 * peace.", "Objective 1. Close all digital divides…"): printed in bold between the numbered
 * paragraphs, not numbered with them. Its word and number are the heading's number, so the "13"
 * can never be taken for a footnote mark. The PDF reader may set the full stop in italics
 * (EM_OPEN, EM_CLOSE around it): the stop is the heading's punctuation either way.
 * Such a line starts a paragraph even right after the end of a clause.
 */
export const RE_ACTION_HEADING = /^(Action|Objective)\s+(\d{1,3})\uE002?\.\uE003?\s+(?=\p{Lu})/u;

const RE_CLAUSE_END = /[,;:.،؛。；，](?:\s?\d{1,3}|\uE001)?$/;
// Footnote marks after the punctuation, one digit per step ("12" is "1" then "2"): the old
// `(?:\s?\d{1,3})*` could split a run of digits in exponentially many ways (ReDoS, issue 10).
const RE_TERMINAL = /[,;:.!?،؛。；，…][”"’»)\]]*(?:\s?\d|\s?\uE000[^\uE001]*\uE001)*\s*$/;

/** True if a line (or paragraph) ends a clause: with , ; : . possibly followed by quotes and a footnote mark. */
export function endsClause(s: string): boolean {
  return RE_TERMINAL.test(s.length > 120 ? s.slice(-120) : s);
}

/** True for a meeting line: "54th plenary meeting", "48e séance plénière", "48ª sesión plenaria"… */
export function isMeetingLine(line: string): boolean {
  if (line.length > 90 || !/\d/.test(line)) return false;
  const t = squeeze(plain(line));
  if (t.length > 60) return false;
  for (const re of RE_MEETING) if (re.test(t)) return true;
  return false;
}

/** True for an annex heading: "Annex", "Annex II", "Annexe", "Anexo", "Приложение", "المرفق", "附件". */
export function isAnnexHeading(line: string): boolean {
  if (line.length > 40) return false;
  const t = squeeze(plain(line));
  return t.length <= 20 && RE_ANNEX.test(t);
}

// ---------------------------------------------------------------------------------------------
// Splitting

/** Options of {@link splitUnits}. */
export interface SplitOptions {
  lang: Language;
  vocab: Vocabulary;
}

/**
 * Splits the body's lines into units and joins each unit's lines (see the module comment), then
 * rejoins paragraphs that a page break, a footnote block or a blank line interrupted: a unit
 * without a label is appended to the previous one when it starts with a lower-case letter (and,
 * in Russian, is not a preambular participle), or when a page break came between them and the
 * previous one does not end a clause and this one does not open with a known phrase.
 */
export function splitUnits(lines: readonly string[], opts: SplitOptions): Unit[] {
  const st: SplitState = {
    lines,
    lang: opts.lang,
    caseless: opts.lang === 'ar' || opts.lang === 'zh',
    wrap: typicalWidth(lines),
    units: [],
    cur: null,
    gap: 'none',
    lastNum: 0,
    lists: [],
    nested: null,
  };
  // The rest of a formula line that also holds the first paragraph ("The General Assembly, Recalling …").
  let carried: string | null = null;
  for (let li = 0; li < lines.length; li++) {
    const raw: string = carried ?? lines[li]!;
    carried = null;
    if (raw === '' || raw === PAGE) {
      breakAt(st, raw);
      continue;
    }
    const table = readTableLine(raw);
    if (table) {
      openUnit(st, 'table', '', { table });
      closeUnit(st);
      continue;
    }
    const p = plain(raw);
    // "B" alone on its line, its own title if any, then "The General Assembly,": the next
    // resolution of the document, numbered from 1.
    const res = RE_RESOLUTION_LETTER.test(p) ? resolutionAt(lines, li) : null;
    if (res) {
      openUnit(st, 'heading', '', { label: p.trim(), resolution: true, lines: res.title });
      closeUnit(st);
      st.gap = 'blank';
      resetCounters(st);
      li = res.formula - (res.rest ? 1 : 0);
      if (res.rest) carried = res.rest;
      continue;
    }
    placeLine(st, raw, p);
  }
  closeUnit(st);

  for (const u of st.units) u.text = joinUnitLines(u.lines, opts.vocab);
  return rejoin(st.units, opts);
}

/**
 * The state of one {@link splitUnits} run. Its helpers below are module functions taking this
 * one object (always built with the same fields in the same order), not closures made afresh
 * on every call: V8 then keeps one optimised version of each instead of deoptimising splitUnits
 * again and again ("wrong call target" on closures recreated per call, issue 14).
 */
interface SplitState {
  readonly lines: readonly string[];
  readonly lang: Language;
  /** Arabic and Chinese have no capitals: every start counts as one. */
  readonly caseless: boolean;
  /** Typical line width, for telling a paragraph's last (short) line from a wrapped one. */
  readonly wrap: number;
  readonly units: Unit[];
  /** The unit being filled, null between units. */
  cur: Unit | null;
  /** What stood before the next unit to open. */
  gap: Unit['gap'];
  /** The last operative (or annex) paragraph number. */
  lastNum: number;
  /** The open subparagraph lists, outermost first. */
  lists: ListFrame[];
  /** A numbered list inside a paragraph ("1. Opening of the Congress."). */
  nested: { last: number; depth: number } | null;
}

/** The line length 80 % of the text lines do not exceed (80 when there are none). */
function typicalWidth(lines: readonly string[]): number {
  // (A typed array sorts numbers without a comparator call per step.)
  const lengths = new Int32Array(lines.length);
  let nl = 0;
  for (const l of lines) if (l !== '' && l !== PAGE && !l.startsWith(TABLE)) lengths[nl++] = l.length;
  const sorted = lengths.subarray(0, nl).sort();
  return nl ? sorted[Math.floor(nl * 0.8)]! : 80;
}

function closeUnit(st: SplitState): void {
  if (st.cur) st.units.push(st.cur);
  st.cur = null;
}

function openUnit(st: SplitState, kind: UnitKind, first: string, extra?: Partial<Unit>): Unit {
  closeUnit(st);
  const u: Unit = { kind, num: 0, depth: 0, label: '', lines: first ? [first] : [], gap: st.gap, text: '', ...extra };
  st.gap = 'none';
  st.cur = u;
  return u;
}

/** A new resolution or annex: numbering and lists start again. */
function resetCounters(st: SplitState): void {
  st.lastNum = 0;
  st.lists = [];
  st.nested = null;
}

function startsUpper(st: SplitState, s: string): boolean {
  if (st.caseless || s.startsWith(EM_OPEN)) return true;
  let i = 0;
  while (i < s.length && ' "“‘«(\uE002\uE003'.includes(s[i]!)) i++;
  if (i >= s.length) return true;
  const ch = s[i]!;
  if (ch === FN_OPEN) return true;
  if (ch >= 'A' && ch <= 'Z') return true;
  if (ch >= '0' && ch <= '9') return true;
  if (ch < '\u00c0') return false;
  return /\p{Lu}/u.test(ch) || (st.lang === 'ru' && /\p{L}/u.test(ch));
}

/** A blank line or a page break: remembered as the next unit's gap; it ends the unit, except a meeting line's (its date may follow). */
function breakAt(st: SplitState, raw: string): void {
  if (raw === PAGE) st.gap = 'page';
  else if (st.gap === 'none') st.gap = 'blank';
  const k = st.cur;
  if (k && (k.kind !== 'meeting' || raw === PAGE)) closeUnit(st);
}

/** Places one text line (`p` its plain text): on the current unit, or as the first line of a new one. */
function placeLine(st: SplitState, line: string, p: string): void {
  // Continuations of a meeting line (its date, the rest of "Adopted unanimously at the / 1382nd meeting.").
  const m0 = st.cur;
  if (m0 && m0.kind === 'meeting') {
    if (continuesMeeting(m0, st.gap, p)) {
      m0.lines.push(line);
      st.gap = 'none';
      return;
    }
    closeUnit(st);
  }
  // Continuations of a section heading: its title under a bare "I.", or a wrapped title.
  const h0 = st.cur;
  if (h0 && h0.kind === 'heading') {
    if (continuesHeading(h0, st.gap, p, st.lang)) {
      h0.lines.push(line);
      return;
    }
    closeUnit(st);
  }
  const c = st.cur;
  const prev = c && c.lines.length ? c.lines[c.lines.length - 1]! : '';
  const boundary = c === null || st.gap !== 'none' || c.lines.length === 0 || endsClause(prev);

  if (opensMeeting(st, p, prev)) {
    openUnit(st, 'meeting', line);
    return;
  }
  if (boundary && isAnnexHeading(p)) {
    openUnit(st, 'annex', line);
    closeUnit(st);
    resetCounters(st);
    return;
  }
  if (boundary && isSectionHeading(st, p)) {
    openUnit(st, 'heading', line);
    return;
  }
  if ((boundary || titleAbove(st, p, prev)) && openNumbered(st, line, p, prev)) return;
  if (openSubparagraph(st, line, p, boundary, prev)) return;
  placeUnlabelled(st, line, p, prev);
}

/** True when `p` goes on meeting unit `m0`: its date, or the rest of a Security Council "Adopted …" line up to its full stop. */
function continuesMeeting(m0: Unit, gap: Unit['gap'], p: string): boolean {
  if (m0.lines.length < 3 && p.length < 60 && parseDate(p) !== null) return true;
  if (gap !== 'none' || m0.lines.length >= 4) return false;
  // "Adopted at the 942nd meeting / by 9 votes to none, with 2 abstentions (…)." runs to its full stop.
  return RE_SC_ADOPTED.test(plain(m0.lines[0]!)) && !/\.\s*(?:\d{1,3}\/?)?$/.test(plain(m0.lines[m0.lines.length - 1]!).trim());
}

/** True when `p` goes on heading unit `h0`: its title under a bare "I.", or a wrapped title. */
function continuesHeading(h0: Unit, gap: Unit['gap'], p: string, lang: Language): boolean {
  if (gap !== 'none' || h0.lines.length >= 6 || RE_NUM.test(p)) return false;
  const last = h0.lines[h0.lines.length - 1]!;
  if (h0.lines.length === 1 && /^(?:[IVXL]{1,6}\.?|[A-Z]\.)$/.test(plain(last).trim())) return true;
  // A wrapped title: no clause end before, and the line is not a paragraph of its own.
  return !endsClause(last) && !RE_SUB_PAREN.test(p) && classifyOpening(p.slice(0, 200), lang) === null;
}

/** True for a meeting line, or a Security Council "Adopted … at its 1382nd meeting" line where a paragraph may start. */
function opensMeeting(st: SplitState, p: string, prev: string): boolean {
  if (isMeetingLine(p)) return true;
  return (
    (st.gap !== 'none' || st.cur === null || /\.\s*(?:\d{1,3}\/?)?$/.test(plain(prev))) &&
    RE_SC_ADOPTED.test(p) &&
    /\bmeeting\b|\bat (?:the|its)\s*$|\b\d+\s?(?:st|nd|rd|th)\s*$/i.test(p) &&
    p.length < 160
  );
}

/** Roman-numeral section headings ("I.", "II. Peace and security") and lettered ones ("A."), at a boundary. */
function isSectionHeading(st: SplitState, p: string): boolean {
  // A numeral alone on its line, with or without its full stop ("II." above "International
  // peace and security"): the stop must not make it read as the end of a clause.
  const pt = p.trim();
  if (/^[IVXL]{1,6}\.?$/.test(pt) && fromRoman(pt.replace(/\.$/, '')) !== null) return true;
  const rh = RE_ROMAN_HEADING.exec(p);
  if (rh && fromRoman(rh[1]!) !== null && p.length < Math.max(160, Math.min(300, st.wrap * 0.9)) && !endsClause(p) && startsUpper(st, p.slice(rh[0].length))) return true;
  return RE_LETTER_HEADING.test(pt) || isLetterTitle(p, st.wrap, st.lang);
}

/** The operative (or annex) paragraph number `p` opens with, null when none. */
function readNumber(st: SplitState, p: string): RegExpExecArray | null {
  const nm = RE_NUM.exec(p) ?? (st.lang === 'ar' ? RE_NUM_AR.exec(p) : null);
  if (nm) return nm;
  // OCR: "4, Calls upon" for "4.", "S. Decides" for "5.": only the expected number before an operative verb.
  const o = /^(\d{1,3}|S)\s?[.,]\s+/.exec(p);
  if (o && (o[1] === 'S' ? 5 : Number(o[1])) === st.lastNum + 1 && classifyOpening(p.slice(o[0].length, o[0].length + 200), st.lang)?.kind === 'op') {
    return [o[0], String(st.lastNum + 1)] as unknown as RegExpExecArray;
  }
  return null;
}

/** Opens a numbered paragraph (or an item of a numbered list inside one) at a boundary; false when `p` is not one. */
function openNumbered(st: SplitState, line: string, p: string, prev: string): boolean {
  const nm = readNumber(st, p);
  if (!nm || !startsUpper(st, p.slice(nm[0].length))) return false;
  const n = Number(nm[1]);
  const nested = st.nested;
  if (nested && n === nested.last + 1 && n !== st.lastNum + 1) {
    // The next item of a numbered list inside a paragraph ("1. Opening of the Congress.").
    nested.last = n;
    openUnit(st, 'para', stripPrefix(line, nm[0].length), { depth: nested.depth, label: `${n}.` });
    return true;
  }
  if (n === 1 && st.lastNum > 0 && /:\s*(?:\uE000[^\uE001]*\uE001)?$/.test(prevTextOf(st, prev)) && !titleSinceNumber(st.units)) {
    const depth = Math.min(4, st.lists.length + 1);
    st.nested = { last: 1, depth };
    openUnit(st, 'para', stripPrefix(line, nm[0].length), { depth, label: '1.' });
    return true;
  }
  const inSeq = n === st.lastNum + 1 || (n > st.lastNum && n <= st.lastNum + 3) || (n === 1 && (st.gap !== 'none' || endsClause(prev)));
  if (!inSeq) return false;
  openUnit(st, 'para', stripPrefix(line, nm[0].length), { num: n });
  st.lastNum = n;
  st.lists = [];
  st.nested = null;
  return true;
}

/**
 * A short title line right above the next paragraph number ("Conserving the ocean and its
 * ecosystems" / "6.", A/RES/79/314): the number opens the paragraph, the title stays a line of its own.
 */
function titleAbove(st: SplitState, p: string, prev: string): boolean {
  const c = st.cur;
  if (c === null || c.kind !== 'para' || c.num !== 0 || c.depth !== 0 || c.lines.length !== 1) return false;
  const nm = readNumber(st, p);
  const t = plain(prev);
  return nm !== null && Number(nm[1]) === st.lastNum + 1 && t.trim().length < 100 && !endsClause(prev) && startsUpper(st, t);
}

/** The text a new line would follow: the current unit's last line, or the last unit's across a blank line. */
function prevTextOf(st: SplitState, prev: string): string {
  if (prev) return prev;
  const units = st.units;
  return units.length ? (units[units.length - 1]!.lines[units[units.length - 1]!.lines.length - 1] ?? '') : '';
}

/** Opens a subparagraph at its label ("(a)", "a)", "(i)", "a."); false when `p` has none that fits the open lists. */
function openSubparagraph(st: SplitState, line: string, p: string, boundary: boolean, prev: string): boolean {
  const sm = RE_SUB_PAREN.exec(p) ?? RE_SUB_CLOSE.exec(p) ?? RE_SUB_DOT.exec(p);
  if (!sm) return false;
  const style: ListFrame['style'] = p.startsWith('(') ? 'paren' : sm[0].trimEnd().endsWith(')') ? 'close' : 'dot';
  const rest = p.slice(sm[0].length);
  const readings = labelReadings(sm[1]!);
  const labelOnly = rest.trim() === '';
  // An item opening with a lower-case word ("(i) the general nature of the goods;"): where a list is introduced or goes on.
  // It starts a new list only as a paragraph of its own (after a blank line); on the line below
  // a colon it is the text's own enumeration ("on: (i) modalities …; (ii) …", A/RES/79/237).
  const sibling = st.lists.some((f) => readings.some((r) => r.counter === f.counter && r.index === f.last + 1));
  const lower = !labelOnly && !startsUpper(st, rest) && (st.gap !== 'none' || sibling) && lowerItemFollows(plain(prevTextOf(st, prev)));
  if (readings.length === 0 || !(labelOnly || lower || startsUpper(st, rest)) || !(boundary || labelOnly || lower)) return false;
  const placed = placeLabel(st.lists, readings, style, labelOnly, prev);
  if (!placed) return false;
  const u = openUnit(st, 'para', stripPrefix(line, sm[0].length), { depth: placed.depth });
  placed.frame.items.push({ unit: u, raw: sm[1]!, index: placed.index });
  for (const it of placed.converted ? placed.frame.items : [placed.frame.items[placed.frame.items.length - 1]!]) {
    it.unit.label = formatLabel(placed.frame.style, placed.frame.counter, it.index, it.raw);
  }
  return true;
}

/** A line without a label: a new paragraph after a gap or where a known opening phrase follows a closed clause, else the current unit's next line. */
function placeUnlabelled(st: SplitState, line: string, p: string, prev: string): void {
  const c = st.cur;
  if (c === null || st.gap !== 'none') {
    openUnit(st, 'para', line);
    return;
  }
  if (c.lines.length > 0 && RE_CLAUSE_END.test(plain(prev))) {
    if (RE_ACTION_HEADING.test(p)) {
      openUnit(st, 'para', line);
      return;
    }
    if (startsUpper(st, p) && !/^["“‘«]/.test(p)) {
      const cls = /^\p{Lu}/u.test(p) || st.lang === 'ru' || st.caseless ? classifyOpening(p.slice(0, 200), st.lang) : null;
      if (!cls && colonInTitle(c, p, st.lang)) {
        c.lines.push(line);
        return;
      }
      // A short line ends a paragraph only after a full one: where the lines before it are short
      // too, the text layer sets one word per line ("Strengthen" / "North-South" / "cooperation,"
      // / "South-South"), and a capital there continues the paragraph.
      const beforePrev = c.lines.length > 1 ? plain(c.lines[c.lines.length - 2]!).length : st.wrap;
      if (cls || (plain(prev).length < st.wrap * 0.6 && beforePrev >= st.wrap * 0.6 && /^\p{Lu}/u.test(p) && c.kind === 'para')) {
        openUnit(st, 'para', line);
        return;
      }
    }
  }
  c.lines.push(line);
}

const RE_RESOLUTION_LETTER = /^\s*[A-Z]\s*$/;

/**
 * Where resolution letter line `at` ("A", "B" alone: lettered resolutions of one document, UN
 * practice) is followed, across blank lines and page breaks, by at most three lines of its own
 * title and then an enacting formula line; null when it is not (a letter alone elsewhere is left
 * to the other rules). `formula` is the formula line's index, `rest` the text after the formula
 * on that line ("" when the line holds only the formula), `title` the title lines.
 */
export function resolutionAt(lines: readonly string[], at: number): { title: string[]; formula: number; rest: string } | null {
  const title: string[] = [];
  for (let j = at + 1; j < lines.length && j <= at + 12; j++) {
    const l = lines[j]!;
    if (l === '' || l === PAGE) continue;
    const f = findFormula([l], 1);
    if (f) return { title, formula: j, rest: f.rest };
    const t = plain(l).trim();
    // A title is short and closes no clause; a paragraph means there is no formula here.
    if (title.length >= 3 || t.length > 200 || endsClause(t) || readTableLine(l)) return null;
    title.push(l);
  }
  return null;
}

/**
 * True when `p` goes on a title whose line ended with a colon ("Section 11" / "United Nations
 * system support for the African Union’s Agenda 2063:" / "The Africa We Want"): the unit stands
 * apart (after a blank line), has no label, its lines are short and close no clause before the
 * colon, it does not open like a paragraph, and `p` is short and closes no clause either.
 */
function colonInTitle(c: Unit, p: string, lang: Language): boolean {
  if (c.kind !== 'para' || c.gap === 'none' || c.num !== 0 || c.depth !== 0 || c.label || c.lines.length > 4) return false;
  const ls = c.lines.map((l) => plain(l).trim());
  if (!/:$/.test(ls[ls.length - 1]!) || ls.some((l) => l.length > 100) || ls.slice(0, -1).some(endsClause)) return false;
  if (!/^\p{Lu}/u.test(ls[0]!) || classifyOpening(ls.join(' ').slice(0, 200), lang) !== null) return false;
  return p.length <= 100 && !endsClause(p) && /^\p{Lu}/u.test(p);
}

/**
 * "A. Regional cooperation": a capital, a full stop and a title on one line. Not a sentence
 * that happens to start so ("A. Smith said …"): the title is short (shorter than a full line of
 * the text, and than 160 characters, 300 where paragraphs stand on one line each), opens with a capital, closes no clause, and does not open
 * with a phrase of a paragraph.
 */
function isLetterTitle(p: string, wrap: number, lang: Language): boolean {
  const m = RE_LETTER_TITLE.exec(p);
  if (!m) return false;
  const title = p.slice(m[0].length);
  // Text with a line per paragraph (HTML, Word) has long lines; its headings may run long too.
  if (p.length >= Math.max(160, Math.min(300, wrap * 0.9)) || p.length > Math.max(60, wrap * 0.9) || endsClause(p)) return false;
  if (!/^["“‘«(]*\p{Lu}/u.test(title) && lang !== 'ar' && lang !== 'zh') return false;
  // Initials ("A. B. Smith") are a name, not a heading.
  if (/^\p{Lu}\.(?:\s|$)/u.test(title)) return false;
  return classifyOpening(title.slice(0, 200), lang) === null;
}

function stripPrefix(line: string, len: number): string {
  // `len` counts plain characters; sentinels before the label are rare (an em mark), keep them.
  let i = 0;
  let seen = 0;
  let lead = '';
  while (i < line.length && seen < len) {
    const cc = line.charCodeAt(i);
    if (cc >= 0xe000 && cc <= 0xe00f) {
      if (line[i] === FN_OPEN) {
        const e = line.indexOf(FN_CLOSE, i);
        i = e < 0 ? line.length : e + 1;
        continue;
      }
      lead += line[i];
      i++;
      continue;
    }
    seen++;
    i++;
  }
  return (lead + line.slice(i)).trim();
}

function joinUnitLines(lines: readonly string[], vocab: Vocabulary): string {
  const clean = lines.map((l) => (l.includes('  ') ? l.replace(/\s+/g, ' ').trim() : l.trim()));
  return repairSpacedHyphens(joinAll(clean, vocab), vocab);
}

/** Merges units interrupted by page breaks, footnote blocks or stray blank lines (see splitUnits). */
function rejoin(units: Unit[], opts: SplitOptions): Unit[] {
  const out: Unit[] = [];
  // Texts merged into each output unit, joined at the end (linear however many merges).
  const pieces: string[][] = [];
  for (const u of units) {
    const p = out[out.length - 1];
    const pp = pieces[pieces.length - 1];
    const pText = pp ? pp[pp.length - 1]! : '';
    // A bare section number ("II") and its title, separated by blank lines.
    if (p && pp && p.kind === 'heading' && pp.length === 1 && /^(?:[IVXL]{1,6}\.?|[A-Z]\.)$/.test(plain(p.text).trim()) && u.kind === 'para' && u.num === 0 && u.depth === 0 && !endsClause(u.text) && u.text.length < 400) {
      pp.push(u.text);
      p.lines.push(...u.lines);
      continue;
    }
    if (p && pp && p.kind === 'para' && u.kind === 'para' && u.num === 0 && u.depth === 0 && u.gap !== 'none') {
      const t = plain(u.text.length > 300 ? u.text.slice(0, 300) : u.text).replace(/^[\s"“‘«(]+/, '');
      const lowerStart = /^\p{Ll}/u.test(t) && !(opts.lang === 'ru' && classifyOpening(t.slice(0, 200), 'ru'));
      const prevOpen = !endsClause(pText);
      const phrase = classifyOpening(t.slice(0, 200), opts.lang) !== null;
      // A lower-case start continues the paragraph across a page break, or after text that did
      // not close a clause; after a closed clause and a blank line it is text after a list.
      // A paragraph that a page break cut after a comma (a list of resolutions or instruments,
      // "… 76/237 of 24 December 2021," / "76/268 of 10 June 2022 …") runs on unless the next
      // text opens like a paragraph of its own: every preambular paragraph opens with a phrase.
      // A capitalised participle ("Confirming …") opens a paragraph the lexicon does not know.
      // Footnote marks one digit per step: "(?:\s?\d{1,3})*" would split a run of digits in
      // exponentially many ways (issue 10).
      const commaCut = u.gap === 'page' && /,(?:\s?\d|\s?\uE000[^\uE001]*\uE001)*\s*$/.test(pText) && !/^\p{Lu}\p{Ll}+(?:ing|ed)\b/u.test(t);
      if ((lowerStart && (u.gap === 'page' || prevOpen)) || ((prevOpen || commaCut) && (u.gap === 'page' || /\p{L}-$/u.test(pText)) && !phrase)) {
        pp.push(u.text);
        p.lines.push(...u.lines);
        continue;
      }
    }
    out.push(u);
    pieces.push([u.text]);
  }
  out.forEach((u, i) => {
    const ps = pieces[i]!;
    if (ps.length > 1) u.text = repairSpacedHyphens(u.kind === 'heading' ? ps.join(' ') : joinAll(ps, opts.vocab), opts.vocab);
  });
  return out;
}
