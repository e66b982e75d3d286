/**
 * Reading the XML parts of a .docx (a zip) safely: the central directory is read first and every
 * entry's declared uncompressed size is checked against limits before anything is inflated; the
 * inflater is also capped at the declared size, so a lying header cannot blow up memory either.
 * Damaged archives, encryption and unknown compression give a PlenaryError CORRUPT naming the file.
 */
import zlib from 'node:zlib';
import { PlenaryError } from '../../shared/errors.js';

/** Limits for one .docx. */
export interface ZipLimits {
  /** Largest uncompressed size of one part (default 64 MB). */
  maxEntry: number;
  /** Largest uncompressed size of the parts read together (default 200 MB). */
  maxTotal: number;
  /** Largest compression ratio of a part larger than 1 MB (default 200). */
  maxRatio: number;
}

const DEFAULTS: ZipLimits = { maxEntry: 64 * 1024 * 1024, maxTotal: 200 * 1024 * 1024, maxRatio: 200 };

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressed: number;
  size: number;
  localOffset: number;
}

function directory(buf: Buffer, fileName: string): Entry[] {
  const damaged = (why: string) => new PlenaryError('CORRUPT', `${fileName} is not a readable Word file (${why}). Nothing was merged.`, { msg: { code: 'merge.unreadable', values: { name: fileName, detail: why } } });
  // End of central directory: the last 22 bytes plus at most a 64 KB comment.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged('it is not a zip archive');
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (cdOffset >= buf.length) throw damaged('its table of contents is cut off');
  const out: Entry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw damaged('its table of contents is damaged');
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    out.push({
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/**
 * The text of the parts `names` of the zip in `buf` (absent parts are left out of the map).
 * Throws PlenaryError CORRUPT when the archive is damaged, encrypted, uses an unknown compression,
 * or a part is too large or compressed suspiciously well (a zip bomb) — checked before inflating.
 */
export function readZipParts(buf: Buffer, names: readonly string[], fileName: string, limits: Partial<ZipLimits> = {}): Map<string, string> {
  const lim = { ...DEFAULTS, ...limits };
  const wanted = new Set(names);
  const entries = directory(buf, fileName).filter((e) => wanted.has(e.name));
  let total = 0;
  for (const e of entries) {
    const bomb = e.size > lim.maxEntry || (e.size > 1024 * 1024 && e.size > lim.maxRatio * Math.max(1, e.compressed));
    total += e.size;
    if (bomb || total > lim.maxTotal) {
      throw new PlenaryError('CORRUPT', `${fileName} was refused: its part ${e.name} would unpack to ${Math.round(e.size / 1024 / 1024)} MB from ${Math.max(1, Math.round(e.compressed / 1024))} KB (a zip bomb or not a normal Word file). Nothing was merged.`, { msg: { code: 'merge.zipBomb', values: { name: fileName, part: e.name } } });
    }
  }
  const out = new Map<string, string>();
  for (const e of entries) {
    if (e.flags & 1) throw new PlenaryError('CORRUPT', `${fileName} is encrypted (password-protected); save it without a password and merge again.`, { msg: { code: 'merge.encrypted', values: { name: fileName } } });
    const p = e.localOffset;
    if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw new PlenaryError('CORRUPT', `${fileName} is damaged (part ${e.name} is missing). Nothing was merged.`, { msg: { code: 'merge.partMissing', values: { name: fileName, part: e.name } } });
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    const data = buf.subarray(start, start + e.compressed);
    if (data.length < e.compressed) throw new PlenaryError('CORRUPT', `${fileName} is damaged (part ${e.name} is cut off). Nothing was merged.`, { msg: { code: 'merge.partCut', values: { name: fileName, part: e.name } } });
    let raw: Buffer;
    try {
      if (e.method === 0) raw = Buffer.from(data);
      else if (e.method === 8) raw = zlib.inflateRawSync(data, { maxOutputLength: Math.max(e.size, 1) });
      else throw new PlenaryError('CORRUPT', `${fileName} uses a compression Plenary does not read (method ${e.method}).`, { msg: { code: 'merge.compression', values: { name: fileName, method: e.method } } });
    } catch (err) {
      if (err instanceof PlenaryError) throw err;
      throw new PlenaryError('CORRUPT', `${fileName} is damaged (part ${e.name} does not unpack: ${(err as Error).message}). Nothing was merged.`, { msg: { code: 'merge.partUnpack', values: { name: fileName, part: e.name, detail: (err as Error).message } } });
    }
    out.set(e.name, raw.toString('utf8'));
  }
  return out;
}
