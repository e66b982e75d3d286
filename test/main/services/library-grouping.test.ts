// The Matches panel and the suggestions group hits by wording and diff only what they need to
// (LibraryService.grouped). Their results must be exactly those of diffing every wording, as the
// grouping did before: same matches, same order, same groups, same diffs. The reference below is
// that earlier grouping, run on the same hits, over a library of real resolutions
// (../shared/corpus/ga-en) with identical copies (groups), drafts and perturbed copies (wordings
// differing in words or numbers), for queries that are library paragraphs with edits, drafts of
// the 80th session (never in the library), openings, and texts with combining marks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { LibraryService, literalBound, literalSimilarity, plainWords, type MatchResult } from '../../../src/main/services/library.js';
import { adoptionRecord, continuationOf } from '../../../src/main/services/library-history.js';
import { KIND_CODES } from '../../../src/main/db/match-store.js';
import type { MatchHit } from '../../../src/main/services/matcher.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { wordDiff, type DiffOp } from '../../../src/shared/text/diff.js';
import type { ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { changeNumbers, CORPUS, editWords, rng, wordsOf } from '../../helpers/perturb.js';
import { tempDir } from '../../helpers/tmp.js';

/** The grouping as it was before diffs were computed only where needed (every wording diffed). */
function referenceGrouped(lib: LibraryService, found: MatchHit[], text: string, limit: number, score: (f: MatchHit, diff: DiffOp[]) => number): MatchResult[] {
  const db = lib.db;
  const idx = lib.matchIndex();
  const reps: { f: MatchHit }[] = [];
  for (const f of found) {
    if (reps.some((r) => idx.sameTokens(r.f.id, f.id))) continue;
    reps.push({ f });
    if (reps.length >= limit * 2) break;
  }
  const build = (f: MatchHit): MatchResult | undefined => {
    const p = db.paragraph(f.id);
    if (!p) return undefined;
    const diff = wordDiff(p.text, text);
    return { paragraphId: p.id, documentId: p.documentId, symbol: p.symbol, designation: p.designation, kind: p.kind, text: p.text, score: Math.round(score(f, diff) * 1000) / 1000, adoptionDate: p.adoptionDate, diff, draft: p.draft === 1 };
  };
  const out: MatchResult[] = [];
  for (const r of reps) {
    const p = db.paragraph(r.f.id);
    if (!p) continue;
    const adopted = adoptionRecord(db, idx, r.f.id, p.normHash);
    const newest = adopted.places.find((x) => !x.draft)?.paragraphId ?? r.f.id;
    const m = build({ id: newest, score: r.f.score }) ?? build(r.f);
    if (m) out.push({ ...m, adopted });
  }
  out.sort((a, b) => b.score - a.score || b.adoptionDate.localeCompare(a.adoptionDate) || a.symbol.localeCompare(b.symbol));
  return out.slice(0, limit);
}

/** What LibraryService.match answered before, on the same hits. */
function referenceMatch(lib: LibraryService, text: string, limit: number, kind?: 'pp' | 'op' | 'sub'): MatchResult[] {
  const tokens = lib.db.tokenIds(text, false);
  if (tokens.length === 0) return [];
  const found = lib.matchIndex().query(tokens, limit * 8, { ...(kind ? { tag: KIND_CODES.indexOf(kind) } : {}), minScore: 0.2 });
  return referenceGrouped(lib, found, text, limit, (f, diff) => (f.score + literalSimilarity(diff)) / 2);
}

/** What LibraryService.suggest answered before, on the same hits. */
function referenceSuggest(lib: LibraryService, text: string, limit: number) {
  const tokens = lib.db.tokenIds(text, false);
  if (tokens.length === 0) return [];
  const found = lib.matchIndex().query(tokens, limit * 8, { prefix: true, minScore: 0.3 });
  return referenceGrouped(lib, found, text, limit, (f) => f.score).map((m) => ({ ...m, continuation: continuationOf(m.diff) }));
}

const parse = (dir: string, name: string) => parseResolutionText(fs.readFileSync(path.join(CORPUS, dir, name), 'utf8'), { fileName: name, format: 'text' }).document;

/** A copy of a document under another symbol and date, its texts passed through `edit`. */
function copyOf(doc: ResolutionDocument, symbol: string, adoptionDate: string, edit: (t: string) => string): ResolutionDocument {
  const blocks = (bs: ResolutionDocument['operative']): ResolutionDocument['operative'] =>
    bs.map((b) => ({ ...b, content: b.content.map((c) => (c.t === 'text' ? { ...c, text: edit(c.text) } : c)), children: blocks(b.children) }));
  return { ...doc, meta: { ...doc.meta, symbol, adoptionDate }, preambular: blocks(doc.preambular), operative: blocks(doc.operative) };
}

let tmp: ReturnType<typeof tempDir>;
let lib: LibraryService;
let paragraphs: string[];
let vocabulary: string[];
let drafts: string[];

beforeAll(() => {
  tmp = tempDir();
  lib = new LibraryService(path.join(tmp.dir, 'library.sqlite'));
  const names = fs.readdirSync(path.join(CORPUS, 'ga-en')).filter((f) => /^A_RES_79_\d+\.txt$/.test(f)).sort().slice(0, 50);
  const r = rng(14);
  lib.transaction(() => {
    for (const [i, name] of names.entries()) {
      const doc = parse('ga-en', name);
      lib.addDocument(doc, { file: name, hash: name });
      const sym = doc.meta.symbol || name;
      // Identical wording adopted again (older and newer), a draft of it, near-identical wordings.
      if (i % 3 === 0) lib.addDocument(copyOf(doc, `${sym}/COPY`, '2025-06-01', (t) => t), { file: `${name}#copy`, hash: `${name}#copy` });
      if (i % 4 === 0) lib.addDocument(copyOf(doc, `A/80/L.${i}`, '2025-10-01', (t) => t), { file: `${name}#draft`, hash: `${name}#draft` });
      if (i % 5 === 0) lib.addDocument(copyOf(doc, `${sym}/OLD`, '2019-12-01', (t) => t), { file: `${name}#old`, hash: `${name}#old` });
      if (i % 2 === 0) lib.addDocument(copyOf(doc, `${sym}/NUM`, '2021-12-01', (t) => changeNumbers(t, r)), { file: `${name}#num`, hash: `${name}#num` });
      if (i % 3 === 1) lib.addDocument(copyOf(doc, `${sym}/EDIT`, '2022-12-01', (t) => (t.split(' ').length > 6 ? editWords(t, 2, r, ['further', 'also', 'strongly']) : t)), { file: `${name}#edit`, hash: `${name}#edit` });
    }
  });
  paragraphs = lib.allParagraphTexts().filter((t) => t.split(' ').length >= 6);
  vocabulary = wordsOf(paragraphs);
  drafts = fs
    .readdirSync(path.join(CORPUS, 'drafts-80', 'txt'))
    .sort()
    .slice(0, 6)
    .flatMap((name) => {
      const d = parseResolutionText(fs.readFileSync(path.join(CORPUS, 'drafts-80', 'txt', name), 'utf8'), { fileName: name, format: 'text' }).document;
      return [...d.preambular, ...d.operative].map((b) => b.content.map((c) => (c.t === 'text' ? c.text : '')).join(''));
    })
    .filter((t) => t.split(' ').length >= 6);
}, 120_000);
afterAll(() => {
  lib?.close();
  tmp?.cleanup();
});

describe('grouping that diffs only what it needs, against diffing every wording', () => {
  it('the library holds groups: wordings adopted several times, drafts, near-identical wordings', () => {
    const grouped = paragraphs.slice(0, 200).map((t) => lib.match(t, { limit: 5 }).matches[0]!);
    expect(grouped.filter((m) => m.adopted!.count >= 3).length).toBeGreaterThan(10);
    expect(grouped.filter((m) => m.adopted!.places.some((p) => p.draft)).length).toBeGreaterThan(10);
    expect(drafts.length).toBeGreaterThan(30);
  });

  it('answers exactly as before for edited library paragraphs, drafts of the next session and openings', () => {
    const r = rng(80);
    let compared = 0;
    for (let i = 0; i < 100; i++) {
      const base = i % 4 === 3 ? drafts[(i * 7) % drafts.length]! : paragraphs[Math.floor(r() * paragraphs.length)]!;
      const text = i % 4 === 1 ? changeNumbers(base, r) : i % 4 === 2 ? editWords(base, 1 + (i % 5), r, vocabulary) : base;
      for (const limit of [5, 3, 1]) expect(lib.match(text, { limit }).matches, `match ${limit}: ${text}`).toEqual(referenceMatch(lib, text, limit));
      expect(lib.match(text, { limit: 5, kind: 'op' }).matches).toEqual(referenceMatch(lib, text, 5, 'op'));
      const opening = text.split(' ').slice(0, 8 + (i % 6)).join(' ');
      expect(lib.suggest(opening, { limit: 3 }).suggestions, `suggest: ${opening}`).toEqual(referenceSuggest(lib, opening, 3));
      compared++;
    }
    expect(compared).toBe(100);
  });

  it('answers exactly as before for any edit of any paragraph (property), combining marks and CJK included', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 8 }), fc.constantFrom('', 'e\u0301', '\u4e2d\u6587', 'Réaffirme'), fc.integer({ min: 1, max: 8 }), (at, edits, extra, limit) => {
        const r = rng(at + edits);
        const base = paragraphs[at % paragraphs.length]!;
        const text = `${edits ? editWords(base, edits, r, vocabulary) : base}${extra ? ` ${extra}` : ''}`;
        expect(lib.match(text, { limit }).matches).toEqual(referenceMatch(lib, text, limit));
      }),
      { numRuns: 60 },
    );
  });

  it('the literal bound is never below the literal similarity', () => {
    const r = rng(5);
    for (let i = 0; i < 300; i++) {
      const a = paragraphs[Math.floor(r() * paragraphs.length)]!;
      const b = i % 2 ? editWords(a, 1 + (i % 7), r, vocabulary) : paragraphs[Math.floor(r() * paragraphs.length)]!;
      expect(literalBound(plainWords(b), a)).toBeGreaterThanOrEqual(literalSimilarity(wordDiff(a, b)));
    }
  });
});
