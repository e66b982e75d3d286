// `npm run bench`: runs the benchmarks and prints (and records) their figures.
// `npm run bench -- editor` runs one.
import fs from 'node:fs';
import path from 'node:path';
import { editorBench } from './editor.bench.js';
import { libraryBench } from './library.bench.js';
import { libraryPrefixBench } from './library-prefix.bench.js';
import { matchBench } from './match.bench.js';
import { exportBench } from './export.bench.js';
import { recoveryBench } from './recovery.bench.js';
import { importBench } from './import.bench.js';

// Flags: --paragraphs N (library size for `library`, default 100,000).
const args = process.argv.slice(2);
const flag = (name: string): number | undefined => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = Number(args[i + 1]);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} needs a positive whole number (got ${args[i + 1] ?? 'nothing'})`);
  args.splice(i, 2);
  return v;
};
const paragraphs = flag('paragraphs');

const benches: Record<string, () => Promise<unknown>> = {
  editor: () => editorBench(),
  library: () => libraryBench(paragraphs),
  'library-prefix': () => libraryPrefixBench(),
  match: () => matchBench(),
  export: () => exportBench(),
  recovery: () => recoveryBench('host'),
  'recovery-browser': () => recoveryBench('browser'),
  import: () => importBench(),
};

const only = args;
const results: Record<string, unknown> = {};
for (const [name, run] of Object.entries(benches)) {
  if (only.length && !only.includes(name)) continue;
  process.stderr.write(`bench ${name}…\n`);
  results[name] = await run();
  process.stdout.write(`${name}: ${JSON.stringify(results[name], null, 2)}\n`);
}
const file = path.resolve(import.meta.dirname, 'results', `${new Date().toISOString().slice(0, 10)}.json`);
fs.mkdirSync(path.dirname(file), { recursive: true });
const previous = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
fs.writeFileSync(file, JSON.stringify({ ...previous, ...results }, null, 2) + '\n');
process.stderr.write(`recorded in ${path.relative(process.cwd(), file)}\n`);
