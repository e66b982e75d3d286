/**
 * Loads "anything Plenary reads" as a ResolutionDocument: a .plenary draft, Akoma Ntoso XML, or
 * any file the importers read (text of official PDFs, markdown, HTML, Word, PDF). Used by the CLI
 * (export, tracked changes) and the services.
 *
 * Drafts and XML are parsed here rather than in the import worker, so their size is checked
 * before anything is read (the same limits as opening a draft and importing text) and the read
 * itself does not block the host.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { PlenaryError } from '../../shared/errors.js';
import type { ResolutionDocument } from '../../shared/resolution/model.js';
import { parsePlenaryFile } from '../../shared/resolution/file.js';
import { parseAkn } from '../../shared/import/akn.js';
import { importFileIsolated } from './import-isolated.js';
import { fsError, MAX_TEXT_BYTES } from './import-files.js';
import { MAX_DRAFT_BYTES } from './drafts.js';

/**
 * Reads a document from `file`; throws PlenaryError naming the file: NOT_FOUND, BAD_INPUT (a
 * folder, not a regular file, too large), CORRUPT (not a draft / not Akoma Ntoso) or IO.
 */
export async function loadDocument(file: string): Promise<ResolutionDocument> {
  const abs = path.resolve(file);
  const name = path.basename(abs);
  const plenary = /\.plenary$/i.test(name);
  const xml = /\.(?:xml|akn)$/i.test(name);
  if (!plenary && !xml) {
    await statFile(abs, file);
    return (await importFileIsolated(abs)).parsed.document;
  }
  const st = await statFile(abs, file);
  const limit = plenary ? MAX_DRAFT_BYTES : MAX_TEXT_BYTES;
  if (st.size > limit) {
    const mb = Math.round(st.size / 1e6);
    if (plenary) throw new PlenaryError('BAD_INPUT', `${name} is too large to be a Plenary draft (${mb} MB).`, { msg: { code: 'draft.tooLarge', values: { name, mb } } });
    const lim = limit / (1024 * 1024);
    throw new PlenaryError('BAD_INPUT', `${name} is too large to import (${mb} MB; the limit is ${lim} MB).`, { msg: { code: 'import.tooLarge', values: { name, mb, limit: lim } } });
  }
  let text: string;
  try {
    text = await fs.readFile(abs, 'utf8');
  } catch (e) {
    throw fsError(e, name);
  }
  return plenary ? parsePlenaryFile(text, name).document : parseAkn(text, name);
}

async function statFile(abs: string, given: string): Promise<{ size: number }> {
  let st;
  try {
    st = await fs.stat(abs);
  } catch (e) {
    const err = fsError(e, path.basename(abs));
    throw err.code === 'NOT_FOUND' ? new PlenaryError('NOT_FOUND', `${given} was not found.`, { cause: e, msg: { code: 'file.notFound', values: { file: given } } }) : err;
  }
  const name = path.basename(abs);
  if (st.isDirectory()) throw new PlenaryError('BAD_INPUT', `${name} is a folder, not a file.`, { msg: { code: 'file.isFolder', values: { name } } });
  if (!st.isFile()) throw new PlenaryError('BAD_INPUT', `${name} is not a regular file.`, { msg: { code: 'file.notRegular', values: { name } } });
  return st;
}
