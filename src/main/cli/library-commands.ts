/**
 * Library commands of the `plenary` CLI: parse, import, search, match. Their output forms are
 * documented in the README; scripts rely on them.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { resolveDataDir, dataPaths } from '../services/paths.js';
import { LibraryService, starterPath, expandPaths, type SearchFilters, type SearchOrder } from '../services/library.js';
import { importFileIsolated } from '../services/import-isolated.js';
import { APP_ROOT } from '../app-root.js';
import { toParseJson } from '../../shared/import/json.js';
import { parseCommandArgs, UsageError } from './args.js';
import type { Command, CommandContext } from './index.js';

function openLibrary(ctx: CommandContext, data: string | undefined): LibraryService {
  const dataDir = resolveDataDir({ flag: data, env: ctx.env });
  fs.mkdirSync(dataDir, { recursive: true });
  return new LibraryService(dataPaths(dataDir).library, ctx.env.PLENARY_NO_STARTER === '1' ? undefined : starterPath(APP_ROOT));
}

function stripTags(s: string): string {
  return s.replace(/<\/?b>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Reads lines from stdin, calling `fn` for each non-empty one, in order. */
async function eachStdinLine(fn: (line: string) => void): Promise<void> {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) if (line.trim()) fn(line.trim());
}

export const parseCommand: Command = {
  summary: 'parse resolution files (text, markdown, HTML, Word, PDF) and print their structure',
  usage: [
    'Usage: plenary parse FILE... [--json]',
    '  --json  one JSON object per file and line: {symbol, kind (resolution|draft-resolution|draft-decision|',
    '          amendment), language, organ, session, committee, agendaItems, sponsors, sponsorNote, bureauLine, title,',
    '          adoptionDate, basis, meeting, preambular:[{text, openingPhrase}],',
    '          operative:[{number, text, openingPhrase, subparagraphs:[{label, text, subparagraphs}]}],',
    '          footnotes:[{mark, text}]}',
  ].join('\n'),
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(ctx.argv, { json: { type: 'boolean' } });
    if (positionals.length === 0) throw new UsageError('give at least one FILE to parse.');
    let failed = 0;
    for (const file of positionals) {
      try {
        const { parsed } = await importFileIsolated(file);
        const json = toParseJson(parsed.document);
        if (values.json) ctx.stdout.write(JSON.stringify(json) + '\n');
        else {
          ctx.stdout.write(`${path.basename(file)}: ${json.symbol || '(no symbol)'} — ${json.title || '(no title)'}\n`);
          ctx.stdout.write(`  ${json.language}, ${json.organ}, session ${json.session || '?'}, adopted ${json.adoptionDate || '?'}\n`);
          ctx.stdout.write(`  ${json.preambular.length} preambular, ${json.operative.length} operative paragraphs, ${json.footnotes.length} footnotes\n`);
        }
      } catch (e) {
        failed++;
        ctx.stderr.write(`plenary parse: ${(e as Error).message}\n`);
      }
    }
    return failed ? 1 : 0;
  },
};

function bar(done: number, total: number): string {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
}

export const importCommand: Command = {
  summary: 'import resolution files or folders into the library',
  usage: 'Usage: plenary import PATH... [--data DIR] [--json]\n  Files: .txt .md .html .docx .pdf; folders are searched recursively. Duplicates are skipped.',
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(ctx.argv, { json: { type: 'boolean' } });
    if (positionals.length === 0) throw new UsageError('give at least one file or folder to import.');
    const lib = openLibrary(ctx, values.data);
    try {
      const total = expandPaths(positionals).files.length;
      const tty = (ctx.stderr as NodeJS.WriteStream).isTTY === true;
      const t0 = Date.now();
      const summary = await lib.importPaths(positionals, (done, n) => {
        if (tty) ctx.stderr.write(`\r${bar(done, n)}`);
        else if (done === n || done % 100 === 0) ctx.stderr.write(`${bar(done, n)}\n`);
      });
      if (tty && total) ctx.stderr.write('\n');
      if (values.json) ctx.stdout.write(JSON.stringify(summary) + '\n');
      else {
        ctx.stdout.write(`Imported ${summary.imported}, skipped ${summary.skipped}, failed ${summary.failed} (${((Date.now() - t0) / 1000).toFixed(1)} s).\n`);
        for (const i of summary.items) {
          if (i.status === 'skipped') ctx.stdout.write(`  skipped ${i.file}: ${i.reason}\n`);
          if (i.status === 'failed') ctx.stdout.write(`  failed  ${i.file}: ${i.reason}\n`);
        }
      }
      return summary.failed ? 1 : 0;
    } finally {
      lib.close();
    }
  },
};

/** Parses `--session N` or `--session A-B`. */
export function parseSessionRange(v: string | undefined): { sessionFrom?: number; sessionTo?: number } {
  if (v === undefined) return {};
  const m = /^(\d+)(?:-(\d+))?$/.exec(v.trim());
  if (!m) throw new UsageError(`--session takes a number or a range like 78-79, not "${v}".`);
  const a = Number(m[1]);
  const b = m[2] ? Number(m[2]) : a;
  return { sessionFrom: Math.min(a, b), sessionTo: Math.max(a, b) };
}

function parseLimit(v: string | undefined, def: number): number {
  if (v === undefined) return def;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1 || n > 200) throw new UsageError(`--limit takes a number from 1 to 200, not "${v}".`);
  return n;
}

export const searchCommand: Command = {
  summary: 'search the library: words, "phrases", -excluded, OR',
  usage: [
    'Usage: plenary search QUERY [--kind pp|op] [--organ ORGAN] [--session N|A-B] [--lang xx] [--limit N] [--order newest|relevance] [--json]',
    '       plenary search --stdin [options]   one query per line in, one JSON line {hits:[…]} out',
    '  Hits: {symbol, kind, number, designation, text, snippet, score}; snippet marks matches with <b>…</b>.',
    '  --order  newest (the default, as in the app: the most recently imported first) or relevance.',
  ].join('\n'),
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(ctx.argv, {
      kind: { type: 'string' },
      organ: { type: 'string' },
      session: { type: 'string' },
      lang: { type: 'string' },
      limit: { type: 'string' },
      order: { type: 'string' },
      json: { type: 'boolean' },
      stdin: { type: 'boolean' },
    });
    if (values.order !== undefined && values.order !== 'newest' && values.order !== 'relevance') throw new UsageError(`--order is newest or relevance, not "${values.order}".`);
    const order = (values.order ?? 'newest') as SearchOrder;
    if (values.kind !== undefined && values.kind !== 'pp' && values.kind !== 'op') throw new UsageError('--kind is pp or op.');
    if (values.lang !== undefined && !/^(?:en|fr|es|ru|ar|zh)$/.test(values.lang)) throw new UsageError('--lang is one of en fr es ru ar zh.');
    const filters: SearchFilters = {
      ...(values.kind ? { kind: values.kind as 'pp' | 'op' } : {}),
      ...(values.organ ? { organ: values.organ } : {}),
      ...parseSessionRange(values.session),
      ...(values.lang ? { language: values.lang } : {}),
    };
    const limit = parseLimit(values.limit, 10);
    if (!values.stdin && positionals.length === 0) throw new UsageError('give a QUERY (or --stdin).');
    const lib = openLibrary(ctx, values.data);
    const toJson = (hits: ReturnType<LibraryService['search']>['hits']) => ({
      hits: hits.map((h) => ({ symbol: h.symbol, kind: h.kind, number: h.number, designation: h.designation, text: h.text, snippet: h.snippet, score: h.score })),
    });
    try {
      if (values.stdin) {
        await eachStdinLine((q) => {
          try {
            ctx.stdout.write(JSON.stringify(toJson(lib.search(q, filters, limit, order).hits)) + '\n');
          } catch (e) {
            ctx.stdout.write(JSON.stringify({ hits: [], error: (e as Error).message }) + '\n');
          }
        });
        return 0;
      }
      const { hits, tookMs } = lib.search(positionals.join(' '), filters, limit, order);
      if (values.json) ctx.stdout.write(JSON.stringify(toJson(hits)) + '\n');
      else {
        for (const h of hits) ctx.stdout.write(`${h.symbol} ${h.designation} (${h.adoptionDate || '?'})\n  ${stripTags(h.snippet)}\n`);
        ctx.stderr.write(`${hits.length} hit${hits.length === 1 ? '' : 's'} in ${tookMs} ms\n`);
      }
      return 0;
    } finally {
      lib.close();
    }
  },
};

export const matchCommand: Command = {
  summary: 'find the closest adopted paragraphs to a text, with differences',
  usage: [
    'Usage: plenary match TEXT [--kind pp|op|sub] [--limit N] [--json]',
    '       plenary match --stdin [options]   one text per line in, one JSON line {matches:[…]} out',
    '  Matches: {symbol, designation, kind, score, text, diff:[{op: eq|ins|del, text}]}; diff goes from the',
    '  adopted text to yours (del = only in the adopted text, ins = only in yours).',
  ].join('\n'),
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(ctx.argv, {
      kind: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
      stdin: { type: 'boolean' },
    });
    if (values.kind !== undefined && !['pp', 'op', 'sub'].includes(values.kind)) throw new UsageError('--kind is pp, op or sub.');
    const limit = parseLimit(values.limit, 5);
    if (!values.stdin && positionals.length === 0) throw new UsageError('give a TEXT (or --stdin).');
    const lib = openLibrary(ctx, values.data);
    const opts = { ...(values.kind ? { kind: values.kind as 'pp' | 'op' | 'sub' } : {}), limit };
    const toJson = (r: ReturnType<LibraryService['match']>) => ({
      matches: r.matches.map((m) => ({ symbol: m.symbol, designation: m.designation, kind: m.kind, score: m.score, text: m.text, diff: m.diff })),
    });
    try {
      if (values.stdin) {
        await eachStdinLine((t) => ctx.stdout.write(JSON.stringify(toJson(lib.match(t, opts))) + '\n'));
        return 0;
      }
      const r = lib.match(positionals.join(' '), opts);
      if (values.json) ctx.stdout.write(JSON.stringify(toJson(r)) + '\n');
      else {
        for (const m of r.matches) {
          const diff = m.diff.map((d) => (d.op === 'eq' ? d.text : d.op === 'del' ? `[-${d.text}-]` : `{+${d.text}+}`)).join('');
          ctx.stdout.write(`${Math.round(m.score * 100)}%  ${m.symbol} ${m.designation}\n  ${diff}\n`);
        }
        ctx.stderr.write(`${r.matches.length} match${r.matches.length === 1 ? '' : 'es'} in ${r.tookMs} ms\n`);
      }
      return 0;
    } finally {
      lib.close();
    }
  },
};
