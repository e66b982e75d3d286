// Generates Plenary's icon from one geometry: icon.svg, icon.png (512 px), icon.ico (Windows,
// 16–256 px) and icon.icns (macOS, 16–1024 px). Run `node assets/icon.mjs` after changing the
// shapes below. Pure Node (zlib only): no image tools are needed, so anyone can regenerate it.
//
// The mark: a rounded square in UN blue (#009EDB) holding a white serif "P" and a small
// paragraph mark (¶) — a drafting tool's sign, deliberately not the UN emblem.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const OUT = path.dirname(new URL(import.meta.url).pathname);
const BLUE = [0x00, 0x9e, 0xdb];
const WHITE = [0xff, 0xff, 0xff];

// Geometry on a 512-unit canvas.
const TILE = { x: 24, y: 24, size: 464, r: 100 };
const STEM = { x0: 146, x1: 210, y0: 112, y1: 404 };
const BOWL = { cx: 270, cy: 208, orx: 122, ory: 96, irx: 72, iry: 70 };
const SERIF_TOP = { x0: 112, x1: 210, y0: 112, y1: 136 };
const SERIF_FOOT = { x0: 112, x1: 250, y0: 380, y1: 404 };
const PILCROW = {
  bar: { x0: 334, x1: 404, y0: 318, y1: 330 },
  stem1: { x0: 370, x1: 381, y0: 318, y1: 414 },
  stem2: { x0: 393, x1: 404, y0: 318, y1: 414 },
  drop: { cx: 352, cy: 345, r: 27, clipX: 370 },
};

const inRect = (x, y, r) => x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1;

function inTile(x, y) {
  const { x: tx, y: ty, size, r } = TILE;
  if (x < tx || y < ty || x >= tx + size || y >= ty + size) return false;
  const cx = Math.min(Math.max(x, tx + r), tx + size - r);
  const cy = Math.min(Math.max(y, ty + r), ty + size - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function inBowl(x, y) {
  const { cx, cy, orx, ory, irx, iry } = BOWL;
  const outer = x >= cx ? ((x - cx) / orx) ** 2 + ((y - cy) / ory) ** 2 <= 1 : x >= STEM.x0 && y >= cy - ory && y < cy + ory;
  if (!outer) return false;
  const inner = x >= cx ? ((x - cx) / irx) ** 2 + ((y - cy) / iry) ** 2 < 1 : x >= STEM.x1 && y >= cy - iry && y < cy + iry;
  return !inner;
}

function inPilcrow(x, y) {
  const p = PILCROW;
  if (inRect(x, y, p.bar) || inRect(x, y, p.stem1) || inRect(x, y, p.stem2)) return true;
  const d = p.drop;
  return x < d.clipX && (x - d.cx) ** 2 + (y - d.cy) ** 2 <= d.r * d.r;
}

const inLetter = (x, y) =>
  inRect(x, y, STEM) || inRect(x, y, SERIF_TOP) || inRect(x, y, SERIF_FOOT) || inBowl(x, y) || inPilcrow(x, y);

/** RGBA pixels at `size` px, 4×4 supersampled. */
function render(size) {
  const px = Buffer.alloc(size * size * 4);
  const k = 512 / size;
  const n = 4;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let tile = 0;
      let mark = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (i + (sx + 0.5) / n) * k;
          const y = (j + (sy + 0.5) / n) * k;
          if (inTile(x, y)) {
            tile++;
            if (inLetter(x, y)) mark++;
          }
        }
      }
      const o = (j * size + i) * 4;
      if (!tile) continue;
      const t = mark / tile;
      for (let c = 0; c < 3; c++) px[o + c] = Math.round(BLUE[c] * (1 - t) + WHITE[c] * t);
      px[o + 3] = Math.round((255 * tile) / (n * n));
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size) {
  const px = render(size);
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) px.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 32-bit BMP (DIB) icon image: what every ICO reader, NSIS included, understands. */
function dib(size) {
  const px = render(size);
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // XOR + AND masks
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const xor = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const s = (y * size + x) * 4;
      const d = ((size - 1 - y) * size + x) * 4; // bottom-up, BGRA
      xor[d] = px[s + 2];
      xor[d + 1] = px[s + 1];
      xor[d + 2] = px[s];
      xor[d + 3] = px[s + 3];
    }
  }
  const andRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, xor, Buffer.alloc(andRow * size)]);
}

function ico() {
  const images = [16, 24, 32, 48, 64, 128].map((s) => [s, dib(s)]).concat([[256, png(256)]]);
  const dir = Buffer.alloc(6 + images.length * 16);
  dir.writeUInt16LE(1, 2);
  dir.writeUInt16LE(images.length, 4);
  let offset = dir.length;
  images.forEach(([s, data], i) => {
    const e = 6 + i * 16;
    dir[e] = s >= 256 ? 0 : s;
    dir[e + 1] = s >= 256 ? 0 : s;
    dir.writeUInt16LE(1, e + 4);
    dir.writeUInt16LE(32, e + 6);
    dir.writeUInt32LE(data.length, e + 8);
    dir.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([dir, ...images.map(([, d]) => d)]);
}

function icns() {
  // PNG-bearing types: ic07 128, ic08 256, ic09 512, ic10 1024 (512@2x), ic11 32 (16@2x),
  // ic12 64 (32@2x), ic13 256 (128@2x), ic14 512 (256@2x), icp4 16, icp5 32.
  const types = [['icp4', 16], ['icp5', 32], ['ic11', 32], ['ic12', 64], ['ic07', 128], ['ic08', 256], ['ic13', 256], ['ic09', 512], ['ic14', 512], ['ic10', 1024]];
  const cache = new Map();
  const entries = types.map(([type, size]) => {
    if (!cache.has(size)) cache.set(size, png(size));
    const data = cache.get(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const body = Buffer.concat(entries);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

function svg() {
  const { cx, cy, orx, ory, irx, iry } = BOWL;
  const rect = (r) => `M${r.x0} ${r.y0}H${r.x1}V${r.y1}H${r.x0}Z`;
  const p = PILCROW;
  const d = p.drop;
  // The drop: the part of the circle left of clipX, closed along x = clipX.
  const dy = Math.sqrt(d.r ** 2 - (d.clipX - d.cx) ** 2);
  const drop = `M${d.clipX} ${(d.cy - dy).toFixed(2)}A${d.r} ${d.r} 0 1 0 ${d.clipX} ${(d.cy + dy).toFixed(2)}Z`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <title>Plenary</title>
  <rect x="${TILE.x}" y="${TILE.y}" width="${TILE.size}" height="${TILE.size}" rx="${TILE.r}" fill="#009EDB"/>
  <g fill="#FFFFFF">
    <path d="${rect(STEM)}${rect(SERIF_TOP)}${rect(SERIF_FOOT)}"/>
    <path fill-rule="evenodd" d="M${STEM.x0} ${cy - ory}H${cx}A${orx} ${ory} 0 0 1 ${cx} ${cy + ory}H${STEM.x0}Z M${STEM.x1} ${cy - iry}H${cx}A${irx} ${iry} 0 0 1 ${cx} ${cy + iry}H${STEM.x1}Z"/>
    <path d="${rect(p.bar)}${rect(p.stem1)}${rect(p.stem2)}${drop}"/>
  </g>
</svg>
`;
}

fs.writeFileSync(path.join(OUT, 'icon.svg'), svg());
fs.writeFileSync(path.join(OUT, 'icon.png'), png(512));
fs.writeFileSync(path.join(OUT, 'icon.ico'), ico());
fs.writeFileSync(path.join(OUT, 'icon.icns'), icns());
console.log('wrote icon.svg, icon.png, icon.ico, icon.icns');
