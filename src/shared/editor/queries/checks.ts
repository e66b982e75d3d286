/**
 * Computes the checks panel's findings from an editor state, and applies their fixes.
 */
import type { EditorState, Transaction } from 'prosemirror-state';
import { closeHistory } from 'prosemirror-history';
import type { FrontMatter } from '../../resolution/model.js';
import { checkEndPunctuation, textChecks, type EndPunctuationIssue, type TextIssue } from '../../resolution/punctuation.js';
import { paraAcceptedText, spanInFullText, type EffectiveRole, type ParaInfo } from '../../resolution/structure.js';
import { structureKey, xrefText } from '../plugins/structure.js';
import { punctuateTr } from '../commands/text.js';
import { styleFindings, type StyleFinding } from './checks-style.js';

/** One finding as the checks panel lists it. */
export interface CheckItem {
  key: string;
  paraId: string;
  designation: string;
  message: string;
  /** Whether a one-click fix exists. */
  fixable: boolean;
  /** What kind of deviation (see Finding); absent for items made elsewhere. */
  kind?: 'punctuation' | 'text' | 'hint' | 'xref' | 'style';
}

/** A finding with what is needed to fix it. */
export interface Finding extends CheckItem {
  kind: NonNullable<CheckItem['kind']>;
  /** For text and style findings: absolute document range and replacement; `found`, when set, is the text the fix expects there. */
  range?: { from: number; to: number; replacement: string; found?: string };
}

const HINT_MESSAGES: Record<string, string> = {
  'pp-in-op': 'Opens like a preambular paragraph but stands among the operative paragraphs.',
  'op-in-pp': 'Opens like an operative paragraph but stands in the preamble.',
  'op-unknown': 'Does not open with a usual operative verb.',
};

interface ParagraphChecks {
  key: string;
  empty: boolean;
  /** Whether the paragraph has open proposals: its checks read the text as if they were accepted. */
  proposals: boolean;
  end: ReturnType<typeof checkEndPunctuation>;
  text: ReturnType<typeof textChecks>;
  /** UN style findings (checks-style.ts), offsets in the full text; `replacement` null where no exact fix applies. */
  style: StyleFinding[];
}

// Paragraph nodes are immutable and shared between states: an unchanged paragraph in the same
// role is not checked again when the panel refreshes while the delegate types elsewhere.
const paragraphCache = new WeakMap<ParaInfo['node'], ParagraphChecks>();

function checksOf(p: ParaInfo, lang: FrontMatter['language']): ParagraphChecks {
  const kind = p.level > 0 ? 'sub' : p.section === 'pp' ? 'pp' : 'op';
  const key = `${p.role}|${kind}|${lang}`;
  const hit = paragraphCache.get(p.node);
  if (hit && hit.key === key) return hit;
  // Checks read the text as it would stand if the open proposals were accepted; offsets found in it
  // are mapped back to the paragraph's full text.
  const accepted = paraAcceptedText(p.node);
  const text = accepted.text.replace(/(?<!\uFFFC)\uFFFC+$/, '');
  const empty = text.trim().length === 0;
  // Quoted text (Block.quoted: the paragraph an amendment inserts, replaces or deletes) stands
  // in a pp node but is an operative paragraph, or a fragment, of another text, words exactly as
  // printed there: punctuation, text and style findings would be wrong (";" is right for it) or
  // their fixes would change the words the amendment refers to. Quoted passages inside a
  // paragraph are exempt from style findings for the same reason (text/un-style.ts).
  if (p.node.attrs.quoted) {
    const entry: ParagraphChecks = { key, empty, proposals: accepted.proposals, end: null, text: [], style: [] };
    paragraphCache.set(p.node, entry);
    return entry;
  }
  const ending = acceptedEndingText(p.node);
  const entry: ParagraphChecks = {
    key,
    empty,
    proposals: accepted.proposals,
    end: empty ? null : checkEndPunctuation(ending, p.role, lang),
    text: empty ? [] : textChecks(text, lang, { kind }).map((issue) => {
      const span = spanInFullText(accepted, issue.from, issue.to);
      return { ...issue, from: span.start, to: span.end };
    }),
    style: empty ? [] : styleFindings(text, lang).map((issue) => {
      const span = spanInFullText(accepted, issue.from, issue.to);
      // A span with proposed deletions or a footnote inside has no exact one-step fix: reported only.
      const exact = span.end - span.start === issue.to - issue.from && !issue.found.includes('\uFFFC');
      return { ...issue, from: span.start, to: span.end, replacement: exact ? issue.replacement : null };
    }),
  };
  paragraphCache.set(p.node, entry);
  return entry;
}

/** paraEndingText of the accepted text: footnote references left out, a cross-reference as a word, deleted text out. */
function acceptedEndingText(node: ParaInfo['node']): string {
  let s = '';
  node.forEach((child) => {
    if (child.marks.some((m) => m.type.name === 'deletion')) return;
    if (child.isText) s += child.text ?? '';
    else if (child.type.name === 'xref') s += 'x';
  });
  return s;
}

/** Said after a finding on a paragraph with open proposals. */
export const IF_ACCEPTED = ' (read as if its open proposals were accepted)';

/**
 * How findings are worded. The checks describe what they found in data; the default says it in
 * English (the CLI, tests), the renderer passes wording in the interface language
 * (src/renderer/i18n/checks.ts), so the logic stays in one place.
 */
export interface CheckMessages {
  end(issue: EndPunctuationIssue, role: EffectiveRole, docLang: string): string;
  hint(kind: string): string;
  text(issue: TextIssue, role: 'pp' | 'op' | 'sub'): string;
  xrefBroken(): string;
  /** A UN style finding (spelling, capitalised names, dates, straight quotes). */
  style(issue: StyleFinding): string;
  /** Said after a finding on a paragraph with open proposals. */
  ifAccepted(): string;
}

/** English wording, as the checks themselves say it. */
export const ENGLISH_CHECK_MESSAGES: CheckMessages = {
  end: (issue) => issue.message,
  hint: (kind) => HINT_MESSAGES[kind] ?? kind,
  text: (issue) => issue.message,
  xrefBroken: () => 'A cross-reference points to a deleted paragraph.',
  style: (issue) => issue.message,
  ifAccepted: () => IF_ACCEPTED,
};

/** All findings, in document order, worded by `messages`. */
export function computeFindings(state: EditorState, messages: CheckMessages = ENGLISH_CHECK_MESSAGES): Finding[] {
  const s = structureKey.getState(state);
  if (!s) return [];
  const lang = (state.doc.attrs.meta as FrontMatter).language;
  const out: Finding[] = [];
  for (const p of s.structure.paras) {
    if (p.deleted) continue;
    const checks = checksOf(p, lang);
    const where = p.designation || (p.section === 'pp' ? 'PP' : 'OP');
    if (checks.empty) continue;
    const end = checks.end;
    const said = checks.proposals ? messages.ifAccepted() : '';
    if (end) out.push({ key: `${p.id}-end`, paraId: p.id, designation: where, message: messages.end(end, p.role, lang) + said, fixable: true, kind: 'punctuation' });
    const hint = s.hints.get(p.id);
    if (hint) out.push({ key: `${p.id}-hint`, paraId: p.id, designation: where, message: messages.hint(hint) + said, fixable: false, kind: 'hint' });
    // Offsets from textChecks are in the paragraph's text; map them to positions in the document.
    for (const [k, issue] of checks.text.entries()) {
      const range = issue.fix !== undefined ? { from: textOffsetToPos(p, issue.from), to: textOffsetToPos(p, issue.to), replacement: issue.fix } : undefined;
      out.push({
        key: `${p.id}-t${k}`,
        paraId: p.id,
        designation: where,
        message: messages.text(issue, p.level > 0 ? 'sub' : p.section === 'pp' ? 'pp' : 'op') + said,
        fixable: range !== undefined,
        kind: 'text',
        ...(range ? { range } : {}),
      });
    }
    for (const [k, issue] of checks.style.entries()) {
      const range = issue.replacement !== null ? { from: textOffsetToPos(p, issue.from), to: textOffsetToPos(p, issue.to), replacement: issue.replacement, found: issue.found } : undefined;
      out.push({ key: `${p.id}-s${k}`, paraId: p.id, designation: where, message: messages.style(issue) + said, fixable: range !== undefined, kind: 'style', ...(range ? { range } : {}) });
    }
    p.node.descendants((n, offset) => {
      if (n.type.name === 'xref') {
        const x = xrefText(n.attrs.targets as string[], p.pos + 1 + offset, s.structure, lang);
        if (x.broken) out.push({ key: `${p.id}-x${offset}`, paraId: p.id, designation: where, message: messages.xrefBroken(), fixable: false, kind: 'xref' });
      }
      return !n.isLeaf;
    });
  }
  return out;
}

/** Document position of character `offset` of a paragraph's textContent. */
function textOffsetToPos(p: ParaInfo, offset: number): number {
  let remaining = offset;
  let result = p.pos + 1 + p.node.content.size;
  let found = false;
  p.node.forEach((child, childOffset) => {
    if (found) return;
    const len = child.isText ? (child.text?.length ?? 0) : 1;
    if (remaining <= len && child.isText) {
      result = p.pos + 1 + childOffset + remaining;
      found = true;
    } else remaining -= len;
  });
  return result;
}

/** A transaction fixing one finding, or null when it cannot be fixed automatically. */
export function fixFinding(state: EditorState, f: Finding): Transaction | null {
  const s = structureKey.getState(state);
  if (!s) return null;
  const p = s.structure.byId.get(f.paraId);
  if (!p) return null;
  const lang = (state.doc.attrs.meta as FrontMatter).language;
  if (f.kind === 'punctuation') {
    const tr = state.tr;
    return punctuateTr(tr, p, lang) ? tr : null;
  }
  // One transaction: one undo step, and a tracked proposal in negotiation mode.
  if ((f.kind === 'text' || f.kind === 'style') && f.range) {
    // A finding computed on an older state does not apply to text that has changed since.
    if (f.range.found !== undefined && state.doc.textBetween(f.range.from, f.range.to) !== f.range.found) return null;
    const tr = state.tr.insertText(f.range.replacement, f.range.from, f.range.to);
    // A style fix is its own undo step even right after typing next to it.
    return f.kind === 'style' ? closeHistory(tr) : tr;
  }
  return null;
}
