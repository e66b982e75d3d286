// Folder import over generated trees: symbolic-link loops, dangling links and unreadable entries
// are passed over and listed; the background import reports progress, can be cancelled, and asks
// before walking a home or root folder or more than the file limit. Stale temp files are cleaned.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { CONFIRM_FILE_LIMIT, continueWalk, expandPaths, FolderWalk, sensitiveRoot, type WalkFs } from '../../../src/main/services/folder-walk.js';
import { ImportJobs } from '../../../src/main/services/import-jobs.js';
import { LibraryService } from '../../../src/main/services/library.js';
import { cleanStaleTempFiles } from '../../../src/main/services/temp-clean.js';
import { createServices } from '../../../src/main/services/index.js';
import { dispatch } from '../../../src/main/services/dispatch.js';
import { tempDir } from '../../helpers/tmp.js';

const RESOLUTION = (n: number) => `The General Assembly,\n\nRecalling its resolution ${n}/1,\n\n1. Decides to remain seized of the matter number ${n}.\n`;

let tmp: ReturnType<typeof tempDir>;
let root: string;
beforeEach(() => {
  tmp = tempDir();
  root = path.join(tmp.dir, 'tree');
  fs.mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
  fs.writeFileSync(path.join(root, 'a', 'one.txt'), RESOLUTION(1));
  fs.writeFileSync(path.join(root, 'a', 'b', 'two.txt'), RESOLUTION(2));
  fs.writeFileSync(path.join(root, 'a', 'b', 'ignored.bin'), 'x');
  fs.mkdirSync(path.join(root, 'locked'));
  fs.writeFileSync(path.join(root, 'locked', 'three.txt'), RESOLUTION(3));
  fs.writeFileSync(path.join(root, 'secret.txt'), RESOLUTION(4));
  // A loop (a link to an ancestor), a self-link, a dangling link.
  fs.symlinkSync(root, path.join(root, 'a', 'b', 'loop'));
  fs.symlinkSync(path.join(root, 'self'), path.join(root, 'self'));
  fs.symlinkSync(path.join(root, 'gone.txt'), path.join(root, 'dangling.txt'));
});
afterEach(() => tmp.cleanup());

/** Tests run as root, where chmod does not bite: these entries answer EACCES instead. */
function lockedFs(): WalkFs {
  const denied = (p: string) => Object.assign(new Error(`EACCES: permission denied, ${p}`), { code: 'EACCES' });
  return {
    statSync: (p) => fs.statSync(p),
    lstatSync: (p) => fs.lstatSync(p),
    realpathSync: (p) => fs.realpathSync.native(p),
    readdirSync: (p) => {
      if (path.basename(p) === 'locked') throw denied(p);
      return fs.readdirSync(p);
    },
    accessSync: (p, mode) => {
      if (path.basename(p) === 'secret.txt') throw denied(p);
      fs.accessSync(p, mode);
    },
  };
}

describe('folder walk', () => {
  it('passes over loops, dangling links and unreadable entries, listing each, and finds the rest', () => {
    const r = expandPaths([root], lockedFs());
    expect(r.files.map((f) => path.relative(root, f))).toEqual([path.join('a', 'b', 'two.txt'), path.join('a', 'one.txt')]);
    const reasons = Object.fromEntries(r.passedOver.map((p) => [path.relative(root, p.path), p.reason]));
    expect(reasons).toEqual({
      [path.join('a', 'b', 'loop')]: expect.stringMatching(/loop/),
      'dangling.txt': expect.stringMatching(/dangling/),
      locked: 'permission denied',
      'secret.txt': 'permission denied',
      self: expect.stringMatching(/loop/),
    });
    expect(r.missing).toEqual([]);
  });

  it('passes over links that point outside the chosen folders; follows links that stay inside', () => {
    const outside = path.join(tmp.dir, 'outside');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'private.txt'), RESOLUTION(5));
    const tree = path.join(tmp.dir, 'tree2');
    fs.mkdirSync(path.join(tree, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(tree, 'sub', 'own.txt'), RESOLUTION(6));
    fs.symlinkSync(outside, path.join(tree, 'to-outside'));
    fs.symlinkSync(path.join(outside, 'private.txt'), path.join(tree, 'private-link.txt'));
    fs.symlinkSync(path.join(tree, 'sub', 'own.txt'), path.join(tree, 'alias.txt'));
    const r = expandPaths([tree]);
    expect(r.files.map((f) => path.relative(tree, f))).toEqual(['alias.txt', path.join('sub', 'own.txt')]);
    expect(r.passedOver).toEqual([
      { path: path.join(tree, 'private-link.txt'), reason: 'symbolic link pointing outside the chosen folder' },
      { path: path.join(tree, 'to-outside'), reason: 'symbolic link pointing outside the chosen folder' },
    ]);
    // Both folders chosen: the link now stays inside a chosen folder and is followed.
    const both = expandPaths([tree, outside]);
    expect(both.files.map((f) => path.relative(tmp.dir, f))).toContain(path.join('tree2', 'private-link.txt'));
    // A chosen input that is itself a link is the user's own choice and is walked.
    fs.symlinkSync(outside, path.join(tmp.dir, 'chosen-link'));
    expect(expandPaths([path.join(tmp.dir, 'chosen-link')]).files).toEqual([path.join(tmp.dir, 'chosen-link', 'private.txt')]);
  });

  it('reports a missing input as missing, and walks the same folder given twice once', () => {
    const r = expandPaths([path.join(root, 'locked'), path.join(root, 'locked'), path.join(root, 'nope')]);
    expect(r.files).toEqual([path.join(root, 'locked', 'three.txt')]);
    expect(r.passedOver).toEqual([{ path: path.join(root, 'locked'), reason: expect.stringMatching(/already walked/) }]);
    expect(r.missing).toEqual([path.join(root, 'nope')]);
  });

  it('the async walk stops at the limit and resumes, and stops on abort', async () => {
    const walk = new FolderWalk([root]);
    const first = await continueWalk(walk, { limit: 0 });
    expect(first.limited).toBe(true);
    expect(first.files.length).toBe(1);
    const rest = await continueWalk(walk);
    expect(rest.limited).toBe(false);
    expect(rest.files.length).toBe(4);
    const ctl = new AbortController();
    ctl.abort(new Error('stop'));
    await expect(continueWalk(new FolderWalk([root]), { signal: ctl.signal })).rejects.toThrowError('stop');
  });

  it('names home and disk roots as needing a question', () => {
    expect(sensitiveRoot('/', '/home/d')).toMatch(/root of a disk/);
    expect(sensitiveRoot('/home/d', '/home/d')).toMatch(/home folder/);
    expect(sensitiveRoot('/home', '/home/d')).toMatch(/holds your home folder/);
    expect(sensitiveRoot('/home/d/resolutions', '/home/d')).toBeUndefined();
    expect(CONFIRM_FILE_LIMIT).toBeGreaterThanOrEqual(1000);
  });
});

describe('background import', () => {
  let lib: LibraryService;
  beforeEach(() => {
    lib = new LibraryService(path.join(tmp.dir, 'library.sqlite'));
  });
  afterEach(() => lib.close());

  it('imports a tree with bad entries, listing what it passed over; the library is intact', async () => {
    const jobs = new ImportJobs(lib, { fs: lockedFs(), home: '/nonexistent-home' });
    const started = jobs.start([root]);
    expect(['walking', 'importing', 'done']).toContain(started.phase);
    const s = await jobs.settled(started.id);
    expect(s.phase).toBe('done');
    expect(s.summary).toMatchObject({ imported: 2, failed: 0 });
    expect(s.summary?.skipped).toBe(5);
    expect(s.passedOver.map((p) => path.basename(p.path)).sort()).toEqual(['dangling.txt', 'locked', 'loop', 'secret.txt', 'self']);
    expect(s.done).toBe(2);
    expect(lib.db.counts().documents).toBe(2);
  });

  it('asks before walking past the limit; confirming goes on, cancelling keeps what was imported', async () => {
    const jobs = new ImportJobs(lib, { limit: 1, home: '/nonexistent-home' });
    const a = jobs.start([root]);
    await waitFor(() => jobs.status(a.id).phase === 'confirm');
    expect(jobs.status(a.id).question).toMatch(/More than 1 files/);
    jobs.confirm(a.id);
    expect((await jobs.settled(a.id)).summary?.imported).toBe(4);

    const b = jobs.start([root]);
    await waitFor(() => jobs.status(b.id).phase === 'confirm');
    const cancelled = await jobs.cancel(b.id);
    expect(cancelled.phase).toBe('cancelled');
    expect(cancelled.done).toBe(0);
  });

  it('asks before importing a home folder, unless confirmed up front', async () => {
    const jobs = new ImportJobs(lib, { home: root });
    const a = jobs.start([root]);
    await waitFor(() => jobs.status(a.id).phase === 'confirm');
    expect(jobs.status(a.id).question).toMatch(/home folder/);
    expect(jobs.status(a.id).found).toBe(0);
    expect((await jobs.cancel(a.id)).phase).toBe('cancelled');
    const b = jobs.start([root], true);
    expect((await jobs.settled(b.id)).phase).toBe('done');
  });

  it('cancel during the import stops between files', async () => {
    // More files than one store batch (32): the first progress comes when a batch is stored.
    for (let i = 0; i < 70; i++) fs.writeFileSync(path.join(root, 'a', `many-${i}.txt`), RESOLUTION(100 + i));
    const jobs = new ImportJobs(lib, { home: '/nonexistent-home' });
    const a = jobs.start([root]);
    await waitFor(() => jobs.status(a.id).done >= 1);
    const s = await jobs.cancel(a.id);
    expect(s.phase).toBe('cancelled');
    expect(s.done).toBeLessThan(72);
    expect(lib.db.counts().documents).toBe(s.summary?.imported);
  });

  it('unknown job ids are NOT_FOUND; the API runs the same jobs (dispatch, folder chosen in a dialog)', async () => {
    const api = createServices({
      dataDir: path.join(tmp.dir, 'data'),
      mode: 'electron',
      version: '9',
      starter: false,
      dialogs: { openFile: async () => [root], saveFile: async () => null },
    });
    try {
      expect(await dispatch(api, 'library.importStatus', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await dispatch(api, 'library.importStart', { paths: [root] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      await dispatch(api, 'dialog.openFile', { folder: true });
      const r = await dispatch(api, 'library.importStart', { paths: [root], confirmed: true });
      if (!r.ok) throw new Error(r.error.message);
      const id = (r.result as { id: string }).id;
      let status;
      do {
        status = await dispatch(api, 'library.importStatus', { id });
      } while (status.ok && !['done', 'cancelled'].includes((status.result as { phase: string }).phase) && (await tick()));
      expect(status).toMatchObject({ ok: true, result: { phase: 'done', summary: { imported: 4 } } });
    } finally {
      api.close();
    }
  });
});

describe('stale temp files', () => {
  it('removes temp files of dead processes and old ones, keeps live ones and other files', () => {
    const dir = path.join(tmp.dir, 'data');
    fs.mkdirSync(dir);
    const now = Date.now();
    const dead = path.join(dir, `.draft.plenary.999999999.${now}.tmp`);
    const old = path.join(dir, `.draft.plenary.${process.pid}.${now - 2 * 24 * 3600 * 1000}.tmp`);
    const live = path.join(dir, `.draft.plenary.${process.pid}.${now}.tmp`);
    const keep = path.join(dir, 'draft.plenary');
    const odd = path.join(dir, 'notes.tmp');
    for (const f of [dead, old, live, keep, odd]) fs.writeFileSync(f, 'x');
    expect(cleanStaleTempFiles([dir, path.join(tmp.dir, 'missing')], now).sort()).toEqual([dead, old].sort());
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(live), 'draft.plenary', 'notes.tmp'].sort());
  });

  it('runs when the services start', () => {
    const dir = path.join(tmp.dir, 'data2');
    fs.mkdirSync(path.join(dir, 'drafts'), { recursive: true });
    const stale = path.join(dir, 'drafts', `.x.plenary.999999999.${Date.now()}.tmp`);
    fs.writeFileSync(stale, 'x'.repeat(1000));
    createServices({ dataDir: dir, mode: 'test', version: '9', starter: false }).close();
    expect(fs.existsSync(stale)).toBe(false);
  });
});

function tick(): Promise<true> {
  return new Promise((r) => setTimeout(() => r(true), 5));
}

async function waitFor(cond: () => boolean): Promise<void> {
  // No time bound: the test's own timeout is the limit (a loaded machine is slow, not wrong).
  while (!cond()) await tick();
}

describe('library.import (cannot ask)', () => {
  it('walks in the background and refuses, importing nothing, what would need a question', async () => {
    const api = createServices({ dataDir: path.join(tmp.dir, 'data'), mode: 'test', version: '9', starter: false });
    try {
      expect((await api['library.import']({ paths: [root] })).imported).toBe(4);
      await expect(api['library.import']({ paths: [path.parse(root).root] })).rejects.toThrowError(/root of a disk.*Nothing was imported/);
      expect((await api['library.stats']({})).documents).toBe(4);
    } finally {
      api.close();
    }
  });
});
