// buildVocabulary lower-cases a document's text once instead of token by token, and reads plain
// ASCII text with an ASCII pattern (issue 14, import speed): the words and compounds must be
// exactly those of the token-by-token reading, kept here as the reference, on the corpus and on
// random text full of the characters where lower-casing is not one character for one (İ), depends
// on what follows (Σ), or turns a non-ASCII letter into an ASCII one (the Kelvin sign).
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildVocabulary } from '../../../src/shared/import/vocabulary.js';
import { CORPUS } from '../../helpers/corpus.js';

const RE_TOKEN = /[\p{L}\p{M}]+(?:[-‑'’][\p{L}\p{M}]+)*/gu;

/** The words and compounds as buildVocabulary collected them before (each token lower-cased alone). */
function reference(lines: readonly string[]): { words: Set<string>; compounds: Set<string> } {
  const words = new Set<string>();
  const compounds = new Set<string>();
  for (const t of lines.join('\n').match(RE_TOKEN) ?? []) {
    const low = t.toLowerCase();
    if (low.includes('-') || low.includes('‑')) {
      compounds.add(low.replace(/‑/g, '-'));
      for (const p of low.split(/[-‑]/)) words.add(p);
    } else words.add(low);
  }
  return { words, compounds };
}

function same(lines: readonly string[]): void {
  const v = buildVocabulary(lines, false);
  const r = reference(lines);
  expect([...v.words].sort()).toEqual([...r.words].sort());
  expect([...v.compounds].sort()).toEqual([...r.compounds].sort());
}

describe('buildVocabulary', () => {
  it('collects the same words and compounds as token-by-token lower-casing, on corpus documents', () => {
    const files = [...fs.readdirSync(path.join(CORPUS, 'ga-en')).filter((f) => f.endsWith('.txt')).sort().slice(0, 120).map((f) => path.join('ga-en', f)), 'fr/A_RES_75_202.fr.md'];
    for (const f of files) same(fs.readFileSync(path.join(CORPUS, f), 'utf8').split('\n'));
  });

  it('collects the same words and compounds on random text with case-sensitive characters', () => {
    const chars = ['a', 'Z', 'e', 'é', 'É', 'e\u0301', 'İ', 'ı', 'I', 'Σ', 'σ', 'ς', 'Α', '\u212a', 'ß', 'ǅ', 'Ǆ', 'Ⅸ', 'Ꭰ', '𐐀', '\ud800', 'Я', 'ى', '可', '-', '‑', "'", '’', ' ', '\n', '.', '1'];
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...chars), { maxLength: 30 }).map((cs) => cs.join('')), { maxLength: 6 }), (lines) => {
        same(lines);
      }),
      { numRuns: 400, seed: 14 },
    );
  });
});
