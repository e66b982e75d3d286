/**
 * PDF printing inside the desktop app: the print HTML is loaded in a hidden, sandboxed window
 * and printed with Chromium's own printToPDF (the same engine the CLI uses headless), with
 * JavaScript off and a Content-Security-Policy that fetches nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow } from 'electron';
import { lockDownPrintHtml, type Paper, type PdfPrinter } from '../services/export.js';

/** A PdfPrinter backed by Electron's webContents.printToPDF. */
export class ElectronPdfPrinter implements PdfPrinter {
  async print(html: string, opts: { paper: Paper }): Promise<Uint8Array> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-print-'));
    const file = path.join(dir, 'document.html');
    // Scripts are off below; the policy also stops every fetch (the session cancels remote ones anyway).
    fs.writeFileSync(file, lockDownPrintHtml(html));
    const win = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
    });
    try {
      await win.loadFile(file);
      const pdf = await win.webContents.printToPDF({
        pageSize: opts.paper === 'a4' ? 'A4' : 'Letter',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: false,
      });
      return new Uint8Array(pdf);
    } finally {
      win.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}
