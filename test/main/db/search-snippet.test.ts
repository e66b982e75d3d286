// Search snippets (search-snippet.ts) against the snippet maker they replaced, kept here as the
// reference: the same HTML for every paragraph of the corpus under the bench's queries, and for
// random texts mixing ASCII, letters and marks outside ASCII, typographic punctuation, HTML
// characters and surrogate pairs, at lengths around the cut (fast-check, fixed seed).
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { highlight, snippetMaker } from '../../../src/main/db/search-snippet.js';
import { parseQuery } from '../../../src/main/db/fts-query.js';
import { englishStem, queryForms, searchTerms } from '../../../src/shared/text/search-terms.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { flattenParagraphs } from '../../../src/main/db/library.js';
import { QUERIES } from '../../../bench/library.bench.js';
import { CORPUS } from '../../helpers/corpus.js';

// The reference: the snippet of the previous library-search.ts, unchanged but for names.
function refEscapeHtml(s: string): string {
  if (!/[&<>]/.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
// eslint-disable-next-line no-control-regex -- the ASCII range itself
const REF_ASCII_TEXT = /^[\x00-\x7f]*$/;
const REF_WORD_RE = /[\p{L}\p{N}\p{M}]+/gu;
const REF_ASCII_WORD_RE = /[a-z0-9]+/gi;
// (Each word's verdict is remembered per set of terms, only to keep the test quick.)
const refVerdicts = new WeakMap<ReadonlySet<string>, Map<string, boolean>>();
function refHighlight(text: string, terms: ReadonlySet<string>, stem: boolean): string {
  let memo = refVerdicts.get(terms);
  if (!memo) refVerdicts.set(terms, (memo = new Map()));
  const isHit = (w: string) => {
    const key = `${stem ? 1 : 0}${w}`;
    let v = memo.get(key);
    if (v === undefined) {
      const plain = searchTerms(w, false);
      memo.set(key, (v = plain.some((t) => terms.has(t)) || (stem && plain.some((t) => terms.has(englishStem(t))))));
    }
    return v;
  };
  const start: number[] = [];
  const end: number[] = [];
  const word: boolean[] = [];
  const hit: boolean[] = [];
  const push = (s: number, e: number, w: boolean, h: boolean) => {
    start.push(s);
    end.push(e);
    word.push(w);
    hit.push(h);
  };
  const words = REF_ASCII_TEXT.test(text) ? REF_ASCII_WORD_RE : REF_WORD_RE;
  words.lastIndex = 0;
  let last = 0;
  let count = 0;
  let firstHit = -1;
  let cut = false;
  for (let m = words.exec(text); m; m = words.exec(text)) {
    if (m.index > last) push(last, m.index, false, false);
    last = m.index + m[0].length;
    const h = isHit(m[0]);
    if (h && firstHit < 0) firstHit = start.length;
    push(m.index, last, true, h);
    count++;
    if ((cut = count > 48 && firstHit >= 0 && start.length >= Math.max(0, firstHit - 16) + 80)) break;
  }
  if (!cut && last < text.length) push(last, text.length, false, false);
  let from = 0;
  let to = start.length;
  if (count > 48) {
    from = Math.max(0, Math.max(0, firstHit) - 16);
    to = Math.min(start.length, from + 80);
  }
  const more = to > 0 && end[to - 1]! < text.length;
  const shownHit = (i: number) => hit[i]! || (!word[i] && i > from && i < to - 1 && hit[i - 1]! && hit[i + 1]! && /^\s+$/.test(text.slice(start[i], end[i])));
  let body = '';
  for (let i = from; i < to; ) {
    const h = shownHit(i);
    let j = i + 1;
    while (j < to && shownHit(j) === h) j++;
    const run = refEscapeHtml(text.slice(start[i], end[j - 1]));
    body += h ? `<b>${run}</b>` : run;
    i = j;
  }
  return `${from > 0 ? '…' : ''}${body.trim()}${more ? '…' : ''}`;
}

function termsOf(query: string): Set<string> {
  const out = new Set<string>();
  for (const g of parseQuery(query).groups) for (const t of g) for (const f of queryForms(t.text)) for (const x of f) out.add(x);
  return out;
}

describe('search snippets are those of the reference snippet maker', () => {
  it('for every paragraph of a sample of the corpus under every other bench query, one maker per query as a search uses it', () => {
    const names = fs.readdirSync(path.join(CORPUS, 'ga-en')).filter((f) => f.endsWith('.txt')).sort();
    const texts: string[] = [];
    for (const name of names.filter((_, i) => i % 24 === 0)) {
      const { document } = parseResolutionText(fs.readFileSync(path.join(CORPUS, 'ga-en', name), 'utf8'), { fileName: name, format: 'text' });
      for (const p of flattenParagraphs(document)) texts.push(p.text);
    }
    expect(texts.length).toBeGreaterThan(500);
    expect(texts.some((t) => t.split(' ').length > 48)).toBe(true);
    let highlighted = 0;
    const differing: string[] = [];
    for (const q of QUERIES.filter((_, i) => i % 2 === 0)) {
      const terms = termsOf(q);
      const make = snippetMaker(terms);
      for (const [i, t] of texts.entries()) {
        const stem = i % 5 !== 0;
        const got = make(t, stem);
        if (got !== refHighlight(t, terms, stem)) differing.push(`${q} | ${t}`);
        if (got.includes('<b>')) highlighted++;
      }
    }
    expect(differing).toEqual([]);
    expect(highlighted).toBeGreaterThan(1000);
  });

  it('for random texts around the cut, with characters outside ASCII anywhere (fast-check, fixed seed)', () => {
    const words = ['development', 'developing', 'Member', 'States', 'the', 'of', 'a', 'café', 'États', 'x\u0301y', 'naïve', '79', '200', 'Ωmega', 'ſtate', 'Kelvin', '𝐀bc', '可持续', 'إسرائيل'];
    const seps = [' ', '  ', ', ', '\u2019', '\u201c', '\u2013', '\u00a0', '/', ' & ', ' <b> ', '.\n', '\u0301', '😀', '\u200b', ''];
    const text = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...seps), fc.boolean()), { maxLength: 70 }).map((ws) => ws.map(([w, sep, upper]) => (upper ? w.toUpperCase() : w) + sep).join(''));
    const terms = fc.subarray(['develop', 'development', 'member', 'states', 'stat', 'the', 'a', 'cafe', 'etats', 'xy', '79', 'omega', 'bc', '可持', 'اسرائيل'], { maxLength: 4 });
    fc.assert(
      fc.property(text, terms, fc.boolean(), (t, ts, stem) => {
        const set = new Set(ts);
        expect(highlight(t, set, stem)).toBe(refHighlight(t, set, stem));
      }),
      { seed: 1407, numRuns: 3000 },
    );
  });
});
