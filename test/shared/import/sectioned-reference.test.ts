// Sectioned resolutions against counts made by reading the official texts (sectioned-reference.json):
// preambular and operative paragraphs and headings exact from the text layer and, where the
// corpus has it, from the PDF (test/main/import/sections.test.ts reads the PDFs).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import type { ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { CORPUS } from '../../helpers/corpus.js';

interface Reference {
  symbol: string;
  file: string;
  pp: number;
  op: number;
  headings: number;
  restarts?: number;
  tablesReadAsParagraphs?: number;
}

/** Counts as the reference counts them (see the JSON's "about"). */
export function sectionCounts(d: ResolutionDocument): { pp: number; op: number; headings: number; restarts: number } {
  const top = [...d.preambular, ...d.operative];
  return {
    pp: d.preambular.filter((b) => !b.heading && !b.table).length + d.operative.filter((b) => b.preambular).length,
    op: d.operative.filter((b) => !b.heading && !b.table && !b.preambular).length,
    headings: top.filter((b) => b.heading).length,
    restarts: top.filter((b) => b.heading?.restart).length,
  };
}

const refs = (JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'sectioned-reference.json'), 'utf8')) as { documents: Reference[] }).documents;

describe('sectioned resolutions: counts read by hand from the official texts', () => {
  for (const ref of refs) {
    it(`${ref.symbol}: preambular and operative paragraphs and headings`, () => {
      const txt = fs.readFileSync(path.join(CORPUS, 'ga-en', `${ref.file}.txt`), 'utf8');
      const got = sectionCounts(parseResolutionText(txt, { fileName: `${ref.file}.txt`, format: 'text' }).document);
      expect(got.pp).toBe(ref.pp);
      expect(got.headings).toBe(ref.headings);
      // A staffing table still read as a paragraph counts as one (the JSON says how many).
      expect(got.op).toBe(ref.op + (ref.tablesReadAsParagraphs ?? 0));
      if (ref.restarts !== undefined) expect(got.restarts).toBe(ref.restarts);
    });
  }
});
