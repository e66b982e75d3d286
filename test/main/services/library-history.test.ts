// The history of a paragraph on real resolutions (../shared/corpus/ga-en): A/RES/78/102 and its
// follow-up A/RES/79/116 ("Criminal accountability of United Nations officials and experts on
// mission"). Wordings that differ only in the session ordinal are grouped as near-identical, but
// "agreed since" follows the exact wording.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { LibraryService } from '../../../src/main/services/library.js';
import { sameWords } from '../../../src/main/services/library-history.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { CORPUS } from '../../helpers/corpus.js';
import { tempDir } from '../../helpers/tmp.js';

let tmp: ReturnType<typeof tempDir>;
let lib: LibraryService;
beforeEach(() => {
  tmp = tempDir();
  lib = new LibraryService(path.join(tmp.dir, 'library.sqlite'));
  for (const name of ['A_RES_78_102.txt', 'A_RES_79_116.txt']) {
    const text = fs.readFileSync(path.join(CORPUS, 'ga-en', name), 'utf8');
    lib.addDocument(parseResolutionText(text, { fileName: name, format: 'text' }).document, { file: name, hash: name });
  }
});
afterEach(() => {
  lib.close();
  tmp.cleanup();
});

/** The paragraph of `symbol` whose text matches `re`. */
function para(symbol: string, re: RegExp): { id: number; text: string } {
  const doc = lib.document(symbol)!;
  const p = lib.db.paragraphsOf(doc.row.id).find((x) => re.test(x.text));
  if (!p) throw new Error(`no paragraph ${re} in ${symbol}`);
  return p;
}

describe('paragraph history on real resolutions', () => {
  it('groups wordings that differ only in the session ordinal, but dates the agreement from the exact wording', () => {
    const agenda = /^Decides to include in the provisional agenda/;
    const old = para('A/RES/78/102', agenda);
    const now = para('A/RES/79/116', agenda);
    expect(old.text).toContain('seventy-ninth session');
    expect(now.text).toContain('eightieth session');
    expect(sameWords(old.text, now.text)).toBe(false);
    // Near-identical: one group, adopted twice, 2023–2024.
    const record = lib.history(now.id);
    expect(record.places.map((p) => p.symbol)).toEqual(['A/RES/79/116', 'A/RES/78/102']);
    expect(record.count).toBe(2);
    // But the wording "eightieth session" is agreed only since A/RES/79/116.
    const { versions, agreedSince } = lib.lineage(now.id);
    expect(versions.map((v) => v.symbol)).toEqual(['A/RES/78/102', 'A/RES/79/116']);
    expect(versions[1]!.diff.filter((d) => d.op !== 'eq').map((d) => d.text.trim())).toEqual(expect.arrayContaining(['seventy-ninth', 'eightieth']));
    expect(agreedSince).toEqual({ symbol: 'A/RES/79/116', year: 2024 });
  });

  it('dates a wording repeated word for word from its first adoption', () => {
    const old = lib.db.paragraphsOf(lib.document('A/RES/78/102')!.row.id);
    const now = lib.db.paragraphsOf(lib.document('A/RES/79/116')!.row.id);
    const same = now.find((p) => p.kind === 'op' && old.some((o) => o.text === p.text && o.designation === p.designation));
    expect(same).toBeDefined();
    expect(lib.lineage(same!.id).agreedSince).toEqual({ symbol: 'A/RES/78/102', year: 2023 });
  });

  it('compares words, numbers and ordinals included, not case, punctuation or spacing', () => {
    expect(sameWords('Decides to remain seized of the matter;', 'decides  to remain seized of the matter.')).toBe(true);
    expect(sameWords('report in 2024, including', 'report in 2025, including')).toBe(false);
    expect(sameWords('at its seventy-ninth session', 'at its eightieth session')).toBe(false);
  });
});
