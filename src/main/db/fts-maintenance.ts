/**
 * Upkeep of the library's search index (search_fts, FTS5).
 *
 * FTS5 writes each transaction's terms as a new b-tree segment and merges segments only as a
 * given amount of new data accumulates (automerge), so imports leave the index in many segments:
 * the 1 M-paragraph bench library ends with 19, 15 of them small ones on the lowest level. Every
 * term lookup visits every segment, so a query of five terms and their stemmed forms makes a
 * hundred b-tree descents. FTS5's 'merge' command merges incrementally: each call writes about
 * a given number of leaf pages and records where it stopped in the index's structure record, so
 * the work is done in slices of a few milliseconds, resumes after a restart, and between any two
 * calls the index answers every query exactly as before (merging moves a term's rows, never
 * changes them).
 *
 * Measured on that library (CPU time, bench query set): merging each level down to one segment
 * (what ftsMergeStep does) took 2 steps and 4 ms and left 4 segments: search p50 1.21 → 0.78 ms,
 * p95 4.14 → 2.01 ms. Merging everything into one segment ('optimize', or negative 'merge'
 * budgets) took 1.3 s for about the same (0.73 / 2.30 ms), and would be paid again after every
 * small import: so the app keeps levels at one segment each, and only a bulk build that ships
 * (the starter library) is optimized.
 *
 * This module reads the index's shape from its structure record, runs merge steps, and
 * schedules them in idle slices off the user's path (FtsMaintenance).
 */
import type { Db } from './connection.js';

/** The index's layout: how many segments, on how many levels, and whether a merge is under way. */
export interface FtsShape {
  /** b-tree segments in all (each term lookup visits each one). */
  segments: number;
  /** Segments on each level, lowest (newest, smallest) first. */
  perLevel: number[];
  /** True when a level's segments are being merged (an incremental merge stopped part way). */
  merging: boolean;
}

/** The structure record's rowid in the %_data table (FTS5_STRUCTURE_ROWID). */
const STRUCTURE_ROWID = 10;

/** Reads SQLite varints (as FTS5 writes them) from `b` in turn. */
function varints(b: Uint8Array, from: number): () => number {
  let at = from;
  return () => {
    let v = 0;
    for (let i = 0; i < 9; i++) {
      const byte = b[at++];
      if (byte === undefined) throw new Error('structure record cut short');
      // The ninth byte gives all its 8 bits (exact up to 2^53, far beyond any count here).
      if (i === 8) return v * 256 + byte;
      v = v * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) return v;
    }
    return v;
  };
}

/**
 * Decodes an FTS5 structure record (fts5StructureDecode in SQLite's fts5_index.c): a 4-byte
 * cookie, the 4-byte marker of the second version (segments with origins, for contentless
 * delete) when present, then the number of levels, of segments, a write counter, and per level
 * the number of segments being merged, the number of segments and each segment's fields (3, or
 * 8 in the second version). Throws on a record that does not add up.
 */
export function decodeFtsStructure(record: Uint8Array): FtsShape {
  const v2 = record[4] === 0xff && record[5] === 0 && record[6] === 0 && record[7] === 1;
  const next = varints(record, v2 ? 8 : 4);
  const levels = next();
  const segments = next();
  next(); // write counter
  const perLevel: number[] = [];
  let merging = false;
  for (let l = 0; l < levels; l++) {
    if (next() > 0) merging = true;
    const nSeg = next();
    perLevel.push(nSeg);
    for (let s = 0; s < nSeg * (v2 ? 8 : 3); s++) next();
  }
  if (perLevel.reduce((a, b) => a + b, 0) !== segments) throw new Error(`structure record lists ${segments} segments but its levels hold ${perLevel.join('+')}`);
  return { segments, perLevel, merging };
}

/**
 * How many leaf pages FTS5 has written to the lowest level since the index was made (the
 * structure record's write counter): every flush of pending terms (each commit, and each
 * savepoint opened after a write) writes at least one, so it tells how often an import flushed.
 */
export function ftsLeavesWritten(db: Db): number {
  const rec = db.prepare('SELECT block FROM search_fts_data WHERE id = ?').pluck().get(STRUCTURE_ROWID) as Buffer | undefined;
  if (!rec || rec.length <= 4) return 0;
  const v2 = rec[4] === 0xff && rec[5] === 0 && rec[6] === 0 && rec[7] === 1;
  const next = varints(rec, v2 ? 8 : 4);
  next(); // levels
  next(); // segments
  return next();
}

/** The search index's current layout (see FtsShape). An index never written has no segments. */
export function ftsShape(db: Db): FtsShape {
  const rec = db.prepare('SELECT block FROM search_fts_data WHERE id = ?').pluck().get(STRUCTURE_ROWID) as Buffer | undefined;
  return rec && rec.length > 4 ? decodeFtsStructure(rec) : { segments: 0, perLevel: [], merging: false };
}

/**
 * True when a level holds two or more segments, or a merge stopped part way: what ftsMergeStep
 * merges. (After it, at most one segment is left per level: a few, of very different sizes.)
 */
export function needsMerge(shape: FtsShape): boolean {
  return shape.merging || shape.perLevel.some((n) => n >= 2);
}

/**
 * FTS5's 'usermerge': how many segments a level must hold for the 'merge' command to merge them.
 * Two, so that every level is brought down to one segment: what makes lookups cheap (the many
 * small segments that imports leave on the lowest level cost most), while a large segment is
 * rewritten only when another of its size joins its level (so a small import never costs a
 * rewrite of the whole index, as merging everything into one segment would).
 */
const USERMERGE = 2;

function ensureUsermerge(db: Db): void {
  const v = db.prepare("SELECT v FROM search_fts_config WHERE k = 'usermerge'").pluck().get() as number | undefined;
  // A literal: FTS5 takes only an integer value, and a bound number may arrive as a real.
  if (v !== USERMERGE) db.prepare(`INSERT INTO search_fts (search_fts, rank) VALUES ('usermerge', ${USERMERGE})`).run();
}

/**
 * One step of merging: FTS5 merges the segments of a level holding two or more (or resumes a
 * merge left part way), writing about `pages` leaf pages (it stops only between terms, so a
 * common term's list is written whole) and records where it stopped. Returns whether it did any
 * work (FTS5's documented test: the total number of changes grows by two or more when it did).
 */
export function ftsMergeStep(db: Db, pages: number): boolean {
  ensureUsermerge(db);
  const before = totalChanges(db);
  db.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('merge', ?)").run(Math.max(1, Math.floor(pages)));
  return totalChanges(db) - before >= 2;
}

/** Merges the whole index into one segment in one statement (at the end of a bulk build, on no user's path). */
export function ftsOptimize(db: Db): void {
  db.prepare("INSERT INTO search_fts (search_fts) VALUES ('optimize')").run();
}

function totalChanges(db: Db): number {
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}

/**
 * Bounds of a slice's page budget (FtsMaintenance). The upper one also bounds what merging adds
 * to the file: a slice writes its output before FTS5 frees the input it consumed, and pages freed
 * by the last slice stay free in the file until later writes reuse them (100,000 paragraphs: 14
 * pages more with at most 32 per slice, 92 with no bound).
 */
const MIN_PAGES = 4;
const MAX_PAGES = 32;

/** Timing of idle maintenance (FtsMaintenance). */
export interface MaintenanceOptions {
  /** The wall time a slice aims at on this thread (ms): its page budget adapts to it. Default 20. */
  sliceMs?: number;
  /** How long the library must have been left alone (no search, no write) before a slice runs (ms). Default 500. */
  quietMs?: number;
  /** How often an idle library is looked at for writes that may call for merging (ms). Default 2000. */
  pollMs?: number;
  /** The most leaf pages a slice may write, whatever its pace. Default MAX_PAGES. */
  maxPages?: number;
}

/** What idle maintenance has done since it started. */
export interface MaintenanceStats {
  /** Slices run (merge steps). */
  slices: number;
  /** Wall time of the longest slice, and of all of them (ms). */
  longestSliceMs: number;
  totalMs: number;
  /** The most CPU time the process used during one slice (ms; all its threads: on a loaded machine the wall time also counts waiting for a core). */
  longestSliceCpuMs: number;
  /** Why maintenance stopped, if a step failed (it is not retried until restarted). */
  failure: string | null;
}

/**
 * Merges the search index's segments in small slices while the library is idle (ftsMergeStep),
 * so that imports never leave lookups slow and no merge ever holds this thread for long: a slice
 * runs only when nothing has searched or written for `quietMs`, is sized to take about `sliceMs`
 * (its page budget follows the time the last ones took), and leaves the index answering every
 * query as before (merging changes where a term's rows are stored, never which rows they are).
 * Writes are noticed by the connection's change count, so imports need not report them; searches
 * report themselves with touch(). Timers never keep the process alive.
 */
export class FtsMaintenance {
  private readonly sliceMs: number;
  private readonly quietMs: number;
  private readonly pollMs: number;
  private readonly maxPages: number;
  private readonly minPages: number;
  private timer: NodeJS.Timeout | null = null;
  private lastActivity = -Infinity;
  private seenChanges = -1;
  /** True while there may be work: from the start, and after any write. */
  private pending = true;
  /** The next slice's page budget: the least at first, then from the pace of the last one. */
  private pages: number;
  private waiters: (() => void)[] = [];
  readonly stats: MaintenanceStats = { slices: 0, longestSliceMs: 0, totalMs: 0, longestSliceCpuMs: 0, failure: null };

  constructor(
    private readonly db: Db,
    opts: MaintenanceOptions = {},
  ) {
    this.sliceMs = opts.sliceMs ?? 20;
    this.quietMs = opts.quietMs ?? 500;
    this.pollMs = opts.pollMs ?? 2000;
    this.maxPages = Math.max(1, opts.maxPages ?? MAX_PAGES);
    this.minPages = this.pages = Math.min(MIN_PAGES, this.maxPages);
  }

  /** Starts watching the library (idempotent): the first slice waits for `quietMs` of quiet. */
  start(): void {
    this.lastActivity = performance.now();
    if (!this.timer && !this.stats.failure) this.schedule(this.quietMs);
  }

  /** Stops for good (the service is closing); whoever awaits settled() is released. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.release();
  }

  /** Tells that the library is in use (a search): slices wait until it has been quiet for `quietMs`. */
  touch(): void {
    this.lastActivity = performance.now();
  }

  /** Resolves once no merge is left to do (or maintenance stopped), as the timers find it. */
  settled(): Promise<void> {
    if (!this.timer || !this.db.open || (!this.pending && this.seenChanges === totalChanges(this.db))) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /**
   * Runs one slice now when the index needs merging; returns whether more remains. For the timer,
   * and for scripts that own the thread (a bench, a build) and want the index merged at once.
   */
  step(): boolean {
    if (!needsMerge(ftsShape(this.db))) return false;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const busy = this.db.pragma('busy_timeout', { simple: true }) as number;
    // Another process writing must not hold this thread: the slice is simply tried again later.
    this.db.pragma('busy_timeout = 0');
    let worked: boolean;
    try {
      worked = ftsMergeStep(this.db, this.pages);
    } finally {
      this.db.pragma(`busy_timeout = ${busy}`);
    }
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    this.stats.longestSliceCpuMs = Math.max(this.stats.longestSliceCpuMs, (cpu.user + cpu.system) / 1000);
    this.stats.slices++;
    this.stats.totalMs += ms;
    this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, ms);
    // The next budget from this slice's pace, within bounds (a slice stops only between terms, so
    // its time is not exactly proportional; a slow machine gets smaller slices, not longer ones).
    if (worked) this.pages = Math.min(this.maxPages, Math.max(this.minPages, Math.round((this.pages * this.sliceMs) / Math.max(ms, 1))));
    return worked && needsMerge(ftsShape(this.db));
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => this.tick(), Math.max(0, ms));
    this.timer.unref();
  }

  private tick(): void {
    this.timer = null;
    if (!this.db.open) return this.release();
    const changes = totalChanges(this.db);
    if (changes !== this.seenChanges) {
      // Written since the last look (an import): wait for quiet, then look again.
      if (this.seenChanges >= 0) this.lastActivity = performance.now();
      this.seenChanges = changes;
      this.pending = true;
    }
    const quietFor = performance.now() - this.lastActivity;
    if (!this.pending) {
      this.release();
      return this.schedule(this.pollMs);
    }
    if (quietFor < this.quietMs || this.db.inTransaction) return this.schedule(this.quietMs - quietFor);
    let more: boolean;
    try {
      more = this.step();
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return this.schedule(this.quietMs);
      this.stats.failure = e instanceof Error ? e.message : String(e);
      return this.release();
    }
    this.seenChanges = totalChanges(this.db);
    this.pending = more;
    if (!more) this.release();
    // The next slice after a pause as long as this one took at least: other work gets its turn.
    this.schedule(more ? Math.max(this.sliceMs, 5) : this.pollMs);
  }

  private release(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}
