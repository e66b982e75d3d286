/**
 * What a screen reader hears about each paragraph: its kind and number ("operative paragraph 4",
 * "subparagraph (a) of operative paragraph 4"), which the structure plugin sets as the
 * paragraph's `aria-description` (through UI_EDITOR_MESSAGES, nothing added to the document or
 * the schema), and a live announcement when a paragraph moves or numbers change.
 *
 * `viewProps.plugins` installs the announcement on the EditorView (a view plugin: no state).
 */
import { Plugin, type EditorState } from 'prosemirror-state';
import type { ParaInfo } from '../../shared/resolution/structure.js';
import { structureKey } from '../../shared/editor/plugins/structure.js';
import { announce } from './announcer.js';
import { t } from '../i18n/index.js';

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

/**
 * The view plugin: the live announcement after moves and renumbering. The descriptions
 * themselves are part of the structure plugin's paragraph decorations (UI_EDITOR_MESSAGES
 * .describe), kept between keystrokes with the labels they depend on.
 */
export function paragraphAriaPlugin(): Plugin {
  return new Plugin({
    view: () => ({
      update(v, prev) {
        if (v.state.doc === prev.doc) return;
        const said = numberingChange(prev, v.state);
        if (said) announce(said);
      },
    }),
  });
}
