/**
 * What every registry command does (src/shared/commands.ts): one typed handler map, built from
 * the app's state hooks. The `CommandHandlers` type requires a handler for every id, so a
 * command added to the registry without one fails the typecheck instead of failing at run time.
 */
import { useMemo } from 'react';
import { rulesKey, setAutoPunctuate } from '../../shared/editor/plugins/rules.js';
import { structureKey } from '../../shared/editor/plugins/structure.js';
import { convertQuotes } from '../../shared/editor/plugins/quotes.js';
import { convertKind, insertFootnote, punctuate, setNegotiationNumbering } from '../../shared/editor/commands/index.js';
import type { CommandHandlers } from './commands.js';
import { t } from '../i18n/index.js';
import { editHandlers } from './edit-commands.js';
import type { EditorSession } from './editor-session.js';
import type { SetDialog } from './dialogs.js';
import type { useUiPrefs } from './ui.js';
import type { useDrafts } from './drafts.js';
import type { useExport } from './exporting.js';
import type { useLibrary } from './library.js';

/** The handler map over the app's hooks. */
export function useCommandHandlers(deps: {
  editor: EditorSession;
  ui: ReturnType<typeof useUiPrefs>;
  drafts: ReturnType<typeof useDrafts>;
  exporting: ReturnType<typeof useExport>;
  library: ReturnType<typeof useLibrary>;
  setDialog: SetDialog;
  openFind: () => void;
  notify: (text: string, error?: boolean) => void;
}): CommandHandlers {
  const { viewRef, exec, refresh } = deps.editor;
  const { setTheme, setZoom, setPanelOpen, showPanel } = deps.ui;
  const { newDraft, newFromResolution, open, openPath, save, saveAs, download } = deps.drafts;
  const { exportAs } = deps.exporting;
  const { importFiles, importFolder } = deps.library;
  const { setDialog, openFind, notify } = deps;
  return useMemo(
    () => ({
      'file.new': newDraft,
      'file.newFromResolution': newFromResolution,
      'file.open': () => void open(),
      'file.openPath': (arg) => {
        if (arg) void openPath(arg);
      },
      'file.save': () => void save(),
      'file.saveAs': () => void saveAs(),
      'file.download': download,
      'file.import': () => void importFiles(),
      'file.importFolder': () => void importFolder(),
      'file.mergeWord': () => setDialog({ kind: 'mergeWord' }),
      'export.docx': () => void exportAs('docx'),
      'export.pdf': () => void exportAs('pdf'),
      'export.html': () => void exportAs('html'),
      'export.txt': () => void exportAs('txt'),
      'export.akn': () => void exportAs('akn'),
      'file.printPreview': () => setDialog({ kind: 'preview', print: false }),
      'file.print': () => setDialog({ kind: 'preview', print: true }),
      ...editHandlers({ view: () => viewRef.current, exec, notify }),
      'edit.find': openFind,
      'edit.punctuate': () => {
        if (!exec(punctuate())) notify(t('toast.punctuationOk'));
      },
      'edit.convert': () => {
        if (!exec(convertKind)) notify(t('toast.cannotConvert'), true);
      },
      'edit.footnote': () => void exec(insertFootnote),
      'edit.crossRef': () => setDialog({ kind: 'crossRef' }),
      // Pasted text keeps its quotes; these change them in the selection, as one undo step.
      'edit.typographicQuotes': () => {
        if (!exec(convertQuotes('typographic'))) notify(t('toast.noQuotesToChange'));
      },
      'edit.straightQuotes': () => {
        if (!exec(convertQuotes('straight'))) notify(t('toast.noQuotesToChange'));
      },
      'edit.autoPunctuate': () => {
        const view = viewRef.current;
        if (!view) return;
        const on = !(rulesKey.getState(view.state)?.autoPunctuate ?? true);
        view.dispatch(setAutoPunctuate(view.state, on));
        refresh();
        notify(t(on ? 'toast.autoPunctuateOn' : 'toast.autoPunctuateOff'));
      },
      'edit.negotiationNumbering': () => {
        const view = viewRef.current;
        if (!view) return;
        const on = !structureKey.getState(view.state)?.structure.negotiation;
        exec(setNegotiationNumbering(on));
        notify(t(on ? 'toast.negotiationNumberingOn' : 'toast.negotiationNumberingOff'));
      },
      'view.outline': () => showPanel('outline'),
      'view.library': () => showPanel('library'),
      'view.matches': () => showPanel('matches'),
      'view.negotiation': () => showPanel('negotiation'),
      'view.notes': () => showPanel('notes'),
      'view.versions': () => showPanel('versions'),
      'view.checks': () => showPanel('checks'),
      'view.document': () => showPanel('document'),
      'view.togglePanel': () => setPanelOpen((o) => !o),
      'view.toggleTheme': () => setTheme((t) => (t === 'dark' ? 'light' : 'dark')),
      'view.palette': () => setDialog({ kind: 'palette' }),
      'view.zoomIn': () => setZoom((z) => Math.min(2, Math.round((z + 0.1) * 10) / 10)),
      'view.zoomOut': () => setZoom((z) => Math.max(0.6, Math.round((z - 0.1) * 10) / 10)),
      'view.zoomReset': () => setZoom(1),
      'view.uiLanguage': () => setDialog({ kind: 'uiLanguage' }),
      'help.shortcuts': () => setDialog({ kind: 'shortcuts' }),
      'help.about': () => setDialog({ kind: 'about' }),
    }),
    [download, exec, exportAs, importFiles, importFolder, newDraft, newFromResolution, notify, open, openFind, openPath, refresh, save, saveAs, setDialog, setPanelOpen, setTheme, setZoom, showPanel, viewRef],
  );
}
