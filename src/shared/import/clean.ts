/**
 * First steps of the text importer: refusing what is not text, normalising line ends, and taking
 * the page furniture and footnote blocks out of the raw text layer of an official PDF.
 *
 * The raw text layer (corpus/README.md) repeats on every page a running head and foot: the
 * symbol ("A/RES/79/200"), the short title (one or more lines), the job number ("24-24303") and
 * the page ("2/4"), and page 1 carries the job number with its language letter ("24-24303 (E)"),
 * the barcode text ("*2424303*") and "Please recycle". Footnotes follow a rule of underscores at
 * the foot of the page, in the middle of a paragraph that goes on on the next page.
 *
 * Both are replaced by a PAGE marker line, so the paragraph splitter knows a page break stood
 * there (and may rejoin the paragraph it interrupted); the footnotes are returned as notes.
 */
import { PlenaryError } from '../errors.js';

/** Marker line standing where page furniture or a footnote block was taken out. */
export const PAGE = '\uE00F';

/** Larger inputs are refused: the longest resolutions with annexes are well under 1 MB of text. */
export const MAX_INPUT_CHARS = 10_000_000;

/** A footnote's text as found in the source, with its printed mark ("1", "*", "26"). */
export interface RawNote {
  mark: string;
  /** Text of the note; may carry inline sentinels (see inline.ts). */
  text: string;
}

/** Control characters (other than tab, line ends, form feed) and the replacement character. */
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const RE_BINARY = /[\x01-\x08\x0E-\x1F\x7F\uFFFD]/g;

/** How a file is named in messages: its base name in quotes, or "The pasted text". */
export function describeSource(fileName?: string): string {
  if (!fileName) return 'The pasted text';
  const base = fileName.split(/[\\/]/).pop() || fileName;
  return `“${base}”`;
}

/**
 * Throws PlenaryError('CORRUPT') naming the file when `text` cannot be a resolution: empty or
 * blank, larger than {@link MAX_INPUT_CHARS}, or binary (a NUL character, or more than 2 % of
 * control characters and replacement characters in its first 64 K characters).
 */
export function assertReadableText(text: string, fileName?: string): void {
  const who = describeSource(fileName);
  if (typeof text !== 'string' || !/\S/.test(text)) {
    throw new PlenaryError('CORRUPT', `${who} is empty: there is no text to read as a resolution.`, { msg: { code: 'import.emptyText', values: { source: who } } });
  }
  if (text.length > MAX_INPUT_CHARS) {
    const mb = (text.length / 1_000_000).toFixed(0);
    throw new PlenaryError(
      'CORRUPT',
      `${who} is too large to be a resolution (${mb} million characters; the limit is ${MAX_INPUT_CHARS / 1_000_000} million). Nothing was imported.`, { msg: { code: 'import.textTooLarge', values: { source: who, millions: mb, limit: MAX_INPUT_CHARS / 1_000_000 } } },
    );
  }
  if (text.includes('\0')) {
    throw new PlenaryError('CORRUPT', `${who} is not a text file (it contains binary data), so it cannot be read as a resolution.`, { msg: { code: 'import.binaryText', values: { source: who } } });
  }
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  const bad = sample.match(RE_BINARY)?.length ?? 0;
  if (bad > sample.length * 0.02) {
    throw new PlenaryError('CORRUPT', `${who} does not look like text (it is mostly binary data), so it cannot be read as a resolution.`, { msg: { code: 'import.mostlyBinary', values: { source: who } } });
  }
}

const RE_SENTINELS = /[\uE000-\uE00F]/g;
const RE_NEWLINES = /\r\n?/g;

/**
 * Splits text into lines: line ends unified, a byte-order mark and any private-use characters
 * the importer uses as markers removed, tabs turned into spaces, trailing spaces removed; a form
 * feed (page break in pdftotext output) becomes a PAGE line. Raw empty lines ("" with no spaces,
 * which in the UN text layer stand at page boundaries) and blank lines both become "".
 */
export function toLines(text: string): string[] {
  let t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  t = t.replace(RE_NEWLINES, '\n').replace(RE_SENTINELS, '');
  const raw = t.split('\n');
  const out: string[] = [];
  for (const line of raw) {
    if (line.includes('\f')) {
      const parts = line.split('\f');
      parts.forEach((p, k) => {
        if (k > 0) out.push(PAGE);
        out.push(cleanLine(p));
      });
    } else out.push(cleanLine(line));
  }
  return out;
}

function cleanLine(s: string): string {
  let l = s.includes('\t') ? s.replace(/\t/g, ' ') : s;
  l = l.trimEnd();
  // A line of only spaces is blank; keep leading spaces out of the way as well.
  return l.trimStart();
}

// ---------------------------------------------------------------------------------------------
// Page furniture

const RE_JOB = /^\d{2}-\d{5}\*?(?:\s*\([A-Z]\))?(?:\s+\d{6})?\*?$/;
const RE_BARCODE = /^\*\d{7,8}\*$/;
const RE_PAGE_NUM = /^(?:Page\s+)?\d{1,3}(?:\s*\/\s*\d{1,3})?$/i;
const RE_RECYCLE = /^Please recycle\b/i;

/** A title for comparison: single spaces, trimmed. */
function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Compact form of a symbol for comparison (no spaces, no reissue star). */
function symKey(s: string): string {
  return s.replace(/[\s*]/g, '');
}

type Furniture = 'S' | 'J' | 'B' | 'N' | null;

function furnitureKind(line: string, symbol: string): Furniture {
  if (line === '' || line === PAGE) return null;
  if (line.length <= 40) {
    if (RE_JOB.test(line)) return 'J';
    if (RE_BARCODE.test(line) || RE_RECYCLE.test(line)) return 'B';
    if (symbol && symKey(line) === symbol) return 'S';
    if (RE_PAGE_NUM.test(line)) return 'N';
  }
  return null;
}

/**
 * Removes running heads and feet from `lines` from index `from` on (the masthead before it is
 * left alone: the parser reads it), replacing each page's furniture with one PAGE line.
 * `symbol` is the document symbol when known ("" otherwise); `titleLines` are the lines of the
 * title, used as the short title when no page shows it between symbol and job number.
 * Returns the new lines and the short-title lines found.
 */
export function removePageFurniture(
  lines: readonly string[],
  from: number,
  symbol: string,
  titleLines: readonly string[],
): { lines: string[]; shortTitle: string[] } {
  const n = lines.length;
  const sym = symbol ? symKey(symbol) : '';
  const kind: Furniture[] = new Array<Furniture>(n).fill(null);
  const remove = new Uint8Array(n);
  for (let i = from; i < n; i++) kind[i] = furnitureKind(lines[i]!, sym);
  // Page numbers count only next to a symbol, job number or barcode.
  const strong = (k: Furniture): boolean => k === 'S' || k === 'J' || k === 'B';
  for (let i = from; i < n; i++) {
    if (kind[i] === 'N') {
      let near = false;
      for (let j = Math.max(from, i - 4); j <= Math.min(n - 1, i + 4) && !near; j++) near = strong(kind[j]!);
      if (!near) kind[i] = null;
    }
    if (kind[i] !== null) remove[i] = 1;
  }
  // Learn the short title: the lines right after a symbol line, up to a blank line, when the
  // job number or page number follows (even pages: symbol, title, blank, job number, page).
  const titles = new Set<string>();
  const shortTitle: string[] = [];
  for (let i = from; i < n; i++) {
    if (kind[i] !== 'S') continue;
    let j = i + 1;
    const run: string[] = [];
    while (j < n && lines[j] !== '' && lines[j] !== PAGE && kind[j] === null && run.length < 8) run.push(lines[j++]!);
    let k = j;
    while (k < n && k < j + 3 && (lines[k] === '' || lines[k] === PAGE)) k++;
    if (run.length > 0 && k < n && kind[k] !== null && kind[k] !== 'S') {
      const t = squash(run.join(' '));
      if (!titles.has(t)) {
        titles.add(t);
        if (shortTitle.length === 0) shortTitle.push(...run);
      }
    }
  }
  if (titleLines.length > 0) titles.add(squash(titleLines.join(' ')));
  if (titles.size > 0) {
    // Remove the title lines touching a symbol line, before it (odd pages) or after it (even
    // pages), however the title was wrapped on that page.
    for (let i = from; i < n; i++) {
      if (!remove[i] || kind[i] !== 'S') continue;
      for (const dir of [-1, 1]) {
        let acc = '';
        let best = 0;
        for (let k = 1; k <= 8; k++) {
          const j = i + dir * k;
          if (j < from || j >= n || lines[j] === '' || lines[j] === PAGE || remove[j]) break;
          acc = dir < 0 ? squash(lines[j] + ' ' + acc) : squash(acc + ' ' + lines[j]);
          if (titles.has(acc)) best = k;
        }
        for (let x = 1; x <= best; x++) remove[i + dir * x] = 1;
      }
    }
  }
  // Rebuild: each maximal run of removed lines, with the blank lines around and between them,
  // becomes one PAGE line.
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i < from || !remove[i]) {
      out.push(lines[i]!);
      continue;
    }
    while (out.length > 0 && (out[out.length - 1] === '' || out[out.length - 1] === PAGE) && out.length > from) out.pop();
    out.push(PAGE);
    let j = i + 1;
    for (;;) {
      while (j < n && (lines[j] === '' || lines[j] === PAGE)) j++;
      if (j < n && remove[j]) {
        j++;
        continue;
      }
      // Blank lines directly before another removed line were skipped; stop here.
      break;
    }
    i = j - 1;
  }
  return { lines: out, shortTitle };
}

// ---------------------------------------------------------------------------------------------
// Footnote blocks

const RE_RULE = /^_{5,}$/;
const RE_NOTE_START = /^(\d{1,3}\/?|\*{1,3})\s+(\S.*)$/;

/** Value of a numeric note mark ("12" or "12/"), or -1. */
function markValue(mark: string): number {
  const m = /^(\d+)\/?$/.exec(mark);
  return m ? Number(m[1]) : -1;
}

/**
 * Takes the footnote blocks out of `lines`: each block starts at a rule of underscores and runs to
 * the next PAGE line (or, without one, as long as it keeps the shape of notes: a mark at the start
 * of a line after a blank line). Notes are "N text" (also "N/ text", "* text"); the lines of one
 * note are joined. Each block is replaced by a PAGE line. Also takes out, before a PAGE line,
 * notes of the old Security Council style "1/ S/1994/262." that stand without a rule.
 */
export function extractFootnoteBlocks(lines: readonly string[], from: number): { lines: string[]; notes: RawNote[] } {
  const out: string[] = [];
  const notes: RawNote[] = [];
  let last = 0;
  const n = lines.length;
  for (let i = 0; i < n; i++) {
    const line = lines[i]!;
    if (i < from || !RE_RULE.test(line)) {
      out.push(line);
      continue;
    }
    // Find where the block ends: the next PAGE line, if the block keeps the shape of notes.
    let pageAt = -1;
    for (let j = i + 1; j < n && j < i + 400; j++) {
      if (lines[j] === PAGE) {
        pageAt = j;
        break;
      }
      if (RE_RULE.test(lines[j]!)) break;
    }
    // Notes separated by blank lines (the UN layout): then a mark counts only after a blank
    // line, so a wrapped line "3 – 14 June 1992" is not taken for note 3.
    let blankStyle = false;
    const limit = pageAt > 0 ? pageAt : Math.min(n, i + 400);
    for (let j = i + 2; j < limit - 1 && !blankStyle; j++) {
      if (lines[j] === '' && lines[j - 1] !== '' && lines[j + 1] !== '' && RE_NOTE_START.test(lines[j + 1]!)) blankStyle = true;
    }
    let cur: RawNote | null = null;
    let blankSeen = true;
    let j = i + 1;
    for (; j < n; j++) {
      const l = lines[j]!;
      if (l === PAGE) break;
      if (pageAt < 0 && RE_RULE.test(l)) break;
      if (l === '') {
        blankSeen = true;
        continue;
      }
      const m = RE_NOTE_START.exec(l);
      const v = m ? markValue(m[1]!) : -1;
      const plausible = m !== null && (v < 0 || last === 0 || (v > last && v <= last + 5));
      const startOk = plausible && (cur === null || blankSeen || !blankStyle);
      if (startOk) {
        cur = { mark: m![1]!.replace('/', ''), text: m![2]! };
        notes.push(cur);
        if (v > 0) last = v;
      } else if (cur && (!blankSeen || pageAt > 0)) {
        cur.text = joinNoteLine(cur.text, l);
      } else if (pageAt < 0) {
        break;
      } else {
        // Text before any note inside a block: keep it as a note without a mark.
        cur = { mark: '', text: l };
        notes.push(cur);
      }
      blankSeen = false;
    }
    const end = j;
    while (out.length > from && out[out.length - 1] === '') out.pop();
    out.push(PAGE);
    i = end - (end < n && lines[end] === PAGE ? 0 : 1);
  }
  return { lines: stripSlashNotes(out, notes, from), notes };
}

const RE_SLASH_NOTE = /^(\d{1,3})\/\s+(\S.*)$/;

/** Old Security Council notes "1/ S/1994/262." standing at the foot of a page without a rule. */
function stripSlashNotes(lines: string[], notes: RawNote[], from: number): string[] {
  let has = false;
  for (let i = from; i < lines.length && !has; i++) has = RE_SLASH_NOTE.test(lines[i]!);
  if (!has) return lines;
  const remove = new Uint8Array(lines.length);
  const found: { at: number; note: RawNote }[] = [];
  for (let i = from; i < lines.length; i++) {
    if (lines[i] !== PAGE && i !== lines.length - 1) continue;
    // Walk back over paragraphs that are slash notes.
    let j = lines[i] === PAGE ? i - 1 : i;
    for (;;) {
      while (j >= from && lines[j] === '') j--;
      let k = j;
      while (k >= from && lines[k] !== '' && lines[k] !== PAGE) k--;
      const first = k + 1;
      if (first > j || !RE_SLASH_NOTE.test(lines[first]!)) break;
      // One note per line that starts with a mark; other lines continue the note above.
      let cur: RawNote | null = null;
      for (let x = first; x <= j; x++) {
        const m = RE_SLASH_NOTE.exec(lines[x]!);
        if (m) {
          cur = { mark: m[1]!, text: m[2]! };
          found.push({ at: x, note: cur });
        } else if (cur) cur.text = joinNoteLine(cur.text, lines[x]!);
        remove[x] = 1;
      }
      j = k;
    }
  }
  found.sort((a, b) => a.at - b.at);
  for (const f of found) notes.push(f.note);
  notes.sort((a, b) => {
    const va = markValue(a.mark);
    const vb = markValue(b.mark);
    return va < 0 || vb < 0 ? 0 : va - vb;
  });
  return lines.filter((_, i) => !remove[i]);
}

/** Joins the next line of a note: hyphenated line ends keep their hyphen (notes are short). */
function joinNoteLine(a: string, b: string): string {
  if (a.endsWith('-') || a.endsWith('/')) return a + b;
  return a + ' ' + b;
}

const RE_STAR_NOTE = /^(\*{1,3})\s+(\S.*)$/;

/**
 * Takes out the "*" notes that stand at the foot of a page without a rule: the text layer of a
 * draft often drops the short rule when the only note on the page is the sponsor line's "*"
 * ("* Any changes to the list of sponsors …", "** In order for the General Assembly to take
 * action …"). A paragraph counts as such a note only when it opens with a run of one to three
 * stars that the text cites as a mark (a word directly followed by that many stars, as in
 * "Uzbekistan:*" or "draft decision**") and only other such notes stand between it and the next
 * PAGE line or the end of the text. `citing` are the lines searched for the marks (by default
 * `lines`; the whole text when `lines` is only the body). Lines of one note are joined; notes
 * keep their order.
 */
export function takePageFootStarNotes(lines: readonly string[], from: number, citing: readonly string[] = lines): { lines: string[]; notes: RawNote[] } {
  const cited = new Set<string>();
  // Only lines with a star can cite a star note (most have none: skip the match there).
  for (const l of citing) if (l.includes('*')) for (const m of l.matchAll(/[^\s*](\*{1,3})(?!\*)/g)) cited.add(m[1]!);
  if (cited.size === 0) return { lines: [...lines], notes: [] };
  const remove = new Uint8Array(lines.length);
  const found: { at: number; note: RawNote }[] = [];
  for (let i = from; i <= lines.length; i++) {
    if (i < lines.length && lines[i] !== PAGE) continue;
    // Walk back over the paragraphs before this page break while each is a cited star note.
    let j = i - 1;
    for (;;) {
      while (j >= from && lines[j] === '') j--;
      let k = j;
      while (k >= from && lines[k] !== '' && lines[k] !== PAGE) k--;
      const first = k + 1;
      const m = first <= j ? RE_STAR_NOTE.exec(lines[first]!) : null;
      if (!m || !cited.has(m[1]!)) break;
      // A wrapped note's next lines never open with a star; a line that does starts a new note.
      if (lines.slice(first + 1, j + 1).some((l) => RE_STAR_NOTE.test(l))) break;
      const note: RawNote = { mark: m[1]!, text: m[2]! };
      for (let x = first + 1; x <= j; x++) note.text = joinNoteLine(note.text, lines[x]!);
      for (let x = first; x <= j; x++) remove[x] = 1;
      found.push({ at: first, note });
      j = k;
    }
  }
  found.sort((a, b) => a.at - b.at);
  return { lines: lines.filter((_, i) => !remove[i]), notes: found.map((f) => f.note) };
}
