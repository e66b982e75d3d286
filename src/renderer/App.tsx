/**
 * The application shell: menu bar, the page (masthead preview + editor), the side panel
 * (outline, checks, document details), the status bar, dialogs, file handling with autosave
 * and crash recovery.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { EditorState, Transaction } from 'prosemirror-state';
import { TextSelection } from 'prosemirror-state';
import { call, ApiError, isElectron, onMenuCommand } from './api.js';
import { IMPORTABLE_FILE } from '../shared/api.js';
import type { AgreedMatch, AppInfo, DraftSummary, ImportJobStatus, ImportSummary, LibraryDocument, OpenedDraft, RecoveryEntry } from '../shared/api.js';
import { emptyDocument, type FrontMatter, type ResolutionDocument } from '../shared/resolution/model.js';
import { toDoc, fromDoc } from '../shared/resolution/convert.js';
import { serializePlenaryFile } from '../shared/resolution/file.js';
import { newId } from '../shared/ids.js';
import { paraPlainText } from '../shared/resolution/structure.js';
import { Editor } from './editor/Editor.js';
import { createEditorState } from '../shared/editor/state.js';
import { SHORTCUTS } from '../shared/editor/keymap.js';
import { structureKey } from '../shared/editor/plugins/structure.js';
import { rulesKey, setAutoPunctuate } from '../shared/editor/plugins/rules.js';
import { convertKind, insertAgreed, insertCrossRef, insertFootnote, moveParagraphTo, replaceWithAgreed, punctuate, setMeta, setNegotiationNumbering } from '../shared/editor/commands/index.js';
import { currentPara, paraAt } from '../shared/editor/queries/paragraphs.js';
import { computeFindings, fixFinding, type Finding } from '../shared/editor/queries/checks.js';
import { UI_CHECK_MESSAGES } from './i18n/checks.js';
import { Masthead } from './components/Masthead.js';
import { Outline, type OutlineItem } from './components/Outline.js';
import { outlineEntries } from '../shared/editor/queries/outline.js';
import { Checks } from './components/Checks.js';
import { MetadataForm } from './components/MetadataForm.js';
import { FindBar } from './components/FindBar.js';
import { MenuBar, type MenuSpec } from './components/MenuBar.js';
import { followImportJob, importInChunks } from './library-import.js';
import { AboutDialog, CrossRefDialog, ImportProgressDialog, ImportSummaryDialog, OpenDialog, RecoveryDialog, SaveAsDialog, ShortcutsDialog } from './components/Dialogs.js';
import { HostBanner, LockedDialog, ReconnectDialog } from './components/HostStatus.js';
import { useDraftSafety } from './state/draft-safety.js';
import { saveStateText } from './state/autosave.js';
import { LibraryPanel } from './components/LibraryPanel.js';
import { MatchesPanel, type CurrentParagraph } from './components/MatchesPanel.js';
import { SourceViewer } from './components/SourceViewer.js';
import { PrintPreview } from './components/PrintPreview.js';
import { NegotiationPanel } from './components/NegotiationPanel.js';
import { VersionsPanel } from './components/VersionsPanel.js';
import { Modal } from './components/Dialogs.js';
import { applyAppInfo, errorMessage, formatNumber, t, useTranslation } from './i18n/index.js';
import { InterfaceLanguageDialog } from './components/InterfaceLanguage.js';
import { LineageDialog, type LineageTarget } from './components/LineageDialog.js';
import { NewFromResolutionDialog } from './components/NewFromResolutionDialog.js';
import { setSuggestion } from '../shared/editor/plugins/suggestion.js';
import { emptyNegotiation, PALETTE, readNegotiation, type NegotiationFile } from './negotiation-state.js';
import { proposalsKey, setNegotiationSettings, type NegotiationSettings } from '../shared/editor/negotiation/index.js';
import { compareVersions, exportComparisonHtml } from '../shared/negotiation/versions.js';
import type { Provenance } from '../shared/resolution/model.js';
import { registerEditorFocus } from './a11y/focus.js';
import { useKeyboardRegions, WINDOW_SHORTCUTS } from './a11y/regions.js';
import { onTablistKey } from './a11y/tablist.js';
import { openProposalIds, type ProposalView } from '../shared/negotiation/views.js';
import { designations as designationsOf } from '../shared/negotiation/list.js';
import { ExportViewDialog, type ExportFormatChoice } from './components/ExportDialog.js';
import { MergeWordDialog } from './components/MergeWordDialog.js';
import { NotesMargin, NotesPanel } from './components/NotesPanel.js';
import { notesFromFile, useDraftNotes } from './state/notes.js';
import { loadAuthorMap, saveAuthorMap } from './state/author-map.js';
import { replaceDocument } from '../shared/editor/commands/replace-document.js';
import { decisionsBetween } from '../shared/negotiation/decisions.js';

type Panel = 'outline' | 'library' | 'matches' | 'negotiation' | 'notes' | 'versions' | 'checks' | 'document';

const PANELS: Panel[] = ['outline', 'library', 'matches', 'negotiation', 'notes', 'versions', 'checks', 'document'];
const PANEL_LABELS: Record<Panel, string> = {
  outline: 'panel.outline',
  library: 'panel.library',
  matches: 'panel.matches',
  negotiation: 'panel.negotiation',
  notes: 'panel.notes',
  versions: 'panel.versions',
  checks: 'panel.checks',
  document: 'panel.document',
};
type DialogState =
  | { kind: 'none' }
  | { kind: 'open'; drafts: DraftSummary[] | null }
  | { kind: 'recover'; entries: RecoveryEntry[] }
  | { kind: 'locked'; opened: OpenedDraft }
  | { kind: 'reconnect' }
  | { kind: 'saveAs' }
  | { kind: 'shortcuts' }
  | { kind: 'crossRef' }
  | { kind: 'about' }
  | { kind: 'uiLanguage' }
  | { kind: 'source'; doc: LibraryDocument; highlight: string }
  | { kind: 'importSummary'; summary: ImportSummary }
  | { kind: 'importProgress'; status: ImportJobStatus | null }
  | { kind: 'preview' }
  | { kind: 'compare'; html: string; title: string }
  | { kind: 'lineage'; target: LineageTarget }
  | { kind: 'newFromResolution' }

  | { kind: 'exportView'; format: ExportFormatChoice; paper: 'letter' | 'a4'; open: number }
  | { kind: 'mergeWord' };

function initialDocument(): ResolutionDocument {
  return emptyDocument({ kind: 'draft', organ: 'ga', language: 'en' }, newId);
}

/** Words and paragraphs for the status bar. */
function counts(state: EditorState) {
  const s = structureKey.getState(state);
  let words = 0;
  state.doc.descendants((n) => {
    if (n.isText) words += (n.text ?? '').split(/\s+/).filter(Boolean).length;
    return true;
  });
  return { words, pp: s?.structure.preambularCount ?? 0, op: s?.structure.operativeCount ?? 0 };
}

/** The editor's negotiation settings for a draft's negotiation section. */
function settingsFrom(n: NegotiationFile): Partial<NegotiationSettings> {
  return { enabled: n.enabled, delegation: n.delegation, delegations: n.delegations, view: 'markup' };
}

/** Hands bytes to the browser as a download. */
function saveBlob(bytes: Uint8Array, fileName: string, mime: string): void {
  const a = window.document.createElement('a');
  a.href = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  a.download = fileName;
  a.click();
  window.setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** Reads a picked file as base64 (for library.importContent). */
async function toBase64(f: File): Promise<string> {
  const bytes = new Uint8Array(await f.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** The app. */
export function App() {
  const { i18n } = useTranslation(); // re-renders the shell when the interface language changes
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [editorState, setEditorState] = useState(() => createEditorState(toDoc(initialDocument()), { negotiation: settingsFrom(emptyNegotiation()) }));
  const [snapshot, setSnapshot] = useState<EditorState>(editorState);
  const [panel, setPanel] = useState<Panel>('outline');
  const [panelOpen, setPanelOpen] = useState(true);
  const [theme, setTheme] = useState<'light' | 'dark'>(() => (localStorage.getItem('plenary-theme') === 'dark' ? 'dark' : 'light'));
  const [zoom, setZoom] = useState(() => Number(localStorage.getItem('plenary-zoom')) || 1);
  const [dialog, setDialog] = useState<DialogState>({ kind: 'none' });
  const [findOpen, setFindOpen] = useState(false);
  const [findFocus, setFindFocus] = useState(0);
  const [toast, setToast] = useState<{ text: string; error: boolean } | null>(null);
  const [libraryRevision, setLibraryRevision] = useState(0);
  const [negotiation, setNegotiationState] = useState<NegotiationFile>(emptyNegotiation);
  const negotiationRef = useRef(negotiation);
  const importInput = useRef<HTMLInputElement>(null);
  const importFolderInput = useRef<HTMLInputElement>(null);
  const importAbort = useRef<AbortController | null>(null);
  const viewRef = useRef<EditorView | null>(null);
  const snapshotTimer = useRef<number | undefined>(undefined);
  const shownPara = useRef<string | undefined>(undefined);
  const latestState = useRef(editorState);
  // Keyboard regions (F6), Escape back to the editor, Ctrl+M "Tab moves focus" (a11y/regions.ts).
  const [tabMovesFocus, setTabMovesFocus] = useKeyboardRegions();
  useEffect(() => {
    registerEditorFocus(() => {
      viewRef.current?.focus();
      return Boolean(viewRef.current);
    });
    return () => registerEditorFocus(null);
  }, []);
  // A new or opened draft replaces the view: a keyboard user who was typing keeps typing in it.
  const editorHadFocus = useRef(false);
  const onEditorView = useCallback((v: EditorView | null) => {
    if (!v) editorHadFocus.current = viewRef.current?.hasFocus() ?? false;
    viewRef.current = v;
    if (v && editorHadFocus.current) v.focus();
  }, []);
  const pageRef = useRef<HTMLDivElement>(null);
  // Notes and decided proposals live beside the text; a change marks the draft dirty.
  const draftNotes = useDraftNotes(() => safety.autosave.changed());

  const notify = useCallback((text: string, error = false) => {
    setToast({ text, error });
    window.setTimeout(() => setToast((t) => (t?.text === text ? null : t)), error ? 9000 : 3500);
  }, []);

  const report = useCallback((e: unknown) => notify(e instanceof ApiError || e instanceof Error ? errorMessage(e) : String(e), true), [notify]);

  // Theme and zoom.
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem('plenary-theme', theme);
  }, [theme]);
  useEffect(() => {
    localStorage.setItem('plenary-zoom', String(zoom));
  }, [zoom]);

  useEffect(() => {
    call('app.info', {}).then((i) => {
      applyAppInfo(i);
      setInfo(i);
    }, report);
  }, [report]);

  const currentDocument = useCallback((): ResolutionDocument => fromDoc(latestState.current.doc), []);
  const currentNegotiation = useCallback((): NegotiationFile => {
    const st = proposalsKey.getState(latestState.current);
    const n = negotiationRef.current;
    return st ? { ...n, enabled: st.enabled, delegation: st.delegation, delegations: st.delegations } : n;
  }, []);

  // Autosave, recovery journals, locks and the host's heartbeat (src/renderer/state/).
  const safety = useDraftSafety({
    snapshot: () => ({ document: currentDocument(), negotiation: currentNegotiation(), ...draftNotes.current() }),
    onRecoverable: (entries) =>
      setDialog((d) => (d.kind === 'none' ? { kind: 'recover', entries } : d.kind === 'recover' ? { kind: 'recover', entries: [...d.entries, ...entries.filter((e) => !d.entries.some((x) => x.key === e.key))] } : d)),
    notify,
  });
  const autosave = safety.autosave;
  const { path, dirty } = safety.status;

  const setNegotiation = useCallback(
    (n: NegotiationFile) => {
      negotiationRef.current = n;
      setNegotiationState(n);
      autosave.changed();
    },
    [autosave],
  );

  const onChange = useCallback((state: EditorState, tr: Transaction) => {
    latestState.current = state;
    if (tr.docChanged) autosave.changed();
    // Panels follow at most ~6 times a second; typing never waits for React. A move to another
    // paragraph shows at once, so a panel command (Status…) acts on the paragraph the delegate sees.
    const here = paraAt(state, state.selection.head)?.node.attrs.id as string | undefined;
    if (here !== shownPara.current) {
      shownPara.current = here;
      window.clearTimeout(snapshotTimer.current);
      snapshotTimer.current = undefined;
      setSnapshot(state);
      return;
    }
    if (snapshotTimer.current === undefined) {
      snapshotTimer.current = window.setTimeout(() => {
        snapshotTimer.current = undefined;
        setSnapshot(latestState.current);
      }, 160);
    }
  }, [autosave]);

  /** Shows another draft; the previous one's unsaved text is journaled first (state/autosave.ts). */
  const loadDocument = useCallback((doc: ResolutionDocument, newPath: string, isDirty = false, negotiationRaw?: unknown, draftId = newId('d'), file?: Parameters<typeof notesFromFile>[0]) => {
    void autosave.switchTo({ draftId, path: newPath, dirty: isDirty });
    draftNotes.load(notesFromFile(file));
    const auto = rulesKey.getState(latestState.current)?.autoPunctuate ?? true;
    const n = readNegotiation(negotiationRaw);
    negotiationRef.current = n;
    setNegotiationState(n);
    const st = createEditorState(toDoc(doc), { autoPunctuate: auto, negotiation: settingsFrom(n) });
    latestState.current = st;
    setEditorState(st);
    setSnapshot(st);
  }, [autosave, draftNotes]);

  const saveTo = useCallback(
    async (target: { path?: string; name?: string }) => {
      try {
        const rev = await autosave.beginSave();
        const { draftId } = autosave.getStatus();
        const r = await call('drafts.save', { ...target, document: currentDocument(), negotiation: currentNegotiation(), ...draftNotes.current(), draftId, session: safety.session });
        autosave.saved(r.path, rev);
        notify(t('toast.saved', { path: r.path }));
      } catch (e) {
        report(e); // the service's message says where the work is kept (the draft's recovery journal)
      }
    },
    [autosave, currentDocument, currentNegotiation, draftNotes, notify, report, safety.session],
  );

  const saveAs = useCallback(async () => {
    if (info?.nativeDialogs) {
      try {
        const meta = latestState.current.doc.attrs.meta as FrontMatter;
        const r = await call('dialog.saveFile', { title: t('picker.saveDraft'), defaultName: `${meta.title || t('draft.untitled')}.plenary`, extensions: ['plenary'] });
        if (r) await saveTo({ path: r.path });
      } catch (e) {
        report(e);
      }
    } else setDialog({ kind: 'saveAs' });
  }, [info, report, saveTo]);

  const save = useCallback(async () => {
    const current = autosave.getStatus().path;
    if (current) await saveTo({ path: current });
    else await saveAs();
  }, [autosave, saveAs, saveTo]);

  const openPath = useCallback(
    async (p: string) => {
      try {
        const r = await call('drafts.open', { path: p, session: safety.session });
        if (r.lockedBy) return setDialog({ kind: 'locked', opened: r });
        loadDocument(r.file.document, r.path, false, r.file.negotiation, r.draftId, r.file);
        setDialog({ kind: 'none' });
        notify(t('toast.opened', { path: r.path }));
      } catch (e) {
        report(e);
      }
    },
    [loadDocument, notify, report, safety.session],
  );

  const open = useCallback(async () => {
    const warning = autosave.leaveWarning(t('confirm.open'));
    if (warning && !window.confirm(warning)) return;
    if (info?.nativeDialogs) {
      try {
        const r = await call('dialog.openFile', { title: t('picker.openDraft'), extensions: ['plenary', 'xml', 'docx', 'pdf', 'html', 'htm', 'txt', 'md'] });
        if (r && /\.plenary$/i.test(r.path)) await openPath(r.path);
        else if (r) {
          const imported = await call('drafts.importFile', { path: r.path });
          loadDocument(imported.document, '', true);
          notify(t('toast.openedAsNew', { path: r.path }));
        }
      } catch (e) {
        report(e);
      }
      return;
    }
    setDialog({ kind: 'open', drafts: null });
    call('drafts.list', {}).then(
      (drafts) => setDialog((d) => (d.kind === 'open' ? { kind: 'open', drafts } : d)),
      report,
    );
  }, [autosave, info, openPath, report]);

  const newDraft = useCallback(() => {
    const warning = autosave.leaveWarning(t('confirm.new'));
    if (warning && !window.confirm(warning)) return;
    loadDocument(initialDocument(), '');
  }, [autosave, loadDocument]);

  const download = useCallback(() => {
    const doc = currentDocument();
    const text = serializePlenaryFile({ document: doc, negotiation: currentNegotiation(), ...draftNotes.current() }, info?.version ?? '');
    saveBlob(new TextEncoder().encode(text), `${doc.meta.title || t('draft.untitled')}.plenary`, 'application/x-plenary+json');
  }, [currentDocument, currentNegotiation, draftNotes, info]);

  // Menu and keyboard commands return focus to the text; commands from a form field or a panel
  // (`focusEditor` false) leave focus where the delegate is working, so the next keystrokes never
  // land in the resolution.
  const exec = useCallback((cmd: (state: EditorState, dispatch: (tr: Transaction) => void) => boolean, focusEditor = true) => {
    const view = viewRef.current;
    if (!view) return false;
    const ok = cmd(view.state, view.dispatch);
    if (focusEditor) view.focus();
    return ok;
  }, []);
  const execHere = useCallback((cmd: (state: EditorState, dispatch: (tr: Transaction) => void) => boolean) => exec(cmd, false), [exec]);

  const jumpTo = useCallback((id: string) => {
    const view = viewRef.current;
    const s = view && structureKey.getState(view.state);
    const p = s?.structure.byId.get(id) ?? s?.structure.headings.find((h) => h.id === id);
    if (!view || !p) return;
    view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(p.pos + 1))).scrollIntoView());
    view.focus();
    view.dom.querySelector(`[data-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'center' });
  }, []);

  const viewSource = useCallback(
    (documentId: number, designation: string) => {
      call('library.document', { id: documentId }).then((doc) => setDialog({ kind: 'source', doc, highlight: designation }), report);
    },
    [report],
  );

  const finishImport = useCallback((summary: ImportSummary) => {
    setLibraryRevision((r) => r + 1);
    setDialog({ kind: 'importSummary', summary });
  }, []);

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
    [finishImport, notify, report],
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

  const deliver = useCallback(
    async (r: { dataBase64: string; fileName: string; mime: string; notes: string[] }) => {
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
      const extra = view ? { proposals: view, notes: draftNotes.current().notes } : {};
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
    [currentDocument, deliver, draftNotes, info, notify, report],
  );

  const exportCompilation = useCallback(
    (format: 'docx' | 'pdf' | 'html') => {
      notify(t('toast.preparingCompilation'));
      call('export.compilation', { document: currentDocument(), format, notes: draftNotes.current().notes })
        .then(deliver)
        .catch(report);
    },
    [currentDocument, deliver, draftNotes, notify, report],
  );

  const negotiationSettings = useCallback((patch: Partial<NegotiationSettings>) => {
    const view = viewRef.current;
    if (!view) return;
    view.dispatch(setNegotiationSettings(view.state, patch));
    setSnapshot(view.state);
    const n = { ...negotiationRef.current };
    if (patch.enabled !== undefined) n.enabled = patch.enabled;
    if (patch.delegation !== undefined) n.delegation = patch.delegation;
    if (patch.delegations !== undefined) n.delegations = patch.delegations;
    negotiationRef.current = n;
    setNegotiationState(n);
  }, []);

  const runCommand = useCallback(
    (id: string, arg?: string) => {
      switch (id) {
        case 'file.openPath':
          if (arg) void openPath(arg);
          return;
        case 'file.newFromResolution': {
          const warning = autosave.leaveWarning('Start a new draft');
          if (warning && !window.confirm(warning)) return;
          return setDialog({ kind: 'newFromResolution' });
        }
        case 'file.new':
          return newDraft();
        case 'file.open':
          return void open();
        case 'file.save':
          return void save();
        case 'file.saveAs':
          return void saveAs();
        case 'file.download':
          return download();
        case 'edit.find':
          setFindOpen(true);
          return setFindFocus((n) => n + 1);
        case 'edit.punctuate':
          if (!exec(punctuate())) notify(t('toast.punctuationOk'));
          return;
        case 'edit.convert':
          if (!exec(convertKind)) notify(t('toast.cannotConvert'), true);
          return;
        case 'edit.footnote':
          return void exec(insertFootnote);
        case 'edit.crossRef':
          return setDialog({ kind: 'crossRef' });
        case 'file.import':
          return void importFiles();
        case 'file.importFolder':
          return void importFolder();
        case 'file.printPreview':
          return setDialog({ kind: 'preview' });
        case 'file.mergeWord':
          return setDialog({ kind: 'mergeWord' });
        case 'export.docx':
        case 'export.pdf':
        case 'export.html':
        case 'export.txt':
        case 'export.akn':
          return void exportAs(id.slice(7) as 'docx');
        case 'view.library':
        case 'view.toggleLibrary':
          setPanelOpen(true);
          return setPanel('library');
        case 'view.matches':
          setPanelOpen(true);
          return setPanel('matches');
        case 'view.negotiation':
          setPanelOpen(true);
          return setPanel('negotiation');
        case 'view.versions':
          setPanelOpen(true);
          return setPanel('versions');
        case 'edit.autoPunctuate': {
          const view = viewRef.current;
          if (view) {
            const on = !(rulesKey.getState(view.state)?.autoPunctuate ?? true);
            view.dispatch(setAutoPunctuate(view.state, on));
            setSnapshot(view.state);
            notify(t(on ? 'toast.autoPunctuateOn' : 'toast.autoPunctuateOff'));
          }
          return;
        }
        case 'edit.negotiationNumbering': {
          const view = viewRef.current;
          if (!view) return;
          const on = !structureKey.getState(view.state)?.structure.negotiation;
          exec(setNegotiationNumbering(on));
          notify(t(on ? 'toast.negotiationNumberingOn' : 'toast.negotiationNumberingOff'));
          return;
        }
        case 'view.toggleTheme':
          return setTheme((t) => (t === 'dark' ? 'light' : 'dark'));
        case 'view.zoomIn':
          return setZoom((z) => Math.min(2, Math.round((z + 0.1) * 10) / 10));
        case 'view.zoomOut':
          return setZoom((z) => Math.max(0.6, Math.round((z - 0.1) * 10) / 10));
        case 'view.zoomReset':
          return setZoom(1);
        case 'view.togglePanel':
          return setPanelOpen((o) => !o);
        case 'view.outline':
        case 'view.notes':
        case 'view.checks':
        case 'view.document':
          setPanelOpen(true);
          return setPanel(id.slice(5) as Panel);
        case 'help.shortcuts':
          return setDialog({ kind: 'shortcuts' });
        case 'help.about':
          return setDialog({ kind: 'about' });
        case 'view.uiLanguage':
          return setDialog({ kind: 'uiLanguage' });
        default:
          notify(t('toast.notAvailable', { id }), true);
      }
    },
    [autosave, download, exec, exportAs, importFiles, importFolder, newDraft, notify, open, openPath, save, saveAs],
  );

  // Native menu commands (Electron) and the browser's own shortcuts.
  useEffect(() => onMenuCommand(runCommand), [runCommand]);
  useEffect(() => {
    if (isElectron()) return;
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      // Ctrl+Alt+F is the editor's "insert footnote": one shortcut, one command.
      if (!mod || e.altKey || e.defaultPrevented) return;
      const k = e.key.toLowerCase();
      const map: Record<string, string> = { s: e.shiftKey ? 'file.saveAs' : 'file.save', o: 'file.open', f: 'edit.find', p: 'file.printPreview', '=': 'view.zoomIn', '+': 'view.zoomIn', '-': 'view.zoomOut', '0': 'view.zoomReset' };
      const cmd = map[k];
      if (cmd && !(k === 'f' && e.shiftKey)) {
        e.preventDefault();
        runCommand(cmd);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [runCommand]);

  const meta = snapshot.doc.attrs.meta as FrontMatter;
  const structure = structureKey.getState(snapshot);
  const outline: OutlineItem[] = useMemo(() => {
    if (!structure) return [];
    return outlineEntries(structure.structure, structure.phrases, { empty: t('outline.emptyParagraph'), untitled: t('outline.untitledHeading') });
  }, [structure, i18n.language]);
  // The Checks tab shows its count, so findings are kept while the side panel is open.
  const findings: Finding[] = useMemo(() => (panelOpen ? computeFindings(snapshot, UI_CHECK_MESSAGES) : []), [snapshot, panelOpen, i18n.language]);
  const current = currentPara(snapshot);
  const currentForMatch: CurrentParagraph | null = useMemo(() => {
    if (!current || current.section === 'ap') return null;
    return {
      id: current.id,
      designation: current.designation,
      kind: current.level > 0 ? 'sub' : current.section,
      text: paraPlainText(current.node),
      provenance: (current.node.attrs.provenance as Provenance | null) ?? null,
    };
  }, [current]);
  const c = useMemo(() => counts(snapshot), [snapshot]);
  const paragraphNames = useMemo(() => (panel === 'notes' ? designationsOf(fromDoc(snapshot.doc)) : new Map<string, string>()), [panel, snapshot]);
  const autoPunct = rulesKey.getState(snapshot)?.autoPunctuate ?? true;
  const negotiationNumbering = structure?.structure.negotiation ?? false;
  const rtl = meta.language === 'ar';

  const menus: MenuSpec[] = [
    {
      label: t('menu.file'),
      items: [
        { id: 'file.new', label: t('command.file.new') },
        { id: 'file.newFromResolution', label: t('command.file.newFromResolution') },
        { id: 'file.open', label: t('command.file.open'), keys: 'Ctrl+O' },
        { id: 'file.save', label: t('command.file.save'), keys: 'Ctrl+S' },
        { id: 'file.saveAs', label: t('command.file.saveAs'), keys: 'Ctrl+Shift+S' },
        { id: 'file.import', label: t('command.file.import') },
        { id: 'file.importFolder', label: t('command.file.importFolder') },
        { id: 'file.printPreview', label: t('command.file.printPreview'), keys: 'Ctrl+P' },
        { id: 'export.docx', label: t('command.export.docx') },
        { id: 'export.pdf', label: t('command.export.pdf') },
        { id: 'export.html', label: t('command.export.html') },
        { id: 'export.txt', label: t('command.export.txt') },
        { id: 'export.akn', label: t('command.export.akn') },
        { id: 'file.mergeWord', label: t('command.file.mergeWord') },
        ...(isElectron() ? [] : [{ id: 'file.download', label: t('command.file.download') }]),
      ],
    },
    {
      label: t('menu.edit'),
      items: [
        { id: 'edit.find', label: t('command.edit.find'), keys: 'Ctrl+F' },
        { id: 'edit.punctuate', label: t('command.edit.punctuate'), keys: 'Ctrl+Shift+.' },
        { id: 'edit.autoPunctuate', label: `${autoPunct ? '✓ ' : ''}${t('command.edit.autoPunctuate')}` },
        { id: 'edit.convert', label: t('command.edit.convert'), keys: 'Ctrl+Shift+K' },
        { id: 'edit.footnote', label: t('command.edit.footnote'), keys: 'Ctrl+Alt+F' },
        { id: 'edit.crossRef', label: t('command.edit.crossRef') },
        { id: 'edit.negotiationNumbering', label: `${negotiationNumbering ? '✓ ' : ''}${t('command.edit.negotiationNumbering')}` },
      ],
    },
    {
      label: t('menu.view'),
      items: [
        { id: 'view.outline', label: t('command.view.outline') },
        { id: 'view.library', label: t('command.view.library') },
        { id: 'view.matches', label: t('command.view.matches') },
        { id: 'view.negotiation', label: t('command.view.negotiation') },
        { id: 'view.notes', label: t('command.view.notes') },
        { id: 'view.versions', label: t('command.view.versions') },
        { id: 'view.checks', label: t('command.view.checks') },
        { id: 'view.document', label: t('command.view.document') },
        { id: 'view.togglePanel', label: t('command.view.togglePanel') },
        { id: 'view.toggleTheme', label: theme === 'dark' ? t('command.view.lightTheme') : t('command.view.darkTheme') },
        { id: 'view.zoomIn', label: t('command.view.zoomIn'), keys: 'Ctrl+=' },
        { id: 'view.zoomOut', label: t('command.view.zoomOut'), keys: 'Ctrl+-' },
        { id: 'view.zoomReset', label: t('command.view.zoomReset'), keys: 'Ctrl+0' },
        { id: 'view.uiLanguage', label: t('command.view.uiLanguage') },
      ],
    },
    {
      label: t('menu.help'),
      items: [
        { id: 'help.shortcuts', label: t('command.help.shortcuts') },
        { id: 'help.about', label: t('command.help.about', { app: 'Plenary' }) },
      ],
    },
  ];

  const fileName = path ? path.split(/[\\/]/).pop() : t('draft.untitled');
  useEffect(() => {
    document.title = `${dirty ? '• ' : ''}${fileName} — Plenary`;
  }, [dirty, fileName]);

  return (
    <div className={`app${panelOpen ? ' with-panel' : ''}`}>
      {isElectron() ? null : <MenuBar menus={menus} onCommand={runCommand} title={`${fileName}${dirty ? ' •' : ''}`} />}
      <HostBanner conn={safety.conn} status={safety.status} onDownload={download} onReconnect={isElectron() ? null : () => setDialog({ kind: 'reconnect' })} />
      {findOpen ? (
        <FindBar
          view={viewRef.current}
          state={snapshot}
          focusRequest={findFocus}
          onClose={(toEditor) => {
            setFindOpen(false);
            if (toEditor) viewRef.current?.focus();
          }}
        />
      ) : null}
      <div className="workspace">
        <main className="page-scroll" aria-label={t('page.draft')} tabIndex={0}>
          <div className="page" ref={pageRef} style={{ zoom }} dir={rtl ? 'rtl' : 'ltr'} lang={meta.language}>
            <NotesMargin
              notes={draftNotes.value.notes}
              page={pageRef}
              revision={snapshot}
              onOpen={(para) => {
                setPanelOpen(true);
                setPanel('notes');
                jumpTo(para);
              }}
            />
            <Masthead
              meta={meta}
              onEdit={() => {
                setPanelOpen(true);
                setPanel('document');
              }}
            />
            <Editor initialState={editorState} onChange={onChange} onView={onEditorView} dir={rtl ? 'rtl' : 'ltr'} lang={meta.language} />
            {meta.kind === 'resolution' && meta.meeting ? (
              <p className="closing">
                <i>{meta.meeting}</i>
              </p>
            ) : null}
          </div>
        </main>
        {panelOpen ? (
          <aside className="side-panel" aria-label={t('panel.sidePanel')}>
            <div className="tabs" role="tablist" aria-label={t('panel.sidePanel')} onKeyDown={(e) => onTablistKey(e, PANELS, panel, setPanel)}>
              {PANELS.map((p) => (
                <button
                  key={p}
                  role="tab"
                  type="button"
                  id={`tab-${p}`}
                  aria-controls="side-panel-body"
                  tabIndex={panel === p ? 0 : -1}
                  data-panel={p}
                  aria-selected={panel === p}
                  className={panel === p ? 'active' : ''}
                  onClick={() => setPanel(p)}
                >
                  {t(PANEL_LABELS[p])}
                  {p === 'checks' && findings.length ? ` (${findings.length})` : ''}
                </button>
              ))}
            </div>
            <div className="panel-body" role="tabpanel" id="side-panel-body" aria-labelledby={`tab-${panel}`}>
              {panel === 'outline' ? (
                <Outline items={outline} currentId={current?.id ?? null} onJump={jumpTo} onMove={(id, before) => execHere(moveParagraphTo(id, before))} />
              ) : panel === 'library' ? (
                <LibraryPanel
                  revision={libraryRevision}
                  onError={report}
                  onImport={() => void importFiles()}
                  onView={viewSource}
                  onInsert={(hit) => {
                    exec(insertAgreed(hit));
                    notify(t('toast.inserted', { symbol: hit.symbol, designation: hit.designation }));
                  }}
                  onReplace={(hit) => {
                    if (current && current.section !== 'ap' && exec(replaceWithAgreed(current.id, hit))) notify(`Replaced ${current.designation} with agreed language from ${hit.symbol}, ${hit.designation}.`);
                    else notify('Place the cursor in a paragraph of the draft to replace it.', true);
                  }}
                  onHistory={(target) => setDialog({ kind: 'lineage', target })}
                />
              ) : panel === 'matches' ? (
                <MatchesPanel
                  current={currentForMatch}
                  onView={viewSource}
                  onUse={(m: AgreedMatch) => {
                    if (currentForMatch) execHere(replaceWithAgreed(currentForMatch.id, m));
                  }}
                  onInsert={(m: AgreedMatch) => execHere(insertAgreed(m))}
                  onHistory={(target) => setDialog({ kind: 'lineage', target })}
                  onSuggest={(sg, forText) => {
                    const view = viewRef.current;
                    if (!view) return;
                    view.dispatch(setSuggestion(view.state.tr, sg && currentForMatch ? { ...sg, paragraphId: currentForMatch.id, forText } : null));
                  }}
                />
              ) : panel === 'negotiation' ? (
                <NegotiationPanel
                  state={snapshot}
                  negotiation={negotiation}
                  currentParagraph={
                    current && current.level === 0 && !current.tail
                      ? { id: current.id, designation: current.designation, status: (current.node.attrs.status as string) || '', holder: (current.node.attrs.holder as string) || '' }
                      : null
                  }
                  onSettings={negotiationSettings}
                  onNegotiation={setNegotiation}
                  exec={execHere}
                  onDecide={(status, cmd) => {
                    const before = currentDocument();
                    const ok = execHere(cmd);
                    if (ok) draftNotes.decide(decisionsBetween(before, currentDocument(), status, new Date().toISOString()));
                    return ok;
                  }}
                  onJump={jumpTo}
                  onExportCompilation={exportCompilation}
                />
              ) : panel === 'notes' ? (
                <NotesPanel
                  notes={draftNotes.value.notes}
                  designations={paragraphNames}
                  order={outline.map((o) => o.id)}
                  current={current && !current.tail ? { id: current.id, designation: current.designation } : null}
                  defaultAuthor={negotiation.enabled ? negotiation.delegation : 'Facilitator'}
                  onAdd={draftNotes.add}
                  onResolve={draftNotes.resolve}
                  onDelete={draftNotes.remove}
                  onJump={jumpTo}
                />
              ) : panel === 'versions' ? (
                <VersionsPanel
                  versions={negotiation.versions}
                  current={currentDocument}
                  onSnapshot={(name) => {
                    setNegotiation({ ...negotiationRef.current, versions: [...negotiationRef.current.versions, { id: newId('v'), name, savedAt: new Date().toISOString(), document: currentDocument() }] });
                    notify(t('toast.versionSaved', { name }));
                  }}
                  onDelete={(id) => setNegotiation({ ...negotiationRef.current, versions: negotiationRef.current.versions.filter((v) => v.id !== id) })}
                  onCompare={(a, b) => {
                    const cmp = compareVersions(a.document, b.document);
                    setDialog({ kind: 'compare', title: `${a.name} → ${b.name}`, html: exportComparisonHtml(cmp, { title: `${a.name} → ${b.name}` }) });
                  }}
                  onTracked={(v) => {
                    notify(t('toast.preparingTracked', { name: v.name }));
                    call('export.render', { document: currentDocument(), format: 'docx', trackedAgainst: v.document, author: negotiationRef.current.delegation || 'Plenary' })
                      .then((r) => deliver({ ...r, fileName: r.fileName.replace(/\.docx$/, `.tracked-${v.name.replace(/[^\w.-]+/g, '_')}.docx`) }))
                      .catch(report);
                  }}
                />
              ) : panel === 'checks' ? (
                <Checks
                  items={findings}
                  onJump={jumpTo}
                  onFix={(f) => {
                    const view = viewRef.current;
                    const tr = view && fixFinding(view.state, f as Finding);
                    if (view && tr) view.dispatch(tr);
                  }}
                  onFixAll={() => execHere(punctuate())}
                />
              ) : (
                <MetadataForm meta={meta} onChange={(patch) => execHere(setMeta(patch))} />
              )}
            </div>
          </aside>
        ) : null}
      </div>
      <footer className="status-bar" aria-label={t('status.bar')}>
        <span>{current ? current.designation || (current.section === 'pp' ? t('status.preamble') : t('status.operative')) : '—'}</span>
        <span>{t('status.counts', { pp: c.pp, op: c.op, words: t('status.words', { count: c.words, formatted: formatNumber(c.words) }) })}</span>
        <span>{meta.language.toUpperCase()}</span>
        {negotiationNumbering ? <span className="badge">{t('status.negotiationNumbering')}</span> : null}
        {proposalsKey.getState(snapshot)?.enabled ? <span className="badge neg">{t('status.negotiationAs', { delegation: proposalsKey.getState(snapshot)?.delegation ?? '' })}</span> : null}
        <span className="spacer" />
        <button type="button" className="tab-mode" aria-pressed={tabMovesFocus} aria-keyshortcuts="Control+M" title={t('a11y.tabMode.title')} onClick={() => setTabMovesFocus(!tabMovesFocus)}>
          {tabMovesFocus ? t('a11y.tabMode.focus') : t('a11y.tabMode.demote')}
        </button>
        <span role="status" className={`save-state${safety.conn.lost || safety.status.journal === 'failed' ? ' unsafe' : ''}`}>{saveStateText(safety.status, safety.conn.lost)}</span>
        <span>{Math.round(zoom * 100)}%</span>
        <span>{info ? (info.mode === 'electron' ? t('status.desktop') : t('status.browser')) : ''}</span>
        <div id="plenary-announcer" className="sr-only" aria-live="polite" aria-atomic="true" />
      </footer>
      <input
        ref={importInput}
        type="file"
        multiple
        hidden
        accept=".txt,.md,.markdown,.html,.htm,.docx,.pdf"
        data-testid="import-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) importPicked(files);
        }}
      />
      <input
        ref={importFolderInput}
        type="file"
        hidden
        data-testid="import-folder-input"
        {...{ webkitdirectory: '' }}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])].filter((f) => IMPORTABLE_FILE.test(f.name));
          e.target.value = '';
          if (files.length) importPicked(files);
          else notify(t('toast.emptyFolder'));
        }}
      />
      {toast ? (
        <div className={`toast${toast.error ? ' error' : ''}`} role={toast.error ? 'alert' : 'status'}>
          {toast.text}
          <button type="button" className="icon" aria-label={t('common.dismiss')} onClick={() => setToast(null)}>
            ×
          </button>
        </div>
      ) : null}
      {dialog.kind === 'open' ? (
        <OpenDialog
          drafts={dialog.drafts}
          onOpen={(p) => void openPath(p)}
          onPickFile={(f) => {
            const opened = /\.plenary$/i.test(f.name)
              ? f.text().then((text) => call('drafts.openContent', { name: f.name, text })).then((r) => ({ document: r.file.document, draftId: r.draftId, file: r.file as OpenedDraft['file'] | undefined }))
              : toBase64(f).then((dataBase64) => call('drafts.importContent', { name: f.name, dataBase64 })).then((r) => ({ document: r.document, draftId: newId('d'), file: undefined }));
            opened
              .then(({ document, draftId, file }) => {
                loadDocument(document, '', !/\.plenary$/i.test(f.name), file?.negotiation, draftId, file);
                setDialog({ kind: 'none' });
                notify(t('toast.openedPicked', { name: f.name }));
              })
              .catch(report);
          }}
          onClose={() => setDialog({ kind: 'none' })}
        />
      ) : dialog.kind === 'recover' ? (
        <RecoveryDialog
          entries={dialog.entries}
          onRecover={(e) => {
            // The journal stays until the recovered draft is saved; the others stay listed.
            loadDocument(e.file.document, e.path, true, e.file.negotiation, e.key, e.file);
            const rest = dialog.entries.filter((x) => x.key !== e.key);
            setDialog(rest.length ? { kind: 'recover', entries: rest } : { kind: 'none' });
            notify(`${t('toast.recovered', { title: e.title || t('draft.untitled') })}${rest.length ? ` ${t('toast.recoveredMore', { count: rest.length })}` : ''}`);
          }}
          onDiscard={(e) => {
            call('drafts.discardRecovery', { key: e.key }).catch(report);
            const rest = dialog.entries.filter((x) => x.key !== e.key);
            setDialog(rest.length ? { kind: 'recover', entries: rest } : { kind: 'none' });
          }}
          onClose={() => setDialog({ kind: 'none' })}
        />
      ) : dialog.kind === 'locked' ? (
        <LockedDialog
          name={dialog.opened.path.split(/[\\/]/).pop() ?? dialog.opened.path}
          owner={dialog.opened.lockedBy!}
          onCopy={() => {
            const o = dialog.opened;
            loadDocument(o.file.document, '', true, o.file.negotiation, newId('d'), o.file);
            setDialog({ kind: 'none' });
            notify(t('toast.openedCopy'));
          }}
          onClose={() => setDialog({ kind: 'none' })}
        />
      ) : dialog.kind === 'reconnect' ? (
        <ReconnectDialog onReconnect={safety.reconnect} onClose={() => setDialog({ kind: 'none' })} />
      ) : dialog.kind === 'saveAs' ? (
        <SaveAsDialog
          initial={meta.title || t('draft.untitled')}
          onSave={(name) => {
            setDialog({ kind: 'none' });
            void saveTo({ name });
          }}
          onClose={() => setDialog({ kind: 'none' })}
        />
      ) : dialog.kind === 'crossRef' ? (
        <CrossRefDialog
          paragraphs={outline.filter((o) => o.designation !== '…').map((o) => ({ id: o.id, designation: o.designation, preview: `${o.phrase} ${o.preview}`.trim().slice(0, 60) }))}
          onInsert={(targets) => {
            setDialog({ kind: 'none' });
            exec(insertCrossRef(targets));
          }}
          onClose={() => setDialog({ kind: 'none' })}
        />
      ) : dialog.kind === 'source' ? (
        <SourceViewer doc={dialog.doc} highlight={dialog.highlight} onClose={() => setDialog({ kind: 'none' })} />
      ) : dialog.kind === 'preview' ? (
        <PrintPreview
          document={currentDocument()}
          onExport={(format, paper) => {
            setDialog({ kind: 'none' });
            void exportAs(format, paper);
          }}
          onClose={() => setDialog({ kind: 'none' })}
        />
      ) : dialog.kind === 'compare' ? (
        <Modal title={t('compare.title', { title: dialog.title })} onClose={() => setDialog({ kind: 'none' })} wide>
          <div className="preview-bar">
            <span className="spacer" />
            <button
              type="button"
              onClick={() => {
                const html = dialog.html;
                deliver({ dataBase64: btoa(unescape(encodeURIComponent(html))), fileName: 'comparison.html', mime: 'text/html', notes: [] }).catch(report);
              }}
            >
              {t('compare.exportHtml')}
            </button>
            <button type="button" className="primary" onClick={() => call('export.printHtml', { html: dialog.html, fileName: 'comparison.pdf' }).then(deliver).catch(report)}>
              {t('compare.exportPdf')}
            </button>
          </div>
          <iframe className="preview-frame" title={t('compare.frame')} sandbox="allow-same-origin" srcDoc={dialog.html} />
        </Modal>
      ) : dialog.kind === 'exportView' ? (
        <ExportViewDialog
          format={dialog.format}
          open={dialog.open}
          onExport={(view) => {
            setDialog({ kind: 'none' });
            void exportAs(dialog.format, dialog.paper, view);
          }}
          onClose={() => setDialog({ kind: 'none' })}
        />
      ) : dialog.kind === 'mergeWord' ? (
        <MergeWordDialog
          initialMap={loadAuthorMap()}
          {...(info?.nativeDialogs ? { pickPath: () => call('dialog.openFile', { title: 'Merge a Word file', extensions: ['docx'] }).then((r) => r?.path ?? null) } : {})}
          read={async (source, authorMap) =>
            'file' in source
              ? call('drafts.mergeWord', { document: currentDocument(), name: source.file.name, dataBase64: await toBase64(source.file), authorMap })
              : call('drafts.mergeWord', { document: currentDocument(), path: source.path, authorMap })
          }
          onApply={(outcome, map, name) => {
            saveAuthorMap(map);
            setDialog({ kind: 'none' });
            const view = viewRef.current;
            if (!view) return;
            view.dispatch(replaceDocument(view.state, outcome.document));
            draftNotes.addMany(outcome.notes);
            // New delegations join the list (with a colour), so their proposals can be filtered and decided.
            const known = negotiationRef.current.delegations;
            const proposing = outcome.summary.delegations.filter((d) => d.insertions + d.deletions + d.paragraphsInserted + d.paragraphsDeleted + d.moves > 0);
            const added = proposing.map((d) => d.delegation).filter((d, i, all) => all.indexOf(d) === i && !known.some((k) => k.name === d));
            if (added.length) {
              const delegations = [...known, ...added.map((name, i) => ({ name, color: PALETTE[(known.length + i) % PALETTE.length]! }))];
              negotiationSettings({ delegations });
              setNegotiation({ ...negotiationRef.current, delegations });
            }
            const n = outcome.summary.delegations.reduce((k, d) => k + d.insertions + d.deletions + d.paragraphsInserted + d.paragraphsDeleted + d.moves, 0);
            notify(`Merged ${name}: ${n} ${n === 1 ? 'proposal' : 'proposals'} and ${outcome.notes.length} ${outcome.notes.length === 1 ? 'note' : 'notes'} added (Undo takes the proposals out).`);
          }}
          onClose={() => setDialog({ kind: 'none' })}
        />
      ) : dialog.kind === 'importProgress' ? (
        <ImportProgressDialog status={dialog.status} onCancel={() => importAbort.current?.abort()} />
      ) : dialog.kind === 'importSummary' ? (
        <ImportSummaryDialog summary={dialog.summary} onClose={() => setDialog({ kind: 'none' })} />
      ) : dialog.kind === 'shortcuts' ? (
        <ShortcutsDialog shortcuts={[...SHORTCUTS, ...WINDOW_SHORTCUTS]} onClose={() => setDialog({ kind: 'none' })} />
      ) : dialog.kind === 'lineage' ? (
        <LineageDialog target={dialog.target} onClose={() => setDialog({ kind: 'none' })} />
      ) : dialog.kind === 'newFromResolution' ? (
        <NewFromResolutionDialog
          onDraft={(result, source, n) => {
            loadDocument(result.document, '', true, n);
            notify(t('technicalUpdate.created', { symbol: source.row.symbol }));
          }}
          onClose={(review) => {
            setDialog({ kind: 'none' });
            if (review) {
              setPanelOpen(true);
              setPanel('negotiation');
            }
          }}
        />
      ) : dialog.kind === 'about' ? (
        <AboutDialog info={info} onClose={() => setDialog({ kind: 'none' })} />
      ) : dialog.kind === 'uiLanguage' ? (
        <InterfaceLanguageDialog onClose={() => setDialog({ kind: 'none' })} onChosen={(name) => notify(t('toast.uiLanguage', { name }))} />
      ) : null}
    </div>
  );
}
