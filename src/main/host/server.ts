/**
 * The loopback host: browser mode. Serves the built renderer and the same API handlers over
 * HTTP on 127.0.0.1 only.
 *
 * Contract (scripts rely on it; documented in the README):
 * - Every API call is `POST /api/<method>` with a JSON body (the method's input object) and
 *   answers `{ ok: true, result }` or `{ ok: false, error: { code, message } }` (HTTP 200, or 400
 *   for a bad argument — wrong type, nesting past 200 levels, a malformed method name —, 403
 *   FORBIDDEN for a path the file-access rule refuses (services/access.ts), 404 for an unknown
 *   method, 500 for an internal error).
 * - The per-run token must come as header `x-plenary-token` or query `?token=`; it is checked
 *   before routing: missing → 401, wrong → 403.
 * - A request whose Host is not this host's (DNS rebinding) or whose Origin is foreign → 403.
 * - Static files carry a strict Content-Security-Policy.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { HOST_MAX_BODY_BYTES, type PlenaryApi } from '../../shared/api.js';
import { dispatch } from '../services/dispatch.js';
import { STATIC_MIME as MIME } from '../static-mime.js';
import { installProcessGuards } from '../process-guard.js';

/** The Content-Security-Policy of every page the host serves. */
export const HOST_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** Largest request body accepted (imports of large PDFs arrive base64-encoded, in chunks). */
const MAX_BODY = HOST_MAX_BODY_BYTES;

/** Options for startHost. */
export interface HostOptions {
  api: PlenaryApi;
  /** Folder of the built renderer (dist/renderer). */
  staticDir: string;
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Token to require; random per run by default. */
  token?: string;
}

/** A running host. */
export interface RunningHost {
  url: string;
  port: number;
  token: string;
  server: http.Server;
  close(): Promise<void>;
}

function tokensEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && crypto.timingSafeEqual(ba, bb);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function statusFor(code: string): number {
  switch (code) {
    case 'BAD_INPUT':
      return 400;
    case 'FORBIDDEN':
      return 403;
    case 'UNKNOWN_METHOD':
      return 404;
    case 'INTERNAL':
      return 500;
    default:
      return 200;
  }
}

/** Starts the host on 127.0.0.1. Resolves once listening. */
export async function startHost(opts: HostOptions): Promise<RunningHost> {
  // A stray rejection or exception must not take the host (and every open tab's work) down.
  installProcessGuards('plenary host');
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const staticRoot = path.resolve(opts.staticDir);
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: String(e) } });
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const hosts = allowedHosts();
    const host = req.headers.host ?? '';
    if (!hosts.has(host)) {
      sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Foreign Host header refused.' } });
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !(origin.startsWith('http://') && hosts.has(origin.slice('http://'.length)))) {
      sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Foreign Origin refused.' } });
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/api/')) {
      const given = (req.headers['x-plenary-token'] as string | undefined) ?? url.searchParams.get('token') ?? '';
      if (!given) {
        sendJson(res, 401, { ok: false, error: { code: 'UNAUTHORIZED', message: 'Missing token.' } });
        return;
      }
      if (!tokensEqual(given, token)) {
        sendJson(res, 403, { ok: false, error: { code: 'UNAUTHORIZED', message: 'Wrong token.' } });
        return;
      }
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        sendJson(res, 405, { ok: false, error: { code: 'BAD_INPUT', message: 'API calls use POST.' } });
        return;
      }
      const body = await readBody(req);
      if (body === null) {
        sendJson(res, 413, { ok: false, error: { code: 'BAD_INPUT', message: 'Request too large.' } });
        return;
      }
      let input: unknown = {};
      if (body.length) {
        try {
          input = JSON.parse(body.toString('utf8'));
        } catch {
          sendJson(res, 400, { ok: false, error: { code: 'BAD_INPUT', message: 'The request body is not valid JSON.' } });
          return;
        }
      }
      let method: string;
      try {
        method = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        sendJson(res, 400, { ok: false, error: { code: 'BAD_INPUT', message: 'The method name in the URL is not valid percent-encoding.' } });
        return;
      }
      const reply = await dispatch(opts.api, method, input);
      sendJson(res, reply.ok ? 200 : statusFor(reply.error.code), reply);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { ok: false, error: { code: 'BAD_INPUT', message: 'Method not allowed.' } });
      return;
    }
    serveStatic(url.pathname, req, res);
  }

  function serveStatic(pathname: string, req: http.IncomingMessage, res: http.ServerResponse): void {
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = path.resolve(staticRoot, '.' + path.posix.normalize(rel));
    if (file !== staticRoot && !file.startsWith(staticRoot + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        const missingBuild = rel === '/index.html';
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(missingBuild ? 'The renderer is not built: run "npm run build:renderer".' : 'Not found');
        return;
      }
      res.writeHead(200, {
        'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'content-length': st.size,
        'content-security-policy': HOST_CSP,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'x-frame-options': 'DENY',
        'cache-control': rel === '/index.html' ? 'no-store' : 'no-cache',
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      fs.createReadStream(file).pipe(res);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        tooBig = true;
        chunks.length = 0;
      } else if (!tooBig) chunks.push(c);
    });
    req.on('end', () => resolve(tooBig ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
