/**
 * Commands on the document as a whole: its front matter (with the opening phrases' gender) and
 * negotiation numbering.
 */
import type { Command } from 'prosemirror-state';
import { closeHistory } from 'prosemirror-history';
import { PARA_TYPES } from '../../resolution/schema.js';
import type { FrontMatter } from '../../resolution/model.js';
import { organGender, switchPhraseGender } from '../../resolution/lexicon.js';
import { structureKey } from '../plugins/structure.js';

/**
 * Changes the front matter (one undoable step). When the organ changes grammatical gender
 * (the General Assembly is feminine in French, Spanish, Russian and Arabic; the Councils are
 * masculine), agreeing opening phrases are switched too: "Consciente" ↔ "Conscient".
 */
export function setMeta(patch: Partial<FrontMatter>): Command {
  return (state, dispatch) => {
    const old = state.doc.attrs.meta as FrontMatter;
    // The same value again (a field left unchanged) is no edit: it must not clear the redo stack.
    if (Object.entries(patch).every(([k, v]) => JSON.stringify(old[k as keyof FrontMatter]) === JSON.stringify(v))) return false;
    if (dispatch) {
      const meta = { ...old, ...patch };
      const tr = closeHistory(state.tr).setDocAttribute('meta', meta);
      const from = organGender(old.organ, meta.language);
      const to = organGender(meta.organ, meta.language);
      if (from !== to) {
        tr.doc.descendants((node, pos) => {
          if (!PARA_TYPES.has(node.type.name)) return node.type.name === 'annex';
          const first = node.firstChild;
          if (node.attrs.level === 0 && first?.isText) {
            const text = first.text ?? '';
            const switched = switchPhraseGender(text, meta.language, to);
            if (switched !== text) {
              let k = 0;
              while (k < text.length && text[k] === switched[k]) k++;
              let e = 0;
              while (e < text.length - k && text[text.length - 1 - e] === switched[switched.length - 1 - e]) e++;
              tr.insertText(switched.slice(k, switched.length - e), tr.mapping.map(pos + 1 + k), tr.mapping.map(pos + 1 + text.length - e));
            }
          }
          return false;
        });
      }
      dispatch(tr);
    }
    return true;
  };
}

/**
 * Freezes the current numbers as base numbers (negotiation numbering), or clears them. Operative
 * base numbers count per numbering group, so they are the numbers the text prints.
 */
export function setNegotiationNumbering(on: boolean): Command {
  return (state, dispatch) => {
    const s = structureKey.getState(state);
    if (!s) return false;
    const tr = closeHistory(state.tr);
    const counters = { pp: 0, op: 0 };
    let group = -1;
    for (const p of s.structure.paras) {
      if (p.section === 'ap' || p.level > 0 || p.tail) continue;
      // Base numbers are the printed ones: operative numbers start again in a part that restarts them.
      if (p.section === 'op' && p.group !== group) {
        group = p.group;
        counters.op = 0;
      }
      const value = on ? ++counters[p.section] : null;
      if (p.node.attrs.base !== value) tr.setNodeAttribute(p.pos, 'base', value);
    }
    if (!tr.docChanged) return false;
    if (dispatch) dispatch(tr);
    return true;
  };
}
