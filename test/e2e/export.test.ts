// Export from the app in browser mode: File > Export downloads each format; the print preview
// shows the document as printed; a French draft exports with the French masthead.
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


async function download(page: Page, id: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), menu(page, 'File', id)]);
  const file = path.join(app.scratch, d.suggestedFilename());
  await d.saveAs(file);
  return file;
}

describe('export from the app', () => {
  it('opens an official resolution as a draft and downloads Word, PDF, HTML, text and Akoma Ntoso', async () => {
    const { page } = app;
    await menu(page, 'File', 'file.open');
    await page.setInputFiles('.modal input[type="file"]', path.join(CORPUS, 'ga-en', 'A_RES_79_200.txt'));
    await page.waitForSelector('.resolution-editor p.op >> text=Takes note');
    expect(await page.locator('.mh-symbol').textContent()).toBe('A/RES/79/200');

    const docx = await download(page, 'export.docx');
    expect(path.basename(docx)).toBe('A_RES_79_200.docx');
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    const pdf = await download(page, 'export.pdf');
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('Oil slick on Lebanese shores');
    const html = await download(page, 'export.html');
    expect(fs.readFileSync(html, 'utf8')).toContain('<i>Recalling</i>');
    const txt = await download(page, 'export.txt');
    expect(fs.readFileSync(txt, 'utf8')).toMatch(/\*?The General Assembly\*?,/);
    const akn = await download(page, 'export.akn');
    expect(fs.readFileSync(akn, 'utf8')).toContain('<akomaNtoso');
  });

  it('shows a print preview of the document as it will print', async () => {
    const { page } = app;
    await menu(page, 'File', 'file.printPreview');
    const frame = page.frameLocator('.preview-frame');
    await expect(frame.locator('body').textContent()).resolves.toContain('Resolution adopted by the General Assembly');
    await screenshot(page, 'print-preview');
    await page.keyboard.press('Escape');
  });
});
