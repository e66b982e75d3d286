/**
 * Every import runs isolated and bounded (issue 10): the file is read (pdf.js, mammoth, text
 * decoding) and parsed in a worker thread (import-worker.ts) with a wall-clock limit and a memory
 * limit, so that the host, the CLI or Electron's main process keeps answering whatever a file
 * does. A file that breaks a limit ends in a PlenaryError with a one-line reason; the worker is
 * then replaced and the next file goes on. Jobs run one at a time, in order; a few are handed to
 * the worker ahead (PIPELINE), so it starts the next file at once instead of waiting for this
 * thread to take its answer (this thread stores documents meanwhile).
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

/**
 * Jobs a worker holds at once: the one it reads and the next ones, which it starts without a round
 * trip through this thread (busy storing the documents before: a batch takes ~40 ms, a file ~3).
 * Enough for the worker to keep reading through a whole batch's store, also when this thread is
 * slowed down more than the worker on a loaded machine (with 12 the worker sat idle a quarter of
 * the corpus import, waiting for the store to hand it the next files).
 */
const PIPELINE = 24;

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
 * Runs imports in a worker thread, one at a time, in order. The worker starts on the first job and
 * is kept (unreferenced, so it never holds the process open) for the next; a worker that times
 * out, runs out of memory or dies is replaced. Up to PIPELINE jobs are handed to the worker; the
 * time limit runs for the oldest unanswered one (the one the worker reads: it reads in order) from
 * the moment the one before it was answered. When a worker is replaced, the file it was reading
 * fails and the jobs handed to it after that file go to the new worker.
 */
export class ImportRunner {
  private worker: Worker | null = null;
  /** Jobs not yet handed to the worker, in order. */
  private queue: Pending[] = [];
  /** Jobs handed to the worker, in order; the first is the one it reads. */
  private sent: Pending[] = [];
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
    // A copy of its own (the caller's buffer may be a view into a larger pool), cloned to the
    // worker, not moved: a job is sent again when the worker it was handed to had to be replaced.
    return this.enqueue<ImportOutcome>({ id: this.nextId++, name, data: new Uint8Array(data) }, path.basename(name || 'file'));
  }

  /** Stops the worker; pending jobs fail. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    for (const p of [...this.sent, ...this.queue]) p.reject(new PlenaryError('IO', `${p.name} was not imported: the import was stopped.`, { msg: { code: 'import.stopped', values: { name: p.name } } }));
    this.sent = [];
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

  /** Hands queued jobs to the worker (starting one if need be) and runs the time limit of the one it reads. */
  private pump(): void {
    while (this.sent.length < PIPELINE && this.queue.length > 0) {
      const p = this.queue[0]!;
      let w: Worker;
      try {
        w = this.ensureWorker();
      } catch (e) {
        this.queue.shift();
        p.reject(new PlenaryError('IO', `${p.name} could not be imported: the import worker did not start (${(e as Error).message}).`, { msg: { code: 'import.workerFailed', values: { name: p.name, detail: (e as Error).message } } }));
        continue;
      }
      this.queue.shift();
      this.sent.push(p);
      w.postMessage(p.job);
    }
    const head = this.sent[0];
    if (!head || this.timer) return;
    this.worker?.ref();
    this.timer = setTimeout(() => {
      const ms = this.limits.timeoutMs;
      this.replaceWorker(new PlenaryError('BAD_INPUT', `${head.name} took longer than ${ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`} to read and was stopped (the file is too large or malformed).`, { msg: { code: 'import.timeout', values: { name: head.name, seconds: Math.max(1, Math.round(ms / 1000)) } } }));
    }, this.limits.timeoutMs);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = spawnWorker(this.limits);
    w.on('message', (reply: ImportReply) => {
      const p = this.sent[0];
      if (this.worker !== w || !p || reply.id !== p.job.id) return;
      this.sent.shift();
      this.clearTimer();
      if (this.sent.length === 0) w.unref();
      if (reply.ok) p.resolve('prepared' in reply ? { source: reply.source, prepared: reply.prepared } : { source: reply.source, parsed: reply.parsed });
      else p.reject(new PlenaryError((KNOWN_CODES.has(reply.code) ? reply.code : 'CORRUPT') as ErrorCode, reply.message, reply.msg ? { msg: reply.msg } : undefined));
      this.pump();
    });
    w.on('error', (e: Error & { code?: string }) => {
      if (this.worker !== w) return;
      const p = this.sent[0];
      const name = p?.name ?? 'The file';
      const msg =
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `${name} needed more than ${this.limits.maxMemoryMb} MB of memory to read and was stopped (the file is too large or malformed).`
          : `${name} could not be read; the file may be damaged (${e.message.slice(0, 200)}).`;
      this.replaceWorker(new PlenaryError(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'BAD_INPUT' : 'CORRUPT', msg));
    });
    w.on('exit', () => {
      if (this.worker !== w) return;
      const p = this.sent[0];
      this.replaceWorker(new PlenaryError('CORRUPT', `${p?.name ?? 'A file'} could not be read: the import worker stopped while reading it.`, p ? { msg: { code: 'import.workerStopped', values: { name: p.name } } } : undefined));
    });
    this.worker = w;
    return w;
  }

  /**
   * Stops the worker: the job it was reading fails with `reason`, the jobs handed to it after that
   * one go back to the head of the queue, for the next worker.
   */
  private replaceWorker(reason: PlenaryError): void {
    const w = this.worker;
    this.worker = null;
    if (w) void w.terminate();
    this.clearTimer();
    const [head, ...rest] = this.sent;
    this.sent = [];
    this.queue.unshift(...rest);
    head?.reject(reason);
    this.pump();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
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
