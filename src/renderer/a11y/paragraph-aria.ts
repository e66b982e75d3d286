/**
 * What a screen reader hears about each paragraph: its kind and number ("operative paragraph 4",
 * "subparagraph (a) of operative paragraph 4"), set as an `aria-description` on the paragraph's
 * element by node decorations computed from the structure plugin (nothing is added to the
 * document or the schema), and a live announcement when a paragraph moves or numbers change.
 *
 * `viewProps.plugins` installs it on the EditorView; its state keeps the descriptions between
 * keystrokes.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { ParaInfo } from '../../shared/resolution/structure.js';
import { structureKey, type StructureState } from '../../shared/editor/plugins/structure.js';
import type { FrontMatter } from '../../shared/resolution/model.js';
import { announce } from './announcer.js';
import { i18n, t, uiLang } from '../i18n/index.js';

// Said in the interface language (the screen reader's user), not the document's.
const SECTION_KEYS = { pp: 'a11y.para.pp', op: 'a11y.para.op', ap: 'a11y.para.ap' } as const;

/** The spoken kind and number of a paragraph, e.g. "operative paragraph 4", "subparagraph (a) (ii) of operative paragraph 4". */
export function spokenDesignation(p: Pick<ParaInfo, 'section' | 'level' | 'tail' | 'number' | 'subLabels' | 'designation' | 'deleted'>): string {
  const number = p.section === 'ap' ? p.designation.replace(/^Annex\s*/i, '') : p.number.replace(/^(PP|OP)/, '');
  const top = t(SECTION_KEYS[p.section], { number }).replace(/ {2,}/g, ' ').trim(); // an unnumbered paragraph leaves a gap
  let said = p.level > 0 && p.subLabels.length ? t('a11y.para.sub', { labels: p.subLabels.join(' '), parent: top }) : top;
  if (p.tail) said = t('a11y.para.continuation', { para: said });
  if (p.deleted) said = t('a11y.para.deleted', { para: said });
  return said;
}

/** The descriptions as decorations, with the structure and interface language they were made for. */
interface AriaState {
  structure: StructureState['structure'] | null;
  lang: string;
  /** The document's language, also set on each paragraph (spell checking and screen readers use it there). */
  docLang: string;
  set: DecorationSet;
}

function buildAria(state: EditorState): AriaState {
  const s = structureKey.getState(state);
  const lang = uiLang();
  const docLang = (state.doc.attrs.meta as FrontMatter).language;
  if (!s) return { structure: null, lang, docLang, set: DecorationSet.empty };
  const decos = s.structure.paras.map((p) => Decoration.node(p.pos, p.pos + p.node.nodeSize, { 'aria-description': spokenDesignation(p), lang: docLang }));
  return { structure: s.structure, lang, docLang, set: DecorationSet.create(state.doc, decos) };
}

/** Whether every paragraph would be described as before (same paragraphs, same designations). */
function sameDescriptions(a: StructureState['structure'], b: StructureState['structure']): boolean {
  if (a.paras.length !== b.paras.length) return false;
  for (let i = 0; i < a.paras.length; i++) {
    const x = a.paras[i]!;
    const y = b.paras[i]!;
    if (x.id !== y.id || x.designation !== y.designation || x.number !== y.number || x.section !== y.section || x.level !== y.level || x.tail !== y.tail || x.deleted !== y.deleted) return false;
    if (x.subLabels.join(' ') !== y.subLabels.join(' ')) return false;
  }
  return true;
}

const ariaKey = new PluginKey<AriaState>('plenary-aria');

/**
 * The next descriptions: mapped when the paragraphs and their designations are as before (typing
 * inside a paragraph), rebuilt otherwise. Rebuilding 400 descriptions on every keystroke cost
 * as much as the rest of the keystroke.
 */
function nextAria(tr: Transaction, prev: AriaState, state: EditorState): AriaState {
  const s = structureKey.getState(state);
  if (!tr.docChanged || !s || s.structure === prev.structure) return prev;
  const docLang = (state.doc.attrs.meta as FrontMatter).language;
  if (!prev.structure || prev.lang !== uiLang() || prev.docLang !== docLang || !sameDescriptions(prev.structure, s.structure)) return buildAria(state);
  return { structure: s.structure, lang: prev.lang, docLang, set: prev.set.map(tr.mapping, state.doc) };
}

function decorationsFor(state: EditorState): DecorationSet {
  const a = ariaKey.getState(state);
  if (!a) return DecorationSet.empty;
  // A new interface language changes no state: rebuilt here, once per language and state.
  if (a.lang !== uiLang()) {
    const fresh = buildAria(state);
    a.lang = fresh.lang;
    a.set = fresh.set;
    a.structure = fresh.structure;
  }
  return a.set;
}

/**
 * What changed in the numbering between two states, as one sentence (empty when nothing did):
 * where the paragraph with the caret now stands if its number changed, and how many others
 * were renumbered. Paragraphs that appeared or disappeared are not counted as renumbered.
 */
export function numberingChange(before: EditorState, after: EditorState): string {
  const a = structureKey.getState(before)?.structure;
  const b = structureKey.getState(after)?.structure;
  if (!a || !b || a === b) return '';
  const head = after.selection.$head;
  let currentId = '';
  for (let d = head.depth; d > 0; d--) {
    const id = head.node(d).attrs.id as string | undefined;
    if (id && b.byId.has(id)) {
      currentId = id;
      break;
    }
  }
  let renumbered = 0;
  let moved = '';
  for (const p of b.paras) {
    const old = a.byId.get(p.id);
    if (!old || old.designation === p.designation) continue;
    if (p.id === currentId) moved = spokenDesignation(p);
    else renumbered++;
  }
  const parts: string[] = [];
  if (moved) parts.push(t('a11y.nowAt', { para: moved }));
  if (renumbered) parts.push(t('a11y.renumbered', { count: renumbered }));
  return parts.join(' ');
}

/** The view plugin: paragraph descriptions, and the announcement after moves and renumbering. */
export function paragraphAriaPlugin(): Plugin {
  return new Plugin<AriaState>({
    key: ariaKey,
    state: { init: (_c, state) => buildAria(state), apply: (tr, prev, _old, state) => nextAria(tr, prev, state) },
    props: { decorations: decorationsFor },
    view: (view) => {
      // A new interface language changes no state, so the view is told to redraw the descriptions.
      const relabel = () => view.setProps({});
      i18n.on('languageChanged', relabel);
      return {
        update(v, prev) {
          if (v.state.doc === prev.doc) return;
          const said = numberingChange(prev, v.state);
          if (said) announce(said);
        },
        destroy: () => i18n.off('languageChanged', relabel),
      };
    },
  });
}
