// Browser mode's token: taken out of the address bar and history at load, kept for this tab only.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adoptTokenFromUrl, call, TOKEN_KEY } from '../../src/renderer/api.js';

afterEach(() => {
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
  vi.unstubAllGlobals();
});

describe('token handling', () => {
  it('moves ?token= into sessionStorage and removes it from the address, keeping other parts', () => {
    window.history.replaceState(null, '', '/?token=abc123&lang=fr#/draft');
    const before = window.history.length;
    expect(adoptTokenFromUrl()).toBe('abc123');
    expect(window.location.search).toBe('?lang=fr');
    expect(window.location.hash).toBe('#/draft');
    expect(window.location.href).not.toContain('abc123');
    expect(window.history.length).toBe(before); // replaced, not pushed
    expect(sessionStorage.getItem(TOKEN_KEY)).toBe('abc123');
  });

  it('after a reload (no token in the address) the stored token is used for API calls', async () => {
    window.history.replaceState(null, '', '/?token=t0k');
    adoptTokenFromUrl();
    window.history.replaceState(null, '', '/');
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ok: true, result: { name: 'Plenary' } })));
    vi.stubGlobal('fetch', fetchMock);
    await call('app.info', {});
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/app.info');
    expect(url).not.toContain('token');
    expect((init.headers as Record<string, string>)['x-plenary-token']).toBe('t0k');
  });

  it('does nothing without a token', () => {
    window.history.replaceState(null, '', '/?lang=en');
    expect(adoptTokenFromUrl()).toBe('');
    expect(window.location.search).toBe('?lang=en');
  });
});
