// Agreed language II end to end: a suggestion from the opening words taken with Tab (ghost text
// first, then the adopted paragraph with its provenance); the history of that paragraph across
// its resolution family; File › New draft from resolution on A/RES/79/200, whose advanced session
// and recalled resolution appear as proposals of "Technical update" in the text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { menu, openApp, screenshot, type E2E } from './harness.js';

let app: E2E;
beforeAll(async () => (app = await openApp()));
afterAll(async () => app?.close());

describe('agreed language from the first words, its history, next year’s draft', () => {
  it('previews a suggestion as ghost text after the opening words and takes it with Tab', async () => {
    const { page } = app;
    // The starter library loads in the background: suggestions are judged on the whole of it.
    await page.click('.tabs [data-panel="library"]');
    await page.waitForSelector('.library-status:has-text("659 resolutions")', { timeout: 60_000 });
    await page.click('.tabs [data-panel="matches"]');
    await page.locator('.resolution-editor p.op').last().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('Recognizes the multidimensionality of the adverse impact');
    const ghost = page.locator('.resolution-editor .ghost-text');
    await ghost.waitFor({ timeout: 30_000 });
    expect(await ghost.textContent()).toMatch(/^ of the oil slick/);
    await page.waitForSelector('.suggestion .adoption:has-text("adopted")');
    await screenshot(page, 'suggestion-ghost-text');
    await page.keyboard.press('Tab');
    const taken = page.locator('.resolution-editor p.op[data-provenance]');
    await taken.waitFor();
    const prov = JSON.parse((await taken.getAttribute('data-provenance')) ?? '{}') as { symbol: string; text: string };
    expect(prov.symbol).toMatch(/^A\/RES\/7[89]\/(143|200)$/);
    expect(await taken.getAttribute('data-level')).toBe('0');
    expect((await taken.textContent())?.replace(/\s+/g, ' ')).toBe(prov.text.replace(/\s+/g, ' '));
    expect(await page.locator('.resolution-editor .ghost-text').count()).toBe(0);
    await page.waitForSelector('.provenance.same');
  });

  it('shows the history of the paragraph across its resolution family with word diffs', async () => {
    const { page } = app;
    await page.click('.provenance .prov-head button:has-text("History")');
    await page.waitForSelector('.lineage-version');
    const symbols = await page.$$eval('.lineage-version .hit-symbol', (s) => s.map((x) => x.textContent));
    expect(symbols).toEqual(expect.arrayContaining(['A/RES/78/143', 'A/RES/79/200']));
    // 78/143 asked for the report at the seventy-ninth session, 79/200 at the eightieth.
    await page.waitForSelector('.lineage-version del:has-text("seventy-ninth")');
    expect(await page.locator('.lineage-version ins:has-text("eightieth")').count()).toBeGreaterThan(0);
    expect(await page.locator('.lineage-summary').textContent()).toMatch(/Agreed since|not adopted as it stands/);
    await screenshot(page, 'paragraph-history');
    await page.click('.modal button[aria-label="Close"]');
  });

  it('makes next session’s draft from A/RES/79/200 with the advanced session and the recalled resolution as proposals', async () => {
    const { page } = app;
    page.on('dialog', (d) => void d.accept().catch(() => undefined));
    await menu(page, 'File', 'file.newFromResolution');
    await page.fill('.modal input[aria-label="Resolution"]', 'A/RES/79/200');
    await page.click('.modal button:has-text("Make the draft")');
    await page.waitForSelector('.tu-changes');
    const changes = await page.locator('.tu-changes').textContent();
    expect(changes).toContain('eighty-first');
    expect(changes).toContain('79/200 of 19 December 2024');
    expect(await page.locator('.tu-masthead').textContent()).toContain('Session: 80');
    await screenshot(page, 'technical-update-summary');
    await page.click('.modal button:has-text("Review the proposals")');
    const ins = page.locator('.resolution-editor ins.proposal[data-by="Technical update"]');
    await ins.first().waitFor();
    // The markup view labels each proposal with its delegation, inside the mark.
    const marked = (xs: string[]) => xs.map((t) => t.replace(/Technical update$/, ''));
    const inserted = marked(await ins.allTextContents());
    expect(inserted).toContain('eighty-first');
    expect(inserted).toContain(' and 79/200 of 19 December 2024');
    const deleted = marked(await page.locator('.resolution-editor del.proposal[data-by="Technical update"]').allTextContents());
    expect(deleted.some((t) => t.startsWith('eightieth')), JSON.stringify(deleted)).toBe(true);
    expect(await page.locator('.masthead').textContent()).toMatch(/Eightieth session/);
    await page.waitForSelector('.negotiation');
    expect(await page.locator('.negotiation').textContent()).toContain('Technical update');
    await screenshot(page, 'technical-update-draft');
  });
});
