// The importers read what the exporters write, but never through the exporters' code: a reader
// that took its vocabulary from a writer would silently follow a change made for the writer.
// What both need (the Akoma Ntoso names, the sponsor-line words) lives in src/shared/resolution.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** The relative module specifiers `text` imports or re-exports. */
function specifiers(text: string): string[] {
  return [...text.matchAll(/\b(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]/g), ...text.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
}

describe('src/shared/import does not depend on src/shared/export', () => {
  it('the specifier scan sees a static, a re-exporting and a dynamic import', () => {
    expect(specifiers("import { a } from '../export/akn.js';\nexport { b } from './x.js';\nconst c = await import('../export/txt.js');")).toEqual(['../export/akn.js', './x.js', '../export/txt.js']);
  });

  it('no importer module imports an exporter module', () => {
    const dir = path.join(root, 'src/shared/import');
    const offenders: string[] = [];
    for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
      if (!/\.tsx?$/.test(name)) continue;
      const file = path.join(dir, name);
      for (const spec of specifiers(fs.readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const target = path.relative(root, path.resolve(path.dirname(file), spec));
        if (target.startsWith(path.join('src', 'shared', 'export'))) offenders.push(`${path.relative(root, file)} → ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
