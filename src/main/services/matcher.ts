/**
 * Agreed-language matching: an in-memory index of adopted paragraphs that finds, while a
 * delegate types, the closest previously adopted paragraphs.
 *
 * Data. Paragraphs arrive as Int32Array token ids from a vocabulary the caller owns (tokens are
 * `matchTokens` output, so numbers are already "#"). Each vocabulary id is mapped to a dense
 * internal term number. A paragraph lives in a slot: its tokens (internal terms) are appended to
 * one arena, an Int32Array, or a Uint16Array while there are at most 65,536 terms (as a
 * snapshot stores it: read without widening, half the memory). Each term's posting list (its slots, ascending, one entry per paragraph)
 * is a stretch of one shared array (compressed-row form, written by `load`, by a snapshot or by
 * compaction) followed by a small growable list of slots added since. df[term] counts live
 * paragraphs. Removing a paragraph only marks its slot dead (and decrements df); when a quarter
 * of the slots are dead everything is rewritten without them. Slots are found by id through the
 * ids array itself while ids increase with slots (the library's row ids do), else through a Map.
 *
 * Query, in two stages (match-search.ts): IDF-weighted candidate generation over the rarer terms'
 * posting lists, then exact re-ranking by ½ edit-distance similarity + ½ weighted bag overlap,
 * with suggestion mode for a paragraph still being typed. `exhaustive` is the benchmark baseline.
 *
 * Persistence (match-snapshot.ts, match-persist.ts): `toSnapshot` / `fromSnapshot` give and take
 * the whole index as a few typed arrays, so a restart does not rebuild it.
 */
import { grow, PreparedQuery } from './match-query.js';
import { exhaustiveSearch, querySearch, type MatchQueryOptions, type SearchView } from './match-search.js';
import { idf, type MatchHit } from './match-rank.js';

export type { MatchHit } from './match-rank.js';
export { CANDIDATES, ED_WEIGHT, prefixWindow, type MatchQueryOptions } from './match-search.js';

/** The index as plain arrays (live paragraphs only, in slot order): what a snapshot stores. */
export interface MatchIndexParts {
  /** Vocabulary id → internal term + 1 (0 = not a term). */
  termOf: Int32Array;
  /** Number of internal terms. */
  nTerms: number;
  /** Paragraph ids, their token counts and tags (one per paragraph). */
  ids: Int32Array;
  lens: Int32Array;
  tags: Uint8Array;
  /** Every paragraph's internal terms, one after the other (16 bits while nTerms ≤ 65,536). */
  arena: Int32Array | Uint16Array;
  /** Term t's paragraphs (their indexes, ascending) are postings[postOff[t] … postOff[t + 1]). */
  postOff: Int32Array;
  postings: Int32Array;
}

/**
 * An in-memory index of paragraphs for agreed-language matching. Token ids come from a vocabulary
 * the caller owns; the index keeps per-paragraph token arrays and an inverted index
 * term → posting list of paragraph slots, with document frequencies. See the file header.
 */
export class MatchIndex {
  /** Vocabulary id → internal term + 1 (0 = unknown). */
  private termOf: Int32Array = new Int32Array(1024);
  private nTerms = 0;
  private df = new Int32Array(1024);
  // Postings: base stretch postings[postOff[t] … postOff[t + 1]) for t < nBase, then the extra list.
  private postOff: Int32Array = new Int32Array(1);
  private postings: Int32Array = new Int32Array(0);
  private nBase = 0;
  private extra: (Int32Array | undefined)[] = [];
  private extraLen = new Int32Array(1024);
  /** Per term: the stamp of the last paragraph that counted it (add, remove, load). */
  private mark = new Int32Array(1024);
  private markStamp = 0;

  // Slots: paragraphs in insertion order; tokens live in one arena.
  private arena: Int32Array | Uint16Array = new Int32Array(1 << 16);
  private arenaLen = 0;
  private start = new Int32Array(1024);
  private len = new Int32Array(1024);
  private ids = new Float64Array(1024);
  private alive = new Uint8Array(1024);
  private tags = new Uint8Array(1024);
  private nSlots = 0;
  private nAlive = 0;
  /** id → slot, once ids stop increasing with slots (null while they do: binary search). */
  private slotMap: Map<number, number> | null = null;

  // Idf weight of every term, recomputed on the first query after a change.
  private weights = new Float64Array(0);
  private version = 0;
  private weightsVersion = -1;

  // Query scratch, reused across queries.
  private readonly pq = new PreparedQuery();
  private acc = new Float32Array(1024);
  private touched = new Int32Array(1024);

  /** Number of paragraphs in the index. */
  get size(): number {
    return this.nAlive;
  }

  /**
   * Indexes a paragraph; `id` is its row id, `tag` a small number (0–255) queries can filter on
   * (the paragraph kind). Adding an id again replaces its tokens.
   */
  add(id: number, tokens: Int32Array, tag = 0): void {
    if (this.findSlot(id) >= 0) this.remove(id);
    const slot = this.nSlots;
    if (slot >= this.start.length) this.growSlots(slot + 1);
    const n = tokens.length;
    this.arena = grow(this.arena, this.arenaLen + n);
    const at = this.arenaLen;
    const stamp = ++this.markStamp;
    for (let i = 0; i < n; i++) {
      const t = this.termFor(tokens[i]!);
      this.arena[at + i] = t;
      if (this.mark[t] !== stamp) {
        this.mark[t] = stamp;
        this.df[t]++;
        let list = this.extra[t] ?? (this.extra[t] = new Int32Array(4));
        const l = this.extraLen[t]!;
        if (l === list.length) list = this.extra[t] = grow(list, l + 1);
        list[l] = slot;
        this.extraLen[t] = l + 1;
      }
    }
    this.arenaLen += n;
    this.start[slot] = at;
    this.len[slot] = n;
    this.alive[slot] = 1;
    this.tags[slot] = tag;
    if (this.slotMap === null && slot > 0 && !(id > this.ids[slot - 1]!)) this.slotMap = this.liveSlotMap();
    this.ids[slot] = id;
    this.slotMap?.set(id, slot);
    this.nSlots++;
    this.nAlive++;
    this.version++;
  }

  /**
   * Loads many paragraphs into an empty index in two passes (terms and document frequencies, then
   * exactly sized posting lists in one array). Batch: ids[i] has tokens[Σlens[<i] …] and tag
   * kinds[i]. Throws on a non-empty index or on an id given twice.
   */
  load(batches: Iterable<{ ids: Int32Array; lens: Int32Array; kinds: Uint8Array; tokens: Int32Array }>): void {
    if (this.nSlots !== 0) throw new Error('MatchIndex.load needs an empty index');
    const list = [...batches];
    let slots = 0;
    let total = 0;
    for (const b of list) {
      slots += b.ids.length;
      total += b.tokens.length;
    }
    this.growSlots(slots + 1);
    this.arena = new Int32Array(total + 1);
    // Pass 1: internal terms into the arena, slots, document frequencies.
    let slot = 0;
    let at = 0;
    for (const b of list) {
      let from = 0;
      for (let i = 0; i < b.ids.length; i++) {
        const n = b.lens[i]!;
        const stamp = ++this.markStamp;
        for (let j = 0; j < n; j++) {
          const t = this.termFor(b.tokens[from + j]!);
          this.arena[at + j] = t;
          if (this.mark[t] !== stamp) {
            this.mark[t] = stamp;
            this.df[t]++;
          }
        }
        this.start[slot] = at;
        this.len[slot] = n;
        this.ids[slot] = b.ids[i]!;
        this.alive[slot] = 1;
        this.tags[slot] = b.kinds[i]!;
        slot++;
        at += n;
        from += n;
      }
    }
    this.nSlots = slot;
    this.nAlive = slot;
    this.arenaLen = at;
    this.checkIds();
    this.rebuildPostings();
    this.version++;
  }

  /** Removes a paragraph (no-op for an unknown id). */
  remove(id: number): void {
    const slot = this.findSlot(id);
    if (slot < 0) return;
    this.slotMap?.delete(id);
    this.alive[slot] = 0;
    this.nAlive--;
    const stamp = ++this.markStamp;
    const s = this.start[slot]!;
    const e = s + this.len[slot]!;
    for (let i = s; i < e; i++) {
      const t = this.arena[i]!;
      if (this.mark[t] !== stamp) {
        this.mark[t] = stamp;
        this.df[t]--;
      }
    }
    this.version++;
    const dead = this.nSlots - this.nAlive;
    if (dead >= 1024 && dead * 4 >= this.nSlots) this.compact();
  }

  /**
   * The k best paragraphs for a query, best first, with score ∈ [0, 1] (1 = identical):
   * candidates from the query's rarer terms, re-ranked by ½ edit-distance similarity +
   * ½ IDF-weighted bag-of-words overlap. `filter` restricts the ids considered; `minScore`
   * drops weaker hits; `prefix` ranks openings (suggestions). Ties are broken by id.
   */
  query(tokens: Int32Array, k: number, opts: MatchQueryOptions = {}): MatchHit[] {
    if (tokens.length === 0 || k <= 0 || this.nAlive === 0) return [];
    return querySearch(this.view(), tokens, k, opts);
  }

  /**
   * Exhaustive baseline for benchmarks: the k paragraphs with the best pure edit-distance
   * similarity 1 − ED/max(|query|, |paragraph|), computed over every paragraph. Exact.
   */
  exhaustive(tokens: Int32Array, k: number): MatchHit[] {
    if (tokens.length === 0 || k <= 0 || this.nAlive === 0) return [];
    return exhaustiveSearch(this.view(), tokens, k);
  }

  /**
   * Pure edit-distance similarity 1 − ED/max(|query|, |paragraph|) of one indexed paragraph to
   * `tokens` (what `exhaustive` ranks by); undefined for an id not in the index.
   */
  similarity(tokens: Int32Array, id: number): number | undefined {
    const s = this.findSlot(id);
    if (s < 0 || tokens.length === 0) return undefined;
    this.pq.prepare(tokens, this.termOf, this.nTerms);
    const m = this.len[s]!;
    const M = Math.max(tokens.length, m);
    return 1 - this.pq.editDistance(this.arena, this.start[s]!, m, M) / M;
  }

  /** True when two indexed paragraphs have the same token sequence (false if either is unknown). */
  sameTokens(a: number, b: number): boolean {
    const sa = this.findSlot(a);
    const sb = this.findSlot(b);
    if (sa < 0 || sb < 0) return false;
    const n = this.len[sa]!;
    if (n !== this.len[sb]) return false;
    const { arena } = this;
    const x = this.start[sa]!;
    const y = this.start[sb]!;
    for (let i = 0; i < n; i++) if (arena[x + i] !== arena[y + i]) return false;
    return true;
  }

  /**
   * The live paragraphs as plain arrays (copies: the index may change afterwards), posting lists
   * merged into one array. Throws when an id is not a positive 32-bit integer (a snapshot stores
   * ids as Int32).
   */
  toSnapshot(): MatchIndexParts {
    const n = this.nAlive;
    const ids = new Int32Array(n);
    const lens = new Int32Array(n);
    const tags = new Uint8Array(n);
    const arena = new Int32Array(this.arenaLenAlive());
    const renum = new Int32Array(this.nSlots).fill(-1);
    let k = 0;
    let at = 0;
    for (let s = 0; s < this.nSlots; s++) {
      if (this.alive[s] === 0) continue;
      const id = this.ids[s]!;
      if (!Number.isInteger(id) || id < 0 || id > 0x7fffffff) throw new RangeError(`paragraph id ${id} cannot be stored in a match index snapshot`);
      ids[k] = id;
      lens[k] = this.len[s]!;
      tags[k] = this.tags[s]!;
      arena.set(this.arena.subarray(this.start[s]!, this.start[s]! + this.len[s]!), at);
      at += this.len[s]!;
      renum[s] = k++;
    }
    const postOff = new Int32Array(this.nTerms + 1);
    for (let t = 0; t < this.nTerms; t++) postOff[t + 1] = postOff[t]! + this.df[t]!;
    const postings = new Int32Array(postOff[this.nTerms]!);
    const fill = postOff.slice(0, this.nTerms);
    this.forEachPosting((t, s) => {
      if (renum[s]! >= 0) postings[fill[t]!++] = renum[s]!;
    });
    return { termOf: this.termOf.slice(), nTerms: this.nTerms, ids, lens, tags, arena, postOff, postings };
  }

  /**
   * An index over parts from `toSnapshot` (a snapshot file), used as they are (not copied).
   * Checks only what indexing relies on not to fail; a snapshot's checksum vouches for the rest.
   */
  static fromSnapshot(p: MatchIndexParts): MatchIndex {
    const n = p.ids.length;
    const bad = () => new Error('inconsistent match index snapshot');
    if (p.lens.length !== n || p.tags.length !== n || p.postOff.length !== p.nTerms + 1 || p.postOff[0] !== 0 || p.postOff[p.nTerms] !== p.postings.length) throw bad();
    for (let t = 0; t < p.nTerms; t++) if (p.postOff[t + 1]! < p.postOff[t]!) throw bad();
    for (let v = 0; v < p.termOf.length; v++) if (p.termOf[v]! < 0 || p.termOf[v]! > p.nTerms) throw bad();
    const idx = new MatchIndex();
    idx.termOf = p.termOf;
    idx.nTerms = p.nTerms;
    idx.growTerms(p.nTerms);
    const df = idx.df;
    for (let t = 0; t < p.nTerms; t++) df[t] = p.postOff[t + 1]! - p.postOff[t]!;
    idx.postOff = p.postOff;
    idx.postings = p.postings;
    idx.nBase = p.nTerms;
    idx.growSlots(n + 1);
    let at = 0;
    for (let s = 0; s < n; s++) {
      idx.start[s] = at;
      at += idx.len[s] = p.lens[s]!;
      idx.ids[s] = p.ids[s]!;
    }
    if (at !== p.arena.length) throw bad();
    idx.tags.set(p.tags);
    idx.alive.fill(1, 0, n);
    idx.arena = p.arena;
    idx.arenaLen = at;
    idx.nSlots = n;
    idx.nAlive = n;
    idx.checkIds();
    return idx;
  }

  /** What the search functions read: the index's arrays and its query scratch. */
  private view(): SearchView {
    if (this.weightsVersion !== this.version) {
      if (this.weights.length < this.nTerms) this.weights = new Float64Array(this.df.length);
      for (let t = 0; t < this.nTerms; t++) this.weights[t] = idf(this.nAlive, this.df[t]!);
      this.weightsVersion = this.version;
    }
    if (this.acc.length < this.nSlots) {
      this.acc = new Float32Array(this.start.length);
      this.touched = new Int32Array(this.start.length);
    }
    const { termOf, nTerms, df, postOff, postings, nBase, extra, extraLen, arena, start, len, ids, alive, tags, nSlots, nAlive, weights, pq, acc, touched } = this;
    return { termOf, nTerms, df, postOff, postings, nBase, extra, extraLen, arena, start, len, ids, alive, tags, nSlots, nAlive, weights, pq, acc, touched };
  }

  /** Calls fn(term, slot) for every posting, base stretch first. */
  private forEachPosting(fn: (t: number, s: number) => void): void {
    for (let t = 0; t < this.nTerms; t++) {
      if (t < this.nBase) for (let p = this.postOff[t]!; p < this.postOff[t + 1]!; p++) fn(t, this.postings[p]!);
      const ex = this.extra[t];
      if (ex) for (let p = 0; p < this.extraLen[t]!; p++) fn(t, ex[p]!);
    }
  }

  private arenaLenAlive(): number {
    let n = 0;
    for (let s = 0; s < this.nSlots; s++) if (this.alive[s] !== 0) n += this.len[s]!;
    return n;
  }

  /** The slot of a live paragraph, or −1. */
  private findSlot(id: number): number {
    if (this.slotMap !== null) return this.slotMap.get(id) ?? -1;
    const { ids } = this;
    let lo = 0;
    let hi = this.nSlots - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = ids[mid]!;
      if (v < id) lo = mid + 1;
      else if (v > id) hi = mid - 1;
      else return this.alive[mid] !== 0 ? mid : -1;
    }
    return -1;
  }

  /** Map mode when the ids of the slots do not increase; throws on an id given twice. */
  private checkIds(): void {
    for (let s = 1; s < this.nSlots; s++) {
      if (!(this.ids[s]! > this.ids[s - 1]!)) {
        const map = this.liveSlotMap();
        if (map.size !== this.nAlive) throw new Error('a paragraph is stored twice in the match index');
        this.slotMap = map;
        return;
      }
    }
  }

  private liveSlotMap(): Map<number, number> {
    const map = new Map<number, number>();
    for (let s = 0; s < this.nSlots; s++) if (this.alive[s] !== 0) map.set(this.ids[s]!, s);
    return map;
  }

  /** The internal term of a vocabulary id, created when new. */
  private termFor(v: number): number {
    const t = v >= 0 && v < this.termOf.length ? this.termOf[v]! - 1 : -1;
    if (t >= 0) return t;
    if (v < 0 || !Number.isInteger(v)) throw new RangeError(`vocabulary ids are non-negative integers (got ${v})`);
    if (v >= this.termOf.length) this.termOf = grow(this.termOf, v + 1);
    const nt = this.nTerms++;
    // A 16-bit arena (from a snapshot) cannot hold term 65,536: widened once, when it comes.
    if (nt > 0xffff && this.arena instanceof Uint16Array) this.arena = Int32Array.from(this.arena);
    this.growTerms(nt + 1);
    this.termOf[v] = nt + 1;
    return nt;
  }

  private growTerms(n: number): void {
    if (n <= this.df.length) return;
    this.df = grow(this.df, n);
    this.extraLen = grow(this.extraLen, n);
    this.mark = grow(this.mark, n);
  }

  private growSlots(need: number): void {
    this.start = grow(this.start, need);
    this.len = grow(this.len, need);
    this.ids = grow(this.ids, need);
    this.alive = grow(this.alive, need);
    this.tags = grow(this.tags, need);
  }

  /** Posting lists of the live slots from the arena, in one exactly sized array. */
  private rebuildPostings(): void {
    const T = this.nTerms;
    const postOff = new Int32Array(T + 1);
    for (let t = 0; t < T; t++) postOff[t + 1] = postOff[t]! + this.df[t]!;
    const postings = new Int32Array(postOff[T]!);
    const fill = postOff.slice(0, T);
    const { arena, mark, start, len, alive } = this;
    for (let s = 0; s < this.nSlots; s++) {
      if (alive[s] === 0) continue;
      const stamp = ++this.markStamp;
      const e = start[s]! + len[s]!;
      for (let i = start[s]!; i < e; i++) {
        const t = arena[i]!;
        if (mark[t] === stamp) continue;
        mark[t] = stamp;
        postings[fill[t]!++] = s;
      }
    }
    this.postOff = postOff;
    this.postings = postings;
    this.nBase = T;
    this.extra = [];
    this.extraLen.fill(0);
  }

  /** Drops dead slots: renumbers the live ones, rewrites the arena and the posting lists. */
  private compact(): void {
    let n = 0;
    let at = 0;
    const arena = this.arena;
    for (let s = 0; s < this.nSlots; s++) {
      if (this.alive[s] === 0) continue;
      const l = this.len[s]!;
      arena.copyWithin(at, this.start[s]!, this.start[s]! + l);
      this.start[n] = at;
      this.len[n] = l;
      this.ids[n] = this.ids[s]!;
      this.tags[n] = this.tags[s]!;
      this.alive[n] = 1;
      at += l;
      n++;
    }
    this.alive.fill(0, n, this.nSlots);
    this.nSlots = n;
    this.arenaLen = at;
    if (this.slotMap) this.slotMap = this.liveSlotMap();
    this.rebuildPostings();
  }
}
