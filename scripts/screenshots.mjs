#!/usr/bin/env node
// `npm run screenshots`: regenerates the README's screenshots in docs/screenshots. It builds the
// renderer and runs the e2e tests that take them with PLENARY_SCREENSHOT_DIR pointing there (a plain
// `npm test` writes its screenshots to test-results/screenshots and leaves tracked files alone).
// docs/screenshots/export-vs-official.png comes from `npm run visual-check`; the sectioned
// resolution and the committee draft beside their official PDFs (sectioned-vs-official.png,
// draft-vs-official.png) from scripts/official-pages.ts, run last here.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const files = ['app', 'editor', 'export', 'languages', 'library', 'negotiation', 'ui-language', 'agreed-ui'].map((f) => `test/e2e/${f}.test.ts`);

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run(npm, ['run', 'build:renderer']);
run(process.execPath, [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--project', 'e2e', ...files], {
  PLENARY_SCREENSHOT_DIR: path.join(root, 'docs', 'screenshots'),
});
run(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'official-pages.ts'), path.join(root, 'docs', 'screenshots')]);
console.log('Screenshots written to docs/screenshots.');
