/**
 * Export: asks where (desktop) or downloads (browser), renders through the API, and says what
 * happened. Every failure reaches `report` with the service's message; nothing is written
 * anywhere the delegate did not choose.
 */
import { useCallback } from 'react';
import type { AppInfo } from '../../shared/api.js';
import type { ResolutionDocument } from '../../shared/resolution/model.js';
import type { SavedVersion } from '../negotiation-state.js';
import { call } from '../api.js';

/** An export's bytes as the API returns them. */
export interface Rendered {
  dataBase64: string;
  fileName: string;
  mime: string;
  notes: string[];
}

/** Hands bytes to the browser as a download. */
export function saveBlob(bytes: Uint8Array, fileName: string, mime: string): void {
  const a = window.document.createElement('a');
  a.href = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  a.download = fileName;
  a.click();
  window.setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** The export commands. */
export function useExport(deps: {
  info: AppInfo | null;
  currentDocument: () => ResolutionDocument;
  delegation: () => string;
  notify: (text: string, error?: boolean) => void;
  report: (e: unknown) => void;
}) {
  const { info, currentDocument, delegation, notify, report } = deps;

  const deliver = useCallback(
    async (r: Rendered) => {
      if (info?.nativeDialogs) {
        const ext = r.fileName.split('.').pop() ?? '';
        const target = await call('dialog.saveFile', { title: 'Save export', defaultName: r.fileName, extensions: [ext] });
        if (!target) return;
        await call('files.write', { path: target.path, dataBase64: r.dataBase64 });
        notify([`Exported ${target.path}`, ...r.notes].join(' — '));
        return;
      }
      saveBlob(Uint8Array.from(atob(r.dataBase64), (c) => c.charCodeAt(0)), r.fileName, r.mime);
      notify([`Exported ${r.fileName}`, ...r.notes].join(' — '));
    },
    [info, notify],
  );

  const exportAs = useCallback(
    async (format: 'docx' | 'pdf' | 'html' | 'txt' | 'akn', paper: 'letter' | 'a4' = 'letter') => {
      const document = currentDocument();
      try {
        if (info?.nativeDialogs) {
          const ext = format === 'akn' ? 'xml' : format;
          const name = `${(document.meta.symbol || document.meta.title || 'Untitled draft').replace(/[\\/]/g, '_')}.${ext}`;
          const target = await call('dialog.saveFile', { title: `Export ${format.toUpperCase()}`, defaultName: name, extensions: [ext] });
          if (!target) return;
          const r = await call('export.save', { document, format, path: target.path, paper });
          notify([`Exported ${r.path}`, ...r.notes].join(' — '));
          return;
        }
        notify(`Preparing the ${format.toUpperCase()} export…`);
        await deliver(await call('export.render', { document, format, paper }));
      } catch (e) {
        report(e);
      }
    },
    [currentDocument, deliver, info, notify, report],
  );

  const exportCompilation = useCallback(
    (format: 'docx' | 'pdf' | 'html') => {
      notify('Preparing the compilation text…');
      call('export.compilation', { document: currentDocument(), format })
        .then(deliver)
        .catch(report);
    },
    [currentDocument, deliver, notify, report],
  );

  /** Word with tracked changes against a saved version. */
  const exportTracked = useCallback(
    (v: SavedVersion) => {
      notify(`Preparing Word tracked changes against “${v.name}”…`);
      call('export.render', { document: currentDocument(), format: 'docx', trackedAgainst: v.document, author: delegation() || 'Plenary' })
        .then((r) => deliver({ ...r, fileName: r.fileName.replace(/\.docx$/, `.tracked-${v.name.replace(/[^\w.-]+/g, '_')}.docx`) }))
        .catch(report);
    },
    [currentDocument, delegation, deliver, notify, report],
  );

  /** A version comparison: as HTML (delivered) or printed to PDF. */
  const exportComparison = useCallback(
    (html: string, as: 'html' | 'pdf') => {
      const done = as === 'html' ? deliver({ dataBase64: btoa(unescape(encodeURIComponent(html))), fileName: 'comparison.html', mime: 'text/html', notes: [] }) : call('export.printHtml', { html, fileName: 'comparison.pdf' }).then(deliver);
      done.catch(report);
    },
    [deliver, report],
  );

  return { deliver, exportAs, exportCompilation, exportTracked, exportComparison };
}
