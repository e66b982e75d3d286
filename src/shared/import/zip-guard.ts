/**
 * A cheap look at a ZIP archive (a .docx) before anything inflates it: the sizes its central
 * directory declares for each part. A Word file of a resolution holds a few megabytes of XML; a
 * "zip bomb" declares hundreds of megabytes (or thousands of parts) in a small file. Reading the
 * directory costs nothing beyond the bytes already in memory. Declared sizes can lie, so the
 * import worker's memory limit stays the second line of defence.
 */

/** Limits a .docx must keep before it is opened. */
export interface ZipLimits {
  /** Largest uncompressed size of any one part, in bytes. */
  maxPartBytes: number;
  /** Largest uncompressed size of all parts together, in bytes. */
  maxTotalBytes: number;
  /** Most parts. */
  maxEntries: number;
}

/** The defaults: generous for any real resolution (the longest in the corpus is under 5 MB of XML). */
export const DOCX_LIMITS: ZipLimits = { maxPartBytes: 64 * 1024 * 1024, maxTotalBytes: 160 * 1024 * 1024, maxEntries: 2000 };

/** What the central directory declares. */
export interface ZipSummary {
  entries: number;
  /** Sum of the declared uncompressed sizes. */
  totalBytes: number;
  /** The largest part and its declared uncompressed size. */
  largest: { name: string; bytes: number };
}

/**
 * The verdict. When refused, `reason` is a phrase for the user (without the file name) and
 * `damaged` tells a damaged archive from one that breaks a limit.
 */
export type ZipVerdict = { ok: true; summary: ZipSummary } | { ok: false; reason: string; damaged: boolean };

const DAMAGED = { ok: false, reason: 'its table of contents (ZIP directory) is damaged; the file is damaged or truncated', damaged: true } as const;
const ZIP64 = { ok: false, reason: 'it is a ZIP64 archive, which a Word document never needs (too large, or not really a .docx)', damaged: false } as const;

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const ZIP64_MARK = 0xffffffff;

function u16(d: Uint8Array, at: number): number {
  return d[at]! | (d[at + 1]! << 8);
}

function u32(d: Uint8Array, at: number): number {
  return (d[at]! | (d[at + 1]! << 8) | (d[at + 2]! << 16)) + d[at + 3]! * 0x1000000;
}

function mb(n: number): string {
  return `${Math.round(n / (1024 * 1024))} MB`;
}

/**
 * Reads the central directory of `data` and checks it against `limits`. Never throws: a
 * directory that cannot be read (truncated, damaged, ZIP64) is refused with a reason, since a
 * Word file never needs ZIP64 and a damaged one would fail later anyway.
 */
export function checkZip(data: Uint8Array, limits: ZipLimits = DOCX_LIMITS): ZipVerdict {
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  const min = Math.max(0, data.byteLength - 22 - 0xffff);
  let eocd = -1;
  for (let i = data.byteLength - 22; i >= min; i--) {
    if (u32(data, i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return DAMAGED;
  const count = u16(data, eocd + 10);
  const cdSize = u32(data, eocd + 12);
  const cdOffset = u32(data, eocd + 16);
  if (count === 0xffff || cdSize === ZIP64_MARK || cdOffset === ZIP64_MARK) {
    return ZIP64;
  }
  if (count > limits.maxEntries) return { ok: false, reason: `it holds ${count} parts (a Word document has a few dozen; the limit is ${limits.maxEntries})`, damaged: false };
  if (cdOffset + cdSize > eocd) return DAMAGED;
  let at = cdOffset;
  let total = 0;
  let largest = { name: '', bytes: 0 };
  for (let k = 0; k < count; k++) {
    if (at + 46 > eocd || u32(data, at) !== CEN_SIG) return DAMAGED;
    const compressed = u32(data, at + 20);
    const size = u32(data, at + 24);
    const nameLen = u16(data, at + 28);
    const extraLen = u16(data, at + 30);
    const commentLen = u16(data, at + 32);
    if (size === ZIP64_MARK || compressed === ZIP64_MARK) {
      return ZIP64;
    }
    let name = '';
    for (let i = 0; i < Math.min(nameLen, 200); i++) name += String.fromCharCode(data[at + 46 + i] ?? 63);
    if (size > limits.maxPartBytes) {
      return { ok: false, reason: `its part ${name} unpacks to ${mb(size)} (the limit is ${mb(limits.maxPartBytes)}; a resolution needs a few)`, damaged: false };
    }
    total += size;
    if (total > limits.maxTotalBytes) {
      return { ok: false, reason: `it unpacks to more than ${mb(limits.maxTotalBytes)} (the limit; a resolution needs a few)`, damaged: false };
    }
    if (size > largest.bytes) largest = { name, bytes: size };
    at += 46 + nameLen + extraLen + commentLen;
  }
  return { ok: true, summary: { entries: count, totalBytes: total, largest } };
}
