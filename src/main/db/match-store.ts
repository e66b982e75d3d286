/**
 * The stored form of the match index: one blob per document holding its paragraphs' ids, kinds
 * and matching tokens (vocabulary ids). Loading the whole index is then one row per document and
 * no per-token parsing (typed-array views over the blob), which keeps "index ready" within a
 * second or two at a million paragraphs.
 *
 * Layout (little-endian): Int32 header [width, n], Int32 ids[n], Int32 lens[n], Uint8 kinds[n]
 * padded to 4 bytes, then Σlens tokens as Uint16 (width 2, every id < 65,536) or Int32 (width 4).
 */

import type { Db } from './connection.js';

/** Paragraph kinds as stored in the blob (index = code). */
export const KIND_CODES = ['pp', 'op', 'sub', 'annex'] as const;

/** A paragraph kind. */
export type ParagraphKind = (typeof KIND_CODES)[number];

/** One paragraph's entry in the stored match index. */
export interface MatchEntry {
  id: number;
  kind: ParagraphKind;
  tokens: Int32Array;
}

/** Encodes a document's paragraphs (ids, kinds, token ids) into its match blob. */
export function encodeMatchBlob(entries: readonly MatchEntry[]): Buffer {
  const n = entries.length;
  let total = 0;
  let max = 0;
  for (const e of entries) {
    total += e.tokens.length;
    for (let i = 0; i < e.tokens.length; i++) if (e.tokens[i]! > max) max = e.tokens[i]!;
  }
  const width = max < 65536 ? 2 : 4;
  const kindsBytes = (n + 3) & ~3;
  const head = 8 + n * 8 + kindsBytes;
  const buf = Buffer.alloc(head + total * width);
  buf.writeInt32LE(width, 0);
  buf.writeInt32LE(n, 4);
  let at = head;
  entries.forEach((e, i) => {
    buf.writeInt32LE(e.id, 8 + i * 4);
    buf.writeInt32LE(e.tokens.length, 8 + n * 4 + i * 4);
    buf.writeUInt8(KIND_CODES.indexOf(e.kind), 8 + n * 8 + i);
    for (let j = 0; j < e.tokens.length; j++, at += width) {
      if (width === 2) buf.writeUInt16LE(e.tokens[j]!, at);
      else buf.writeInt32LE(e.tokens[j]!, at);
    }
  });
  return buf;
}

/** A decoded match blob: typed arrays over a copy of the blob, tokens widened to Int32. */
export interface MatchBlob {
  ids: Int32Array;
  lens: Int32Array;
  kinds: Uint8Array;
  tokens: Int32Array;
}

/** Decodes a match blob. Throws on a blob whose sizes do not add up (a damaged row). */
export function decodeMatchBlob(blob: Uint8Array): MatchBlob {
  const copy = new Uint8Array(blob.byteLength);
  copy.set(blob);
  const dv = new DataView(copy.buffer);
  const width = dv.getInt32(0, true);
  const n = dv.getInt32(4, true);
  const kindsBytes = (n + 3) & ~3;
  const head = 8 + n * 8 + kindsBytes;
  const ids = new Int32Array(copy.buffer, 8, n);
  const lens = new Int32Array(copy.buffer, 8 + n * 4, n);
  const kinds = new Uint8Array(copy.buffer, 8 + n * 8, n);
  let total = 0;
  for (let i = 0; i < n; i++) total += lens[i]!;
  if ((width !== 2 && width !== 4) || head + total * width !== copy.byteLength) throw new Error(`damaged match index entry (${copy.byteLength} bytes, width ${width}, ${n} paragraphs)`);
  let tokens: Int32Array;
  if (width === 4) tokens = new Int32Array(copy.buffer, head, total);
  else {
    // set() widens in native code; Int32Array.from would go through the iterator protocol.
    tokens = new Int32Array(total);
    tokens.set(new Uint16Array(copy.buffer, head, total));
  }
  return { ids, lens, kinds, tokens };
}

/**
 * A 52-bit hash of a token-id sequence (two FNV-1a lanes): paragraphs with the same normalised
 * tokens (the same words, numbers aside) share it, which groups identical adopted paragraphs.
 * Collisions are possible in principle; callers compare the tokens before calling two paragraphs
 * identical.
 */
export function tokenHash(tokens: Int32Array): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ tokens.length;
  for (let i = 0; i < tokens.length; i++) {
    const v = tokens[i]!;
    a = Math.imul(a ^ (v & 0xffff), 0x01000193);
    a = Math.imul(a ^ (v >>> 16), 0x01000193);
    b = Math.imul(b ^ v, 0x5bd1e995);
    b ^= b >>> 13;
  }
  return (a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff);
}

/**
 * What the stored match index was built from: a persisted index (match-snapshot.ts) is used only
 * when every field equals the database's, and extended with the newer documents when the library
 * only grew since (`removed` unchanged). `library` is a random id stored in the database when the
 * table is made: another library has another, a file copy keeps it (so the starter database and
 * the index shipped beside it agree, and the counts below tell a changed copy apart); `added` / `removed` count match_tokens rows inserted and
 * deleted or rewritten, kept by triggers, so every writer counts; `schema` is the migration
 * version, `vocab` the largest vocabulary id.
 */
export interface MatchGeneration {
  library: string;
  added: number;
  removed: number;
  documents: number;
  maxDocument: number;
  schema: number;
  vocab: number;
}

/**
 * Creates (IF NOT EXISTS) the generation table and the triggers that keep it, outside the
 * numbered migrations: the persisted match index is a cache this module owns. Needs a writable
 * database; run before reading the generation for a snapshot.
 */
export function ensureMatchGeneration(db: Db): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS match_generation (
      id      INTEGER PRIMARY KEY CHECK (id = 1),
      library TEXT NOT NULL,
      added   INTEGER NOT NULL,
      removed INTEGER NOT NULL
    );
    INSERT OR IGNORE INTO match_generation (id, library, added, removed) VALUES (1, lower(hex(randomblob(16))), 0, 0);
    -- matchGeneration counts the rows at every start: through this index that reads a few pages,
    -- where the table (a blob of a few kilobytes per row) is read page by page, 90 MB at a
    -- million paragraphs.
    CREATE INDEX IF NOT EXISTS match_tokens_documents ON match_tokens(document_id);
    CREATE TRIGGER IF NOT EXISTS match_tokens_added AFTER INSERT ON match_tokens BEGIN
      UPDATE match_generation SET added = added + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS match_tokens_removed AFTER DELETE ON match_tokens BEGIN
      UPDATE match_generation SET removed = removed + 1 WHERE id = 1;
    END;
    CREATE TRIGGER IF NOT EXISTS match_tokens_rewritten AFTER UPDATE ON match_tokens BEGIN
      UPDATE match_generation SET removed = removed + 1 WHERE id = 1;
    END;
  `);
}

/** The database's current generation (call inside a read transaction to pair it with reads). */
export function matchGeneration(db: Db): MatchGeneration {
  const g = db.prepare('SELECT library, added, removed FROM match_generation WHERE id = 1').get() as { library: string; added: number; removed: number };
  const c = db.prepare('SELECT count(*) AS documents, coalesce(max(document_id), 0) AS maxDocument FROM match_tokens').get() as { documents: number; maxDocument: number };
  const v = db.prepare('SELECT coalesce(max(id), 0) AS vocab FROM vocab').get() as { vocab: number };
  return { library: g.library, added: g.added, removed: g.removed, documents: c.documents, maxDocument: c.maxDocument, schema: db.pragma('user_version', { simple: true }) as number, vocab: v.vocab };
}

/** The stored match index of the documents with an id above `afterDocument`, in id order. */
export function* matchBlobsAfter(db: Db, afterDocument: number): Generator<MatchBlob> {
  const it = db.prepare('SELECT data FROM match_tokens WHERE document_id > ? ORDER BY document_id').raw().iterate(afterDocument) as Iterable<[Buffer]>;
  for (const [data] of it) yield decodeMatchBlob(data);
}
