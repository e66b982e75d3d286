// squeeze (inline.ts) stands for `s.replace(/\s+/g, ' ').trim()` in the parser's hot paths: it
// must give exactly that string for every input, white space of every kind included.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { squeeze } from '../../../src/shared/import/inline.js';

const reference = (s: string) => s.replace(/\s+/g, ' ').trim();
// Plain spaces, the other white space JavaScript knows (tab, line ends, no-break, en/thin
// spaces, line separator, BOM), sentinels and ordinary letters.
const CHARS = [' ', ' ', ' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u2002', '\u2009', '\u202f', '\u2028', '\u3000', '\ufeff', '\ue000', 'a', 'B', '.', 'é'];

describe('squeeze', () => {
  it('is replace(/\\s+/g, " ").trim() (property)', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...CHARS), { maxLength: 40 }).map((a) => a.join('')), (s) => squeeze(s) === reference(s)), { numRuns: 5000 });
  });

  it('examples: already single-spaced, doubled spaces, a lone tab or no-break space', () => {
    for (const s of ['', ' ', 'a b c', ' a b ', 'a  b', 'a\tb', 'a\u00a0b', 'a \nb', '\u2028a', 'a b\u3000']) expect(squeeze(s), JSON.stringify(s)).toBe(reference(s));
    expect(squeeze('a\u00a0 b')).toBe('a b');
  });
});
