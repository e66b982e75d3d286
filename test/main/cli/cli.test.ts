// The `plenary` command as a user runs it: exit codes, stdout/stderr, serve and Ctrl-C.
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import { tempDir } from '../../helpers/tmp.js';

const root = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(root, 'bin', 'plenary.js');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 30_000 });
}

describe('plenary CLI', () => {
  it('--version prints the version on stdout', () => {
    const r = run(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('--help lists the commands on stdout; no command is a usage error', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: plenary <command>');
    expect(r.stdout).toContain('serve');
    const none = run([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('Usage: plenary');
  });

  it('usage errors exit 2 with a message on stderr and nothing on stdout', () => {
    const unknown = run(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    expect(unknown.stdout).toBe('');
    const badPort = run(['serve', '--port', 'abc']);
    expect(badPort.status).toBe(2);
    expect(badPort.stderr).toContain('--port must be a number');
    const badOption = run(['serve', '--colour']);
    expect(badOption.status).toBe(2);
    expect(badOption.stderr).toMatch(/Unknown option '--colour'/);
  });

  it('serve prints the 127.0.0.1 URL with a token, answers there, and stops cleanly on SIGINT', async () => {
    const tmp = tempDir();
    try {
      const child = spawn(process.execPath, [bin, 'serve', '--data', tmp.dir], { cwd: root, env: { ...process.env, BROWSER: 'none' } });
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 45_000);
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /Plenary is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const u = new URL(url);
      const res = await fetch(`${u.origin}/api/app.info`, { method: 'POST', headers: { 'x-plenary-token': u.searchParams.get('token')! }, body: '{}' });
      const body = (await res.json()) as { result: { dataDir: string } };
      expect(body.result.dataDir).toBe(tmp.dir);
      const code = await new Promise<number | null>((resolve) => {
        child.on('exit', (c) => resolve(c));
        child.kill('SIGINT');
      });
      expect(code).toBe(0);
    } finally {
      tmp.cleanup();
    }
  });
});
