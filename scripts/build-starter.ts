// Builds the starter library shipped with the app (assets/library/starter.jsonl.gz) from the
// General Assembly resolutions of sessions 78–79 in ../shared/corpus/ga-en: each line holds the
// source file name, the sha256 of its bytes and the parsed document. Run after parser changes:
//   node --import tsx scripts/build-starter.ts
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { parseResolutionText } from '../src/shared/import/text.js';

const root = path.resolve(import.meta.dirname, '..');
const src = path.resolve(root, '../shared/corpus/ga-en');
const out = path.join(root, 'assets', 'library', 'starter.jsonl.gz');

const lines: string[] = [];
let failed = 0;
for (const f of fs.readdirSync(src).filter((x) => x.endsWith('.txt')).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
  const bytes = fs.readFileSync(path.join(src, f));
  try {
    const { document } = parseResolutionText(bytes.toString('utf8'), { fileName: f, format: 'text' });
    lines.push(JSON.stringify({ file: f, hash: crypto.createHash('sha256').update(bytes).digest('hex'), document }));
  } catch (e) {
    failed++;
    console.error(`${f}: ${(e as Error).message}`);
  }
}
fs.mkdirSync(path.dirname(out), { recursive: true });
const gz = zlib.gzipSync(lines.join('\n') + '\n', { level: 9 });
fs.writeFileSync(out, gz);
console.log(`${lines.length} documents (${failed} failed) → ${path.relative(root, out)} (${(gz.length / 1e6).toFixed(1)} MB)`);
