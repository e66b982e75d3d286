// The command palette end to end (Ctrl+Shift+P, a fuzzy query, Enter runs the command, keys shown),
// and the registry's Edit and Print commands from the browser menu bar and the keyboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPage, menu, openApp, screenshot, type E2E } from './harness.js';

let app: E2E;
beforeAll(async () => (app = await openApp()));
afterAll(async () => app?.close());

describe('command palette', () => {
  it('opens with Ctrl+Shift+P as a combobox, finds a command fuzzily, runs it on Enter and gives the editor back', async () => {
    const { page } = app;
    await freshPage(page);
    await page.locator('.resolution-editor p.pp').first().click();
    await page.keyboard.type('Recalling');
    await page.keyboard.press('Control+Shift+P');
    const input = page.locator('.palette input[role="combobox"]');
    await input.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    expect(await page.locator('.palette [role="listbox"] [role="option"]').count()).toBeGreaterThan(40);
    expect(await page.locator('.palette [data-command="file.save"] kbd').textContent()).toBe('Ctrl+S');
    await page.keyboard.type('neg num');
    expect(await page.locator('.palette [role="option"][aria-selected="true"]').getAttribute('data-command')).toBe('edit.negotiationNumbering');
    expect(await input.getAttribute('aria-activedescendant')).toBe('palette-edit.negotiationNumbering');
    await screenshot(page, 'palette');
    await page.keyboard.press('Enter');
    await page.locator('.status-bar .badge:has-text("Negotiation numbering")').waitFor();
    expect(await page.locator('.palette').count()).toBe(0);
    // Focus is back in the text: typing continues the paragraph.
    await page.keyboard.type(' again');
    expect(await page.locator('.resolution-editor p.pp').first().textContent()).toBe('Recalling again');
  });

  it('reaches a command by arrows, and Escape closes it without running anything', async () => {
    const { page } = app;
    await page.keyboard.press('Control+Shift+P');
    await page.locator('.palette').waitFor();
    await page.keyboard.type('dark');
    await page.keyboard.press('Escape');
    expect(await page.locator('.palette').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('theme');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('dark theme');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  });

  it('runs an editor command: Move paragraph down', async () => {
    const { page } = app;
    await freshPage(page);
    await page.locator('.resolution-editor p.pp').first().click();
    await page.keyboard.type('Recalling A,');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Noting B,');
    // Ctrl+Home puts the caret in the first paragraph (not on the enacting formula before it).
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('move down');
    // The palette filters as the query is typed; wait until the command it will run is on top.
    await page.waitForFunction(() => /move paragraph down/i.test(document.querySelector('[role="listbox"] [aria-selected="true"]')?.textContent ?? ''));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.resolution-editor p.pp').allTextContents()).toEqual(['Noting B,', 'Recalling A,']);
  });
});

describe('Sections from the registry', () => {
  it('Edit › Insert part heading puts a part "I" after the paragraph, the outline shows it, and Restart numbering in this part is checked once run', async () => {
    const { page } = app;
    await freshPage(page);
    await page.locator('.resolution-editor p.op').first().click();
    await page.keyboard.type('Decides to act;');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Requests a report.');
    await page.locator('.resolution-editor p.op').first().click();
    await menu(page, 'Edit', 'edit.insertPart');
    await page.keyboard.type('Umoja');
    await page.click('.side-panel [role="tab"][data-panel="outline"]');
    await expect.poll(() => page.locator('.outline-item.outline-heading').first().textContent()).toContain('Umoja');
    expect(await page.locator('.resolution-editor h3.heading').first().textContent()).toBe('Umoja');
    await page.click('.menubar .menu > button:has-text("Edit")');
    expect(await page.locator('[data-command="edit.partRestart"]').textContent()).not.toContain('✓');
    await page.keyboard.press('Escape');
    // Ctrl+Alt+2 (the registry's key) inserts a sub-heading "A." under the part; Escape in the
    // panel gives the editor its caret back first.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Alt+2');
    await page.keyboard.type('Budget');
    await expect.poll(() => page.locator('.outline-item.outline-heading').count()).toBe(2);
    await expect.poll(() => page.locator('.outline-item.outline-heading').nth(1).textContent()).toContain('Budget');
    await menu(page, 'Edit', 'edit.partRestart');
    expect(await page.locator('.resolution-editor h3.heading.lvl1').getAttribute('data-restart')).toBe('true');
    // The menus read the app's snapshot of the editor, which follows the change.
    await expect
      .poll(async () => {
        await page.click('.menubar .menu > button:has-text("Edit")');
        const label = await page.locator('[data-command="edit.partRestart"]').textContent();
        await page.keyboard.press('Escape');
        return label;
      })
      .toContain('✓');
    await screenshot(page, 'sections-menu');
  });
});

describe('Edit and Print from the registry', () => {
  it('Edit › Select all and Undo act on the editor', async () => {
    const { page } = app;
    await freshPage(page);
    await page.locator('.resolution-editor p.pp').first().click();
    await page.keyboard.type('Recalling');
    await menu(page, 'Edit', 'edit.undo');
    expect(await page.locator('.resolution-editor p.pp').first().textContent()).toBe('');
    await menu(page, 'Edit', 'edit.redo');
    expect(await page.locator('.resolution-editor p.pp').first().textContent()).toBe('Recalling');
    await menu(page, 'Edit', 'edit.selectAll');
    await page.keyboard.type('X');
    expect(await page.locator('.resolution-editor').textContent()).not.toContain('Recalling');
  });

  it('Ctrl+P opens the preview and prints it; the preview has a Print button', async () => {
    const { page } = app;
    await freshPage(page);
    // Count print() calls of the preview frame (the frame's own window, patched as it loads).
    await page.evaluate(() => {
      const w = window as unknown as { prints: number };
      w.prints = 0;
      document.addEventListener(
        'load',
        (e) => {
          const f = e.target as HTMLIFrameElement;
          if (f.tagName === 'IFRAME' && f.contentWindow) f.contentWindow.print = () => void w.prints++;
        },
        true,
      );
    });
    await page.locator('.resolution-editor p.pp').first().click();
    await page.keyboard.press('Control+p');
    await page.getByRole('dialog', { name: 'Print preview' }).waitFor();
    await page.waitForFunction(() => (window as unknown as { prints: number }).prints === 1);
    await page.getByRole('dialog', { name: 'Print preview' }).getByRole('button', { name: 'Print…', exact: true }).click();
    expect(await page.evaluate(() => (window as unknown as { prints: number }).prints)).toBe(2);
    await page.keyboard.press('Escape');
  });
});
