/**
 * The rules that follow themselves: derives the structure of the document on every change and
 * renders it as decorations — paragraph numbers and labels, the italic opening phrase, the
 * enacting formula, cross-reference wording and footnote numbers. Nothing here is stored in the
 * document, so renumbering after a move, a deletion or an undo is automatic.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { AddMarkStep, RemoveMarkStep, ReplaceStep } from 'prosemirror-transform';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { Node as PMNode } from 'prosemirror-model';
import type { FrontMatter, Language } from '../../resolution/model.js';
import { computeStructure, paraAcceptedText, paragraphPhrase, xrefText, type DocStructure, type ParaInfo } from '../../resolution/structure.js';

export { xrefText };
import { enactingFormula, organGender, classifyOpening, phraseList } from '../../resolution/lexicon.js';

/** What the plugin knows about the document. */
export interface StructureState {
  structure: DocStructure;
  decorations: DecorationSet;
  /** Footnote number by footnote id, in document order. */
  footnotes: Map<string, number>;
  /** End offset of the opening phrase in the paragraph's text (0 = none) by paragraph id. */
  phrases: Map<string, number>;
  /** Paragraph ids whose opening looks wrong for their section ("op-unknown", "pp-in-op", "op-in-pp"). */
  hints: Map<string, string>;
}

/** Key of the structure plugin; `structureKey.getState(state)` gives the StructureState. */
export const structureKey = new PluginKey<StructureState>('plenary-structure');

interface PhraseCacheEntry {
  key: string;
  /** Italic span [start, end) in the paragraph's text. */
  start: number;
  end: number;
  hint: string;
}
// Paragraph nodes are immutable and shared between states: unchanged paragraphs hit the cache.
const phraseCache = new WeakMap<PMNode, PhraseCacheEntry>();

function phraseOf(p: ParaInfo, lang: Language, meta: FrontMatter): PhraseCacheEntry {
  const key = `${lang}|${meta.organ}|${p.section}|${p.level}|${p.tail}`;
  const hit = phraseCache.get(p.node);
  if (hit && hit.key === key) return hit;
  const { start, end } = paragraphPhrase(p, lang, meta.organ);
  let hint = '';
  // Quoted text (an amendment's "…paragraph reading:") is someone else's words: its opening is
  // not the delegate's to get right, so it gets no hint.
  if (end === 0 && p.node.attrs.phrase === null && p.level === 0 && !p.tail && p.section !== 'ap' && !p.node.attrs.quoted) {
    const text = paraAcceptedText(p.node).text; // as it would stand if accepted
    const kind = p.section === 'pp' ? 'pp' : 'op';
    if (text.trim().length > 3) {
      const other = classifyOpening(text, lang);
      if (other && other.kind !== kind) hint = kind === 'op' ? 'pp-in-op' : 'op-in-pp';
      else if (kind === 'op' && /\s/.test(text.trim())) hint = 'op-unknown';
    }
  }
  const entry = { key, start, end, hint };
  phraseCache.set(p.node, entry);
  return entry;
}

/** The hover text of a paragraph whose opening looks wrong, by hint kind (see EditorMessages). */
const HINT_TEXT: Record<string, string> = {
  'op-unknown': 'Not a usual operative verb (Requests, Decides, Calls upon…). Mark the opening phrase by hand if it is right.',
  'pp-in-op': 'This opens like a preambular paragraph but stands among the operative paragraphs.',
  'op-in-pp': 'This opens like an operative paragraph but stands in the preamble.',
};

const placeholderCache = new Map<string, string>();

/** What an empty paragraph invites the delegate to write, in the document's language. */
function placeholderFor(p: ParaInfo, lang: Language, meta: FrontMatter): string {
  const kind = p.section === 'pp' ? 'pp' : 'op';
  const key = `${kind}|${p.level}|${lang}|${meta.organ}`;
  let text = placeholderCache.get(key);
  if (text === undefined) {
    const example = p.level === 0 ? (phraseList(lang, kind, organGender(meta.organ, lang))[0] ?? '') : '';
    const what = p.level > 0 ? 'Subparagraph' : kind === 'pp' ? 'Preambular paragraph' : 'Operative paragraph';
    text = example ? `${what}: ${example} …` : `${what} …`;
    placeholderCache.set(key, text);
  }
  return text;
}

/** The enacting formula, drawn with the document of the view that shows it (states stay headless). */
function formulaWidget(view: EditorView, meta: FrontMatter, hasPreamble: boolean) {
  const f = enactingFormula(meta.organ, meta.language, hasPreamble);
  const dom = view.dom.ownerDocument;
  const p = dom.createElement('p');
  p.className = 'formula';
  p.contentEditable = 'false';
  const i = dom.createElement('i');
  i.textContent = f.words;
  p.append(i, dom.createTextNode(f.punctuation));
  return p;
}

/**
 * Words the structure plugin puts in the page, injected so that src/shared stays free of i18n:
 * the renderer passes the interface language's (src/renderer/i18n/editor.ts); the CLI, the
 * exporters and the tests get English.
 */
export interface EditorMessages {
  /** The hover text of a paragraph whose opening looks wrong ('op-unknown', 'pp-in-op', 'op-in-pp'). */
  phraseHint(kind: string): string;
  /**
   * What a screen reader hears for a paragraph ("operative paragraph 4"), set as its
   * `aria-description`; absent (no description) where no one listens (the CLI, the exporters).
   * It may read only the paragraph's kind, level, labels and designation: those are what the
   * keystroke path compares before it keeps a paragraph's decoration.
   */
  describe?(p: ParaInfo): string;
}

/** The English wording. */
export const ENGLISH_EDITOR_MESSAGES: EditorMessages = { phraseHint: (kind) => HINT_TEXT[kind] ?? '' };

/** Meta on a transaction that rebuilds the decorations without a change of the text (the interface language changed). */
export const RELABEL_META = 'relabel';

/** What a paragraph's decorations are made with. */
interface DecoContext {
  lang: Language;
  meta: FrontMatter;
  messages: EditorMessages;
  phrases: Map<string, number>;
  hints: Map<string, string>;
}

/** The decorations of one paragraph: its node (label, role, hint, placeholder) and opening phrase. */
function paragraphDecos(p: ParaInfo, { lang, meta, messages, phrases, hints }: DecoContext, out: Decoration[]): void {
  // `lang` on each paragraph: spell checking (the browser's or Electron's) and screen readers use it there.
  const attrs: Record<string, string> = { 'data-label': p.label, 'data-designation': p.designation, lang };
  if (messages.describe) attrs['aria-description'] = messages.describe(p);
  let cls = `role-${p.role}`;
  if (p.deleted) cls += ' deleted';
  const ph = phraseOf(p, lang, meta);
  if (ph.hint) {
    cls += ` hint-${ph.hint}`;
    attrs.title = messages.phraseHint(ph.hint);
    hints.set(p.id, ph.hint);
  } else hints.delete(p.id);
  if (p.node.content.size === 0) {
    cls += ' empty';
    attrs['data-placeholder'] = placeholderFor(p, lang, meta);
  }
  attrs.class = cls;
  out.push(Decoration.node(p.pos, p.pos + p.node.nodeSize, attrs));
  if (ph.end > ph.start) {
    out.push(Decoration.inline(p.pos + 1 + ph.start, p.pos + 1 + ph.end, { class: 'phrase', nodeName: 'i' }));
  }
  phrases.set(p.id, ph.end);
}

/** The decoration of a footnote (its number) or a cross-reference (its wording) at `pos`. */
function atomDeco(node: PMNode, pos: number, structure: DocStructure, lang: Language, footnotes: Map<string, number>): Decoration {
  if (node.type.name === 'footnote') {
    const n = footnotes.get(node.attrs.id as string) ?? 0;
    return Decoration.node(pos, pos + node.nodeSize, { 'data-num': String(n) }, { footnoteNumber: n });
  }
  const text = xrefText(node.attrs.targets as string[], pos, structure, lang);
  return Decoration.node(pos, pos + node.nodeSize, { class: text.broken ? 'xref broken' : 'xref' }, { xrefText: text.text, broken: text.broken });
}

/** Footnote ids and cross-reference targets inside a paragraph, in order: what numbers them. */
function atomsOf(node: PMNode): string {
  let out = '';
  node.descendants((n) => {
    if (n.type.name === 'footnote') out += `f:${n.attrs.id as string};`;
    else if (n.type.name === 'xref') out += `x:${(n.attrs.targets as string[]).join(',')};`;
    return n.type.name !== 'footnote' && n.type.name !== 'xref';
  });
  return out;
}

/** Whether what of a paragraph shows outside its own decorations (labels, xref wording elsewhere) is the same. */
function sameShape(a: ParaInfo, b: ParaInfo): boolean {
  return (
    a.id === b.id &&
    a.section === b.section &&
    a.level === b.level &&
    a.tail === b.tail &&
    a.label === b.label &&
    a.designation === b.designation &&
    a.number === b.number &&
    a.role === b.role &&
    a.deleted === b.deleted &&
    a.part === b.part &&
    a.annex === b.annex &&
    a.subLabels.length === b.subLabels.length &&
    a.subLabels.every((l, i) => l === b.subLabels[i])
  );
}

/**
 * Builds the whole state from the document. Exported for the tests that hold the incremental
 * update (`updateState`) to it: both must give the same decorations for every document.
 */
export function buildStructureState(state: EditorState | { doc: PMNode }, messages: EditorMessages = ENGLISH_EDITOR_MESSAGES): StructureState {
  const doc = state.doc;
  const meta = doc.attrs.meta as FrontMatter;
  const lang = meta.language;
  const structure = computeStructure(doc, lang);
  const decos: Decoration[] = [];
  const phrases = new Map<string, number>();
  const hints = new Map<string, string>();

  const firstBody = structure.paras[0];
  const resolutions = structure.headings.filter((h) => h.resolution && h.annex < 0);
  const formulaAt = (pos: number, hasPreamble: boolean, k: number) =>
    Decoration.widget(pos, (view: EditorView) => formulaWidget(view, meta, hasPreamble), {
      side: -1,
      key: `formula-${lang}-${meta.organ}-${hasPreamble}-${k}`,
      ignoreSelection: true,
    });
  // With resolutions A, B…, each has its own formula under its letter (the first one's is then
  // under "A" rather than above it).
  const leads = resolutions.length > 0 && (!firstBody || resolutions[0]!.pos < firstBody.pos);
  if (!leads) decos.push(formulaAt(firstBody ? firstBody.pos : 0, structure.preambularCount > 0, 0));
  resolutions.forEach((h, k) => {
    const end = resolutions[k + 1]?.pos ?? Infinity;
    const pre = structure.paras.some((p) => p.section === 'pp' && p.pos > h.pos && p.pos < end);
    decos.push(formulaAt(h.pos + h.node.nodeSize, pre, k + 1));
  });

  for (const p of structure.paras) paragraphDecos(p, { lang, meta, messages, phrases, hints }, decos);

  // Footnote numbers and cross-reference wording, in document order.
  const footnotes = new Map<string, number>();
  let fnCount = 0;
  doc.descendants((node, pos) => {
    if (node.type.name === 'footnote') {
      footnotes.set(node.attrs.id as string, ++fnCount);
      decos.push(atomDeco(node, pos, structure, lang, footnotes));
      return false;
    }
    if (node.type.name === 'xref') {
      decos.push(atomDeco(node, pos, structure, lang, footnotes));
      return false;
    }
    return node.isBlock;
  });

  return { structure, decorations: DecorationSet.create(doc, decos), footnotes, phrases, hints };
}

/**
 * Whether every step of `tr` changed only the inside of paragraphs (typing, deleting within a
 * paragraph, marks): then no paragraph was added, removed, moved or re-typed, and the
 * decorations of untouched paragraphs survive the mapping intact.
 */
function onlyInsideParagraphs(tr: Transaction): boolean {
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i]!;
    if (!(step instanceof ReplaceStep)) {
      if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) continue;
      return false;
    }
    const doc = tr.docs[i]!;
    const $from = doc.resolve(step.from);
    if (!$from.parent.isTextblock || !$from.sameParent(doc.resolve(step.to))) return false;
    if (step.slice.openStart > 0 || step.slice.openEnd > 0) return false;
  }
  return true;
}

/**
 * The state after `tr`: on the keystroke path (text changed inside paragraphs, every label and
 * number as before, the same footnotes and cross-references) only the changed paragraphs'
 * decorations are rebuilt and the rest are mapped; anything else rebuilds the whole state.
 * Rebuilding the whole set on every keystroke cost most of a keystroke on a long draft.
 */
function updateState(tr: Transaction, prev: StructureState, state: EditorState, messages: EditorMessages): StructureState {
  const doc = state.doc;
  const rebuild = () => buildStructureState(state, messages);
  if (!onlyInsideParagraphs(tr) || tr.before.attrs.meta !== doc.attrs.meta) return rebuild();
  const meta = doc.attrs.meta as FrontMatter;
  const lang = meta.language;
  const structure = computeStructure(doc, lang);
  const before = prev.structure.paras;
  const paras = structure.paras;
  if (paras.length !== before.length || structure.preambularCount !== prev.structure.preambularCount) return rebuild();
  const changed: ParaInfo[] = [];
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    const b = before[i]!;
    if (!sameShape(p, b)) return rebuild();
    if (p.node !== b.node) {
      if (atomsOf(p.node) !== atomsOf(b.node)) return rebuild();
      changed.push(p);
    }
  }
  if (changed.length > 32) return rebuild();
  let decorations = prev.decorations.map(tr.mapping, doc);
  const phrases = new Map(prev.phrases);
  const hints = new Map(prev.hints);
  const stale: Decoration[] = [];
  const fresh: Decoration[] = [];
  for (const p of changed) {
    const end = p.pos + p.node.nodeSize;
    for (const d of decorations.find(p.pos, end)) if (d.from >= p.pos && d.to <= end && !isFormula(d)) stale.push(d);
    paragraphDecos(p, { lang, meta, messages, phrases, hints }, fresh);
    p.node.descendants((n, off) => {
      if (n.type.name === 'footnote' || n.type.name === 'xref') {
        fresh.push(atomDeco(n, p.pos + 1 + off, structure, lang, prev.footnotes));
        return false;
      }
      return true;
    });
  }
  decorations = decorations.remove(stale).add(doc, fresh);
  return { structure, decorations, footnotes: prev.footnotes, phrases, hints };
}

function isFormula(d: Decoration): boolean {
  return d.from === d.to && typeof (d.spec as { key?: unknown }).key === 'string';
}

/** The plugin; `messages` gives the hover texts (English by default). */
export function structurePlugin(messages: EditorMessages = ENGLISH_EDITOR_MESSAGES): Plugin<StructureState> {
  return new Plugin<StructureState>({
    key: structureKey,
    state: {
      init: (_config, state) => buildStructureState(state, messages),
      apply: (tr, prev, _old, state) => {
        if (tr.getMeta(structureKey) === RELABEL_META) return buildStructureState(state, messages);
        return tr.docChanged ? updateState(tr, prev, state, messages) : prev;
      },
    },
    props: {
      decorations: (state) => structureKey.getState(state)?.decorations ?? null,
    },
  });
}
