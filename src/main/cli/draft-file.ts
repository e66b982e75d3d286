/**
 * Reads what the negotiation commands need from a draft: the document and, for a .plenary file,
 * its notes, recorded decisions and the whole parsed file (to write it back). Other formats are
 * read as `plenary parse` reads them and have no notes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadDocument } from '../services/documents.js';
import { parsePlenaryFile, type PlenaryFile } from '../../shared/resolution/file.js';
import type { ResolutionDocument } from '../../shared/resolution/model.js';
import type { ParagraphNote, ProposalDecision } from '../../shared/negotiation/notes.js';

/** A draft as the negotiation commands see it. */
export interface DraftInput {
  document: ResolutionDocument;
  notes: ParagraphNote[];
  decisions: ProposalDecision[];
  /** The parsed .plenary file, or null for other formats. */
  file: PlenaryFile | null;
}

/** Reads `file` (a .plenary draft or anything `plenary parse` reads). Throws PlenaryError on bad input. */
export async function readDraft(file: string): Promise<DraftInput> {
  if (/\.plenary$/i.test(file) && fs.existsSync(file)) {
    const parsed = parsePlenaryFile(fs.readFileSync(file, 'utf8'), path.basename(file));
    return { document: parsed.document, notes: parsed.notes ?? [], decisions: parsed.decisions ?? [], file: parsed };
  }
  return { document: await loadDocument(file), notes: [], decisions: [], file: null };
}
