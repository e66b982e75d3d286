/**
 * Stable identifiers for paragraphs, footnotes and annexes.
 *
 * Ids are random, short and URL/XML-safe (they become AKN wIds), so they survive moves,
 * undo and copying between documents; a pasted copy is given fresh ids by the editor.
 */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A new random id with the given one-letter prefix ("p" paragraph, "f" footnote, "x" annex). */
export function newId(prefix = 'p'): string {
  const bytes = new Uint8Array(10);
  globalThis.crypto.getRandomValues(bytes);
  let s = prefix;
  for (const b of bytes) s += ALPHABET[b % ALPHABET.length];
  return s;
}
