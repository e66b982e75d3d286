// The loopback host: token, Origin and Host checks, 127.0.0.1 only, API round trip, static CSP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startHost, type RunningHost } from '../../../src/main/host/server.js';
import { createServices } from '../../../src/main/services/index.js';
import { tempDir } from '../../helpers/tmp.js';

let host: RunningHost;
let tmp: ReturnType<typeof tempDir>;

/** A raw request, so Host and Origin can be set freely. */
function request(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string; host?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: opts.method ?? 'POST',
        path: opts.path,
        headers: { host: opts.host ?? `127.0.0.1:${host.port}`, 'content-type': 'application/json', ...opts.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.method === 'GET' ? undefined : (opts.body ?? '{}'));
  });
}

beforeAll(async () => {
  tmp = tempDir();
  const staticDir = path.join(tmp.dir, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  const api = createServices({ dataDir: path.join(tmp.dir, 'data'), mode: 'browser', version: '9.9.9' });
  host = await startHost({ api, staticDir });
});
afterAll(async () => {
  await host.close();
  tmp.cleanup();
});

describe('loopback host', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', () => {
    const addr = host.server.address();
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1');
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers an API call with the token (header or query)', async () => {
    const a = await request({ path: '/api/app.info', headers: { 'x-plenary-token': host.token } });
    expect(a.status).toBe(200);
    expect(JSON.parse(a.body)).toMatchObject({ ok: true, result: { name: 'Plenary', version: '9.9.9', mode: 'browser' } });
    const b = await request({ path: `/api/app.info?token=${host.token}` });
    expect(b.status).toBe(200);
  });

  it('refuses a call without token (401) and with a wrong token (403)', async () => {
    const none = await request({ path: '/api/app.info' });
    expect(none.status).toBe(401);
    const wrong = await request({ path: '/api/app.info', headers: { 'x-plenary-token': 'x'.repeat(host.token.length) } });
    expect(wrong.status).toBe(403);
  });

  it('refuses a foreign Origin even with the token', async () => {
    const r = await request({ path: '/api/app.info', headers: { 'x-plenary-token': host.token, origin: 'http://attacker.example' } });
    expect(r.status).toBe(403);
    const same = await request({ path: '/api/app.info', headers: { 'x-plenary-token': host.token, origin: `http://127.0.0.1:${host.port}` } });
    expect(same.status).toBe(200);
  });

  it('refuses a foreign Host (DNS rebinding) for pages and API alike', async () => {
    const api = await request({ path: '/api/app.info', host: `attacker.example:${host.port}`, headers: { 'x-plenary-token': host.token } });
    expect(api.status).toBe(403);
    const page = await request({ method: 'GET', path: '/', host: 'attacker.example' });
    expect(page.status).toBe(403);
  });

  it('validates arguments and reports unknown methods with typed errors', async () => {
    const bad = await request({ path: '/api/drafts.open', headers: { 'x-plenary-token': host.token }, body: '{"path": 5}' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(JSON.parse(bad.body).error.message).toContain('path');
    const unknown = await request({ path: '/api/constructor', headers: { 'x-plenary-token': host.token } });
    expect(unknown.status).toBe(404);
    const notJson = await request({ path: '/api/app.info', headers: { 'x-plenary-token': host.token }, body: '{oops' });
    expect(notJson.status).toBe(400);
    const missing = await request({ path: '/api/drafts.open', headers: { 'x-plenary-token': host.token }, body: JSON.stringify({ path: path.join(tmp.dir, 'data', 'drafts', 'none.plenary') }) });
    expect(missing.status).toBe(200);
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses paths outside the data folder with 403 FORBIDDEN, without echoing content', async () => {
    for (const [method, body] of [
      ['drafts.open', { path: '/etc/passwd' }],
      ['drafts.importFile', { path: '/etc/passwd' }],
      ['library.import', { paths: ['/etc'] }],
      ['export.save', { path: path.join(tmp.dir, 'dropped.sh'), format: 'txt', document: {} }],
      ['drafts.open', { path: 'relative.plenary' }],
    ] as const) {
      const r = await request({ path: `/api/${method}`, headers: { 'x-plenary-token': host.token }, body: JSON.stringify(body) });
      if (method === 'export.save') {
        // An invalid document fails validation first (400); a valid one is refused (403): see access.test.ts.
        expect(r.status).toBe(400);
        continue;
      }
      expect(r.status, method).toBe(403);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(r.body).not.toContain('root:');
    }
    expect(fs.existsSync(path.join(tmp.dir, 'dropped.sh'))).toBe(false);
  });

  it('answers 400, not 500, to a malformed method name and to arguments nested 750 levels deep', async () => {
    const name = await request({ path: '/api/%E0%A4%A', headers: { 'x-plenary-token': host.token } });
    expect(name.status).toBe(400);
    expect(JSON.parse(name.body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    for (const depth of [400, 750, 5000]) {
      const deep = '['.repeat(depth) + ']'.repeat(depth);
      const r = await request({ path: '/api/drafts.save', headers: { 'x-plenary-token': host.token }, body: `{"document":{"meta":{},"preambular":${deep}}}` });
      expect(r.status, String(depth)).toBe(400);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      const neg = await request({ path: '/api/drafts.autosave', headers: { 'x-plenary-token': host.token }, body: `{"key":"k","path":"","document":{},"negotiation":${deep}}` });
      expect(neg.status, String(depth)).toBe(400);
    }
    // Still answering.
    expect((await request({ path: '/api/app.info', headers: { 'x-plenary-token': host.token } })).status).toBe(200);
  });

  it('serves the renderer with a strict CSP and refuses path traversal', async () => {
    const page = await request({ method: 'GET', path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("object-src 'none'");
    const trav = await request({ method: 'GET', path: '/..%2F..%2Fetc%2Fpasswd' });
    expect([403, 404]).toContain(trav.status);
    expect(trav.body).not.toContain('root:');
  });
});
