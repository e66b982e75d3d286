// Shared body of the undo-model test files (one per language, so vitest runs them in parallel).
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { actionArb, runModel } from '../../helpers/editor-model.js';

/** Sequences per (language, negotiation) pair: 3 languages × 2 × 350 = 2,100 sequences in `npm test`. */
export const RUNS = 350;
/** Steps per sequence. */
export const STEPS = 40;

/** Declares the randomized undo model for `lang`, negotiation off and on, with a fixed seed. */
export function describeUndoModel(lang: 'en' | 'fr' | 'ar', seed: number): void {
  describe(`randomized editing model (${lang}, seed ${seed})`, () => {
    for (const negotiation of [false, true]) {
      it(`${RUNS} sequences of ${STEPS} actions, negotiation ${negotiation ? 'on' : 'off'}: invariants, exact undo/redo, no letter lost`, () => {
        fc.assert(
          fc.property(fc.array(actionArb(lang), { minLength: STEPS, maxLength: STEPS }), (actions) => {
            runModel(actions, { lang, negotiation });
          }),
          { numRuns: RUNS, seed },
        );
      }, 120_000);
    }
  });
}
