// Temporary folders for tests, removed afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh temp folder; call the returned cleanup when done. */
export function tempDir(prefix = 'plenary-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
