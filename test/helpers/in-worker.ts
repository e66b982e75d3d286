/**
 * Runs an exported function of a TypeScript module in a worker thread (through tsx) and gives
 * its result, or throws when it has not finished within `timeoutMs`: a test of code that could
 * backtrack forever (a ReDoS) then fails instead of hanging the suite, since synchronous code on
 * the test's own thread cannot be interrupted. Messages `{ progress }` from the worker are kept
 * to say where it stuck.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

function tsxEsmApi(): string {
  const req = createRequire(import.meta.url);
  const pkgFile = req.resolve('tsx/package.json');
  const pkg = req(pkgFile) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(path.join(path.dirname(pkgFile), pkg.exports['./esm/api']!.import.default)).href;
}

/**
 * Calls `fn(arg)` exported by `moduleFile` in a worker; resolves to its (cloneable) result.
 * `timeoutMs` counts from the function's first progress report, so that a slow start on a
 * loaded machine (tsx compiling the module) is not taken for a hang; the start has its own
 * generous limit.
 */
export function runInWorker<T>(moduleFile: string, fn: string, arg: unknown, timeoutMs: number, startMs = 180_000): Promise<T> {
  const entry = pathToFileURL(moduleFile).href;
  const boot = `
    const { parentPort, workerData } = await import('node:worker_threads');
    const tsx = await import(${JSON.stringify(tsxEsmApi())});
    tsx.register();
    const mod = await import(${JSON.stringify(entry)});
    const report = (progress) => parentPort.postMessage({ progress });
    const result = await mod[${JSON.stringify(fn)}](workerData, report);
    parentPort.postMessage({ result });`;
  return new Promise<T>((resolve, reject) => {
    const w = new Worker(`(async () => {${boot}})().catch((e) => { throw e; })`, { eval: true, workerData: arg });
    let last = '(starting)';
    const expire = (ms: number, what: string) =>
      setTimeout(() => {
        void w.terminate();
        reject(new Error(`${fn} did not ${what} within ${ms} ms; last progress: ${last}`));
      }, ms);
    let timer = expire(startMs, 'start');
    let started = false;
    w.on('message', (m: { progress?: string; result?: T }) => {
      if (m.progress !== undefined) {
        last = m.progress;
        if (!started) {
          started = true;
          clearTimeout(timer);
          timer = expire(timeoutMs, 'finish');
        }
      } else {
        clearTimeout(timer);
        void w.terminate();
        resolve(m.result as T);
      }
    });
    w.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}
