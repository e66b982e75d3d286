// A decision set as one sentence runs the enacting formula into its only paragraph, in roman, as
// the UN prints it (A/C.5/80/L.22 "The General Assembly decides to defer …"; A/C.4/80/L.10 "The
// General Assembly, taking note of …, decides …"). The exports printed the formula as a paragraph
// of its own before it: the words twice in the first case, and without their comma, apart from
// the sentence, in the second.
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { docxBytes } from '../../../src/shared/export/docx.js';
import { exportText } from '../../../src/shared/export/txt.js';
import { exportHtml } from '../../../src/shared/export/html.js';
import { layoutDocument } from '../../../src/shared/export/layout.js';
import { readWordFile } from '../../../src/shared/negotiation/word-read.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { emptyFrontMatter, textBlock, type ResolutionDocument } from '../../../src/shared/resolution/model.js';

function decision(op: string, pp: string[] = []): ResolutionDocument {
  return {
    meta: emptyFrontMatter({ kind: 'draft', language: 'en', symbol: 'A/C.5/80/L.22', session: '80', title: 'Questions deferred for future consideration', bureauLine: 'Draft decision submitted by the Chair' }),
    preambular: pp.map((t, i) => textBlock(`pp${i + 1}`, t)),
    operative: [textBlock('op1', op)],
    footnotes: [],
    annexes: [],
  };
}

const count = (s: string, w: string): number => s.split(w).length - 1;
const plain = (html: string): string => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<title>[\s\S]*?<\/title>/, '').replace(/<[^>]+>/g, '');

async function wordParagraphs(d: ResolutionDocument): Promise<string[]> {
  const zip = await JSZip.loadAsync(await docxBytes(d));
  return readWordFile({ document: await zip.file('word/document.xml')!.async('string') }).paragraphs.map((p) => p.runs.map((r) => r.text).join(''));
}

describe('the formula of a one-sentence decision', () => {
  it('is not printed again before a paragraph that opens with it', { timeout: 60_000 }, async () => {
    const d = decision('The General Assembly decides to defer consideration of the following documents:');
    expect(layoutDocument(d).formula.words).toBe('');
    expect(count(plain(exportHtml(d, { forPrint: true })), 'The General Assembly')).toBe(1);
    expect(count(exportText(d), 'The General Assembly')).toBe(1);
    const word = await wordParagraphs(d);
    expect(word.filter((p) => p.includes('The General Assembly'))).toEqual(['The General Assembly decides to defer consideration of the following documents:']);
  });

  it('runs into a paragraph that opens in lower case, with its comma, in roman', { timeout: 60_000 }, async () => {
    const d = decision('taking note of the application of Côte d’Ivoire, decides to appoint Côte d’Ivoire as a member.');
    const html = exportHtml(d, { forPrint: true });
    expect(html).toContain('<p class="op" id="para-op1">The General Assembly, taking note of the application');
    expect(html).not.toContain('class="formula"');
    expect(exportText(d).replace(/\s+/g, ' ')).toContain(' The General Assembly, taking note of the application of Côte d’Ivoire, decides to appoint');
    const word = await wordParagraphs(d);
    expect(word).toContain('The General Assembly, taking note of the application of Côte d’Ivoire, decides to appoint Côte d’Ivoire as a member.');
    // The text export reads back as the same document (the formula taken off the line again).
    const back = parseResolutionText(exportText(d), { fileName: 'A_C.4_80_L.10.txt', format: 'text' }).document;
    expect(back.operative.map((b) => b.content)).toEqual(d.operative.map((b) => b.content));
  });

  it('stays a paragraph of its own in a document with a preamble or a numbered paragraph', () => {
    const withPp = decision('decides to appoint a member.', ['Recalling its resolution 79/1,']);
    expect(layoutDocument(withPp).formula).toEqual({ words: 'The General Assembly', punctuation: ',' });
    // A draft resolution whose paragraph opens in lower case is printed as it stands.
    const resolution = decision('taking note of the report, decides to appoint a member.');
    resolution.meta.bureauLine = 'Draft resolution submitted by the Chair';
    expect(layoutDocument(resolution).formula).toEqual({ words: 'The General Assembly', punctuation: '' });
    expect(layoutDocument(resolution).paragraphs[0]!.runs.map((r) => r.text).join('')).toBe('taking note of the report, decides to appoint a member.');
    const upper = decision('Decides to appoint a member.');
    expect(layoutDocument(upper).formula).toEqual({ words: 'The General Assembly', punctuation: '' });
    expect(exportHtml(upper)).toContain('<p class="formula"><i>The General Assembly</i></p>');
  });
});
