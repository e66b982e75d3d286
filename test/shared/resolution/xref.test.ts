import { describe, expect, it } from 'vitest';
import { brokenCrossRef, formatCrossRef, type CrossRefWording } from '../../../src/shared/resolution/xref.js';
import { subparagraphLabel } from '../../../src/shared/resolution/labels.js';
import { LANGUAGES, type Language } from '../../../src/shared/resolution/model.js';

const para = (labels: string[], relation: CrossRefWording['relation'] = 'above'): CrossRefWording => ({ kind: 'paragraph', labels, relation });
const sub = (labels: string[], relation: CrossRefWording['relation'] = 'above', paragraph?: string): CrossRefWording =>
  paragraph === undefined ? { kind: 'subparagraph', labels, relation } : { kind: 'subparagraph', labels, relation, paragraph };

describe('formatCrossRef: the spec examples', () => {
  it('English', () => {
    expect(formatCrossRef(para(['5']), 'en')).toBe('paragraph 5 above');
    expect(formatCrossRef(para(['3', '7']), 'en')).toBe('paragraphs 3 to 7 above');
    expect(formatCrossRef(sub(['(b)']), 'en')).toBe('subparagraph (b) above');
    expect(formatCrossRef(para(['5 (b)'], 'below'), 'en')).toBe('paragraph 5 (b) below');
    expect(formatCrossRef(sub(['(b)'], 'below', '5'), 'en')).toBe('paragraph 5 (b) below');
  });

  it('French', () => {
    expect(formatCrossRef(para(['5']), 'fr')).toBe('paragraphe 5 ci-dessus');
    expect(formatCrossRef(para(['3', '7']), 'fr')).toBe('paragraphes 3 à 7 ci-dessus');
    expect(formatCrossRef(sub(['b)']), 'fr')).toBe('alinéa b) ci-dessus');
    expect(formatCrossRef(para(['5'], 'below'), 'fr')).toBe('paragraphe 5 ci-dessous');
    expect(formatCrossRef(sub(['b)'], 'below', '5'), 'fr')).toBe('alinéa b) du paragraphe 5 ci-dessous');
  });

  it('Spanish', () => {
    expect(formatCrossRef(para(['5']), 'es')).toBe('párrafo 5 supra');
    expect(formatCrossRef(para(['3', '7']), 'es')).toBe('párrafos 3 a 7 supra');
    expect(formatCrossRef(sub(['b)']), 'es')).toBe('apartado b) supra');
    expect(formatCrossRef(para(['5'], 'below'), 'es')).toBe('párrafo 5 infra');
    expect(formatCrossRef(sub(['b)'], 'above', '5'), 'es')).toBe('apartado b) del párrafo 5 supra');
  });

  it('Russian', () => {
    expect(formatCrossRef(para(['5']), 'ru')).toBe('пункт 5 выше');
    expect(formatCrossRef(para(['3', '7']), 'ru')).toBe('пункты 3–7 выше');
    expect(formatCrossRef(sub(['(b)']), 'ru')).toBe('подпункт (b) выше');
    expect(formatCrossRef(para(['5'], 'below'), 'ru')).toBe('пункт 5 ниже');
    expect(formatCrossRef(sub(['(b)'], 'above', '5'), 'ru')).toBe('подпункт (b) пункта 5 выше');
  });

  it('Arabic', () => {
    expect(formatCrossRef(para(['5']), 'ar')).toBe('الفقرة 5 أعلاه');
    expect(formatCrossRef(para(['3', '7']), 'ar')).toBe('الفقرات من 3 إلى 7 أعلاه');
    expect(formatCrossRef(para(['5'], 'below'), 'ar')).toBe('الفقرة 5 أدناه');
    expect(formatCrossRef(sub(['(ب)']), 'ar')).toBe('الفقرة الفرعية (ب) أعلاه');
    expect(formatCrossRef(sub(['(ب)'], 'above', '5'), 'ar')).toBe('الفقرة الفرعية (ب) من الفقرة 5 أعلاه');
  });

  it('Chinese', () => {
    expect(formatCrossRef(para(['5']), 'zh')).toBe('上文第5段');
    expect(formatCrossRef(para(['3', '7']), 'zh')).toBe('上文第3至7段');
    expect(formatCrossRef(para(['5'], 'below'), 'zh')).toBe('下文第5段');
    expect(formatCrossRef(para(['5'], 'none'), 'zh')).toBe('第5段');
    expect(formatCrossRef(sub(['(b)']), 'zh')).toBe('上文(b)分段');
    expect(formatCrossRef(sub(['(b)'], 'above', '5'), 'zh')).toBe('上文第5段(b)分段');
  });
});

describe('formatCrossRef: ranges, pairs and relations', () => {
  it('omits the relation with "none"', () => {
    expect(formatCrossRef(para(['5'], 'none'), 'en')).toBe('paragraph 5');
    expect(formatCrossRef(para(['3', '7'], 'none'), 'fr')).toBe('paragraphes 3 à 7');
    expect(formatCrossRef(sub(['b)'], 'none'), 'es')).toBe('apartado b)');
  });

  it('words two consecutive paragraphs with "and"', () => {
    expect(formatCrossRef(para(['3', '4']), 'en')).toBe('paragraphs 3 and 4 above');
    expect(formatCrossRef(para(['3', '4']), 'fr')).toBe('paragraphes 3 et 4 ci-dessus');
    expect(formatCrossRef(para(['3', '4']), 'es')).toBe('párrafos 3 y 4 supra');
    expect(formatCrossRef(para(['3', '4']), 'ru')).toBe('пункты 3 и 4 выше');
    expect(formatCrossRef(para(['3', '4']), 'ar')).toBe('الفقرتين 3 و 4 أعلاه');
    expect(formatCrossRef(para(['3', '4']), 'zh')).toBe('上文第3和4段');
    expect(formatCrossRef(sub(['(a)', '(b)']), 'en')).toBe('subparagraphs (a) and (b) above');
  });

  it('lets the caller decide what a pair is', () => {
    expect(formatCrossRef({ ...para(['3', '4']), pair: false }, 'en')).toBe('paragraphs 3 to 4 above');
    expect(formatCrossRef({ ...para(['3', '9']), pair: true }, 'en')).toBe('paragraphs 3 and 9 above');
    expect(formatCrossRef({ ...sub(['(ii)', '(iii)']), pair: true }, 'en')).toBe('subparagraphs (ii) and (iii) above');
  });

  it('uses "e" before an i-sound in Spanish pairs', () => {
    expect(formatCrossRef({ ...sub(['h)', 'i)']), pair: true }, 'es')).toBe('apartados h) e i) supra');
  });

  it('words subparagraph ranges', () => {
    expect(formatCrossRef(sub(['(a)', '(c)']), 'en')).toBe('subparagraphs (a) to (c) above');
    expect(formatCrossRef(sub(['a)', 'c)']), 'fr')).toBe('alinéas a) à c) ci-dessus');
    expect(formatCrossRef(sub(['a)', 'c)']), 'es')).toBe('apartados a) a c) supra');
    expect(formatCrossRef(sub(['(a)', '(c)']), 'ru')).toBe('подпункты (a)–(c) выше');
    expect(formatCrossRef(sub(['(أ)', '(ج)']), 'ar')).toBe('الفقرات الفرعية من (أ) إلى (ج) أعلاه');
    expect(formatCrossRef(sub(['(a)', '(c)']), 'zh')).toBe('上文(a)至(c)分段');
    expect(formatCrossRef(sub(['(a)', '(c)'], 'below', '5'), 'en')).toBe('paragraph 5 (a) to (c) below');
    expect(formatCrossRef(sub(['a)', 'c)'], 'below', '5'), 'fr')).toBe('alinéas a) à c) du paragraphe 5 ci-dessous');
  });

  it('words two equal labels as one', () => {
    expect(formatCrossRef(para(['5', '5']), 'en')).toBe('paragraph 5 above');
  });

  it('words nested subparagraph labels as given', () => {
    expect(formatCrossRef(sub(['(a) (ii)']), 'en')).toBe('subparagraph (a) (ii) above');
  });

  it('works with the labels of labels.ts in every language', () => {
    for (const lang of LANGUAGES) {
      const b = subparagraphLabel(1, 1, lang);
      const text = formatCrossRef(sub([b]), lang);
      expect(text, lang).toContain(b);
    }
  });
});

describe('brokenCrossRef', () => {
  it('gives a flagged form in each language', () => {
    const expected: Record<Language, string> = {
      en: 'paragraph [deleted reference]',
      fr: 'paragraphe [renvoi supprimé]',
      es: 'párrafo [referencia suprimida]',
      ru: 'пункт [ссылка удалена]',
      ar: 'الفقرة [إحالة محذوفة]',
      zh: '第[已删除的引用]段',
    };
    for (const lang of LANGUAGES) expect(brokenCrossRef(lang)).toBe(expected[lang]);
    expect(brokenCrossRef('en', 'subparagraph')).toBe('subparagraph [deleted reference]');
    expect(brokenCrossRef('fr', 'subparagraph')).toBe('alinéa [renvoi supprimé]');
  });

  it('is what formatCrossRef gives for a reference without a label', () => {
    for (const lang of LANGUAGES) {
      expect(formatCrossRef(para([]), lang)).toBe(brokenCrossRef(lang));
      expect(formatCrossRef(para(['']), lang)).toBe(brokenCrossRef(lang));
      expect(formatCrossRef(sub([]), lang)).toBe(brokenCrossRef(lang, 'subparagraph'));
    }
  });
});
