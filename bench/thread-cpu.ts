// CPU time per thread of this process (Linux, from /proc/self/task): tells the main thread's share
// of a run from the worker threads' and V8's helper threads' (compilers, garbage collector).
import fs from 'node:fs';

/** CPU seconds (user + system) per live thread, keyed by thread id; empty where /proc is missing. */
export function threadCpuSeconds(): Map<number, number> {
  const out = new Map<number, number>();
  let tids: string[];
  try {
    tids = fs.readdirSync('/proc/self/task');
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) in parentheses: utime and stime
      // are the 14th and 15th fields of the line, in clock ticks (100 per second on Linux).
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), (Number(f[11]) + Number(f[12])) / 100);
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

/** Per thread, the CPU seconds spent since `before` (a threadCpuSeconds reading); the main thread's id is process.pid. */
export function threadCpuSince(before: Map<number, number>): { mainSeconds: number | null; threads: Map<number, number> } {
  const now = threadCpuSeconds();
  const threads = new Map<number, number>();
  for (const [tid, s] of now) threads.set(tid, Math.round((s - (before.get(tid) ?? 0)) * 100) / 100);
  return { mainSeconds: threads.get(process.pid) ?? null, threads };
}
