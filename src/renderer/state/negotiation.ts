/**
 * A draft's negotiation, in one place each: the settings (negotiation mode, the delegation
 * typing, the managed delegations) live only in the editor's proposals plugin state; the saved
 * versions live only in this store. `NegotiationFile` (what the .plenary file keeps and the panel
 * shows) is derived from the two, never kept as a third copy.
 */
import { useCallback, useState, useSyncExternalStore } from 'react';
import type { EditorState } from 'prosemirror-state';
import { proposalsKey, setNegotiationSettings, type NegotiationSettings } from '../../shared/editor/negotiation/index.js';
import { readNegotiation, type NegotiationFile, type SavedVersion } from '../negotiation-state.js';
import type { EditorSession } from './editor-session.js';

/** The editor's negotiation settings for a draft's negotiation section (as a draft opens). */
export function settingsFrom(n: NegotiationFile): Partial<NegotiationSettings> {
  return { enabled: n.enabled, delegation: n.delegation, delegations: n.delegations, view: 'markup' };
}

/** The negotiation section of a draft: the settings of `state` with the saved versions. */
export function negotiationOf(state: EditorState, versions: SavedVersion[]): NegotiationFile {
  const st = proposalsKey.getState(state);
  return { enabled: st?.enabled ?? false, delegation: st?.delegation ?? '', delegations: st?.delegations ?? [], versions };
}

/** The saved versions of the open draft: an external store (readable from callbacks, rendered by React). */
export class VersionsStore {
  private versions: SavedVersion[] = [];
  private readonly listeners = new Set<() => void>();
  /** The versions now. */
  get = (): SavedVersion[] => this.versions;
  /** Replaces the versions and tells subscribers. */
  set(versions: SavedVersion[]): void {
    this.versions = versions;
    for (const l of this.listeners) l();
  }
  /** useSyncExternalStore's subscribe. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** The negotiation of the open draft; `changed` marks the draft as needing autosave. */
export function useNegotiation(editor: EditorSession, changed: () => void) {
  const [store] = useState(() => new VersionsStore());
  const versions = useSyncExternalStore(store.subscribe, store.get);

  /** What the file keeps now (from the latest editor state, not the throttled snapshot). */
  const { latestState, viewRef, refresh } = editor; // stable members
  const current = useCallback((): NegotiationFile => negotiationOf(latestState.current, store.get()), [latestState, store]);

  /** A draft opens: its versions here, its settings for the new editor state. */
  const load = useCallback(
    (raw: unknown): Partial<NegotiationSettings> => {
      const n = readNegotiation(raw);
      store.set(n.versions);
      return settingsFrom(n);
    },
    [store],
  );

  /** Changes the settings (the plugin state is their one home). */
  const setSettings = useCallback(
    (patch: Partial<NegotiationSettings>) => {
      const view = viewRef.current;
      if (!view) return;
      view.dispatch(setNegotiationSettings(view.state, patch));
      refresh();
    },
    [refresh, viewRef],
  );

  /** The panel's edit of the whole section: settings to the plugin, versions here. */
  const setNegotiation = useCallback(
    (n: NegotiationFile) => {
      setSettings({ enabled: n.enabled, delegation: n.delegation, delegations: n.delegations });
      store.set(n.versions);
      changed();
    },
    [changed, setSettings, store],
  );

  const setVersions = useCallback(
    (update: (v: SavedVersion[]) => SavedVersion[]) => {
      store.set(update(store.get()));
      changed();
    },
    [changed, store],
  );

  return { versions, current, load, setSettings, setNegotiation, setVersions, view: (state: EditorState) => negotiationOf(state, versions) };
}
