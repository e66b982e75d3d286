// Issue 10: a stray rejection or exception becomes one clear line and the process goes on (the
// host, Electron's main process and a CLI batch install these handlers). Run in a child process,
// since the handlers are process-wide.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const guard = pathToFileURL(path.resolve(import.meta.dirname, '../../src/main/process-guard.ts')).href;

describe('installProcessGuards', () => {
  it('turns an unhandled rejection and an uncaught exception into lines on stderr; the process goes on (exit code 1)', () => {
    const script = `
      const { installProcessGuards } = await import(${JSON.stringify(guard)});
      installProcessGuards('plenary host');
      installProcessGuards('installed twice');
      Promise.reject(new TypeError('Invalid PDF structure\\n    at Parser.getObj (pdf.mjs:1:2)'));
      setTimeout(() => { throw new Error('from a callback'); }, 10);
      setTimeout(() => process.stdout.write('still serving\\n'), 100);`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toBe('still serving\n');
    expect(r.stderr.trim().split('\n')).toEqual([
      'plenary host: an operation failed unexpectedly and was abandoned: TypeError: Invalid PDF structure at Parser.getObj (pdf.mjs:1:2)',
      'plenary host: an unexpected error was caught and the app goes on: from a callback',
    ]);
    expect(r.status).toBe(1);
  }, 90_000);
});
