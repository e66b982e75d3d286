/**
 * Typed errors that cross the API seam. Services throw PlenaryError; every transport turns it
 * into `{ code, message, msg? }`. `message` is English, written for delegates (what happened, to
 * which file, what was kept safe): the CLI and the logs print it. `msg` says the same as data, a
 * stable message code with its values, which the renderer translates into the interface language
 * (catalogue key `errors.<code>`), falling back to `message` for a code it does not know.
 */

/** Machine-readable error codes. */
export type ErrorCode =
  | 'BAD_INPUT' // arguments failed validation
  | 'NOT_FOUND' // a file, draft or document does not exist
  | 'CORRUPT' // a file could not be read as what it claims to be
  | 'NEWER_VERSION' // written by a newer Plenary (file or database)
  | 'IO' // the disk refused (full, read-only, permissions)
  | 'UNSUPPORTED' // not available in this mode (e.g. native dialogs in the browser)
  | 'FORBIDDEN' // a path the user did not choose (file-access rule), or a foreign caller
  | 'UNKNOWN_METHOD'
  | 'INTERNAL';

/**
 * A message as data: a stable dotted code (`date.invalid`, `file.notFound`; the interface
 * catalogues hold it as `errors.<code>`) and the values its text names. Values are plain strings
 * and numbers, so the message crosses IPC, HTTP and worker threads unchanged.
 */
export interface MessageRef {
  code: string;
  values?: Readonly<Record<string, string | number>>;
  /** A message said after this one (a failed save, then where the work was kept). */
  next?: MessageRef;
}

/** A message said both ways: the English text (CLI, logs) and its code with values (interface). */
export interface CodedMessage extends MessageRef {
  message: string;
}

/** An error with a code, an English message fit to show to the user, and optionally that message as data. */
export class PlenaryError extends Error {
  readonly code: ErrorCode;
  /** The message as a code with values, for the interface to say in its language. */
  readonly msg: MessageRef | undefined;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; msg?: MessageRef }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PlenaryError';
    this.code = code;
    this.msg = options?.msg;
  }
}

/** The wire form of an error: `msg` only when the error carried one. */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  msg?: MessageRef;
}

/** Converts anything thrown into the wire form; unknown errors keep their message but become INTERNAL. */
export function toErrorPayload(e: unknown): ErrorPayload {
  if (e instanceof PlenaryError) return e.msg ? { code: e.code, message: e.message, msg: e.msg } : { code: e.code, message: e.message };
  const msg = e instanceof Error ? e.message : String(e);
  return { code: 'INTERNAL', message: `Unexpected error: ${msg}` };
}
