/**
 * The Word (.docx) exporter: a resolution or draft as the UN Secretariat sets it in Word
 * (un-format.md §1–4), built from the print layout (layout.ts) with the `docx` package.
 *
 * Page: US Letter (A4 on request), Times New Roman, body 10 pt on exactly 12 pt, 6 pt after,
 * justified, text column 123.4–488.6 pt. The masthead is a table in the first-page header that spans
 * 60–552 pt (as in the Secretariat's templates, where the masthead pushes the text of page 1 down);
 * page 1's footer holds placeholders for the job number and barcode, which the Secretariat assigns.
 * From page 2, running heads and feet mirrored on odd and even pages. Every paragraph carries a named
 * "UN …" style (indents, spacing, fonts live in the styles, not in direct formatting), so an editor
 * can restyle the document in Word. Footnotes are real Word footnotes; the sponsor note is a
 * custom-mark (`*`) footnote that does not consume a number.
 *
 * Labels ("1.", "(a)", "a)", "7 - ") are written as text followed by a tab, not as Word list
 * numbering, so the file shows exactly the numbers Plenary shows. `runsToDocx` turns a paragraph's
 * runs into docx runs and takes an optional revision, which is how `buildTrackedDocx` writes Word
 * tracked changes (w:ins / w:del with author and date) against an earlier text.
 *
 * Pure: no Node built-ins, no DOM; `docxBytes` packs to a Uint8Array in Node and in the browser.
 */
import { Document, Header, LineRuleType, Packer, Paragraph, type Table, type ICommentOptions, type ParagraphChild } from 'docx';
import type { ResolutionDocument } from '../resolution/model.js';
import { wordDiff } from '../text/diff.js';
import { bodyParagraph, contextOf, hasStar, headingParagraph, plainParagraph, printed, RESOLUTION_FORMULAS, runsToDocx, text, type Revision, type RunContext } from './docx-body.js';
import { annexHeading, closingBlock, firstFoot, formulaParagraph, headingBlock, masthead, runningFoot, runningHead, sessionBlock, type Star } from './docx-masthead.js';
import { writeFootnotes } from './docx-notes.js';
import { fontFor, LANG_TAG, MARGIN, PAPER, STYLE, unStyles, type DocxOptions, type TrackedDocxOptions } from './docx-styles.js';
import { layoutDocument, opensWithResolution, type DocumentLayout, type LayoutParagraph, type LayoutRun } from './layout.js';
import { headingLines } from './heading-lines.js';

export { PAPER, STYLE, unStyles, type DocxOptions, type TrackedDocxOptions } from './docx-styles.js';
export { contextOf, runsToDocx, type Revision, type RunContext } from './docx-body.js';
export { FIRST_FOOT_SPACE } from './docx-masthead.js';
// Hooks for the tracked-changes export of open proposals (docx-tracked.ts).
export { labelRun, bodyParagraph, headingParagraph } from './docx-body.js';
export { plainParts, assemble, wordDate, type BodyParts };

// ---------------------------------------------------------------------------------------------
// Assembly.

/** The parts of the body that vary between a plain and a tracked export. */
interface BodyParts {
  /** Preambular and operative paragraphs, headings. */
  main: (Paragraph | Table)[];
  /** Paragraphs, headings and tables of each annex, in layout order. */
  annexes: (Paragraph | Table)[][];
  /** Children of the title paragraph (after the hanging number). */
  title: ParagraphChild[];
  /** Content of each numbered footnote, by number. */
  footnotes: Map<number, ParagraphChild[]>;
  /** Word comments (paragraph notes), for the tracked export (docx-tracked.ts). */
  comments?: ICommentOptions[];
}

function plainParts(layout: DocumentLayout, ctx: RunContext): BodyParts {
  const meta = layout.meta;
  const rtl = ctx.lang === 'ar' ? { rightToLeft: true } : {};
  return {
    main: layout.paragraphs.filter((p) => printed(p, layout)).map((p, i, all) => plainParagraph(p, ctx, all[i - 1])),
    annexes: layout.annexes.map((a) => a.paragraphs.filter((p) => printed(p, layout)).map((p, i, all) => plainParagraph(p, ctx, all[i - 1]))),
    title: [text(meta.title || `[${layout.words.titlePlaceholder}]`, rtl)],
    footnotes: new Map(layout.footnotes.map((f) => [f.number, [text(f.text, rtl)]])),
  };
}

function assemble(layout: DocumentLayout, opts: DocxOptions, parts: BodyParts, trackRevisions: boolean): Document {
  const ctx = contextOf(layout);
  const paper = PAPER[opts.paper ?? 'letter'];
  const meta = layout.meta;
  // Footnote ids follow the order of the references (LibreOffice pairs notes with references by
  // order): the sponsor note, which comes first, is id 1; numbered note n is id n + offset.
  const star: Star | null = hasStar(layout) ? { id: 1, note: meta.sponsorNote.trim() } : null;

  const children: (Paragraph | Table)[] = [
    ...sessionBlock(layout, ctx),
    ...headingBlock(layout, ctx, star, parts.title),
    // With resolutions A, B… each formula stands under its letter instead.
    ...(opensWithResolution(layout) ? [] : [formulaParagraph(layout, ctx)]),
    ...parts.main.flatMap((p) => {
      const f = RESOLUTION_FORMULAS.get(p);
      return f?.words ? [p, formulaParagraph(layout, ctx, f)] : [p];
    }),
  ];
  // The text adopted in full and quoted in the body comes before the closing block, annexes after.
  const annex = (a: DocumentLayout['annexes'][number], i: number): void => {
    children.push(...annexHeading(a.heading, a.title, ctx), ...(parts.annexes[i] ?? []));
  };
  layout.annexes.forEach((a, i) => {
    if (a.inBody) annex(a, i);
  });
  children.push(...closingBlock(layout, ctx));
  layout.annexes.forEach((a, i) => {
    if (!a.inBody) annex(a, i);
  });
  children.push(new Paragraph({ style: STYLE.endRule }));


  const doc = new Document({
    title: meta.title || meta.symbol,
    subject: meta.symbol,
    creator: 'Plenary',
    description: layout.isDraft ? `${meta.symbol} (${layout.words.draftResolution})` : meta.symbol,
    evenAndOddHeaderAndFooters: true,
    ...(trackRevisions ? { features: { trackRevisions: true } } : {}),
    ...(parts.comments?.length ? { comments: { children: parts.comments } } : {}),
    styles: {
      default: {
        document: {
          run: {
            font: fontFor(layout.lang),
            size: 20,
            language: { value: LANG_TAG[layout.lang], eastAsia: 'zh-CN', bidirectional: 'ar-SA' },
          },
        },
        footnoteReference: { run: { superScript: true } },
      },
      paragraphStyles: unStyles(layout.lang),
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: paper.width, height: paper.height },
            margin: { ...MARGIN, left: paper.left, right: paper.right, gutter: 0 },
          },
        },
        headers: {
          first: new Header({ children: [masthead(layout, ctx), new Paragraph({ style: STYLE.normal, spacing: { line: 20, lineRule: LineRuleType.EXACT } })] }),
          default: runningHead(layout, 'odd', opts),
          even: runningHead(layout, 'even', opts),
        },
        footers: {
          first: firstFoot(opts),
          default: runningFoot('odd', opts),
          even: runningFoot('even', opts),
        },
        children,
      },
    ],
  });

  writeFootnotes(doc, layout, ctx, star, parts.footnotes);
  return doc;
}

/** The Word document of a resolution or draft, in the UN format (see the module comment). */
export function buildDocx(doc: ResolutionDocument, opts: DocxOptions = {}): Document {
  const layout = layoutDocument(doc);
  return assemble(layout, opts, plainParts(layout, contextOf(layout)), false);
}

/** The bytes of a Word document (a .docx file), in Node and in the browser. */
export async function packDocx(document: Document): Promise<Uint8Array> {
  return Packer.pack(document, 'uint8array');
}

/** The .docx file of a resolution or draft, as bytes. */
export async function docxBytes(doc: ResolutionDocument, opts: DocxOptions = {}): Promise<Uint8Array> {
  return packDocx(buildDocx(doc, opts));
}

// ---------------------------------------------------------------------------------------------
// Tracked changes.

/** Character cursor over runs: a footnote reference counts as one character (U+FFFC). */
class RunCursor {
  private i = 0;
  private offset = 0;
  constructor(private readonly runs: readonly LayoutRun[]) {}

  /** The next `n` characters as runs (split where needed). */
  take(n: number): LayoutRun[] {
    const out: LayoutRun[] = [];
    while (n > 0 && this.i < this.runs.length) {
      const r = this.runs[this.i]!;
      if (r.footnote !== undefined) {
        out.push(r);
        n -= 1;
        this.i++;
        continue;
      }
      const rest = r.text.length - this.offset;
      if (rest <= 0) {
        this.i++;
        this.offset = 0;
        continue;
      }
      const k = Math.min(rest, n);
      out.push({ ...r, text: r.text.slice(this.offset, this.offset + k) });
      n -= k;
      this.offset += k;
      if (this.offset >= r.text.length) {
        this.i++;
        this.offset = 0;
      }
    }
    return out;
  }
}

const FN = '\uFFFC';

function diffText(runs: readonly LayoutRun[]): string {
  return runs.map((r) => (r.footnote !== undefined ? FN : r.text)).join('');
}

/**
 * Runs of `current` with the word-level changes from `base` as tracked insertions and deletions
 * (formatting as in `current`; deleted text as it was in `base`).
 */
export function trackedRuns(base: readonly LayoutRun[], current: readonly LayoutRun[], ctx: RunContext, rev: Omit<Revision, 'kind'>): ParagraphChild[] {
  const ops = wordDiff(diffText(base), diffText(current), { semantic: true });
  const b = new RunCursor(base);
  const c = new RunCursor(current);
  const out: ParagraphChild[] = [];
  for (const op of ops) {
    const n = op.text.length;
    if (op.op === 'eq') {
      b.take(n);
      out.push(...runsToDocx(c.take(n), ctx));
    } else if (op.op === 'ins') out.push(...runsToDocx(c.take(n), ctx, { ...rev, kind: 'ins' }));
    else out.push(...runsToDocx(b.take(n), ctx, { ...rev, kind: 'del' }));
  }
  return out;
}

function sameRuns(a: readonly LayoutRun[], b: readonly LayoutRun[]): boolean {
  return diffText(a) === diffText(b);
}

/**
 * The paragraphs of `current` in order, with the paragraphs of `base` that are gone inserted
 * after the last paragraph before them that survives (by id), or first.
 */
function mergeById(base: readonly LayoutParagraph[], current: readonly LayoutParagraph[]): { p: LayoutParagraph; from: 'both' | 'base' | 'current'; old?: LayoutParagraph }[] {
  const inCurrent = new Set(current.map((p) => p.id));
  const baseById = new Map(base.map((p) => [p.id, p]));
  const after = new Map<string, LayoutParagraph[]>();
  const leading: LayoutParagraph[] = [];
  let anchor: string | null = null;
  for (const p of base) {
    if (inCurrent.has(p.id)) anchor = p.id;
    else if (anchor === null) leading.push(p);
    else {
      const list = after.get(anchor) ?? [];
      list.push(p);
      after.set(anchor, list);
    }
  }
  const out: { p: LayoutParagraph; from: 'both' | 'base' | 'current'; old?: LayoutParagraph }[] = leading.map((p) => ({ p, from: 'base' as const }));
  for (const p of current) {
    const old = baseById.get(p.id);
    out.push(old ? { p, from: 'both', old } : { p, from: 'current' });
    for (const d of after.get(p.id) ?? []) out.push({ p: d, from: 'base' });
  }
  return out;
}

/**
 * A paragraph of the tracked export against a base, its title or text given by `runs` (called
 * with the runs to print), marked `rev` when inserted or deleted whole. Headings print as the
 * plain export prints them (number, title, a resolution's formula under it).
 */
function revisedParagraph(lp: LayoutParagraph, ctx: RunContext, runs: (title: readonly LayoutRun[]) => ParagraphChild[], rev: Revision | undefined, prev: LayoutParagraph | undefined, split = true): Paragraph {
  if (lp.heading) return headingParagraph(lp, ctx, prev, { runs, split, ...(rev ? { rev } : {}) });
  return bodyParagraph(lp, ctx, runs(lp.runs), rev ? { rev } : {});
}

function trackedParagraphs(base: readonly LayoutParagraph[], current: readonly LayoutParagraph[], ctx: RunContext, rev: Omit<Revision, 'kind'>, layout: DocumentLayout): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  const ins: Revision = { ...rev, kind: 'ins' };
  const del: Revision = { ...rev, kind: 'del' };
  let prev: LayoutParagraph | undefined;
  const push = (p: Paragraph | Table, lp: LayoutParagraph) => {
    out.push(p);
    prev = lp;
  };
  for (const m of mergeById(base, current)) {
    if (m.from === 'base') {
      if (!m.p.deleted) push(revisedParagraph(m.p, ctx, (r) => runsToDocx(r, ctx, del), del, prev), m.p);
    } else if (m.from === 'current') {
      if (printed(m.p, layout)) push(revisedParagraph(m.p, ctx, (r) => runsToDocx(r, ctx, ins), ins, prev), m.p);
    } else if (!printed(m.p, layout)) {
      // Deleted in negotiation since the base: a tracked deletion of the old text.
      if (!m.old!.deleted) push(revisedParagraph(m.old!, ctx, (r) => runsToDocx(r, ctx, del), del, prev), m.old!);
    } else if (sameRuns(m.old!.runs, m.p.runs)) push(plainParagraph(m.p, ctx, prev), m.p);
    else {
      // A heading's worded number ("Part II") stands on its own line only when base and current agree on it.
      const old = m.p.heading ? headingLines(m.old!) : undefined;
      const split = !old || old.number === headingLines(m.p).number;
      push(revisedParagraph(m.p, ctx, (r) => trackedRuns(split && old ? old.runs : m.old!.runs, r, ctx, rev), undefined, prev, split), m.p);
    }
  }
  return out;
}

/** Word's form of a revision date: ISO 8601 to the second, in UTC. */
function wordDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The Word document of `current` with its changes against `base` shown as tracked changes
 * (un-format.md §2: a draft based on an earlier text is submitted with Track Changes).
 * Paragraphs are matched by id: new paragraphs are whole-paragraph insertions, removed ones
 * whole-paragraph deletions (at their old place), changed ones carry word-level insertions and
 * deletions. The title and footnote texts are compared too; the masthead shows `current` as it is.
 * Track Changes stays on in the file, so further edits in Word are tracked as well.
 */
export function buildTrackedDocx(base: ResolutionDocument, current: ResolutionDocument, opts: TrackedDocxOptions): Document {
  const b = layoutDocument(base);
  const c = layoutDocument(current);
  const ctx = contextOf(c);
  let nextId = 1;
  const rev = { author: opts.author, date: wordDate(opts.date), nextId: () => nextId++ };
  const parts = plainParts(c, ctx);
  parts.main = trackedParagraphs(b.paragraphs, c.paragraphs, ctx, rev, c);
  const baseAnnexParas = b.annexes.flatMap((a) => a.paragraphs);
  const currentIds = new Set(c.annexes.flatMap((a) => a.paragraphs.map((p) => p.id)));
  parts.annexes = c.annexes.map((a, i) => {
    // Base annex paragraphs still present, or gone but belonging to the annex with the same id.
    const baseAnnex = b.annexes.find((x) => x.id === a.id);
    const relevant = baseAnnexParas.filter((p) => a.paragraphs.some((q) => q.id === p.id) || (!currentIds.has(p.id) && baseAnnex?.paragraphs.includes(p)));
    return trackedParagraphs(relevant, c.annexes[i]!.paragraphs, ctx, rev, c);
  });
  if (b.meta.title !== c.meta.title && c.meta.title) parts.title = trackedRuns([{ text: b.meta.title }], [{ text: c.meta.title }], ctx, rev);
  const baseNotes = new Map(b.footnotes.map((f) => [f.id, f.text]));
  for (const f of c.footnotes) {
    const old = baseNotes.get(f.id);
    if (old === undefined) parts.footnotes.set(f.number, runsToDocx([{ text: f.text }], ctx, { ...rev, kind: 'ins' }));
    else if (old !== f.text) parts.footnotes.set(f.number, trackedRuns([{ text: old }], [{ text: f.text }], ctx, rev));
  }
  return assemble(c, opts, parts, true);
}
