/**
 * Plenary's paragraph ids inside its Word files: every body paragraph carries a hidden bookmark
 * `_pl<id>` (Word hides bookmarks whose name starts with "_" and keeps them through edits), so
 * `plenary merge` aligns the paragraphs of a file that comes back by id rather than by text.
 * Pure.
 */
import { BuilderElement, type ParagraphChild } from 'docx';

/** Prefix of the bookmarks that carry paragraph ids. */
export const ID_BOOKMARK_PREFIX = '_pl';

/**
 * The bookmark name for paragraph id `id`: `_pl` + the id with every character outside [A-Za-z0-9]
 * (UTF-16 unit) written as `_xxxx` (hex) — Word allows letters, digits and `_` in 40 characters;
 * null when too long.
 */
export function idBookmarkName(id: string): string | null {
  let s = ID_BOOKMARK_PREFIX;
  for (let i = 0; i < id.length; i++) {
    const ch = id[i]!;
    s += /[A-Z0-9]/i.test(ch) ? ch : `_${id.charCodeAt(i).toString(16).padStart(4, '0')}`;
  }
  return s.length <= 40 ? s : null;
}

/** The paragraph id in a bookmark name made by {@link idBookmarkName}, or null for other bookmarks. */
export function idFromBookmarkName(name: string): string | null {
  if (!name.startsWith(ID_BOOKMARK_PREFIX) || name.length === ID_BOOKMARK_PREFIX.length) return null;
  const body = name.slice(ID_BOOKMARK_PREFIX.length);
  if (!/^(?:[A-Za-z0-9]|_[0-9a-f]{4})+$/.test(body)) return null;
  return body.replace(/_([0-9a-f]{4})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

/** A bookmark number from the id (FNV-1a, 31 bits): stable, so exports stay byte-for-byte repeatable. */
function bookmarkNumber(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 1) + 1;
}

/** The bookmark start and end elements around a paragraph's content for paragraph `id`. */
export function idBookmark(id: string): { start: ParagraphChild[]; end: ParagraphChild[] } {
  const name = id ? idBookmarkName(id) : null;
  if (!name) return { start: [], end: [] };
  const n = bookmarkNumber(name);
  const el = (tag: string, attributes: Record<string, { key: string; value: string | number }>) => new BuilderElement({ name: tag, attributes }) as unknown as ParagraphChild;
  return {
    start: [el('w:bookmarkStart', { id: { key: 'w:id', value: n }, name: { key: 'w:name', value: name } })],
    end: [el('w:bookmarkEnd', { id: { key: 'w:id', value: n } })],
  };
}
