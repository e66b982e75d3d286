// The CLI/browser-mode PDF printer (headless Chromium) prints hostile HTML with scripts off and
// without fetching anything: a local server counts every request the printed page makes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { chromiumCandidates, ChromiumCliPrinter, lockDownPrintHtml, PRINT_CSP } from '../../../src/main/services/export.js';
import { tempDir } from '../../helpers/tmp.js';

const chromium = chromiumCandidates().find((c) => fs.existsSync(c));
const pdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

let server: http.Server;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/plain' }).end('FETCHED');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('print lockdown', () => {
  it('puts the policy first in the head, after the doctype', () => {
    const out = lockDownPrintHtml('<!DOCTYPE html><html><head><title>t</title></head></html>');
    expect(out.startsWith(`<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}">`)).toBe(true);
    expect(lockDownPrintHtml('<p>x</p>').startsWith('<meta http-equiv="Content-Security-Policy"')).toBe(true);
    expect(PRINT_CSP).toContain("default-src 'none'");
    expect(PRINT_CSP).toContain("script-src 'none'");
  });

  it.runIf(chromium && pdftotext)(
    'prints with JavaScript off and fetches no URL from the printed HTML',
    async () => {
      const tmp = tempDir();
      try {
        fs.writeFileSync(path.join(tmp.dir, 'local.css'), 'body { color: red }');
        const html = `<!doctype html><html><head>
<link rel="stylesheet" href="${base}/link.css">
<style>@import url("${base}/import.css"); body { background: url("${base}/bg.png"); }</style>
<script src="${base}/script.js"></script>
</head><body>
<p>VISIBLE-TEXT</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onerror="document.body.append('HANDLER-RAN')" onload="document.body.append('HANDLER-RAN')">
<a href="javascript:document.body.append('URL-RAN')">link</a>
<img src="${base}/img.png"><img src="http://localhost:${new URL(base).port}/by-name.png">
<iframe src="${base}/frame.html"></iframe>
<object data="${base}/object"></object>
<link rel="stylesheet" href="file://${path.join(tmp.dir, 'local.css')}">
<meta http-equiv="refresh" content="0;url=${base}/refresh">
<script>document.body.append('SCRIPT-RAN'); fetch('${base}/fetch'); new Image().src = '${base}/js-img';</script>
</body></html>`;
        const pdf = await new ChromiumCliPrinter(chromium).print(html, { paper: 'a4' });
        const file = path.join(tmp.dir, 'out.pdf');
        fs.writeFileSync(file, pdf);
        const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
        expect(text).toContain('VISIBLE-TEXT');
        expect(text).not.toMatch(/SCRIPT-RAN|HANDLER-RAN|URL-RAN/);
        expect(requests).toEqual([]);
      } finally {
        tmp.cleanup();
      }
    },
    180_000,
  );
});
