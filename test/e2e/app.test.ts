// The foundation end to end: the app loads in Chromium from the loopback host, the editor takes
// typing, the API answers from the page, and the page is protected by the token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, type E2E } from './harness.js';

let app: E2E;
beforeAll(async () => (app = await openApp()));
afterAll(async () => app?.close());

describe('app shell in Chromium', () => {
  it('loads with menu bar, editor, side panel and status bar', async () => {
    const { page } = app;
    await expect(page.locator('.menubar').textContent()).resolves.toContain('File');
    expect(await page.locator('.side-panel').count()).toBe(1);
    expect(await page.locator('.status-bar').textContent()).toContain('Browser mode');
    expect(await page.locator('.formula').textContent()).toBe('The General Assembly,');
  });

  it('the editor takes typing', async () => {
    const { page } = app;
    await page.locator('.resolution-editor p.pp').first().click();
    await page.keyboard.type('Recalling its resolution 78/1,');
    await expect(page.locator('.resolution-editor p.pp').first().textContent()).resolves.toBe('Recalling its resolution 78/1,');
    await expect(page.locator('.resolution-editor p.pp i.phrase').first().textContent()).resolves.toBe('Recalling');
    expect(await page.locator('.save-state').textContent()).toContain('Unsaved');
  });

  it('round-trips an API call from the page through the host; the token left the address bar at load', async () => {
    const where = await app.page.evaluate(() => ({ href: location.href, stored: sessionStorage.getItem('plenary-token') ?? '' }));
    expect(where.href).not.toContain('token=');
    expect(where.stored.length).toBeGreaterThanOrEqual(32);
    const info = await app.page.evaluate(async () => {
      const token = sessionStorage.getItem('plenary-token') ?? '';
      const r = await fetch('/api/app.info', { method: 'POST', headers: { 'x-plenary-token': token }, body: '{}' });
      return (await r.json()) as { ok: boolean; result: { dataDir: string; mode: string } };
    });
    expect(info).toMatchObject({ ok: true, result: { dataDir: app.dataDir, mode: 'browser' } });
  });

  it('a call from the page without the token is refused', async () => {
    app.expectedErrors.push('status of 401');
    const status = await app.page.evaluate(async () => (await fetch('/api/app.info', { method: 'POST', body: '{}' })).status);
    expect(status).toBe(401);
  });

  it('switches to the dark theme and back', async () => {
    const { page } = app;
    await page.click('.menubar button:has-text("View")');
    await page.click('[data-command="view.toggleTheme"]');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await screenshot(page, 'app-dark');
    await page.click('.menubar button:has-text("View")');
    await page.click('[data-command="view.toggleTheme"]');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await screenshot(page, 'app-shell');
  });
});
