// A negotiation round end to end: two delegations propose, one proposal is withdrawn and one
// accepted, statuses change, a version is saved and compared, and the compilation text is exported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { menu, openApp, screenshot, type E2E } from './harness.js';
import { CORPUS } from '../helpers/corpus.js';

let app: E2E;
beforeAll(async () => (app = await openApp()));
afterAll(async () => app?.close());


const op = (page: Page, n: number) => page.locator('.resolution-editor p.op').nth(n);

describe('a negotiation round', () => {
  it('records proposals by two delegations; one is withdrawn, one accepted', async () => {
    const { page } = app;
    await menu(page, 'File', 'file.open');
    await page.setInputFiles('.modal input[type="file"]', path.join(CORPUS, 'ga-en', 'A_RES_79_200.txt'));
    await page.waitForSelector('.resolution-editor p.op >> text=Takes note');
    await page.click('.tabs [data-panel="versions"]');
    await page.fill('[aria-label="Version name"]', 'Zero draft');
    await page.click('.versions button:has-text("Save version")');
    await page.waitForSelector('.version-list >> text=Zero draft');

    await page.click('.tabs [data-panel="negotiation"]');
    await page.check('.neg-mode input[type="checkbox"]');
    await page.selectOption('[aria-label="Delegation"]', 'EU');

    // EU proposes an addition at the end of OP1.
    await op(page, 0).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Home');
    await op(page, 0).click();
    await page.evaluate(() => {
      const p = document.querySelectorAll('.resolution-editor p.op')[0]!;
      const range = document.createRange();
      const last = p.lastChild!;
      range.setStart(last, last.textContent!.length - 1);
      range.collapse(true);
      const sel = getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    });
    await page.keyboard.type(', and calls for its full implementation');
    await page.waitForSelector('.resolution-editor .proposal-ins.proposal-shown');
    expect(await page.locator('.resolution-editor .proposal-ins').first().textContent()).toContain('calls for its full implementation');

    // G77 and China propose deleting words of OP2.
    await page.selectOption('[aria-label="Delegation"]', 'G77 and China');
    await op(page, 1).click();
    await page.keyboard.press('Home');
    for (let i = 0; i < 10; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Backspace');
    await page.waitForSelector('.resolution-editor .proposal-del');
    await page.waitForFunction(() => document.querySelectorAll('.proposal-item').length === 2);
    const items = await page.$$eval('.proposal-item', (els) => els.map((e) => e.textContent ?? ''));
    expect(items[0]).toContain('EU inserts');
    expect(items[1]).toContain('G77 and China deletes');
    await screenshot(page, 'negotiation');

    // G77 withdraws; EU's proposal is accepted.
    await page.locator('.proposal-item', { hasText: 'G77 and China' }).locator('button:has-text("Withdraw")').click();
    await page.waitForFunction(() => document.querySelectorAll('.proposal-item').length === 1);
    expect(await page.locator('.resolution-editor .proposal-del').count()).toBe(0);
    await page.locator('.proposal-item', { hasText: 'EU' }).locator('button:has-text("Accept")').click();
    await page.waitForFunction(() => document.querySelectorAll('.proposal-item').length === 0);
    expect(await op(page, 0).textContent()).toContain('and calls for its full implementation');
    expect(await page.locator('.resolution-editor .proposal-ins').count()).toBe(0);

    // Backspace on single characters is recorded (the view's key handler), not left to the
    // browser: the letters stay, marked deleted, and withdrawing gives the paragraph back.
    const before = await op(page, 1).textContent();
    await op(page, 1).click();
    const tail = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelectorAll('.resolution-editor p.op')[1]!, NodeFilter.SHOW_TEXT);
      let last: Text | null = null;
      while (walker.nextNode()) last = walker.currentNode as Text;
      const range = document.createRange();
      range.setStart(last!, last!.length);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return last!.data.slice(-2);
    });
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.waitForFunction(() => document.querySelectorAll('.proposal-item').length === 1);
    expect(await page.locator('.resolution-editor .proposal-del').first().textContent()).toBe(tail);
    await page.locator('.proposal-item', { hasText: 'G77 and China' }).locator('button:has-text("Withdraw")').click();
    await page.waitForFunction(() => document.querySelectorAll('.proposal-item').length === 0);
    expect(await op(page, 1).textContent()).toBe(before);
  });

  it('changes paragraph statuses and shows the summary', async () => {
    const { page } = app;
    // The panel follows the cursor a moment later; act once it names the paragraph.
    const statusOf = async (n: number, status: string) => {
      await op(page, n).click();
      await page.waitForSelector(`.status-editor:has-text("OP${n + 1}:")`);
      await page.selectOption('[aria-label="Status"]', status);
    };
    await statusOf(0, 'agreed');
    await statusOf(1, 'pending');
    await page.selectOption('[aria-label="Held by"]', 'EU');
    await statusOf(2, 'adref');
    await page.waitForFunction(() => /2 of \d+ paragraphs agreed/.test(document.querySelector('.status-summary')?.textContent ?? ''));
    expect(await page.locator('.status-summary').textContent()).toMatch(/2 of 22 paragraphs agreed \(1 ad ref\), 1 pending/);
    expect(await op(page, 1).getAttribute('data-status')).toBe('pending');
    expect(await op(page, 1).getAttribute('data-holder')).toBe('EU');
  });

  it('compares the zero draft with the current text', async () => {
    const { page } = app;
    await page.click('.tabs [data-panel="versions"]');
    await page.click('.version-list button:has-text("Compare with current")');
    const frame = page.frameLocator('.modal iframe');
    await expect(frame.locator('body').textContent()).resolves.toContain('calls for its full implementation');
    await page.keyboard.press('Escape');
  });

  it('exports the compilation text with proposals, labels and statuses', async () => {
    const { page } = app;
    // A fresh EU proposal, left open, so the compilation shows one.
    await page.click('.tabs [data-panel="negotiation"]');
    await page.selectOption('[aria-label="Delegation"]', 'EU');
    await op(page, 3).click();
    await page.keyboard.press('Home');
    await page.keyboard.type('Strongly ');
    await page.waitForFunction(() => document.querySelectorAll('.proposal-item').length === 1);
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('.negotiation button:has-text("Export Word")')]);
    const file = path.join(app.scratch, d.suggestedFilename());
    await d.saveAs(file);
    const xml = spawnSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' }).stdout;
    expect(xml).toContain('Pending EU');
    expect(xml).toContain('Agreed ad ref');
    expect(xml).toContain('Strongly');
    expect(xml).toMatch(/\(EU\)/);
    expect(fs.statSync(file).size).toBeGreaterThan(5000);
  });
});
