/**
 * A .docx-shaped ZIP written by hand, for the hostile-input tests: `[Content_Types].xml` and a
 * `word/document.xml` of `xmlBytes` bytes of one repeated character, deflated as a stream (the
 * test never holds the uncompressed part in memory). 200 MB of XML deflate to about 200 KB.
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

async function deflateRepeated(total: number): Promise<{ data: Buffer; crc: number }> {
  const chunk = Buffer.alloc(Math.min(total, 1 << 20), 0x20);
  const parts: Buffer[] = [];
  const z = zlib.createDeflateRaw({ level: 9 });
  z.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise<void>((resolve, reject) => {
    z.on('end', resolve);
    z.on('error', reject);
  });
  let crc = 0;
  for (let left = total; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = zlib.crc32(piece, crc);
    if (!z.write(piece)) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await done;
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
  const doc = await deflateRepeated(xmlBytes);
  return zipOf([
    { name: '[Content_Types].xml', data: zlib.deflateRawSync(types), crc: zlib.crc32(types), size: types.length },
    { name: 'word/document.xml', data: doc.data, crc: doc.crc, size: xmlBytes },
  ]);
}
