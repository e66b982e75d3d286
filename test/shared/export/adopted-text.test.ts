// Issue 13: a text a resolution adopts in full and quotes in its body (model.ts Annex.inBody, the
// Pact for the Future of A/RES/79/1) prints before the closing block in every export, an ordinary
// annex after it; it survives the editor's document, the .plenary file and Akoma Ntoso (which
// still validates: akn-schema.test.ts exports A/RES/79/1); its paragraphs, sentences of their own,
// are numbered at the column edge, where an annexed declaration's "we: 1. Reaffirm …;" clauses
// keep the operative paragraphs' indented numbers.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docxBytes } from '../../../src/shared/export/docx.js';
import { exportAkn } from '../../../src/shared/export/akn.js';
import { exportHtml } from '../../../src/shared/export/html.js';
import { layoutDocument } from '../../../src/shared/export/layout.js';
import { exportText } from '../../../src/shared/export/txt.js';
import { parseAkn } from '../../../src/shared/import/akn.js';
import { fromDoc, toDoc } from '../../../src/shared/resolution/convert.js';
import { parsePlenaryFile, serializePlenaryFile } from '../../../src/shared/resolution/file.js';
import { emptyFrontMatter, textBlock, type ResolutionDocument } from '../../../src/shared/resolution/model.js';

/** A resolution adopting a compact quoted in full, with an annexed declaration after the closing block. */
function adopting(inBody = true): ResolutionDocument {
  return {
    meta: emptyFrontMatter({ kind: 'resolution', symbol: 'A/RES/79/1', session: '79', title: 'The Compact', adoptionDate: '2024-09-22', meeting: '3rd plenary meeting' }),
    preambular: [],
    operative: [textBlock('op1', 'Adopts the following Compact and its annex:')],
    footnotes: [],
    annexes: [
      {
        id: 'ax1',
        heading: '',
        title: 'The Compact',
        paragraphs: [
          { ...textBlock('h1', 'Peace and security'), heading: { level: 1, num: 'I' } },
          textBlock('ax1-p1', 'We, the Heads of State and Government, have gathered here.'),
          textBlock('ax1-p2', 'We recognize the QUOTEDWORD of all.'),
        ],
        ...(inBody ? { inBody: true } : {}),
      },
      {
        id: 'ax2',
        heading: 'Annex',
        title: 'Declaration',
        paragraphs: [textBlock('ax2-p1', 'We:'), textBlock('ax2-p2', 'Reaffirm the ANNEXWORD;'), textBlock('ax2-p3', 'Decide to act;')],
      },
    ],
  };
}

/** Positions of the quoted text, the closing meeting line and the annex in `s`, in that order. */
function order(s: string): number[] {
  return [s.indexOf('QUOTEDWORD'), s.indexOf('3rd plenary meeting'), s.indexOf('ANNEXWORD')];
}

const ascending = (xs: number[]): boolean => xs.every((x, i) => x >= 0 && (i === 0 || x > xs[i - 1]!));

describe('a text quoted in the body prints before the closing block, annexes after it', () => {
  it('HTML (and so the PDF): the quoted text in the body with its title, no "Annex" heading', () => {
    const html = exportHtml(adopting());
    expect(ascending(order(html))).toBe(true);
    expect(html).toContain('<section class="annex in-body" id="annex-1" aria-labelledby="annex-1-heading">');
    expect(html).toContain('<h2 class="annex-title" id="annex-1-heading">The Compact</h2>');
    // Without the mark it is an annex, after the closing block, as before.
    expect(ascending(order(exportHtml(adopting(false))))).toBe(false);
  });

  it('text', () => {
    expect(ascending(order(exportText(adopting(), { width: 1000 })))).toBe(true);
    expect(ascending(order(exportText(adopting(false), { width: 1000 })))).toBe(false);
  });

  it('.docx', async () => {
    const xml = async (d: ResolutionDocument) => (await (await JSZip.loadAsync(await docxBytes(d))).file('word/document.xml')!.async('string'));
    expect(ascending(order(await xml(adopting())))).toBe(true);
    expect(ascending(order(await xml(adopting(false))))).toBe(false);
  });

  it('Akoma Ntoso: an attachment named "adoptedText", read back as a text quoted in the body', () => {
    const xml = exportAkn(adopting(), { now: new Date('2025-01-15T12:00:00Z') });
    expect(xml).toContain('<doc name="adoptedText">');
    expect(xml).toContain('<doc name="annex">');
    const back = parseAkn(xml);
    expect(back.annexes.map((a) => [a.title, a.inBody])).toEqual([
      ['The Compact', true],
      ['Declaration', undefined],
    ]);
  });
});

describe('the mark survives the editor and the file', () => {
  it('editor document round trip', () => {
    const back = fromDoc(toDoc(adopting()));
    expect(back.annexes.map((a) => a.inBody)).toEqual([true, undefined]);
  });

  it('.plenary file round trip; the file is format 2 (0.1 would print the text after the closing block)', () => {
    const text = serializePlenaryFile({ document: adopting() }, 'test', new Date('2025-01-15T12:00:00Z'));
    expect(JSON.parse(text).version).toBe(2);
    const back = parsePlenaryFile(text);
    expect(back.document.annexes.map((a) => a.inBody)).toEqual([true, undefined]);
    // The same text without the mark (and without its part heading) is format 1.
    const plain = adopting(false);
    plain.annexes[0]!.paragraphs = plain.annexes[0]!.paragraphs.filter((p) => !p.heading);
    expect(JSON.parse(serializePlenaryFile({ document: plain }, 'test')).version).toBe(1);
    plain.annexes[0]!.inBody = true;
    expect(JSON.parse(serializePlenaryFile({ document: plain }, 'test')).version).toBe(2);
  });

  it('a file whose inBody is not a boolean is refused with a clear error', () => {
    const text = serializePlenaryFile({ document: adopting() }, 'test').replace('"inBody": true', '"inBody": "yes"');
    expect(() => parsePlenaryFile(text, 'x.plenary')).toThrow(/x\.plenary/);
  });
});

describe('numbers at the column edge for paragraphs that are sentences of their own', () => {
  it('the quoted compact (full stops) yes, the declaration of clauses (semicolons) no', () => {
    const layout = layoutDocument(adopting());
    expect(layout.annexes.map((a) => [a.inBody, a.marginNumbers])).toEqual([
      [true, true],
      [false, false],
    ]);
    const html = exportHtml(adopting());
    expect(html).toMatch(/<p class="op margin-num" id="[^"]+"><span class="label">1\.<\/span>We, the Heads/);
    expect(html).not.toMatch(/<p class="op margin-num"[^>]*><span class="label">2\.<\/span>Reaffirm/);
  });

  it('a part of such a text prints "I." at the column edge and its title on the same line, a part of the resolution its number over the title', () => {
    expect(exportHtml(adopting())).toMatch(/<h3 class="heading h1 tab-num" id="[^"]+"><span class="heading-num">I\.<\/span>Peace and security<\/h3>/);
    const body = adopting();
    body.operative.unshift({ ...textBlock('h0', 'Peace and security'), heading: { level: 1, num: 'I' } });
    expect(exportHtml(body)).toMatch(/<h3 class="heading h1" id="[^"]+"><span class="heading-num own-line">I<\/span>Peace and security<\/h3>/);
  });
});
