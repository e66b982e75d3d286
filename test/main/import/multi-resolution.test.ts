// Documents holding several resolutions, A, B… (UN practice: a centred letter, its own title if
// any, "The General Assembly," and its own preamble and operative part numbered from 1; adopted
// ones are cited "79/252 A and B"). A/C.5/80/L.17 from its text layer and its PDF: every word of
// the official text once and in order, A and B each numbered from 1; import → save → reopen →
// export → import gives the same structure; random documents of one to three resolutions survive
// save → reopen and every exporter with its importer, numbered from 1 in each resolution.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readResolutionBuffer, readResolutionFile } from '../../../src/main/services/import-files.js';
import { docxBytes } from '../../../src/shared/export/docx.js';
import { exportHtml } from '../../../src/shared/export/html.js';
import { layoutDocument, runsText, type DocumentLayout } from '../../../src/shared/export/layout.js';
import { exportText } from '../../../src/shared/export/txt.js';
import { toParseJson } from '../../../src/shared/import/json.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { fromDoc, toDoc } from '../../../src/shared/resolution/convert.js';
import { parsePlenaryFile, serializePlenaryFile } from '../../../src/shared/resolution/file.js';
import { blockText, emptyFrontMatter, textBlock, type Block, type ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { CORPUS } from '../../helpers/corpus.js';

const L17 = 'A_C.5_80_L.17';
const TXT = path.join(CORPUS, 'drafts-80', 'txt', `${L17}.txt`);
const PDF = path.join(CORPUS, 'drafts-80', 'pdf', `${L17}.pdf`);

const tokens = (s: string): string[] => s.match(/[\p{L}\p{N}]+(?:[-‑'’/.][\p{L}\p{N}]+)*/gu) ?? [];

/**
 * The words of L.17's official text from the letter "A" to the end, as the text layer prints
 * them: page furniture, footnote blocks, paragraph numbers and footnote marks (a digit ending a
 * line after a word or a comma or semicolon, or glued to a lower-case word: "costs3") left out.
 */
function officialWords(): string[] {
  const lines = fs.readFileSync(TXT, 'utf8').split(/\r?\n/).map((l) => l.trim());
  const start = lines.indexOf('A');
  const out: string[] = [];
  let inNotes = false;
  for (const l of lines.slice(start)) {
    if (/^_{5,}$/.test(l)) {
      inNotes = true;
      continue;
    }
    if (/^A\/C\.5\/80\/L\.17$/.test(l)) {
      inNotes = false;
      continue;
    }
    if (inNotes || l === '' || /^25-21098$/.test(l) || /^\d\/4$/.test(l)) continue;
    const text = l.replace(/^\d{1,2}\.(?:\s+|$)/, '').replace(/(?<=[\p{L},;])\s?\d$/u, '').replace(/(?<=\p{Ll})\d\b/gu, '');
    out.push(...tokens(text));
  }
  return out;
}

/** The words the export prints from the first resolution's letter on: headings, each resolution's formula, the paragraphs (no labels, no footnote marks). */
function bodyWords(layout: DocumentLayout): string[] {
  const out: string[] = [];
  for (const p of layout.paragraphs) {
    if (p.heading) {
      out.push(...tokens(p.label), ...tokens(runsText(p.runs)));
      const f = p.heading.resolution?.formula;
      if (f) out.push(...tokens(f.words));
      continue;
    }
    out.push(...tokens(runsText(p.runs)));
  }
  return out;
}

/** Resolution letters with the labels of their top-level operative paragraphs, in order: "A 1. 2. …". */
function numbering(layout: DocumentLayout): string[] {
  const out: string[] = [];
  for (const p of layout.paragraphs) {
    if (p.heading?.resolution) out.push(`${p.label}:`);
    else if (!p.heading && !p.table && p.section === 'op' && p.level === 0 && !p.tail && out.length > 0) out[out.length - 1] += ` ${p.label || '-'}`;
  }
  return out;
}

async function importFile(file: string): Promise<ResolutionDocument> {
  const t = await readResolutionFile(file);
  return parseResolutionText(t.text, { fileName: t.fileName, format: t.format }).document;
}

// The official numbering: A's OPs 1–15, part I's single paragraph, part II's, II.A's (unnumbered:
// one each), II.B's paragraphs numbered on from part II; B's own 1 and 2.
const L17_NUMBERING_B = 'B: 1. 2.';

function checkL17(doc: ResolutionDocument): void {
  const layout = layoutDocument(doc);
  expect(bodyWords(layout)).toEqual(officialWords());
  expect(layout.paragraphs[0]?.heading?.resolution, 'the document opens with resolution A').toBeDefined();
  const n = numbering(layout);
  expect(n).toHaveLength(2);
  expect(n[0]!.startsWith('A: 1. 2. 3. 4. 5. 6. 7. 8. 9. 10. 11. 12. 13. 14. 15.')).toBe(true);
  expect(n[1]).toBe(L17_NUMBERING_B);
  const j = toParseJson(doc);
  expect([j.preambular.length, j.operative.length]).toEqual([7, 24]);
}

describe('A/C.5/80/L.17: resolutions A and B', { timeout: 300_000 }, () => {
  it('from the text layer: every word once and in order, the letters and formulas in place, A and B each numbered from 1', async () => {
    checkL17(await importFile(TXT));
  });

  it('from the PDF: the same', async () => {
    checkL17(await importFile(PDF));
  });

  it('import → save → reopen → export text → import again: the same structure and words', async () => {
    const doc = await importFile(TXT);
    const saved = serializePlenaryFile({ document: doc }, 'test', new Date('2025-01-01T00:00:00Z'));
    const reopened = fromDoc(toDoc(parsePlenaryFile(saved, 'l17.plenary').document));
    expect(shape(reopened)).toEqual(shape(doc));
    const again = parseResolutionText(exportText(reopened), { fileName: 'l17.txt' }).document;
    expect(shape(again)).toEqual(shape(doc));
    checkL17(again);
  });
});

// ---------------------------------------------------------------------------------------------
// Random documents of one to three resolutions

const WORDS = ['programme', 'budget', 'regional', 'cooperation', 'oceans', 'development', 'States', 'audit', 'office', 'support', 'climate', 'peace'];
const words = (min: number, max: number): fc.Arbitrary<string> => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((w) => w.join(' '));
const title = words(1, 5).map((t) => t.charAt(0).toUpperCase() + t.slice(1));

const resolutionSpec = fc.record({
  title: fc.option(title, { nil: undefined }),
  preamble: fc.array(words(3, 10), { maxLength: 2 }),
  ops: fc.array(words(3, 12), { minLength: 1, maxLength: 4 }),
  part: fc.option(fc.record({ title, ops: fc.array(words(3, 12), { minLength: 1, maxLength: 2 }) }), { nil: undefined }),
});
const spec = fc.array(resolutionSpec, { minLength: 1, maxLength: 3 });
type Spec = typeof spec extends fc.Arbitrary<infer T> ? T : never;

/** The document a spec describes: resolution A's heading heads the preamble (the operative part when A has none). */
function build(s: Spec): ResolutionDocument {
  const verbs = ['Decides', 'Requests', 'Encourages', 'Invites'];
  const preambular: Block[] = [];
  const operative: Block[] = [];
  let n = 0;
  s.forEach((r, i) => {
    const letter = String.fromCharCode(65 + i);
    const heading: Block = { ...textBlock(`r${i}`, r.title ?? ''), heading: { level: 1, num: letter, restart: true, resolution: true } };
    const pps = r.preamble.map((t, k) => textBlock(`r${i}-pp${k}`, `${k === 0 ? 'Recalling' : 'Noting'} the ${t},`));
    if (i === 0 && pps.length > 0) preambular.push(heading, ...pps);
    else operative.push(heading, ...pps.map((b) => ({ ...b, preambular: true })));
    for (const t of r.ops) operative.push(textBlock(`op${++n}`, `${verbs[n % verbs.length]} the ${t};`));
    if (r.part) {
      operative.push({ ...textBlock(`r${i}-h`, r.part.title), heading: { level: 1, num: 'I' } });
      for (const t of r.part.ops) operative.push(textBlock(`op${++n}`, `${verbs[n % verbs.length]} the ${t};`));
    }
    // Each resolution closes with a full stop.
    const last = operative[operative.length - 1]!;
    last.content = [{ t: 'text', text: blockText(last).replace(/;$/, '.') }];
  });
  const meta = emptyFrontMatter({ kind: 'resolution', organ: 'ga', symbol: 'A/RES/80/998', session: '80', title: 'United Nations common system', adoptionDate: '2025-12-22', issueDate: '2025-12-30', meeting: '60th plenary meeting', language: 'en' });
  return { meta, preambular, operative, footnotes: [], annexes: [] };
}

/** Structure and words in reading order (where resolution A's heading stands is the model's, tested apart). */
function shape(d: ResolutionDocument): string[] {
  const line = (b: Block, pp: boolean): string => {
    if (b.heading) return `${b.heading.resolution ? 'RES' : `H${b.heading.level}`}${b.heading.restart ? 'r' : ''} ${b.heading.num} ${blockText(b)}`;
    return `${pp || b.preambular ? 'PP' : 'OP'} ${blockText(b)}`;
  };
  return [...d.preambular.map((b) => line(b, true)), ...d.operative.map((b) => line(b, false))];
}

/**
 * What each resolution's top-level operative paragraphs are numbered: 1, 2… from each letter, a
 * part in it numbering on (it does not restart); a resolution's single paragraph unnumbered.
 */
function expectedNumbering(s: Spec): string[] {
  return s.map((r, i) => {
    const total = r.ops.length + (r.part?.ops.length ?? 0);
    return `${String.fromCharCode(65 + i)}:${total === 1 ? ' -' : Array.from({ length: total }, (_x, k) => ` ${k + 1}.`).join('')}`;
  });
}

async function throughExporter(doc: ResolutionDocument, kind: 'txt' | 'md' | 'html' | 'docx'): Promise<ResolutionDocument> {
  const bytes = kind === 'docx' ? await docxBytes(doc) : new TextEncoder().encode(kind === 'html' ? exportHtml(doc) : exportText(doc, kind === 'txt' ? { footnoteMarks: 'digits' } : {}));
  const r = await readResolutionBuffer(`draft.${kind}`, bytes);
  return parseResolutionText(r.text, { fileName: r.fileName, format: r.format }).document;
}

describe('random documents of one to three resolutions', { timeout: 300_000 }, () => {
  it('save → reopen gives the identical document; numbering restarts at 1 in each resolution (property)', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const doc = build(s);
        const reopened = parsePlenaryFile(serializePlenaryFile({ document: doc }, 'test', new Date('2025-01-01T00:00:00Z')), 'x.plenary').document;
        expect(reopened).toEqual(doc);
        expect(fromDoc(toDoc(reopened))).toEqual(doc);
        expect(numbering(layoutDocument(reopened))).toEqual(expectedNumbering(s));
      }),
      { numRuns: 60 },
    );
  });

  it('text, markdown, HTML and Word exports read back with the same resolutions, words and numbering (property)', async () => {
    await fc.assert(
      fc.asyncProperty(spec, async (s) => {
        const doc = build(s);
        for (const kind of ['txt', 'md', 'html', 'docx'] as const) {
          const back = await throughExporter(doc, kind);
          expect(shape(back), kind).toEqual(shape(doc));
          expect(numbering(layoutDocument(back)), kind).toEqual(expectedNumbering(s));
        }
      }),
      { numRuns: 8 },
    );
  });
});
