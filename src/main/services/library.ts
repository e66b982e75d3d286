/**
 * The library of earlier resolutions: import from files, full-text search, agreed-language
 * matching, the source viewer, and the starter library shipped with the app.
 *
 * SQLite (through src/main/db) holds documents, paragraphs, an FTS5 index and each paragraph's
 * matching tokens; the match index (matcher.ts) is built in memory from those tokens on first
 * use and kept in step with imports.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { openDatabase, type Db } from '../db/connection.js';
import { LibraryDb, type SearchFilters, type SearchHitRow } from '../db/library.js';
import type { ResolutionDocument } from '../../shared/resolution/model.js';
import { wordDiff, type DiffOp } from '../../shared/text/diff.js';
import type { AgreedMatch, ImportSummary } from '../../shared/api.js';
import { MatchIndex } from './matcher.js';
import { expandPaths, type WalkResult } from './folder-walk.js';
import { importBufferIsolated, importFileIsolated, type ImportOutcome } from './import-isolated.js';

/** Result of importing one file. */
export type ImportItem = ImportSummary['items'][number];

/** A match for agreed language (the API's type). */
export type MatchResult = AgreedMatch;

export { IMPORTABLE, expandPaths } from './folder-walk.js';

/** Where the starter library ships inside the app. */
export function starterPath(appRoot: string): string {
  return path.join(appRoot, 'assets', 'library', 'starter.jsonl.gz');
}

/** The library service. Opens its database lazily; call close() when done. */
export class LibraryService {
  private dbHandle: Db | null = null;
  private lib: LibraryDb | null = null;
  private index: MatchIndex | null = null;
  private kinds = new Map<number, string>();

  constructor(
    private readonly file: string,
    private readonly starter?: string,
  ) {}

  /** The data-access object, opening the database (and importing the starter library) on first use. */
  get db(): LibraryDb {
    if (!this.lib) {
      this.dbHandle = openDatabase(this.file);
      this.lib = new LibraryDb(this.dbHandle);
      if (this.starter) this.ensureStarter(this.starter);
    }
    return this.lib;
  }

  /** Closes the database. */
  close(): void {
    this.dbHandle?.close();
    this.dbHandle = null;
    this.lib = null;
    this.index = null;
  }

  private matchIndex(): MatchIndex {
    if (!this.index) {
      const idx = new MatchIndex();
      for (const p of this.db.allTokens()) {
        idx.add(p.id, p.tokens);
        this.kinds.set(p.id, p.kind);
      }
      this.index = idx;
    }
    return this.index;
  }

  /** Imports the bundled starter library once (a setting remembers it was done). */
  ensureStarter(file: string): { imported: number } {
    const lib = this.lib!;
    if (lib.setting('starter') === 'done' || !fs.existsSync(file)) return { imported: 0 };
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n').filter(Boolean);
    let imported = 0;
    lib.db.transaction(() => {
      for (const line of lines) {
        const entry = JSON.parse(line) as { file: string; hash: string; document: ResolutionDocument };
        if (lib.findDuplicate(entry.hash, entry.document.meta.symbol, entry.document.meta.language)) continue;
        lib.insertDocument(entry.document, { file: `starter:${entry.file}`, hash: entry.hash });
        imported++;
      }
      lib.setSetting('starter', 'done');
    })();
    return { imported };
  }

  /** Stores an already parsed document (skipping duplicates). */
  addDocument(doc: ResolutionDocument, source: { file: string; hash: string }): ImportItem {
    const lib = this.db;
    const dup = lib.findDuplicate(source.hash, doc.meta.symbol, doc.meta.language);
    if (dup) {
      return { file: source.file, status: 'skipped', symbol: dup.symbol, reason: `already in the library${dup.symbol ? ` as ${dup.symbol}` : ''}${dup.sourceFile ? ` (from ${path.basename(dup.sourceFile)})` : ''}` };
    }
    const r = lib.insertDocument(doc, source);
    if (this.index) {
      for (const p of r.paragraphs) {
        this.index.add(p.id, p.tokens);
        this.kinds.set(p.id, p.kind);
      }
    }
    return { file: source.file, status: 'imported', symbol: doc.meta.symbol, paragraphs: r.paragraphs.length };
  }

  private importText(t: ImportOutcome, label: string): ImportItem {
    return this.addDocument(t.parsed.document, { file: label, hash: t.source.hash });
  }

  /**
   * Imports files and folders. A file that cannot be read is reported with its reason and the
   * batch continues; entries the walk passed over (unreadable, link loops, dangling links) are
   * listed as skipped. `onProgress` is called after each file. `walked`: the walk was already
   * done (folder-walk.ts; the background import walks asynchronously first).
   */
  async importPaths(
    inputs: readonly string[],
    onProgress?: (done: number, total: number, item: ImportItem) => void,
    walked?: WalkResult,
  ): Promise<ImportSummary> {
    const { files, missing, passedOver } = walked ?? expandPaths(inputs);
    const items: ImportItem[] = missing.map((m) => ({ file: m, status: 'failed', reason: 'no such file or folder' }));
    for (const p of passedOver) items.push({ file: p.path, status: 'skipped', reason: p.reason });
    let done = 0;
    for (const f of files) {
      let item: ImportItem;
      try {
        item = this.importText(await importFileIsolated(f), f);
      } catch (e) {
        item = { file: f, status: 'failed', reason: e instanceof Error ? e.message : String(e) };
      }
      items.push(item);
      onProgress?.(++done, files.length, item);
    }
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

  /** Full-text search. */
  search(query: string, filters: SearchFilters = {}, limit = 20): { hits: SearchHitRow[]; tookMs: number } {
    const lib = this.db;
    const t0 = performance.now();
    const hits = lib.search(query, filters, limit);
    return { hits, tookMs: Math.round((performance.now() - t0) * 100) / 100 };
  }

  /** The closest adopted paragraphs to `text`, with scores and word-level differences. */
  match(text: string, opts: { kind?: 'pp' | 'op' | 'sub'; limit?: number; minScore?: number } = {}): { matches: MatchResult[]; tookMs: number } {
    const lib = this.db;
    const idx = this.matchIndex();
    const t0 = performance.now();
    const tokens = lib.tokenIds(text, false);
    if (tokens.length === 0) return { matches: [], tookMs: 0 };
    const kind = opts.kind;
    const filter = kind ? (id: number) => this.kinds.get(id) === kind : undefined;
    const limit = opts.limit ?? 5;
    // Take more candidates than asked: the final order also weighs the literal wording, so an
    // exact copy ranks above a text that differs only in numbers or dates.
    const found = idx.query(tokens, limit * 3, { ...(filter ? { filter } : {}), minScore: opts.minScore ?? 0.2 });
    const matches: MatchResult[] = [];
    for (const f of found) {
      const p = lib.paragraph(f.id);
      if (!p) continue;
      const diff = wordDiff(p.text, text);
      matches.push({
        paragraphId: p.id,
        documentId: p.documentId,
        symbol: p.symbol,
        designation: p.designation,
        kind: p.kind,
        text: p.text,
        score: Math.round(((f.score + literalSimilarity(diff)) / 2) * 1000) / 1000,
        adoptionDate: p.adoptionDate,
        diff,
      });
    }
    matches.sort((a, b) => b.score - a.score || a.symbol.localeCompare(b.symbol));
    return { matches: matches.slice(0, limit), tookMs: Math.round((performance.now() - t0) * 100) / 100 };
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

export type { SearchFilters };

/** Share of words the two sides of a diff have in common (1 = the same words). */
export function literalSimilarity(diff: readonly DiffOp[]): number {
  let eq = 0;
  let del = 0;
  let ins = 0;
  const words = (t: string) => (t.match(/[\p{L}\p{N}]+/gu) ?? []).length;
  for (const d of diff) {
    const n = words(d.text);
    if (d.op === 'eq') eq += n;
    else if (d.op === 'del') del += n;
    else ins += n;
  }
  const longer = Math.max(eq + del, eq + ins);
  return longer === 0 ? 1 : eq / longer;
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
