// The `plenary` command as a user runs it: exit codes, stdout/stderr, serve and Ctrl-C.
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import { tempDir } from '../../helpers/tmp.js';
import { CLI_BIN as bin, CLI_TEST_TIMEOUT, REPO_ROOT as root, runCli as run } from '../../helpers/cli.js';

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

// Every test here spawns Node; the generous timeout keeps them green on a loaded machine.
describe('plenary CLI', { timeout: CLI_TEST_TIMEOUT }, () => {
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
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 180_000);
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

// bin/plenary.js picks its runtime: sources through tsx in a dev checkout, else the compiled dist/,
// else a clear message. A copy of the script in a bare folder (no src/, no tsx, maybe a dist/) shows
// the two fallbacks a packaged or half-built install meets.
describe('bin/plenary.js without sources or tsx', { timeout: CLI_TEST_TIMEOUT }, () => {
  function copyBin(dir: string): string {
    fs.mkdirSync(path.join(dir, 'bin'));
    const file = path.join(dir, 'bin', 'plenary.js');
    fs.copyFileSync(bin, file);
    fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
    return file;
  }

  it('runs the compiled CLI in dist/ when there are no sources', () => {
    const tmp = tempDir();
    try {
      const file = copyBin(tmp.dir);
      fs.mkdirSync(path.join(tmp.dir, 'dist', 'main', 'cli'), { recursive: true });
      fs.writeFileSync(path.join(tmp.dir, 'dist', 'main', 'cli', 'index.js'), "process.stdout.write('compiled ' + process.argv.slice(2).join(' '));\n");
      const r = spawnSync(process.execPath, [file, 'x'], { cwd: tmp.dir, encoding: 'utf8', timeout: 180_000 });
      expect(r.status).toBe(0);
      expect(r.stdout).toBe('compiled x');
    } finally {
      tmp.cleanup();
    }
  });

  it('says how to build it (exit 1) when neither dist/ nor tsx is there', () => {
    const tmp = tempDir();
    try {
      const file = copyBin(tmp.dir);
      const r = spawnSync(process.execPath, [file, '--help'], { cwd: tmp.dir, encoding: 'utf8', timeout: 180_000 });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('npm run build:main');
      expect(r.stdout).toBe('');
    } finally {
      tmp.cleanup();
    }
  });
});
