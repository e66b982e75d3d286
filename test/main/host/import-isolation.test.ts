// Issue 10: the host keeps answering while an import works (or is stuck) in its worker, and a
// hostile file in a batch gets its one-line reason while the rest of the batch is imported.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../src/main/host/server.js';
import { createServices, type Services } from '../../../src/main/services/index.js';
import { generatedResolution } from '../../helpers/generated-resolution.js';
import { tempDir } from '../../helpers/tmp.js';
import { docxBomb } from '../../helpers/zip-bomb.js';

let host: RunningHost;
let api: Services;
let tmp: ReturnType<typeof tempDir>;

function call<T>(method: string, body: unknown): Promise<{ status: number; json: { ok: boolean; result?: T; error?: { code: string; message: string } } }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, method: 'POST', path: `/api/${method}`, headers: { 'content-type': 'application/json', 'x-plenary-token': host.token } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as never }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

beforeAll(async () => {
  tmp = tempDir();
  const staticDir = path.join(tmp.dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  api = createServices({ dataDir: path.join(tmp.dir, 'data'), mode: 'browser', version: '9.9.9', starter: false });
  host = await startHost({ api, staticDir });
});
afterAll(async () => {
  await host.close();
  api.close();
  tmp.cleanup();
});

describe('imports run beside the host, not in it', () => {
  it('answers app.info while a 20,000-paragraph file is being imported', async () => {
    const order: string[] = [];
    const big = Buffer.from(generatedResolution(20_000)).toString('base64');
    const importing = call<{ items: { status: string }[] }>('drafts.importContent', { name: 'big.txt', dataBase64: big }).then((r) => {
      order.push('import');
      return r;
    });
    // Give the request time to reach the worker, then ask something else, three times.
    await new Promise((r) => setTimeout(r, 300));
    for (let k = 0; k < 3; k++) {
      const info = await call<{ name: string }>('app.info', {});
      expect(info.json.result?.name).toBe('Plenary');
      order.push('info');
    }
    const r = await importing;
    expect(r.status).toBe(200);
    expect(order).toEqual(['info', 'info', 'info', 'import']);
  }, 180_000);

  it('a batch with a zip bomb and garbage imports the good file and gives the others one-line reasons', async () => {
    const good = Buffer.from(generatedResolution(5).replace('A/RES/99/1', 'A/RES/99/2')).toString('base64');
    const bomb = (await docxBomb(120 * 1024 * 1024)).toString('base64');
    const garbage = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) & 0xff)).toString('base64');
    const r = await call<{ items: { file: string; status: string; reason?: string }[] }>('library.importContent', {
      files: [
        { name: 'bomb.docx', dataBase64: bomb },
        { name: 'noise.txt', dataBase64: garbage },
        { name: 'good.txt', dataBase64: good },
      ],
    });
    expect(r.status).toBe(200);
    const items = r.json.result!.items;
    expect(items.map((i) => [i.file, i.status])).toEqual([
      ['bomb.docx', 'failed'],
      ['noise.txt', 'failed'],
      ['good.txt', 'imported'],
    ]);
    expect(items[0]!.reason).toBe('bomb.docx was not opened: its part word/document.xml unpacks to 120 MB (the limit is 64 MB; a resolution needs a few).');
    expect(items[1]!.reason).toMatch(/^noise\.txt is .*not a document Plenary can read/);
    for (const i of items) expect(i.reason ?? '').not.toContain('\n');
  }, 120_000);
});
