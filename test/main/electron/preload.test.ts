/**
 * The preload is compiled from its source the way tsc emits it (CommonJS, because .cts) and run
 * in a fresh VM context with a fake `require` that knows only 'electron', as in a sandboxed
 * renderer. So these tests also prove it requires nothing else at run time.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../../src/shared/api.js';
import { COMMAND_CHANNEL, COMMAND_READY_CHANNEL, UI_LANG_CHANNEL, channelFor } from '../../../src/main/electron/ipc.js';
import { SPELLCHECK_CHANNEL } from '../../../src/main/electron/spellcheck.js';

const SOURCE_FILE = path.resolve(import.meta.dirname, '../../../src/main/electron/preload.cts');
const source = fs.readFileSync(SOURCE_FILE, 'utf8');

function compile(): string {
  const out = ts.transpileModule(source, {
    fileName: 'preload.cts',
    compilerOptions: {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
      strict: true,
    },
    reportDiagnostics: true,
  });
  expect(out.diagnostics ?? []).toEqual([]);
  return out.outputText;
}

type Listener = (...args: unknown[]) => void;

function load() {
  const required: string[] = [];
  const exposed = new Map<string, Record<string, unknown>>();
  const listeners = new Map<string, Set<Listener>>();
  const ipcRenderer = {
    invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, result: { channel, input } })),
    send: vi.fn(),
    on: vi.fn((channel: string, l: Listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(l);
      return ipcRenderer;
    }),
    removeListener: vi.fn((channel: string, l: Listener) => {
      listeners.get(channel)?.delete(l);
      return ipcRenderer;
    }),
  };
  const electron = {
    contextBridge: {
      exposeInMainWorld: vi.fn((key: string, api: Record<string, unknown>) => {
        exposed.set(key, api);
      }),
    },
    ipcRenderer,
  };
  const fakeRequire = (id: string) => {
    required.push(id);
    if (id !== 'electron') throw new Error(`a sandboxed preload cannot require '${id}'`);
    return electron;
  };
  const module = { exports: {} as Record<string, unknown> };
  const context = vm.createContext({
    require: fakeRequire,
    module,
    exports: module.exports,
    process: { platform: 'linux' },
  });
  vm.runInContext(compile(), context, { filename: 'preload.cjs' });
  const emit = (channel: string, ...args: unknown[]) => {
    for (const l of listeners.get(channel) ?? []) l({ sender: 'ipc' }, ...args);
  };
  return { required, exposed, ipcRenderer, electron, emit, listeners };
}

/** The METHODS literal as written in the source. */
function methodsInSource(): string[] {
  const m = /const METHODS = \[([\s\S]*?)\] as const/.exec(source);
  expect(m, 'METHODS list not found in preload.cts').not.toBeNull();
  return [...(m?.[1] ?? '').matchAll(/'([^']+)'/g)].map((x) => x[1] ?? '');
}

describe('preload', () => {
  it('keeps METHODS equal to API_METHODS', () => {
    expect(methodsInSource()).toEqual(API_METHODS);
  });

  it('requires only electron at run time', () => {
    const { required } = load();
    expect(required).toEqual(['electron']);
    expect(compile()).not.toMatch(/require\((?!"electron"\))/);
  });

  it('exposes window.plenary with one function per method, onCommand, setUiLang, platform and setSpellcheckLanguages, nothing else', () => {
    const { exposed, electron } = load();
    expect([...exposed.keys()]).toEqual(['plenary']);
    const bridge = exposed.get('plenary') ?? {};
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS, 'onCommand', 'platform', 'setSpellcheckLanguages', 'setUiLang'].sort());
    for (const m of API_METHODS) expect(bridge[m]).toBeTypeOf('function');
    expect(bridge.platform).toBe('linux');
    for (const value of Object.values(bridge)) {
      expect(value).not.toBe(electron.ipcRenderer);
      expect(value).not.toBe(electron.ipcRenderer.invoke);
      expect(value).not.toBe(electron.ipcRenderer.send);
    }
  });

  it('setSpellcheckLanguages sends the document languages (strings only) on the spellcheck channel', () => {
    const { exposed, ipcRenderer } = load();
    const bridge = exposed.get('plenary') as { setSpellcheckLanguages(langs: unknown): void };
    bridge.setSpellcheckLanguages(['fr', 7, 'en']);
    expect(ipcRenderer.send).toHaveBeenLastCalledWith(SPELLCHECK_CHANNEL, ['fr', 'en']);
    const calls = ipcRenderer.send.mock.calls.length;
    bridge.setSpellcheckLanguages('fr');
    expect(ipcRenderer.send.mock.calls.length).toBe(calls);
  });

  it('invokes plenary:<method> with the input, and {} when none is given', async () => {
    const { exposed, ipcRenderer } = load();
    const bridge = exposed.get('plenary') as Record<string, (input?: unknown) => Promise<unknown>>;
    for (const m of API_METHODS) {
      await bridge[m]?.({ probe: m });
      expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(channelFor(m), { probe: m });
    }
    await expect(bridge['app.info']?.()).resolves.toEqual({ ok: true, result: { channel: 'plenary:app.info', input: {} } });
  });

  it('onCommand subscribes, tells main it is ready, forwards commands and unsubscribes', () => {
    const { exposed, ipcRenderer, emit, listeners } = load();
    const onCommand = exposed.get('plenary')?.onCommand as (cb: (c: string, a?: string) => void) => () => void;
    const cb = vi.fn();
    const off = onCommand(cb);
    expect(ipcRenderer.send).toHaveBeenCalledWith(COMMAND_READY_CHANNEL);
    emit(COMMAND_CHANNEL, 'file.save');
    emit(COMMAND_CHANNEL, 'file.openPath', '/d/a.plenary');
    emit(COMMAND_CHANNEL, 42);
    emit(COMMAND_CHANNEL, 'export.pdf', { not: 'a string' });
    expect(cb.mock.calls).toEqual([
      ['file.save', undefined],
      ['file.openPath', '/d/a.plenary'],
      ['export.pdf', undefined],
    ]);
    off();
    expect(listeners.get(COMMAND_CHANNEL)?.size).toBe(0);
    emit(COMMAND_CHANNEL, 'file.new');
    expect(cb).toHaveBeenCalledTimes(3);
  });

  it('setUiLang sends the language to main on the ui-lang channel, and nothing that is not a string', () => {
    const { exposed, ipcRenderer } = load();
    const setUiLang = exposed.get('plenary')?.setUiLang as (lang: unknown) => void;
    setUiLang('fr');
    setUiLang({ not: 'a string' });
    expect(vi.mocked(ipcRenderer.send).mock.calls).toEqual([[UI_LANG_CHANNEL, 'fr']]);
  });

  it('rejects a non-function callback', () => {
    const { exposed } = load();
    const onCommand = exposed.get('plenary')?.onCommand as (cb: unknown) => unknown;
    // The VM has its own TypeError, so match the message rather than the class.
    expect(() => onCommand('nope')).toThrow(/expects a function/);
  });
});
