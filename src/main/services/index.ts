/**
 * The privileged side of the API: plain Node services behind the PlenaryApi contract.
 * Never imports electron: the same object serves Electron IPC, the loopback host, the CLI
 * and the tests.
 */
import { mergeWordBytes, mergeWordFile } from './word-merge.js';
import os from 'node:os';
import nodePath from 'node:path';
import { writeFileAtomic } from './fs-atomic.js';
import type { AppMode, PlenaryApi } from '../../shared/api.js';
import { PlenaryError } from '../../shared/errors.js';
import { DraftsService } from './drafts.js';
import { LibraryService, starterPath } from './library.js';
import { dataPaths } from './paths.js';
import { APP_ROOT } from '../app-root.js';
import { ExportService, exportFileName, type PdfPrinter } from './export.js';
import { importBufferIsolated } from './import-isolated.js';
import type { Paginator } from './paginate.js';
import { loadDocument } from './documents.js';
import { parseAkn } from '../../shared/import/akn.js';
import { ImportJobs } from './import-jobs.js';
import { cleanStaleTempFiles } from './temp-clean.js';

/** Native file dialogs, provided by the Electron shell; absent in browser mode and tests. */
export interface DialogPort {
  /** Resolves to the chosen paths (one unless `multiple`), or null when cancelled. */
  /** `folder`: choose folders instead of files. */
  openFile(o: { title?: string; extensions?: string[]; multiple?: boolean; folder?: boolean }): Promise<string[] | null>;
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
  /** How PDFs are printed (Electron's printToPDF in the app; headless Chromium otherwise). */
  printer?: PdfPrinter;
  /** How the PDF's pages are laid out before printing (footnotes at the page foot); headless Chromium by default. */
  paginator?: Paginator;
  /** `--ui-lang xx` of this run, reported by app.info as `uiLang.forced` (the page applies it). */
  uiLang?: string;
  /** The OS locale when the host knows it (Electron's app.getLocale), reported as `uiLang.system`. */
  systemLocale?: string;
}

/** The API plus what its owner needs to shut it down. */
export type Services = PlenaryApi & { close(): void; library: LibraryService };

/** Builds the API implementation over the data folder. */
export function createServices(opts: ServiceOptions): Services {
  const layout = dataPaths(opts.dataDir);
  cleanStaleTempFiles([layout.root, layout.drafts, layout.recovery]);
  const drafts = new DraftsService(opts.dataDir, opts.version);
  const library = new LibraryService(dataPaths(opts.dataDir).library, opts.starter === false ? undefined : (opts.starter ?? starterPath(APP_ROOT)), { starterInBackground: true, idleMaintenance: true });
  const exporter = new ExportService(opts.printer, opts.paginator);
  const jobs = new ImportJobs(library);
  // Paths the user picked in a native save dialog: the only ones files.write may write.
  const chosenPaths = new Set<string>();
  const noDialogs = () =>
    new PlenaryError('UNSUPPORTED', 'Native file dialogs are only available in the desktop app; use the browser file picker.', { msg: { code: 'dialog.desktopOnly' } });
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
      uiLang: { ...(opts.uiLang ? { forced: opts.uiLang } : {}), ...(opts.systemLocale ? { system: opts.systemLocale } : {}) },
    }),
    'drafts.list': async () => drafts.list(),
    'drafts.open': async ({ path, session }) => drafts.open(path, session),
    'drafts.openContent': async ({ name, text }) => drafts.openContent(name, text),
    'drafts.save': async (input) => drafts.save(input),
    'drafts.autosave': async (input) => drafts.autosave(input),
    'drafts.recoverable': async ({ session }) => drafts.recoverable(session),
    'drafts.discardRecovery': async ({ key }) => drafts.discardRecovery(key),
    'drafts.release': async ({ key, session }) => drafts.release(key, session),
    'drafts.heartbeat': async ({ session, keys }) => drafts.heartbeat(session, keys),
    'export.render': async ({ document, format, paper, trackedAgainst, author, proposals, notes }) => {
      const r = await exporter.renderView(document, format, { paper, trackedAgainst, author, view: proposals, notes });
      return { dataBase64: Buffer.from(r.bytes).toString('base64'), fileName: exportFileName(document, proposals ? `${proposals}.${r.extension}` : r.extension), mime: r.mime, notes: r.notes };
    },
    'export.save': async ({ document, format, path, paper, trackedAgainst, author, proposals, notes }) => {
      const r = await exporter.write(document, format, path, { paper, trackedAgainst, author, view: proposals, notes });
      return { path: r.path, notes: r.notes };
    },
    'drafts.importContent': async ({ name, dataBase64 }) => {
      const data = Buffer.from(dataBase64, 'base64');
      if (/\.(?:xml|akn)$/i.test(name)) return { document: parseAkn(data.toString('utf8'), name), warnings: [] };
      const { source, parsed } = await importBufferIsolated(name, data);
      return { document: parsed.document, warnings: [...(source.warnings ?? []), ...parsed.warnings] };
    },
    'drafts.importFile': async ({ path }) => ({ document: await loadDocument(path), warnings: [] }),
    'drafts.mergeWord': async ({ document, path, name, dataBase64, authorMap }) => {
      const o = authorMap ? { authorMap } : {};
      return path !== undefined ? mergeWordFile(document, path, o) : mergeWordBytes(document, Buffer.from(dataBase64 ?? '', 'base64'), name ?? 'the Word file', o);
    },
    'library.search': async ({ query, filters, limit, order }) => library.search(query, filters ?? {}, limit ?? 20, order ?? 'newest'),
    // The match index is never built on this thread (a first start after a large import waits for
    // a worker meanwhile; search keeps answering).
    'library.suggest': async ({ text, kind, limit }) => {
      await library.matchIndexReady();
      return library.suggest(text, { ...(kind ? { kind } : {}), limit: limit ?? 3 });
    },
    'library.history': async ({ paragraphId }) => {
      await library.matchIndexReady();
      return library.history(paragraphId);
    },
    'library.lineage': async ({ paragraphId }) => {
      await library.matchIndexReady();
      return library.lineage(paragraphId);
    },
    'library.match': async ({ text, kind, limit }) => {
      await library.matchIndexReady();
      return library.match(text, { ...(kind ? { kind } : {}), limit: limit ?? 5 });
    },
    'library.document': async ({ id, symbol, language }) => {
      const d = id !== undefined ? library.document(id) : symbol ? library.document(symbol, language ?? 'en') : undefined;
      if (!d) throw new PlenaryError('NOT_FOUND', `No document ${symbol ?? `#${id ?? ''}`} in the library.`, { msg: { code: 'library.noDocument', values: { document: symbol ?? `#${id ?? ''}` } } });
      return d;
    },
    // Walks asynchronously (the host keeps answering); cannot ask, so a home or root folder or a
    // huge walk is refused with the question (library.importStart can confirm it).
    'library.import': async ({ paths }) => {
      const { id } = jobs.start(paths);
      const s = await jobs.questionOrEnd(id);
      if (s.phase === 'confirm') {
        await jobs.cancel(id);
        const question = s.question ?? 'This import needs a confirmation.';
        // The question itself stays in the values as English: the renderer never calls library.import (it runs jobs and asks).
        throw new PlenaryError('BAD_INPUT', `${question} Nothing was imported; start it again and confirm.`, { msg: { code: 'import.needsConfirmation', values: { question } } });
      }
      return (await jobs.settled(id)).summary!;
    },
    'library.importContent': async ({ files }) => library.importContent(files),
    'library.importStart': async ({ paths, confirmed }) => jobs.start(paths, confirmed ?? false),
    'library.importStatus': async ({ id }) => jobs.status(id),
    'library.importConfirm': async ({ id }) => jobs.confirm(id),
    'library.importCancel': async ({ id }) => jobs.cancel(id),
    'library.stats': async () => (await library.starterLoaded(), library.stats()),
    'library.facets': async () => (await library.starterLoaded(), library.facets()),
    'library.tag': async ({ documentId, tag, on }) => {
      library.tag(documentId, tag, on);
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
      if (p) chosenPaths.add(nodePath.resolve(p));
      return p ? { path: p } : null;
    },
    'export.compilation': async ({ document, format, paper, notes }) => {
      const r = await exporter.compilation(document, format, paper ?? 'letter', notes);
      return { dataBase64: Buffer.from(r.bytes).toString('base64'), fileName: exportFileName(document, `compilation.${r.extension}`), mime: r.mime, notes: r.notes };
    },
    'export.printHtml': async ({ html, fileName, paper }) => {
      const r = await exporter.printHtml(html, paper ?? 'letter');
      return { dataBase64: Buffer.from(r.bytes).toString('base64'), fileName, mime: r.mime, notes: r.notes };
    },
    'files.write': async ({ path, dataBase64 }) => {
      const target = nodePath.resolve(path);
      if (!chosenPaths.has(target)) throw new PlenaryError('BAD_INPUT', 'Plenary only writes files to a place chosen in the Save dialog.', { msg: { code: 'access.saveDialogOnly' } });
      writeFileAtomic(target, Buffer.from(dataBase64, 'base64'));
      return { path: target };
    },
  };
}
