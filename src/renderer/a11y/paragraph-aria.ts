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
import { announce } from './announcer.js';

const SECTION_NAMES = { pp: 'preambular paragraph', op: 'operative paragraph', ap: 'annex paragraph' } as const;

/** The spoken kind and number of a paragraph, e.g. "operative paragraph 4", "subparagraph (a) (ii) of operative paragraph 4". */
export function spokenDesignation(p: Pick<ParaInfo, 'section' | 'level' | 'tail' | 'number' | 'subLabels' | 'designation' | 'deleted'>): string {
  const top = p.section === 'ap' ? `${SECTION_NAMES.ap} ${p.designation.replace(/^Annex\s*/i, '')}`.trim() : `${SECTION_NAMES[p.section]} ${p.number.replace(/^(PP|OP)/, '')}`.trim();
  let said = p.level > 0 && p.subLabels.length ? `subparagraph ${p.subLabels.join(' ')} of ${top}` : top;
  if (p.tail) said = `continuation of ${said}`;
  if (p.deleted) said += ', deleted';
  return said;
}

const decoCache = new WeakMap<StructureState, DecorationSet>();

function decorationsFor(state: EditorState): DecorationSet {
  const s = structureKey.getState(state);
  if (!s) return DecorationSet.empty;
  const hit = decoCache.get(s);
  if (hit) return hit;
  const decos = s.structure.paras.map((p) => Decoration.node(p.pos, p.pos + p.node.nodeSize, { 'aria-description': spokenDesignation(p) }));
  const set = DecorationSet.create(state.doc, decos);
  decoCache.set(s, set);
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
  if (moved) parts.push(`Now ${moved}.`);
  if (renumbered) parts.push(`${renumbered} ${renumbered === 1 ? 'paragraph' : 'paragraphs'} renumbered.`);
  return parts.join(' ');
}

/** The view plugin: paragraph descriptions, and the announcement after moves and renumbering. */
export function paragraphAriaPlugin(): Plugin {
  return new Plugin({
    props: { decorations: decorationsFor },
    view: () => ({
      update(view, prev) {
        if (view.state.doc === prev.doc) return;
        const said = numberingChange(prev, view.state);
        if (said) announce(said);
      },
    }),
  });
}
