/**
 * Keeps every paragraph's id present and unique. Splitting a paragraph or pasting a copy would
 * otherwise duplicate ids; the first occurrence in document order keeps its id and later copies
 * get fresh ones, so references and provenance stay attached to the original.
 */
import { Plugin, PluginKey } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import { newId } from '../../ids.js';
import { PARA_TYPES } from '../../resolution/schema.js';
import { UNTRACKED_META } from '../negotiation/settings.js';

/** Key of the id plugin. */
export const idsKey = new PluginKey('plenary-ids');

/** Positions and new ids for nodes whose id is missing or already taken. */
export function findIdFixes(doc: PMNode): { pos: number; id: string }[] {
  const seen = new Set<string>();
  const fixes: { pos: number; id: string }[] = [];
  doc.descendants((node, pos) => {
    const name = node.type.name;
    if (PARA_TYPES.has(name) || name === 'annex' || name === 'footnote') {
      const id = node.attrs.id as string;
      if (!id || seen.has(id)) {
        const fresh = newId(name === 'annex' ? 'x' : name === 'footnote' ? 'f' : 'p');
        fixes.push({ pos, id: fresh });
        seen.add(fresh);
      } else seen.add(id);
      // Footnotes hold only text; paragraphs and annexes may hold footnotes.
      return name !== 'footnote';
    }
    return node.isBlock;
  });
  return fixes;
}

/** The plugin: after any change that introduced a missing or duplicate id, assigns fresh ones. */
export function idsPlugin(): Plugin {
  return new Plugin({
    key: idsKey,
    appendTransaction(trs, _old, state) {
      if (!trs.some((t) => t.docChanged)) return null;
      const fixes = findIdFixes(state.doc);
      if (!fixes.length) return null;
      const tr = state.tr;
      for (const f of fixes) tr.setNodeAttribute(f.pos, 'id', f.id);
      // The fix belongs to the history event of the edit that caused it (an appended transaction
      // joins its root's event). Kept out of history, a redo would replay the id-less paragraph
      // and this plugin would give it a *different* id: cross-references to it would break and
      // redo would not return the document it undid.
      tr.setMeta(UNTRACKED_META, true);
      return tr;
    },
  });
}
