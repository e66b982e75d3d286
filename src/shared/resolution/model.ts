/**
 * The plain-data document model of a resolution.
 *
 * This is what importers produce, exporters consume, the library stores and `.plenary` files
 * hold. The editor works on a ProseMirror document built from the same shape (see schema.ts and
 * convert.ts). Numbers and labels are never stored: they are derived from position
 * (see labels.ts). Every block carries a stable `id` (like AKN's wId) that survives moves, so
 * cross-references, provenance and proposals attach to ids, not to numbers.
 */

/** The six official languages of the United Nations, as ISO 639-1 codes. */
export type Language = 'en' | 'fr' | 'es' | 'ru' | 'ar' | 'zh';

/** All languages in the order the UN lists them (alphabetical in English). */
export const LANGUAGES: readonly Language[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

/** What sort of document this is: an adopted resolution, a draft (L-document) or a revised draft. */
export type DocumentKind = 'resolution' | 'draft' | 'revision';

/**
 * The organ that adopts (or will adopt) the text. `ga` is the General Assembly plenary,
 * `ga-c1`…`ga-c6` its Main Committees; `other` for anything else (subsidiary bodies).
 */
export type Organ =
  | 'ga'
  | 'ga-c1'
  | 'ga-c2'
  | 'ga-c3'
  | 'ga-c4'
  | 'ga-c5'
  | 'ga-c6'
  | 'sc'
  | 'ecosoc'
  | 'hrc'
  | 'other';

/** An agenda item: its number as printed ("18", "18 (l)") and its title. */
export interface AgendaItem {
  number: string;
  title: string;
}

/** Everything above "The General Assembly,": the masthead and the heading block. */
export interface FrontMatter {
  kind: DocumentKind;
  organ: Organ;
  /** Document symbol, e.g. "A/RES/79/200", "A/C.2/80/L.26/Rev.1", "S/RES/2532 (2020)". */
  symbol: string;
  /** Session number as a string ("79"; "S-13" for special sessions); "" when unknown. */
  session: string;
  agendaItems: AgendaItem[];
  /** Sponsors of a draft, in order ("Italy", "Turkmenistan"). */
  sponsors: string[];
  /** Footnote attached to the sponsor line, e.g. "On behalf of the … Group of 77 and China". */
  sponsorNote: string;
  /** Replaces the sponsor line for bureau drafts ("Draft resolution submitted by the Vice-Chair…"). */
  bureauLine: string;
  /**
   * The words after the sponsors' colon when they are not "draft resolution" (nor "revised draft
   * resolution" for revisions): "draft decision", "amendment to draft resolution A/80/L.18".
   * Absent for resolutions and ordinary draft resolutions.
   */
  sponsorLineEnd?: string;
  /** Title without its number ("Oil slick on Lebanese shores"). */
  title: string;
  /** Adoption date, ISO yyyy-mm-dd, or "" (drafts). */
  adoptionDate: string;
  /** Issue date shown under "Distr.", ISO yyyy-mm-dd, or "". */
  issueDate: string;
  /** Basis line without brackets ("on the report of the Second Committee (A/79/437, para. 17)"). */
  basis: string;
  /** Closing meeting line ("19th plenary meeting"), or "". */
  meeting: string;
  /** Language the document is written in. */
  language: Language;
  /** Original language of a draft ("Original: English"), or "" for resolutions. */
  originalLanguage: Language | '';
}

/**
 * A proposal in a negotiation: an insertion or deletion put forward by a delegation or group.
 * `parent` is the id of the proposal this one amends (a proposal on a proposal).
 */
export interface Proposal {
  id: string;
  /** Delegation or group ("EU", "G77 and China", "CANZ", "Mexico"). */
  by: string;
  /** When it was made, ISO 8601. */
  at: string;
  parent?: string;
}

/** What a whole-paragraph proposal does. */
export type ParagraphProposalKind = 'ins' | 'del' | 'move-from' | 'move-to';

/** A proposal on a whole paragraph (see {@link Block.proposal}). */
export interface ParagraphProposal extends Proposal {
  kind: ParagraphProposalKind;
  /** For moves: a plain move, a PP↔OP conversion or a level change (default 'move'). */
  as?: 'move' | 'convert' | 'level';
}

/** Inline marks a text run can carry. */
export interface InlineMarks {
  /** Emphasis added by hand (opening-phrase italics are derived, not stored here). */
  em?: boolean;
  /** A reference to a document symbol ("74/197", "A/75/454"). */
  symbolRef?: string;
  /** A hyperlink target. */
  link?: string;
  /** Proposed insertion (negotiation). */
  ins?: Proposal;
  /** Proposed deletion (negotiation). */
  del?: Proposal;
  /** Ids of the [bracketed] spans this run is in, outermost first (text not yet agreed). */
  brackets?: string[];
}

/** A run of text. */
export interface TextRun extends InlineMarks {
  t: 'text';
  text: string;
}

/**
 * A footnote reference: the note's content lives in ResolutionDocument.footnotes. Its marks
 * (InlineMarks) are those of the reference itself, e.g. a footnote proposed for insertion.
 */
export interface FootnoteRef extends InlineMarks {
  t: 'fn';
  id: string;
}

/**
 * A cross-reference to other paragraphs by id ("paragraph 5 above", "paragraphs 3 to 7",
 * "subparagraph (b)"). Rendered from the current numbering every time; never stored as a number.
 * Its marks (InlineMarks) are those of the reference, e.g. a cross-reference proposed for insertion.
 */
export interface CrossRef extends InlineMarks {
  t: 'xref';
  /** One id, or two for a range (first and last). */
  targets: string[];
}

/** Anything that can stand inside a paragraph's text. */
export type Inline = TextRun | FootnoteRef | CrossRef;

/** Negotiation status of a paragraph. */
export type ParagraphStatus = '' | 'agreed' | 'adref' | 'pending' | 'deleted';

/** Where a paragraph of agreed language came from. */
export interface Provenance {
  /** Symbol of the source document ("A/RES/74/197"). */
  symbol: string;
  /** Paragraph designation in the source ("PP3", "OP5", "OP5 (a)"). */
  paragraph: string;
  /** Hash of the source text (hex), so drift from the source can be detected. */
  hash: string;
  /** The source text itself, for the difference view. */
  text: string;
}

/**
 * A paragraph of the text: preambular, operative, subparagraph or annex paragraph.
 * `content` is the chapeau (the whole text when there is no list); `children` the
 * subparagraphs; `tail` text that continues after the list inside the same paragraph.
 */
export interface Block {
  id: string;
  content: Inline[];
  children: Block[];
  tail: Inline[];
  /**
   * Manual override of the opening phrase: number of characters to set in italics,
   * 0 to set none, undefined to let the lexicon decide.
   */
  phrase?: number;
  status?: ParagraphStatus;
  /** Delegation holding a pending paragraph ("EU"). */
  holder?: string;
  provenance?: Provenance;
  /**
   * The proposal that inserted (`kind: 'ins'`) or would delete (`kind: 'del'`) the whole paragraph,
   * or moves it: a move is two paragraphs sharing the proposal id, the `move-from` ghost at the old
   * place and the `move-to` paragraph at the new one; `as` tells a PP↔OP conversion ('convert') or
   * a level change ('level') from a plain move (see negotiation/views.ts).
   */
  proposal?: ParagraphProposal;
  /**
   * Frozen base number for negotiation numbering (PP/OP number in the base text); absent for
   * paragraphs inserted since the base was frozen (they get bis, ter…).
   */
  base?: number;
  /**
   * Present when the block is a heading, not a paragraph: its `content` is the heading's title
   * (it has no children and no tail, and is never numbered as a paragraph). See {@link Heading}.
   */
  heading?: Heading;
  /**
   * A preambular paragraph standing in the operative list: the preamble of a part ("II. …",
   * then "Recalling…", then its operative paragraphs). Unnumbered, ends with a comma.
   */
  preambular?: boolean;
  /** Present when the block is a table (annexes): its cells; `content` is empty. */
  table?: Table;
  /**
   * Text quoted by the amendment instruction before it (an amendment document's paragraph to
   * insert, replace or delete, "…paragraph reading:"), words exactly as printed. It stands in the
   * operative list right after its instruction, is never numbered, and prints as the official
   * amendments print it: a paragraph of its own under the instruction (see import/amendment.ts).
   */
  quoted?: boolean;
  /**
   * Levels this paragraph stands below the place its nesting gives it, when the paragraph it
   * would belong to is missing: a subparagraph "(a)" first in the operative list (no operative
   * paragraph above it) is a top-level block with `skip: 1`; an "(i)" right under an operative
   * paragraph is its child with `skip: 1`. Absent (never 0) for an ordinary paragraph. Kept so a
   * saved file reopens at exactly the level the editor showed; printed at that level.
   */
  skip?: number;
  /**
   * How this paragraph's subparagraphs are labelled when the document numbers them "1.", "2."…
   * instead of "(a)", "(b)"… (A/RES/79/1, Annex I, paragraph 7): `'digits'`. Absent for the
   * usual labels by level. The labels themselves are still derived from position.
   */
  listLabels?: 'digits';
}

/**
 * A heading inside the text: level 1 a part ("I. Peace and security"), level 2 a lettered
 * sub-heading ("A. Regional cooperation"), in the operative list, the preamble or an annex.
 * `num` is the printed number without its full stop ("II", "B"), "" for an unnumbered heading.
 * `restart`: operative paragraph numbers start again at 1 after this heading; otherwise they
 * continue from the previous part, as the document does. Mostly a part's (level 1); a lettered
 * sub-heading has it where the document starts again under it (A/C.5/80/L.17: "II", an
 * unnumbered paragraph, "A.", another, "B.", then 1 to 4).
 */
export interface Heading {
  level: 1 | 2;
  num: string;
  restart?: boolean;
  /**
   * The heading opens one of several resolutions the document holds ("A", "B", cited "79/252 A
   * and B"), always with `level: 1` and `restart: true`: a centred letter (`num`), its own title
   * if any (the content, often empty), then its own enacting formula ("The General Assembly,",
   * derived, never stored), preamble and operative part numbered from 1. Resolution A's heading
   * stands first in `preambular` (first in `operative` when A has no preamble); each later one
   * stands in `operative`, its preambular paragraphs after it marked `preambular`. Parts ("I.")
   * and lettered sub-headings inside a resolution are ordinary headings after it.
   */
  resolution?: boolean;
}

/** True for a block that opens one of the document's resolutions (see {@link Heading.resolution}). */
export function isResolutionHeading(b: Block): boolean {
  return b.heading?.resolution === true;
}

/** A table: rows of cells, each cell plain text; `header` when the first row heads the columns. */
export interface Table {
  header: boolean;
  rows: string[][];
}

/** True for a block that is a paragraph of the text (not a heading or a table). */
export function isParagraph(b: Block): boolean {
  return b.heading === undefined && b.table === undefined;
}

/** A footnote's content. Numbered by order of first reference. */
export interface Footnote {
  id: string;
  content: Inline[];
}

/**
 * An annex: a heading and paragraphs with their own numbering. With `inBody`, the text a
 * resolution adopts in full and quotes in its body ("Adopts the following Pact for the Future and
 * its annexes:", then the Pact with its own title, headings, numbered paragraphs and footnotes): it
 * has no "Annex" heading (`heading` is ""), follows the operative paragraph that introduces it and
 * prints before the closing meeting block, as the official text does (A/RES/79/1). Absent (never
 * false) for an ordinary annex, which prints after the closing block.
 */
export interface Annex {
  id: string;
  heading: string;
  title: string;
  paragraphs: Block[];
  inBody?: boolean;
}

/** A whole resolution or draft. */
export interface ResolutionDocument {
  meta: FrontMatter;
  preambular: Block[];
  operative: Block[];
  footnotes: Footnote[];
  annexes: Annex[];
}

/** A FrontMatter with every field empty, in English, for a GA plenary draft. */
export function emptyFrontMatter(overrides: Partial<FrontMatter> = {}): FrontMatter {
  return {
    kind: 'draft',
    organ: 'ga',
    symbol: '',
    session: '',
    agendaItems: [],
    sponsors: [],
    sponsorNote: '',
    bureauLine: '',
    title: '',
    adoptionDate: '',
    issueDate: '',
    basis: '',
    meeting: '',
    language: 'en',
    originalLanguage: '',
    ...overrides,
  };
}

/** The plain text of a run of inlines (footnote references and cross-references omitted). */
export function inlineText(inlines: readonly Inline[]): string {
  let s = '';
  for (const i of inlines) if (i.t === 'text') s += i.text;
  return s;
}

/** The whole text of a block as printed without its label: chapeau, subparagraphs, tail. */
export function blockText(b: Block): string {
  const parts = [inlineText(b.content)];
  for (const c of b.children) parts.push(blockText(c));
  if (b.tail.length) parts.push(inlineText(b.tail));
  return parts.filter((p) => p.length > 0).join(' ');
}

/** A block with only text, for importers and tests. */
export function textBlock(id: string, text: string, children: Block[] = []): Block {
  return { id, content: text ? [{ t: 'text', text }] : [], children, tail: [] };
}

/** A new, empty draft: front matter, one empty preambular and one empty operative paragraph. */
export function emptyDocument(meta: Partial<FrontMatter> = {}, makeId: (prefix: string) => string = () => ''): ResolutionDocument {
  return {
    meta: emptyFrontMatter(meta),
    preambular: [textBlock(makeId('p'), '')],
    operative: [textBlock(makeId('p'), '')],
    footnotes: [],
    annexes: [],
  };
}
