/**
 * Typed errors that cross the API seam. Services throw PlenaryError; every transport turns it
 * into `{ code, message }` and the renderer shows `message` to the user as it is, so messages
 * are written for delegates: what happened, to which file, and what was kept safe.
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

/** An error with a code and a message fit to show to the user. */
export class PlenaryError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PlenaryError';
    this.code = code;
  }
}

/** The wire form of an error. */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
}

/** Converts anything thrown into the wire form; unknown errors keep their message but become INTERNAL. */
export function toErrorPayload(e: unknown): ErrorPayload {
  if (e instanceof PlenaryError) return { code: e.code, message: e.message };
  const msg = e instanceof Error ? e.message : String(e);
  return { code: 'INTERNAL', message: `Unexpected error: ${msg}` };
}
