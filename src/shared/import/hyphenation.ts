// Joining hard-wrapped lines: what a hyphen at the end of a line means (see the module comment of
// split.ts), decided with the document's vocabulary (vocabulary.ts), and hyphens the text layer spaced out.
import { plain } from './inline.js';
import type { Vocabulary } from './vocabulary.js';

const HYPHEN_PREFIXES = new Set([
  'non', 'self', 'co', 'well', 'ill', 'cross', 'anti', 'post', 'pre', 'semi', 'ex', 'half', 'vice', 'above',
  'so', 'cease', 'inter', 'sub', 'multi', 'socio', 'long', 'short', 'high', 'low', 'large', 'small',
  'follow', 'decision', 'capacity', 'gender', 'child', 'peace', 'all', 'one', 'two', 'three', 'full',
  'part', 'mid', 'age', 'time', 'cost', 'rights', 'human', 'climate', 'state', 'policy', 'evidence',
  'science', 'people', 'community', 'country', 'region', 'sector', 'market', 'result', 'results',
  'south', 'north', 'east', 'west', 'e', 'de', 'un', 'twenty', 'thirty', 'forty', 'fifty', 'sixty',
  'seventy', 'eighty', 'ninety', 'low', 'middle', 'upper', 'lower', 'off', 'on', 'up', 'out', 'over',
]);

const SUFFIX_FRAGMENT = /^(?:tions?|sions?|ments?|ings?|ed|ity|ities|ances?|ences?|ous|ively|ive|ally|ly|ships?|ness|ary|ations?|izations?|ized?|izes|able|ible|ists?|isms?|ures?|ials?|ians?|ical|ic|ents?|ants?|ages?|ery|ory|ful|less|wards?|er|ers|est|ty|ties|cy|cies|lar|ular|dent|ter|tee|tees)$/;

const RE_SUSPENDED_NEXT = /^(?:and|or|to|nor|et|ou|[àyoeuи]|или) /;

/**
 * True when a line that follows a line ending in "word-" opens with a conjunction and a space
 * ("and low-emission", "et post-conflit", "y bajas", "или"): the hyphen is a suspended one
 * ("zero- and low-emission") and the two lines join with a space, the hyphen kept.
 */
export function opensAfterSuspendedHyphen(next: string): boolean {
  return RE_SUSPENDED_NEXT.test(plain(next.length > 80 ? next.slice(0, 80) : next));
}

/**
 * How two lines of one paragraph join: whether the last character of the first goes (a
 * hyphen that only broke a word), and what stands between them. Looks only at the end of `a`
 * and the start of `b`, so joining many lines stays linear.
 */
function joinDecision(a: string, b: string, vocab: Vocabulary): { drop: boolean; sep: string } {
  const last = a.charAt(a.length - 1);
  if (last === '\u00ad') return { drop: true, sep: '' };
  if (last === '-' || last === '\u2010') {
    const tail = a.length > 80 ? a.slice(-80) : a;
    const m = /(?<![\p{L}\p{M}])([\p{L}\p{M}]+)[-\u2010]$/u.exec(tail);
    const nb = /^([\p{L}\p{M}]+)/u.exec(plain(b.length > 80 ? b.slice(0, 80) : b));
    if (!m || !nb) return { drop: false, sep: '' };
    const first = m[1]!;
    const next = nb[1]!;
    if (/^\p{Lu}/u.test(next)) return { drop: false, sep: '' };
    if (opensAfterSuspendedHyphen(b)) return { drop: false, sep: ' ' };
    const lowFirst = first.toLowerCase();
    const lowNext = next.toLowerCase();
    if (vocab.hasCompound(lowFirst + '-' + lowNext)) return { drop: false, sep: '' };
    if (vocab.hasWord(lowFirst + lowNext)) return { drop: true, sep: '' };
    if (HYPHEN_PREFIXES.has(lowFirst)) return { drop: false, sep: '' };
    if (SUFFIX_FRAGMENT.test(lowNext)) return { drop: true, sep: '' };
    return { drop: vocab.dropByDefault, sep: '' };
  }
  if ((last === '–' || last === '—') && /\d/.test(a.charAt(a.length - 2)) && /^\d/.test(b)) return { drop: false, sep: '' };
  if (last === '/' && a.length > 1 && a.charAt(a.length - 2) !== ' ') return { drop: false, sep: '' };
  return { drop: false, sep: ' ' };
}

/** Joins two lines of one paragraph: end-of-line hyphens as described in the module comment, dashes and slashes without a space where they join figures or symbols, otherwise one space. */
export function joinLines(a: string, b: string, vocab: Vocabulary): string {
  if (a === '') return b;
  if (b === '') return a;
  const d = joinDecision(a, b, vocab);
  return (d.drop ? a.slice(0, -1) : a) + d.sep + b;
}

/** Joins many pieces with {@link joinLines}'s rules, in linear time. */
export function joinAll(pieces: readonly string[], vocab: Vocabulary): string {
  const parts: string[] = [];
  let prev = '';
  for (const x of pieces) {
    if (x === '') continue;
    if (parts.length === 0) {
      parts.push(x);
      prev = x;
      continue;
    }
    const d = joinDecision(prev, x, vocab);
    if (d.drop) parts[parts.length - 1] = prev.slice(0, -1);
    parts.push(d.sep, x);
    prev = x;
  }
  return parts.join('');
}

const RE_SPACED_HYPHEN = /(\p{L}{1,30})- (\p{Ll}\p{L}{0,30})/gu;

/** Repairs "non- governmental" (a hyphen left before a space by the PDF) when the compound occurs elsewhere in the document. */
export function repairSpacedHyphens(s: string, vocab: Vocabulary): string {
  if (!s.includes('- ')) return s;
  return s.replace(RE_SPACED_HYPHEN, (m, a: string, b: string) => (vocab.hasCompound((a + '-' + b).toLowerCase()) ? `${a}-${b}` : m));
}
