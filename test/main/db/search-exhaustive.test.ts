// Library search against an exhaustive scan: for a fixed library of real corpus resolutions (plus
// French, Arabic and Chinese texts, drafts and tags), every answer of the index-driven search
// (newest first with early termination, relevance over the newest matches, phrases and prefixes
// checked against the text, filters) is exactly what reading every paragraph with the same rules
// gives: the bench's query set, hand-picked edge cases, and random queries (fast-check, fixed seed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { openDatabase, type Db } from '../../../src/main/db/connection.js';
import { LibraryDb, type SearchFilters } from '../../../src/main/db/library.js';
import { hasSequence, parseQuery } from '../../../src/main/db/fts-query.js';
import { RELEVANCE_WINDOW, symbolQuery, textSequences, type SearchOrder } from '../../../src/main/db/library-search.js';
import { englishStem, queryForms, searchTerms } from '../../../src/shared/text/search-terms.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { QUERIES } from '../../../bench/library.bench.js';
import { libraryDoc } from '../../helpers/library-docs.js';
import { CORPUS } from '../../helpers/corpus.js';
import { tempDir } from '../../helpers/tmp.js';

let tmp: ReturnType<typeof tempDir>;
let db: Db;
let lib: LibraryDb;

interface Para {
  id: number;
  documentId: number;
  kind: string;
  text: string;
  openingPhrase: string;
  language: string;
  organ: string;
  sessionNum: number | null;
  year: number | null;
  terms: string[];
  tags: string[];
}
let paras: Para[];

beforeAll(() => {
  tmp = tempDir();
  db = openDatabase(path.join(tmp.dir, 'library.sqlite'));
  lib = new LibraryDb(db);
  const names = fs.readdirSync(path.join(CORPUS, 'ga-en')).filter((f) => f.endsWith('.txt')).sort();
  // Enough paragraphs that common words have more matches than the relevance window.
  for (const name of names.filter((_, i) => i % 6 === 0)) {
    const { document } = parseResolutionText(fs.readFileSync(path.join(CORPUS, 'ga-en', name), 'utf8'), { fileName: name, format: 'text' });
    lib.insertDocument(document, { file: name, hash: name });
  }
  const other = (symbol: string, language: string, pps: string[], ops: string[], kind: 'resolution' | 'draft' = 'resolution') =>
    lib.insertDocument(libraryDoc({ kind, symbol, session: symbol.split('/')[2] ?? '', adoptionDate: kind === 'draft' ? '' : '2024-12-19', language: language as 'en' }, pps, ops), { file: symbol, hash: symbol });
  other('A/RES/79/901', 'fr', ['Réaffirmant sa résolution 78/10 sur le développement durable,'], ['Encourage les États Membres à coopérer au développement durable ;', 'Prie le Secrétaire général de lui présenter un rapport ;']);
  other('A/RES/79/902', 'ar', ['إن الجمعية العامة،'], ['تؤكد أن إسرائيل ملزمة بالقانون الدولي؛', 'تطلب إلى الأمين العام أن يقدم تقريرا؛']);
  other('A/RES/79/903', 'zh', ['大会，'], ['重申可持续发展的重要性；', '请秘书长提交报告；']);
  const draft = other('A/C.2/80/L.3', 'en', ['Recalling its resolution 79/200 on sustainable development,'], ['Requests the Secretary-General to submit a report on sustainable development;', 'Decides to include in the provisional agenda of its eighty-first session the item;'], 'draft');
  lib.tag(draft.id, 'oil', true);
  lib.tag(1, 'oil', true);
  const tags = new Map<number, string[]>();
  for (const r of db.prepare('SELECT document_id AS d, tag FROM tags').all() as { d: number; tag: string }[]) tags.set(r.d, [...(tags.get(r.d) ?? []), r.tag]);
  paras = (
    db
      .prepare(
        `SELECT p.id, p.document_id AS documentId, p.kind, p.text, p.opening_phrase AS openingPhrase, d.language, d.organ, d.session_num AS sessionNum, d.year
           FROM paragraphs p JOIN documents d ON d.id = p.document_id ORDER BY p.id DESC`,
      )
      .all() as Omit<Para, 'terms' | 'tags'>[]
  ).map((p) => ({ ...p, terms: searchTerms(p.text, p.language === 'en'), tags: tags.get(p.documentId) ?? [] }));
});
afterAll(() => {
  db.close();
  tmp.cleanup();
});

/** Occurrences of `form` as consecutive terms of `terms`, its last term as a prefix when `prefix`. */
function occurrences(terms: readonly string[], form: readonly string[], prefix: boolean): number {
  let n = 0;
  const [head] = form;
  for (let i = 0; i + form.length <= terms.length; i++) {
    if ((form.length === 1 && prefix) || terms[i] === head) if (form.every((f, j) => (prefix && j === form.length - 1 ? terms[i + j]!.startsWith(f) : terms[i + j] === f))) n++;
  }
  return n;
}

/** The search's rules, applied to every paragraph in turn. */
function exhaustive(query: string, filters: SearchFilters, limits: readonly number[], order: SearchOrder): { paragraphId: number; score: number }[][] {
  const parsed = parseQuery(query);
  const forms = (t: { text: string; phrase: boolean; prefix: boolean }) => ({ forms: queryForms(t.text).filter((f) => f.length > 0), prefix: t.prefix && !t.phrase });
  const groups = parsed.groups.map((g) => g.map(forms).filter((t) => t.forms.length > 0)).filter((g) => g.length > 0);
  if (!groups.length) throw new Error('nothing to search for');
  const excluded = parsed.excluded.map(forms);
  const occurs = (terms: string[], t: ReturnType<typeof forms>) => t.forms.some((f) => occurrences(terms, f, t.prefix) > 0);
  const passes = (p: Para) =>
    (!filters.kind || p.kind === filters.kind) &&
    (!filters.organ || p.organ === filters.organ) &&
    (filters.sessionFrom === undefined || (p.sessionNum !== null && p.sessionNum >= filters.sessionFrom)) &&
    (filters.sessionTo === undefined || (p.sessionNum !== null && p.sessionNum <= filters.sessionTo)) &&
    (filters.yearFrom === undefined || (p.year !== null && p.year >= filters.yearFrom)) &&
    (filters.yearTo === undefined || (p.year !== null && p.year <= filters.yearTo)) &&
    (!filters.language || p.language === filters.language) &&
    (!filters.openingPhrase || p.openingPhrase === filters.openingPhrase) &&
    (!filters.tag || p.tags.includes(filters.tag));
  // `paras` is newest first.
  const matches = paras.filter((p) => passes(p) && groups.every((g) => g.some((t) => occurs(p.terms, t))) && !excluded.some((t) => occurs(p.terms, t)));
  if (order === 'newest') {
    return limits.map((limit) =>
      matches
        .slice(0, limit)
        .sort((a, b) => b.documentId - a.documentId || a.id - b.id)
        .map((p) => ({ paragraphId: p.id, score: 0 })),
    );
  }
  // BM25 over the newest RELEVANCE_WINDOW matches, each group's distinct forms counted once.
  const window = matches.slice(0, RELEVANCE_WINDOW);
  const groupForms = groups.map((g) => {
    const seen = new Map<string, { form: string[]; prefix: boolean }>();
    for (const t of g) for (const f of t.forms) seen.set(`${t.prefix ? '*' : ''}${f.join(' ')}`, { form: f, prefix: t.prefix });
    return [...seen.values()];
  });
  const avg = window.reduce((n, p) => n + p.terms.length, 0) / window.length || 1;
  const scored = window.map((p) => {
    const norm = 1.2 * (1 - 0.75 + (0.75 * p.terms.length) / avg);
    const score = groupForms.map((fs) => fs.reduce((n, f) => n + occurrences(p.terms, f.form, f.prefix), 0)).reduce((s, tf) => s + (tf * 2.2) / (tf + norm), 0);
    return { paragraphId: p.id, score };
  });
  scored.sort((a, b) => b.score - a.score || b.paragraphId - a.paragraphId);
  return limits.map((limit) => scored.slice(0, limit).map((s) => ({ paragraphId: s.paragraphId, score: Math.round(s.score * 1000) / 1000 })));
}

/** Checks the search against the exhaustive scan at each limit; the number of hits compared. */
function expectSame(query: string, filters: SearchFilters, limits: readonly number[], order: SearchOrder): number {
  const want = exhaustive(query, filters, limits, order);
  let n = 0;
  limits.forEach((limit, i) => {
    const got = lib.search(query, filters, limit, order).map((h) => ({ paragraphId: h.paragraphId, score: order === 'newest' ? 0 : h.score }));
    expect(got, `${order} ${limit} ${JSON.stringify(filters)} ${query}`).toEqual(want[i]);
    n += got.length;
  });
  return n;
}

const EDGE_QUERIES = [
  'encourag*',
  'develop* -sustainable',
  '"Member States" OR Secretary-General',
  'the',
  'of the',
  '"of the"',
  '"the United Nations"',
  'rule of law',
  '"calls upon all States"',
  '"human rights" -"Human Rights Council"',
  'report -"the Secretary-General to"',
  'Palestine OR Israel OR Lebanon',
  '"small island devel"*',
  'small island devel*',
  'a',
  '"a"',
  'and OR or',
  '"and the"',
  'développement durable',
  'الجمعيه',
  '可持续发展',
  '"Requests the Secretary-General to submit"',
  '"to submit" -report',
  'session -"eighty-first"',
  // Words found in most paragraphs, alone, with others, as a phrase, excluded.
  'of -the',
  'the of development',
  '"of" development',
  'with OR without persons',
  'to in',
];

describe('search answers are those of an exhaustive scan', () => {
  it('for the bench query set and edge cases, newest first and by relevance, at several limits', () => {
    let found = 0;
    for (const q of [...QUERIES, ...EDGE_QUERIES]) for (const order of ['newest', 'relevance'] as const) found += expectSame(q, {}, [1, 7, 20, 1200], order);
    // The fixture is large enough to make the window bind (a common word has more matches).
    expect(exhaustive('the', {}, [1e9], 'newest')[0]!.length).toBeGreaterThan(RELEVANCE_WINDOW);
    expect(found).toBeGreaterThan(1000);
  });

  it('with filters', () => {
    const filters: SearchFilters[] = [{ kind: 'pp' }, { kind: 'op', sessionFrom: 79 }, { sessionTo: 78 }, { yearFrom: 2024 }, { language: 'fr' }, { openingPhrase: 'Recalling' }, { tag: 'oil' }, { organ: 'ga', yearTo: 2023 }];
    for (const f of filters) for (const q of ['development', '"the Secretary-General"', 'report -annual', 'encourag* OR urg*', 'of']) for (const order of ['newest', 'relevance'] as const) expectSame(q, f, [20], order);
  });

  it('for random queries of words, phrases, prefixes, alternatives and exclusions (fast-check, fixed seed)', () => {
    const texts = paras.filter((_, i) => i % 7 === 0).map((p) => searchTerms(p.text, false)).filter((t) => t.length > 0);
    const term = fc.record({ text: fc.integer({ min: 0, max: texts.length - 1 }), at: fc.nat(), len: fc.integer({ min: 1, max: 4 }), kind: fc.constantFrom('word', 'word', 'phrase', 'prefix', 'phrase-prefix'), negated: fc.boolean() });
    const query = fc.record({ terms: fc.array(term, { minLength: 1, maxLength: 4 }), or: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }) }).map(({ terms, or }) =>
      terms
        .map((t, i) => {
          const words = texts[t.text]!;
          const from = t.at % words.length;
          const slice = words.slice(from, from + (t.kind.startsWith('phrase') ? t.len : 1));
          let s = t.kind.startsWith('phrase') ? `"${slice.join(' ')}"` : slice[0]!;
          if (t.kind === 'prefix') s = `${s.slice(0, Math.max(1, Math.ceil(s.length / 2)))}*`;
          if (t.kind === 'phrase-prefix') s = `${s}*`;
          const neg = t.negated && i > 0 ? '-' : '';
          return `${i > 0 && or[i]! && !neg ? 'OR ' : ''}${neg}${s}`;
        })
        .join(' '),
    );
    fc.assert(
      fc.property(query, fc.constantFrom<SearchOrder>('newest', 'relevance'), (q, order) => {
        fc.pre(!symbolQuery(q));
        expectSame(q, {}, [1, 5, 20, 300], order);
      }),
      { seed: 1412, numRuns: 80 },
    );
  });
});

describe('phrases checked on the text', () => {
  it('rely on every word beginning with its term less the last letter (the stemmer cuts endings, y becomes i)', () => {
    const words = new Set(paras.flatMap((p) => searchTerms(p.text, false)));
    for (const w of ['flies', 'policy', 'countries', 'stopped', 'a', 'is', 'us', 'bus', 'agreed', 'eyes', 'sses']) words.add(w);
    for (const w of words) expect(w.startsWith(englishStem(w).slice(0, -1)), w).toBe(true);
    fc.assert(fc.property(fc.stringMatching(/^[a-z0-9]{1,14}$/), (w) => w.startsWith(englishStem(w).slice(0, -1))), { seed: 14, numRuns: 2000 });
  });

  it('find exactly the sequences the whole list of terms holds, in any text (fast-check, fixed seed)', () => {
    const vocab = ['the', 'development', 'developing', 'develops', 'policy', 'policies', 'agenda', 'a', 'an', 'of', 'Secretary', 'General', '79', '200', 'États', 'été', 'aa', 'ab'];
    const seps = [' ', '-', ', ', '\u2019', '\u201c', '\u2013', '\u00a0', '/', '(', ') ', 'x\u0301', 'é', '.\n'];
    const text = fc.array(fc.tuple(fc.constantFrom(...vocab), fc.constantFrom(...seps), fc.boolean()), { maxLength: 14 }).map((ws) => ws.map(([w, sep, upper]) => (upper ? w.toUpperCase() : w) + sep).join(''));
    const form = fc.array(fc.constantFrom(...vocab.map((w) => w.toLowerCase()), 'develop', 'polici', 'agend', 'secretari', 'de', 'etat'), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(text, form, fc.boolean(), fc.constantFrom('en', 'fr'), (t, f, prefix, language) => {
        const terms = searchTerms(t, language === 'en');
        expect(textSequences(t, language).has(f, prefix)).toBe(hasSequence(terms, f, prefix));
      }),
      { seed: 1406, numRuns: 3000 },
    );
  });
});
