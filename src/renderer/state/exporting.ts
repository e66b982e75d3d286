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
import { t } from '../i18n/index.js';
import { openProposalIds, type ProposalView } from '../../shared/negotiation/views.js';
import type { ParagraphNote } from '../../shared/negotiation/notes.js';
import type { SetDialog } from './dialogs.js';

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
  /** The draft's paragraph notes (Word comments in the compilation and tracked views). */
  notes: () => ParagraphNote[];
  setDialog: SetDialog;
  notify: (text: string, error?: boolean) => void;
  report: (e: unknown) => void;
}) {
  const { info, currentDocument, delegation, notes, setDialog, notify, report } = deps;

  const deliver = useCallback(
    async (r: Rendered) => {
      if (info?.nativeDialogs) {
        const ext = r.fileName.split('.').pop() ?? '';
        const target = await call('dialog.saveFile', { title: t('picker.saveExport'), defaultName: r.fileName, extensions: [ext] });
        if (!target) return;
        await call('files.write', { path: target.path, dataBase64: r.dataBase64 });
        notify([t('toast.exported', { path: target.path }), ...r.notes].join(' — '));
        return;
      }
      saveBlob(Uint8Array.from(atob(r.dataBase64), (c) => c.charCodeAt(0)), r.fileName, r.mime);
      notify([t('toast.exported', { path: r.fileName }), ...r.notes].join(' — '));
    },
    [info, notify],
  );

  /** Exports the text `view` names; a draft with open proposals is asked first (ExportViewDialog). */
  const exportAs = useCallback(
    async (format: 'docx' | 'pdf' | 'html' | 'txt' | 'akn', paper: 'letter' | 'a4' = 'letter', view?: ProposalView) => {
      const document = currentDocument();
      const open = openProposalIds(document).length;
      if (open && !view) return setDialog({ kind: 'exportView', format, paper, open });
      const extra = view ? { proposals: view, notes: notes() } : {};
      try {
        if (info?.nativeDialogs) {
          const ext = format === 'akn' ? 'xml' : format;
          const name = `${(document.meta.symbol || document.meta.title || t('draft.untitled')).replace(/[\\/]/g, '_')}${view ? `.${view}` : ''}.${ext}`;
          const target = await call('dialog.saveFile', { title: t('picker.exportFormat', { format: format.toUpperCase() }), defaultName: name, extensions: [ext] });
          if (!target) return;
          const r = await call('export.save', { document, format, path: target.path, paper, ...extra });
          notify([t('toast.exported', { path: r.path }), ...r.notes].join(' — '));
          return;
        }
        notify(t('toast.preparingExport', { format: format.toUpperCase() }));
        await deliver(await call('export.render', { document, format, paper, ...extra }));
      } catch (e) {
        report(e);
      }
    },
    [currentDocument, deliver, info, notes, notify, report, setDialog],
  );

  const exportCompilation = useCallback(
    (format: 'docx' | 'pdf' | 'html') => {
      notify(t('toast.preparingCompilation'));
      call('export.compilation', { document: currentDocument(), format, notes: notes() })
        .then(deliver)
        .catch(report);
    },
    [currentDocument, deliver, notes, notify, report],
  );

  /** Word with tracked changes against a saved version. */
  const exportTracked = useCallback(
    (v: SavedVersion) => {
      notify(t('toast.preparingTracked', { name: v.name }));
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
