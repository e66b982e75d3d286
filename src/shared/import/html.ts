/**
 * HTML → the markdown shape the resolution parser reads (see text.ts).
 *
 * The HTML delegates have comes from three places: UN documents saved as a web page from Word
 * ("Filtered HTML", full of `mso-` styles, conditional comments and `_ftn` footnote anchors),
 * pages saved from the UN website, and mammoth's conversion of .docx files (clean HTML with
 * `<em>`, `<ol>` lists and a `footnote-n` list at the end). htmlparser2's tokenizer, which
 * follows the browsers' tokenizing rules, reads all three: it never throws, treats anything that
 * is not a tag as text, and runs in linear time; the conversion keeps its own open-element stack
 * (end tags look at most a few dozen open elements back; the stack is capped), so nesting stays
 * linear too.
 *
 * Output: one paragraph per block separated by blank lines; italics as `*…*`; footnote marks as
 * `<sup>n</sup>`; headings as `#`; list items as paragraphs with their number written out
 * ("1.", "(a)", "(i)"); table cells as paragraphs; footnote bodies as a footnote block: a line
 * of underscores, then one `<sup>n</sup> Text` paragraph per note (the footnote definition the
 * parser's markdown reader knows, markdown.ts). Pure: no DOM, no Node.
 */

import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { FOOTNOTE_RULE, footnoteLine, listLabel, runsToMarkdown, type InlineRun } from './md-writer.js';
import { readCellLineBlock, tableToPipes } from './tables.js';

// The markdown writer's pieces that importers of Word and PDF runs take from here.
export { FOOTNOTE_RULE, footnoteLine, runsToMarkdown, type InlineRun };

/** Options for {@link htmlToMarkdown}. */
export interface HtmlToMarkdownOptions {
  /**
   * Number top-level `<ol>` lists on from the previous one instead of restarting at 1 when no
   * `start` is given. mammoth splits one Word numbering into several `<ol>` whenever an
   * unnumbered paragraph comes between, so the .docx importer turns this on.
   */
  continueLists?: boolean;
}


/**
 * Converts HTML to the markdown the resolution parser reads. Never throws; malformed HTML
 * (unclosed tags, stray `<`, unterminated comments or attributes) gives a best-effort result.
 */
export function htmlToMarkdown(html: string, options: HtmlToMarkdownOptions = {}): string {
  const conv = new Converter(options);
  tokenize(html, conv);
  return conv.finish();
}

// ---------------------------------------------------------------------------------------------
// Tokens, from htmlparser2's tokenizer

type Attrs = Record<string, string>;

interface TokenSink {
  /** Text with character references already decoded. */
  text(decoded: string): void;
  start(name: string, attrs: Attrs, selfClosing: boolean): void;
  end(name: string): void;
}

/** Tokenizer callbacks that do nothing, completed by each use below. */
const IGNORE: TokenizerCallbacks = {
  onattribdata() {},
  onattribentity() {},
  onattribend() {},
  onattribname() {},
  oncdata() {},
  onclosetag() {},
  oncomment() {},
  ondeclaration() {},
  onend() {},
  onopentagend() {},
  onopentagname() {},
  onprocessinginstruction() {},
  onselfclosingtag() {},
  ontext() {},
  ontextentity() {},
};

/**
 * Splits HTML into decoded text, start and end tags with htmlparser2's tokenizer (the WHATWG
 * states: raw text in script, style, title and textarea; character references as browsers decode
 * them, windows-1252 for 0x80–0x9F included; a tag cut off by the end of the input dropped).
 * Comments, doctypes and processing instructions are dropped; CDATA sections are text. Elements
 * are not nested or closed implicitly here: the Converter keeps its own open-element stack, with
 * a bounded reach, so that hostile nesting stays linear.
 */
function tokenize(html: string, sink: TokenSink): void {
  let text = '';
  let tag = '';
  let attrs: Attrs = Object.create(null) as Attrs;
  let attrName = '';
  let attrValue = '';
  const flush = (): void => {
    if (text) sink.text(text);
    text = '';
  };
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      ...IGNORE,
      ontext: (from, to) => void (text += html.slice(from, to)),
      ontextentity: (cp) => void (text += String.fromCodePoint(cp)),
      oncdata: (from, to, offset) => void (text += html.slice(from, to - offset)),
      onopentagname: (from, to) => {
        flush();
        tag = html.slice(from, to).toLowerCase();
        attrs = Object.create(null) as Attrs;
      },
      onattribname: (from, to) => {
        attrName = html.slice(from, to).toLowerCase();
        attrValue = '';
      },
      onattribdata: (from, to) => void (attrValue += html.slice(from, to)),
      onattribentity: (cp) => void (attrValue += String.fromCodePoint(cp)),
      onattribend: () => {
        if (attrName && !(attrName in attrs)) attrs[attrName] = attrValue;
      },
      onopentagend: () => sink.start(tag, attrs, false),
      onselfclosingtag: () => sink.start(tag, attrs, true),
      onclosetag: (from, to) => {
        flush();
        sink.end(html.slice(from, to).toLowerCase());
      },
      onend: flush,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
}

/**
 * Decodes HTML character references (named, decimal, hex; 0x80–0x9F as windows-1252) as a browser
 * does in text; unknown ones are left as written.
 */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  // Only text: "<" cannot open a tag here.
  const escaped = s.replace(/</g, '&lt;');
  let out = '';
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    { ...IGNORE, ontext: (from, to) => void (out += escaped.slice(from, to)), ontextentity: (cp) => void (out += String.fromCodePoint(cp)) },
  );
  tokenizer.write(escaped);
  tokenizer.end();
  return out;
}

// ---------------------------------------------------------------------------------------------
// Conversion

/** Elements that start and end a paragraph. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'option', 'article',
]);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'basefont', 'frame', 'keygen']);
/** Elements whose content never reaches the text. */
const DROPPED = new Set(['head', 'script', 'style', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'template', 'textarea', 'svg', 'math', 'del', 'object', 'canvas', 'select', 'button', 'video', 'audio', 'map']);
const ITALIC_TAGS = new Set(['i', 'em', 'cite', 'var', 'dfn']);

const MAX_DEPTH = 2048;
/** How many open elements an end tag may close at once; keeps malformed input linear. */
const END_TAG_REACH = 48;

interface ListState {
  ordered: boolean;
  depth: number;
  counter: number;
  style: string; // '1' | 'a' | 'A' | 'i' | 'I' | '' (by depth)
}

interface Frame {
  name: string;
  italic: boolean;
  hidden: boolean;
  sup: boolean;
  pre: boolean;
  /** Inside a footnote body (its container or anything within it). */
  inNote: boolean;
  list: ListState | null;
  /** Row number of the enclosing table row, for gluing label cells. */
  row: number;
  /** This frame opened a footnote body. */
  opensNote?: boolean;
  /** This frame is a heading of that level. */
  heading?: number;
  /** Outermost table this frame is in (its number), or -1. */
  table: number;
  /** Table cell this frame is in (its number), or -1. */
  cell: number;
  /** What to write when this inline element ends: a label's space, a part number's line break. */
  after?: 'space' | 'br';
}

type Seg = { kind: 'text'; text: string; italic: boolean } | { kind: 'sup'; text: string } | { kind: 'br' };

interface OutBlock {
  segs: Seg[];
  heading: number;
  /** Footnote number for a footnote body, or null. */
  note: string | null;
  /** Table row of a cell, or -1. */
  row: number;
  /** Table and cell of a cell's paragraph, or -1. */
  table: number;
  cell: number;
}

/** A table cell as opened: where it stands, and whether it is a header cell. */
interface CellInfo {
  table: number;
  row: number;
  cell: number;
  th: boolean;
}

/**
 * Inline elements whose text is a label set apart by layout, not by a space: the paragraph number
 * ("1.") and the title number ("78/247.") of our own HTML export, "United Nations" beside the
 * symbol. A part's number ("II") stands on a line of its own, so its title goes on the next line.
 */
const SPACED_CLASSES = /(?:^|\s)(?:label|title-num|mh-un|mh-symbol)(?:\s|$)/;
const LINE_CLASSES = /(?:^|\s)heading-num(?:\s|$)/;

// Also our own export's "fn-a" (a note nothing references) and "fn-sponsors" (the sponsors' "*").
const NOTE_ID = /^(?:(?:ftn|edn|footnote-?|endnote-?|fn)(\d+)|fn-([a-z]{1,3}|sponsors))$/;
/** Soft hyphens and zero-width characters, dropped from text. */
// eslint-disable-next-line no-misleading-character-class -- a set of single code points, no sequence is meant
const INVISIBLES = /[\u00ad\u200b\u200c\u200d\u2060\ufeff]/g;
const NOTE_REF_HREF = /^#_?(?:ftn|edn|footnote-?|endnote-?|fn)\d+$/i;
const NOTE_BACK_HREF = /^#_?(?:ftnref|ednref|footnote-ref-?|endnote-ref-?|fnref)\d+$/i;
const LABEL_ONLY = /^(?:\(?\d{1,3}[.)]|\([a-z]{1,2}\)|[a-z]{1,2}\)|\([ivxlc]{1,6}\)|[ivxlc]{1,6}\)|[a-z]\.)$/i;

class Converter implements TokenSink {
  private readonly stack: Frame[] = [];
  private readonly blocks: OutBlock[] = [];
  private cur: OutBlock | null = null;
  private pendingLabel = '';
  private rowCounter = 0;
  private tableCounter = 0;
  private cellCounter = 0;
  private readonly cells: CellInfo[] = [];
  private topLevelCounter = 0;
  /** Footnote target id (normalised) → number shown at the reference. */
  private readonly noteNumbers = new Map<string, string>();
  private noteSeq = 0;
  /** Text of a footnote reference anchor being read, or null. */
  private refText: string | null = null;
  private refTarget = '';
  private refDepth = -1;
  /** Depth of a footnote back-link being skipped, or -1. */
  private backDepth = -1;

  constructor(private readonly options: HtmlToMarkdownOptions) {}

  private top(): Frame {
    return (
      this.stack[this.stack.length - 1] ?? {
        name: '#root',
        italic: false,
        hidden: false,
        sup: false,
        pre: false,
        inNote: false,
        list: null,
        row: -1,
        table: -1,
        cell: -1,
      }
    );
  }

  text(decoded: string): void {
    const f = this.top();
    if (f.hidden || this.backDepth >= 0) return;
    // Soft hyphen and zero-width characters (the ZWJ \u200d among them) are dropped.
    let t = decoded.replace(INVISIBLES, '');
    if (this.refText !== null) {
      this.refText += t;
      return;
    }
    if (f.pre) {
      const lines = t.replace(/\r\n?/g, '\n').split('\n');
      lines.forEach((line, k) => {
        if (k > 0) this.push({ kind: 'br' });
        if (line) this.push({ kind: 'text', text: line.replace(/\t/g, ' '), italic: f.italic });
      });
      return;
    }
    t = t.replace(/[\t\n\r\f ]+/g, ' ');
    if (!t) return;
    if (f.sup) this.push({ kind: 'sup', text: t });
    else this.push({ kind: 'text', text: t, italic: f.italic });
  }

  start(name: string, attrs: Attrs, selfClosing: boolean): void {
    // Implicit ends, as in browsers: <p> closes an open <p>, <li> an open <li> of the same list.
    if (name === 'p' && this.top().name === 'p') this.end('p');
    if (name === 'li' && this.top().name === 'li') this.end('li');
    const parent = this.top();
    if (name === 'br') {
      if (!parent.hidden && this.backDepth < 0) {
        if (parent.inNote) this.push({ kind: 'text', text: ' ', italic: false });
        else if (this.cur) this.push({ kind: 'br' });
      }
      return;
    }
    const style = (attrs['style'] ?? '').toLowerCase();
    const cls = (attrs['class'] ?? '').toLowerCase();
    const id = (attrs['id'] ?? attrs['name'] ?? '').replace(/^_+/, '').toLowerCase();
    const hidden =
      parent.hidden ||
      DROPPED.has(name) ||
      'hidden' in attrs ||
      // Text for screen readers only ("Notes" over the footnotes of our own export) is not printed.
      /(?:^|\s)(?:visually-hidden|sr-only)(?:\s|$)/.test(cls) ||
      /(?:^|[;\s])(?:display\s*:\s*none|mso-hide\s*:\s*all|visibility\s*:\s*hidden)/.test(style);
    let italic = parent.italic;
    if (ITALIC_TAGS.has(name)) italic = true;
    // Anchored: Word writes "mso-bidi-font-style:normal" on italic runs, which must not count.
    const fs = /(?:^|[;\s])font-style\s*:\s*(italic|oblique|normal)/.exec(style);
    if (fs) italic = fs[1] !== 'normal';
    const sup =
      parent.sup ||
      name === 'sup' ||
      /(?:^|[;\s])vertical-align\s*:\s*super/.test(style) ||
      /mso(?:footnote|endnote)reference/.test(cls);
    const isBlock = BLOCKS.has(name);
    const noteMatch = NOTE_ID.exec(id);
    const opensNote =
      !parent.inNote && !hidden && ((noteMatch !== null && (isBlock || name === 'div')) || /mso-element\s*:\s*(?:footnote|endnote)(?!-)/.test(style));
    const frame: Frame = {
      name,
      italic,
      hidden,
      sup,
      pre: parent.pre || name === 'pre',
      inNote: parent.inNote || opensNote,
      list: parent.list,
      row: parent.row,
      table: parent.table,
      cell: parent.cell,
    };
    if (!isBlock && LINE_CLASSES.test(cls)) frame.after = 'br';
    else if (!isBlock && SPACED_CLASSES.test(cls)) frame.after = 'space';
    if (name === 'table' && frame.table < 0 && !frame.inNote) frame.table = ++this.tableCounter;
    if ((name === 'td' || name === 'th') && frame.table >= 0 && !frame.inNote && !hidden) {
      frame.cell = ++this.cellCounter;
      this.cells.push({ table: frame.table, row: frame.row, cell: frame.cell, th: name === 'th' });
    }

    if (name === 'ol' || name === 'ul') {
      const depth = (parent.list?.depth ?? 0) + 1;
      const startAttr = attrs['start'] !== undefined ? parseInt(attrs['start'], 10) : NaN;
      let counter = Number.isFinite(startAttr) ? startAttr - 1 : 0;
      if (name === 'ol' && depth === 1 && this.options.continueLists && !Number.isFinite(startAttr)) counter = this.topLevelCounter;
      let typ = attrs['type'] ?? '';
      const lst = /list-style-type\s*:\s*([a-z-]+)/.exec(style)?.[1];
      if (lst === 'lower-alpha' || lst === 'lower-latin') typ = 'a';
      else if (lst === 'upper-alpha' || lst === 'upper-latin') typ = 'A';
      else if (lst === 'lower-roman') typ = 'i';
      else if (lst === 'upper-roman') typ = 'I';
      else if (lst === 'decimal') typ = '1';
      frame.list = { ordered: name === 'ol', depth, counter, style: typ };
    }
    if (name === 'tr') frame.row = ++this.rowCounter;
    if (/^h[1-6]$/.test(name)) frame.heading = Number(name[1]);

    if (!hidden && this.backDepth < 0) {
      if (opensNote) {
        this.flush();
        frame.opensNote = true;
        this.cur = this.newBlock();
        const lettered = noteMatch?.[2];
        this.cur.note = lettered ? (lettered === 'sponsors' ? '*' : lettered) : this.noteNumber(id, noteMatch?.[1]);
      } else if (isBlock && !parent.inNote) {
        this.flush();
        if (name === 'li' && parent.list) {
          const l = parent.list;
          const v = attrs['value'] !== undefined ? parseInt(attrs['value'], 10) : NaN;
          l.counter = Number.isFinite(v) ? v : l.counter + 1;
          if (l.depth === 1 && l.ordered) this.topLevelCounter = l.counter;
          this.pendingLabel = l.ordered ? listLabel(l.counter, l.style, l.depth) : '';
        }
      } else if (isBlock && parent.inNote && this.cur) {
        this.push({ kind: 'text', text: ' ', italic: false });
      }
      if (name === 'a' && !parent.inNote) {
        const href = attrs['href'] ?? '';
        const m = NOTE_REF_HREF.exec(href);
        if (m && this.refText === null) {
          this.refText = '';
          this.refTarget = href.slice(1).replace(/^_+/, '').toLowerCase();
          this.refDepth = this.stack.length;
        }
      } else if (name === 'a' && parent.inNote && NOTE_BACK_HREF.test(attrs['href'] ?? '')) {
        this.backDepth = this.stack.length;
      }
    }
    if (selfClosing || VOID.has(name)) {
      // A self-closed anchor or back-link has no content to wait for.
      if (this.refText !== null && this.refDepth === this.stack.length) this.endRef(false);
      if (this.backDepth === this.stack.length) this.backDepth = -1;
      if (isBlock && !parent.inNote) this.flush();
      return;
    }
    if (this.stack.length >= MAX_DEPTH) return;
    this.stack.push(frame);
  }

  end(name: string): void {
    const lowest = Math.max(0, this.stack.length - END_TAG_REACH);
    for (let k = this.stack.length - 1; k >= lowest; k--) {
      if (this.stack[k]!.name !== name) continue;
      while (this.stack.length > k) this.close(this.stack.pop()!);
      return;
    }
    // An end tag with nothing to close still ends a paragraph (</p> with no <p>).
    if (BLOCKS.has(name) && !this.top().inNote && !this.top().hidden) this.flush();
  }

  private close(f: Frame): void {
    const depth = this.stack.length; // the frame's own index
    if (this.refText !== null && depth <= this.refDepth) this.endRef(f.hidden);
    if (this.backDepth >= 0 && depth <= this.backDepth) this.backDepth = -1;
    if (f.name === 'li') this.pendingLabel = '';
    if (f.hidden) return;
    if (f.after && this.cur && this.backDepth < 0 && this.refText === null) {
      if (f.after === 'br') this.push({ kind: 'br' });
      else this.push({ kind: 'text', text: ' ', italic: false });
    }
    if (f.opensNote) {
      this.flush();
      return;
    }
    if (BLOCKS.has(f.name) && !f.inNote) {
      const b = this.cur;
      if (b && f.heading) b.heading = f.heading;
      if (b && (f.name === 'td' || f.name === 'th')) b.row = f.row;
      this.flush();
    }
  }

  /** Ends a footnote reference anchor: its shown text ("[1]") or its order gives the number. */
  private endRef(hidden: boolean): void {
    const shown = (this.refText ?? '').replace(/[[\]\s]/g, '');
    const digits = /(?<!\d)(\d+)$/.exec(this.refTarget)?.[1];
    const num = /^\d+$|^[*†‡§]+$/.test(shown) ? shown : digits ? String(Number(digits)) : String(this.noteNumbers.size + 1);
    if (!this.noteNumbers.has(this.refTarget)) this.noteNumbers.set(this.refTarget, num);
    this.refText = null;
    this.refDepth = -1;
    if (!hidden) this.push({ kind: 'sup', text: this.noteNumbers.get(this.refTarget)! });
  }

  private noteNumber(id: string, digits: string | undefined): string {
    this.noteSeq++;
    const known = this.noteNumbers.get(id);
    if (known) return known;
    return digits ? String(Number(digits)) : String(this.noteSeq);
  }

  private newBlock(): OutBlock {
    const top = this.top();
    return { segs: [], heading: 0, note: null, row: -1, table: top.inNote ? -1 : top.table, cell: top.inNote ? -1 : top.cell };
  }

  private push(seg: Seg): void {
    if (!this.cur) {
      if (seg.kind === 'br' || (seg.kind === 'text' && !seg.text.trim())) return;
      this.cur = this.newBlock();
      if (this.pendingLabel) this.cur.segs.push({ kind: 'text', text: this.pendingLabel + ' ', italic: false });
      this.pendingLabel = '';
    }
    const last = this.cur.segs[this.cur.segs.length - 1];
    if (last && last.kind === seg.kind && seg.kind !== 'br') {
      if (seg.kind === 'sup' && last.kind === 'sup') {
        last.text += seg.text;
        return;
      }
      if (seg.kind === 'text' && last.kind === 'text' && last.italic === seg.italic) {
        last.text += seg.text;
        return;
      }
    }
    this.cur.segs.push(seg);
  }

  private flush(): void {
    if (this.cur) {
      const top = this.top();
      if (!this.cur.heading && top.heading) this.cur.heading = top.heading;
      if (this.cur.row < 0 && (top.name === 'td' || top.name === 'th')) this.cur.row = top.row;
      this.blocks.push(this.cur);
    }
    this.cur = null;
  }

  /**
   * The tables that hold data, as pipe rows by table number. A table is layout, and its cells
   * are read as paragraphs, when it has a single column (but for a text layer's cell-a-line table
   * written back) or a cell that holds only a paragraph label ("1.", "(a)"): Word users set
   * numbered paragraphs in tables.
   */
  private dataTables(): Map<number, string[]> {
    const texts = new Map<number, string[]>();
    for (const b of this.blocks) {
      if (b.cell < 0 || b.note !== null) continue;
      const t = serialize(b.segs).replace(/\n/g, ' ');
      if (!t) continue;
      const list = texts.get(b.cell);
      if (list) list.push(t);
      else texts.set(b.cell, [t]);
    }
    const byTable = new Map<number, CellInfo[]>();
    for (const c of this.cells) {
      const list = byTable.get(c.table);
      if (list) list.push(c);
      else byTable.set(c.table, [c]);
    }
    const out = new Map<number, string[]>();
    for (const [table, cells] of byTable) {
      const rows: { th: boolean; cells: string[] }[] = [];
      let row = -2;
      let layout = false;
      for (const c of cells) {
        if (c.row !== row) {
          rows.push({ th: true, cells: [] });
          row = c.row;
        }
        const r = rows[rows.length - 1]!;
        const text = (texts.get(c.cell) ?? []).join(' ').trim();
        if (LABEL_ONLY.test(text)) layout = true;
        r.cells.push(text);
        if (!c.th) r.th = false;
      }
      const cols = Math.max(0, ...rows.map((r) => r.cells.length));
      // One column is layout too, unless it is a text layer's table written back (tables.ts readCellLineBlock).
      const cellLines = cols === 1 && readCellLineBlock(rows.map((r) => r.cells[0] ?? '')) !== null;
      if (layout || (cols < 2 && !cellLines) || rows.every((r) => r.cells.every((c) => c === ''))) continue;
      // A header row heads rows of data. Every row in <th> is no header: mammoth writes Word's
      // <w:tblHeader w:val="off"/> (a row marked as not repeated) as <th> too.
      out.set(table, tableToPipes({ header: rows[0]!.th && rows.some((r) => !r.th), rows: rows.map((r) => r.cells) }));
    }
    return out;
  }

  finish(): string {
    while (this.stack.length) this.close(this.stack.pop()!);
    this.flush();
    const out: string[] = [];
    let pendingCellLabel = '';
    let pendingRow = -1;
    let inNotes = false;
    const tables = this.dataTables();
    const written = new Set<number>();
    for (const b of this.blocks) {
      let text = serialize(b.segs);
      if (!text) continue;
      const table = b.note === null ? tables.get(b.table) : undefined;
      if (table) {
        // A data table is written whole where its first cell with text stands.
        if (!written.has(b.table)) {
          written.add(b.table);
          if (pendingCellLabel) out.push(pendingCellLabel);
          pendingCellLabel = '';
          inNotes = false;
          out.push(table.join('\n'));
        }
        continue;
      }
      if (pendingCellLabel) {
        if (b.row === pendingRow && b.note === null) text = `${pendingCellLabel} ${text}`;
        else out.push(pendingCellLabel);
        pendingCellLabel = '';
      }
      if (b.row >= 0 && b.note === null && LABEL_ONLY.test(text)) {
        pendingCellLabel = text;
        pendingRow = b.row;
        continue;
      }
      if (b.note !== null) {
        if (!inNotes) out.push(FOOTNOTE_RULE);
        inNotes = true;
        // A mark the note repeats at its start (Word's back-link is dropped, others may stay).
        const n = escapeRe(b.note);
        const body = text.replace(new RegExp(`^(?:<sup>${n}</sup>|${n}(?=\\s|$))\\s*`), '');
        out.push(footnoteLine(b.note, body));
        continue;
      }
      inNotes = false;
      out.push(b.heading ? headingMarkdown(b.heading, text) : text);
    }
    if (pendingCellLabel) out.push(pendingCellLabel);
    return out.length ? out.join('\n\n') + '\n' : '';
  }
}

/**
 * A heading as markdown: one line, except that a part's number standing on its own line ("II"
 * over its title, "A." before it) stays there, so the parser sees the number as printed.
 */
function headingMarkdown(level: number, text: string): string {
  const hashes = '#'.repeat(level);
  const nl = text.indexOf('\n');
  // A resolution's letter ("B" over its own title) too.
  if (nl > 0 && /^(?:[IVXLC]{1,7}\.?|[A-Z]\.?)$/.test(text.slice(0, nl).trim())) {
    return `${hashes} ${text.slice(0, nl).trim()}\n${text.slice(nl + 1).replace(/\n/g, ' ')}`;
  }
  return `${hashes} ${text.replace(/\n/g, ' ')}`;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Renders one block's segments: italics as `*…*` (never across a line break), marks as `<sup>`. */
function serialize(segs: readonly Seg[]): string {
  const lines: Seg[][] = [[]];
  for (const s of segs) {
    if (s.kind === 'br') lines.push([]);
    else lines[lines.length - 1]!.push(s);
  }
  const rendered = lines.map(renderLine).map((l) => l.trim());
  // Drop empty lines at either end, keep single line breaks inside.
  return rendered.filter((l) => l.length > 0).join('\n');
}

function renderLine(segs: readonly Seg[]): string {
  const runs: InlineRun[] = [];
  for (const s of segs) {
    if (s.kind === 'text') runs.push({ text: s.text, italic: s.italic });
    else if (s.kind === 'sup') runs.push({ text: s.text, sup: true });
  }
  return runsToMarkdown(runs);
}
