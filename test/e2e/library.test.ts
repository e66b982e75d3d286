// The library end to end: the starter library is searchable at once; filters narrow the hits;
// a hit is inserted at the cursor as agreed language with its provenance; editing it shows the
// deviation from the source; the agreed-language panel matches what is typed; files are
// imported through the browser's file picker, duplicates skipped, bad files reported; a picked
// folder's importable files are imported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import fs from 'node:fs';
import { openApp, screenshot, type E2E } from './harness.js';
import { CORPUS } from '../helpers/corpus.js';

let app: E2E;
beforeAll(async () => (app = await openApp()));
afterAll(async () => app?.close());

describe('agreed language', () => {
  it('searches the starter library as the delegate types, and filters', async () => {
    const { page } = app;
    await page.click('.tabs [data-panel="library"]');
    await page.waitForSelector('.library-status:has-text("resolutions")', { timeout: 30_000 });
    expect(await page.locator('.library-status').textContent()).toMatch(/659 resolutions/);
    await page.fill('.library-search input', '"oil slick"');
    await page.waitForSelector('.hit');
    const symbols = await page.$$eval('.hit .hit-symbol', (s) => s.map((x) => x.textContent));
    expect(new Set(symbols)).toEqual(new Set(['A/RES/78/143', 'A/RES/79/200']));
    expect(await page.locator('.hit mark').first().textContent()).toMatch(/oil slick/i);
    await page.click('.filter-toggle');
    await page.fill('[aria-label="Session from"]', '79');
    await page.selectOption('[aria-label="Kind"]', 'op');
    await page.waitForFunction(() => [...document.querySelectorAll('.hit .hit-symbol')].every((s) => s.textContent === 'A/RES/79/200'));
    const desig = await page.$$eval('.hit .hit-desig', (s) => s.map((x) => x.textContent ?? ''));
    expect(desig.length).toBeGreaterThan(0);
    expect(desig.every((d) => d.startsWith('OP'))).toBe(true);
    await screenshot(page, 'library-search');
  });

  it('inserts a hit at the cursor with its provenance, then shows the deviation once edited', async () => {
    const { page } = app;
    await page.fill('.library-search input', 'Recognizes the multidimensionality');
    await page.waitForSelector('.hit:has-text("OP9")');
    await page.locator('.resolution-editor p.op').first().click();
    await page.locator('.hit', { hasText: 'OP9' }).first().locator('button:has-text("Insert")').click();
    const inserted = page.locator('.resolution-editor p.op[data-provenance]');
    await expect(inserted.count()).resolves.toBe(1);
    expect(await inserted.getAttribute('data-provenance')).toContain('"symbol":"A/RES/79/200"');
    expect(await inserted.textContent()).toMatch(/^Recognizes the multidimensionality of the adverse impact of the oil slick/);

    await inserted.click();
    await page.click('.tabs [data-panel="matches"]');
    await page.waitForSelector('.provenance.same');
    expect(await page.locator('.prov-head').textContent()).toContain('A/RES/79/200');

    // Edit the agreed language: the panel shows the difference from the source.
    await inserted.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type(', and to keep the matter under review at its eighty-first session');
    await page.waitForSelector('.provenance.changed');
    // The panel follows the text a moment after typing stops.
    await page.waitForFunction(() => [...document.querySelectorAll('.prov-diff ins')].some((e) => e.textContent?.includes('eighty-first session')));
    expect(await page.locator('.prov-head').textContent()).toContain('A/RES/79/200, OP9');
    await screenshot(page, 'agreed-language');
  });

  it('shows the closest adopted paragraphs for what is typed, and uses one with provenance', async () => {
    const { page } = app;
    await page.locator('.resolution-editor p.op').last().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Requests the Secretary-General to report to the General Assembly at its eighty-first session on the implementation of this important resolution');
    // Matches follow the text a moment after typing stops; wait for the finished sentence's.
    await page.waitForFunction(() => {
      const s = document.querySelector('.match .score')?.textContent ?? '0';
      const first = document.querySelector('.match');
      return Number(s.replace('%', '')) > 85 && [...(first?.querySelectorAll('.hit-snippet ins') ?? [])].some((e) => e.textContent?.includes('important'));
    });
    const first = page.locator('.match').first();
    expect(await first.locator('.hit-snippet ins').count()).toBeGreaterThan(0);
    const symbol = (await first.locator('.hit-symbol').textContent()) ?? '';
    await first.locator('button:has-text("Use adopted text")').click();
    await page.waitForSelector('.provenance.same');
    expect(await page.locator('.prov-head').textContent()).toContain(symbol);
  });

  it('opens the whole source resolution read-only', async () => {
    const { page } = app;
    await page.locator('.match').first().locator('button:has-text("View source")').click();
    await page.waitForSelector('.source-viewer .highlight');
    expect(await page.locator('.source-viewer .formula').textContent()).toBe('The General Assembly,');
    await page.keyboard.press('Escape');
  });

  it('imports files from the file picker: new ones imported, duplicates skipped, bad files explained', async () => {
    const { page } = app;
    const bad = path.join(app.scratch, 'notes.docx');
    fs.writeFileSync(bad, Buffer.from('PK\u0003\u0004 this is not really a Word file'));
    await page.click('.tabs [data-panel="library"]');
    await page.setInputFiles('[data-testid="import-input"]', [
      path.join(CORPUS, 'sc-en', 'S_RES_0242_1967_EN_GOLD.txt'),
      path.join(CORPUS, 'ga-en', 'A_RES_79_200.txt'),
      bad,
    ]);
    await page.waitForSelector('.modal:has-text("Import finished")', { timeout: 30_000 });
    expect(await page.locator('.import-counts').textContent()).toBe('Imported 1, skipped 1, failed 1.');
    expect(await page.locator('.import-failed').textContent()).toContain('notes.docx');
    expect(await page.locator('.import-skipped').textContent()).toContain('already in the library');
    await page.click('.modal button:has-text("Close")');
    await page.fill('.library-search input', 'inadmissibility acquisition territory war');
    await page.waitForSelector('.hit .hit-symbol:has-text("S/RES/242 (1967)")');
  });

  it('imports a picked folder: only importable files, sent in chunks, summary at the end', async () => {
    const { page } = app;
    const folder = path.join(app.scratch, 'picked-folder');
    fs.mkdirSync(path.join(folder, 'nested'), { recursive: true });
    const text = (n: number) => `The General Assembly,\n\nRecalling the folder test ${n} of Plenary,\n\n1. Decides to consider folder question ${n} at its next session.\n`;
    fs.writeFileSync(path.join(folder, 'first.txt'), text(9101));
    fs.writeFileSync(path.join(folder, 'nested', 'second.txt'), text(9102));
    fs.writeFileSync(path.join(folder, 'nested', 'picture.bin'), 'not a resolution');
    await page.setInputFiles('[data-testid="import-folder-input"]', folder);
    await page.waitForSelector('.modal:has-text("Import finished")', { timeout: 30_000 });
    expect(await page.locator('.import-counts').textContent()).toBe('Imported 2, skipped 0, failed 0.');
    await page.click('.modal button:has-text("Close")');
  });
});
