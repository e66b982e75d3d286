/**
 * The side panel: its tabs and the panel shown. Each panel gets what it reads and the commands it
 * may run; the app's state stays in src/renderer/state/.
 */
import { useMemo } from 'react';
import type { EditorState } from 'prosemirror-state';
import type { AgreedMatch } from '../../shared/api.js';
import type { FrontMatter, ResolutionDocument } from '../../shared/resolution/model.js';
import type { ParaInfo } from '../../shared/resolution/structure.js';
import { newId } from '../../shared/ids.js';
import { compareVersions, exportComparisonHtml } from '../../shared/negotiation/versions.js';
import { insertAgreed, moveParagraphTo, punctuate, replaceWithAgreed, setMeta } from '../../shared/editor/commands/index.js';
import type { Finding } from '../../shared/editor/queries/checks.js';
import type { NegotiationSettings } from '../../shared/editor/negotiation/index.js';
import type { NegotiationFile, SavedVersion } from '../negotiation-state.js';
import { PANELS, type Panel } from '../state/ui.js';
import type { PMCommand } from '../state/editor-session.js';
import { Outline, type OutlineItem } from './Outline.js';
import { Checks } from './Checks.js';
import { MetadataForm } from './MetadataForm.js';
import { LibraryPanel } from './LibraryPanel.js';
import { MatchesPanel, type CurrentParagraph, type MatchesPanelProps } from './MatchesPanel.js';
import { NegotiationPanel } from './NegotiationPanel.js';
import { VersionsPanel } from './VersionsPanel.js';
import { NotesPanel } from './NotesPanel.js';
import type { LineageTarget } from './LineageDialog.js';
import { fromDoc } from '../../shared/resolution/convert.js';
import { designations as designationsOf } from '../../shared/negotiation/list.js';
import { decisionsBetween } from '../../shared/negotiation/decisions.js';
import type { useDraftNotes } from '../state/notes.js';
import { onTablistKey } from '../a11y/tablist.js';
import { useTranslation } from '../i18n/index.js';

/** Catalogue keys of the tabs. */
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

/** Props of the side panel. */
export interface SidePanelProps {
  panel: Panel;
  onPanel: (p: Panel) => void;
  snapshot: EditorState;
  meta: FrontMatter;
  outline: OutlineItem[];
  findings: Finding[];
  current: ParaInfo | null;
  currentForMatch: CurrentParagraph | null;
  negotiation: NegotiationFile;
  libraryRevision: number;
  /** Runs a command and gives focus to the text (insertions). */
  exec: (cmd: PMCommand) => boolean;
  /** Runs a command and leaves focus in the panel. */
  execHere: (cmd: PMCommand) => boolean;
  jumpTo: (id: string) => void;
  /** Applies a check's fix. */
  dispatchFix: (f: Finding) => void;
  currentDocument: () => ResolutionDocument;
  onImport: () => void;
  onViewSource: (documentId: number, designation: string) => void;
  onSettings: (patch: Partial<NegotiationSettings>) => void;
  onNegotiation: (n: NegotiationFile) => void;
  onVersions: (update: (v: SavedVersion[]) => SavedVersion[]) => void;
  onExportCompilation: (format: 'docx' | 'pdf' | 'html') => void;
  onCompare: (title: string, html: string) => void;
  onTracked: (v: SavedVersion) => void;
  /** The draft's notes and decisions (Notes panel; decided proposals are recorded). */
  notes: ReturnType<typeof useDraftNotes>;
  /** Shows an agreed paragraph's history (LineageDialog). */
  onLineage: (target: LineageTarget) => void;
  /** Shows (or clears, with null) an agreed-language suggestion as ghost text in the current paragraph. */
  onSuggest: MatchesPanelProps['onSuggest'];
  notify: (text: string, error?: boolean) => void;
  onError: (e: unknown) => void;
}

/** The side panel. */
export function SidePanel(p: SidePanelProps) {
  const { t } = useTranslation();
  const { panel, current, currentForMatch, snapshot } = p;
  const paragraphNames = useMemo(() => (panel === 'notes' ? designationsOf(fromDoc(snapshot.doc)) : new Map<string, string>()), [panel, snapshot]);
  return (
    <aside className="side-panel" aria-label={t('panel.sidePanel')}>
      <div className="tabs" role="tablist" aria-label={t('panel.sidePanel')} onKeyDown={(e) => onTablistKey(e, PANELS, panel, p.onPanel)}>
        {PANELS.map((id) => (
          <button
            key={id}
            role="tab"
            type="button"
            id={`tab-${id}`}
            aria-controls="side-panel-body"
            tabIndex={panel === id ? 0 : -1}
            data-panel={id}
            aria-selected={panel === id}
            className={panel === id ? 'active' : ''}
            onClick={() => p.onPanel(id)}
          >
            {t(PANEL_LABELS[id])}
            {id === 'checks' && p.findings.length ? ` (${p.findings.length})` : ''}
          </button>
        ))}
      </div>
      <div className="panel-body" role="tabpanel" id="side-panel-body" aria-labelledby={`tab-${panel}`}>
        {panel === 'outline' ? (
          <Outline items={p.outline} currentId={current?.id ?? null} onJump={p.jumpTo} onMove={(id, before) => p.execHere(moveParagraphTo(id, before))} />
        ) : panel === 'library' ? (
          <LibraryPanel
            revision={p.libraryRevision}
            onError={p.onError}
            onImport={p.onImport}
            onView={p.onViewSource}
            onInsert={(hit) => {
              p.exec(insertAgreed(hit));
              p.notify(t('toast.inserted', { symbol: hit.symbol, designation: hit.designation }));
            }}
            onReplace={(hit) => {
              if (current && current.section !== 'ap' && p.exec(replaceWithAgreed(current.id, hit))) p.notify(t('toast.replaced', { designation: current.designation, symbol: hit.symbol, source: hit.designation }));
              else p.notify(t('toast.placeCursorToReplace'), true);
            }}
            onHistory={p.onLineage}
          />
        ) : panel === 'matches' ? (
          <MatchesPanel
            current={currentForMatch}
            onView={p.onViewSource}
            onUse={(m: AgreedMatch) => {
              if (currentForMatch) p.execHere(replaceWithAgreed(currentForMatch.id, m));
            }}
            onInsert={(m: AgreedMatch) => p.execHere(insertAgreed(m))}
            onHistory={p.onLineage}
            onSuggest={p.onSuggest}
          />
        ) : panel === 'negotiation' ? (
          <NegotiationPanel
            state={p.snapshot}
            negotiation={p.negotiation}
            currentParagraph={
              current && current.level === 0 && !current.tail
                ? { id: current.id, designation: current.designation, status: (current.node.attrs.status as string) || '', holder: (current.node.attrs.holder as string) || '' }
                : null
            }
            onSettings={p.onSettings}
            onNegotiation={p.onNegotiation}
            exec={p.execHere}
            onDecide={(status, cmd) => {
              const before = p.currentDocument();
              const ok = p.execHere(cmd);
              if (ok) p.notes.decide(decisionsBetween(before, p.currentDocument(), status, new Date().toISOString()));
              return ok;
            }}
            onJump={p.jumpTo}
            onExportCompilation={p.onExportCompilation}
          />
        ) : panel === 'notes' ? (
          <NotesPanel
            notes={p.notes.value.notes}
            designations={paragraphNames}
            order={p.outline.map((o) => o.id)}
            current={current && !current.tail ? { id: current.id, designation: current.designation } : null}
            defaultAuthor={p.negotiation.enabled ? p.negotiation.delegation : 'Facilitator'}
            onAdd={p.notes.add}
            onResolve={p.notes.resolve}
            onDelete={p.notes.remove}
            onJump={p.jumpTo}
          />
        ) : panel === 'versions' ? (
          <VersionsPanel
            versions={p.negotiation.versions}
            current={p.currentDocument}
            onSnapshot={(name) => {
              p.onVersions((vs) => [...vs, { id: newId('v'), name, savedAt: new Date().toISOString(), document: p.currentDocument() }]);
              p.notify(t('toast.versionSaved', { name }));
            }}
            onDelete={(id) => p.onVersions((vs) => vs.filter((v) => v.id !== id))}
            onCompare={(a, b) => {
              const cmp = compareVersions(a.document, b.document);
              p.onCompare(`${a.name} → ${b.name}`, exportComparisonHtml(cmp, { title: `${a.name} → ${b.name}` }));
            }}
            onTracked={p.onTracked}
          />
        ) : panel === 'checks' ? (
          <Checks items={p.findings} onJump={p.jumpTo} onFix={(f) => p.dispatchFix(f as Finding)} onFixAll={() => p.execHere(punctuate())} />
        ) : (
          <MetadataForm meta={p.meta} onChange={(patch) => p.execHere(setMeta(patch))} />
        )}
      </div>
    </aside>
  );
}
