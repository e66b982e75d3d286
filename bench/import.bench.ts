// Import-parsing benchmark (issue 10): a generated resolution with 5k, 10k, 20k and 100k operative
// paragraphs through parseResolutionText, and the time per paragraph at each size as a ratio to the
// 5k run of the same process. Linear parsing keeps the ratios near 1; quadratic parsing doubles
// them with each doubling of the size. The ReDoS repro of the issue is timed as well.
import { parseResolutionText } from '../src/shared/import/text.js';
import { generatedResolution } from '../test/helpers/generated-resolution.js';

/** The 172-byte file that never finished parsing (exponential RE_TERMINAL). */
export const REDOS_REPRO = `The General Assembly,\n\nRecalling its resolution.${'1'.repeat(60)}x\nand its decision,\n\n1. Decides.\n`;

/** Runs the benchmark; `sizes` are operative-paragraph counts, the first one the baseline. */
export async function importBench(sizes: readonly number[] = [5_000, 10_000, 20_000, 100_000]) {
  const out: Record<string, unknown> = {};
  let t0 = performance.now();
  parseResolutionText(REDOS_REPRO, { fileName: 'redos.txt' });
  out.redosReproMs = Math.round(performance.now() - t0);
  let basePerPara = 0;
  const rows: { paragraphs: number; chars: number; ms: number; perParagraphVsFirst: number }[] = [];
  for (const n of sizes) {
    const text = generatedResolution(n);
    t0 = performance.now();
    const r = parseResolutionText(text, { fileName: `generated-${n}.txt` });
    const ms = performance.now() - t0;
    if (r.document.operative.length !== n) throw new Error(`parsed ${r.document.operative.length} operative paragraphs of ${n}`);
    const per = ms / n;
    if (!basePerPara) basePerPara = per;
    rows.push({ paragraphs: n, chars: text.length, ms: Math.round(ms), perParagraphVsFirst: Math.round((per / basePerPara) * 100) / 100 });
  }
  out.scaling = rows;
  return out;
}
