/**
 * The app's own `app://plenary/` protocol: the window loads the built renderer from it instead
 * of file://, so the page has a real origin, no file:// privileges (the
 * grantFileProtocolExtraPrivileges fuse is off) and can reach no file outside the renderer's
 * folder. The scheme is registered as privileged (standard, secure) before the app is ready;
 * the handler serves files under the renderer folder only, refusing traversal, encoded
 * separators and NUL bytes, with the app's Content-Security-Policy on every response.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { STATIC_MIME as MIME } from '../static-mime.js';

/** The scheme. */
export const APP_SCHEME = 'app';
/** The host part of every app URL. */
export const APP_HOST = 'plenary';
/** The URL of the app's page. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** What protocol.registerSchemesAsPrivileged receives: standard and secure; no CSP bypass, no service workers. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/**
 * The file under `rootDir` that `url` names, or null for anything else: another scheme or
 * host, malformed percent-encoding, encoded slashes or backslashes, NUL, or a path that leaves
 * the folder. `/` is index.html.
 */
export function resolveAppUrl(url: string, rootDir: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  if (/%2f|%5c|%00/i.test(u.pathname)) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  if (rel === '/' || rel === '') rel = '/index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, '.' + path.posix.normalize(rel));
  if (!file.startsWith(root + path.sep)) return null;
  return file;
}

/** The part of Electron's protocol module used (a fake in tests). */
export interface ProtocolLike {
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

/**
 * Serves `rootDir` on app://plenary/ with `csp` on every response. Unknown or refused paths
 * answer 404 with no detail; only GET and HEAD are served.
 */
export function registerAppProtocol(protocol: ProtocolLike, rootDir: string, csp: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const headers = { 'content-security-policy': csp, 'x-content-type-options': 'nosniff' };
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405, headers });
    const file = resolveAppUrl(request.url, rootDir);
    if (!file) return new Response('Not found', { status: 404, headers });
    let body: Buffer;
    try {
      body = await fs.promises.readFile(file);
    } catch {
      return new Response('Not found', { status: 404, headers });
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...headers, 'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream' },
    });
  });
}
