/**
 * The checks panel's messages in the interface language. The checks themselves
 * (src/shared/resolution/punctuation.ts, shared with the CLI) describe what they found in English
 * and in data (kind, expected, found, range); these functions say it again from the data through
 * the catalogue, so the panel speaks the interface language while the logic stays untouched.
 */
import type { EndPunctuationIssue, TextIssue } from '../../shared/resolution/punctuation.js';
import type { EffectiveRole } from '../../shared/resolution/structure.js';
import type { CheckMessages } from '../../shared/editor/queries/checks.js';
import type { StyleFinding } from '../../shared/editor/queries/checks-style.js';
import { t } from './index.js';

const ROLE_KEYS: Readonly<Record<EffectiveRole, string>> = {
  pp: 'checks.role.pp',
  op: 'checks.role.op',
  'op-last': 'checks.role.opLast',
  'lead-in': 'checks.role.leadIn',
  sub: 'checks.role.sub',
};

/** Closing quotation marks and brackets: a `found` ending in one had its mark inside the quotation. */
const CLOSER_AT_END = /(?<![”’»)\]"'》」])[”’»)\]"'》」]+$/u;

/** How a punctuation string reads in a message: quoted, with a leading (no-break) space said. */
function describe(p: string): string {
  if (p === '') return t('checks.punct.nothing');
  const c = p.charCodeAt(0);
  if (p.length > 1 && (c === 0xa0 || c === 0x202f)) return t('checks.punct.afterNbsp', { mark: p.slice(1) });
  if (p.length > 1 && c === 0x20) return t('checks.punct.afterSpace', { mark: p.slice(1) });
  return t('checks.punct.mark', { mark: p });
}

/** The message of a wrong or missing end punctuation for a paragraph of `role` in a draft in `docLang`. */
export function endPunctuationMessage(issue: EndPunctuationIssue, role: EffectiveRole, docLang: string): string {
  const what = t(ROLE_KEYS[role]);
  const expected = describe(issue.expected);
  const closers = CLOSER_AT_END.exec(issue.found);
  if (closers && closers[0].length < issue.found.length) {
    // Mid-sentence here, so the role's name loses its capital ("…: an operative paragraph ends with").
    return t('checks.end.inside', { mark: issue.found.slice(0, closers.index).trim(), what: what.charAt(0).toLowerCase() + what.slice(1), expected });
  }
  if (issue.found === '') return t('checks.end.none', { what, expected });
  if (docLang === 'fr' && issue.expected.length === 2 && issue.found.endsWith(issue.expected.slice(1))) {
    return t('checks.end.frenchSpace', { what, expected, mark: issue.expected.slice(1), found: describe(issue.found) });
  }
  return t('checks.end.wrong', { what, expected, found: describe(issue.found) });
}

/** The quoted character of a bracket or quotation finding (its English message quotes it first). */
function quotedChar(issue: TextIssue): string {
  // The message is the checker's own short English sentence, never user text; the quoted
  // character may itself be a quotation mark (“”” quotes ”), which the lazy dot allows.
  // eslint-disable-next-line regexp/no-super-linear-move
  return /“(.+?)”/u.exec(issue.message)?.[1] ?? '';
}

/** The message of a text finding in a paragraph of the given kind. */
export function textIssueMessage(issue: TextIssue, kind: 'pp' | 'op' | 'sub'): string {
  switch (issue.kind) {
    case 'leading-space':
      return t('checks.text.leadingSpace');
    case 'trailing-space':
      return t('checks.text.trailingSpace');
    case 'double-space':
      return t('checks.text.doubleSpace');
    case 'lower-case-start':
      return t('checks.text.lowerCase', { what: t(kind === 'pp' ? 'checks.role.pp' : kind === 'op' ? 'checks.role.op' : 'checks.role.sub') });
    case 'unbalanced-bracket':
      return issue.message.includes('no opening') ? t('checks.text.bracketNoOpening', { mark: quotedChar(issue) }) : t('checks.text.notClosed', { mark: quotedChar(issue) });
    case 'unbalanced-quote':
      return issue.message.startsWith('The quotation') ? t('checks.text.quoteNotClosed', { mark: quotedChar(issue) }) : t('checks.text.quoteNotOpened', { mark: quotedChar(issue) });
  }
}

const HINT_KEYS: Readonly<Record<string, string>> = {
  'pp-in-op': 'checks.hint.ppInOp',
  'op-in-pp': 'checks.hint.opInPp',
  'op-unknown': 'checks.hint.opUnknown',
};

const STYLE_KEYS: Readonly<Record<StyleFinding['rule'], string>> = {
  ize: 'checks.style.ize',
  ise: 'checks.style.ise',
  yse: 'checks.style.yse',
  spelling: 'checks.style.spelling',
  term: 'checks.style.term',
  date: 'checks.style.date',
  'date-ambiguous': 'checks.style.dateAmbiguous',
  quote: 'checks.style.quote',
};

/** The message of a UN style finding: what was found and what the UN writes (a no-break space shown trimmed). */
export function styleMessage(issue: StyleFinding): string {
  return t(STYLE_KEYS[issue.rule], { found: issue.found, replacement: (issue.replacement ?? '').trim() });
}

/** The checks panel's wording in the interface language (passed to computeFindings). */
export const UI_CHECK_MESSAGES: CheckMessages = {
  end: endPunctuationMessage,
  hint: (kind) => (HINT_KEYS[kind] ? t(HINT_KEYS[kind]) : kind),
  style: styleMessage,
  text: textIssueMessage,
  xrefBroken: () => t('checks.xrefBroken'),
  ifAccepted: () => t('checks.ifAccepted'),
};
