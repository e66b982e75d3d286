/**
 * The remembered mapping from Word author names to delegations ("jdoe" → "Mexico"), used when a
 * delegation's Word file is merged. Kept in localStorage, so it survives restarts on this computer;
 * a damaged entry reads as an empty mapping rather than failing the merge.
 */

const KEY = 'plenary-author-map';

/** Word author name → delegation. */
export type AuthorMap = Record<string, string>;

/** The remembered mapping (empty when none or unreadable). */
export function loadAuthorMap(storage: Pick<Storage, 'getItem'> = localStorage): AuthorMap {
  try {
    const raw = JSON.parse(storage.getItem(KEY) ?? '{}') as unknown;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
    const out: AuthorMap = {};
    for (const [k, v] of Object.entries(raw)) if (typeof v === 'string' && k.trim() && v.trim()) out[k] = v;
    return out;
  } catch {
    return {};
  }
}

/** Remembers `map`, dropping rows without an author or a delegation and identity rows. */
export function saveAuthorMap(map: AuthorMap, storage: Pick<Storage, 'setItem'> = localStorage): AuthorMap {
  const clean: AuthorMap = {};
  for (const [k, v] of Object.entries(map)) {
    const from = k.trim();
    const to = v.trim();
    if (from && to && from !== to) clean[from] = to;
  }
  try {
    storage.setItem(KEY, JSON.stringify(clean));
  } catch {
    /* storage full or disabled: the mapping still applies to this merge */
  }
  return clean;
}

/**
 * The rows the merge dialog shows for the delegations a merge found: the Word author each came
 * from (the remembered mapping read backwards; unmapped authors are their own delegation).
 */
export function mappingRows(delegations: readonly string[], map: AuthorMap): { author: string; delegation: string }[] {
  const rows: { author: string; delegation: string }[] = [];
  for (const d of delegations) {
    const authors = Object.entries(map).filter(([, to]) => to === d).map(([from]) => from);
    if (authors.length) for (const a of authors) rows.push({ author: a, delegation: d });
    else rows.push({ author: d, delegation: d });
  }
  return rows;
}
