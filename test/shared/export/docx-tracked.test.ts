// The Word file of open proposals, read as XML: each proposal a revision by its delegation at its
// time, nesting as Word allows, paragraph marks, moves with named ranges, notes as comments (also
// in the Word compilation), paragraph ids as hidden bookmarks.
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { buildProposalsDocx, idBookmarkName, idFromBookmarkName } from '../../../src/shared/export/docx-tracked.js';
import { compilationDocx } from '../../../src/shared/export/compilation.js';
import { docxBytes, packDocx } from '../../../src/shared/export/docx.js';
import { baseView } from '../../../src/shared/negotiation/views.js';
import { negotiatedDraft } from '../../helpers/negotiated.js';

const note = { id: 'n1', paragraph: 'op1', author: 'Facilitator', at: '2026-03-04T09:00:00.000Z', text: 'Check with capitals', resolved: false };

async function parts(bytes: Uint8Array): Promise<{ document: string; comments: string | null }> {
  const zip = await JSZip.loadAsync(bytes);
  return { document: await zip.file('word/document.xml')!.async('string'), comments: (await zip.file('word/comments.xml')?.async('string')) ?? null };
}

describe('Word tracked changes of open proposals', () => {
  it('writes each proposal as a revision by its delegation at its time, nested and on paragraph marks', { timeout: 60_000 }, async () => {
    const { document: xml, comments } = await parts(await packDocx(buildProposalsDocx(negotiatedDraft(), { notes: [note] })));
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="EU" w:date="2026-03-01T10:00:00Z"><w:r><w:t xml:space="preserve">of 2 October 2023<\/w:t>/);
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="G77 and China" w:date="2026-03-02T11:00:00Z"><w:r><w:delText xml:space="preserve">the persistent <\/w:delText>/);
    // EU's insertion that G77 proposes to delete: w:ins around w:del.
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="EU" w:date="[^"]+"><w:del w:id="\d+" w:author="G77 and China" w:date="[^"]+"><w:r><w:delText xml:space="preserve">and relevant stakeholders <\/w:delText>/);
    // Whole paragraphs: the paragraph mark carries the revision too.
    expect(xml).toMatch(/<w:rPr><w:ins w:id="\d+" w:author="CANZ" w:date="2026-03-03T12:30:00Z"\/><\/w:rPr><\/w:pPr>/);
    expect(xml).toMatch(/<w:rPr><w:del w:id="\d+" w:author="G77 and China" w:date="[^"]+"\/><\/w:rPr><\/w:pPr>/);
    // The move: named ranges around w:moveFrom and w:moveTo.
    expect(xml).toMatch(/<w:moveFromRangeStart w:id="(\d+)" w:name="moveeu4" w:author="EU" w:date="[^"]+"\/><w:moveFrom [^>]*w:author="EU"[^>]*>.*?Encourages.*?<\/w:moveFrom><w:moveFromRangeEnd w:id="\1"\/>/);
    expect(xml).toMatch(/<w:moveToRangeStart w:id="(\d+)" w:name="moveeu4"[^>]*\/><w:moveTo [^>]*>.*?Encourages.*?<\/w:moveTo><w:moveToRangeEnd w:id="\1"\/>/);
    // Brackets as text; the note as a comment anchored on its paragraph; ids as bookmarks.
    expect(xml).toContain('[all ');
    expect(xml).toMatch(/<w:bookmarkStart w:id="\d+" w:name="_plop1"\/>.*?<w:commentRangeStart w:id="0"\/>.*?Calls upon.*?<w:commentRangeEnd w:id="0"\/><w:r><w:commentReference w:id="0"\/><\/w:r>/);
    expect(comments).toMatch(/<w:comment w:id="0" w:author="Facilitator" w:date="2026-03-04T09:00:00[^"]*"[^>]*>.*Check with capitals/);
  });

  it('keeps notes out of the base and accepted texts, and puts them in the Word compilation', { timeout: 60_000 }, async () => {
    const plain = await parts(await docxBytes(baseView(negotiatedDraft())));
    expect(plain.comments).toBeNull();
    expect(plain.document).not.toMatch(/<w:(ins|del|moveFrom|moveTo) /);
    expect(plain.document).toContain('w:name="_plop1"');
    const comp = await parts(await packDocx(compilationDocx(negotiatedDraft(), { notes: [note, { ...note, id: 'n2', paragraph: 'gone', text: 'on a paragraph that is not there' }] })));
    expect(comp.comments).toContain('Check with capitals');
    expect(comp.comments).not.toContain('not there');
    expect(comp.document).toMatch(/<w:commentRangeStart w:id="0"\/>.*Calls upon.*<w:commentRangeEnd w:id="0"\/>/);
  });

  it('bookmark names carry any paragraph id and give it back', () => {
    for (const id of ['op1', 'p4k2x9', 'pp1-tail', 'a.b c', 'é', '_2eb', '𝔸']) expect(idFromBookmarkName(idBookmarkName(id)!)).toBe(id);
    expect(idBookmarkName('x'.repeat(60))).toBeNull();
    expect(idFromBookmarkName('_GoBack')).toBeNull();
    expect(idFromBookmarkName('_pl_zz')).toBeNull();
  });
});
