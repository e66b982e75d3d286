// A Plenary host in its own process (`plenary serve`), so a test or benchmark can SIGKILL it
// like a crash and start it again on the same port with a new token.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const BIN = path.resolve(import.meta.dirname, '../../bin/plenary.js');

/** A running host process. */
export interface HostProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** SIGKILL, as a crash; resolves when the process is gone. */
  kill(): Promise<void>;
}

/** A port that was free a moment ago (for a host that must come back on the same port). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts `plenary serve --port PORT --data DIR [...extraArgs]` and waits (generously) for the URL it prints. */
export async function startHostProcess(dataDir: string, port: number, timeoutMs = 120_000, extraArgs: readonly string[] = []): Promise<HostProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--data', dataDir, ...extraArgs], {
    env: { ...process.env, BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`plenary serve printed no URL within ${timeoutMs} ms:\n${err}`)), timeoutMs);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Plenary is running at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`plenary serve exited (${code}) before printing its URL:\n${err}`));
    });
  });
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    url,
    port,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await gone;
    },
  };
}
