/**
 * Loads "anything Plenary reads" as a ResolutionDocument: a .plenary draft, Akoma Ntoso XML, or
 * any file the importers read (text of official PDFs, markdown, HTML, Word, PDF). Used by the CLI
 * (export, tracked changes) and the services.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PlenaryError } from '../../shared/errors.js';
import type { ResolutionDocument } from '../../shared/resolution/model.js';
import { parsePlenaryFile } from '../../shared/resolution/file.js';
import { parseAkn } from '../../shared/import/akn.js';
import { importFileIsolated } from './import-isolated.js';

/** Reads a document from `file`; throws PlenaryError naming the file. */
export async function loadDocument(file: string): Promise<ResolutionDocument> {
  const abs = path.resolve(file);
  if (!fs.existsSync(abs)) throw new PlenaryError('NOT_FOUND', `${file} was not found.`, { msg: { code: 'file.notFound', values: { file } } });
  const name = path.basename(abs);
  if (/\.plenary$/i.test(name)) return parsePlenaryFile(fs.readFileSync(abs, 'utf8'), name).document;
  if (/\.(?:xml|akn)$/i.test(name)) return parseAkn(fs.readFileSync(abs, 'utf8'), name);
  return (await importFileIsolated(abs)).parsed.document;
}
