// The literal similarity and its bound (match-literal.ts) read words in place, without match
// arrays; they must count exactly what the earlier code counted with text.match over random
// texts of letters, digits, combining marks, CJK, astral characters, punctuation and spaces.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { literalBound, literalSimilarity, plainWords } from '../../../src/main/services/match-literal.js';
import { wordDiff, type DiffOp } from '../../../src/shared/text/diff.js';

const WORD = /[\p{L}\p{N}]+/gu;
const NOT_PLAIN = /[\p{M}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const words = (t: string) => t.match(WORD) ?? [];

/** literalBound as it was: both texts' word counts in Maps. */
function oldBound(typed: string, text: string): number {
  if (NOT_PLAIN.test(typed) || NOT_PLAIN.test(text)) return 1;
  const count = (t: string) => words(t).reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>());
  const a = count(typed);
  const b = count(text);
  const longer = Math.max(words(typed).length, words(text).length);
  if (longer === 0) return 1;
  let common = 0;
  for (const [w, n] of b) common += Math.min(n, a.get(w) ?? 0);
  return common / longer;
}

/** literalSimilarity as it was. */
function oldSimilarity(diff: readonly DiffOp[]): number {
  let eq = 0;
  let del = 0;
  let ins = 0;
  for (const d of diff) {
    const n = words(d.text).length;
    if (d.op === 'eq') eq += n;
    else if (d.op === 'del') del += n;
    else ins += n;
  }
  const longer = Math.max(eq + del, eq + ins);
  return longer === 0 ? 1 : eq / longer;
}

// Pieces of text: words that repeat, digits, marks, CJK, an astral letter (𝐀) and digit (𝟙), a lone surrogate, punctuation, spaces.
const piece = fc.constantFrom('the', 'The', 'of', 'States', 'Member', '79/200', '2030', 'é', 'e\u0301', '\u4e2d', '𝐀', '𝟙', '\ud800', ',', '.', ' ', '  ', '\n', '(a)', '—', 'ﬁ', 'Ⅻ', 'x');
const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
const plainText = fc.array(fc.constantFrom('the', 'The', 'of', 'States', 'Member', '79/200', '2030', '𝐀', '𝟙', ',', '.', ' ', '  ', '\n', '(a)', '—', 'Ⅻ', 'x'), { maxLength: 40 }).map((p) => p.join(''));

describe('literal similarity and bound', () => {
  it('count the words text.match counts (property)', () => {
    fc.assert(
      fc.property(text, text, (typed, other) => {
        expect(literalBound(plainWords(typed), other)).toBe(oldBound(typed, other));
        const diff = wordDiff(other, typed);
        expect(literalSimilarity(diff)).toBe(oldSimilarity(diff));
        const pw = plainWords(typed);
        if (pw) expect(pw.total).toBe(words(typed).length);
      }),
      { numRuns: 400 },
    );
  });

  it('bound plain texts with repeated words by their common words counted with multiplicity', () => {
    fc.assert(
      fc.property(plainText, plainText, (typed, other) => {
        expect(literalBound(plainWords(typed), other)).toBe(oldBound(typed, other));
      }),
      { numRuns: 300 },
    );
    // "the" twice in one, three times in the other: 2 common; 4 words on the longer side.
    expect(literalBound(plainWords('the the of'), 'the the the x')).toBe(2 / 4);
    expect(literalBound(plainWords(''), '')).toBe(1);
    expect(literalBound(plainWords('\u4e2d\u6587'), 'the')).toBe(1);
  });
});
