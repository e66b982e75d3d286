// The editing model shared by the randomized undo tests (headless) and the Chromium key test:
// actions on a real EditorState with all the app's plugins, and the invariants checked after each.
import fc from 'fast-check';
import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { undo, redo, undoDepth, redoDepth } from 'prosemirror-history';
import { baseKeymap } from 'prosemirror-commands';
import type { Node as PMNode } from 'prosemirror-model';
import { createEditorState } from '../../src/shared/editor/state.js';
import { buildStructureState, structureKey } from '../../src/shared/editor/plugins/structure.js';
import type { DecorationSet } from 'prosemirror-view';
import { findIdFixes } from '../../src/shared/editor/plugins/ids.js';
import { findKey, findMatches, replaceAll, replaceCurrent, setFindQuery } from '../../src/shared/editor/plugins/find.js';
import { quotesKey, typeText, undoQuote } from '../../src/shared/editor/plugins/quotes.js';
import {
  convertKind,
  indent,
  insertAgreed,
  insertCrossRef,
  insertFootnote,
  moveParagraph,
  moveParagraphTo,
  outdent,
  punctuate,
  setMeta,
  splitParagraph,
  togglePhrase,
} from '../../src/shared/editor/commands/index.js';
import {
  acceptProposal,
  deleteParagraph,
  listProposals,
  rejectProposal,
  setParagraphStatus,
  toggleBrackets,
  withdrawProposal,
  type ParagraphStatusValue,
} from '../../src/shared/editor/negotiation/index.js';
import { computeStructure } from '../../src/shared/resolution/structure.js';
import { fromDoc } from '../../src/shared/resolution/convert.js';
import { baseView } from '../../src/shared/negotiation/views.js';
import { schema } from '../../src/shared/resolution/schema.js';
import { emptyFrontMatter, type FrontMatter, type Language } from '../../src/shared/resolution/model.js';

/** One user action. Numbers in [0, 1) pick a position, paragraph or proposal in the current state. */
export type Action =
  | { t: 'type'; text: string }
  | { t: 'key'; key: 'Enter' | 'Backspace' | 'Delete' | 'Tab' | 'Shift-Tab' | 'Alt-Up' | 'Alt-Down' | 'Convert' | 'Phrase' | 'Footnote' | 'Brackets' | 'Punctuate' }
  | { t: 'click'; at: number }
  | { t: 'select'; at: number; len: number }
  | { t: 'undo' }
  | { t: 'redo' }
  | { t: 'xref'; para: number }
  | { t: 'agreed'; kind: 'pp' | 'op' | 'sub'; text: string }
  | { t: 'status'; para: number; status: ParagraphStatusValue }
  | { t: 'deletePara'; para: number }
  | { t: 'drag'; para: number; before: number }
  | { t: 'meta'; title: string }
  | { t: 'find'; query: string }
  | { t: 'replace'; all: boolean; text: string }
  | { t: 'proposal'; which: number; verb: 'accept' | 'reject' | 'withdraw' };

/**
 * Words typed per language: openings (so kind-follows-opening fires), plain words, and the quote
 * keys (typed quotes become typographic ones: see `typedChar`; French also spaces ; : ? !).
 */
export const WORDS: Record<'en' | 'fr' | 'ar', string[]> = {
  en: ['Requests ', 'Recalling ', 'Decides ', 'Noting ', 'alpha', ' beta', 'gamma ', 'x', 'y', '"', "'", ' "q', "n't"],
  fr: ['Décide ', 'Rappelant ', 'Prie ', 'Notant ', 'élan', ' été', 'ça ', 'x', 'ü', '"', "l'", ' "q', ' ;', '?'],
  ar: ['يقرر ', 'إذ تشير ', 'يطلب ', 'إذ تلاحظ ', 'ألف', ' باء', 'جيم ', 'ب', 'ت', '"', "'"],
};

/** The quote characters the letters model counts, straight and typographic. */
const NOT_COUNTED = /[^\p{L}\p{N}"'\u201C\u201D\u2018\u2019\u00AB\u00BB]/gu;

/**
 * What the model says a typed character becomes (the quote rule's specification, written here
 * apart from src/shared/editor/plugins/quotes.ts): in English " is “ at a paragraph start or after
 * a space, an opening bracket, a dash, a slash, an opening quote or a footnote/cross-reference
 * mark, else ”; ' likewise ‘ or ’. In French " is « (or », after a space while a « before it is
 * unclosed) and ' is ’ after anything that would close a quote, else '. Arabic keeps them straight.
 * `before` is the paragraph's text before the caret. Footnotes (their own small editor) keep them.
 */
export function typedChar(ch: string, before: string, lang: 'en' | 'fr' | 'ar'): string {
  if (lang === 'ar' || (ch !== '"' && ch !== "'")) return ch;
  const prev = before.slice(-1);
  const opens = prev === '' || /[\s([{\u2014\u2013\-/\u201C\u2018\u00AB\u201E\uFFFC]/u.test(prev);
  if (lang === 'en') return ch === '"' ? (opens ? '\u201C' : '\u201D') : opens ? '\u2018' : '\u2019';
  if (ch === "'") return opens ? "'" : '\u2019';
  const unclosed = before.lastIndexOf('\u00AB') > before.lastIndexOf('\u00BB');
  return opens && !(unclosed && /\s/u.test(prev)) ? '\u00AB' : '\u00BB';
}

/** A fast-check generator of actions for one language. */
export function actionArb(lang: 'en' | 'fr' | 'ar'): fc.Arbitrary<Action> {
  const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
  const word = fc.constantFrom(...WORDS[lang]);
  const keys = fc.constantFrom('Enter', 'Backspace', 'Delete', 'Tab', 'Shift-Tab', 'Alt-Up', 'Alt-Down', 'Convert', 'Phrase', 'Footnote', 'Brackets', 'Punctuate') as fc.Arbitrary<
    Extract<Action, { t: 'key' }>['key']
  >;
  return fc.oneof(
    { weight: 8, arbitrary: word.map((text) => ({ t: 'type' as const, text })) },
    { weight: 8, arbitrary: keys.map((key) => ({ t: 'key' as const, key })) },
    { weight: 2, arbitrary: fc.constantFrom('Backspace', 'Delete').map((key) => ({ t: 'key' as const, key: key as 'Backspace' | 'Delete' })) },
    { weight: 4, arbitrary: unit.map((at) => ({ t: 'click' as const, at })) },
    { weight: 2, arbitrary: fc.record({ at: unit, len: fc.integer({ min: 1, max: 30 }) }).map((r) => ({ t: 'select' as const, ...r })) },
    { weight: 5, arbitrary: fc.constant({ t: 'undo' as const }) },
    { weight: 3, arbitrary: fc.constant({ t: 'redo' as const }) },
    { weight: 1, arbitrary: unit.map((para) => ({ t: 'xref' as const, para })) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('pp' as const, 'op' as const, 'sub' as const), text: word }).map((r) => ({ t: 'agreed' as const, ...r })) },
    { weight: 1, arbitrary: fc.record({ para: unit, status: fc.constantFrom<ParagraphStatusValue>('', 'agreed', 'adref', 'pending') }).map((r) => ({ t: 'status' as const, ...r })) },
    { weight: 1, arbitrary: unit.map((para) => ({ t: 'deletePara' as const, para })) },
    { weight: 1, arbitrary: fc.record({ para: unit, before: unit }).map((r) => ({ t: 'drag' as const, ...r })) },
    { weight: 1, arbitrary: word.map((title) => ({ t: 'meta' as const, title })) },
    { weight: 1, arbitrary: fc.constantFrom('a', 'e', 'x', 'ب', 'é').map((query) => ({ t: 'find' as const, query })) },
    { weight: 1, arbitrary: fc.record({ all: fc.boolean(), text: fc.constantFrom('', 'Z', 'ü') }).map((r) => ({ t: 'replace' as const, ...r })) },
    { weight: 2, arbitrary: fc.record({ which: unit, verb: fc.constantFrom('accept' as const, 'reject' as const, 'withdraw' as const) }).map((r) => ({ t: 'proposal' as const, ...r })) },
  );
}

/** The starting document of a run: a new draft's two paragraphs, with some text. */
export function startDoc(lang: Language): PMNode {
  const para = (type: 'pp' | 'op', id: string, text: string) =>
    schema.nodes[type].create({ id, level: 0, tail: false, phrase: null, status: '', holder: '', provenance: null, base: null }, text ? schema.text(text) : null);
  const w = WORDS[lang as 'en' | 'fr' | 'ar'];
  return schema.nodes.doc.create({ meta: emptyFrontMatter({ language: lang }) }, [
    para('pp', 'pstart1', `${w[1]}${w[4]}`),
    para('op', 'pstart2', `${w[0]}${w[5]}`),
  ]);
}

/** Options of a run. */
export interface RunOptions {
  lang: 'en' | 'fr' | 'ar';
  negotiation: boolean;
}

/** A new editor state for a run, with every plugin of the app. */
export function startState(o: RunOptions): EditorState {
  const negotiation = o.negotiation
    ? { enabled: true, delegation: 'EU', delegations: [{ name: 'EU', color: '#00f' }, { name: 'G77', color: '#f00' }] }
    : {};
  return createEditorState(startDoc(o.lang), { negotiation });
}

/**
 * Letters, digits and quote marks of the live text (proposed deletions and the old places of
 * proposed moves excluded): what the user wrote.
 */
export function letters(doc: PMNode): string {
  const del = schema.marks.deletion;
  let out = '';
  doc.descendants((n) => {
    if ((n.attrs.proposal as { kind?: string } | null | undefined)?.kind === 'move-from') return false;
    // A footnote proposed for deletion takes its text with it.
    if (del && n.marks.some((m) => m.type === del)) return false;
    if (n.isText) out += (n.text ?? '').replace(NOT_COUNTED, '');
    return true;
  });
  return [...out].sort().join('');
}

function lettersOf(s: string): string {
  return [...s.replace(NOT_COUNTED, '')].sort().join('');
}

/** The caret's paragraph text before it; a footnote or cross-reference is one U+FFFC. */
function textBefore(s: EditorState): string {
  const $h = s.selection.$from;
  let out = '';
  $h.parent.forEach((child, offset) => {
    if (offset < $h.parentOffset) out += child.isText ? child.text!.slice(0, $h.parentOffset - offset) : '\uFFFC';
  });
  return out;
}

/** Every form a typed quote may take (for expectations that are only a bound). */
function anyForm(s: string): string {
  return s.replace(/"/g, '"\u201C\u201D\u00AB\u00BB').replace(/'/g, "'\u2018\u2019");
}

function minus(a: string, b: string): string | null {
  const rest = [...a];
  for (const ch of b) {
    const i = rest.indexOf(ch);
    if (i < 0) return null;
    rest.splice(i, 1);
  }
  return rest.join('');
}

/** What the model expects of the live letters after an action: exactly, or "no new letters". */
type LetterExpectation = { exact: string } | { subsetOf: string } | { any: true };

const paraIds = (s: EditorState) => structureKey.getState(s)!.structure.paras.map((p) => p.id);
const pick = <T>(xs: readonly T[], u: number): T | undefined => xs[Math.floor(u * xs.length)];

/** The live text between two positions. */
function liveBetween(doc: PMNode, from: number, to: number): string {
  let out = '';
  doc.nodesBetween(from, to, (n, pos) => {
    if (n.isText && !n.marks.some((m) => m.type === schema.marks.deletion)) out += (n.text ?? '').slice(Math.max(0, from - pos), to - pos);
    return true;
  });
  return out;
}

/** Applies `a` to `state`; returns the new state and what it should do to the live letters. */
export function applyAction(
  state: EditorState,
  a: Action,
  o: RunOptions,
): { state: EditorState; expect: LetterExpectation; changed: boolean; intermediate?: PMNode } {
  let s = state;
  const run = (c: Command): boolean => c(s, (tr) => (s = s.apply(tr)));
  const before = letters(state.doc);
  let expect: LetterExpectation = { exact: before };
  let intermediate: PMNode | undefined;
  switch (a.t) {
    case 'type': {
      const { from, to } = s.selection;
      // A node selection (a footnote) or a selection across paragraphs: typing replaces it.
      const removed = lettersOf(liveBetween(s.doc, from, to));
      // Character by character, as typed: the word must be one undo step, in negotiation mode too.
      // There, typing over a selection is two: the replacement (the selection becomes a proposed
      // deletion, recorded by undo-and-replay) and the typing that follows it.
      // Or one, when history finds the typing adjacent to the replayed replacement.
      let firstDepth = -1;
      let typed = '';
      [...a.text].forEach((ch, k) => {
        const depth = undoDepth(s);
        // As the view types: the quote rule may replace the character (never in a footnote, whose
        // small editor has no quote rule).
        const $h = s.selection.$from;
        const inNote = $h.parent.type.name === 'footnote';
        typed += inNote ? ch : typedChar(ch, textBefore(s), o.lang);
        s = s.apply(inNote ? s.tr.insertText(ch) : typeText(s, ch));
        if (k === 0 && o.negotiation && to > from && a.text.length > 1 && undoDepth(s) !== depth) {
          intermediate = s.doc;
          firstDepth = undoDepth(s);
        }
      });
      if (undoDepth(s) === firstDepth) intermediate = undefined;
      const m = minus(before, removed);
      // Typed into a footnote proposed for deletion: recorded, but not live text.
      const $f = state.selection.$from;
      const inDeleted = $f.parent.type.name === 'footnote' && $f.depth > 0 && Boolean($f.node($f.depth - 1).child($f.index($f.depth - 1)).marks.some((mk) => mk.type === schema.marks.deletion));
      const bound = { subsetOf: [...before, ...lettersOf(anyForm(a.text))].sort().join('') };
      expect = m === null || inDeleted || to > from ? bound : { exact: [...m, ...lettersOf(typed)].sort().join('') };
      break;
    }
    case 'key':
      // In a footnote the keys go to its inner editor, which has only text, undo and redo: keys
      // at its boundaries and the outer editor's commands do nothing there.
      if (s.selection.$from.parent.type.name === 'footnote') {
        const $p = s.selection.$from;
        const n = a.key === 'Backspace' ? $p.nodeBefore : a.key === 'Delete' ? $p.nodeAfter : null;
        if (!n || !s.selection.empty) break;
      }
      expect = keyAction(a.key, () => s, (c) => run(c), (tr) => (s = s.apply(tr)), before);
      break;
    case 'click': {
      const pos = Math.floor(a.at * (s.doc.content.size + 1));
      s = s.apply(s.tr.setSelection(TextSelection.near(s.doc.resolve(Math.min(pos, s.doc.content.size)))));
      break;
    }
    case 'select': {
      const from = Math.floor(a.at * s.doc.content.size);
      const to = Math.min(s.doc.content.size, from + a.len);
      const $a = TextSelection.near(s.doc.resolve(from), 1).$anchor;
      const $h = TextSelection.near(s.doc.resolve(to), -1).$head;
      // A footnote's text is edited in its own small editor: a selection never reaches into it
      // from the paragraph (the outer view does not render it), only within it.
      const inFootnote = ($x: typeof $a) => $x.parent.type.name === 'footnote';
      const reachable = inFootnote($a) || inFootnote($h) ? $a.parent === $h.parent : true;
      if ($a.parent.inlineContent && $h.parent.inlineContent && $a.pos <= $h.pos && reachable) s = s.apply(s.tr.setSelection(TextSelection.between($a, $h)));
      break;
    }
    case 'undo':
      run(undo);
      expect = { any: true };
      break;
    case 'redo':
      run(redo);
      expect = { any: true };
      break;
    case 'xref': {
      const id = pick(paraIds(s), a.para);
      if (id) run(insertCrossRef([id]));
      expect = { subsetOf: before };
      break;
    }
    case 'agreed':
      run(insertAgreed({ symbol: 'A/RES/1/1', designation: 'PP1', kind: a.kind, text: a.text }));
      expect = { subsetOf: [...before, ...lettersOf(a.text)].sort().join('') };
      break;
    case 'status': {
      const id = pick(paraIds(s), a.para);
      if (id) run(setParagraphStatus(id, a.status, 'EU'));
      break;
    }
    case 'deletePara': {
      const id = pick(paraIds(s), a.para);
      if (id) run(deleteParagraph(id));
      expect = { subsetOf: before };
      break;
    }
    case 'drag': {
      const ids = paraIds(s);
      const id = pick(ids, a.para);
      if (id) run(moveParagraphTo(id, pick(ids, a.before) ?? null));
      break;
    }
    case 'meta':
      run(setMeta({ title: a.title }));
      break;
    case 'find':
      run(setFindQuery(a.query));
      break;
    case 'replace': {
      const q = findKey.getState(s)!.query;
      if (q) run(a.all ? replaceAll(a.text) : replaceCurrent(a.text));
      expect = { any: true };
      break;
    }
    case 'proposal': {
      const p = pick(listProposals(s), a.which);
      if (p) run(a.verb === 'accept' ? acceptProposal(p.id) : a.verb === 'reject' ? rejectProposal(p.id) : withdrawProposal(p.id));
      expect = { any: true };
      break;
    }
  }
  // Text typed or deleted at the old place of a proposed move is not live text (it goes with the
  // ghost when the move is accepted): the letters may not change as they would elsewhere.
  if ('exact' in expect && (a.t === 'type' || a.t === 'key') && touchesGhost(state)) {
    expect = { subsetOf: [...before, ...(a.t === 'type' ? lettersOf(a.text) : '')].sort().join('') };
  }
  // A new history event, or a change of the text (which must then be one): both are a model step.
  // Replacing "ت" by "ت" is an event whose document is equal: undoing it is still a step.
  return { state: s, expect, changed: undoDepth(s) !== undoDepth(state) || redoDepth(s) !== redoDepth(state) || !s.doc.eq(state.doc), intermediate };
}

/** Whether the selection touches the old place of a proposed move (a move-from ghost). */
function touchesGhost(s: EditorState): boolean {
  let found = false;
  const { from, to } = s.selection;
  s.doc.nodesBetween(Math.max(0, from - 1), Math.min(s.doc.content.size, to + 1), (n) => {
    if ((n.attrs.proposal as { kind?: string } | null | undefined)?.kind === 'move-from') found = true;
    return !found && !n.isInline;
  });
  return found;
}

function keyAction(
  key: Extract<Action, { t: 'key' }>['key'],
  get: () => EditorState,
  run: (c: Command) => boolean,
  dispatch: (tr: Transaction) => void,
  before: string,
): LetterExpectation {
  const s = get();
  switch (key) {
    case 'Enter':
      run(splitParagraph);
      return { subsetOf: before };
    case 'Backspace':
    case 'Delete': {
      const dir = key === 'Backspace' ? -1 : 1;
      const sel = s.selection;
      const $p = sel.$from;
      const n = dir < 0 ? $p.nodeBefore : $p.nodeAfter;
      // Backspace right after a typographic quote gives back exactly what was typed.
      const q = quotesKey.getState(s);
      if (dir < 0 && q && undoQuote(s)) {
        run(undoQuote);
        const m = minus(before, lettersOf(q.replacement));
        return m === null ? { subsetOf: before } : { exact: [...m, ...lettersOf(q.typed)].sort().join('') };
      }
      if (sel.empty && $p.parent.inlineContent && n) {
        // What the browser (or negotiation mode's key handler) does: delete one character.
        const len = n.isText ? 1 : n.nodeSize;
        const from = dir < 0 ? $p.pos - len : $p.pos;
        // Negotiation mode keeps a deleted character (marked): the next key skips over it.
        const text = n.isText ? nextLiveChar(s, $p.pos, dir) : '';
        dispatch(s.tr.delete(from, from + len));
        if (!n.isText) {
          // A footnote goes with its text (as in Word); one already proposed for deletion is skipped.
          const gone = n.type.name === 'footnote' && !n.marks.some((mk) => mk.type === schema.marks.deletion) ? minus(before, lettersOf(n.textContent)) : null;
          return gone === null ? { subsetOf: before } : { exact: gone };
        }
        const m = text === UNCERTAIN ? null : minus(before, lettersOf(text));
        return m === null ? { subsetOf: before } : { exact: m };
      }
      const bk = baseKeymap[key]!;
      run(bk);
      return { subsetOf: before };
    }
    case 'Tab':
      run(indent);
      break;
    case 'Shift-Tab':
      run(outdent);
      break;
    case 'Alt-Up':
      run(moveParagraph(-1));
      break;
    case 'Alt-Down':
      run(moveParagraph(1));
      break;
    case 'Convert':
      run(convertKind);
      break;
    case 'Phrase':
      run(togglePhrase);
      break;
    case 'Footnote':
      run(insertFootnote);
      return { subsetOf: before };
    case 'Brackets':
      run(toggleBrackets);
      break;
    case 'Punctuate':
      run(punctuate());
      break;
  }
  return { exact: before };
}

const UNCERTAIN = '\u0000';

/** The first character from `pos` in direction `dir` within its paragraph not proposed for deletion. */
function nextLiveChar(s: EditorState, pos: number, dir: -1 | 1): string {
  const $p = s.doc.resolve(pos);
  const start = $p.start();
  const end = $p.end();
  for (let q = pos; dir < 0 ? q > start : q < end; q += dir) {
    const a = dir < 0 ? q - 1 : q;
    const $q = s.doc.resolve(q);
    const node = dir < 0 ? $q.nodeBefore : $q.nodeAfter;
    if (!node) return '';
    const live = !node.marks.some((m) => m.type === schema.marks.deletion);
    // The first live item may be a footnote: it goes with its text.
    if (!node.isText) {
      // The key handler stops its skip at a deleted footnote or cross-reference: not modelled.
      return live ? node.textContent : UNCERTAIN;
    }
    if (live) return s.doc.textBetween(a, a + 1);
  }
  return '';
}

/** A decoration set as comparable text: range, attributes and spec of each decoration, sorted. */
export function decorationKeys(set: DecorationSet): string {
  return set
    .find()
    .map((d) => {
      const attrs = (d as unknown as { type: { attrs?: unknown } }).type.attrs ?? null;
      const spec = Object.fromEntries(Object.entries(d.spec as Record<string, unknown>).filter(([, v]) => typeof v !== 'function'));
      return `${d.from}-${d.to} ${JSON.stringify(attrs)} ${JSON.stringify(spec)}`;
    })
    .sort()
    .join('\n');
}

/** Throws when a document invariant does not hold in `s`. */
export function checkInvariants(s: EditorState): void {
  s.doc.check();
  const fixes = findIdFixes(s.doc);
  if (fixes.length) throw new Error(`missing or duplicate ids at ${fixes.map((f) => f.pos).join(', ')}`);
  const meta = s.doc.attrs.meta as FrontMatter;
  const fresh = computeStructure(s.doc, meta.language);
  const kept = structureKey.getState(s)!;
  const show = (st: typeof fresh) => st.paras.map((p) => `${p.id}@${p.pos}:${p.label}|${p.designation}|${p.role}`).join('\n');
  if (show(fresh) !== show(kept.structure)) throw new Error(`stale structure:\n${show(kept.structure)}\n≠\n${show(fresh)}`);
  // The incrementally kept decorations (labels, phrases, footnote numbers) equal a fresh build.
  const shown = decorationKeys(kept.decorations);
  const rebuilt = decorationKeys(buildStructureState(s).decorations);
  if (shown !== rebuilt) throw new Error(`stale decorations:\n${shown}\n≠\n${rebuilt}`);
  const fn: string[] = [];
  s.doc.descendants((n) => {
    if (n.type.name === 'footnote') fn.push(n.attrs.id as string);
    return true;
  });
  const numbered = fn.map((id) => kept.footnotes.get(id));
  if (numbered.some((n, i) => n !== i + 1)) throw new Error(`footnote numbers ${numbered.join(',')}`);
  const f = findKey.getState(s)!;
  const matches = findMatches(s.doc, f.query, f.caseSensitive);
  if (JSON.stringify(matches) !== JSON.stringify(f.matches)) throw new Error('stale find matches');
}

/** Result of a run: the states at each step, for the undo-all / redo-all checks. */
export interface RunResult {
  start: EditorState;
  end: EditorState;
  steps: number;
}

/**
 * Runs `actions`, checking after every step the invariants, the letters model and the history
 * model (a stack of the documents after each action that changed the document: undo returns the
 * previous one exactly, redo the next). Then undoes everything (must give the start document) and
 * redoes everything (must give the end document). Throws on the first violation.
 */
export function runModel(actions: readonly Action[], o: RunOptions): RunResult {
  // A clock that advances 10 s per action: each action is then its own history event, as when a
  // delegate pauses, while the transactions of one action (and those appended to them) share a time.
  const realNow = Date.now;
  let clock = realNow();
  Date.now = () => clock;
  try {
    return runWithClock(actions, o, () => (clock += 10_000));
  } finally {
    Date.now = realNow;
  }
}

function runWithClock(actions: readonly Action[], o: RunOptions, tick: () => void): RunResult {
  const start = startState(o);
  let s = start;
  const done: PMNode[] = [start.doc];
  let undone: PMNode[] = [];
  actions.forEach((a, i) => {
    tick();
    const r = applyAction(s, a, o);
    const where = `step ${i} ${JSON.stringify(a)}`;
    try {
      checkInvariants(r.state);
    } catch (e) {
      throw new Error(`${where}: ${(e as Error).message}`, { cause: e });
    }
    // In negotiation mode a move, Tab, Shift+Tab or conversion is a proposal: the base text (every
    // proposal rejected, as the base export shows it) stays exactly as it was.
    const structural = a.t === 'drag' || (a.t === 'key' && ['Tab', 'Shift-Tab', 'Alt-Up', 'Alt-Down', 'Convert'].includes(a.key));
    if (o.negotiation && structural && JSON.stringify(baseView(fromDoc(r.state.doc))) !== JSON.stringify(baseView(fromDoc(s.doc)))) {
      throw new Error(`${where}: the base text changed\n${s.doc}\n→\n${r.state.doc}`);
    }
    const got = letters(r.state.doc);
    const e = r.expect;
    if ('exact' in e && got !== e.exact) throw new Error(`${where}: letters ${JSON.stringify(got)} ≠ expected ${JSON.stringify(e.exact)}`);
    if ('subsetOf' in e && minus(e.subsetOf, got) === null) throw new Error(`${where}: letters ${JSON.stringify(got)} not within ${JSON.stringify(e.subsetOf)}`);
    if (a.t === 'undo') {
      if (r.changed) {
        undone.push(done.pop()!);
        if (!r.state.doc.eq(done[done.length - 1]!)) throw new Error(`${where}: undo did not restore the previous document\n${r.state.doc}\n≠\n${done[done.length - 1]}`);
      } else if (done.length > 1) throw new Error(`${where}: undo did nothing with ${done.length - 1} steps`);
    } else if (a.t === 'redo') {
      if (r.changed) {
        const next = undone.pop();
        if (!next || !r.state.doc.eq(next)) throw new Error(`${where}: redo did not restore the next document\n${r.state.doc}\n≠\n${next}`);
        done.push(next);
      } else if (undone.length) throw new Error(`${where}: redo did nothing with ${undone.length} steps`);
    } else if (r.changed) {
      if (r.intermediate) done.push(r.intermediate);
      done.push(r.state.doc);
      undone = [];
    }
    s = r.state;
  });
  // Redo what is still undone (checked against the model), so that undo-all then redo-all must
  // come back to the same document.
  while (undone.length) {
    const next = undone.pop()!;
    redo(s, (tr) => (s = s.apply(tr)));
    if (!s.doc.eq(next)) throw new Error(`final redo did not restore the next document\n${s.doc}\n≠\n${next}`);
  }
  const end = s;
  for (let k = 0; k < 1000 && undoDepth(s) > 0; k++) undo(s, (tr) => (s = s.apply(tr)));
  if (!s.doc.eq(start.doc)) throw new Error(`undo-all did not return the start document:\n${s.doc}\n≠\n${start.doc}`);
  for (let k = 0; k < 1000 && redoDepth(s) > 0; k++) redo(s, (tr) => (s = s.apply(tr)));
  if (!s.doc.eq(end.doc)) throw new Error(`redo-all did not return the end document:\n${s.doc}\n≠\n${end.doc}`);
  return { start, end, steps: actions.length };
}
