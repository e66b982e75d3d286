// The interface language end to end: `plenary serve --ui-lang fr` serves a French interface, the
// language chosen in View › Interface language applies at once and survives a reload, and the
// document's language does not follow the interface's. Screenshots in French and Spanish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { menu, openApp, screenshot, type E2E } from './harness.js';
import { freePort, startHostProcess } from '../helpers/host-process.js';
import { tempDir } from '../helpers/tmp.js';
import { CORPUS } from '../helpers/corpus.js';

const CHROMIUM = process.env.PLENARY_CHROMIUM ?? '/usr/bin/chromium';

describe('plenary serve --ui-lang fr', () => {
  it('serves a French interface: menus read Fichier, Édition; the draft stays English', { timeout: 180_000 }, async () => {
    const data = tempDir('plenary-e2e-uilang-');
    const host = await startHostProcess(data.dir, await freePort(), 150_000, ['--ui-lang', 'fr']);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    try {
      // The browser itself says English: only --ui-lang can make the interface French.
      const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await page.goto(host.url);
      await page.waitForSelector('.resolution-editor');
      await page.waitForSelector('.menubar .menu > button:has-text("Fichier")');
      const tops = await page.locator('.menubar .menu > button').allTextContents();
      expect(tops).toEqual(['Fichier', 'Édition', 'Affichage', 'Aide']);
      expect(await page.locator('.side-panel [role="tab"]').first().textContent()).toBe('Plan');
      expect(await page.locator('.status-bar').textContent()).toContain('Mode navigateur');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
      // The document's language is its own: an English draft keeps its English formula.
      expect(await page.locator('.formula').textContent()).toBe('The General Assembly,');
      // …but the screen reader describes it, and the keyboard controls speak, in the interface's.
      expect(await page.locator('.resolution-editor p.op').first().getAttribute('aria-description')).toMatch(/^paragraphe (\d+ )?du dispositif$/);
      expect(await page.locator('.tab-mode').textContent()).toBe('Tab abaisse');
      expect(await page.locator('[role="menubar"]').getAttribute('aria-label')).toBe('Barre de menus');
      await page.click('.menubar .menu > button:has-text("Édition")');
      expect(await page.locator('[data-command="edit.find"]').textContent()).toBe('Rechercher et remplacer…Ctrl+F');
      await page.keyboard.press('Escape');
    } finally {
      await browser.close();
      await host.kill();
      data.cleanup();
    }
  });

  it('refuses an interface language it does not have, with a usage error', async () => {
    const data = tempDir('plenary-e2e-uilang-bad-');
    try {
      await expect(startHostProcess(data.dir, await freePort(), 150_000, ['--ui-lang', 'de'])).rejects.toThrow(/--ui-lang must be one of en, fr, es, not "de"/);
    } finally {
      data.cleanup();
    }
  }, 180_000);
});

describe('choosing the interface language in the app', () => {
  let app: E2E;
  beforeAll(async () => (app = await openApp()));
  afterAll(async () => app?.close());

  it('starts in English, switches to Spanish from View › Interface language, and keeps it after a reload', async () => {
    const { page } = app;
    expect(await page.locator('.menubar .menu > button').allTextContents()).toEqual(['File', 'Edit', 'View', 'Help']);
    await menu(page, 'View', 'view.uiLanguage');
    await page.selectOption('[data-testid="ui-lang"]', 'es');
    await page.waitForSelector('.menubar .menu > button:has-text("Archivo")');
    expect(await page.locator('.menubar .menu > button').allTextContents()).toEqual(['Archivo', 'Edición', 'Ver', 'Ayuda']);
    await page.keyboard.press('Escape');

    // Reloaded before any typing, so no recovery offer comes over the page.
    await app.load();
    await page.waitForSelector('.menubar .menu > button:has-text("Archivo")');
    expect(await page.locator('.formula').textContent()).toBe('The General Assembly,');
    expect(await page.locator('.status-bar').textContent()).toMatch(/0 palabras/);

    await page.locator('.resolution-editor p.op').first().click();
    await page.keyboard.type('Decides to remain seized of the matter');
    await page.click('.side-panel [role="tab"][data-panel="checks"]');
    await page.waitForSelector('.checks-head');
    await page.waitForFunction(() => /7 palabras/.test(document.querySelector('.status-bar')?.textContent ?? ''));
    await screenshot(page, 'ui-es');
  });

  it('switches to French; the screenshot shows the French File menu', async () => {
    const { page } = app;
    await menu(page, 'Ver', 'view.uiLanguage');
    await page.selectOption('[data-testid="ui-lang"]', 'fr');
    await page.waitForSelector('.menubar .menu > button:has-text("Fichier")');
    await page.keyboard.press('Escape');
    await page.click('.side-panel [role="tab"][data-panel="outline"]');
    // Texts the shell derives from the document follow the language too (the empty PP's "(vide)").
    expect(await page.locator('.outline-item').first().textContent()).toContain('(vide)');
    await page.click('.toast button'); // the "Langue de l’interface" notice would hide the page
    await page.click('.menubar .menu > button:has-text("Fichier")');
    expect(await page.locator('[data-command="file.saveAs"]').textContent()).toBe('Enregistrer sous…Ctrl+Shift+S');
    await screenshot(page, 'ui-fr');
    await page.keyboard.press('Escape');

    // A file opened in browser mode has no path: the title names the file (it said "Projet sans titre").
    page.once('dialog', (d) => void d.accept()); // the typed text is not saved
    await menu(page, 'Fichier', 'file.open');
    await page.setInputFiles('.modal input[type="file"]', path.join(CORPUS, 'ga-en', 'A_RES_79_200.txt'));
    await page.waitForSelector('.resolution-editor p.op >> text=Takes note');
    await page.waitForFunction(() => document.title.includes('A_RES_79_200.txt'));
    expect(await page.locator('.menubar').textContent()).toContain('A_RES_79_200.txt');
    expect(await page.locator('.menubar').textContent()).not.toContain('Projet sans titre');

    await menu(page, 'Affichage', 'view.uiLanguage');
    await page.selectOption('[data-testid="ui-lang"]', 'en');
    await page.waitForSelector('.menubar .menu > button:has-text("File")');
    await page.keyboard.press('Escape');
  });
});
