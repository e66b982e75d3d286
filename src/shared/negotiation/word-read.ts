/**
 * Reading a Word document's body for merging: paragraphs as runs of text with the revisions they
 * are in (w:ins, w:del, w:moveFrom, w:moveTo, nested as Word nests them), whether the paragraph
 * mark itself is inserted or deleted, the bookmarks (Plenary's `_pl<id>` paragraph ids) and the
 * comments anchored in each paragraph; the comments part; the file's author from docProps/core.xml.
 * Works on the XML text of the parts (unzipped elsewhere). Pure.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Who made a revision and when (ISO 8601, '' when Word wrote none). */
export interface WordRevision {
  author: string;
  date: string;
}

/** A piece of a paragraph's text and the revisions it is in. */
export interface WordRun {
  /** Text; a tab is "\t", a footnote reference U+FFFC. */
  text: string;
  ins?: WordRevision;
  del?: WordRevision;
  /** Inside w:moveFrom / w:moveTo, with the move's name when the range markers give one. */
  move?: { dir: 'from' | 'to'; name: string } & WordRevision;
}

/** A paragraph of the body. */
export interface WordParagraph {
  runs: WordRun[];
  /** The paragraph mark is a tracked insertion / deletion. */
  markIns?: WordRevision;
  markDel?: WordRevision;
  bookmarks: string[];
  /** Ids of the comments whose range starts (or whose reference is) in this paragraph. */
  comments: string[];
}

/** A comment of comments.xml. */
export interface WordComment {
  id: string;
  author: string;
  date: string;
  text: string;
}

/** The parts a merge reads. */
export interface WordFile {
  paragraphs: WordParagraph[];
  comments: WordComment[];
  /** docProps/core.xml lastModifiedBy, else creator, else ''. */
  author: string;
}

type Node = Record<string, unknown>;

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false, processEntities: true });

function nameOf(n: Node): string {
  for (const k of Object.keys(n)) if (k !== ':@') return k;
  return '';
}

function kids(n: Node): Node[] {
  const v = n[nameOf(n)];
  return Array.isArray(v) ? (v as Node[]) : [];
}

function attr(n: Node, name: string): string {
  const a = n[':@'] as Record<string, unknown> | undefined;
  const v = a?.[name];
  return typeof v === 'string' ? v : v === undefined ? '' : String(v);
}

function textOf(n: Node): string {
  let s = '';
  for (const k of kids(n)) {
    if ('#text' in k) s += String(k['#text']);
    else s += textOf(k);
  }
  return s;
}

function rev(n: Node): WordRevision {
  return { author: attr(n, 'w:author'), date: attr(n, 'w:date') };
}

function parse(xml: string, what: string): Node[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`${what} is not well-formed XML (${valid.err.msg}, line ${valid.err.line})`);
  try {
    return parser.parse(xml) as Node[];
  } catch (e) {
    throw new Error(`${what} is not well-formed XML (${(e as Error).message})`, { cause: e });
  }
}

function find(nodes: Node[], name: string): Node | undefined {
  for (const n of nodes) {
    if (nameOf(n) === name) return n;
    const inner = find(kids(n), name);
    if (inner) return inner;
  }
  return undefined;
}

interface Ctx {
  ins?: WordRevision;
  del?: WordRevision;
  move?: WordRun['move'];
}

function readParagraph(p: Node, moveNames: Map<string, string>): WordParagraph {
  const out: WordParagraph = { runs: [], bookmarks: [], comments: [] };
  const push = (text: string, ctx: Ctx) => {
    if (!text) return;
    const last = out.runs[out.runs.length - 1];
    const same = last && last.ins === ctx.ins && last.del === ctx.del && last.move === ctx.move;
    if (same) last.text += text;
    else out.runs.push({ text, ...(ctx.ins ? { ins: ctx.ins } : {}), ...(ctx.del ? { del: ctx.del } : {}), ...(ctx.move ? { move: ctx.move } : {}) });
  };
  const run = (r: Node, ctx: Ctx) => {
    for (const c of kids(r)) {
      const name = nameOf(c);
      if (name === 'w:t' || name === 'w:delText') push(textOf(c), ctx);
      else if (name === 'w:tab') push('\t', ctx);
      else if (name === 'w:br' || name === 'w:cr') push(' ', ctx);
      else if (name === 'w:noBreakHyphen') push('-', ctx);
      else if (name === 'w:footnoteReference') push('\uFFFC', ctx);
      else if (name === 'w:commentReference') {
        const id = attr(c, 'w:id');
        if (!out.comments.includes(id)) out.comments.push(id);
      }
    }
  };
  const walk = (nodes: Node[], ctx: Ctx) => {
    for (const c of nodes) {
      const name = nameOf(c);
      switch (name) {
        case 'w:pPr': {
          const rPr = kids(c).find((k) => nameOf(k) === 'w:rPr');
          for (const k of rPr ? kids(rPr) : []) {
            if (nameOf(k) === 'w:ins' || nameOf(k) === 'w:moveTo') out.markIns = rev(k);
            if (nameOf(k) === 'w:del' || nameOf(k) === 'w:moveFrom') out.markDel = rev(k);
          }
          break;
        }
        case 'w:r':
          run(c, ctx);
          break;
        case 'w:ins':
          walk(kids(c), { ...ctx, ins: rev(c) });
          break;
        case 'w:del':
          walk(kids(c), { ...ctx, del: rev(c) });
          break;
        case 'w:moveFrom':
        case 'w:moveTo': {
          const dir = name === 'w:moveFrom' ? 'from' : 'to';
          walk(kids(c), { ...ctx, move: { dir, name: moveNames.get(`${dir}:${attr(c, 'w:id')}`) ?? '', ...rev(c) } });
          break;
        }
        case 'w:moveFromRangeStart':
        case 'w:moveToRangeStart':
          // Word gives the range and the moved runs different ids; the open range names what follows.
          moveNames.set(name === 'w:moveFromRangeStart' ? 'from:open' : 'to:open', attr(c, 'w:name'));
          break;
        case 'w:bookmarkStart':
          out.bookmarks.push(attr(c, 'w:name'));
          break;
        case 'w:commentRangeStart': {
          const id = attr(c, 'w:id');
          if (!out.comments.includes(id)) out.comments.push(id);
          break;
        }
        case 'w:hyperlink':
        case 'w:smartTag':
        case 'w:customXml':
        case 'w:sdt':
        case 'w:sdtContent':
        case 'w:fldSimple':
          walk(kids(c), ctx);
          break;
        default:
          break;
      }
    }
  };
  walk(kids(p), {});
  return out;
}

/**
 * Reads the body paragraphs (tables included, in reading order), the comments and the author.
 * Throws an Error naming the part when the XML is not well-formed or has no body.
 */
export function readWordFile(parts: { document: string; comments?: string; core?: string }): WordFile {
  const doc = parse(parts.document, 'word/document.xml');
  const body = find(doc, 'w:body');
  if (!body) throw new Error('word/document.xml has no body');
  const paragraphs: WordParagraph[] = [];
  const moveNames = new Map<string, string>();
  const collect = (nodes: Node[]) => {
    for (const n of nodes) {
      const name = nameOf(n);
      if (name === 'w:p') {
        const p = readParagraph(n, moveNames);
        // Move ranges name the moved runs that follow their start marker.
        for (const r of p.runs) if (r.move && !r.move.name) r.move = { ...r.move, name: moveNames.get(`${r.move.dir}:open`) ?? '' };
        paragraphs.push(p);
      } else if (name !== 'w:sectPr') collect(kids(n));
    }
  };
  collect(kids(body));
  const comments: WordComment[] = [];
  if (parts.comments) {
    const c = find(parse(parts.comments, 'word/comments.xml'), 'w:comments');
    for (const k of c ? kids(c) : []) {
      if (nameOf(k) !== 'w:comment') continue;
      const paras = kids(k).filter((x) => nameOf(x) === 'w:p').map((x) => readParagraph(x, new Map()).runs.map((r) => r.text).join(''));
      comments.push({ id: attr(k, 'w:id'), author: attr(k, 'w:author'), date: attr(k, 'w:date'), text: paras.join('\n').trim() });
    }
  }
  let author = '';
  if (parts.core) {
    const core = parse(parts.core, 'docProps/core.xml');
    const last = find(core, 'cp:lastModifiedBy');
    const creator = find(core, 'dc:creator');
    author = ((last && textOf(last).trim()) || (creator && textOf(creator).trim()) || '').trim();
  }
  return { paragraphs, comments, author };
}
