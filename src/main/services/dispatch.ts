/**
 * Transport-independent dispatch: validate a raw argument against the method's schema, call the
 * service, and produce the wire reply. Used by the loopback host and by Electron IPC, so both
 * validate and report errors the same way.
 */
import { apiInputs, type ApiMethod, type ApiReply, type PlenaryApi } from '../../shared/api.js';
import { toErrorPayload } from '../../shared/errors.js';

/** Whether `name` is a method of the API (guards against prototype keys like "constructor"). */
export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiInputs, name);
}

/** Formats a zod error as one readable line naming the field. */
export function describeValidation(method: string, issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  if (!first) return `Invalid arguments for ${method}.`;
  const where = first.path.length ? first.path.map(String).join('.') : 'arguments';
  return `Invalid arguments for ${method}: ${where}: ${first.message}`;
}

/** Validates and runs one call; never throws. */
export async function dispatch(api: PlenaryApi, method: string, raw: unknown): Promise<ApiReply<unknown>> {
  if (!isApiMethod(method)) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown API method: ${method}` } };
  const parsed = apiInputs[method].safeParse(raw ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'BAD_INPUT', message: describeValidation(method, parsed.error.issues) } };
  }
  try {
    const fn = api[method] as (input: unknown) => Promise<unknown>;
    const result = await fn(parsed.data);
    return { ok: true, result };
  } catch (e) {
    return { ok: false, error: toErrorPayload(e) };
  }
}
