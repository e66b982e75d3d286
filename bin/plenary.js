#!/usr/bin/env node
// The `plenary` command. Packaged builds and installs run the compiled JavaScript in dist/; tsx is
// a development dependency only. In a source checkout (src/ present and tsx installed) it runs the
// TypeScript sources through tsx instead, so a developer never runs a stale dist/ after editing.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const src = new URL('../src/main/cli/index.ts', import.meta.url);
const built = new URL('../dist/main/cli/index.js', import.meta.url);

/** True when tsx can be loaded from this package (a dev install). */
function hasTsx() {
  try {
    createRequire(import.meta.url).resolve('tsx/esm/api');
    return true;
  } catch {
    return false;
  }
}

if (existsSync(src) && hasTsx()) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(src.href);
} else if (existsSync(built)) {
  await import(built.href);
} else {
  process.stderr.write(
    'plenary: no compiled CLI (dist/main/cli/index.js) and no TypeScript runner (tsx).\n' +
      'Run `npm run build:main` first, or `npm install` (with dev dependencies) to run from sources.\n',
  );
  process.exit(1);
}
