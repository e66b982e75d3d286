/**
 * A .docx-shaped ZIP written by hand, for the hostile-input tests: `[Content_Types].xml` and a
 * `word/document.xml` of `xmlBytes` bytes of one repeated character, deflated piece by piece (the
 * test never holds the uncompressed part in memory). 200 MB of XML deflate to about 200 KB; the
 * archive is valid (CRCs and sizes true), so an unguarded reader would really inflate it all.
 */
import zlib from 'node:zlib';

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

interface Entry {
  name: string;
  data: Buffer;
  crc: number;
  size: number;
}

/**
 * Deflates `total` spaces cheaply: one 1 MB chunk is compressed once (ending on a byte boundary
 * with a sync flush, so that copies of it can follow one another), repeated, and closed with an
 * empty final block.
 */
function deflateRepeated(total: number): { data: Buffer; crc: number } {
  const size = Math.min(total, 1 << 20);
  const chunk = Buffer.alloc(size, 0x20);
  const whole = Math.floor(total / size);
  const rest = total - whole * size;
  const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH, level: 9 };
  const block = zlib.deflateRawSync(chunk, flush);
  const parts: Buffer[] = new Array<Buffer>(whole).fill(block);
  let crc = 0;
  for (let k = 0; k < whole; k++) crc = zlib.crc32(chunk, crc);
  if (rest) {
    parts.push(zlib.deflateRawSync(chunk.subarray(0, rest), flush));
    crc = zlib.crc32(chunk.subarray(0, rest), crc);
  }
  parts.push(zlib.deflateRawSync(Buffer.alloc(0))); // the final block
  return { data: Buffer.concat(parts), crc };
}

/** The bytes of a ZIP holding the entries (deflated). */
function zipOf(entries: readonly Entry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const common = [u16(20), u16(0), u16(8), u16(0), u16(0x21), u32(e.crc), u32(e.data.length), u32(e.size), u16(name.length), u16(0)];
    const local = Buffer.concat([u32(0x04034b50), ...common, name, e.data]);
    central.push(Buffer.concat([u32(0x02014b50), u16(20), ...common, u16(0), u16(0), u16(0), u32(0), u32(offset), name]));
    locals.push(local);
    offset += local.length;
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(cd.length), u32(offset), u16(0)]);
  return Buffer.concat([...locals, cd, eocd]);
}

/** A zip bomb shaped like a .docx: `xmlBytes` of XML in word/document.xml. */
export async function docxBomb(xmlBytes: number): Promise<Buffer> {
  const types = Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  const doc = deflateRepeated(xmlBytes);
  return zipOf([
    { name: '[Content_Types].xml', data: zlib.deflateRawSync(types), crc: zlib.crc32(types), size: types.length },
    { name: 'word/document.xml', data: doc.data, crc: doc.crc, size: xmlBytes },
  ]);
}
