/**
 * Export: one document model in, every format out. The formats themselves are pure code in
 * src/shared/export; this service adds what needs the machine: PDF (print HTML + CSS paged media
 * rendered by a Chromium — Electron's own printToPDF in the app, headless Chromium for the CLI
 * and tests, behind the PdfPrinter port), font availability, and writing files.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { PlenaryError } from '../../shared/errors.js';
import type { ResolutionDocument } from '../../shared/resolution/model.js';
import { docxBytes, buildTrackedDocx, packDocx } from '../../shared/export/docx.js';
import { exportHtml } from '../../shared/export/html.js';
import { exportText } from '../../shared/export/txt.js';
import { exportAkn } from '../../shared/export/akn.js';
import { writeFileAtomic } from './fs-atomic.js';
import { ChromiumPaginator, type Paginator } from './paginate.js';
import type { ParagraphNote } from '../../shared/negotiation/notes.js';
import { documentForView, materializeBrackets, openProposalIds, type ProposalView } from '../../shared/negotiation/views.js';

/** The export formats. */
export type ExportFormat = 'docx' | 'pdf' | 'html' | 'txt' | 'akn';

/** Paper sizes. */
export type Paper = 'letter' | 'a4';

/** A rendered export. */
export interface Rendered {
  bytes: Uint8Array;
  mime: string;
  extension: string;
  /** Things the user should know (e.g. a substituted font). */
  notes: string[];
}

/** Renders print HTML to PDF. */
export interface PdfPrinter {
  print(html: string, opts: { paper: Paper }): Promise<Uint8Array>;
}

const MIME: Record<ExportFormat, [string, string]> = {
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
  pdf: ['application/pdf', 'pdf'],
  html: ['text/html; charset=utf-8', 'html'],
  txt: ['text/plain; charset=utf-8', 'txt'],
  akn: ['application/akn+xml', 'xml'],
};

/** Candidate Chromium/Chrome executables, in order. */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string[] {
  const list: string[] = [];
  if (env.PLENARY_CHROMIUM) list.push(env.PLENARY_CHROMIUM);
  if (platform === 'win32') {
    const pf = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(Boolean) as string[];
    for (const base of pf) {
      list.push(path.join(base, 'Google', 'Chrome', 'Application', 'chrome.exe'), path.join(base, 'Microsoft', 'Edge', 'Application', 'msedge.exe'), path.join(base, 'Chromium', 'Application', 'chrome.exe'));
    }
  } else if (platform === 'darwin') {
    list.push('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
  } else {
    list.push('/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium', '/usr/bin/microsoft-edge');
  }
  return list;
}

/**
 * The policy every printed page runs under: nothing is fetched (no network, no other local
 * file), no script runs; inline styles and data: images and fonts — all the export HTML uses —
 * still work.
 */
export const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; script-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'";

/**
 * `html` with PRINT_CSP as the first element of its head (after any doctype, so the document
 * keeps its standards mode). A policy given by the HTML itself can only narrow it further.
 */
export function lockDownPrintHtml(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}">`;
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  return doctype ? doctype[0] + meta + html.slice(doctype[0].length) : meta + html;
}

/** The flags every headless Chromium this app starts gets (printer and page layout): no sandbox
 * (root in CI), no GPU, and none of Chromium's own network traffic. */
export const HEADLESS_CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Chromium switches of the headless printer beyond the CSP (which is what keeps scripts off:
 * `--blink-settings=scriptEnabled=false` makes headless --print-to-pdf write no file): every
 * connection sent to a proxy that does not exist (loopback included), names unresolvable, so
 * even a navigation (meta refresh) reaches nothing.
 */
export const PRINTER_LOCKDOWN_ARGS = [
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--disable-remote-fonts',
];

/** Prints with a headless Chromium found on the machine (`--print-to-pdf`), scripts and network off. */
export class ChromiumCliPrinter implements PdfPrinter {
  constructor(private readonly executable?: string) {}

  private find(): string {
    const exe = this.executable ?? chromiumCandidates().find((c) => fs.existsSync(c));
    if (!exe) {
      throw new PlenaryError(
        'UNSUPPORTED',
        'PDF export needs Chromium or Google Chrome, and none was found. Install one (or set PLENARY_CHROMIUM to its path), or export to Word and print from there.', { msg: { code: 'export.noChromium' } },
      );
    }
    return exe;
  }

  async print(html: string, opts: { paper: Paper }): Promise<Uint8Array> {
    void opts; // the page size is set by the HTML's @page rule
    const exe = this.find();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-pdf-'));
    try {
      const input = path.join(dir, 'document.html');
      const output = path.join(dir, 'document.pdf');
      fs.writeFileSync(input, lockDownPrintHtml(html));
      await new Promise<void>((resolve, reject) => {
        const child = spawn(
          exe,
          [
            ...HEADLESS_CHROMIUM_ARGS,
            ...PRINTER_LOCKDOWN_ARGS,
            `--user-data-dir=${path.join(dir, 'profile')}`,
            '--no-pdf-header-footer',
            '--run-all-compositor-stages-before-draw',
            `--print-to-pdf=${output}`,
            `file://${input}`,
          ],
          { stdio: ['ignore', 'ignore', 'pipe'] },
        );
        let err = '';
        child.stderr.on('data', (c: Buffer) => (err += c.toString()));
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new PlenaryError('INTERNAL', 'PDF rendering took more than 90 seconds and was stopped.', { msg: { code: 'export.pdfTimeout' } }));
        }, 90_000);
        child.on('error', (e) => {
          clearTimeout(timer);
          reject(new PlenaryError('INTERNAL', `Chromium could not be started for the PDF (${e.message}).`, { msg: { code: 'export.chromiumStart', values: { detail: e.message } } }));
        });
        child.on('exit', (code) => {
          clearTimeout(timer);
          if (code === 0 && fs.existsSync(output)) resolve();
          else reject(new PlenaryError('INTERNAL', `Chromium failed to print the PDF (exit ${code}): ${err.split('\n').filter(Boolean).slice(-2).join(' ')}`, { msg: { code: 'export.printFailed', values: { status: String(code) } } }));
        });
      });
      return new Uint8Array(fs.readFileSync(output));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

let fontCheck: boolean | undefined;

/** Whether Times New Roman is installed (fontconfig on Linux; always on Windows and macOS). */
export function hasTimesNewRoman(): boolean {
  if (fontCheck !== undefined) return fontCheck;
  if (process.platform !== 'linux') return (fontCheck = true);
  const r = spawnSync('fc-match', ['-f', '%{family}', 'Times New Roman'], { encoding: 'utf8' });
  fontCheck = r.status === 0 && /Times New Roman/i.test(r.stdout);
  return fontCheck;
}

/** The note shown when the free metric-compatible serif stands in for Times New Roman. */
export const FONT_NOTE = 'Times New Roman is not installed on this computer: the PDF uses Liberation Serif, which has the same metrics, so lines and pages break in the same places.';

/** The export service. */
export class ExportService {
  /**
   * `paginator` lays the PDF's HTML out into pages first (footnotes at the foot of their page);
   * null prints without it (notes at the end). The printer then only ever gets static HTML.
   */
  constructor(
    private readonly printer: PdfPrinter = new ChromiumCliPrinter(),
    private readonly paginator: Paginator | null = new ChromiumPaginator(),
  ) {}

  /** Renders `doc` in `format`. With `trackedAgainst` (docx only), changes against that base are Word revisions. */
  async render(
    doc: ResolutionDocument,
    format: ExportFormat,
    opts: { paper?: Paper; trackedAgainst?: ResolutionDocument; author?: string; date?: Date } = {},
  ): Promise<Rendered> {
    const paper = opts.paper ?? 'letter';
    const [mime, extension] = MIME[format];
    const notes: string[] = [];
    let bytes: Uint8Array;
    if (opts.trackedAgainst && format !== 'docx') {
      throw new PlenaryError('BAD_INPUT', 'Tracked changes can only be exported to Word (.docx).', { msg: { code: 'export.trackedWordOnly' } });
    }
    switch (format) {
      case 'docx':
        bytes = opts.trackedAgainst
          ? await packDocx(buildTrackedDocx(opts.trackedAgainst, doc, { paper, author: opts.author ?? 'Plenary', date: opts.date ?? new Date() }))
          : await docxBytes(doc, { paper });
        break;
      case 'pdf':
        return this.printPaged(exportHtml(doc, { paper, forPrint: true }), paper);
      case 'html':
        bytes = new TextEncoder().encode(exportHtml(doc, { paper }));
        break;
      case 'txt':
        bytes = new TextEncoder().encode(exportText(doc));
        break;
      case 'akn':
        bytes = new TextEncoder().encode(exportAkn(doc));
        break;
    }
    return { bytes, mime, extension, notes };
  }

  /**
   * Renders the text of `doc` that `opts.view` names (negotiation/views.ts), the way File › Export
   * does: a draft with open proposals must say which text (BAD_INPUT naming the choices and the
   * count otherwise); base and accepted apply the proposals, compilation and tracked keep them with
   * `opts.notes` as Word comments; brackets are written out in every view. `trackedAgainst`
   * (tracked changes against a saved version) is refused while proposals are open, since its
   * revisions could not say which delegation made them.
   */
  async renderView(
    doc: ResolutionDocument,
    format: ExportFormat,
    opts: { view?: ProposalView | undefined; notes?: readonly ParagraphNote[] | undefined; paper?: Paper | undefined; trackedAgainst?: ResolutionDocument | undefined; author?: string | undefined } = {},
  ): Promise<Rendered> {
    const paper = opts.paper ?? 'letter';
    const open = openProposalIds(doc).length;
    const many = `${open} open ${open === 1 ? 'proposal' : 'proposals'}`;
    if (opts.trackedAgainst) {
      if (opts.view) throw new PlenaryError('BAD_INPUT', 'Tracked changes against a version and a choice of proposals do not go together.', { msg: { code: 'export.trackedAndView' } });
      if (open) throw new PlenaryError('BAD_INPUT', `The draft has ${many}: tracked changes against a version could not say which delegation made each change. Use File › Export with "Word tracked changes" instead.`, { msg: { code: 'export.trackedWithProposals', values: { count: open } } });
      return this.render(materializeBrackets(doc), format, { paper, trackedAgainst: materializeBrackets(opts.trackedAgainst), ...(opts.author ? { author: opts.author } : {}) });
    }
    if (open && !opts.view) throw new PlenaryError('BAD_INPUT', `The draft has ${many}: say which text to export (base, accepted, compilation or tracked). Nothing was exported.`, { msg: { code: 'export.chooseView', values: { count: open } } });
    if (opts.view === 'tracked') {
      if (format !== 'docx') throw new PlenaryError('BAD_INPUT', 'Word tracked changes can only be exported to Word (.docx).', { msg: { code: 'export.trackedWordOnly' } });
      const { buildProposalsDocx } = await import('../../shared/export/docx-tracked.js');
      return { bytes: await packDocx(buildProposalsDocx(doc, { paper, ...(opts.notes ? { notes: opts.notes } : {}) })), mime: MIME.docx[0], extension: 'docx', notes: [] };
    }
    if (opts.view === 'compilation') {
      if (format !== 'docx' && format !== 'pdf' && format !== 'html') throw new PlenaryError('BAD_INPUT', 'The compilation text can be exported to Word, PDF or HTML.', { msg: { code: 'export.compilationFormats' } });
      return this.compilation(doc, format, paper, opts.notes);
    }
    return this.render(opts.view ? documentForView(doc, opts.view) : materializeBrackets(doc), format, { paper });
  }

  /** The compilation text (proposals inline, statuses in the margin; notes as Word comments) as .docx, PDF or HTML. */
  async compilation(doc: ResolutionDocument, format: 'docx' | 'pdf' | 'html', paper: Paper = 'letter', notes?: readonly ParagraphNote[]): Promise<Rendered> {
    // Loaded on demand: only negotiators need it.
    const { compilationDocx, compilationHtml } = await import('../../shared/export/compilation.js');
    if (format === 'docx') return { bytes: await packDocx(compilationDocx(doc, { paper, ...(notes ? { notes } : {}) })), mime: MIME.docx[0], extension: 'docx', notes: [] };
    const html = compilationHtml(doc);
    if (format === 'html') return { bytes: new TextEncoder().encode(html), mime: MIME.html[0], extension: 'html', notes: [] };
    return this.printHtml(html, paper);
  }

  /** Prints the print HTML of a document, laid out into pages first when a paginator is set. */
  private async printPaged(html: string, paper: Paper): Promise<Rendered> {
    if (!this.paginator) return this.printHtml(html, paper);
    let paged: string;
    try {
      paged = await this.paginator.paginate(html);
    } catch (e) {
      const r = await this.printHtml(html, paper);
      r.notes.push(`The footnotes are printed at the end of the document: the page layout failed (${(e as Error).message}).`);
      return r;
    }
    return this.printHtml(paged, paper);
  }

  /** Prints HTML made elsewhere (a version comparison) to PDF. */
  async printHtml(html: string, paper: Paper = 'letter'): Promise<Rendered> {
    const notes = hasTimesNewRoman() ? [] : [FONT_NOTE];
    return { bytes: await this.printer.print(html, { paper }), mime: MIME.pdf[0], extension: 'pdf', notes };
  }

  /** {@link renderView}, written atomically to `file`. */
  async write(doc: ResolutionDocument, format: ExportFormat, file: string, opts: Parameters<ExportService['renderView']>[2] = {}): Promise<{ path: string; notes: string[]; bytes: number }> {
    const r = await this.renderView(doc, format, opts);
    writeFileAtomic(file, Buffer.from(r.bytes));
    return { path: path.resolve(file), notes: r.notes, bytes: r.bytes.length };
  }
}

/** A file name for an export of `doc`: the symbol with slashes as underscores, or the title. */
export function exportFileName(doc: ResolutionDocument, extension: string): string {
  const base = doc.meta.symbol ? doc.meta.symbol.replace(/[/\\]/g, '_').replace(/\s+/g, '') : doc.meta.title.slice(0, 60) || 'Untitled draft';
  return `${base.replace(/[^\p{L}\p{N}._() -]+/gu, '-')}.${extension}`;
}
