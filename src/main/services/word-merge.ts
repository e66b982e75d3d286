/**
 * The I/O around merging a Word file into a draft (negotiation/merge.ts holds the logic): reads
 * the .docx with size limits checked before inflating (docx-zip.ts), parses its parts and refuses,
 * with a clear message and nothing changed, a file that is not a Word document, is damaged, is a
 * zip bomb, or is not a version of this draft.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PlenaryError } from '../../shared/errors.js';
import type { ResolutionDocument } from '../../shared/resolution/model.js';
import { readWordFile } from '../../shared/negotiation/word-read.js';
import { mergeWord, type MergeResult } from '../../shared/negotiation/merge.js';
import { readZipParts, type ZipLimits } from './docx-zip.js';

/** Largest .docx accepted, before any unpacking. */
const MAX_FILE = 100 * 1024 * 1024;

/** Options of {@link mergeWordFile}. */
export interface MergeFileOptions {
  authorMap?: Record<string, string>;
  now?: Date;
  limits?: Partial<ZipLimits>;
}

/**
 * Merges the Word file at `file` into `draft` (nothing applied: proposals, notes and a summary).
 * Throws PlenaryError NOT_FOUND, CORRUPT (not a .docx, damaged, zip bomb) or BAD_INPUT (a Word
 * file in which no paragraph of the draft can be found).
 */
export function mergeWordFile(draft: ResolutionDocument, file: string, opts: MergeFileOptions = {}): MergeResult {
  const name = path.basename(file);
  if (!fs.existsSync(file)) throw new PlenaryError('NOT_FOUND', `${file} was not found.`, { msg: { code: 'file.notFound', values: { file } } });
  const size = fs.statSync(file).size;
  if (size > MAX_FILE) throw new PlenaryError('CORRUPT', `${name} is ${Math.round(size / 1024 / 1024)} MB, more than a resolution's Word file can be (100 MB). Nothing was merged.`, { msg: { code: 'merge.tooLarge', values: { name, mb: Math.round(size / 1024 / 1024) } } });
  return mergeWordBytes(draft, fs.readFileSync(file), name, opts);
}

/** {@link mergeWordFile} on the bytes of a file named `name` (the browser's file picker, the API). */
export function mergeWordBytes(draft: ResolutionDocument, bytes: Buffer, name: string, opts: MergeFileOptions = {}): MergeResult {
  if (bytes.length > MAX_FILE) throw new PlenaryError('CORRUPT', `${name} is ${Math.round(bytes.length / 1024 / 1024)} MB, more than a resolution's Word file can be (100 MB). Nothing was merged.`, { msg: { code: 'merge.tooLarge', values: { name, mb: Math.round(bytes.length / 1024 / 1024) } } });
  const parts = readZipParts(bytes, ['word/document.xml', 'word/comments.xml', 'docProps/core.xml'], name, opts.limits);
  const document = parts.get('word/document.xml');
  if (document === undefined) throw new PlenaryError('CORRUPT', `${name} is a zip archive but not a Word document (no word/document.xml). Nothing was merged.`, { msg: { code: 'merge.notWord', values: { name } } });
  let word;
  try {
    word = readWordFile({ document, ...(parts.has('word/comments.xml') ? { comments: parts.get('word/comments.xml')! } : {}), ...(parts.has('docProps/core.xml') ? { core: parts.get('docProps/core.xml')! } : {}) });
  } catch (e) {
    throw new PlenaryError('CORRUPT', `${name} is damaged: ${(e as Error).message}. Nothing was merged.`, { msg: { code: 'merge.damaged', values: { name, detail: (e as Error).message } } });
  }
  const result = mergeWord(draft, word, { fileName: name, now: (opts.now ?? new Date()).toISOString(), ...(opts.authorMap ? { authorMap: opts.authorMap } : {}) });
  const { paragraphsAligned: found, paragraphsWithText: all } = result.summary;
  if (found === 0 || found < all / 2) {
    throw new PlenaryError('BAD_INPUT', `${name} does not look like a version of this draft: only ${found} of the draft's ${all} paragraphs were found in it. Nothing was merged.`, { msg: { code: 'merge.notThisDraft', values: { name, found, all } } });
  }
  return result;
}
