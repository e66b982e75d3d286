/**
 * The library as the app drives it: importing files (a background job with progress and Stop on
 * the desktop; picked files sent in chunks in the browser), the revision that tells the panel to
 * reload, and opening an agreed paragraph's source document.
 */
import { useCallback, useRef, useState } from 'react';
import type { AppInfo, ImportSummary } from '../../shared/api.js';
import { call } from '../api.js';
import { t } from '../i18n/index.js';
import { followImportJob, importInChunks } from '../library-import.js';
import type { SetDialog } from './dialogs.js';

/** Reads a picked file as base64 (for library.importContent and drafts.importContent). */
export async function toBase64(f: File): Promise<string> {
  const bytes = new Uint8Array(await f.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Library import and source viewing. */
export function useLibrary(deps: { info: AppInfo | null; setDialog: SetDialog; notify: (text: string, error?: boolean) => void; report: (e: unknown) => void }) {
  const { info, setDialog, notify, report } = deps;
  const [revision, setRevision] = useState(0);
  const importInput = useRef<HTMLInputElement>(null);
  const importFolderInput = useRef<HTMLInputElement>(null);
  const importAbort = useRef<AbortController | null>(null);

  const viewSource = useCallback(
    (documentId: number, designation: string) => {
      call('library.document', { id: documentId }).then((doc) => setDialog({ kind: 'source', doc, highlight: designation }), report);
    },
    [report, setDialog],
  );

  const finishImport = useCallback(
    (summary: ImportSummary) => {
      setRevision((r) => r + 1);
      setDialog({ kind: 'importSummary', summary });
    },
    [setDialog],
  );

  /** Desktop: a background import with progress, a question before a huge or sensitive walk, and Stop. */
  const runImportJob = useCallback(
    async (paths: string[]) => {
      const abort = new AbortController();
      importAbort.current = abort;
      setDialog({ kind: 'importProgress', status: null });
      try {
        const last = await followImportJob(paths, {
          call,
          signal: abort.signal,
          onStatus: (status) => setDialog((d) => (d.kind === 'importProgress' ? { kind: 'importProgress', status } : d)),
          confirm: (question) => window.confirm(question),
        });
        if (last.summary) finishImport(last.summary);
        else setDialog({ kind: 'none' });
        if (last.phase === 'cancelled') notify(t('toast.importStopped'));
      } catch (e) {
        setDialog({ kind: 'none' });
        report(e);
      } finally {
        importAbort.current = null;
      }
    },
    [finishImport, notify, report, setDialog],
  );

  /** Browser mode: picked files go to the host in chunks (never one request over its limit). */
  const importPicked = useCallback(
    (files: File[]) => {
      notify(t('toast.importing', { count: files.length }));
      importInChunks(files, {
        read: toBase64,
        send: (payload) => call('library.importContent', { files: payload }),
        onProgress: (done, total) => notify(t('toast.importSent', { done, total })),
      }).then(finishImport, report);
    },
    [finishImport, notify, report],
  );

  const importFiles = useCallback(async () => {
    if (info?.nativeDialogs) {
      try {
        const r = await call('dialog.openFile', { title: t('picker.importFiles'), extensions: ['txt', 'md', 'html', 'htm', 'docx', 'pdf'], multiple: true });
        if (r) await runImportJob(r.paths);
      } catch (e) {
        report(e);
      }
    } else importInput.current?.click();
  }, [info, runImportJob, report]);

  const importFolder = useCallback(async () => {
    if (info?.nativeDialogs) {
      try {
        const r = await call('dialog.openFile', { title: t('picker.importFolder'), folder: true });
        if (r) await runImportJob(r.paths);
      } catch (e) {
        report(e);
      }
    } else importFolderInput.current?.click();
  }, [info, runImportJob, report]);

  return { revision, importInput, importFolderInput, importAbort, viewSource, importPicked, importFiles, importFolder };
}
