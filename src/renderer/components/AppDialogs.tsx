/**
 * The app's modal dialogs, one at a time as `DialogState` says; each gets what it shows and the
 * actions it offers from the state hooks.
 */
import type { AppInfo } from '../../shared/api.js';
import type { ResolutionDocument } from '../../shared/resolution/model.js';
import type { CommandId, ShortcutRow } from '../../shared/commands.js';
import type { DialogState, SetDialog } from '../state/dialogs.js';
import type { PaletteRow } from '../state/commands.js';
import type { useDrafts } from '../state/drafts.js';
import type { OutlineItem } from './Outline.js';
import { AboutDialog, CrossRefDialog, ImportProgressDialog, ImportSummaryDialog, Modal, OpenDialog, RecoveryDialog, SaveAsDialog, ShortcutsDialog } from './Dialogs.js';
import { LockedDialog, ReconnectDialog } from './HostStatus.js';
import { SourceViewer } from './SourceViewer.js';
import { PrintPreview } from './PrintPreview.js';
import { CommandPalette } from './CommandPalette.js';
import { ExportViewDialog } from './ExportDialog.js';
import { MergeWordDialog, type MergeWordDialogProps } from './MergeWordDialog.js';
import { LineageDialog } from './LineageDialog.js';
import { NewFromResolutionDialog, type NewFromResolutionDialogProps } from './NewFromResolutionDialog.js';
import { InterfaceLanguageDialog } from './InterfaceLanguage.js';
import type { ProposalView } from '../../shared/negotiation/views.js';
import { call } from '../api.js';
import { loadAuthorMap } from '../state/author-map.js';
import { useTranslation } from '../i18n/index.js';

/** Props of the dialogs. */
export interface AppDialogsProps {
  dialog: DialogState;
  setDialog: SetDialog;
  info: AppInfo | null;
  title: string;
  outline: OutlineItem[];
  drafts: ReturnType<typeof useDrafts>;
  currentDocument: () => ResolutionDocument;
  /** Help › Keyboard shortcuts: the registry's rows, then the window's own keys (F6, Ctrl+M…). */
  shortcuts: Pick<ShortcutRow, 'keys' | 'label'>[];
  paletteRows: () => PaletteRow[];
  onRunCommand: (id: CommandId) => void;
  onInsertCrossRef: (targets: string[]) => void;
  onExport: (format: 'pdf' | 'docx', paper: 'letter' | 'a4') => void;
  /** Exports the text a draft with open proposals was asked for (ExportViewDialog). */
  onExportView: (format: 'docx' | 'pdf' | 'html' | 'txt' | 'akn', paper: 'letter' | 'a4', view: ProposalView) => void;
  /** File › Merge a Word file: reads and applies (state/merge-word.ts). */
  mergeWord: { read: MergeWordDialogProps['read']; apply: MergeWordDialogProps['onApply'] };
  /** File › New draft from resolution: the draft made, loaded as a new unsaved draft. */
  onNewFromResolution: NewFromResolutionDialogProps['onDraft'];
  /** After New draft from resolution, when the delegate asked to review the proposals. */
  onReviewProposals: () => void;
  notify: (text: string, error?: boolean) => void;
  onExportComparison: (html: string, as: 'html' | 'pdf') => void;
  onReconnect: Parameters<typeof ReconnectDialog>[0]['onReconnect'];
  onCancelImport: () => void;
  /** Gives focus back to the text (after the palette). */
  focusEditor: () => void;
}

/** The dialog shown now, if any. */
export function AppDialogs(p: AppDialogsProps) {
  const { t } = useTranslation();
  const { dialog, setDialog, drafts } = p;
  const close = () => setDialog({ kind: 'none' });
  switch (dialog.kind) {
    case 'open':
      return <OpenDialog drafts={dialog.drafts} onOpen={(path) => void drafts.openPath(path)} onPickFile={drafts.openPicked} onClose={close} />;
    case 'recover':
      return <RecoveryDialog entries={dialog.entries} onRecover={(e) => drafts.recover(e, dialog.entries)} onDiscard={(e) => drafts.discardRecovery(e, dialog.entries)} onClose={close} />;
    case 'locked':
      return <LockedDialog name={dialog.opened.path.split(/[\\/]/).pop() ?? dialog.opened.path} owner={dialog.opened.lockedBy!} onCopy={() => drafts.openCopy(dialog)} onClose={close} />;
    case 'reconnect':
      return <ReconnectDialog onReconnect={p.onReconnect} onClose={close} />;
    case 'saveAs':
      return (
        <SaveAsDialog
          initial={p.title || t('draft.untitled')}
          onSave={(name) => {
            close();
            void drafts.saveTo({ name });
          }}
          onClose={close}
        />
      );
    case 'crossRef':
      return (
        <CrossRefDialog
          paragraphs={p.outline.filter((o) => o.designation !== '…').map((o) => ({ id: o.id, designation: o.designation, preview: `${o.phrase} ${o.preview}`.trim().slice(0, 60) }))}
          onInsert={(targets) => {
            close();
            p.onInsertCrossRef(targets);
          }}
          onClose={close}
        />
      );
    case 'source':
      return <SourceViewer doc={dialog.doc} highlight={dialog.highlight} onClose={close} />;
    case 'preview':
      return (
        <PrintPreview
          document={p.currentDocument()}
          printNow={dialog.print}
          onExport={(format, paper) => {
            close();
            p.onExport(format, paper);
          }}
          onClose={close}
        />
      );
    case 'compare':
      return (
        <Modal title={t('compare.title', { title: dialog.title })} onClose={close} wide>
          <div className="preview-bar">
            <span className="spacer" />
            <button type="button" onClick={() => p.onExportComparison(dialog.html, 'html')}>
              {t('compare.exportHtml')}
            </button>
            <button type="button" className="primary" onClick={() => p.onExportComparison(dialog.html, 'pdf')}>
              {t('compare.exportPdf')}
            </button>
          </div>
          <iframe className="preview-frame" title={t('compare.frame')} sandbox="allow-same-origin" srcDoc={dialog.html} />
        </Modal>
      );
    case 'exportView':
      return (
        <ExportViewDialog
          format={dialog.format}
          open={dialog.open}
          onExport={(view) => {
            close();
            p.onExportView(dialog.format, dialog.paper, view);
          }}
          onClose={close}
        />
      );
    case 'mergeWord':
      return (
        <MergeWordDialog
          initialMap={loadAuthorMap()}
          {...(p.info?.nativeDialogs ? { pickPath: () => call('dialog.openFile', { title: 'Merge a Word file', extensions: ['docx'] }).then((r) => r?.path ?? null) } : {})}
          read={p.mergeWord.read}
          onApply={p.mergeWord.apply}
          onClose={close}
        />
      );
    case 'lineage':
      return <LineageDialog target={dialog.target} onClose={close} />;
    case 'newFromResolution':
      return (
        <NewFromResolutionDialog
          onDraft={p.onNewFromResolution}
          onClose={(review) => {
            close();
            if (review) p.onReviewProposals();
          }}
        />
      );
    case 'uiLanguage':
      return <InterfaceLanguageDialog onClose={close} onChosen={(name) => p.notify(t('toast.uiLanguage', { name }))} />;
    case 'importProgress':
      return <ImportProgressDialog status={dialog.status} onCancel={p.onCancelImport} />;
    case 'importSummary':
      return <ImportSummaryDialog summary={dialog.summary} onClose={close} />;
    case 'shortcuts':
      return <ShortcutsDialog shortcuts={p.shortcuts} onClose={close} />;
    case 'palette':
      return (
        <CommandPalette
          rows={p.paletteRows()}
          onRun={(id) => {
            p.focusEditor();
            p.onRunCommand(id);
          }}
          onClose={() => {
            close();
            p.focusEditor();
          }}
        />
      );
    case 'about':
      return <AboutDialog info={p.info} onClose={close} />;
    case 'none':
      return null;
  }
}
