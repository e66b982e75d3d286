/**
 * Locations of the app's own files (not the user's data): the package root, the built renderer
 * and the version. Works from src/main (tsx, tests) and dist/main (compiled) alike, both two
 * folders below the root.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (the folder holding package.json). */
export const APP_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The built renderer served by the host and loaded by the Electron window. */
export const RENDERER_DIR = path.join(APP_ROOT, 'dist', 'renderer');

/** The app version from package.json. */
export const APP_VERSION: string = (() => {
  try {
    return (JSON.parse(fs.readFileSync(path.join(APP_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
})();
