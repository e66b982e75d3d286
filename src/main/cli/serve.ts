/**
 * `plenary serve [--port N] [--data DIR] [--ui-lang en|fr|es]`: browser mode. Starts the loopback host with the real
 * services, prints `Plenary is running at http://127.0.0.1:PORT/?token=…`, opens the default
 * browser unless BROWSER=none, and stops cleanly on Ctrl-C.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { APP_ROOT, APP_VERSION, RENDERER_DIR } from '../app-root.js';
import { createServices } from '../services/index.js';
import { resolveDataDir } from '../services/paths.js';
import { startHost } from '../host/server.js';
import { parseCommandArgs, parsePort, UsageError } from './args.js';
import { isUiLang, UI_LANGS } from '../../shared/i18n/index.js';
import type { Command } from './index.js';

/** Builds the renderer when a source checkout has no build yet. */
function ensureRendererBuilt(stderr: NodeJS.WritableStream): void {
  if (fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) return;
  const viteBin = path.join(APP_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!fs.existsSync(viteBin)) throw new Error(`The renderer is not built and Vite is not installed (${RENDERER_DIR}).`);
  stderr.write('Building the user interface (first run)…\n');
  const r = spawnSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], { cwd: APP_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('Building the user interface failed (see above).');
}

/** Opens `url` in the default browser, unless BROWSER=none; failures are ignored (the URL is printed). */
export function openBrowser(url: string, env: NodeJS.ProcessEnv): void {
  const browser = env.BROWSER;
  if (browser === 'none') return;
  const [cmd, args] = browser
    ? [browser, [url]]
    : process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    /* no browser launcher: the printed URL is enough */
  }
}

/** Checks `--ui-lang`: undefined stays undefined (the page follows the browser or the user's choice). */
export function parseUiLang(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (!isUiLang(v)) throw new UsageError(`--ui-lang must be one of ${UI_LANGS.join(', ')}, not "${value}".`);
  return v;
}

export const serveCommand: Command = {
  summary: 'start browser mode: the app on http://127.0.0.1 with a per-run token',
  usage:
    'Usage: plenary serve [--port N] [--data DIR] [--ui-lang en|fr|es]\n  Starts Plenary in the browser. BROWSER=none stops it opening a browser.\n  --ui-lang sets the interface language for this run (the document language is separate).',
  async run({ argv, stdout, stderr, env }) {
    const { values } = parseCommandArgs(argv, { port: { type: 'string' }, 'ui-lang': { type: 'string' } }, false);
    const port = parsePort(values.port);
    const uiLang = parseUiLang(values['ui-lang']);
    const dataDir = resolveDataDir({ flag: values.data, env });
    fs.mkdirSync(dataDir, { recursive: true });
    ensureRendererBuilt(stderr);
    const api = createServices({ dataDir, mode: 'browser', version: APP_VERSION, ...(uiLang ? { uiLang } : {}) });
    const host = await startHost({ api, staticDir: RENDERER_DIR, port });
    stdout.write(`Plenary is running at ${host.url}\n`);
    stderr.write(`Data folder: ${dataDir}\nPress Ctrl-C to stop.\n`);
    openBrowser(host.url, env);
    return await new Promise<number>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        stderr.write('\nStopping Plenary…\n');
        void host.close().then(() => {
          api.close();
          resolve(0);
        });
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  },
};
