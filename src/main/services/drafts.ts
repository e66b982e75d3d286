/**
 * Drafts on disk: open, save (atomic), recent files, and the recovery journal that autosave
 * writes every few seconds so a crash loses at most a few seconds of work.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DraftSummary, OpenedDraft, RecoveryEntry } from '../../shared/api.js';
import { PlenaryError } from '../../shared/errors.js';
import {
  FILE_FORMAT_VERSION,
  parsePlenaryFile,
  serializePlenaryFile,
  type PlenaryFile,
} from '../../shared/resolution/file.js';
import type { ResolutionDocument } from '../../shared/resolution/model.js';
import { dataPaths } from './paths.js';
import { writeFileAtomic, type AtomicFs } from './fs-atomic.js';

/** Largest draft file accepted; a real resolution with annexes is well under 5 MB. */
const MAX_DRAFT_BYTES = 50 * 1024 * 1024;
const MAX_RECENT = 15;

/** A file name safe on every OS, from a title. */
export function safeFileName(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w\u0400-\u04FF\u0600-\u06FF\u4E00-\u9FFF. -]+/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/-+/g, '-')
    .trim()
    .slice(0, 80)
    .replace(/^[.-]+|[.-]+$/g, '');
  return base || 'Untitled draft';
}

/** The drafts service. `io` is injectable for failure tests. */
export class DraftsService {
  private readonly paths: ReturnType<typeof dataPaths>;

  constructor(
    dataDir: string,
    private readonly appVersion: string,
    private readonly io?: AtomicFs,
  ) {
    this.paths = dataPaths(dataDir);
  }

  private ensureDirs(): void {
    for (const d of [this.paths.root, this.paths.drafts, this.paths.recovery]) fs.mkdirSync(d, { recursive: true });
  }

  /** Reads and validates a draft; PlenaryError NOT_FOUND / CORRUPT / NEWER_VERSION otherwise. */
  open(file: string): OpenedDraft {
    const abs = path.resolve(file);
    const name = path.basename(abs);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      throw new PlenaryError('NOT_FOUND', `${name} was not found at ${abs}.`);
    }
    if (!st.isFile()) throw new PlenaryError('BAD_INPUT', `${abs} is not a file.`);
    if (st.size > MAX_DRAFT_BYTES) throw new PlenaryError('CORRUPT', `${name} is too large to be a Plenary draft (${Math.round(st.size / 1e6)} MB).`);
    const text = fs.readFileSync(abs, 'utf8');
    const parsed = parsePlenaryFile(text, name);
    this.touchRecent(abs);
    return { path: abs, file: parsed };
  }

  /** Parses draft content picked in the browser; the draft has no path until saved. */
  openContent(name: string, text: string): OpenedDraft {
    return { path: '', file: parsePlenaryFile(text, name) };
  }

  /**
   * Saves atomically. With no path, creates a new file in drafts/ named after `name` (never
   * overwriting another draft). Refuses to overwrite a file that is not a Plenary draft or was
   * written by a newer Plenary.
   */
  save(input: { path?: string; name?: string; document: ResolutionDocument; negotiation?: unknown }): { path: string } {
    this.ensureDirs();
    let target: string;
    if (input.path) {
      target = path.resolve(input.path);
      if (!target.toLowerCase().endsWith('.plenary')) target += '.plenary';
      this.guardOverwrite(target);
    } else {
      const base = safeFileName(input.name ?? (input.document.meta.title || 'Untitled draft'));
      target = path.join(this.paths.drafts, `${base}.plenary`);
      for (let i = 2; fs.existsSync(target); i++) target = path.join(this.paths.drafts, `${base} (${i}).plenary`);
    }
    const text = serializePlenaryFile({ document: input.document, negotiation: input.negotiation }, this.appVersion);
    writeFileAtomic(target, text, this.io);
    this.touchRecent(target);
    return { path: target };
  }

  private guardOverwrite(target: string): void {
    let existing: string;
    try {
      existing = fs.readFileSync(target, 'utf8');
    } catch {
      return; // nothing there
    }
    let header: { format?: unknown; version?: unknown };
    try {
      header = JSON.parse(existing) as typeof header;
    } catch {
      throw new PlenaryError('CORRUPT', `${path.basename(target)} exists and is not a Plenary draft; it was not overwritten. Choose another name.`);
    }
    if (header?.format !== 'plenary') {
      throw new PlenaryError('CORRUPT', `${path.basename(target)} exists and is not a Plenary draft; it was not overwritten. Choose another name.`);
    }
    if (typeof header.version === 'number' && header.version > FILE_FORMAT_VERSION) {
      throw new PlenaryError('NEWER_VERSION', `${path.basename(target)} was saved by a newer version of Plenary; it was not overwritten. Save under another name.`);
    }
  }

  /** Recent files that still exist, then drafts in the data folder, newest first, no duplicates. */
  list(): DraftSummary[] {
    const seen = new Set<string>();
    const out: DraftSummary[] = [];
    const add = (p: string) => {
      if (seen.has(p)) return;
      seen.add(p);
      try {
        const st = fs.statSync(p);
        let title = '';
        let symbol = '';
        try {
          const f = parsePlenaryFile(fs.readFileSync(p, 'utf8'), path.basename(p));
          title = f.document.meta.title;
          symbol = f.document.meta.symbol;
        } catch {
          title = '(cannot be read)';
        }
        out.push({ path: p, name: path.basename(p), title, symbol, modified: st.mtime.toISOString() });
      } catch {
        /* vanished */
      }
    };
    for (const p of this.readRecent()) add(p);
    try {
      for (const f of fs.readdirSync(this.paths.drafts)) if (f.endsWith('.plenary')) add(path.join(this.paths.drafts, f));
    } catch {
      /* no drafts folder yet */
    }
    return out.sort((a, b) => b.modified.localeCompare(a.modified));
  }

  private readRecent(): string[] {
    try {
      const v = JSON.parse(fs.readFileSync(this.paths.recent, 'utf8')) as unknown;
      return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    } catch {
      return [];
    }
  }

  private touchRecent(p: string): void {
    const list = [p, ...this.readRecent().filter((x) => x !== p)].slice(0, MAX_RECENT);
    try {
      fs.mkdirSync(this.paths.root, { recursive: true });
      writeFileAtomic(this.paths.recent, JSON.stringify(list, null, 1));
    } catch {
      /* the recent list is a convenience; never fail an open or save for it */
    }
  }

  /** Writes the recovery journal entry for `key` atomically. */
  autosave(input: { key: string; path: string; document: ResolutionDocument; negotiation?: unknown }): { ok: true } {
    this.ensureDirs();
    const body = serializePlenaryFile({ document: input.document, negotiation: input.negotiation }, this.appVersion);
    const entry = `{"key":${JSON.stringify(input.key)},"path":${JSON.stringify(input.path)},"file":${body}}`;
    writeFileAtomic(path.join(this.paths.recovery, `${input.key}.json`), entry, this.io);
    return { ok: true };
  }

  /** Journal entries left behind (unreadable ones are skipped, not deleted). */
  recoverable(): RecoveryEntry[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.paths.recovery).filter((f) => f.endsWith('.json'));
    } catch {
      return [];
    }
    const out: RecoveryEntry[] = [];
    for (const n of names) {
      try {
        const raw = JSON.parse(fs.readFileSync(path.join(this.paths.recovery, n), 'utf8')) as {
          key: string;
          path: string;
          file: unknown;
        };
        const file: PlenaryFile = parsePlenaryFile(JSON.stringify(raw.file), n);
        out.push({ key: raw.key, path: raw.path, title: file.document.meta.title, savedAt: file.savedAt, file });
      } catch {
        /* a damaged journal is left for inspection */
      }
    }
    return out.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  /** Removes a journal entry (after a clean save/close, or when the user declines recovery). */
  discardRecovery(key: string): { ok: true } {
    fs.rmSync(path.join(this.paths.recovery, `${key}.json`), { force: true });
    return { ok: true };
  }
}
