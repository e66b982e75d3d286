/**
 * `plenary export FILE --format docx|pdf|html|txt|akn [-o OUT] [--paper letter|a4]
 *  [--proposals base|accepted|compilation|tracked] [--tracked-against BASE] [--author NAME]`
 * FILE and BASE are .plenary drafts or anything `plenary parse` reads (or Akoma Ntoso XML); BASE
 * may also be the symbol of a library document ("A/RES/78/143").
 *
 * A draft with open proposals must say which text it exports (negotiation/views.ts): without
 * --proposals the command exits 2 naming the choices and the number of open proposals. A draft
 * without proposals exports as before (brackets written out as "[" and "]").
 */
import fs from 'node:fs';
import path from 'node:path';
import { ExportService, type ExportFormat } from '../services/export.js';
import { writeFileAtomic } from '../services/fs-atomic.js';
import { loadDocument } from '../services/documents.js';
import { openProposalIds, PROPOSAL_VIEWS, proposalViewQuestion, type ProposalView } from '../../shared/negotiation/views.js';
import { readDraft } from './draft-file.js';
import { LibraryService, starterPath } from '../services/library.js';
import { dataPaths, resolveDataDir } from '../services/paths.js';
import { APP_ROOT } from '../app-root.js';
import { parseSymbol } from '../../shared/resolution/symbols.js';
import type { ResolutionDocument } from '../../shared/resolution/model.js';
import { parseCommandArgs, UsageError } from './args.js';
import type { Command, CommandContext } from './index.js';

const FORMATS: ExportFormat[] = ['docx', 'pdf', 'html', 'txt', 'akn'];
const EXT: Record<ExportFormat, string> = { docx: 'docx', pdf: 'pdf', html: 'html', txt: 'txt', akn: 'xml' };

export const exportCommand: Command = {
  summary: 'export a draft or resolution to Word, PDF, HTML, text or Akoma Ntoso',
  usage: [
    'Usage: plenary export FILE --format docx|pdf|html|txt|akn [-o OUT] [--paper letter|a4]',
    '                           [--proposals base|accepted|compilation|tracked]',
    '                           [--tracked-against BASE] [--author NAME]',
    '  --proposals says which text of a draft with open proposals to export (required then):',
    '  base (proposals not applied), accepted (as if all were accepted), compilation (proposals',
    '  inline with delegations and statuses; docx, pdf or html), tracked (each proposal a Word',
    '  tracked change by its delegation, notes as comments; docx).',
    '  FILE, BASE: a .plenary draft or anything `plenary parse` reads (or Akoma Ntoso .xml);',
    '  BASE may also be a library symbol (e.g. A/RES/78/143). OUT defaults to FILE with the new',
    '  extension; "-o -" writes to stdout. --tracked-against makes a .docx whose differences from',
    '  BASE are Word tracked changes (author NAME, default "Plenary").',
  ].join('\n'),
  async run(ctx) {
    const { values, positionals } = parseCommandArgs(ctx.argv, {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      paper: { type: 'string' },
      'tracked-against': { type: 'string' },
      author: { type: 'string' },
      proposals: { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('give exactly one FILE to export.');
    const format = values.format as ExportFormat | undefined;
    if (!format || !FORMATS.includes(format)) throw new UsageError(`--format is one of ${FORMATS.join(', ')}.`);
    const paper = values.paper ?? 'letter';
    if (paper !== 'letter' && paper !== 'a4') throw new UsageError('--paper is letter or a4.');
    const base = values['tracked-against'];
    if (base && format !== 'docx') throw new UsageError('--tracked-against works with --format docx only.');
    const view = values.proposals as ProposalView | undefined;
    if (view !== undefined && !PROPOSAL_VIEWS.includes(view)) throw new UsageError(`--proposals is one of ${PROPOSAL_VIEWS.join(', ')}.`);
    if (view === 'tracked' && format !== 'docx') throw new UsageError('--proposals tracked works with --format docx only.');
    if (view === 'compilation' && format !== 'docx' && format !== 'pdf' && format !== 'html') throw new UsageError('--proposals compilation works with --format docx, pdf or html.');
    if (view && base) throw new UsageError('--proposals and --tracked-against do not go together.');
    const file = positionals[0]!;
    const draft = await readDraft(file);
    const open = openProposalIds(draft.document).length;
    if (open > 0 && !view) throw new UsageError(proposalViewQuestion(open));
    const stem = path.join(path.dirname(file), path.basename(file).replace(/\.[^.]+$/, ''));
    let baseDoc: ResolutionDocument | undefined;
    if (base) {
      if (fs.existsSync(base)) baseDoc = await loadDocument(base);
      else if (parseSymbol(base)) {
        const lib = new LibraryService(dataPaths(resolveDataDir({ flag: values.data, env: ctx.env })).library, starterPath(APP_ROOT));
        try {
          baseDoc = lib.document(base, draft.document.meta.language)?.body;
        } finally {
          lib.close();
        }
        if (!baseDoc) throw new Error(`${base} is neither a file nor a document in the library.`);
      } else throw new Error(`${base} was not found.`);
    }
    // The one implementation File › Export uses: which text, brackets written out, notes as comments.
    const rendered = await new ExportService().renderView(draft.document, format, {
      view,
      notes: draft.notes,
      paper,
      trackedAgainst: baseDoc,
      author: values.author,
    });
    for (const n of rendered.notes) ctx.stderr.write(`note: ${n}\n`);
    return writeOut(ctx, values.output ?? `${stem}${base ? '.tracked' : view ? `.${view}` : ''}.${EXT[format]}`, rendered.bytes);
  },
};

/** Writes the export to `out` ("-" for stdout) and says where on stderr. */
function writeOut(ctx: CommandContext, out: string, bytes: Uint8Array): number {
  if (out === '-') {
    ctx.stdout.write(Buffer.from(bytes));
    return 0;
  }
  writeFileAtomic(out, Buffer.from(bytes));
  ctx.stderr.write(`wrote ${path.resolve(out)} (${Math.max(1, Math.round(bytes.length / 1024))} KB)\n`);
  return 0;
}
