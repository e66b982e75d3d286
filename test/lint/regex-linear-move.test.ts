// The regexes rewritten for regexp/no-super-linear-move (quadratic in where the search starts, e.g.
// /\s+$/ on a long run of spaces that does not end the text) find exactly what they found before:
// each pair (as it was, as it is now in src/) gives the same matches — every match, its place and
// its groups — on random strings over the characters the patterns care about.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import path from 'node:path';
import { findRegexLiterals } from './regex-probe.js';

/** [where, before, after] — `after` is the literal now in src/. */
const PAIRS: [string, RegExp, RegExp][] = [
  ['fts-query stars', /\*+$/, /(?<!\*)\*+$/],
  ['fts-query edges', /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, /^[^\p{L}\p{N}]+|(?<![^\p{L}\p{N}])[^\p{L}\p{N}]+$/gu],
  ['drafts slug', /^[.-]+|[.-]+$/g, /^[.-]+|(?<![.-])[.-]+$/g],
  ['matches trailing punctuation', /[\s,;:.،؛，；。]+$/u, /(?<![\s,;:.،؛，；。])[\s,;:.،؛，；。]+$/u],
  ['checks closers', /[”’»)\]"'》」]+$/u, /(?<![”’»)\]"'》」])[”’»)\]"'》」]+$/u],
  ['object replacement', /\uFFFC+$/, /(?<!\uFFFC)\uFFFC+$/],
  ['akn dashes', /^-+|-+$/g, /^-+|(?<!-)-+$/g],
  ['layout ellipsis', /[\s,;:.–—-]+$/, /(?<![\s,;:.–—-])[\s,;:.–—-]+$/],
  ['trailing space (empty allowed)', /\s*$/, /(?<!\s)\s*$/],
  ['trailing space', /\s+$/, /(?<!\s)\s+$/],
  ['last word', /[\p{L}\p{M}]+$/u, /(?<![\p{L}\p{M}])[\p{L}\p{M}]+$/u],
  ['akn line end', /[\t\v\f\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*\n\s*$/, /(?<!\s)[\t\v\f\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]*\n\s*$/],
  ['space before parenthesis', /\s*\(/, /(?<!\s)\s*\(/],
  ['annex star', /\s*\*$/, /(?<!\s)\s*\*$/],
  ['trim', /^\s+|\s+$/g, /^\s+|(?<!\s)\s+$/g],
  ['ref digits', /(\d+)$/, /(?<!\d)(\d+)$/],
  ['heading close', /\s+#+\s*$/, /(?<!\s)\s+#+\s*$/],
  ['sup footnote', /\s*<sup>\s*(\d{1,3}|\*{1,3})\s*<\/sup>/gi, /(?<!\s)\s*<sup>\s*(\d{1,3}|\*{1,3})\s*<\/sup>/gi],
  ['date page number', /\s+\d{1,3}\/?\s*$/, /(?<!\s)\s+\d{1,3}\/?\s*$/],
  ['star capture', /(\*+)$/, /(?<!\*)(\*+)$/],
  ['space and stars', /\s*\*+$/, /(?:(?<!\s)\s+|(?<![\s*]))\*+$/],
  ['closing bracket', /\s*\]$/, /(?<!\s)\s*\]$/],
  ['line breaks', /\s*\n\s*/g, /(?<!\s)\s*\n\s*/g],
  ['hyphenated word', /(\p{L}+)-$/u, /(?<!\p{L})(\p{L}+)-$/u],
  ['hyphenated word with marks', /([\p{L}\p{M}]+)[-\u2010]$/u, /(?<![\p{L}\p{M}])([\p{L}\p{M}]+)[-\u2010]$/u],
  ['sponsors and', /\s+(?:and|et|[yeи])\s+/giu, /(?<!\s)\s+(?:and|et|[yeи])\s+/giu],
  ['russian date trail', /(?:\s*(?:года|год|г))?[\s.,;:]*$/, /(?:(?<!\s)\s*(?:года|год|г)|(?<![\s.,;:]))[\s.,;:]*$/],
  ['submitted by', /\s+(?:submitted|présenté|presentado|on the basis)\b/u, /(?<!\s)\s+(?:submitted|présenté|presentado|on the basis)\b/u],
  ['label end', /[.\s-]+$/, /(?<![.\s-])[.\s-]+$/],
  ['slash spaces', /\s*\/\s*/g, /(?<!\s)\s*\/\s*/g],
  ['chinese numbers', /(?<=第)[〇零一二三四五六七八九十百千万两]+|[〇零一二三四五六七八九十百千万两]+(?=[届年月日号次期])|[〇零一二三四五六七八九十百千万两]{2,}/gu, /(?<![〇零一二三四五六七八九十百千万两])(?:(?<=第)[〇零一二三四五六七八九十百千万两]+|[〇零一二三四五六七八九十百千万两]+(?=[届年月日号次期])|[〇零一二三四五六七八九十百千万两]{2,})/gu],
];

/** Characters the patterns above turn on, plus ordinary letters. */
const ALPHABET = [' ', '  ', '\n', '\t', '\u00a0', '*', '-', '.', ',', ';', ':', '(', ')', ']', '[', '/', '#', '”', '»', '"', 'a', 'x', 'é', 'e\u0301', '1', '42', 'and', ' y ', 'г', 'год', 'года', '〇', '二', '第', '年', '\uFFFC', '<sup>', '</sup>', ' submitted', '。', '،', '–'];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 24 }).map((a) => a.join(''));

/** Every match of `re` on `s` (all of them for /g, else the first), with index and groups. */
function matches(re: RegExp, s: string): string {
  if (re.global) return JSON.stringify([...s.matchAll(re)].map((m) => [m.index, ...m]));
  const m = re.exec(s);
  return JSON.stringify(m ? [m.index, ...m] : null);
}

describe('regexes rewritten to start matches only where a run starts', () => {
  it.each(PAIRS)('%s: the same matches as before', (_name, before, after) => {
    fc.assert(
      fc.property(text, (s) => {
        expect(matches(after, s)).toBe(matches(before, s));
        if (!before.global) expect(s.split(after)).toEqual(s.split(before));
      }),
      { numRuns: 400, seed: 4242 },
    );
  });

  it('each rewritten regex is the one in src/ (so the pairs test what runs)', () => {
    const inSrc = new Set(findRegexLiterals(path.resolve(import.meta.dirname, '../../src')).map((r) => `/${r.source}/${r.flags}`));
    // The Chinese numbers pattern is built with new RegExp from its numerals (src/shared/text/tokens.ts).
    const missing = PAIRS.filter(([name, , after]) => name !== 'chinese numbers' && !inSrc.has(String(after)));
    expect(missing.map(([name, , after]) => `${name}: ${String(after)}`)).toEqual([]);
  }, 60_000);

  it('footnote and link sentinels: the same pairs are removed, except that an opener left unclosed no longer swallows the next pair', () => {
    // RE_FN and RE_LINK_URL of src/shared/import/inline.ts: the sentinels the importers write always pair up.
    const before = /\uE000[^\uE001]*\uE001/g;
    const after = /\uE000[^\uE000\uE001]*\uE001/g;
    for (const s of ['a\uE0001\uE001 b', '\uE000*\uE001\uE000**\uE001', 'no sentinel', '\uE000open']) expect(s.replace(after, '')).toBe(s.replace(before, ''));
    expect('\uE000stray \uE0001\uE001'.replace(after, '')).toBe('\uE000stray ');
  });
});
