// Part and section headings print as the official does (A/RES/78/252, 78/247): the number on a
// line of its own, then the title, in HTML/PDF and .docx; no word of the heading is lost.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docxBytes } from '../../../src/shared/export/docx.js';
import { headingLines } from '../../../src/shared/export/heading-lines.js';
import { exportHtml } from '../../../src/shared/export/html.js';
import type { LayoutParagraph } from '../../../src/shared/export/layout.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import type { ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { CORPUS } from '../../helpers/corpus.js';

function corpusDoc(rel: string): ResolutionDocument {
  const file = path.join(CORPUS, rel);
  return parseResolutionText(fs.readFileSync(file, 'utf8'), { fileName: path.basename(file) }).document;
}

function heading(text: string, extra: Partial<LayoutParagraph> = {}): LayoutParagraph {
  return {
    id: 'h1', section: 'op', level: 0, label: '', runs: [{ text }], annex: -1, status: '', holder: '', deleted: false, provenance: null,
    heading: { level: 2, num: '' }, ...extra,
  } as LayoutParagraph;
}

describe('headingLines', () => {
  it('puts a worded number over the title, keeping every word', () => {
    for (const [text, num, title] of [
      ['Part II Political affairs', 'Part II', 'Political affairs'],
      ['Section 29A Office of the Under-Secretary-General', 'Section 29A', 'Office of the Under-Secretary-General'],
      ['Income section 3 Services to the public', 'Income section 3', 'Services to the public'],
      ['Chapitre IV Questions diverses', 'Chapitre IV', 'Questions diverses'],
    ]) {
      const l = headingLines(heading(text!));
      expect(l).toEqual({ number: num, ownLine: true, runs: [{ text: title }] });
      expect(`${l.number} ${l.runs[0]!.text}`).toBe(text);
    }
  });

  it('leaves alone a heading with no worded number, a bare number, a lettered sub-heading and a proposed run', () => {
    for (const text of ['Section on procedure', 'Part II', 'Partnerships II and III', 'Regional cooperation']) {
      expect(headingLines(heading(text))).toEqual({ number: '', ownLine: false, runs: [{ text }] });
    }
    expect(headingLines(heading('Regional cooperation', { label: 'A.' }))).toEqual({ number: 'A.', ownLine: false, runs: [{ text: 'Regional cooperation' }] });
    expect(headingLines(heading('Peace', { label: 'II', heading: { level: 1, num: 'II' } })).ownLine).toBe(true);
    const proposed = heading('Part II Political affairs', { runs: [{ text: 'Part II Political affairs', ins: { id: 'x' } as never }] });
    expect(headingLines(proposed).number).toBe('');
  });
});

describe('part and section headings of A/RES/78/252 as printed', () => {
  const doc = corpusDoc('ga-en/A_RES_78_252.txt');

  it('HTML: number line, then title; a section under its part follows at 6 pt', () => {
    const html = exportHtml(doc, { forPrint: true });
    const part = /<h4 class="heading h2[^"]*" id="para-oh4">([\s\S]*?)<\/h4>/.exec(html)![1];
    expect(part).toBe('<span class="heading-num own-line">Part II</span>Political affairs');
    expect(/<h4 class="([^"]*)" id="para-oh5">/.exec(html)![1]).toBe('heading h2 after-heading');
    expect(/<h4 class="([^"]*)" id="para-oh4">/.exec(html)![1]).toBe('heading h2');
    expect(html).toMatch(/\.heading \.heading-num\.own-line \{ display: block; \}/);
    expect(html).toMatch(/\.heading\.after-heading \{ margin-top: 6pt; \}/);
  });

  it('.docx: number, line break, title in the part heading style; no space before a heading under a heading', async () => {
    const zip = await JSZip.loadAsync(await docxBytes(doc));
    const xml = await zip.file('word/document.xml')!.async('string');
    const paras = xml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)!;
    const find = (start: string) => paras.find((p) => p.replace(/<[^>]+>/g, '').startsWith(start))!;
    const part = find('Part II');
    expect(part).toContain('<w:pStyle w:val="UNPartHeading"/>');
    expect(part).toMatch(/<w:t[^>]*>Part II<\/w:t><\/w:r><w:r><w:br\/><\/w:r>[\s\S]*<w:t[^>]*>Political affairs<\/w:t>/);
    expect(part).not.toMatch(/<w:spacing w:before="0"\/>/);
    const section = find('Section 3');
    expect(section).toContain('<w:pStyle w:val="UNPartHeading"/>');
    expect(section).toMatch(/<w:spacing w:before="0"\/>/);
  });
});

describe('worded numbers of a convention (A/C.6/80/L.8)', () => {
  it('puts "Chapter II" over the title of an unnumbered part, and an "Article 3" run of its own over its title, every word kept', () => {
    const chapter = headingLines(heading('Chapter II Issuance of documents', { heading: { level: 1, num: '' } } as Partial<LayoutParagraph>));
    expect(chapter).toEqual({ number: 'Chapter II', ownLine: true, runs: [{ text: 'Issuance of documents' }] });
    const article = headingLines(heading('', { runs: [{ text: 'Article 3', em: true }, { text: ' ' }, { text: 'Issuance of a negotiable cargo document', em: true }] }));
    expect(article).toEqual({ number: 'Article 3', numberRun: { text: 'Article 3', em: true }, ownLine: true, runs: [{ text: 'Issuance of a negotiable cargo document', em: true }] });
    // A run that is only the number, with nothing after it, stays as it is.
    expect(headingLines(heading('', { runs: [{ text: 'Article 3' }] })).number).toBe('');
  });

  it('.docx: the article number stands on its own line in its own formatting', async () => {
    const doc = corpusDoc('drafts-80/txt/A_C.6_80_L.8.txt');
    const xml = await (await JSZip.loadAsync(await docxBytes(doc))).file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:t xml:space="preserve">Article 3<\/w:t><\/w:r><w:r><w:br\/><\/w:r>/);
    expect(xml).toMatch(/<w:t xml:space="preserve">Chapter II<\/w:t><\/w:r><w:r><w:br\/><\/w:r>/);
  });
});
