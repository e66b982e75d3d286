// The page's side of library imports: browser mode sends files in chunks under the host's limit;
// the desktop app follows a background job through its question, progress and cancel.
import { describe, expect, it, vi } from 'vitest';
import { HOST_MAX_BODY_BYTES, type ImportJobStatus, type ImportSummary } from '../../src/shared/api.js';
import { base64Size, followImportJob, IMPORT_CHUNK_BYTES, IMPORT_CHUNK_FILES, importInChunks, planChunks } from '../../src/renderer/library-import.js';

const MB = 1024 * 1024;
const file = (name: string, size: number) => ({ name, size });

describe('chunked browser import', () => {
  it('never puts more than the chunk size or file count in one request; order kept', () => {
    const files = Array.from({ length: 400 }, (_, i) => file(`f${i}.pdf`, (i % 7) * MB + 1000));
    const { chunks, tooLarge } = planChunks(files);
    expect(tooLarge).toEqual([]);
    expect(chunks.flat()).toEqual(files);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(IMPORT_CHUNK_FILES);
      const size = c.reduce((n, f) => n + base64Size(f.size), 0);
      if (c.length > 1) expect(size).toBeLessThanOrEqual(IMPORT_CHUNK_BYTES);
    }
    expect(IMPORT_CHUNK_BYTES).toBeLessThan(HOST_MAX_BODY_BYTES / 2);
  });

  it('sends 250 × 1 MB files (≈ 330 MB encoded: one request would be a 413) as requests under the limit, merging the summaries', async () => {
    const files = Array.from({ length: 250 }, (_, i) => file(`r${i}.pdf`, MB));
    const bodies: number[] = [];
    const send = vi.fn(async (payload: { name: string; dataBase64: string }[]): Promise<ImportSummary> => {
      // What the request would weigh: the real base64 of each file plus the JSON around it.
      bodies.push(payload.reduce((n, p) => n + base64Size(MB) + p.name.length + 40, 0));
      return { imported: payload.length, skipped: 0, failed: 0, items: payload.map((p) => ({ file: p.name, status: 'imported' as const })) };
    });
    const progress: number[] = [];
    const r = await importInChunks(files, { read: async () => 'AAAA', send, onProgress: (d) => progress.push(d) });
    expect(r.imported).toBe(250);
    expect(r.items.map((i) => i.file)).toEqual(files.map((f) => f.name));
    expect(send.mock.calls.length).toBeGreaterThan(1);
    for (const b of bodies) expect(b).toBeLessThan(HOST_MAX_BODY_BYTES);
    expect(Math.max(...bodies)).toBeLessThanOrEqual(IMPORT_CHUNK_BYTES + 64 * 1024);
    expect(progress.at(-1)).toBe(250);
  });

  it('lists a file too large for browser mode as failed without sending it; a failed request fails only its files', async () => {
    const files = [file('huge.pdf', 200 * MB), file('a.txt', 10), ...Array.from({ length: 60 }, (_, i) => file(`b${i}.txt`, 10))];
    let calls = 0;
    const r = await importInChunks(files, {
      read: async () => 'AAAA',
      send: async (payload) => {
        if (calls++ === 0) throw new Error('The service answered 500 without data.');
        return { imported: payload.length, skipped: 0, failed: 0, items: payload.map((p) => ({ file: p.name, status: 'imported' as const })) };
      },
    });
    expect(r.items.find((i) => i.file === 'huge.pdf')).toMatchObject({ status: 'failed', reason: expect.stringMatching(/too large/) });
    expect(r.failed).toBe(1 + IMPORT_CHUNK_FILES);
    expect(r.imported).toBe(61 - IMPORT_CHUNK_FILES);
  });
});

describe('following a desktop import job', () => {
  const status = (phase: ImportJobStatus['phase'], extra: Partial<ImportJobStatus> = {}): ImportJobStatus => ({ id: 'j', phase, found: 0, done: 0, current: '', passedOver: [], ...extra });

  it('asks the question, confirms, polls to the end', async () => {
    const replies: Record<string, ImportJobStatus[]> = {
      'library.importStart': [status('confirm', { question: 'More than 3,000 files… Import them all?' })],
      'library.importConfirm': [status('walking')],
      'library.importStatus': [status('importing', { found: 4, done: 2 }), status('done', { summary: { imported: 4, skipped: 0, failed: 0, items: [] } })],
    };
    const call = vi.fn(async (m: string) => replies[m]!.shift()!);
    const seen: string[] = [];
    const confirm = vi.fn(() => true);
    const last = await followImportJob(['/x'], { call: call as never, onStatus: (s) => seen.push(s.phase), confirm, pollMs: 0 });
    expect(confirm).toHaveBeenCalledWith('More than 3,000 files… Import them all?');
    expect(seen).toEqual(['confirm', 'walking', 'importing', 'done']);
    expect(last.summary?.imported).toBe(4);
  });

  it('a "no" cancels; aborting cancels a running job', async () => {
    const call = vi.fn(async (m: string) => (m === 'library.importStart' ? status('confirm', { question: 'home?' }) : status('cancelled')));
    expect((await followImportJob(['/home/d'], { call: call as never, onStatus: () => undefined, confirm: () => false, pollMs: 0 })).phase).toBe('cancelled');
    expect(call).toHaveBeenCalledWith('library.importCancel', { id: 'j' });

    const abort = new AbortController();
    let cancelled = false;
    const call2 = vi.fn(async (m: string) => {
      if (m === 'library.importCancel') cancelled = true;
      return cancelled ? status('cancelled') : status('importing');
    });
    const run = followImportJob(['/x'], { call: call2 as never, onStatus: () => abort.abort(), confirm: () => true, signal: abort.signal, pollMs: 0 });
    expect((await run).phase).toBe('cancelled');
  });
});
