/**
 * The words of a PDF as `pdftotext -bbox` places them (poppler-utils must be installed; the tests
 * that use this check for it): one array per page, in the order pdftotext gives them (top down),
 * each word with its box in points from the page's top left.
 */
import { spawnSync } from 'node:child_process';

/** A word of a PDF page and its box, in points. */
export interface PdfWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The words of each page of the PDF file `pdf`. */
export function pdfPageWords(pdf: string): PdfWord[][] {
  const bbox = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).stdout;
  return bbox
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        text: m[5]!,
        x0: Number(m[1]),
        y0: Number(m[2]),
        x1: Number(m[3]),
        y1: Number(m[4]),
      })),
    );
}
