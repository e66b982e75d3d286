// The editor end to end in Chromium: type a preamble and five operative paragraphs with a nested
// (a)/(i) list, let the rules number, italicise and punctuate, insert a cross-reference, move OP 4
// to the top, undo, save, reload, reopen — and find the same document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { menu, openApp, screenshot, type E2E } from './harness.js';

let app: E2E;
beforeAll(async () => (app = await openApp()));
afterAll(async () => app?.close());

/** Label and text of every paragraph, as shown. */
async function paragraphs(page: Page): Promise<string[]> {
  return page.$$eval('.resolution-editor p.para', (ps) => ps.map((p) => `${p.getAttribute('data-label') ?? ''}|${p.textContent ?? ''}`));
}


describe('drafting a resolution', () => {
  it('types a preamble and five OPs with a nested list; numbers, labels, italics and punctuation follow', async () => {
    const { page } = app;
    await page.locator('.resolution-editor p.pp').first().click();
    await page.keyboard.type('Recalling its resolution 78/1 of 5 September 2023');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Noting with deep concern the situation');
    await page.locator('.resolution-editor p.op').first().click();
    await page.keyboard.type('Requests the Secretary-General to report');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Urges all States to cooperate');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Calls upon all States');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('To strengthen cooperation');
    await page.keyboard.press('Enter');
    await page.keyboard.type('To report on');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Progress made');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Remaining challenges');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('Encourages Member States to contribute');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Decides to remain seized of the matter as set out in ');
    await menu(page, 'Edit', 'edit.crossRef');
    const target = await page.$$eval('#xref-first option', (os) => os.find((o) => o.textContent?.startsWith('OP4 '))?.getAttribute('value') ?? '');
    await page.selectOption('#xref-first', target);
    await page.click('.modal button:has-text("Insert")');
    // Leave the last paragraph so auto-punctuation sets its ending too.
    await page.locator('.resolution-editor p.pp').first().click();

    expect(await paragraphs(page)).toEqual([
      '|Recalling its resolution 78/1 of 5 September 2023,',
      '|Noting with deep concern the situation,',
      '1.|Requests the Secretary-General to report;',
      '2.|Urges all States to cooperate;',
      '3.|Calls upon all States:',
      '(a)|To strengthen cooperation;',
      '(b)|To report on:',
      '(i)|Progress made;',
      '(ii)|Remaining challenges;',
      '4.|Encourages Member States to contribute;',
      '5.|Decides to remain seized of the matter as set out in paragraph 4 above.',
    ]);
    expect(await page.$$eval('.resolution-editor i.phrase', (is) => is.map((i) => i.textContent))).toEqual([
      'Recalling',
      'Noting with deep concern',
      'Requests',
      'Urges',
      'Calls upon',
      'Encourages',
      'Decides',
    ]);
    await screenshot(page, 'editor-en');
  });

  it('moves OP 4 to the top with Alt-Up; every number and the cross-reference follow; undo puts it back', async () => {
    const { page } = app;
    await page.locator('.resolution-editor p.op', { hasText: 'Encourages Member States' }).click();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Alt+ArrowUp');
    const moved = await paragraphs(page);
    expect(moved.slice(2)).toEqual([
      '1.|Encourages Member States to contribute;',
      '2.|Requests the Secretary-General to report;',
      '3.|Urges all States to cooperate;',
      '4.|Calls upon all States:',
      '(a)|To strengthen cooperation;',
      '(b)|To report on:',
      '(i)|Progress made;',
      '(ii)|Remaining challenges;',
      '5.|Decides to remain seized of the matter as set out in paragraph 1 above.',
    ]);
    expect(await page.locator('.outline-item').nth(2).textContent()).toContain('OP1');
    await page.keyboard.press('Control+z');
    const undone = await paragraphs(page);
    expect(undone[2]).toBe('1.|Requests the Secretary-General to report;');
    expect(undone[3]).toBe('2.|Encourages Member States to contribute;');
    expect(undone[10]).toBe('5.|Decides to remain seized of the matter as set out in paragraph 2 above.');
  });

  it('saves, survives a reload, and reopens the same document', async () => {
    const { page } = app;
    const before = await paragraphs(page);
    await page.keyboard.press('Control+s');
    await page.fill('#saveas-name', 'E2E negotiation draft');
    await page.click('.modal button:has-text("Save")');
    await page.waitForSelector('.save-state:has-text("Saved")');
    await page.reload();
    await page.waitForSelector('.resolution-editor');
    expect(await page.locator('.modal').count()).toBe(0); // saved cleanly: nothing to recover
    await menu(page, 'File', 'file.open');
    await page.click('.draft-list button:has-text("E2E negotiation draft")');
    await page.waitForSelector('.resolution-editor p.op >> text=Encourages Member States');
    expect(await paragraphs(page)).toEqual(before);
    expect(await page.locator('.save-state').textContent()).not.toContain('Unsaved');
  });

  it('offers recovery of unsaved work after the page dies', async () => {
    const { page } = app;
    await page.locator('.resolution-editor p.op').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type(' without delay');
    await page.waitForTimeout(3500); // autosave runs every 3 s while there are unsaved changes
    // Simulate a crash: drop the page without a clean close, then open the app again.
    await page.evaluate(() => {
      window.onbeforeunload = null;
    });
    const crashed = await app.context.newPage();
    await page.close({ runBeforeUnload: false });
    app.page = crashed;
    await app.load();
    await crashed.waitForSelector('.modal:has-text("Recover unsaved work")');
    await crashed.click('.recovery-entry button:has-text("Recover")');
    expect(await crashed.locator('.resolution-editor p.op').first().textContent()).toContain('without delay');
  });
});
