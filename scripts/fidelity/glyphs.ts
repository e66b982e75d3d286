// Every glyph of a PDF with its position and advance, read from the text operators with pdf.js:
// Word's own placement, not pdftotext's word boxes (for word-advances.ts and note-fit.ts).
import fs from 'node:fs';

/** A glyph: its font (subset prefix removed), size, character, advance and nominal width (/Widths, per mille), place. */
export interface Glyph { font: string; size: number; ch: string; adv: number; w: number; x: number; y: number; page: number; last: boolean }
interface PdfGlyph { unicode: string; width: number }
type TextItem = PdfGlyph | number;

/** The glyphs of `file` in the order they are drawn; `x` and `y` in points from the bottom-left corner. */
export async function glyphsOf(file: string): Promise<Glyph[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { OPS } = pdfjs;
  const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(file)), disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const out: Glyph[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const ops = await page.getOperatorList();
    let font = '', size = 0, tc = 0, tw = 0, tx = 0, ty = 0, lx = 0, ly = 0;
    const stack: [string, number, number, number][] = [];
    for (let i = 0; i < ops.fnArray.length; i++) {
      const fn = ops.fnArray[i];
      const a = ops.argsArray[i] as unknown[];
      if (fn === OPS.save) stack.push([font, size, tc, tw]);
      else if (fn === OPS.restore) [font, size, tc, tw] = stack.pop() ?? [font, size, tc, tw];
      else if (fn === OPS.setFont) {
        const id = a[0] as string;
        font = page.commonObjs.has(id) ? ((page.commonObjs.get(id) as { name?: string }).name ?? '?').replace(/^[A-Z]{6}\+/, '') : '?';
        size = a[1] as number;
      } else if (fn === OPS.beginText) tx = lx = ty = ly = 0;
      else if (fn === OPS.setTextMatrix) {
        const m = (Array.isArray(a[0]) ? a[0] : a) as number[];
        tx = lx = m[4]!;
        ty = ly = m[5]!;
      } else if (fn === OPS.moveText) {
        lx += a[0] as number;
        ly += a[1] as number;
        tx = lx;
        ty = ly;
      } else if (fn === OPS.setCharSpacing) tc = a[0] as number;
      else if (fn === OPS.setWordSpacing) tw = a[0] as number;
      else if (fn === OPS.showText || fn === OPS.showSpacedText) {
        const run: { ch: string; w: number; adj: number }[] = [];
        for (const g of a[0] as TextItem[]) {
          if (typeof g === 'number') {
            if (run.length) run[run.length - 1]!.adj -= (g * size) / 1000;
          } else run.push({ ch: g.unicode, w: g.width, adj: 0 });
        }
        run.forEach((g, k) => {
          const adv = (g.w * size) / 1000 + tc + (g.ch === ' ' ? tw : 0) + g.adj;
          out.push({ font, size: Math.round(size * 100) / 100, ch: g.ch, adv, w: g.w, x: tx, y: Math.round(ty * 100) / 100, page: p, last: k === run.length - 1 });
          tx += adv;
        });
      }
    }
  }
  await doc.destroy();
  return out;
}

/**
 * Consecutive lines of `gs` (same page, baselines `step` ± `tol` pt apart), each sorted left to
 * right: the pairs in which a line break inside a paragraph or a note may stand.
 */
export function linePairs(gs: readonly Glyph[], step: number, tol: number): { page: number; y: number; a: Glyph[]; b: Glyph[] }[] {
  const lines = new Map<string, Glyph[]>();
  for (const g of gs) {
    const k = `${g.page}|${g.y}`;
    (lines.get(k) ?? lines.set(k, []).get(k)!).push(g);
  }
  const keys = [...lines.keys()].map((k) => k.split('|').map(Number) as [number, number]).sort((p, q) => p[0] - q[0] || q[1] - p[1]);
  const out: { page: number; y: number; a: Glyph[]; b: Glyph[] }[] = [];
  for (let i = 0; i + 1 < keys.length; i++) {
    const [p, y] = keys[i]!;
    const [p2, y2] = keys[i + 1]!;
    if (p2 !== p || Math.abs(y - y2 - step) > tol) continue;
    out.push({ page: p, y: y2, a: lines.get(`${p}|${y}`)!.sort((u, v) => u.x - v.x), b: lines.get(`${p2}|${y2}`)!.sort((u, v) => u.x - v.x) });
  }
  return out;
}
