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
  /** Rebuilt by a worker thread (openMatchIndexOffThread), not on the thread that asked. */
  offThread?: boolean;
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

/** An index from a persisted one, or why there is none. */
type Persisted = { index: MatchIndex; origin: MatchIndexOrigin } | { index: null; reason: string };

/**
 * The index held by a snapshot's bytes when it was built from the generation `gen` of `db`, or
 * from an earlier one that the library only grew from (then extended with the newer documents'
 * stored tokens). Call inside the read transaction that read `gen`.
 */
function fromSnapshotBytes(db: Db, bytes: Uint8Array, gen: MatchGeneration): Persisted {
  try {
    const { parts, gen: then } = decodeSnapshot(bytes);
    if (sameGeneration(then, gen)) return { index: MatchIndex.fromSnapshot(parts), origin: { source: 'snapshot', documentsRead: 0 } };
    if (!onlyGrew(then, gen)) return { index: null, reason: 'the library changed otherwise than by additions since it was written' };
    const index = MatchIndex.fromSnapshot(parts);
    let n = 0;
    for (const b of matchBlobsAfter(db, then.maxDocument)) {
      n++;
      for (let i = 0, at = 0; i < b.ids.length; at += b.lens[i]!, i++) index.add(b.ids[i]!, b.tokens.subarray(at, at + b.lens[i]!), b.kinds[i]!);
    }
    if (n === gen.documents - then.documents) return { index, origin: { source: 'snapshot+newer', documentsRead: n, reason: `${n} documents were added since it was written` } };
    return { index: null, reason: 'the documents added since it was written do not add up' };
  } catch (e) {
    if (!(e instanceof SnapshotRejected) && !(e instanceof Error && /inconsistent match index snapshot/.test(e.message))) throw e;
    return { index: null, reason: `the persisted index was refused: ${e.message}` };
  }
}

/** The index from the file at `snap` (see fromSnapshotBytes), or why it cannot be used. */
function fromSnapshotFile(db: Db, snap: string | null, gen: MatchGeneration): Persisted {
  if (snap === null) return { index: null, reason: 'there was no persisted index' };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(snap);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { index: null, reason: 'there was no persisted index' };
    return { index: null, reason: `the persisted index could not be read (${(e as Error).message})` };
  }
  return fromSnapshotBytes(db, bytes, gen);
}

/**
 * Builds the index of `db` from the file at `snap` if usable (see the file header). Reads the
 * generation and the tokens in one transaction. Does not write anything.
 */
export function buildMatchIndex(db: Db, snap: string | null): { index: MatchIndex; origin: MatchIndexOrigin; gen: MatchGeneration } {
  return db.transaction(() => {
    const gen = matchGeneration(db);
    const found = fromSnapshotFile(db, snap, gen);
    if (found.index) return { index: found.index, origin: found.origin, gen };
    const counter = { n: 0 };
    const index = new MatchIndex();
    index.load(allBlobs(db, counter));
    return { index, origin: { source: 'rebuilt' as const, documentsRead: counter.n, reason: found.reason }, gen };
  })();
}

/** The snapshot file's bytes for an index built from `gen` (encodeSnapshot of its parts). */
export function snapshotBytes(index: MatchIndex, gen: MatchGeneration): Uint8Array {
  return encodeSnapshot(index.toSnapshot(), gen);
}

/** Writes the index's snapshot for `gen` to `snap` atomically (temporary file, then rename). */
export function writeSnapshot(index: MatchIndex, gen: MatchGeneration, snap: string): void {
  writeSnapshotBytes(snapshotBytes(index, gen), snap);
}

/** Writes a snapshot file's bytes to `snap` atomically (temporary file, then rename). */
export function writeSnapshotBytes(bytes: Uint8Array, snap: string): void {
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
  return afterOpen(dbFile, snap, index, origin, opts);
}

/** How many times a build off the main thread is tried before building here after all. */
const OFF_THREAD_ATTEMPTS = 3;

/**
 * The match index of `db` without building it on this thread: as openMatchIndex, except that
 * when the persisted file cannot be used as it is or extended, the index is built by a worker
 * (match-worker.ts), which writes the file and hands its bytes over; this thread only decodes
 * them and adds the documents stored meanwhile, so it stays free (search answers) during the
 * seconds a build takes at a million paragraphs. Small libraries (largest paragraph id below
 * `persistFrom`) and in-memory databases are built here as before (milliseconds).
 *
 * `adopt` receives the index in the same synchronous step that compared it with the database,
 * so that no write can fall between the check and the caller starting to keep the index in
 * step. When the library changes otherwise than by additions while the worker builds (a
 * document removed), the build is tried again, and after OFF_THREAD_ATTEMPTS built here.
 */
export async function openMatchIndexOffThread(
  db: Db,
  dbFile: string,
  adopt: (r: { index: MatchIndex; origin: MatchIndexOrigin }) => void,
  opts: OpenMatchOptions = {},
): Promise<void> {
  const snap = snapshotPath(dbFile);
  ensureMatchGeneration(db);
  const largestId = (db.prepare('SELECT coalesce(max(id), 0) AS n FROM paragraphs').get() as { n: number }).n;
  if (snap === null || largestId < (opts.persistFrom ?? PERSIST_FROM_PARAGRAPHS)) return adopt(openMatchIndex(db, dbFile, opts));
  // A write already running may leave a file that can be used as it is.
  await matchSnapshotSettled(dbFile);
  if (!db.open) throw new Error('the library database was closed before its match index was ready');
  const first = db.transaction(() => fromSnapshotFile(db, snap, matchGeneration(db)))();
  if (first.index) return adopt(afterOpen(dbFile, snap, first.index, first.origin, opts));
  let documentsRead = 0;
  for (let attempt = 0; attempt < OFF_THREAD_ATTEMPTS; attempt++) {
    const reply = await buildOffThread(dbFile, snap);
    if (!db.open) throw new Error('the library database was closed before its match index was ready');
    if (!reply.ok || !reply.bytes) break;
    documentsRead += reply.origin.documentsRead;
    const got = db.transaction(() => fromSnapshotBytes(db, reply.bytes!, matchGeneration(db)))();
    if (got.index) {
      const origin: MatchIndexOrigin = { source: 'rebuilt', documentsRead: documentsRead + got.origin.documentsRead, reason: first.reason, offThread: true };
      // Documents stored while the worker built are in this index but not in the file it wrote.
      if (got.origin.source !== 'snapshot') void persistInBackground(dbFile, snap);
      return adopt({ index: got.index, origin });
    }
  }
  adopt(openMatchIndex(db, dbFile, opts));
}

/** What openMatchIndex does with an index once it has one: replaces a refused file, persists a changed index. */
function afterOpen(dbFile: string, snap: string | null, index: MatchIndex, origin: MatchIndexOrigin, opts: OpenMatchOptions): { index: MatchIndex; origin: MatchIndexOrigin } {
  if (snap !== null && origin.source !== 'snapshot') {
    if (origin.source === 'rebuilt') fs.rmSync(snap, { force: true });
    if (index.size >= (opts.persistFrom ?? PERSIST_FROM_PARAGRAPHS)) void persistInBackground(dbFile, snap);
  }
  return { index, origin };
}

/**
 * Runs a worker that builds the index, writes the file and sends its bytes back. Registered as
 * the file's writer, so matchSnapshotSettled waits for it and a write asked for meanwhile runs
 * after it. Its thread keeps the process alive: someone awaits it.
 */
async function buildOffThread(dbFile: string, snap: string): Promise<MatchWorkerReply> {
  await matchSnapshotSettled(dbFile);
  const entry: Writer = { done: Promise.resolve(), again: false, waited: true, worker: null };
  const reply = runWorker(dbFile, snap, entry, true);
  entry.done = reply.then(() => {
    writers.delete(snap);
    if (entry.again) void persistInBackground(dbFile, snap);
  });
  writers.set(snap, entry);
  await entry.done;
  return reply;
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

/** The reply of match-worker.ts; `bytes`: the file's bytes, when asked to send them. */
export type MatchWorkerReply = { ok: true; origin: MatchIndexOrigin; bytes?: Uint8Array } | { ok: false; message: string };

/** The data match-worker.ts starts with. */
export interface MatchWorkerData {
  dbFile: string;
  snap: string;
  /** Send the snapshot's bytes back (transferred, not copied). */
  send: boolean;
}

function runWorker(dbFile: string, snap: string, entry: Writer, send = false): Promise<MatchWorkerReply> {
  const here = import.meta.url;
  const workerData: MatchWorkerData = { dbFile, snap, send };
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
