/**
 * Background library imports (library.importStart / Status / Confirm / Cancel): the folder walk
 * and the import run asynchronously so the host keeps answering, report progress, stop on
 * cancel (files already imported stay), and pause with a question before walking a home or
 * root folder or more than CONFIRM_FILE_LIMIT files.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import type { ImportJobStatus } from '../../shared/api.js';
import { PlenaryError, type CodedMessage } from '../../shared/errors.js';
import { CONFIRM_FILE_LIMIT, continueWalk, FolderWalk, sensitiveRootMessage, type WalkFs } from './folder-walk.js';
import { summarize, type ImportItem, type LibraryService } from './library.js';

/** Finished jobs kept for a late status call. */
const KEEP_FINISHED = 20;

interface Job {
  status: ImportJobStatus;
  walk: FolderWalk;
  abort: AbortController;
  items: ImportItem[];
  confirmed: boolean;
  /** Resolves the pause of phase 'confirm' (true: go on). */
  answer?: (goOn: boolean) => void;
  /** Called when the job starts waiting for an answer or ends. */
  waiters: (() => void)[];
  finished: Promise<void>;
}

/** Options of ImportJobs (tests shrink the limit and fake the home folder or the file system). */
export interface ImportJobOptions {
  limit?: number;
  home?: string;
  fs?: WalkFs;
}

/** The background imports of one library. */
export class ImportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly library: Pick<LibraryService, 'importPaths'>,
    private readonly opts: ImportJobOptions = {},
  ) {}

  /** Starts a job; returns its first status (the walk goes on in the background). */
  start(paths: readonly string[], confirmed = false): ImportJobStatus {
    const id = crypto.randomUUID();
    const job: Job = {
      status: { id, phase: 'walking', found: 0, done: 0, current: '', passedOver: [] },
      walk: new FolderWalk(paths, this.opts.fs),
      abort: new AbortController(),
      items: [],
      waiters: [],
      confirmed,
      finished: Promise.resolve(),
    };
    this.jobs.set(id, job);
    this.prune();
    job.finished = this.run(job, paths).catch((e: unknown) => {
      // Anything unexpected ends the job with a clear reason rather than a dead host.
      job.items.push({ file: job.status.current, status: 'failed', reason: e instanceof Error ? e.message : String(e) });
      this.finish(job, 'done');
    });
    return this.snapshot(job);
  }

  /** The status of job `id`; NOT_FOUND for an unknown id. */
  status(id: string): ImportJobStatus {
    return this.snapshot(this.get(id));
  }

  /** Goes on with a job waiting in phase 'confirm'. */
  confirm(id: string): ImportJobStatus {
    const job = this.get(id);
    job.confirmed = true;
    if (job.answer && job.status.phase === 'confirm') {
      // The paused run resumes on a later tick: answer with the state it resumes in.
      job.status.phase = 'walking';
      delete job.status.question;
      job.answer(true);
    }
    return this.snapshot(job);
  }

  /** Cancels a job; files imported so far stay. Resolves once the job has stopped. */
  async cancel(id: string): Promise<ImportJobStatus> {
    const job = this.get(id);
    job.abort.abort();
    job.answer?.(false);
    await job.finished;
    return this.snapshot(job);
  }

  /** Resolves when job `id` is finished (tests, the CLI). */
  async settled(id: string): Promise<ImportJobStatus> {
    const job = this.get(id);
    await job.finished;
    return this.snapshot(job);
  }

  /** Resolves once job `id` ends or waits for an answer (library.import, which cannot ask). */
  async questionOrEnd(id: string): Promise<ImportJobStatus> {
    const job = this.get(id);
    if (!['confirm', 'done', 'cancelled'].includes(job.status.phase)) await new Promise<void>((resolve) => job.waiters.push(resolve));
    return this.snapshot(job);
  }

  private wake(job: Job): void {
    for (const w of job.waiters.splice(0)) w();
  }

  private get(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new PlenaryError('NOT_FOUND', 'That import is no longer known (it finished long ago or Plenary restarted).', { msg: { code: 'import.jobGone' } });
    return job;
  }

  private async ask(job: Job, question: CodedMessage): Promise<boolean> {
    job.status.phase = 'confirm';
    job.status.question = question.message;
    job.status.questionMsg = { code: question.code, ...(question.values ? { values: question.values } : {}) };
    this.wake(job);
    const goOn = await new Promise<boolean>((resolve) => {
      job.answer = resolve;
      if (job.abort.signal.aborted) resolve(false);
    });
    job.answer = undefined;
    delete job.status.question;
    delete job.status.questionMsg;
    return goOn && !job.abort.signal.aborted;
  }

  private async run(job: Job, paths: readonly string[]): Promise<void> {
    if (!job.confirmed) {
      const reason = paths.map((p) => sensitiveRootMessage(p, this.opts.home ?? os.homedir())).find((q) => q !== undefined);
      if (reason && !(await this.ask(job, { ...reason, message: `${reason.message} Import it anyway?` }))) return this.finish(job, 'cancelled');
    }
    const limit = this.opts.limit ?? CONFIRM_FILE_LIMIT;
    job.status.phase = 'walking';
    const progress = (w: FolderWalk) => {
      job.status.found = w.files.length;
      job.status.current = w.current;
    };
    let walked;
    try {
      walked = await continueWalk(job.walk, { signal: job.abort.signal, ...(job.confirmed ? {} : { limit }), onProgress: progress });
      if (walked.limited) {
        progress(job.walk);
        const question = `More than ${limit.toLocaleString('en')} files were found so far, and the walk is not finished. Import them all?`;
        if (!(await this.ask(job, { code: 'import.manyFiles', values: { limit }, message: question }))) return this.finish(job, 'cancelled');
        job.status.phase = 'walking';
        walked = await continueWalk(job.walk, { signal: job.abort.signal, onProgress: progress });
      }
    } catch (e) {
      if (job.abort.signal.aborted) return this.finish(job, 'cancelled');
      throw e;
    }
    progress(job.walk);
    job.items.push(
      ...walked.missing.map((m): ImportItem => ({ file: m, status: 'failed', reason: 'no such file or folder' })),
      ...walked.passedOver.map((p): ImportItem => ({ file: p.path, status: 'skipped', reason: p.reason })),
    );
    job.status.phase = 'importing';
    // One call for every file, so the import worker reads ahead across the whole import while this
    // thread stores (calls of a few files each left the worker idle at every call's end, and
    // committed a few documents at a time); a cancel stops it between files.
    const files = walked.files;
    job.status.current = files[0] ?? '';
    // The walk already listed the files: every item is one of them, reported as it is stored.
    await this.library.importPaths(
      files,
      (done, _total, item) => {
        job.items.push(item);
        job.status.done++;
        job.status.current = files[done] ?? files[files.length - 1]!;
      },
      { files, missing: [], passedOver: [], limited: false },
      job.abort.signal,
    );
    this.finish(job, job.abort.signal.aborted && job.status.done < files.length ? 'cancelled' : 'done');
  }

  private finish(job: Job, phase: 'done' | 'cancelled'): void {
    job.status.phase = phase;
    job.status.current = '';
    job.status.found = job.walk.files.length;
    this.wake(job);
  }

  private snapshot(job: Job): ImportJobStatus {
    const s = job.status;
    return {
      ...s,
      passedOver: job.walk.passedOver.slice(0, 1000),
      summary: summarize(job.items),
    };
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.status.phase === 'done' || j.status.phase === 'cancelled');
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(j.status.id);
  }
}
