/**
 * Drafts on disk: new, open (a .plenary draft, or any importable file as a new draft), save,
 * save as, download a copy (browser), and showing another draft. The autosave journal and locks
 * are draft-safety's (state/draft-safety.ts); this module only asks them before and after.
 */
import { useCallback } from 'react';
import type { AppInfo, OpenedDraft, RecoveryEntry } from '../../shared/api.js';
import { emptyDocument, type FrontMatter, type ResolutionDocument } from '../../shared/resolution/model.js';
import { toDoc } from '../../shared/resolution/convert.js';
import { serializePlenaryFile } from '../../shared/resolution/file.js';
import { newId } from '../../shared/ids.js';
import { call } from '../api.js';
import { createEditorState } from '../../shared/editor/state.js';
import { UI_EDITOR_MESSAGES } from '../i18n/editor.js';
import { rulesKey } from '../../shared/editor/plugins/rules.js';
import type { DraftSafety } from './draft-safety.js';
import type { EditorSession } from './editor-session.js';
import type { useNegotiation } from './negotiation.js';
import type { DialogState, SetDialog } from './dialogs.js';
import { saveBlob } from './exporting.js';
import { toBase64 } from './library.js';
import { notesFromFile, type useDraftNotes } from './notes.js';
import { t } from '../i18n/index.js';

/** A parsed draft file's sections beside the document (notes, decisions). */
type DraftFile = Parameters<typeof notesFromFile>[0];

/** The empty draft a window starts with. */
export function initialDocument(): ResolutionDocument {
  return emptyDocument({ kind: 'draft', organ: 'ga', language: 'en' }, newId);
}

/** File handling of the open draft. */
export function useDrafts(deps: {
  info: AppInfo | null;
  safety: DraftSafety;
  editor: EditorSession;
  negotiation: ReturnType<typeof useNegotiation>;
  /** The draft's notes and decisions, saved with it. */
  notes: ReturnType<typeof useDraftNotes>;
  currentDocument: () => ResolutionDocument;
  setDialog: SetDialog;
  notify: (text: string, error?: boolean) => void;
  report: (e: unknown) => void;
}) {
  const { info, safety, currentDocument, setDialog, notify, report } = deps;
  const autosave = safety.autosave;
  // Stable members only, so the callbacks below do not change on every keystroke's snapshot.
  const { latestState, replace } = deps.editor;
  const { load: loadNegotiation, current: currentNegotiation } = deps.negotiation;
  const { load: loadNotes, current: currentNotes } = deps.notes;

  /** Shows another draft; the previous one's unsaved text is journaled first (state/autosave.ts). */
  const loadDocument = useCallback(
    (doc: ResolutionDocument, newPath: string, isDirty = false, negotiationRaw?: unknown, draftId = newId('d'), file?: DraftFile, name = '') => {
      void autosave.switchTo({ draftId, path: newPath, dirty: isDirty, name });
      loadNotes(notesFromFile(file));
      const auto = rulesKey.getState(latestState.current)?.autoPunctuate ?? true;
      const settings = loadNegotiation(negotiationRaw);
      replace(createEditorState(toDoc(doc), { autoPunctuate: auto, negotiation: settings, messages: UI_EDITOR_MESSAGES }));
    },
    [autosave, latestState, loadNegotiation, loadNotes, replace],
  );

  const saveTo = useCallback(
    async (target: { path?: string; name?: string }) => {
      try {
        const rev = await autosave.beginSave();
        const { draftId } = autosave.getStatus();
        const r = await call('drafts.save', { ...target, document: currentDocument(), negotiation: currentNegotiation(), ...currentNotes(), draftId, session: safety.session });
        autosave.saved(r.path, rev);
        notify(t('toast.saved', { path: r.path }));
      } catch (e) {
        report(e); // the service's message says where the work is kept (the draft's recovery journal)
      }
    },
    [autosave, currentDocument, currentNegotiation, currentNotes, notify, report, safety.session],
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
  }, [latestState, info, report, saveTo, setDialog]);

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
    [loadDocument, notify, report, safety.session, setDialog],
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
  }, [autosave, info, loadDocument, notify, openPath, report, setDialog]);

  /** Browser mode: a file picked in the Open dialog (a .plenary draft, or an import as a new draft). */
  const openPicked = useCallback(
    (f: File) => {
      const opened = /\.plenary$/i.test(f.name)
        ? f.text().then((text) => call('drafts.openContent', { name: f.name, text })).then((r) => ({ document: r.file.document, draftId: r.draftId, file: r.file as OpenedDraft['file'] | undefined }))
        : toBase64(f).then((dataBase64) => call('drafts.importContent', { name: f.name, dataBase64 })).then((r) => ({ document: r.document, draftId: newId('d'), file: undefined }));
      opened
        .then(({ document, draftId, file }) => {
          // No path in browser mode: the title shows the picked file's name.
          loadDocument(document, '', !/\.plenary$/i.test(f.name), file?.negotiation, draftId, file, f.name);
          setDialog({ kind: 'none' });
          notify(t('toast.openedPicked', { name: f.name }));
        })
        .catch(report);
    },
    [loadDocument, notify, report, setDialog],
  );

  const newDraft = useCallback(() => {
    const warning = autosave.leaveWarning(t('confirm.new'));
    if (warning && !window.confirm(warning)) return;
    loadDocument(initialDocument(), '');
  }, [autosave, loadDocument]);

  /** File › New draft from resolution: asked like New, then the dialog picks the resolution. */
  const newFromResolution = useCallback(() => {
    const warning = autosave.leaveWarning(t('confirm.new'));
    if (warning && !window.confirm(warning)) return;
    setDialog({ kind: 'newFromResolution' });
  }, [autosave, setDialog]);

  const download = useCallback(() => {
    const doc = currentDocument();
    const text = serializePlenaryFile({ document: doc, negotiation: currentNegotiation(), ...currentNotes() }, info?.version ?? '');
    saveBlob(new TextEncoder().encode(text), `${doc.meta.title || t('draft.untitled')}.plenary`, 'application/x-plenary+json');
  }, [currentDocument, currentNegotiation, currentNotes, info]);

  /** Recovery: the journal stays until the recovered draft is saved; the others stay listed. */
  const recover = useCallback(
    (e: RecoveryEntry, entries: RecoveryEntry[]) => {
      loadDocument(e.file.document, e.path, true, e.file.negotiation, e.key, e.file);
      const rest = entries.filter((x) => x.key !== e.key);
      setDialog(rest.length ? { kind: 'recover', entries: rest } : { kind: 'none' });
      notify(`${t('toast.recovered', { title: e.title || t('draft.untitled') })}${rest.length ? ` ${t('toast.recoveredMore', { count: rest.length })}` : ''}`);
    },
    [loadDocument, notify, setDialog],
  );

  const discardRecovery = useCallback(
    (e: RecoveryEntry, entries: RecoveryEntry[]) => {
      call('drafts.discardRecovery', { key: e.key }).catch(report);
      const rest = entries.filter((x) => x.key !== e.key);
      setDialog(rest.length ? { kind: 'recover', entries: rest } : { kind: 'none' });
    },
    [report, setDialog],
  );

  /** A draft locked by another window, opened as an unsaved copy. */
  const openCopy = useCallback(
    (d: Extract<DialogState, { kind: 'locked' }>) => {
      const o = d.opened;
      loadDocument(o.file.document, '', true, o.file.negotiation, newId('d'), o.file);
      setDialog({ kind: 'none' });
      notify(t('toast.openedCopy'));
    },
    [loadDocument, notify, setDialog],
  );

  return { loadDocument, saveTo, saveAs, save, openPath, open, openPicked, newDraft, newFromResolution, download, recover, discardRecovery, openCopy };
}
