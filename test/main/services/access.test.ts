// The file-access rule of the transports: every path-taking method probed with foreign, relative,
// traversal and symlinked paths; dialog answers, the data folder and recent drafts allowed;
// errors never echo a file's content.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { apiInputs, type ApiMethod, type ApiReply } from '../../../src/shared/api.js';
import { createServices, type DialogPort, type Services } from '../../../src/main/services/index.js';
import { dispatch } from '../../../src/main/services/dispatch.js';
import { canonicalPath, FileAccess, RULES } from '../../../src/main/services/access.js';
import { emptyDocument, textBlock } from '../../../src/shared/resolution/model.js';
import { tempDir } from '../../helpers/tmp.js';

const SECRET = 'root:x:0:0:SECRET-CONTENT-42';

let tmp: ReturnType<typeof tempDir>;
let data: string;
let outside: string;
let api: Services;
let dialogAnswers: { open: string[] | null; save: string | null };

function sampleDoc() {
  const d = emptyDocument({ title: 'Oil slick', symbol: 'A/C.2/79/L.30', session: '79' }, (p) => `${p}1`);
  d.operative = [textBlock('p2', 'Requests the Secretary-General to report.')];
  return d;
}

beforeEach(() => {
  tmp = tempDir();
  data = path.join(tmp.dir, 'data');
  outside = path.join(tmp.dir, 'outside');
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'passwd'), SECRET);
  fs.writeFileSync(path.join(outside, 'canary.txt'), SECRET);
  fs.writeFileSync(path.join(outside, 'secret.plenary'), SECRET);
  dialogAnswers = { open: null, save: null };
  const dialogs: DialogPort = { openFile: async () => dialogAnswers.open, saveFile: async () => dialogAnswers.save };
  api = createServices({ dataDir: data, mode: 'electron', version: '9.9.9', starter: false, dialogs });
  fs.mkdirSync(path.join(data, 'drafts'), { recursive: true });
});
afterEach(() => {
  api.close();
  tmp.cleanup();
});

const call = (method: ApiMethod, input: unknown): Promise<ApiReply<unknown>> => dispatch(api, method, input);

/** A call with each path-taking method, `p` in the path slot. */
function probes(p: string): [ApiMethod, unknown][] {
  const document = sampleDoc();
  return [
    ['drafts.open', { path: p }],
    ['drafts.importFile', { path: p }],
    ['drafts.mergeWord', { path: p, document }],
    ['library.import', { paths: [p] }],
    ['library.importStart', { paths: [p] }],
    ['drafts.save', { path: p, document }],
    ['drafts.autosave', { key: 'k1', path: p, document }],
    ['export.save', { path: p, document, format: 'txt' }],
    ['files.write', { path: p, dataBase64: Buffer.from('dropped').toString('base64') }],
  ];
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of fs.readdirSync(dir)) {
    const f = path.join(dir, n);
    if (fs.lstatSync(f).isFile()) out[n] = fs.readFileSync(f, 'utf8');
  }
  return out;
}

async function expectAllRefused(p: string): Promise<void> {
  const before = snapshot(outside);
  for (const [method, input] of probes(p)) {
    const r = await call(method, input);
    expect(r, `${method} ${p}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (!r.ok) expect(r.error.message).not.toContain('SECRET');
  }
  // Nothing written or replaced outside, no journal naming the foreign path.
  expect(snapshot(outside)).toEqual(before);
  expect(fs.existsSync(path.join(data, 'recovery', 'k1.json'))).toBe(false);
}

describe('file-access rule', () => {
  it('covers every method whose input names a path', () => {
    const pathMethods = (Object.keys(apiInputs) as ApiMethod[]).filter((m) => {
      const shape = (apiInputs[m] as unknown as { shape: Record<string, unknown> }).shape;
      return 'path' in shape || 'paths' in shape;
    });
    expect(pathMethods.sort()).toEqual(Object.keys(RULES).sort());
    expect(new Set(probes('/x').map(([m]) => m))).toEqual(new Set(pathMethods));
  });

  it('refuses foreign absolute paths for every path-taking method, without echoing content', async () => {
    await expectAllRefused(path.join(outside, 'passwd'));
    await expectAllRefused(path.join(outside, 'canary.txt'));
    await expectAllRefused(path.join(outside, 'secret.plenary'));
    await expectAllRefused(path.join(outside, 'dropped.sh'));
  });

  it('refuses relative paths, even ones that would land in the data folder', async () => {
    const cwd = process.cwd();
    process.chdir(data);
    try {
      await expectAllRefused('drafts/x.plenary');
      await expectAllRefused('../outside/passwd');
      await expectAllRefused('x.plenary');
    } finally {
      process.chdir(cwd);
    }
  });

  it('refuses traversal out of the data folder', async () => {
    await expectAllRefused(path.join(data, 'drafts', '..', '..', 'outside', 'passwd'));
    await expectAllRefused(`${data}/drafts/../../outside/secret.plenary`);
  });

  it('refuses symbolic links in the data folder that lead outside it', async () => {
    fs.symlinkSync(path.join(outside, 'secret.plenary'), path.join(data, 'drafts', 'link.plenary'));
    fs.symlinkSync(outside, path.join(data, 'drafts', 'linkdir'));
    await expectAllRefused(path.join(data, 'drafts', 'link.plenary'));
    await expectAllRefused(path.join(data, 'drafts', 'linkdir', 'passwd'));
    await expectAllRefused(path.join(data, 'drafts', 'linkdir', 'new.plenary'));
  });

  it('refuses NUL bytes and other unusable paths', async () => {
    await expectAllRefused(`${data}/drafts/a\u0000.plenary`);
  });

  it('allows drafts in the data folder, and reading them back', async () => {
    const p = path.join(data, 'drafts', 'mine.plenary');
    const saved = await call('drafts.save', { path: p, document: sampleDoc() });
    expect(saved).toMatchObject({ ok: true, result: { path: p } });
    expect(await call('drafts.open', { path: p })).toMatchObject({ ok: true });
    expect(await call('drafts.autosave', { key: 'k2', path: p, document: sampleDoc() })).toMatchObject({ ok: true });
  });

  it('a file chosen in the Open dialog may be read, and a draft saved back in place; nothing else', async () => {
    const chosen = path.join(outside, 'chosen.plenary');
    fs.writeFileSync(chosen, JSON.stringify({ format: 'plenary' }));
    expect(await call('drafts.open', { path: chosen })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    dialogAnswers.open = [chosen];
    expect(await call('dialog.openFile', {})).toMatchObject({ ok: true, result: { path: chosen } });
    // Readable now (it is not a valid draft: CORRUPT, not FORBIDDEN).
    expect(await call('drafts.open', { path: chosen })).toMatchObject({ ok: false, error: { code: 'CORRUPT' } });
    const good = path.join(outside, 'good.plenary');
    dialogAnswers.open = [good];
    dialogAnswers.save = null;
    fs.writeFileSync(good, '');
    await call('dialog.openFile', {});
    fs.rmSync(good);
    expect(await call('drafts.save', { path: good, document: sampleDoc() })).toMatchObject({ ok: true });
    expect(await call('drafts.open', { path: good })).toMatchObject({ ok: true });
    // The open grant does not extend to exports, other files or siblings.
    expect(await call('export.save', { path: good, document: sampleDoc(), format: 'txt' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('drafts.open', { path: path.join(outside, 'secret.plenary') })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('an error about a chosen file that is not a draft never echoes its content', async () => {
    const chosen = path.join(outside, 'passwd');
    dialogAnswers.open = [chosen];
    await call('dialog.openFile', {});
    for (const method of ['drafts.open', 'drafts.importFile'] as const) {
      const r = await call(method, { path: chosen });
      if (!r.ok) expect(r.error.message).not.toMatch(/root:x|SECRET/);
    }
    // A data-folder file that is not a draft (the database) neither.
    fs.writeFileSync(path.join(data, 'drafts', 'bad.plenary'), SECRET);
    const r = await call('drafts.open', { path: path.join(data, 'drafts', 'bad.plenary') });
    expect(r).toMatchObject({ ok: false, error: { code: 'CORRUPT' } });
    if (!r.ok) expect(r.error.message).not.toMatch(/root:x|SECRET/);
  });

  it('export.save writes only where a Save dialog said, and only with the format\'s extension', async () => {
    const target = path.join(outside, 'export.docx');
    dialogAnswers.save = target;
    expect(await call('dialog.saveFile', { extensions: ['docx'] })).toMatchObject({ ok: true });
    // Wrong format for the chosen name.
    expect(await call('export.save', { path: target, document: sampleDoc(), format: 'txt' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(fs.existsSync(target)).toBe(false);
    // Not into the data folder either.
    expect(await call('export.save', { path: path.join(data, 'x.txt'), document: sampleDoc(), format: 'txt' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('export.save', { path: target, document: sampleDoc(), format: 'docx' })).toMatchObject({ ok: true });
    expect(fs.readFileSync(target).subarray(0, 2).toString()).toBe('PK');
  });

  it('files.write keeps to the extensions the Save dialog offered', async () => {
    const target = path.join(outside, 'comparison.pdf');
    dialogAnswers.save = target;
    await call('dialog.saveFile', { extensions: ['pdf'] });
    const bytes = Buffer.from('%PDF-1.4').toString('base64');
    expect(await call('files.write', { path: target, dataBase64: bytes })).toMatchObject({ ok: true });
    dialogAnswers.save = path.join(outside, 'evil.sh');
    await call('dialog.saveFile', { extensions: ['pdf'] });
    expect(await call('files.write', { path: path.join(outside, 'evil.sh'), dataBase64: bytes })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(fs.existsSync(path.join(outside, 'evil.sh'))).toBe(false);
  });

  it('a folder chosen for import grants reading the files under it, not beside it', async () => {
    const folder = path.join(outside, 'resolutions');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'a.txt'), 'The General Assembly,\n\n1. Decides.\n');
    dialogAnswers.open = [folder];
    await call('dialog.openFile', { folder: true });
    expect(await call('library.import', { paths: [folder] })).toMatchObject({ ok: true });
    expect(await call('drafts.importFile', { path: path.join(folder, 'a.txt') })).toMatchObject({ ok: true });
    expect(await call('library.import', { paths: [path.join(outside, 'canary.txt')] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // A folder grant never allows writing.
    expect(await call('drafts.save', { path: path.join(folder, 'x.plenary'), document: sampleDoc() })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('recent drafts from an earlier session stay readable and writable; recovered drafts too', async () => {
    const earlier = path.join(outside, 'earlier.plenary');
    fs.writeFileSync(path.join(data, 'recent.json'), JSON.stringify([earlier]));
    expect(await call('drafts.save', { path: earlier, document: sampleDoc() })).toMatchObject({ ok: true });
    expect(await call('drafts.open', { path: earlier })).toMatchObject({ ok: true });
    // A journal (data folder) names a draft outside: listing recovery grants saving it back.
    const other = path.join(outside, 'journalled.plenary');
    const fresh = createServices({ dataDir: data, mode: 'electron', version: '9.9.9', starter: false });
    try {
      fresh['drafts.autosave']({ key: 'j1', path: other, document: sampleDoc() });
      expect(await dispatch(fresh, 'drafts.save', { path: other, document: sampleDoc() })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await dispatch(fresh, 'drafts.recoverable', {})).toMatchObject({ ok: true });
      expect(await dispatch(fresh, 'drafts.save', { path: other, document: sampleDoc() })).toMatchObject({ ok: true });
    } finally {
      fresh.close();
    }
  });

  it('grants resolve links: a chosen link stays bound to its target', () => {
    const target = path.join(outside, 'real.plenary');
    fs.writeFileSync(target, '');
    const link = path.join(tmp.dir, 'link.plenary');
    fs.symlinkSync(target, link);
    const access = new FileAccess(data);
    access.grant(link, { read: true });
    expect(access.checkRead(target)).toBe(canonicalPath(target));
    fs.rmSync(link);
    fs.symlinkSync(path.join(outside, 'passwd'), link);
    expect(() => access.checkRead(link)).toThrowError(/refused/);
  });

  it('property: a path built from random segments is allowed exactly when it resolves inside the data folder', () => {
    fs.mkdirSync(path.join(data, 'recovery'), { recursive: true });
    fs.symlinkSync(outside, path.join(data, 'drafts', 'out'));
    const access = new FileAccess(data);
    const segment = fc.constantFrom('..', '.', 'drafts', 'recovery', 'out', 'outside', 'data', 'x.plenary', 'passwd', '...', '.plenary');
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), fc.boolean(), (segments, absolute) => {
        const raw = absolute ? path.join(data, ...segments) : segments.join('/');
        const target = raw.endsWith('.plenary') ? raw : `${raw}.plenary`;
        const lexical = path.resolve(data, target);
        const real = canonicalPath(lexical)!;
        // A name that is only ".plenary" has no extension (path.extname): refused like any other.
        const inside = absolute && !path.relative(fs.realpathSync(data), real).startsWith('..') && path.extname(real) === '.plenary';
        let allowed: boolean;
        try {
          access.checkWrite(target, { extension: 'plenary' });
          allowed = true;
        } catch (e) {
          expect((e as { code?: string }).code).toBe('FORBIDDEN');
          allowed = false;
        }
        expect(allowed).toBe(inside);
      }),
      { numRuns: 300 },
    );
    // Seed found while writing the property (an oracle slip, kept as an example).
    expect(() => access.checkWrite(path.join(data, '...', '..', '.plenary'), { extension: 'plenary' })).toThrowError(/refused/);
  });

  it('the CLI (direct service calls) keeps its freedom', async () => {
    const p = path.join(outside, 'typed.plenary');
    expect(await api['drafts.save']({ path: p, document: sampleDoc() })).toEqual({ path: p });
  });
});
