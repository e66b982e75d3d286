/**
 * Typographic quotes and apostrophes as the delegate types, by the document's language, and the
 * French no-break space before ; : ? ! (un-format.md §4).
 *
 * What it may change, and nothing else: the straight quote just typed becomes its typographic
 * form (" → “ or ”, ' → ’ or ‘ in English; " → « or » with a no-break space inside in French);
 * in French a no-break space is put before a typed ; : ? ! (or the ordinary space the delegate
 * typed there becomes one). No letter is ever added, removed or changed. The replacement is the
 * typing transaction itself (the view's default insertion is replaced, not amended), so Ctrl+Z
 * takes it back with the word it belongs to, and in negotiation mode it is part of the same
 * tracked insertion. Backspace right after it gives back exactly what was typed ({@link undoQuote}).
 * Paste, drop and programmatic edits never pass through here: pasted text keeps its quotes
 * unless the delegate runs {@link convertQuotes} on a selection.
 *
 * Cost on the keystroke path: `handleTextInput` returns at once for any character that is not
 * one of " ' ; : ? ! (a Set lookup), so letters cost one lookup.
 */
import { Plugin, PluginKey, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import type { FrontMatter, Language } from '../../resolution/model.js';
import { DEL } from '../negotiation/marks.js';
import { settingsOf } from '../negotiation/settings.js';

/** How one language writes quotes. Pairs are [opening, closing]; null leaves the straight quote. */
export interface QuoteStyle {
  double: readonly [string, string] | null;
  single: readonly [string, string] | null;
  /** What ' becomes after a letter (an apostrophe), or null. */
  apostrophe: string | null;
  /** The space set inside « » and before ; : ? ! (French only), or ''. */
  space: string;
}

/** No-break space, as the auto-punctuation writes it before the French " ;" (punctuation.ts). */
export const NBSP = '\u00A0';

/**
 * The quote styles. Sources:
 * - en: the UN's English documents (ga-en corpus: 2,030 “, 2,026 ”, 2,217 ’, no straight quote);
 * - fr: « » with a no-break space inside and before ; : ? ! (un-format.md §4; U+00A0 rather than
 *   the thin U+202F is UNVERIFIED there, so it is this table's one constant, `NBSP`); the
 *   apostrophe ’ of French typography (un-format.md writes ' — the lexicon matches both);
 * - es: “ ” (UN Spanish documents quote titles so: «» is UNVERIFIED against them);
 * - ru: « » without spaces (Russian typography, as in the UN's Russian documents);
 * - zh: “ ” ‘ ’ (GB/T 15834, full width by the font);
 * - ar: left straight: no source says which marks UN Arabic documents use (UNVERIFIED).
 */
export const QUOTE_STYLES: Readonly<Record<Language, QuoteStyle | null>> = {
  en: { double: ['\u201C', '\u201D'], single: ['\u2018', '\u2019'], apostrophe: '\u2019', space: '' },
  fr: { double: ['\u00AB', '\u00BB'], single: null, apostrophe: '\u2019', space: NBSP },
  es: { double: ['\u201C', '\u201D'], single: ['\u2018', '\u2019'], apostrophe: '\u2019', space: '' },
  ru: { double: ['\u00AB', '\u00BB'], single: null, apostrophe: '\u2019', space: '' },
  zh: { double: ['\u201C', '\u201D'], single: ['\u2018', '\u2019'], apostrophe: '\u2019', space: '' },
  ar: null,
};

/** The characters the rule looks at; everything else is left to the view at the cost of one lookup. */
const TRIGGERS = new Set(['"', "'", ';', ':', '?', '!']);
const HIGH_PUNCT = new Set([';', ':', '?', '!']);

/** Whether a quote typed after `prev` (the character before the caret, '' at a paragraph start) opens. */
export function opensAfter(prev: string): boolean {
  return prev === '' || /[\s([{\u2014\u2013\-/\u201C\u2018\u00AB\u201E\uFFFC]/u.test(prev);
}

/** Whether `c` is any space (ordinary, no-break, thin). */
const isSpace = (c: string): boolean => /\s/u.test(c);

/** What replaces the typed character, given the text before the caret in its paragraph. */
export interface QuoteReplacement {
  /** How many characters before the caret are replaced too (a space that becomes a no-break space). */
  back: number;
  text: string;
}

/**
 * The replacement of `typed` after `before` (the paragraph's text up to the caret, leaf nodes as
 * U+FFFC) in `lang`, or null to insert it as typed. `spaceReplaceable` says whether an ordinary
 * space right before the caret may become a no-break space (false when it is others' text in
 * negotiation mode). Pure: the model of the randomized tests uses it through the plugin only.
 */
export function quoteReplacement(typed: string, before: string, lang: Language, spaceReplaceable = true): QuoteReplacement | null {
  const style = QUOTE_STYLES[lang];
  if (!style) return null;
  const prev = before.slice(-1);
  if (typed === "'") {
    if (!style.single) return style.apostrophe && prev && !opensAfter(prev) ? { back: 0, text: style.apostrophe } : null;
    return { back: 0, text: opensAfter(prev) ? style.single[0] : style.single[1] };
  }
  if (typed === '"') {
    if (!style.double) return null;
    const [open, close] = style.double;
    if (!style.space) return { back: 0, text: opensAfter(prev) ? open : close };
    // French: after a space, the quote still closes when a « before the caret is unclosed.
    const unclosed = before.lastIndexOf(open) > before.lastIndexOf(close);
    const opening = opensAfter(prev) && !(unclosed && isSpace(prev));
    if (opening) return { back: 0, text: open + style.space };
    if (prev === ' ' && spaceReplaceable) return { back: 1, text: style.space + close };
    return { back: 0, text: isSpace(prev) ? close : style.space + close };
  }
  if (HIGH_PUNCT.has(typed) && style.space) {
    if (prev === ' ') return spaceReplaceable ? { back: 1, text: style.space + typed } : null;
    if (prev === '' || isSpace(prev) || HIGH_PUNCT.has(prev)) return null;
    // A time (10:30) or an address (http:) keeps its colon tight.
    if (typed === ':' && (/\d/u.test(prev) || /(?:https?|ftp|mailto|file)$/iu.test(before))) return null;
    return /[\p{L}\p{N}\u00BB\u201D\u2019)\]]/u.test(prev) ? { back: 0, text: style.space + typed } : null;
  }
  return null;
}

/** What the last replacement did, so that Backspace right after it can give back what was typed. */
interface Pending {
  from: number;
  to: number;
  /** What stood in [from, to) as typed (the straight quote, or " ;"). */
  typed: string;
  replacement: string;
}

/** Key of the quotes plugin; its state is the replacement Backspace may take back. */
export const quotesKey = new PluginKey<Pending | null>('plenary-quotes');

/** The document's language (every paragraph shares it). */
const langOf = (state: EditorState): Language => (state.doc.attrs.meta as FrontMatter).language;

/**
 * Whether an ordinary space at `pos` may become a no-break space. Never in negotiation mode:
 * there a replacement of existing text is a proposed deletion plus an insertion (two undo steps,
 * and others' text marked), where the delegate typed one character; the space stays as typed.
 */
function spaceReplaceable(state: EditorState, pos: number): boolean {
  if (settingsOf(state).enabled) return false;
  const node = state.doc.resolve(pos).nodeAfter;
  return Boolean(node?.isText && !node.marks.some((m) => m.type === DEL));
}

/**
 * The transaction that typing `text` over [from, to) makes: the typographic replacement when the
 * rule applies (with the record Backspace uses), else null (the view then inserts `text` as typed).
 */
export function quoteInput(state: EditorState, from: number, to: number, text: string): Transaction | null {
  if (!TRIGGERS.has(text)) return null;
  const $from = state.doc.resolve(from);
  if (!$from.parent.inlineContent) return null;
  const before = paraChars($from.parent, $from.parentOffset)
    .map((c) => c.ch)
    .join('');
  const lang = langOf(state);
  const r = quoteReplacement(text, before, lang, $from.parentOffset > 0 && spaceReplaceable(state, from - 1));
  if (!r) return null;
  const at = from - r.back;
  const typed = state.doc.textBetween(at, from) + text;
  const tr = state.tr.insertText(r.text, at, to);
  tr.setMeta(quotesKey, { from: at, to: at + r.text.length, typed, replacement: r.text } satisfies Pending);
  return tr;
}

/** What the delegate's typing of `text` at the selection does: the replacement, or the text as typed. */
export function typeText(state: EditorState, text: string): Transaction {
  const { from, to } = state.selection;
  return quoteInput(state, from, to, text) ?? state.tr.insertText(text, from, to);
}

/** Backspace right after a replacement: puts back exactly what was typed (ProseMirror's undoInputRule). */
export const undoQuote: Command = (state, dispatch) => {
  const p = quotesKey.getState(state);
  const sel = state.selection;
  if (!p || !sel.empty || sel.head !== p.to || state.doc.textBetween(p.from, p.to) !== p.replacement) return false;
  if (dispatch) dispatch(state.tr.insertText(p.typed, p.from, p.to).setMeta(quotesKey, null));
  return true;
};

/**
 * The plugin: replaces quotes as they are typed (not while an input method composes), and keeps
 * the last replacement until anything but the appended transactions of its own step happens.
 */
export function quotesPlugin(): Plugin<Pending | null> {
  return new Plugin<Pending | null>({
    key: quotesKey,
    state: {
      init: () => null,
      apply(tr, prev) {
        const meta = tr.getMeta(quotesKey) as Pending | null | undefined;
        if (meta !== undefined) return meta;
        if (!prev) return null;
        // Negotiation tracking and auto-punctuation append to the typing step: follow them.
        if (tr.getMeta('appendedTransaction')) {
          const from = tr.mapping.map(prev.from, -1);
          const to = tr.mapping.map(prev.to, 1);
          return to - from === prev.replacement.length ? { ...prev, from, to } : null;
        }
        return tr.docChanged || tr.selectionSet ? null : prev;
      },
    },
    props: {
      handleTextInput(view, from, to, text) {
        if (!TRIGGERS.has(text) || view.composing) return false;
        const tr = quoteInput(view.state, from, to, text);
        if (!tr) return false;
        view.dispatch(tr.scrollIntoView());
        return true;
      },
      handleKeyDown(view, event) {
        if (event.key !== 'Backspace' || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return false;
        return undoQuote(view.state, view.dispatch);
      },
    },
  });
}

/** Straight quotes and the typographic ones they map to, for {@link convertQuotes}. */
const TO_STRAIGHT: Readonly<Record<string, string>> = {
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2018': "'", '\u2019': "'", '\u201A': "'",
};

/**
 * The characters of a textblock up to `end` (its content offset), each with its offset; an inline
 * node that is not text (a footnote, a cross-reference) is one U+FFFC, its own text left out.
 */
function paraChars(block: PMNode, end = block.content.size): { ch: string; offset: number; live: boolean }[] {
  const out: { ch: string; offset: number; live: boolean }[] = [];
  block.forEach((child, offset) => {
    if (offset >= end) return;
    const live = !child.marks.some((m) => m.type === DEL);
    if (!child.isText) out.push({ ch: '\uFFFC', offset, live: false });
    else for (let i = 0; i < Math.min(child.text!.length, end - offset); i++) out.push({ ch: child.text![i]!, offset: offset + i, live });
  });
  return out;
}

/** The replacements of the textblocks' characters within [from, to): [pos, length, text]. */
function conversions(doc: PMNode, from: number, to: number, mode: 'typographic' | 'straight', lang: Language): [number, number, string][] {
  const out: [number, number, string][] = [];
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.inlineContent) return true;
    const start = pos + 1;
    const chars = paraChars(node);
    const text = chars.map((c) => c.ch);
    let typed = ''; // the paragraph as if typed again, to decide opening and closing in order
    let lastEnd = -1;
    for (let i = 0; i < chars.length; i++) {
      const c = text[i]!;
      const at = start + chars[i]!.offset;
      const inside = at >= from && at < to && chars[i]!.live;
      if (inside && mode === 'straight' && TO_STRAIGHT[c]) {
        // A no-break space set inside « » goes with the guillemet.
        const after = c === '\u00AB' && /[\u00A0\u202F]/u.test(text[i + 1] ?? '') && chars[i + 1]!.live ? 1 : 0;
        const back = c === '\u00BB' && /[\u00A0\u202F]/u.test(text[i - 1] ?? '') && chars[i - 1]!.live && at - 1 >= Math.max(from, lastEnd) ? 1 : 0;
        out.push([at - back, 1 + back + after, TO_STRAIGHT[c]!]);
        lastEnd = at + 1 + after;
        typed += TO_STRAIGHT[c]!;
        i += after;
        continue;
      }
      if (inside && mode === 'typographic' && (c === '"' || c === "'")) {
        const r = quoteReplacement(c, typed, lang, false);
        if (r) {
          out.push([at, 1, r.text]);
          typed += r.text;
          continue;
        }
      }
      typed += c;
    }
    return false;
  });
  return out;
}

/**
 * Edit › Straighten quotes / Typographic quotes in the selection: every quote in the selected text
 * (text proposed for deletion left alone) becomes straight, or typographic by the document's
 * language, in one transaction (one undo step; a tracked proposal in negotiation mode). False
 * when there is nothing to change.
 */
export function convertQuotes(mode: 'typographic' | 'straight'): Command {
  return (state, dispatch) => {
    const { from, to } = state.selection;
    if (from === to) return false;
    const changes = conversions(state.doc, from, to, mode, langOf(state));
    if (!changes.length) return false;
    if (dispatch) {
      const tr = state.tr;
      // From the end, so earlier positions stay valid.
      for (const [pos, len, text] of changes.reverse()) tr.insertText(text, pos, pos + len);
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}
