// Documents of several resolutions (A, B) in the tracked .docx: each resolution heading prints as
// the plain export prints it (the letter centred, its title under it, then that resolution's "The
// General Assembly,"), also when a delegation proposes to change its title; the change is a
// revision in the heading. Word's "Accept all" gives the accepted export's text, formulas
// included, "Reject all" the base export's. The tracked export against a base (a revised draft)
// does the same. Before the fix both wrote headings as ordinary paragraphs (a resolution's letter
// as a label with a tab) and printed no formula under a resolution's heading.
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { buildProposalsDocx } from '../../../src/shared/export/docx-tracked.js';
import { buildTrackedDocx, docxBytes, packDocx } from '../../../src/shared/export/docx.js';
import { readWordFile, type WordParagraph } from '../../../src/shared/negotiation/word-read.js';
import { acceptedView, baseView } from '../../../src/shared/negotiation/views.js';
import { emptyFrontMatter, type ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { decideAll } from '../../helpers/word-decide.js';
import { block, EU, G77, t } from '../../helpers/negotiated.js';

/** Resolutions A and B, each with a title, a preamble and an operative part; `bTitle` is B's heading content. */
function twoResolutions(bTitle = [t('Staff '), t('pay ', { del: G77 }), t('and benefits', { ins: EU })]): ResolutionDocument {
  const res = (num: string) => ({ level: 1 as const, num, restart: true, resolution: true });
  return {
    meta: emptyFrontMatter({ symbol: 'A/C.5/80/L.99', title: 'United Nations common system', kind: 'draft', session: '80', sponsors: [] }),
    preambular: [block('ra', [t('Pensions')], { heading: res('A') }), block('pp1', [t('Recalling its resolution 78/1,')])],
    operative: [
      block('op1', [t('Decides to act.')]),
      block('rb', bTitle, { heading: res('B') }),
      block('pp2', [t('Noting the report,')], { preambular: true }),
      block('op2', [t('Requests a study.')]),
    ],
    footnotes: [],
    annexes: [],
  };
}

async function parts(bytes: Uint8Array): Promise<{ xml: string; paragraphs: WordParagraph[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return { xml, paragraphs: readWordFile({ document: xml }).paragraphs };
}

const texts = (ps: readonly { text: string }[]) => ps.map((p) => p.text);

/** The style of each body paragraph of document.xml, in order, with its text. */
function styled(xml: string): { style: string; text: string }[] {
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>|<w:p [^>]*>(.*?)<\/w:p>/gs)].map((m) => {
    const body = m[1] ?? m[2] ?? '';
    return { style: /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? '', text: [...body.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)</g)].map((x) => x[1]).join('') };
  });
}

describe('tracked .docx of resolutions A and B', () => {
  it('prints each resolution heading with its letter, title and formula, B\'s changed title as revisions', { timeout: 60_000 }, async () => {
    const doc = twoResolutions();
    const tracked = await parts(await packDocx(buildProposalsDocx(doc)));
    const ps = styled(tracked.xml);
    for (const [letter, title] of [['A', 'Pensions'], ['B', 'Staff pay and benefits']] as const) {
      const i = ps.findIndex((p) => p.text === `${letter}${title}`);
      expect(i, `${letter}'s heading`).toBeGreaterThan(0);
      expect(ps[i]!.style).toBe('UNPartHeading');
      expect(ps[i + 1], `${letter}'s formula under its heading`).toEqual({ style: 'UNFormula', text: 'The General Assembly,' });
    }
    expect(ps.filter((p) => p.style === 'UNFormula')).toHaveLength(2);
    // B's title change is EU's insertion and G77's deletion inside the heading paragraph.
    expect(tracked.xml).toMatch(/<w:jc w:val="center"\/>.*?<w:t xml:space="preserve">B<\/w:t>.*?<w:del w:id="\d+" w:author="G77 and China"[^>]*><w:r>.*?<w:delText xml:space="preserve">pay <\/w:delText>.*?<w:ins w:id="\d+" w:author="EU"[^>]*><w:r>.*?<w:t xml:space="preserve">and benefits<\/w:t>/s);
  });

  it('accept all gives the accepted export, reject all the base export (formulas included)', { timeout: 60_000 }, async () => {
    const doc = twoResolutions();
    const tracked = (await parts(await packDocx(buildProposalsDocx(doc)))).paragraphs;
    const accepted = decideAll((await parts(await docxBytes(acceptedView(doc)))).paragraphs, 'accept');
    const base = decideAll((await parts(await docxBytes(baseView(doc)))).paragraphs, 'accept');
    expect(texts(decideAll(tracked, 'accept'))).toEqual(texts(accepted));
    expect(texts(decideAll(tracked, 'reject'))).toEqual(texts(base));
    expect(texts(accepted)).toContain('B Staff and benefits');
    expect(texts(base)).toContain('B Staff pay ');
  });

  it('an unchanged document prints the same paragraphs as the plain export', { timeout: 60_000 }, async () => {
    const doc = twoResolutions([t('Staff pay')]);
    const tracked = styled((await parts(await packDocx(buildProposalsDocx(doc)))).xml);
    const plain = styled((await parts(await docxBytes(doc))).xml);
    expect(tracked).toEqual(plain);
  });

  it('the tracked export against a base (a revised draft) prints B\'s changed heading with its formula too', { timeout: 60_000 }, async () => {
    const base = twoResolutions([t('Staff pay')]);
    const current = twoResolutions([t('Staff pay and benefits')]);
    const xml = (await parts(await packDocx(buildTrackedDocx(base, current, { author: 'Mexico', date: new Date('2026-03-01T10:00:00Z') })))).xml;
    const ps = styled(xml);
    const i = ps.findIndex((q) => q.text === 'BStaff pay and benefits');
    expect([ps[i]?.style, ps[i + 1]]).toEqual(['UNPartHeading', { style: 'UNFormula', text: 'The General Assembly,' }]);
    expect(ps.filter((q) => q.style === 'UNFormula')).toHaveLength(2);
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="Mexico"[^>]*><w:r>.*?<w:t xml:space="preserve">[^<]*and benefits<\/w:t>/s);
    // B inserted whole since the base: the formula under it is inserted with it.
    const one = { ...base, operative: base.operative.filter((b) => b.id === 'op1') };
    const added = (await parts(await packDocx(buildTrackedDocx(one, current, { author: 'Mexico', date: new Date('2026-03-01T10:00:00Z') })))).paragraphs;
    const decided = (how: 'accept' | 'reject') => texts(decideAll(added, how)).filter((x) => x === 'The General Assembly,');
    expect([decided('accept').length, decided('reject').length]).toEqual([2, 1]);
  });
});
