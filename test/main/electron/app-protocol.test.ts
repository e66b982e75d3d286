// The app:// protocol that replaces file:// — only files of the renderer folder, no traversal —
// and the packaging fuses that go with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { starterPath } from '../../../src/main/services/library.js';
import { snapshotPath } from '../../../src/main/services/match-persist.js';
import path from 'node:path';
import { APP_INDEX_URL, APP_SCHEME_PRIVILEGES, registerAppProtocol, resolveAppUrl } from '../../../src/main/electron/app-protocol.js';
import { tempDir } from '../../helpers/tmp.js';

let tmp: ReturnType<typeof tempDir>;
let root: string;
let handler: (r: Request) => Promise<Response> | Response;

beforeAll(() => {
  tmp = tempDir();
  root = path.join(tmp.dir, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Plenary</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(tmp.dir, 'secret.txt'), 'SECRET');
  fs.mkdirSync(path.join(tmp.dir, 'renderer-evil'));
  fs.writeFileSync(path.join(tmp.dir, 'renderer-evil', 'x.js'), 'SECRET');
  registerAppProtocol({ handle: (_s, h) => (handler = h) }, root, "default-src 'self'");
});
afterAll(() => tmp.cleanup());

describe('app:// protocol', () => {
  it('is registered standard and secure, without CSP bypass', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
    expect(APP_INDEX_URL).toBe('app://plenary/index.html');
  });

  it('serves the renderer files with the CSP and a content type', async () => {
    const r = await handler(new Request(APP_INDEX_URL));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    expect(await r.text()).toContain('<title>Plenary</title>');
    const js = await handler(new Request('app://plenary/assets/app.js'));
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await handler(new Request('app://plenary/'))).status).toBe(200);
  });

  it('refuses traversal, encoded separators, NUL, other hosts and sibling folders', async () => {
    const refused = [
      'app://plenary/../secret.txt',
      'app://plenary/%2e%2e/secret.txt',
      'app://plenary/assets/%2e%2e/%2e%2e/secret.txt',
      'app://plenary/..%2fsecret.txt',
      'app://plenary/..%5csecret.txt',
      'app://plenary/index.html%00.js',
      'app://plenary/%E0%A4%A',
      'app://plenary/../renderer-evil/x.js',
      'app://evil/index.html',
      'file:///etc/passwd',
    ];
    for (const url of refused) {
      const file = resolveAppUrl(url, root);
      if (file !== null) expect(file.startsWith(root + path.sep), url).toBe(true);
      const r = await handler(new Request(url.startsWith('app:') ? url : 'app://plenary/nope'));
      if (r.status === 200) expect(await r.text(), url).not.toContain('SECRET');
    }
    expect(resolveAppUrl('app://plenary/..%2fsecret.txt', root)).toBeNull();
    expect(resolveAppUrl('app://evil/index.html', root)).toBeNull();
    expect(resolveAppUrl('app://plenary/%E0%A4%A', root)).toBeNull();
    expect((await handler(new Request('app://plenary/missing.js'))).status).toBe(404);
    expect((await handler(new Request(APP_INDEX_URL, { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('packaging the starter library', () => {
  it('ships the built starter database as a resource and its source file in the app, as the library service looks for them', () => {
    const text = fs.readFileSync(path.join(process.cwd(), 'electron-builder.yml'), 'utf8');
    const files = /^files:\n((?: {2}(?:- .*|#.*)\n)+)/m.exec(text)?.[1] ?? '';
    const root = path.join('/app', 'resources', 'app.asar');
    // The fallback: starterPath(appRoot) must be listed in `files` (relative to the app root).
    expect(files).toContain(`- ${path.relative(root, starterPath(root))}\n`);
    // The database: resources/library/starter.sqlite, where starterDatabasePath looks beside the asar.
    expect(text).toMatch(/- from: dist\/starter\/library\.sqlite\n {4}to: library\/starter\.sqlite\n/);
    // Its match index beside each, under the name match-persist.ts looks for (snapshotPath).
    const resources = [...text.matchAll(/- from: (.+)\n {4}to: (.+)\n/g)].map((m) => [m[1], m[2]]);
    expect(resources).toContainEqual([snapshotPath('dist/starter/library.sqlite'), snapshotPath('library/starter.sqlite')]);
  });
});

describe('packaging fuses', () => {
  it('turns off file:// privileges, Node escapes and turns on asar integrity', () => {
    // The block's indented `key: value` lines (no YAML library is a declared dependency).
    const text = fs.readFileSync(path.join(process.cwd(), 'electron-builder.yml'), 'utf8');
    const block = /^electronFuses:\n((?: {2}\w+: (?:true|false)\n)+)/m.exec(text)?.[1] ?? '';
    const fuses = Object.fromEntries([...block.matchAll(/(\w+): (true|false)/g)].map((m) => [m[1], m[2] === 'true']));
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
