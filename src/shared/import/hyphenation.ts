// Joining hard-wrapped lines: what a hyphen at the end of a line means (see the module comment of
// split.ts), the document's vocabulary that decides it, and hyphens the text layer spaced out.
import { plain } from './inline.js';

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

/** Words and hyphenated compounds of a document, for deciding line-end hyphens. */
export interface Vocabulary {
  words: Set<string>;
  compounds: Set<string>;
  /** Drop a line-end hyphen when nothing else decides (typeset text with word breaks). */
  dropByDefault: boolean;
}

const RE_TOKEN = /[\p{L}\p{M}]+(?:[-‑'’][\p{L}\p{M}]+)*/gu;
// The same tokens in a lower-cased text without letters or marks beyond ASCII (most English).
const RE_TOKEN_ASCII = /[a-z]+(?:[-‑'’][a-z]+)*/g;
// eslint-disable-next-line no-control-regex -- the ASCII range itself
const NON_ASCII_LETTER = /(?![\x00-\x7f])[\p{L}\p{M}]/u;
// Lower-casing a whole text gives each token's own lower case, character for character (so the
// same tokens), except for İ (two characters in lower case) and Σ (its lower case depends on the
// letters after it).
const CASE_IN_CONTEXT = /[\u0130\u03a3]/;

/** The lower-cased tokens of a text, as `text.match(RE_TOKEN)` each lower-cased, without lower-casing token by token. */
function lowerTokens(text: string): string[] {
  if (CASE_IN_CONTEXT.test(text)) return (text.match(RE_TOKEN) ?? []).map((t) => t.toLowerCase());
  const low = text.toLowerCase();
  return low.match(NON_ASCII_LETTER.test(low) ? RE_TOKEN : RE_TOKEN_ASCII) ?? [];
}

/**
 * Collects the words and compounds of the body, and decides the default for line-end hyphens:
 * dropped when, among the line-end hyphens before a lower-case word that the document itself
 * can decide, the joined word is more often attested than the compound (or, with no evidence,
 * when `typeset` is true: OCR of printed documents). The work is done on first use, so texts
 * without hyphens at line ends do not pay for it.
 */
export function buildVocabulary(lines: readonly string[], typeset: boolean): Vocabulary {
  let built: { words: Set<string>; compounds: Set<string>; drop: boolean } | null = null;
  const build = (): { words: Set<string>; compounds: Set<string>; drop: boolean } => {
    if (built) return built;
    const words = new Set<string>();
    const compounds = new Set<string>();
    for (const low of lowerTokens(lines.join('\n'))) {
      if (low.includes('-') || low.includes('‑')) {
        compounds.add(low.replace(/‑/g, '-'));
        for (const p of low.split(/[-‑]/)) words.add(p);
      } else words.add(low);
    }
    let joined = 0;
    let compound = 0;
    for (let i = 0; i + 1 < lines.length; i++) {
      const a = lines[i]!;
      if (!a.endsWith('-')) continue;
      const m = /(?<!\p{L})(\p{L}+)-$/u.exec(a);
      const b = /^(\p{Ll}+)/u.exec(lines[i + 1]!);
      if (!m || !b) continue;
      const c = (m[1]! + '-' + b[1]!).toLowerCase();
      if (compounds.has(c)) compound++;
      else if (words.has((m[1]! + b[1]!).toLowerCase())) joined++;
    }
    built = { words, compounds, drop: joined > compound || (joined === compound && typeset) };
    return built;
  };
  return {
    get words() {
      return build().words;
    },
    get compounds() {
      return build().compounds;
    },
    get dropByDefault() {
      return build().drop;
    },
  };
}

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
    if (vocab.compounds.has(lowFirst + '-' + lowNext)) return { drop: false, sep: '' };
    if (vocab.words.has(lowFirst + lowNext)) return { drop: true, sep: '' };
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
  return s.replace(RE_SPACED_HYPHEN, (m, a: string, b: string) => (vocab.compounds.has((a + '-' + b).toLowerCase()) ? `${a}-${b}` : m));
}
