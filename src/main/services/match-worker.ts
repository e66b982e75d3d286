/**
 * The match index writer (a node:worker_threads thread started by match-persist.ts): opens the
 * library database read-only, builds its match index (from the persisted one and the newer
 * documents where it can) and writes the persisted index, so that the main thread never spends
 * the seconds this takes on a large library. Answers once with a MatchWorkerReply and exits.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection.js';
import { buildMatchIndex, writeSnapshot, type MatchWorkerReply } from './match-persist.js';

const { dbFile, snap } = workerData as { dbFile: string; snap: string };
let reply: MatchWorkerReply;
try {
  const db = openDatabase(dbFile, { readonly: true });
  try {
    const { index, origin, gen } = buildMatchIndex(db, snap);
    if (origin.source !== 'snapshot') writeSnapshot(index, gen, snap);
    reply = { ok: true, origin };
  } finally {
    db.close();
  }
} catch (e) {
  reply = { ok: false, message: e instanceof Error ? e.message : String(e) };
}
parentPort?.postMessage(reply);
