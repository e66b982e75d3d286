// French and Arabic drafts in the editor: labels, numbers, formula, italics and direction follow
// the language. Screenshots for the README.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, openDraft, screenshot, type E2E } from './harness.js';
import { emptyFrontMatter, textBlock, type ResolutionDocument } from '../../src/shared/resolution/model.js';

let app: E2E;
beforeAll(async () => (app = await openApp()));
afterAll(async () => app?.close());

const french: ResolutionDocument = {
  meta: emptyFrontMatter({
    kind: 'resolution',
    organ: 'ga',
    language: 'fr',
    symbol: 'A/RES/75/202',
    session: '75',
    agendaItems: [{ number: '16', title: 'Les technologies de l’information et des communications au service du développement durable' }],
    title: 'Les technologies de l’information et des communications au service du développement durable',
    adoptionDate: '2020-12-21',
    issueDate: '2020-12-29',
    basis: 'sur la base du rapport de la Deuxième Commission (A/75/454, par. 11)',
    meeting: '48e séance plénière',
  }),
  preambular: [
    textBlock('f1', 'Rappelant sa résolution 74/197 du 19 décembre 2019 sur les technologies de l’information et des communications au service du développement durable et ses résolutions antérieures sur la question,'),
    textBlock('f2', 'Rappelant également la résolution 2020/12 du Conseil économique et social, en date du 17 juillet 2020,'),
    textBlock('f3', 'Consciente du rôle que joue la Commission de la science et de la technique au service du développement,'),
  ],
  operative: [
    textBlock('f4', 'Prend note du rapport du Secrétaire général ;'),
    {
      ...textBlock('f5', 'Demande aux États Membres :'),
      children: [textBlock('f5a', 'De redoubler d’efforts pour réduire la fracture numérique ;'), textBlock('f5b', 'De promouvoir l’accès universel et abordable à Internet ;')],
    },
    textBlock('f6', 'Décide d’inscrire à l’ordre du jour provisoire de sa soixante-dix-septième session la question subsidiaire intitulée « Les technologies de l’information et des communications au service du développement durable ».'),
  ],
  footnotes: [],
  annexes: [],
};

const arabic: ResolutionDocument = {
  meta: emptyFrontMatter({ kind: 'draft', organ: 'ga-c2', language: 'ar', symbol: 'A/C.2/80/L.26', session: '80', title: 'تسخير تكنولوجيا المعلومات والاتصالات لأغراض التنمية المستدامة', originalLanguage: 'en' }),
  preambular: [
    textBlock('a1', 'إذ تشير إلى قرارها 74/197 المؤرخ 19 كانون الأول/ديسمبر 2019،'),
    textBlock('a2', 'وإذ تعيد تأكيد قرارها 70/1 المؤرخ 25 أيلول/سبتمبر 2015،'),
  ],
  operative: [
    textBlock('a3', 'تحيط علما بتقرير الأمين العام؛'),
    { ...textBlock('a4', 'تهيب بالدول الأعضاء:'), children: [textBlock('a4a', 'أن تضاعف جهودها لسد الفجوة الرقمية؛'), textBlock('a4b', 'أن تعزز التعاون الدولي؛')] },
    textBlock('a5', 'تطلب إلى الأمين العام أن يقدم إليها في دورتها الحادية والثمانين تقريرا عن تنفيذ هذا القرار.'),
  ],
  footnotes: [],
  annexes: [],
};

const labelsAndPhrases = (page: Page) =>
  page.$$eval('.resolution-editor p.para', (ps) => ps.map((p) => `${p.getAttribute('data-label')}|${p.querySelector('i.phrase')?.textContent ?? ''}`));

describe('languages', () => {
  it('French: formula, a) labels, italic phrases with modifiers, masthead words', async () => {
    const { page } = app;
    await openDraft(page, french, 'A-RES-75-202 fr');
    expect(await page.locator('.formula').textContent()).toBe('L\'Assemblée générale,');
    expect(await labelsAndPhrases(page)).toEqual(['|Rappelant', '|Rappelant également', '|Consciente', '1.|Prend note', '2.|Demande', 'a)|', 'b)|', '3.|Décide']);
    expect(await page.locator('.mh-distr').textContent()).toContain('Distr. générale');
    expect(await page.locator('.mh-adopted').textContent()).toContain('le 21 décembre 2020');
    await screenshot(page, 'editor-fr');
  });

  it('Arabic: right to left, "1 - " numbers, و-prefixed phrases, Arabic formula', async () => {
    const { page } = app;
    await openDraft(page, arabic, 'A-C.2-80-L.26 ar');
    expect(await page.locator('.page').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('.formula').textContent()).toBe('إن الجمعية العامة،');
    const lp = await labelsAndPhrases(page);
    expect(lp.map((x) => x.split('|')[0])).toEqual(['', '', '1 - ', '2 - ', '(أ)', '(ب)', '3 - ']);
    expect(lp[0]!.split('|')[1]).toBe('إذ تشير');
    expect(lp[1]!.split('|')[1]).toBe('وإذ تعيد تأكيد');
    await screenshot(page, 'editor-ar');
  });
});
