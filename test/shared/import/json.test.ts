// The `plenary parse --json` object, field by field.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { toParseJson } from '../../../src/shared/import/json.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { emptyFrontMatter, textBlock, type ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { CORPUS as corpus } from '../../helpers/corpus.js';

const read = (rel: string): string => fs.readFileSync(path.join(corpus, rel), 'utf8');

describe('toParseJson', () => {
  it('A/RES/79/200: every field', () => {
    const { document } = parseResolutionText(read('ga-en/A_RES_79_200.txt'), { fileName: 'A_RES_79_200.txt' });
    const j = toParseJson(document);
    expect(Object.keys(j)).toEqual([
      'symbol', 'kind', 'language', 'organ', 'session', 'committee', 'agendaItems', 'sponsors', 'sponsorNote', 'bureauLine', 'title', 'adoptionDate', 'basis', 'meeting', 'preambular', 'operative', 'headings', 'footnotes',
    ]);
    expect(j.kind).toBe('resolution');
    expect(j.committee).toBe('');
    expect(j.sponsors).toEqual([]);
    expect(j.headings).toEqual([]);
    expect(j.symbol).toBe('A/RES/79/200');
    expect(j.language).toBe('en');
    expect(j.organ).toBe('ga');
    expect(j.session).toBe('79');
    expect(j.agendaItems).toEqual([{ number: '18', title: 'Sustainable development' }]);
    expect(j.title).toBe('Oil slick on Lebanese shores');
    expect(j.adoptionDate).toBe('2024-12-19');
    expect(j.basis).toBe('on the report of the Second Committee (A/79/437, para. 17)');
    expect(j.meeting).toBe('54th plenary meeting');

    expect(j.preambular).toHaveLength(13);
    for (const p of j.preambular) expect(Object.keys(p)).toEqual(['text', 'openingPhrase']);
    expect(j.preambular.map((p) => p.openingPhrase)).toEqual([
      'Recalling', 'Reaffirming', 'Emphasizing', 'Taking into account', 'Reaffirming', 'Welcoming', 'Noting with great concern',
      'Noting', 'Recalling', 'Acknowledging', 'Acknowledging also', 'Noting again with appreciation', 'Acknowledging',
    ]);
    expect(j.preambular[1]).toEqual({
      text: 'Reaffirming the outcome of the United Nations Conference on the Human Environment, especially principle 7 of the Declaration of the Conference, in which States were requested to take all possible steps to prevent pollution of the seas,',
      openingPhrase: 'Reaffirming',
    });
    expect(j.preambular[10]!.text).toBe('Acknowledging also the conclusions on measuring and quantifying the environmental damage set out in the report of the Secretary-General,');

    expect(j.operative).toHaveLength(9);
    for (const o of j.operative) expect(Object.keys(o)).toEqual(['number', 'text', 'openingPhrase', 'subparagraphs']);
    expect(j.operative.map((o) => o.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(j.operative.map((o) => o.openingPhrase)).toEqual([
      'Takes note', 'Reiterates', 'Considers', 'Acknowledges', 'Reiterates its request', 'Reiterates', 'Welcomes', 'Notes', 'Recognizes',
    ]);
    expect(j.operative[0]).toEqual({ number: 1, text: 'Takes note of the report of the Secretary-General;', openingPhrase: 'Takes note', subparagraphs: [] });
    expect(j.operative[3]!.text).toContain('Secretary-General submitted to the General Assembly at its sixty-second session, with a view');

    expect(j.footnotes).toEqual([
      { mark: '1', text: 'See Report of the United Nations Conference on the Human Environment, Stockholm, 5–16 June 1972 (A/CONF.48/14/Rev.1), part one, chap. I.' },
      {
        mark: '2',
        text: 'Report of the United Nations Conference on Environment and Development, Rio de Janeiro, 3 – 14 June 1992, vol. I, Resolutions Adopted by the Conference (United Nations publication, Sales No. E.93.I.8 and corrigendum), resolution 1, annex I.',
      },
      { mark: '3', text: 'Ibid., annex II.' },
      { mark: '4', text: 'See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.' },
      { mark: '5', text: 'Resolution 69/283, annex II.' },
      { mark: '6', text: 'A/79/294.' },
      { mark: '7', text: 'A/62/343.' },
    ]);
    // Plain JSON: survives a round trip unchanged.
    expect(JSON.parse(JSON.stringify(j))).toEqual(j);
  });

  it('subparagraphs: labels, nested lists, and the paragraph text with its list', () => {
    const { document } = parseResolutionText(
      'The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Requests the Secretary-General:\n\n(a) To report on:\n\n(i) Progress;\n\n(ii) Gaps;\n\n(b) To consult Member States;\n\nand decides to remain seized of the matter.\n',
    );
    const j = toParseJson(document);
    expect(j.operative).toEqual([
      {
        number: 1,
        text: 'Requests the Secretary-General: (a) To report on: (i) Progress; (ii) Gaps; (b) To consult Member States; and decides to remain seized of the matter.',
        openingPhrase: 'Requests',
        subparagraphs: [
          {
            label: '(a)',
            text: 'To report on: (i) Progress; (ii) Gaps;',
            subparagraphs: [
              { label: '(i)', text: 'Progress;', subparagraphs: [] },
              { label: '(ii)', text: 'Gaps;', subparagraphs: [] },
            ],
          },
          { label: '(b)', text: 'To consult Member States;', subparagraphs: [] },
        ],
      },
    ]);
    expect(document.operative[0]!.children.map((c) => c.id)).toEqual(['op1-a', 'op1-b']);
    expect(document.operative[0]!.children[0]!.children.map((c) => c.id)).toEqual(['op1-a-i', 'op1-a-ii']);
    expect(document.operative[0]!.tail).toEqual([{ t: 'text', text: 'and decides to remain seized of the matter.' }]);
  });

  it('labels as printed: "(i)" at the first level in S/RES/242 (OCR "(1)"), derived ones elsewhere', () => {
    const r = parseResolutionText(read('sc-en/S_RES_0242_1967_EN_GOLD.txt'), { fileName: 'S_RES_0242_1967_EN_GOLD.txt' });
    expect(r.labels['op1-a']).toBe('(i)');
    expect(toParseJson(r.document).operative[0]!.subparagraphs.map((s) => s.label)).toEqual(['(i)', '(ii)']);
    // Given explicitly, or derived from position when the document was not made by the importer.
    expect(toParseJson(structuredClone(r.document), r.labels).operative[0]!.subparagraphs[0]!.label).toBe('(i)');
    expect(toParseJson(structuredClone(r.document)).operative[0]!.subparagraphs[0]!.label).toBe('(a)');
    const fr: ResolutionDocument = {
      meta: emptyFrontMatter({ language: 'fr' }),
      preambular: [textBlock('p1', 'Rappelant sa résolution 70/1,')],
      operative: [textBlock('o1', 'Prie le Secrétaire général :', [textBlock('o1a', 'De faire rapport ;'), textBlock('o1b', 'De consulter les États.')])],
      footnotes: [],
      annexes: [],
    };
    const jf = toParseJson(fr);
    expect(jf.operative[0]!.subparagraphs.map((s) => s.label)).toEqual(['a)', 'b)']);
    expect(jf.operative[0]!.openingPhrase).toBe('Prie');
    expect(jf.preambular[0]!.openingPhrase).toBe('Rappelant');
  });

  it('footnote marks follow the order of first reference; a manual phrase override wins', () => {
    const doc: ResolutionDocument = {
      meta: emptyFrontMatter(),
      preambular: [{ id: 'p1', content: [{ t: 'text', text: 'Recalling its resolution 70/1' }, { t: 'fn', id: 'b' }, { t: 'text', text: ',' }], children: [], tail: [], phrase: 0 }],
      operative: [{ id: 'o1', content: [{ t: 'text', text: 'Decides to act' }, { t: 'fn', id: 'a' }, { t: 'text', text: '.' }], children: [], tail: [] }],
      footnotes: [
        { id: 'a', content: [{ t: 'text', text: 'Second.' }] },
        { id: 'b', content: [{ t: 'text', text: 'First.' }] },
        { id: 'c', content: [{ t: 'text', text: 'Unreferenced.' }] },
      ],
      annexes: [],
    };
    const j = toParseJson(doc);
    expect(j.footnotes).toEqual([
      { mark: '1', text: 'First.' },
      { mark: '2', text: 'Second.' },
      { mark: '3', text: 'Unreferenced.' },
    ]);
    expect(j.preambular[0]).toEqual({ text: 'Recalling its resolution 70/1,', openingPhrase: '' });
    expect(j.operative[0]).toEqual({ number: 1, text: 'Decides to act.', openingPhrase: 'Decides', subparagraphs: [] });
  });
});
