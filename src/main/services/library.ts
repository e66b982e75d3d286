/**
 * The library of earlier resolutions: import from files, full-text search, agreed-language
 * matching, the source viewer, and the starter library shipped with the app.
 *
 * SQLite (through src/main/db) holds documents, paragraphs, an FTS5 index and each paragraph's
 * matching tokens; the match index (matcher.ts) is built in memory from those tokens on first
 * use and kept in step with imports.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { openDatabase, type Db } from '../db/connection.js';
import { PlenaryError } from '../../shared/errors.js';
import { LibraryDb, type SearchFilters, type SearchHitRow, type SearchOrder } from '../db/library.js';
import { FtsMaintenance, type MaintenanceOptions } from '../db/fts-maintenance.js';
import { prepareDocument, type PreparedDocument } from './library-rows.js';
import { KIND_CODES, type MatchEntry } from '../db/match-store.js';
import type { ResolutionDocument } from '../../shared/resolution/model.js';
import { wordDiff, type DiffOp } from '../../shared/text/diff.js';
import type { AdoptionRecord, AgreedMatch, ImportSummary, LibrarySuggestion, LineageVersion } from '../../shared/api.js';
import type { MatchIndex, MatchHit } from './matcher.js';
import { openMatchIndex, openMatchIndexOffThread, snapshotPath, type MatchIndexOrigin } from './match-persist.js';
import { adoptionRecord, continuationOf, lineage } from './library-history.js';
import { literalBound, literalSimilarity, plainWords } from './match-literal.js';
import { expandPaths, type WalkResult } from './folder-walk.js';
import { importBufferIsolated, prepareFileIsolated, type ImportOutcome, type PreparedOutcome } from './import-isolated.js';
import { storeBatch, type BatchFile } from './library-batch.js';

/** Result of importing one file. */
export type ImportItem = ImportSummary['items'][number];

/** A match for agreed language (the API's type). */
export type MatchResult = AgreedMatch;

export { IMPORTABLE, expandPaths } from './folder-walk.js';

/** Where the starter library ships inside the app. */
export function starterPath(appRoot: string): string {
  return path.join(appRoot, 'assets', 'library', 'starter.jsonl.gz');
}

/**
 * The starter library ready to use, built by `npm run build` (scripts/build-starter.ts): beside the
 * sources (dist/starter/library.sqlite) or, in the installed app, in its resources folder
 * (library/starter.sqlite, electron-builder.yml), each with its persisted match index beside it
 * (snapshotPath of it). `starter` is the starter file (starterPath), from
 * whose place the app root is known. Undefined when neither exists (not built: `npm test`).
 */
export function starterDatabasePath(starter: string): string | undefined {
  const root = path.resolve(path.dirname(starter), '..', '..');
  return [path.join(root, 'dist', 'starter', 'library.sqlite'), path.join(path.dirname(root), 'library', 'starter.sqlite')].find((f) => fs.existsSync(f));
}

/**
 * Copies the persisted match index beside the built starter database `prebuilt` (if any) to
 * `snap`, under a temporary name then renamed, so that a copy cut short never carries the real
 * name. Nothing is trusted from it: on open, match-persist.ts checks its checksum and generation
 * against the copied database and builds the index as before if it is refused. Without it (or
 * when it cannot be copied) the index is built as before too, so a failure here is not an error.
 */
function copyStarterMatchIndex(prebuilt: string, snap: string): void {
  const shipped = snapshotPath(prebuilt);
  if (!shipped || !fs.existsSync(shipped)) return;
  const tmp = `${snap}.starter-${process.pid}`;
  try {
    fs.copyFileSync(shipped, tmp);
    fs.renameSync(tmp, snap);
  } catch {
    fs.rmSync(tmp, { force: true });
  }
}

/** Options of the library service. */
export interface LibraryOptions {
  /**
   * The starter library as a ready database, copied to a new library on first start instead of
   * importing the starter file (default: starterDatabasePath(starter); null: always import).
   */
  starterDatabase?: string | null;
  /**
   * Load the starter library in small transactions between other work (long-running app
   * processes), so search answers at once from what is loaded; `starterLoaded()` tells when it is
   * complete. Otherwise (CLI, tests) the first use imports it whole before answering.
   */
  starterInBackground?: boolean;
  /**
   * Libraries whose match index is persisted and, when it must be rebuilt, built off the main
   * thread by matchIndexReady: at least this many paragraphs (default PERSIST_FROM_PARAGRAPHS;
   * tests lower it).
   */
  matchPersistFrom?: number;
  /**
   * Merge the search index's segments in short slices whenever the library is left alone
   * (long-running app processes: see FtsMaintenance), with these timings when an object.
   */
  idleMaintenance?: boolean | MaintenanceOptions;
}

/**
 * Files handed to the import workers ahead of the one awaited: enough to keep a worker reading
 * while this thread stores a batch (IMPORT_BATCH), few enough that memory stays small.
 */
const IMPORT_READ_AHEAD = 32;

/**
 * Import workers a batch of files is spread over: two wherever there are two cores. Since the
 * workers prepare what is stored (library-rows.ts) and this thread only writes it, the worker is the
 * busiest thread; a second one no longer only adds its start-up and garbage collection (measured on
 * 2 cores, idle, the corpus of 1,559 documents: 187 and 210 documents/s with one worker, 303 and 276
 * with two, at the same CPU per document, 6.2–7.1 ms against 5.8–6.4).
 */
const IMPORT_LANES = os.availableParallelism() >= 2 ? 2 : 1;

/**
 * Documents importPaths stores per transaction: a commit per document cost as much again as the
 * inserts themselves (each commit writes the pages it touched, FTS5 a new segment). A batch of
 * 32 takes ~40 ms of this thread.
 */
const IMPORT_BATCH = 32;

/** How long a prepared file waits for the rest of its batch before the batch is stored anyway. */
const IMPORT_BATCH_WAIT_MS = 250;

/** Documents per transaction while the starter library loads in the background. */
const STARTER_CHUNK = 40;

/** The library service. Opens its database lazily; call close() when done. */
export class LibraryService {
  private dbHandle: Db | null = null;
  private lib: LibraryDb | null = null;
  private index: MatchIndex | null = null;
  private indexLoading: Promise<MatchIndex> | null = null;
  private indexOrigin: MatchIndexOrigin | null = null;
  private loading: Promise<void> | null = null;
  private loadEnded = false;
  private maintenance: FtsMaintenance | null = null;
  /** Why the background starter load stopped, if it failed. */
  starterFailure: string | null = null;

  constructor(
    private readonly file: string,
    private readonly starter?: string,
    private readonly opts: LibraryOptions = {},
  ) {}

  /** The data-access object, opening the database (and importing the starter library) on first use. */
  get db(): LibraryDb {
    // Every use of the library goes through here: idle maintenance waits until it stops.
    this.maintenance?.touch();
    if (!this.lib) {
      this.dbHandle = (this.starter && this.openStarterCopy()) || openDatabase(this.file);
      this.lib = new LibraryDb(this.dbHandle);
      // A removed document's paragraphs must never be suggested again.
      this.lib.onParagraphsRemoved = (ids) => {
        for (const id of ids) this.index?.remove(id);
      };
      if (this.starter && this.opts.starterInBackground) {
        // The load may end before it returns (nothing to load): then nothing is loading.
        this.loadEnded = false;
        const loading = this.loadStarterInBackground(this.starter, this.lib);
        if (!this.loadEnded) this.loading = loading;
      }
      else if (this.starter) this.ensureStarter(this.starter);
      const idle = this.opts.idleMaintenance;
      if (idle) (this.maintenance = new FtsMaintenance(this.dbHandle, idle === true ? {} : idle)).start();
    }
    return this.lib;
  }

  /**
   * A new library (no database file yet) starts as a copy of the built starter database: a file
   * copy and an open, instead of importing every document. Null when there is no such database or
   * the copy cannot be opened (then the copy is removed and the starter file is imported as before).
   * The built database's persisted match index comes along (copyStarterMatchIndex), before the
   * database takes its name.
   */
  private openStarterCopy(): Db | null {
    const prebuilt = this.opts.starterDatabase === undefined ? starterDatabasePath(this.starter!) : this.opts.starterDatabase;
    if (!prebuilt || fs.existsSync(this.file) || !fs.existsSync(prebuilt)) return null;
    // Journal files and a match index without their database cannot belong to it: never let SQLite
    // replay them into the copy, nor leave an index of another library where the copy's is expected.
    const snap = snapshotPath(this.file)!;
    for (const f of [`${this.file}-wal`, `${this.file}-shm`, snap]) fs.rmSync(f, { force: true });
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const partial = `${this.file}.starter-${process.pid}`;
    try {
      fs.copyFileSync(prebuilt, partial);
      copyStarterMatchIndex(prebuilt, snap);
      fs.renameSync(partial, this.file);
      return openDatabase(this.file);
    } catch {
      for (const f of [partial, this.file, `${this.file}-wal`, `${this.file}-shm`, snap]) fs.rmSync(f, { force: true });
      return null;
    }
  }

  /** Resolves once the starter library is completely loaded (at once unless loading in the background). */
  starterLoaded(): Promise<void> {
    void this.db;
    return this.loading ?? Promise.resolve();
  }

  /** True while the starter library is still loading in the background (search results may be partial). */
  get starterLoading(): boolean {
    return this.loading !== null;
  }

  /** Closes the database (a background starter load stops and resumes at the next start). */
  close(): void {
    this.maintenance?.stop();
    this.maintenance = null;
    this.dbHandle?.close();
    this.dbHandle = null;
    this.lib = null;
    this.index = null;
    this.indexOrigin = null;
    this.indexLoading = null;
    this.loading = null;
  }

  /**
   * Resolves once idle maintenance has no merge left to do (see FtsMaintenance), or at once
   * without it; its figures so far, or null without it.
   */
  async searchIndexSettled(): Promise<FtsMaintenance['stats'] | null> {
    void this.db;
    await this.maintenance?.settled();
    return this.maintenance ? { ...this.maintenance.stats } : null;
  }

  /**
   * Runs `fn` in one transaction (batches of imports). When it rolls back, the vocabulary terms
   * it added are forgotten with it (LibraryDb.forgetVocabulary).
   */
  transaction<T>(fn: () => T): T {
    const lib = this.db;
    try {
      return lib.db.transaction(fn)();
    } catch (e) {
      lib.forgetVocabulary();
      throw e;
    }
  }

  /** Folds the write-ahead log into the database file (before measuring its size or copying it). */
  checkpoint(): void {
    this.db.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /** The text of every paragraph (benchmark baselines; memory grows with the library). */
  allParagraphTexts(): string[] {
    return (this.db.db.prepare('SELECT text FROM paragraphs').raw().all() as [string][]).map((r) => r[0]);
  }

  /**
   * The match index, from its persisted file or the stored tokens on first use (match-persist.ts),
   * built on this thread if need be: for scripts and tests; the app awaits matchIndexReady.
   */
  matchIndex(): MatchIndex {
    if (!this.index) ({ index: this.index, origin: this.indexOrigin } = openMatchIndex(this.db.db, this.file, this.persistOpts()));
    return this.index;
  }

  /**
   * How the match index in memory was obtained (match-persist.ts): from the persisted file as it
   * was, extended, or rebuilt (and whether off this thread); null until it is ready. Tells whether
   * a start had to build the index.
   */
  get matchIndexOrigin(): MatchIndexOrigin | null {
    return this.index ? this.indexOrigin : null;
  }

  /**
   * The match index once it is ready, never built on this thread for a large library: from its
   * persisted file as matchIndex, else built by a worker while this thread keeps answering (search,
   * imports). Documents stored or removed meanwhile are accounted for. Rejects when the service is
   * closed before the index is ready.
   */
  matchIndexReady(): Promise<MatchIndex> {
    if (this.index) return Promise.resolve(this.index);
    if (!this.indexLoading) {
      const lib = this.db;
      const loading = openMatchIndexOffThread(
        lib.db,
        this.file,
        ({ index, origin }) => {
          if (this.lib !== lib || this.index) return;
          this.index = index;
          this.indexOrigin = origin;
        },
        this.persistOpts(),
      ).then(
        () => {
          if (this.lib !== lib || !this.index) throw closedMeanwhile();
          return this.index;
        },
        (e: unknown) => {
          throw this.lib !== lib ? closedMeanwhile() : e;
        },
      );
      const clear = () => {
        if (this.indexLoading === loading) this.indexLoading = null;
      };
      loading.then(clear, clear);
      this.indexLoading = loading;
    }
    return this.indexLoading;
  }

  private persistOpts(): { persistFrom?: number } {
    return this.opts.matchPersistFrom === undefined ? {} : { persistFrom: this.opts.matchPersistFrom };
  }

  private starterEntries(file: string): string[] {
    return zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n').filter(Boolean);
  }

  /**
   * Stores starter entries unless already there, in one transaction; the match index learns their
   * paragraphs once it is committed (never a paragraph the database does not hold). Returns how
   * many were stored.
   */
  private storeStarterEntries(lines: readonly string[], after?: () => void): number {
    const stored: MatchEntry[][] = [];
    this.transaction(() => {
      const lib = this.db;
      for (const line of lines) {
        const entry = JSON.parse(line) as { file: string; hash: string; document: ResolutionDocument };
        if (lib.findDuplicate(entry.hash, entry.document.meta.symbol, entry.document.meta.language)) continue;
        stored.push(lib.insertDocument(entry.document, { file: `starter:${entry.file}`, hash: entry.hash }).paragraphs);
      }
      after?.();
    });
    for (const paragraphs of stored) this.indexAdd(paragraphs);
    return stored.length;
  }

  /** Imports the bundled starter library once (a setting remembers it was done). */
  ensureStarter(file: string): { imported: number } {
    const lib = this.lib!;
    if (lib.setting('starter') === 'done' || !fs.existsSync(file)) return { imported: 0 };
    return { imported: this.storeStarterEntries(this.starterEntries(file), () => lib.setSetting('starter', 'done')) };
  }

  /**
   * The starter library in STARTER_CHUNK-document transactions, yielding to other work between
   * them. Documents already stored are skipped, so an interrupted load resumes; the "done" setting
   * is written last. Stops quietly when the service is closed meanwhile.
   */
  private async loadStarterInBackground(file: string, lib: LibraryDb): Promise<void> {
    try {
      if (lib.setting('starter') === 'done' || !fs.existsSync(file)) return;
      const lines = this.starterEntries(file);
      for (let i = 0; i < lines.length; i += STARTER_CHUNK) {
        if (this.lib !== lib) return;
        this.storeStarterEntries(lines.slice(i, i + STARTER_CHUNK));
        await new Promise((r) => setImmediate(r));
      }
      if (this.lib === lib) lib.setSetting('starter', 'done');
    } catch (e) {
      // Nobody may be awaiting this promise: keep the reason for stats instead of an unhandled rejection.
      this.starterFailure = `The starter library could not be loaded: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      if (this.lib === lib) {
        this.loading = null;
        this.loadEnded = true;
      }
    }
  }

  /** Stores an already parsed document (skipping duplicates). */
  addDocument(doc: ResolutionDocument, source: { file: string; hash: string }): ImportItem {
    const { item, paragraphs } = this.store(doc.meta, source, () => prepareDocument(doc));
    this.indexAdd(paragraphs);
    return item;
  }

  /**
   * Stores a document unless the library has it (same file, or same symbol and language); `prepare`
   * gives what to store, in a savepoint of its own unless `savepoint` is false (LibraryDb.insertPrepared).
   * Returns the paragraphs stored, for the match index.
   */
  private store(meta: ResolutionDocument['meta'], source: { file: string; hash: string }, prepare: () => PreparedDocument, savepoint = true): { item: ImportItem; paragraphs: MatchEntry[] } {
    const lib = this.db;
    const dup = lib.findDuplicate(source.hash, meta.symbol, meta.language);
    if (dup) {
      return { item: { file: source.file, status: 'skipped', symbol: dup.symbol, reason: `already in the library${dup.symbol ? ` as ${dup.symbol}` : ''}${dup.sourceFile ? ` (from ${path.basename(dup.sourceFile)})` : ''}` }, paragraphs: [] };
    }
    const r = lib.insertPrepared(prepare(), source, savepoint);
    return { item: { file: source.file, status: 'imported', symbol: meta.symbol, paragraphs: r.paragraphs.length }, paragraphs: r.paragraphs };
  }

  private indexAdd(paragraphs: readonly MatchEntry[]): void {
    if (this.index) for (const p of paragraphs) this.index.add(p.id, p.tokens, KIND_CODES.indexOf(p.kind));
  }

  private importText(t: ImportOutcome, label: string): ImportItem {
    return this.addDocument(t.parsed.document, { file: label, hash: t.source.hash });
  }

  /** Stores prepared files in one transaction (see storeBatch in library-batch.ts). */
  private storeBatch(batch: readonly BatchFile[]): ImportItem[] {
    return storeBatch({ transaction: (fn) => this.transaction(fn), store: (...a) => this.store(...a), indexAdd: (p) => this.indexAdd(p) }, batch);
  }

  /**
   * Imports files and folders. A file that cannot be read is reported with its reason and the
   * batch continues; entries the walk passed over (unreadable, link loops, dangling links) are
   * listed as skipped. `onProgress` is called after each file, once it is stored. `walked`: the
   * walk was already done (folder-walk.ts; the background import walks asynchronously first).
   * Once `signal` is aborted no further file is awaited: the files already prepared are stored
   * (what was imported stays) and the rest are left out of the summary.
   */
  async importPaths(
    inputs: readonly string[],
    onProgress?: (done: number, total: number, item: ImportItem) => void,
    walked?: WalkResult,
    signal?: AbortSignal,
  ): Promise<ImportSummary> {
    const { files, missing, passedOver } = walked ?? expandPaths(inputs);
    const items: ImportItem[] = missing.map((m) => ({ file: m, status: 'failed', reason: 'no such file or folder' }));
    for (const p of passedOver) items.push({ file: p.path, status: 'skipped', reason: p.reason });
    let done = 0;
    // The workers read and prepare the next files (prepareDocument) while this thread stores the
    // ones before, in file order; a few files ahead, so memory stays bounded.
    const lanes = files.length > 1 ? IMPORT_LANES : 1;
    const parsed: (Promise<PreparedOutcome> | undefined)[] = [];
    const readAhead = (upTo: number) => {
      while (parsed.length < Math.min(files.length, upTo)) {
        const p = prepareFileIsolated(files[parsed.length]!, parsed.length % lanes);
        p.catch(() => undefined); // awaited below, in order; never an unhandled rejection meanwhile
        parsed.push(p);
      }
    };
    // Prepared files wait for the rest of their batch, but never longer than IMPORT_BATCH_WAIT_MS
    // (a slow file does not hold back the progress of those before it).
    let batch: BatchFile[] = [];
    let timer: NodeJS.Timeout | undefined;
    let deadline: Promise<false> = Promise.resolve(false);
    const flush = () => {
      clearTimeout(timer);
      for (const item of this.storeBatch(batch)) {
        items.push(item);
        onProgress?.(++done, files.length, item);
      }
      batch = [];
    };
    for (const [i, f] of files.entries()) {
      if (signal?.aborted) break;
      readAhead(i + IMPORT_READ_AHEAD);
      const pending = parsed[i]!;
      parsed[i] = undefined; // stored documents are not kept
      if (batch.length > 0 && !(await Promise.race([pending.then(() => true, () => true), deadline]))) flush();
      let outcome: PreparedOutcome | Error;
      try {
        outcome = await pending;
      } catch (e) {
        outcome = e instanceof Error ? e : new Error(String(e));
      }
      if (batch.length === 0) deadline = new Promise((resolve) => (timer = setTimeout(() => resolve(false), IMPORT_BATCH_WAIT_MS)));
      batch.push({ file: f, outcome });
      if (batch.length >= IMPORT_BATCH) flush();
    }
    flush();
    return summarize(items);
  }

  /** Imports files picked in the browser (content sent base64-encoded). */
  async importContent(files: readonly { name: string; dataBase64: string }[]): Promise<ImportSummary> {
    const items: ImportItem[] = [];
    for (const f of files) {
      try {
        const data = Buffer.from(f.dataBase64, 'base64');
        items.push(this.importText(await importBufferIsolated(f.name, data), f.name));
      } catch (e) {
        items.push({ file: f.name, status: 'failed', reason: e instanceof Error ? e.message : String(e) });
      }
    }
    return summarize(items);
  }

  /** Search: newest first by default, or by relevance; a symbol ("79/200 OP5") looks the paragraph up. */
  search(query: string, filters: SearchFilters = {}, limit = 20, order: SearchOrder = 'newest'): { hits: SearchHitRow[]; tookMs: number } {
    const lib = this.db;
    const t0 = performance.now();
    const hits = lib.search(query, filters, limit, order);
    return { hits, tookMs: Math.round((performance.now() - t0) * 100) / 100 };
  }

  /**
   * The closest library paragraphs to `text`, with scores and word-level differences. Paragraphs
   * of identical wording (numbers aside) are one match, its `adopted` record listing every place;
   * the match shown is the best-scoring copy, the newest on a tie. Drafts are flagged `draft`.
   */
  match(text: string, opts: { kind?: 'pp' | 'op' | 'sub'; limit?: number; minScore?: number } = {}): { matches: MatchResult[]; tookMs: number } {
    const t0 = performance.now();
    const limit = opts.limit ?? 5;
    const tokens = this.db.tokenIds(text, false);
    if (tokens.length === 0) return { matches: [], tookMs: 0 };
    // More candidates than asked: copies of one wording collapse into one match, and the final
    // order also weighs the literal wording (an exact copy ranks above a text differing in numbers).
    const found = this.matchIndex().query(tokens, limit * 8, { ...this.kindTag(opts.kind), minScore: opts.minScore ?? 0.2 });
    const matches = this.grouped(found, text, limit, true);
    return { matches, tookMs: Math.round((performance.now() - t0) * 100) / 100 };
  }

  /**
   * Suggestions for a paragraph being typed: library paragraphs that begin like `text` (or contain
   * it), grouped by wording, each with the rest of its text as `continuation` (ghost text).
   */
  suggest(text: string, opts: { kind?: 'pp' | 'op' | 'sub'; limit?: number } = {}): { suggestions: LibrarySuggestion[]; tookMs: number } {
    const t0 = performance.now();
    const limit = opts.limit ?? 3;
    const tokens = this.db.tokenIds(text, false);
    if (tokens.length === 0) return { suggestions: [], tookMs: 0 };
    const found = this.matchIndex().query(tokens, limit * 8, { ...this.kindTag(opts.kind), prefix: true, minScore: 0.3 });
    const suggestions = this.grouped(found, text, limit, false).map((m) => ({ ...m, continuation: continuationOf(m.diff) }));
    return { suggestions, tookMs: Math.round((performance.now() - t0) * 100) / 100 };
  }

  /** Where a paragraph's wording occurs in the library ("adopted 7 times, 2019–2024"). */
  history(paragraphId: number): AdoptionRecord {
    const p = this.db.paragraph(paragraphId);
    if (!p) throw new PlenaryError('NOT_FOUND', `No paragraph #${paragraphId} in the library.`, { msg: { code: 'library.noParagraph', values: { paragraph: paragraphId } } });
    return adoptionRecord(this.db, this.matchIndex(), paragraphId, p.normHash);
  }

  /** The versions of a paragraph across its resolution family, oldest first, with diffs. */
  lineage(paragraphId: number): { versions: LineageVersion[]; agreedSince: { symbol: string; year: number | null } | null } {
    return lineage(this.db, this.matchIndex(), paragraphId);
  }

  private kindTag(kind: 'pp' | 'op' | 'sub' | undefined): { tag?: number } {
    return kind ? { tag: KIND_CODES.indexOf(kind) } : {};
  }

  /**
   * Hits → matches, one per wording (the first hit of each wording stands for it; identical
   * copies are only listed in its `adopted` record), best first, cut to `limit`. The copy shown
   * (and scored) is the newest adopted one. The score is the hit's, or with `literal` the mean of
   * the hit's and the literal similarity of the shown copy's words (so an exact copy ranks above
   * a text differing in numbers). Ties: newer adoption first, then symbol, then hit order.
   *
   * Word diffs, the costly part, are computed only where needed: with `literal`, wordings in
   * decreasing order of a bound on their score (the literal similarity is at most the share of
   * words the two texts have in common, literalBound) until none left can reach the `limit`-th
   * score; then only for the matches returned. The result is the same as diffing every wording.
   */
  private grouped(found: MatchHit[], text: string, limit: number, literal: boolean): MatchResult[] {
    const lib = this.db;
    const idx = this.matchIndex();
    const reps: MatchHit[] = [];
    for (const f of found) {
      if (reps.some((r) => idx.sameTokens(r.id, f.id))) continue;
      reps.push(f);
      if (reps.length >= limit * 2) break;
    }
    const typed = literal ? plainWords(text) : null;
    const cands: Candidate[] = [];
    for (const [order, f] of reps.entries()) {
      const first = lib.paragraph(f.id);
      if (!first) continue;
      const adopted = adoptionRecord(lib, idx, f.id, first.normHash);
      const newest = adopted.places.find((x) => !x.draft)?.paragraphId ?? f.id;
      const p = (newest === f.id ? first : lib.paragraph(newest)) ?? first;
      const bound = literal ? round3((f.score + literalBound(typed, p.text)) / 2) : round3(f.score);
      cands.push({ order, f, p, adopted, score: literal ? Number.NaN : bound, bound, diff: null });
    }
    const better = (a: Candidate, b: Candidate) => b.score - a.score || b.p.adoptionDate.localeCompare(a.p.adoptionDate) || a.p.symbol.localeCompare(b.p.symbol) || a.order - b.order;
    let ranked = cands;
    if (literal) {
      ranked = [];
      for (const c of [...cands].sort((a, b) => b.bound - a.bound)) {
        if (ranked.length >= limit && c.bound < ranked.sort(better)[limit - 1]!.score) break;
        c.diff = wordDiff(c.p.text, text);
        c.score = round3((c.f.score + literalSimilarity(c.diff)) / 2);
        ranked.push(c);
      }
    }
    return ranked
      .sort(better)
      .slice(0, limit)
      .map(({ p, adopted, score, diff }) => ({
        paragraphId: p.id,
        documentId: p.documentId,
        symbol: p.symbol,
        designation: p.designation,
        kind: p.kind,
        text: p.text,
        score,
        adoptionDate: p.adoptionDate,
        diff: diff ?? wordDiff(p.text, text),
        draft: p.draft === 1,
        adopted,
      }));
  }

  // The queries the dispatcher and the CLI need, so that nothing outside this service touches the
  // database (callers see documents and counts, never LibraryDb or SQL).

  /** A document with its stored row, by id or by symbol in `language` (default 'en'); undefined when absent. */
  document(idOrSymbol: number | string, language = 'en'): ReturnType<LibraryDb['document']> {
    return this.db.document(idOrSymbol, language);
  }

  /** How many documents and paragraphs the library holds. */
  stats(): ReturnType<LibraryDb['counts']> {
    return this.db.counts();
  }

  /** Values and counts for the search filters (organs, sessions, languages, phrases, tags). */
  facets(): ReturnType<LibraryDb['facets']> {
    return this.db.facets();
  }

  /** Adds (`on`) or removes a tag on a document. */
  tag(documentId: number, tag: string, on: boolean): void {
    this.db.tag(documentId, tag, on);
  }
}

export type { SearchFilters, SearchOrder };
export { literalBound, literalSimilarity, plainWords, type PlainWords } from './match-literal.js';

/** A wording being grouped (LibraryService.grouped): its hit, the copy shown, its score or a bound on it. */
interface Candidate {
  order: number;
  f: MatchHit;
  p: NonNullable<ReturnType<LibraryDb['paragraph']>>;
  adopted: AdoptionRecord;
  /** Rounded score (NaN until its diff is computed when it depends on it). */
  score: number;
  /** Rounded upper bound of the score. */
  bound: number;
  diff: DiffOp[] | null;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function closedMeanwhile(): PlenaryError {
  return new PlenaryError('INTERNAL', 'The library was closed while its match index was being prepared.');
}

/** Counts the items of an import by status. */
export function summarize(items: readonly ImportItem[]): ImportSummary {
  return {
    imported: items.filter((i) => i.status === 'imported').length,
    skipped: items.filter((i) => i.status === 'skipped').length,
    failed: items.filter((i) => i.status === 'failed').length,
    items: [...items],
  };
}
