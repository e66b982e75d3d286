/**
 * The object `plenary parse --json` prints for a parsed document: front-matter fields, the
 * preambular and operative paragraphs as text with their opening phrases, subparagraphs with
 * their labels, and the footnotes with their marks.
 */
import { subparagraphLabel, type SubparagraphLevel } from '../resolution/labels.js';
import { detectParagraphPhrase } from '../resolution/structure.js';
import { isParagraph, type AgendaItem, type Block, type Inline, type Language, type Organ, type ResolutionDocument } from '../resolution/model.js';
import { committeeName, documentForm, type DocumentForm } from '../resolution/masthead.js';
import { amendmentsOf, type AmendmentJson } from './amendment.js';

/** A subparagraph in the JSON output. */
export interface ParseJsonSubparagraph {
  /** Label as printed: "(a)", "(i)", "a)" in French and Spanish. */
  label: string;
  /** Text as printed without its label (nested subparagraphs included, with their labels); footnote marks removed. */
  text: string;
  subparagraphs: ParseJsonSubparagraph[];
}

/** An operative paragraph in the JSON output. */
export interface ParseJsonOperative {
  /** Number of the paragraph as printed, 1-based (starting again where a part restarts it). */
  number: number;
  /** Number of the part (level-1 heading) it stands in ("II"), when the resolution is in parts. */
  part?: string;
  /**
   * The paragraph as printed without its number: the opening phrase included, then its
   * subparagraphs with their labels and any text after the list, footnote marks removed. The
   * same subparagraphs are given one by one in `subparagraphs`.
   */
  text: string;
  /** The opening phrase as printed ("Takes note", "Prie"), or "" when none is recognised. */
  openingPhrase: string;
  subparagraphs: ParseJsonSubparagraph[];
}

/** A preambular paragraph in the JSON output. */
export interface ParseJsonPreambular {
  /** The paragraph as printed (any subparagraphs inlined with their labels), footnote marks removed. */
  text: string;
  /** The opening phrase as printed ("Recalling also", "Consciente"), or "". */
  openingPhrase: string;
}

/** The whole JSON object of `plenary parse --json`. */
export interface ParseJson {
  symbol: string;
  /** "resolution", "draft-resolution", "draft-decision" or "amendment". */
  kind: DocumentForm;
  language: Language;
  organ: Organ;
  session: string;
  /** The Main Committee as its drafts name it ("Special Political and Decolonization Committee (Fourth Committee)"), or "". */
  committee: string;
  agendaItems: AgendaItem[];
  /** Sponsors of a draft, all of them, in order; [] for resolutions and bureau drafts. */
  sponsors: string[];
  /** The note of the sponsor line's "*" ("On behalf of the States … Group of 77 and China"), or "". */
  sponsorNote: string;
  /** The line that replaces the sponsors in bureau drafts ("Draft resolution submitted by the Chair"), or "". */
  bureauLine: string;
  title: string;
  /** ISO yyyy-mm-dd, or "". */
  adoptionDate: string;
  basis: string;
  meeting: string;
  /** Preambular paragraphs, those of the parts included, in reading order. */
  preambular: ParseJsonPreambular[];
  /** Operative paragraphs in reading order (headings and part preambles excluded). */
  operative: ParseJsonOperative[];
  /** Headings of parts and sub-headings of the resolution (not of its annexes), in reading order. */
  headings: { level: 1 | 2; num: string; title: string }[];
  footnotes: { mark: string; text: string }[];
  /**
   * An amendment document's instructions, each with the text it quotes (import/amendment.ts);
   * present only when `kind` is "amendment". Quoted paragraphs are in neither `preambular` nor `operative`.
   */
  amendments?: AmendmentJson[];
}

/** Printed labels of documents made by the text importer (see ParseResult.labels). */
const printed = new WeakMap<ResolutionDocument, Readonly<Record<string, string>>>();

/**
 * Records the subparagraph labels as printed in the source of a document the importer made, so
 * that {@link toParseJson} reports them without being passed them. The document is held weakly.
 */
export function rememberPrintedLabels(doc: ResolutionDocument, labels: Readonly<Record<string, string>>): void {
  printed.set(doc, labels);
}

/** Plain text of inline runs, footnote references dropped, spaces normalised. */
function text(inlines: readonly Inline[]): string {
  let s = '';
  for (const i of inlines) if (i.t === 'text') s += i.text;
  return s.replace(/\s+/g, ' ').trim();
}

function phraseOf(b: Block, s: string, lang: Language, kind: 'pp' | 'op', organ: Organ): string {
  if (b.phrase !== undefined) return s.slice(0, b.phrase).trim();
  const m = detectParagraphPhrase(s, lang, kind, organ);
  return m ? s.slice(m.start, m.end) : '';
}

function labelOf(b: Block, index: number, level: number, lang: Language, labels?: Readonly<Record<string, string>>): string {
  return labels?.[b.id] ?? subparagraphLabel(index, Math.min(4, Math.max(1, level)) as SubparagraphLevel, lang);
}

function subs(children: readonly Block[], level: number, lang: Language, labels?: Readonly<Record<string, string>>): ParseJsonSubparagraph[] {
  return children.map((c, i) => ({
    label: labelOf(c, i, level, lang, labels),
    text: flat(c, level + 1, lang, labels),
    subparagraphs: subs(c.children, level + 1, lang, labels),
  }));
}

function flat(b: Block, level: number, lang: Language, labels?: Readonly<Record<string, string>>): string {
  const parts = [text(b.content)];
  b.children.forEach((c, i) => parts.push(`${labelOf(c, i, level, lang, labels)} ${flat(c, level + 1, lang, labels)}`));
  parts.push(text(b.tail));
  return parts.filter((p) => p !== '').join(' ');
}

/**
 * The `plenary parse --json` object for a document. Labels are derived from position and
 * language (labels.ts) unless `labels` gives them as printed (by default, those the text importer
 * recorded for this very document object: ParseResult.labels); footnote marks are numbered 1, 2, 3… in order of first reference (footnotes that
 * nothing references follow, in their order).
 */
export function toParseJson(doc: ResolutionDocument, labels: Readonly<Record<string, string>> | undefined = printed.get(doc)): ParseJson {
  const { meta } = doc;
  const lang = meta.language;
  const body = [...doc.preambular, ...doc.operative];
  const preambular = body
    .filter((b) => isParagraph(b) && !b.quoted && (b.preambular === true || doc.preambular.includes(b)))
    .map((b) => {
      const t = flat(b, 1, lang, labels);
      return { text: t, openingPhrase: phraseOf(b, t, lang, 'pp', meta.organ) };
    });
  const headings: ParseJson['headings'] = [];
  const operative: ParseJsonOperative[] = [];
  let part = '';
  let n = 0;
  for (const b of body) {
    if (b.heading) {
      headings.push({ level: b.heading.level, num: b.heading.num, title: text(b.content) });
      if (b.heading.level === 1) part = b.heading.num;
      if (b.heading.restart && doc.operative.includes(b)) n = 0;
      continue;
    }
    if (!isParagraph(b) || b.preambular || b.quoted || doc.preambular.includes(b)) continue;
    const o: ParseJsonOperative = {
      number: ++n,
      text: flat(b, 1, lang, labels),
      openingPhrase: phraseOf(b, text(b.content), lang, 'op', meta.organ),
      subparagraphs: subs(b.children, 1, lang, labels),
    };
    if (part) o.part = part;
    operative.push(o);
  }
  // Footnotes in order of first reference.
  const order: string[] = [];
  const seen = new Set<string>();
  const visitInlines = (ins: readonly Inline[]): void => {
    for (const i of ins) {
      if (i.t === 'fn' && !seen.has(i.id)) {
        seen.add(i.id);
        order.push(i.id);
      }
    }
  };
  const visit = (b: Block): void => {
    visitInlines(b.content);
    b.children.forEach(visit);
    visitInlines(b.tail);
  };
  doc.preambular.forEach(visit);
  doc.operative.forEach(visit);
  doc.annexes.forEach((a) => a.paragraphs.forEach(visit));
  for (const f of doc.footnotes) {
    if (!seen.has(f.id)) {
      seen.add(f.id);
      order.push(f.id);
    }
  }
  const byId = new Map(doc.footnotes.map((f) => [f.id, f]));
  const footnotes = order.filter((id) => byId.has(id)).map((id, k) => ({ mark: String(k + 1), text: text(byId.get(id)!.content) }));
  const kind = documentForm(meta);
  return {
    symbol: meta.symbol,
    kind,
    language: lang,
    organ: meta.organ,
    session: meta.session,
    committee: committeeName(lang, meta.organ),
    agendaItems: meta.agendaItems.map((a) => ({ number: a.number, title: a.title })),
    sponsors: [...meta.sponsors],
    sponsorNote: meta.sponsorNote,
    bureauLine: meta.bureauLine,
    title: meta.title,
    adoptionDate: meta.adoptionDate,
    basis: meta.basis,
    meeting: meta.meeting,
    preambular,
    operative,
    headings,
    footnotes,
    ...(kind === 'amendment' ? { amendments: amendmentsOf(doc, (b) => flat(b, 1, lang, labels)) } : {}),
  };
}
