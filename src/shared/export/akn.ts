/**
 * Akoma Ntoso 3.0 export after AKN4UN (un-format.md §6):
 *
 *     <akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
 *       <statement name="resolution">            ("resolutionDraft", "decisionDraft" or "amendment" for
 *                                                  drafts and revisions: akn-vocabulary.ts)
 *         <meta>          identification (FRBR Work / Expression / Manifestation), references
 *                         (TLCOrganization of the organ, sponsors), notes (footnotes that nothing
 *                         references), proprietary (Plenary's front matter, with the symbol)
 *         <preface>       masthead and heading: docNumber, docAuthority, docStatus, docDate,
 *                         session, docCommittee, docType, docProponent, basis, docTitle, docStage
 *         <preamble>      <formula name="enactingFormula">, then each preambular paragraph as
 *                         <container name="preambularParagraph" eId="preamble__para_3" wId="…">
 *                         (subparagraphs as <blockList> with <listIntroduction>, <item>,
 *                         <listWrapUp>)
 *         <mainBody>      <paragraph eId="para_7" wId="…"><num>7.</num><content><p>…
 *                         subparagraphs: <list eId="para_7__list_1"><intro><p>…</p></intro>
 *                         <point eId="para_7__point_a" wId="…"><num>(a)</num>…</point>
 *                         <wrapUp><p>…</p></wrapUp></list>
 *         <conclusions>   the meeting line and the date (resolutions)
 *         <attachments>   each annex as <attachment><doc name="annex"> with its own meta,
 *                         preface (heading, title) and mainBody (eIds prefixed "att_1__")
 *
 * `eId` follows the printed numbering, so it changes when paragraphs are renumbered; `wId` is
 * Plenary's block id, assigned once and never changed. Inline: the opening phrase in <i>;
 * emphasis set by hand in <i class="emphasis">; a footnote as <authorialNote marker="1"
 * placement="bottom" eId="fnote_1" wId="…"> where it is first referenced (later references to
 * the same note as <noteRef>); a cross-reference as <ref href="#para_5"> (a range as <rref
 * from="#para_3" upTo="#para_7">) worded from the current numbering; a cited document symbol as
 * <ref href="/akn/un/…"> (resolutions: the work without its date, which the symbol does not give)
 * with the symbol itself in plenary:symbol.
 *
 * What Akoma Ntoso has no place for — negotiation status, holder, frozen base number, provenance,
 * a hand-set opening phrase — travels in attributes of the namespace {@link PLENARY_NS}, which
 * AKN allows on every element, so that import/akn.ts gives back exactly the document exported.
 */
import { layoutDocument, type DocumentLayout, type LayoutParagraph, type LayoutRun } from './layout.js';
import { adoptedHeading, closingLines, draftResolutionWords, joinNames, sponsorColon, sponsorLine, titleNumberLabel, unreferencedFootnotes } from './wording.js';
import type { Annex, Block, Footnote, Inline, Language, Organ, ResolutionDocument } from '../resolution/model.js';
import { documentForm } from '../resolution/masthead.js';
import { AKN_NS, LANGUAGE_CODES, PLENARY_NS, STATEMENT_NAMES } from '../resolution/akn-vocabulary.js';
import { citationNumber, parseSymbol } from '../resolution/symbols.js';

/** Options of {@link exportAkn}. */
export interface AknExportOptions {
  /** The time of the export (FRBRManifestation date); default now. */
  now?: Date;
}

/** The actor of an organ in AKN URIs ("un-ga", "un-sc" …). */
const ACTORS: Readonly<Record<Organ, string>> = {
  ga: 'un-ga',
  'ga-c1': 'un-ga',
  'ga-c2': 'un-ga',
  'ga-c3': 'un-ga',
  'ga-c4': 'un-ga',
  'ga-c5': 'un-ga',
  'ga-c6': 'un-ga',
  sc: 'un-sc',
  ecosoc: 'un-ecosoc',
  hrc: 'un-hrc',
  other: 'un',
};

/**
 * The targets of the cross-references of each printed paragraph, in order, by paragraph id (a
 * tail's id is its block's id + "-tail", as the layout has it): the layout words cross-references
 * but does not keep their targets.
 */
export function crossRefTargets(doc: ResolutionDocument, _layout?: DocumentLayout): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  const add = (id: string, inlines: readonly Inline[]): void => {
    const xs = inlines.filter((i): i is Extract<Inline, { t: 'xref' }> => i.t === 'xref').map((i) => [...i.targets]);
    if (xs.length > 0) out.set(id, xs);
  };
  const visit = (b: Block): void => {
    add(b.id, b.content);
    b.children.forEach(visit);
    add(`${b.id}-tail`, b.tail);
  };
  doc.preambular.forEach(visit);
  doc.operative.forEach(visit);
  for (const a of doc.annexes) a.paragraphs.forEach(visit);
  return out;
}

// ---------------------------------------------------------------------------------------------
// XML text

/** Drops the characters XML 1.0 does not allow (C0 controls but tab and line ends, U+FFFE/F, lone surrogates). */
function xmlChars(s: string): string {
  let bad = false;
  for (let i = 0; i < s.length && !bad; i++) {
    const c = s.charCodeAt(i);
    bad = (c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffe || c === 0xffff || (c >= 0xd800 && c <= 0xdfff);
  }
  if (!bad) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) out += s[i]! + s[++i]!;
      continue;
    }
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffe || c === 0xffff || (c >= 0xdc00 && c <= 0xdfff)) continue;
    out += s[i];
  }
  return out;
}

/** Escapes text content for XML (and drops characters XML 1.0 does not allow). */
export function xmlText(s: string): string {
  return xmlChars(s).replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Escapes an attribute value for XML in double quotes (line ends kept as character references). */
export function xmlAttr(s: string): string {
  return xmlChars(s).replace(/[&<>"\n\r\t]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : `&#${c.charCodeAt(0)};`));
}

function attrs(a: Record<string, string | number | undefined | null>): string {
  let s = '';
  for (const [k, v] of Object.entries(a)) if (v !== undefined && v !== null) s += ` ${k}="${xmlAttr(String(v))}"`;
  return s;
}

// ---------------------------------------------------------------------------------------------
// URIs

/** The FRBR number part of the work URI: "75-202", "2532-2020", "a-c-2-79-l-26". */
function workNumber(symbol: string): string {
  const cited = citationNumber(symbol);
  const raw = cited ?? symbol;
  const n = raw
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|(?<!-)-+$/g, '');
  return n || 'draft';
}

/**
 * The AKN reference of a document symbol cited in the text: a resolution as its work without a
 * date ("A/RES/74/197" → "/akn/un/statement/deliberation/un-ga/74-197/!main"), any other
 * document as "/akn/un/doc/" and the symbol in lower case with "-" for separators.
 */
export function symbolHref(symbol: string): string {
  const p = parseSymbol(symbol);
  if (p && p.kind === 'resolution') {
    const actor = p.body === 'S' ? 'un-sc' : p.body === 'E' ? 'un-ecosoc' : p.body === 'A/HRC' ? 'un-hrc' : 'un-ga';
    return `/akn/un/statement/deliberation/${actor}/${workNumber(p.symbol)}/!main`;
  }
  return `/akn/un/doc/${symbol.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|(?<!-)-+$/g, '')}`;
}

/** ISO date of `d` (UTC). */
function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Identifiers

/** The key of a label in an eId: "(a)" → "a", "7." → "7", "OP7bis" → "7bis"; "" when none. */
function labelKey(label: string): string {
  return label.replace(/^(?:PP|OP)/, '').replace(/[^A-Z0-9]/gi, '');
}

interface Ids {
  /** eId by block id (and by annex id). */
  eid: Map<string, string>;
}

/** Computes the eIds of every block: preamble__para_N, para_N, para_N__point_a, att_K__para_N. */
function computeIds(doc: ResolutionDocument, labels: Map<string, string>): Ids {
  const eid = new Map<string, string>();
  const used = new Set<string>();
  const unique = (base: string): string => {
    let e = base;
    for (let k = 2; used.has(e); k++) e = `${base}_${k}`;
    used.add(e);
    return e;
  };
  const sub = (b: Block, parent: string, index: number, kind: 'item' | 'point'): void => {
    const key = labelKey(labels.get(b.id) ?? '') || String(index + 1);
    const e = unique(`${parent}__${kind}_${key}`);
    eid.set(b.id, e);
    b.children.forEach((c, i) => sub(c, e, i, kind));
  };
  doc.preambular.forEach((b, i) => {
    const e = unique(b.heading ? `preamble__container_${i + 1}` : `preamble__para_${i + 1}`);
    eid.set(b.id, e);
    b.children.forEach((c, k) => sub(c, e, k, 'item'));
  });
  const tops = (blocks: readonly Block[], prefix: string): void => {
    // Parts and chapters nest what follows them, so their eIds prefix those of their paragraphs.
    let part = prefix;
    let chapter = prefix;
    blocks.forEach((b, i) => {
      if (b.heading) {
        const key = labelKey(b.heading.num) || `u${i + 1}`;
        if (b.heading.level === 1) {
          part = unique(`${prefix}part_${key}`) + '__';
          chapter = part;
          eid.set(b.id, part.slice(0, -2));
        } else {
          chapter = unique(`${part}chp_${key}`) + '__';
          eid.set(b.id, chapter.slice(0, -2));
        }
        return;
      }
      if (b.table || b.preambular || b.quoted) {
        const e = unique(`${chapter}hcontainer_${i + 1}`);
        eid.set(b.id, e);
        b.children.forEach((c, k) => sub(c, e, k, 'item'));
        return;
      }
      const key = labelKey(labels.get(b.id) ?? '');
      const e = unique(`${chapter}para_${key || (blocks.length === 1 ? '1' : `u${i + 1}`)}`);
      eid.set(b.id, e);
      b.children.forEach((c, k) => sub(c, e, k, 'point'));
    });
  };
  tops(doc.operative, '');
  doc.annexes.forEach((a, k) => {
    eid.set(a.id, `att_${k + 1}`);
    tops(a.paragraphs, `att_${k + 1}__`);
  });
  return { eid };
}

// ---------------------------------------------------------------------------------------------
// Inline content

interface InlineContext {
  ids: Ids;
  footnotes: Map<string, Footnote>;
  /** Footnote numbers already written out as authorialNote. */
  written: Set<number>;
  /** Footnote id by layout number. */
  noteIds: Map<number, string>;
}

function inlineRunsXml(runs: readonly LayoutRun[], targets: readonly string[][], ctx: InlineContext): string {
  let out = '';
  let x = 0;
  let italic = false;
  const close = (): void => {
    if (italic) out += '</i>';
    italic = false;
  };
  for (const r of runs) {
    if (r.footnote !== undefined) {
      close();
      out += noteXml(r.footnote, ctx);
      continue;
    }
    if (r.phrase && !italic) {
      out += '<i>';
      italic = true;
    } else if (!r.phrase) close();
    let t = xmlText(r.text);
    if (r.xref) {
      const tg = targets[x++] ?? [];
      const hrefs = tg.map((id) => ctx.ids.eid.get(id));
      if (r.xref.broken || hrefs.length === 0 || hrefs.some((h) => h === undefined)) {
        t = `<ref${attrs({ href: '#', class: 'brokenReference', 'plenary:targets': tg.join(' ') })}>${t}</ref>`;
      } else if (hrefs.length > 1 && hrefs[0] !== hrefs[hrefs.length - 1]) {
        t = `<rref${attrs({ from: `#${hrefs[0]}`, upTo: `#${hrefs[hrefs.length - 1]}` })}>${t}</rref>`;
      } else t = `<ref${attrs({ href: `#${hrefs[0]}` })}>${t}</ref>`;
    } else if (r.symbolRef) {
      t = `<ref${attrs({ href: symbolHref(r.symbolRef), 'plenary:symbol': r.symbolRef })}>${t}</ref>`;
    } else if (r.link) {
      t = `<a${attrs({ href: r.link })}>${t}</a>`;
    }
    if (r.em && !r.phrase) t = `<i class="emphasis">${t}</i>`;
    out += t;
  }
  close();
  return out;
}

/** Inline content of a footnote (text with its marks). */
function footnoteInlinesXml(inlines: readonly Inline[]): string {
  let out = '';
  for (const i of inlines) {
    if (i.t !== 'text') continue;
    let t = xmlText(i.text);
    if (i.symbolRef) t = `<ref${attrs({ href: symbolHref(i.symbolRef), 'plenary:symbol': i.symbolRef })}>${t}</ref>`;
    else if (i.link) t = `<a${attrs({ href: i.link })}>${t}</a>`;
    if (i.em) t = `<i class="emphasis">${t}</i>`;
    out += t;
  }
  return out;
}

function noteXml(n: number, ctx: InlineContext): string {
  const id = ctx.noteIds.get(n) ?? '';
  if (ctx.written.has(n)) return `<noteRef${attrs({ href: `#fnote_${n}`, marker: n })}/>`;
  ctx.written.add(n);
  const note = ctx.footnotes.get(id);
  return `<authorialNote${attrs({ marker: n, placement: 'bottom', eId: `fnote_${n}`, wId: id || undefined })}><p>${footnoteInlinesXml(note?.content ?? [])}</p></authorialNote>`;
}

// ---------------------------------------------------------------------------------------------
// Blocks

/** Plenary's attributes of a block (what AKN has no place for). */
function plenaryAttrs(b: Block): Record<string, string | number | undefined> {
  const a: Record<string, string | number | undefined> = {};
  if (b.phrase !== undefined) a['plenary:phrase'] = b.phrase;
  if (b.status) a['plenary:status'] = b.status;
  if (b.holder) a['plenary:holder'] = b.holder;
  if (b.base !== undefined) a['plenary:base'] = b.base;
  if (b.provenance) {
    a['plenary:provenanceSymbol'] = b.provenance.symbol;
    a['plenary:provenanceParagraph'] = b.provenance.paragraph;
    a['plenary:provenanceHash'] = b.provenance.hash;
    a['plenary:provenanceText'] = b.provenance.text;
  }
  return a;
}

interface BlockContext extends InlineContext {
  layout: Map<string, LayoutParagraph>;
  targets: Map<string, string[][]>;
}

function runsOf(id: string, ctx: BlockContext): string {
  const lp = ctx.layout.get(id);
  if (!lp) return '';
  return inlineRunsXml(lp.runs, ctx.targets.get(id) ?? [], ctx);
}

function numXml(id: string, ctx: BlockContext): string {
  const label = ctx.layout.get(id)?.label.trim() ?? '';
  return label ? `<num>${xmlText(label)}</num>` : '';
}

/** An operative or annex paragraph, or a point, with its list. */
function hierXml(b: Block, tag: 'paragraph' | 'point', ind: string, ctx: BlockContext): string {
  const eId = ctx.ids.eid.get(b.id)!;
  const status = b.status === 'deleted' ? 'removed' : undefined;
  let s = `${ind}<${tag}${attrs({ eId, wId: b.id, status, ...plenaryAttrs(b) })}>\n`;
  s += numXml(b.id, ctx) ? `${ind}  ${numXml(b.id, ctx)}\n` : '';
  const text = runsOf(b.id, ctx);
  if (b.children.length === 0 && b.tail.length === 0) {
    s += `${ind}  <content><p>${text}</p></content>\n`;
  } else {
    s += `${ind}  <list${attrs({ eId: `${eId}__list_1` })}>\n`;
    if (text) s += `${ind}    <intro><p>${text}</p></intro>\n`;
    for (const c of b.children) s += hierXml(c, 'point', ind + '    ', ctx);
    if (b.tail.length > 0) s += `${ind}    <wrapUp><p>${runsOf(`${b.id}-tail`, ctx)}</p></wrapUp>\n`;
    s += `${ind}  </list>\n`;
  }
  return s + `${ind}</${tag}>\n`;
}

/** A subparagraph of a preambular paragraph: an item of a block list. */
function itemXml(b: Block, ind: string, ctx: BlockContext): string {
  const eId = ctx.ids.eid.get(b.id)!;
  const status = b.status === 'deleted' ? 'removed' : undefined;
  let s = `${ind}<item${attrs({ eId, wId: b.id, status, ...plenaryAttrs(b) })}>`;
  s += numXml(b.id, ctx);
  const text = runsOf(b.id, ctx);
  if (b.children.length === 0 && b.tail.length === 0) return s + `<p>${text}</p></item>\n`;
  s += '\n' + blockListXml(b, text, ind + '  ', ctx);
  return s + `${ind}</item>\n`;
}

function blockListXml(b: Block, text: string, ind: string, ctx: BlockContext): string {
  const eId = ctx.ids.eid.get(b.id)!;
  let s = `${ind}<blockList${attrs({ eId: `${eId}__list_1` })}>\n`;
  if (text) s += `${ind}  <listIntroduction>${text}</listIntroduction>\n`;
  for (const c of b.children) s += itemXml(c, ind + '  ', ctx);
  if (b.tail.length > 0) s += `${ind}  <listWrapUp>${runsOf(`${b.id}-tail`, ctx)}</listWrapUp>\n`;
  return s + `${ind}</blockList>\n`;
}

/** A table of cells as an AKN table. */
function tableXml(b: Block, ind: string): string {
  const t = b.table!;
  const rows = t.rows.map((r, i) => `${ind}  <tr>${r.map((c) => (i === 0 && t.header ? `<th><p>${xmlText(c)}</p></th>` : `<td><p>${xmlText(c)}</p></td>`)).join('')}</tr>\n`);
  return `${ind}<table>\n${rows.join('')}${ind}</table>\n`;
}

/**
 * The operative part (or an annex body) in AKN hierarchy: a level-1 heading opens a `part`
 * (num + heading) and a level-2 one a `chapter`, each holding what follows up to the next heading
 * of its level; preambular paragraphs of a part and tables are `hcontainer`s.
 */
function bodyXml(blocks: readonly Block[], ind: string, ctx: BlockContext): string {
  let s = '';
  const open: ('part' | 'chapter' | 'hcontainer')[] = [];
  const close = (to: number): void => {
    while (open.length > to) s += `${ind}${'  '.repeat(open.length - 1)}</${open.pop()!}>\n`;
  };
  for (const b of blocks) {
    if (b.heading?.resolution) {
      // One of several resolutions: an hcontainer holding its letter, its title, its formula
      // (as intro) and everything up to the next resolution, parts included.
      close(0);
      const lp = ctx.layout.get(b.id);
      const f = lp?.heading?.resolution?.formula;
      s += `${ind}<hcontainer${attrs({ name: 'resolution', eId: ctx.ids.eid.get(b.id)!, wId: b.id, 'plenary:restart': 'true' })}>\n`;
      s += `${ind}  <num>${xmlText(lp?.label ?? b.heading.num)}</num>\n`;
      if (b.content.length > 0) s += `${ind}  <heading>${runsOf(b.id, ctx)}</heading>\n`;
      if (f?.words) s += `${ind}  <intro><p class="formula"><i>${xmlText(f.words)}</i>${xmlText(f.punctuation)}</p></intro>\n`;
      open.push('hcontainer');
      continue;
    }
    if (b.heading) {
      const tag = b.heading.level === 1 ? 'part' : 'chapter';
      // A part closes what is open down to its resolution; a chapter down to its part.
      const base = open[0] === 'hcontainer' ? 1 : 0;
      close(b.heading.level === 1 ? base : open[base] === 'part' ? base + 1 : base);
      const i2 = ind + '  '.repeat(open.length);
      const num = ctx.layout.get(b.id)?.label ?? '';
      const restart = b.heading.restart ? { 'plenary:restart': 'true' } : {};
      s += `${i2}<${tag}${attrs({ eId: ctx.ids.eid.get(b.id)!, wId: b.id, ...restart })}>\n`;
      if (num) s += `${i2}  <num>${xmlText(num)}</num>\n`;
      s += `${i2}  <heading>${runsOf(b.id, ctx)}</heading>\n`;
      open.push(tag);
      continue;
    }
    const i2 = ind + '  '.repeat(open.length);
    if (b.table) s += `${i2}<hcontainer${attrs({ name: 'table', eId: ctx.ids.eid.get(b.id)!, wId: b.id })}>\n${i2}  <content>\n${tableXml(b, i2 + '    ')}${i2}  </content>\n${i2}</hcontainer>\n`;
    else if (b.preambular || b.quoted) {
      const eId = ctx.ids.eid.get(b.id)!;
      const text = runsOf(b.id, ctx);
      s += `${i2}<hcontainer${attrs({ name: unnumberedName(b), eId, wId: b.id, ...plenaryAttrs(b) })}>\n${i2}  <content>\n`;
      s += b.children.length === 0 && b.tail.length === 0 ? `${i2}    <p>${text}</p>\n` : blockListXml(b, text, i2 + '    ', ctx);
      s += `${i2}  </content>\n${i2}</hcontainer>\n`;
    } else s += hierXml(b, 'paragraph', i2, ctx);
  }
  close(0);
  return s;
}

/**
 * The name of the hcontainer of an unnumbered paragraph among the operative ones: a part's
 * preambular paragraph, or the text an amendment's instruction quotes ("quotedText").
 */
function unnumberedName(b: Block): string {
  return b.quoted ? 'quotedText' : 'preambularParagraph';
}

/** A preambular paragraph, or a heading in the preamble (its number and title as paragraphs). */
function containerXml(b: Block, ind: string, ctx: BlockContext): string {
  const eId = ctx.ids.eid.get(b.id)!;
  if (b.heading) {
    const num = ctx.layout.get(b.id)?.label ?? '';
    if (b.heading.resolution) {
      // Resolution A's letter (and title, if any) above its formula (which follows in the preamble).
      return `${ind}<container${attrs({ name: 'resolutionHeading', eId, wId: b.id })}><p class="num">${xmlText(num)}</p>${b.content.length > 0 ? `<p class="heading">${runsOf(b.id, ctx)}</p>` : ''}</container>\n`;
    }
    return `${ind}<container${attrs({ name: b.heading.level === 1 ? 'partHeading' : 'subHeading', eId, wId: b.id })}>${num ? `<p class="num">${xmlText(num)}</p>` : ''}<p class="heading">${runsOf(b.id, ctx)}</p></container>\n`;
  }
  const status = b.status === 'deleted' ? 'removed' : undefined;
  let s = `${ind}<container${attrs({ name: 'preambularParagraph', eId, wId: b.id, status, ...plenaryAttrs(b) })}>`;
  const text = runsOf(b.id, ctx);
  if (b.children.length === 0 && b.tail.length === 0) return s + `<p>${text}</p></container>\n`;
  s += '\n' + blockListXml(b, text, ind + '  ', ctx);
  return s + `${ind}</container>\n`;
}

// ---------------------------------------------------------------------------------------------
// Meta, preface

/** The FRBR identification of the work (component "main", or "annex_1" …), indented by `ind`. */
function frbr(workUri: string, component: string, date: string, dateName: string, lang: Language, generated: string, author: string, ind = ''): string {
  const expr = `${workUri}/${LANGUAGE_CODES[lang]}@`;
  const xml = `      <identification source="#plenary">
        <FRBRWork>
          <FRBRthis value="${xmlAttr(workUri)}/!${component}"/>
          <FRBRuri value="${xmlAttr(workUri)}"/>
          <FRBRdate${attrs({ date, name: dateName })}/>
          <FRBRauthor${attrs({ href: author, as: '#author' })}/>
          <FRBRcountry value="un"/>
        </FRBRWork>
        <FRBRExpression>
          <FRBRthis value="${xmlAttr(expr)}/!${component}"/>
          <FRBRuri value="${xmlAttr(expr)}"/>
          <FRBRdate${attrs({ date, name: dateName })}/>
          <FRBRauthor${attrs({ href: author, as: '#author' })}/>
          <FRBRlanguage language="${LANGUAGE_CODES[lang]}"/>
        </FRBRExpression>
        <FRBRManifestation>
          <FRBRthis value="${xmlAttr(expr)}/!${component}.akn"/>
          <FRBRuri value="${xmlAttr(expr)}.akn"/>
          <FRBRdate${attrs({ date: generated, name: 'generation' })}/>
          <FRBRauthor href="#plenary" as="#editor"/>
          <FRBRformat value="application/akn+xml"/>
        </FRBRManifestation>
      </identification>
`;
  return ind ? xml.replace(/^(?=.)/gm, ind) : xml;
}

const ORGAN_REFS: Readonly<Record<Organ, { eId: string; href: string }>> = {
  ga: { eId: 'generalAssembly', href: '/akn/ontology/organizations/un/generalAssembly' },
  'ga-c1': { eId: 'firstCommittee', href: '/akn/ontology/organizations/un/generalAssembly/firstCommittee' },
  'ga-c2': { eId: 'secondCommittee', href: '/akn/ontology/organizations/un/generalAssembly/secondCommittee' },
  'ga-c3': { eId: 'thirdCommittee', href: '/akn/ontology/organizations/un/generalAssembly/thirdCommittee' },
  'ga-c4': { eId: 'fourthCommittee', href: '/akn/ontology/organizations/un/generalAssembly/fourthCommittee' },
  'ga-c5': { eId: 'fifthCommittee', href: '/akn/ontology/organizations/un/generalAssembly/fifthCommittee' },
  'ga-c6': { eId: 'sixthCommittee', href: '/akn/ontology/organizations/un/generalAssembly/sixthCommittee' },
  sc: { eId: 'securityCouncil', href: '/akn/ontology/organizations/un/securityCouncil' },
  ecosoc: { eId: 'economicAndSocialCouncil', href: '/akn/ontology/organizations/un/economicAndSocialCouncil' },
  hrc: { eId: 'humanRightsCouncil', href: '/akn/ontology/organizations/un/humanRightsCouncil' },
  other: { eId: 'unitedNations', href: '/akn/ontology/organizations/un' },
};

function sponsorRef(k: number): string {
  return `sponsor_${k + 1}`;
}

function proprietaryXml(doc: ResolutionDocument): string {
  const m = doc.meta;
  const el = (name: string, value: string, extra: Record<string, string> = {}): string =>
    value ? `          <plenary:${name}${attrs(extra)}>${xmlText(value)}</plenary:${name}>\n` : '';
  let s = `      <proprietary source="#plenary">\n        <plenary:frontMatter>\n`;
  s += el('symbol', m.symbol);
  s += el('kind', m.kind);
  s += el('organ', m.organ);
  s += el('session', m.session);
  for (const a of m.agendaItems) s += `          <plenary:agendaItem${attrs({ number: a.number })}>${xmlText(a.title)}</plenary:agendaItem>\n`;
  for (const sp of m.sponsors) s += el('sponsor', sp);
  s += el('sponsorNote', m.sponsorNote);
  s += el('bureauLine', m.bureauLine);
  s += el('sponsorLineEnd', m.sponsorLineEnd ?? '');
  s += el('title', m.title);
  s += el('adoptionDate', m.adoptionDate);
  s += el('issueDate', m.issueDate);
  s += el('basis', m.basis);
  s += el('meeting', m.meeting);
  s += el('language', m.language);
  s += el('originalLanguage', m.originalLanguage);
  return s + `        </plenary:frontMatter>\n      </proprietary>\n`;
}

function prefaceXml(layout: DocumentLayout): string {
  const { meta, words } = layout;
  const lines: string[] = [];
  const p = (cls: string, inner: string): void => {
    if (inner) lines.push(`      <p class="${cls}">${inner}</p>`);
  };
  const organ = ORGAN_REFS[meta.organ];
  p('organization', `<organization refersTo="#unitedNations">${xmlText(words.unitedNations)}</organization>`);
  if (meta.symbol.trim()) p('symbol', `<docNumber>${xmlText(meta.symbol.trim())}</docNumber>`);
  p('organ', `<docAuthority refersTo="#${layout.meta.organ.startsWith('ga-') ? 'generalAssembly' : organ.eId}">${xmlText(words.organ)}</docAuthority>`);
  p('distribution', `<docStatus refersTo="#${layout.isDraft ? 'limited' : 'general'}">${xmlText(layout.isDraft ? words.distrLimited : words.distrGeneral)}</docStatus>`);
  if (layout.issueDate) p('issueDate', `<docDate${attrs({ date: meta.issueDate, refersTo: '#issue' })}>${xmlText(layout.issueDate)}</docDate>`);
  if (layout.isDraft && meta.originalLanguage) {
    p('originalLanguage', `<inline${attrs({ name: 'originalLanguage', refersTo: `#${LANGUAGE_CODES[meta.originalLanguage]}` })}>${xmlText(words.original(meta.originalLanguage))}</inline>`);
  }
  if (layout.session) p('session', `<session${attrs({ value: meta.session })}>${xmlText(layout.session)}</session>`);
  if (layout.isDraft && words.committee) p('committee', `<docCommittee${attrs({ refersTo: `#${organ.eId}` })}>${xmlText(words.committee)}</docCommittee>`);
  const items = meta.agendaItems.filter((a) => a.number.trim());
  if (items.length > 0) {
    p('agendaItems', `<inline name="agendaItems">${xmlText(words.agendaItems(items.map((a) => a.number.trim())))}</inline>`);
    for (const a of items) if (a.title.trim()) p('agendaItemTitle', `<inline${attrs({ name: 'agendaItemTitle', title: a.number.trim() })}>${xmlText(a.title.trim())}</inline>`);
  }
  const heading = adoptedHeading(layout);
  if (heading.length > 0) {
    const [first, ...rest] = heading;
    const date = rest.join(' ');
    p('docType', `<docType>${xmlText(first!)}</docType>${date ? ` <docDate${attrs({ date: meta.adoptionDate || undefined, refersTo: '#adoption' })}>${xmlText(date)}</docDate>` : ''}`);
  }
  const sponsors = sponsorLine(meta, words);
  if (sponsors) {
    if (meta.bureauLine.trim()) p('bureau', `<docProponent refersTo="#bureau" as="#author">${xmlText(sponsors)}</docProponent>`);
    else {
      // "Italy and Turkmenistan:* draft resolution", each sponsor marked up.
      const names = joinNames(meta.sponsors.map((_, k) => `\uE011${k}\uE011`), meta.language)
        .split('\uE011')
        .map((part, i) => (i % 2 === 1 ? `<docProponent${attrs({ refersTo: `#${sponsorRef(Number(part))}`, as: '#sponsor' })}>${xmlText(meta.sponsors[Number(part)]!)}</docProponent>` : xmlText(part)))
        .join('');
      const note = meta.sponsorNote.trim()
        ? `<authorialNote${attrs({ marker: '*', placement: 'bottom', eId: 'fnote_sponsors' })}><p>${xmlText(meta.sponsorNote.trim())}</p></authorialNote>`
        : '';
      // The words after the colon as the draft printed them ("draft decision", "amendment to …"),
      // as wording.ts sponsorLine ends the line every other exporter prints.
      const end = meta.sponsorLineEnd?.trim() || draftResolutionWords(meta, words);
      const inner = `${names}${xmlText(sponsorColon(meta.language))}${note} <docType>${xmlText(end)}</docType>`;
      p('sponsors', inner);
    }
  }
  if (meta.basis.trim()) p('basis', `[<i>${xmlText(meta.basis.trim().replace(/^\[|\]$/g, ''))}</i>]`);
  if (meta.title.trim()) {
    const num = titleNumberLabel(layout).trim();
    p('title', `${num ? `<docNumber>${xmlText(num)}</docNumber> ` : ''}<docTitle>${xmlText(meta.title.trim())}</docTitle>`);
  }
  p('stage', `<docStage>${meta.kind === 'resolution' ? 'adopted' : meta.kind === 'revision' ? 'revised draft' : 'draft'}</docStage>`);
  return `    <preface>\n${lines.join('\n')}\n    </preface>\n`;
}

function annexXml(a: Annex, k: number, ctx: BlockContext, workUri: string, date: string, dateName: string, lang: Language, generated: string, author: string): string {
  const eId = `att_${k + 1}`;
  let s = `      <attachment${attrs({ eId, wId: a.id })}>\n`;
  // The text adopted in full and quoted in the body (model.ts Annex.inBody) is the attachment named
  // "adoptedText": AKN keeps the main body to the resolution's own paragraphs, and the reader puts it
  // back before the conclusions.
  s += `        <doc name="${a.inBody ? 'adoptedText' : 'annex'}">\n          <meta>\n`;
  s += frbr(workUri, `annex_${k + 1}`, date, dateName, lang, generated, author, '    ');
  s += `          </meta>\n`;
  const pre: string[] = [];
  if (a.heading.trim()) pre.push(`            <p class="annexHeading"><docNumber>${xmlText(a.heading.trim())}</docNumber></p>`);
  if (a.title.trim()) pre.push(`            <p class="annexTitle"><docTitle>${xmlText(a.title.trim())}</docTitle></p>`);
  if (pre.length > 0) s += `          <preface>\n${pre.join('\n')}\n          </preface>\n`;
  s += `          <mainBody>\n`;
  s += bodyXml(a.paragraphs, '            ', ctx);
  s += `          </mainBody>\n        </doc>\n      </attachment>\n`;
  return s;
}

/**
 * Exports a resolution or draft as Akoma Ntoso 3.0 XML after AKN4UN (see the module comment).
 * The result is well-formed XML in UTF-8 with an XML declaration; `opts.now` fixes the
 * manifestation date (for reproducible output).
 */
export function exportAkn(doc: ResolutionDocument, opts: AknExportOptions = {}): string {
  const layout = layoutDocument(doc);
  const { meta, lang } = layout;
  const generated = isoDate(opts.now ?? new Date());
  const layoutById = new Map<string, LayoutParagraph>();
  for (const p of layout.paragraphs) layoutById.set(p.id, p);
  for (const a of layout.annexes) for (const p of a.paragraphs) layoutById.set(p.id, p);
  const labels = new Map<string, string>();
  for (const [id, p] of layoutById) labels.set(id, p.label);
  const ids = computeIds(doc, labels);
  const noteIds = new Map<number, string>(layout.footnotes.map((f) => [f.number, f.id]));
  const ctx: BlockContext = {
    ids,
    footnotes: new Map(doc.footnotes.map((f) => [f.id, f])),
    written: new Set(),
    noteIds,
    layout: layoutById,
    targets: crossRefTargets(doc, layout),
  };

  // The work: organ, date and number (AKN naming convention; AKN4UN un-format.md §6).
  const dateName = meta.adoptionDate ? 'adoption' : meta.issueDate ? 'issue' : 'generation';
  const date = meta.adoptionDate || meta.issueDate || generated;
  const workUri = `/akn/un/statement/deliberation/${ACTORS[meta.organ]}/${date}/${workNumber(meta.symbol)}`;
  const organRef = ORGAN_REFS[meta.organ];
  const author = `#${organRef.eId}`;

  let x = '<?xml version="1.0" encoding="UTF-8"?>\n';
  x += `<akomaNtoso xmlns="${AKN_NS}" xmlns:plenary="${PLENARY_NS}">\n`;
  x += `  <statement${attrs({ name: STATEMENT_NAMES[documentForm(meta)], contains: 'originalVersion' })}>\n`;

  // Meta.
  x += '    <meta>\n';
  x += frbr(workUri, 'main', date, dateName, lang, generated, author);
  x += '      <references source="#plenary">\n';
  x += `        <TLCOrganization${attrs({ eId: 'unitedNations', href: '/akn/ontology/organizations/un', showAs: layout.words.unitedNations })}/>\n`;
  const refOrgans = new Map<string, { href: string; showAs: string }>();
  refOrgans.set(organRef.eId, { href: organRef.href, showAs: layout.words.committee || layout.words.organ });
  if (meta.organ.startsWith('ga-')) refOrgans.set('generalAssembly', { href: ORGAN_REFS.ga.href, showAs: layout.words.organ });
  for (const [eId, r] of refOrgans) x += `        <TLCOrganization${attrs({ eId, href: r.href, showAs: r.showAs })}/>\n`;
  meta.sponsors.forEach((name, k) => {
    const slug = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|(?<!-)-+$/g, '') || String(k + 1);
    x += `        <TLCOrganization${attrs({ eId: sponsorRef(k), href: `/akn/ontology/organizations/memberStates/${slug}`, showAs: name })}/>\n`;
  });
  x += '        <TLCOrganization eId="plenary" href="/akn/ontology/organizations/plenary" showAs="Plenary"/>\n';
  x += '        <TLCRole eId="author" href="/akn/ontology/roles/author" showAs="Author"/>\n';
  x += '        <TLCRole eId="editor" href="/akn/ontology/roles/editor" showAs="Editor"/>\n';
  if (meta.sponsors.length > 0) x += '        <TLCRole eId="sponsor" href="/akn/ontology/roles/sponsor" showAs="Sponsor"/>\n';
  x += '      </references>\n';
  const loose = unreferencedFootnotes(doc, layout);
  if (loose.length > 0) {
    x += '      <notes source="#plenary">\n';
    loose.forEach((f, k) => {
      x += `        <note${attrs({ eId: `fnote_u${k + 1}`, wId: f.id })}><p>${footnoteInlinesXml(f.content)}</p></note>\n`;
    });
    x += '      </notes>\n';
  }
  x += proprietaryXml(doc);
  x += '    </meta>\n';

  // Preface.
  x += prefaceXml(layout);

  // Preamble: the formula and the preambular paragraphs.
  // Resolution A's heading, when it opens the preamble, stands above the formula.
  const first = doc.preambular[0]?.heading?.resolution ? doc.preambular[0] : undefined;
  // Resolution A without a preamble opens the body, its formula with it.
  const formulaInBody = !first && doc.operative[0]?.heading?.resolution === true;
  if ((layout.formula.words && !formulaInBody) || doc.preambular.length > 0) {
    x += '    <preamble>\n';
    if (first) x += containerXml(first, '      ', ctx);
    if (layout.formula.words && !formulaInBody) {
      x += `      <formula name="enactingFormula" eId="preamble__formula_1"><p><i>${xmlText(layout.formula.words)}</i>${xmlText(layout.formula.punctuation)}</p></formula>\n`;
    }
    for (const b of doc.preambular) if (b !== first) x += containerXml(b, '      ', ctx);
    x += '    </preamble>\n';
  }

  // Operative part.
  x += '    <mainBody>\n';
  x += bodyXml(doc.operative, '      ', ctx);
  x += '    </mainBody>\n';

  // Closing block.
  const closing = closingLines(layout);
  if (closing.length > 0) {
    x += '    <conclusions>\n';
    x += `      <p class="meeting"><i>${xmlText(closing[0]!)}</i></p>\n`;
    if (closing[1]) x += `      <p class="date"><i><date${attrs({ date: meta.adoptionDate, refersTo: '#adoption' })}>${xmlText(closing[1])}</date></i></p>\n`;
    x += '    </conclusions>\n';
  }

  // Annexes.
  if (doc.annexes.length > 0) {
    x += '    <attachments>\n';
    doc.annexes.forEach((a, k) => {
      x += annexXml(a, k, ctx, workUri, date, dateName, lang, generated, author);
    });
    x += '    </attachments>\n';
  }
  x += '  </statement>\n</akomaNtoso>\n';
  return x;
}
