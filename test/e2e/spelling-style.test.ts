// Spelling and UN style in Chromium (browser mode): paragraphs carry the document's language for
// the browser's spellchecker; typed quotes become typographic (and Backspace right after gives the
// straight one back); the Checks panel lists a UN style finding whose Fix is one undo step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPage, openApp, openDraft, screenshot, type E2E } from './harness.js';
import { emptyFrontMatter, textBlock, type ResolutionDocument } from '../../src/shared/resolution/model.js';

let app: E2E;
beforeAll(async () => (app = await openApp()));
afterAll(async () => app?.close());

const paraAttrs = (page: Page) =>
  page.$$eval('.resolution-editor p.para', (ps) => ps.map((p) => `${p.getAttribute('lang')}|${p.closest('[spellcheck]')?.getAttribute('spellcheck')}`));

const firstText = (page: Page) => page.locator('.resolution-editor p.para').first().evaluate((p) => p.textContent ?? '');

const french: ResolutionDocument = {
  meta: emptyFrontMatter({ kind: 'draft', organ: 'ga', language: 'fr', title: 'Essai' }),
  preambular: [textBlock('f1', 'Rappelant sa résolution')],
  operative: [textBlock('f2', 'Prie le Secrétaire général de lui faire rapport.')],
  footnotes: [],
  annexes: [],
};

describe('spelling and UN style in the browser', () => {
  it('English draft: every paragraph has lang="en" in a spellchecked editor; quotes become “ ” ’, Backspace gives the straight one back', async () => {
    const { page } = app;
    await freshPage(page);
    expect(await paraAttrs(page)).toEqual(['en|true', 'en|true']);
    await page.locator('.resolution-editor p.para').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type('Recalling its resolution entitled "Our world" and the Council\'s work');
    await expect.poll(() => firstText(page)).toBe('Recalling its resolution entitled “Our world” and the Council’s work');
    await page.keyboard.type(' "');
    await page.keyboard.press('Backspace');
    await expect.poll(() => firstText(page)).toBe('Recalling its resolution entitled “Our world” and the Council’s work "');
    // Enter keeps the language on the new paragraph.
    await page.keyboard.press('Enter');
    expect((await paraAttrs(page)).every((a) => a === 'en|true')).toBe(true);
  });

  it('French draft: lang="fr" on every paragraph; " gives « » with no-break spaces', async () => {
    const { page } = app;
    await openDraft(page, french, 'spelling fr');
    expect(await paraAttrs(page)).toEqual(['fr|true', 'fr|true']);
    await page.locator('.resolution-editor p.para').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type(' intitulée "Notre monde"');
    await expect.poll(() => firstText(page)).toBe('Rappelant sa résolution intitulée «\u00A0Notre monde\u00A0»');
  });

  it('Checks panel: a UN style finding with its Fix, one Ctrl+Z undoes exactly the Fix', async () => {
    const { page } = app;
    await freshPage(page);
    await page.locator('.resolution-editor p.para').nth(1).click();
    await page.keyboard.press('End');
    await page.keyboard.type('Requests the secretary-general to report');
    await page.click('.side-panel [role="tab"][data-panel="checks"]');
    const item = page.locator('.check-item', { hasText: 'the UN writes “Secretary-General”' });
    await item.waitFor();
    await screenshot(page, 'checks-un-style');
    await item.locator('.check-fix').click();
    const second = () => page.locator('.resolution-editor p.para').nth(1).evaluate((p) => p.textContent ?? '');
    await expect.poll(second).toContain('Requests the Secretary-General to report');
    await expect.poll(() => item.count()).toBe(0);
    await page.locator('.resolution-editor p.para').nth(1).click();
    await page.keyboard.press('Control+z');
    await expect.poll(second).toContain('Requests the secretary-general to report');
  });
});
