// The importer's building blocks: line joins and hyphens, footnote marks, page furniture,
// language, formula and session detection, markdown inlines.
import { describe, expect, it } from 'vitest';
import { extractFootnoteBlocks, PAGE, removePageFurniture, toLines } from '../../../src/shared/import/clean.js';
import { FN_CLOSE, FN_OPEN, fnRef, markFootnotes, plain, toInlines } from '../../../src/shared/import/inline.js';
import { convertInline, looksLikeMarkdown } from '../../../src/shared/import/markdown.js';
import { detectLanguage, findFormula, parseSessionLine, symbolFromFileName } from '../../../src/shared/import/masthead.js';
import { joinLines } from '../../../src/shared/import/hyphenation.js';
import { labelReadings } from '../../../src/shared/import/list-labels.js';
import { isAnnexHeading, isMeetingLine } from '../../../src/shared/import/split.js';
import { buildVocabulary } from '../../../src/shared/import/vocabulary.js';

describe('joining hard-wrapped lines', () => {
  const modern = buildVocabulary(['capacity-building is key', 'the Secretary-General', 'withdrawal of forces'], false);
  const typeset = buildVocabulary(['implementation of the resolution'], true);

  it('keeps a real hyphen before a capital, a known compound or a hyphen prefix', () => {
    expect(joinLines('the report of the Secretary-', 'General submitted', modern)).toBe('the report of the Secretary-General submitted');
    expect(joinLines('support for capacity-', 'building in', modern)).toBe('support for capacity-building in');
    expect(joinLines('and other non-', 'governmental actors', typeset)).toBe('and other non-governmental actors');
    expect(joinLines('the right to self-', 'determination', typeset)).toBe('the right to self-determination');
  });

  it('drops a hyphen that only broke a word', () => {
    expect(joinLines('the with-', 'drawal of', modern)).toBe('the withdrawal of');
    expect(joinLines('the imple-', 'mentation of', typeset)).toBe('the implementation of');
    expect(joinLines('in accord-', 'ance with', typeset)).toBe('in accordance with'); // suffix fragment
    expect(joinLines('to con-', 'sider the', typeset)).toBe('to consider the'); // typeset text: word breaks
    expect(joinLines('to con-', 'sider the', modern)).toBe('to con-sider the'); // Word PDFs do not hyphenate
  });

  it('handles suspended hyphens, dashes, slashes and soft hyphens', () => {
    expect(joinLines('medium-', 'and long-term', modern)).toBe('medium- and long-term');
    expect(joinLines('Reduction 2015–', '2030 and', modern)).toBe('Reduction 2015–2030 and');
    expect(joinLines('economic –', 'social', modern)).toBe('economic – social');
    expect(joinLines('document S/Agenda/', '2185', modern)).toBe('document S/Agenda/2185');
    expect(joinLines('imple\u00ad', 'mentation', modern)).toBe('implementation');
    expect(joinLines('one', 'two', modern)).toBe('one two');
  });
});

describe('footnote marks in plain text', () => {
  const mark = (texts: string[], marks: string[], decimalComma = false): string[] =>
    markFootnotes(texts, marks, decimalComma).texts.map((t) => t.replaceAll(FN_OPEN, '[').replaceAll(FN_CLOSE, ']'));

  it('unglues marks from words and punctuation', () => {
    expect(mark(['the Fourth World Conference on Women,1 and the', 'Agenda 21,2 the Programme', 'the Paris Agreement.3 We'], ['1', '2', '3'])).toEqual([
      'the Fourth World Conference on Women,[1] and the',
      'Agenda 21,[2] the Programme',
      'the Paris Agreement.[3] We',
    ]);
    expect(mark(['Sustainable Development1 and its Goals'], ['1'])).toEqual(['Sustainable Development[1] and its Goals']);
    expect(mark(['22 March 201927 and 46/17'], ['26', '27'])).toEqual(['22 March 2019[27] and 46/17']);
  });

  it('finds spaced marks only between their neighbours and in a footnote-like place', () => {
    expect(mark(['Conference,1 in which', 'on Environment and Development, 2 especially principle 16', 'of Agenda 21,3'], ['1', '2', '3'])).toEqual([
      'Conference,[1] in which',
      'on Environment and Development,[2] especially principle 16',
      'of Agenda 21,[3]',
    ]);
    expect(mark(['of September 2016 7 and', 'the Ivory Coast, 8'], ['7', '8'])).toEqual(['of September 2016[7] and', 'the Ivory Coast,[8]']);
    expect(mark(['mission of 4 March 1994 1/ on his'], ['1'])).toEqual(['mission of 4 March 1994[1] on his']);
  });

  it('leaves numbers that are not marks', () => {
    const keep = [
      'paragraphs 1, 2 and 3 of resolution 70/1',
      'COVID-19 and A/RES/70/1 and G20 and COP28',
      'an increase of 1.5 degrees and 1,000 people',
      'at least 2 per cent and 3 million',
      'Panel 1: Advancing',
      'decision C-25/DEC.1, dated',
      'from 5 to 10 May',
    ];
    expect(mark(keep, ['1', '2', '3'])).toEqual(keep);
    expect(mark(['une hausse de 10,5 pour cent'], ['5'], true)).toEqual(['une hausse de 10,5 pour cent']);
  });
});

describe('inline runs', () => {
  it('turns sentinels into footnote references, emphasis and links, and marks cited symbols', () => {
    const s = `Recalling its resolution 74/197${fnRef('1')}, and the \uE002State of Broadband\uE003 report, see \uE004https://un.org\uE005the site\uE006`;
    const ins = toInlines(s, (m) => (m === '1' ? 'fn1' : undefined));
    expect(ins).toEqual([
      { t: 'text', text: 'Recalling its resolution ' },
      { t: 'text', text: '74/197', symbolRef: 'A/RES/74/197' },
      { t: 'fn', id: 'fn1' },
      { t: 'text', text: ', and the ' },
      { t: 'text', text: 'State of Broadband', em: true },
      { t: 'text', text: ' report, see ' },
      { t: 'text', text: 'the site', link: 'https://un.org' },
    ]);
    expect(plain(s)).toBe('Recalling its resolution 74/197, and the State of Broadband report, see the site');
  });

  it('reads markdown inlines', () => {
    expect(plain(convertInline('*Rappelant* sa résolution [74/197](#) du 19 décembre<sup>1</sup>, **gras** et 48<sup>e</sup> séance'))).toBe(
      'Rappelant sa résolution 74/197 du 19 décembre, gras et 48e séance',
    );
    expect(convertInline('la question <sup>16</sup> et')).toBe(`la question${fnRef('16')} et`);
    expect(convertInline('a \\*literal\\* star &amp; more')).toBe('a *literal* star & more');
    expect(looksLikeMarkdown('# Title\n\n*Recalling* its resolution,')).toBe(true);
    expect(looksLikeMarkdown('United Nations\n*2424303*\nThe General Assembly,')).toBe(false);
  });
});

describe('page furniture and footnote blocks', () => {
  it('takes out running heads (title wrapped either way), job numbers, pages and footnote blocks', () => {
    const lines = toLines(
      [
        'The General Assembly,',
        '',
        'Recalling the right of everyone to the',
        '__________________',
        '',
        '1 See A/1.',
        '',
        '2 Report of the Conference, Rio de Janeiro,',
        '3 – 14 June 1992.',
        '',
        'A/RES/78/174 ',
        'Implementation of the outcome of the World Summit for Social',
        'Development and of the General Assembly',
        ' ',
        '23-25975',
        '2/19 ',
        ' ',
        'enjoyment of health,',
        '',
        'Implementation of the outcome of the World Summit for',
        'Social Development and of the General Assembly ',
        'A/RES/78/174',
        ' ',
        '3/19',
        '23-25975 ',
        '',
        'Noting with concern,',
      ].join('\n'),
    );
    const f = removePageFurniture(lines, 1, 'A/RES/78/174', []);
    expect(f.shortTitle).toEqual(['Implementation of the outcome of the World Summit for Social', 'Development and of the General Assembly']);
    const fb = extractFootnoteBlocks(f.lines, 1);
    expect(fb.notes).toEqual([
      { mark: '1', text: 'See A/1.' },
      { mark: '2', text: 'Report of the Conference, Rio de Janeiro, 3 – 14 June 1992.' },
    ]);
    expect(fb.lines).toEqual(['The General Assembly,', '', 'Recalling the right of everyone to the', PAGE, 'enjoyment of health,', PAGE, 'Noting with concern,']);
  });
});

describe('masthead helpers', () => {
  it('detects the language from the script and the function words', () => {
    expect(detectLanguage('Recalling its resolution of the General Assembly and the report')).toBe('en');
    expect(detectLanguage('Rappelant sa résolution et les rapports du Secrétaire général dans le cadre des travaux')).toBe('fr');
    expect(detectLanguage('Recordando su resolución y los informes del Secretario General con las partes')).toBe('es');
    expect(detectLanguage('ссылаясь на свою резолюцию')).toBe('ru');
    expect(detectLanguage('إذ تشير إلى قرارها')).toBe('ar');
    expect(detectLanguage('回顾其第74/197号决议')).toBe('zh');
  });

  it('finds the enacting formula, and not the organ name or a line inside a paragraph', () => {
    expect(findFormula(['United Nations', 'General Assembly', '', 'The General Assembly,', 'Recalling'])).toMatchObject({ index: 3, organ: 'ga', lang: 'en', rest: '' });
    expect(findFormula(['Therefore the Security Council,'])).toMatchObject({ organ: 'sc', lang: 'en' });
    expect(findFormula(["*L'Assemblée générale,*"].map((l) => convertInline(l)))).toMatchObject({ organ: 'ga', lang: 'fr' });
    expect(findFormula(['Генеральная Ассамблея', 'Генеральная Ассамблея,'])).toMatchObject({ index: 1, lang: 'ru' });
    expect(findFormula(['大会', '大会，'])).toMatchObject({ index: 1, lang: 'zh' });
    expect(findFormula(['إن الجمعية العامة،'])).toMatchObject({ lang: 'ar', organ: 'ga' });
    expect(findFormula(['The General Assembly, Recalling its resolution 70/1,'])).toMatchObject({ rest: 'Recalling its resolution 70/1,' }); // one line
    expect(findFormula(['the Economic and Social Council, and encourages the Commission'])).toBeNull();
  });

  it('reads session headings in six languages', () => {
    expect(parseSessionLine('Seventy-ninth session')).toEqual({ session: '79', lang: 'en' });
    expect(parseSessionLine('Tenth emergency special session')).toEqual({ session: 'ES-10', lang: 'en' });
    expect(parseSessionLine('Soixante-quinzième session')).toEqual({ session: '75', lang: 'fr' });
    expect(parseSessionLine('Soixante-quinzième année')).toEqual({ session: '75', lang: 'fr' });
    expect(parseSessionLine('Septuagésimo noveno período de sesiones')).toEqual({ session: '79', lang: 'es' });
    expect(parseSessionLine('Семьдесят девятая сессия')).toEqual({ session: '79', lang: 'ru' });
    expect(parseSessionLine('الدورة الخامسة والسبعون')).toEqual({ session: '75', lang: 'ar' });
    expect(parseSessionLine('第七十九届会议')).toEqual({ session: '79', lang: 'zh' });
    expect(parseSessionLine('Sustainable development')).toBeNull();
  });

  it('recognises meeting lines, annex headings, labels and symbols in file names', () => {
    for (const l of ['54th plenary meeting', '50th (resumed) plenary meeting', '48e séance plénière', '76ª sesión plenaria', '48-е пленарное заседание', 'الجلسة العامة 48', '第48次全体会议']) {
      expect(isMeetingLine(l), l).toBe(true);
    }
    expect(isMeetingLine('the high-level plenary meeting of the General Assembly')).toBe(false);
    for (const l of ['Annex', 'Annex II', 'Annexe', 'Anexo', 'Приложение', 'المرفق', '附件']) expect(isAnnexHeading(l), l).toBe(true);
    expect(isAnnexHeading('Annex I to the Convention')).toBe(false);
    expect(labelReadings('i')).toEqual([{ counter: 'roman', index: 1 }, { counter: 'latin', index: 9 }]);
    expect(labelReadings('1')).toEqual([{ counter: 'digit', index: 1 }, { counter: 'roman', index: 1 }]);
    expect(labelReadings('bb')).toEqual([{ counter: 'latin', index: 28 }]);
    expect(symbolFromFileName('corpus/fr/A_RES_75_202.fr.md')).toBe('A/RES/75/202');
    expect(symbolFromFileName('S_RES_0242_1967_EN_GOLD.txt')).toBe('S/RES/242 (1967)');
    expect(symbolFromFileName('notes.txt')).toBeNull();
  });
});
