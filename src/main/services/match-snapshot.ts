/**
 * The persisted match index: one binary file holding a MatchIndex's parts (matcher.ts
 * `toSnapshot`) and the database generation it was built from (match-store.ts), so that a restart
 * reads typed arrays instead of rebuilding the index. It is a cache: a file that is not exactly
 * what this code wrote (truncated, extended, a bit flipped, another format version) is refused
 * with a reason and the caller rebuilds.
 *
 * Layout, little-endian, every section starting at a multiple of 8 bytes:
 *   header (64 bytes): magic "PLNMATCH", Uint32 format version, flags (bit 0: arena in 16 bits),
 *     nTerms, paragraphs, termOf length, arena length, postings length, generation length
 *     (bytes), total file length (2 × Uint32), four Uint32 checksum lanes;
 *   the generation as JSON; termOf (Int32); ids (Int32); lens (Int32); tags (Uint8); arena
 *   (Uint16 or Int32); postOff (Int32, nTerms + 1); postings (Int32); zero padding to 16 bytes.
 * The checksum is four interleaved FNV-style lanes over every 32-bit word of the file except the
 * lanes themselves: one word changed anywhere always changes its lane.
 */
import type { MatchGeneration } from '../db/match-store.js';
import type { MatchIndexParts } from './matcher.js';

const MAGIC = 'PLNMATCH';
/** Format version; a file of another version is rebuilt. */
export const SNAPSHOT_VERSION = 1;
const HEADER = 64;
const LANES_AT = 48;

const pad8 = (n: number) => (n + 7) & ~7;

/** Byte offsets of the sections for the given counts. */
function layout(nTerms: number, n: number, termOfLen: number, arenaLen: number, postingsLen: number, genLen: number, wide: boolean) {
  let at = HEADER;
  const take = (bytes: number) => {
    const s = at;
    at += pad8(bytes);
    return s;
  };
  const gen = take(genLen);
  const termOf = take(termOfLen * 4);
  const ids = take(n * 4);
  const lens = take(n * 4);
  const tags = take(n);
  const arena = take(arenaLen * (wide ? 4 : 2));
  const postOff = take((nTerms + 1) * 4);
  const postings = take(postingsLen * 4);
  return { gen, termOf, ids, lens, tags, arena, postOff, postings, total: (at + 15) & ~15 };
}

/** Checksum lanes of a 16-byte-aligned buffer whose length is a multiple of 16, lanes words skipped. */
function checksum(buf: Uint8Array): Uint32Array {
  const u = new Int32Array(buf.buffer, buf.byteOffset, buf.byteLength >> 2);
  let a = 0x811c9dc5 | 0;
  let b = 0x27d4eb2f | 0;
  let c = 0x165667b1 | 0;
  let d = 0x5bd1e995 | 0;
  const skip = LANES_AT >> 2;
  for (let i = 0; i < u.length; i += 4) {
    if (i === skip) continue;
    a = Math.imul(a ^ u[i]!, 0x01000193);
    b = Math.imul(b ^ u[i + 1]!, 0x01000193);
    c = Math.imul(c ^ u[i + 2]!, 0x01000193);
    d = Math.imul(d ^ u[i + 3]!, 0x01000193);
  }
  return new Uint32Array([a, b, c, d]);
}

/** The snapshot file's bytes for an index's parts and the generation they were built from. */
export function encodeSnapshot(p: MatchIndexParts, gen: MatchGeneration): Uint8Array {
  let termOfLen = p.termOf.length;
  while (termOfLen > 0 && p.termOf[termOfLen - 1] === 0) termOfLen--;
  // Terms 0 … 65,535 fit in 16 bits.
  const wide = p.nTerms > 0x10000;
  const genBytes = Buffer.from(JSON.stringify(gen), 'utf8');
  const L = layout(p.nTerms, p.ids.length, termOfLen, p.arena.length, p.postings.length, genBytes.length, wide);
  const buf = new Uint8Array(L.total);
  const dv = new DataView(buf.buffer);
  buf.set(Buffer.from(MAGIC, 'latin1'), 0);
  const head = [SNAPSHOT_VERSION, wide ? 0 : 1, p.nTerms, p.ids.length, termOfLen, p.arena.length, p.postings.length, genBytes.length, L.total % 2 ** 32, Math.floor(L.total / 2 ** 32)];
  head.forEach((v, i) => dv.setUint32(8 + i * 4, v, true));
  const put = (at: number, a: ArrayBufferView) => buf.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
  buf.set(genBytes, L.gen);
  put(L.termOf, p.termOf.subarray(0, termOfLen));
  put(L.ids, p.ids);
  put(L.lens, p.lens);
  put(L.tags, p.tags);
  if (wide || p.arena instanceof Uint16Array) put(L.arena, p.arena);
  else {
    const narrow = new Uint16Array(p.arena.length);
    narrow.set(p.arena);
    put(L.arena, narrow);
  }
  put(L.postOff, p.postOff);
  put(L.postings, p.postings);
  new Uint32Array(buf.buffer, LANES_AT, 4).set(checksum(buf));
  return buf;
}

/** A snapshot file refused: why, in words for the log. */
export class SnapshotRejected extends Error {}

/**
 * The parts and generation of a snapshot file's bytes, as views over `bytes` (a copy only when
 * `bytes` is not 16-byte aligned; a 16-bit arena stays 16-bit). Throws SnapshotRejected for
 * anything but an intact file of this format version.
 */
export function decodeSnapshot(bytes: Uint8Array): { parts: MatchIndexParts; gen: MatchGeneration } {
  let buf = bytes;
  if (buf.byteOffset % 16 !== 0) buf = new Uint8Array(bytes);
  if (buf.byteLength < HEADER) throw new SnapshotRejected(`it is truncated (${buf.byteLength} bytes)`);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (Buffer.from(buf.subarray(0, 8)).toString('latin1') !== MAGIC) throw new SnapshotRejected('it is not a match index file');
  const h = Array.from({ length: 10 }, (_, i) => dv.getUint32(8 + i * 4, true));
  const [version, flags, nTerms, n, termOfLen, arenaLen, postingsLen, genLen, totalLo, totalHi] = h as [number, number, number, number, number, number, number, number, number, number];
  if (version !== SNAPSHOT_VERSION) throw new SnapshotRejected(`it has format version ${version}, not ${SNAPSHOT_VERSION}`);
  const wide = (flags & 1) === 0;
  const L = layout(nTerms, n, termOfLen, arenaLen, postingsLen, genLen, wide);
  const total = totalLo + totalHi * 2 ** 32;
  if (total !== L.total || buf.byteLength !== total) throw new SnapshotRejected(`its length is ${buf.byteLength} bytes where ${L.total} were written`);
  const lanes = new Uint32Array(buf.buffer, buf.byteOffset + LANES_AT, 4);
  const sum = checksum(buf);
  if (sum.some((x, i) => x !== lanes[i])) throw new SnapshotRejected('its checksum does not match (the file is damaged)');
  let gen: MatchGeneration;
  try {
    gen = JSON.parse(Buffer.from(buf.buffer, buf.byteOffset + L.gen, genLen).toString('utf8')) as MatchGeneration;
  } catch {
    throw new SnapshotRejected('its generation record is unreadable');
  }
  const i32 = (at: number, len: number) => new Int32Array(buf.buffer, buf.byteOffset + at, len);
  const arena = wide ? i32(L.arena, arenaLen) : new Uint16Array(buf.buffer, buf.byteOffset + L.arena, arenaLen);
  return {
    gen,
    parts: {
      termOf: i32(L.termOf, termOfLen),
      nTerms,
      ids: i32(L.ids, n),
      lens: i32(L.lens, n),
      tags: new Uint8Array(buf.buffer, buf.byteOffset + L.tags, n),
      arena,
      postOff: i32(L.postOff, nTerms + 1),
      postings: i32(L.postings, postingsLen),
    },
  };
}
