/**
 * The one file-access rule of the API transports (Electron IPC and the loopback host).
 *
 * A method that reads or writes a path on disk may touch only:
 * - a path the user chose in a native Open or Save dialog during this session (the dispatcher
 *   records the dialogs' answers here; a folder chosen for import grants the files under it);
 * - a path inside the data folder;
 * - a draft in the recent-files list (written only after an allowed open or save), a draft
 *   that a crash-recovery journal names, or a file the OS handed to the app (command line,
 *   Finder) — each granted explicitly.
 * Everything else is refused with PlenaryError FORBIDDEN (HTTP 403), before the service runs.
 * Paths are compared after resolving symbolic links, so a link inside the data folder that
 * points outside it is refused, and `..` cannot climb out. Relative paths are refused: the
 * transports have no meaningful working directory.
 *
 * The CLI calls the services directly and keeps its freedom: the user typed the path.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ApiMethod, PlenaryApi } from '../../shared/api.js';
import { PlenaryError } from '../../shared/errors.js';
import { dataPaths } from './paths.js';

/** What a grant allows. */
export interface GrantOptions {
  read?: boolean;
  write?: boolean;
  /** For write grants: the only extensions (no dot, lower case) that may be written. Absent: any. */
  extensions?: readonly string[];
  /** The path is a folder: everything under it may be read (folder import). */
  tree?: boolean;
}

interface Grant {
  read: boolean;
  write: boolean;
  extensions: readonly string[] | undefined;
}

/** The export formats' file extensions (akn is written as .xml). */
export const EXPORT_EXTENSION: Record<string, string> = { docx: 'docx', pdf: 'pdf', html: 'html', txt: 'txt', akn: 'xml' };

const DRAFT_EXT = ['plenary'];

function extensionOf(p: string): string {
  return path.extname(p).slice(1).toLowerCase();
}

function isInside(child: string, root: string): boolean {
  const rel = path.relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The canonical form of `p`: absolute, links resolved. A path that does not exist yet (a
 * file about to be written) resolves its nearest existing ancestor, so a link anywhere on
 * the way is still followed. Never throws; undefined for an unusable path (NUL bytes…).
 */
export function canonicalPath(p: string): string | undefined {
  try {
    let existing = path.resolve(p);
    const rest: string[] = [];
    for (;;) {
      try {
        return path.join(fs.realpathSync.native(existing), ...rest.reverse());
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR') return undefined;
        const parent = path.dirname(existing);
        if (parent === existing) return undefined;
        rest.push(path.basename(existing));
        existing = parent;
      }
    }
  } catch {
    return undefined;
  }
}

/** The file-access policy of one running app (one data folder, one session's dialog answers). */
export class FileAccess {
  private readonly grants = new Map<string, Grant>();
  private readonly trees: string[] = [];
  private readonly dataRoot: string | undefined;

  /** `dataDir` undefined: nothing is allowed but explicit grants. */
  constructor(private readonly dataDir: string | undefined) {
    this.dataRoot = dataDir === undefined ? undefined : canonicalPath(dataDir);
  }

  /** Allows `p` as described (a dialog's answer, a file the OS opened with the app…). */
  grant(p: string, opts: GrantOptions): void {
    if (!path.isAbsolute(p)) return;
    const key = canonicalPath(p);
    if (!key) return;
    if (opts.tree) {
      if (!this.trees.includes(key)) this.trees.push(key);
      return;
    }
    const prev = this.grants.get(key);
    const extensions = opts.write ? mergeExtensions(prev, opts.extensions) : prev?.extensions;
    this.grants.set(key, {
      read: Boolean(opts.read || prev?.read),
      write: Boolean(opts.write || prev?.write),
      extensions,
    });
  }

  private recentDrafts(): Set<string> {
    if (this.dataDir === undefined) return new Set();
    try {
      const v = JSON.parse(fs.readFileSync(dataPaths(this.dataDir).recent, 'utf8')) as unknown;
      const list = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && path.isAbsolute(x) && extensionOf(x) === 'plenary') : [];
      return new Set(list.map((x) => canonicalPath(x)).filter((x): x is string => x !== undefined));
    } catch {
      return new Set();
    }
  }

  private resolve(p: string, verb: 'read' | 'write'): string {
    if (!path.isAbsolute(p)) {
      throw new PlenaryError('FORBIDDEN', `Plenary needs a full path to ${verb} a file; the relative path "${p}" was refused.`, { msg: { code: verb === 'read' ? 'access.relativeRead' : 'access.relativeWrite', values: { path: p } } });
    }
    const real = canonicalPath(p);
    if (!real) throw new PlenaryError('FORBIDDEN', `Plenary cannot ${verb} "${p}": the path is not usable.`, { msg: { code: verb === 'read' ? 'access.unusableRead' : 'access.unusableWrite', values: { path: p } } });
    return real;
  }

  private inData(real: string): boolean {
    return this.dataRoot !== undefined && isInside(real, this.dataRoot);
  }

  /**
   * Throws FORBIDDEN unless `p` may be read: chosen in an Open dialog, under a folder chosen for
   * import, in the data folder, or a recent draft. Returns the canonical path.
   */
  checkRead(p: string): string {
    const real = this.resolve(p, 'read');
    if (this.inData(real) || this.grants.get(real)?.read || this.trees.some((t) => isInside(real, t))) return real;
    if (extensionOf(real) === 'plenary' && this.recentDrafts().has(real)) return real;
    throw new PlenaryError(
      'FORBIDDEN',
      `Plenary opens only files you chose in an Open dialog or files in its data folder; ${p} was refused. Use File › Open to choose it.`, { msg: { code: 'access.readRefused', values: { path: p } } },
    );
  }

  /**
   * Throws FORBIDDEN unless `p` may be written with its extension. `fromDialogOnly`: the data
   * folder and recent drafts do not count (exports go only where a Save dialog said).
   * `extension`: the only extension the caller writes. Returns the canonical path.
   */
  checkWrite(p: string, opts: { extension?: string; fromDialogOnly?: boolean } = {}): string {
    const real = this.resolve(p, 'write');
    const ext = extensionOf(real);
    if (opts.extension !== undefined && ext !== opts.extension) {
      throw new PlenaryError('FORBIDDEN', `Plenary writes this export only as a .${opts.extension} file; ${path.basename(p)} was refused. Choose a name ending in .${opts.extension}.`, { msg: { code: 'access.wrongExtension', values: { extension: opts.extension, name: path.basename(p) } } });
    }
    const g = this.grants.get(real);
    if (g?.write) {
      if (!g.extensions || g.extensions.length === 0 || g.extensions.includes(ext)) return real;
      throw new PlenaryError('FORBIDDEN', `The Save dialog allowed ${g.extensions.map((e) => `.${e}`).join(', ')} here; ${path.basename(p)} was refused.`, { msg: { code: 'access.dialogExtensions', values: { allowed: g.extensions.map((e) => `.${e}`).join(', '), name: path.basename(p) } } });
    }
    if (!opts.fromDialogOnly) {
      if (this.inData(real)) return real;
      if (ext === 'plenary' && this.recentDrafts().has(real)) return real;
    }
    throw new PlenaryError(
      'FORBIDDEN',
      `Plenary writes only where you chose in a Save dialog${opts.fromDialogOnly ? '' : ' or in its data folder'}; ${p} was refused. Use Save As to choose a place.`, { msg: { code: opts.fromDialogOnly ? 'access.writeRefusedDialog' : 'access.writeRefused', values: { path: p } } },
    );
  }

  /** Vets one call's paths before the service runs; throws FORBIDDEN. Methods without paths pass. */
  check(method: ApiMethod, input: unknown): void {
    const rule = RULES[method];
    if (rule) rule(this, input as Record<string, unknown>);
  }

  /** Records what a successful call tells about the user's choices (dialog answers, recovery paths). */
  observe(method: ApiMethod, input: unknown, result: unknown): void {
    const i = input as Record<string, unknown>;
    if (method === 'dialog.openFile' && result) {
      const r = result as { paths: string[] };
      const folder = (i as { folder?: boolean }).folder === true;
      for (const p of r.paths) this.grant(p, folder ? { tree: true, read: true } : { read: true, write: true, extensions: DRAFT_EXT });
    } else if (method === 'dialog.saveFile' && result) {
      const exts = ((i as { extensions?: string[] }).extensions ?? []).map((e) => e.replace(/^\./, '').toLowerCase()).filter(Boolean);
      this.grant((result as { path: string }).path, { read: true, write: true, extensions: exts });
    } else if (method === 'drafts.recoverable' && Array.isArray(result)) {
      // Journals live in the data folder and name paths vetted when they were written.
      for (const e of result as { path: string }[]) {
        if (e.path && extensionOf(e.path) === 'plenary') this.grant(e.path, { read: true, write: true, extensions: DRAFT_EXT });
      }
    }
  }
}

function mergeExtensions(prev: Grant | undefined, next: readonly string[] | undefined): readonly string[] | undefined {
  const nextList = next && next.length ? next : undefined;
  if (!prev?.write) return nextList;
  // An unrestricted write grant stays unrestricted.
  if (!prev.extensions || !nextList) return undefined;
  return [...new Set([...prev.extensions, ...nextList])];
}

/** The target a drafts.save writes (the service adds .plenary when missing). */
function draftTarget(p: string): string {
  return extensionOf(p) === 'plenary' ? p : `${p}.plenary`;
}

type Rule = (access: FileAccess, input: Record<string, unknown>) => void;

/** Every path-taking method and what it needs. A test asserts no path-taking method is missing. */
export const RULES: Partial<Record<ApiMethod, Rule>> = {
  'drafts.open': (a, i) => void a.checkRead(i.path as string),
  'drafts.importFile': (a, i) => void a.checkRead(i.path as string),
  // A Word file to merge is read from a path only in the desktop app (after its Open dialog).
  'drafts.mergeWord': (a, i) => {
    if (typeof i.path === 'string') a.checkRead(i.path);
  },
  'library.import': (a, i) => {
    for (const p of i.paths as string[]) a.checkRead(p);
  },
  'library.importStart': (a, i) => {
    for (const p of i.paths as string[]) a.checkRead(p);
  },
  'drafts.save': (a, i) => {
    if (typeof i.path === 'string') a.checkWrite(draftTarget(i.path), { extension: 'plenary' });
  },
  // The journal itself goes to the data folder; the path it names is where a recovered draft is saved.
  'drafts.autosave': (a, i) => {
    if (typeof i.path === 'string' && i.path !== '') a.checkWrite(draftTarget(i.path), { extension: 'plenary' });
  },
  'export.save': (a, i) => void a.checkWrite(i.path as string, { extension: EXPORT_EXTENSION[i.format as string] ?? '', fromDialogOnly: true }),
  'files.write': (a, i) => void a.checkWrite(i.path as string, { fromDialogOnly: true }),
};

const policies = new WeakMap<PlenaryApi, FileAccess | Promise<FileAccess>>();

/** Uses `access` for every transported call to `api` (Electron main sets it to add OS grants). */
export function setAccess(api: PlenaryApi, access: FileAccess): void {
  policies.set(api, access);
}

/**
 * The policy of `api`: the one set with setAccess, else one over the data folder that
 * `app.info` names (created on first use). An api without a usable `app.info` gets a policy
 * that allows explicit grants only.
 */
export async function accessFor(api: PlenaryApi): Promise<FileAccess> {
  const known = policies.get(api);
  if (known) return known;
  const made = (async () => {
    try {
      const info = await api['app.info']({});
      return new FileAccess(typeof info?.dataDir === 'string' && info.dataDir ? info.dataDir : undefined);
    } catch {
      return new FileAccess(undefined);
    }
  })();
  policies.set(api, made);
  const access = await made;
  if (policies.get(api) === made) policies.set(api, access);
  return access;
}
