// Word-level diff and token edit distance: exact reconstruction, minimality against a plain LCS
// dynamic programme, readable boundaries, huge inputs, and the capped edit distance.
import { describe, expect, it } from 'vitest';
import { diffTokens, myers, tokenEditDistance, wordDiff, type DiffOp } from '../../../src/shared/text/diff.js';
import { rng } from '../../helpers/perturb.js';

const join = (ops: DiffOp[], keep: 'ins' | 'del') => ops.filter((o) => o.op === 'eq' || o.op === keep).map((o) => o.text).join('');
const edits = (ops: DiffOp[]) => ops.filter((o) => o.op !== 'eq').reduce((n, o) => n + diffTokens(o.text).length, 0);

/** Length of a longest common subsequence, by the textbook O(nm) table. */
function lcs<T>(a: readonly T[], b: readonly T[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = [0];
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    prev = cur;
  }
  return prev[b.length]!;
}

/** Levenshtein distance by the textbook table. */
function levenshtein(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** Well-formed ops: nothing empty, no two neighbours of one kind, never an insertion before a deletion. */
function expectWellFormed(ops: DiffOp[]) {
  for (let i = 0; i < ops.length; i++) {
    expect(ops[i]!.text).not.toBe('');
    if (i > 0) {
      expect(ops[i]!.op).not.toBe(ops[i - 1]!.op);
      expect(ops[i - 1]!.op === 'ins' && ops[i]!.op === 'del').toBe(false);
    }
  }
}

const PIECES = ['the', 'cat', 'sat', 'on', 'mat', 'a', 'General', 'Assembly', ' ', ' ', ' ', '  ', '\n', ',', ';', '.', '(', ')', '’', 'é', '大', '会', '78/143'];

function randomText(r: () => number, maxPieces: number): string {
  const n = Math.floor(r() * maxPieces);
  let s = '';
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(r() * PIECES.length)]!;
  return s;
}

/** b as an edited copy of a (so that the two share a lot, as real revisions do). */
function mutate(a: string, r: () => number): string {
  const t = diffTokens(a);
  const changes = Math.floor(r() * 6);
  for (let c = 0; c < changes; c++) {
    const i = Math.floor(r() * (t.length + 1));
    const x = r();
    if (x < 0.4) t.splice(i, 1);
    else if (x < 0.8) t.splice(i, 0, PIECES[Math.floor(r() * PIECES.length)]!);
    else t.splice(i, 1, PIECES[Math.floor(r() * PIECES.length)]!);
  }
  return t.join('');
}

describe('diffTokens', () => {
  it('splits into words, whitespace runs, single punctuation marks and single CJK characters', () => {
    expect(diffTokens('Recalls its resolution 78/143,  and')).toEqual(['Recalls', ' ', 'its', ' ', 'resolution', ' ', '78', '/', '143', ',', '  ', 'and']);
    expect(diffTokens('Secretary-General’s')).toEqual(['Secretary', '-', 'General', '’', 's']);
    expect(diffTokens('大会回顾')).toEqual(['大', '会', '回', '顾']);
    expect(diffTokens('Réaffirmant')).toEqual(['Réaffirmant']);
    expect(diffTokens('Re\u0301affirmant')).toEqual(['Re\u0301affirmant']);
    expect(diffTokens('إِذْ تُؤكِّد')).toEqual(['إِذْ', ' ', 'تُؤكِّد']);
    expect(diffTokens('a 😀 b')).toEqual(['a', ' ', '😀', ' ', 'b']);
    expect(diffTokens('')).toEqual([]);
  });
});

describe('wordDiff', () => {
  it('handles empty and identical texts', () => {
    expect(wordDiff('', '')).toEqual([]);
    expect(wordDiff('same text', 'same text')).toEqual([{ op: 'eq', text: 'same text' }]);
    expect(wordDiff('', 'new')).toEqual([{ op: 'ins', text: 'new' }]);
    expect(wordDiff('old', '')).toEqual([{ op: 'del', text: 'old' }]);
  });

  it('marks a word replacement as a deletion then an insertion', () => {
    expect(wordDiff('Requests the Secretary-General to report', 'Requests the Secretary-General to submit')).toEqual([
      { op: 'eq', text: 'Requests the Secretary-General to ' },
      { op: 'del', text: 'report' },
      { op: 'ins', text: 'submit' },
    ]);
  });

  it('slides an inserted or deleted word so it carries the space after it', () => {
    expect(wordDiff('the big cat', 'the cat')).toEqual([
      { op: 'eq', text: 'the ' },
      { op: 'del', text: 'big ' },
      { op: 'eq', text: 'cat' },
    ]);
    expect(wordDiff('Urges all States to act', 'Urges all Member States to act')).toEqual([
      { op: 'eq', text: 'Urges all ' },
      { op: 'ins', text: 'Member ' },
      { op: 'eq', text: 'States to act' },
    ]);
    // Repeated words: the deleted copy is a whole word with its space.
    expect(wordDiff('to to the', 'to the')).toEqual([
      { op: 'del', text: 'to ' },
      { op: 'eq', text: 'to the' },
    ]);
  });

  it('deletes a clause with its comma and space as one piece', () => {
    expect(wordDiff('Calls upon States, in particular donors, to contribute', 'Calls upon States to contribute')).toEqual([
      { op: 'eq', text: 'Calls upon States' },
      { op: 'del', text: ', in particular donors,' },
      { op: 'eq', text: ' to contribute' },
    ]);
  });

  it('sees punctuation and whitespace changes as their own tokens', () => {
    expect(wordDiff('resolution 78/143;', 'resolution 78/143,')).toEqual([
      { op: 'eq', text: 'resolution 78/143' },
      { op: 'del', text: ';' },
      { op: 'ins', text: ',' },
    ]);
    expect(wordDiff('a  b', 'a b')).toEqual([
      { op: 'eq', text: 'a' },
      { op: 'del', text: '  ' },
      { op: 'ins', text: ' ' },
      { op: 'eq', text: 'b' },
    ]);
    expect(wordDiff('“quoted”', '"quoted"')).toEqual([
      { op: 'del', text: '“' },
      { op: 'ins', text: '"' },
      { op: 'eq', text: 'quoted' },
      { op: 'del', text: '”' },
      { op: 'ins', text: '"' },
    ]);
  });

  it('diffs Chinese character by character', () => {
    expect(wordDiff('大会回顾其决议', '大会重申其决议')).toEqual([
      { op: 'eq', text: '大会' },
      { op: 'del', text: '回顾' },
      { op: 'ins', text: '重申' },
      { op: 'eq', text: '其决议' },
    ]);
  });

  it('is minimal by default; semantic mode folds the spaces between changed words', () => {
    const minimal = wordDiff('a b c', 'x y c');
    expect(minimal).toEqual([
      { op: 'del', text: 'a' },
      { op: 'ins', text: 'x' },
      { op: 'eq', text: ' ' },
      { op: 'del', text: 'b' },
      { op: 'ins', text: 'y' },
      { op: 'eq', text: ' c' },
    ]);
    const semantic = wordDiff('a b c', 'x y c', { semantic: true });
    expect(semantic).toEqual([
      { op: 'del', text: 'a b' },
      { op: 'ins', text: 'x y' },
      { op: 'eq', text: ' c' },
    ]);
  });

  it('property: eq+del gives a, eq+ins gives b, ops are well formed (random texts, both modes)', () => {
    const r = rng(1);
    for (let i = 0; i < 1500; i++) {
      const a = randomText(r, 30);
      const b = r() < 0.7 ? mutate(a, r) : randomText(r, 30);
      for (const semantic of [false, true]) {
        const ops = wordDiff(a, b, { semantic });
        expect(join(ops, 'del')).toBe(a);
        expect(join(ops, 'ins')).toBe(b);
        expectWellFormed(ops);
      }
    }
  });

  it('property: the number of changed tokens is minimal (n + m − 2·LCS, against a plain DP)', () => {
    const r = rng(2);
    for (let i = 0; i < 1500; i++) {
      const a = randomText(r, 40);
      const b = r() < 0.6 ? mutate(a, r) : randomText(r, 40);
      const ta = diffTokens(a);
      const tb = diffTokens(b);
      expect(edits(wordDiff(a, b))).toBe(ta.length + tb.length - 2 * lcs(ta, tb));
    }
  });

  it('property: short texts over a tiny alphabet (many repeats, edits at both ends) reconstruct and stay minimal', () => {
    const r = rng(7);
    const tiny = ['a', 'b', 'c', ' ', ',', 'x'];
    const rand = () => Array.from({ length: Math.floor(r() * 8) }, () => tiny[Math.floor(r() * tiny.length)]!).join('');
    for (let i = 0; i < 8000; i++) {
      const a = rand();
      const b = rand();
      const semantic = i % 2 === 1;
      const ops = wordDiff(a, b, { semantic });
      expect(join(ops, 'del')).toBe(a);
      expect(join(ops, 'ins')).toBe(b);
      expectWellFormed(ops);
      if (!semantic) expect(edits(ops)).toBe(diffTokens(a).length + diffTokens(b).length - 2 * lcs(diffTokens(a), diffTokens(b)));
    }
  });

  it('myers flags leave a longest common subsequence for integer sequences over small alphabets', () => {
    const r = rng(3);
    for (let i = 0; i < 1000; i++) {
      const a = Array.from({ length: Math.floor(r() * 50) }, () => Math.floor(r() * 4));
      const b = Array.from({ length: Math.floor(r() * 50) }, () => Math.floor(r() * 4));
      const { delA, insB } = myers(a, b);
      const keptA = a.filter((_, k) => !delA[k]);
      const keptB = b.filter((_, k) => !insB[k]);
      expect(keptA).toEqual(keptB);
      expect(keptA.length).toBe(lcs(a, b));
    }
  });

  it('with the cut-off forced low it stays exact in content (possibly not minimal)', () => {
    const r = rng(4);
    for (let i = 0; i < 300; i++) {
      const a = randomText(r, 200);
      const b = randomText(r, 200);
      const ops = wordDiff(a, b, { tooExpensive: 2 });
      expect(join(ops, 'del')).toBe(a);
      expect(join(ops, 'ins')).toBe(b);
      expectWellFormed(ops);
      const ta = diffTokens(a);
      const tb = diffTokens(b);
      expect(edits(ops)).toBeGreaterThanOrEqual(ta.length + tb.length - 2 * lcs(ta, tb));
    }
  });

  it('diffs huge inputs: 40,000 tokens against an edited copy, an unrelated text and a shuffled one', () => {
    const r = rng(5);
    const words = ['Recalls', 'its', 'resolution', 'and', 'the', 'report', 'of', 'Secretary-General', 'on', 'development'];
    const big = Array.from({ length: 20_000 }, () => words[Math.floor(r() * words.length)]).join(' ');
    const edited = mutate(big, r).replace(/report/g, 'reports');
    let t = performance.now();
    let ops = wordDiff(big, edited);
    expect(join(ops, 'del')).toBe(big);
    expect(join(ops, 'ins')).toBe(edited);
    const editedMs = performance.now() - t;
    const other = Array.from({ length: 20_000 }, () => String(Math.floor(r() * 1000))).join(' ');
    t = performance.now();
    ops = wordDiff(big, other);
    expect(join(ops, 'del')).toBe(big);
    expect(join(ops, 'ins')).toBe(other);
    const unrelatedMs = performance.now() - t;
    // The worst case: the same few words shuffled (no token can be set aside, ~30,000 edits).
    const shuffled = Array.from({ length: 20_000 }, () => words[Math.floor(r() * words.length)]).join(' ');
    t = performance.now();
    ops = wordDiff(big, shuffled);
    expect(join(ops, 'del')).toBe(big);
    expect(join(ops, 'ins')).toBe(shuffled);
    const shuffledMs = performance.now() - t;
    console.log(`wordDiff on 40k tokens: edited ${editedMs.toFixed(0)} ms, unrelated ${unrelatedMs.toFixed(0)} ms, shuffled ${shuffledMs.toFixed(0)} ms`);
  }, 20_000);
});

describe('tokenEditDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(tokenEditDistance([], [])).toBe(0);
    expect(tokenEditDistance([1, 2, 3], [])).toBe(3);
    expect(tokenEditDistance([], [1, 2])).toBe(2);
    expect(tokenEditDistance([1, 2, 3], [1, 2, 3])).toBe(0);
    expect(tokenEditDistance([1, 2, 3], [1, 9, 3])).toBe(1);
    expect(tokenEditDistance([1, 2, 3, 4], [2, 3, 4, 5])).toBe(2);
    expect(tokenEditDistance(new Int32Array([5, 6, 7]), new Int32Array([7, 6, 5]))).toBe(2);
  });

  it('with a cap returns the distance when within it, and something above the cap otherwise', () => {
    expect(tokenEditDistance([1, 2, 3], [4, 5, 6], 2)).toBeGreaterThan(2);
    expect(tokenEditDistance([1, 2, 3], [4, 5, 6], 3)).toBe(3);
    expect(tokenEditDistance([1, 2, 3], [1, 2, 3], 0)).toBe(0);
    expect(tokenEditDistance([1, 2, 3], [1, 2, 4], 0)).toBeGreaterThan(0);
    expect(tokenEditDistance([1], [1, 2, 3, 4, 5, 6], 4)).toBeGreaterThan(4);
    expect(tokenEditDistance([1, 2], [3], -1)).toBeGreaterThan(-1);
    expect(tokenEditDistance([1, 2], [1, 2], 0.5)).toBe(0);
  });

  it('property: agrees with the textbook DP, with and without random caps', () => {
    const r = rng(6);
    for (let i = 0; i < 3000; i++) {
      const alphabet = 2 + Math.floor(r() * 8);
      const a = Array.from({ length: Math.floor(r() * 40) }, () => Math.floor(r() * alphabet));
      const b = r() < 0.5 ? a.map((x) => (r() < 0.2 ? Math.floor(r() * alphabet) : x)).filter(() => r() > 0.1) : Array.from({ length: Math.floor(r() * 40) }, () => Math.floor(r() * alphabet));
      const d = levenshtein(a, b);
      expect(tokenEditDistance(a, b)).toBe(d);
      expect(tokenEditDistance(b, a)).toBe(d);
      const cap = Math.floor(r() * 30);
      const capped = tokenEditDistance(new Int32Array(a), new Int32Array(b), cap);
      if (d <= cap) expect(capped).toBe(d);
      else expect(capped).toBeGreaterThan(cap);
    }
  });

  it('handles long sequences (scratch row grows)', () => {
    const a = Array.from({ length: 3000 }, (_, i) => i % 97);
    const b = [...a.slice(0, 1500), 1000, ...a.slice(1500, 2999)];
    expect(tokenEditDistance(a, b)).toBe(2);
    expect(tokenEditDistance(a, b, 1)).toBeGreaterThan(1);
  });
});
