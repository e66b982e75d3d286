// The window session id in browser mode: kept across a reload of the tab, but a duplicated tab
// (which starts with a copy of its original's sessionStorage) gets its own, so two tabs never
// share a draft's locks and recovery journals.
import { describe, expect, it } from 'vitest';
import { windowSession, type SessionWindow } from '../../../src/renderer/state/draft-safety.js';

/** A tab: its sessionStorage (a Map) and its page's pagehide/pageshow listeners. */
class FakeTab implements SessionWindow {
  private listeners: { type: string; f: (e: { persisted?: boolean }) => void }[] = [];
  constructor(readonly store: Map<string, string> = new Map()) {}
  sessionStorage = {
    getItem: (k: string) => this.store.get(k) ?? null,
    setItem: (k: string, v: string) => void this.store.set(k, v),
    removeItem: (k: string) => void this.store.delete(k),
  };
  addEventListener(type: 'pagehide' | 'pageshow', f: (e: { persisted?: boolean }) => void): void {
    this.listeners.push({ type, f });
  }
  fire(type: 'pagehide' | 'pageshow', persisted = false): void {
    for (const l of this.listeners) if (l.type === type) l.f({ persisted });
  }
  /** The same tab's next page after a reload: the same sessionStorage, no listeners. */
  reload(): FakeTab {
    this.fire('pagehide');
    return new FakeTab(this.store);
  }
  /** Duplicate tab: a copy of the sessionStorage as it is now, while this page stays up. */
  duplicate(): FakeTab {
    return new FakeTab(new Map(this.store));
  }
}

describe('window session id', () => {
  it('a reloaded tab keeps its id; a duplicated tab gets a new one (it used to share the original\'s)', () => {
    const tab = new FakeTab();
    const id = windowSession(tab);
    expect(id).toMatch(/^w/);
    expect(windowSession(tab)).toBe(id); // asked twice by the same page (React's strict mode does)
    const copy = tab.duplicate();
    const copyId = windowSession(copy);
    expect(copyId).not.toBe(id);
    // Each keeps its own across reloads.
    expect(windowSession(copy.reload())).toBe(copyId);
    expect(windowSession(tab.reload())).toBe(id);
  });

  it('a page back from the back/forward cache is live again, so a tab duplicated after that gets a new id', () => {
    const tab = new FakeTab();
    const id = windowSession(tab);
    tab.fire('pagehide');
    tab.fire('pageshow', true);
    expect(windowSession(tab.duplicate())).not.toBe(id);
  });

  it('a stored id that is not an id is replaced', () => {
    const tab = new FakeTab(new Map([['plenary-session', 'not an id!']]));
    expect(windowSession(tab)).not.toBe('not an id!');
  });
});
