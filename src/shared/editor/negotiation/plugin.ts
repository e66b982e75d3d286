/**
 * The proposals plugin: negotiation settings as plugin state and edits tracked as proposals while
 * the mode is on (see `tracking.ts`). The views' decorations are the plugin of `decorations.ts`.
 */
import { Plugin } from 'prosemirror-state';
import { newId } from '../../ids.js';
import { DEFAULT_SETTINGS, proposalsKey, settingsOf, type NegotiationSettings, type ProposalsMeta } from './settings.js';
import { editsGhost, isStructural, isTrackable, isUntrackableEdit, trackBatch } from './tracking.js';

/** Options of {@link proposalsPlugin} for tests and tools: the clock and the id source. */
export interface ProposalsPluginOptions {
  now?: () => string;
  newId?: () => string;
}

/**
 * The proposals plugin. Its state is the NegotiationSettings (change them with
 * `setNegotiationSettings`). When enabled, edits become proposals of the current delegation
 * (see `tracking.ts`); without a delegation, edits are refused.
 *
 * Decorations for CSS (drawn by `proposalDecorationsPlugin`, which must follow this plugin):
 * - proposal text: `span.proposal.proposal-ins` / `.proposal-del`, whole paragraphs
 *   `.proposal-para.proposal-para-ins` / `.proposal-para-del` (a move's new place also
 *   `.proposal-move-to`, its old place `.proposal-move-from`), each with `data-by` and a
 *   `--by-color` custom property from the delegations list, and one of
 *   `.proposal-shown` (markup: underline / strike in the colour), `.proposal-plain` (show as
 *   ordinary text) or `.proposal-hidden` (display: none — use !important, since a shown child
 *   proposal may sit inside a hidden parent);
 * - `span.proposal-tag.proposal-tag-ins|del` after each shown proposal, text "EU" or "EU: delete"
 *   (CSS adds the parentheses);
 * - `span.bracket-mark.bracket-open|close` widgets "[", "[[", "]"… at bracket boundaries.
 * Backspace and Delete inside a paragraph must reach `deleteCharTracked` while the mode is on
 * (the view's key handler does it), so the deleted character is tracked rather than removed by the
 * browser.
 */
export function proposalsPlugin(initial: Partial<NegotiationSettings> = {}, opts: ProposalsPluginOptions = {}): Plugin<NegotiationSettings> {
  const now = opts.now ?? (() => new Date().toISOString());
  const makeId = opts.newId ?? (() => newId('s'));
  return new Plugin<NegotiationSettings>({
    key: proposalsKey,
    state: {
      init: () => ({ ...DEFAULT_SETTINGS, ...initial, delegations: [...(initial.delegations ?? [])] }),
      apply: (tr, prev) => {
        const meta = tr.getMeta(proposalsKey) as ProposalsMeta | undefined;
        return meta?.settings ? { ...prev, ...meta.settings } : prev;
      },
    },
    filterTransaction(tr, state) {
      const s = settingsOf(state);
      if (!s.enabled) return true;
      // A replacement that wraps content (ProseMirror's ReplaceAroundStep: typing over a selection
      // from one paragraph into a paragraph of another kind) cannot be recorded as a proposal; let
      // through, it deleted the delegations' text with no trace. Refused: nothing is lost.
      if (isUntrackableEdit(tr) || editsGhost(tr)) return false;
      if (s.delegation) return true;
      return !(isTrackable(tr) && !isStructural(tr.before, tr.doc));
    },
    appendTransaction(trs, oldState, state) {
      const s = settingsOf(state);
      if (!s.enabled || !s.delegation) return null;
      const paste = trs.some((t) => t.getMeta('uiEvent') === 'paste');
      return trackBatch(trs, oldState, state, { me: s.delegation, at: now(), newId: makeId, paste });
    },
  });
}
