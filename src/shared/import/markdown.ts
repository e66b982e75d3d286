/**
 * Markdown to importer lines. Two kinds of markdown reach the importer: markdown converted from a
 * UN PDF (A_RES_75_202.fr.md: italics as `*Rappelant*`, footnote marks `<sup>1</sup>`, document
 * links `[74/197](#)`, footnote lines `<sup>1</sup> Résolution 70/1.` standing where the page
 * broke, in the middle of a paragraph) and markdown typed by hand (headings, `**bold**`,
 * `[^1]` footnotes, bullet lists).
 *
 * The result has the shape of the text importer's lines: one string per line, "" between
 * paragraphs, a PAGE line where footnotes or a thematic break interrupted the text, and inline
 * marks as sentinels (inline.ts). Footnote definitions are returned as notes.
 */
import { PAGE, type RawNote, toLines } from './clean.js';
import { EM_CLOSE, EM_OPEN, fnRef, LINK_CLOSE, LINK_MID, LINK_OPEN, plain } from './inline.js';
import { readCellLineBlock, readPipeBlock, tableLine } from './tables.js';

// The text after white space starts with a non-space (or is empty), so \s* and the rest cannot
// trade characters (which backtracks polynomially on a long run of spaces).
// Lettered marks ("<sup>a</sup>") are notes that nothing in the text references.
const RE_SUP_NOTE_DEF = /^<sup>\s*(\d{1,3}|\*{1,3}|[a-z]{1,2})\s*<\/sup>\s*((?:\S.*)?)$/i;
const RE_MD_NOTE_DEF = /^\[\^([^\]\s]{1,20})\]:\s*((?:\S.*)?)$/;
const RE_CARET_NOTE_DEF = /^\^(\d{1,3})\s+((?:\S.*)?)$/;
/** "\\* Any changes to the list of sponsors…": a star note as the PDF importer writes it. */
const RE_STAR_NOTE_DEF = /^((?:\\\*){1,3})\s+(\S.*)$/;
const RE_THEMATIC = /^(?:-\s*){3,}$|^(?:\*\s*){3,}$|^(?:_\s*){3,}$/;
const RE_HEADING = /^#{1,6}\s+/;
const RE_HEADING_CLOSE = /(?<!\s)\s+#+\s*$/;
const RE_BULLET = /^[-+*]\s+(?=\S)/;
const RE_QUOTE = /^>\s?/;
const RE_SETEXT = /^(?:=+|-+)$/;

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—',
  laquo: '«', raquo: '»', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', hellip: '…', shy: '',
};

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp < 0x110000 && !(cp >= 0xe000 && cp <= 0xe00f) ? String.fromCodePoint(cp) : '';
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\uE008', '*': '\uE009', _: '\uE00A', '[': '\uE00B', ']': '\uE00C', '<': '\uE00D', '`': '\uE00E' };
const UNESCAPE: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(ESCAPES).map(([k, v]) => [v, k]));

/**
 * Converts the inline markdown of one block (lines joined with "\n") into plain text with
 * sentinels: `<sup>n</sup>` and `[^n]` become footnote references (other `<sup>` text, as in
 * "48<sup>e</sup>", stays as text); `[text](url)` keeps its text, and becomes a link unless the
 * URL is empty or a "#" anchor; `**bold**` loses its marks; `*em*` and `_em_` become emphasis;
 * other HTML tags are dropped and entities decoded; backslash escapes are honoured.
 */
export function convertInline(block: string): string {
  let s = block.replace(/\\([\\*_[\]<`])/g, (_m, c: string) => ESCAPES[c] ?? c);
  // Footnote references.
  s = s.replace(/(?<!\s)\s*<sup>\s*(\d{1,3}|\*{1,3})\s*<\/sup>/gi, (_m, mark: string) => fnRef(mark));
  s = s.replace(/<sup>([^<]{0,20})<\/sup>/gi, '$1');
  s = s.replace(/\[\^([^\]\s]{1,20})\]/g, (_m, mark: string) => fnRef(mark));
  // Images, then links.
  s = s.replace(/!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)/g, '');
  s = s.replace(/\[([^\]\n]{0,500})\]\(([^)\s]{0,2000})(?:\s+"[^"\n]{0,200}")?\)/g, (_m, text: string, url: string) =>
    url === '' || url.startsWith('#') ? text : LINK_OPEN + url + LINK_MID + text + LINK_CLOSE,
  );
  s = s.replace(/<br\s*\/?>/gi, ' ');
  s = s.replace(/<\/?[a-z][a-z0-9]{0,10}(?:\s[^<>\n]{0,500})?\/?>/gi, '');
  s = decodeEntities(s);
  // Bold, then emphasis.
  s = s.replace(/\*\*(?=\S)([^*]{1,5000})\*\*/g, '$1');
  s = s.replace(/(^|[^\p{L}\p{N}])__(?=\S)([^_]{1,5000})__(?![\p{L}\p{N}])/gu, '$1$2');
  s = s.replace(/\*(?=[^\s*])([^*]{1,5000})\*/g, EM_OPEN + '$1' + EM_CLOSE);
  s = s.replace(/(^|[^\p{L}\p{N}_])_(?=[^\s_])([^_]{1,5000})_(?![\p{L}\p{N}])/gu, '$1' + EM_OPEN + '$2' + EM_CLOSE);
  s = s.replace(/`([^`\n]{1,500})`/g, '$1');
  return s.replace(/[\uE008-\uE00E]/g, (c) => UNESCAPE[c] ?? c);
}

/**
 * Reads markdown into importer lines and notes (see the module comment). Headings lose their
 * `#`, list bullets and quote marks their marker; a footnote definition (`<sup>n</sup> text`,
 * `[^n]: text`, `^n text`) becomes a note and leaves a PAGE line in the text.
 */
export function markdownToLines(text: string): { lines: string[]; notes: RawNote[] } {
  const src = toLines(text);
  const lines: string[] = [];
  const notes: RawNote[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const l = src[i]!;
    if (l === '' || l === PAGE) {
      lines.push(l);
      i++;
      continue;
    }
    // One block: consecutive non-blank lines.
    let j = i;
    const block: string[] = [];
    while (j < n && src[j] !== '' && src[j] !== PAGE) block.push(src[j++]!);
    i = j;
    // A pipe table (tables.ts) is one line for the parser; its cells are plain text.
    // A block of short lines, one cell each, is a text layer's table (as the text export writes it back).
    const table = block.some((b) => b.includes('|')) ? readPipeBlock(block) : readCellLineBlock(block);
    if (table) {
      lines.push(tableLine({ header: table.header, rows: table.rows.map((r) => r.map((c) => plain(convertInline(c)).replace(/\s+/g, ' ').trim())) }));
      lines.push('');
      continue;
    }
    // A block may hold several footnote definitions, one per line.
    let k = 0;
    while (k < block.length) {
      const line = block[k]!;
      const def = RE_SUP_NOTE_DEF.exec(line) ?? RE_MD_NOTE_DEF.exec(line) ?? RE_CARET_NOTE_DEF.exec(line) ?? RE_STAR_NOTE_DEF.exec(line);
      if (def) {
        let body = def[2]!;
        k++;
        while (k < block.length && !isNoteDef(block[k]!)) body += '\n' + block[k++]!;
        notes.push({ mark: def[1]!.replace(/\\/g, ''), text: convertInline(body).replace(/\n/g, ' ').trim() });
        if (lines[lines.length - 1] !== PAGE) lines.push(PAGE);
        continue;
      }
      if (/^_{5,}$/.test(line)) {
        // A footnote rule of a PDF's text pasted into markdown: the text importer takes the block out.
        lines.push(line);
        k++;
        continue;
      }
      if (RE_THEMATIC.test(line)) {
        if (lines[lines.length - 1] !== PAGE) lines.push(PAGE);
        k++;
        continue;
      }
      // The rest of the block up to the next footnote definition or rule.
      const part: string[] = [];
      while (k < block.length && !isNoteDef(block[k]!) && !RE_THEMATIC.test(block[k]!) && !/^_{5,}$/.test(block[k]!)) {
        let t = block[k++]!;
        if (RE_SETEXT.test(t) && part.length > 0) continue;
        t = t.replace(RE_QUOTE, '');
        if (RE_HEADING.test(t)) t = t.replace(RE_HEADING, '').replace(RE_HEADING_CLOSE, '');
        t = t.replace(RE_BULLET, '');
        part.push(t);
      }
      if (part.length > 0) {
        for (const out of convertInline(part.join('\n')).split('\n')) lines.push(out.trim());
        lines.push('');
      }
    }
  }
  return { lines, notes };
}

function isNoteDef(line: string): boolean {
  return RE_SUP_NOTE_DEF.test(line) || RE_MD_NOTE_DEF.test(line) || RE_CARET_NOTE_DEF.test(line) || RE_STAR_NOTE_DEF.test(line);
}

/** True if the text looks like markdown (headings, `<sup>` marks, `*italic*` openings, `[x](y)` links). */
export function looksLikeMarkdown(text: string): boolean {
  const sample = text.slice(0, 20000);
  let score = 0;
  if (/^#{1,6}\s+\S/m.test(sample)) score += 2;
  if (/<sup>\s*\d{1,3}\s*<\/sup>/i.test(sample)) score += 2;
  if (/^\*\p{L}[^*\n]{0,80}\*[ ,]/mu.test(sample)) score += 2;
  if (/\[[^\]\n]{1,80}\]\([^)\s]{0,200}\)/.test(sample)) score += 1;
  if (/\*\*[^*\n]{1,200}\*\*/.test(sample)) score += 1;
  if (/\[\^[^\]\s]{1,20}\]/.test(sample)) score += 2;
  return score >= 2;
}
