/**
 * What the panels and the status bar show of the draft, derived from the editor's snapshot:
 * the outline, the checks' findings, the paragraph at the caret, counts, and the small context
 * the command registry's predicates read.
 */
import { useMemo } from 'react';
import type { EditorState } from 'prosemirror-state';
import { undoDepth, redoDepth } from 'prosemirror-history';
import type { FrontMatter, Provenance } from '../../shared/resolution/model.js';
import { paraPlainText } from '../../shared/resolution/structure.js';
import type { CommandContext } from '../../shared/commands.js';
import { structureKey } from '../../shared/editor/plugins/structure.js';
import { rulesKey } from '../../shared/editor/plugins/rules.js';
import { currentPara } from '../../shared/editor/queries/paragraphs.js';
import { partRestartAt } from '../../shared/editor/commands/headings.js';
import { computeFindings, type Finding } from '../../shared/editor/queries/checks.js';
import type { OutlineItem } from '../components/Outline.js';
import { outlineEntries } from '../../shared/editor/queries/outline.js';
import type { CurrentParagraph } from '../components/MatchesPanel.js';
import { UI_CHECK_MESSAGES } from '../i18n/checks.js';
import { t, useTranslation } from '../i18n/index.js';

/** Words and paragraphs for the status bar. */
export function counts(state: EditorState) {
  const s = structureKey.getState(state);
  let words = 0;
  state.doc.descendants((n) => {
    if (n.isText) words += (n.text ?? '').split(/\s+/).filter(Boolean).length;
    return true;
  });
  return { words, pp: s?.structure.preambularCount ?? 0, op: s?.structure.operativeCount ?? 0 };
}

/** The derived view of `snapshot`; findings only while the side panel is open (the Checks tab shows their count). */
export function useDocumentView(snapshot: EditorState, ui: { panelOpen: boolean; dark: boolean }) {
  // The outline's placeholders and the checks' messages are in the interface language.
  const { i18n } = useTranslation();
  const meta = snapshot.doc.attrs.meta as FrontMatter;
  const structure = structureKey.getState(snapshot);
  const outline: OutlineItem[] = useMemo(() => {
    if (!structure) return [];
    return outlineEntries(structure.structure, structure.phrases, { empty: t('outline.emptyParagraph'), untitled: t('outline.untitledHeading') });
  }, [structure, i18n.language]);
  const findings: Finding[] = useMemo(() => (ui.panelOpen ? computeFindings(snapshot, UI_CHECK_MESSAGES) : []), [snapshot, ui.panelOpen, i18n.language]);
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
  const negotiationNumbering = structure?.structure.negotiation ?? false;
  const commandContext: CommandContext = {
    autoPunctuate: rulesKey.getState(snapshot)?.autoPunctuate ?? true,
    negotiationNumbering,
    dark: ui.dark,
    panelOpen: ui.panelOpen,
    canUndo: undoDepth(snapshot) > 0,
    canRedo: redoDepth(snapshot) > 0,
    partRestart: partRestartAt(snapshot),
  };
  return { meta, outline, findings, current, currentForMatch, counts: c, negotiationNumbering, commandContext };
}
