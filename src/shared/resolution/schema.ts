/**
 * The ProseMirror schema of a resolution.
 *
 * The body is flat: preambular paragraphs, then operative paragraphs, then annexes. A
 * subparagraph is a paragraph with `level` 1–4 following its parent; a paragraph with
 * `tail: true` continues its parent after a list (chapeau + list + tail). Flat blocks keep
 * Enter, Tab, moves, copy and paste simple; the nesting is derived (see structure.ts).
 * Numbers, labels, opening-phrase italics and the enacting formula are never stored: plugins
 * derive them from position and render them as decorations.
 */
import { Schema, type NodeSpec, type MarkSpec, type Attrs } from 'prosemirror-model';
import { emptyFrontMatter } from './model.js';

/** Attributes shared by every paragraph-like block. */
const blockAttrs = {
  /** Stable id (AKN wId); survives moves and undo; pasted copies get new ids. */
  id: { default: '' },
  /** 0 = a paragraph, 1–4 = subparagraph levels (a), (i), a., i. */
  level: { default: 0 },
  /** Continues the parent paragraph after its list, unnumbered. */
  tail: { default: false },
  /** Manual opening-phrase length override: null = lexicon decides, 0 = none, n = chars. */
  phrase: { default: null },
  /** Negotiation status: '' | agreed | adref | pending | deleted. */
  status: { default: '' },
  /** Delegation holding a pending paragraph. */
  holder: { default: '' },
  /** Provenance of agreed language: { symbol, paragraph, hash, text } or null. */
  provenance: { default: null },
  /** Frozen base number for negotiation numbering, or null for inserted paragraphs. */
  base: { default: null },
  /** Whole-paragraph proposal { id, by, at, parent?, kind: 'ins' | 'del' }, or null. */
  proposal: { default: null },
  /**
   * Text quoted by an amendment's instruction (model.ts Block.quoted). Held by an unnumbered `pp`
   * node among the operative paragraphs, as a part's preamble is: numbering, editing, moving and
   * the exports' paragraph layout need nothing new; only the file model tells the two apart.
   */
  quoted: { default: false },
  /** How the paragraph's subparagraphs are labelled: null by level, 'digits' "1.", "2." (model.ts Block.listLabels). */
  listLabels: { default: null },
};

function blockDomAttrs(kind: string, attrs: Attrs): Record<string, string> {
  const out: Record<string, string> = {
    class: `para ${kind} lvl${attrs.level as number}${attrs.tail ? ' tail' : ''}${attrs.quoted ? ' quoted' : ''}`,
    'data-id': attrs.id as string,
    'data-level': String(attrs.level),
  };
  if (attrs.tail) out['data-tail'] = 'true';
  if (attrs.quoted) out['data-quoted'] = 'true';
  if (attrs.phrase !== null) out['data-phrase'] = String(attrs.phrase);
  if (attrs.status) out['data-status'] = attrs.status as string;
  if (attrs.holder) out['data-holder'] = attrs.holder as string;
  if (attrs.base !== null) out['data-base'] = String(attrs.base);
  if (attrs.provenance) out['data-provenance'] = JSON.stringify(attrs.provenance);
  if (attrs.proposal) out['data-proposal'] = JSON.stringify(attrs.proposal);
  if (attrs.listLabels) out['data-list-labels'] = attrs.listLabels as string;
  return out;
}

/** The part of a DOM element the parse rules read (src/shared has no DOM types). */
interface DomLike {
  getAttribute(name: string): string | null;
}

function proposalAttrs(dom: DomLike): Attrs {
  return { id: dom.getAttribute('data-id') ?? '', by: dom.getAttribute('data-by') ?? '', at: dom.getAttribute('data-at') ?? '', parent: '' };
}

function parseBlockAttrs(dom: DomLike): Attrs {
  const num = (v: string | null) => (v === null || v === '' ? null : Number(v));
  let provenance: unknown = null;
  const p = dom.getAttribute('data-provenance');
  if (p) {
    try {
      provenance = JSON.parse(p);
    } catch {
      provenance = null;
    }
  }
  return {
    // Ids are not taken from pasted HTML: the id plugin gives copies fresh ones.
    id: '',
    level: Math.max(0, Math.min(4, Number(dom.getAttribute('data-level') ?? 0) || 0)),
    tail: dom.getAttribute('data-tail') === 'true',
    phrase: num(dom.getAttribute('data-phrase')),
    status: dom.getAttribute('data-status') ?? '',
    holder: dom.getAttribute('data-holder') ?? '',
    provenance,
    base: null,
    proposal: null,
    quoted: dom.getAttribute('data-quoted') === 'true',
    listLabels: dom.getAttribute('data-list-labels') === 'digits' ? 'digits' : null,
  };
}

const nodes: Record<string, NodeSpec> = {
  /** The document; front matter (FrontMatter) lives in the `meta` attribute. */
  doc: {
    // A heading may open the text or a part; after the first operative paragraph (or heading),
    // parts may bring their own preambular paragraphs.
    content: 'pp* (op | heading) (pp | op | heading)* annex*',
    attrs: { meta: { default: emptyFrontMatter() } },
  },
  /** A preambular paragraph: opens with a participle, ends with a comma. Unnumbered. */
  pp: {
    content: 'inline*',
    group: 'para',
    attrs: blockAttrs,
    defining: true,
    parseDOM: [{ tag: 'p.pp', getAttrs: (d) => parseBlockAttrs(d as unknown as DomLike) }],
    toDOM: (n) => ['p', blockDomAttrs('pp', n.attrs), 0],
  },
  /** An operative paragraph (level 0) or one of its subparagraphs (levels 1–4). */
  op: {
    content: 'inline*',
    group: 'para',
    attrs: blockAttrs,
    defining: true,
    parseDOM: [
      { tag: 'p.op', getAttrs: (d) => parseBlockAttrs(d as unknown as DomLike) },
      { tag: 'p', priority: 10, getAttrs: (d) => parseBlockAttrs(d as unknown as DomLike) },
      { tag: 'li', priority: 10, getAttrs: (d) => parseBlockAttrs(d as unknown as DomLike) },
    ],
    toDOM: (n) => ['p', blockDomAttrs('op', n.attrs), 0],
  },
  /**
   * An annex: heading ("Annex", "Annex I") and title, then its own numbered paragraphs. `inBody`:
   * the text the resolution adopts in full, quoted in its body before the closing block (see
   * model.ts Annex).
   */
  annex: {
    content: '(ap | heading | table)+',
    attrs: { id: { default: '' }, heading: { default: 'Annex' }, title: { default: '' }, inBody: { default: false } },
    defining: true,
    isolating: true,
    parseDOM: [
      {
        tag: 'section.annex',
        getAttrs: (d) => ({
          id: '',
          heading: (d as unknown as DomLike).getAttribute('data-heading') ?? 'Annex',
          title: (d as unknown as DomLike).getAttribute('data-title') ?? '',
          inBody: (d as unknown as DomLike).getAttribute('data-in-body') === 'true',
        }),
      },
    ],
    toDOM: (n) => [
      'section',
      {
        class: n.attrs.inBody ? 'annex in-body' : 'annex',
        'data-id': n.attrs.id as string,
        'data-heading': n.attrs.heading as string,
        'data-title': n.attrs.title as string,
        ...(n.attrs.inBody ? { 'data-in-body': 'true' } : {}),
      },
      0,
    ],
  },
  /**
   * A paragraph of an annex; `level` 0 numbered 1., 2.… within the annex; 1–4 subparagraphs.
   * `unnumbered`: a level-0 paragraph the annex prints without a number (a declaration's preamble,
   * "We, the Heads of State…"; model.ts Block.preambular in an annex), as a `pp` node stands
   * unnumbered among operative paragraphs. Kept so a save never invents a number.
   */
  ap: {
    content: 'inline*',
    attrs: { ...blockAttrs, unnumbered: { default: false } },
    defining: true,
    parseDOM: [{ tag: 'p.ap', getAttrs: (d) => ({ ...parseBlockAttrs(d as unknown as DomLike), unnumbered: (d as unknown as DomLike).getAttribute('data-unnumbered') === 'true' }) }],
    toDOM: (n) => ['p', { ...blockDomAttrs('ap', n.attrs), ...(n.attrs.unnumbered ? { 'data-unnumbered': 'true' } : {}) }, 0],
  },
  /**
   * A heading: level 1 a part ("I." + title), level 2 a lettered sub-heading ("A." + title); the
   * content is the title, `num` the printed number ("II", "B"); `restart` (level 1) starts the
   * operative numbering again at 1 after it. Never numbered as a paragraph. `resolution` marks
   * the opening of one of several resolutions ("A", "B"; model.ts Heading.resolution): level 1,
   * restarting, the letter centred above its title.
   */
  heading: {
    content: 'inline*',
    attrs: { id: { default: '' }, level: { default: 1 }, num: { default: '' }, restart: { default: false }, resolution: { default: false } },
    defining: true,
    parseDOM: [
      {
        tag: 'h3.heading',
        getAttrs: (d) => {
          const dom = d as unknown as DomLike;
          const resolution = dom.getAttribute('data-resolution') === 'true';
          return { id: '', level: !resolution && dom.getAttribute('data-level') === '2' ? 2 : 1, num: dom.getAttribute('data-num') ?? '', restart: resolution || dom.getAttribute('data-restart') === 'true', resolution };
        },
      },
    ],
    toDOM: (n) => [
      'h3',
      {
        class: `heading lvl${n.attrs.level as number}${n.attrs.resolution ? ' resolution' : ''}`,
        'data-id': n.attrs.id as string,
        'data-level': String(n.attrs.level),
        'data-num': n.attrs.num as string,
        ...(n.attrs.restart ? { 'data-restart': 'true' } : {}),
        ...(n.attrs.resolution ? { 'data-resolution': 'true' } : {}),
      },
      0,
    ],
  },
  /** A table (in annexes): rows of plain-text cells, edited as a whole; `header` = first row heads. */
  table: {
    atom: true,
    attrs: { id: { default: '' }, header: { default: false }, rows: { default: [] } },
    parseDOM: [
      {
        tag: 'table.table',
        getAttrs: (d) => {
          const dom = d as unknown as DomLike;
          try {
            return { id: '', header: dom.getAttribute('data-header') === 'true', rows: JSON.parse(dom.getAttribute('data-rows') ?? '[]') as string[][] };
          } catch {
            return false;
          }
        },
      },
    ],
    toDOM: (n) => {
      const rows = n.attrs.rows as string[][];
      return [
        'table',
        { class: 'table', 'data-id': n.attrs.id as string, 'data-header': String(n.attrs.header), 'data-rows': JSON.stringify(rows) },
        ['tbody', ...rows.map((r, i) => ['tr', ...r.map((c) => [i === 0 && n.attrs.header ? 'th' : 'td', c])])],
      ];
    },
  },
  text: { group: 'inline' },
  /** A footnote: its content is inline text edited in place; numbered by order in the document. */
  footnote: {
    group: 'inline',
    inline: true,
    atom: true,
    content: 'text*',
    attrs: { id: { default: '' } },
    parseDOM: [{ tag: 'span.footnote', getAttrs: () => ({ id: '' }) }],
    toDOM: (n) => ['span', { class: 'footnote', 'data-id': n.attrs.id as string }, 0],
  },
  /** A cross-reference to one paragraph or a range (targets = [first, last]); text derived. */
  xref: {
    group: 'inline',
    inline: true,
    atom: true,
    attrs: { targets: { default: [] } },
    parseDOM: [
      {
        tag: 'span.xref',
        getAttrs: (d) => {
          try {
            return { targets: JSON.parse((d as unknown as DomLike).getAttribute('data-targets') ?? '[]') as string[] };
          } catch {
            return false;
          }
        },
      },
    ],
    toDOM: (n) => ['span', { class: 'xref', 'data-targets': JSON.stringify(n.attrs.targets) }],
  },
};

const marks: Record<string, MarkSpec> = {
  /** Emphasis set by hand (opening-phrase italics are derived, not marks). */
  em: {
    parseDOM: [{ tag: 'i' }, { tag: 'em' }, { style: 'font-style=italic' }],
    toDOM: () => ['em', 0],
  },
  /** A reference to a UN document symbol ("74/197", "A/75/454"). */
  symbolRef: {
    attrs: { symbol: { default: '' } },
    inclusive: false,
    parseDOM: [{ tag: 'span.symref', getAttrs: (d) => ({ symbol: (d as unknown as DomLike).getAttribute('data-symbol') ?? '' }) }],
    toDOM: (m) => ['span', { class: 'symref', 'data-symbol': m.attrs.symbol as string }, 0],
  },
  /** A proposed insertion by a delegation (negotiation). */
  insertion: {
    attrs: { id: { default: '' }, by: { default: '' }, at: { default: '' }, parent: { default: '' } },
    inclusive: false,
    excludes: 'insertion',
    parseDOM: [{ tag: 'ins.proposal', getAttrs: (d) => proposalAttrs(d as unknown as DomLike) }],
    toDOM: (m) => ['ins', { class: 'proposal', 'data-id': m.attrs.id as string, 'data-by': m.attrs.by as string, 'data-at': m.attrs.at as string, title: `Proposed by ${m.attrs.by as string}` }, 0],
  },
  /** A proposed deletion by a delegation (negotiation); may sit on another delegation's insertion. */
  deletion: {
    attrs: { id: { default: '' }, by: { default: '' }, at: { default: '' }, parent: { default: '' } },
    inclusive: false,
    excludes: 'deletion',
    parseDOM: [{ tag: 'del.proposal', getAttrs: (d) => proposalAttrs(d as unknown as DomLike) }],
    toDOM: (m) => ['del', { class: 'proposal', 'data-id': m.attrs.id as string, 'data-by': m.attrs.by as string, 'data-at': m.attrs.at as string, title: `Deletion proposed by ${m.attrs.by as string}` }, 0],
  },
  /** Bracketed text: not yet agreed. Brackets nest, so several may cover the same text. */
  bracket: {
    attrs: { id: { default: '' } },
    inclusive: false,
    excludes: '',
    parseDOM: [{ tag: 'span.bracket', getAttrs: (d) => ({ id: (d as unknown as DomLike).getAttribute('data-id') ?? '' }) }],
    toDOM: (m) => ['span', { class: 'bracket', 'data-id': m.attrs.id as string }, 0],
  },
  /** A hyperlink. */
  link: {
    attrs: { href: { default: '' } },
    inclusive: false,
    parseDOM: [{ tag: 'a[href]', getAttrs: (d) => ({ href: (d as unknown as DomLike).getAttribute('href') ?? '' }) }],
    toDOM: (m) => ['a', { href: m.attrs.href as string, rel: 'noopener noreferrer' }, 0],
  },
};

/** The resolution schema. */
export const schema = new Schema({ nodes, marks });

/** Node types that are paragraphs of the text (carry ids and labels). */
export const PARA_TYPES = new Set(['pp', 'op', 'ap']);
