// Issue 10, ReDoS: no regex in src/ may backtrack without bound on user text. Every regex literal
// runs against long adversarial inputs in a worker; one that backtracks exponentially (as
// RE_TERMINAL did on ".111…1x") never finishes and the worker's generous deadline fails the test
// naming it. The lint rules regexp/no-super-linear-backtracking and regexp/no-super-linear-move keep
// new ones out (the second the quadratic ones, see regex-linear-move.test.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInWorker } from '../helpers/in-worker.js';
import { findRegexLiterals } from './regex-probe.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('regexes on user text', () => {
  it('finds the regex literals of src/ (the probe would pass vacuously otherwise)', () => {
    const found = findRegexLiterals(path.join(ROOT, 'src'));
    expect(found.length).toBeGreaterThan(300);
    expect(found.some((r) => r.file.endsWith(path.join('import', 'split.ts')) && r.source.includes('\\uE000[^\\uE001]*\\uE001'))).toBe(true);
  }, 60_000);

  it('every regex literal in src/ finishes on 1,000-character adversarial inputs', async () => {
    const r = await runInWorker<{ count: number; slowest: { where: string; ms: number }[] }>(
      path.join(import.meta.dirname, 'regex-probe.ts'),
      'probeSourceRegexes',
      { srcDir: path.join(ROOT, 'src'), length: 1000 },
      240_000,
    );
    expect(r.count).toBeGreaterThan(300);
  }, 450_000);
});

describe('the probe', () => {
  it('catches the exponential RE_TERMINAL of 0.1 (so a pass means something)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-redos-'));
    try {
      fs.writeFileSync(path.join(dir, 'old.ts'), String.raw`export const RE = /[,;:.!?،؛。；，…](?:[”"’»)\]]*)?(?:\s?\d{1,3}|\s?\uE000[^\uE001]*\uE001)*\s*$/;` + '\n');
      await expect(runInWorker(path.join(import.meta.dirname, 'regex-probe.ts'), 'probeSourceRegexes', { srcDir: dir, length: 1000 }, 5000)).rejects.toThrow(
        /did not finish within 5000 ms; last progress: old\.ts:1 /,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
