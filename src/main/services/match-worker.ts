/**
 * The match index writer (a node:worker_threads thread started by match-persist.ts): opens the
 * library database read-only, builds its match index (from the persisted one and the newer
 * documents where it can) and writes the persisted index, so that the main thread never spends
 * the seconds this takes on a large library. Answers once with a MatchWorkerReply and exits;
 * asked to (`send`), the reply carries the file's bytes, transferred, so that the main thread
 * takes the index without reading or building it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection.js';
import { buildMatchIndex, snapshotBytes, writeSnapshotBytes, type MatchWorkerData, type MatchWorkerReply } from './match-persist.js';

const { dbFile, snap, send } = workerData as MatchWorkerData;
let reply: MatchWorkerReply;
try {
  const db = openDatabase(dbFile, { readonly: true });
  try {
    const built = buildMatchIndex(db, snap);
    const fresh = built.origin.source !== 'snapshot';
    const bytes = fresh || send ? snapshotBytes(built.index, built.gen) : null;
    if (fresh) writeSnapshotBytes(bytes!, snap);
    reply = send ? { ok: true, origin: built.origin, bytes: bytes! } : { ok: true, origin: built.origin };
  } finally {
    db.close();
  }
} catch (e) {
  reply = { ok: false, message: e instanceof Error ? e.message : String(e) };
}
const transfer = reply.ok && reply.bytes ? [reply.bytes.buffer as ArrayBuffer] : [];
parentPort?.postMessage(reply, transfer);
