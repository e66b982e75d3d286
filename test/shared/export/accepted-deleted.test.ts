// The accepted export of a negotiation under negotiation numbering: a base paragraph whose
// deletion is accepted keeps its place and its words (as the editor's accept leaves it). Formats
// that show deleted paragraphs (Word, struck through; Akoma Ntoso, status "removed") print it
// with its words, never as its number alone; text and HTML leave it out.
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { docxBytes } from '../../../src/shared/export/docx.js';
import { exportAkn } from '../../../src/shared/export/akn.js';
import { exportText } from '../../../src/shared/export/txt.js';
import { exportHtml } from '../../../src/shared/export/html.js';
import { acceptedView } from '../../../src/shared/negotiation/views.js';
import { negotiatedDraft } from '../../helpers/negotiated.js';

/** The negotiated draft with base numbers frozen on the base paragraphs (PP3 and the move's new place are new). */
function based() {
  const d = negotiatedDraft();
  d.preambular.forEach((b, i) => {
    if (b.id !== 'pp3') b.base = i + 1;
  });
  let k = 0;
  for (const b of d.operative) if (b.id !== 'op4m') b.base = ++k;
  return acceptedView(d);
}

describe('accepted export: a deleted base paragraph', () => {
  it('Word: "OP2" with its words struck through, no line holding the number alone', async () => {
    const zip = await JSZip.loadAsync(await docxBytes(based()));
    const xml = await zip.file('word/document.xml')!.async('string');
    const paras = xml.split(/<w:p[ >]/).slice(1);
    const lines = paras.map((p) => p.replace(/<w:tab\/>/g, '\t').replace(/<[^>]*>/g, ''));
    const op2 = paras[lines.findIndex((l) => l.startsWith('OP2'))]!;
    expect(op2.replace(/<w:tab\/>/g, '\t').replace(/<[^>]*>/g, '')).toBe('OP2\tDecides to remain seized of the matter;');
    expect(op2).toContain('<w:strike/>');
    expect(lines.filter((l) => /^(?:PP|OP)\d[\da-z]*\t?$/.test(l.trim()))).toEqual([]);
  });

  it('Akoma Ntoso: the removed paragraph keeps its words', () => {
    const x = exportAkn(based());
    expect(x).toMatch(/wId="op2" status="removed"[^>]*>\s*<num>OP2<\/num>\s*<content><p><i>Decides<\/i> to remain seized of the matter;<\/p><\/content>/);
    expect(x).not.toContain('<p></p>');
  });

  it('text and HTML leave it out, words and number alike', () => {
    for (const out of [exportText(based()), exportHtml(based())]) {
      expect(out).not.toContain('remain seized');
      expect(out).not.toMatch(/OP2\b/);
    }
  });
});
