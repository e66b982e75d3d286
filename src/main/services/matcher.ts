/**
 * Agreed-language matching: an in-memory index of adopted paragraphs that finds, while a
 * delegate types, the closest previously adopted paragraphs.
 *
 * Data. Paragraphs arrive as Int32Array token ids from a vocabulary the caller owns (tokens are
 * `matchTokens` output, so numbers are already "#"). Each vocabulary id is mapped to a dense
 * internal term number. A paragraph lives in a slot: its tokens (internal terms) are appended
 * to one Int32Array arena, and the slot is appended to the posting list (Int32Array, slots in
 * ascending order, one entry per paragraph) of each of its distinct terms; df[term] counts live
 * paragraphs. Removing a paragraph only marks its slot dead (and decrements df); when a quarter
 * of the slots are dead the arena and posting lists are compacted.
 *
 * Query, in two stages:
 *   1. Candidate generation (inverted index, IDF-weighted accumulation). The query's distinct
 *      terms are sorted rarest first; each term's posting list adds idf(term) =
 *      ln(1 + (N − df + ½)/(df + ½)) to a reused Float32Array accumulator, recording newly touched
 *      slots in a reused touched list (no allocation proportional to N). Very common terms
 *      (df > 5 % of N, or beyond a budget of postings) are skipped, unless fewer than three terms
 *      were rare enough, in which case the rarest ones are taken anyway. A candidate's rank is
 *      acc / (|query| + |paragraph|), a Dice-like ratio that stops long paragraphs from winning
 *      by size; the best CANDIDATES (by a bounded min-heap, where the optional filter is called)
 *      go on to stage 2.
 *   2. Exact re-ranking by score = ½·edSim + ½·bagSim, where
 *        edSim  = 1 − ED(query, paragraph) / max(|query|, |paragraph|), ED the token edit
 *                 distance (order-aware: small edits cost little, reordering costs a lot), and
 *        bagSim = 2·Σ idf·min(count in query, count in paragraph) / (Σ idf over query tokens +
 *                 Σ idf over paragraph tokens), a weighted Dice overlap of the bags of words
 *                 (blind to order, so swapped clauses still score high).
 *      Both are 1 exactly for identical token sequences, so score ∈ [0, 1] and 1 = identical.
 *      The bag overlap is computed first (O(|paragraph|)); it also bounds ED from below
 *      (ED ≥ max(n, m) − |bag intersection|, and ED ≥ |n − m|), so a candidate that cannot
 *      reach the current k-th score is skipped. The others get a bit-parallel edit distance
 *      (Myers/Hyyrö, 32 query tokens per machine word, as in edlib: ~⌈|query|/32⌉ word
 *      operations per paragraph token) that gives up as soon as the distance must exceed the
 *      largest ED that could still enter the top k.
 *   Measured (bench/match.bench.ts, 100,000 paragraphs of ~73 tokens, ~95-token queries, a
 *   loaded 2-core machine): 1.5–1.8 ms median, 2–6 ms p95; the exhaustive scan below takes
 *   7–11 ms median and 60–90 ms p95, and its ED-best is in query()'s top 5 in 99.5 % of queries.
 *
 * Suggestion mode (`prefix: true`, for a paragraph still being typed): stage 1 normalises by the
 * paragraph's opening only, and stage 2 scores how well the query matches the *opening* of the
 * paragraph (edit distance to its best prefix) or, at 0.9 of the weight, any stretch of it.
 *
 * `load` fills an empty index from stored batches in two passes (terms and document frequencies,
 * then exactly sized posting lists), which is what makes "index ready" fast after a restart.
 *
 * `exhaustive` is the benchmark baseline: pure edit-distance similarity over every paragraph,
 * exact. Slots are bucketed by their length bound 1 − |n − m|/max(n, m) (a counting sort into a
 * reused array) and visited best bound first; a slot still within reach of the k-th best gets
 * its bag bound (ED ≥ max(n, m) − |bag intersection|, one pass over its tokens) and, if that
 * too is within reach, a capped edit distance. The scan stops at the first bucket whose length
 * bound is below the k-th best. It uses the same bit-parallel edit distance as query(), so the
 * benchmark compares the pruning, not the inner loop.
 */

/** A match: the paragraph's id and its similarity in [0, 1] (1 = identical tokens). */
export interface MatchHit {
  id: number;
  score: number;
}

/** Options of `MatchIndex.query`. */
export interface MatchQueryOptions {
  /** Keep only paragraphs for which this returns true (e.g. only operative paragraphs). */
  filter?: (id: number) => boolean;
  /** Drop hits scoring below this. */
  minScore?: number;
  /** Keep only paragraphs added with this tag. */
  tag?: number;
  /**
   * Suggestion mode, for a paragraph still being typed: the query is compared with the *opening*
   * of each paragraph (its first |query| + slack tokens; edit distance to the best-aligned prefix,
   * normalised by the query's length) and with any stretch of it (a paragraph that *contains* the
   * query scores 0.9 × that similarity). See `suggestionScore`.
   */
  prefix?: boolean;
}

/** Tokens beyond the query's length that a paragraph opening may have in suggestion mode. */
export function prefixWindow(qn: number): number {
  return qn + Math.max(4, Math.ceil(qn / 4));
}

/** Weight of the edit-distance similarity in the score (the bag overlap gets the rest). */
export const ED_WEIGHT = 0.5;
/** How many candidates from stage 1 are re-ranked exactly. */
export const CANDIDATES = 256;
/** Terms in more than this fraction of paragraphs are skipped in candidate generation. */
const COMMON_FRACTION = 0.05;
/** Terms with df up to this are never considered common, whatever N. */
const COMMON_MIN_DF = 256;
/** At least this many of the query's rarest terms are accumulated, common or not. */
const MIN_TERMS = 3;
/** Postings visited per query at most (beyond the MIN_TERMS rarest terms). */
const POSTING_BUDGET = 400_000;
/** Buckets of the exhaustive scan's upper bounds. */
const BUCKETS = 1024;

function grow<T extends Int32Array | Float32Array | Float64Array | Uint8Array>(a: T, need: number): T {
  if (a.length >= need) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/**
 * An in-memory index of paragraphs for agreed-language matching. Token ids come from a vocabulary
 * the caller owns; the index keeps per-paragraph token arrays and an inverted index
 * term → posting list of paragraph slots, with document frequencies. See the file header for the
 * algorithm.
 */
export class MatchIndex {
  // Terms: vocabulary id → dense internal term, with df and posting lists.
  /** Vocabulary id → internal term + 1 (0 = unknown); vocabulary ids are small positive row ids. */
  private termOf = new Int32Array(1024);
  private nTerms = 0;
  private df = new Int32Array(1024);
  private postLen = new Int32Array(1024);
  private posts: Int32Array[] = [];
  /** Per term: the stamp of the last pass that saw it, and its index in that pass. */
  private seen = new Int32Array(1024);
  private local = new Int32Array(1024);
  private stamp = 0;

  // Slots: paragraphs in insertion order; tokens live in one arena.
  private arena = new Int32Array(1 << 16);
  private arenaLen = 0;
  private start = new Int32Array(1024);
  private len = new Int32Array(1024);
  private ids = new Float64Array(1024);
  private alive = new Uint8Array(1024);
  private tags = new Uint8Array(1024);
  private nSlots = 0;
  private nAlive = 0;
  private slotOf = new Map<number, number>();

  // Query scratch, reused across queries.
  private acc = new Float32Array(1024);
  private touched = new Int32Array(1024);
  private order = new Int32Array(1024);
  private q = new Int32Array(256);
  private uTerm = new Int32Array(256);
  private uCount = new Int32Array(256);
  private uUsed = new Int32Array(256);
  private uUsedAt = new Int32Array(256);
  private peq = new Int32Array(1024);
  private pv = new Int32Array(8);
  private mv = new Int32Array(8);
  private blocks = 0;
  private qLen = 0;
  private heapScore = new Float64Array(CANDIDATES);
  /** Outputs of overlap(). */
  private interW = 0;
  private docW = 0;
  private heapSlot = new Int32Array(CANDIDATES);

  /** Number of paragraphs in the index. */
  get size(): number {
    return this.nAlive;
  }

  /**
   * Indexes a paragraph; `id` is its row id, `tag` a small number (0–255) queries can filter on
   * (the paragraph kind). Adding an id again replaces its tokens.
   */
  add(id: number, tokens: Int32Array, tag = 0): void {
    this.addAt(id, tokens, 0, tokens.length, tag);
  }

  /**
   * Loads many paragraphs into an empty index in two passes (terms and document frequencies, then
   * exactly sized posting lists): no growing and copying, so a stored index of a million
   * paragraphs loads in about a second. Batch: ids[i] has tokens[Σlens[<i] …] and tag kinds[i]. Throws on a non-empty index.
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
    this.start = new Int32Array(slots + 1);
    this.len = new Int32Array(slots + 1);
    this.ids = new Float64Array(slots + 1);
    this.alive = new Uint8Array(slots + 1);
    this.tags = new Uint8Array(slots + 1);
    this.acc = new Float32Array(slots + 1);
    this.touched = new Int32Array(slots + 1);
    this.order = new Int32Array(slots + 1);
    this.arena = new Int32Array(total + 1);
    // Pass 1: internal terms into the arena, slots, document frequencies.
    let slot = 0;
    let at = 0;
    for (const b of list) {
      let from = 0;
      for (let i = 0; i < b.ids.length; i++) {
        const n = b.lens[i]!;
        const stamp = ++this.stamp;
        for (let j = 0; j < n; j++) {
          const v = b.tokens[from + j]!;
          let t = v >= 0 && v < this.termOf.length ? this.termOf[v]! - 1 : -1;
          if (t < 0) t = this.newTerm(v);
          this.arena[at + j] = t;
          if (this.seen[t] !== stamp) {
            this.seen[t] = stamp;
            this.df[t]++;
          }
        }
        this.start[slot] = at;
        this.len[slot] = n;
        this.ids[slot] = b.ids[i]!;
        this.alive[slot] = 1;
        this.tags[slot] = b.kinds[i]!;
        if (this.slotOf.has(b.ids[i]!)) throw new Error(`paragraph ${b.ids[i]} is stored twice in the match index`);
        this.slotOf.set(b.ids[i]!, slot);
        slot++;
        at += n;
        from += n;
      }
    }
    // Pass 2: posting lists, each allocated at its final size.
    for (let t = 0; t < this.nTerms; t++) {
      this.posts[t] = new Int32Array(Math.max(4, this.df[t]!));
      this.postLen[t] = 0;
    }
    const { arena, seen, posts, postLen } = this;
    for (let s = 0; s < slot; s++) {
      const stamp = ++this.stamp;
      const e = this.start[s]! + this.len[s]!;
      for (let i = this.start[s]!; i < e; i++) {
        const t = arena[i]!;
        if (seen[t] === stamp) continue;
        seen[t] = stamp;
        posts[t]![postLen[t]!++] = s;
      }
    }
    this.nSlots = slot;
    this.nAlive = slot;
    this.arenaLen = at;
  }

  private addAt(id: number, src: Int32Array, from: number, n: number, tag: number): void {
    if (this.slotOf.has(id)) this.remove(id);
    const slot = this.nSlots++;
    if (slot >= this.start.length) {
      const need = slot + 1;
      this.start = grow(this.start, need);
      this.len = grow(this.len, need);
      this.ids = grow(this.ids, need);
      this.alive = grow(this.alive, need);
      this.tags = grow(this.tags, need);
      this.acc = grow(this.acc, need);
      this.touched = grow(this.touched, need);
      this.order = grow(this.order, need);
    }
    this.arena = grow(this.arena, this.arenaLen + n);
    const at = this.arenaLen;
    const stamp = ++this.stamp;
    for (let i = 0; i < n; i++) {
      const v = src[from + i]!;
      let t = v >= 0 && v < this.termOf.length ? this.termOf[v]! - 1 : -1;
      if (t < 0) t = this.newTerm(v);
      this.arena[at + i] = t;
      if (this.seen[t] !== stamp) {
        this.seen[t] = stamp;
        this.df[t]++;
        let list = this.posts[t]!;
        const l = this.postLen[t]!;
        if (l === list.length) list = this.posts[t] = grow(list, l + 1);
        list[l] = slot;
        this.postLen[t] = l + 1;
      }
    }
    this.arenaLen += n;
    this.start[slot] = at;
    this.len[slot] = n;
    this.ids[slot] = id;
    this.alive[slot] = 1;
    this.tags[slot] = tag;
    this.nAlive++;
    this.slotOf.set(id, slot);
  }

  /** Removes a paragraph (no-op for an unknown id). */
  remove(id: number): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.alive[slot] = 0;
    this.nAlive--;
    const stamp = ++this.stamp;
    const s = this.start[slot]!;
    const e = s + this.len[slot]!;
    for (let i = s; i < e; i++) {
      const t = this.arena[i]!;
      if (this.seen[t] !== stamp) {
        this.seen[t] = stamp;
        this.df[t]--;
      }
    }
    const dead = this.nSlots - this.nAlive;
    if (dead >= 1024 && dead * 4 >= this.nSlots) this.compact();
  }

  /**
   * The k best paragraphs for a query, best first, with score ∈ [0, 1] (1 = identical):
   * candidates from the query's rarer terms, re-ranked by ½ edit-distance similarity +
   * ½ IDF-weighted bag-of-words overlap. `filter` restricts the ids considered; `minScore`
   * drops weaker hits. Ties are broken by id.
   */
  query(tokens: Int32Array, k: number, opts: MatchQueryOptions = {}): MatchHit[] {
    const qn = tokens.length;
    if (qn === 0 || k <= 0 || this.nAlive === 0) return [];
    const N = this.nAlive;
    const nu = this.prepareQuery(tokens);
    const { q, uTerm, df } = this;
    const idfMax = idf(N, 0);
    // Σ idf over the query's tokens (unknown tokens weigh as the rarest).
    let qW = 0;
    for (let i = 0; i < qn; i++) qW += q[i]! < 0 ? idfMax : idf(N, df[q[i]!]!);

    // Stage 1: accumulate idf over the posting lists of the rarer terms.
    const terms: number[] = [];
    for (let u = 0; u < nu; u++) if (df[uTerm[u]!]! > 0) terms.push(u);
    terms.sort((x, y) => df[uTerm[x]!]! - df[uTerm[y]!]!);
    const maxDf = Math.max(COMMON_MIN_DF, N * COMMON_FRACTION);
    const { acc, touched, alive, postLen, posts, len } = this;
    let nTouched = 0;
    let spent = 0;
    let used = 0;
    for (const u of terms) {
      const t = uTerm[u]!;
      const L = postLen[t]!;
      if (used >= MIN_TERMS && (df[t]! > maxDf || spent + L > POSTING_BUDGET)) break;
      const w = idf(N, df[t]!);
      const list = posts[t]!;
      for (let p = 0; p < L; p++) {
        const s = list[p]!;
        if (alive[s] === 0) continue;
        if (acc[s] === 0) touched[nTouched++] = s;
        acc[s] += w;
      }
      spent += L;
      used++;
    }

    // Best CANDIDATES by acc / (|q| + |p|), in a min-heap; the filter is asked only for slots
    // that would enter it.
    const { heapScore, heapSlot, ids } = this;
    const filter = opts.filter;
    const tag = opts.tag;
    const prefix = opts.prefix === true;
    const win = prefixWindow(qn);
    const tags = this.tags;
    let h = 0;
    for (let i = 0; i < nTouched; i++) {
      const s = touched[i]!;
      const c = acc[s]! / (qn + (prefix ? Math.min(len[s]!, win) : len[s]!));
      acc[s] = 0;
      if (h === CANDIDATES && c <= heapScore[0]!) continue;
      if (tag !== undefined && tags[s] !== tag) continue;
      if (filter && !filter(ids[s]!)) continue;
      if (h < CANDIDATES) heapPush(heapScore, heapSlot, h++, c, s);
      else heapReplaceTop(heapScore, heapSlot, h, c, s);
    }
    // Drain the heap (smallest first) into cands, best candidate at index 0.
    const cands = new Int32Array(h);
    for (let i = h - 1; i >= 0; i--) {
      cands[i] = heapSlot[0]!;
      heapPop(heapScore, heapSlot, i + 1);
    }

    // Stage 2: exact re-ranking with pruning.
    const top = new TopK(k);
    const minScore = opts.minScore ?? 0;
    const { start, uUsedAt } = this;
    for (let c = 0; c < cands.length; c++) {
      const s = cands[c]!;
      if (prefix) {
        const score = this.suggestionScore(s, qn, qW, N);
        if (score >= minScore && score > 0) top.offer(Math.min(1, score), ids[s]!);
        continue;
      }
      const m = len[s]!;
      const at = start[s]!;
      const inter = this.overlap(s, at, m, N);
      const bag = (2 * this.interW) / (qW + this.docW);
      const M = Math.max(qn, m);
      const edLow = Math.max(Math.abs(qn - m), M - inter);
      const floor = Math.max(top.threshold(), minScore);
      const best = ED_WEIGHT * (1 - edLow / M) + (1 - ED_WEIGHT) * bag;
      if (best < floor) continue;
      const cap = Math.floor(M * (1 - (floor - (1 - ED_WEIGHT) * bag) / ED_WEIGHT) + 1e-9);
      const ed = this.editDistance(at, m, cap);
      if (ed > cap) continue;
      const score = ED_WEIGHT * (1 - ed / M) + (1 - ED_WEIGHT) * bag;
      if (score < minScore || score <= 0) continue;
      top.offer(Math.min(1, score), ids[s]!);
    }
    for (let u = 0; u < nu; u++) uUsedAt[u] = 0;
    return top.result();
  }

  /**
   * Suggestion score of slot s for the prepared query (see MatchQueryOptions.prefix):
   * max(½·(1 − EDprefix/|q|) + ½·bag overlap with the first |q| tokens, 0.9·(1 − EDinfix/|q|)),
   * where EDprefix is the edit distance from the query to the best prefix of the opening (the
   * first prefixWindow(|q|) tokens) and EDinfix to the best-aligned stretch anywhere in the
   * paragraph. An exact opening scores 1.
   */
  private suggestionScore(s: number, qn: number, qW: number, N: number): number {
    const { start, len } = this;
    const at = start[s]!;
    // The bag compares as many opening tokens as were typed (an exact opening scores 1); the
    // alignment may use a few more, for words the delegate left out.
    this.overlap(s, at, Math.min(len[s]!, qn), N);
    const bag = (2 * this.interW) / (qW + this.docW);
    const pre = ED_WEIGHT * (1 - this.alignDistance(at, Math.min(len[s]!, prefixWindow(qn)), false) / qn) + (1 - ED_WEIGHT) * bag;
    const inf = 0.9 * (1 - this.alignDistance(at, len[s]!, true) / qn);
    return Math.max(pre, inf);
  }

  /**
   * Bag overlap of slot s's tokens arena[at, at + m) with the prepared query: returns the size of
   * the multiset intersection, and leaves in interW / docW its idf weight and the tokens' total
   * idf weight (when N > 0; N = 0 skips the weights).
   */
  private overlap(s: number, at: number, m: number, N: number): number {
    const { arena, df, seen, local, uCount, uUsed, uUsedAt } = this;
    const stamp = this.stamp;
    let inter = 0;
    let interW = 0;
    let docW = 0;
    for (let i = at; i < at + m; i++) {
      const t = arena[i]!;
      const w = N > 0 ? idf(N, df[t]!) : 0;
      docW += w;
      if (seen[t] !== stamp) continue;
      const u = local[t]!;
      if (uUsedAt[u] !== s + 1) {
        uUsedAt[u] = s + 1;
        uUsed[u] = 0;
      }
      if (uUsed[u]! < uCount[u]!) {
        uUsed[u]++;
        interW += w;
        inter++;
      }
    }
    this.interW = interW;
    this.docW = docW;
    return inter;
  }

  /**
   * The smallest edit distance from the prepared query to a prefix of arena[at, at + n)
   * (`freeStart` false) or to any stretch of it (`freeStart` true: the alignment may start at
   * any token, as in edlib's infix mode).
   */
  private alignDistance(at: number, n: number, freeStart: boolean): number {
    return this.editDistance(at, n, Infinity, freeStart ? 'infix' : 'prefix');
  }

  /**
   * Pure edit-distance similarity 1 − ED/max(|query|, |paragraph|) of one indexed paragraph to
   * `tokens` (what `exhaustive` ranks by); undefined for an id not in the index.
   */
  similarity(tokens: Int32Array, id: number): number | undefined {
    const s = this.slotOf.get(id);
    if (s === undefined || tokens.length === 0) return undefined;
    this.prepareQuery(tokens);
    const m = this.len[s]!;
    const M = Math.max(tokens.length, m);
    return 1 - this.editDistance(this.start[s]!, m, M) / M;
  }

  /** True when two indexed paragraphs have the same token sequence (false if either is unknown). */
  sameTokens(a: number, b: number): boolean {
    const sa = this.slotOf.get(a);
    const sb = this.slotOf.get(b);
    if (sa === undefined || sb === undefined) return false;
    const n = this.len[sa]!;
    if (n !== this.len[sb]) return false;
    const { arena } = this;
    const x = this.start[sa]!;
    const y = this.start[sb]!;
    for (let i = 0; i < n; i++) if (arena[x + i] !== arena[y + i]) return false;
    return true;
  }

  /**
   * Exhaustive baseline for benchmarks: the k paragraphs with the best pure edit-distance
   * similarity 1 − ED/max(|query|, |paragraph|), computed over every paragraph. Exact; pruned by
   * the length-difference and bag-intersection lower bounds of ED, evaluated best bound first.
   */
  exhaustive(tokens: Int32Array, k: number): MatchHit[] {
    const qn = tokens.length;
    if (qn === 0 || k <= 0 || this.nAlive === 0) return [];
    this.prepareQuery(tokens);
    const { uUsedAt, start, len, alive, order, ids } = this;
    // Counting sort of the live slots by their length bound min(n, m) / max(n, m), best first.
    const counts = new Int32Array(BUCKETS + 1);
    const bucketOf = (m: number) => Math.min(BUCKETS - 1, Math.floor((Math.min(qn, m) / Math.max(qn, m)) * BUCKETS));
    for (let s = 0; s < this.nSlots; s++) if (alive[s] !== 0) counts[BUCKETS - bucketOf(len[s]!)]++;
    for (let b = 1; b <= BUCKETS; b++) counts[b]! += counts[b - 1]!;
    const next = counts.slice();
    for (let s = 0; s < this.nSlots; s++) if (alive[s] !== 0) order[next[BUCKETS - 1 - bucketOf(len[s]!)]!++] = s;
    const top = new TopK(k);
    for (let o = 0; o < this.nAlive; o++) {
      const s = order[o]!;
      const m = len[s]!;
      const M = Math.max(qn, m);
      const floor = top.threshold();
      // Slots come in decreasing order of the length bound's bucket: once a whole bucket is
      // below the k-th best, so is everything after it.
      if (top.full && (bucketOf(m) + 1) / BUCKETS < floor) break;
      if (1 - Math.abs(qn - m) / M < floor) continue;
      // Bag bound: ED ≥ max(n, m) − |bag intersection|.
      const at = start[s]!;
      const inter = this.overlap(s, at, m, 0);
      if (1 - (M - inter) / M < floor) continue;
      const cap = top.full ? Math.floor(M * (1 - floor) + 1e-9) : M;
      const ed = this.editDistance(at, m, cap);
      if (ed > cap) continue;
      top.offer(1 - ed / M, ids[s]!);
    }
    for (let u = 0; u < uUsedAt.length; u++) uUsedAt[u] = 0;
    return top.result();
  }

  /** Maps a query to internal terms (unknown tokens to distinct negatives) and its distinct terms. */
  private prepareQuery(tokens: Int32Array): number {
    const qn = tokens.length;
    if (this.q.length < qn) {
      this.q = grow(this.q, qn);
      this.uTerm = grow(this.uTerm, qn);
      this.uCount = grow(this.uCount, qn);
      this.uUsed = grow(this.uUsed, qn);
      this.uUsedAt = new Int32Array(this.uTerm.length);
    }
    const { q, uTerm, uCount, seen, local } = this;
    const stamp = ++this.stamp;
    let unknown: Map<number, number> | undefined;
    let nu = 0;
    for (let i = 0; i < qn; i++) {
      const v = tokens[i]!;
      const t = v >= 0 && v < this.termOf.length && this.termOf[v]! > 0 ? this.termOf[v]! - 1 : undefined;
      if (t === undefined) {
        unknown ??= new Map();
        let neg = unknown.get(v);
        if (neg === undefined) unknown.set(v, (neg = -1 - unknown.size));
        q[i] = neg;
        continue;
      }
      q[i] = t;
      if (seen[t] !== stamp) {
        seen[t] = stamp;
        local[t] = nu;
        uTerm[nu] = t;
        uCount[nu] = 1;
        nu++;
      } else uCount[local[t]!]++;
    }
    // Match masks for the bit-parallel edit distance: bit i of block i/32 of the query term's row.
    const W = (this.blocks = (qn + 31) >>> 5);
    this.qLen = qn;
    if (this.peq.length < nu * W) this.peq = new Int32Array(nu * W * 2);
    if (this.pv.length < W) {
      this.pv = new Int32Array(W * 2);
      this.mv = new Int32Array(W * 2);
    }
    const peq = this.peq;
    peq.fill(0, 0, nu * W);
    for (let i = 0; i < qn; i++) if (q[i]! >= 0) peq[local[q[i]!]! * W + (i >>> 5)]! |= 1 << (i & 31);
    return nu;
  }

  /**
   * Edit distance between the prepared query and the paragraph tokens arena[at, at + n): Myers'
   * bit-vector algorithm (Hyyrö's global variant, blocks of 32 query rows, as in edlib), one
   * column per paragraph token. Returns cap + 1 once the distance must exceed cap (the last row
   * can drop by at most one per remaining column). Modes 'prefix' and 'infix' return instead the
   * smallest last-row value over all columns: the distance to the best prefix of the paragraph,
   * or (row 0 free) to its best-matching stretch; they do not stop early.
   */
  private editDistance(at: number, n: number, cap: number, mode: 'global' | 'prefix' | 'infix' = 'global'): number {
    const { arena, seen, local, peq, pv, mv } = this;
    const stamp = this.stamp;
    const W = this.blocks;
    const m = this.qLen;
    for (let b = 0; b < W; b++) {
      pv[b] = -1;
      mv[b] = 0;
    }
    const lastBit = 1 << ((m - 1) & 31);
    let score = m;
    let best = m;
    const whole = mode === 'global';
    for (let j = 0; j < n; j++) {
      const t = arena[at + j]!;
      const row = seen[t] === stamp ? local[t]! * W : -1;
      // Row 0 of a global or prefix alignment rises by one per column; an infix may start anywhere.
      let hin = mode === 'infix' ? 0 : 1;
      for (let b = 0; b < W; b++) {
        let eq = row >= 0 ? peq[row + b]! : 0;
        const p = pv[b]!;
        const x = mv[b]!;
        const xv = eq | x;
        if (hin < 0) eq |= 1;
        const xh = ((((eq & p) + p) | 0) ^ p) | eq;
        let ph = x | ~(xh | p);
        let mh = p & xh;
        const bit = b === W - 1 ? lastBit : 0x80000000 | 0;
        const hout = (ph & bit) !== 0 ? 1 : (mh & bit) !== 0 ? -1 : 0;
        ph <<= 1;
        mh <<= 1;
        if (hin < 0) mh |= 1;
        else if (hin > 0) ph |= 1;
        pv[b] = mh | ~(xv | ph);
        mv[b] = ph & xv;
        hin = hout;
      }
      score += hin;
      if (!whole) {
        if (score < best) best = score;
      } else if (score - (n - 1 - j) > cap) return cap + 1;
    }
    return whole ? score : best;
  }

  private newTerm(v: number): number {
    if (v < 0 || !Number.isInteger(v)) throw new RangeError(`vocabulary ids are non-negative integers (got ${v})`);
    if (v >= this.termOf.length) this.termOf = grow(this.termOf, v + 1);
    const t = this.nTerms++;
    if (t >= this.df.length) {
      const n = t + 1;
      this.df = grow(this.df, n);
      this.postLen = grow(this.postLen, n);
      this.seen = grow(this.seen, n);
      this.local = grow(this.local, n);
    }
    this.posts[t] = new Int32Array(4);
    this.termOf[v] = t + 1;
    return t;
  }

  /** Drops dead slots: renumbers the live ones, rewrites the arena and the posting lists. */
  private compact(): void {
    const remap = new Int32Array(this.nSlots).fill(-1);
    let n = 0;
    let at = 0;
    for (let s = 0; s < this.nSlots; s++) {
      if (this.alive[s] === 0) continue;
      const l = this.len[s]!;
      this.arena.copyWithin(at, this.start[s]!, this.start[s]! + l);
      this.start[n] = at;
      this.len[n] = l;
      this.ids[n] = this.ids[s]!;
      this.tags[n] = this.tags[s]!;
      this.alive[n] = 1;
      remap[s] = n;
      at += l;
      n++;
    }
    this.alive.fill(0, n, this.nSlots);
    for (const [id, s] of this.slotOf) this.slotOf.set(id, remap[s]!);
    for (let t = 0; t < this.nTerms; t++) {
      const list = this.posts[t]!;
      let w = 0;
      for (let p = 0; p < this.postLen[t]!; p++) {
        const s = remap[list[p]!]!;
        if (s >= 0) list[w++] = s;
      }
      this.postLen[t] = w;
      if (list.length > 16 && w * 4 < list.length) this.posts[t] = list.slice(0, Math.max(4, w * 2));
    }
    this.nSlots = n;
    this.arenaLen = at;
  }
}

/** Inverse document frequency (BM25's, always positive). */
function idf(N: number, df: number): number {
  return Math.log(1 + (N - df + 0.5) / (df + 0.5));
}

/** The k best (score, id) pairs seen, best first; ties go to the smaller id. */
class TopK {
  private scores: number[] = [];
  private idList: number[] = [];
  constructor(private readonly k: number) {}
  get full(): boolean {
    return this.scores.length >= this.k;
  }
  /** The score to beat (or tie) to enter: the k-th best, or −∞ while not full. */
  threshold(): number {
    return this.full ? this.scores[this.k - 1]! : -Infinity;
  }
  offer(score: number, id: number): void {
    const { scores, idList } = this;
    let i = scores.length;
    while (i > 0 && (scores[i - 1]! < score || (scores[i - 1] === score && idList[i - 1]! > id))) i--;
    if (i >= this.k) return;
    scores.splice(i, 0, score);
    idList.splice(i, 0, id);
    if (scores.length > this.k) {
      scores.pop();
      idList.pop();
    }
  }
  result(): MatchHit[] {
    return this.scores.map((score, i) => ({ id: this.idList[i]!, score }));
  }
}

// A binary min-heap over parallel arrays (score, slot) of size h.
function heapPush(sc: Float64Array, sl: Int32Array, h: number, score: number, slot: number): void {
  let i = h;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (sc[p]! <= score) break;
    sc[i] = sc[p]!;
    sl[i] = sl[p]!;
    i = p;
  }
  sc[i] = score;
  sl[i] = slot;
}

function siftDown(sc: Float64Array, sl: Int32Array, h: number, score: number, slot: number): void {
  let i = 0;
  while (true) {
    let c = 2 * i + 1;
    if (c >= h) break;
    if (c + 1 < h && sc[c + 1]! < sc[c]!) c++;
    if (sc[c]! >= score) break;
    sc[i] = sc[c]!;
    sl[i] = sl[c]!;
    i = c;
  }
  sc[i] = score;
  sl[i] = slot;
}

function heapReplaceTop(sc: Float64Array, sl: Int32Array, h: number, score: number, slot: number): void {
  siftDown(sc, sl, h, score, slot);
}

function heapPop(sc: Float64Array, sl: Int32Array, h: number): void {
  if (h <= 1) return;
  siftDown(sc, sl, h - 1, sc[h - 1]!, sl[h - 1]!);
}
