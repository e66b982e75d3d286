/**
 * The import worker (a node:worker_threads thread started by import-isolated.ts): reads one file
 * (pdf.js, mammoth or the text decoder) and parses it, so that a hostile file can only exhaust
 * this thread's time and memory, never the host's. One job at a time, in the order they came (jobs
 * handed over meanwhile wait); every answer is either the parsed document or a PlenaryError's code
 * and message. A stray rejection inside pdf.js while a job runs fails that job with a clear
 * message instead of killing the thread silently.
 */
import { parentPort } from 'node:worker_threads';
import { PlenaryError, type MessageRef } from '../../shared/errors.js';
import { parseResolutionText, type ParseResult } from '../../shared/import/text.js';
import { readResolutionBuffer, readResolutionFile, type ImportedText } from './import-files.js';
import { prepareDocument, preparedTransfer, type PreparedDocument } from './library-rows.js';

/**
 * A job for the worker: a file on disk, or bytes already in memory. `prepare`: answer with what
 * the library stores for the document (prepareDocument) instead of the parse result, so the main
 * thread only writes it (and the document tree does not cross threads).
 */
export type ImportJob = ({ id: number; file: string } | { id: number; name: string; data: Uint8Array }) & { prepare?: boolean };

/** The source a document came from (the text itself stays in the worker). */
export type ImportSource = Omit<ImportedText, 'text'>;

/** The worker's answer to a job. */
export type ImportReply =
  | { id: number; ok: true; source: ImportSource; parsed: ParseResult }
  | { id: number; ok: true; source: ImportSource; prepared: PreparedDocument }
  | { id: number; ok: false; code: string; message: string; msg?: MessageRef };

/** The job being read, and the jobs handed over after it (import-isolated.ts's PIPELINE), in order. */
let current: ImportJob | null = null;
const waiting: ImportJob[] = [];

function fail(id: number, e: unknown, name: string): ImportReply {
  if (e instanceof PlenaryError) return { id, ok: false, code: e.code, message: e.message, ...(e.msg ? { msg: e.msg } : {}) };
  const msg = e instanceof RangeError && /call stack/i.test(e.message) ? 'it is nested too deeply' : e instanceof Error ? e.message : String(e);
  return { id, ok: false, code: 'CORRUPT', message: `${name} could not be read; the file may be damaged (${msg.slice(0, 200)}).` };
}

function jobName(job: ImportJob): string {
  return 'file' in job ? job.file.split(/[\\/]/).pop() || job.file : job.name;
}

async function run(job: ImportJob): Promise<ImportReply> {
  try {
    const t = 'file' in job ? await readResolutionFile(job.file) : await readResolutionBuffer(job.name, job.data);
    const parsed = parseResolutionText(t.text, { fileName: t.fileName, format: t.format });
    const { text: _text, ...source } = t;
    if (job.prepare) return { id: job.id, ok: true, source, prepared: prepareDocument(parsed.document) };
    return { id: job.id, ok: true, source, parsed };
  } catch (e) {
    return fail(job.id, e, jobName(job));
  }
}

/** Answers a job (a prepared document's typed arrays are moved, not copied) and starts the next. */
function answer(reply: ImportReply): void {
  parentPort?.postMessage(reply, reply.ok && 'prepared' in reply ? preparedTransfer(reply.prepared) : []);
  next();
}

function next(): void {
  if (current || waiting.length === 0) return;
  const job = waiting.shift()!;
  current = job;
  void run(job).then((reply) => {
    if (current !== job) return; // already answered by the rejection handler
    current = null;
    answer(reply);
  });
}

process.on('unhandledRejection', (reason) => {
  // pdf.js on a damaged file can reject a promise nobody awaits; the job it belongs to fails.
  if (current) {
    const job = current;
    current = null;
    answer(fail(job.id, reason, jobName(job)));
  }
});

parentPort?.on('message', (job: ImportJob) => {
  waiting.push(job);
  next();
});
