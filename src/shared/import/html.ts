/**
 * HTML → the markdown shape the resolution parser reads (see text.ts).
 *
 * The HTML delegates have comes from three places: UN documents saved as a web page from Word
 * ("Filtered HTML", full of `mso-` styles, conditional comments and `_ftn` footnote anchors),
 * pages saved from the UN website, and mammoth's conversion of .docx files (clean HTML with
 * `<em>`, `<ol>` lists and a `footnote-n` list at the end). One tolerant tokenizer covers all
 * three: it never throws, treats anything that is not a tag as text, and runs in linear time
 * (end tags look at most a few dozen open elements back; the open-element stack is capped).
 *
 * Output: one paragraph per block separated by blank lines; italics as `*…*`; footnote marks as
 * `<sup>n</sup>`; headings as `#`; list items as paragraphs with their number written out
 * ("1.", "(a)", "(i)"); table cells as paragraphs; footnote bodies as a footnote block: a line
 * of underscores, then one `<sup>n</sup> Text` paragraph per note (the footnote definition the
 * parser's markdown reader knows, markdown.ts). Pure: no DOM, no Node.
 */

/** Options for {@link htmlToMarkdown}. */
export interface HtmlToMarkdownOptions {
  /**
   * Number top-level `<ol>` lists on from the previous one instead of restarting at 1 when no
   * `start` is given. mammoth splits one Word numbering into several `<ol>` whenever an
   * unnumbered paragraph comes between, so the .docx importer turns this on.
   */
  continueLists?: boolean;
}

/** The line that opens a footnote block, as in the text layer of UN PDFs. */
export const FOOTNOTE_RULE = '__________________';

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
// Entities

const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest ' +
  'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig ' +
  'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

const NAMED: Record<string, string> = (() => {
  const m: Record<string, string> = Object.create(null) as Record<string, string>;
  LATIN1.split(' ').forEach((name, i) => (m[name] = String.fromCharCode(160 + i)));
  const more: [string, number][] = [
    ['amp', 38], ['lt', 60], ['gt', 62], ['quot', 34], ['apos', 39],
    ['OElig', 338], ['oelig', 339], ['Scaron', 352], ['scaron', 353], ['Yuml', 376], ['fnof', 402],
    ['circ', 710], ['tilde', 732], ['ensp', 8194], ['emsp', 8195], ['thinsp', 8201], ['zwnj', 8204],
    ['zwj', 8205], ['lrm', 8206], ['rlm', 8207], ['ndash', 8211], ['mdash', 8212], ['lsquo', 8216],
    ['rsquo', 8217], ['sbquo', 8218], ['ldquo', 8220], ['rdquo', 8221], ['bdquo', 8222],
    ['dagger', 8224], ['Dagger', 8225], ['bull', 8226], ['hellip', 8230], ['permil', 8240],
    ['prime', 8242], ['Prime', 8243], ['lsaquo', 8249], ['rsaquo', 8250], ['oline', 8254],
    ['euro', 8364], ['trade', 8482], ['larr', 8592], ['rarr', 8594], ['minus', 8722],
    ['hyphen', 8208], ['dash', 8208], ['NoBreak', 8288], ['nbhy', 8209],
  ];
  for (const [k, v] of more) m[k] = String.fromCharCode(v);
  return m;
})();

/** Windows-1252 meanings of the C1 range, which HTML applies to numeric references 0x80–0x9F. */
const CP1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

const ENTITY_RE = /&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{1,31})(;?)/g;
const LEGACY_NO_SEMI = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp', 'AMP', 'LT', 'GT', 'QUOT', 'copy', 'reg']);

/** Decodes HTML character references (named, decimal, hex); unknown ones are left as written. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY_RE, (whole, body: string, semi: string) => {
    if (body.charCodeAt(0) === 35 /* # */) {
      const hex = body[1] === 'x' || body[1] === 'X';
      let cp = parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
      if (cp >= 0x80 && cp <= 0x9f) cp = CP1252_C1[cp - 0x80]!;
      if (!(cp > 0) || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\uFFFD';
      return String.fromCodePoint(cp);
    }
    if (!semi && !LEGACY_NO_SEMI.has(body)) return whole;
    const v = NAMED[body] ?? NAMED[body.toLowerCase()];
    return v === undefined ? whole : v;
  });
}

// ---------------------------------------------------------------------------------------------
// Tokenizer

type Attrs = Record<string, string>;

interface TokenSink {
  text(raw: string): void;
  start(name: string, attrs: Attrs, selfClosing: boolean): void;
  end(name: string): void;
}

/** Elements whose content is not markup; it is skipped up to the matching end tag. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'template', 'textarea']);

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

/** Splits HTML into text, start and end tags; comments, doctypes and `<![if …]>` are dropped. */
function tokenize(html: string, sink: TokenSink): void {
  const n = html.length;
  let i = 0;
  let textFrom = 0;
  const flushText = (to: number): void => {
    if (to > textFrom) sink.text(html.slice(textFrom, to));
  };
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    const c1 = lt + 1 < n ? html.charCodeAt(lt + 1) : 0;
    if (c1 === 33 /* ! */) {
      flushText(lt);
      let end: number;
      if (html.startsWith('<!--', lt)) {
        const close = html.indexOf('-->', lt + 4);
        end = close < 0 ? n : close + 3;
      } else if (html.startsWith('<![CDATA[', lt)) {
        const close = html.indexOf(']]>', lt + 9);
        sink.text(escapeForText(html.slice(lt + 9, close < 0 ? n : close)));
        end = close < 0 ? n : close + 3;
      } else {
        const close = html.indexOf('>', lt + 2);
        end = close < 0 ? n : close + 1;
      }
      i = textFrom = end;
      continue;
    }
    if (c1 === 63 /* ? */) {
      flushText(lt);
      const close = html.indexOf('>', lt + 2);
      i = textFrom = close < 0 ? n : close + 1;
      continue;
    }
    const isEnd = c1 === 47; /* / */
    const nameAt = isEnd ? lt + 2 : lt + 1;
    if (nameAt >= n || !isNameStart(html.charCodeAt(nameAt))) {
      i = lt + 1; // a lone "<" is text
      continue;
    }
    let j = nameAt;
    while (j < n) {
      const c = html.charCodeAt(j);
      if (isSpace(c) || c === 47 || c === 62) break;
      j++;
    }
    const name = html.slice(nameAt, j).toLowerCase();
    const parsed = parseAttributes(html, j, isEnd);
    if (!parsed) {
      // A tag cut off by the end of the input: drop it, as browsers do.
      flushText(lt);
      textFrom = n;
      break;
    }
    flushText(lt);
    i = textFrom = parsed.end;
    if (isEnd) {
      sink.end(name);
      continue;
    }
    sink.start(name, parsed.attrs, parsed.selfClosing);
    if (RAW_TEXT.has(name) && !parsed.selfClosing) {
      const re = new RegExp(`</${name}[\\s/>]`, 'ig');
      re.lastIndex = i;
      const m = re.exec(html);
      const stop = m ? m.index : n;
      if (name === 'textarea') sink.text(escapeForText(html.slice(i, stop)));
      if (!m) {
        textFrom = n;
        sink.end(name);
        break;
      }
      const close = html.indexOf('>', stop);
      i = textFrom = close < 0 ? n : close + 1;
      sink.end(name);
    }
  }
  flushText(n);
}

/** Text taken verbatim (CDATA) must survive the entity decoder unchanged. */
function escapeForText(s: string): string {
  return s.replace(/&/g, '&amp;');
}

/** Reads attributes from `from` to the closing `>`; null when the input ends first. */
function parseAttributes(html: string, from: number, isEnd: boolean): { attrs: Attrs; end: number; selfClosing: boolean } | null {
  const n = html.length;
  const attrs: Attrs = Object.create(null) as Attrs;
  let i = from;
  let selfClosing = false;
  while (i < n) {
    let c = html.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === 62 /* > */) return { attrs, end: i + 1, selfClosing };
    if (c === 47 /* / */) {
      selfClosing = html.charCodeAt(i + 1) === 62;
      i++;
      continue;
    }
    const nameFrom = i;
    while (i < n) {
      c = html.charCodeAt(i);
      if (isSpace(c) || c === 61 || c === 62 || (c === 47 && i > nameFrom)) break;
      i++;
    }
    const name = html.slice(nameFrom, i).toLowerCase();
    while (i < n && isSpace(html.charCodeAt(i))) i++;
    let value = '';
    if (html.charCodeAt(i) === 61 /* = */) {
      i++;
      while (i < n && isSpace(html.charCodeAt(i))) i++;
      const q = html.charCodeAt(i);
      if (q === 34 || q === 39) {
        const close = html.indexOf(q === 34 ? '"' : "'", i + 1);
        if (close < 0) {
          // Unterminated quote: end the tag at the next ">" after the quote, if any.
          const gt = html.indexOf('>', i + 1);
          if (gt < 0) return null;
          if (!isEnd) attrs[name] = decodeEntities(html.slice(i + 1, gt));
          return { attrs, end: gt + 1, selfClosing: false };
        }
        value = html.slice(i + 1, close);
        i = close + 1;
      } else {
        const vFrom = i;
        while (i < n) {
          c = html.charCodeAt(i);
          if (isSpace(c) || c === 62) break;
          i++;
        }
        value = html.slice(vFrom, i);
      }
    }
    if (name && !isEnd && !(name in attrs)) attrs[name] = decodeEntities(value);
  }
  return null;
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
}

type Seg = { kind: 'text'; text: string; italic: boolean } | { kind: 'sup'; text: string } | { kind: 'br' };

interface OutBlock {
  segs: Seg[];
  heading: number;
  /** Footnote number for a footnote body, or null. */
  note: string | null;
  /** Table row of a cell, or -1. */
  row: number;
}

const NOTE_ID = /^(?:ftn|edn|footnote-?|endnote-?|fn)(\d+)$/;
const NOTE_REF_HREF = /^#_?(?:ftn|edn|footnote-?|endnote-?|fn)(\d+)$/i;
const NOTE_BACK_HREF = /^#_?(?:ftnref|ednref|footnote-ref-?|endnote-ref-?|fnref)\d+$/i;
const LABEL_ONLY = /^(?:\(?\d{1,3}[.)]|\([a-z]{1,2}\)|[a-z]{1,2}\)|\([ivxlc]{1,6}\)|[ivxlc]{1,6}\)|[a-z]\.)$/i;

class Converter implements TokenSink {
  private readonly stack: Frame[] = [];
  private readonly blocks: OutBlock[] = [];
  private cur: OutBlock | null = null;
  private pendingLabel = '';
  private rowCounter = 0;
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
      }
    );
  }

  text(raw: string): void {
    const f = this.top();
    if (f.hidden || this.backDepth >= 0) return;
    let t = decodeEntities(raw).replace(/\u00ad|\u200b|\u200c|\u200d|\u2060|\ufeff/g, '');
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
    };

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
        this.cur.note = this.noteNumber(id, noteMatch?.[1]);
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
    const digits = /(\d+)$/.exec(this.refTarget)?.[1];
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
    return { segs: [], heading: 0, note: null, row: -1 };
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

  finish(): string {
    while (this.stack.length) this.close(this.stack.pop()!);
    this.flush();
    const out: string[] = [];
    let pendingCellLabel = '';
    let pendingRow = -1;
    let inNotes = false;
    for (const b of this.blocks) {
      let text = serialize(b.segs);
      if (!text) continue;
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
      out.push(b.heading ? `${'#'.repeat(b.heading)} ${text.replace(/\n/g, ' ')}` : text);
    }
    if (pendingCellLabel) out.push(pendingCellLabel);
    return out.length ? out.join('\n\n') + '\n' : '';
  }
}

/**
 * One footnote of a footnote block, in the form the parser's markdown reader takes for a
 * footnote definition: `<sup>n</sup> Text`.
 */
export function footnoteLine(mark: string, markdownText: string): string {
  return `<sup>${mark}</sup> ${markdownText.replace(/\s*\n\s*/g, ' ').trim()}`;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alpha(n: number): string {
  let s = '';
  let k = n;
  while (k > 0) {
    k--;
    s = String.fromCharCode(97 + (k % 26)) + s;
    k = Math.floor(k / 26);
  }
  return s || 'a';
}

/** Lower-case roman numeral (1 → i). */
function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let s = '';
  let k = n;
  for (const [v, r] of table) {
    while (k >= v) {
      s += r;
      k -= v;
    }
  }
  return s;
}

/** The label of an ordered-list item, by explicit type or by UN level (1. → (a) → (i) → a. → i.). */
function listLabel(n: number, style: string, depth: number): string {
  switch (style) {
    case '1':
      return `${n}.`;
    case 'a':
      return `(${alpha(n)})`;
    case 'A':
      return `${alpha(n).toUpperCase()}.`;
    case 'i':
      return `(${roman(n)})`;
    case 'I':
      return `${roman(n).toUpperCase()}.`;
  }
  switch (depth) {
    case 2:
      return `(${alpha(n)})`;
    case 3:
      return `(${roman(n)})`;
    case 4:
      return `${alpha(n)}.`;
    case 5:
      return `${roman(n)}.`;
    default:
      return `${n}.`;
  }
}

/** Backslash-escapes the characters the parser's markdown reader would take for markup. */
function escapeMd(s: string): string {
  return s.replace(/[\\*_[\]<`]/g, '\\$&');
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

/** A run of text for {@link runsToMarkdown}: roman, italic, or a superscript (footnote mark). */
export interface InlineRun {
  text: string;
  italic?: boolean;
  sup?: boolean;
}

/**
 * Renders runs as one line of the parser's markdown: italic runs as `*…*` (whitespace kept
 * outside the stars, and a space between two italic runs made italic so "*Taking* *note*" comes
 * out as "*Taking note*"); a superscript that is a footnote mark (digits or `*`, `†`…) as
 * `<sup>n</sup>`, any other superscript ("th", "e", "er") as plain text; characters the parser
 * reads as markup (`*`, `_`, `[`, `]`, `<`, `` ` ``, `\`) escaped. Newlines are not expected.
 */
export function runsToMarkdown(input: readonly InlineRun[]): string {
  const items = input.map((r) => ({ text: r.text, italic: !!r.italic && !r.sup, sup: !!r.sup }));
  for (let k = 0; k < items.length; k++) {
    const s = items[k]!;
    if (s.sup || s.italic || s.text.trim()) continue;
    const prev = items[k - 1];
    const next = items[k + 1];
    if (prev && !prev.sup && prev.italic && next && !next.sup && next.italic) s.italic = true;
  }
  let out = '';
  let run = '';
  let runItalic = false;
  const emitRun = (): void => {
    if (!run) return;
    const norm = collapse(run);
    if (runItalic && norm.trim()) {
      const lead = /^\s*/.exec(norm)![0];
      const trail = /\s*$/.exec(norm)![0];
      out += `${lead}*${escapeMd(norm.trim())}*${trail}`;
    } else out += escapeMd(norm);
    run = '';
  };
  for (const s of items) {
    if (s.sup) {
      emitRun();
      const t = s.text.replace(/[[\]\s\u00a0]/g, '');
      if (/^\d+$|^[*†‡§]+$/.test(t)) out += `<sup>${t}</sup>`;
      else if (t) out += escapeMd(t); // ordinals ("1er", "54th") and the like stay plain text
      continue;
    }
    if (s.italic !== runItalic) {
      emitRun();
      runItalic = s.italic;
    }
    run += s.text;
  }
  emitRun();
  return collapse(out);
}

/** Runs of spaces (ordinary or no-break) become one; a single no-break space is kept. */
function collapse(s: string): string {
  return s.replace(/[ \u00a0]{2,}/g, ' ');
}
