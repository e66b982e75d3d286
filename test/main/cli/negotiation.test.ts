// The negotiation commands of the CLI: `export` of a draft with open proposals must say which text
// (exit 2 naming the choices and the count), `proposals --json`, and `merge` of a Word file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../../src/main/cli/index.js';
import { serializePlenaryFile, parsePlenaryFile } from '../../../src/shared/resolution/file.js';
import { buildProposalsDocx } from '../../../src/shared/export/docx-tracked.js';
import { packDocx } from '../../../src/shared/export/docx.js';
import { baseView } from '../../../src/shared/negotiation/views.js';
import { negotiatedDraft } from '../../helpers/negotiated.js';
import { ExportService } from '../../../src/main/services/export.js';
import { tempDir } from '../../helpers/tmp.js';

const root = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(root, 'bin', 'plenary.js');
let tmp: ReturnType<typeof tempDir>;
let draft: string;
const note = { id: 'n1', paragraph: 'op1', author: 'Facilitator', at: '2026-03-04T09:00:00.000Z', text: 'Check with capitals', resolved: false };
beforeAll(() => {
  tmp = tempDir();
  draft = path.join(tmp.dir, 'draft.plenary');
  fs.writeFileSync(draft, serializePlenaryFile({ document: negotiatedDraft(), notes: [note] }, '0.2.0'));
});
afterAll(() => tmp.cleanup());

/** Runs the CLI in this process (the spawned binary is tested once below). */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (f: (s: string) => void) => new Writable({ write: (c, _e, cb) => (f(String(c)), cb()) });
  const code = await main(args, { stdout: sink((s) => (stdout += s)), stderr: sink((s) => (stderr += s)), env: { ...process.env, PLENARY_DATA: tmp.dir } });
  return { code, stdout, stderr };
}

describe('plenary export of a draft with open proposals', () => {
  it('exits 2 naming the choices and the number of open proposals when --proposals is missing (real process)', { timeout: 120_000 }, () => {
    const r = spawnSync(process.execPath, [bin, 'export', draft, '--format', 'txt', '-o', path.join(tmp.dir, 'x.txt')], { cwd: root, encoding: 'utf8', env: { ...process.env, PLENARY_DATA: tmp.dir }, timeout: 120_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('the draft has 10 open proposals');
    expect(r.stderr).toContain('--proposals base|accepted|compilation|tracked');
    expect(fs.existsSync(path.join(tmp.dir, 'x.txt'))).toBe(false);
  });

  it('exports the base and the accepted text, brackets kept', { timeout: 60_000 }, async () => {
    const base = path.join(tmp.dir, 'base.txt');
    expect((await run(['export', draft, '--format', 'txt', '--proposals', 'base', '-o', base])).code).toBe(0);
    const b = fs.readFileSync(base, 'utf8').replace(/\s+/g, ' ');
    expect(b).toContain('*Calls upon* [all ]to promote');
    expect(b).toContain('*Decides* to remain seized');
    expect(b).not.toContain('Welcoming the report');
    const acc = path.join(tmp.dir, 'acc.txt');
    expect((await run(['export', draft, '--format', 'txt', '--proposals', 'accepted', '-o', acc])).code).toBe(0);
    const a = fs.readFileSync(acc, 'utf8').replace(/\s+/g, ' ');
    expect(a).toContain('*Calls upon* [all Member States ]to promote');
    expect(a).not.toContain('to remain seized');
  });

  it('exports the tracked and compilation texts; refuses unusable combinations with exit 2', { timeout: 60_000 }, async () => {
    const tracked = path.join(tmp.dir, 'tracked.docx');
    expect((await run(['export', draft, '--format', 'docx', '--proposals', 'tracked', '-o', tracked])).code).toBe(0);
    expect(fs.readFileSync(tracked).subarray(0, 2).toString()).toBe('PK');
    const comp = path.join(tmp.dir, 'comp.html');
    expect((await run(['export', draft, '--format', 'html', '--proposals', 'compilation', '-o', comp])).code).toBe(0);
    expect(fs.readFileSync(comp, 'utf8')).toContain('Moved here (EU)');
    const bad = await run(['export', draft, '--format', 'txt', '--proposals', 'tracked']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--proposals tracked works with --format docx only');
    expect((await run(['export', draft, '--format', 'txt', '--proposals', 'everything'])).stderr).toContain('--proposals is one of base, accepted, compilation, tracked');
  });
});

describe('plenary export is File › Export', () => {
  it('writes exactly what ExportService.renderView renders, for every text of a draft with proposals', { timeout: 120_000 }, async () => {
    const service = new ExportService();
    const unzip = (file: string) => spawnSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' }).stdout;
    for (const view of ['base', 'accepted', 'compilation', 'tracked'] as const) {
      const out = path.join(tmp.dir, `same-${view}.docx`);
      expect((await run(['export', draft, '--format', 'docx', '--proposals', view, '-o', out])).code).toBe(0);
      const ref = path.join(tmp.dir, `ref-${view}.docx`);
      fs.writeFileSync(ref, (await service.renderView(negotiatedDraft(), 'docx', { view, notes: [note] })).bytes);
      const xml = unzip(out);
      expect(xml.length).toBeGreaterThan(1000);
      expect(xml).toBe(unzip(ref));
    }
    const txt = path.join(tmp.dir, 'same.txt');
    expect((await run(['export', draft, '--format', 'txt', '--proposals', 'accepted', '-o', txt])).code).toBe(0);
    expect(fs.readFileSync(txt)).toEqual(Buffer.from((await service.renderView(negotiatedDraft(), 'txt', { view: 'accepted' })).bytes));
  });
});

describe('plenary proposals and plenary merge', () => {
  it('proposals --json prints the proposals and notes', { timeout: 60_000 }, async () => {
    const r = await run(['proposals', draft, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { proposals: Record<string, unknown>[]; notes: Record<string, unknown>[] };
    expect(out.proposals).toHaveLength(10);
    expect(out.proposals[0]).toEqual({ id: 'eu1', delegation: 'EU', type: 'insert', paragraph: 'PP1', text: 'of 2 October 2023 … Member States ', status: 'open', parent: null });
    expect(out.notes).toEqual([{ paragraph: 'OP1', author: 'Facilitator', text: 'Check with capitals', resolved: false }]);
    const human = await run(['proposals', draft]);
    expect(human.stdout).toContain('OP2\tG77 and China\tdelete-paragraph\topen');
  });

  it('merge brings a tracked Word file in as proposals and notes, with a summary, and writes OUT', { timeout: 60_000 }, async () => {
    const d = negotiatedDraft();
    const baseFile = path.join(tmp.dir, 'base.plenary');
    fs.writeFileSync(baseFile, serializePlenaryFile({ document: baseView(d) }, '0.2.0'));
    const theirs = path.join(tmp.dir, 'theirs.docx');
    fs.writeFileSync(theirs, await packDocx(buildProposalsDocx(d, { notes: [note] })));
    const out = path.join(tmp.dir, 'merged.plenary');
    const r = await run(['merge', baseFile, theirs, '-o', out, '--author-map', 'EU=European Union; Facilitator=Chair']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('paragraphs matched by Plenary paragraph ids');
    expect(r.stderr).toMatch(/European Union: 4 insertions, 1 move/);
    expect(r.stderr).toMatch(/Chair: 1 note/);
    const merged = parsePlenaryFile(fs.readFileSync(out, 'utf8'));
    expect(merged.notes).toMatchObject([{ author: 'Chair', paragraph: 'op1' }]);
    const list = JSON.parse((await run(['proposals', out, '--json'])).stdout) as { proposals: { delegation: string }[] };
    expect(new Set(list.proposals.map((p) => p.delegation))).toEqual(new Set(['European Union', 'G77 and China', 'CANZ']));
    // The draft itself is untouched.
    expect(parsePlenaryFile(fs.readFileSync(baseFile, 'utf8')).notes).toBeUndefined();
  });

  it('merge refuses a damaged file with exit 1 and a clear message, and a bad author map with exit 2', { timeout: 60_000 }, async () => {
    const junk = path.join(tmp.dir, 'junk.docx');
    fs.writeFileSync(junk, 'not a zip at all');
    const r = await run(['merge', draft, junk, '-o', path.join(tmp.dir, 'never.plenary')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('junk.docx is not a readable Word file (it is not a zip archive). Nothing was merged.');
    expect(fs.existsSync(path.join(tmp.dir, 'never.plenary'))).toBe(false);
    const m = await run(['merge', draft, junk, '--author-map', 'jdoe']);
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('"jdoe" is not "Word author=Delegation"');
  });
});
