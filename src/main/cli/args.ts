/**
 * Argument parsing for the `plenary` command: usage errors are UsageError (exit code 2),
 * everything else that fails is exit code 1. Messages go to stderr, data to stdout.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A wrong invocation: unknown command or option, missing or malformed value. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Options every command accepts. */
export const GLOBAL_OPTIONS = {
  data: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/**
 * Parses `argv` with the given options (plus the global ones), strictly: an unknown option is a
 * UsageError naming it.
 */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: O,
  allowPositionals = true,
) {
  try {
    return parseArgs({ args: argv, options: { ...GLOBAL_OPTIONS, ...options }, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}

/** Parses a TCP port option ("0" picks a free port). */
export function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${value}".`);
  return n;
}
