/**
 * Lays the print HTML out into pages before printing (issue 13: footnotes at the foot of the
 * page that cites them). Paged.js, shipped with the app (npm `pagedjs`), runs inline in a
 * headless Chromium that is given no network (a CSP forbidding any fetch, background networking
 * off) and a throw-away profile; its DOM, once every page is laid out, is serialised, stripped of
 * scripts, and handed to the PdfPrinter, which prints it with JavaScript off.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pagedLayoutHtml, staticPagedHtml } from '../../shared/export/paged.js';
import { chromiumCandidates, HEADLESS_CHROMIUM_ARGS } from './export.js';

/** Turns print HTML into static, already paginated HTML. */
export interface Paginator {
  paginate(html: string): Promise<string>;
}

let polyfill: string | undefined;

/** The Paged.js polyfill shipped in node_modules (read once). */
export function pagedPolyfill(): string {
  if (polyfill === undefined) {
    const require = createRequire(import.meta.url);
    // The package's entry is lib/index.cjs; the polyfill build is in dist/.
    const main = require.resolve('pagedjs');
    polyfill = fs.readFileSync(path.join(path.dirname(main), '..', 'dist', 'paged.polyfill.min.js'), 'utf8');
  }
  return polyfill;
}

/** Runs Paged.js in a headless Chromium (`--dump-dom`) and returns the static paged HTML. */
export class ChromiumPaginator implements Paginator {
  constructor(private readonly executable?: string) {}

  async paginate(html: string): Promise<string> {
    const exe = this.executable ?? chromiumCandidates().find((c) => fs.existsSync(c));
    if (!exe) throw new Error('no Chromium for the page layout');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-paged-'));
    try {
      const input = path.join(dir, 'layout.html');
      fs.writeFileSync(input, pagedLayoutHtml(html, pagedPolyfill()));
      const dom = await new Promise<string>((resolve, reject) => {
        const child = spawn(
          exe,
          [
            ...HEADLESS_CHROMIUM_ARGS,
            `--user-data-dir=${path.join(dir, 'profile')}`,
            // Virtual time: timers fire at once, so the layout runs as fast as the CPU allows; the
            // DOM is dumped when the budget is spent or nothing is pending. Paged.js waits on many
            // timers per page, so the budget is large (a 14-page resolution ran out of 10 minutes);
            // the real-time limit below still holds.
            '--virtual-time-budget=100000000',
            '--dump-dom',
            `file://${input}`,
          ],
          { stdio: ['ignore', 'pipe', 'ignore'] },
        );
        const chunks: Buffer[] = [];
        child.stdout.on('data', (c: Buffer) => chunks.push(c));
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error('the page layout took more than 120 seconds'));
        }, 120_000);
        child.on('error', (e) => {
          clearTimeout(timer);
          reject(e);
        });
        child.on('exit', (code) => {
          clearTimeout(timer);
          if (code === 0) resolve(Buffer.concat(chunks).toString('utf8'));
          else reject(new Error(`Chromium exited with ${code} during the page layout`));
        });
      });
      return staticPagedHtml(dom);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}
