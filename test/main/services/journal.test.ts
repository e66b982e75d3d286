// Recovery per draft: one journal per draft id, locks with owner pid and liveness, draft ids
// that survive save and open, and failed saves that keep the work in the journal and say where.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { DraftsService } from '../../../src/main/services/drafts.js';
import type { AtomicFs } from '../../../src/main/services/fs-atomic.js';
import { firstWords, LOCK_FRESH_MS, pidAlive } from '../../../src/main/services/journal.js';
import { emptyDocument, textBlock } from '../../../src/shared/resolution/model.js';
import { tempDir } from '../../helpers/tmp.js';
import type { MessageRef, PlenaryError } from '../../../src/shared/errors.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

function doc(title: string, words = 'Recalling its resolutions 61/194 of 20 December 2006,') {
  const d = emptyDocument({ title }, (p) => `${p}1`);
  d.preambular = [textBlock('p1', words)];
  d.operative = [textBlock('p2', 'Requests the Secretary-General to report.')];
  return d;
}

/** A pid that certainly belongs to no running process: a child that has already exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', ''], { timeout: 60_000 });
  expect(r.pid).toBeGreaterThan(0);
  expect(pidAlive(r.pid)).toBe(false);
  return r.pid;
}

/** Failing file-system calls for writes whose temp file lies outside `keepDir`. */
function failingOutside(keepDir: string, code: string): AtomicFs {
  return {
    openSync: (p, flags, mode) => {
      if (!String(p).startsWith(keepDir)) throw Object.assign(new Error(code), { code });
      return fs.openSync(p, flags, mode);
    },
    writeSync: (fd, data, offset, length) => fs.writeSync(fd, data, offset, length),
    fsyncSync: fs.fsyncSync,
    closeSync: fs.closeSync,
    renameSync: fs.renameSync,
    rmSync: fs.rmSync,
  };
}

describe('one journal per draft', () => {
  it('keeps a journal for every draft with unsaved work and discarding one keeps the others', () => {
    const svc = new DraftsService(tmp.dir, '0.2.0');
    expect(svc.autosave({ key: 'dA', session: 's1', path: '', document: doc('First draft') })).toMatchObject({ ok: true });
    expect(svc.autosave({ key: 'dB', session: 's1', path: '/x/b.plenary', document: doc('Second draft', 'Noting with concern the second text') })).toMatchObject({ ok: true });
    const entries = svc.recoverable('s2');
    expect(entries.map((e) => e.key).sort()).toEqual(['dA', 'dB']);
    const b = entries.find((e) => e.key === 'dB')!;
    expect(b).toMatchObject({ title: 'Second draft', path: '/x/b.plenary', journal: path.join(tmp.dir, 'recovery', 'dB.json') });
    expect(b.firstWords).toBe('Noting with concern the second text Requests the Secretary-General to report.');
    // s1 is alive (this process, fresh heartbeat): a new window sees both as open elsewhere.
    expect(entries.every((e) => e.openElsewhere?.pid === process.pid)).toBe(true);
    svc.discardRecovery('dA');
    expect(svc.recoverable('s1').map((e) => e.key)).toEqual(['dB']);
  });

  it('first words stop after twelve words', () => {
    expect(firstWords(doc('t', 'one two three four five six seven eight nine ten eleven twelve thirteen'))).toBe('one two three four five six seven eight nine ten eleven twelve …');
  });
});

describe('locks', () => {
  it('a second window never overwrites the journal of a draft another live window holds', () => {
    const svc = new DraftsService(tmp.dir, '0.2.0');
    svc.autosave({ key: 'dX', session: 'w1', path: '', document: doc('Window one') });
    const r = svc.autosave({ key: 'dX', session: 'w2', path: '', document: doc('Window two') });
    expect(r).toMatchObject({ ok: false, lockedBy: { pid: process.pid, session: 'w1', hostname: os.hostname() } });
    expect(svc.recoverable('w1')[0]!.title).toBe('Window one');
    expect(svc.heartbeat('w2', ['dX'])).toEqual({ ok: true, lost: ['dX'] });
    expect(svc.heartbeat('w1', ['dX'])).toEqual({ ok: true, lost: [] });
    // Once w1 releases it, w2 may take it.
    svc.release('dX', 'w2'); // not w2's: ignored
    expect(svc.autosave({ key: 'dX', session: 'w2', path: '', document: doc('Window two') })).toMatchObject({ ok: false });
    svc.release('dX', 'w1');
    expect(svc.autosave({ key: 'dX', session: 'w2', path: '', document: doc('Window two') })).toMatchObject({ ok: true });
    expect(svc.recoverable('w2')[0]!.title).toBe('Window two');
  });

  it('opening a draft another window has open warns with the owner and takes no lock', () => {
    const svc = new DraftsService(tmp.dir, '0.2.0');
    const file = path.join(tmp.dir, 'shared.plenary');
    svc.save({ path: file, document: doc('Shared'), draftId: 'dshared' });
    const first = svc.open(file, 'w1');
    expect(first).toMatchObject({ draftId: 'dshared', path: file });
    expect(first.lockedBy).toBeUndefined();
    const second = svc.open(file, 'w2');
    expect(second.draftId).toBe('dshared');
    expect(second.lockedBy).toMatchObject({ pid: process.pid, session: 'w1', path: file });
    // The same window opening it again is not a conflict.
    expect(svc.open(file, 'w1').lockedBy).toBeUndefined();
    // A copy of the file (same stored id, another path) gets its own id and opens freely.
    const copy = path.join(tmp.dir, 'copy.plenary');
    fs.copyFileSync(file, copy);
    const c = svc.open(copy, 'w2');
    expect(c.lockedBy).toBeUndefined();
    expect(c.draftId).not.toBe('dshared');
    expect(svc.open(copy, 'w3').draftId).toBe(c.draftId); // stable for that path
  });

  it('a new draft saved by one window is recognised (not taken for a copy) when another opens its file', () => {
    const svc = new DraftsService(tmp.dir, '0.2.0');
    svc.autosave({ key: 'dnew', session: 'w1', path: '', document: doc('Brand new') });
    const file = path.join(tmp.dir, 'brand-new.plenary');
    svc.save({ path: file, document: doc('Brand new'), draftId: 'dnew', session: 'w1' });
    expect(svc.open(file, 'w2')).toMatchObject({ draftId: 'dnew', lockedBy: { session: 'w1', path: file } });
  });

  it('takes over the stale lock of a dead process', () => {
    const svc = new DraftsService(tmp.dir, '0.2.0');
    fs.mkdirSync(path.join(tmp.dir, 'recovery'), { recursive: true });
    const lock = path.join(tmp.dir, 'recovery', 'dOld.lock');
    fs.writeFileSync(lock, JSON.stringify({ pid: deadPid(), hostname: os.hostname(), session: 'gone', path: '', since: new Date().toISOString() }));
    expect(svc.autosave({ key: 'dOld', session: 'w2', path: '', document: doc('Taken over') })).toMatchObject({ ok: true });
    expect(JSON.parse(fs.readFileSync(lock, 'utf8'))).toMatchObject({ pid: process.pid, session: 'w2' });
  });

  it('a lock held by another live host process (same data folder) is respected until that process dies', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { stdio: 'ignore' });
    try {
      const svc = new DraftsService(tmp.dir, '0.2.0');
      fs.mkdirSync(path.join(tmp.dir, 'recovery'), { recursive: true });
      const lock = path.join(tmp.dir, 'recovery', 'dTwo.lock');
      fs.writeFileSync(lock, JSON.stringify({ pid: other.pid, hostname: os.hostname(), session: 'theirs', path: '', since: new Date().toISOString() }));
      expect(svc.autosave({ key: 'dTwo', session: 'mine', path: '', document: doc('x') })).toMatchObject({ ok: false, lockedBy: { pid: other.pid } });
      const gone = new Promise((r) => other.once('exit', r));
      other.kill('SIGKILL');
      await gone;
      expect(svc.autosave({ key: 'dTwo', session: 'mine', path: '', document: doc('x') })).toMatchObject({ ok: true });
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('takes over a lock whose window stopped beating, even if its process still runs', () => {
    const svc = new DraftsService(tmp.dir, '0.2.0');
    svc.autosave({ key: 'dQuiet', session: 'w1', path: '', document: doc('Quiet') });
    const lock = path.join(tmp.dir, 'recovery', 'dQuiet.lock');
    const old = new Date(Date.now() - LOCK_FRESH_MS - 5000);
    fs.utimesSync(lock, old, old);
    expect(svc.recoverable('w2')[0]!.openElsewhere).toBeUndefined(); // offered to a new window
    expect(svc.autosave({ key: 'dQuiet', session: 'w2', path: '', document: doc('Quiet') })).toMatchObject({ ok: true });
  });

  it('a damaged lock file protects nothing and is replaced', () => {
    const svc = new DraftsService(tmp.dir, '0.2.0');
    fs.mkdirSync(path.join(tmp.dir, 'recovery'), { recursive: true });
    fs.writeFileSync(path.join(tmp.dir, 'recovery', 'dBad.lock'), '{not json');
    expect(svc.autosave({ key: 'dBad', session: 'w1', path: '', document: doc('x') })).toMatchObject({ ok: true });
  });
});

describe('tidying the recovery folder', () => {
  it('removes stale locks without a journal and old temp files, never a journal or a live lock', () => {
    const svc = new DraftsService(tmp.dir, '0.2.0');
    const dir = path.join(tmp.dir, 'recovery');
    svc.autosave({ key: 'dkeep', session: 'w1', path: '', document: doc('Kept') });
    svc.heartbeat('w2', ['dlive']); // a live lock of a clean window, no journal
    fs.writeFileSync(path.join(dir, 'ddead.lock'), JSON.stringify({ pid: deadPid(), hostname: os.hostname(), session: 'x', path: '', since: '' }));
    const old = new Date(Date.now() - 3600_000);
    fs.writeFileSync(path.join(dir, '.dkeep.json.1.2.tmp'), 'half');
    fs.utimesSync(path.join(dir, '.dkeep.json.1.2.tmp'), old, old);
    fs.writeFileSync(path.join(dir, '.dkeep.json.3.4.tmp'), 'in flight');
    const stale = path.join(dir, 'dkeep.lock');
    fs.utimesSync(stale, old, old); // the journal's own lock went stale: kept, the journal needs no lock to be offered
    svc.recoverable('w3');
    expect(fs.readdirSync(dir).sort()).toEqual(['.dkeep.json.3.4.tmp', 'dkeep.json', 'dkeep.lock', 'dlive.lock']);
  });
});

describe('draft ids', () => {
  it('survive save and open; a file without one gets a stable id from its path', () => {
    const svc = new DraftsService(tmp.dir, '0.2.0');
    const { path: p } = svc.save({ name: 'Kept id', document: doc('Kept id'), draftId: 'dkept' });
    expect(JSON.parse(fs.readFileSync(p, 'utf8')).draftId).toBe('dkept');
    expect(svc.open(p).draftId).toBe('dkept');
    const legacy = path.join(tmp.dir, 'legacy.plenary');
    svc.save({ path: legacy, document: doc('Legacy') });
    const id = svc.open(legacy).draftId;
    expect(id).toMatch(/^d[0-9a-f]{20}$/);
    expect(svc.open(legacy).draftId).toBe(id);
    const text = fs.readFileSync(p, 'utf8');
    expect(svc.openContent('picked.plenary', text).draftId).toBe('dkept');
    const fresh = svc.openContent('picked.plenary', fs.readFileSync(legacy, 'utf8')).draftId;
    expect(fresh).not.toBe(svc.openContent('picked.plenary', fs.readFileSync(legacy, 'utf8')).draftId);
  });
});

describe('a draft that fails to save keeps its journal and says where the work is', () => {
  const failures: [string, RegExp][] = [
    ['ENOSPC', /disk is full/],
    ['EACCES', /Permission denied/],
    ['ENOENT', /does not exist/],
  ];
  for (const [code, why] of failures) {
    it(`${code}: the error names the journal, which holds the document`, () => {
      const recovery = path.join(tmp.dir, 'recovery');
      const svc = new DraftsService(tmp.dir, '0.2.0', failingOutside(recovery, code));
      const target = path.join(tmp.dir, 'elsewhere', 'mine.plenary');
      fs.mkdirSync(path.dirname(target));
      let message = '';
      let msg: MessageRef | undefined;
      try {
        svc.save({ path: target, document: doc('Unsaveable'), draftId: 'dfail', session: 'w1' });
      } catch (e) {
        message = (e as Error).message;
        msg = (e as PlenaryError).msg;
      }
      expect(message).toMatch(why);
      // The interface gets the same two sentences as codes: the write failure, then where the work is.
      expect(msg?.code).toMatch(/^write\./);
      expect(msg?.next).toEqual({ code: 'save.journalKept', values: { journal: path.join(recovery, 'dfail.json') } });
      expect(message).toContain(`recovery journal ${path.join(recovery, 'dfail.json')}`);
      expect(fs.existsSync(target)).toBe(false);
      const [entry] = svc.recoverable('w1');
      expect(entry).toMatchObject({ key: 'dfail', path: target, title: 'Unsaveable' });
      expect(entry!.file.document).toEqual(doc('Unsaveable'));
    });
  }

  it('the folder of the draft was removed (real file system)', () => {
    const svc = new DraftsService(tmp.dir, '0.2.0');
    const gone = path.join(tmp.dir, 'usb-stick');
    fs.mkdirSync(gone);
    const target = path.join(gone, 'draft.plenary');
    svc.save({ path: target, document: doc('On the stick'), draftId: 'dstick' });
    fs.rmSync(gone, { recursive: true });
    expect(() => svc.save({ path: target, document: doc('Edited on the stick'), draftId: 'dstick', session: 'w1' })).toThrowError(/does not exist.*safe in the recovery journal/);
    expect(svc.recoverable('w1')[0]!.file.document.meta.title).toBe('Edited on the stick');
  });

  it('the data folder’s drafts/ cannot be created (a file stands in its place): a clear IO error, the work journaled', () => {
    const svc = new DraftsService(tmp.dir, '0.2.0');
    fs.writeFileSync(path.join(tmp.dir, 'drafts'), 'not a folder');
    expect(() => svc.save({ name: 'Blocked', document: doc('Blocked'), draftId: 'dblocked', session: 'w1' })).toThrowError(
      /could not be written|does not exist.*safe in the recovery journal/,
    );
    expect(svc.recoverable('w1')[0]).toMatchObject({ key: 'dblocked', path: '', title: 'Blocked' });
    // Autosave does not need drafts/.
    expect(svc.autosave({ key: 'dblocked', session: 'w1', path: '', document: doc('Blocked again') })).toMatchObject({ ok: true });
  });

  it('when the journal cannot be written either, it says so and what to do', () => {
    const failAll: AtomicFs = { ...failingOutside('/nowhere-at-all', 'ENOSPC') };
    const svc = new DraftsService(tmp.dir, '0.2.0', failAll);
    expect(() => svc.save({ path: path.join(tmp.dir, 'x.plenary'), document: doc('Lost disk'), draftId: 'dfull' })).toThrowError(
      /disk is full.*recovery journal could not be written either.*Download a copy/,
    );
  });
});
