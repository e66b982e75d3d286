/**
 * Expanding the files and folders given to a library import into the files to import.
 *
 * The walk never aborts on one bad entry: an unreadable folder or file, a symbolic-link loop,
 * a dangling link or a vanished entry is passed over and listed with its reason. Folders are
 * identified by their real path, so a loop (a link to an ancestor) is seen at once and a
 * folder reached twice through links is walked once. A link inside a chosen folder that points
 * outside every chosen folder is passed over: choosing a folder of resolutions must not import
 * whatever a stray link reaches (a home folder, the root of the disk). The asynchronous form yields to the
 * event loop as it goes (the host keeps answering), reports progress, can be cancelled, and
 * can stop at a file limit so the caller may ask the user before walking on.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IMPORTABLE_FILE } from '../../shared/api.js';
import type { CodedMessage } from '../../shared/errors.js';

/** Files the import accepts when given a folder. */
export const IMPORTABLE = IMPORTABLE_FILE;

/** Above this many files, a transported import asks before walking on. */
export const CONFIRM_FILE_LIMIT = 3000;

/** An entry the walk passed over. */
export interface PassedOver {
  path: string;
  reason: string;
}

/** The result of a walk. */
export interface WalkResult {
  files: string[];
  /** Inputs that do not exist. */
  missing: string[];
  passedOver: PassedOver[];
  /** The walk stopped at `limit` files; `resume` goes on from there. */
  limited: boolean;
}

/** The file-system calls used, injectable so tests can make entries unreadable (tests run as root). */
export interface WalkFs {
  statSync(p: string): fs.Stats;
  lstatSync(p: string): fs.Stats;
  realpathSync(p: string): string;
  readdirSync(p: string): string[];
  accessSync(p: string, mode: number): void;
}

const realFs: WalkFs = {
  statSync: (p) => fs.statSync(p),
  lstatSync: (p) => fs.lstatSync(p),
  realpathSync: (p) => fs.realpathSync.native(p),
  readdirSync: (p) => fs.readdirSync(p),
  accessSync: (p, mode) => fs.accessSync(p, mode),
};

function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symbolic-link loop';
    case 'ENOENT':
      return 'vanished during the import';
    default:
      return `unreadable (${code ?? (e instanceof Error ? e.message : String(e))})`;
  }
}

/**
 * A resumable walk. Each `step` handles one entry; `run` (sync) and `walkImportable` (async)
 * drive it, so the CLI and the background import share one walker.
 */
export class FolderWalk {
  readonly files: string[] = [];
  readonly missing: string[] = [];
  readonly passedOver: PassedOver[] = [];
  private readonly seenDirs = new Set<string>();
  /** Real paths of the chosen folders: links found inside them must stay inside one of them. */
  private readonly roots: string[] = [];
  /** Entries still to visit, as [path, isTopLevel], last first. */
  private readonly todo: [string, boolean][];
  /** The entry being visited (progress display). */
  current = '';

  constructor(
    inputs: readonly string[],
    private readonly io: WalkFs = realFs,
  ) {
    this.todo = inputs.map((i) => [path.resolve(i), true] as [string, boolean]).reverse();
    for (const [p] of this.todo) {
      try {
        if (io.statSync(p).isDirectory()) this.roots.push(io.realpathSync(p));
      } catch {
        /* a missing or unreadable input is reported when it is visited */
      }
    }
  }

  /** Whether there is more to walk. */
  get pending(): boolean {
    return this.todo.length > 0;
  }

  /** Visits one entry. */
  step(): void {
    const next = this.todo.pop();
    if (!next) return;
    const [p, top] = next;
    this.current = p;
    let st: fs.Stats;
    try {
      st = this.io.statSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException)?.code;
      if (top && code === 'ENOENT' && !this.isLink(p)) this.missing.push(p);
      else if (code === 'ENOENT' && this.isLink(p)) this.passedOver.push({ path: p, reason: 'dangling symbolic link (its target does not exist)' });
      else this.passedOver.push({ path: p, reason: reasonOf(e) });
      return;
    }
    if (!top && this.isLink(p) && this.outsideRoots(p)) {
      this.passedOver.push({ path: p, reason: 'symbolic link pointing outside the chosen folder' });
      return;
    }
    if (st.isDirectory()) {
      let real: string;
      let names: string[];
      try {
        real = this.io.realpathSync(p);
        if (this.seenDirs.has(real)) {
          this.passedOver.push({ path: p, reason: 'symbolic-link loop (this folder was already walked)' });
          return;
        }
        this.seenDirs.add(real);
        names = this.io.readdirSync(p).sort();
      } catch (e) {
        this.passedOver.push({ path: p, reason: reasonOf(e) });
        return;
      }
      // Reverse so that the stack pops them in sorted order.
      for (let i = names.length - 1; i >= 0; i--) this.todo.push([path.join(p, names[i]!), false]);
      return;
    }
    if (!st.isFile()) {
      if (top) this.passedOver.push({ path: p, reason: 'not a file or folder' });
      return;
    }
    if (!top && !IMPORTABLE.test(p)) return;
    try {
      this.io.accessSync(p, fs.constants.R_OK);
    } catch (e) {
      this.passedOver.push({ path: p, reason: reasonOf(e) });
      return;
    }
    this.files.push(p);
  }

  /** Whether the real path of `p` lies outside every chosen folder (or cannot be resolved). */
  private outsideRoots(p: string): boolean {
    let real: string;
    try {
      real = this.io.realpathSync(p);
    } catch {
      return true;
    }
    return !this.roots.some((root) => {
      const rel = path.relative(root, real);
      return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
    });
  }

  private isLink(p: string): boolean {
    try {
      return this.io.lstatSync(p).isSymbolicLink();
    } catch {
      return false;
    }
  }

  /** Walks to the end synchronously (the CLI). */
  run(): WalkResult {
    while (this.pending) this.step();
    return this.result(false);
  }

  /** The state as a WalkResult. */
  result(limited: boolean): WalkResult {
    return { files: this.files, missing: this.missing, passedOver: this.passedOver, limited };
  }
}

/** Options of walkImportable. */
export interface WalkOptions {
  signal?: AbortSignal;
  /** Stop (limited: true) once more than this many files are found; resume by calling again. */
  limit?: number;
  /** Called now and then with the walk (found so far, current entry). */
  onProgress?(walk: FolderWalk): void;
}

/**
 * Walks asynchronously, yielding to the event loop every few hundred entries. Resolves with
 * `limited` when `limit` was passed (the walk can be continued with `continueWalk`), rejects
 * with the signal's reason when aborted.
 */
export async function continueWalk(walk: FolderWalk, opts: WalkOptions = {}): Promise<WalkResult> {
  let n = 0;
  while (walk.pending) {
    opts.signal?.throwIfAborted();
    walk.step();
    if (opts.limit !== undefined && walk.files.length > opts.limit) return walk.result(true);
    if (++n % 200 === 0) {
      opts.onProgress?.(walk);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  opts.onProgress?.(walk);
  return walk.result(false);
}

/** Expands files and folders (recursively) into importable files, in a stable order (sync). */
export function expandPaths(inputs: readonly string[], io?: WalkFs): WalkResult {
  return new FolderWalk(inputs, io).run();
}

/**
 * Why walking `p` deserves a question first, or undefined: the file-system root, a drive root,
 * or the user's home folder (or a folder above it). The English `message` is the reason alone;
 * the code (`import.sensitiveRoot`, `import.sensitiveHome`, `import.sensitiveAboveHome`, with
 * {path}) names the whole question, reason and "Import it anyway?".
 */
export function sensitiveRootMessage(p: string, home = os.homedir()): CodedMessage | undefined {
  const abs = path.resolve(p);
  if (path.parse(abs).root === abs) return { code: 'import.sensitiveRoot', values: { path: abs }, message: `${abs} is the root of a disk: importing it walks every file on it.` };
  const h = path.resolve(home);
  const rel = path.relative(abs, h);
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
    return rel === ''
      ? { code: 'import.sensitiveHome', values: { path: abs }, message: `${abs} is your home folder: importing it walks all your files.` }
      : { code: 'import.sensitiveAboveHome', values: { path: abs }, message: `${abs} holds your home folder: importing it walks all your files.` };
  }
  return undefined;
}

/** sensitiveRootMessage's English reason, or undefined. */
export function sensitiveRoot(p: string, home = os.homedir()): string | undefined {
  return sensitiveRootMessage(p, home)?.message;
}
