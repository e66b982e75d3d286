/**
 * Measurements of a PDF's pages for the fidelity report (issue 13): words with their boxes from
 * `pdftotext -bbox`, grouped into lines, each line classed as running head or foot, body text,
 * footnote text or heading by its place and size; then the figures compared between the
 * official PDF and an export of it (see compare()).
 */

/** A word and its box, in points from the top-left corner of the page. */
export interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** What a line is. */
export type LineKind = 'furniture' | 'body' | 'note' | 'heading';

/** A line of text on a page. */
export interface Line {
  page: number;
  words: Word[];
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Height of the tallest word (about 1.1 × the font size). */
  size: number;
  kind: LineKind;
}

/** The pages of a PDF as lines, and the page size. */
export interface PdfLayout {
  pages: Line[][];
  width: number;
  height: number;
}

const ENTITY: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescape(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => ENTITY[e]!).replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)));
}

/** Reads the XHTML of `pdftotext -bbox` into pages of words. */
export function parseBbox(xhtml: string): { pages: Word[][]; width: number; height: number } {
  const pages: Word[][] = [];
  let width = 612;
  let height = 792;
  const re = /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of xhtml.matchAll(re)) {
    if (m[1]) {
      width = Number(m[1]);
      height = Number(m[2]);
      pages.push([]);
      continue;
    }
    pages[pages.length - 1]?.push({ text: unescape(m[7]!), x0: Number(m[3]), y0: Number(m[4]), x1: Number(m[5]), y1: Number(m[6]) });
  }
  return { pages, width, height };
}

/**
 * Groups a page's words into lines: words whose bottoms are within 5.5 pt (a raised footnote mark
 * joins the line it is printed on), each line sorted left to right.
 */
function group(words: readonly Word[]): Word[][] {
  const sorted = [...words].sort((a, b) => a.y1 - b.y1 || a.x0 - b.x0);
  const lines: Word[][] = [];
  for (const w of sorted) {
    const cur = lines[lines.length - 1];
    const base = cur ? Math.max(...cur.map((c) => c.y1)) : -100;
    if (cur && Math.abs(w.y1 - base) < 5.5) cur.push(w);
    else lines.push([w]);
  }
  return lines.map((l) => joinSplitWords(l.sort((a, b) => a.x0 - b.x0)));
}

/**
 * Gap (pt) under which two full-height words of a line are one word that pdftotext split. It
 * splits words of the Word-made PDFs' justified lines where a glyph is placed a little apart
 * ("coron avirus", "COVID -19", "non -farm": gaps of 1.0–1.4 pt in A/RES/78/165), while a
 * space between words is never narrower than ~2.2 pt in either producer's PDFs (2.5 pt nominal,
 * only stretched by justification). Without this the official's line ends read "avirus" or
 * "-19" and no export could agree with them.
 */
const SPLIT_GAP = 1.6;

/** The words of a line with pdftotext's splits inside a word joined back (see {@link SPLIT_GAP}). */
function joinSplitWords(ws: Word[]): Word[] {
  const big = Math.max(...ws.map((w) => w.y1 - w.y0));
  const full = (w: Word): boolean => w.y1 - w.y0 >= big * 0.7;
  const out: Word[] = [];
  for (const w of ws) {
    const prev = out[out.length - 1];
    if (prev && full(prev) && full(w) && w.x0 - prev.x1 < SPLIT_GAP && w.x0 >= prev.x0) {
      out[out.length - 1] = { text: prev.text + w.text, x0: prev.x0, y0: Math.min(prev.y0, w.y0), x1: Math.max(prev.x1, w.x1), y1: Math.max(prev.y1, w.y1) };
    } else out.push(w);
  }
  return out;
}

/**
 * Lines of a PDF, classed: running heads and feet (above 68 pt or below 735 pt of a Letter page,
 * scaled for others), footnote text (8.5 pt: words under 10.4 pt high), body (10 pt) and headings.
 */
export function layoutOf(xhtml: string): PdfLayout {
  const { pages, width, height } = parseBbox(xhtml);
  const top = (68 / 792) * height;
  const foot = (735 / 792) * height;
  const grouped = pages.map((words) => group(words));
  // Word boxes differ between PDF producers (Word, Chromium, LibreOffice): sizes are judged
  // against the most common line height, which is the body text's.
  const sizeOf = (ws: readonly Word[]): number => {
    // Raised marks (well under the body height) do not make a line taller.
    const sizes = ws.map((w) => w.y1 - w.y0);
    const big = Math.max(...sizes);
    return Math.max(...sizes.filter((s) => s >= big * 0.7));
  };
  const bodySize = mode(grouped.flat().filter((ws) => ws.length > 4).map(sizeOf)) ?? 11;
  const out = grouped.map((lines, p) =>
    lines.map((ws): Line => {
      const size = sizeOf(ws);
      const y0 = Math.min(...ws.map((w) => w.y0));
      const y1 = Math.max(...ws.map((w) => w.y1));
      const kind: LineKind = (p > 0 && y1 < top) || y0 > foot ? 'furniture' : size < bodySize * 0.93 ? 'note' : size < bodySize * 1.08 ? 'body' : 'heading';
      return { page: p + 1, words: ws, text: ws.map((w) => w.text).join(' '), x0: Math.min(...ws.map((w) => w.x0)), x1: Math.max(...ws.map((w) => w.x1)), y0, y1, size, kind };
    }),
  );
  return { pages: out, width, height };
}

/** The median of `xs`, or null when empty. */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The most common value of `xs` rounded to 0.5, or null. */
function mode(xs: readonly number[]): number | null {
  const counts = new Map<number, number>();
  for (const x of xs) {
    const k = Math.round(x * 2) / 2;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let best: number | null = null;
  let n = 0;
  for (const [k, c] of counts) if (c > n || (c === n && best !== null && k < best)) [best, n] = [k, c];
  return best;
}

const RE_OP = /^\d{1,3}\.$/;
const RE_ALPHA = /^\([a-hj-uwyz]{1,2}\)$/;
const RE_ROMAN = /^\((?:[ivx]|ii|iii|iv|vi|vii|viii|ix|xi|xii)\)$/;
const RE_PART = /^[IVXL]{1,6}\.$/;

/** The figures of one PDF. */
export interface Figures {
  pages: number;
  /** Per page: first and last body line (normalised text). */
  firstLast: [string, string][];
  /** Median x of first lines: PP indent, OP number, OP text, (a) label, (i) label. */
  x: { pp: number | null; opNumber: number | null; opText: number | null; alpha: number | null; roman: number | null };
  /** Left edge (most common start of body lines) and right edge (most common end of full lines). */
  column: { left: number | null; right: number | null };
  /** Top of "The General Assembly," on page 1. */
  bodyStart: number | null;
  /** Body lines on each page. */
  linesPerPage: number[];
  /** Page on which each numbered footnote's text starts. */
  notePages: Record<string, number>;
  /** Line breaks inside paragraphs: "last word|first word#k". */
  breaks: string[];
  /** Roman part headings ("II.") seen at the start of a body line. */
  partHeadings: number;
  /** All text of page 1, whitespace normalised. */
  page1: string;
}

function norm(s: string): string {
  return s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

/** The words of a line without raised footnote marks (separate, smaller words in a PDF). */
function bodyWords(l: Line): Word[] {
  return l.words.filter((w) => w.y1 - w.y0 >= l.size * 0.7);
}

/**
 * True when `first`, the first body line of a page, carries on the paragraph whose line `last`
 * ends the page before: `last` is a full line (reaches the column's right edge, as only justified
 * lines inside a paragraph do) and `first` starts at the column's left edge without a label
 * ("5.", "(a)", "(i)"). A line break that falls on a page break is then still a line break inside
 * the paragraph: without this, a break both PDFs make would count as missing whenever one of them
 * puts a page break there and the other does not.
 */
function continues(last: Line | undefined, first: Line | undefined, left: number | null, right: number | null): boolean {
  if (!last || !first || left === null || right === null) return false;
  const w0 = bodyWords(first)[0];
  if (!w0 || RE_OP.test(w0.text) || RE_ALPHA.test(w0.text) || RE_ROMAN.test(w0.text) || RE_PART.test(w0.text)) return false;
  return last.x1 >= right - 3 && Math.abs(first.x0 - left) <= 1.5;
}

/** Measures one PDF's layout. */
export function figures(layout: PdfLayout): Figures {
  const body = layout.pages.map((ls) => ls.filter((l) => l.kind === 'body'));
  const all = body.flat();
  // The column's left edge is where run-over lines start (first lines are indented).
  const runOvers = body.flatMap((ls) => ls.filter((l, i) => i > 0 && l.y0 - ls[i - 1]!.y1 <= 3.5));
  const left = mode(runOvers.map((l) => l.x0).filter((x) => x > 90 && x < 160));
  // Full lines: those that reach near the right of the column.
  const right = mode(all.map((l) => l.x1).filter((x) => x > 440));
  const firstLines: Line[] = [];
  const breaks: string[] = [];
  const seen = new Map<string, number>();
  const addBreak = (l: Line, next: Line): void => {
    const a = bodyWords(l);
    const b = bodyWords(next);
    if (!a.length || !b.length) return;
    const k = `${norm(a[a.length - 1]!.text)}|${norm(b[0]!.text)}`;
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    breaks.push(`${k}#${n}`);
  };
  body.forEach((ls, p) => {
    const carried = p > 0 && continues(body[p - 1]![body[p - 1]!.length - 1], ls[0], left, right);
    for (let i = 0; i < ls.length; i++) {
      const l = ls[i]!;
      const prev = ls[i - 1];
      if (i === 0 && carried) addBreak(body[p - 1]![body[p - 1]!.length - 1]!, l);
      else if (!prev || l.y0 - prev.y1 > 3.5) firstLines.push(l);
      const next = ls[i + 1];
      if (next && next.y0 - l.y1 <= 3.5) addBreak(l, next);
    }
  });
  const xs = { pp: [] as number[], opNumber: [] as number[], opText: [] as number[], alpha: [] as number[], roman: [] as number[] };
  let partHeadings = 0;
  for (const l of firstLines) {
    const [w0, w1] = l.words;
    if (!w0) continue;
    if (RE_OP.test(w0.text)) {
      xs.opNumber.push(w0.x0);
      if (w1) xs.opText.push(w1.x0);
    } else if (RE_ALPHA.test(w0.text)) xs.alpha.push(w0.x0);
    else if (RE_ROMAN.test(w0.text)) xs.roman.push(w0.x0);
    else if (RE_PART.test(w0.text)) partHeadings++;
    else if (/^\p{Lu}/u.test(w0.text) && left !== null && w0.x0 > left + 10 && w0.x0 < left + 40) xs.pp.push(w0.x0);
  }
  const notePages: Record<string, number> = {};
  layout.pages.forEach((ls, p) => {
    for (const l of ls) {
      if (l.kind !== 'note') continue;
      const m = /^(\d{1,3})$/.exec(l.words[0]!.text) ?? /^(\d{1,3})\s/.exec(l.text);
      // A note's number hangs left of the column (117 pt); a line of a note's text that begins with
      // a number at the column edge ("14 June 1992, vol. I, …") is not a note.
      const hangs = left === null || l.words[0]!.x0 < left - 3;
      if (m && hangs && notePages[m[1]!] === undefined && l.words.length > 1) notePages[m[1]!] = p + 1;
    }
  });
  const page1 = layout.pages[0] ?? [];
  const formula = page1.find((l) => /^The General Assembly\b/.test(l.text));
  return {
    pages: layout.pages.length,
    firstLast: body.map((ls) => [norm(ls[0]?.text ?? ''), norm(ls[ls.length - 1]?.text ?? '')]),
    x: { pp: median(xs.pp), opNumber: median(xs.opNumber), opText: median(xs.opText), alpha: median(xs.alpha), roman: median(xs.roman) },
    column: { left, right },
    bodyStart: formula ? formula.y0 : null,
    linesPerPage: body.map((ls) => ls.length),
    notePages,
    breaks,
    partHeadings,
    page1: norm(page1.map((l) => l.text).join(' ')),
  };
}

/** Differences of an export from the official PDF. */
export interface Comparison {
  pagesOfficial: number;
  pagesExport: number;
  pagesEqual: boolean;
  /** Share of pages (of the shorter document) whose first and last body lines are the same. */
  firstLastAgree: number;
  /** Export minus official, in points. */
  dx: Record<keyof Figures['x'], number | null>;
  columnLeft: number | null;
  columnRight: number | null;
  bodyStart: number | null;
  /** Mean body lines on full pages (every page but the first and the last). */
  linesPerPageOfficial: number | null;
  linesPerPageExport: number | null;
  notes: number;
  notesSamePage: number;
  /** Share of the official's in-paragraph line breaks the export also makes. */
  lineBreaks: number | null;
  partHeadings: [number, number];
}

function diff(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : Math.round((b - a) * 100) / 100;
}

function meanFull(lpp: readonly number[]): number | null {
  const full = lpp.slice(1, -1);
  return full.length ? Math.round((full.reduce((s, n) => s + n, 0) / full.length) * 10) / 10 : null;
}

/** Compares the figures of an export with the official's. */
export function compare(off: Figures, exp: Figures): Comparison {
  const n = Math.min(off.pages, exp.pages);
  let agree = 0;
  for (let p = 0; p < n; p++) if (off.firstLast[p]![0] === exp.firstLast[p]![0] && off.firstLast[p]![1] === exp.firstLast[p]![1]) agree++;
  const notes = Object.keys(off.notePages);
  const same = notes.filter((k) => exp.notePages[k] === off.notePages[k]).length;
  const expBreaks = new Set(exp.breaks);
  const kept = off.breaks.filter((b) => expBreaks.has(b)).length;
  return {
    pagesOfficial: off.pages,
    pagesExport: exp.pages,
    pagesEqual: off.pages === exp.pages,
    firstLastAgree: n ? agree / n : 0,
    dx: {
      pp: diff(off.x.pp, exp.x.pp),
      opNumber: diff(off.x.opNumber, exp.x.opNumber),
      opText: diff(off.x.opText, exp.x.opText),
      alpha: diff(off.x.alpha, exp.x.alpha),
      roman: diff(off.x.roman, exp.x.roman),
    },
    columnLeft: diff(off.column.left, exp.column.left),
    columnRight: diff(off.column.right, exp.column.right),
    bodyStart: diff(off.bodyStart, exp.bodyStart),
    linesPerPageOfficial: meanFull(off.linesPerPage),
    linesPerPageExport: meanFull(exp.linesPerPage),
    notes: notes.length,
    notesSamePage: same,
    lineBreaks: off.breaks.length ? kept / off.breaks.length : null,
    partHeadings: [off.partHeadings, exp.partHeadings],
  };
}
