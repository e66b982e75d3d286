/**
 * The `plenary` command line: `plenary <command> [options]`.
 * Exit codes: 0 success, 1 failure, 2 usage error. Messages on stderr, data on stdout.
 */
import { APP_VERSION } from '../app-root.js';
import { UsageError } from './args.js';
import { serveCommand } from './serve.js';
import { importCommand, matchCommand, parseCommand, searchCommand } from './library-commands.js';
import { exportCommand } from './export-command.js';
import { installProcessGuards } from '../process-guard.js';
import { proposalsCommand } from './proposals-command.js';
import { mergeCommand } from './merge-command.js';

/** What a command receives. */
export interface CommandContext {
  argv: string[];
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

/** A subcommand: resolves to an exit code (long-running ones resolve when they stop). */
export interface Command {
  summary: string;
  usage: string;
  run(ctx: CommandContext): Promise<number>;
}

/** Every command, by name. */
export const COMMANDS: Record<string, Command> = {
  serve: serveCommand,
  parse: parseCommand,
  import: importCommand,
  search: searchCommand,
  match: matchCommand,
  export: exportCommand,
  proposals: proposalsCommand,
  merge: mergeCommand,
};

/** The top-level help text. */
export function helpText(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  const lines = Object.entries(COMMANDS).map(([k, c]) => `  ${k.padEnd(width)}  ${c.summary}`);
  return [
    `Plenary ${APP_VERSION}: draft United Nations resolutions offline.`,
    '',
    'Usage: plenary <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options for every command:',
    '  --data DIR   use DIR as the data folder (default: PLENARY_DATA or the OS app-data folder)',
    '  -h, --help   show help for the command',
    '',
    'Global:',
    '  --version    print the version',
    '  --help       print this help',
    '',
    'Exit codes: 0 success, 1 failure, 2 usage error.',
  ].join('\n');
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[], io: Pick<CommandContext, 'stdout' | 'stderr' | 'env'>): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    (first === undefined ? io.stderr : io.stdout).write(helpText() + '\n');
    return first === undefined ? 2 : 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${APP_VERSION}\n`);
    return 0;
  }
  const cmd = Object.prototype.hasOwnProperty.call(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!cmd) {
    io.stderr.write(`plenary: unknown command "${first}". Run "plenary --help" for the list.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(cmd.usage + '\n');
    return 0;
  }
  try {
    return await cmd.run({ argv: rest, ...io });
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`plenary ${first}: ${e.message}\n${cmd.usage}\n`);
      return 2;
    }
    io.stderr.write(`plenary ${first}: ${(e as Error).message ?? String(e)}\n`);
    return 1;
  }
}

const isEntry = (() => {
  const entry = process.argv[1] ?? '';
  return /[\\/](?:bin[\\/]plenary(?:\.js)?|cli[\\/]index\.[jt]s)$/.test(entry);
})();

if (isEntry) {
  installProcessGuards('plenary');
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`plenary: ${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
