/**
 * A small, stable, non-cryptographic hash for provenance: enough to tell whether a paragraph's
 * text still equals the text it was taken from. Same result in Node and the browser.
 */

/** 64-bit FNV-1a over the UTF-16 code units of `text`, as 16 hex digits. */
export function textHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ (c + i), 0x01000193) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
