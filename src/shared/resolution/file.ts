/**
 * The `.plenary` file format: versioned JSON around a ResolutionDocument.
 *
 * ```json
 * { "format": "plenary", "version": 1, "app": "0.1.0", "savedAt": "2026-11-29T20:00:00.000Z",
 *   "document": { "meta": {…}, "preambular": […], "operative": […], "footnotes": […], "annexes": […] },
 *   "negotiation": { … },  // optional, added by the negotiation features
 *   "notes": [ { "id", "paragraph", "author", "at", "text", "resolved" } ],   // optional (format 2)
 *   "decisions": [ { "id", "delegation", "type", "paragraph", "text", "status", "at" } ]  // optional (format 2)
 * }
 * ```
 *
 * Format 2 adds paragraph notes, the record of decided proposals and the move proposals
 * (`move-from`/`move-to` on paragraphs). A file is written as format 1 when it uses none of them,
 * so 0.1 still opens it; format 1 files open unchanged.
 *
 * `version` goes up when the shape changes incompatibly; readers refuse a file whose version is
 * newer than theirs (it would be damaged by a round trip) and migrate older ones forward.
 * Unknown top-level keys are kept on a round trip so a newer minor addition is not lost.
 */
import { z } from 'zod';
import { PlenaryError } from '../errors.js';
import type { Block, ResolutionDocument } from './model.js';
import { decisionSchema, noteSchema, type ParagraphNote, type ProposalDecision } from '../negotiation/notes.js';

/** The newest file-format version this build reads and writes. */
export const FILE_FORMAT_VERSION = 2;

const language = z.enum(['en', 'fr', 'es', 'ru', 'ar', 'zh']);

const proposal = z.object({ id: z.string().min(1), by: z.string(), at: z.string(), parent: z.string().optional() });

/** The marks any inline may carry (model.ts InlineMarks): a footnote or cross-reference too. */
const marks = {
  em: z.boolean().optional(),
  symbolRef: z.string().optional(),
  link: z.string().optional(),
  ins: proposal.optional(),
  del: proposal.optional(),
  brackets: z.array(z.string()).optional(),
};

const inline = z.discriminatedUnion('t', [
  z.object({ t: z.literal('text'), text: z.string(), ...marks }),
  z.object({ t: z.literal('fn'), id: z.string(), ...marks }),
  z.object({ t: z.literal('xref'), targets: z.array(z.string()).min(1).max(2), ...marks }),
]);

const provenance = z.object({
  symbol: z.string(),
  paragraph: z.string(),
  hash: z.string(),
  text: z.string(),
});

/** Schema of one block, recursive through `children`. */
export const blockSchema: z.ZodType<Block> = z.lazy(() =>
  z.object({
    id: z.string().min(1),
    content: z.array(inline),
    children: z.array(blockSchema),
    tail: z.array(inline),
    phrase: z.number().int().min(0).optional(),
    status: z.enum(['', 'agreed', 'adref', 'pending', 'deleted']).optional(),
    holder: z.string().optional(),
    provenance: provenance.optional(),
    proposal: proposal.extend({ kind: z.enum(['ins', 'del', 'move-from', 'move-to']), as: z.enum(['move', 'convert', 'level']).optional() }).optional(),
    base: z.number().int().positive().optional(),
    heading: z.object({ level: z.union([z.literal(1), z.literal(2)]), num: z.string(), restart: z.boolean().optional(), resolution: z.boolean().optional() }).optional(),
    preambular: z.boolean().optional(),
    quoted: z.boolean().optional(),
    skip: z.number().int().min(1).max(4).optional(),
    listLabels: z.literal('digits').optional(),
    table: z.object({ header: z.boolean(), rows: z.array(z.array(z.string())) }).optional(),
  }),
);

/** Schema of a whole document; used for files, API arguments and AKN/JSON import. */
export const documentSchema: z.ZodType<ResolutionDocument> = z.object({
  meta: z.object({
    kind: z.enum(['resolution', 'draft', 'revision']),
    organ: z.enum(['ga', 'ga-c1', 'ga-c2', 'ga-c3', 'ga-c4', 'ga-c5', 'ga-c6', 'sc', 'ecosoc', 'hrc', 'other']),
    symbol: z.string(),
    session: z.string(),
    agendaItems: z.array(z.object({ number: z.string(), title: z.string() })),
    sponsors: z.array(z.string()),
    sponsorNote: z.string(),
    bureauLine: z.string(),
    sponsorLineEnd: z.string().max(500).optional(),
    title: z.string(),
    adoptionDate: z.string(),
    issueDate: z.string(),
    basis: z.string(),
    meeting: z.string(),
    language,
    originalLanguage: z.union([language, z.literal('')]),
  }),
  preambular: z.array(blockSchema),
  operative: z.array(blockSchema),
  footnotes: z.array(z.object({ id: z.string().min(1), content: z.array(inline) })),
  annexes: z.array(
    z.object({ id: z.string().min(1), heading: z.string(), title: z.string(), paragraphs: z.array(blockSchema), inBody: z.boolean().optional() }),
  ),
});

/** A parsed `.plenary` file. `extra` holds top-level keys this version does not know. */
export interface PlenaryFile {
  version: number;
  app: string;
  savedAt: string;
  document: ResolutionDocument;
  /** Negotiation state (proposals, delegations, versions); opaque to the file layer. */
  negotiation?: unknown;
  /** Paragraph notes (format 2). */
  notes?: ParagraphNote[];
  /** Proposals accepted, rejected or withdrawn (format 2). */
  decisions?: ProposalDecision[];
  extra?: Record<string, unknown>;
}

const KNOWN = new Set(['format', 'version', 'app', 'savedAt', 'document', 'negotiation', 'notes', 'decisions']);

/** Parses an optional list section, naming the file and the place of the first problem. */
function listSection<T>(value: unknown, schema: z.ZodType<T>, key: string, fileName: string): T[] | undefined {
  if (value === undefined) return undefined;
  const parsed = z.array(schema).safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PlenaryError('CORRUPT', `${fileName} is damaged: its ${key} do not fit the format at "${[key, ...(issue?.path ?? [])].join('.')}" (${issue?.message ?? 'invalid'}).`, { msg: { code: 'draft.damagedSection', values: { name: fileName, section: key } } });
  }
  return parsed.data;
}

/** Whether a file needs format 2: notes, decisions or move proposals. */
function needsFormat2(file: Pick<PlenaryFile, 'document' | 'notes' | 'decisions'>): boolean {
  if (file.notes?.length || file.decisions?.length) return true;
  let moves = false;
  const walk = (list: readonly Block[]) => {
    for (const b of list) {
      if (b.proposal && b.proposal.kind !== 'ins' && b.proposal.kind !== 'del') moves = true;
      // Headings, part preambles and tables: 0.1 would read them as plain paragraphs.
      if (b.heading || b.table || b.preambular) moves = true;
      // A level without its parent paragraph (0.1 would move it up a level) or quoted text
      // (0.1 would number it as an operative paragraph).
      if (b.skip || b.quoted) moves = true;
      // Subparagraphs numbered "1.", "2.": 0.1 would print them (a), (b).
      if (b.listLabels) moves = true;
      walk(b.children);
    }
  };
  walk(file.document.preambular);
  walk(file.document.operative);
  for (const a of file.document.annexes) walk(a.paragraphs);
  // A text quoted in the body: 0.1 would print it after the closing block, as an annex.
  if (file.document.annexes.some((a) => a.inBody)) moves = true;
  return moves;
}

/**
 * Reads a `.plenary` file's text. Throws PlenaryError CORRUPT (not JSON, not a Plenary file,
 * a document that does not fit the schema) or NEWER_VERSION, naming `fileName` in the message.
 */
export function parsePlenaryFile(text: string, fileName = 'the file'): PlenaryFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // The parser's message quotes the text; an error must never echo a file's content.
    throw new PlenaryError('CORRUPT', `${fileName} is damaged: it is not valid JSON. The file was not changed.`, { msg: { code: 'draft.notJson', values: { name: fileName } } });
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== 'plenary') {
    throw new PlenaryError('CORRUPT', `${fileName} is not a Plenary draft (no "format": "plenary" marker).`, { msg: { code: 'draft.notPlenary', values: { name: fileName } } });
  }
  const obj = raw as Record<string, unknown>;
  const version = obj.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new PlenaryError('CORRUPT', `${fileName} has no valid format version.`, { msg: { code: 'draft.noVersion', values: { name: fileName } } });
  }
  if (version > FILE_FORMAT_VERSION) {
    throw new PlenaryError(
      'NEWER_VERSION',
      `${fileName} was saved by a newer version of Plenary (format ${version}; this version reads up to ${FILE_FORMAT_VERSION}). Update Plenary to open it; the file was not changed.`, { msg: { code: 'draft.newer', values: { name: fileName, version, supported: FILE_FORMAT_VERSION } } },
    );
  }
  const parsed = documentSchema.safeParse(obj.document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw new PlenaryError('CORRUPT', `${fileName} is damaged: the document does not fit the format at "${where}" (${issue?.message ?? 'invalid'}).`, { msg: { code: 'draft.damagedDocument', values: { name: fileName, where } } });
  }
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (!KNOWN.has(k)) extra[k] = v;
  const notes = listSection(obj.notes, noteSchema, 'notes', fileName);
  const decisions = listSection(obj.decisions, decisionSchema, 'decisions', fileName);
  return {
    version,
    app: typeof obj.app === 'string' ? obj.app : '',
    savedAt: typeof obj.savedAt === 'string' ? obj.savedAt : '',
    document: parsed.data,
    ...(obj.negotiation !== undefined ? { negotiation: obj.negotiation } : {}),
    ...(notes ? { notes } : {}),
    ...(decisions ? { decisions } : {}),
    ...(Object.keys(extra).length ? { extra } : {}),
  };
}

/**
 * Serialises a file, pretty-printed for readable diffs: format 2 when it holds notes, decisions,
 * move proposals, headings, part preambles, tables or a text quoted in the body, otherwise format 1
 * (which 0.1 reads).
 */
export function serializePlenaryFile(
  file: Pick<PlenaryFile, 'document' | 'negotiation' | 'extra' | 'notes' | 'decisions'>,
  app: string,
  savedAt: Date = new Date(),
): string {
  const out: Record<string, unknown> = {
    ...(file.extra ?? {}),
    format: 'plenary',
    version: needsFormat2(file) ? FILE_FORMAT_VERSION : 1,
    app,
    savedAt: savedAt.toISOString(),
    document: file.document,
  };
  if (file.negotiation !== undefined) out.negotiation = file.negotiation;
  if (file.notes?.length) out.notes = file.notes;
  if (file.decisions?.length) out.decisions = file.decisions;
  return JSON.stringify(out, null, 1) + '\n';
}
