/**
 * Where Plenary keeps its data: the per-OS application-data folder, the same one Electron uses
 * as `userData` for an app named "Plenary", so the window, the browser mode and the CLI share
 * one library and one set of drafts.
 */
import path from 'node:path';
import os from 'node:os';

/** The app's folder name under the OS application-data folder (Electron's productName). */
export const APP_DIR_NAME = 'Plenary';

/**
 * Resolves the data folder. Precedence: `flag` (`--data DIR`), then `PLENARY_DATA` in `env`,
 * then the OS default: Linux `$XDG_CONFIG_HOME/Plenary` or `~/.config/Plenary`; macOS
 * `~/Library/Application Support/Plenary`; Windows `%APPDATA%\Plenary`.
 * Returns an absolute path; does not create it.
 */
export function resolveDataDir(opts: {
  flag?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
} = {}): string {
  const env = opts.env ?? process.env;
  if (opts.flag) return path.resolve(opts.flag);
  if (env.PLENARY_DATA) return path.resolve(env.PLENARY_DATA);
  const platform = opts.platform ?? process.platform;
  const home = opts.home ?? os.homedir();
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  }
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_DIR_NAME);
}

/** Folder layout inside the data folder. */
export function dataPaths(dataDir: string) {
  return {
    root: dataDir,
    drafts: path.join(dataDir, 'drafts'),
    recovery: path.join(dataDir, 'recovery'),
    library: path.join(dataDir, 'library.sqlite'),
    recent: path.join(dataDir, 'recent.json'),
    windowState: path.join(dataDir, 'window-state.json'),
  };
}
