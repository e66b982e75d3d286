// The stored match index: blobs round-trip exactly (16-bit and 32-bit token widths), a damaged
// blob is refused with a clear error, and the wording hash separates different token sequences.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeMatchBlob, encodeMatchBlob, KIND_CODES, tokenHash, type MatchEntry } from '../../../src/main/db/match-store.js';

const entry = fc.record({
  id: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  kind: fc.constantFrom(...KIND_CODES),
  tokens: fc.array(fc.integer({ min: 0, max: 200_000 }), { maxLength: 40 }).map((a) => new Int32Array(a)),
});

describe('match blobs', () => {
  it('round-trip ids, kinds and tokens (property)', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), (entries: MatchEntry[]) => {
        const b = decodeMatchBlob(encodeMatchBlob(entries));
        expect([...b.ids]).toEqual(entries.map((e) => e.id));
        expect([...b.kinds].map((k) => KIND_CODES[k])).toEqual(entries.map((e) => e.kind));
        expect([...b.lens]).toEqual(entries.map((e) => e.tokens.length));
        expect([...b.tokens]).toEqual(entries.flatMap((e) => [...e.tokens]));
      }),
    );
  });

  it('stores small vocabularies in 16 bits per token', () => {
    const small = encodeMatchBlob([{ id: 1, kind: 'op', tokens: new Int32Array([1, 2, 65535]) }]);
    const large = encodeMatchBlob([{ id: 1, kind: 'op', tokens: new Int32Array([1, 2, 65536]) }]);
    expect(large.length - small.length).toBe(6);
  });

  it('refuses a truncated blob', () => {
    const blob = encodeMatchBlob([{ id: 7, kind: 'pp', tokens: new Int32Array([5, 6, 7]) }]);
    expect(() => decodeMatchBlob(blob.subarray(0, blob.length - 2))).toThrowError(/damaged match index entry/);
  });
});

describe('tokenHash', () => {
  it('is equal for equal sequences and differs for reordered or changed ones', () => {
    const a = new Int32Array([3, 1, 4, 1, 5]);
    expect(tokenHash(a)).toBe(tokenHash(new Int32Array([3, 1, 4, 1, 5])));
    expect(tokenHash(a)).not.toBe(tokenHash(new Int32Array([1, 3, 4, 1, 5])));
    expect(tokenHash(a)).not.toBe(tokenHash(new Int32Array([3, 1, 4, 1])));
    expect(Number.isSafeInteger(tokenHash(a))).toBe(true);
  });
});
