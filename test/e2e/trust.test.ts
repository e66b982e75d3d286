// Issue 9's reproduced defects, with the exact steps, in Chromium: undo after redo (1), the Details
// form typing into the draft (2), the find bar (4), and the status landing on the wrong paragraph (5).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { freshPage, openApp, type E2E } from './harness.js';

let app: E2E;
beforeAll(async () => (app = await openApp()));
afterAll(async () => app?.close());

/** Text of every paragraph, as shown. */
async function texts(page: Page): Promise<string[]> {
  return page.$$eval('.resolution-editor p.para', (ps) => ps.map((p) => p.textContent ?? ''));
}

/** A new draft with PP "Recalling alpha", PP "Noting beta", OP "Requests gamma", "Decides delta", "Urges epsilon". */
async function fiveParagraphs(page: Page): Promise<void> {
  await freshPage(page);
  await page.locator('.resolution-editor p.pp').first().click();
  await page.keyboard.type('Recalling alpha');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Noting beta');
  await page.locator('.resolution-editor p.op').first().click();
  await page.keyboard.type('Requests gamma');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Decides delta');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Urges epsilon');
}

describe('issue 9 defects', () => {
  it('1: Alt+Up twice, Ctrl+Z, Ctrl+Y, Ctrl+Z, Ctrl+Z gives back the original three OPs in order', async () => {
    const { page } = app;
    await fiveParagraphs(page);
    const start = await texts(page);
    expect(start.slice(2)).toEqual(['Requests gamma;', 'Decides delta;', 'Urges epsilon']);
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp');
    expect((await texts(page)).slice(2, 3)).toEqual(['Urges epsilon']);
    for (const k of ['Control+z', 'Control+y', 'Control+z', 'Control+z']) await page.keyboard.press(k);
    expect(await texts(page)).toEqual(start);
  });

  it('2: Tab and typing in the Details form stay in the form; a partial year is never stored', async () => {
    const { page } = app;
    await fiveParagraphs(page);
    const before = await texts(page);
    await page.click('.tabs [data-panel="document"]');
    await page.fill('#meta-title', 'Oil slick');
    // Tab walks the form in visual order; committing the title does not pull focus into the text.
    const active = () => page.evaluate(() => document.activeElement?.id ?? '');
    await page.keyboard.press('Tab');
    expect(await active()).toBe('meta-sponsors');
    await page.keyboard.press('Tab');
    expect(await active()).toBe('meta-sponsorNote');
    await page.click('#meta-issueDate');
    await page.keyboard.type('11052025');
    await page.keyboard.press('Tab');
    expect(await texts(page)).toEqual(before);
    // Month and day order follow the browser's locale; the year is whole, never 0002.
    expect(await page.inputValue('#meta-issueDate')).toMatch(/^2025-(11-05|05-11)$/);
    expect(await page.locator('.field-hint').last().textContent()).toContain('2025');
    // The form keeps focus after a change: nothing typed next lands in the text.
    await page.keyboard.type('xyz');
    expect(await texts(page)).toEqual(before);
  });

  it('4: Ctrl+F focuses the open bar, Escape returns to the text with the match selected, Replace replaces, Ctrl+Alt+F only inserts a footnote', async () => {
    const { page } = app;
    await fiveParagraphs(page);
    await page.keyboard.press('Control+f');
    await page.keyboard.type('delta');
    await page.locator('.resolution-editor p.op').first().click();
    await page.keyboard.press('Control+f');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Find');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('gamma');
    expect(await page.locator('.find-count').textContent()).toBe('1 match');
    await page.keyboard.press('Escape');
    expect(await page.locator('.findbar').count()).toBe(0);
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.resolution-editor')))).toBe(true);
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('gamma');
    await page.keyboard.press('Control+f');
    await page.keyboard.type('delta');
    await page.fill('[aria-label="Replace with"]', 'omega');
    await page.click('.findbar button:has-text("Replace")');
    expect(await texts(page)).toContain('Decides omega;');
    expect(await page.locator('.find-count').textContent()).toBe('0 matches');
    await page.keyboard.press('Control+z');
    await page.locator('.findbar [aria-label="Find"]').focus();
    await page.keyboard.press('Escape');
    await page.locator('.resolution-editor p.op').last().click();
    await page.keyboard.press('End');
    await page.keyboard.press('Control+Alt+f');
    expect(await page.locator('.findbar').count()).toBe(0);
    expect(await page.locator('.resolution-editor .footnote').count()).toBe(1);
  });

  it('5: the status applies to the paragraph just clicked, even at once', async () => {
    const { page } = app;
    await fiveParagraphs(page);
    await page.click('.tabs [data-panel="negotiation"]');
    const ops = page.locator('.resolution-editor p.op');
    await ops.nth(0).click({ position: { x: 40, y: 4 } });
    await ops.nth(2).click({ position: { x: 40, y: 4 } });
    // At once: the panel already shows OP3, and the status goes to OP3.
    await page.selectOption('select[aria-label="Status"]', 'agreed');
    const status = page.locator('select[aria-label="Status"]');
    await expect.poll(() => status.inputValue()).toBe('agreed');
    await ops.nth(0).click({ position: { x: 40, y: 4 } });
    await expect.poll(() => status.inputValue()).toBe('');
    await ops.nth(2).click({ position: { x: 40, y: 4 } });
    await expect.poll(() => status.inputValue()).toBe('agreed');
  });
});
