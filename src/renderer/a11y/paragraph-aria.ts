/**
 * What a screen reader hears about each paragraph: its kind and number ("operative paragraph 4",
 * "subparagraph (a) of operative paragraph 4"), set as an `aria-description` on the paragraph's
 * element by node decorations computed from the structure plugin (nothing is added to the
 * document or the schema), and a live announcement when a paragraph moves or numbers change.
 *
 * It is a view-level plugin (no state): `viewProps.plugins` installs it on the EditorView.
 */
import { Plugin, type EditorState } from 'prosemirror-state';
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

const decoCache = new WeakMap<StructureState, { lang: string; docLang: string; set: DecorationSet }>();

function decorationsFor(state: EditorState): DecorationSet {
  const s = structureKey.getState(state);
  if (!s) return DecorationSet.empty;
  const lang = uiLang();
  // Each paragraph also carries the document's language, so that spell checking (the browser's,
  // or Electron's) and screen readers use it on the paragraph itself.
  const docLang = (state.doc.attrs.meta as FrontMatter).language;
  const hit = decoCache.get(s);
  if (hit?.lang === lang && hit.docLang === docLang) return hit.set;
  const decos = s.structure.paras.map((p) => Decoration.node(p.pos, p.pos + p.node.nodeSize, { 'aria-description': spokenDesignation(p), lang: docLang }));
  const set = DecorationSet.create(state.doc, decos);
  decoCache.set(s, { lang, docLang, set });
  return set;
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
  return new Plugin({
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
