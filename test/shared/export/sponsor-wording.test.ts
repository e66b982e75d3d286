// The sponsor list is worded by one function (wording.ts joinNames/sponsorList) in every export:
// the Word masthead printed Arabic and Chinese lists differently from the text, HTML and Akoma
// Ntoso exports ("A, B وC" and "A、B、C" there, "A، B وC" and "A、B和C" in Word).
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { docxBytes } from '../../../src/shared/export/docx.js';
import { exportText } from '../../../src/shared/export/txt.js';
import { exportHtml } from '../../../src/shared/export/html.js';
import { joinNames, sponsorLine } from '../../../src/shared/export/wording.js';
import { mastheadWords } from '../../../src/shared/resolution/masthead.js';
import { readWordFile } from '../../../src/shared/negotiation/word-read.js';
import { emptyFrontMatter, textBlock, type Language, type ResolutionDocument } from '../../../src/shared/resolution/model.js';

const SPONSORS = ['Italia', 'Peru', 'Turkmenistan'];

function draft(lang: Language): ResolutionDocument {
  return {
    meta: emptyFrontMatter({ kind: 'draft', language: lang, symbol: 'A/C.2/80/L.5', session: '80', sponsors: SPONSORS, title: 'Title' }),
    preambular: [textBlock('pp1', 'Recalling,')],
    operative: [textBlock('op1', 'Decides.')],
    footnotes: [],
    annexes: [],
  };
}

describe('sponsor list wording', () => {
  it('joins names per language: the Arabic comma and "و" joined to the last name, Chinese "、" and "和" before the last', () => {
    expect(joinNames(SPONSORS, 'en')).toBe('Italia, Peru and Turkmenistan');
    expect(joinNames(SPONSORS, 'fr')).toBe('Italia, Peru et Turkmenistan');
    expect(joinNames(SPONSORS, 'ar')).toBe('Italia، Peru وTurkmenistan');
    expect(joinNames(SPONSORS, 'zh')).toBe('Italia、Peru和Turkmenistan');
    expect(joinNames(['Italia', ' ', 'Peru'], 'zh')).toBe('Italia和Peru');
    expect(joinNames(['Italia'], 'ar')).toBe('Italia');
  });

  it('a draft decision\'s line ends "draft decision" in the text export too, as in Word (it printed "draft resolution")', { timeout: 60_000 }, async () => {
    const d = draft('en');
    d.meta.sponsorLineEnd = 'draft decision';
    const zip = await JSZip.loadAsync(await docxBytes(d));
    const word = readWordFile({ document: await zip.file('word/document.xml')!.async('string') }).paragraphs.map((p) => p.runs.map((r) => r.text).join(''));
    expect(word).toContain('Italia, Peru and Turkmenistan: draft decision');
    expect(exportText(d)).toContain('Italia, Peru and Turkmenistan: draft decision');
    expect(exportHtml(d).replace(/<[^>]+>/g, '')).toContain('Italia, Peru and Turkmenistan: draft decision');
  });

  for (const lang of ['en', 'fr', 'es', 'ru', 'ar', 'zh'] as const) {
    it(`${lang}: Word, text and HTML print the same sponsor line`, { timeout: 60_000 }, async () => {
      const d = draft(lang);
      const line = sponsorLine(d.meta, mastheadWords(lang, d.meta.organ));
      const zip = await JSZip.loadAsync(await docxBytes(d));
      const word = readWordFile({ document: await zip.file('word/document.xml')!.async('string') }).paragraphs.map((p) => p.runs.map((r) => r.text).join(''));
      expect(word).toContain(line);
      expect(exportText(d)).toContain(line);
      expect(exportHtml(d).replace(/<[^>]+>/g, '')).toContain(line);
    });
  }
});
