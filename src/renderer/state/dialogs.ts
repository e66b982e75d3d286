/** Which modal dialog shows: one at a time, with what it needs. */
import type { DraftSummary, ImportJobStatus, ImportSummary, LibraryDocument, OpenedDraft, RecoveryEntry } from '../../shared/api.js';
import type { LineageTarget } from '../components/LineageDialog.js';
import type { ExportFormatChoice } from '../components/ExportDialog.js';

/** The dialog state of the app. */
export type DialogState =
  | { kind: 'none' }
  | { kind: 'open'; drafts: DraftSummary[] | null }
  | { kind: 'recover'; entries: RecoveryEntry[] }
  | { kind: 'locked'; opened: OpenedDraft }
  | { kind: 'reconnect' }
  | { kind: 'saveAs' }
  | { kind: 'shortcuts' }
  | { kind: 'crossRef' }
  | { kind: 'about' }
  | { kind: 'source'; doc: LibraryDocument; highlight: string }
  | { kind: 'importSummary'; summary: ImportSummary }
  | { kind: 'importProgress'; status: ImportJobStatus | null }
  | { kind: 'preview'; print: boolean }
  | { kind: 'palette' }
  | { kind: 'compare'; html: string; title: string }
  | { kind: 'uiLanguage' }
  | { kind: 'lineage'; target: LineageTarget }
  | { kind: 'newFromResolution' }
  | { kind: 'exportView'; format: ExportFormatChoice; paper: 'letter' | 'a4'; open: number }
  | { kind: 'mergeWord' };

/** Sets the dialog, directly or from the previous one. */
export type SetDialog = (d: DialogState | ((prev: DialogState) => DialogState)) => void;
