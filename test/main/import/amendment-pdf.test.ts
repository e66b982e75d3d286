// Amendment documents read from their official PDFs give the same instructions and quoted text as
// from their text layer (import/amendment.ts): A/80/L.19 quotes a paragraph, A/80/L.35 has five
// inline instructions.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResolutionFile } from '../../../src/main/services/import-files.js';
import { toParseJson } from '../../../src/shared/import/json.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { CORPUS } from '../../helpers/corpus.js';

describe('amendment documents from PDF', () => {
  for (const sym of ['A_80_L.19', 'A_80_L.35']) {
    it(`${sym}: the same amendments and sponsor note as the text layer`, async () => {
      const r = await readResolutionFile(path.join(CORPUS, 'drafts-80', 'pdf', `${sym}.pdf`));
      const fromPdf = toParseJson(parseResolutionText(r.text, { fileName: r.fileName, format: r.format }).document);
      const fromText = toParseJson(parseResolutionText(fs.readFileSync(path.join(CORPUS, 'drafts-80', 'txt', `${sym}.txt`), 'utf8'), { fileName: `${sym}.txt`, format: 'text' }).document);
      expect(fromPdf.kind).toBe('amendment');
      expect(fromPdf.amendments!.length).toBeGreaterThan(0);
      // The PDF reads the "**" note mark as a mark; the text layer keeps the stars in the words.
      const words = (a: { instruction: string; text: string }[]): string[] => a.map((x) => `${x.instruction} | ${x.text}`.replace(/\*+/g, ''));
      expect(words(fromPdf.amendments!)).toEqual(words(fromText.amendments!));
      expect(fromPdf.sponsorNote).toBe(fromText.sponsorNote);
      expect(fromPdf.operative.length).toBe(fromText.operative.length);
    }, 120_000);
  }
});
