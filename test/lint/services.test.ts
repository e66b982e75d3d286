// Services own their resources: the library's database is reached only through LibraryService.
// The CLI, the dispatcher, the host and the Electron shell call service methods; only the library
// service and the db layer itself import src/main/db or touch `.db`.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
// The library service and its own modules (library-history.ts, library-batch.ts that stores an
// import's documents; the persisted match index, its file format and the worker that writes it) own
// the database.
const OWNERS = [
  'src/main/db/',
  'src/main/services/library.ts',
  'src/main/services/library-history.ts',
  'src/main/services/library-batch.ts',
  'src/main/services/match-persist.ts',
  'src/main/services/match-snapshot.ts',
  'src/main/services/match-worker.ts',
];

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...files(rel));
    else if (/\.[cm]?tsx?$/.test(e.name)) out.push(rel);
  }
  return out;
}

/** Lines of `text` that import the db layer or reach into a `.db` property. */
function leaks(text: string): string[] {
  return text.split('\n').filter((l) => /from\s+['"][^'"]*\/db\/[^'"]*['"]/.test(l) || /\.db\b/.test(l.replace(/\/\/.*$/, '')));
}

describe('the database stays inside the library service', () => {
  it('no file outside src/main/db and the library service imports the db layer or uses `.db`', () => {
    const found: string[] = [];
    for (const file of files('src')) {
      if (OWNERS.some((o) => file.startsWith(o))) continue;
      for (const l of leaks(fs.readFileSync(path.join(root, file), 'utf8'))) found.push(`${file}: ${l.trim()}`);
    }
    expect(found).toEqual([]);
  });

  it('the check sees the leaks it is meant to catch', () => {
    expect(leaks("const d = library.db.document(id);")).toHaveLength(1);
    expect(leaks("import type { SearchFilters } from '../db/library.js';")).toHaveLength(1);
    expect(leaks("const d = library.document(id); // not library.db")).toHaveLength(0);
  });
});
