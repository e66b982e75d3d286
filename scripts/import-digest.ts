// Import digest (issue 14, speed work): parses every document of ../shared/corpus (ga-en, sc-en,
// fr, pdf, drafts-80 pdf and txt) exactly as the import worker does — readResolutionFile, then
// parseResolutionText, then prepareDocument (the rows, search terms, tokens and packed body the
// library stores) — and prints one sha256 over all of it, so a change meant only for speed can be
// shown to leave every parsed document and every stored row byte for byte the same.
// `--out FILE` writes the per-file digests (one "digest  path" a line) to compare two runs.
// Usage: node --import tsx scripts/import-digest.ts [--out FILE] [--only SUBSTRING]
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseResolutionText } from '../src/shared/import/text.js';
import { readResolutionFile } from '../src/main/services/import-files.js';
import { prepareDocument } from '../src/main/services/library-rows.js';

const CORPUS = path.resolve(import.meta.dirname, '../../shared/corpus');
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => /\.(?:txt|md|pdf)$/i.test(f));
}

/** The digest of one file's parse and prepared rows; a failure is part of the digest too. */
export async function fileDigest(file: string): Promise<string> {
  const h = createHash('sha256');
  try {
    const t = await readResolutionFile(file);
    const parsed = parseResolutionText(t.text, { fileName: t.fileName, format: t.format });
    h.update(JSON.stringify({ source: { ...t, text: undefined }, text: t.text, parsed }));
    const p = prepareDocument(parsed.document);
    h.update(p.strings);
    h.update(Buffer.from(p.ints.buffer, p.ints.byteOffset, p.ints.byteLength));
    h.update(zlib.inflateRawSync(p.body));
  } catch (e) {
    h.update(`error: ${e instanceof Error ? `${e.name} ${e.message}` : String(e)}`);
  }
  return h.digest('hex');
}

const only = arg('--only');
const files = ['ga-en', 'sc-en', 'fr', 'pdf', 'drafts-80']
  .flatMap((d) => walk(path.join(CORPUS, d)))
  .filter((f) => !only || f.includes(only))
  .sort();
const all = createHash('sha256');
const lines: string[] = [];
for (const f of files) {
  const d = await fileDigest(f);
  lines.push(`${d}  ${path.relative(CORPUS, f)}`);
  all.update(`${d} ${path.relative(CORPUS, f)}\n`);
}
if (arg('--out')) fs.writeFileSync(arg('--out')!, lines.join('\n') + '\n');
console.log(JSON.stringify({ files: files.length, digest: all.digest('hex') }));
process.exit(0);
