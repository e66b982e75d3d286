/**
 * The text importer: plain text and markdown, as delegates have them, to a ResolutionDocument.
 *
 * It reads the raw text layer of official PDFs (General Assembly resolutions with masthead,
 * running heads and feet, footnote blocks, hard-wrapped lines and glued footnote numbers),
 * hand-corrected OCR of Security Council resolutions (no masthead, "Resolution 242 (1967)" /
 * "of 22 November 1967", hyphenated line ends), markdown converted from PDF (italics,
 * `<sup>` footnote marks, links, footnotes where the page broke) and text or markdown typed by
 * hand, in the six UN languages as far as the fixed wording goes.
 *
 * Pipeline: refuse what is not text (clean.ts) → lines (markdown.ts for markdown) → enacting
 * formula and masthead (masthead.ts) → page furniture and footnote blocks out (clean.ts) →
 * paragraph units (split.ts) → preamble, operative part, subparagraphs, annexes, footnotes
 * (build.ts). Pure: no I/O; linear in the size of the input.
 */
import { PlenaryError } from '../errors.js';
import { classifyOpening } from '../resolution/lexicon.js';
import { emptyFrontMatter, type FrontMatter, type Language, type Organ, type ResolutionDocument } from '../resolution/model.js';
import { parseSymbol } from '../resolution/symbols.js';
import { documentForm } from '../resolution/masthead.js';
import { markAmendment, takeStarNotes } from './amendment.js';
import { buildDocument } from './build.js';
import { assertReadableText, describeSource, extractFootnoteBlocks, PAGE, type RawNote, removePageFurniture, takePageFootStarNotes, toLines } from './clean.js';
import { plain } from './inline.js';
import { rememberPrintedLabels } from './json.js';
import { looksLikeMarkdown, markdownToLines } from './markdown.js';
import {
  detectLanguage,
  findFormula,
  kindFromSymbol,
  organFromSymbol,
  parseMasthead,
  sessionFromSymbol,
  symbolFromFileName,
} from './masthead.js';
import { resolutionAt, splitUnits } from './split.js';
import { buildVocabulary } from './vocabulary.js';
import { dropMarkSeparatorsInBlock } from './marks.js';
import { foldTables } from './tables.js';

/** Options of {@link parseResolutionText}. */
export interface ParseTextOptions {
  /** Name of the file the text came from, for messages (and, as a last resort, the symbol). */
  fileName?: string;
  /** How to read the text; by default markdown for `.md` files or text that looks like markdown. */
  format?: 'text' | 'markdown';
}

/** What the importer produced. */
export interface ParseResult {
  /** The document. Ids are deterministic (pp1, op3, op3-a, fn1, ax1-p2…). */
  document: ResolutionDocument;
  /**
   * Subparagraph labels as printed, by block id ("(a)", "a)", "(i)"). The model derives labels
   * from position; these keep what the source showed, e.g. a first-level list printed "(i)"
   * (Security Council resolution 242). json.ts's toParseJson uses them for this document.
   */
  labels: Record<string, string>;
  /** Things the importer could not place or had to guess, written for the user. */
  warnings: string[];
  /** How the input was read. */
  format: 'text' | 'markdown';
}

/**
 * Parses a resolution or draft given as plain text or markdown (see the module comment).
 * Throws PlenaryError('CORRUPT') naming the file for empty input, binary input, input larger
 * than 10 million characters, and text in which no resolution structure is found (no enacting
 * formula, heading or symbol, and no paragraphs that open like resolution paragraphs).
 */
export function parseResolutionText(text: string, opts: ParseTextOptions = {}): ParseResult {
  assertReadableText(text, opts.fileName);
  const format: 'text' | 'markdown' =
    opts.format ?? (/\.(?:md|markdown)$/i.test(opts.fileName ?? '') || looksLikeMarkdown(text) ? 'markdown' : 'text');
  let lines: string[];
  const notes: RawNote[] = [];
  if (format === 'markdown') {
    const md = markdownToLines(text);
    lines = md.lines;
    notes.push(...md.notes);
  } else lines = toLines(text);

  // The enacting formula divides the masthead from the body.
  const guess = detectLanguage(text.length > 200000 ? text.slice(0, 200000) : text);
  const formula = findFormula(lines);
  let bodyStart: number;
  let mastEnd: number;
  // A letter above the formula ("A", its title if any, "The General Assembly,"): the first of
  // several resolutions; it and its formula are the body's first lines (split.ts reads them).
  const letter = formula ? firstResolutionLetter(lines, formula.index) : -1;
  if (formula && letter >= 0) {
    mastEnd = letter;
    bodyStart = letter;
  } else if (formula) {
    mastEnd = formula.index;
    if (formula.rest) {
      lines[formula.index] = formula.rest;
      bodyStart = formula.index;
    } else bodyStart = formula.index + 1;
  } else {
    bodyStart = findBodyStart(lines, guess);
    // No paragraph opens like one ("Whereas…"): the body starts after the heading lines.
    if (bodyStart < 0) bodyStart = parseMasthead(lines.slice(0, Math.min(lines.length, 60))).end;
    mastEnd = bodyStart;
  }
  const mast = parseMasthead(lines.slice(0, mastEnd));
  const m = mast.meta;

  // Symbol, organ, kind.
  let symbol = m.symbol ?? '';
  if (!symbol) symbol = symbolFromFileName(opts.fileName) ?? '';
  const parsed = symbol ? parseSymbol(symbol) : null;
  if (parsed) symbol = parsed.symbol;

  // Page furniture and footnote blocks.
  const furn = removePageFurniture(lines, bodyStart, symbol, mast.titleLines);
  const fb = extractFootnoteBlocks(furn.lines, bodyStart);
  notes.push(...fb.notes);
  let bodyLines = [...mast.bodyLines, ...(mast.bodyLines.length ? [''] : []), ...fb.lines.slice(bodyStart)];
  // An amendment's notes stand at the foot of its page without a rule ("* Any changes …").
  if (documentForm({ kind: m.kind ?? 'draft', bureauLine: m.bureauLine ?? '', sponsorLineEnd: m.sponsorLineEnd ?? '' }) === 'amendment') {
    const star = takeStarNotes(bodyLines, (l) => l === '' || l === PAGE);
    bodyLines = star.lines;
    notes.push(...star.notes);
  } else if (format === 'text') {
    // Other drafts' "*" notes at the foot of a page whose rule the text layer dropped.
    const star = takePageFootStarNotes(bodyLines, 0, lines);
    bodyLines = star.lines;
    notes.push(...star.notes);
  }
  // The note of a sponsor line's "*" is the sponsor note, not a footnote of the text.
  const sponsorNote = takeSponsorNote(notes, mast.sponsorMarks);
  // The text export's table rows ("a | b | c"); markdown tables were read by markdownToLines.
  if (format === 'text') bodyLines = foldTables(bodyLines, (l) => l === '' || l === PAGE);

  // Language: formula, masthead wording, then the words of the text.
  const votes = new Map(mast.votes);
  if (formula) votes.set(formula.lang, (votes.get(formula.lang) ?? 0) + 5);
  votes.set(guess, (votes.get(guess) ?? 0) + 2);
  let lang: Language = guess;
  let best = -1;
  for (const [l, v] of votes) {
    if (v > best) {
      best = v;
      lang = l;
    }
  }

  const organ: Organ = (parsed ? organFromSymbol(symbol) : null) ?? m.organ ?? formula?.organ ?? 'ga';
  const modern = furn.shortTitle.length > 0 || m.issueDate !== undefined || mast.recognised >= 4;
  const vocab = buildVocabulary(bodyLines, !modern);
  const units = splitUnits(bodyLines, { lang, vocab });

  // Is there a resolution here at all?
  const paras = units.filter((u) => u.kind === 'para');
  if (!formula && !mast.scHeading && !m.symbol && !m.adoptionDate) {
    let phrased = 0;
    let labelled = 0;
    for (const u of paras) {
      if (u.num > 0 || u.depth > 0) labelled++;
      const t = plain(u.text).slice(0, 200);
      if ((lang === 'ru' || lang === 'ar' || lang === 'zh' || /^[\s"“«]*\p{Lu}/u.test(t)) && classifyOpening(t, lang)) phrased++;
    }
    if (phrased === 0 || (phrased + labelled) / Math.max(1, paras.length) < 0.3) {
      throw new PlenaryError(
        'CORRUPT',
        `${describeSource(opts.fileName)} does not read as a resolution: no enacting formula (“The General Assembly,”), no symbol or heading, and no paragraphs that open like preambular or operative paragraphs were found.`, { msg: { code: 'import.notResolution', values: { source: describeSource(opts.fileName) } } },
      );
    }
  }

  const built = buildDocument(units, { lang, organ, notes });
  for (const b of [...built.preambular, ...built.operative, ...built.annexes.flatMap((a) => a.paragraphs)]) dropMarkSeparatorsInBlock(b);

  const kind = (symbol ? kindFromSymbol(symbol) : null) ?? m.kind ?? (m.adoptionDate || built.meeting ? 'resolution' : 'draft');
  const meta: FrontMatter = emptyFrontMatter({
    kind,
    organ,
    symbol,
    session: (symbol ? sessionFromSymbol(symbol) : '') || m.session || '',
    agendaItems: m.agendaItems ?? [],
    sponsors: m.sponsors ?? [],
    bureauLine: m.bureauLine ?? '',
    sponsorNote,
    ...(m.sponsorLineEnd ? { sponsorLineEnd: m.sponsorLineEnd } : {}),
    title: organ === 'sc' && !m.title ? '' : (m.title ?? ''),
    adoptionDate: m.adoptionDate || built.meetingDate || '',
    issueDate: m.issueDate ?? '',
    basis: m.basis ?? '',
    meeting: built.meeting || m.meeting || '',
    language: lang,
    originalLanguage: m.originalLanguage ?? '',
  });
  const doc: ResolutionDocument = {
    meta,
    preambular: built.preambular,
    operative: built.operative,
    footnotes: built.footnotes,
    annexes: built.annexes,
  };
  // An amendment's body: instructions and the paragraphs they quote.
  if (documentForm(meta) === 'amendment') markAmendment(doc);
  const warnings = [...built.warnings];
  if (doc.operative.length === 0) warnings.push('No operative paragraph was found.');
  rememberPrintedLabels(doc, built.labels);
  return { document: doc, labels: built.labels, warnings, format };
}

/**
 * Removes from `notes` the note whose mark is the first mark of the sponsor line ("*") and
 * returns its text as one line; "" when the sponsor line has no mark or the note is missing.
 */
function takeSponsorNote(notes: RawNote[], marks: readonly string[]): string {
  const mark = marks[0];
  if (!mark) return '';
  const at = notes.findIndex((n) => n.mark === mark);
  if (at < 0) return '';
  const [note] = notes.splice(at, 1);
  return plain(note!.text).replace(/\s+/g, ' ').trim();
}

/**
 * The index of a resolution letter line ("A" alone) that heads the enacting formula at line
 * `formula` (split.ts resolutionAt: at most three title lines between them), or -1.
 */
function firstResolutionLetter(lines: readonly string[], formula: number): number {
  for (let k = formula - 1, seen = 0; k >= 0 && seen < 5; k--) {
    const l = lines[k]!;
    if (l === '' || l === PAGE) continue;
    seen++;
    if (/^\s*[A-Z]\s*$/.test(plain(l))) return resolutionAt(lines, k)?.formula === formula ? k : -1;
  }
  return -1;
}

/**
 * Without an enacting formula: the first line that may start a paragraph (after a blank, short
 * or clause-ending line) and is numbered "1." or opens with a phrase of the lexicon; -1 if none.
 */
function findBodyStart(lines: readonly string[], lang: Language): number {
  let prev = '';
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l === PAGE) {
      prev = '';
      continue;
    }
    const p = plain(prev);
    if (l !== '' && (p === '' || p.length < 60 || /[,;:.]$/.test(p))) {
      const t = plain(l);
      if (/^1\s?\.\s+\S/.test(t)) return i;
      if ((lang === 'ru' || lang === 'ar' || lang === 'zh' || /^[\s"“«]*\p{Lu}/u.test(t)) && classifyOpening(t.slice(0, 200), lang)) return i;
    }
    prev = l;
  }
  return -1;
}
