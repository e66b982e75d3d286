/**
 * The rules that follow themselves: derives the structure of the document on every change and
 * renders it as decorations — paragraph numbers and labels, the italic opening phrase, the
 * enacting formula, cross-reference wording and footnote numbers. Nothing here is stored in the
 * document, so renumbering after a move, a deletion or an undo is automatic.
 */
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
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
  if (end === 0 && p.node.attrs.phrase === null && p.level === 0 && !p.tail && p.section !== 'ap') {
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
}

/** The English wording. */
export const ENGLISH_EDITOR_MESSAGES: EditorMessages = { phraseHint: (kind) => HINT_TEXT[kind] ?? '' };

/** Meta on a transaction that rebuilds the decorations without a change of the text (the interface language changed). */
export const RELABEL_META = 'relabel';

function buildState(state: EditorState | { doc: PMNode }, messages: EditorMessages): StructureState {
  const doc = state.doc;
  const meta = doc.attrs.meta as FrontMatter;
  const lang = meta.language;
  const structure = computeStructure(doc, lang);
  const decos: Decoration[] = [];
  const phrases = new Map<string, number>();
  const hints = new Map<string, string>();

  const firstBody = structure.paras[0];
  const hasPreamble = structure.preambularCount > 0;
  decos.push(
    Decoration.widget(firstBody ? firstBody.pos : 0, (view: EditorView) => formulaWidget(view, meta, hasPreamble), {
      side: -1,
      key: `formula-${lang}-${meta.organ}-${hasPreamble}`,
      ignoreSelection: true,
    }),
  );

  for (const p of structure.paras) {
    const attrs: Record<string, string> = { 'data-label': p.label, 'data-designation': p.designation };
    let cls = `role-${p.role}`;
    if (p.deleted) cls += ' deleted';
    const ph = phraseOf(p, lang, meta);
    if (ph.hint) {
      cls += ` hint-${ph.hint}`;
      attrs.title = messages.phraseHint(ph.hint);
      hints.set(p.id, ph.hint);
    }
    if (p.node.content.size === 0) {
      cls += ' empty';
      attrs['data-placeholder'] = placeholderFor(p, lang, meta);
    }
    attrs.class = cls;
    decos.push(Decoration.node(p.pos, p.pos + p.node.nodeSize, attrs));
    if (ph.end > ph.start) {
      decos.push(Decoration.inline(p.pos + 1 + ph.start, p.pos + 1 + ph.end, { class: 'phrase', nodeName: 'i' }));
    }
    phrases.set(p.id, ph.end);
  }

  // Footnote numbers and cross-reference wording, in document order.
  const footnotes = new Map<string, number>();
  let fnCount = 0;
  doc.descendants((node, pos) => {
    if (node.type.name === 'footnote') {
      const n = ++fnCount;
      footnotes.set(node.attrs.id as string, n);
      decos.push(Decoration.node(pos, pos + node.nodeSize, { 'data-num': String(n) }, { footnoteNumber: n }));
      return false;
    }
    if (node.type.name === 'xref') {
      const text = xrefText(node.attrs.targets as string[], pos, structure, lang);
      decos.push(
        Decoration.node(pos, pos + node.nodeSize, { class: text.broken ? 'xref broken' : 'xref' }, { xrefText: text.text, broken: text.broken }),
      );
      return false;
    }
    return node.isBlock;
  });

  return { structure, decorations: DecorationSet.create(doc, decos), footnotes, phrases, hints };
}

/** The plugin; `messages` gives the hover texts (English by default). */
export function structurePlugin(messages: EditorMessages = ENGLISH_EDITOR_MESSAGES): Plugin<StructureState> {
  return new Plugin<StructureState>({
    key: structureKey,
    state: {
      init: (_config, state) => buildState(state, messages),
      apply: (tr, prev, _old, state) => (tr.docChanged || tr.getMeta(structureKey) === RELABEL_META ? buildState(state, messages) : prev),
    },
    props: {
      decorations: (state) => structureKey.getState(state)?.decorations ?? null,
    },
  });
}
