/**
 * Search syntax as users expect from search engines, translated to an FTS5 MATCH expression:
 *   words            all must occur (AND)
 *   "quoted phrase"  the words in this order
 *   -word, -"phrase" must not occur
 *   a OR b           either (binds tighter than the implicit AND: `x a OR b` = x AND (a OR b))
 *   word*            prefix
 * Every term is quoted for FTS5, so punctuation in the query can never break the expression.
 */
import { PlenaryError } from '../../shared/errors.js';

interface Term {
  text: string;
  phrase: boolean;
  prefix: boolean;
  negated: boolean;
}

/** The parsed form of a query, also used to highlight and explain. */
export interface ParsedQuery {
  /** Groups ANDed together; each group ORs its terms. */
  groups: Term[][];
  excluded: Term[];
}

function tokenize(q: string): (Term | 'OR')[] {
  const out: (Term | 'OR')[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    let negated = false;
    if (c === '-' && i + 1 < q.length && !/\s/.test(q[i + 1]!)) {
      negated = true;
      i++;
    }
    if (q[i] === '"' || q[i] === '“' || q[i] === '«') {
      const close = q[i] === '«' ? '»' : q[i] === '“' ? '”' : '"';
      const end = q.indexOf(close, i + 1);
      const text = (end < 0 ? q.slice(i + 1) : q.slice(i + 1, end)).trim();
      i = end < 0 ? q.length : end + 1;
      if (text) out.push({ text, phrase: true, prefix: false, negated });
      continue;
    }
    let j = i;
    while (j < q.length && !/\s/.test(q[j]!)) j++;
    const raw = q.slice(i, j);
    i = j;
    if (raw === 'OR' && !negated) {
      out.push('OR');
      continue;
    }
    const prefix = raw.endsWith('*');
    // Keep letters, digits and inner punctuation that FTS5's tokenizer splits anyway.
    const text = raw.replace(/\*+$/, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (text) out.push({ text, phrase: false, prefix, negated });
  }
  return out;
}

/** Parses a user query. Throws BAD_INPUT when nothing positive remains to search for. */
export function parseQuery(q: string): ParsedQuery {
  const tokens = tokenize(q);
  const groups: Term[][] = [];
  const excluded: Term[] = [];
  let joinNext = false;
  for (const t of tokens) {
    if (t === 'OR') {
      joinNext = groups.length > 0;
      continue;
    }
    if (t.negated) {
      excluded.push(t);
      joinNext = false;
      continue;
    }
    if (joinNext) groups[groups.length - 1]!.push(t);
    else groups.push([t]);
    joinNext = false;
  }
  if (groups.length === 0) {
    throw new PlenaryError('BAD_INPUT', excluded.length ? 'Add at least one word to search for; excluded words alone match nothing.' : 'Type a word or a "phrase" to search for.', { msg: { code: excluded.length ? 'search.excludedOnly' : 'search.empty' } });
  }
  return { groups, excluded };
}

function quote(t: Term): string {
  const body = `"${t.text.replace(/"/g, '""')}"`;
  return t.prefix && !t.phrase ? `${body}*` : body;
}

/**
 * The FTS5 expression of one term under its search forms (see queryForms): each form is a phrase
 * of plain letter/digit terms, so nothing in it can be FTS5 syntax. Empty when the term has no
 * searchable characters.
 */
function formsOf(t: Term, forms: (text: string) => string[][]): string {
  const alts = forms(t.text)
    .filter((f) => f.length > 0)
    .map((f) => `"${f.join(' ')}"${t.prefix && !t.phrase ? '*' : ''}`);
  return alts.length <= 1 ? (alts[0] ?? '') : `(${alts.join(' OR ')})`;
}

/**
 * The FTS5 MATCH expression for a parsed query. Without `forms` every term is quoted as typed
 * (FTS5's tokenizer splits it); with `forms` each term becomes the alternatives of its normalised
 * forms (the library's language-aware index). Throws BAD_INPUT when no searchable term remains.
 */
export function toFtsMatch(p: ParsedQuery, forms?: (text: string) => string[][]): string {
  const one = (t: Term) => (forms ? formsOf(t, forms) : quote(t));
  const groups = p.groups.map((g) => g.map(one).filter(Boolean)).filter((g) => g.length > 0);
  if (!groups.length) throw new PlenaryError('BAD_INPUT', 'Type a word or a "phrase" with letters or digits to search for.', { msg: { code: 'search.noWord' } });
  const pos = groups.map((g) => (g.length === 1 ? g[0]! : `(${g.join(' OR ')})`)).join(' AND ');
  const excluded = p.excluded.map(one).filter(Boolean);
  if (!excluded.length) return pos;
  return `(${pos}) NOT (${excluded.join(' OR ')})`;
}
