/**
 * Every import runs isolated and bounded (issue 10): the file is read (pdf.js, mammoth, text
 * decoding) and parsed in a worker thread (import-worker.ts) with a wall-clock limit and a memory
 * limit, so that the host, the CLI or Electron's main process keeps answering whatever a file
 * does. A file that breaks a limit ends in a PlenaryError with a one-line reason; the worker is
 * then replaced and the next file goes on. Jobs run one at a time, in order.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PlenaryError, type ErrorCode } from '../../shared/errors.js';
import type { ParseResult } from '../../shared/import/text.js';
import type { ImportJob, ImportReply, ImportSource } from './import-worker.js';
import type { PreparedDocument } from './library-rows.js';

export type { ImportSource } from './import-worker.js';

/** Limits of one import. */
export interface ImportLimits {
  /** Wall-clock time for reading and parsing one file, in milliseconds. */
  timeoutMs: number;
  /** The worker's JavaScript heap (V8 old generation), in megabytes. */
  maxMemoryMb: number;
}

/**
 * The defaults: a 300-page PDF reads in well under a minute on a slow machine; the memory is
 * ten times what the largest real resolution needs. PLENARY_IMPORT_TIMEOUT_MS overrides the time
 * (for tests and slow machines).
 */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  timeoutMs: Number(process.env.PLENARY_IMPORT_TIMEOUT_MS) > 0 ? Number(process.env.PLENARY_IMPORT_TIMEOUT_MS) : 120_000,
  maxMemoryMb: 1536,
};

/** A file read and parsed: where it came from and the parser's result. */
export interface ImportOutcome {
  source: ImportSource;
  parsed: ParseResult;
}

/** A file read, parsed and prepared for the library (prepareDocument): where it came from and what to store. */
export interface PreparedOutcome {
  source: ImportSource;
  prepared: PreparedDocument;
}

interface Pending {
  job: ImportJob;
  name: string;
  resolve: (o: ImportOutcome | PreparedOutcome) => void;
  reject: (e: PlenaryError) => void;
}

const KNOWN_CODES = new Set<string>(['BAD_INPUT', 'NOT_FOUND', 'CORRUPT', 'IO']);

/** The ESM entry of tsx's API (require.resolve would give the CommonJS one, which cannot register hooks from a worker). */
export function tsxEsmApi(from: string): string {
  const req = createRequire(from);
  const pkgFile = req.resolve('tsx/package.json');
  const pkg = req(pkgFile) as { exports: Record<string, { import: { default: string } }> };
  return path.join(path.dirname(pkgFile), pkg.exports['./esm/api']!.import.default);
}

/** Starts the worker: the compiled .js directly, the .ts sources (dev, tests) through tsx. */
function spawnWorker(limits: ImportLimits): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: limits.maxMemoryMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 };
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./import-worker.js', here), { resourceLimits });
  const tsx = pathToFileURL(tsxEsmApi(here)).href;
  const entry = new URL('./import-worker.ts', here).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true, resourceLimits });
}

/**
 * Runs imports in a worker thread, one at a time. The worker starts on the first job and is
 * kept (unreferenced, so it never holds the process open) for the next; a worker that times out,
 * runs out of memory or dies is replaced.
 */
export class ImportRunner {
  private worker: Worker | null = null;
  private queue: Pending[] = [];
  private active: Pending | null = null;
  private timer: NodeJS.Timeout | null = null;
  private nextId = 1;

  constructor(private readonly limits: ImportLimits = DEFAULT_IMPORT_LIMITS) {}

  /** Reads and parses a file on disk; rejects with a PlenaryError naming the file. */
  importFile(file: string): Promise<ImportOutcome> {
    return this.enqueue<ImportOutcome>({ id: this.nextId++, file }, path.basename(file));
  }

  /** Reads, parses and prepares a file on disk for the library; rejects with a PlenaryError naming the file. */
  prepareFile(file: string): Promise<PreparedOutcome> {
    return this.enqueue<PreparedOutcome>({ id: this.nextId++, file, prepare: true }, path.basename(file));
  }

  /** Reads and parses bytes (uploaded or dropped); `name` gives the extension and the messages. */
  importBuffer(name: string, data: Uint8Array): Promise<ImportOutcome> {
    // A copy the worker can own: the caller's buffer may be a view into a larger pool.
    return this.enqueue<ImportOutcome>({ id: this.nextId++, name, data: new Uint8Array(data) }, path.basename(name || 'file'));
  }

  /** Stops the worker; pending jobs fail. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    for (const p of [...(this.active ? [this.active] : []), ...this.queue]) p.reject(new PlenaryError('IO', `${p.name} was not imported: the import was stopped.`, { msg: { code: 'import.stopped', values: { name: p.name } } }));
    this.active = null;
    this.queue = [];
    this.clearTimer();
    if (w) await w.terminate();
  }

  private enqueue<T extends ImportOutcome | PreparedOutcome>(job: ImportJob, name: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ job, name, resolve: resolve as (o: ImportOutcome | PreparedOutcome) => void, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.active || this.queue.length === 0) return;
    const p = this.queue.shift()!;
    this.active = p;
    let w: Worker;
    try {
      w = this.ensureWorker();
    } catch (e) {
      this.finish(p, new PlenaryError('IO', `${p.name} could not be imported: the import worker did not start (${(e as Error).message}).`, { msg: { code: 'import.workerFailed', values: { name: p.name, detail: (e as Error).message } } }));
      return;
    }
    w.ref();
    this.timer = setTimeout(() => {
      const ms = this.limits.timeoutMs;
      this.kill();
      this.finish(p, new PlenaryError('BAD_INPUT', `${p.name} took longer than ${ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`} to read and was stopped (the file is too large or malformed).`, { msg: { code: 'import.timeout', values: { name: p.name, seconds: Math.max(1, Math.round(ms / 1000)) } } }));
    }, this.limits.timeoutMs);
    const transfer = 'data' in p.job ? [p.job.data.buffer as ArrayBuffer] : [];
    w.postMessage(p.job, transfer);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = spawnWorker(this.limits);
    w.on('message', (reply: ImportReply) => {
      const p = this.active;
      if (!p || reply.id !== p.job.id) return;
      if (reply.ok) this.finish(p, 'prepared' in reply ? { source: reply.source, prepared: reply.prepared } : { source: reply.source, parsed: reply.parsed });
      else this.finish(p, new PlenaryError((KNOWN_CODES.has(reply.code) ? reply.code : 'CORRUPT') as ErrorCode, reply.message, reply.msg ? { msg: reply.msg } : undefined));
    });
    w.on('error', (e: Error & { code?: string }) => {
      if (this.worker !== w) return;
      this.worker = null;
      const p = this.active;
      if (!p) return;
      const msg =
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `${p.name} needed more than ${this.limits.maxMemoryMb} MB of memory to read and was stopped (the file is too large or malformed).`
          : `${p.name} could not be read; the file may be damaged (${e.message.slice(0, 200)}).`;
      this.finish(p, new PlenaryError(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'BAD_INPUT' : 'CORRUPT', msg));
    });
    w.on('exit', () => {
      if (this.worker !== w) return;
      this.worker = null;
      const p = this.active;
      if (p) this.finish(p, new PlenaryError('CORRUPT', `${p.name} could not be read: the import worker stopped while reading it.`, { msg: { code: 'import.workerStopped', values: { name: p.name } } }));
    });
    this.worker = w;
    return w;
  }

  private kill(): void {
    const w = this.worker;
    this.worker = null;
    if (w) void w.terminate();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private finish(p: Pending, result: ImportOutcome | PreparedOutcome | PlenaryError): void {
    if (this.active !== p) return;
    this.clearTimer();
    this.active = null;
    this.worker?.unref();
    if (result instanceof PlenaryError) p.reject(result);
    else p.resolve(result);
    this.pump();
  }
}

const shared: ImportRunner[] = [];

/**
 * The process's import runners (one worker each, for the CLI, the host or Electron's main
 * process): lane 0 serves every single import; a batch spreads its files over more lanes so
 * several files are read at once (LibraryService.importPaths).
 */
export function importRunner(lane = 0): ImportRunner {
  shared[lane] ??= new ImportRunner();
  return shared[lane];
}

/** Reads and parses a file on disk in the shared worker; see {@link ImportRunner.importFile}. */
export function importFileIsolated(file: string): Promise<ImportOutcome> {
  return importRunner().importFile(file);
}

/** Reads, parses and prepares a file for the library in a shared worker (lane 0 unless given); see {@link ImportRunner.prepareFile}. */
export function prepareFileIsolated(file: string, lane = 0): Promise<PreparedOutcome> {
  return importRunner(lane).prepareFile(file);
}

/** Reads and parses bytes in the shared worker; see {@link ImportRunner.importBuffer}. */
export function importBufferIsolated(name: string, data: Uint8Array): Promise<ImportOutcome> {
  return importRunner().importBuffer(name, data);
}
