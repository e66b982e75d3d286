// Vocabulary.hasWord / hasCompound answer a document's first questions by finding the word in its
// lower-cased text instead of collecting every token (issue 14, import speed): each answer must
// be exactly the collected sets' answer, on corpus documents and on random text full of joiners,
// marks, letters beyond the Basic Multilingual Plane and lone surrogates.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildVocabulary } from '../../../src/shared/import/vocabulary.js';
import { CORPUS } from '../../helpers/corpus.js';

/** Asks vocabularies that answer by search (a fresh one every few questions) about each query; compares with the collected sets. */
function agree(lines: readonly string[], queries: readonly string[]): void {
  const sets = buildVocabulary(lines, false);
  const words = sets.words;
  const compounds = sets.compounds;
  const wrong: string[] = [];
  let v = buildVocabulary(lines, false);
  queries.forEach((q, i) => {
    // Eight questions are answered by search: four queries, each asked as a word and as a compound.
    if (i % 4 === 0) v = buildVocabulary(lines, false);
    if (v.hasWord(q) !== words.has(q)) wrong.push(`word ${JSON.stringify(q)}`);
    if (v.hasCompound(q) !== compounds.has(q)) wrong.push(`compound ${JSON.stringify(q)}`);
  });
  expect(wrong).toEqual([]);
}

/** Questions as split.ts asks them (parts around a hyphen, joined or hyphenated), from the document's own words. */
function questions(lines: readonly string[]): string[] {
  const tokens = lines.join('\n').toLowerCase().match(/[\p{L}\p{M}]+(?:[-‑'’][\p{L}\p{M}]+)*/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i < tokens.length; i += 13) {
    const t = tokens[i]!;
    const n = tokens[i + 1] ?? 'tion';
    out.add(t).add(t.replace(/‑/g, '-')).add(t + n).add(`${t}-${n}`).add(t.slice(1)).add(t.slice(0, -1));
    for (const p of t.split(/[-‑]/)) out.add(p).add(`${p}-${n}`);
  }
  return [...out];
}

describe('Vocabulary answers by search', () => {
  it('answers as the collected words and compounds on corpus documents', () => {
    const files = [...fs.readdirSync(path.join(CORPUS, 'ga-en')).filter((f) => f.endsWith('.txt')).sort().slice(0, 30).map((f) => path.join('ga-en', f)), 'fr/A_RES_75_202.fr.md'];
    for (const f of files) {
      const lines = fs.readFileSync(path.join(CORPUS, f), 'utf8').split('\n');
      agree(lines, questions(lines));
    }
  });

  it('answers as the collected sets on random text with joiners, marks and surrogates', () => {
    const chars = ['a', 'b', 'Z', 'é', 'É', 'e\u0301', '\u0301', 'ı', 'ß', '𐐀', '𐐨', '\ud800', '\udc00', 'Я', '可', '-', '‑', "'", '’', ' ', '\n', '.', '1'];
    const text = fc.array(fc.constantFrom(...chars), { maxLength: 24 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 5 }), fc.array(text, { maxLength: 6 }), (lines, extra) => {
        const low = lines.join('\n').toLowerCase();
        const subs: string[] = [];
        for (let i = 0; i < low.length; i += 3) subs.push(low.slice(i, i + 1 + (i % 7)));
        agree(lines, [...questions(lines), ...subs, ...extra.map((e) => e.toLowerCase())]);
      }),
      { numRuns: 600, seed: 14 },
    );
  });

  it('answers with the sets once a document asked more than a few questions, and with İ or Σ in the text', () => {
    const lines = ['the capacity-building of well-being', 'İstanbul and ΣΟΦΙΑ capacity'];
    const v = buildVocabulary(lines, false);
    for (let i = 0; i < 20; i++) {
      expect(v.hasCompound('capacity-building')).toBe(true);
      expect(v.hasWord('capacity')).toBe(true);
      expect(v.hasWord('capacitybuilding')).toBe(false);
    }
    const plain = buildVocabulary(['the capacity-building of well-being'], false);
    for (let i = 0; i < 20; i++) {
      expect(plain.hasCompound('well-being')).toBe(true);
      expect(plain.hasCompound('being')).toBe(false);
      expect(plain.hasWord('being')).toBe(true);
    }
  });
});
