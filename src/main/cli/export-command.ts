/**
 * `plenary export FILE --format docx|pdf|html|txt|akn [-o OUT] [--paper letter|a4]
 *  [--tracked-against BASE] [--author NAME]`
 * FILE and BASE are .plenary drafts or anything `plenary parse` reads (or Akoma Ntoso XML); BASE
 * may also be the symbol of a library document ("A/RES/78/143").
 */
import fs from 'node:fs';
import path from 'node:path';
import { ExportService, type ExportFormat } from '../services/export.js';
import { writeFileAtomic } from '../services/fs-atomic.js';
import { loadDocument } from '../services/documents.js';
import { LibraryService, starterPath } from '../services/library.js';
import { dataPaths, resolveDataDir } from '../services/paths.js';
import { APP_ROOT } from '../app-root.js';
import { parseSymbol } from '../../shared/resolution/symbols.js';
import type { ResolutionDocument } from '../../shared/resolution/model.js';
import { parseCommandArgs, UsageError } from './args.js';
import type { Command } from './index.js';

const FORMATS: ExportFormat[] = ['docx', 'pdf', 'html', 'txt', 'akn'];
const EXT: Record<ExportFormat, string> = { docx: 'docx', pdf: 'pdf', html: 'html', txt: 'txt', akn: 'xml' };

export const exportCommand: Command = {
  summary: 'export a draft or resolution to Word, PDF, HTML, text or Akoma Ntoso',
  usage: [
    'Usage: plenary export FILE --format docx|pdf|html|txt|akn [-o OUT] [--paper letter|a4]',
    '                           [--tracked-against BASE] [--author NAME]',
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
    });
    if (positionals.length !== 1) throw new UsageError('give exactly one FILE to export.');
    const format = values.format as ExportFormat | undefined;
    if (!format || !FORMATS.includes(format)) throw new UsageError(`--format is one of ${FORMATS.join(', ')}.`);
    const paper = values.paper ?? 'letter';
    if (paper !== 'letter' && paper !== 'a4') throw new UsageError('--paper is letter or a4.');
    const base = values['tracked-against'];
    if (base && format !== 'docx') throw new UsageError('--tracked-against works with --format docx only.');
    const file = positionals[0]!;
    const doc = await loadDocument(file);
    let baseDoc: ResolutionDocument | undefined;
    if (base) {
      if (fs.existsSync(base)) baseDoc = await loadDocument(base);
      else if (parseSymbol(base)) {
        const lib = new LibraryService(dataPaths(resolveDataDir({ flag: values.data, env: ctx.env })).library, starterPath(APP_ROOT));
        try {
          baseDoc = lib.document(base, doc.meta.language)?.body;
        } finally {
          lib.close();
        }
        if (!baseDoc) throw new Error(`${base} is neither a file nor a document in the library.`);
      } else throw new Error(`${base} was not found.`);
    }
    const service = new ExportService();
    const rendered = await service.render(doc, format, { paper, ...(baseDoc ? { trackedAgainst: baseDoc } : {}), ...(values.author ? { author: values.author } : {}) });
    for (const n of rendered.notes) ctx.stderr.write(`note: ${n}\n`);
    const out = values.output ?? path.join(path.dirname(file), `${path.basename(file).replace(/\.[^.]+$/, '')}${base ? '.tracked' : ''}.${EXT[format]}`);
    if (out === '-') {
      ctx.stdout.write(Buffer.from(rendered.bytes));
      return 0;
    }
    writeFileAtomic(out, Buffer.from(rendered.bytes));
    ctx.stderr.write(`wrote ${path.resolve(out)} (${Math.max(1, Math.round(rendered.bytes.length / 1024))} KB)\n`);
    return 0;
  },
};
