/**
 * Preload of the main window: exposes `window.plenary` to the page through contextBridge.
 *
 * This runs in a sandboxed renderer, so it is CommonJS and may require nothing but 'electron'
 * (the type-only import below is erased). It exposes one function per API method, each a thin
 * `ipcRenderer.invoke('plenary:<method>', input)` resolving to an ApiReply, plus `onCommand` and
 * `platform`. Raw ipcRenderer is never exposed: the page can reach only these channels.
 *
 * METHODS is a copy of API_METHODS (the preload cannot import runtime values); a test asserts
 * they are equal. The channel names repeat those in ipc.ts for the same reason.
 */
import electron = require('electron');
import type { ApiMethod, ApiOutputs, ApiReply } from '../../shared/api.js';

const { contextBridge, ipcRenderer } = electron;

/** Every API method, in the order of apiInputs. */
const METHODS = [
  'app.info',
  'drafts.list',
  'drafts.open',
  'drafts.openContent',
  'drafts.save',
  'drafts.autosave',
  'drafts.recoverable',
  'drafts.discardRecovery',
  'drafts.release',
  'drafts.heartbeat',
  'library.search',
  'library.suggest',
  'library.history',
  'library.lineage',
  'library.match',
  'library.document',
  'library.import',
  'library.importStart',
  'library.importStatus',
  'library.importConfirm',
  'library.importCancel',
  'library.importContent',
  'library.stats',
  'library.facets',
  'library.tag',
  'export.render',
  'export.save',
  'export.compilation',
  'export.printHtml',
  'files.write',
  'drafts.importFile',
  'drafts.importContent',
  'drafts.mergeWord',
  'dialog.openFile',
  'dialog.saveFile',
] as const satisfies readonly ApiMethod[];

const API_CHANNEL_PREFIX = 'plenary:';
const COMMAND_CHANNEL = 'plenary:command';
const COMMAND_READY_CHANNEL = 'plenary:command-ready';
const UI_LANG_CHANNEL = 'plenary:ui-lang';
const SPELLCHECK_CHANNEL = 'plenary:spellcheck-languages';

/**
 * What the page sees as `window.plenary` (not exported: the compiled preload must not touch
 * `exports`, which a sandboxed preload does not have; the renderer declares its own copy). Every method resolves to an ApiReply and never
 * rejects for a service failure (errors crossing contextBridge would lose their code).
 */
type PlenaryBridge = {
  [M in (typeof METHODS)[number]]: (input?: unknown) => Promise<ApiReply<ApiOutputs[M]>>;
} & {
  /**
   * Subscribes to app commands from the menu or the OS (`'file.save'`, `'file.openPath'` with
   * the path as `arg`, …). Returns the unsubscribe function.
   */
  onCommand(cb: (command: string, arg?: string) => void): () => void;
  /** Tells the shell the page's interface language ('en', 'fr', 'es'), so the native menu follows it. */
  setUiLang(lang: string): void;
  /** `process.platform` of the machine (for shortcuts shown as ⌘ or Ctrl). */
  platform: string;
  /** Tells the window which languages the document is in (codes such as 'en', 'fr'): the spellchecker follows. */
  setSpellcheckLanguages(langs: string[]): void;
};

const bridge: Record<string, unknown> = {};
for (const method of METHODS) {
  const channel = API_CHANNEL_PREFIX + method;
  bridge[method] = (input?: unknown) => ipcRenderer.invoke(channel, input === undefined ? {} : input);
}

bridge.onCommand = (cb: (command: string, arg?: string) => void): (() => void) => {
  if (typeof cb !== 'function') throw new TypeError('onCommand expects a function');
  const listener = (_event: unknown, command: unknown, arg: unknown) => {
    if (typeof command !== 'string') return;
    cb(command, typeof arg === 'string' ? arg : undefined);
  };
  ipcRenderer.on(COMMAND_CHANNEL, listener);
  // Main holds commands (e.g. a file passed on the command line) until the page listens.
  ipcRenderer.send(COMMAND_READY_CHANNEL);
  return () => {
    ipcRenderer.removeListener(COMMAND_CHANNEL, listener);
  };
};

bridge.setUiLang = (lang: string): void => {
  if (typeof lang === 'string') ipcRenderer.send(UI_LANG_CHANNEL, lang);
};

bridge.platform = process.platform;

bridge.setSpellcheckLanguages = (langs: unknown): void => {
  if (Array.isArray(langs)) ipcRenderer.send(SPELLCHECK_CHANNEL, langs.filter((l): l is string => typeof l === 'string'));
};

contextBridge.exposeInMainWorld('plenary', bridge as PlenaryBridge);
