/**
 * The negotiation part of a draft that is not in the text itself: the managed list of
 * delegations, the settings of the negotiation mode, and saved versions. Stored in the
 * `negotiation` section of the .plenary file.
 */
import type { ResolutionDocument } from '../shared/resolution/model.js';
import type { Delegation } from '../shared/editor/negotiation/index.js';

/** A saved version (zero draft, Rev.1, …). */
export interface SavedVersion {
  id: string;
  name: string;
  savedAt: string;
  document: ResolutionDocument;
}

/** What the .plenary file keeps about the negotiation. */
export interface NegotiationFile {
  delegations: Delegation[];
  enabled: boolean;
  delegation: string;
  versions: SavedVersion[];
}

/**
 * Colours for new delegations, distinguishable and at least 4.5:1 on the white page. On screen the
 * text in a delegation's colour is also clamped in lightness per theme (styles.css, `--by-color`),
 * so any colour a user picks stays readable in the dark theme too.
 */
export const PALETTE = ['#1f6fb2', '#b5422d', '#2e7d32', '#8e44ad', '#a35f00', '#00707a', '#ad1457', '#5d4037', '#3949ab', '#557000'];

/** The usual negotiating groups, offered when a draft starts its negotiation. */
export const DEFAULT_DELEGATIONS: Delegation[] = [
  { name: 'EU', color: PALETTE[0]! },
  { name: 'G77 and China', color: PALETTE[1]! },
  { name: 'CANZ', color: PALETTE[2]! },
  { name: 'United States', color: PALETTE[3]! },
  { name: 'Russian Federation', color: PALETTE[4]! },
];

/** An empty negotiation section. */
export function emptyNegotiation(): NegotiationFile {
  return { delegations: DEFAULT_DELEGATIONS.map((d) => ({ ...d })), enabled: false, delegation: 'EU', versions: [] };
}

/** Reads the negotiation section of a file, tolerating older or partial shapes. */
export function readNegotiation(raw: unknown): NegotiationFile {
  const base = emptyNegotiation();
  if (!raw || typeof raw !== 'object') return base;
  const r = raw as Partial<NegotiationFile>;
  return {
    delegations: Array.isArray(r.delegations) && r.delegations.length ? r.delegations.filter((d) => d && typeof d.name === 'string').map((d) => ({ name: d.name, color: d.color || PALETTE[0]! })) : base.delegations,
    enabled: r.enabled === true,
    delegation: typeof r.delegation === 'string' && r.delegation ? r.delegation : base.delegation,
    versions: Array.isArray(r.versions) ? r.versions.filter((v) => v && typeof v.name === 'string' && v.document) : [],
  };
}
