/**
 * From paragraph units to the document: preambular and operative parts, subparagraphs and
 * tails, the closing meeting line, annexes, footnotes and their references, and deterministic ids.
 *
 * Where the operative part begins: at the paragraph numbered "1." when there is one; otherwise
 * (a single unnumbered operative paragraph, or Security Council and typed texts without numbers)
 * at the first paragraph that opens with an operative verb of the lexicon. A single operative
 * paragraph ending with ":" and followed by a title and numbered paragraphs ("Adopts the
 * following Pact for the Future and its annexes:") adopts a text set out in full: that text
 * becomes an annex with no heading, titled as printed.
 *
 * Ids are derived from position so the same input always gives the same document: "pp1",
 * "op3", "op3-a", "op3-a-ii", annexes "ax1" with paragraphs "ax1-p4", footnotes "fn1"…
 */
import { detectParagraphPhrase } from '../resolution/structure.js';
import type { Annex, Block, Footnote, Heading, Language, Organ, Table } from '../resolution/model.js';
import { parseDate } from '../resolution/dates.js';
import { toRoman } from '../resolution/labels.js';
import type { RawNote } from './clean.js';
import { dropLeadingEmphasis, FN_OPEN, leadingEmphasisLength, markFootnotes, plain, toInlines } from './inline.js';
import { endsClause, RE_ACTION_HEADING, type Unit } from './split.js';
import { opensWith, runInDecision, settleSetOut } from './decision.js';
import { markStarCalls } from './star-calls.js';
import { listLabelsOf } from './list-labels.js';

/** A block while its text is still a string with sentinels. */
interface SBlock {
  id: string;
  text: string;
  children: SBlock[];
  tail: string;
  /** Label as printed, for subparagraphs. */
  label: string;
  phrase?: number;
  heading?: Heading;
  preambular?: boolean;
  table?: Table;
}

/** What the builder needs besides the units. */
export interface BuildOptions {
  lang: Language;
  organ: Organ;
  notes: RawNote[];
}

/** The parts of the document the builder produces. */
export interface Built {
  preambular: Block[];
  operative: Block[];
  annexes: Annex[];
  footnotes: Footnote[];
  /** Closing meeting line ("54th plenary meeting"), or "". */
  meeting: string;
  /** Date under the meeting line, ISO, or "". */
  meetingDate: string;
  /** Printed labels of subparagraphs by block id ("(a)", "a)", "(i)"). */
  labels: Record<string, string>;
  warnings: string[];
  /** Number of paragraphs that open with a phrase of the lexicon. */
  phraseCount: number;
}

function latin(k: number): string {
  return String.fromCharCode(97 + ((k - 1) % 26)).repeat(Math.floor((k - 1) / 26) + 1);
}

function childKey(depth: number, k: number): string {
  return depth % 2 === 1 ? latin(k) : toRoman(k);
}

/** Nests units of one paragraph (the first, at depth 0, then its subparagraphs and tails). */
class Nester {
  readonly roots: SBlock[] = [];
  private stack: SBlock[] = [];
  /** The block that owns the latest list (where a tail goes). */
  private listOwner: SBlock | null = null;
  /** A subparagraph that introduced an unlabelled list ("themes:"), which takes the items that follow. */
  private listTarget: SBlock | null = null;

  /** Paragraphs and headings made so far (ids count them apart). */
  private paras = 0;
  private headings = 0;
  private tables = 0;

  constructor(private readonly prefix: string) {}

  get current(): SBlock | undefined {
    return this.stack[0];
  }

  /** The latest top-level block (paragraph or heading). */
  get last(): SBlock | undefined {
    return this.roots[this.roots.length - 1];
  }

  /** A heading: it closes the paragraph before it; ids "h1", "ax1-h2"… apart from paragraphs. */
  heading(text: string, h: Heading): SBlock {
    const b: SBlock = { id: `${this.prefix.replace(/p$/, '')}h${++this.headings}`, text, children: [], tail: '', label: '', heading: h };
    this.roots.push(b);
    this.stack = [];
    this.listOwner = null;
    this.listTarget = null;
    return b;
  }

  /** A table: it closes the paragraph before it; ids "t1", "ax1-t2"… apart from paragraphs. */
  table(t: Table): SBlock {
    const b: SBlock = { id: `${this.prefix.replace(/p$/, '')}t${++this.tables}`, text: '', children: [], tail: '', label: '', table: t };
    this.roots.push(b);
    this.stack = [];
    this.listOwner = null;
    this.listTarget = null;
    return b;
  }

  root(text: string): SBlock {
    const b: SBlock = { id: `${this.prefix}${++this.paras}`, text, children: [], tail: '', label: '' };
    this.roots.push(b);
    this.stack = [b];
    this.listOwner = null;
    this.listTarget = null;
    return b;
  }

  child(depth: number, text: string, label: string): SBlock {
    // A lettered paragraph with nothing above it stands as a paragraph of its own.
    if (this.stack.length === 0) return this.root(text);
    const d = Math.max(1, Math.min(depth, this.stack.length));
    const parent = this.stack[d - 1]!;
    const b: SBlock = { id: `${parent.id}-${childKey(d, parent.children.length + 1)}`, text, children: [], tail: '', label };
    parent.children.push(b);
    this.stack.length = d;
    this.stack.push(b);
    this.listOwner = parent;
    this.listTarget = null;
    return b;
  }

  /** True when the latest subparagraph introduced an unlabelled list ("… the following themes:"). */
  introducesList(): boolean {
    const latest = this.stack[this.stack.length - 1];
    return this.listTarget !== null || (latest !== undefined && latest !== this.stack[0] && /:\s*$/.test(plain(latest.text)));
  }

  /**
   * Adds text that belongs to the paragraph being built: to the latest (sub)paragraph when it
   * simply runs on (`runOn`, no blank line between), otherwise after a list (a tail), or to the
   * paragraph when it has no list.
   */
  continuation(text: string, runOn = false): void {
    const latest = this.stack[this.stack.length - 1];
    // Text under a subparagraph that introduces it (":"), or that did not close its clause,
    // belongs to that subparagraph ("(b) … the following themes:" / "Panel 1: …" / "Panel 2: …").
    if (latest && latest !== this.stack[0] && /:\s*$/.test(plain(latest.text))) this.listTarget = latest;
    const target = this.listTarget ?? (latest && (runOn || !endsClause(latest.text)) ? latest : undefined);
    if (target) {
      target.text = target.text ? `${target.text} ${text}` : text;
      return;
    }
    const owner = this.listOwner ?? this.stack[0];
    if (!owner) {
      this.root(text);
      return;
    }
    if (owner.children.length > 0) owner.tail = owner.tail ? `${owner.tail} ${text}` : text;
    else owner.text = owner.text ? `${owner.text} ${text}` : text;
  }
}

/**
 * A paragraph the preambular paragraph before it quotes: that paragraph (not its subparagraphs)
 * ends with a colon ("… to render an advisory opinion on the following question:") and this one
 * opens with no phrase of the lexicon and closes a sentence or clause ("What are the obligations
 * of Israel …?"; not a title such as "Article I"). It is part of that paragraph, as an operative
 * paragraph's quotation is.
 */
function quotedAfterColon(prev: SBlock, u: Unit, lang: Language): boolean {
  return prev.children.length === 0 && !prev.heading && u.num === 0 && u.label === '' && /:\s*$/.test(plain(prev.text)) && opensWith(u.text, lang) === null && /[.?!;,:”"’»]\s*$/.test(plain(u.text));
}

const RE_HEADING_NUM = /^\s*([IVXL]{1,6}|[A-Z])(?:\.\s*|\s+|$)/;

/** Number and title of a heading unit ("II. Peace and security" → II, "Peace and security"). */
function headingParts(text: string): { num: string; title: string; roman: boolean } {
  const m = RE_HEADING_NUM.exec(text);
  if (!m) return { num: '', title: text.trim(), roman: false };
  return { num: m[1]!, title: text.slice(m[0].length).trim(), roman: m[1]!.length > 1 || /^[IVXL]$/.test(m[1]!) };
}

/**
 * Heading levels of one scope: roman numerals are parts (1) and letters sub-headings (2); where
 * there are no roman parts the letters are the parts. A single letter that is also a roman
 * numeral (I, V, X, L) counts as roman only where the sequence says so (I after no letter).
 */
function levelHeadings(blocks: readonly SBlock[]): void {
  // A heading numbered otherwise ("Action 13") or not at all keeps the level it was given.
  // A resolution's letter ("A", "B") is no part or sub-heading of it.
  const hs = blocks.filter((b) => b.heading && !b.heading.resolution && /^(?:[IVXL]{1,6}|[A-Z])$/.test(b.heading.num));
  const roman = hs.some((b) => b.heading!.num.length > 1 || b.heading!.num === 'I');
  let prevLetter = '';
  for (const b of hs) {
    const n = b.heading!.num;
    // "I" after "H" is a letter; "I" or "V" after a roman part is roman.
    const isLetter = n.length === 1 && (!/^[IVXL]$/.test(n) || (prevLetter !== '' && n.charCodeAt(0) === prevLetter.charCodeAt(0) + 1));
    b.heading!.level = roman && isLetter ? 2 : 1;
    if (isLetter) prevLetter = n;
    else prevLetter = '';
  }
}

/** An annex's "Preamble" line (A/RES/79/1, Declaration on Future Generations): a heading, never part of the title. */
const RE_PREAMBLE_HEADING = /^(?:Preamble|Préambule|Preámbulo|Преамбула)$/u;

/**
 * True when the unit after `k` is a numbered paragraph, or an unnumbered paragraph introducing
 * numbered ones (ending with a colon or comma: "Guided by these principles, we hereby pledge to:")
 * with a numbered paragraph right after it: the line at `k` heads them.
 */
function headsNumbered(units: readonly Unit[], k: number): boolean {
  const next = units[k + 1];
  if (!next) return false;
  if (next.num > 0) return true;
  return next.kind === 'para' && next.depth === 0 && /[:,]\s*$/.test(plain(next.text)) && (units[k + 2]?.num ?? 0) > 0;
}

/**
 * True for a line of title between numbered paragraphs: after a blank line, under a paragraph
 * (and its list) that closed its clause, or under such a title (`current` undefined), short,
 * closing no clause itself, and followed, after at most five more such lines, by a numbered
 * paragraph.
 */
function isUnnumberedHeading(u: Unit, current: SBlock | undefined, units: readonly Unit[], k: number): boolean {
  const titleLike = (v: Unit): boolean => {
    if (v.gap === 'none' || v.kind !== 'para' || v.num !== 0 || v.depth !== 0) return false;
    const t = plain(v.text).trim();
    return t.length > 0 && t.length <= 300 && !endsClause(t) && /^\p{Lu}/u.test(t);
  };
  if (!titleLike(u)) return false;
  // Further title lines may follow ("Part VI", "Human rights and humanitarian affairs", "Section 24"); then a number.
  let j = k + 1;
  while (j < units.length && j < k + 6 && titleLike(units[j]!)) j++;
  if (!units[j] || units[j]!.num === 0) return false;
  if (!current) return true;
  let lastText = current.tail || current.text;
  let b = current;
  while (!current.tail && b.children.length > 0) {
    b = b.children[b.children.length - 1]!;
    lastText = b.tail || b.text;
  }
  return endsClause(lastText);
}

/**
 * Parts of one unnumbered operative paragraph each: a part numbered on from the one before would
 * have printed "1." and "2.", so each part that follows an operative paragraph numbers its own
 * (restart). Only when every part has at most one operative paragraph.
 */
function markSingleParagraphParts(blocks: readonly SBlock[]): void {
  const counts: number[] = [];
  let ops = 0;
  for (const b of blocks) {
    if (b.heading?.level === 1) counts.push(0);
    else if (!b.heading && !b.table && !b.preambular && counts.length > 0 && b.id.startsWith('op')) {
      counts[counts.length - 1]!++;
      ops++;
    }
  }
  if (counts.length < 2 || ops < 2 || counts.some((c) => c > 1)) return;
  let seen = 0;
  for (const b of blocks) {
    if (b.heading?.level === 1 && seen > 0) b.heading.restart = true;
    if (!b.heading && !b.table && !b.preambular && b.id.startsWith('op')) seen++;
  }
}

/**
 * A chapter or article heading of an annexed convention ("Chapter II", "Article 3", or with its
 * title on the same line as the PDF reader gives it: "Article 3 Issuance of a negotiable cargo
 * document"). Unnumbered in the model (the words stay the title, exactly as printed); an article
 * starts its paragraph numbering again, as the convention prints it.
 */
const RE_CONVENTION_HEADING = /^(?:Chapter|Article)\s+(?:[IVXLC]{1,6}|\d{1,3})(?:\s+\p{Lu}[\s\S]*)?$/u;

/** True for a convention heading that has no title yet ("Chapter II" alone). */
function bareConventionHeading(b: SBlock | undefined): boolean {
  return b?.heading !== undefined && /^(?:Chapter|Article)\s+(?:[IVXLC]{1,6}|\d{1,3})$/.test(plain(b.text).trim());
}

const RE_NOTE_UNIT = /^(\d{1,3})\/?\s+(\S[\s\S]*)$/;

/** Builds the document parts from the units (see the module comment). */
export function buildDocument(units: readonly Unit[], opts: BuildOptions): Built {
  const { lang } = opts;
  const warnings: string[] = [];
  const notes = opts.notes.filter((n) => !/^reissued\b/i.test(n.text.trim()));

  // The resolution ends at the closing meeting line; annexes follow.
  let end = units.findIndex((u) => u.kind === 'meeting');
  let meeting = '';
  let meetingDate = '';
  if (end >= 0) {
    const u = units[end]!;
    const lines = u.lines.map((l) => plain(l).trim());
    const dateLine = lines.findIndex((l, i) => i > 0 && parseDate(l) !== null);
    let t = plain(u.text).replace(/\s+/g, ' ').trim();
    if (dateLine > 0) {
      meetingDate = parseDate(lines[dateLine]!) ?? '';
      const d = lines.slice(dateLine).join(' ').replace(/\s+/g, ' ');
      if (t.endsWith(d)) t = t.slice(0, t.length - d.length).trim();
    }
    // A footnote mark after the full stop of "Adopted at the 2nd meeting. 22" goes.
    meeting = t.replace(/\.\s*\d{1,3}\/?$/, '.').replace(/\.$/, '').trim();
  }
  const firstAnnex = units.findIndex((u) => u.kind === 'annex');
  if (end < 0) end = firstAnnex >= 0 ? firstAnnex : units.length;
  const body = units.slice(0, end).filter((u) => u.kind !== 'meeting');
  const after = units.slice(end).filter((u) => u.kind !== 'meeting');

  // Where the operative part begins.
  let opStart = -1;
  let inlineAnnexAt = -1;
  for (let i = 0; i < body.length; i++) {
    const u = body[i]!;
    if (u.kind !== 'para' || u.num !== 0 || u.depth !== 0) continue;
    if (opensWith(u.text, lang) === 'op') {
      const t = body[i + 1];
      const n = body[i + 2];
      if (u.text.trimEnd().endsWith(':') && t && t.kind === 'para' && t.num === 0 && t.depth === 0 && !endsClause(t.text) && t.text.length < 250 && n && n.num === 1) {
        opStart = i;
        inlineAnnexAt = i + 1;
      }
      break;
    }
  }
  const decision = opStart < 0 ? runInDecision(body, lang, opts.organ) : null;
  if (decision) {
    opStart = decision.at;
    if (decision.setsOut) inlineAnnexAt = decision.at + 1;
  }
  let firstNum = body.findIndex((u) => u.num > 0);
  // A first part whose only operative paragraph is unnumbered ("I. …", "Takes note …;", "II. …",
  // "1. …"): the operative part begins at that paragraph, not at the first number.
  for (let i = 0; i < firstNum; i++) {
    const u = body[i]!;
    if (u.kind === 'para' && u.num === 0 && u.depth === 0 && opensWith(u.text, lang) === 'op' && body.slice(0, i).some((v) => v.kind === 'heading') && body.slice(i + 1, firstNum).some((v) => v.kind === 'heading')) {
      firstNum = i;
      break;
    }
  }
  if (inlineAnnexAt < 0 && !decision) {
    if (firstNum >= 0) opStart = firstNum;
    else opStart = body.findIndex((u) => u.kind === 'para' && u.depth === 0 && opensWith(u.text, lang) === 'op');
  }
  if (opStart < 0) {
    // No number and no operative verb of the lexicon (old Security Council texts: "Hereby
    // resolves…", "Finds that…"): the first paragraph that closes with ";" or "." and after
    // which no paragraph opens with a preambular phrase.
    let lastPp = -1;
    body.forEach((u, i) => {
      if (u.kind === 'para' && opensWith(u.text, lang) === 'pp') lastPp = i;
    });
    opStart = body.findIndex((u, i) => i > lastPp && u.kind === 'para' && u.depth <= 1 && /[;.](?:\s?\d{1,3}\/?)?\s*$/.test(plain(u.text)));
  }
  if (opStart < 0) opStart = body.length;

  // Preamble.
  const isHeadingRest = (u: Unit): boolean =>
    u.kind === 'para' && u.num === 0 && u.depth === 0 && !endsClause(u.text) && !opensWith(u.text, lang) && plain(u.text).length < 400;
  // Headings just before the first operative paragraph open the operative part.
  let ppEnd = opStart;
  while (ppEnd > 0 && (body[ppEnd - 1]!.kind === 'heading' || (ppEnd >= 2 && body[ppEnd - 2]!.kind === 'heading' && isHeadingRest(body[ppEnd - 1]!)))) ppEnd--;
  if (ppEnd < opStart && body.slice(0, ppEnd).every((u) => u.kind === 'heading')) ppEnd = opStart;
  const pp = new Nester('pp');
  const addHeading = (nest: Nester, u: Unit): void => {
    if (u.resolution) {
      nest.heading(u.text, { level: 1, num: u.label, restart: true, resolution: true });
      return;
    }
    const h = headingParts(u.text);
    nest.heading(h.title, { level: h.roman ? 1 : 2, num: h.num });
  };
  for (const u of body.slice(0, ppEnd)) {
    if (u.kind === 'heading') {
      addHeading(pp, u);
      continue;
    }
    if (u.table) {
      pp.table(u.table);
      continue;
    }
    // A resolution's title was read with its letter (split.ts): what follows is its text.
    const lastH = pp.last?.heading && !pp.last.heading.resolution ? pp.last : undefined;
    if (lastH && !lastH.text && isHeadingRest(u)) {
      lastH.text = u.text;
      continue;
    }
    if (u.depth > 0) pp.child(u.depth, u.text, u.label);
    else if (pp.current && quotedAfterColon(pp.current, u, lang)) pp.continuation(u.text);
    else pp.root(u.text);
  }

  // Operative part.
  const op = new Nester('op');
  const opUnits = inlineAnnexAt >= 0 ? body.slice(ppEnd, inlineAnnexAt) : body.slice(ppEnd);
  const numbered = opUnits.some((u) => u.num > 0);
  let opsSeen = 0;
  let lastNum = 0;
  // The latest heading since the last operative paragraph (where a restart of numbering is noted).
  let pendingHeading: SBlock | null = null;
  for (let k = 0; k < opUnits.length; k++) {
    const u = opUnits[k]!;
    const last = op.last;
    // The rest of a heading's title, when it was not joined to the heading.
    if (last?.heading && !last.heading.resolution && !last.text && isHeadingRest(u)) {
      last.text = u.text;
      continue;
    }
    if (u.kind === 'heading' && u.resolution) {
      // The next resolution: its paragraphs are numbered from 1, whatever came before.
      addHeading(op, u);
      pendingHeading = null;
      lastNum = 0;
      continue;
    }
    if (u.kind === 'heading') {
      addHeading(op, u);
      // A restart belongs to the part's own heading, not to a sub-heading under it ("II", "A.", "1.").
      if (!pendingHeading) pendingHeading = op.last!;
      continue;
    }
    if (u.table) {
      op.table(u.table);
      continue;
    }
    if (u.num > 0) {
      if (u.num === 1 && lastNum > 0 && pendingHeading) pendingHeading.heading!.restart = true;
      else if (u.num === 1 && lastNum > 0) warnings.push(`Operative numbering starts again at 1 after paragraph ${lastNum} with no heading before it; the paragraphs are numbered on.`);
      pendingHeading = null;
      lastNum = u.num;
      opsSeen++;
      op.root(u.text);
    } else if (u.depth > 0) op.child(u.depth, u.text, u.label);
    else {
      const kind = op.current && numbered ? opensWith(u.text, lang) : null;
      // Titles between two numbered paragraphs, the one before closed: unnumbered sub-headings
      // ("Financing of the support account …", "Part VI" / "Human rights …"), never glued to it.
      const afterTitle = last?.heading !== undefined && last.heading.num === '';
      if (numbered && (afterTitle || op.current) && isUnnumberedHeading(u, afterTitle ? undefined : op.current, opUnits, k)) {
        op.heading(u.text, { level: 2, num: '' });
        continue;
      }
      const inPreamble = last !== undefined && (last.heading !== undefined || last.preambular === true);
      // Under a part's heading, a paragraph closed by a comma before the part's paragraph 1 is its
      // preamble, whatever its verb ("XXVI. Contingency fund" / "Recalls its resolution …," / "1. …").
      const commaBeforeOne = inPreamble && /,$/.test(plain(u.text).trimEnd()) && opUnits[k + 1]?.num === 1;
      if (kind === 'pp' || (inPreamble && opensWith(u.text, lang) === 'pp') || commaBeforeOne) {
        // A preambular paragraph of a part ("II. …", "Recalling …"): kept as such.
        if (!inPreamble) warnings.push(`A preambular paragraph was found among the operative paragraphs, after paragraph ${opsSeen}, with no heading before it: “${plain(u.text).slice(0, 60)}…”; it was kept as a preambular paragraph.`);
        op.root(u.text).preambular = true;
      } else if (inPreamble && numbered && pendingHeading) {
        // The single operative paragraph of a part is not numbered: its part has numbering of its own.
        pendingHeading.heading!.restart = true;
        pendingHeading = null;
        lastNum = 1;
        opsSeen++;
        op.root(u.text);
      } else if (!op.current || !numbered || kind) {
        // An unnumbered paragraph standing alone counts as the first of its numbering.
        if (numbered && lastNum === 0) lastNum = 1;
        if (kind === 'op') warnings.push(`An operative paragraph without a number was found after paragraph ${opsSeen}: “${plain(u.text).slice(0, 60)}…”.`);
        op.root(u.text);
        opsSeen++;
        pendingHeading = null;
      } else op.continuation(u.text, u.gap === 'none');
    }
  }
  levelHeadings([...pp.roots, ...op.roots]);
  if (!numbered) markSingleParagraphParts([...pp.roots, ...op.roots]);
  // Numbering cannot start again before any operative paragraph: a first part's restart says nothing.
  for (const b of [...pp.roots, ...op.roots]) {
    if (!b.heading && !b.table && !b.preambular && b.id.startsWith('op')) break;
    if (b.heading && !b.heading.resolution) delete b.heading.restart;
  }
  // Resolution A with no preamble opens the operative part, as the editor's file model places it
  // (convert.ts containersOf: the preamble ends at its last preambular paragraph).
  if (pp.roots.length > 0 && pp.roots.every((b) => b.heading) && pp.roots.some((b) => b.heading!.resolution)) op.roots.unshift(...pp.roots.splice(0));

  // Annexes: the text adopted in full, then each "Annex" heading with its title and paragraphs.
  const annexes: { heading: string; title: string; nest: Nester }[] = [];
  const extraNotes: RawNote[] = [];
  const annexUnits = inlineAnnexAt >= 0 ? [...body.slice(inlineAnnexAt), ...after] : after;
  let cur: { heading: string; title: string; nest: Nester; started: boolean } | null = null;
  const newAnnex = (heading: string): { heading: string; title: string; nest: Nester; started: boolean } => {
    const a = { heading, title: '', nest: new Nester(`ax${annexes.length + 1}-p`), started: false };
    annexes.push(a);
    return a;
  };
  if (inlineAnnexAt >= 0) cur = newAnnex('');
  // Per unit: whether the annex it stands in prints numbered paragraphs. In such an annex a
  // paragraph printed without a number (a declaration's preamble, "We, the Heads of State…", or a
  // section's introduction) stays unnumbered (Block.preambular), never numbered by position.
  const numberedAnnex: boolean[] = [];
  for (let i = 0, start = 0; i <= annexUnits.length; i++) {
    if (i === annexUnits.length || (annexUnits[i]!.kind === 'annex' && i > start)) {
      const numbered = annexUnits.slice(start, i).some((v) => v.kind === 'para' && v.num > 0);
      for (let j = start; j < i; j++) numberedAnnex[j] = numbered;
      start = i;
    }
  }
  // What a one-sentence decision sets out is a list or a table: at most its first line is a title.
  const oneTitle = decision?.setsOut === true;
  for (const [ui, u] of annexUnits.entries()) {
    if (u.kind === 'annex') {
      cur = newAnnex(plain(u.text).replace(/(?<!\s)\s*\*$/, '').trim());
      continue;
    }
    if (!cur) {
      // Text after the meeting line and before any annex: old Security Council notes, or an
      // annex without a heading.
      const m = RE_NOTE_UNIT.exec(plain(u.text));
      if (u.kind === 'para' && u.depth === 0 && m) {
        extraNotes.push({ mark: m[1]!, text: m[2]! });
        continue;
      }
      if (u.kind === 'para' && u.depth === 0 && parseDate(plain(u.text)) !== null && !meetingDate) {
        meetingDate = parseDate(plain(u.text)) ?? '';
        continue;
      }
      cur = newAnnex('');
    }
    // A title may run long (a conference's name, place and dates), a further title line less so.
    const preambleHeading = u.kind === 'para' && u.num === 0 && u.depth === 0 && RE_PREAMBLE_HEADING.test(plain(u.text).trim());
    if (!cur.started && !preambleHeading && !(oneTitle && cur.title) && u.kind === 'para' && u.num === 0 && u.depth === 0 && !endsClause(u.text) && plain(u.text).length < (cur.title ? 250 : 400) && !opensWith(u.text, lang)) {
      cur.title = cur.title ? `${cur.title} ${u.text}` : u.text;
      continue;
    }
    cur.started = true;
    if (u.table) cur.nest.table(u.table);
    else if (u.kind === 'heading') addHeading(cur.nest, u);
    else if (preambleHeading) cur.nest.heading(u.text.trim(), { level: 1, num: '' });
    else if (u.kind === 'para' && u.num === 0 && u.depth === 0 && RE_ACTION_HEADING.test(u.text)) {
      const m = RE_ACTION_HEADING.exec(u.text)!;
      cur.nest.heading(u.text.slice(m[0].length), { level: 2, num: `${m[1]} ${m[2]}` });
    } else if (u.kind === 'para' && u.num === 0 && u.depth === 0 && plain(u.text).length < 200 && !endsClause(u.text) && RE_CONVENTION_HEADING.test(plain(u.text).trim())) {
      const article = plain(u.text).trim().startsWith('Article');
      cur.nest.heading(u.text.trim(), { level: 1, num: '', ...(article ? { restart: true } : {}) });
    } else if (u.kind === 'para' && u.num === 0 && u.depth === 0 && bareConventionHeading(cur.nest.last) && plain(u.text).length < 200 && !endsClause(u.text) && !opensWith(u.text, lang)) {
      // Its title on the next line ("Chapter II" / "Issuance, content and legal effect…").
      cur.nest.last!.text = `${cur.nest.last!.text} ${u.text.trim()}`;
    } else if (u.kind === 'para' && u.num === 0 && u.depth === 0 && u.label === '' && plain(u.text).length < 100 && !/[.,;:!?]\s*$/.test(plain(u.text)) && !opensWith(u.text, lang) && headsNumbered(annexUnits, ui) && cur.nest.roots.length > 0 && !(cur.nest.last?.heading && RE_CONVENTION_HEADING.test(plain(cur.nest.last.text).trim()))) {
      // A short line with no closing punctuation before a numbered paragraph: an unnumbered heading
      // ("Objectives", "Principles" in the Global Digital Compact), not a paragraph of its own; under
      // an article that has its title, the article's text.
      cur.nest.heading(u.text.trim(), { level: 1, num: '' });
    } else if (u.num > 0) cur.nest.root(u.text);
    else if (u.depth > 0) cur.nest.child(u.depth, u.text, u.label);
    else if (cur.nest.current && cur.nest.current.children.length > 0 && (/^\p{Ll}/u.test(plain(u.text)) || cur.nest.introducesList())) cur.nest.continuation(u.text);
    else if (numberedAnnex[ui]) cur.nest.root(u.text).preambular = true;
    else cur.nest.root(u.text);
  }
  notes.push(...extraNotes);
  if (oneTitle) settleSetOut(annexes[0]!);
  for (const a of annexes) levelHeadings(a.nest.roots);

  // Footnotes: marks in document order.
  const slots: { b: SBlock; field: 'text' | 'tail' }[] = [];
  const walk = (b: SBlock): void => {
    slots.push({ b, field: 'text' });
    b.children.forEach(walk);
    if (b.tail) slots.push({ b, field: 'tail' });
  };
  pp.roots.forEach(walk);
  op.roots.forEach(walk);
  for (const a of annexes) a.nest.roots.forEach(walk);
  const referenced = new Set<string>();
  for (const s of slots) {
    const t = s.b[s.field];
    let i = t.indexOf(FN_OPEN);
    while (i >= 0) {
      const e = t.indexOf('\uE001', i);
      referenced.add(t.slice(i + 1, e < 0 ? t.length : e));
      i = t.indexOf(FN_OPEN, i + 1);
    }
  }
  const pending = notes.map((n) => n.mark).filter((m) => m !== '' && !referenced.has(m));
  const marked = markFootnotes(
    slots.map((s) => s.b[s.field]),
    pending,
    lang === 'fr' || lang === 'es' || lang === 'ru',
  );
  slots.forEach((s, k) => {
    s.b[s.field] = marked.texts[k]!;
  });
  for (const m of marked.found) referenced.add(m);
  const starred = markStarCalls(slots.map((s) => s.b[s.field]), notes.map((n) => n.mark).filter((m) => m !== '' && !referenced.has(m)));
  slots.forEach((s, k) => (s.b[s.field] = starred.texts[k]!));
  for (const m of starred.found) referenced.add(m);

  const noteIds = new Map<string, string>();
  const footnotes: Footnote[] = [];
  notes.forEach((n, k) => {
    const id = `fn${k + 1}`;
    if (n.mark && !noteIds.has(n.mark)) noteIds.set(n.mark, id);
    footnotes.push({ id, content: [] });
    if (n.mark && !referenced.has(n.mark)) warnings.push(`Footnote ${n.mark} was found, but not where it is referenced in the text; it is kept at the end.`);
  });
  const noteId = (mark: string): string | undefined => {
    const id = noteIds.get(mark);
    if (!id) warnings.push(`A reference to footnote ${mark} was found, but not the footnote itself; the reference was left out.`);
    return id;
  };
  notes.forEach((n, k) => {
    footnotes[k]!.content = toInlines(n.text, () => undefined);
  });

  // Convert to the model.
  const labels: Record<string, string> = {};
  let phraseCount = 0;
  const convert = (b: SBlock, kind: 'pp' | 'op' | 'sub'): Block => {
    if (b.heading) {
      const title = plain(b.text).trim() === '' ? '' : b.text.replace(/^\s+|(?<!\s)\s+$/g, '');
      if (!title) warnings.push(`The heading “${b.heading.num}” has no title.`);
      return { id: b.id, content: toInlines(title, noteId), children: [], tail: [], heading: { ...b.heading } };
    }
    if (b.preambular) return { ...convert({ ...b, preambular: false }, 'pp'), preambular: true };
    if (b.table) return { id: b.id, content: [], children: [], tail: [], table: { header: b.table.header, rows: b.table.rows.map((r) => [...r]) } };
    let text = b.text;
    let phrase = b.phrase;
    const em = leadingEmphasisLength(text);
    if (em > 0 && phrase === undefined) {
      text = dropLeadingEmphasis(text);
      const det = kind === 'sub' ? null : detectParagraphPhrase(plain(text), lang, kind, opts.organ);
      if (!det || det.end !== em) phrase = em;
    }
    if (kind !== 'sub' && b.phrase === undefined && opensWith(text, lang)) phraseCount++;
    const out: Block = { id: b.id, content: toInlines(text, noteId), children: b.children.map((c) => convert(c, 'sub')), tail: b.tail ? toInlines(b.tail, noteId) : [] };
    if (phrase !== undefined) out.phrase = phrase;
    if (listLabelsOf(b.children.map((c) => c.label))) out.listLabels = 'digits';
    if (b.label) labels[b.id] = b.label;
    return out;
  };
  const preambular = pp.roots.map((b) => convert(b, 'pp'));
  const operative = op.roots.map((b) => convert(b, 'op'));
  const annexOut: Annex[] = annexes.map((a, k) => ({
    id: `ax${k + 1}`,
    heading: a.heading,
    title: plain(a.title).replace(/\s+/g, ' ').trim(),
    paragraphs: a.nest.roots.map((b) => convert(b, 'op')),
    // The text "Adopts the following …:" sets out stands in the body, before the closing block.
    ...(k === 0 && inlineAnnexAt >= 0 && !decision?.setsOut ? { inBody: true } : {}),
  }));
  return { preambular, operative, annexes: annexOut, footnotes, meeting, meetingDate, labels, warnings, phraseCount };
}
