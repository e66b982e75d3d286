// End-to-end harness: the real loopback host with the real services over a temp data folder,
// driven by Debian's Chromium through playwright-core.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startHost, type RunningHost } from '../../src/main/host/server.js';
import { createServices } from '../../src/main/services/index.js';
import { RENDERER_DIR } from '../../src/main/app-root.js';
import { tempDir } from '../helpers/tmp.js';
import type { ResolutionDocument } from '../../src/shared/resolution/model.js';

/**
 * Where e2e screenshots go: test-results/screenshots, so a test run never rewrites tracked files.
 * `npm run screenshots` sets PLENARY_SCREENSHOT_DIR to docs/screenshots to refresh the README's.
 */
export const SCREENSHOT_DIR = path.resolve(
  process.env.PLENARY_SCREENSHOT_DIR ?? path.resolve(import.meta.dirname, '../../test-results/screenshots'),
);

const CHROMIUM = process.env.PLENARY_CHROMIUM ?? '/usr/bin/chromium';

/** A running app and a browser page on it. */
export interface E2E {
  host: RunningHost;
  dataDir: string;
  /** A temp folder for the test's own files (downloads, fixtures); removed on close. */
  scratch: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors a test provokes on purpose (matched by substring) are not failures. */
  expectedErrors: string[];
  /** Opens the app (again) in the page and waits for the editor. */
  load(): Promise<void>;
  close(): Promise<void>;
}

/** Starts host + browser. `dataDir` may be given to share a data folder between runs. */
export async function startE2E(opts: { dataDir?: string; viewport?: { width: number; height: number } } = {}): Promise<E2E> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`The renderer is not built (${RENDERER_DIR}); run "npm run build:renderer" first.`);
  }
  const tmp = opts.dataDir ? null : tempDir('plenary-e2e-');
  const dataDir = opts.dataDir ?? tmp!.dir;
  const scratch = tempDir('plenary-e2e-scratch-');
  const api = createServices({ dataDir, mode: 'browser', version: 'e2e' });
  const host = await startHost({ api, staticDir: RENDERER_DIR });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1400, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  const watched = new WeakSet<Page>();
  const watch = (p: Page) => {
    watched.add(p);
    p.on('pageerror', (e) => errors.push(String(e)));
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
  };
  watch(page);
  const e2e: E2E = {
    host,
    dataDir,
    scratch: scratch.dir,
    browser,
    context,
    page,
    expectedErrors: [],
    async load() {
      const p = e2e.page;
      if (!watched.has(p)) watch(p);
      await p.goto(host.url);
      await p.waitForSelector('.resolution-editor');
    },
    async close() {
      await browser.close();
      await host.close();
      tmp?.cleanup();
      scratch.cleanup();
      const unexpected = errors.filter((e) => !e2e.expectedErrors.some((x) => e.includes(x)));
      if (unexpected.length) throw new Error(`The page logged errors:\n${unexpected.join('\n')}`);
    },
  };
  return e2e;
}

/** Saves a screenshot as SCREENSHOT_DIR/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Runs a command from the in-window menu bar (browser mode), e.g. menu(page, 'File', 'file.open'). */
export async function menu(page: Page, top: string, id: string): Promise<void> {
  await page.click(`.menubar .menu > button:has-text("${top}")`);
  await page.click(`[data-command="${id}"]`);
}

/** Saves `document` as a draft named `name` through the API and opens it with File › Open. */
export async function openDraft(page: Page, document: ResolutionDocument, name: string): Promise<void> {
  await page.evaluate(
    async ({ document, name }) => {
      const token = sessionStorage.getItem('plenary-token') ?? '';
      const r = await fetch('/api/drafts.save', { method: 'POST', headers: { 'x-plenary-token': token }, body: JSON.stringify({ document, name }) });
      if (!r.ok) throw new Error(await r.text());
    },
    { document, name },
  );
  await menu(page, 'File', 'file.open');
  await page.click(`.draft-list button:has-text("${name}")`);
  await page.waitForSelector('.modal', { state: 'detached' });
}

/** Starts the app for a test file: host, browser, page loaded. */
export async function openApp(opts: Parameters<typeof startE2E>[0] = {}): Promise<E2E> {
  const app = await startE2E(opts);
  await app.load();
  return app;
}

const accepting = new WeakSet<Page>();

/**
 * A new empty draft through File › New draft (accepting the "unsaved changes" question), with the
 * page's focus on nothing in particular. No reload: a reload would offer the previous draft for
 * recovery in a dialog that may appear at any time.
 */
export async function freshPage(page: Page): Promise<void> {
  if (!accepting.has(page)) {
    accepting.add(page);
    page.on('dialog', (d) => void d.accept().catch(() => undefined));
  }
  await menu(page, 'File', 'file.new');
  await page.locator('.resolution-editor p.para').nth(1).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.resolution-editor p.para').length === 2 && !document.querySelector('.modal'));
}
