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
    const text = raw.replace(/(?<!\*)\*+$/, '').replace(/^[^\p{L}\p{N}]+|(?<![^\p{L}\p{N}])[^\p{L}\p{N}]+$/gu, '');
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

/** A query compiled for an index without positions (FTS5 detail=none). */
export interface CompiledQuery {
  /** The FTS5 MATCH expression: every term of every phrase must occur (a superset of the answer). */
  match: string;
  /**
   * When the expression alone is not the answer (phrases of several terms, excluded phrases): true
   * when a row's terms, in order, satisfy the query exactly. Null when every row matched is a hit.
   */
  check: ((terms: TermSequences) => boolean) | null;
  /** For each ANDed group of the query, how often a row's terms hold it (its alternatives summed). */
  frequencies: (terms: readonly string[]) => number[];
}

/** How many times `form` occurs in `terms` as consecutive terms (the last one as a prefix when `prefix`), up to `max`. */
export function countSequence(terms: readonly string[], form: readonly string[], prefix: boolean, max = Infinity): number {
  const n = form.length;
  const last = n - 1;
  let count = 0;
  for (let i = 0; i + n <= terms.length && count < max; i++) {
    let j = 0;
    while (j < last && terms[i + j] === form[j]) j++;
    if (j === last && (prefix ? terms[i + j]!.startsWith(form[j]!) : terms[i + j] === form[j])) count++;
  }
  return count;
}

/** True when `form` occurs in `terms` as consecutive terms (the last one as a prefix when `prefix`). */
export function hasSequence(terms: readonly string[], form: readonly string[], prefix: boolean): boolean {
  return countSequence(terms, form, prefix, 1) > 0;
}

/** What a query check asks of a row: whether a sequence of terms occurs in it. */
export interface TermSequences {
  /** True when `form` occurs as consecutive terms (the last one as a prefix when `prefix`). */
  has(form: readonly string[], prefix: boolean): boolean;
}

/** TermSequences over a row's list of terms. */
export function termList(terms: readonly string[]): TermSequences {
  return { has: (form, prefix) => hasSequence(terms, form, prefix) };
}

/**
 * Function words found in most paragraphs (English, French, Spanish search terms): a phrase's
 * MATCH expression leaves them out, since intersecting with their doclists (nearly every row)
 * costs more than it filters; the phrase check on the text still requires them in place.
 */
const COMMON_TERMS: ReadonlySet<string> = new Set(['the', 'of', 'and', 'to', 'in', 'a', 'for', 'on', 'by', 'with', 'its', 'at', 'as', 'be', 'that', 'all', 'de', 'la', 'le', 'les', 'des', 'du', 'et', 'l', 'd', 'en', 'el', 'los', 'las', 'y', 'del']);

/**
 * The query for an index that records which rows hold a term but not where (detail=none): each
 * phrase of several terms becomes the AND of its terms in the MATCH expression (less its common
 * function words), and `check` then keeps the rows where the terms stand in order. Excluded single terms stay in the expression;
 * excluded phrases are left to `check`, since excluding all their terms would drop too much.
 * `forms` gives a term's normalised forms (queryForms). Throws BAD_INPUT when nothing remains.
 */
export function compileQuery(p: ParsedQuery, forms: (text: string) => string[][]): CompiledQuery {
  const q = (t: string) => `"${t.replace(/"/g, '""')}"`;
  const formsOfTerm = (t: Term) => forms(t.text).filter((f) => f.length > 0);
  const isPrefix = (t: Term) => t.prefix && !t.phrase;
  const alternatives = (xs: readonly string[], prefix: boolean) => {
    const alts = [...new Set(xs)].map((x) => (prefix ? `${q(x)}*` : q(x)));
    return alts.length === 1 ? alts[0]! : `(${alts.join(' OR ')})`;
  };
  const termExpr = (t: Term) => {
    const fs = formsOfTerm(t);
    if (!fs.length) return '';
    const n = fs[0]!.length;
    const prefix = isPrefix(t);
    if (n === 1 || fs.some((f) => f.length !== n)) {
      const alts = fs.map((f) => {
        const parts = f.map((x, i) => (prefix && i === f.length - 1 ? `${q(x)}*` : q(x)));
        return parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`;
      });
      return alts.length === 1 ? alts[0]! : `(${alts.join(' OR ')})`;
    }
    // A phrase: the AND of its positions, each the OR of the forms' terms there (a superset of
    // the OR of the forms, which FTS5 evaluates far more slowly), without the positions that
    // hold only words found in most paragraphs; `check` then requires the phrase itself.
    const at = Array.from({ length: n }, (_, i) => ({ terms: fs.map((f) => f[i]!), prefix: prefix && i === n - 1 }));
    const kept = at.filter((p) => p.prefix || !p.terms.every((x) => COMMON_TERMS.has(x)));
    const parts = (kept.length ? kept : at).map((p) => alternatives(p.terms, p.prefix));
    return parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`;
  };
  const groups = p.groups.map((g) => g.filter((t) => termExpr(t) !== '')).filter((g) => g.length > 0);
  if (!groups.length) throw new PlenaryError('BAD_INPUT', 'Type a word or a "phrase" with letters or digits to search for.');
  const pos = groups.map((g) => (g.length === 1 ? termExpr(g[0]!) : `(${g.map(termExpr).join(' OR ')})`)).join(' AND ');
  const single = (t: Term) => formsOfTerm(t).every((f) => f.length === 1);
  const excludedInFts = p.excluded.filter((t) => termExpr(t) !== '' && single(t));
  const excludedInCheck = p.excluded.filter((t) => termExpr(t) !== '' && !single(t));
  const match = excludedInFts.length ? `(${pos}) NOT (${excludedInFts.map(termExpr).join(' OR ')})` : pos;
  const needsCheck = excludedInCheck.length > 0 || groups.some((g) => g.some((t) => !single(t)));
  const occurs = (terms: TermSequences, t: Term) => formsOfTerm(t).some((f) => terms.has(f, isPrefix(t)));
  // A term's forms may coincide (plain and stemmed): count each distinct form once.
  const groupForms = groups.map((g) => {
    const seen = new Map<string, { form: string[]; prefix: boolean }>();
    for (const t of g) for (const f of formsOfTerm(t)) seen.set(`${isPrefix(t) ? '*' : ''}${f.join(' ')}`, { form: f, prefix: isPrefix(t) });
    return [...seen.values()];
  });
  return {
    match,
    check: needsCheck ? (terms) => groups.every((g) => g.some((t) => occurs(terms, t))) && !excludedInCheck.some((t) => occurs(terms, t)) : null,
    frequencies: (terms) => groupForms.map((fs) => fs.reduce((n, f) => n + countSequence(terms, f.form, f.prefix), 0)),
  };
}
