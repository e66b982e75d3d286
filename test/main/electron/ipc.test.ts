import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

// ipc.ts only imports types from electron; the mock proves nothing from it is needed at run time.
vi.mock('electron', () => ({}));

import { API_METHODS, type ApiReply, type PlenaryApi } from '../../../src/shared/api.js';
import { PlenaryError } from '../../../src/shared/errors.js';
import {
  channelFor,
  CommandQueue,
  dispatchApiCall,
  FORBIDDEN,
  registerIpc,
  senderUrlOf,
  type IpcMainLike,
} from '../../../src/main/electron/ipc.js';
import { FileAccess } from '../../../src/main/services/access.js';

const INDEX = '/opt/plenary/dist/renderer/index.html';
const TRUSTED_URL = pathToFileURL(INDEX).href;
const isTrustedUrl = (url: string) => url.split('#')[0] === TRUSTED_URL;
// The fake api has no data folder: the one path these tests open is granted as a dialog would.
const access = new FileAccess(undefined);
access.grant('/d/a.plenary', { read: true });

type Handler = (event: unknown, ...args: unknown[]) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipc: IpcMainLike = {
    handle: vi.fn((channel: string, listener: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    }),
    removeHandler: vi.fn((channel: string) => {
      handlers.delete(channel);
    }),
  };
  return { ipc, handlers };
}

function fakeApi(over: Partial<Record<keyof PlenaryApi, (input: unknown) => Promise<unknown>>> = {}) {
  const api: Record<string, ReturnType<typeof vi.fn>> = {};
  for (const m of API_METHODS) api[m] = vi.fn(async () => ({ method: m }));
  for (const [m, fn] of Object.entries(over)) api[m] = vi.fn(fn);
  return api as unknown as PlenaryApi & Record<string, ReturnType<typeof vi.fn>>;
}

const event = (url: string | null, parent: unknown = null) => ({ senderFrame: url === null ? null : { url, parent } });

async function invoke(handlers: Map<string, Handler>, method: string, ev: unknown, input?: unknown) {
  const h = handlers.get(channelFor(method as never));
  expect(h, `no handler for ${method}`).toBeDefined();
  return (await h?.(ev, input)) as ApiReply<unknown>;
}

describe('registerIpc', () => {
  it('registers exactly one handler per API method on plenary:<method>, and removes them', () => {
    const { ipc, handlers } = fakeIpcMain();
    const dispose = registerIpc(ipc, fakeApi(), { isTrustedUrl, access });
    expect([...handlers.keys()].sort()).toEqual(API_METHODS.map((m) => `plenary:${m}`).sort());
    dispose();
    expect(handlers.size).toBe(0);
  });

  it('calls the service for the trusted page and answers {ok: true, result}', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const api = fakeApi();
    registerIpc(ipc, api, { isTrustedUrl, access });
    const reply = await invoke(handlers, 'drafts.open', event(TRUSTED_URL + '#/draft'), { path: '/d/a.plenary' });
    expect(reply).toEqual({ ok: true, result: { method: 'drafts.open' } });
    expect(api['drafts.open']).toHaveBeenCalledWith({ path: '/d/a.plenary' });
  });

  it('reads a missing argument as {}', async () => {
    const { ipc, handlers } = fakeIpcMain();
    registerIpc(ipc, fakeApi(), { isTrustedUrl, access });
    expect(await invoke(handlers, 'app.info', event(TRUSTED_URL))).toEqual({ ok: true, result: { method: 'app.info' } });
  });

  it.each([
    ['a foreign web page', event('https://evil.example/index.html')],
    ['another local file', event(pathToFileURL('/tmp/evil.html').href)],
    ['a destroyed frame', event(null)],
    ['a sub-frame of the app page', event(TRUSTED_URL, { url: TRUSTED_URL })],
    ['an event without a frame', {}],
  ])('refuses %s with FORBIDDEN and never calls the service', async (_name, ev) => {
    const { ipc, handlers } = fakeIpcMain();
    const api = fakeApi();
    registerIpc(ipc, api, { isTrustedUrl, access });
    const reply = await invoke(handlers, 'drafts.list', ev, {});
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe(FORBIDDEN);
    expect(api['drafts.list']).not.toHaveBeenCalled();
  });

  it('answers BAD_INPUT naming the field, without calling the service', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const api = fakeApi();
    registerIpc(ipc, api, { isTrustedUrl, access });
    const reply = await invoke(handlers, 'drafts.open', event(TRUSTED_URL), { path: 42 });
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('BAD_INPUT');
      expect(reply.error.message).toMatch(/drafts\.open/);
      expect(reply.error.message).toMatch(/\bpath\b/);
    }
    const key = await invoke(handlers, 'drafts.discardRecovery', event(TRUSTED_URL), { key: '../../etc' });
    expect(key.ok).toBe(false);
    if (!key.ok) expect(key.error.message).toMatch(/\bkey\b/);
    expect(api['drafts.open']).not.toHaveBeenCalled();
    expect(api['drafts.discardRecovery']).not.toHaveBeenCalled();
  });

  it('turns a thrown PlenaryError into a typed reply', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const api = fakeApi({
      'drafts.open': async () => {
        throw new PlenaryError('NOT_FOUND', 'The draft /d/a.plenary no longer exists.');
      },
    });
    registerIpc(ipc, api, { isTrustedUrl, access });
    expect(await invoke(handlers, 'drafts.open', event(TRUSTED_URL), { path: '/d/a.plenary' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'The draft /d/a.plenary no longer exists.' },
    });
  });

  it('turns any other error into INTERNAL, logs it and still resolves', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const logError = vi.fn();
    const api = fakeApi({
      'drafts.list': async () => {
        throw new TypeError('boom');
      },
    });
    registerIpc(ipc, api, { isTrustedUrl, access, logError });
    const reply = await invoke(handlers, 'drafts.list', event(TRUSTED_URL), {});
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('INTERNAL');
      expect(reply.error.message).toContain('boom');
    }
    expect(logError).toHaveBeenCalledWith('drafts.list', expect.stringContaining('boom'));
  });

  it('reports successes to onSuccess, and a throwing observer does not spoil the reply', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const onSuccess = vi.fn(() => {
      throw new Error('observer failed');
    });
    registerIpc(ipc, fakeApi(), { isTrustedUrl, access, onSuccess });
    const reply = await invoke(handlers, 'drafts.open', event(TRUSTED_URL), { path: '/d/a.plenary' });
    expect(reply.ok).toBe(true);
    expect(onSuccess).toHaveBeenCalledWith('drafts.open', { path: '/d/a.plenary' }, { method: 'drafts.open' });
  });
});

describe('dispatchApiCall', () => {
  it('answers UNKNOWN_METHOD for a name outside the API, prototype keys included', async () => {
    for (const name of ['drafts.delete', 'constructor', '__proto__']) {
      const reply = await dispatchApiCall(fakeApi(), name, TRUSTED_URL, {}, { isTrustedUrl, access });
      expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('treats a throwing trust check as untrusted', async () => {
    const reply = await dispatchApiCall(fakeApi(), 'app.info', TRUSTED_URL, {}, {
      isTrustedUrl: () => {
        throw new Error('bad url');
      },
    });
    expect(reply).toMatchObject({ ok: false, error: { code: FORBIDDEN } });
  });
});

describe('senderUrlOf', () => {
  it('gives the top frame URL only', () => {
    expect(senderUrlOf(event(TRUSTED_URL) as never)).toBe(TRUSTED_URL);
    expect(senderUrlOf(event(TRUSTED_URL, {}) as never)).toBeUndefined();
    expect(senderUrlOf(event(null) as never)).toBeUndefined();
  });
});

describe('CommandQueue', () => {
  it('holds commands until the page is ready, then delivers them in order', () => {
    const deliver = vi.fn();
    const q = new CommandQueue(deliver);
    q.push('file.openPath', '/a.plenary');
    q.push('file.save');
    expect(deliver).not.toHaveBeenCalled();
    q.markReady();
    expect(deliver.mock.calls).toEqual([
      ['file.openPath', '/a.plenary'],
      ['file.save', undefined],
    ]);
    q.push('help.about');
    expect(deliver).toHaveBeenLastCalledWith('help.about', undefined);
  });

  it('holds commands again after a reset (page reload)', () => {
    const deliver = vi.fn();
    const q = new CommandQueue(deliver);
    q.markReady();
    q.reset();
    expect(q.ready).toBe(false);
    q.push('file.new');
    expect(deliver).not.toHaveBeenCalled();
    q.markReady();
    expect(deliver).toHaveBeenCalledWith('file.new', undefined);
  });
});
