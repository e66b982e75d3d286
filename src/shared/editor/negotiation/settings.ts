/**
 * Negotiation mode's settings (who edits, which view) and the transaction metas that steer
 * tracking. The settings live in the proposals plugin's state, never in the document.
 */
import { PluginKey, type EditorState, type Transaction } from 'prosemirror-state';

/** A delegation or group taking part in the negotiation, with its colour in the markup view. */
export interface Delegation {
  name: string;
  color: string;
}

/** The settings of negotiation mode (kept in the plugin state, not in the document). */
export interface NegotiationSettings {
  /** Whether edits are recorded as proposals. */
  enabled: boolean;
  /** The delegation edits are attributed to. */
  delegation: string;
  /** markup: all proposals coloured; clean: as if all were accepted; only: one delegation's proposals. */
  view: 'markup' | 'clean' | 'only';
  /** The delegation shown in the 'only' view. */
  only?: string;
  /** The managed list of delegations (names and colours). */
  delegations: Delegation[];
}

/** Key of the proposals plugin; `proposalsKey.getState(state)` gives the NegotiationSettings. */
export const proposalsKey = new PluginKey<NegotiationSettings>('plenary-proposals');

/**
 * Transaction meta that keeps a transaction out of proposal tracking, e.g.
 * `tr.setMeta(UNTRACKED_META, true)` for loading a text or applying an imported revision.
 */
export const UNTRACKED_META = 'plenary-untracked';

/** What the plugin's own transactions carry under `proposalsKey`. */
export interface ProposalsMeta {
  settings?: Partial<NegotiationSettings>;
  /** Not to be tracked (commands, and the plugin's own appended transactions). */
  skip?: boolean;
}

/** Settings of a state without the plugin, or before any change: the mode off, no delegations. */
export const DEFAULT_SETTINGS: NegotiationSettings = { enabled: false, delegation: '', view: 'markup', delegations: [] };

/** The negotiation settings of `state` (the defaults when the plugin is absent). */
export function settingsOf(state: EditorState): NegotiationSettings {
  return proposalsKey.getState(state) ?? DEFAULT_SETTINGS;
}

/** Marks a transaction as the plugin's own: never tracked, and the typing rules leave it alone. */
export function own(tr: Transaction): Transaction {
  return tr.setMeta(proposalsKey, { skip: true } satisfies ProposalsMeta).setMeta('plenary-no-rules', true);
}

/** A transaction (meta only, not an undo step) that changes the negotiation settings. */
export function setNegotiationSettings(state: EditorState, patch: Partial<NegotiationSettings>): Transaction {
  return state.tr.setMeta(proposalsKey, { settings: patch } satisfies ProposalsMeta).setMeta('addToHistory', false);
}
