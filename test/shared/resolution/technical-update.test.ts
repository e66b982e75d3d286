// The technical update: next year's draft from an adopted resolution, every change a tracked
// proposal. Checked on the real 78/143 → 79/200 pair (the update of 78/143 must write what the
// Assembly really wrote in 79/200's recalled list, year count and report session), on 79/200
// itself, in French and Spanish, and by properties over random texts: rejecting every proposal
// gives back the source exactly, and accepting them all changes only the intended words.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { blockText, emptyFrontMatter, textBlock, type Block, type Inline, type ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { technicalUpdate, TECHNICAL_UPDATE_BY } from '../../../src/shared/resolution/technical-update.js';
import { ordinalWord } from '../../../src/shared/resolution/ordinals.js';
import { wordDiff } from '../../../src/shared/text/diff.js';
import { CORPUS } from '../../helpers/corpus.js';
import { en } from '../../../src/shared/i18n/en.js';
import { fr } from '../../../src/shared/i18n/fr.js';
import { es } from '../../../src/shared/i18n/es.js';

function load(name: string): ResolutionDocument {
  return parseResolutionText(readFileSync(`${CORPUS}/ga-en/${name}.txt`, 'utf8'), { fileName: `${name}.txt` }).document;
}

let counter = 0;
const opts = { at: '2025-09-09T10:00:00.000Z', makeId: (p: string) => `${p}${++counter}` };

/** The text with every proposal accepted (true) or rejected (false). */
function settle(blocks: Block[], accept: boolean): Block[] {
  const inl = (xs: Inline[]): Inline[] =>
    xs.filter((x) => x.t !== 'text' || (accept ? !x.del : !x.ins)).map((x) => (x.t === 'text' ? { t: 'text', text: x.text } : x));
  return blocks
    .filter((b) => accept || b.proposal?.kind !== 'ins')
    .map((b) => {
      const { proposal: _p, ...rest } = b;
      return { ...rest, content: merge(inl(b.content)), tail: merge(inl(b.tail)), children: settle(b.children, accept) };
    });
}
/** Adjacent plain runs joined, so settled text compares with the source run for run. */
function merge(xs: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const x of xs) {
    const last = out[out.length - 1];
    if (x.t === 'text' && last?.t === 'text' && Object.keys(last).length === 2 && Object.keys(x).length === 2) out[out.length - 1] = { t: 'text', text: last.text + x.text };
    else out.push(x);
  }
  return out;
}
const plain = (bs: Block[]): Block[] => bs.map((b) => ({ ...b, content: merge(b.content.map((x) => (x.t === 'text' ? { t: 'text' as const, text: x.text } : x))), tail: merge(b.tail), children: plain(b.children) }));
const texts = (bs: Block[]) => bs.map(blockText);

describe('technical update of A/RES/79/200', () => {
  const src = load('A_RES_79_200');
  const before = JSON.stringify(src);
  const r = technicalUpdate(src, opts);
  const accepted = { pp: texts(settle(r.document.preambular, true)), op: texts(settle(r.document.operative, true)) };

  it('advances the session asked for the report and the count of years, and leaves past sessions alone', () => {
    expect(accepted.op[8]).toContain('to submit to the General Assembly at its eighty-first session a report');
    expect(accepted.op[1]).toContain('Reiterates, for the twentieth consecutive year, its deep concern');
    expect(accepted.op[3]).toContain('at its sixty-second session');
    expect(r.changes.filter((c) => c.kind === 'session').map((c) => `${c.from}→${c.to}`)).toEqual(['eightieth→eighty-first']);
    expect(r.changes.filter((c) => c.kind === 'consecutive').map((c) => `${c.from}→${c.to}`)).toEqual(['nineteenth→twentieth']);
  });

  it('adds 79/200 with its date to the recalled resolutions, dates of cited resolutions untouched', () => {
    expect(accepted.pp[0]).toContain('76/199 of 17 December 2021, 77/157 of 14 December 2022, 78/143 of 19 December 2023 and 79/200 of 19 December 2024 on the oil slick');
    const rec = r.changes.filter((c) => c.kind === 'recalled');
    expect(rec.map((c) => [c.from, c.to])).toEqual([
      [' and ', ', '],
      ['', ' and 79/200 of 19 December 2024'],
    ]);
    expect(r.changes.some((c) => c.kind === 'year')).toBe(false);
  });

  it('makes every text change a proposal by “Technical update”, one per mark', () => {
    const marks = JSON.stringify(r.document).match(/"(ins|del)":\{[^}]*\}/g) ?? [];
    expect(marks.length).toBe(r.changes.flatMap((c) => c.proposals).length);
    expect(marks.every((m) => m.includes(`"by":"${TECHNICAL_UPDATE_BY}"`))).toBe(true);
    const ids = r.changes.flatMap((c) => c.proposals);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('rejecting everything gives back the source text exactly; the source object is untouched', () => {
    expect(settle(r.document.preambular, false)).toEqual(plain(src.preambular));
    expect(settle(r.document.operative, false)).toEqual(plain(src.operative));
    expect(JSON.stringify(src)).toBe(before);
  });

  it('sets the masthead for a Second Committee draft of the eightieth session', () => {
    expect(r.document.meta).toMatchObject({ kind: 'draft', session: '80', symbol: '', adoptionDate: '', issueDate: '', meeting: '', basis: '', organ: 'ga-c2', title: src.meta.title });
    expect(r.changes.filter((c) => c.kind === 'masthead').map((c) => c.to)).toContain('Session: 80');
  });
});

describe('the update of 78/143 writes what the Assembly wrote in 79/200', () => {
  it('recalled list, year count and report session equal the real 79/200', () => {
    const r = technicalUpdate(load('A_RES_78_143'), opts);
    const real = load('A_RES_79_200');
    const pp = texts(settle(r.document.preambular, true));
    const op = texts(settle(r.document.operative, true));
    const realPp = texts(real.preambular);
    const realOp = texts(real.operative);
    expect(pp[0]).toBe(realPp[0]);
    expect(op[1]).toBe(realOp[1]);
    expect(op[8]).toBe(realOp[8]);
  });
});

const fm = (over: Partial<ResolutionDocument['meta']>) => emptyFrontMatter({ kind: 'resolution', symbol: 'A/RES/79/200', session: '79', adoptionDate: '2024-12-17', ...over });
const docOf = (meta: ResolutionDocument['meta'], pps: string[], ops: string[]): ResolutionDocument => ({
  meta,
  preambular: pps.map((t, i) => textBlock(`pp${i}`, t)),
  operative: ops.map((t, i) => textBlock(`op${i}`, t)),
  footnotes: [],
  annexes: [],
});

describe('technical update: forms and languages', () => {
  it('proposes a new first PP when nothing is recalled, and makes a single recalled resolution plural', () => {
    const r = technicalUpdate(docOf(fm({}), ['Noting the report,'], ['Decides to remain seized of the matter.']), opts);
    expect(r.document.preambular[0]!.proposal).toMatchObject({ kind: 'ins', by: TECHNICAL_UPDATE_BY });
    expect(blockText(r.document.preambular[0]!)).toBe('Recalling its resolution 79/200 of 17 December 2024,');
    const one = technicalUpdate(docOf(fm({}), ['Recalling its resolution 78/143 of 19 December 2023 on the oil slick,'], ['Decides.']), opts);
    expect(texts(settle(one.document.preambular, true))[0]).toBe('Recalling its resolutions 78/143 of 19 December 2023 and 79/200 of 17 December 2024 on the oil slick,');
    // "resolution" → "resolutions" is the insertion of the "s" alone.
    expect(one.document.preambular[0]!.content.filter((x) => x.t === 'text' && x.ins).map((x) => (x as { text: string }).text)).toEqual(['s', ' and 79/200 of 17 December 2024']);
  });

  it('advances the years of an advanced session period only', () => {
    const r = technicalUpdate(
      docOf(fm({}), ['Recalling its resolution 70/1 of 25 September 2015,'], ['Decides to convene at its eightieth session, in 2025, a meeting on the work done in 2024 and to hold the twenty-third session of the Commission in 2025.']),
      opts,
    );
    expect(texts(settle(r.document.operative, true))[0]).toBe('Decides to convene at its eighty-first session, in 2026, a meeting on the work done in 2024 and to hold the twenty-third session of the Commission in 2025.');
    expect(texts(settle(r.document.preambular, true))[0]).toBe('Recalling its resolutions 70/1 of 25 September 2015 and 79/200 of 17 December 2024,');
  });

  it('advances "the eightieth session of the General Assembly" but not a commission\'s session of that number', () => {
    const r = technicalUpdate(docOf(fm({}), [], ['Decides to include the item in the agenda of the eightieth session of the General Assembly and notes the eightieth session of the Commission.']), opts);
    expect(texts(settle(r.document.operative, true))[0]).toBe('Decides to include the item in the agenda of the eighty-first session of the General Assembly and notes the eightieth session of the Commission.');
  });

  it('French: ordinals, the recalled list with "et", and a singular made plural', () => {
    const r = technicalUpdate(
      docOf(fm({ language: 'fr', symbol: 'A/RES/75/202', session: '75', adoptionDate: '2020-12-21' }), ['Rappelant ses résolutions 73/218 du 20 décembre 2018 et 74/197 du 19 décembre 2019,'], ['Décide d’inscrire à l’ordre du jour provisoire de sa soixante-seizième session la question, pour la dix-neuvième année consécutive.']),
      opts,
    );
    expect(texts(settle(r.document.operative, true))[0]).toBe('Décide d’inscrire à l’ordre du jour provisoire de sa soixante-dix-septième session la question, pour la vingtième année consécutive.');
    expect(texts(settle(r.document.preambular, true))[0]).toBe('Rappelant ses résolutions 73/218 du 20 décembre 2018, 74/197 du 19 décembre 2019 et 75/202 du 21 décembre 2020,');
    const one = technicalUpdate(docOf(fm({ language: 'fr', symbol: 'A/RES/79/1', adoptionDate: '2024-09-22' }), ['Rappelant sa résolution 78/1 du 1er septembre 2023,'], ['Prie.']), opts);
    expect(texts(settle(one.document.preambular, true))[0]).toBe('Rappelant ses résolutions 78/1 du 1er septembre 2023 et 79/1 du 22 septembre 2024,');
  });

  it('Spanish: "su octogésimo período de sesiones" and a new recalling paragraph', () => {
    const r = technicalUpdate(docOf(fm({ language: 'es' }), ['Observando el informe,'], ['Solicita al Secretario General que le presente en su octogésimo período de sesiones un informe.']), opts);
    expect(texts(settle(r.document.operative, true))[0]).toBe('Solicita al Secretario General que le presente en su octogésimo primer período de sesiones un informe.');
    expect(blockText(r.document.preambular[0]!)).toBe('Recordando su resolución 79/200, de 17 de diciembre de 2024,');
  });

  it('Russian: only the recalled resolution and the masthead are left to the delegate, with a note', () => {
    const r = technicalUpdate(docOf(fm({ language: 'ru' }), ['Ссылаясь на доклад,'], ['Постановляет.']), opts);
    expect(r.document.meta.session).toBe('80');
    expect(r.notes.map((n) => n.message).join(' ')).toMatch(/ordinals are not advanced.*ru/);
    expect(r.notes.map((n) => n.message).join(' ')).toMatch(/Add resolution 79\/200/);
    expect(r.changes.filter((c) => c.proposals.length)).toEqual([]);
    // The same notes as data, one per note, each in the interface catalogues with its values.
    expect(r.notes.map((n) => n.code).slice(0, 2)).toEqual(['noOrdinals', 'recallByHand']);
    for (const ref of r.notes) {
      const english = en[`technicalUpdate.note.${ref.code}`]!;
      expect(english.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => String(ref.values?.[k]))).toBe(ref.message);
      expect(fr[`technicalUpdate.note.${ref.code}`]).toBeTruthy();
      expect(es[`technicalUpdate.note.${ref.code}`]).toBeTruthy();
    }
  });

  it('refuses a draft or a resolution without a numbered session, with a clear message', () => {
    expect(() => technicalUpdate(docOf(fm({ kind: 'draft', symbol: 'A/C.2/80/L.26', session: '80' }), [], ['Decides.']), opts)).toThrow(/adopted resolution of a numbered regular session; A\/C\.2\/80\/L\.26 is not one/);
    expect(() => technicalUpdate(docOf(fm({ symbol: 'S/RES/2532 (2020)', session: '', organ: 'sc' }), [], ['Decides.']), opts)).toThrow(/numbered regular session/);
  });
});

// Random texts from words, ordinals, session phrases, years and citations.
const words = ['the', 'Assembly', 'its', 'session', 'report', 'of', 'and', 'in', 'at', 'consecutive', 'year', 'for', 'General', 'resolution', '2024', '2025', '(2025)', 'Commission', ','];
const ordinal = fc.integer({ min: 1, max: 199 }).map((n) => ordinalWord(n, 'en'));
const piece = fc.oneof(
  fc.constantFrom(...words),
  ordinal,
  fc.constantFrom(78, 79, 80, 81).map((n) => `at its ${ordinalWord(n, 'en')} session`),
  fc.tuple(fc.constantFrom(79, 80), fc.integer({ min: 2020, max: 2030 })).map(([n, y]) => `its ${ordinalWord(n, 'en')} session, in ${y}`),
  ordinal.map((o) => `for the ${o} consecutive year`),
  fc.integer({ min: 1, max: 300 }).map((n) => `78/${n} of 19 December 2023`),
);
const sentence = fc.array(piece, { minLength: 1, maxLength: 14 }).map((xs) => xs.join(' '));
const recalling = fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 5 }).map((ns) => {
  const cites = ns.map((n, i) => `${70 + (i % 9)}/${n} of ${1 + (n % 28)} December ${2015 + (i % 9)}`);
  return `Recalling its resolution${cites.length > 1 ? 's' : ''} ${cites.length > 1 ? `${cites.slice(0, -1).join(', ')} and ${cites[cites.length - 1]}` : cites[0]} on the matter,`;
});

const ORDINAL_PIECES = new Set(Array.from({ length: 200 }, (_, i) => ordinalWord(i + 1, 'en').split(/[ -]/)).flat());

describe('technical update: properties', () => {
  it('rejecting all proposals gives back the source; accepting them changes only ordinals, period years and the recalled list', () => {
    fc.assert(
      fc.property(fc.option(recalling, { nil: undefined }), fc.array(sentence, { minLength: 1, maxLength: 4 }), fc.array(sentence, { minLength: 1, maxLength: 4 }), (rec, pps, ops) => {
        const src = docOf(fm({}), rec ? [rec, ...pps] : pps, ops);
        const r = technicalUpdate(src, opts);
        expect(settle(r.document.preambular, false)).toEqual(plain(src.preambular));
        expect(settle(r.document.operative, false)).toEqual(plain(src.operative));
        const acc = [...settle(r.document.preambular, true), ...settle(r.document.operative, true)];
        const orig = [...src.preambular, ...src.operative];
        const added = rec ? 0 : 1;
        expect(acc.length).toBe(orig.length + added);
        acc.slice(added).forEach((b, i) => {
          for (const d of wordDiff(blockText(orig[i]!), blockText(b))) {
            if (d.op === 'eq') continue;
            const t = d.text.trim();
            // Ordinals, years, and the recalled list's separator and new citation: nothing else.
            expect(t === '' || t.split(/[ -]/).every((w) => ORDINAL_PIECES.has(w)) || /^(?:\d{4}|,|and|and 79\/200 of 17 December 2024|s|resolutions?)$/.test(t), `${d.op} "${d.text}"`).toBe(true);
          }
        });
        for (const c of r.changes) {
          if (c.kind === 'session') expect(['seventy-ninth→eightieth', 'eightieth→eighty-first']).toContain(`${c.from}→${c.to}`);
          if (c.kind === 'year') expect(Number(c.to)).toBe(Number(c.from) + 1);
        }
      }),
      { numRuns: 200 },
    );
  });
});
