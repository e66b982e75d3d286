// `npm run fuzz -- --runs N [--seed S] [--steps K]`: the randomized editing model (test/helpers/
// editor-model.ts) for as many sequences as asked, in every language, negotiation off and on.
// A failure is shrunk to the fewest actions that still fail the same way and printed as a test.
import fc from 'fast-check';
import { actionArb, runModel, type Action, type RunOptions } from '../helpers/editor-model.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 0) {
    console.error(`--${name} needs a whole number, got "${process.argv[i + 1] ?? ''}"`);
    process.exit(2);
  }
  return v;
}

const kindOf = (e: unknown): string =>
  /(undo did (?:nothing|not)|redo did (?:nothing|not)|letters|stale|ids|undo-all|redo-all|final redo|\w+Error)/.exec(String(e))?.[1] ?? String(e).slice(0, 40);

function failure(actions: readonly Action[], o: RunOptions): string | null {
  try {
    runModel(actions, o);
    return null;
  } catch (e) {
    return kindOf(e);
  }
}

/** Removes actions one at a time while the run still fails the same way. */
export function shrink(actions: readonly Action[], o: RunOptions): Action[] {
  const kind = failure(actions, o);
  let cur = [...actions];
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = cur.length - 1; i >= 0; i--) {
      const c = [...cur.slice(0, i), ...cur.slice(i + 1)];
      if (failure(c, o) === kind) {
        cur = c;
        changed = true;
      }
    }
  }
  return cur;
}

const runs = arg('runs', 1000);
const steps = arg('steps', 40);
const seed = arg('seed', Date.now() % 2 ** 31);
let failed = 0;
const t0 = Date.now();
for (const lang of ['en', 'fr', 'ar'] as const) {
  for (const negotiation of [false, true]) {
    const o = { lang, negotiation };
    const r = fc.check(
      fc.property(fc.array(actionArb(lang), { minLength: steps, maxLength: steps }), (a) => {
        runModel(a, o);
      }),
      { numRuns: Math.ceil(runs / 6), seed, endOnFailure: true },
    );
    if (!r.failed) continue;
    failed++;
    const small = shrink(r.counterexample![0], o);
    let message = '';
    try {
      runModel(small, o);
    } catch (e) {
      message = String(e);
    }
    console.log(`FAIL ${lang} negotiation=${negotiation} seed=${seed}\n  actions: ${JSON.stringify(small)}\n  ${message.split('\n').join('\n  ')}`);
  }
}
console.log(`${runs} sequences × ${steps} steps, seed ${seed}: ${failed ? `${failed} configuration(s) failed` : 'all passed'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
