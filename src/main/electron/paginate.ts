/**
 * The page layout of the PDF inside the desktop app (see services/paginate.ts): Paged.js runs in
 * a hidden, sandboxed window of its own session, where every request other than the one local
 * file (and blob:/data: URLs the page makes in memory) is cancelled; the laid-out DOM is read back and printed as static HTML, with JavaScript
 * off, by ElectronPdfPrinter.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';
import { PAGED_DONE, pagedLayoutHtml, staticPagedHtml } from '../../shared/export/paged.js';
import { pagedPolyfill, type Paginator } from '../services/paginate.js';

/** A Paginator backed by a hidden Electron window with no network. */
export class ElectronPaginator implements Paginator {
  async paginate(html: string): Promise<string> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-paged-'));
    const file = path.join(dir, 'layout.html');
    fs.writeFileSync(file, pagedLayoutHtml(html, pagedPolyfill()));
    const allowed = pathToFileURL(file).href;
    const ses = session.fromPartition('plenary-paginate');
    // Only the page itself and what it makes in memory (Paged.js's blob: styles) may load.
    ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !(details.url === allowed || /^(?:blob|data):/.test(details.url)) }));
    const win = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: true, session: ses },
    });
    try {
      await win.loadURL(allowed);
      const deadline = Date.now() + 120_000;
      for (;;) {
        const done = (await win.webContents.executeJavaScript(`document.documentElement.getAttribute('${PAGED_DONE}') === '1'`)) as boolean;
        if (done) break;
        if (Date.now() > deadline) throw new Error('the page layout took more than 120 seconds');
        await new Promise((r) => setTimeout(r, 100));
      }
      const dom = (await win.webContents.executeJavaScript('document.documentElement.outerHTML')) as string;
      return staticPagedHtml(dom);
    } finally {
      win.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}
