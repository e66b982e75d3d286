// Export benchmark: A/RES/79/1 (the Pact for the Future, with its long annexes) to .docx and to
// PDF (print HTML through headless Chromium), plus the other formats; median of several runs.
import path from 'node:path';
import { loadDocument } from '../src/main/services/documents.js';
import { ExportService, type ExportFormat } from '../src/main/services/export.js';
import { CORPUS } from './corpus.js';
import { summary } from './stats.js';

/** Runs the benchmark. */
export async function exportBench(runs = 5) {
  const doc = await loadDocument(path.join(CORPUS, 'ga-en', 'A_RES_79_1.txt'));
  const paragraphs = doc.preambular.length + doc.operative.length + doc.annexes.reduce((n, a) => n + a.paragraphs.length, 0);
  const service = new ExportService();
  const out: Record<string, unknown> = { document: 'A/RES/79/1', paragraphs, annexes: doc.annexes.length };
  for (const format of ['docx', 'pdf', 'html', 'txt', 'akn'] as ExportFormat[]) {
    const times: number[] = [];
    let bytes = 0;
    const n = format === 'pdf' ? Math.min(runs, 3) : runs;
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const r = await service.render(doc, format);
      times.push(performance.now() - t0);
      bytes = r.bytes.length;
    }
    out[format] = { ms: summary(times), kB: Math.round(bytes / 1024) };
  }
  return out;
}
