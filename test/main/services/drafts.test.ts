// Drafts on disk: atomic saves that survive failures, clear errors, recent files, recovery journal.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { DraftsService } from '../../../src/main/services/drafts.js';
import { writeFileAtomic, type AtomicFs } from '../../../src/main/services/fs-atomic.js';
import { emptyDocument, textBlock } from '../../../src/shared/resolution/model.js';
import { PlenaryError } from '../../../src/shared/errors.js';
import { tempDir } from '../../helpers/tmp.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

function sampleDoc(title = 'Oil slick on Lebanese shores') {
  const d = emptyDocument({ title, symbol: 'A/C.2/79/L.30', session: '79' }, (p) => `${p}1`);
  d.preambular = [textBlock('p1', 'Recalling its resolutions 61/194,')];
  d.operative = [textBlock('p2', 'Requests the Secretary-General to report.')];
  return d;
}

describe('atomic writes', () => {
  it('a write that fails half-way (disk full) leaves the previous file intact and no temp file', () => {
    const file = path.join(tmp.dir, 'draft.plenary');
    fs.writeFileSync(file, 'previous content');
    let calls = 0;
    const failing: AtomicFs = {
      openSync: fs.openSync,
      writeSync: (fd, data, offset, length) => {
        calls++;
        if (calls === 1) return fs.writeSync(fd, data, offset, Math.min(5, length));
        const e = new Error('no space left on device') as NodeJS.ErrnoException;
        e.code = 'ENOSPC';
        throw e;
      },
      fsyncSync: fs.fsyncSync,
      closeSync: fs.closeSync,
      renameSync: fs.renameSync,
      rmSync: fs.rmSync,
    };
    expect(() => writeFileAtomic(file, 'new content that will not fit', failing)).toThrowError(/disk is full.*previous version was kept/);
    expect(fs.readFileSync(file, 'utf8')).toBe('previous content');
    expect(fs.readdirSync(tmp.dir)).toEqual(['draft.plenary']);
  });

  it('a crash before the rename (simulated) leaves the previous file intact', () => {
    const file = path.join(tmp.dir, 'draft.plenary');
    fs.writeFileSync(file, 'v1');
    const crash: AtomicFs = {
      openSync: fs.openSync,
      writeSync: (fd, data, offset, length) => fs.writeSync(fd, data, offset, length),
      fsyncSync: fs.fsyncSync,
      closeSync: fs.closeSync,
      renameSync: () => {
        throw Object.assign(new Error('EIO'), { code: 'EIO' });
      },
      rmSync: fs.rmSync,
    };
    expect(() => writeFileAtomic(file, 'v2', crash)).toThrow(PlenaryError);
    expect(fs.readFileSync(file, 'utf8')).toBe('v1');
  });
});

describe('DraftsService', () => {
  it('saves a new draft in the data folder and opens it again unchanged', () => {
    const svc = new DraftsService(tmp.dir, '0.1.0');
    const doc = sampleDoc();
    const { path: p } = svc.save({ document: doc });
    expect(p).toBe(path.join(tmp.dir, 'drafts', 'Oil slick on Lebanese shores.plenary'));
    const opened = svc.open(p);
    expect(opened.file.document).toEqual(doc);
    expect(opened.file.version).toBe(1);
    // A second new draft with the same title does not overwrite the first.
    const second = svc.save({ document: doc });
    expect(second.path).not.toBe(p);
    expect(svc.list().map((d) => d.path).sort()).toEqual([p, second.path].sort());
  });

  it('a save that fails keeps the previous version on disk and says why', () => {
    const file = path.join(tmp.dir, 'mine.plenary');
    const ok = new DraftsService(tmp.dir, '0.1.0');
    ok.save({ path: file, document: sampleDoc('First') });
    const failingFs: AtomicFs = {
      openSync: fs.openSync,
      writeSync: () => {
        throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
      },
      fsyncSync: fs.fsyncSync,
      closeSync: fs.closeSync,
      renameSync: fs.renameSync,
      rmSync: fs.rmSync,
    };
    const failing = new DraftsService(tmp.dir, '0.1.0', failingFs);
    expect(() => failing.save({ path: file, document: sampleDoc('Second') })).toThrowError(/disk is full/);
    expect(ok.open(file).file.document.meta.title).toBe('First');
  });

  it('refuses to open or overwrite a file from a newer Plenary, and names it', () => {
    const file = path.join(tmp.dir, 'future.plenary');
    const content = JSON.stringify({ format: 'plenary', version: 99, document: {} });
    fs.writeFileSync(file, content);
    const svc = new DraftsService(tmp.dir, '0.1.0');
    expect(() => svc.open(file)).toThrowError(/future\.plenary was saved by a newer version of Plenary/);
    expect(() => svc.save({ path: file, document: sampleDoc() })).toThrowError(/newer version/);
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
  });

  it('reports a corrupt file clearly and never overwrites a file that is not a draft', () => {
    const bad = path.join(tmp.dir, 'broken.plenary');
    fs.writeFileSync(bad, '{"format":"plenary","version":1,"document":{"meta":');
    const svc = new DraftsService(tmp.dir, '0.1.0');
    expect(() => svc.open(bad)).toThrowError(/broken\.plenary is damaged/);
    const other = path.join(tmp.dir, 'notes.plenary');
    fs.writeFileSync(other, 'Some notes that are not JSON');
    expect(() => svc.save({ path: other, document: sampleDoc() })).toThrowError(/not a Plenary draft; it was not overwritten/);
    expect(fs.readFileSync(other, 'utf8')).toBe('Some notes that are not JSON');
    expect(() => svc.open(path.join(tmp.dir, 'missing.plenary'))).toThrowError(/missing\.plenary was not found/);
  });

  it('keeps a recovery journal until it is discarded', () => {
    const svc = new DraftsService(tmp.dir, '0.1.0');
    svc.autosave({ key: 'sabc', path: '', document: sampleDoc('Unsaved work') });
    const entries = svc.recoverable();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ key: 'sabc', path: '', title: 'Unsaved work' });
    expect(entries[0]!.file.document).toEqual(sampleDoc('Unsaved work'));
    // A damaged journal is skipped, not fatal.
    fs.writeFileSync(path.join(tmp.dir, 'recovery', 'broken.json'), '{');
    expect(svc.recoverable()).toHaveLength(1);
    svc.discardRecovery('sabc');
    expect(svc.recoverable()).toHaveLength(0);
  });
});
