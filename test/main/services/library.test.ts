// The library service: suggestions from the first words (with ghost text), identical wording
// grouped into one match with where it was adopted (drafts never counted), the lineage of a
// paragraph across its resolution family, and the starter library loaded in the background.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { LibraryService } from '../../../src/main/services/library.js';
import { continuationOf } from '../../../src/main/services/library-history.js';
import type { ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { libraryDoc } from '../../helpers/library-docs.js';
import { tempDir } from '../../helpers/tmp.js';
import { buildStarterDatabase } from '../../../scripts/build-starter.js';

const OIL_79 = 'Requests the Secretary-General to report to the General Assembly at its eightieth session on the implementation of the present resolution under the item entitled "Sustainable development";';
const OIL_78 = 'Requests the Secretary-General to report to the General Assembly at its seventy-ninth session on the implementation of the present resolution under the item entitled "Sustainable development";';
const OIL_77 = 'Requests the Secretary-General to report to the General Assembly at its seventy-eighth session on the implementation of the present resolution;';

function res(symbol: string, session: string, date: string, title: string, ops: string[], kind: 'resolution' | 'draft' = 'resolution'): ResolutionDocument {
  return libraryDoc({ kind, symbol, session, adoptionDate: date, title }, ['Recalling its previous resolutions on the subject,'], ops);
}

let tmp: ReturnType<typeof tempDir>;
let lib: LibraryService;
beforeEach(() => {
  tmp = tempDir();
  lib = new LibraryService(path.join(tmp.dir, 'library.sqlite'));
  const add = (d: ResolutionDocument) => lib.addDocument(d, { file: d.meta.symbol, hash: d.meta.symbol });
  add(res('A/RES/77/150', '77', '2022-12-14', 'Oil slick on Lebanese shores', ['Expresses deep concern at the oil slick;', OIL_77]));
  add(res('A/RES/78/143', '78', '2023-12-19', 'Oil slick on Lebanese shores', ['Expresses deep concern at the oil slick;', OIL_78]));
  add(res('A/RES/79/200', '79', '2024-12-19', 'Oil slick on Lebanese shores', ['Expresses deep concern at the oil slick;', OIL_79, 'Decides to include in the provisional agenda of its eightieth session the item.']));
  add(res('A/RES/79/99', '79', '2024-12-10', 'Disaster risk reduction', ['Encourages Member States to strengthen early warning systems for all;']));
  add(res('A/C.2/80/L.30', '80', '', 'Oil slick on Lebanese shores', ['Expresses deep concern at the oil slick;'], 'draft'));
});
afterEach(() => {
  lib.close();
  tmp.cleanup();
});

describe('suggestions from the first words', () => {
  it('puts the paragraph that begins like the typed words on top, with the rest as ghost text', () => {
    const { suggestions } = lib.suggest('Encourages Member States to strengthen');
    expect(suggestions[0]!.symbol).toBe('A/RES/79/99');
    expect(suggestions[0]!.continuation).toBe(' early warning systems for all;');
  });

  it('completes a half-typed word rather than repeating it', () => {
    const { suggestions } = lib.suggest('Encourages Member States to streng');
    expect(suggestions[0]!.continuation).toBe('then early warning systems for all;');
  });

  it('finds a paragraph that contains the typed words, below one that begins with them', () => {
    const { suggestions } = lib.suggest('early warning systems for all');
    expect(suggestions[0]!.symbol).toBe('A/RES/79/99');
    expect(suggestions[0]!.score).toBeLessThan(1);
  });

  it('filters by kind and answers nothing for nothing typed', () => {
    expect(lib.suggest('Recalling its previous', { kind: 'op' }).suggestions.every((s) => s.kind === 'op')).toBe(true);
    expect(lib.suggest('Recalling its previous', { kind: 'pp' }).suggestions[0]!.kind).toBe('pp');
    expect(lib.suggest('  ').suggestions).toEqual([]);
  });
});

describe('identical wording grouped', () => {
  it('lists a paragraph adopted three times once, newest copy shown, drafts not counted as adoptions', () => {
    const { matches } = lib.match('Expresses deep concern at the oil slick;', { limit: 5 });
    const same = matches.filter((m) => m.text === 'Expresses deep concern at the oil slick;');
    expect(same).toHaveLength(1);
    expect(same[0]!.symbol).toBe('A/RES/79/200');
    expect(same[0]!.draft).toBe(false);
    expect(same[0]!.adopted!.count).toBe(3);
    expect(same[0]!.adopted!.years).toEqual([2022, 2024]);
    expect(same[0]!.adopted!.places.map((p) => `${p.symbol} ${p.designation}${p.draft ? ' (draft)' : ''}`)).toEqual([
      'A/RES/79/200 OP1',
      'A/RES/78/143 OP1',
      'A/RES/77/150 OP1',
      'A/C.2/80/L.30 OP1 (draft)',
    ]);
  });

  it('groups wording that differs only in numbers and session ordinals', () => {
    const hit = lib.match(OIL_79).matches[0]!;
    expect(hit.symbol).toBe('A/RES/79/200');
    expect(hit.adopted!.places.map((p) => p.symbol)).toEqual(['A/RES/79/200', 'A/RES/78/143']);
    const history = lib.history(hit.paragraphId);
    expect(history.count).toBe(2);
    expect(history.years).toEqual([2023, 2024]);
  });

  it('reports an unknown paragraph clearly', () => {
    expect(() => lib.history(999_999)).toThrowError(/No paragraph #999999/);
  });
});

describe('lineage', () => {
  it('shows a paragraph across its resolution family, oldest first, with year-to-year diffs', () => {
    const hit = lib.match(OIL_79).matches[0]!;
    const { versions, agreedSince } = lib.lineage(hit.paragraphId);
    expect(versions.map((v) => `${v.symbol}:${v.paragraph?.designation ?? '-'}`)).toEqual(['A/RES/77/150:OP2', 'A/RES/78/143:OP2', 'A/RES/79/200:OP2', 'A/C.2/80/L.30:-']);
    const added = versions[1]!.diff.filter((d) => d.op === 'ins').map((d) => d.text).join('');
    expect(added).toContain('under the item entitled "Sustainable development"');
    expect(versions[2]!.diff.filter((d) => d.op !== 'eq').map((d) => d.text.trim())).toEqual(['seventy-ninth', 'eightieth']);
    expect(versions[3]!.draft).toBe(true);
    // 78/143 said "seventy-ninth" where 79/200 says "eightieth": the exact wording is agreed only since 79/200.
    expect(agreedSince).toEqual({ symbol: 'A/RES/79/200', year: 2024 });
  });
});

describe('resolution family', () => {
  it('is the same title; a shared agenda item counts only when no other document has the title', () => {
    const agenda = [{ number: '18', title: 'Sustainable development' }];
    const add = (d: ResolutionDocument) => lib.addDocument(d, { file: d.meta.symbol, hash: d.meta.symbol });
    add(libraryDoc({ symbol: 'A/RES/78/50', session: '78', adoptionDate: '2023-12-01', title: 'Oil slick on Lebanese shores', agendaItems: agenda }, [], ['Welcomes the cleanup of the oil slick;']));
    add(libraryDoc({ symbol: 'A/RES/79/50', session: '79', adoptionDate: '2024-12-01', title: 'Desertification', agendaItems: agenda }, [], ['Welcomes the cleanup of the oil slick;']));
    add(libraryDoc({ symbol: 'A/RES/79/51', session: '79', adoptionDate: '2024-12-02', title: 'Lone title', agendaItems: agenda }, [], ['Welcomes the restoration of drylands;']));
    const family = (symbol: string) => {
      const hit = lib.search(symbol).hits[0]!;
      return lib.lineage(hit.paragraphId).versions.map((v) => v.symbol);
    };
    expect(family('A/RES/79/50')).toEqual(['A/RES/78/50', 'A/RES/79/50', 'A/RES/79/51']);
    expect(family('A/RES/78/50')).toEqual(['A/RES/77/150', 'A/RES/78/50', 'A/RES/78/143', 'A/RES/79/200', 'A/C.2/80/L.30']);
  });
});

describe('continuationOf', () => {
  it('is the adopted text after the typed words', () => {
    expect(continuationOf([{ op: 'eq', text: 'Requests the ' }, { op: 'del', text: 'Secretary-General' }])).toBe('Secretary-General');
    expect(continuationOf([{ op: 'eq', text: 'Requests' }])).toBe('');
    expect(continuationOf([{ op: 'eq', text: 'Requests the ' }, { op: 'ins', text: 'Secr' }, { op: 'del', text: 'Secretary-General to report' }])).toBe('etary-General to report');
  });
});

describe('starter library in the background', () => {
  function starterFile(n: number): string {
    const lines = Array.from({ length: n }, (_, i) => JSON.stringify({ file: `s${i}.txt`, hash: `s${i}`, document: res(`A/RES/70/${i + 1}`, '70', '2015-12-01', `Topic ${i}`, [`Calls upon States to implement measure number ${i} fully;`]) }));
    const file = path.join(tmp.dir, 'starter.jsonl.gz');
    fs.writeFileSync(file, zlib.gzipSync(lines.join('\n')));
    return file;
  }

  it('answers search at once and completes in the background', async () => {
    const file = starterFile(65);
    const bg = new LibraryService(path.join(tmp.dir, 'bg', 'library.sqlite'), file, { starterInBackground: true });
    try {
      expect(bg.search('implement', {}, 5).hits.length).toBeGreaterThan(0);
      // Suggestions answer from what is loaded too, and see what loads later.
      expect(bg.suggest('Calls upon States to implement measure').suggestions.length).toBeGreaterThan(0);
      expect(bg.starterLoading).toBe(true);
      await bg.starterLoaded();
      expect(bg.starterLoading).toBe(false);
      expect(bg.db.counts().documents).toBe(65);
      expect(bg.match('Calls upon States to implement measure number 64 fully;').matches[0]!.score).toBe(1);
    } finally {
      bg.close();
    }
  });

  it('resumes an interrupted load at the next start without duplicates', async () => {
    const file = starterFile(65);
    const dbFile = path.join(tmp.dir, 'bg2', 'library.sqlite');
    const first = new LibraryService(dbFile, file, { starterInBackground: true });
    void first.db;
    first.close();
    const second = new LibraryService(dbFile, file, { starterInBackground: true });
    try {
      await second.starterLoaded();
      expect(second.db.counts().documents).toBe(65);
    } finally {
      second.close();
    }
  });

  it('starts a new library as a copy of the built starter database, answering at once', async () => {
    const file = starterFile(65);
    const built = path.join(tmp.dir, 'built', 'starter.sqlite');
    fs.mkdirSync(path.dirname(built), { recursive: true });
    expect(buildStarterDatabase(built, file).documents).toBe(65);
    const copy = new LibraryService(path.join(tmp.dir, 'copy', 'library.sqlite'), file, { starterInBackground: true, starterDatabase: built });
    try {
      expect(copy.stats().documents).toBe(65);
      expect(copy.search('"measure number 64"', {}, 5).hits.map((h) => h.symbol)).toEqual(['A/RES/70/65']);
      expect(copy.suggest('Calls upon States to implement measure').suggestions[0]?.continuation).toMatch(/^ number \d+ fully;$/);
      expect(copy.starterLoading).toBe(false);
      await copy.starterLoaded();
      expect(copy.starterLoading).toBe(false);
      expect(copy.stats().documents).toBe(65);
    } finally {
      copy.close();
    }
    // The copy is the user's library from then on: the built file is not touched.
    expect(fs.statSync(built).size).toBeGreaterThan(0);
  });

  it('imports the starter file as before when the built database is damaged, leaving no broken library', async () => {
    const file = starterFile(5);
    const bad = path.join(tmp.dir, 'bad.sqlite');
    fs.writeFileSync(bad, 'not a database at all, but long enough to look like a header '.repeat(100));
    const lib = new LibraryService(path.join(tmp.dir, 'fallback', 'library.sqlite'), file, { starterInBackground: true, starterDatabase: bad });
    try {
      await lib.starterLoaded();
      expect(lib.starterFailure).toBeNull();
      expect(lib.stats().documents).toBe(5);
    } finally {
      lib.close();
    }
  });

  it('keeps the reason when the starter file is damaged, and the library stays usable', async () => {
    const file = path.join(tmp.dir, 'bad.jsonl.gz');
    fs.writeFileSync(file, 'not gzip');
    const bg = new LibraryService(path.join(tmp.dir, 'bg3', 'library.sqlite'), file, { starterInBackground: true });
    try {
      await bg.starterLoaded();
      expect(bg.starterFailure).toMatch(/starter library could not be loaded/);
      expect(bg.db.counts().documents).toBe(0);
    } finally {
      bg.close();
    }
  });
});
