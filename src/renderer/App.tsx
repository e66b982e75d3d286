/**
 * The application shell: menu bar, the page (masthead preview + editor, notes margin), the side
 * panel, the status bar and dialogs, and the window's keyboard regions (F6, Escape, Ctrl+M).
 * State lives in src/renderer/state/ (drafts, autosave and recovery, export, library,
 * negotiation, notes, the editor session, commands); this file wires it to the views.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import { call, isElectron, onMenuCommand, setSpellcheckLanguages } from './api.js';
import { IMPORTABLE_FILE, type AppInfo } from '../shared/api.js';
import type { ResolutionDocument } from '../shared/resolution/model.js';
import { toDoc, fromDoc } from '../shared/resolution/convert.js';
import { shortcutRows } from '../shared/commands.js';
import { Editor } from './editor/Editor.js';
import { createEditorState } from '../shared/editor/state.js';
import { UI_EDITOR_MESSAGES } from './i18n/editor.js';
import { insertCrossRef } from '../shared/editor/commands/index.js';
import { fixFinding } from '../shared/editor/queries/checks.js';
import { setSuggestion } from '../shared/editor/plugins/suggestion.js';
import { Masthead } from './components/Masthead.js';
import { FindBar } from './components/FindBar.js';
import { MenuBar } from './components/MenuBar.js';
import { HostBanner } from './components/HostStatus.js';
import { StatusBar } from './components/StatusBar.js';
import { SidePanel } from './components/SidePanel.js';
import { AppDialogs } from './components/AppDialogs.js';
import { emptyNegotiation } from './negotiation-state.js';
import { useDraftSafety } from './state/draft-safety.js';
import { browserMenus, currentPlatform, dispatchCommand, paletteRows, uiTranslate, useAppKeymap } from './state/commands.js';
import { useCommandHandlers } from './state/command-handlers.js';
import { useEditorSession } from './state/editor-session.js';
import { settingsFrom, useNegotiation } from './state/negotiation.js';
import { initialDocument, useDrafts } from './state/drafts.js';
import { useExport } from './state/exporting.js';
import { useLibrary } from './state/library.js';
import { useToast, useUiPrefs } from './state/ui.js';
import { useDocumentView } from './state/document-view.js';
import type { DialogState } from './state/dialogs.js';
import { useDraftNotes } from './state/notes.js';
import { useMergeWord } from './state/merge-word.js';
import { NotesMargin } from './components/NotesPanel.js';
import { registerEditorFocus } from './a11y/focus.js';
import { useKeyboardRegions, WINDOW_SHORTCUTS } from './a11y/regions.js';
import { applyAppInfo, t, useTranslation } from './i18n/index.js';

/** The app. */
export function App() {
  useTranslation(); // re-renders the shell when the interface language changes
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [dialog, setDialog] = useState<DialogState>({ kind: 'none' });
  const [findOpen, setFindOpen] = useState(false);
  const [findFocus, setFindFocus] = useState(0);
  const ui = useUiPrefs();
  const { toast, dismiss, notify, report } = useToast();
  // The editor reports document changes to autosave, which exists only after draft-safety below.
  const changedRef = useRef<() => void>(() => undefined);
  const markChanged = useCallback(() => changedRef.current(), []);
  const editor = useEditorSession(
    () => createEditorState(toDoc(initialDocument()), { negotiation: settingsFrom(emptyNegotiation()), messages: UI_EDITOR_MESSAGES }),
    markChanged,
    (r) => notify(t(r.key, r.params), true),
  );
  const { latestState, viewRef } = editor;
  const currentDocument = useCallback((): ResolutionDocument => fromDoc(latestState.current.doc), [latestState]);
  const negotiation = useNegotiation(editor, markChanged);
  // Notes and decided proposals live beside the text; a change marks the draft dirty.
  const notes = useDraftNotes(markChanged);

  // Keyboard regions (F6), Escape back to the editor, Ctrl+M "Tab moves focus" (a11y/regions.ts).
  const [tabMovesFocus, setTabMovesFocus] = useKeyboardRegions();
  useEffect(() => {
    registerEditorFocus(() => {
      viewRef.current?.focus();
      return Boolean(viewRef.current);
    });
    return () => registerEditorFocus(null);
  }, [viewRef]);
  // A new or opened draft replaces the view: a keyboard user who was typing keeps typing in it.
  const editorHadFocus = useRef(false);
  const onEditorView = useCallback(
    (v: EditorView | null) => {
      if (!v) editorHadFocus.current = viewRef.current?.hasFocus() ?? false;
      viewRef.current = v;
      if (v && editorHadFocus.current) v.focus();
    },
    [viewRef],
  );
  const pageRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    call('app.info', {}).then((i) => {
      applyAppInfo(i);
      setInfo(i);
    }, report);
  }, [report]);

  // Autosave, recovery journals, locks and the host's heartbeat (src/renderer/state/).
  const safety = useDraftSafety({
    snapshot: () => ({ document: currentDocument(), negotiation: negotiation.current(), ...notes.current() }),
    onRecoverable: (entries) =>
      setDialog((d) => (d.kind === 'none' ? { kind: 'recover', entries } : d.kind === 'recover' ? { kind: 'recover', entries: [...d.entries, ...entries.filter((e) => !d.entries.some((x) => x.key === e.key))] } : d)),
    notify,
  });
  changedRef.current = () => safety.autosave.changed();
  const { path, dirty, name } = safety.status;

  const drafts = useDrafts({ info, safety, editor, negotiation, notes, currentDocument, setDialog, notify, report });
  const exporting = useExport({ info, currentDocument, delegation: () => negotiation.current().delegation, notes: () => notes.current().notes, setDialog, notify, report });
  const closeDialog = useCallback(() => setDialog({ kind: 'none' }), []);
  const mergeWord = useMergeWord({ editor, negotiation, notes, currentDocument, close: closeDialog, notify });
  const library = useLibrary({ info, setDialog, notify, report });
  const openFind = useCallback(() => {
    setFindOpen(true);
    setFindFocus((n) => n + 1);
  }, []);
  const handlers = useCommandHandlers({ editor, ui, drafts, exporting, library, setDialog, openFind, notify });
  const runCommand = useCallback((id: string, arg?: string) => dispatchCommand(handlers, id, arg, (unknown) => notify(t('toast.unknownCommand', { id: unknown }), true)), [handlers, notify]);

  // Native menu commands (Electron) and, in browser mode, the registry's app-level keys.
  const shell = isElectron() ? 'electron' : 'browser';
  useEffect(() => onMenuCommand(runCommand), [runCommand]);
  useAppKeymap(runCommand, shell);

  const { snapshot } = editor;
  const view = useDocumentView(snapshot, { panelOpen: ui.panelOpen, dark: ui.theme === 'dark' });
  const { meta } = view;
  const rtl = meta.language === 'ar';
  // The desktop spellchecker checks in the document's language (the browser follows `lang`).
  useEffect(() => setSpellcheckLanguages([meta.language]), [meta.language]);
  const platform = currentPlatform();

  const fileName = path ? path.split(/[\\/]/).pop() : name || t('draft.untitled');
  useEffect(() => {
    document.title = `${dirty ? '• ' : ''}${fileName} — Plenary`;
  }, [dirty, fileName]);

  return (
    <div className={`app${ui.panelOpen ? ' with-panel' : ''}`}>
      {isElectron() ? null : <MenuBar menus={browserMenus(view.commandContext, platform, uiTranslate)} onCommand={runCommand} title={`${fileName}${dirty ? ' •' : ''}`} />}
      <HostBanner conn={safety.conn} status={safety.status} onDownload={drafts.download} onReconnect={isElectron() ? null : () => setDialog({ kind: 'reconnect' })} />
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
          <div className="page" ref={pageRef} style={{ zoom: ui.zoom }} dir={rtl ? 'rtl' : 'ltr'} lang={meta.language}>
            <NotesMargin
              notes={notes.value.notes}
              page={pageRef}
              revision={snapshot}
              onOpen={(para) => {
                ui.showPanel('notes');
                editor.jumpTo(para);
              }}
            />
            <Masthead meta={meta} onEdit={() => ui.showPanel('document')} />
            <Editor initialState={editor.editorState} onChange={editor.onChange} onView={onEditorView} dir={rtl ? 'rtl' : 'ltr'} lang={meta.language} />
            {meta.kind === 'resolution' && meta.meeting ? (
              <p className="closing">
                <i>{meta.meeting}</i>
              </p>
            ) : null}
          </div>
        </main>
        {ui.panelOpen ? (
          <SidePanel
            panel={ui.panel}
            onPanel={ui.setPanel}
            snapshot={snapshot}
            meta={meta}
            outline={view.outline}
            findings={view.findings}
            current={view.current}
            currentForMatch={view.currentForMatch}
            negotiation={negotiation.view(snapshot)}
            libraryRevision={library.revision}
            exec={editor.exec}
            execHere={editor.execHere}
            jumpTo={editor.jumpTo}
            dispatchFix={(f) => {
              const v = viewRef.current;
              const tr = v && fixFinding(v.state, f);
              if (v && tr) v.dispatch(tr);
            }}
            currentDocument={currentDocument}
            onImport={() => void library.importFiles()}
            onViewSource={library.viewSource}
            onSettings={negotiation.setSettings}
            onNegotiation={negotiation.setNegotiation}
            onVersions={negotiation.setVersions}
            onExportCompilation={exporting.exportCompilation}
            onCompare={(title, html) => setDialog({ kind: 'compare', title, html })}
            onTracked={exporting.exportTracked}
            notes={notes}
            onLineage={(target) => setDialog({ kind: 'lineage', target })}
            onSuggest={(sg, forText) => {
              const v = viewRef.current;
              const para = view.currentForMatch;
              if (v) v.dispatch(setSuggestion(v.state.tr, sg && para ? { ...sg, paragraphId: para.id, forText } : null));
            }}
            notify={notify}
            onError={report}
          />
        ) : null}
      </div>
      <StatusBar
        current={view.current}
        counts={view.counts}
        language={meta.language}
        negotiationNumbering={view.negotiationNumbering}
        snapshot={snapshot}
        status={safety.status}
        hostLost={safety.conn.lost}
        zoom={ui.zoom}
        info={info}
        tabMovesFocus={tabMovesFocus}
        onTabMovesFocus={setTabMovesFocus}
      />
      <input
        ref={library.importInput}
        type="file"
        multiple
        hidden
        accept=".txt,.md,.markdown,.html,.htm,.docx,.pdf"
        data-testid="import-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) library.importPicked(files);
        }}
      />
      <input
        ref={library.importFolderInput}
        type="file"
        hidden
        data-testid="import-folder-input"
        {...{ webkitdirectory: '' }}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])].filter((f) => IMPORTABLE_FILE.test(f.name));
          e.target.value = '';
          if (files.length) library.importPicked(files);
          else notify(t('toast.emptyFolder'));
        }}
      />
      {toast ? (
        <div className={`toast${toast.error ? ' error' : ''}`} role={toast.error ? 'alert' : 'status'}>
          {toast.text}
          <button type="button" className="icon" aria-label={t('common.dismiss')} onClick={dismiss}>
            ×
          </button>
        </div>
      ) : null}
      <AppDialogs
        dialog={dialog}
        setDialog={setDialog}
        info={info}
        title={meta.title}
        outline={view.outline}
        drafts={drafts}
        currentDocument={currentDocument}
        shortcuts={[...shortcutRows(platform, shell, uiTranslate), ...WINDOW_SHORTCUTS]}
        paletteRows={() => paletteRows(view.commandContext, platform, shell, uiTranslate)}
        onRunCommand={runCommand}
        onInsertCrossRef={(targets) => editor.exec(insertCrossRef(targets))}
        onExport={(format, paper) => void exporting.exportAs(format, paper)}
        onExportView={(format, paper, v) => void exporting.exportAs(format, paper, v)}
        mergeWord={mergeWord}
        onNewFromResolution={(result, source, n) => {
          drafts.loadDocument(result.document, '', true, n);
          notify(t('technicalUpdate.created', { symbol: source.row.symbol }));
        }}
        onReviewProposals={() => ui.showPanel('negotiation')}
        notify={notify}
        onExportComparison={exporting.exportComparison}
        onReconnect={safety.reconnect}
        onCancelImport={() => library.importAbort.current?.abort()}
        focusEditor={() => viewRef.current?.focus()}
      />
    </div>
  );
}
