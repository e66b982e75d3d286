/**
 * Start-up cleaning of temp files that atomic writes (fs-atomic.ts) leave behind when the
 * process is killed between writing the temp file and renaming it. They are named
 * `.<name>.<pid>.<ms>.tmp`; one is removed only when the process that wrote it is gone (or it
 * is older than a day), so a CLI or second window writing into the same data folder right now
 * keeps its temp file.
 */
import fs from 'node:fs';
import path from 'node:path';

const TEMP_NAME = /^\..+\.(\d+)\.(\d+)\.tmp$/;
const MAX_AGE_MS = 24 * 3600 * 1000;

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes stale atomic-write temp files in `dirs` (not recursive). Returns the paths removed.
 * Never throws: a folder that cannot be listed is left alone.
 */
export function cleanStaleTempFiles(dirs: readonly string[], now = Date.now()): string[] {
  const removed: string[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const m = TEMP_NAME.exec(name);
      if (!m) continue;
      const pid = Number(m[1]);
      const written = Number(m[2]);
      if (processAlive(pid) && now - written < MAX_AGE_MS) continue;
      const file = path.join(dir, name);
      try {
        if (!fs.lstatSync(file).isFile()) continue;
        fs.rmSync(file, { force: true });
        removed.push(file);
      } catch {
        /* best effort: it may have been renamed or removed meanwhile */
      }
    }
  }
  return removed;
}
