/**
 * Transport-independent dispatch: validate a raw argument against the method's schema, apply
 * the file-access rule (access.ts), call the service, and produce the wire reply. Used by the
 * loopback host and by Electron IPC, so both validate, refuse and report errors the same way.
 * The CLI calls services directly: where the user types a path, it is not vetted.
 */
import { apiInputs, type ApiMethod, type ApiReply, type PlenaryApi } from '../../shared/api.js';
import { toErrorPayload, type CodedMessage, type ErrorPayload } from '../../shared/errors.js';
import { accessFor, type FileAccess } from './access.js';

/** Deepest nesting of arrays and objects accepted in an argument (documents nest a dozen levels). */
export const MAX_INPUT_DEPTH = 200;

/** Whether `name` is a method of the API (guards against prototype keys like "constructor"). */
export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiInputs, name);
}

/**
 * A zod error as one readable line naming the field, with its message code for the interface
 * (`errors.api.invalidField`; zod's own detail stays in English, as the schema library words it).
 */
export function describeValidation(method: string, issues: readonly { path: PropertyKey[]; message: string }[]): CodedMessage {
  const first = issues[0];
  if (!first) return { message: `Invalid arguments for ${method}.`, code: 'api.invalid', values: { method } };
  const field = first.path.length ? first.path.map(String).join('.') : 'arguments';
  return { message: `Invalid arguments for ${method}: ${field}: ${first.message}`, code: 'api.invalidField', values: { method, field, detail: first.message } };
}

/** The wire error of a refused call: the English message, and its code for the interface to say. */
function refused(code: ErrorPayload['code'], { message, ...msg }: CodedMessage): ApiReply<unknown> {
  return { ok: false, error: { code, message, msg } };
}

/**
 * Whether `value` nests arrays/objects deeper than `limit`. Iterative, so a hostile argument
 * cannot overflow the stack here (the schemas' recursive validation would).
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

/**
 * Validates and runs one call; never throws. `access` defaults to the api's policy
 * (access.ts `accessFor`): paths are vetted before the service runs, and dialog answers are
 * recorded after it.
 */
export async function dispatch(api: PlenaryApi, method: string, raw: unknown, access?: FileAccess): Promise<ApiReply<unknown>> {
  if (!isApiMethod(method)) return refused('UNKNOWN_METHOD', { message: `Unknown API method: ${method}`, code: 'api.unknownMethod', values: { method } });
  if (nestsDeeperThan(raw, MAX_INPUT_DEPTH)) {
    return refused('BAD_INPUT', { message: `Invalid arguments for ${method}: nested more than ${MAX_INPUT_DEPTH} levels deep.`, code: 'api.tooDeep', values: { method, depth: MAX_INPUT_DEPTH } });
  }
  let parsed;
  try {
    parsed = apiInputs[method].safeParse(raw ?? {});
  } catch (e) {
    // A schema may still recurse on odd shapes; a stack overflow is bad input, not a crash.
    if (e instanceof RangeError) return refused('BAD_INPUT', { message: `Invalid arguments for ${method}: too deeply nested.`, code: 'api.tooDeepSchema', values: { method } });
    return { ok: false, error: toErrorPayload(e) };
  }
  if (!parsed.success) {
    return refused('BAD_INPUT', describeValidation(method, parsed.error.issues));
  }
  try {
    const policy = access ?? (await accessFor(api));
    policy.check(method, parsed.data);
    const fn = api[method] as (input: unknown) => Promise<unknown>;
    const result = await fn(parsed.data);
    policy.observe(method, parsed.data, result);
    return { ok: true, result };
  } catch (e) {
    return { ok: false, error: toErrorPayload(e) };
  }
}
