/**
 * Fuzzy matching for the command palette: the query's characters must appear in the text in
 * order (case- and accent-insensitive); matches at word starts and in runs score higher, so
 * "exp pdf" finds "Export PDF" and "sa" prefers "Save" to "Insert cross-reference".
 */

/** Lower case without accents, so "é" matches "e" (French and Spanish labels). */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A match: its score (higher is better) and the matched character positions in `text`. */
export interface FuzzyMatch {
  score: number;
  positions: number[];
}

/**
 * Matches `query` against `text`; null when some query character (spaces ignored) is missing.
 * An empty query matches everything with score 0. Greedy left to right, preferring a word start
 * when one is ahead: linear in the text, enough for a hundred commands per keystroke.
 */
export function fuzzyMatch(query: string, text: string): FuzzyMatch | null {
  const q = [...fold(query).replace(/\s+/g, '')];
  const t = [...fold(text)];
  if (!q.length) return { score: 0, positions: [] };
  // Jumping to a word start can skip characters a later query character needs ("ab" in "xab a"):
  // then the plain leftmost walk, which finds every subsequence there is.
  return walk(q, t, true) ?? walk(q, t, false);
}

function walk(q: string[], t: string[], preferWordStarts: boolean): FuzzyMatch | null {
  const wordStart = (i: number) => i === 0 || /[^\p{L}\p{N}]/u.test(t[i - 1]!);
  const positions: number[] = [];
  let score = 0;
  let from = 0;
  for (const ch of q) {
    const prev = positions[positions.length - 1];
    // Continue a run when possible, else prefer the next word start, else the next occurrence.
    let at = prev !== undefined && t[prev + 1] === ch ? prev + 1 : -1;
    for (let i = from; preferWordStarts && at < 0 && i < t.length; i++) if (t[i] === ch && wordStart(i)) at = i;
    if (at < 0) at = t.indexOf(ch, from);
    if (at < 0) return null;
    score += 1 + (wordStart(at) ? 8 : 0) + (prev !== undefined && at === prev + 1 ? 5 : 0);
    positions.push(at);
    from = at + 1;
  }
  // Shorter texts and earlier first matches win ties.
  return { score: score * 100 - t.length - (positions[0] ?? 0), positions };
}

/** Items whose text matches, best first (stable for equal scores). */
export function fuzzyFilter<T>(query: string, items: readonly T[], text: (item: T) => string): { item: T; match: FuzzyMatch }[] {
  const out: { item: T; match: FuzzyMatch; index: number }[] = [];
  items.forEach((item, index) => {
    const match = fuzzyMatch(query, text(item));
    if (match) out.push({ item, match, index });
  });
  out.sort((a, b) => b.match.score - a.match.score || a.index - b.index);
  return out.map(({ item, match }) => ({ item, match }));
}
