// Headings inside annexes (issue 13, fidelity gaps of A/RES/79/1 and the session-80 drafts): the
// importer must read them as headings, never as numbered paragraphs, and keep every word.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { parseResolutionText, type ParseResult } from '../../../src/shared/import/text.js';
import { inlineText, type Block } from '../../../src/shared/resolution/model.js';
import { CORPUS as corpus } from '../../helpers/corpus.js';

const parseFile = (rel: string): ParseResult => parseResolutionText(fs.readFileSync(path.join(corpus, rel), 'utf8'), { fileName: path.basename(rel) });
const headings = (bs: readonly Block[]): string[] => bs.filter((b) => b.heading).map((b) => `${b.heading!.num}|${inlineText(b.content)}`);

const HEAD = 'United Nations A/RES/80/9\n\nGeneral Assembly Distr.: General\n1 January 2026\n\nResolution adopted by the General Assembly on 22 December 2025\n\n';

describe('a roman numeral alone on its line, with its full stop', () => {
  it('is a part heading whose title is the next line, not a paragraph "II."', () => {
    const text = `${HEAD}The General Assembly,\n\nRecalling its resolution 79/1,\n\nI.\nFirst part\n\n1. Decides to act now;\n\n2. Requests a report;\n\nII.\nSecond part\n\n3. Decides to act again;\n\n4. Decides to remain seized of the matter.\n`;
    const { document: doc } = parseResolutionText(text, { fileName: 'x.txt' });
    expect(headings(doc.operative)).toEqual(['I|First part', 'II|Second part']);
    expect(doc.operative.filter((b) => !b.heading).map((b) => inlineText(b.content))).toEqual(['Decides to act now;', 'Requests a report;', 'Decides to act again;', 'Decides to remain seized of the matter.']);
  });

  it('gives the Pact for the Future (A/RES/79/1, text layer) its five parts, as the PDF does', () => {
    const pact = parseFile('ga-en/A_RES_79_1.txt').document.annexes[0]!.paragraphs;
    expect(headings(pact).filter((h) => /^[IVX]+\|/.test(h))).toEqual([
      'I|Sustainable development and financing for development',
      'II|International peace and security',
      'III|Science, technology and innovation and digital cooperation',
      'IV|Youth and future generations',
      'V|Transforming global governance',
    ]);
  });
});

describe('"Action 13. We will…" commitment headings of an annexed declaration', () => {
  it('are level-2 headings numbered "Action 13", even right after a paragraph that ends a clause, and the number is never a footnote mark', () => {
    const pact = parseFile('ga-en/A_RES_79_1.txt').document.annexes[0]!.paragraphs;
    const actions = pact.filter((b) => b.heading?.num.startsWith('Action '));
    expect(actions.map((b) => b.heading!.num)).toEqual(Array.from({ length: 56 }, (_, k) => `Action ${k + 1}`));
    expect(actions.every((b) => b.heading!.level === 2)).toBe(true);
    const a13 = actions[12]!;
    expect(inlineText(a13.content)).toBe('We will redouble our efforts to build and sustain peaceful, inclusive and just societies and address the root causes of conflicts.');
    expect(a13.content.some((i) => i.t === 'fn')).toBe(false);
    // "Action 4." followed an (c) item ending "…nutritious food." on the very next line.
    expect(pact.some((b) => !b.heading && /Action \d+\./.test(inlineText(b.content)))).toBe(false);
  });

  it('read the same with the full stop in italics, as the PDF reader gives it', () => {
    const text = `${HEAD}The General Assembly,\n\nAdopts the following Pact:\n\nThe Pact\n\n1. We gather here.\n\nAction 1*.* We will act.\n\n2. We act.\nAction 2. We will act again.\n\n3. We act again.\n`;
    const { document: doc } = parseResolutionText(text, { fileName: 'x.md', format: 'markdown' });
    const ps = doc.annexes[0]!.paragraphs;
    expect(ps.map((b) => (b.heading ? `H ${b.heading.num}: ` : 'P ') + inlineText(b.content))).toEqual(['P We gather here.', 'H Action 1: We will act.', 'P We act.', 'H Action 2: We will act again.', 'P We act again.']);
  });
});

describe('chapter and article headings of an annexed convention (A/C.6/80/L.8)', () => {
  it('are unnumbered headings, never numbered paragraphs ("Chapter II" came out as "21."), and an article starts the numbering again', () => {
    const ps = parseFile('drafts-80/txt/A_C.6_80_L.8.txt').document.annexes[0]!.paragraphs;
    const hs = ps.filter((b) => b.heading);
    expect(hs.map((b) => inlineText(b.content)).slice(0, 4)).toEqual(['Chapter I General provisions', 'Article 1 Scope of application', 'Article 2 Definitions', 'Chapter II Issuance, content and legal effect of negotiable cargo documents']);
    expect(hs).toHaveLength(32);
    expect(hs.every((b) => b.heading!.num === '')).toBe(true);
    expect(hs.filter((b) => b.heading!.restart).length).toBe(27);
    expect(ps.some((b) => !b.heading && /^(?:Chapter|Article) [IVX\d]+$/.test(inlineText(b.content)))).toBe(false);
  });

  it('take a title on the next line only when the heading has none yet', () => {
    const text = `${HEAD}The General Assembly,\n\nAdopts the Convention annexed to the present resolution.\n\n1st plenary meeting\n1 January 2026\n\nAnnex\n\nThe Convention\n\nThe States Parties to this Convention,\n\nHave agreed as follows:\n\nArticle 1\n\nScope\n\n1. This Convention applies.\n\nArticle 2 Definitions\n\nTerms used\n\n1. For the purposes of this Convention.\n`;
    const ps = parseResolutionText(text, { fileName: 'x.txt' }).document.annexes[0]!.paragraphs;
    expect(ps.map((b) => (b.heading ? 'H ' : 'P ') + inlineText(b.content)).slice(2)).toEqual(['H Article 1 Scope', 'P This Convention applies.', 'H Article 2 Definitions', 'P Terms used', 'P For the purposes of this Convention.']);
  });
});
