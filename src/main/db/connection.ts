/**
 * Opening the library database: better-sqlite3 12 with WAL, foreign keys, and numbered,
 * append-only migrations tracked in `user_version`. A database written by a newer Plenary is
 * refused rather than damaged. Under Electron the Electron-ABI build of the native module is
 * used when PLENARY_SQLITE_BINDING points at it (set by the Electron main process); under Node
 * (tests, CLI, browser mode) the package's own build is used.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PlenaryError } from '../../shared/errors.js';
import { MIGRATIONS } from './migrations.js';

/** The database handle type, re-exported so other modules under src/main/db can name it. */
export type Db = Database.Database;

/** The schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Options for openDatabase. */
export interface OpenOptions {
  /** Override of the native binding path (defaults to PLENARY_SQLITE_BINDING when set). */
  nativeBinding?: string;
  readonly?: boolean;
}

/**
 * Opens (creating if needed) the database at `file` and brings it to SCHEMA_VERSION.
 * Throws PlenaryError NEWER_VERSION for a database from a newer Plenary, CORRUPT for a file that
 * is not a database (the file is left as it is).
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const nativeBinding = opts.nativeBinding ?? process.env.PLENARY_SQLITE_BINDING;
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file, {
      ...(nativeBinding ? { nativeBinding } : {}),
      ...(opts.readonly ? { readonly: true, fileMustExist: true } : {}),
    });
    // Check the version before anything writes to the file (even switching to WAL does).
    refuseNewer(db, file);
    // A new library gets 8 KiB pages: less space left over at the end of each page of paragraphs.
    // (The size can only be chosen before the first table is written, and not once in WAL mode.)
    if (!opts.readonly && (db.pragma('page_count', { simple: true }) as number) === 0) db.pragma('page_size = 8192');
    db.pragma('journal_mode = WAL');
  } catch (e) {
    if (e instanceof PlenaryError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new PlenaryError('CORRUPT', `The library database ${file} is damaged (${(e as Error).message}). It was left untouched; move it away to start a new library.`, { cause: e, msg: { code: 'library.dbDamaged', values: { file, detail: (e as Error).message } } });
    }
    throw new PlenaryError('IO', `The library database ${file} could not be opened: ${(e as Error).message}`, { cause: e, msg: { code: 'library.dbOpen', values: { file, detail: (e as Error).message } } });
  }
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  try {
    migrate(db, file);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

function refuseNewer(db: Db, label: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    db.close();
    throw new PlenaryError(
      'NEWER_VERSION',
      `${label} was created by a newer version of Plenary (schema ${current}; this version knows up to ${SCHEMA_VERSION}). Update Plenary; the library was not changed.`, { msg: { code: 'library.dbNewer', values: { label, schema: current, supported: SCHEMA_VERSION } } },
    );
  }
}

/** Applies pending migrations, each in its own transaction; refuses a newer database. */
export function migrate(db: Db, label = 'the library'): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) refuseNewer(db, label);
  for (let v = current; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v]!;
    db.transaction(() => {
      if (typeof step === 'string') db.exec(step);
      else step(db);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
