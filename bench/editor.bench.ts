// Editor keystroke benchmark: one keystroke's transaction with renumbering and decorations on a
// 400-paragraph draft built from the corpus, in Chromium; baseline a bare ProseMirror editor.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { corpusDraft } from './corpus.js';
import { summary } from './stats.js';

const CHROMIUM = process.env.PLENARY_CHROMIUM ?? '/usr/bin/chromium';

/** Runs the benchmark; returns the figures. */
export async function editorBench(keystrokes = 500) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-bench-'));
  await build({ root: path.resolve(import.meta.dirname, 'editor'), base: './', logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
  const doc = corpusDraft(100, 300);
  const server = http.createServer((req, res) => {
    const file = path.join(out, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const f = fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(out, 'index.html');
    res.writeHead(200, { 'content-type': f.endsWith('.js') ? 'text/javascript' : f.endsWith('.css') ? 'text/css' : 'text/html' });
    fs.createReadStream(f).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const page = await browser.newPage();
    await page.addInitScript((d) => {
      (window as unknown as { __BENCH_DOC__: unknown }).__BENCH_DOC__ = d;
    }, doc);
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => typeof (window as unknown as { runBench?: unknown }).runBench === 'function');
    const r = await page.evaluate((n) => (window as unknown as { runBench: (n: number) => { plenary: number[]; plenaryLayout: number[]; baseline: number[]; paragraphs: number } }).runBench(n), keystrokes);
    const plenary = summary(r.plenary);
    const baseline = summary(r.baseline);
    return {
      paragraphs: r.paragraphs,
      keystrokes,
      plenary,
      plenaryWithLayout: summary(r.plenaryLayout),
      baseline,
      ratioMedian: Math.round((plenary.median / baseline.median) * 10) / 10,
      targetMedianMs: 16,
      meetsTarget: plenary.median < 16,
    };
  } finally {
    await browser.close();
    server.close();
    fs.rmSync(out, { recursive: true, force: true });
  }
}
