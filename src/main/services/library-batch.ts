/**
 * Storing a batch of prepared files (LibraryService.importPaths): one transaction for the batch,
 * the match index told only once it is committed.
 */
import type { ImportSummary } from '../../shared/api.js';
import type { FrontMatter } from '../../shared/resolution/model.js';
import type { MatchEntry } from '../db/match-store.js';
import type { PreparedOutcome } from './import-isolated.js';
import type { PreparedDocument } from './library-rows.js';

type ImportItem = ImportSummary['items'][number];

/** A file of a batch: what the import worker made of it, or why it could not. */
export interface BatchFile {
  file: string;
  outcome: PreparedOutcome | Error;
}

/** What storeBatch needs of the library (LibraryService). */
export interface BatchStore {
  /** Runs `fn` in one transaction (rolled back, and the vocabulary forgotten, when it throws). */
  transaction<T>(fn: () => T): T;
  /**
   * Stores a document unless the library has it, in a savepoint of its own unless `savepoint` is
   * false (LibraryDb.insertPrepared); returns its item and the paragraphs stored.
   */
  store(meta: FrontMatter, source: { file: string; hash: string }, prepare: () => PreparedDocument, savepoint: boolean): { item: ImportItem; paragraphs: MatchEntry[] };
  /** Adds committed paragraphs to the match index. */
  indexAdd(paragraphs: readonly MatchEntry[]): void;
}

/**
 * Stores prepared files in one transaction, then adds them to the match index: once the whole
 * batch is committed, so the index never holds a paragraph the database does not. The documents
 * are written without savepoints (each would make FTS5 write the terms pending so far out as a
 * segment of their own: one per document instead of one per batch); if one cannot be stored, the
 * transaction rolls back and the batch is stored again with a savepoint per document, so that it
 * fails alone. When the commit itself fails, every file of the batch is reported failed with its
 * reason. Returns an item per file, in order.
 */
export function storeBatch(lib: BatchStore, batch: readonly BatchFile[]): ImportItem[] {
  const failed = (file: string, e: unknown): ImportItem => ({ file, status: 'failed', reason: e instanceof Error ? e.message : String(e) });
  const storeAll = (savepoints: boolean) =>
    lib.transaction(() =>
      batch.map(({ file, outcome }) => {
        if (outcome instanceof Error) return { item: failed(file, outcome), paragraphs: [] };
        const store = () => lib.store(outcome.prepared.meta, { file, hash: outcome.source.hash }, () => outcome.prepared, savepoints);
        if (!savepoints) return store();
        try {
          return store();
        } catch (e) {
          return { item: failed(file, e), paragraphs: [] };
        }
      }),
    );
  let stored: { item: ImportItem; paragraphs: MatchEntry[] }[];
  try {
    try {
      stored = storeAll(false);
    } catch {
      stored = storeAll(true);
    }
  } catch (e) {
    return batch.map(({ file }) => failed(file, e));
  }
  for (const s of stored) lib.indexAdd(s.paragraphs);
  return stored.map((s) => s.item);
}
