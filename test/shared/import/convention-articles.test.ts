// An annexed convention (A/C.6/80/L.8, issue 13): each article numbers its paragraphs from 1, an
// article may open with a line that introduces its numbered paragraphs ("For the purposes of this
// Convention:"), and a list may set its items in lower case ("(i) the general nature of the
// goods;"). The importer must keep the article's numbered paragraphs as paragraphs (never
// lettered subparagraphs of the line above) and every lower-case item as an item of its list.
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../../src/shared/export/layout.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { inlineText, type Block } from '../../../src/shared/resolution/model.js';
import { CORPUS } from '../../helpers/corpus.js';

const HEAD = ['United Nations', 'A/C.6/80/L.99', '', 'General Assembly', 'Distr.: Limited', '2 December 2025', 'Original: English', '', 'Eightieth session', 'Sixth Committee', 'Agenda item 79', 'Trade law', '', 'Draft resolution', '', 'Convention on cargo', '', 'The General Assembly,', '', 'Recalling its resolution 2205 (XXI),', '', '1. Adopts the Convention contained in the annex to the present resolution.', '', 'Annex', '', 'Convention on Cargo Documents', ''];

const text = (b: Block): string => inlineText(b.content);

function annexOf(lines: readonly string[]): Block[] {
  return parseResolutionText([...HEAD, ...lines].join('\n'), { fileName: 'A_C.6_80_L.99.txt', format: 'text' }).document.annexes[0]!.paragraphs;
}

describe('an article whose numbered paragraphs follow a line ending with a colon', () => {
  const annex = annexOf([
    'Article 1', '', 'Scope of application', '', '1. This Convention applies to a document if:', '', '(a) The place is in a State Party;', '', '(b) The delivery is in a State Party.', '', '2. This Convention does not affect other law.', '',
    'Article 2', '', 'Definitions', '', 'For the purposes of this Convention:', '', '1. “Consignor” means a person.', '', '2. “Consignee” means a person named.', '', '3. “Holder” means a person in possession.', '',
  ]);

  it('keeps them as the article’s paragraphs, not as lettered subparagraphs of that line (the official prints 1., 2., 3.)', () => {
    const purposes = annex.find((b) => text(b) === 'For the purposes of this Convention:')!;
    expect(purposes.children).toEqual([]);
    const defs = annex.filter((b) => /^“/.test(text(b)));
    expect(defs.map((b) => [text(b), b.children.length])).toEqual([
      ['“Consignor” means a person.', 0],
      ['“Consignee” means a person named.', 0],
      ['“Holder” means a person in possession.', 0],
    ]);
    // Article 1's list stays the subparagraphs of its paragraph 1.
    const scope = annex.find((b) => text(b).startsWith('This Convention applies'))!;
    expect(scope.children.map(text)).toEqual(['The place is in a State Party;', 'The delivery is in a State Party.']);
  });

  it('still reads "1." after a colon inside a numbered paragraph as a list of that paragraph', () => {
    const doc = parseResolutionText(['The General Assembly,', '', 'Recalling its resolution 1,', '', '1. Decides to act;', '', '2. Decides that the agenda shall be as follows:', '', '1. Opening of the Congress.', '', '2. Election of officers.', '', '3. Requests a report.'].join('\n'), { fileName: 'x.txt', format: 'text' }).document;
    expect(doc.operative.map((b) => [text(b), b.children.map(text)])).toEqual([
      ['Decides to act;', []],
      ['Decides that the agenda shall be as follows:', ['Opening of the Congress.', 'Election of officers.']],
      ['Requests a report.', []],
    ]);
  });

  it('property: in any run of articles, every numbered paragraph stands at the top of the annex, with its words', () => {
    const article = fc.record({ intro: fc.boolean(), count: fc.integer({ min: 1, max: 4 }) });
    fc.assert(
      fc.property(fc.array(article, { minLength: 1, maxLength: 5 }), (articles) => {
        const lines = articles.flatMap((a, k) => [
          `Article ${k + 1}`, '', `Title of article ${k + 1}`, '',
          ...(a.intro ? ['For the purposes of this article:', ''] : []),
          ...Array.from({ length: a.count }, (_, j) => [`${j + 1}. Text ${k + 1}.${j + 1} of the Convention.`, '']).flat(),
        ]);
        const annex = annexOf(lines);
        const paras = annex.filter((b) => !b.heading);
        expect(paras.every((b) => b.children.length === 0)).toBe(true);
        expect(paras.filter((b) => text(b).startsWith('Text ')).map(text)).toEqual(articles.flatMap((a, k) => Array.from({ length: a.count }, (_, j) => `Text ${k + 1}.${j + 1} of the Convention.`)));
      }),
      { numRuns: 50, seed: 8 },
    );
  });
});

describe('a list whose items open with a lower-case word', () => {
  it('gives each item its own label under the item that introduces it, words unchanged (A/C.6/80/L.8, article 4)', () => {
    const annex = annexOf([
      'Article 4', '', 'Contents', '', '1. The document shall indicate:', '', '(a) The name of the operator;', '', '(b) The following particulars:', '',
      '(i) the general nature of the goods;', '(ii) the leading marks necessary for identification of the goods;', '(iii) the number of packages or pieces; and', '(iv) the gross weight of the goods;', '', '(c) The place of delivery.', '',
    ]);
    const para = annex.find((b) => text(b) === 'The document shall indicate:')!;
    expect(para.children.map(text)).toEqual(['The name of the operator;', 'The following particulars:', 'The place of delivery.']);
    expect(para.children[1]!.children.map(text)).toEqual(['the general nature of the goods;', 'the leading marks necessary for identification of the goods;', 'the number of packages or pieces; and', 'the gross weight of the goods;']);
  });

  it('leaves an enumeration run into its paragraph on the line below the colon as text (A/RES/79/237: "on: (i) modalities …; (ii) …")', () => {
    const annex = annexOf(['1. The Group shall submit recommendations on:', '(i) modalities of participation; (ii) thematic groups; and (iii) other elements.', '']);
    expect(annex.map((b) => [text(b), b.children.length])).toEqual([['The Group shall submit recommendations on: (i) modalities of participation; (ii) thematic groups; and (iii) other elements.', 0]]);
  });

  it('leaves a lower-case "(b)" that wraps a sentence where no list is introduced as text', () => {
    const annex = annexOf(['1. The rights referred to in subparagraphs (a)', '(b) and (c) of article 3 apply to the holder.', '']);
    expect(annex.map((b) => [text(b), b.children.length])).toEqual([['The rights referred to in subparagraphs (a) (b) and (c) of article 3 apply to the holder.', 0]]);
  });
});

describe('A/C.6/80/L.8 (text layer)', () => {
  const doc = parseResolutionText(fs.readFileSync(path.join(CORPUS, 'drafts-80/txt/A_C.6_80_L.8.txt'), 'utf8'), { fileName: 'A_C.6_80_L.8.txt' }).document;
  const annex = doc.annexes[0]!.paragraphs;

  it('article 2 has its eight definitions as paragraphs and article 4 (c) its items (i) to (v)', () => {
    const defs = annex.filter((b) => /^“[^”]+” means/.test(text(b)));
    expect(defs.map((b) => /^“([^”]+)”/.exec(text(b))![1])).toEqual(['Consignor', 'Consignee', 'Electronic record', 'Holder', 'Negotiable cargo document', 'Transport contract', 'Transport document', 'Transport operator']);
    const c = annex.find((b) => text(b) === 'The negotiable cargo document shall indicate:')!.children[2]!;
    expect(text(c)).toBe('The following particulars as furnished by the consignor:');
    const layout = layoutDocument(doc);
    const items = layout.annexes[0]!.paragraphs.filter((p) => p.level === 2 && /^(?:the|an) /.test(p.runs.map((r) => r.text).join('')));
    expect(items.map((p) => p.label)).toEqual(['(i)', '(ii)', '(iii)', '(iv)', '(v)']);
    expect(c.children.map(text)).toEqual([
      'the general nature of the goods;',
      'the leading marks necessary for identification of the goods;',
      'an express statement, if applicable, as to the dangerous character of the goods;',
      'the number of packages or pieces; and',
      'the gross weight of the goods or their quantity otherwise expressed;',
    ]);
  });
});
