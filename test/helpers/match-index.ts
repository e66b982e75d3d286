// Match index checks shared by the library tests.
import { expect } from 'vitest';
import { MatchIndex } from '../../src/main/services/matcher.js';
import type { LibraryService } from '../../src/main/services/library.js';

/**
 * Asserts that `index` answers exactly as an index rebuilt from `lib`'s stored tokens: the same
 * size, and the same top 5 for each probe text, whole and as an opening.
 */
export function expectSameAsRebuild(lib: LibraryService, index: MatchIndex, probe: readonly string[]): void {
  const fresh = new MatchIndex();
  fresh.load(lib.db.matchBlobs());
  expect(index.size).toBe(fresh.size);
  for (const text of probe) {
    const t = lib.db.tokenIds(text, false);
    expect(index.query(t, 5)).toEqual(fresh.query(t, 5));
    expect(index.query(t, 5, { prefix: true })).toEqual(fresh.query(t, 5, { prefix: true }));
  }
}
