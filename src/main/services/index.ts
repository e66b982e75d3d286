/**
 * The privileged side of the API: plain Node services behind the PlenaryApi contract.
 * Never imports electron: the same object serves Electron IPC, the loopback host, the CLI
 * and the tests.
 */
import os from 'node:os';
import type { AppMode, PlenaryApi } from '../../shared/api.js';
import { PlenaryError } from '../../shared/errors.js';
import { DraftsService } from './drafts.js';

/** Native file dialogs, provided by the Electron shell; absent in browser mode and tests. */
export interface DialogPort {
  openFile(o: { title?: string; extensions?: string[] }): Promise<string | null>;
  saveFile(o: { title?: string; defaultName?: string; extensions?: string[] }): Promise<string | null>;
}

/** Options for createServices. */
export interface ServiceOptions {
  dataDir: string;
  mode: AppMode;
  version: string;
  dialogs?: DialogPort;
}

/** Builds the API implementation over the data folder. */
export function createServices(opts: ServiceOptions): PlenaryApi {
  const drafts = new DraftsService(opts.dataDir, opts.version);
  const noDialogs = () =>
    new PlenaryError('UNSUPPORTED', 'Native file dialogs are only available in the desktop app; use the browser file picker.');
  return {
    'app.info': async () => ({
      name: 'Plenary',
      version: opts.version,
      mode: opts.mode,
      dataDir: opts.dataDir,
      platform: `${os.platform()}-${os.arch()}`,
      nativeDialogs: Boolean(opts.dialogs),
    }),
    'drafts.list': async () => drafts.list(),
    'drafts.open': async ({ path }) => drafts.open(path),
    'drafts.openContent': async ({ name, text }) => drafts.openContent(name, text),
    'drafts.save': async (input) => drafts.save(input),
    'drafts.autosave': async (input) => drafts.autosave(input),
    'drafts.recoverable': async () => drafts.recoverable(),
    'drafts.discardRecovery': async ({ key }) => drafts.discardRecovery(key),
    'dialog.openFile': async (o) => {
      if (!opts.dialogs) throw noDialogs();
      const p = await opts.dialogs.openFile(o);
      return p ? { path: p } : null;
    },
    'dialog.saveFile': async (o) => {
      if (!opts.dialogs) throw noDialogs();
      const p = await opts.dialogs.saveFile(o);
      return p ? { path: p } : null;
    },
  };
}
