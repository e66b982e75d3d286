/**
 * Library imports from the page. Browser mode sends the picked files to the host in chunks,
 * each request well under the host's body limit, so a large selection never fails with 413.
 * The desktop app runs a background import job (library.importStart) and follows it: progress,
 * a question before a very large or sensitive walk, cancel.
 */
import { HOST_MAX_BODY_BYTES, type ApiInput, type ApiMethod, type ApiOutputs, type ImportJobStatus, type ImportSummary } from '../shared/api.js';
import { errorMessage, messageText, t } from './i18n/index.js';

/** Base64 bytes per import request (a quarter of the host's limit, so JSON overhead never matters). */
export const IMPORT_CHUNK_BYTES = Math.floor(HOST_MAX_BODY_BYTES / 4);

/** Files per import request (the method takes at most 500). */
export const IMPORT_CHUNK_FILES = 50;

/** A picked file (the DOM File, or a test double). */
export interface PickedFile {
  name: string;
  size: number;
}

/** Size of `bytes` bytes once base64-encoded. */
export function base64Size(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

/**
 * Groups files into requests: at most IMPORT_CHUNK_FILES files and `limit` base64 bytes each
 * (a single larger file goes alone). Files too large for any request come back in `tooLarge`.
 */
export function planChunks<F extends PickedFile>(files: readonly F[], limit = IMPORT_CHUNK_BYTES): { chunks: F[][]; tooLarge: F[] } {
  const chunks: F[][] = [];
  const tooLarge: F[] = [];
  let current: F[] = [];
  let size = 0;
  const hostLimit = HOST_MAX_BODY_BYTES - 64 * 1024;
  for (const f of files) {
    const s = base64Size(f.size) + f.name.length + 64;
    if (s > hostLimit) {
      tooLarge.push(f);
      continue;
    }
    if (current.length && (size + s > limit || current.length >= IMPORT_CHUNK_FILES)) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(f);
    size += s;
  }
  if (current.length) chunks.push(current);
  return { chunks, tooLarge };
}

/** Options of importInChunks. */
export interface ChunkOptions<F> {
  /** Reads one file as base64. */
  read(file: F): Promise<string>;
  /** Sends one chunk (library.importContent). */
  send(files: { name: string; dataBase64: string }[]): Promise<ImportSummary>;
  /** After each chunk: files done, files in all. */
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
  limit?: number;
}

/**
 * Imports picked files chunk by chunk (each read only when its chunk is sent) and merges the
 * summaries. A file too large for browser mode is listed as failed with the reason; a chunk
 * that fails as a whole lists its files as failed and the rest go on.
 */
export async function importInChunks<F extends PickedFile>(files: readonly F[], opts: ChunkOptions<F>): Promise<ImportSummary> {
  const { chunks, tooLarge } = planChunks(files, opts.limit);
  const total: ImportSummary = { imported: 0, skipped: 0, failed: 0, items: [] };
  for (const f of tooLarge) {
    total.failed++;
    total.items.push({ file: f.name, status: 'failed', reason: t('import.tooLarge', { size: Math.round(f.size / 1e6) }) });
  }
  let done = 0;
  for (const chunk of chunks) {
    if (opts.signal?.aborted) break;
    let r: ImportSummary;
    try {
      const payload = await Promise.all(chunk.map(async (f) => ({ name: f.name, dataBase64: await opts.read(f) })));
      r = await opts.send(payload);
    } catch (e) {
      const reason = errorMessage(e);
      r = { imported: 0, skipped: 0, failed: chunk.length, items: chunk.map((f) => ({ file: f.name, status: 'failed' as const, reason })) };
    }
    total.imported += r.imported;
    total.skipped += r.skipped;
    total.failed += r.failed;
    total.items.push(...r.items);
    done += chunk.length;
    opts.onProgress?.(done, files.length);
  }
  return total;
}

type Caller = <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiOutputs[M]>;

/** Options of followImportJob. */
export interface JobOptions {
  call: Caller;
  /** Every status seen (progress display). */
  onStatus(status: ImportJobStatus): void;
  /** Asks the user the job's question; true goes on. */
  confirm(question: string): boolean | Promise<boolean>;
  /** Aborting cancels the job. */
  signal?: AbortSignal;
  /** Pause between status calls, ms. */
  pollMs?: number;
}

/** Starts a background import of `paths` and follows it to its end; resolves with the last status. */
export async function followImportJob(paths: string[], opts: JobOptions): Promise<ImportJobStatus> {
  let status = await opts.call('library.importStart', { paths });
  const cancel = () => void opts.call('library.importCancel', { id: status.id }).catch(() => undefined);
  opts.signal?.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      opts.onStatus(status);
      if (status.phase === 'done' || status.phase === 'cancelled') return status;
      if (status.phase === 'confirm' && status.question) {
        const goOn = await opts.confirm(messageText(status.questionMsg, status.question));
        status = goOn ? await opts.call('library.importConfirm', { id: status.id }) : await opts.call('library.importCancel', { id: status.id });
        continue;
      }
      await new Promise((r) => setTimeout(r, opts.pollMs ?? 250));
      status = await opts.call('library.importStatus', { id: status.id });
    }
  } finally {
    opts.signal?.removeEventListener('abort', cancel);
  }
}
