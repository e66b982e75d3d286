/**
 * Process-wide handlers for what escapes every try/catch (issue 10): a promise rejected with no
 * one to hear it (pdf.js on a damaged file did this) or an exception thrown from a callback. By
 * default Node ends the process on either; for the host, Electron's main process and a CLI batch
 * that would mean a dead app and lost answers. Here each becomes one clear line on stderr (no
 * stack), the exit code of a CLI run becomes 1, and the process goes on serving.
 */

let installed = false;

function describe(e: unknown): string {
  const msg = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
  const line = msg.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? line.slice(0, 300) + '…' : line || '(no message)';
}

/**
 * Installs the handlers once per process (later calls do nothing). `label` starts each line
 * ("plenary", "plenary host"); `write` receives the line (stderr by default).
 */
export function installProcessGuards(label: string, write: (line: string) => void = (l) => process.stderr.write(l + '\n')): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    process.exitCode = 1;
    write(`${label}: an operation failed unexpectedly and was abandoned: ${describe(reason)}`);
  });
  process.on('uncaughtException', (err) => {
    process.exitCode = 1;
    write(`${label}: an unexpected error was caught and the app goes on: ${describe(err)}`);
  });
}
