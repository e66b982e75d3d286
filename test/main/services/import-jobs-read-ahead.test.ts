// A background import hands every file of the walk to one importPaths call (issue 14, import
// speed): the import worker then reads ahead across the whole import while the main thread
// stores, instead of waiting at the end of every few files for the store of the last ones; a
// cancel reaches the import through its signal and stops it between files, keeping what was
// stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { ImportJobs } from '../../../src/main/services/import-jobs.js';
import { LibraryService, summarize, type ImportItem } from '../../../src/main/services/library.js';
import { CORPUS } from '../../helpers/corpus.js';
import { tempDir } from '../../helpers/tmp.js';

let tmp: ReturnType<typeof tempDir>;
let root: string;
beforeEach(() => {
  tmp = tempDir();
  root = path.join(tmp.dir, 'tree');
  fs.mkdirSync(root, { recursive: true });
  for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(root, `r${String(i).padStart(2, '0')}.txt`), 'x');
});
afterEach(() => tmp.cleanup());

type ImportPaths = LibraryService['importPaths'];

/** A library whose importPaths records its calls and imports each file at once (or, with `gate`, once the gate opens). */
function fakeLibrary(gate?: Promise<void>) {
  const calls: { files: string[]; signal: AbortSignal | undefined }[] = [];
  const importPaths: ImportPaths = async (inputs, onProgress, _walked, signal) => {
    calls.push({ files: [...inputs], signal });
    const items: ImportItem[] = [];
    for (const [i, file] of inputs.entries()) {
      if (signal?.aborted) break;
      if (i > 0 && gate) await gate;
      const item: ImportItem = { file, status: 'imported', paragraphs: 1 };
      items.push(item);
      onProgress?.(i + 1, inputs.length, item);
    }
    return summarize(items);
  };
  return { calls, library: { importPaths } };
}

describe('background import and the import worker', () => {
  it('gives every file to one importPaths call, in walk order', async () => {
    const { calls, library } = fakeLibrary();
    const jobs = new ImportJobs(library, { home: '/nonexistent-home' });
    const done = await jobs.settled(jobs.start([root]).id);
    expect(done.phase).toBe('done');
    expect(done.done).toBe(20);
    expect(calls.length).toBe(1);
    expect(calls[0]!.files.map((f) => path.basename(f))).toEqual(Array.from({ length: 20 }, (_, i) => `r${String(i).padStart(2, '0')}.txt`));
  });

  it('a cancel reaches the import through its signal; what was stored stays', async () => {
    let open!: () => void;
    const { calls, library } = fakeLibrary(new Promise<void>((resolve) => (open = resolve)));
    const jobs = new ImportJobs(library, { home: '/nonexistent-home' });
    const a = jobs.start([root]);
    while (jobs.status(a.id).done < 1) await new Promise((r) => setTimeout(r, 5));
    const cancelling = jobs.cancel(a.id);
    expect(calls[0]!.signal?.aborted).toBe(true);
    open();
    const s = await cancelling;
    expect(s.phase).toBe('cancelled');
    // The file being read when the cancel came is still stored; none after it.
    expect(s.done).toBe(2);
    expect(s.summary?.imported).toBe(2);
  });
});

describe('importPaths and its signal', () => {
  const GA = fs.readdirSync(path.join(CORPUS, 'ga-en')).filter((f) => /^A_RES_7[89]_\d+\.txt$/.test(f)).sort().slice(0, 40).map((f) => path.join(CORPUS, 'ga-en', f));

  it('imports nothing once aborted; aborted part way it stops between files and keeps what it stored', async () => {
    const lib = new LibraryService(path.join(tmp.dir, 'library.sqlite'));
    try {
      const none = await lib.importPaths(GA, undefined, undefined, AbortSignal.abort());
      expect(none.items).toEqual([]);
      expect(lib.stats().documents).toBe(0);

      const abort = new AbortController();
      // Aborted when the first file is reported: at most one batch (32 files) was stored by then.
      const part = await lib.importPaths(GA, () => abort.abort(), undefined, abort.signal);
      expect(part.imported).toBeGreaterThan(0);
      expect(part.imported).toBeLessThan(GA.length);
      expect(part.items.map((i) => i.file)).toEqual(GA.slice(0, part.items.length));
      expect(lib.stats().documents).toBe(part.imported);
    } finally {
      lib.close();
    }
  }, 180_000);
});
