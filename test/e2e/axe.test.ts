// Accessibility audit end to end: axe-core runs against the real app in both themes, in every
// side panel and every dialog, with the app's Content-Security-Policy left intact. axe's source is
// evaluated through the DevTools protocol (Playwright's evaluate), which CSP does not govern, so
// the page itself keeps refusing inline and foreign scripts while it is checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { audit } from './axe-audit.js';
import type { Page } from 'playwright-core';
import { openApp, type E2E } from './harness.js';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/a11y');
const PANELS = ['outline', 'checks', 'document', 'library', 'matches', 'negotiation', 'versions'] as const;

/** The dialogs reachable from the menus (by command id), each closed again with Escape. */
const DIALOGS = ['file.open', 'file.saveAs', 'file.printPreview', 'edit.crossRef', 'help.shortcuts', 'help.about'] as const;

let app: E2E;
beforeAll(async () => {
  app = await openApp();
  const { page } = app;
  // The starter library is built on first use, in this process (the host runs in the test's
  // process): build it before any click, so that no click waits on it.
  await page.evaluate(async () => {
    const token = sessionStorage.getItem('plenary-token') ?? '';
    await fetch('/api/library.stats', { method: 'POST', headers: { 'x-plenary-token': token }, body: '{}' });
  });
  // Some text, a proposal by a delegation and statuses, so that the markup colours are on screen.
  await page.locator('.resolution-editor p.pp').first().click();
  await page.keyboard.type('Recalling its resolution 78/1,');
  await page.locator('.resolution-editor p.op').first().click();
  await page.keyboard.type('Requests the Secretary-General to report');
  await page.click('.tabs [data-panel="negotiation"]');
  await page.check('.neg-mode input[type="checkbox"]');
  await page.selectOption('[aria-label="Delegation"]', 'EU');
  await page.locator('.resolution-editor p.op').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' on its implementation');
  await page.selectOption('[aria-label="Delegation"]', 'United States');
  await page.keyboard.type(' annually');
  await page.selectOption('[aria-label="Delegation"]', 'Russian Federation');
  await page.keyboard.type(' in writing');
  await page.waitForSelector('.resolution-editor .proposal-ins.proposal-shown');
  // A saved version, so that the Versions panel shows its list and can compare.
  await page.click('.tabs [data-panel="versions"]');
  await page.fill('[aria-label="Version name"]', 'Zero draft');
  await page.click('.versions button:has-text("Save version")');
  await page.waitForSelector('.version-list >> text=Zero draft');
}, 180_000);
afterAll(async () => app?.close());

/** Library hits with highlighted words (the panel keeps its query only while it is shown). */
async function showHits(page: Page): Promise<void> {
  await page.waitForSelector('.library-status:has-text("resolutions")', { timeout: 30_000 });
  await page.fill('.library-search input', '"oil slick"');
  await page.waitForSelector('.hit mark', { timeout: 30_000 });
}

/** Sets the theme through the document attribute the app itself sets (and persists). */
async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  const now = await page.evaluate(() => document.documentElement.dataset.theme);
  if (now === theme) return;
  await page.click('.menubar .menu > button:has-text("View")');
  await page.click('[data-command="view.toggleTheme"]');
  await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
}

describe.each(['light', 'dark'] as const)('axe, %s theme', (theme) => {
  it('finds no violation in any side panel', async () => {
    const { page } = app;
    await setTheme(page, theme);
    const found: string[] = [];
    for (const p of PANELS) {
      await page.click(`.tabs [data-panel="${p}"]`);
      await page.waitForSelector(`.tabs [data-panel="${p}"][aria-selected="true"]`);
      if (p === 'library') await showHits(page);
      await page.waitForTimeout(50);
      found.push(...(await audit(page)).map((v) => `[${p}] ${v}`));
      if (p === 'negotiation') {
        fs.mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: path.join(SHOTS, `axe-negotiation-${theme}.png`) });
      }
    }
    expect(found).toEqual([]);
  });

  it('finds no violation in any dialog', async () => {
    const { page } = app;
    await setTheme(page, theme);
    const found: string[] = [];
    for (const id of DIALOGS) {
      const top = id.startsWith('file.') ? 'File' : id.startsWith('edit.') ? 'Edit' : 'Help';
      // Open on a draft with unsaved changes first asks (window.confirm) whether to leave it.
      if (id === 'file.open') page.once('dialog', (d) => void d.accept());
      await page.click(`.menubar .menu > button:has-text("${top}")`);
      await page.click(`[data-command="${id}"]`);
      await page.waitForSelector('.modal');
      await page.waitForTimeout(50);
      found.push(...(await audit(page)).map((v) => `[${id}] ${v}`));
      await page.keyboard.press('Escape');
      await page.waitForSelector('.modal', { state: 'detached' });
    }
    // The dialogs opened from panels: a library document's source, and a comparison of versions.
    const fromPanels: [string, string, string][] = [
      ['source', 'library', '.hit button:has-text("View source")'],
      ['compare', 'versions', '.version-list button:has-text("Compare")'],
    ];
    for (const [name, panel, button] of fromPanels) {
      await page.click(`.tabs [data-panel="${panel}"]`);
      if (panel === 'library') await showHits(page);
      await page.locator(button).first().click();
      await page.waitForSelector('.modal');
      await page.waitForTimeout(50);
      found.push(...(await audit(page)).map((v) => `[${name}] ${v}`));
      await page.keyboard.press('Escape');
      await page.waitForSelector('.modal', { state: 'detached' });
    }
    expect(found).toEqual([]);
  });
});
