// Recovery per draft (issue 9, defect 3) and a dead host made visible (issue 10, item 5), in
// Chromium: each draft keeps its own journal through File › New draft, every journal is offered
// at the next start, a second window gets a warning instead of last-writer-wins, and a killed
// host is announced within seconds with the draft still downloadable and reconnectable.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { menu, openApp, type E2E } from './harness.js';
import { DraftsService } from '../../src/main/services/drafts.js';
import { emptyDocument, textBlock } from '../../src/shared/resolution/model.js';
import { parsePlenaryFile } from '../../src/shared/resolution/file.js';
import { freePort, startHostProcess, type HostProcess } from '../helpers/host-process.js';
import { tempDir } from '../helpers/tmp.js';

/** The text of every recovery journal in the data folder, by file name. */
function journals(dataDir: string): Record<string, string> {
  const dir = path.join(dataDir, 'recovery');
  const out: Record<string, string> = {};
  for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) if (f.endsWith('.json')) out[f] = fs.readFileSync(path.join(dir, f), 'utf8');
  return out;
}

describe('recovery per draft and locks', () => {
  let app: E2E;
  beforeAll(async () => {
    app = await openApp();
    const doc = emptyDocument({ title: 'First draft', kind: 'draft', organ: 'ga', language: 'en' }, (p) => `${p}1`);
    doc.preambular = [textBlock('pa', 'Recalling alpha,')];
    doc.operative = [textBlock('pb', 'Requests beta.')];
    new DraftsService(app.dataDir, 'e2e').save({ name: 'First draft', document: doc, draftId: 'dfirst' });
  });
  afterAll(async () => app?.close());

  it('defect 3: File › New draft keeps the first draft’s journal, and both are offered at the next start', async () => {
    const { page } = app;
    // Open a draft, edit it.
    await menu(page, 'File', 'file.open');
    await page.click('.draft-list button:has-text("First draft")');
    await page.waitForSelector('.resolution-editor p.op >> text=Requests beta');
    await page.locator('.resolution-editor p.op').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type(' with first edits');
    // File › New draft: the dialog promises the autosave is kept.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.message());
        void d.accept();
      }),
    );
    await menu(page, 'File', 'file.new');
    expect(await asked).toContain('kept for recovery');
    // Type in the new draft, wait 3 s.
    await page.locator('.resolution-editor p.pp').first().click();
    await page.keyboard.type('Noting the second draft');
    await page.waitForTimeout(3000);
    // The recovery folder holds both drafts, each with its own text.
    const j = journals(app.dataDir);
    expect(Object.keys(j).sort()).toHaveLength(2);
    expect(j['dfirst.json']).toContain('with first edits');
    expect(Object.entries(j).find(([k]) => k !== 'dfirst.json')?.[1]).toContain('Noting the second draft');

    // The window dies; the next start offers both (name, time, first words).
    await page.evaluate(() => (window.onbeforeunload = null));
    const next = await app.context.newPage();
    await page.close({ runBeforeUnload: false });
    app.page = next;
    await app.load();
    await next.waitForSelector('.recovery-entry:nth-child(2)', { timeout: 45_000 });
    fs.mkdirSync('test-results', { recursive: true });
    await next.screenshot({ path: path.join('test-results', 'recovery-two-drafts.png') });
    const entries = await next.locator('.recovery-entry').allTextContents();
    expect(entries.some((e) => e.includes('First draft') && e.includes('Recalling alpha, Requests beta. with first edits'))).toBe(true);
    expect(entries.some((e) => e.includes('Untitled draft') && e.includes('Noting the second draft'))).toBe(true);
    // Recovering one keeps the other listed and on disk.
    await next.click('.recovery-entry:has-text("First draft") button:has-text("Recover")');
    await next.waitForSelector('.resolution-editor p.op >> text=with first edits');
    expect(await next.locator('.recovery-entry').count()).toBe(1);
    await next.click('.modal button[aria-label="Close"]');
    expect(Object.keys(journals(app.dataDir))).toHaveLength(2);
  });

  it('a second window opening a draft that is already open gets a warning, not last-writer-wins', async () => {
    const second = await app.context.newPage();
    await second.goto(app.host.url);
    await second.waitForSelector('.resolution-editor');
    // The first window (app.page) holds "First draft"; any stale offer in the new one is dismissed.
    if (await second.locator('.modal:has-text("Recover unsaved work")').count()) await second.click('.modal button[aria-label="Close"]');
    await menu(second, 'File', 'file.open');
    await second.click('.draft-list button:has-text("First draft")');
    await second.waitForSelector('.modal:has-text("This draft is already open")');
    expect(await second.locator('.modal').textContent()).toContain(`process ${process.pid}`);
    await second.screenshot({ path: path.join('test-results', 'draft-locked.png') });
    await second.click('.modal button:has-text("Open a copy")');
    await second.waitForSelector('.resolution-editor p.op >> text=Requests beta');
    await second.locator('.resolution-editor p.op').first().click();
    await second.keyboard.press('End');
    await second.keyboard.type(' copy edits');
    await second.waitForTimeout(2500);
    // The first window's journal is untouched by the copy; the copy has its own.
    const j = journals(app.dataDir);
    expect(j['dfirst.json']).toContain('with first edits');
    expect(j['dfirst.json']).not.toContain('copy edits');
    expect(Object.values(j).some((t) => t.includes('copy edits'))).toBe(true);
    await second.evaluate(() => (window.onbeforeunload = null));
    await second.close({ runBeforeUnload: false });
  });

  it('a save that fails because the draft’s folder is gone keeps the journal and says where the work is', async () => {
    const { page } = app; // holds the recovered "First draft" with unsaved edits
    const drafts = path.join(app.dataDir, 'drafts');
    const moved = path.join(app.dataDir, 'drafts-moved');
    fs.renameSync(drafts, moved);
    try {
      await page.locator('.resolution-editor p.op').first().click();
      await page.keyboard.press('Control+s');
      const toast = page.locator('.toast.error');
      await toast.waitFor();
      expect(await toast.textContent()).toContain(`does not exist`);
      expect(await toast.textContent()).toContain(`recovery journal ${path.join(app.dataDir, 'recovery', 'dfirst.json')}`);
      expect(await page.locator('.save-state').textContent()).toContain('Unsaved');
      expect(journals(app.dataDir)['dfirst.json']).toContain('with first edits');
    } finally {
      fs.renameSync(moved, drafts);
    }
    // With the folder back, the save succeeds and only then is the journal removed.
    await page.keyboard.press('Control+s');
    await page.waitForSelector('.save-state:has-text("Saved")');
    await expect.poll(() => 'dfirst.json' in journals(app.dataDir)).toBe(false);
    expect(fs.readFileSync(path.join(drafts, 'First draft.plenary'), 'utf8')).toContain('with first edits');
  });
});

describe('a dead host is visible at once', () => {
  let browser: Browser;
  let host: HostProcess | null = null;
  const data = tempDir('plenary-e2e-dead-');
  const scratch = tempDir('plenary-e2e-dead-dl-');
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: process.env.PLENARY_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await host?.kill();
    data.cleanup();
    scratch.cleanup();
  });

  it('the host is killed while typing: the tab says so within 5 s, the draft downloads, a restarted host reconnects', async () => {
    const port = await freePort();
    host = await startHostProcess(data.dir, port);
    const context = await browser.newContext({ acceptDownloads: true });
    const page: Page = await context.newPage();
    await page.goto(host.url);
    await page.waitForSelector('.resolution-editor');
    await page.locator('.resolution-editor p.pp').first().click();
    await page.keyboard.type('Recalling the text typed before the crash');
    await host.kill();
    const killedAt = Date.now();
    await page.keyboard.type(' and after it');
    await page.waitForSelector('.host-banner', { timeout: 5000 });
    const noticedMs = Date.now() - killedAt;
    expect(noticedMs).toBeLessThan(5000);
    expect(await page.locator('.host-banner').textContent()).toContain('NOT being saved');
    fs.mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: path.join('test-results', 'host-lost.png') });
    const state = await page.locator('.save-state').textContent();
    expect(state).not.toContain('autosaved for recovery');
    expect(state).toContain('NOT saved');
    // The draft can be downloaded, with everything typed.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.host-banner button:has-text("Download the draft")')]);
    const file = path.join(scratch.dir, 'draft.plenary');
    await download.saveAs(file);
    const saved = parsePlenaryFile(fs.readFileSync(file, 'utf8'));
    expect(JSON.stringify(saved.document.preambular)).toContain('Recalling the text typed before the crash and after it');
    // A restarted host (new token) on the same port: reconnect by pasting its address.
    host = await startHostProcess(data.dir, port);
    await page.click('.host-banner button:has-text("Reconnect")');
    await page.fill('input[aria-label="New address"]', host.url);
    await page.click('.modal button[type="submit"]');
    await page.waitForSelector('.host-banner', { state: 'detached', timeout: 30_000 });
    expect(await page.locator('.resolution-editor p.pp').first().textContent()).toContain('before the crash and after it');
    expect(await page.locator('.save-state').textContent()).toContain('autosaved for recovery');
    // The new host journals the tab's text.
    await expect.poll(() => Object.values(journals(data.dir)).some((t) => t.includes('and after it')), { timeout: 30_000 }).toBe(true);
    await page.evaluate(() => (window.onbeforeunload = null));
    await context.close();
  }, 240_000);
});
