/**
 * The side panel: its tabs and the panel shown. Each panel gets what it reads and the commands it
 * may run; the app's state stays in src/renderer/state/.
 */
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
import { MatchesPanel, type CurrentParagraph } from './MatchesPanel.js';
import { NegotiationPanel } from './NegotiationPanel.js';
import { VersionsPanel } from './VersionsPanel.js';

const PANEL_LABELS: Record<Panel, string> = {
  outline: 'Outline',
  library: 'Library',
  matches: 'Matches',
  negotiation: 'Negotiate',
  versions: 'Versions',
  checks: 'Checks',
  document: 'Details',
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
  notify: (text: string, error?: boolean) => void;
  onError: (e: unknown) => void;
}

/** The side panel. */
export function SidePanel(p: SidePanelProps) {
  const { panel, current, currentForMatch } = p;
  return (
    <aside className="side-panel" aria-label="Side panel">
      <div className="tabs" role="tablist">
        {PANELS.map((id) => (
          <button key={id} role="tab" type="button" data-panel={id} aria-selected={panel === id} className={panel === id ? 'active' : ''} onClick={() => p.onPanel(id)}>
            {PANEL_LABELS[id]}
            {id === 'checks' && p.findings.length ? ` (${p.findings.length})` : ''}
          </button>
        ))}
      </div>
      <div className="panel-body">
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
              p.notify(`Inserted agreed language from ${hit.symbol}, ${hit.designation}.`);
            }}
          />
        ) : panel === 'matches' ? (
          <MatchesPanel
            current={currentForMatch}
            onView={p.onViewSource}
            onUse={(m: AgreedMatch) => {
              if (currentForMatch) p.execHere(replaceWithAgreed(currentForMatch.id, m));
            }}
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
            onJump={p.jumpTo}
            onExportCompilation={p.onExportCompilation}
          />
        ) : panel === 'versions' ? (
          <VersionsPanel
            versions={p.negotiation.versions}
            current={p.currentDocument}
            onSnapshot={(name) => {
              p.onVersions((vs) => [...vs, { id: newId('v'), name, savedAt: new Date().toISOString(), document: p.currentDocument() }]);
              p.notify(`Saved version “${name}”.`);
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
