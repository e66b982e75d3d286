import { describe, expect, it } from 'vitest';
import {
  classifyOpening,
  detectOpeningPhrase,
  enactingFormula,
  organGender,
  phraseList,
  switchPhraseGender,
  type ClauseKind,
  type Gender,
} from '../../../src/shared/resolution/lexicon.js';
import { AR } from '../../../src/shared/resolution/lexicon/ar.js';
import { EN } from '../../../src/shared/resolution/lexicon/en.js';
import { ES } from '../../../src/shared/resolution/lexicon/es.js';
import { FR } from '../../../src/shared/resolution/lexicon/fr.js';
import { RU } from '../../../src/shared/resolution/lexicon/ru.js';
import type { LexiconData } from '../../../src/shared/resolution/lexicon/types.js';
import { ZH } from '../../../src/shared/resolution/lexicon/zh.js';
import { LANGUAGES, type Language, type Organ } from '../../../src/shared/resolution/model.js';

/** The phrase and italic length detected, for compact assertions. */
function det(text: string, lang: Language, kind: ClauseKind, gender?: Gender): [string, number] | null {
  const m = detectOpeningPhrase(text, lang, kind, gender);
  return m ? [m.phrase, m.end] : null;
}

// un-format.md §4, "Most frequent English opening phrases in 300 recent resolutions".
const SPEC_PP = [
  'Recalling', 'Recognizing', 'Reaffirming', 'Noting', 'Welcoming', 'Recalling also', 'Taking note',
  'Stressing', 'Emphasizing', 'Recognizing also', 'Acknowledging', 'Recalling further',
  'Reaffirming also', 'Bearing in mind', 'Convinced', 'Mindful', 'Underlining', 'Expressing concern',
  'Concerned', 'Having considered', 'Noting with concern', 'Deeply concerned', 'Welcoming also',
  'Reiterating', 'Noting with appreciation', 'Conscious', 'Aware', 'Expressing deep concern',
  'Noting with great concern', 'Condemning', 'Considering', 'Guided', 'Noting with satisfaction',
  'Affirming', 'Gravely concerned', 'Alarmed', 'Seriously concerned', 'Having examined', 'Deploring',
  'Determined', 'Cognizant',
];
const SPEC_OP = [
  'Encourages', 'Calls upon', 'Urges', 'Welcomes', 'Requests', 'Decides', 'Recognizes', 'Notes',
  'Recalls', 'Reaffirms', 'Stresses', 'Emphasizes', 'Takes note', 'Acknowledges', 'Reiterates',
  'Underlines', 'Also encourages', 'Calls for', 'Notes with appreciation', 'Also requests', 'Commends',
  'Notes with concern', 'Underscores', 'Notes with satisfaction', 'Expresses its appreciation',
  'Recommends', 'Also decides', 'Further encourages', 'Expresses concern', 'Invites', 'Condemns',
  'Demands', 'Strongly encourages', 'Reiterates its call upon', 'Considers', 'Appeals', 'Endorses',
  'Deplores',
];

// Other phrases the brief requires.
const OTHER_PP = [
  'Having adopted', 'Recognizing further', 'Reaffirming further', 'Stressing also', 'Emphasizing also',
  'Welcoming further', 'Expressing its appreciation', 'Determined', 'Encouraged', 'Appreciating',
  'Acknowledging also', 'Noting further', 'Taking into account', 'Taking note also', 'Deeply alarmed',
  'Strongly condemning', 'Convinced also', 'Noting with deep concern',
];
const OTHER_OP = [
  'Also calls upon', 'Further requests', 'Requests also', 'Decides also', 'Decides further',
  'Welcomes also', 'Invites', 'Urges also', 'Reaffirms also', 'Stresses also', 'Emphasizes also',
  'Approves', 'Adopts', 'Authorizes', 'Affirms', 'Proclaims', 'Declares', 'Expresses deep concern',
  'Expresses its gratitude', 'Reiterates its call', 'Takes note with appreciation',
];

describe('English phrases of un-format.md §4', () => {
  it.each(SPEC_PP)('PP "%s" is detected exactly', (p) => {
    expect(det(`${p} the resolution`, 'en', 'pp')).toEqual([p, p.length]);
    expect(detectOpeningPhrase(`${p} the resolution`, 'en', 'op')).toBeNull();
    expect(classifyOpening(`${p} the resolution`, 'en')?.kind).toBe('pp');
  });
  it.each(SPEC_OP)('OP "%s" is detected exactly', (p) => {
    expect(det(`${p} the Secretary-General`, 'en', 'op')).toEqual([p, p.length]);
    expect(detectOpeningPhrase(`${p} the Secretary-General`, 'en', 'pp')).toBeNull();
    expect(classifyOpening(`${p} the Secretary-General`, 'en')?.kind).toBe('op');
  });
  it.each(OTHER_PP)('other PP "%s" is detected exactly', (p) => {
    expect(det(`${p} that`, 'en', 'pp')).toEqual([p, p.length]);
  });
  it.each(OTHER_OP)('other OP "%s" is detected exactly', (p) => {
    expect(det(`${p} that`, 'en', 'op')).toEqual([p, p.length]);
  });
  it('lists every §4 phrase for autocomplete, in the frequency order of §4', () => {
    expect(phraseList('en', 'pp').slice(0, SPEC_PP.length)).toEqual(SPEC_PP);
    expect(phraseList('en', 'op').slice(0, SPEC_OP.length)).toEqual(SPEC_OP);
  });
});

describe('detectOpeningPhrase — English', () => {
  it('includes modifiers and excludes the following preposition or object', () => {
    expect(det('Recalling also its resolution 74/197', 'en', 'pp')).toEqual(['Recalling also', 14]);
    expect(det('Noting with deep concern that', 'en', 'pp')).toEqual(['Noting with deep concern', 24]);
    expect(det('Guided by the purposes and principles of the Charter', 'en', 'pp')).toEqual(['Guided', 6]);
    expect(det('Taking note of the report of the Secretary-General', 'en', 'pp')).toEqual(['Taking note', 11]);
    expect(det('Taking note with appreciation of the report', 'en', 'pp')).toEqual([
      'Taking note with appreciation',
      29,
    ]);
    expect(det('Takes note of the report', 'en', 'op')).toEqual(['Takes note', 10]);
    expect(det('Reiterates its call upon all States', 'en', 'op')).toEqual(['Reiterates its call upon', 24]);
    expect(det('Bearing in mind that', 'en', 'pp')).toEqual(['Bearing in mind', 15]);
  });

  it('prefers the longest phrase', () => {
    expect(det('Noting with deep concern', 'en', 'pp')).toEqual(['Noting with deep concern', 24]);
    expect(det('Noting with pleasure', 'en', 'pp')).toEqual(['Noting', 6]);
    expect(det('Notes with concern that', 'en', 'op')).toEqual(['Notes with concern', 18]);
    expect(det('Expresses its deep concern at', 'en', 'op')).toEqual(['Expresses its deep concern', 26]);
  });

  it('requires a word boundary after the phrase', () => {
    expect(detectOpeningPhrase('Notesomething', 'en', 'op')).toBeNull();
    expect(detectOpeningPhrase('Recallings', 'en', 'pp')).toBeNull();
    expect(det('Notes', 'en', 'op')).toEqual(['Notes', 5]);
    expect(det('Recalling, inter alia,', 'en', 'pp')).toEqual(['Recalling', 9]);
    expect(det('Notes-verbales', 'en', 'op')).toBeNull();
  });

  it('composes modifiers: prefixes and infixes', () => {
    expect(det('Also strongly encourages Member States', 'en', 'op')).toEqual(['Also strongly encourages', 24]);
    expect(det('Requests also the Secretary-General', 'en', 'op')).toEqual(['Requests also', 13]);
    expect(det('Decides further to', 'en', 'op')).toEqual(['Decides further', 15]);
    expect(det('Decides also that', 'en', 'op')).toEqual(['Decides also', 12]);
    expect(det('Once again calls upon all States', 'en', 'op')).toEqual(['Once again calls upon', 21]);
    expect(det('Calls also upon all States', 'en', 'op')).toEqual(['Calls also upon', 15]);
    expect(det('Further invites Member States', 'en', 'op')).toEqual(['Further invites', 15]);
    expect(det('Noting also with concern that', 'en', 'pp')).toEqual(['Noting also with concern', 24]);
    expect(det('Noting further with deep concern that', 'en', 'pp')).toEqual([
      'Noting further with deep concern',
      32,
    ]);
    expect(det('Bearing also in mind', 'en', 'pp')).toEqual(['Bearing also in mind', 20]);
    expect(det('Reaffirming once again its commitment', 'en', 'pp')).toEqual(['Reaffirming once again', 22]);
    expect(det('Deeply disturbed by', 'en', 'pp')).toEqual(['Deeply disturbed', 16]);
    const m = detectOpeningPhrase('Recalling once again', 'en', 'pp');
    expect(m?.base).toBe('Recalling');
  });

  it('treats "further" as an adjective before an ordinary lower-case word', () => {
    expect(det('Welcoming further progress in', 'en', 'pp')).toEqual(['Welcoming', 9]);
    expect(det('Calls for further action', 'en', 'op')).toEqual(['Calls for', 9]);
    expect(det('Recalling further its resolution', 'en', 'pp')).toEqual(['Recalling further', 17]);
    expect(det('Recalling further General Assembly resolution 1514 (XV)', 'en', 'pp')).toEqual([
      'Recalling further',
      17,
    ]);
    expect(det('Recognizing further that', 'en', 'pp')).toEqual(['Recognizing further', 19]);
    expect(det('Welcoming further,', 'en', 'pp')).toEqual(['Welcoming further', 17]);
  });

  it('is case-insensitive on the first letter only', () => {
    expect(det('recalling also', 'en', 'pp')).toEqual(['Recalling also', 14]);
    expect(det('Recalling Also', 'en', 'pp')).toEqual(['Recalling', 9]);
    expect(detectOpeningPhrase('RECALLING', 'en', 'pp')).toBeNull();
  });

  it('skips leading whitespace and quotation marks, and tolerates odd spacing', () => {
    const m = detectOpeningPhrase('  “Recalling also its', 'en', 'pp');
    expect(m).toMatchObject({ start: 3, end: 17, phrase: 'Recalling also' });
    expect(det('Taking\u00a0note of', 'en', 'pp')).toEqual(['Taking note', 11]);
    expect(det('Taking   note of', 'en', 'pp')).toEqual(['Taking note', 13]);
    expect(detectOpeningPhrase('', 'en', 'pp')).toBeNull();
    expect(detectOpeningPhrase('   ', 'en', 'op')).toBeNull();
  });

  it('accepts -ise spellings', () => {
    expect(det('Recognising that', 'en', 'pp')).toEqual(['Recognising', 11]);
    expect(det('Emphasises also', 'en', 'op')).toEqual(['Emphasises also', 15]);
  });

  it('returns null for unknown openings and for the wrong kind', () => {
    expect(detectOpeningPhrase('Blorfs the committee', 'en', 'op')).toBeNull();
    expect(detectOpeningPhrase('The Secretary-General', 'en', 'pp')).toBeNull();
    expect(detectOpeningPhrase('Requests the Secretary-General', 'en', 'pp')).toBeNull();
    expect(detectOpeningPhrase('Further to its resolution', 'en', 'op')).toBeNull();
    expect(detectOpeningPhrase('Also, the Assembly', 'en', 'op')).toBeNull();
  });
});

describe('detectOpeningPhrase — French', () => {
  it('detects phrases with their modifiers', () => {
    expect(det('Rappelant en outre sa résolution 74/197', 'fr', 'pp')).toEqual(['Rappelant en outre', 18]);
    expect(det('Prenant acte également du rapport', 'fr', 'pp')).toEqual(['Prenant acte également', 22]);
    expect(det('Prenant note de la résolution', 'fr', 'pp')).toEqual(['Prenant note', 12]);
    expect(det('Rappelant également que', 'fr', 'pp')).toEqual(['Rappelant également', 19]);
    expect(det('Notant avec une vive préoccupation que', 'fr', 'pp')).toEqual([
      'Notant avec une vive préoccupation',
      34,
    ]);
    expect(det('Prie le Secrétaire général', 'fr', 'op')).toEqual(['Prie', 4]);
    expect(det('Prie également le Secrétaire général', 'fr', 'op')).toEqual(['Prie également', 14]);
    expect(det('Demande instamment à tous les États', 'fr', 'op')).toEqual(['Demande instamment', 18]);
    expect(det('Souscrit à la recommandation', 'fr', 'op')).toEqual(['Souscrit', 8]);
    expect(det('Se félicite du rapport', 'fr', 'op')).toEqual(['Se félicite', 11]);
    expect(det('Note avec satisfaction que', 'fr', 'op')).toEqual(['Note avec satisfaction', 22]);
  });

  it('matches typographic and straight apostrophes alike', () => {
    expect(det('Ayant à l’esprit que', 'fr', 'pp')).toEqual(["Ayant à l'esprit", 16]);
    expect(det("Ayant à l'esprit que", 'fr', 'pp')).toEqual(["Ayant à l'esprit", 16]);
    expect(det('S’inspirant des buts', 'fr', 'pp')).toEqual(["S'inspirant", 11]);
  });

  it('is accent-exact', () => {
    expect(detectOpeningPhrase('Reaffirmant', 'fr', 'pp')).toBeNull();
    expect(det('Réaffirmant', 'fr', 'pp')).toEqual(['Réaffirmant', 11]);
    expect(det('réaffirmant', 'fr', 'pp')).toEqual(['Réaffirmant', 11]);
  });

  it('filters "Consciente" / "Conscient" by gender', () => {
    expect(detectOpeningPhrase('Consciente que', 'fr', 'pp', 'f')).toMatchObject({
      phrase: 'Consciente',
      end: 10,
      gender: 'f',
    });
    expect(detectOpeningPhrase('Consciente que', 'fr', 'pp', 'm')).toBeNull();
    expect(detectOpeningPhrase('Conscient que', 'fr', 'pp', 'm')).toMatchObject({ phrase: 'Conscient', gender: 'm' });
    expect(detectOpeningPhrase('Conscient que', 'fr', 'pp', 'f')).toBeNull();
    expect(detectOpeningPhrase('Conscient que', 'fr', 'pp')).toMatchObject({ phrase: 'Conscient', gender: 'm' });
    expect(detectOpeningPhrase('Consciente que', 'fr', 'pp')).toMatchObject({ phrase: 'Consciente', gender: 'f' });
    expect(detectOpeningPhrase('Rappelant', 'fr', 'pp', 'm')?.gender).toBeUndefined();
    expect(det('Profondément préoccupée par', 'fr', 'pp', 'f')).toEqual(['Profondément préoccupée', 23]);
    expect(det('Profondément préoccupé par', 'fr', 'pp', 'm')).toEqual(['Profondément préoccupé', 22]);
    expect(det('Se déclare profondément préoccupée par', 'fr', 'op', 'f')).toEqual([
      'Se déclare profondément préoccupée',
      34,
    ]);
  });
});

describe('detectOpeningPhrase — Spanish', () => {
  it('detects phrases', () => {
    expect(det('Recordando también su resolución', 'es', 'pp')).toEqual(['Recordando también', 18]);
    expect(det('Acogiendo con beneplácito el informe', 'es', 'pp')).toEqual(['Acogiendo con beneplácito', 25]);
    expect(det('Tomando nota del informe', 'es', 'pp')).toEqual(['Tomando nota', 12]);
    expect(det('Poniendo de relieve que', 'es', 'pp')).toEqual(['Poniendo de relieve', 19]);
    expect(det('Consciente de que', 'es', 'pp', 'm')).toEqual(['Consciente', 10]);
    expect(det('Convencida de que', 'es', 'pp', 'f')).toEqual(['Convencida', 10]);
    expect(detectOpeningPhrase('Convencida de que', 'es', 'pp', 'm')).toBeNull();
    expect(det('Solicita al Secretario General', 'es', 'op')).toEqual(['Solicita', 8]);
    expect(det('Pide además al Secretario General', 'es', 'op')).toEqual(['Pide además', 11]);
    expect(det('Expresa su preocupación por', 'es', 'op')).toEqual(['Expresa su preocupación', 23]);
    expect(det('Hace suyas las recomendaciones', 'es', 'op')).toEqual(['Hace suyas', 10]);
  });
});

describe('detectOpeningPhrase — Russian', () => {
  it('detects lower-case participles, excluding the preposition', () => {
    expect(det('ссылаясь на резолюцию 74/197', 'ru', 'pp')).toEqual(['ссылаясь', 8]);
    expect(det('ссылаясь также на резолюцию', 'ru', 'pp')).toEqual(['ссылаясь также', 14]);
    expect(det('ссылаясь далее на', 'ru', 'pp')).toEqual(['ссылаясь далее', 14]);
    expect(det('вновь подтверждая принципы', 'ru', 'pp')).toEqual(['вновь подтверждая', 17]);
    expect(det('принимая к сведению доклад', 'ru', 'pp')).toEqual(['принимая к сведению', 19]);
    expect(det('памятуя о том, что', 'ru', 'pp')).toEqual(['памятуя', 7]);
    expect(det('с удовлетворением отмечая', 'ru', 'pp')).toEqual(['с удовлетворением отмечая', 25]);
    expect(det('будучи глубоко обеспокоена тем, что', 'ru', 'pp', 'f')).toEqual(['будучи глубоко обеспокоена', 26]);
    expect(det('будучи также убеждена в том', 'ru', 'pp', 'f')).toEqual(['будучи также убеждена', 21]);
    expect(detectOpeningPhrase('будучи убеждена', 'ru', 'pp', 'm')).toBeNull();
    expect(det('будучи убежден', 'ru', 'pp', 'm')).toEqual(['будучи убежден', 14]);
  });

  it('accepts a capital first letter and ё for е', () => {
    expect(det('Ссылаясь на', 'ru', 'pp')).toEqual(['ссылаясь', 8]);
    expect(det('подчёркивая', 'ru', 'pp')).toEqual(['подчеркивая', 11]);
  });

  it('detects operative verbs', () => {
    expect(det('просит Генерального секретаря', 'ru', 'op')).toEqual(['просит', 6]);
    expect(det('просит также Генерального секретаря', 'ru', 'op')).toEqual(['просит также', 12]);
    expect(det('настоятельно призывает все государства', 'ru', 'op')).toEqual(['настоятельно призывает', 22]);
    expect(det('принимает к сведению доклад', 'ru', 'op')).toEqual(['принимает к сведению', 20]);
    expect(det('принимает Декларацию', 'ru', 'op')).toEqual(['принимает', 9]);
    expect(classifyOpening('постановляет продолжить', 'ru')?.kind).toBe('op');
    expect(classifyOpening('признавая, что', 'ru')?.kind).toBe('pp');
  });
});

describe('detectOpeningPhrase — Arabic', () => {
  it('accepts preambular phrases with and without the conjunction و', () => {
    expect(det('إذ تشير إلى قرارها', 'ar', 'pp')).toEqual(['إذ تشير', 7]);
    expect(det('وإذ تشير إلى قرارها', 'ar', 'pp')).toEqual(['وإذ تشير', 8]);
    expect(det('وإذ تشير أيضا إلى قرارها', 'ar', 'pp')).toEqual(['وإذ تشير أيضا', 13]);
    expect(classifyOpening('وإذ تشير أيضا إلى قرارها', 'ar')?.kind).toBe('pp');
    expect(det('وإذ تحيط علما بتقرير الأمين العام', 'ar', 'pp')).toEqual(['وإذ تحيط علما', 13]);
    expect(det('وقد نظرت في مسألة', 'ar', 'pp')).toEqual(['وقد نظرت', 8]);
    expect(det('واقتناعا منها بأن', 'ar', 'pp')).toEqual(['واقتناعا منها', 13]);
    expect(det('وإذ يساورها بالغ القلق إزاء', 'ar', 'pp')).toEqual(['وإذ يساورها بالغ القلق', 22]);
    expect(det('وإذ تعيد تأكيد التزامها', 'ar', 'pp')).toEqual(['وإذ تعيد تأكيد', 14]);
  });

  it('ignores diacritics and hamza spelling, including them in the italic span', () => {
    // أيضاً with tanween: 14 code units up to and including the tanween.
    expect(det('وإذ تشير أيضاً إلى قرارها', 'ar', 'pp')).toEqual(['وإذ تشير أيضا', 14]);
    expect(det('واذ تشير الى', 'ar', 'pp')).toEqual(['وإذ تشير', 8]);
    expect(det('تحيط علماً بالتقرير', 'ar', 'op')).toEqual(['تحيط علما', 10]);
  });

  it('detects operative verbs, excluding the preposition', () => {
    expect(det('تطلب إلى الأمين العام', 'ar', 'op')).toEqual(['تطلب', 4]);
    expect(det('تطلب أيضا إلى الأمين العام', 'ar', 'op')).toEqual(['تطلب أيضا', 9]);
    expect(det('تهيب بجميع الدول', 'ar', 'op')).toEqual(['تهيب', 4]);
    expect(det('ترحب بالتقرير', 'ar', 'op')).toEqual(['ترحب', 4]);
    expect(det('تقرر أن', 'ar', 'op')).toEqual(['تقرر', 4]);
    expect(det('تؤكد من جديد', 'ar', 'op')).toEqual(['تؤكد من جديد', 12]);
    expect(classifyOpening('تطلب إلى الأمين العام', 'ar')?.kind).toBe('op');
  });

  it('filters verbs by the organ gender', () => {
    expect(detectOpeningPhrase('يطلب إلى الأمين العام', 'ar', 'op', 'f')).toBeNull();
    expect(detectOpeningPhrase('يطلب إلى الأمين العام', 'ar', 'op', 'm')).toMatchObject({ phrase: 'يطلب', gender: 'm' });
    expect(detectOpeningPhrase('وإذ يشير إلى', 'ar', 'pp', 'm')).toMatchObject({ phrase: 'وإذ يشير' });
  });
});

describe('detectOpeningPhrase — Chinese', () => {
  it('matches by prefix without spaces', () => {
    expect(det('请秘书长提交报告', 'zh', 'op')).toEqual(['请', 1]);
    expect(det('又请秘书长', 'zh', 'op')).toEqual(['又请', 2]);
    expect(det('还请秘书长', 'zh', 'op')).toEqual(['还请', 2]);
    expect(det('决定将题为……的项目列入', 'zh', 'op')).toEqual(['决定', 2]);
    expect(det('回顾其第74/197号决议', 'zh', 'pp')).toEqual(['回顾', 2]);
    expect(det('又回顾其决议', 'zh', 'pp')).toEqual(['又回顾', 3]);
    expect(det('还回顾', 'zh', 'pp')).toEqual(['还回顾', 3]);
    expect(det('深感关切的是', 'zh', 'pp')).toEqual(['深感关切', 4]);
    expect(det('关切地注意到', 'zh', 'pp')).toEqual(['关切地注意到', 6]);
    expect(det('再次吁请各国', 'zh', 'op')).toEqual(['再次吁请', 4]);
  });

  it('classifies', () => {
    expect(classifyOpening('请秘书长提交报告', 'zh')).toMatchObject({ kind: 'op', match: { phrase: '请' } });
    expect(classifyOpening('铭记', 'zh')?.kind).toBe('pp');
    // 回顾 opens both kinds of paragraph: ambiguous.
    expect(classifyOpening('回顾其决议', 'zh')).toBeNull();
  });
});

describe('classifyOpening', () => {
  it('classifies English openings', () => {
    expect(classifyOpening('Requests the Secretary-General to report', 'en')).toMatchObject({
      kind: 'op',
      match: { phrase: 'Requests', end: 8, kind: 'op' },
    });
    expect(classifyOpening('Recalling its resolution 74/197', 'en')).toMatchObject({
      kind: 'pp',
      match: { phrase: 'Recalling' },
    });
    expect(classifyOpening('Blorfs the committee', 'en')).toBeNull();
    expect(classifyOpening('', 'en')).toBeNull();
  });

  it('classifies French, Spanish and both genders', () => {
    expect(classifyOpening('Conscient que', 'fr')?.kind).toBe('pp');
    expect(classifyOpening('Prie le Secrétaire général', 'fr')?.kind).toBe('op');
    expect(classifyOpening('Observando con preocupación', 'es')?.kind).toBe('pp');
    expect(classifyOpening('Observa con preocupación', 'es')?.kind).toBe('op');
  });
});

describe('switchPhraseGender', () => {
  it('switches French both ways, keeping modifiers and the rest of the text', () => {
    expect(switchPhraseGender('Consciente que la paix…', 'fr', 'm')).toBe('Conscient que la paix…');
    expect(switchPhraseGender('Conscient que la paix…', 'fr', 'f')).toBe('Consciente que la paix…');
    expect(switchPhraseGender('Profondément préoccupée par la situation', 'fr', 'm')).toBe(
      'Profondément préoccupé par la situation',
    );
    expect(switchPhraseGender('Profondément préoccupé par la situation', 'fr', 'f')).toBe(
      'Profondément préoccupée par la situation',
    );
    expect(switchPhraseGender('Consciente également que', 'fr', 'm')).toBe('Conscient également que');
    expect(switchPhraseGender('Se déclare préoccupée par', 'fr', 'm')).toBe('Se déclare préoccupé par');
  });

  it('switches Spanish, Russian and Arabic', () => {
    expect(switchPhraseGender('Convencida de que', 'es', 'm')).toBe('Convencido de que');
    expect(switchPhraseGender('Convencido de que', 'es', 'f')).toBe('Convencida de que');
    expect(switchPhraseGender('будучи убеждена, что', 'ru', 'm')).toBe('будучи убежден, что');
    expect(switchPhraseGender('будучи убежден, что', 'ru', 'f')).toBe('будучи убеждена, что');
    expect(switchPhraseGender('Будучи глубоко обеспокоена', 'ru', 'm')).toBe('Будучи глубоко обеспокоен');
    expect(switchPhraseGender('وإذ تشير أيضا إلى قرارها', 'ar', 'm')).toBe('وإذ يشير أيضا إلى قرارها');
    expect(switchPhraseGender('تطلب إلى الأمين العام', 'ar', 'm')).toBe('يطلب إلى الأمين العام');
    expect(switchPhraseGender('يطلب إلى الأمين العام', 'ar', 'f')).toBe('تطلب إلى الأمين العام');
  });

  it('keeps leading whitespace and leaves other texts unchanged', () => {
    expect(switchPhraseGender('  Consciente que', 'fr', 'm')).toBe('  Conscient que');
    expect(switchPhraseGender('Consciente que', 'fr', 'f')).toBe('Consciente que');
    expect(switchPhraseGender('Rappelant sa résolution', 'fr', 'm')).toBe('Rappelant sa résolution');
    expect(switchPhraseGender('Consciente de que', 'es', 'm')).toBe('Consciente de que');
    expect(switchPhraseGender('Recalling', 'en', 'm')).toBe('Recalling');
    expect(switchPhraseGender('Blorfs', 'fr', 'm')).toBe('Blorfs');
    expect(switchPhraseGender('', 'ru', 'm')).toBe('');
  });
});

describe('organGender', () => {
  it('is feminine for the General Assembly and its committees, masculine for the Councils', () => {
    for (const lang of LANGUAGES) {
      for (const organ of ['ga', 'ga-c1', 'ga-c2', 'ga-c3', 'ga-c4', 'ga-c5', 'ga-c6'] as Organ[]) {
        expect(organGender(organ, lang)).toBe('f');
      }
      for (const organ of ['sc', 'ecosoc', 'hrc'] as Organ[]) expect(organGender(organ, lang)).toBe('m');
    }
  });
});

describe('enactingFormula', () => {
  const expected: Record<Language, Record<'ga' | 'sc' | 'ecosoc' | 'hrc', string>> = {
    en: {
      ga: 'The General Assembly,',
      sc: 'The Security Council,',
      ecosoc: 'The Economic and Social Council,',
      hrc: 'The Human Rights Council,',
    },
    fr: {
      ga: "L'Assemblée générale,",
      sc: 'Le Conseil de sécurité,',
      ecosoc: 'Le Conseil économique et social,',
      hrc: "Le Conseil des droits de l'homme,",
    },
    es: {
      ga: 'La Asamblea General,',
      sc: 'El Consejo de Seguridad,',
      ecosoc: 'El Consejo Económico y Social,',
      hrc: 'El Consejo de Derechos Humanos,',
    },
    ru: {
      ga: 'Генеральная Ассамблея,',
      sc: 'Совет Безопасности,',
      ecosoc: 'Экономический и Социальный Совет,',
      hrc: 'Совет по правам человека,',
    },
    ar: {
      ga: 'إن الجمعية العامة،',
      sc: 'إن مجلس الأمن،',
      ecosoc: 'إن المجلس الاقتصادي والاجتماعي،',
      hrc: 'إن مجلس حقوق الإنسان،',
    },
    zh: { ga: '大会，', sc: '安全理事会，', ecosoc: '经济及社会理事会，', hrc: '人权理事会，' },
  };

  for (const lang of LANGUAGES) {
    it(`gives the formula for every organ in ${lang}`, () => {
      for (const organ of ['ga', 'sc', 'ecosoc', 'hrc'] as const) {
        const f = enactingFormula(organ, lang, true);
        expect(f.words + f.punctuation).toBe(expected[lang][organ]);
        expect(f.punctuation.length).toBe(1);
        const bare = enactingFormula(organ, lang, false);
        expect(bare).toEqual({ words: f.words, punctuation: '' });
      }
      for (const organ of ['ga-c1', 'ga-c2', 'ga-c3', 'ga-c4', 'ga-c5', 'ga-c6'] as const) {
        expect(enactingFormula(organ, lang, true)).toEqual(enactingFormula('ga', lang, true));
      }
    });
  }

  it('uses the given name for other bodies', () => {
    expect(enactingFormula('other', 'en', true, 'The Commission on the Status of Women')).toEqual({
      words: 'The Commission on the Status of Women',
      punctuation: ',',
    });
    expect(enactingFormula('other', 'en', true)).toEqual({ words: '', punctuation: '' });
  });
});

describe('phraseList', () => {
  it('filters gender-agreeing phrases', () => {
    const f = phraseList('fr', 'pp', 'f');
    const m = phraseList('fr', 'pp', 'm');
    expect(f).toContain('Consciente');
    expect(f).not.toContain('Conscient');
    expect(m).toContain('Conscient');
    expect(m).not.toContain('Consciente');
    expect(f).toContain('Rappelant');
    expect(m).toContain('Rappelant');
    const both = phraseList('fr', 'pp');
    expect(both).toContain('Consciente');
    expect(both).toContain('Conscient');
    expect(phraseList('ru', 'pp', 'f')).toContain('будучи убеждена');
    expect(phraseList('es', 'pp', 'm')).toContain('Convencido');
    expect(phraseList('ar', 'op', 'm')).toContain('يطلب');
    expect(phraseList('zh', 'op')[0]).toBe('鼓励');
  });

  it('returns a fresh array', () => {
    const a = phraseList('en', 'pp');
    a.length = 0;
    expect(phraseList('en', 'pp').length).toBeGreaterThan(0);
  });

  const DATA: Record<Language, LexiconData> = { en: EN, fr: FR, es: ES, ru: RU, ar: AR, zh: ZH };
  const combos: [Language, ClauseKind, Gender | undefined][] = [];
  for (const lang of LANGUAGES) {
    for (const kind of ['pp', 'op'] as const) {
      for (const gender of [undefined, 'f', 'm'] as const) combos.push([lang, kind, gender]);
    }
  }

  it.each(combos)('every %s %s phrase (gender %s) is detected as itself', (lang, kind, gender) => {
    const sep = DATA[lang].spaced ? ' ' : '';
    const list = phraseList(lang, kind, gender);
    expect(list.length).toBeGreaterThan(60);
    expect(new Set(list).size).toBe(list.length);
    for (const p of list) {
      const m = detectOpeningPhrase(`${p}${sep}1`, lang, kind, gender);
      expect(m?.phrase, `${lang} ${kind} ${p}`).toBe(p);
      expect(m?.end).toBe(p.length);
      // Arabic preambular phrases after the first take و.
      if (lang === 'ar' && kind === 'pp') {
        expect(detectOpeningPhrase(`و${p} 1`, lang, kind, gender)?.phrase).toBe(`و${p}`);
      }
    }
  });

  it('data has no duplicates and gender pairs have the same number of words', () => {
    for (const data of Object.values(DATA)) {
      for (const kind of ['pp', 'op'] as const) {
        const seen = new Set<string>();
        for (const form of data[kind].phrases) {
          const forms = typeof form === 'string' ? [form] : [form.f, form.m];
          if (typeof form !== 'string') expect(form.f.split(' ').length).toBe(form.m.split(' ').length);
          for (const p of forms) {
            expect(seen.has(p), p).toBe(false);
            seen.add(p);
          }
        }
      }
    }
  });
});

describe('performance', () => {
  it('detects phrases over 400 paragraphs in every language quickly', () => {
    const samples: Record<Language, string[]> = {
      en: ['Recalling also its resolution 74/197', 'Requests the Secretary-General to report', 'Blorfs it'],
      fr: ['Rappelant en outre sa résolution', 'Prie le Secrétaire général', 'Consciente que'],
      es: ['Recordando también su resolución', 'Solicita al Secretario General', 'Convencida de que'],
      ru: ['ссылаясь также на резолюцию', 'просит Генерального секретаря', 'будучи убеждена'],
      ar: ['وإذ تشير أيضا إلى قرارها', 'تطلب إلى الأمين العام', 'واقتناعا منها'],
      zh: ['又回顾其决议', '请秘书长提交报告', '深感关切的是'],
    };
    for (const lang of LANGUAGES) detectOpeningPhrase(samples[lang][0]!, lang, 'pp'); // compile
    const t0 = performance.now();
    for (let round = 0; round < 10; round++) {
      for (const lang of LANGUAGES) {
        for (let i = 0; i < 400; i++) {
          const text = samples[lang][i % 3]!;
          detectOpeningPhrase(text, lang, i % 2 ? 'op' : 'pp');
        }
      }
    }
    const perPass = (performance.now() - t0) / 10 / LANGUAGES.length;
    // One pass over a 400-paragraph document: well under a frame (measured ≈0.1–0.5 ms).
    expect(perPass).toBeLessThan(20);
  });
});
