/**
 * Drafts on disk: new, open (a .plenary draft, or any importable file as a new draft), save,
 * save as, download a copy (browser), and showing another draft. The autosave journal and locks
 * are draft-safety's (state/draft-safety.ts); this module only asks them before and after.
 */
import { useCallback } from 'react';
import type { AppInfo, RecoveryEntry } from '../../shared/api.js';
import { emptyDocument, type FrontMatter, type ResolutionDocument } from '../../shared/resolution/model.js';
import { toDoc } from '../../shared/resolution/convert.js';
import { serializePlenaryFile } from '../../shared/resolution/file.js';
import { newId } from '../../shared/ids.js';
import { call } from '../api.js';
import { createEditorState } from '../../shared/editor/state.js';
import { rulesKey } from '../../shared/editor/plugins/rules.js';
import type { DraftSafety } from './draft-safety.js';
import type { EditorSession } from './editor-session.js';
import type { useNegotiation } from './negotiation.js';
import type { DialogState, SetDialog } from './dialogs.js';
import { saveBlob } from './exporting.js';
import { toBase64 } from './library.js';

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

  /** Shows another draft; the previous one's unsaved text is journaled first (state/autosave.ts). */
  const loadDocument = useCallback(
    (doc: ResolutionDocument, newPath: string, isDirty = false, negotiationRaw?: unknown, draftId = newId('d')) => {
      void autosave.switchTo({ draftId, path: newPath, dirty: isDirty });
      const auto = rulesKey.getState(latestState.current)?.autoPunctuate ?? true;
      const settings = loadNegotiation(negotiationRaw);
      replace(createEditorState(toDoc(doc), { autoPunctuate: auto, negotiation: settings }));
    },
    [autosave, latestState, loadNegotiation, replace],
  );

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
        loadDocument(r.file.document, r.path, false, r.file.negotiation, r.draftId);
        setDialog({ kind: 'none' });
        notify(`Opened ${r.path}`);
      } catch (e) {
        report(e);
      }
    },
    [loadDocument, notify, report, safety.session, setDialog],
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
  }, [autosave, info, loadDocument, notify, openPath, report, setDialog]);

  /** Browser mode: a file picked in the Open dialog (a .plenary draft, or an import as a new draft). */
  const openPicked = useCallback(
    (f: File) => {
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
    },
    [loadDocument, notify, report, setDialog],
  );

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

  /** Recovery: the journal stays until the recovered draft is saved; the others stay listed. */
  const recover = useCallback(
    (e: RecoveryEntry, entries: RecoveryEntry[]) => {
      loadDocument(e.file.document, e.path, true, e.file.negotiation, e.key);
      const rest = entries.filter((x) => x.key !== e.key);
      setDialog(rest.length ? { kind: 'recover', entries: rest } : { kind: 'none' });
      notify(`Recovered “${e.title || 'Untitled draft'}”. Save it to keep it.${rest.length ? ` ${rest.length} more ${rest.length === 1 ? 'is' : 'are'} still listed and kept.` : ''}`);
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
      loadDocument(o.file.document, '', true, o.file.negotiation, newId('d'));
      setDialog({ kind: 'none' });
      notify('Opened a copy: save it under another name to keep it.');
    },
    [loadDocument, notify, setDialog],
  );

  return { loadDocument, saveTo, saveAs, save, openPath, open, openPicked, newDraft, download, recover, discardRecovery, openCopy };
}
