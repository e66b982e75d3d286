#!/usr/bin/env node
// The `plenary` command. In a source checkout it runs the TypeScript sources through tsx, so it
// works right after `npm install`; in a build without sources it runs the compiled JavaScript.
import { existsSync } from 'node:fs';

const src = new URL('../src/main/cli/index.ts', import.meta.url);
const built = new URL('../dist/main/cli/index.js', import.meta.url);
if (existsSync(src)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(src.href);
} else {
  await import(built.href);
}
