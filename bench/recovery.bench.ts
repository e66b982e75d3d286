// Kill trials: how many seconds of typing a crash loses. Each trial starts a host process
// (`plenary serve`) on a fresh data folder, opens the app in Chromium, types numbered words
// continuously (30 ms a key, a fast typist), and at a random moment 3–8 s in SIGKILLs the host
// (mode "host") or the browser (mode "browser"). The recovery journal left on disk is then read:
// the typing lost is the time from the end of the last word the journal holds to the kill.
// Goal (issue 9): at most 2 s. `npm run bench -- recovery` (host) or `recovery-browser`.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { freePort, startHostProcess } from '../test/helpers/host-process.js';
import { tempDir } from '../test/helpers/tmp.js';
import { rng } from '../test/helpers/perturb.js';
import { summary } from './stats.js';

const CHROMIUM = process.env.PLENARY_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** The highest word number w<N> found in any journal of the data folder, or -1. */
function lastJournaledWord(dataDir: string): number {
  const dir = path.join(dataDir, 'recovery');
  let best = -1;
  for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!f.endsWith('.json')) continue;
    for (const m of fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/\bw(\d+)\b/g)) best = Math.max(best, Number(m[1]));
  }
  return best;
}

/** One trial; returns the seconds of typing lost. */
async function trial(mode: 'host' | 'browser', shared: Browser | null, killAfterMs: number): Promise<number> {
  const data = tempDir('plenary-bench-kill-');
  const host = await startHostProcess(data.dir, await freePort());
  // Browser mode: a browser server whose process can be SIGKILLed, like a crash.
  const server = shared ? null : await chromium.launchServer({ executablePath: CHROMIUM, args: ARGS });
  const browser = shared ?? (await chromium.connect(server!.wsEndpoint()));
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(host.url);
    await page.waitForSelector('.resolution-editor');
    await page.locator('.resolution-editor p.pp').first().click();
    const typedAt: number[] = []; // end time of each word
    const start = Date.now();
    let killedAt = 0;
    const killer = new Promise<void>((resolve) =>
      setTimeout(() => {
        killedAt = Date.now();
        if (mode === 'host') void host.kill().then(resolve);
        else {
          server?.process().kill('SIGKILL');
          resolve();
        }
      }, killAfterMs),
    );
    for (let i = 0; !killedAt; i++) {
      try {
        await page.keyboard.type(`w${i} `, { delay: 30 });
      } catch {
        break; // the browser is gone
      }
      if (!killedAt) typedAt[i] = Date.now();
    }
    await killer;
    if (mode === 'browser') await new Promise((r) => setTimeout(r, 1500)); // writes already sent still land
    else await context.close();
    const last = lastJournaledWord(data.dir);
    const savedUpTo = last >= 0 && typedAt[last] !== undefined ? typedAt[last]! : start;
    return Math.max(0, (killedAt - savedUpTo) / 1000);
  } finally {
    if (server) await server.close().catch(() => undefined);
    await host.kill();
    data.cleanup();
  }
}

/** Runs `trials` kill trials; figures in seconds of typing lost. */
export async function recoveryBench(mode: 'host' | 'browser' = 'host', trials = 20, seed = 9) {
  const rand = rng(seed);
  const shared = mode === 'host' ? await chromium.launch({ executablePath: CHROMIUM, args: ARGS }) : null;
  const lost: number[] = [];
  try {
    for (let t = 0; t < trials; t++) {
      const killAfter = Math.round(3000 + rand() * 5000);
      const s = await trial(mode, shared, killAfter);
      lost.push(Math.round(s * 1000) / 1000);
      process.stderr.write(`  trial ${t + 1}/${trials}: kill at ${killAfter} ms, ${s.toFixed(2)} s of typing lost\n`);
    }
  } finally {
    await shared?.close();
  }
  return { mode, trials, seed, goalSeconds: 2, maxSeconds: Math.max(...lost), secondsLost: summary(lost), samples: lost };
}
