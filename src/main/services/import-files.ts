/**
 * Reading the files delegates actually have — text, markdown, HTML, Word (.docx) and PDF — into
 * text for the resolution parser (src/shared/import/text.ts, `parseResolutionText`).
 *
 * The type is decided from the bytes first (PDF and ZIP signatures, HTML tags near the start),
 * then from the extension. Text is decoded as UTF-8 (with or without BOM), UTF-16 with a BOM, or
 * windows-1252 when it is not valid UTF-8. Word files go through mammoth to HTML and then to
 * markdown, after a look at the ZIP directory refuses zip bombs; PDFs through pdf.js, whose
 * positioned text src/shared/import/pdf-layout.ts rebuilds into lines and paragraphs. Sizes are
 * checked before anything large is read or inflated. Every failure is a PlenaryError whose
 * message names the file and says what is wrong; nothing a damaged file does escapes as an
 * unexpected exception. Callers go through import-isolated.ts, which runs this in a worker.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Stats } from 'node:fs';
import type * as MammothModule from 'mammoth';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PlenaryError } from '../../shared/errors.js';
import { htmlToMarkdown } from '../../shared/import/html.js';
import { looksLikeMarkdown } from '../../shared/import/markdown.js';
import { buildRows, layoutPdf, letterCount, pdfItemFrom, type PageRows, type PdfItem } from '../../shared/import/pdf-layout.js';
import { looksHardWrapped } from '../../shared/import/wrapped.js';
import { checkZip } from '../../shared/import/zip-guard.js';

/** Largest file accepted for import. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/**
 * Largest text, markdown or HTML file: the parser takes at most 10 million characters, which no
 * encoding spells in more than 40 MB of text (HTML's markup gets some room on top). Checked before
 * the file is read, so a huge file costs nothing.
 */
export const MAX_TEXT_BYTES = 48 * 1024 * 1024;

/** Most pages read from a PDF (the longest resolutions with annexes run to a few hundred). */
export const MAX_PDF_PAGES = 2000;

/** What kind of file the text came from. */
export type ImportKind = 'txt' | 'md' | 'html' | 'docx' | 'pdf';

/** A file read for the parser: give `text` and `format` to `parseResolutionText`. */
export interface ImportedText {
  /** Base name of the file, for messages and the library. */
  fileName: string;
  /** How the parser should read `text`: raw text layer, or markdown with *italics* and <sup> marks. */
  format: 'text' | 'markdown';
  text: string;
  /** sha256 of the file's bytes, lower-case hex. */
  hash: string;
  kind: ImportKind;
  /** What could not be read although the rest was (e.g. damaged PDF pages), for the user; absent when all went well. */
  warnings?: string[];
}

/**
 * Reads a file from disk for import. PlenaryError NOT_FOUND when it does not exist, BAD_INPUT
 * when it is a folder, too large or not a document, CORRUPT when it is damaged, IO when the disk
 * refuses.
 */
export async function readResolutionFile(file: string): Promise<ImportedText> {
  const name = path.basename(file);
  let st: Stats;
  try {
    st = await fs.stat(file);
  } catch (e) {
    throw fsError(e, name);
  }
  if (st.isDirectory()) throw new PlenaryError('BAD_INPUT', `${name} is a folder, not a file.`, { msg: { code: 'file.isFolder', values: { name } } });
  if (!st.isFile()) throw new PlenaryError('BAD_INPUT', `${name} is not a regular file.`, { msg: { code: 'file.notRegular', values: { name } } });
  if (st.size > MAX_IMPORT_BYTES) throw tooLarge(name, st.size);
  if (st.size > MAX_TEXT_BYTES && !isContainer(await readHead(file, name))) throw tooLarge(name, st.size, MAX_TEXT_BYTES, 'text');
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch (e) {
    throw fsError(e, name);
  }
  return readResolutionBuffer(name, data);
}

/** The first kilobyte of a file, enough to tell a PDF or ZIP from text. */
async function readHead(file: string, name: string): Promise<Uint8Array> {
  let fh: fs.FileHandle | undefined;
  try {
    fh = await fs.open(file, 'r');
    const buf = new Uint8Array(1024);
    const { bytesRead } = await fh.read(buf, 0, buf.byteLength, 0);
    return buf.subarray(0, bytesRead);
  } catch (e) {
    throw fsError(e, name);
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/** A PDF or ZIP (Word) signature at the start: such files may be larger than text files. */
function isContainer(head: Uint8Array): boolean {
  return indexOfAscii(head, '%PDF-', 0, 1024) >= 0 || startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]);
}

/**
 * Reads a file's bytes (as dropped on the window or uploaded in browser mode) for import.
 * `name` is the file name, used for the extension and in messages. Never throws anything but a
 * PlenaryError (BAD_INPUT or CORRUPT) with a message fit for the user.
 */
export async function readResolutionBuffer(name: string, data: Uint8Array): Promise<ImportedText> {
  const fileName = path.basename(name || 'file');
  if (data.byteLength > MAX_IMPORT_BYTES) throw tooLarge(fileName, data.byteLength);
  const hash = createHash('sha256').update(data).digest('hex');
  if (data.byteLength === 0) throw new PlenaryError('BAD_INPUT', `${fileName} is empty: there is nothing to import.`, { msg: { code: 'import.empty', values: { name: fileName } } });
  try {
    const kind = detectKind(fileName, data);
    if ((kind === 'txt' || kind === 'md' || kind === 'html') && data.byteLength > MAX_TEXT_BYTES) throw tooLarge(fileName, data.byteLength, MAX_TEXT_BYTES, 'text');
    let text: string;
    let format: ImportedText['format'] = kind === 'txt' ? 'text' : 'markdown';
    const warnings: string[] = [];
    switch (kind) {
      case 'pdf':
        text = await pdfToMarkdown(fileName, data, warnings);
        break;
      case 'docx': {
        const read = await docxToMarkdown(fileName, data);
        text = read.text;
        format = read.format;
        break;
      }
      case 'html':
        text = htmlToMarkdown(decodeText(data));
        if (!/\S/.test(text)) throw new PlenaryError('BAD_INPUT', `${fileName} is a web page with no text in it.`, { msg: { code: 'import.emptyPage', values: { name: fileName } } });
        break;
      default:
        text = decodeText(data);
        if (!/\S/.test(text)) throw new PlenaryError('BAD_INPUT', `${fileName} holds only blank space: there is nothing to import.`, { msg: { code: 'import.blank', values: { name: fileName } } });
        // Plenary's own text export marks italics (*Recalling*) and notes ([^1]) the markdown way
        // and names the file .txt: read by content, as parseResolutionText does without a format.
        // UN plain text never scores as markdown (none of the corpus's 1,607 .txt files does).
        if (kind === 'txt' && looksLikeMarkdown(text)) format = 'markdown';
    }
    const out: ImportedText = { fileName, format, text, hash, kind };
    if (warnings.length) out.warnings = warnings;
    return out;
  } catch (e) {
    if (e instanceof PlenaryError) throw e;
    // Anything else is an exotic failure of a library on a damaged file: say so, keep the cause.
    throw new PlenaryError('CORRUPT', `${fileName} could not be read; the file may be damaged (${errorText(e)}).`, { cause: e, msg: { code: 'import.unreadable', values: { name: fileName, detail: errorText(e) } } });
  }
}

// ---------------------------------------------------------------------------------------------
// Detection and decoding

const TEXT_EXT = new Set(['.txt', '.text', '.md', '.markdown', '.mdown', '.mkd']);
const HTML_EXT = new Set(['.html', '.htm', '.xhtml', '.xht']);
const WORD_EXT = new Set(['.docx', '.docm', '.dotx', '.dotm']);

function startsWith(data: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (data.byteLength < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (data[at + i] !== sig[i]) return false;
  return true;
}

/** Index of an ASCII string in the bytes, or -1. */
function indexOfAscii(data: Uint8Array, s: string, from = 0, to = data.byteLength): number {
  const first = s.charCodeAt(0);
  const end = Math.min(to, data.byteLength) - s.length;
  outer: for (let i = from; i <= end; i++) {
    if (data[i] !== first) continue;
    for (let k = 1; k < s.length; k++) if (data[i + k] !== s.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/** Signatures of common files that are not documents, for a clearer refusal. */
const BINARY_KINDS: readonly { sig: readonly number[]; what: string }[] = [
  { sig: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { sig: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { sig: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { sig: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image' },
  { sig: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image' },
  { sig: [0x1f, 0x8b], what: 'a compressed (gzip) archive' },
  { sig: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { sig: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { sig: [0x7f, 0x45, 0x4c, 0x46], what: 'a program' },
  { sig: [0x4d, 0x5a], what: 'a program' },
];

/**
 * The kind of a file, from its bytes first and its extension second. Throws BAD_INPUT for
 * files that are not documents (images, archives, old .doc, spreadsheets) and CORRUPT for a
 * file named .docx that is not a ZIP.
 */
export function detectKind(fileName: string, data: Uint8Array): ImportKind {
  const ext = path.extname(fileName).toLowerCase();
  // PDF: "%PDF-" may be preceded by junk, which readers accept within the first kilobyte.
  if (indexOfAscii(data, '%PDF-', 0, 1024) >= 0) return 'pdf';
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04]) || startsWith(data, [0x50, 0x4b, 0x05, 0x06])) {
    if (indexOfAscii(data, 'word/document.xml') >= 0 || WORD_EXT.has(ext)) return 'docx';
    if (indexOfAscii(data, 'application/vnd.oasis.opendocument.text', 0, 200) >= 0) {
      throw new PlenaryError('BAD_INPUT', `${fileName} is an OpenDocument text (.odt). Save it as a Word document (.docx) and import that.`, { msg: { code: 'import.odt', values: { name: fileName } } });
    }
    if (indexOfAscii(data, 'xl/workbook.xml') >= 0) throw new PlenaryError('BAD_INPUT', `${fileName} is a spreadsheet, not a resolution.`, { msg: { code: 'import.spreadsheet', values: { name: fileName } } });
    if (indexOfAscii(data, 'ppt/presentation.xml') >= 0) throw new PlenaryError('BAD_INPUT', `${fileName} is a presentation, not a resolution.`, { msg: { code: 'import.presentation', values: { name: fileName } } });
    throw new PlenaryError('BAD_INPUT', `${fileName} is a ZIP archive, not a document. Unpack it and import the resolution inside.`, { msg: { code: 'import.zip', values: { name: fileName } } });
  }
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new PlenaryError(
      'BAD_INPUT',
      `${fileName} is in the old Word format (.doc). Open it in Word, save it as a Word document (.docx) and import that.`, { msg: { code: 'import.doc', values: { name: fileName } } },
    );
  }
  if (WORD_EXT.has(ext)) {
    throw new PlenaryError('CORRUPT', `${fileName} is not a valid Word document (the file is damaged, or is not really a .docx).`, { msg: { code: 'import.badDocx', values: { name: fileName } } });
  }
  if (ext === '.pdf') throw new PlenaryError('CORRUPT', `${fileName} is not a valid PDF (it does not start like one; the file is damaged or of another kind).`, { msg: { code: 'import.badPdf', values: { name: fileName } } });
  if (indexOfAscii(data, '{\\rtf', 0, 8) >= 0) {
    throw new PlenaryError('BAD_INPUT', `${fileName} is a rich-text (RTF) file. Save it as a Word document (.docx) and import that.`, { msg: { code: 'import.rtf', values: { name: fileName } } });
  }
  if (looksBinary(data)) {
    // Name the usual suspects; a text that merely starts with "MZ" or "GIF8" is still text.
    for (const b of BINARY_KINDS) {
      if (startsWith(data, b.sig)) throw new PlenaryError('BAD_INPUT', `${fileName} is ${b.what}, not a document Plenary can read.`, { msg: { code: 'import.binaryKind', values: { name: fileName, kind: b.what } } });
    }
    throw new PlenaryError('BAD_INPUT', `${fileName} is not a document Plenary can read (binary data).`, { msg: { code: 'import.binary', values: { name: fileName } } });
  }
  if (ext === '.mht' || ext === '.mhtml') {
    throw new PlenaryError('BAD_INPUT', `${fileName} is a web archive (.mht). Save the page as HTML (.htm) or as a Word document and import that.`, { msg: { code: 'import.mht', values: { name: fileName } } });
  }
  const head = decodeText(data.subarray(0, 4096), true);
  const strong = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(head) ||
    /<html[\s>][\s\S]*<(?:head|body)[\s>]/i.test(head);
  if (strong) return 'html';
  if (HTML_EXT.has(ext)) return 'html';
  if (!TEXT_EXT.has(ext) && /^\s*<(?:p|div|meta|title|table|h[1-6])[\s>]/i.test(head)) return 'html';
  return ext === '.md' || ext === '.markdown' || ext === '.mdown' || ext === '.mkd' ? 'md' : 'txt';
}

/** UTF-16 without a BOM shows as NUL bytes in every other position. */
function utf16Guess(data: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(data.byteLength, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (data[i] === 0) evenZero++;
    if (data[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero > half * 0.4 && evenZero < half * 0.05) return 'utf-16le';
  if (evenZero > half * 0.4 && oddZero < half * 0.05) return 'utf-16be';
  return null;
}

/** True when the bytes are not text in any encoding we decode (NULs or many control bytes). */
function looksBinary(data: Uint8Array): boolean {
  if (startsWith(data, [0xff, 0xfe]) || startsWith(data, [0xfe, 0xff]) || utf16Guess(data)) return false;
  const n = Math.min(data.byteLength, 65536);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = data[i]!;
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11 && c !== 27) bad++;
  }
  return bad > n * 0.01;
}

/**
 * Decodes text bytes: a BOM decides (UTF-8, UTF-16 LE/BE); without one, UTF-16 is recognised
 * by its NUL bytes, then UTF-8 is tried, and windows-1252 (what Word on Windows writes for
 * "plain text") is used when the bytes are not valid UTF-8. `partial` allows a multi-byte
 * character cut at the end (for sniffing the start of a file).
 */
export function decodeText(data: Uint8Array, partial = false): string {
  if (startsWith(data, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(data.subarray(3));
  if (startsWith(data, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (startsWith(data, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(data.subarray(2));
  const u16 = utf16Guess(data);
  if (u16) return new TextDecoder(u16).decode(data);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data, { stream: partial });
  } catch {
    return decodeWindows1252(data);
  }
}

/** windows-1252 meanings of the bytes 0x80–0x9F (undefined ones kept as the C1 control). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Decodes windows-1252 by hand: Node's TextDecoder('windows-1252') decodes as ISO-8859-1 in some
 * versions, turning Word's curly quotes and dashes (0x91–0x97) into control characters.
 */
function decodeWindows1252(data: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 32768;
  const codes = new Uint16Array(chunk);
  for (let off = 0; off < data.byteLength; off += chunk) {
    const n = Math.min(chunk, data.byteLength - off);
    for (let i = 0; i < n; i++) {
      const b = data[off + i]!;
      codes[i] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;
    }
    parts.push(String.fromCharCode(...codes.subarray(0, n)));
  }
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------
// Errors

function tooLarge(name: string, bytes: number, limit = MAX_IMPORT_BYTES, what = ''): PlenaryError {
  const mb = (bytes / (1024 * 1024)).toFixed(0);
  const of = what ? ` for a ${what} file` : '';
  return new PlenaryError('BAD_INPUT', `${name} is too large to import (${mb} MB; the limit${of} is ${limit / (1024 * 1024)} MB).`, { msg: { code: 'import.tooLarge', values: { name, mb, limit: limit / (1024 * 1024) } } });
}

/** A file-system error as a PlenaryError naming the file (NOT_FOUND, IO or BAD_INPUT), for the user. */
export function fsError(e: unknown, name: string): PlenaryError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new PlenaryError('NOT_FOUND', `${name} was not found.`, { cause: e, msg: { code: 'file.notFound', values: { file: name } } });
  if (code === 'EACCES' || code === 'EPERM') return new PlenaryError('IO', `${name} could not be read: permission denied.`, { cause: e, msg: { code: 'file.readDenied', values: { name } } });
  if (code === 'EISDIR') return new PlenaryError('BAD_INPUT', `${name} is a folder, not a file.`, { cause: e, msg: { code: 'file.isFolder', values: { name } } });
  return new PlenaryError('IO', `${name} could not be read (${errorText(e)}).`, { cause: e, msg: { code: 'file.readFailed', values: { name, detail: errorText(e) } } });
}

function errorText(e: unknown): string {
  const msg = e instanceof Error ? e.message : typeof e === 'object' && e && 'message' in e ? String((e as { message: unknown }).message) : String(e);
  return msg.length > 200 ? msg.slice(0, 200) + '…' : msg;
}

// ---------------------------------------------------------------------------------------------
// Word

/** mammoth's style map: italics (direct or by style) stay emphasis; comments are left out. */
const DOCX_STYLE_MAP = [
  'i => em',
  "r[style-name='Emphasis'] => em",
  "r[style-name='Subtle Emphasis'] => em",
  "r[style-name='Intense Emphasis'] => em",
  'comment-reference => ',
];

/** An element of mammoth's document tree, as far as its raw text goes. */
interface MammothElement {
  type: string;
  value?: string;
  children?: readonly MammothElement[];
}

/**
 * The text of mammoth's document tree as its extractRawText words it (mammoth/lib/raw-text.js):
 * text runs as they are, a tab as "\t", every paragraph followed by "\n\n" (an empty one too).
 */
function rawText(e: MammothElement): string {
  if (e.type === 'text') return e.value ?? '';
  if (e.type === 'tab') return '\t';
  return (e.children ?? []).map(rawText).join('') + (e.type === 'paragraph' ? '\n\n' : '');
}

/** Thrown out of mammoth's document transform to stop before the HTML: the document is hard-wrapped text. */
class HardWrappedDocx {
  constructor(readonly paragraphs: readonly string[]) {}
}

/**
 * Converts a .docx to the parser's markdown through mammoth's HTML; CORRUPT when it is damaged.
 * A document whose paragraphs are the hard-wrapped lines of a PDF's text (wrapped.ts) is given as
 * that text instead, a line per Word paragraph, for the text importer to rejoin. The file is
 * unzipped and its XML read once: the paragraphs are looked at in mammoth's document transform,
 * between reading and the HTML.
 */
async function docxToMarkdown(fileName: string, data: Uint8Array): Promise<{ text: string; format: 'text' | 'markdown' }> {
  type Mammoth = typeof MammothModule;
  // Before mammoth inflates anything: a small file that unpacks to hundreds of megabytes is a zip bomb.
  const zip = checkZip(data);
  if (!zip.ok) {
    if (zip.damaged) throw new PlenaryError('CORRUPT', `${fileName} is not a valid Word document (the file is damaged or truncated).`, { msg: { code: 'import.docxDamaged', values: { name: fileName } } });
    throw new PlenaryError('BAD_INPUT', `${fileName} was not opened: ${zip.reason}.`, { msg: { code: 'import.notOpened', values: { name: fileName, reason: zip.reason } } });
  }
  let html: string;
  try {
    const mod = (await import('mammoth')) as Mammoth & { default?: Mammoth };
    const mammoth = mod.default ?? mod;
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const transformDocument = (document: MammothElement): MammothElement => {
      const paragraphs = rawText(document).replace(/\n\n$/, '').split('\n\n');
      if (looksHardWrapped(paragraphs)) throw new HardWrappedDocx(paragraphs);
      return document;
    };
    const result = await mammoth.convertToHtml({ buffer }, { styleMap: DOCX_STYLE_MAP, includeDefaultStyleMap: true, ignoreEmptyParagraphs: true, transformDocument });
    html = result.value;
  } catch (e) {
    if (e instanceof HardWrappedDocx) return { text: e.paragraphs.join('\n'), format: 'text' };
    throw new PlenaryError('CORRUPT', `${fileName} is not a valid Word document (the file is damaged or truncated).`, { cause: e, msg: { code: 'import.docxDamaged', values: { name: fileName } } });
  }
  const md = htmlToMarkdown(html, { continueLists: true });
  if (!/\S/.test(md)) throw new PlenaryError('BAD_INPUT', `${fileName} is a Word document with no text in it.`, { msg: { code: 'import.emptyDocx', values: { name: fileName } } });
  return { text: md, format: 'markdown' };
}

// ---------------------------------------------------------------------------------------------
// PDF

type PdfJs = typeof PdfJsModule;
let pdfjsPromise: Promise<PdfJs> | null = null;
let standardFonts = '';

function loadPdfJs(): Promise<PdfJs> {
  if (!pdfjsPromise) {
    pdfjsPromise = import('pdfjs-dist/legacy/build/pdf.mjs').catch((e: unknown) => {
      pdfjsPromise = null; // try again next time rather than remember the failure
      throw e;
    });
    try {
      const require = createRequire(import.meta.url);
      standardFonts = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep;
    } catch {
      standardFonts = '';
    }
  }
  return pdfjsPromise;
}

/** Converts a PDF to the parser's markdown; see the module comment and {@link layoutPdf}. */
async function pdfToMarkdown(fileName: string, data: Uint8Array, warnings: string[]): Promise<string> {
  const pdfjs = await loadPdfJs();
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  let task: ReturnType<PdfJs['getDocument']> | null = null;
  try {
    task = pdfjs.getDocument({
      data: new Uint8Array(data), // a plain copy: pdf.js refuses Buffers and may take ownership
      standardFontDataUrl: standardFonts || undefined,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
      stopAtErrors: false,
    });
    doc = await task.promise;
  } catch (e) {
    await task?.destroy().catch(() => undefined);
    const name = (e as { name?: string } | undefined)?.name;
    if (name === 'PasswordException') {
      throw new PlenaryError('BAD_INPUT', `${fileName} is protected by a password. Save a copy without the password and import that.`, { cause: e, msg: { code: 'import.password', values: { name: fileName } } });
    }
    throw new PlenaryError('CORRUPT', `${fileName} is not a valid PDF (the file is damaged or truncated).`, { cause: e, msg: { code: 'import.pdfDamaged', values: { name: fileName } } });
  }
  if (doc.numPages > MAX_PDF_PAGES) {
    await doc.destroy().catch(() => undefined);
    throw new PlenaryError('BAD_INPUT', `${fileName} has ${doc.numPages} pages; Plenary reads PDFs of up to ${MAX_PDF_PAGES} pages. Import the Word file, or split the PDF.`, { msg: { code: 'import.pdfPages', values: { name: fileName, pages: doc.numPages, max: MAX_PDF_PAGES } } });
  }
  const pages: PageRows[] = [];
  let letters = 0;
  const failed: number[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      try {
        const page = await doc.getPage(p);
        // The operator list loads the fonts, whose real names (…-ItalicMT) tell italics.
        await page.getOperatorList();
        const content = await page.getTextContent();
        const view = page.view;
        const height = Math.abs((view[3] ?? 792) - (view[1] ?? 0)) || 792;
        const fonts = new Map<string, string>();
        const items: PdfItem[] = [];
        for (const it of content.items) {
          if (!('str' in it)) continue;
          let fontName = fonts.get(it.fontName);
          if (fontName === undefined) {
            try {
              fontName = (page.commonObjs.get(it.fontName) as { name?: string } | null)?.name ?? '';
            } catch {
              fontName = '';
            }
            fonts.set(it.fontName, fontName);
          }
          const item = pdfItemFrom({ str: it.str, transform: it.transform as number[], width: it.width, height: it.height, fontName });
          if (!item) continue;
          letters += letterCount(item.str);
          items.push(item);
        }
        pages.push({ page: p, height, rows: buildRows(p, items) });
        page.cleanup();
      } catch {
        failed.push(p);
      }
    }
  } finally {
    await doc.destroy().catch(() => undefined);
  }
  if (pages.length === 0 || (failed.length > 0 && letters === 0)) {
    throw new PlenaryError('CORRUPT', `${fileName} is not a valid PDF (its pages could not be read; the file is damaged or truncated).`, { msg: { code: 'import.pdfPagesUnreadable', values: { name: fileName } } });
  }
  if (letters < Math.max(40, 8 * pages.length)) {
    throw new PlenaryError('BAD_INPUT', `${fileName} has no text layer (a scanned image?); Plenary needs the PDF's text. Run it through text recognition (OCR) first, or import the Word file.`, { msg: { code: 'import.noTextLayer', values: { name: fileName } } });
  }
  if (failed.length) {
    const list = failed.length > 5 ? `${failed.slice(0, 5).join(', ')}…` : failed.join(', ');
    warnings.push(`${failed.length === 1 ? 'Page' : 'Pages'} ${list} of ${fileName} could not be read (damaged); the rest was imported.`);
  }
  return layoutPdf(pages);
}

