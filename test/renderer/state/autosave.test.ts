// The autosave and connection stores on fake timers (virtual time, no waiting): journal timing
// while typing, switching drafts keeps the previous journal, saves discard only what they saved,
// failures are told truthfully, a lost host is noticed and restored.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { AutosaveStore, IDLE_MS, MAX_WAIT_MS, saveStateText, type DraftSnapshot } from '../../../src/renderer/state/autosave.js';
import { ConnectionStore, tokenFromPastedUrl } from '../../../src/renderer/state/connection.js';
import { ApiError } from '../../../src/renderer/api.js';
import { emptyDocument, textBlock } from '../../../src/shared/resolution/model.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const timers = { set: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number, clear: (id: number) => clearTimeout(id) };

interface Harness {
  store: AutosaveStore;
  text: { value: string };
  calls: { method: string; input: Record<string, unknown>; at: number }[];
  fail: { code: string | null };
  locked: { by: boolean };
}

function harness(onCallError?: (code: string) => void): Harness {
  const text = { value: '' };
  const calls: Harness['calls'] = [];
  const fail: Harness['fail'] = { code: null };
  const locked = { by: false };
  const snapshot = (): DraftSnapshot => {
    const d = emptyDocument({}, (p) => `${p}1`);
    d.preambular = [textBlock('p1', text.value)];
    return { document: d, negotiation: undefined };
  };
  const call = (async (method: string, input: Record<string, unknown>) => {
    calls.push({ method, input, at: Date.now() });
    if (method === 'drafts.autosave') {
      if (fail.code) throw new ApiError(fail.code, `failure ${fail.code}`);
      if (locked.by) return { ok: false, lockedBy: { pid: 42, hostname: 'h', session: 'other', path: '', since: '' } };
      return { ok: true, journal: `/data/recovery/${String(input.key)}.json` };
    }
    return { ok: true };
  }) as never;
  const store = new AutosaveStore({ call, snapshot, session: 'w1', timers, ...(onCallError ? { onCallError } : {}) }, { draftId: 'dA', path: '' });
  return { store, text, calls, fail, locked };
}

const journaledTexts = (h: Harness, key?: string) =>
  h.calls
    .filter((c) => c.method === 'drafts.autosave' && (!key || c.input.key === key))
    .map((c) => ((c.input.document as { preambular: { content: { text: string }[] }[] }).preambular[0]!.content[0]?.text ?? ''));

describe('AutosaveStore', () => {
  it('writes the journal once typing pauses, and at least every MAX_WAIT_MS while it goes on', async () => {
    const h = harness();
    h.text.value = 'a';
    h.store.changed();
    await vi.advanceTimersByTimeAsync(IDLE_MS);
    expect(journaledTexts(h)).toEqual(['a']);
    expect(h.store.getStatus()).toMatchObject({ dirty: true, journal: 'ok', journalPath: '/data/recovery/dA.json' });
    // Continuous typing, a key every 100 ms for 6 s: no gap between writes longer than MAX_WAIT_MS.
    for (let i = 0; i < 60; i++) {
      h.text.value += 'x';
      h.store.changed();
      await vi.advanceTimersByTimeAsync(100);
    }
    const times = h.calls.filter((c) => c.method === 'drafts.autosave').map((c) => c.at);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeLessThanOrEqual(MAX_WAIT_MS);
    await vi.advanceTimersByTimeAsync(IDLE_MS);
    expect(journaledTexts(h).at(-1)).toBe(h.text.value);
  });

  it('property: the oldest unjournaled change is never older than MAX_WAIT_MS (random typing and pauses)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ type: fc.boolean(), wait: fc.integer({ min: 0, max: 3000 }) }), { minLength: 1, maxLength: 40 }), async (steps) => {
        const h = harness();
        let oldestUnsaved: number | null = null;
        let rev = 0;
        for (const s of steps) {
          if (s.type) {
            h.text.value = `r${++rev}`;
            h.store.changed();
            oldestUnsaved ??= Date.now();
          }
          for (let t = 0; t < s.wait; t += 50) {
            await vi.advanceTimersByTimeAsync(50);
            const last = journaledTexts(h).at(-1);
            if (last === `r${rev}`) oldestUnsaved = null;
            if (oldestUnsaved !== null) expect(Date.now() - oldestUnsaved).toBeLessThanOrEqual(MAX_WAIT_MS + 50);
          }
        }
      }),
      { numRuns: 40, seed: 9 },
    );
  });

  it('switching drafts journals the previous draft’s latest text under its own id, then releases it', async () => {
    const h = harness();
    h.text.value = 'first draft edits';
    h.store.changed(); // not yet journaled
    const done = h.store.switchTo({ draftId: 'dB', path: '', dirty: false });
    h.text.value = 'second draft'; // the editor now shows the new draft
    await done;
    expect(journaledTexts(h, 'dA')).toEqual(['first draft edits']);
    expect(h.calls.find((c) => c.method === 'drafts.release')?.input).toEqual({ key: 'dA', session: 'w1' });
    expect(h.calls.some((c) => c.method === 'drafts.discardRecovery')).toBe(false);
    h.store.changed();
    await vi.advanceTimersByTimeAsync(IDLE_MS);
    expect(journaledTexts(h, 'dB')).toEqual(['second draft']);
  });

  it('a save discards the journal only when nothing changed while it ran', async () => {
    const h = harness();
    h.text.value = 'v1';
    h.store.changed();
    const rev = await h.store.beginSave();
    h.text.value = 'v2';
    h.store.changed(); // typed during the save
    h.store.saved('/d/x.plenary', rev);
    expect(h.store.getStatus()).toMatchObject({ dirty: true, path: '/d/x.plenary' });
    await vi.advanceTimersByTimeAsync(IDLE_MS);
    expect(h.calls.some((c) => c.method === 'drafts.discardRecovery')).toBe(false);
    const rev2 = await h.store.beginSave();
    h.store.saved('/d/x.plenary', rev2);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.store.getStatus()).toMatchObject({ dirty: false, journal: 'idle' });
    expect(h.calls.at(-1)).toMatchObject({ method: 'drafts.discardRecovery', input: { key: 'dA' } });
    expect(saveStateText(h.store.getStatus(), false)).toMatch(/^Saved /);
  });

  it('a failing journal is said plainly, never “autosaved for recovery”, and is retried', async () => {
    const errors: string[] = [];
    const h = harness((code) => errors.push(code));
    const store = h.store;
    h.fail.code = 'IO';
    store.changed();
    await vi.advanceTimersByTimeAsync(IDLE_MS);
    expect(store.getStatus()).toMatchObject({ journal: 'failed', error: 'failure IO' });
    expect(errors).toEqual(['IO']);
    expect(saveStateText(store.getStatus(), false)).toBe('Unsaved changes — autosave failing: failure IO');
    expect(saveStateText(store.getStatus(), true)).toBe('NOT saved: the Plenary service is not answering');
    expect(store.leaveWarning('Start a new draft')).toContain('could NOT be autosaved');
    h.fail.code = null;
    await vi.advanceTimersByTimeAsync(2000); // the retry, with no key pressed
    expect(store.getStatus().journal).toBe('ok');
    expect(saveStateText(store.getStatus(), false)).toBe('Unsaved changes (autosaved for recovery)');
  });

  it('when another window holds the draft, the text continues here as an unsaved copy under a new id', async () => {
    const h = harness();
    h.locked.by = true;
    h.text.value = 'mine';
    h.store.changed();
    await vi.advanceTimersByTimeAsync(IDLE_MS);
    const s = h.store.getStatus();
    expect(s.draftId).not.toBe('dA');
    expect(s).toMatchObject({ path: '', dirty: true });
    h.locked.by = false;
    await vi.advanceTimersByTimeAsync(IDLE_MS);
    expect(h.calls.filter((c) => c.method === 'drafts.autosave').at(-1)!.input.key).toBe(s.draftId);
  });
});

describe('ConnectionStore', () => {
  it('a refused heartbeat marks the host lost at once; a later answer restores it', async () => {
    let down = false;
    const restored = vi.fn();
    const c = new ConnectionStore({
      beat: async () => {
        if (down) throw new ApiError('OFFLINE', 'offline');
        return { ok: true, lost: [] };
      },
      session: 'w1',
      keys: () => ['dA'],
      onRestored: restored,
      timers,
    });
    const stop = c.start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(c.getStatus().lost).toBe(false);
    down = true;
    await vi.advanceTimersByTimeAsync(1000);
    expect(c.getStatus()).toMatchObject({ lost: true, reason: 'The Plenary service is not running.' });
    down = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(c.getStatus().lost).toBe(false);
    expect(restored).toHaveBeenCalledOnce();
    stop();
  });

  it('a wrong token (restarted host) counts as lost; ordinary errors and refused paths do not', () => {
    const c = new ConnectionStore({ beat: async () => ({ ok: true, lost: [] }), session: 'w1', keys: () => [] });
    c.reportError('BAD_INPUT', 'x');
    c.reportError('FORBIDDEN', 'That path was not chosen in a dialog.');
    expect(c.getStatus().lost).toBe(false);
    c.reportError('UNAUTHORIZED', 'Wrong token.');
    expect(c.getStatus().reason).toContain('restarted');
  });

  it('a pasted address gives its token only for this page’s origin', () => {
    expect(tokenFromPastedUrl('http://127.0.0.1:4000/?token=abc', 'http://127.0.0.1:4000')).toEqual({ token: 'abc' });
    expect(tokenFromPastedUrl('  http://127.0.0.1:4000/?token=abc\n', 'http://127.0.0.1:4000')).toEqual({ token: 'abc' });
    expect(tokenFromPastedUrl('http://127.0.0.1:5000/?token=abc', 'http://127.0.0.1:4000')).toMatchObject({ error: expect.stringContaining('Download the draft') });
    expect(tokenFromPastedUrl('http://evil.example/?token=abc', 'http://127.0.0.1:4000')).toHaveProperty('error');
    expect(tokenFromPastedUrl('not a url', 'http://127.0.0.1:4000')).toHaveProperty('error');
    expect(tokenFromPastedUrl('http://127.0.0.1:4000/', 'http://127.0.0.1:4000')).toMatchObject({ error: expect.stringContaining('token') });
  });
});
