#!/usr/bin/env node
// `npm start`: build what is needed and launch the Electron window. When the Electron runtime
// cannot be obtained (an offline machine), say so in one line and start browser mode instead.
// Extra arguments (`npm start -- --data DIR --port N --ui-lang fr`) are passed on, to Electron or
// to `plenary serve` alike (both read --ui-lang: the interface language for this run).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const node = process.execPath;

function run(label, cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    console.error(`Plenary: ${label} failed.`);
    process.exit(r.status ?? 1);
  }
}

/** Asks the electron package for its runtime; it downloads it on first use. */
function findElectron() {
  const r = spawnSync(node, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (r.status === 0 && r.stdout) return { ok: true, path: r.stdout.trim() };
  const text = `${r.stderr ?? ''}${r.error ? r.error.message : ''}`;
  const reason = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|network/i.test(text)
    ? 'its download failed (no network)'
    : r.error?.code === 'ETIMEDOUT'
      ? 'its download timed out'
      : (text.split('\n').find((l) => /Error/.test(l)) ?? 'it could not be started').trim();
  return { ok: false, reason };
}

function forward(child) {
  const stop = (sig) => () => child.kill(sig);
  process.on('SIGINT', stop('SIGINT'));
  process.on('SIGTERM', stop('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

run('building the user interface', node, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);

const electron = findElectron();
if (!electron.ok) {
  console.log(`Plenary: the Electron runtime is not available (${electron.reason}); starting browser mode instead.`);
  forward(spawn(node, [path.join(root, 'bin/plenary.js'), 'serve', ...args], { cwd: root, stdio: 'inherit' }));
} else {
  run('compiling the main process', node, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.node.json']);
  const { ensureElectronNative } = await import('./electron-native.mjs');
  const native = await ensureElectronNative();
  if (!native.ok) {
    console.log(`Plenary: ${native.message}; starting browser mode instead.`);
    forward(spawn(node, [path.join(root, 'bin/plenary.js'), 'serve', ...args], { cwd: root, stdio: 'inherit' }));
  } else {
    forward(spawn(electron.path, ['.', ...args], { cwd: root, stdio: 'inherit' }));
  }
}
