/**
 * Agreed language from the library into the draft: inserted as a new paragraph or replacing a
 * paragraph's text, with its provenance (symbol, paragraph, hash of the text).
 */
import { TextSelection, type Command } from 'prosemirror-state';
import { closeHistory } from 'prosemirror-history';
import { schema } from '../../resolution/schema.js';
import { textHash } from '../../text/hash.js';
import { structureKey } from '../plugins/structure.js';
import { currentPara } from '../queries/paragraphs.js';
import { groupRange, headIndex } from './paragraphs.js';

/** Agreed language to insert: the source paragraph and its text. */
export interface AgreedText {
  symbol: string;
  designation: string;
  kind: string;
  text: string;
}

function provenanceOf(a: AgreedText) {
  return { symbol: a.symbol, paragraph: a.designation, hash: textHash(a.text), text: a.text };
}

/**
 * Inserts agreed language at the cursor as a paragraph carrying its provenance: into the current
 * paragraph when it is empty, else after the current paragraph (with its subparagraphs). A
 * preambular source goes into the preamble, an operative one among the operative paragraphs, a
 * subparagraph as a subparagraph.
 */
export function insertAgreed(a: AgreedText): Command {
  return (state, dispatch) => {
    const s = structureKey.getState(state);
    if (!s) return false;
    const cur = currentPara(state);
    const wantSection = a.kind === 'pp' ? 'pp' : 'op';
    const type = wantSection === 'pp' ? schema.nodes.pp : schema.nodes.op;
    const level = a.kind === 'sub' ? Math.max(1, cur && cur.section === 'op' ? Math.min(cur.level + (cur.level === 0 ? 1 : 0), 4) : 1) : 0;
    const attrs = { id: '', level, tail: false, phrase: null, status: '', holder: '', provenance: provenanceOf(a), base: null };
    const node = type.create(attrs, a.text ? schema.text(a.text) : null);
    if (!dispatch) return true;
    const tr = closeHistory(state.tr);
    if (cur && cur.section === wantSection && cur.node.content.size === 0) {
      tr.replaceWith(cur.pos, cur.pos + cur.node.nodeSize, node);
      tr.setSelection(TextSelection.near(tr.doc.resolve(cur.pos + node.nodeSize - 1)));
    } else {
      let at: number;
      if (cur && cur.section === wantSection) {
        const [, end] = groupRange(s.structure.paras, headIndex(s.structure.paras, cur.index));
        const last = s.structure.paras[end - 1]!;
        at = last.pos + last.node.nodeSize;
      } else {
        // The boundary between preamble and operative part.
        at = 0;
        state.doc.forEach((n, off) => {
          if (n.type.name === 'pp') at = off + n.nodeSize;
        });
      }
      tr.insert(at, node);
      tr.setSelection(TextSelection.near(tr.doc.resolve(at + node.nodeSize - 1)));
    }
    dispatch(tr.scrollIntoView());
    return true;
  };
}

/** Replaces the text of paragraph `id` with agreed language and records its provenance. */
export function replaceWithAgreed(id: string, a: AgreedText): Command {
  return (state, dispatch) => {
    const p = structureKey.getState(state)?.structure.byId.get(id);
    if (!p) return false;
    if (dispatch) {
      const tr = closeHistory(state.tr);
      tr.replaceWith(p.pos + 1, p.pos + 1 + p.node.content.size, a.text ? schema.text(a.text) : []);
      tr.setNodeAttribute(p.pos, 'provenance', provenanceOf(a));
      tr.setNodeAttribute(p.pos, 'phrase', null);
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

