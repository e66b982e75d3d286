/**
 * The privileged side of the API: plain Node services behind the PlenaryApi contract.
 * Never imports electron: the same object serves Electron IPC, the loopback host, the CLI
 * and the tests.
 */
import os from 'node:os';
import type { AppMode, PlenaryApi } from '../../shared/api.js';
import { PlenaryError } from '../../shared/errors.js';
import { DraftsService } from './drafts.js';
import { LibraryService, starterPath } from './library.js';
import { dataPaths } from './paths.js';
import { APP_ROOT } from '../app-root.js';

/** Native file dialogs, provided by the Electron shell; absent in browser mode and tests. */
export interface DialogPort {
  /** Resolves to the chosen paths (one unless `multiple`), or null when cancelled. */
  openFile(o: { title?: string; extensions?: string[]; multiple?: boolean }): Promise<string[] | null>;
  saveFile(o: { title?: string; defaultName?: string; extensions?: string[] }): Promise<string | null>;
}

/** Options for createServices. */
export interface ServiceOptions {
  dataDir: string;
  mode: AppMode;
  version: string;
  dialogs?: DialogPort;
  /** The starter library to import on first use; false for none (tests that want an empty library). */
  starter?: string | false;
}

/** The API plus what its owner needs to shut it down. */
export type Services = PlenaryApi & { close(): void; library: LibraryService };

/** Builds the API implementation over the data folder. */
export function createServices(opts: ServiceOptions): Services {
  const drafts = new DraftsService(opts.dataDir, opts.version);
  const library = new LibraryService(dataPaths(opts.dataDir).library, opts.starter === false ? undefined : (opts.starter ?? starterPath(APP_ROOT)));
  const noDialogs = () =>
    new PlenaryError('UNSUPPORTED', 'Native file dialogs are only available in the desktop app; use the browser file picker.');
  return {
    library,
    close: () => library.close(),
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
    'library.search': async ({ query, filters, limit }) => library.search(query, filters ?? {}, limit ?? 20),
    'library.match': async ({ text, kind, limit }) => library.match(text, { ...(kind ? { kind } : {}), limit: limit ?? 5 }),
    'library.document': async ({ id, symbol, language }) => {
      const d = id !== undefined ? library.db.document(id) : symbol ? library.db.document(symbol, language ?? 'en') : undefined;
      if (!d) throw new PlenaryError('NOT_FOUND', `No document ${symbol ?? `#${id ?? ''}`} in the library.`);
      return d;
    },
    'library.import': async ({ paths }) => library.importPaths(paths),
    'library.importContent': async ({ files }) => library.importContent(files),
    'library.stats': async () => library.db.counts(),
    'library.facets': async () => library.db.facets(),
    'library.tag': async ({ documentId, tag, on }) => {
      library.db.tag(documentId, tag, on);
      return { ok: true as const };
    },
    'dialog.openFile': async (o) => {
      if (!opts.dialogs) throw noDialogs();
      const p = await opts.dialogs.openFile(o);
      return p && p.length ? { path: p[0]!, paths: p } : null;
    },
    'dialog.saveFile': async (o) => {
      if (!opts.dialogs) throw noDialogs();
      const p = await opts.dialogs.saveFile(o);
      return p ? { path: p } : null;
    },
  };
}
