/**
 * The match index across restarts. `openMatchIndex` answers with the persisted index
 * (match-snapshot.ts, a file beside the database) when it was built from exactly the database's
 * current generation (match-store.ts); when the library only grew since, with the persisted index
 * plus the newer documents' stored tokens; otherwise (no file, another library, documents removed,
 * a migration, a truncated or damaged file) by rebuilding from the stored tokens. A file is never
 * trusted beyond its checksum and generation: a refused one is deleted and replaced.
 *
 * Whenever the index in memory is not exactly the file's, a fresh file is written off the main
 * thread: a worker (match-worker.ts) opens the database read-only, builds the index the same way
 * inside one read transaction (so the generation it records is the one its data came from), and
 * replaces the file atomically (temporary file, then rename). Small libraries (below
 * `persistFrom` paragraphs, where a rebuild takes a few milliseconds) are not persisted.
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Db } from '../db/connection.js';
import { ensureMatchGeneration, matchBlobsAfter, matchGeneration, type MatchGeneration } from '../db/match-store.js';
import { tsxEsmApi } from './import-isolated.js';
import { decodeSnapshot, encodeSnapshot, SnapshotRejected } from './match-snapshot.js';
import { MatchIndex } from './matcher.js';

/** Libraries with fewer paragraphs than this are rebuilt at each start rather than persisted. */
export const PERSIST_FROM_PARAGRAPHS = 20_000;

/** How the index was obtained, and why a persisted file was not used as it was. */
export interface MatchIndexOrigin {
  source: 'snapshot' | 'snapshot+newer' | 'rebuilt';
  /** Documents read from the database besides the snapshot (all of them when rebuilt). */
  documentsRead: number;
  /** Why the persisted file was refused or extended; absent when it was used as it was. */
  reason?: string;
}

/** Where the persisted match index of a database file lives; null for an in-memory database. */
export function snapshotPath(dbFile: string): string | null {
  return dbFile === ':memory:' || dbFile === '' ? null : `${dbFile}.match-index`;
}

const sameGeneration = (a: MatchGeneration, b: MatchGeneration) =>
  a.library === b.library && a.added === b.added && a.removed === b.removed && a.documents === b.documents && a.maxDocument === b.maxDocument && a.schema === b.schema && a.vocab === b.vocab;

/** True when `now` differs from `then` only by documents added after then.maxDocument. */
const onlyGrew = (then: MatchGeneration, now: MatchGeneration) =>
  then.library === now.library && then.schema === now.schema && then.removed === now.removed && then.maxDocument <= now.maxDocument && then.vocab <= now.vocab && now.added - then.added === now.documents - then.documents;

/** All stored tokens, as MatchIndex.load takes them. */
function* allBlobs(db: Db, counter: { n: number }) {
  for (const b of matchBlobsAfter(db, -1)) {
    counter.n++;
    yield b;
  }
}

/**
 * Builds the index of `db` from the file at `snap` if usable (see the file header). Reads the
 * generation and the tokens in one transaction. Does not write anything.
 */
export function buildMatchIndex(db: Db, snap: string | null): { index: MatchIndex; origin: MatchIndexOrigin; gen: MatchGeneration } {
  return db.transaction(() => {
    const gen = matchGeneration(db);
    let reason = 'there was no persisted index';
    if (snap !== null) {
      let bytes: Buffer | null = null;
      try {
        bytes = fs.readFileSync(snap);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') reason = `the persisted index could not be read (${(e as Error).message})`;
      }
      if (bytes) {
        try {
          const { parts, gen: then } = decodeSnapshot(bytes);
          bytes = null;
          if (sameGeneration(then, gen)) return { index: MatchIndex.fromSnapshot(parts), origin: { source: 'snapshot' as const, documentsRead: 0 }, gen };
          if (onlyGrew(then, gen)) {
            const index = MatchIndex.fromSnapshot(parts);
            let n = 0;
            for (const b of matchBlobsAfter(db, then.maxDocument)) {
              n++;
              for (let i = 0, at = 0; i < b.ids.length; at += b.lens[i]!, i++) index.add(b.ids[i]!, b.tokens.subarray(at, at + b.lens[i]!), b.kinds[i]!);
            }
            if (n === gen.documents - then.documents) return { index, origin: { source: 'snapshot+newer' as const, documentsRead: n, reason: `${n} documents were added since it was written` }, gen };
            reason = 'the documents added since it was written do not add up';
          } else reason = 'the library changed otherwise than by additions since it was written';
        } catch (e) {
          if (!(e instanceof SnapshotRejected) && !(e instanceof Error && /inconsistent match index snapshot/.test(e.message))) throw e;
          reason = `the persisted index was refused: ${e.message}`;
        }
      }
    }
    const counter = { n: 0 };
    const index = new MatchIndex();
    index.load(allBlobs(db, counter));
    return { index, origin: { source: 'rebuilt' as const, documentsRead: counter.n, reason }, gen };
  })();
}

/** Writes the index's snapshot for `gen` to `snap` atomically (temporary file, then rename). */
export function writeSnapshot(index: MatchIndex, gen: MatchGeneration, snap: string): void {
  const bytes = encodeSnapshot(index.toSnapshot(), gen);
  const tmp = `${snap}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, snap);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Options of openMatchIndex. */
export interface OpenMatchOptions {
  /** Persist only libraries of at least this many paragraphs (default PERSIST_FROM_PARAGRAPHS). */
  persistFrom?: number;
}

/**
 * The match index of the library database `db` (opened read-write from `dbFile`): persisted,
 * extended or rebuilt (see the file header), with a fresh file written in the background when
 * the one on disk is not exactly this index.
 */
export function openMatchIndex(db: Db, dbFile: string, opts: OpenMatchOptions = {}): { index: MatchIndex; origin: MatchIndexOrigin } {
  const snap = snapshotPath(dbFile);
  ensureMatchGeneration(db);
  const { index, origin } = buildMatchIndex(db, snap);
  if (snap !== null && origin.source !== 'snapshot') {
    if (origin.source === 'rebuilt') fs.rmSync(snap, { force: true });
    if (index.size >= (opts.persistFrom ?? PERSIST_FROM_PARAGRAPHS)) void persistInBackground(dbFile, snap);
  }
  return { index, origin };
}

/** Background writes per snapshot file: the one running, and whether another was asked for meanwhile. */
const writers = new Map<string, Writer>();

/**
 * Resolves when no background write of `dbFile`'s persisted index is pending (at once if none).
 * A failed write is not an error here: the next start rebuilds.
 */
export async function matchSnapshotSettled(dbFile: string): Promise<void> {
  const snap = snapshotPath(dbFile);
  while (snap !== null && writers.has(snap)) {
    const w = writers.get(snap)!;
    // Someone waits for the write: its worker must keep the process alive (it is unref'd so that
    // a background write never holds the app open), else a script awaiting it exits with code 13.
    w.waited = true;
    w.worker?.ref();
    await w.done;
  }
}

/** A background write of one persisted index. */
interface Writer {
  done: Promise<void>;
  /** Another write was asked for while this one ran: run again when it ends. */
  again: boolean;
  /** matchSnapshotSettled waits for it: its workers stay referenced. */
  waited: boolean;
  worker: Worker | null;
}

function persistInBackground(dbFile: string, snap: string): Promise<void> {
  const running = writers.get(snap);
  if (running) {
    running.again = true;
    return running.done;
  }
  const entry: Writer = { done: Promise.resolve(), again: false, waited: false, worker: null };
  entry.done = (async () => {
    do {
      entry.again = false;
      await runWorker(dbFile, snap, entry).catch(() => undefined);
    } while (entry.again);
    writers.delete(snap);
  })();
  writers.set(snap, entry);
  return entry.done;
}

/** The reply of match-worker.ts. */
export type MatchWorkerReply = { ok: true; origin: MatchIndexOrigin } | { ok: false; message: string };

function runWorker(dbFile: string, snap: string, entry: Writer): Promise<MatchWorkerReply> {
  const here = import.meta.url;
  const workerData = { dbFile, snap };
  let w: Worker;
  if (!here.endsWith('.ts')) w = new Worker(new URL('./match-worker.js', here), { workerData });
  else {
    const tsx = pathToFileURL(tsxEsmApi(here)).href;
    const entry = new URL('./match-worker.ts', here).href;
    w = new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`, { eval: true, workerData });
  }
  if (!entry.waited) w.unref();
  entry.worker = w;
  return new Promise((resolve) => {
    let reply: MatchWorkerReply = { ok: false, message: 'the worker stopped without answering' };
    w.on('message', (m: MatchWorkerReply) => (reply = m));
    w.on('error', (e) => (reply = { ok: false, message: e.message }));
    w.on('exit', () => {
      entry.worker = null;
      resolve(reply);
    });
  });
}
