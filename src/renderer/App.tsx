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
import { createEditorState } from './editor/setup.js';
import { structureKey } from './editor/structure-plugin.js';
import { rulesKey, setAutoPunctuate } from './editor/rules.js';
import { convertKind, currentPara, paraAt, insertAgreed, insertCrossRef, insertFootnote, moveParagraphTo, replaceWithAgreed, punctuate, setMeta, setNegotiationNumbering } from './editor/commands.js';
import { computeFindings, fixFinding, type Finding } from './editor/checks.js';
import { Masthead } from './components/Masthead.js';
import { Outline, type OutlineItem } from './components/Outline.js';
import { Checks } from './components/Checks.js';
import { MetadataForm } from './components/MetadataForm.js';
import { FindBar } from './components/FindBar.js';
import { MenuBar } from './components/MenuBar.js';
import { CommandPalette } from './components/CommandPalette.js';
import { browserMenus, currentPlatform, dispatchCommand, paletteRows, useAppKeymap, type CommandHandlers } from './state/commands.js';
import { editHandlers } from './state/edit-commands.js';
import { shortcutRows, type CommandContext } from '../shared/commands.js';
import { undoDepth, redoDepth } from 'prosemirror-history';
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
import { emptyNegotiation, readNegotiation, type NegotiationFile } from './negotiation-state.js';
import { proposalsKey, setNegotiationSettings, type NegotiationSettings } from './editor/proposals.js';
import { compareVersions, exportComparisonHtml } from '../shared/negotiation/versions.js';
import type { Provenance } from '../shared/resolution/model.js';

type Panel = 'outline' | 'library' | 'matches' | 'negotiation' | 'versions' | 'checks' | 'document';

const PANELS: Panel[] = ['outline', 'library', 'matches', 'negotiation', 'versions', 'checks', 'document'];
const PANEL_LABELS: Record<Panel, string> = {
  outline: 'Outline',
  library: 'Library',
  matches: 'Matches',
  negotiation: 'Negotiate',
  versions: 'Versions',
  checks: 'Checks',
  document: 'Details',
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
  | { kind: 'source'; doc: LibraryDocument; highlight: string }
  | { kind: 'importSummary'; summary: ImportSummary }
  | { kind: 'importProgress'; status: ImportJobStatus | null }
  | { kind: 'preview'; print: boolean }
  | { kind: 'palette' }
  | { kind: 'compare'; html: string; title: string };

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

  const notify = useCallback((text: string, error = false) => {
    setToast({ text, error });
    window.setTimeout(() => setToast((t) => (t?.text === text ? null : t)), error ? 9000 : 3500);
  }, []);

  const report = useCallback((e: unknown) => notify(e instanceof ApiError || e instanceof Error ? e.message : String(e), true), [notify]);

  // Theme and zoom.
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem('plenary-theme', theme);
  }, [theme]);
  useEffect(() => {
    localStorage.setItem('plenary-zoom', String(zoom));
  }, [zoom]);

  useEffect(() => {
    call('app.info', {}).then(setInfo, report);
  }, [report]);

  const currentDocument = useCallback((): ResolutionDocument => fromDoc(latestState.current.doc), []);
  const currentNegotiation = useCallback((): NegotiationFile => {
    const st = proposalsKey.getState(latestState.current);
    const n = negotiationRef.current;
    return st ? { ...n, enabled: st.enabled, delegation: st.delegation, delegations: st.delegations } : n;
  }, []);

  // Autosave, recovery journals, locks and the host's heartbeat (src/renderer/state/).
  const safety = useDraftSafety({
    snapshot: () => ({ document: currentDocument(), negotiation: currentNegotiation() }),
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
  const loadDocument = useCallback((doc: ResolutionDocument, newPath: string, isDirty = false, negotiationRaw?: unknown, draftId = newId('d')) => {
    void autosave.switchTo({ draftId, path: newPath, dirty: isDirty });
    const auto = rulesKey.getState(latestState.current)?.autoPunctuate ?? true;
    const n = readNegotiation(negotiationRaw);
    negotiationRef.current = n;
    setNegotiationState(n);
    const st = createEditorState(toDoc(doc), { autoPunctuate: auto, negotiation: settingsFrom(n) });
    latestState.current = st;
    setEditorState(st);
    setSnapshot(st);
  }, [autosave]);

  const saveTo = useCallback(
    async (target: { path?: string; name?: string }) => {
      try {
        const rev = await autosave.beginSave();
        const { draftId } = autosave.getStatus();
        const r = await call('drafts.save', { ...target, document: currentDocument(), negotiation: currentNegotiation(), draftId, session: safety.session });
        autosave.saved(r.path, rev);
        notify(`Saved ${r.path}`);
      } catch (e) {
        report(e); // the service's message says where the work is kept (the draft's recovery journal)
      }
    },
    [autosave, currentDocument, currentNegotiation, notify, report, safety.session],
  );

  const saveAs = useCallback(async () => {
    if (info?.nativeDialogs) {
      try {
        const meta = latestState.current.doc.attrs.meta as FrontMatter;
        const r = await call('dialog.saveFile', { title: 'Save draft', defaultName: `${meta.title || 'Untitled draft'}.plenary`, extensions: ['plenary'] });
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
        loadDocument(r.file.document, r.path, false, r.file.negotiation, r.draftId);
        setDialog({ kind: 'none' });
        notify(`Opened ${r.path}`);
      } catch (e) {
        report(e);
      }
    },
    [loadDocument, notify, report, safety.session],
  );

  const open = useCallback(async () => {
    const warning = autosave.leaveWarning('Open another draft');
    if (warning && !window.confirm(warning)) return;
    if (info?.nativeDialogs) {
      try {
        const r = await call('dialog.openFile', { title: 'Open draft', extensions: ['plenary', 'xml', 'docx', 'pdf', 'html', 'htm', 'txt', 'md'] });
        if (r && /\.plenary$/i.test(r.path)) await openPath(r.path);
        else if (r) {
          const imported = await call('drafts.importFile', { path: r.path });
          loadDocument(imported.document, '', true);
          notify(`Opened ${r.path} as a new draft (save it to keep it).`);
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
    const warning = autosave.leaveWarning('Start a new draft');
    if (warning && !window.confirm(warning)) return;
    loadDocument(initialDocument(), '');
  }, [autosave, loadDocument]);

  const download = useCallback(() => {
    const doc = currentDocument();
    const text = serializePlenaryFile({ document: doc, negotiation: currentNegotiation() }, info?.version ?? '');
    saveBlob(new TextEncoder().encode(text), `${doc.meta.title || 'Untitled draft'}.plenary`, 'application/x-plenary+json');
  }, [currentDocument, currentNegotiation, info]);

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
    const p = s?.structure.byId.get(id);
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
        if (last.phase === 'cancelled') notify('Import stopped; the files imported so far stay in the library.');
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
      notify(`Importing ${files.length} file${files.length === 1 ? '' : 's'}…`);
      importInChunks(files, {
        read: toBase64,
        send: (payload) => call('library.importContent', { files: payload }),
        onProgress: (done, total) => notify(`Importing… ${done} of ${total} files sent`),
      }).then(finishImport, report);
    },
    [finishImport, notify, report],
  );

  const importFiles = useCallback(async () => {
    if (info?.nativeDialogs) {
      try {
        const r = await call('dialog.openFile', { title: 'Import resolutions into the library', extensions: ['txt', 'md', 'html', 'htm', 'docx', 'pdf'], multiple: true });
        if (r) await runImportJob(r.paths);
      } catch (e) {
        report(e);
      }
    } else importInput.current?.click();
  }, [info, runImportJob, report]);

  const importFolder = useCallback(async () => {
    if (info?.nativeDialogs) {
      try {
        const r = await call('dialog.openFile', { title: 'Import a folder of resolutions into the library', folder: true });
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

  const showPanel = useCallback((p: Panel) => {
    setPanelOpen(true);
    setPanel(p);
  }, []);

  // One handler per registry command (src/shared/commands.ts); the type makes a missing one an error.
  const handlers: CommandHandlers = useMemo(
    () => ({
      'file.new': newDraft,
      'file.open': () => void open(),
      'file.openPath': (arg) => {
        if (arg) void openPath(arg);
      },
      'file.save': () => void save(),
      'file.saveAs': () => void saveAs(),
      'file.download': download,
      'file.import': () => void importFiles(),
      'file.importFolder': () => void importFolder(),
      'export.docx': () => void exportAs('docx'),
      'export.pdf': () => void exportAs('pdf'),
      'export.html': () => void exportAs('html'),
      'export.txt': () => void exportAs('txt'),
      'export.akn': () => void exportAs('akn'),
      'file.printPreview': () => setDialog({ kind: 'preview', print: false }),
      'file.print': () => setDialog({ kind: 'preview', print: true }),
      ...editHandlers({ view: () => viewRef.current, exec, notify }),
      'edit.find': () => {
        setFindOpen(true);
        setFindFocus((n) => n + 1);
      },
      'edit.punctuate': () => {
        if (!exec(punctuate())) notify('End punctuation already follows the UN rules.');
      },
      'edit.convert': () => {
        if (!exec(convertKind)) notify('Cannot convert this paragraph (a resolution keeps at least one operative paragraph).', true);
      },
      'edit.footnote': () => void exec(insertFootnote),
      'edit.crossRef': () => setDialog({ kind: 'crossRef' }),
      'edit.autoPunctuate': () => {
        const view = viewRef.current;
        if (!view) return;
        const on = !(rulesKey.getState(view.state)?.autoPunctuate ?? true);
        view.dispatch(setAutoPunctuate(view.state, on));
        setSnapshot(view.state);
        notify(`Auto-punctuation ${on ? 'on' : 'off'}.`);
      },
      'edit.negotiationNumbering': () => {
        const view = viewRef.current;
        if (!view) return;
        const on = !structureKey.getState(view.state)?.structure.negotiation;
        exec(setNegotiationNumbering(on));
        notify(on ? 'Negotiation numbering: base numbers frozen (new paragraphs get bis, ter…).' : 'Negotiation numbering off: plain numbering.');
      },
      'view.outline': () => showPanel('outline'),
      'view.library': () => showPanel('library'),
      'view.matches': () => showPanel('matches'),
      'view.negotiation': () => showPanel('negotiation'),
      'view.versions': () => showPanel('versions'),
      'view.checks': () => showPanel('checks'),
      'view.document': () => showPanel('document'),
      'view.togglePanel': () => setPanelOpen((o) => !o),
      'view.toggleTheme': () => setTheme((t) => (t === 'dark' ? 'light' : 'dark')),
      'view.palette': () => setDialog({ kind: 'palette' }),
      'view.zoomIn': () => setZoom((z) => Math.min(2, Math.round((z + 0.1) * 10) / 10)),
      'view.zoomOut': () => setZoom((z) => Math.max(0.6, Math.round((z - 0.1) * 10) / 10)),
      'view.zoomReset': () => setZoom(1),
      'help.shortcuts': () => setDialog({ kind: 'shortcuts' }),
      'help.about': () => setDialog({ kind: 'about' }),
    }),
    [download, exec, exportAs, importFiles, importFolder, newDraft, notify, open, openPath, save, saveAs, showPanel],
  );
  const runCommand = useCallback((id: string, arg?: string) => dispatchCommand(handlers, id, arg, (unknown) => notify(`Plenary has no command “${unknown}”.`, true)), [handlers, notify]);

  // Native menu commands (Electron) and, in browser mode, the registry's app-level keys.
  useEffect(() => onMenuCommand(runCommand), [runCommand]);
  useAppKeymap(runCommand, isElectron() ? 'electron' : 'browser');

  const meta = snapshot.doc.attrs.meta as FrontMatter;
  const structure = structureKey.getState(snapshot);
  const outline: OutlineItem[] = useMemo(() => {
    if (!structure) return [];
    return structure.structure.paras.map((p) => {
      const text = paraPlainText(p.node);
      const len = structure.phrases.get(p.id) ?? 0;
      return {
        id: p.id,
        section: p.section,
        level: p.level,
        designation: p.tail ? '…' : p.designation,
        phrase: text.slice(0, len),
        preview: text.slice(len, len + 80).trim() || (len ? '' : '(empty)'),
        status: (p.node.attrs.status as string) || '',
      };
    });
  }, [structure]);
  // The Checks tab shows its count, so findings are kept while the side panel is open.
  const findings: Finding[] = useMemo(() => (panelOpen ? computeFindings(snapshot) : []), [snapshot, panelOpen]);
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
  const autoPunct = rulesKey.getState(snapshot)?.autoPunctuate ?? true;
  const negotiationNumbering = structure?.structure.negotiation ?? false;
  const rtl = meta.language === 'ar';

  const platform = currentPlatform();
  const commandContext: CommandContext = {
    autoPunctuate: autoPunct,
    negotiationNumbering,
    dark: theme === 'dark',
    panelOpen,
    canUndo: undoDepth(snapshot) > 0,
    canRedo: redoDepth(snapshot) > 0,
  };
  const menus = browserMenus(commandContext, platform);

  const fileName = path ? path.split(/[\\/]/).pop() : 'Untitled draft';
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
        <main className="page-scroll" aria-label="Draft">
          <div className="page" style={{ zoom }} dir={rtl ? 'rtl' : 'ltr'} lang={meta.language}>
            <Masthead
              meta={meta}
              onEdit={() => {
                setPanelOpen(true);
                setPanel('document');
              }}
            />
            <Editor initialState={editorState} onChange={onChange} onView={(v) => (viewRef.current = v)} dir={rtl ? 'rtl' : 'ltr'} lang={meta.language} />
            {meta.kind === 'resolution' && meta.meeting ? (
              <p className="closing">
                <i>{meta.meeting}</i>
              </p>
            ) : null}
          </div>
        </main>
        {panelOpen ? (
          <aside className="side-panel" aria-label="Side panel">
            <div className="tabs" role="tablist">
              {PANELS.map((p) => (
                <button key={p} role="tab" type="button" data-panel={p} aria-selected={panel === p} className={panel === p ? 'active' : ''} onClick={() => setPanel(p)}>
                  {PANEL_LABELS[p]}
                  {p === 'checks' && findings.length ? ` (${findings.length})` : ''}
                </button>
              ))}
            </div>
            <div className="panel-body">
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
                    notify(`Inserted agreed language from ${hit.symbol}, ${hit.designation}.`);
                  }}
                />
              ) : panel === 'matches' ? (
                <MatchesPanel
                  current={currentForMatch}
                  onView={viewSource}
                  onUse={(m: AgreedMatch) => {
                    if (currentForMatch) execHere(replaceWithAgreed(currentForMatch.id, m));
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
                  onJump={jumpTo}
                  onExportCompilation={exportCompilation}
                />
              ) : panel === 'versions' ? (
                <VersionsPanel
                  versions={negotiation.versions}
                  current={currentDocument}
                  onSnapshot={(name) => {
                    setNegotiation({ ...negotiationRef.current, versions: [...negotiationRef.current.versions, { id: newId('v'), name, savedAt: new Date().toISOString(), document: currentDocument() }] });
                    notify(`Saved version “${name}”.`);
                  }}
                  onDelete={(id) => setNegotiation({ ...negotiationRef.current, versions: negotiationRef.current.versions.filter((v) => v.id !== id) })}
                  onCompare={(a, b) => {
                    const cmp = compareVersions(a.document, b.document);
                    setDialog({ kind: 'compare', title: `${a.name} → ${b.name}`, html: exportComparisonHtml(cmp, { title: `${a.name} → ${b.name}` }) });
                  }}
                  onTracked={(v) => {
                    notify(`Preparing Word tracked changes against “${v.name}”…`);
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
      <footer className="status-bar" role="status">
        <span>{current ? current.designation || (current.section === 'pp' ? 'Preamble' : 'Operative') : '—'}</span>
        <span>
          {c.pp} PP · {c.op} OP · {c.words.toLocaleString()} words
        </span>
        <span>{meta.language.toUpperCase()}</span>
        {negotiationNumbering ? <span className="badge">Negotiation numbering</span> : null}
        {proposalsKey.getState(snapshot)?.enabled ? <span className="badge neg">Negotiation: {proposalsKey.getState(snapshot)?.delegation}</span> : null}
        <span className="spacer" />
        <span className={`save-state${safety.conn.lost || safety.status.journal === 'failed' ? ' unsafe' : ''}`}>{saveStateText(safety.status, safety.conn.lost)}</span>
        <span>{Math.round(zoom * 100)}%</span>
        <span>{info ? (info.mode === 'electron' ? 'Desktop' : 'Browser mode') : ''}</span>
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
          else notify('That folder holds no files Plenary can import (.txt, .md, .html, .docx, .pdf).');
        }}
      />
      {toast ? (
        <div className={`toast${toast.error ? ' error' : ''}`} role={toast.error ? 'alert' : 'status'}>
          {toast.text}
          <button type="button" className="icon" aria-label="Dismiss" onClick={() => setToast(null)}>
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
              ? f.text().then((text) => call('drafts.openContent', { name: f.name, text })).then((r) => ({ document: r.file.document, draftId: r.draftId }))
              : toBase64(f).then((dataBase64) => call('drafts.importContent', { name: f.name, dataBase64 })).then((r) => ({ document: r.document, draftId: newId('d') }));
            opened
              .then(({ document, draftId }) => {
                loadDocument(document, '', !/\.plenary$/i.test(f.name), undefined, draftId);
                setDialog({ kind: 'none' });
                notify(`Opened ${f.name} (save it to keep it in Plenary).`);
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
            loadDocument(e.file.document, e.path, true, e.file.negotiation, e.key);
            const rest = dialog.entries.filter((x) => x.key !== e.key);
            setDialog(rest.length ? { kind: 'recover', entries: rest } : { kind: 'none' });
            notify(`Recovered “${e.title || 'Untitled draft'}”. Save it to keep it.${rest.length ? ` ${rest.length} more ${rest.length === 1 ? 'is' : 'are'} still listed and kept.` : ''}`);
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
            loadDocument(o.file.document, '', true, o.file.negotiation, newId('d'));
            setDialog({ kind: 'none' });
            notify('Opened a copy: save it under another name to keep it.');
          }}
          onClose={() => setDialog({ kind: 'none' })}
        />
      ) : dialog.kind === 'reconnect' ? (
        <ReconnectDialog onReconnect={safety.reconnect} onClose={() => setDialog({ kind: 'none' })} />
      ) : dialog.kind === 'saveAs' ? (
        <SaveAsDialog
          initial={meta.title || 'Untitled draft'}
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
          printNow={dialog.print}
          onExport={(format, paper) => {
            setDialog({ kind: 'none' });
            void exportAs(format, paper);
          }}
          onClose={() => setDialog({ kind: 'none' })}
        />
      ) : dialog.kind === 'compare' ? (
        <Modal title={`Comparison: ${dialog.title}`} onClose={() => setDialog({ kind: 'none' })} wide>
          <div className="preview-bar">
            <span className="spacer" />
            <button
              type="button"
              onClick={() => {
                const html = dialog.html;
                deliver({ dataBase64: btoa(unescape(encodeURIComponent(html))), fileName: 'comparison.html', mime: 'text/html', notes: [] }).catch(report);
              }}
            >
              Export HTML
            </button>
            <button type="button" className="primary" onClick={() => call('export.printHtml', { html: dialog.html, fileName: 'comparison.pdf' }).then(deliver).catch(report)}>
              Export PDF
            </button>
          </div>
          <iframe className="preview-frame" title="Comparison" sandbox="allow-same-origin" srcDoc={dialog.html} />
        </Modal>
      ) : dialog.kind === 'importProgress' ? (
        <ImportProgressDialog status={dialog.status} onCancel={() => importAbort.current?.abort()} />
      ) : dialog.kind === 'importSummary' ? (
        <ImportSummaryDialog summary={dialog.summary} onClose={() => setDialog({ kind: 'none' })} />
      ) : dialog.kind === 'shortcuts' ? (
        <ShortcutsDialog shortcuts={shortcutRows(platform, isElectron() ? 'electron' : 'browser')} onClose={() => setDialog({ kind: 'none' })} />
      ) : dialog.kind === 'palette' ? (
        <CommandPalette
          rows={paletteRows(commandContext, platform, isElectron() ? 'electron' : 'browser')}
          onRun={(id) => {
            viewRef.current?.focus();
            runCommand(id);
          }}
          onClose={() => {
            setDialog({ kind: 'none' });
            viewRef.current?.focus();
          }}
        />
      ) : dialog.kind === 'about' ? (
        <AboutDialog info={info} onClose={() => setDialog({ kind: 'none' })} />
      ) : null}
    </div>
  );
}
