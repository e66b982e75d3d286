/**
 * The wording of internal cross-references ("paragraph 5 above", "paragraphs 3 to 7 above",
 * "subparagraph (b) above") in the six languages. Cross-references are stored as paragraph ids and
 * worded afresh from the current numbering every time (see model.ts CrossRef); this module only
 * words them: the caller passes the labels as printed in the language (labels.ts).
 *
 * | | one | range | pair | subparagraph | relation |
 * |---|---|---|---|---|---|
 * | en | paragraph 5 | paragraphs 3 to 7 | paragraphs 3 and 4 | subparagraph (b); paragraph 5 (b) | above / below |
 * | fr | paragraphe 5 | paragraphes 3 à 7 | paragraphes 3 et 4 | alinéa b); alinéa b) du paragraphe 5 | ci-dessus / ci-dessous |
 * | es | párrafo 5 | párrafos 3 a 7 | párrafos 3 y 4 | apartado b); apartado b) del párrafo 5 | supra / infra |
 * | ru | пункт 5 | пункты 3–7 | пункты 3 и 4 | подпункт (b); подпункт (b) пункта 5 | выше / ниже |
 * | ar | الفقرة 5 | الفقرات من 3 إلى 7 | الفقرتين 3 و 4 | الفقرة الفرعية (ب); الفقرة الفرعية (ب) من الفقرة 5 | أعلاه / أدناه |
 * | zh | 第5段 | 第3至7段 | 第3和4段 | (b)分段; 第5段(b)分段 | 上文 / 下文 (prefixed) |
 *
 * Russian and Arabic words are in the nominative (Arabic dual: oblique "الفقرتين"); the case a
 * sentence needs ("в пункте 5") is for the drafter. Arabic pair and subparagraph wording and all
 * Chinese subparagraph wording are UNVERIFIED.
 */
import type { Language } from './model.js';

/** What a cross-reference points at. */
export type CrossRefKind = 'paragraph' | 'subparagraph';

/** Where the target stands relative to the reference; 'none' omits "above"/"below". */
export type CrossRefRelation = 'above' | 'below' | 'none';

/** A cross-reference to word. */
export interface CrossRefWording {
  kind: CrossRefKind;
  /**
   * Labels as printed in the language: ["5"] or ["3", "7"] for paragraphs (a designation such as
   * "5 (b)" is fine too); ["(b)"], ["b)"], ["(a) (ii)"] or a first and last for subparagraphs.
   * A third and further labels are ignored; an empty list or empty first label words as broken.
   */
  labels: readonly string[];
  relation: CrossRefRelation;
  /**
   * The part (section) of the resolution the paragraph stands in, when it must be named because
   * numbering restarts per part ("II"): "paragraph 5 of section II".
   */
  section?: string;
  /** For a subparagraph cited with its paragraph: the paragraph's number ("5"). */
  paragraph?: string;
  /**
   * Whether two labels are consecutive, worded "3 and 4" rather than "3 to 4". When absent it is
   * detected for numeric labels (4 follows 3) and single-letter ones ((b) follows (a)).
   */
  pair?: boolean;
}

interface Words {
  para: string;
  paras: string;
  sub: string;
  subs: string;
  /** Range joiner between first and last ("to", "à", "–"). */
  range: (a: string, b: string) => string;
  pair: (a: string, b: string) => string;
  /** Subparagraph of a paragraph. */
  of: (sub: string, para: string) => string;
  above: string;
  below: string;
  /** "… of section II" after a paragraph reference. */
  inSection: (core: string, section: string) => string;
}

const WORDS: Readonly<Record<Exclude<Language, 'zh'>, Words>> = {
  en: {
    para: 'paragraph',
    paras: 'paragraphs',
    sub: 'subparagraph',
    subs: 'subparagraphs',
    range: (a, b) => `${a} to ${b}`,
    pair: (a, b) => `${a} and ${b}`,
    of: (sub, para) => `paragraph ${para} ${sub}`,
    above: 'above',
    below: 'below',
    inSection: (core, s) => `${core} of section ${s}`,
  },
  fr: {
    para: 'paragraphe',
    paras: 'paragraphes',
    sub: 'alinéa',
    subs: 'alinéas',
    range: (a, b) => `${a} à ${b}`,
    pair: (a, b) => `${a} et ${b}`,
    of: (sub, para) => `${sub} du paragraphe ${para}`,
    above: 'ci-dessus',
    below: 'ci-dessous',
    inSection: (core, s) => `${core} de la section ${s}`,
  },
  es: {
    para: 'párrafo',
    paras: 'párrafos',
    sub: 'apartado',
    subs: 'apartados',
    range: (a, b) => `${a} a ${b}`,
    // "y" becomes "e" before an /i/ sound: "apartados h) e i)".
    pair: (a, b) => `${a} ${b.charCodeAt(0) === 0x69 || b.startsWith('hi') ? 'e' : 'y'} ${b}`,
    of: (sub, para) => `${sub} del párrafo ${para}`,
    above: 'supra',
    below: 'infra',
    inSection: (core, s) => `${core} de la sección ${s}`,
  },
  ru: {
    para: 'пункт',
    paras: 'пункты',
    sub: 'подпункт',
    subs: 'подпункты',
    range: (a, b) => `${a}–${b}`,
    pair: (a, b) => `${a} и ${b}`,
    of: (sub, para) => `${sub} пункта ${para}`,
    above: 'выше',
    below: 'ниже',
    inSection: (core, s) => `${core} раздела ${s}`,
  },
  ar: {
    para: 'الفقرة',
    paras: 'الفقرات',
    sub: 'الفقرة الفرعية',
    subs: 'الفقرات الفرعية',
    range: (a, b) => `من ${a} إلى ${b}`,
    pair: (a, b) => `${a} و ${b}`,
    of: (sub, para) => `${sub} من الفقرة ${para}`,
    above: 'أعلاه',
    below: 'أدناه',
    inSection: (core, s) => `${core} من الجزء ${s}`,
  },
};

const AR_PAIR = { para: 'الفقرتين', sub: 'الفقرتين الفرعيتين' };

/** The numeric value of a label "7", or the letter index of "(b)", "b)", "b."; else NaN. */
function ordinalOf(label: string): number {
  const t = label.trim();
  let i = 0;
  let n = 0;
  let digits = 0;
  while (i < t.length) {
    const c = t.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    n = n * 10 + c - 0x30;
    digits++;
    i++;
  }
  if (digits > 0) return i === t.length ? n : NaN;
  // A single letter between optional brackets/dot: "(b)", "b)", "b.".
  let j = 0;
  if (t.charCodeAt(j) === 0x28) j++;
  const c = t.charCodeAt(j);
  const rest = t.slice(j + 1);
  if (rest !== ')' && rest !== '.' && rest !== '') return NaN;
  if (c >= 0x61 && c <= 0x7a) return c - 0x60;
  return NaN;
}

function isPair(ref: CrossRefWording, a: string, b: string): boolean {
  if (ref.pair !== undefined) return ref.pair;
  const x = ordinalOf(a);
  const y = ordinalOf(b);
  return !Number.isNaN(x) && y === x + 1;
}

/**
 * The wording of a cross-reference in `lang` (table in the module comment): en "paragraph 5 above",
 * "paragraphs 3 to 7 above", "subparagraph (b) above", "paragraph 5 (b) below"; fr "paragraphe 5
 * ci-dessus", "paragraphes 3 à 7 ci-dessus", "alinéa b) ci-dessus"; es "párrafo 5 supra",
 * "párrafos 3 a 7 supra", "apartado b) supra"; ru "пункт 5 выше", "пункты 3–7 выше", "подпункт (b)
 * выше"; ar "الفقرة 5 أعلاه", "الفقرات من 3 إلى 7 أعلاه"; zh "上文第5段", "上文第3至7段". Two equal
 * labels word as one. A reference without a label words as {@link brokenCrossRef}.
 */
export function formatCrossRef(ref: CrossRefWording, lang: Language): string {
  const first = ref.labels[0] ?? '';
  if (first === '') return brokenCrossRef(lang, ref.kind);
  const second = ref.labels.length > 1 ? ref.labels[1]! : '';
  const range = second !== '' && second !== first;
  const pair = range && isPair(ref, first, second);
  const sub = ref.kind === 'subparagraph';
  const withPara = sub && ref.paragraph !== undefined && ref.paragraph !== '';

  if (lang === 'zh') {
    const pre = ref.relation === 'above' ? '上文' : ref.relation === 'below' ? '下文' : '';
    const span = range ? (pair ? `${first}和${second}` : `${first}至${second}`) : first;
    if (!sub) return ref.section ? `${pre}第${ref.section}节第${span}段` : `${pre}第${span}段`;
    return withPara ? `${pre}第${ref.paragraph}段${span}分段` : `${pre}${span}分段`;
  }

  const w = WORDS[lang];
  let core: string;
  if (!range) {
    core = withPara ? w.of(`${lang === 'en' ? '' : w.sub + ' '}${first}`, ref.paragraph!) : `${sub ? w.sub : w.para} ${first}`;
  } else {
    const span = pair ? w.pair(first, second) : w.range(first, second);
    if (withPara) core = w.of(`${lang === 'en' ? '' : w.subs + ' '}${span}`, ref.paragraph!);
    else if (lang === 'ar' && pair) core = `${sub ? AR_PAIR.sub : AR_PAIR.para} ${span}`;
    else core = `${sub ? w.subs : w.paras} ${span}`;
  }
  // A paragraph named with its part is found by its part, not by "above"/"below".
  if (ref.section) return w.inSection(core, ref.section);
  if (ref.relation === 'none') return core;
  return `${core} ${ref.relation === 'above' ? w.above : w.below}`;
}

const BROKEN: Readonly<Record<Language, readonly [string, string]>> = {
  en: ['paragraph [deleted reference]', 'subparagraph [deleted reference]'],
  fr: ['paragraphe [renvoi supprimé]', 'alinéa [renvoi supprimé]'],
  es: ['párrafo [referencia suprimida]', 'apartado [referencia suprimida]'],
  ru: ['пункт [ссылка удалена]', 'подпункт [ссылка удалена]'],
  ar: ['الفقرة [إحالة محذوفة]', 'الفقرة الفرعية [إحالة محذوفة]'],
  zh: ['第[已删除的引用]段', '[已删除的引用]分段'],
};

/**
 * The flagged wording of a cross-reference whose target no longer exists (a deleted paragraph):
 * en "paragraph [deleted reference]", fr "paragraphe [renvoi supprimé]", es "párrafo [referencia
 * suprimida]", ru "пункт [ссылка удалена]", ar "الفقرة [إحالة محذوفة]", zh "第[已删除的引用]段";
 * with `kind` 'subparagraph' the subparagraph word ("subparagraph [deleted reference]").
 */
export function brokenCrossRef(lang: Language, kind: CrossRefKind = 'paragraph'): string {
  return BROKEN[lang][kind === 'paragraph' ? 0 : 1];
}
