/**
 * Atomic file writes: a crash, a full disk or a failing write never leaves a half-written file
 * where a good one was. Write to a temp file beside the target, fsync it, rename over the target,
 * fsync the folder. On any failure the temp file is removed and the original is untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PlenaryError, type MessageRef } from '../../shared/errors.js';

/** The file-system calls used, injectable so tests can simulate a full disk mid-write. */
export interface AtomicFs {
  openSync: typeof fs.openSync;
  writeSync: (fd: number, data: Buffer, offset: number, length: number) => number;
  fsyncSync: typeof fs.fsyncSync;
  closeSync: typeof fs.closeSync;
  renameSync: typeof fs.renameSync;
  rmSync: typeof fs.rmSync;
}

const realFs: AtomicFs = {
  openSync: fs.openSync,
  writeSync: (fd, data, offset, length) => fs.writeSync(fd, data, offset, length),
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  renameSync: fs.renameSync,
  rmSync: fs.rmSync,
};

/** Explains a Node file-system error in words a delegate understands. */
export function describeFsError(e: unknown, file: string): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOSPC':
      return `The disk is full: ${file} could not be written.`;
    case 'EACCES':
    case 'EPERM':
      return `Permission denied: ${file} could not be written.`;
    case 'EROFS':
      return `The disk is read-only: ${file} could not be written.`;
    case 'ENOENT':
      return `The folder for ${file} does not exist.`;
    default:
      return `${file} could not be written (${(e as Error)?.message ?? String(e)}).`;
  }
}

/** The message code of a failed write of `file` whose previous version was kept (catalogue `errors.write.*`). */
function writeFailure(e: unknown, file: string): MessageRef {
  switch ((e as NodeJS.ErrnoException)?.code) {
    case 'ENOSPC':
      return { code: 'write.diskFull', values: { file } };
    case 'EACCES':
    case 'EPERM':
      return { code: 'write.denied', values: { file } };
    case 'EROFS':
      return { code: 'write.readOnly', values: { file } };
    case 'ENOENT':
      return { code: 'write.noFolder', values: { file } };
    default:
      return { code: 'write.failed', values: { file, detail: (e as Error)?.message ?? String(e) } };
  }
}

/** PlenaryError IO for a failed write of `file` whose previous version was kept, in English and as a code. */
export function keptPreviousError(e: unknown, file: string): PlenaryError {
  return new PlenaryError('IO', `${describeFsError(e, file)} The previous version was kept.`, { cause: e, msg: writeFailure(e, file) });
}

/**
 * Writes `data` to `file` atomically. Throws PlenaryError IO with a readable message; the
 * previous content of `file`, if any, is intact after a failure.
 */
export function writeFileAtomic(file: string, data: string | Buffer, io: AtomicFs = realFs): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let fd: number | undefined;
  try {
    fd = io.openSync(tmp, 'w', 0o644);
    let off = 0;
    while (off < buf.length) off += io.writeSync(fd, buf, off, buf.length - off);
    io.fsyncSync(fd);
    io.closeSync(fd);
    fd = undefined;
    io.renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined) {
      try {
        io.closeSync(fd);
      } catch {
        /* already failing; the original error matters */
      }
    }
    try {
      io.rmSync(tmp, { force: true });
    } catch {
      /* best effort */
    }
    throw keptPreviousError(e, file);
  }
  // Persist the rename itself; not possible on Windows, harmless to skip there.
  try {
    const dfd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(dfd);
    } finally {
      fs.closeSync(dfd);
    }
  } catch {
    /* directory fsync unsupported on this platform */
  }
}
