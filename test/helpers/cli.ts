// Runs the real `plenary` command (bin/plenary.js) as a child process, the way a user or script does.
// Each spawn starts Node and compiles the sources through tsx, which takes seconds on a loaded
// 2-core machine; the timeouts below are generous on purpose so no test depends on an idle machine.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';

/** The repository root (where package.json is). */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** bin/plenary.js: the entry point the `plenary` command runs. */
export const CLI_BIN = path.join(REPO_ROOT, 'bin', 'plenary.js');

/** Limit for one CLI process; a spawn that exceeds it is killed and the test fails with its output. */
export const CLI_SPAWN_TIMEOUT = 180_000;

/** Vitest timeout for a test that spawns the CLI a few times (pass as `{ timeout: CLI_TEST_TIMEOUT }`). */
export const CLI_TEST_TIMEOUT = 600_000;

/** Runs `plenary ...args` to completion from the repository root, with `env` added to the environment. */
export function runCli(args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI_BIN, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: CLI_SPAWN_TIMEOUT,
  });
}
