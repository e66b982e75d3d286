// Keyboard all the way, end to end, with page.keyboard only (no mouse event, no click): the whole
// main flow (new draft, two PPs, three OPs with a subparagraph, insert from the library, set a
// status, export .docx), the F6 regions, the menubar pattern, the side panel's tablist, dialogs
// that trap focus and give it back, the Ctrl+M Tab mode, what a screen reader is told, and the
// layout at 1,024 × 768 and at 200 % zoom (screenshots under test-results/).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { openApp, type E2E } from './harness.js';
import { audit } from './axe-audit.js';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/a11y');
let app: E2E;

/** Where focus is: a short description the assertions read. */
async function focusIn(page: Page): Promise<string> {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    if (!a || a === document.body) return 'body';
    if (a.closest('.resolution-editor')) return 'editor';
    if (a.closest('[role="dialog"]')) return 'dialog';
    if (a.closest('.menubar')) return `menubar:${a.closest('.menu-list') ? 'item' : 'top'}:${a.dataset.command ?? a.textContent}`;
    if (a.closest('.side-panel')) return `panel:${a.getAttribute('role') === 'tab' ? `tab:${a.dataset.panel}` : a.getAttribute('aria-label') || a.tagName.toLowerCase()}`;
    if (a.closest('.status-bar')) return 'status';
    return a.tagName.toLowerCase();
  });
}

/** The text of the paragraph holding the caret (the DOM selection), to check the caret came back. */
async function caretParagraph(page: Page): Promise<string> {
  return page.evaluate(() => (getSelection()?.anchorNode?.parentElement?.closest('p')?.textContent ?? '').trim());
}

/** Presses Tab until `pred` holds for the focused element (at most `max` times). */
async function tabUntil(page: Page, pred: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate(pred)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${pred}; focus is ${await focusIn(page)}`);
}

beforeAll(async () => {
  app = await openApp({ viewport: { width: 1024, height: 768 } });
  // The starter library is built on first use in this process (the host runs here): build it now.
  await app.page.evaluate(async () => {
    const token = sessionStorage.getItem('plenary-token') ?? '';
    await fetch('/api/library.stats', { method: 'POST', headers: { 'x-plenary-token': token }, body: '{}' });
  });
}, 180_000);
afterAll(async () => app?.close());

describe('the main flow with the keyboard alone', () => {
  it('new draft, two PPs, three OPs with a subparagraph', async () => {
    const { page } = app;
    await page.keyboard.press('F6');
    expect(await focusIn(page)).toMatch(/^menubar:top:/);
    await page.keyboard.press('F6');
    expect(await focusIn(page)).toBe('editor');

    // Alt+F opens File on its first item; "n" is New draft's access key.
    await page.keyboard.press('Alt+f');
    expect(await focusIn(page)).toBe('menubar:item:file.new');
    expect(await page.locator('[data-command="file.new"] u.access-key').textContent()).toBe('N');
    await page.keyboard.press('n');
    expect(await focusIn(page)).toBe('editor');

    await page.keyboard.type('Recalling its resolution 78/1');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Noting with concern the report of the Secretary-General');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('Requests the Secretary-General to report on implementation');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Calls upon all Member States');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.type('to cooperate fully with the Special Rapporteur');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('Decides to remain seized of the matter');
    await page.waitForFunction(() => document.querySelectorAll('.resolution-editor p.op.lvl0').length === 3);

    expect(await page.locator('.resolution-editor p.pp').count()).toBe(2);
    expect(await page.locator('.resolution-editor p.op.lvl1').count()).toBe(1);
    // What a screen reader hears about each paragraph: its kind and number.
    const said = await page.$$eval('.resolution-editor p.para', (ps) => ps.map((p) => p.getAttribute('aria-description')));
    expect(said).toEqual(['preambular paragraph 1', 'preambular paragraph 2', 'operative paragraph 1', 'operative paragraph 2', 'subparagraph (a) of operative paragraph 2', 'operative paragraph 3']);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'keyboard-1024x768.png') });
  });

  it('Alt+Up moves a paragraph and the move is announced', async () => {
    const { page } = app;
    await page.keyboard.press('Alt+ArrowUp');
    await page.waitForFunction(() => document.getElementById('plenary-announcer')?.textContent?.includes('Now operative paragraph 2'));
    expect(await page.locator('#plenary-announcer').textContent()).toBe('Now operative paragraph 2. 2 paragraphs renumbered.') // OP2 and its subparagraph (a) became OP3, OP3 (a)
    expect(await audit(page)).toEqual([]); // the live region, now speaking, sits in the status bar's landmark;
    await page.keyboard.press('Alt+ArrowDown');
    await page.waitForFunction(() => document.getElementById('plenary-announcer')?.textContent?.includes('Now operative paragraph 3'));
    expect(await caretParagraph(page)).toBe('Decides to remain seized of the matter'); // the caret never left it: no end punctuation yet
  });

  it('Ctrl+M makes Tab leave the editor; Escape in the side panel returns at the same caret', async () => {
    const { page } = app;
    const before = await caretParagraph(page);
    await page.keyboard.press('Control+m');
    expect(await page.locator('.status-bar .tab-mode').textContent()).toBe('Tab moves focus');
    await page.waitForFunction(() => document.getElementById('plenary-announcer')?.textContent === 'Tab moves focus.');
    await page.keyboard.press('Tab');
    expect(await focusIn(page)).not.toBe('editor');
    expect(await page.locator('.resolution-editor p.op.lvl1').count()).toBe(1); // nothing was demoted
    await page.keyboard.press('F6'); // to the next region from wherever Tab went
    await tabUntil(page, `document.activeElement?.closest('.side-panel') !== null`);
    await page.keyboard.press('Escape');
    expect(await focusIn(page)).toBe('editor');
    expect(await caretParagraph(page)).toBe(before);
    await page.keyboard.press('Control+m');
    expect(await page.locator('.status-bar .tab-mode').textContent()).toBe('Tab demotes');
  });

  it('inserts agreed language from the library', async () => {
    const { page } = app;
    await page.keyboard.press('F6');
    expect(await focusIn(page)).toBe('panel:tab:outline');
    await page.keyboard.press('ArrowRight');
    expect(await focusIn(page)).toBe('panel:tab:library');
    await page.keyboard.press('Tab');
    expect(await focusIn(page)).toBe('panel:Search the library');
    await page.keyboard.type('Recognizes the multidimensionality');
    await page.waitForSelector('.hit', { timeout: 30_000 });
    await tabUntil(page, `document.activeElement?.closest('.hit') !== null && document.activeElement.textContent.trim() === 'Insert'`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.resolution-editor p.op[data-provenance]');
    expect(await page.locator('.resolution-editor p.op[data-provenance]').textContent()).toMatch(/^Recognizes the multidimensionality/);
    await page.keyboard.press('Escape');
    expect(await focusIn(page)).toBe('editor');
  });

  it('sets a paragraph status', async () => {
    const { page } = app;
    await page.keyboard.press('F6');
    expect(await focusIn(page)).toBe('panel:tab:library');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focusIn(page)).toBe('panel:tab:negotiation');
    await tabUntil(page, `document.activeElement?.getAttribute('aria-label') === 'Status'`);
    await page.keyboard.type('a'); // "agreed", chosen by typing as in any select
    await page.waitForSelector('.resolution-editor p[data-status="agreed"]');
    expect(await page.locator('.resolution-editor p[data-status="agreed"]').count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await focusIn(page)).toBe('editor');
  });

  it('exports .docx from the File menu', async () => {
    const { page } = app;
    await page.keyboard.press('Alt+f');
    expect(await audit(page)).toEqual([]); // an open menu, too
    for (let i = 0; i < 20 && (await focusIn(page)) !== 'menubar:item:export.docx'; i++) await page.keyboard.press('ArrowDown');
    expect(await focusIn(page)).toBe('menubar:item:export.docx');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.keyboard.press('Enter')]);
    const file = path.join(app.scratch, download.suggestedFilename());
    await download.saveAs(file);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const words of ['Recalling', 'Noting with concern', 'Calls upon all Member States', 'to cooperate fully with the Special Rapporteur', 'Recognizes the multidimensionality', 'Decides to remain seized of the matter']) {
      expect(text).toContain(words);
    }
    expect(await focusIn(page)).toBe('editor');
  });
});

describe('regions, menus and dialogs', () => {
  it('F6 and Shift+F6 cycle menu bar, editor, side panel, status bar', async () => {
    const { page } = app;
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('F6');
      seen.push((await focusIn(page)).split(':')[0]!);
    }
    expect(seen).toEqual(['panel', 'status', 'menubar', 'editor']);
    await page.keyboard.press('Shift+F6');
    expect((await focusIn(page)).split(':')[0]).toBe('menubar');
    await page.keyboard.press('Shift+F6');
    expect(await focusIn(page)).toBe('status');
    await page.keyboard.press('Escape');
    expect(await focusIn(page)).toBe('editor');
  });

  it('F10 and Alt alone focus the menu bar; arrows, Home/End and Escape follow the menubar pattern', async () => {
    const { page } = app;
    const caret = await caretParagraph(page);
    await page.keyboard.press('F10');
    expect(await focusIn(page)).toBe('menubar:top:File');
    await page.keyboard.press('ArrowRight');
    expect(await focusIn(page)).toBe('menubar:top:Edit');
    await page.keyboard.press('ArrowDown');
    expect(await focusIn(page)).toBe('menubar:item:edit.undo');
    await page.keyboard.press('End');
    expect(await focusIn(page)).toBe('menubar:item:edit.partRestart');
    await page.keyboard.press('ArrowDown');
    expect(await focusIn(page)).toBe('menubar:item:edit.undo');
    await page.keyboard.press('ArrowRight');
    expect(await focusIn(page)).toBe('menubar:item:view.outline');
    await page.keyboard.press('Escape');
    expect(await focusIn(page)).toBe('menubar:top:View');
    expect(await page.locator('.menu-list').count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(await focusIn(page)).toBe('editor');
    expect(await caretParagraph(page)).toBe(caret);
    await page.keyboard.press('Alt');
    expect(await focusIn(page)).toBe('menubar:top:View');
    await page.keyboard.press('Alt');
    expect(await focusIn(page)).toBe('editor');
  });

  it('a dialog traps Tab and gives focus back to the editor at the same caret', async () => {
    const { page } = app;
    const caret = await caretParagraph(page);
    await page.keyboard.press('Alt+h');
    expect(await focusIn(page)).toBe('menubar:item:help.shortcuts');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[role="dialog"]');
    expect(await page.locator('[role="dialog"]').textContent()).toContain('F6');
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      expect(await focusIn(page)).toBe('dialog');
    }
    await page.keyboard.press('Shift+Tab');
    expect(await focusIn(page)).toBe('dialog');
    await page.keyboard.press('F6'); // regions stand aside while a dialog is open
    expect(await focusIn(page)).toBe('dialog');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[role="dialog"]', { state: 'detached' });
    expect(await focusIn(page)).toBe('editor');
    expect(await caretParagraph(page)).toBe(caret);
  });
});

describe('layout', () => {
  it('at 1,024 × 768 and at 200 % zoom the side panel and the status bar stay inside the window', async () => {
    const { page } = app;
    for (const [name, viewport, scale] of [
      ['1024x768', { width: 1024, height: 768 }, 1],
      ['zoom200-1280x800', { width: 640, height: 400 }, 2],
      ['zoom200-1024x768', { width: 512, height: 384 }, 2],
    ] as const) {
      const ctx = await app.browser.newContext({ viewport, deviceScaleFactor: scale });
      const p = await ctx.newPage();
      await p.goto(app.host.url);
      await p.waitForSelector('.resolution-editor');
      const boxes = await p.evaluate(() =>
        ['.side-panel', '.status-bar', '.menubar', '.page-scroll'].map((s) => {
          const r = document.querySelector(s)!.getBoundingClientRect();
          return { s, right: Math.round(r.right), bottom: Math.round(r.bottom), width: Math.round(r.width) };
        }),
      );
      for (const b of boxes) {
        expect(b.right, `${name} ${b.s}`).toBeLessThanOrEqual(viewport.width);
        expect(b.bottom, `${name} ${b.s}`).toBeLessThanOrEqual(viewport.height);
        expect(b.width, `${name} ${b.s}`).toBeGreaterThan(0);
      }
      await p.screenshot({ path: path.join(SHOTS, `layout-${name}.png`) });
      await ctx.close();
    }
    void page;
  });
});
