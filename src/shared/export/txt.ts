/**
 * Plain-text export in the UN layout, for e-mail and for pasting into anything that takes text:
 * monospace, hard-wrapped at a width (72 by default), first-line indents as spaces.
 *
 *     United Nations                                              A/RES/79/200
 *     General Assembly
 *                                                              Distr.: General
 *                                                             23 December 2024
 *
 *     Seventy-ninth session
 *     Agenda item 18
 *     Sustainable development
 *
 *     Resolution adopted by the General Assembly
 *     on 19 December 2024
 *
 *     [on the report of the Second Committee (A/79/437, para. 17)]
 *
 *     79/200.  Oil slick on Lebanese shores
 *
 *     *The General Assembly*,
 *
 *         *Recalling* its resolutions 61/194 of 20 December 2006, 62/188 of
 *     19 December 2007, … (run-over lines return to the margin)
 *
 *         1.  *Takes note* of the report of the Secretary-General;[^1]
 *
 *         (a) Subparagraphs of the first level as operative paragraphs;
 *
 *         (i) Subparagraphs of the second level: the block indented by four,
 *         the text by eight;
 *
 *                                                         54th plenary meeting
 *                                                             19 December 2024
 *
 *     __________________
 *
 *     [^1]: A/79/294.
 *
 * The text must read back with the text importer (import/text.ts) into the same paragraphs, so
 * the layout follows what that importer reads and avoids what it would misread:
 * - footnote marks: the importer reads no "[1]" or superscript digit in plain text, and glued
 *   digits ("Conference,1", as in the UN's text layer) only by guessing. So by default the
 *   marks are "[^1]" and the notes "[^1]: …" at the end, which the importer reads as markdown
 *   footnotes; the opening phrases (and any emphasis) are then set in asterisks as the print
 *   sets them in italics, and the italic formula starting a line at the margin is what makes the
 *   importer read the text as markdown ("*", "_", "`", "\\" in the text are escaped). The other
 *   forms are options ({@link TextFootnoteMarks});
 * - a line is never broken where the next line would read as the start of a paragraph: after a
 *   clause-ending comma, semicolon, colon or full stop before a capital, a "(" or "12." (in
 *   Russian, Arabic and Chinese before anything), nor after a hyphen or a slash (the importer
 *   would join the words without a space), nor before "adopted" (a Security Council closing
 *   line); no line holds only what could be a label, an annex heading, a meeting line or page
 *   furniture; no wrapped line of the masthead reads as masthead wording ("General Assembly",
 *   a session, a date, the formula);
 * - the sponsor line of a draft is not wrapped (the importer reads it on one line), and a list
 *   labelled "a." or "i." starts right under the line that ends with its colon;
 * - an annex title of 250 characters or more is set out in parts, which the importer joins;
 * - Chinese paragraphs are not wrapped: the importer joins wrapped lines with a space, which
 *   Chinese text does not have.
 */
import type { LayoutAnnex, LayoutParagraph } from './layout.js';
import { layoutDocument, opensWithResolution } from './layout.js';
import { inlineText, type Language, type ResolutionDocument } from '../resolution/model.js';
import { enactingFormula } from '../resolution/lexicon.js';
import { parseDate } from '../resolution/dates.js';
import { readSessionLine } from '../resolution/session-line.js';
import { adoptedHeading, closingLines, letterMark, sponsorLine, titleNumberLabel, unreferencedFootnotes } from './wording.js';

/**
 * How footnote marks are written in the text: 'markdown' "[^1]" with the notes as "[^1]: …"
 * (the default: readable, and the importer reads the text back, as markdown); 'digits' glued to
 * the text as in the UN's own text layer ("Conference,1"), which the importer also reads but
 * must guess at after figures; 'brackets' "[1]" and 'superscript' "¹", which read well but which
 * the importer keeps as text.
 */
export type TextFootnoteMarks = 'markdown' | 'digits' | 'brackets' | 'superscript';

/** Options of {@link exportText}. */
export interface TextExportOptions {
  /** Line width in characters (monospace); default 72, at least 40. */
  width?: number;
  /** Footnote marks; default 'markdown' ("[^1]"). */
  footnoteMarks?: TextFootnoteMarks;
}

/** Default line width of the text export. */
export const DEFAULT_TEXT_WIDTH = 72;

/** First-line indent of preambular and operative paragraphs (spaces). */
const INDENT = 4;
/** Where the text of an operative paragraph starts after its number (spaces). */
const TEXT_AT = 8;

/**
 * An annex title in parts of less than 240 characters, cut before a capitalized word after a
 * word that does not end a clause (so that each part still reads as a title); [] for "".
 */
function titleParts(title: string): string[] {
  const parts: string[] = [];
  let rest = title;
  while (rest.length >= 240) {
    let cut = -1;
    for (let i = Math.min(rest.length - 1, 239); i > 40 && cut < 0; i--) {
      if (rest[i] === ' ' && /\p{Lu}/u.test(rest[i + 1] ?? '') && !/[,;:.،؛。；，]/.test(rest[i - 1] ?? '')) cut = i;
    }
    if (cut < 0) break;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut + 1);
  }
  if (rest) parts.push(rest);
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Widths and wrapping

/** Display width of a string in a monospace font: East Asian wide characters count two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x1100) w += c === 0 || (c >= 0x300 && c < 0x370) ? 0 : 1;
    else if (
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd)
    )
      w += 2;
    else if ((c >= 0x64b && c <= 0x65f) || c === 0x670 || (c >= 0x200b && c <= 0x200f)) w += 0;
    else w += 1;
  }
  return w;
}

function pad(n: number): string {
  return n > 0 ? ' '.repeat(n) : '';
}

/** `s` right-aligned in `width`. */
function right(s: string, width: number): string {
  return pad(width - displayWidth(s)) + s;
}

// One digit per step (a run of marks "12" is "1" then "2"), so the star cannot split a run of
// digits in many ways: `(?:\s?\d{1,3})*` backtracked exponentially on a long run of digits.
const RE_CLAUSE_END = /[,;:.،؛。；，][”"’»)\]*]*(?:\s?\d|\[\^[^\]]*\])*$/;
const RE_NOTE_START = /^(?:\d{1,3}\/?|\*{1,3})$/;
/** Whole lines the importer would read as something else than running text. */
const RE_BAD_LINE: readonly RegExp[] = [
  /^\(?(?:[a-z]{1,3}|[ivxlc]{1,7}|\d{1,3}|[\u0430-\u044f])[.)]$/, // a label alone ("(a)", "b)", "i.")
  /^(?:annex(?:es)?|annexe|anexo|приложение|المرفق|مرفق|附件)(?:\s*(?:[IVXLC]{1,6}|\d{1,2}|[A-Z]))?\s*\*?$/i,
  /^(?:Page\s+)?\d{1,3}(?:\s*\/\s*\d{1,3})?$/i, // a page number
  /^\d{2}-\d{5}/, // a job number
  /^\*\d{7,8}\*$/, // a barcode
  /^Please recycle\b/i,
  /^_{5,}$/,
  /^[IVXL]{1,6}\.?$/, // a section number
  /^[A-Z]\.$/,
  /^\d{1,4}\s?(?:st|nd|rd|th|[eªa]|re|er|ème)\s/i, // could be a meeting line
];

/** What a wrapped block of text is, for the rules about where lines may break. */
interface WrapKind {
  lang: Language;
  /** The text will be read as markdown: no line may start like a list item, quote or heading. */
  md?: boolean;
  /** Footnote text: no continuation line may start like a note ("2 …"). */
  note?: boolean;
  /** A wrapped line of the masthead: no continuation line may read as fixed wording. */
  masthead?: boolean;
}

/**
 * True when breaking the line between `prev` (the line so far) and the word `next` would make
 * the importer see a new paragraph, label or note, or join the two words without a space.
 */
function badBreak(prev: string, next: string, kind: WrapKind): boolean {
  if (/[-\u2010\u00ad/]$/.test(prev)) return true;
  if (/\d[–—]$/.test(prev) && /^\d/.test(next)) return true;
  if (kind.note && RE_NOTE_START.test(next)) return true;
  if (kind.md && (/^(?:[-+*]|[-=]+)$/.test(next) || /^[>#]/.test(next) || /^\[\^[^\]]*\]:/.test(next))) return true;
  if (/^[;:!?»]/.test(next) || /«$/.test(prev)) return true; // French spacing: keep « x » and " ;" together
  // Notes and masthead lines are not split into paragraphs at clause ends.
  if (!kind.note && !kind.masthead && RE_CLAUSE_END.test(prev)) {
    if (kind.lang === 'ru' || kind.lang === 'ar' || kind.lang === 'zh') return true;
    // What could open a paragraph: a capital (a phrase, a heading "I."), a label "(a)", a number "12.".
    if (/^[\s"“‘«]*[\p{Lu}(]/u.test(next) || /^\d{1,3}\.(?:$|\s)/.test(next)) return true;
    // "adopted at its sixth session" would be read as the closing line of a Security Council text.
    if (/^adopted$/i.test(next)) return true;
  }
  return false;
}

/** Formula words of every organ in every language, normalised, for {@link riskyMastheadLine}. */
const FORMULA_STARTS: readonly string[] = (() => {
  const out: string[] = [];
  for (const lang of ['en', 'fr', 'es', 'ru', 'ar', 'zh'] as const) {
    for (const organ of ['ga', 'sc', 'ecosoc', 'hrc'] as const) {
      const w = enactingFormula(organ, lang, true).words;
      out.push(normWords(w));
      if (w.startsWith('إن ')) out.push(normWords(w.slice(3)));
    }
  }
  return out;
})();

function normWords(s: string): string {
  return s.replace(/[’‘ʼ`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

const RE_RISKY_MASTHEAD: readonly RegExp[] = [
  /^(?:united nations|nations unies|naciones unidas|организация объединенных наций|الأمم المتحدة|联合国)/i,
  /^(?:general assembly|assemblée générale|asamblea general|генеральная ассамблея|الجمعية العامة|大会|security council|conseil de sécurité|consejo de seguridad|economic and social council)$/i,
  /^distr\b/i,
  /^original\s*:/i,
  /^\[/,
  /^(?:agenda items?|points?\s.*de l'ordre du jour|temas?\s.*del programa|пункты?\s|البند|البنود|议程项目)/i,
  /^(?:resolution adopted|résolution adoptée|resolución aprobada|резолюция,? принятая|قرار اتخذ)/i,
  /^(?:draft resolution submitted by|projet de résolution présenté par|proyecto de resolución presentado por)/i,
  /^(?:first|second|third|fourth|fifth|sixth|première|deuxième|troisième|quatrième|cinquième|sixième|primera|segunda|tercera|cuarta|quinta|sexta|первый|второй|третий|четвертый|пятый|шестой)\s+(?:committee|commission|comisión|комитет)$/i,
  /^(?:special political and decolonization committee|اللجنة|第.委员会)/i,
  /^(?:[A-Z]\s+)?[A-Z]\/\S/,
  /^\d{1,3}\/\d{1,4}/,
  /^(?:resolution\s+\d|adopted by the security council|of\s+\d)/i,
  /:\s*(?:\*\s*)?(?:revised\s+)?(?:draft resolution|projet de résolution|proyecto de resolución|проект резолюции)/i,
];

/**
 * True for a line of the masthead that the importer would read as fixed wording of its own (an
 * organ, a session, a date, the enacting formula …) rather than as the continuation of a wrapped
 * agenda-item title or bureau line.
 */
function riskyMastheadLine(line: string): boolean {
  const t = line.trim();
  const low = normWords(t);
  if (FORMULA_STARTS.some((f) => low.startsWith(f))) return true;
  if (parseDate(t) !== null || readSessionLine(t) !== null) return true;
  return RE_RISKY_MASTHEAD.some((re) => re.test(t));
}

function badLine(line: string, first: boolean, kind: WrapKind): boolean {
  if (first) return false;
  const t = line.trim();
  for (const re of RE_BAD_LINE) if (re.test(t)) return true;
  return kind.masthead === true && riskyMastheadLine(t);
}

/** A token of the text to wrap, with whether a space precedes it. */
interface Token {
  text: string;
  space: boolean;
}

/**
 * Splits text into words at spaces; other spaces (no-break spaces, and U+E010, which binds a
 * spaced footnote mark to its word) stay inside words.
 */
function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const parts = text.split(/ +/);
  let space = false;
  for (const p of parts) {
    if (p === '') {
      space = out.length > 0;
      continue;
    }
    out.push({ text: p, space });
    space = true;
  }
  return out;
}

/** Joins tokens as printed. */
function joinTokens(tokens: readonly Token[]): string {
  let s = '';
  tokens.forEach((t, i) => {
    s += (i > 0 && t.space ? ' ' : '') + t.text;
  });
  return s.replace(/\uE010/g, ' ');
}

/**
 * Wraps `text` into lines of at most `width` columns: the first line starts with `first` (its
 * indent and label), the others with `rest` spaces. Breaks that the importer would misread are
 * avoided (see {@link badBreak}); a word longer than the line stands alone on its line.
 */
function wrapText(text: string, first: string, rest: number, width: number, kind: WrapKind): string[] {
  const tokens = tokenize(text);
  if (kind.lang === 'zh') return [first + joinTokens(tokens)];
  for (let w = width; w >= Math.max(20, width - 12); w--) {
    const lines = greedy(tokens, first, rest, w, kind);
    if (!lines.some((l, i) => badLine(l, i === 0, kind))) return lines;
  }
  return greedy(tokens, first, rest, width, kind);
}

function greedy(tokens: readonly Token[], first: string, rest: number, width: number, kind: WrapKind): string[] {
  const lines: Token[][] = [[]];
  const prefixWidth = (k: number): number => (k === 0 ? displayWidth(first) : rest);
  const widthOf = (ts: readonly Token[], k: number): number => prefixWidth(k) + displayWidth(joinTokens(ts));
  for (const t of tokens) {
    const k = lines.length - 1;
    const cur = lines[k]!;
    const candidate = [...cur, t];
    if (cur.length === 0 || widthOf(candidate, k) <= width) {
      cur.push(t);
      continue;
    }
    // Break before `t`, or earlier if breaking there would be misread.
    let at = cur.length;
    while (at > 1 && badBreak(joinTokens(cur.slice(0, at)), at < cur.length ? cur[at]!.text : t.text, kind)) at--;
    if (at <= 1 && badBreak(joinTokens(cur.slice(0, 1)), cur.length > 1 ? cur[1]!.text : t.text, kind)) {
      // Nowhere to break: let the line run over.
      cur.push(t);
      continue;
    }
    const moved = cur.splice(at);
    lines.push([...moved, t]);
  }
  return lines.map((ts, k) => (k === 0 ? first : pad(rest)) + joinTokens(ts)).map((l) => l.trimEnd());
}

// ---------------------------------------------------------------------------------------------
// Footnote marks

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/**
 * Escapes what the importer's markdown reading would take for markup (used when the text carries
 * "[^1]" marks, which make the importer read it as markdown): backslashes, asterisks,
 * underscores, backticks, "<" before a tag name, "[^" and "](".
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\\*_`]/g, (c) => '\\' + c)
    .replace(/<(?=[a-z/!])/gi, '\\<')
    .replace(/\[(?=\^)/g, '\\[')
    .replace(/\](?=\()/g, '\\]');
}

/**
 * The text of a paragraph's runs with its footnote marks (see {@link TextFootnoteMarks}) and, in
 * the markdown form, the opening phrase and any emphasis in asterisks ("*Recalling* its …").
 */
/** The number of a heading printed run in before its title: a declaration's "Action 13.", "Objective 1.". */
const RE_RUN_IN_NUMBER = /^(?:Action|Objective) \d{1,3}\.$/;

/**
 * A heading's title wrapped at `width`, never after a word that closes a clause (",", ";", ":",
 * "."): the importer joins the lines of a title only while they do not close one. A word that
 * cannot be placed so stays on a longer line.
 */
function headingLines(title: string, width: number): string[] {
  const words = title.split(' ');
  const lines: string[] = [];
  let cur: string[] = [];
  const len = (ws: string[]) => displayWidth(ws.join(' '));
  for (const w of words) {
    if (cur.length > 0 && len([...cur, w]) > width) {
      // Break before the last words that close a clause, keeping them with the next line.
      let k = cur.length;
      while (k > 1 && /[,;:.]$/.test(cur[k - 1]!)) k--;
      if (/[,;:.]$/.test(cur[k - 1]!)) k = cur.length + 1;
      if (k <= cur.length) {
        lines.push(cur.slice(0, k).join(' '));
        cur = cur.slice(k);
      }
    }
    cur.push(w);
  }
  if (cur.length) lines.push(cur.join(' '));
  return lines;
}

function paragraphText(p: LayoutParagraph, marks: TextFootnoteMarks, lang: Language): string {
  const md = marks === 'markdown';
  let s = '';
  let open = false;
  p.runs.forEach((r, i) => {
    if (r.footnote === undefined) {
      let t = md ? escapeMarkdown(r.text) : r.text;
      const italic = md && (r.phrase === true || r.em === true);
      if (italic && !open && t.trim()) {
        const lead = /^\s*/.exec(t)![0];
        t = lead + '*' + t.slice(lead.length);
        open = true;
      }
      const next = p.runs[i + 1];
      if (open && !(next && next.footnote === undefined && (next.phrase === true || next.em === true))) {
        const trail = /(?<!\s)\s*$/.exec(t)!;
        t = t.slice(0, trail.index) + '*' + trail[0];
        open = false;
      }
      s += t;
      return;
    }
    const n = String(r.footnote);
    if (md) {
      s = s.trimEnd() + `[^${n}]`;
      return;
    }
    if (marks === 'brackets') {
      s = s.trimEnd() + `[${n}]`;
      return;
    }
    if (marks === 'superscript') {
      s = s.trimEnd() + [...n].map((d) => SUPERSCRIPT[Number(d)]).join('');
      return;
    }
    s = s.replace(/(?<!\s)\s+$/, '');
    const prev = s.charAt(s.length - 1);
    const word = /(?<![\p{L}\p{M}])[\p{L}\p{M}]+$/u.exec(s)?.[0] ?? '';
    // Where the importer does not read a glued mark: after a figure ("70/1", "2030", but not
    // "Agenda 21," in English), after a short acronym ("ILO"), after other signs.
    const afterDigit = /\d$/.test(s) || /\d\.$/.test(s) || (/\d,$/.test(s) && (n.length === 3 || lang === 'fr' || lang === 'es' || lang === 'ru'));
    const acronym = word.length > 0 && word.length <= 3 && word === word.toUpperCase() && /\p{L}/u.test(word);
    const spaced = afterDigit || acronym || !(/[\p{L}\p{M}]/u.test(prev) || ',.;:)]’”"»\''.includes(prev));
    // U+E010 is a space that does not break (a spaced mark stays with its word).
    s += (spaced && s !== '' ? '\uE010' : '') + n;
    // The importer needs a space (or punctuation) after a mark.
    const next = p.runs[i + 1];
    if (next && next.footnote === undefined && /^[\p{L}\p{N}“‘«"(]/u.test(next.text)) s += ' ';
  });
  return s;
}

// ---------------------------------------------------------------------------------------------
// The document

/** Label and indents of a paragraph: the first line's prefix and the run-over indent. */
function paragraphPrefix(p: LayoutParagraph): { first: string; rest: number } {
  const label = p.label.trim();
  const block = blockIndent(p.level);
  if (p.tail) return { first: pad(block), rest: block };
  if (p.level <= 1) {
    // Operative paragraphs and (a): first-line indent, label, text at column 8, run-overs at 0.
    if (!label) return { first: pad(INDENT), rest: 0 };
    return { first: pad(INDENT) + label + pad(Math.max(1, TEXT_AT - INDENT - displayWidth(label))), rest: 0 };
  }
  // (i) and deeper: the block is indented, the label opens it, the text follows four columns on.
  if (!label) return { first: pad(block), rest: block };
  return { first: pad(block) + label + pad(Math.max(1, INDENT - displayWidth(label))), rest: block };
}

/** Left edge of the block of a subparagraph level (level 2 at 4, level 3 at 8 …). */
function blockIndent(level: number): number {
  return level <= 1 ? 0 : (level - 1) * INDENT;
}

/**
 * Exports a resolution or draft as plain text in the UN layout (see the module comment):
 * masthead, heading, basis line, numbered title, formula, paragraphs hard-wrapped at
 * `opts.width` (default 72), closing meeting block, annexes, then the footnotes after a rule.
 * Lines end with "\n"; the text ends with a newline.
 */
export function exportText(doc: ResolutionDocument, opts: TextExportOptions = {}): string {
  const width = Math.max(40, Math.floor(opts.width ?? DEFAULT_TEXT_WIDTH));
  const layout = layoutDocument(doc);
  const { meta, words, lang } = layout;
  // The markdown form needs the italic formula at the start of a line, which is what makes the
  // importer read the text as markdown; without a formula the marks are digits.
  const requested = opts.footnoteMarks ?? 'markdown';
  const marks: TextFootnoteMarks = requested === 'markdown' && !layout.formula.words ? 'digits' : requested;
  const md = marks === 'markdown';
  const esc = (s: string): string => (md ? escapeMarkdown(s) : s);
  const kind: WrapKind = { lang, md };
  const mast: WrapKind = { lang, md, masthead: true };
  const out: string[] = [];
  const blank = (): void => {
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
  };
  const wrap = (text: string, first: string, rest: number, k: WrapKind = kind): void => {
    out.push(...wrapText(text.replace(/\s+/g, ' ').trim(), first, rest, width, k));
  };

  // Masthead (spec §1.1–1.2, §2). The organ and "Distr." stand on lines of their own: the
  // importer reads each line of the masthead whole.
  const symbol = esc(meta.symbol.trim());
  const un = words.unitedNations;
  if (symbol && displayWidth(un) + displayWidth(symbol) + 2 <= width) out.push(un + right(symbol, width - displayWidth(un)));
  else {
    out.push(un);
    if (symbol) out.push(right(symbol, width));
  }
  out.push(words.organ);
  out.push(right(layout.isDraft ? words.distrLimited : words.distrGeneral, width));
  if (layout.issueDate) out.push(right(layout.issueDate, width));
  if (layout.isDraft && meta.originalLanguage) {
    out.push('');
    out.push(right(words.original(meta.originalLanguage), width));
  }
  out.push('');
  if (layout.session) out.push(layout.session);
  if (layout.isDraft && words.committee) out.push(words.committee);
  const items = meta.agendaItems.filter((a) => a.number.trim() !== '');
  if (items.length > 0) {
    out.push(esc(words.agendaItems(items.map((a) => a.number.trim()))));
    items.forEach((a, i) => {
      if (!a.title.trim()) return;
      if (i > 0) out.push('');
      wrap(esc(a.title), '', 0, mast);
    });
  }

  // Heading block.
  const sponsors = sponsorLine(meta, words);
  if (sponsors) {
    blank();
    // The importer reads a sponsor line whole, so it is not wrapped (a bureau line may be).
    if (meta.bureauLine.trim()) wrap(esc(sponsors), '', 0, mast);
    else out.push(sponsors);
  }
  const heading = adoptedHeading(layout);
  if (heading.length > 0) {
    blank();
    out.push(...heading);
  }
  if (meta.basis.trim()) {
    blank();
    wrap(`[${esc(meta.basis.trim().replace(/^\[|\]$/g, ''))}]`, '', 0);
  }
  if (meta.title.trim()) {
    blank();
    const num = titleNumberLabel(layout).trimEnd();
    if (num) {
      const first = num + pad(Math.max(2, TEXT_AT + 1 - displayWidth(num)));
      wrap(esc(meta.title), first, displayWidth(first), mast);
    } else wrap(esc(meta.title), '', 0, mast);
  }

  // Formula (with resolutions A, B…, under each letter instead).
  const formula = (f: { words: string; punctuation: string }): void => {
    if (!f.words) return;
    blank();
    // In the markdown form the formula is italic, as printed, and starts the line (see above).
    // (The importer sees markdown in "*…*" followed by a space or a comma: the Arabic and
    // Chinese commas are set off by a space.)
    const punct = f.punctuation;
    if (md) out.push(`*${escapeMarkdown(f.words)}*${punct === ',' ? ',' : ` ${punct}`}`);
    else out.push(pad(INDENT) + f.words + f.punctuation);
  };
  if (!opensWithResolution(layout)) formula(layout.formula);

  // Paragraphs.
  let prevLevel = -1;
  const para = (p: LayoutParagraph): void => {
    if (p.deleted) return;
    if (p.heading) {
      // A heading: its number alone on a line ("II", "A."), the title under it, as printed.
      blank();
      const title = paragraphText(p, marks, lang).replace(/\s+/g, ' ').trim();
      if (RE_RUN_IN_NUMBER.test(p.label) && title) {
        // A declaration's commitment heading is printed run in ("Action 1. We will…"), and read
        // back so (import/split.ts RE_ACTION_HEADING); alone on its line it would be a paragraph.
        out.push(...headingLines(`${p.label} ${title}`, width));
        prevLevel = -1;
        return;
      }
      if (p.label) out.push(esc(p.label));
      if (title) out.push(...headingLines(title, width));
      // One of several resolutions: its letter, its title, then its own formula (the importer
      // reads the three together, split.ts resolutionAt).
      if (p.heading.resolution) formula(p.heading.resolution.formula);
      prevLevel = -1;
      return;
    }
    if (p.table) {
      // A table: one line per row however long, cells separated by " | " (a wrapped row would
      // read as two rows in any other program; the importer reads the rows back as lines).
      blank();
      for (const row of p.table.rows) out.push(esc(row.map((c) => c.replace(/\s+/g, ' ').trim()).join(' | ')));
      prevLevel = -1;
      return;
    }
    const text = paragraphText(p, marks, lang).replace(/\s+/g, ' ').trim();
    if (!text && !p.label.trim()) return;
    const label = p.label.trim();
    const firstOfList = p.level > 0 && !p.tail && p.level > prevLevel;
    prevLevel = p.level;
    // The importer opens a list labelled "a." or "i." (levels 3 and 4) only right under a line
    // that ends with a colon; otherwise, like a label before a word in lower case, only when
    // the label stands alone on its line.
    const dotted = /^(?:[a-z]{1,3}|[ivxlc]{1,7})\.$/.test(label);
    const underColon = dotted && firstOfList && /:(?:\[\^[^\]]*\])?$/.test(out[out.length - 1] ?? '');
    if (!underColon) blank();
    const { first, rest } = paragraphPrefix(p);
    if (!text) {
      out.push(first.trimEnd());
      return;
    }
    const caseless = lang === 'ar' || lang === 'zh' || lang === 'ru';
    const alone = label && p.level > 0 && !p.tail && !caseless && ((dotted && firstOfList && !underColon) || !/^[\s"“‘«(*\\]*[\p{Lu}\p{N}]/u.test(text));
    if (alone) {
      out.push(first.trimEnd());
      wrap(text, pad(rest), rest);
      return;
    }
    wrap(text, first, rest);
  };
  layout.paragraphs.forEach(para);

  // Annexes; the text adopted in full and quoted in the body comes before the closing block.
  const annex = (a: LayoutAnnex): void => {
    blank();
    out.push('');
    if (a.heading.trim()) {
      out.push(esc(a.heading.trim()));
      out.push('');
    }
    // The importer takes a title of less than 250 characters: a longer one is set out in parts,
    // which it joins again.
    titleParts(a.title.trim()).forEach((part, k) => {
      if (k > 0) out.push('');
      wrap(esc(part), '', 0);
    });
    prevLevel = -1;
    a.paragraphs.forEach(para);
  };
  for (const a of layout.annexes) if (a.inBody) annex(a);

  // Closing block (resolutions): meeting and date, right-aligned; a longer Security Council
  // line ("Adopted at the 202nd meeting by 9 votes to 2 (…)") wrapped from the margin.
  const closing = closingLines(layout);
  if (closing.length > 0) {
    blank();
    for (const l of closing) {
      if (displayWidth(l) <= width) out.push(right(esc(l), width));
      else wrap(esc(l), '', 0);
    }
  }

  for (const a of layout.annexes) if (!a.inBody) annex(a);

  // Footnotes, after a rule: "[^1]: text" (markdown marks) or "1 text".
  const notes: { mark: string; text: string }[] = [];
  if (meta.sponsorNote.trim() && sponsors && !meta.bureauLine.trim()) notes.push({ mark: '*', text: meta.sponsorNote.trim() });
  for (const f of layout.footnotes) notes.push({ mark: String(f.number), text: f.text });
  // Notes that nothing references (an importer may have kept them) follow, numbered on.
  // Notes that nothing references (an importer may have kept them) follow with letters ("*" in
  // the digits form): a number would make the importer look for it in the text.
  unreferencedFootnotes(doc, layout).forEach((f, k) => notes.push({ mark: md ? letterMark(k) : '*', text: inlineText(f.content) }));
  if (notes.length > 0) {
    blank();
    out.push('__________________');
    for (const n of notes) {
      out.push('');
      const first = md ? `[^${n.mark}]: ` : `${n.mark} `;
      wrap(esc(n.text.trim()) || '\u2014', first, displayWidth(first), { lang, md, note: true });
    }
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}
