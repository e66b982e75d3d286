import { describe, expect, it } from 'vitest';
import {
  applyEndPunctuation,
  checkEndPunctuation,
  endPunctuation,
  resolveRole,
  textChecks,
  type PunctuationRole,
} from '../../../src/shared/resolution/punctuation.js';
import { LANGUAGES, type Language } from '../../../src/shared/resolution/model.js';

const NBSP = '\u00A0';

describe('endPunctuation', () => {
  const table: Record<Language, Record<Exclude<PunctuationRole, 'sub-last'>, string>> = {
    en: { pp: ',', op: ';', 'op-last': '.', 'lead-in': ':', sub: ';' },
    es: { pp: ',', op: ';', 'op-last': '.', 'lead-in': ':', sub: ';' },
    ru: { pp: ',', op: ';', 'op-last': '.', 'lead-in': ':', sub: ';' },
    fr: { pp: ',', op: `${NBSP};`, 'op-last': '.', 'lead-in': `${NBSP}:`, sub: `${NBSP};` },
    ar: { pp: '،', op: '؛', 'op-last': '.', 'lead-in': ':', sub: '؛' },
    zh: { pp: '，', op: '；', 'op-last': '。', 'lead-in': '：', sub: '；' },
  };

  it('gives each role its ending in every language', () => {
    for (const lang of LANGUAGES)
      for (const [role, p] of Object.entries(table[lang])) expect(endPunctuation(role as PunctuationRole, lang), `${lang} ${role}`).toBe(p);
  });

  it('puts a no-break space (U+00A0) before ; and : in French', () => {
    expect(endPunctuation('op', 'fr')).toBe('\u00A0;');
    expect(endPunctuation('op', 'fr').charCodeAt(0)).toBe(0xa0);
    expect(endPunctuation('lead-in', 'fr')).toBe('\u00A0:');
    expect(endPunctuation('pp', 'fr')).toBe(',');
  });

  it('resolves the last subparagraph to its parent’s ending', () => {
    expect(endPunctuation('sub-last', 'en', 'op-last')).toBe('.');
    expect(endPunctuation('sub-last', 'en', 'op')).toBe(';');
    expect(endPunctuation('sub-last', 'en', 'pp')).toBe(',');
    expect(endPunctuation('sub-last', 'zh', 'op-last')).toBe('。');
    expect(endPunctuation('sub-last', 'ar', 'pp')).toBe('،');
    expect(endPunctuation('sub-last', 'en')).toBe(';'); // parent unknown: a subparagraph
    expect(resolveRole('sub-last', 'op-last')).toBe('op-last');
    expect(resolveRole('lead-in', 'op-last')).toBe('lead-in');
  });
});

describe('applyEndPunctuation', () => {
  it('adds the ending when there is none', () => {
    expect(applyEndPunctuation('Recalling its resolution 74/197', 'pp', 'en')).toBe('Recalling its resolution 74/197,');
    expect(applyEndPunctuation('Decides to remain seized of the matter', 'op-last', 'en')).toBe('Decides to remain seized of the matter.');
    expect(applyEndPunctuation('Requests the Secretary-General', 'lead-in', 'en')).toBe('Requests the Secretary-General:');
  });

  it('replaces a wrong ending', () => {
    expect(applyEndPunctuation('Decides to act,', 'op', 'en')).toBe('Decides to act;');
    expect(applyEndPunctuation('Decides to act;', 'op-last', 'en')).toBe('Decides to act.');
    expect(applyEndPunctuation('Decides to act.', 'lead-in', 'en')).toBe('Decides to act:');
    expect(applyEndPunctuation('To strengthen cooperation:', 'sub', 'es')).toBe('To strengthen cooperation;');
  });

  it('removes repeated or mixed endings and trailing spaces', () => {
    expect(applyEndPunctuation('Decides to act;;  ', 'op', 'en')).toBe('Decides to act;');
    expect(applyEndPunctuation('Decides to act ; .', 'op-last', 'en')).toBe('Decides to act.');
    expect(applyEndPunctuation('Decides to act\u00A0;\u00A0', 'op', 'en')).toBe('Decides to act;');
  });

  it('returns the same string when it is already right', () => {
    const s = 'Decides to act;';
    expect(applyEndPunctuation(s, 'op', 'en')).toBe(s);
    const f = `Décide d’agir${NBSP};`;
    expect(applyEndPunctuation(f, 'op', 'fr')).toBe(f);
  });

  it('writes French endings with a no-break space', () => {
    expect(applyEndPunctuation('Décide d’agir', 'op', 'fr')).toBe(`Décide d’agir${NBSP};`);
    expect(applyEndPunctuation('Décide d’agir;', 'op', 'fr')).toBe(`Décide d’agir${NBSP};`);
    expect(applyEndPunctuation('Décide d’agir ;', 'op', 'fr')).toBe(`Décide d’agir${NBSP};`);
    expect(applyEndPunctuation('Décide d’agir\u202F;', 'op', 'fr')).toBe(`Décide d’agir${NBSP};`);
    expect(applyEndPunctuation(`Prie le Secrétaire général${NBSP};`, 'lead-in', 'fr')).toBe(`Prie le Secrétaire général${NBSP}:`);
    expect(applyEndPunctuation(`Décide d’agir${NBSP};`, 'op-last', 'fr')).toBe('Décide d’agir.');
    expect(applyEndPunctuation(`Rappelant sa résolution 74/197${NBSP};`, 'pp', 'fr')).toBe('Rappelant sa résolution 74/197,');
  });

  it('writes Arabic endings and replaces Latin ones', () => {
    expect(applyEndPunctuation('إذ تشير إلى قرارها 74/197', 'pp', 'ar')).toBe('إذ تشير إلى قرارها 74/197،');
    expect(applyEndPunctuation('تقرر أن تبقي المسألة قيد نظرها;', 'op', 'ar')).toBe('تقرر أن تبقي المسألة قيد نظرها؛');
    expect(applyEndPunctuation('تقرر أن تبقي المسألة قيد نظرها؛', 'op-last', 'ar')).toBe('تقرر أن تبقي المسألة قيد نظرها.');
    expect(applyEndPunctuation('تطلب إلى الأمين العام،', 'lead-in', 'ar')).toBe('تطلب إلى الأمين العام:');
  });

  it('writes Chinese full-width endings and replaces half-width ones', () => {
    expect(applyEndPunctuation('回顾其第74/197号决议', 'pp', 'zh')).toBe('回顾其第74/197号决议，');
    expect(applyEndPunctuation('请秘书长提交报告;', 'op', 'zh')).toBe('请秘书长提交报告；');
    expect(applyEndPunctuation('决定继续处理此案.', 'op-last', 'zh')).toBe('决定继续处理此案。');
    expect(applyEndPunctuation('请秘书长；', 'lead-in', 'zh')).toBe('请秘书长：');
    expect(applyEndPunctuation('请秘书长提交报告；', 'op-last', 'en')).toBe('请秘书长提交报告.');
  });

  it('keeps closing quotes and brackets before the punctuation', () => {
    expect(applyEndPunctuation('Recalling the “2030 Agenda”', 'pp', 'en')).toBe('Recalling the “2030 Agenda”,');
    expect(applyEndPunctuation('Takes note of the report (A/79/437);', 'op-last', 'en')).toBe('Takes note of the report (A/79/437).');
    expect(applyEndPunctuation('Rappelant le « Programme 2030 »', 'pp', 'fr')).toBe('Rappelant le « Programme 2030 »,');
    expect(applyEndPunctuation('Décide d’adopter le « Programme »', 'op', 'fr')).toBe(`Décide d’adopter le « Programme »${NBSP};`);
    expect(applyEndPunctuation('回顾《2030年议程》', 'pp', 'zh')).toBe('回顾《2030年议程》，');
    expect(applyEndPunctuation('Decides [to act]', 'op', 'en')).toBe('Decides [to act];');
    expect(applyEndPunctuation('the Member States’', 'op', 'en')).toBe('the Member States’;');
  });

  it('moves a comma or semicolon misplaced inside a closing quote out of it', () => {
    expect(applyEndPunctuation('entitled “Our world;”', 'op', 'en')).toBe('entitled “Our world”;');
    expect(applyEndPunctuation('entitled “Our world,”', 'op-last', 'en')).toBe('entitled “Our world”.');
    expect(applyEndPunctuation('intitulé « Notre monde ; »', 'op', 'fr')).toBe(`intitulé « Notre monde »${NBSP};`);
    // A full stop inside a quotation may be the quotation's own: it stays.
    expect(applyEndPunctuation('saying “It is done.”', 'op', 'en')).toBe('saying “It is done.”;');
    // Inside brackets, nothing moves (negotiation brackets hold whole endings).
    expect(applyEndPunctuation('[Decides to act;]', 'op', 'en')).toBe('[Decides to act;];');
  });

  it('keeps an abbreviation’s full stop', () => {
    expect(applyEndPunctuation('trade, finance, etc.', 'op-last', 'en')).toBe('trade, finance, etc.');
    expect(applyEndPunctuation('trade, finance, etc.', 'op', 'en')).toBe('trade, finance, etc.;');
    expect(applyEndPunctuation('trade, finance, etc.;', 'op-last', 'en')).toBe('trade, finance, etc.');
    expect(applyEndPunctuation('Smith et al.', 'pp', 'en')).toBe('Smith et al.,');
  });

  it('leaves blank text alone', () => {
    expect(applyEndPunctuation('', 'op', 'en')).toBe('');
    expect(applyEndPunctuation('   ', 'op', 'fr')).toBe('   ');
  });

  it('replaces text that is only punctuation', () => {
    expect(applyEndPunctuation(';', 'op-last', 'en')).toBe('.');
  });

  it('is fast enough for every keystroke over a long draft', () => {
    const texts = Array.from({ length: 400 }, (_, i) => `Requests the Secretary-General to report on paragraph ${i} at its next session${i % 2 ? ',' : ''}`);
    const t0 = performance.now();
    for (let k = 0; k < 50; k++) for (const t of texts) applyEndPunctuation(t, 'op', 'fr');
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('checkEndPunctuation', () => {
  it('returns null when the ending is right', () => {
    expect(checkEndPunctuation('Decides to act;', 'op', 'en')).toBeNull();
    expect(checkEndPunctuation('Decides to act;  ', 'op', 'en')).toBeNull();
    expect(checkEndPunctuation('Recalling the “2030 Agenda”,', 'pp', 'en')).toBeNull();
    expect(checkEndPunctuation(`Décide d’agir${NBSP};`, 'op', 'fr')).toBeNull();
    expect(checkEndPunctuation('Décide d’agir\u202F;', 'op', 'fr')).toBeNull(); // thin no-break space accepted
    expect(checkEndPunctuation('قيد نظرها؛', 'op', 'ar')).toBeNull();
    expect(checkEndPunctuation('决定继续处理此案。', 'op-last', 'zh')).toBeNull();
    expect(checkEndPunctuation('finance, etc.', 'op-last', 'en')).toBeNull();
    expect(checkEndPunctuation('To do this;', 'sub-last', 'en', 'op')).toBeNull();
    expect(checkEndPunctuation('', 'op', 'en')).toBeNull();
  });

  it('reports a wrong ending', () => {
    const r = checkEndPunctuation('Decides to act,', 'op', 'en');
    expect(r).toEqual({ expected: ';', found: ',', message: 'An operative paragraph ends with “;”, not “,”.' });
    expect(checkEndPunctuation('Decides to act;', 'op-last', 'en')?.message).toBe('The last operative paragraph ends with “.”, not “;”.');
    expect(checkEndPunctuation('To do this;', 'sub-last', 'en', 'op-last')?.expected).toBe('.');
  });

  it('reports a missing ending', () => {
    const r = checkEndPunctuation('Recalling its resolution 74/197', 'pp', 'en');
    expect(r?.expected).toBe(',');
    expect(r?.found).toBe('');
    expect(r?.message).toBe('A preambular paragraph ends with “,”; it has no end punctuation.');
  });

  it('explains the French no-break space', () => {
    const r = checkEndPunctuation('Décide d’agir;', 'op', 'fr');
    expect(r?.expected).toBe(`${NBSP};`);
    expect(r?.found).toBe(';');
    expect(r?.message).toContain('no-break space');
    const spaced = checkEndPunctuation('Décide d’agir ;', 'op', 'fr');
    expect(spaced?.found).toBe(' ;');
    expect(spaced?.message).toContain('ordinary space');
  });

  it('reports Latin punctuation in Arabic and Chinese', () => {
    expect(checkEndPunctuation('قيد نظرها;', 'op', 'ar')).toMatchObject({ expected: '؛', found: ';' });
    expect(checkEndPunctuation('回顾其决议,', 'pp', 'zh')).toMatchObject({ expected: '，', found: ',' });
  });

  it('reports punctuation inside a closing quote', () => {
    const r = checkEndPunctuation('entitled “Our world;”', 'op', 'en');
    expect(r?.expected).toBe(';');
    expect(r?.message).toContain('after the closing quotation mark');
  });

  it('agrees with applyEndPunctuation', () => {
    const samples = ['Text', 'Text,', 'Text;', 'Text.', 'Text :', 'Text “q”', 'Text “q;”', 'Text etc.', 'Text، ', 'Text；'];
    const roles: PunctuationRole[] = ['pp', 'op', 'op-last', 'lead-in', 'sub'];
    for (const lang of LANGUAGES)
      for (const role of roles)
        for (const s of samples) {
          const fixed = applyEndPunctuation(s, role, lang);
          expect(checkEndPunctuation(fixed, role, lang), `${lang} ${role} ${s}`).toBeNull();
          expect(applyEndPunctuation(fixed, role, lang)).toBe(fixed);
          if (checkEndPunctuation(s, role, lang) === null) expect(applyEndPunctuation(s.trimEnd(), role, lang)).toBe(s.trimEnd());
        }
  });
});

describe('textChecks', () => {
  it('finds nothing in a clean paragraph', () => {
    expect(textChecks('Recalling its resolution 74/197 (on trade) and the “2030 Agenda”,', 'en', { kind: 'pp' })).toEqual([]);
    expect(textChecks('', 'en', { kind: 'pp' })).toEqual([]);
  });

  it('finds double spaces with a one-space fix', () => {
    const text = 'Decides  to act   now;';
    const issues = textChecks(text, 'en', { kind: 'op' });
    expect(issues).toEqual([
      { kind: 'double-space', message: 'Two or more spaces in a row.', from: 7, to: 9, fix: ' ' },
      { kind: 'double-space', message: 'Two or more spaces in a row.', from: 15, to: 18, fix: ' ' },
    ]);
  });

  it('keeps the no-break space when fixing a French double space', () => {
    const text = `Décide d’agir \u00A0;`;
    const [issue] = textChecks(text, 'fr', { kind: 'op' });
    expect(issue).toMatchObject({ kind: 'double-space', from: 13, to: 15, fix: NBSP });
  });

  it('finds leading and trailing spaces', () => {
    const issues = textChecks('  Decides to act; ', 'en', { kind: 'op' });
    expect(issues.map((i) => [i.kind, i.from, i.to, i.fix])).toEqual([
      ['leading-space', 0, 2, ''],
      ['trailing-space', 17, 18, ''],
    ]);
  });

  it('finds a lower-case start in English, French and Spanish', () => {
    expect(textChecks('decides to act;', 'en', { kind: 'op' })).toEqual([
      { kind: 'lower-case-start', message: 'An operative paragraph begins with a capital letter.', from: 0, to: 1, fix: 'D' },
    ]);
    expect(textChecks('rappelant sa résolution,', 'fr', { kind: 'pp' })[0]).toMatchObject({ kind: 'lower-case-start', fix: 'R' });
    expect(textChecks('“éviter” les doublons;', 'fr', { kind: 'sub' })[0]).toMatchObject({ kind: 'lower-case-start', from: 1, to: 2, fix: 'É' });
    expect(textChecks('recordando,', 'es', { kind: 'pp' })[0]).toMatchObject({ kind: 'lower-case-start' });
  });

  it('does not flag lower case in Russian, Arabic and Chinese, nor names like eBay', () => {
    expect(textChecks('ссылаясь на свою резолюцию 74/197,', 'ru', { kind: 'pp' })).toEqual([]);
    expect(textChecks('постановляет продолжить рассмотрение;', 'ru', { kind: 'op' })).toEqual([]);
    expect(textChecks('إذ تشير إلى قرارها،', 'ar', { kind: 'pp' })).toEqual([]);
    expect(textChecks('回顾其决议，', 'zh', { kind: 'pp' })).toEqual([]);
    expect(textChecks('eBay and others;', 'en', { kind: 'sub' })).toEqual([]);
    expect(textChecks('2030 Agenda;', 'en', { kind: 'sub' })).toEqual([]);
  });

  it('finds unbalanced brackets', () => {
    expect(textChecks('Decides (to act;', 'en', { kind: 'op' })).toEqual([
      { kind: 'unbalanced-bracket', message: '“(” is not closed.', from: 8, to: 9 },
    ]);
    expect(textChecks('Decides to act);', 'en', { kind: 'op' })).toEqual([
      { kind: 'unbalanced-bracket', message: '“)” has no opening bracket.', from: 14, to: 15 },
    ]);
    const crossed = textChecks('Decides ([to act);', 'en', { kind: 'op' });
    expect(crossed.map((i) => [i.kind, i.from])).toEqual([['unbalanced-bracket', 9]]);
    expect(textChecks('Decides [to (act]);', 'en', { kind: 'op' }).map((i) => i.from)).toEqual([12, 17]);
    expect(textChecks('回顾（第74/197号决议，', 'zh', { kind: 'pp' }).map((i) => i.kind)).toEqual(['unbalanced-bracket']);
  });

  it('finds unbalanced quotes', () => {
    expect(textChecks('Welcomes the “2030 Agenda;', 'en', { kind: 'op' })).toEqual([
      { kind: 'unbalanced-quote', message: 'The quotation opened by ““” is not closed.', from: 13, to: 14 },
    ]);
    expect(textChecks('Welcomes the 2030 Agenda”;', 'en', { kind: 'op' })[0]).toMatchObject({ kind: 'unbalanced-quote', from: 24 });
    expect(textChecks('Salue le « Programme 2030 ;', 'fr', { kind: 'op' })[0]).toMatchObject({ kind: 'unbalanced-quote', from: 9 });
    expect(textChecks('приветствуя «Повестку дня „2030“»,', 'ru', { kind: 'pp' })).toEqual([]);
    expect(textChecks('приветствуя «Повестку,', 'ru', { kind: 'pp' })[0]).toMatchObject({ kind: 'unbalanced-quote' });
    expect(textChecks('回顾《2030年议程，', 'zh', { kind: 'pp' })[0]).toMatchObject({ kind: 'unbalanced-quote', from: 2 });
  });

  it('gives fixes that remove the issue when applied', () => {
    const text = ' decides  to act ';
    let fixed = text;
    const issues = textChecks(text, 'en', { kind: 'op' })
      .filter((i) => i.fix !== undefined)
      .sort((a, b) => b.from - a.from);
    for (const i of issues) fixed = fixed.slice(0, i.from) + i.fix + fixed.slice(i.to);
    expect(fixed).toBe('Decides to act');
    expect(textChecks(fixed, 'en', { kind: 'op' })).toEqual([]);
  });
});
