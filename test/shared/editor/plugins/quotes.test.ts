// Typographic quotes as typed (src/shared/editor/plugins/quotes.ts): the mapping per language, that
// only the typed character changes, Backspace right after, undo, negotiation mode, and the
// selection commands.
import { describe, expect, it } from 'vitest';
import { TextSelection, type EditorState } from 'prosemirror-state';
import { undo, undoDepth } from 'prosemirror-history';
import { createEditorState } from '../../../../src/shared/editor/state.js';
import { convertQuotes, quoteReplacement, typeText, undoQuote, NBSP } from '../../../../src/shared/editor/plugins/quotes.js';
import { listProposals } from '../../../../src/shared/editor/negotiation/index.js';
import type { Language } from '../../../../src/shared/resolution/model.js';
import { doc, op, pp } from '../../../helpers/builders.js';

const NEGOTIATION = { enabled: true, delegation: 'EU', delegations: [{ name: 'EU', color: '#00f' }] };

/** A state whose caret is at the end of the first paragraph holding `text`. */
function at(text: string, lang: Language = 'en', negotiation = false): EditorState {
  const d = doc({ language: lang }, pp({ id: 'pp1' }, text), op({ id: 'op1' }, 'Decides to remain seized of the matter.'));
  const s = createEditorState(d, { autoPunctuate: false, negotiation: negotiation ? NEGOTIATION : {} });
  return s.apply(s.tr.setSelection(TextSelection.create(s.doc, 1 + text.length)));
}

/** Types `text` character by character as the view does, with a fixed clock (one history event). */
function type(s0: EditorState, text: string): EditorState {
  let s = s0;
  for (const ch of text) s = s.apply(typeText(s, ch));
  return s;
}

const first = (s: EditorState) => s.doc.firstChild!.textContent;

describe('quoteReplacement', () => {
  it('English: “ ” after a space or at the start, ’ after a letter, ‘ to open', () => {
    expect(quoteReplacement('"', '', 'en')).toEqual({ back: 0, text: '“' });
    expect(quoteReplacement('"', 'entitled ', 'en')).toEqual({ back: 0, text: '“' });
    expect(quoteReplacement('"', 'entitled (', 'en')).toEqual({ back: 0, text: '“' });
    expect(quoteReplacement('"', 'entitled “Our world', 'en')).toEqual({ back: 0, text: '”' });
    expect(quoteReplacement('"', 'the world.', 'en')).toEqual({ back: 0, text: '”' });
    expect(quoteReplacement("'", 'Secretary-General', 'en')).toEqual({ back: 0, text: '’' });
    expect(quoteReplacement("'", 'the ', 'en')).toEqual({ back: 0, text: '‘' });
  });

  it('French: « » with a no-break space inside, ’, and a no-break space before ; : ? !', () => {
    expect(quoteReplacement('"', 'intitulée ', 'fr')).toEqual({ back: 0, text: `«${NBSP}` });
    expect(quoteReplacement('"', `intitulée «${NBSP}Transformer notre monde`, 'fr')).toEqual({ back: 0, text: `${NBSP}»` });
    // A space typed before the closing quote becomes the no-break space.
    expect(quoteReplacement('"', `intitulée «${NBSP}Transformer notre monde `, 'fr')).toEqual({ back: 1, text: `${NBSP}»` });
    expect(quoteReplacement("'", 'l', 'fr')).toEqual({ back: 0, text: '’' });
    expect(quoteReplacement("'", '', 'fr')).toBeNull();
    expect(quoteReplacement(';', 'monde', 'fr')).toEqual({ back: 0, text: `${NBSP};` });
    expect(quoteReplacement(';', 'monde ', 'fr')).toEqual({ back: 1, text: `${NBSP};` });
    expect(quoteReplacement(';', 'monde ', 'fr', false)).toBeNull();
    expect(quoteReplacement('?', `monde${NBSP}`, 'fr')).toBeNull();
    expect(quoteReplacement('!', 'vraiment?', 'fr')).toBeNull();
    expect(quoteReplacement(':', 'à 10', 'fr')).toBeNull();
    expect(quoteReplacement(':', 'voir https', 'fr')).toBeNull();
    expect(quoteReplacement(':', `monde${NBSP}»`, 'fr')).toEqual({ back: 0, text: `${NBSP}:` });
  });

  it('Spanish and Chinese “ ”, Russian « » without spaces, Arabic left straight, ; untouched outside French', () => {
    expect(quoteReplacement('"', 'titulado ', 'es')!.text).toBe('“');
    expect(quoteReplacement('"', 'мира', 'ru')!.text).toBe('»');
    expect(quoteReplacement('"', 'под названием ', 'ru')!.text).toBe('«');
    expect(quoteReplacement('"', '题为', 'zh')!.text).toBe('”');
    expect(quoteReplacement('"', 'المعنون ', 'ar')).toBeNull();
    expect(quoteReplacement("'", 'ب', 'ar')).toBeNull();
    expect(quoteReplacement(';', 'world', 'en')).toBeNull();
    expect(quoteReplacement('x', 'world', 'fr')).toBeNull();
  });
});

describe('typing in the editor state', () => {
  it('replaces only the quote typed; one undo takes the word back with it', () => {
    const s0 = at('Recalling its resolution entitled ');
    const s = type(s0, '"Our world"');
    expect(first(s)).toBe('Recalling its resolution entitled “Our world”');
    expect(undoDepth(s)).toBe(1);
    let u = s;
    undo(u, (tr) => (u = u.apply(tr)));
    expect(u.doc.eq(s0.doc)).toBe(true);
  });

  it('Backspace right after gives back exactly the straight quote; once only', () => {
    let s = type(at('the Secretary-General'), "'");
    expect(first(s)).toBe('the Secretary-General’');
    expect(undoQuote(s, (tr) => (s = s.apply(tr)))).toBe(true);
    expect(first(s)).toBe("the Secretary-General'");
    expect(undoQuote(s)).toBe(false);
  });

  it('Backspace no longer takes it back once the caret moved or more was typed', () => {
    const s1 = type(at('said '), '"x');
    expect(undoQuote(s1)).toBe(false);
    const s2 = type(at('said '), '"');
    const moved = s2.apply(s2.tr.setSelection(TextSelection.create(s2.doc, 2)));
    expect(undoQuote(moved)).toBe(false);
  });

  it('French: a typed space before ; becomes a no-break space, and Backspace restores " ;"', () => {
    let s = type(at('de la situation ', 'fr'), ';');
    expect(first(s)).toBe(`de la situation${NBSP};`);
    undoQuote(s, (tr) => (s = s.apply(tr)));
    expect(first(s)).toBe('de la situation ;');
    expect(first(type(at('intitulée ', 'fr'), '"Transformer notre monde"'))).toBe(`intitulée «${NBSP}Transformer notre monde${NBSP}»`);
  });

  it('negotiation mode: the typographic quote is part of the same tracked insertion', () => {
    const s = type(at('Recalling its resolution entitled ', 'en', true), '"Our world"');
    expect(listProposals(s).map((p) => [p.kind, p.by, p.text])).toEqual([['ins', 'EU', '“Our world”']]);
    // The ordinary space of others' text before a French ";" is not rewritten in negotiation mode.
    const f = type(at('de la situation ', 'fr', true), ';');
    expect(listProposals(f).map((p) => [p.kind, p.text])).toEqual([['ins', ';']]);
    expect(first(f)).toBe('de la situation ;');
  });

  it('negotiation mode: Backspace right after gives back the straight quote within the insertion', () => {
    const typed = type(at('entitled ', 'en', true), 'a"');
    let s = typed;
    expect(undoQuote(s, (tr) => (s = s.apply(tr)))).toBe(true);
    expect(listProposals(s).map((p) => [p.kind, p.text])).toEqual([['ins', 'a"']]);
    // Typed within the history's grouping delay, the Backspace joins the typing: one Ctrl+Z takes
    // both back exactly (the randomized model checks them as separate steps, 10 s apart).
    expect(typed.doc.eq(s.doc)).toBe(false);
    undo(s, (tr) => (s = s.apply(tr)));
    expect(first(s)).toBe('entitled ');
    expect(listProposals(s)).toEqual([]);
  });

  it('negotiation mode: a space the delegate typed before a French closing quote stays as typed', () => {
    const s = type(at(`intitulée `, 'fr', true), '"monde "');
    expect(first(s)).toBe(`intitulée «${NBSP}monde »`);
    expect(listProposals(s).map((p) => [p.kind, p.text])).toEqual([['ins', `«${NBSP}monde »`]]);
  });

  it('letters never change, whatever is typed', () => {
    for (const lang of ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const) {
      const s = type(at('a', lang), `"b" 'c' d'e; f: g? h! "i`);
      expect(first(s).replace(/[^\p{L}\p{N}]/gu, '')).toBe('abcdefghi');
    }
  });
});

describe('convertQuotes in a selection', () => {
  const select = (s: EditorState, from: number, to: number) => s.apply(s.tr.setSelection(TextSelection.create(s.doc, from, to)));

  it('makes pasted straight quotes typographic, and back, as one undo step', () => {
    const text = `entitled "Our world" and the Council's work`;
    const s0 = select(at(text), 1, 1 + text.length);
    let s = s0;
    expect(convertQuotes('typographic')(s, (tr) => (s = s.apply(tr)))).toBe(true);
    expect(first(s)).toBe('entitled “Our world” and the Council’s work');
    let back = select(s, 1, 1 + text.length);
    expect(convertQuotes('straight')(back, (tr) => (back = back.apply(tr)))).toBe(true);
    expect(first(back)).toBe(text);
    let u = s;
    undo(u, (tr) => (u = u.apply(tr)));
    expect(first(u)).toBe(text);
  });

  it('French guillemets straighten with their inner no-break spaces', () => {
    const text = `intitulée «${NBSP}Transformer${NBSP}»`;
    let s = select(at(text, 'fr'), 1, 1 + text.length);
    convertQuotes('straight')(s, (tr) => (s = s.apply(tr)));
    expect(first(s)).toBe('intitulée "Transformer"');
    s = select(s, 1, 1 + first(s).length);
    convertQuotes('typographic')(s, (tr) => (s = s.apply(tr)));
    expect(first(s)).toBe(`intitulée «${NBSP}Transformer${NBSP}»`);
  });

  it('does nothing without a selection or without quotes; tracked in negotiation mode', () => {
    expect(convertQuotes('typographic')(at('no quotes here'))).toBe(false);
    const text = 'the "text"';
    expect(convertQuotes('straight')(select(at(text), 1, 1 + text.length))).toBe(false);
    let s = select(at(text, 'en', true), 1, 1 + text.length);
    convertQuotes('typographic')(s, (tr) => (s = s.apply(tr)));
    expect(listProposals(s).map((p) => [p.kind, p.text]).sort()).toEqual([['del', '"'], ['del', '"'], ['ins', '“'], ['ins', '”']]);
  });
});
