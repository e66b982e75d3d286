/**
 * Find and replace: the query lives in plugin state (set by the find bar through a transaction
 * meta), matches are highlighted with decorations, and replace steps are ordinary undoable edits.
 * Matching is within one paragraph at a time (a match never spans two paragraphs).
 */
import { Plugin, PluginKey, TextSelection, type Command } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node as PMNode } from 'prosemirror-model';

/** One match. */
export interface FindMatch {
  from: number;
  to: number;
}

/** State of the find plugin. */
export interface FindState {
  query: string;
  caseSensitive: boolean;
  matches: FindMatch[];
  decorations: DecorationSet;
}

/** Key of the find plugin. */
export const findKey = new PluginKey<FindState>('plenary-find');

/** Folds case and accents so "reaffirmant" finds "Réaffirmant" unless case-sensitive. */
function fold(s: string, caseSensitive: boolean): string {
  return caseSensitive ? s : s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** All matches of `query` in `doc`, paragraph by paragraph. */
export function findMatches(doc: PMNode, query: string, caseSensitive: boolean): FindMatch[] {
  if (!query) return [];
  const q = fold(query, caseSensitive);
  const out: FindMatch[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    // Map folded text offsets back to document positions, char by char within text nodes.
    const positions: number[] = [];
    let text = '';
    node.forEach((child, offset) => {
      if (child.isText) {
        const t = child.text ?? '';
        for (let k = 0; k < t.length; k++) {
          const f = fold(t[k]!, caseSensitive);
          text += f;
          for (let m = 0; m < f.length; m++) positions.push(pos + 1 + offset + k);
        }
      } else {
        text += '\uFFFC';
        positions.push(pos + 1 + offset);
      }
    });
    let i = text.indexOf(q);
    while (i >= 0) {
      out.push({ from: positions[i]!, to: positions[i + q.length - 1]! + 1 });
      i = text.indexOf(q, i + Math.max(1, q.length));
    }
    return false;
  });
  return out;
}

function build(doc: PMNode, query: string, caseSensitive: boolean): FindState {
  const matches = findMatches(doc, query, caseSensitive);
  const decorations = DecorationSet.create(
    doc,
    matches.map((m) => Decoration.inline(m.from, m.to, { class: 'find-match' })),
  );
  return { query, caseSensitive, matches, decorations };
}

/** The plugin. */
export function findPlugin(): Plugin<FindState> {
  return new Plugin<FindState>({
    key: findKey,
    state: {
      init: () => ({ query: '', caseSensitive: false, matches: [], decorations: DecorationSet.empty }),
      apply(tr, prev) {
        const meta = tr.getMeta(findKey) as { query: string; caseSensitive: boolean } | undefined;
        if (meta) return build(tr.doc, meta.query, meta.caseSensitive);
        if (tr.docChanged && prev.query) return build(tr.doc, prev.query, prev.caseSensitive);
        return prev;
      },
    },
    props: { decorations: (s) => findKey.getState(s)?.decorations ?? null },
  });
}

/** Sets the query. */
export function setFindQuery(query: string, caseSensitive = false): Command {
  return (state, dispatch) => {
    if (dispatch) dispatch(state.tr.setMeta(findKey, { query, caseSensitive }));
    return true;
  };
}

/** Selects the next (dir 1) or previous (dir -1) match after the selection, wrapping around. */
export function findNext(dir: 1 | -1 = 1): Command {
  return (state, dispatch) => {
    const s = findKey.getState(state);
    if (!s || s.matches.length === 0) return false;
    const { from, to } = state.selection;
    const m =
      dir === 1
        ? (s.matches.find((x) => x.from >= to && !(x.from === from && x.to === to)) ?? s.matches[0]!)
        : ([...s.matches].reverse().find((x) => x.to <= from) ?? s.matches[s.matches.length - 1]!);
    if (dispatch) dispatch(state.tr.setSelection(TextSelection.create(state.doc, m.from, m.to)).scrollIntoView());
    return true;
  };
}

/** Selects the first match at or after `pos` (wrapping around), as the find field is typed in. */
export function selectMatchFrom(pos: number): Command {
  return (state, dispatch) => {
    const s = findKey.getState(state);
    if (!s || s.matches.length === 0) return false;
    const m = s.matches.find((x) => x.from >= pos) ?? s.matches[0]!;
    if (dispatch) dispatch(state.tr.setSelection(TextSelection.create(state.doc, m.from, m.to)).scrollIntoView());
    return true;
  };
}

/**
 * Replaces the current match and selects the next one, as in Word and VS Code: the current match
 * is the selected one, or else the first after the cursor (the first click replaces, it does not
 * only select). One undo step per replacement.
 */
export function replaceCurrent(replacement: string): Command {
  return (state, dispatch) => {
    const s = findKey.getState(state);
    if (!s || s.matches.length === 0) return false;
    const { from, to } = state.selection;
    const m = s.matches.find((x) => x.from === from && x.to === to) ?? s.matches.find((x) => x.from >= from) ?? s.matches[0]!;
    if (dispatch) {
      const tr = state.tr.insertText(replacement, m.from, m.to);
      const after = m.from + replacement.length;
      const next = findMatches(tr.doc, s.query, s.caseSensitive);
      const n = next.find((x) => x.from >= after) ?? next[0];
      tr.setSelection(n ? TextSelection.create(tr.doc, n.from, n.to) : TextSelection.create(tr.doc, after));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** Replaces every match in one undoable step; returns false when there is none. */
export function replaceAll(replacement: string): Command {
  return (state, dispatch) => {
    const s = findKey.getState(state);
    if (!s || s.matches.length === 0) return false;
    if (dispatch) {
      const tr = state.tr;
      for (let i = s.matches.length - 1; i >= 0; i--) {
        const m = s.matches[i]!;
        tr.insertText(replacement, m.from, m.to);
      }
      dispatch(tr);
    }
    return true;
  };
}
