/**
 * The Electron transport of the API: one `ipcMain.handle('plenary:<method>')` per method.
 *
 * Every handler checks that the message comes from the app's own page, validates the argument
 * with the method's zod schema, calls the service and answers with an ApiReply. Nothing is ever
 * thrown across IPC: Electron would turn a throw into a generic Error whose message carries an
 * "Error invoking remote method" prefix and loses the code.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { API_METHODS, type ApiMethod, type ApiReply, type PlenaryApi } from '../../shared/api.js';
import { dispatch } from '../services/dispatch.js';
import type { FileAccess } from '../services/access.js';

/** Prefix of the IPC channel of every API method: `plenary:drafts.open`, … */
export const API_CHANNEL_PREFIX = 'plenary:';

/** Main → renderer: an app command from the menu or the OS (`(command: string, arg?: string)`). */
export const COMMAND_CHANNEL = 'plenary:command';

/** Renderer → main: the page subscribed to commands, queued ones may be delivered now. */
export const COMMAND_READY_CHANNEL = 'plenary:command-ready';

/**
 * Renderer → main: the page's interface language changed (a code such as 'fr'; anything else is
 * ignored), so the native menu is rebuilt in it.
 */
export const UI_LANG_CHANNEL = 'plenary:ui-lang';

/** Error code of a reply to a sender that is not the app's own page (the file-access rule uses the same code). */
export const FORBIDDEN = 'FORBIDDEN';

/** The channel name of an API method. */
export function channelFor(method: ApiMethod): string {
  return API_CHANNEL_PREFIX + method;
}

/** The part of ipcMain that registration needs (a fake in tests). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** Options of the dispatch core and of registerIpc. */
export interface DispatchOptions {
  /** True only for the URL of the app's own page (see window.ts `trustedUrlCheck`). */
  isTrustedUrl(url: string): boolean;
  /** Called after a method succeeded (main uses it to refresh Open Recent). Must not throw. */
  onSuccess?(method: ApiMethod, input: unknown, result: unknown): void;
  /** The file-access policy (services/access.ts); defaults to the api's own (`accessFor`). */
  access?: FileAccess;
  /** Where unexpected (INTERNAL) failures are logged. Defaults to console.error. */
  logError?(method: string, message: string): void;
}

/**
 * The core of one IPC call: the sender check, then the shared transport-independent
 * `dispatch` of services/dispatch.ts (unknown method → UNKNOWN_METHOD, zod validation →
 * BAD_INPUT naming the field, the service call with PlenaryError → `{code, message}` and
 * anything else → INTERNAL), so IPC and the loopback host answer alike.
 *
 * A sender whose frame URL is missing or not trusted gets `{ok: false, error: {code:
 * 'FORBIDDEN'}}` and the service is not called. Never rejects.
 */
export async function dispatchApiCall(
  api: PlenaryApi,
  method: string,
  senderUrl: string | undefined,
  input: unknown,
  opts: DispatchOptions,
): Promise<ApiReply<unknown>> {
  let trusted: boolean;
  try {
    trusted = senderUrl !== undefined && opts.isTrustedUrl(senderUrl);
  } catch {
    trusted = false;
  }
  if (!trusted) {
    return {
      ok: false,
      error: { code: FORBIDDEN, message: `Refused ${method}: the request did not come from the Plenary window.` },
    };
  }
  let reply: ApiReply<unknown>;
  try {
    reply = await dispatch(api, method, input, opts.access);
  } catch (e) {
    // dispatch never throws by contract; this keeps the promise from rejecting across IPC if it ever did.
    reply = { ok: false, error: { code: 'INTERNAL', message: `Unexpected error: ${e instanceof Error ? e.message : String(e)}` } };
  }
  if (reply.ok) {
    try {
      opts.onSuccess?.(method as ApiMethod, input, reply.result);
    } catch {
      // A failing observer must not turn a successful call into an error.
    }
  } else if (reply.error.code === 'INTERNAL') {
    (opts.logError ?? defaultLogError)(method, reply.error.message);
  }
  return reply;
}

function defaultLogError(method: string, message: string): void {
  console.error(`[plenary] ${method} failed unexpectedly: ${message}`);
}

/**
 * Registers one handler per method in API_METHODS on `ipcMain`, each answering with
 * dispatchApiCall for the calling frame's URL. Returns a function that removes them all (used
 * on shutdown and in tests).
 */
export function registerIpc(ipcMain: IpcMainLike, api: PlenaryApi, opts: DispatchOptions): () => void {
  const channels: string[] = [];
  for (const method of API_METHODS) {
    const channel = channelFor(method);
    ipcMain.handle(channel, (event, input) => dispatchApiCall(api, method, senderUrlOf(event), input, opts));
    channels.push(channel);
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/**
 * The URL of the frame that sent an IPC message, or undefined when the frame is gone (navigated
 * away or destroyed: Electron then gives null) or is not the top frame (an embedded frame is
 * never the app).
 */
export function senderUrlOf(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): string | undefined {
  const frame = event.senderFrame;
  if (!frame) return undefined;
  if (frame.parent) return undefined;
  return frame.url;
}

/**
 * Holds app commands until the page has subscribed to them. The window's page loads
 * asynchronously (and again on reload), so a command sent too early (a file passed on the
 * command line, a menu click during load) would otherwise be lost. The preload's `onCommand`
 * sends COMMAND_READY_CHANNEL when the page subscribes.
 */
export class CommandQueue {
  private pending: Array<[string, string | undefined]> = [];
  private isReady = false;

  /** `deliver` actually sends a command to the page. */
  constructor(private readonly deliver: (command: string, arg?: string) => void) {}

  /** Sends the command now if the page listens, or keeps it for markReady. */
  push(command: string, arg?: string): void {
    if (this.isReady) this.deliver(command, arg);
    else this.pending.push([command, arg]);
  }

  /** The page listens: delivers what was kept, in order, and sends later commands at once. */
  markReady(): void {
    this.isReady = true;
    const pending = this.pending;
    this.pending = [];
    for (const [command, arg] of pending) this.deliver(command, arg);
  }

  /** The page is (re)loading: keep commands until it subscribes again. */
  reset(): void {
    this.isReady = false;
  }

  /** Whether the page currently listens. */
  get ready(): boolean {
    return this.isReady;
  }
}
