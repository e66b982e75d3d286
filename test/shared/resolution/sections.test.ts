// Resolutions in parts: headings, part preambles, numbering that restarts or continues, tables,
// through the model, the editor document, the file format, the exports and back.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportAkn } from '../../../src/shared/export/akn.js';
import { exportText } from '../../../src/shared/export/txt.js';
import { exportHtml } from '../../../src/shared/export/html.js';
import { layoutDocument } from '../../../src/shared/export/layout.js';
import { parseAkn } from '../../../src/shared/import/akn.js';
import { toParseJson } from '../../../src/shared/import/json.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { fromDoc, toDoc } from '../../../src/shared/resolution/convert.js';
import { parsePlenaryFile, serializePlenaryFile } from '../../../src/shared/resolution/file.js';
import { emptyFrontMatter, inlineText, textBlock, type Block, type ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { computeStructure } from '../../../src/shared/resolution/structure.js';
import { CORPUS } from '../../helpers/corpus.js';

const NOW = new Date('2026-12-07T10:00:00Z');

function heading(id: string, level: 1 | 2, num: string, title: string, restart = false): Block {
  return { ...textBlock(id, title), heading: restart ? { level, num, restart } : { level, num } };
}
function ppOf(id: string, text: string): Block {
  return { ...textBlock(id, text), preambular: true };
}

/** Kinds and texts in reading order: what a reader sees, ids aside. */
function shape(d: ResolutionDocument): string[] {
  const out: string[] = [];
  const walk = (b: Block, where: string): void => {
    if (b.heading) out.push(`H${b.heading.level} ${b.heading.num}${b.heading.restart ? '!' : ''} ${inlineText(b.content)}`);
    else if (b.table) out.push(`T ${JSON.stringify(b.table)}`);
    else out.push(`${b.preambular ? 'pp' : where} ${inlineText(b.content).replace(/\s+/g, ' ').trim()}|${b.children.length}`);
  };
  d.preambular.forEach((b) => walk(b, 'pp'));
  d.operative.forEach((b) => walk(b, 'op'));
  d.annexes.forEach((a) => a.paragraphs.forEach((b) => walk(b, 'ap')));
  return out;
}

/** A resolution in two parts: part I continues from the general preamble, part II restarts. */
function twoParts(): ResolutionDocument {
  return {
    meta: emptyFrontMatter({ kind: 'resolution', symbol: 'A/RES/80/999', session: '80', title: 'Questions relating to the budget' }),
    preambular: [textBlock('pp1', 'Recalling its previous resolutions,')],
    operative: [
      heading('h1', 1, 'I', 'Umoja'),
      textBlock('o1', 'Takes note of the report;'),
      textBlock('o2', 'Requests the Secretary-General to report;'),
      heading('h2', 1, 'II', 'Capital investment planning', true),
      ppOf('p2', 'Having considered the report of the Secretary-General,'),
      textBlock('o3', 'Approves the plan;'),
      { ...textBlock('o4', 'Decides to review the matter, as set out in '), content: [{ t: 'text', text: 'Decides to review the matter, as set out in ' }, { t: 'xref', targets: ['o2'] }, { t: 'text', text: ' and ' }, { t: 'xref', targets: ['o3'] }, { t: 'text', text: '.' }] },
      heading('h3', 2, 'A', 'Regional offices'),
      textBlock('o5', 'Welcomes the progress.'),
    ],
    footnotes: [],
    annexes: [
      {
        id: 'ax1',
        heading: 'Annex',
        title: 'Resources',
        paragraphs: [heading('ax1-h1', 1, 'I', 'Overview'), textBlock('ax1-p1', 'The resources are as follows:'), { ...textBlock('ax1-t1', ''), table: { header: true, rows: [['Item', 'Amount'], ['Posts', '1,200']] } }],
      },
    ],
  };
}

describe('sections in the model and the editor document', () => {
  it('numbers operative paragraphs per part where a part restarts, leaves headings and part preambles unnumbered', () => {
    const s = computeStructure(toDoc(twoParts()), 'en');
    const labels = Object.fromEntries(s.paras.map((p) => [p.id, p.label]));
    expect(labels).toMatchObject({ pp1: '', o1: '1.', o2: '2.', p2: '', o3: '1.', o4: '2.', o5: '3.', 'ax1-p1': '1.' });
    expect(s.paras.find((p) => p.id === 'p2')!.section).toBe('pp');
    expect(s.headings.map((h) => `${h.level}${h.num}`)).toEqual(['1I', '1II', '2A', '1I']);
    expect(s.paras.find((p) => p.id === 'o5')!.part).toBe('II');
    // The last paragraph of part I closes its part.
    expect(s.paras.find((p) => p.id === 'o2')!.role).toBe('op-last');
    expect(s.paras.find((p) => p.id === 'o1')!.role).toBe('op');
  });

  it('continues numbering across parts unless a part restarts it', () => {
    const d = twoParts();
    d.operative[3] = heading('h2', 1, 'II', 'Capital investment planning');
    const s = computeStructure(toDoc(d), 'en');
    expect(s.paras.filter((p) => p.section === 'op').map((p) => p.label)).toEqual(['1.', '2.', '3.', '4.', '5.']);
    expect(s.restarts).toBe(false);
  });

  it('words a reference to another part "paragraph 2 of section I", and within the part "paragraph 1 above"', () => {
    const l = layoutDocument(twoParts());
    const o4 = l.paragraphs.find((p) => p.id === 'o4')!;
    expect(o4.runs.map((r) => r.text).join('')).toBe('Decides to review the matter, as set out in paragraph 2 of section I and paragraph 1 above.');
  });

  it('an only paragraph of a restarting part is not numbered', () => {
    const d = twoParts();
    d.operative.splice(6, 1);
    d.operative.splice(7);
    const s = computeStructure(toDoc(d), 'en');
    expect(s.paras.find((p) => p.id === 'o3')!.label).toBe('');
  });

  it('fromDoc(toDoc(d)) gives back headings, part preambles and tables exactly', () => {
    const d = twoParts();
    expect(fromDoc(toDoc(d))).toEqual(d);
  });

  it('saves as format 2 and opens again unchanged; a file without headings stays format 1', () => {
    const d = twoParts();
    const text = serializePlenaryFile({ document: d }, '0.2.0', NOW);
    expect(JSON.parse(text).version).toBe(2);
    expect(parsePlenaryFile(text).document).toEqual(d);
    const plain: ResolutionDocument = { ...d, operative: [textBlock('o1', 'Decides.')], annexes: [] };
    expect(JSON.parse(serializePlenaryFile({ document: plain }, '0.2.0', NOW)).version).toBe(1);
  });

  it('prints headings in UN style in every writer and keeps reading order', () => {
    const d = twoParts();
    const txt = exportText(d);
    expect(txt).toMatch(/\nII\nCapital investment planning\n\n {4}\*?Having considered\*? the report/);
    expect(txt).toMatch(/\nA\.\nRegional offices\n/);
    expect(txt).toContain('Item | Amount');
    const html = exportHtml(d);
    expect(html).toContain('<h3 class="heading h1" id="para-h2"><span class="heading-num own-line">II</span>Capital investment planning</h3>');
    expect(html).toContain('<th>Item</th><th>Amount</th>');
    // The part preamble stays after part I in the operative section, not moved to the preamble.
    expect(html.indexOf('Having considered')).toBeGreaterThan(html.indexOf('Requests the Secretary-General'));
    const akn = exportAkn(d, { now: NOW });
    expect(akn).toContain('<part eId="part_II" wId="h2" plenary:restart="true">');
    expect(akn).toContain('<chapter eId="part_II__chp_A" wId="h3">');
    expect(akn).toContain('<hcontainer name="preambularParagraph" eId="part_II__hcontainer_5" wId="p2">');
    expect(akn).toContain('<paragraph eId="part_II__para_1" wId="o3">');
    expect(akn).toContain('<tr><th><p>Item</p></th><th><p>Amount</p></th></tr>');
    expect(shape(parseAkn(akn))).toEqual(shape(d));
  });
});

// Omnibus and sectioned resolutions of the corpus (I., II. … parts, lettered sub-headings,
// part preambles, numbering restarting or continuing).
const SECTIONED: [string, { parts: number; pps: number; ops: number; restarts: number }][] = [
  ['A_RES_78_247.txt', { parts: 2, pps: 4, ops: 12, restarts: 1 }],
  ['A_RES_78_68.txt', { parts: 14, pps: 0, ops: 0, restarts: 0 }],
  ['A_RES_79_281.txt', { parts: 2, pps: 4, ops: 20, restarts: 1 }],
  ['A_RES_78_253.txt', { parts: 26, pps: 36, ops: 219, restarts: 0 }], // XXVI's 'Recalls …,' before its paragraph 1 is a PP; VII.6's two staffing tables are tables (sectioned-reference.json)
  ['A_RES_78_330.txt', { parts: 0, pps: 0, ops: 0, restarts: 0 }],
];

describe('sectioned corpus resolutions', () => {
  for (const [file, expected] of SECTIONED) {
    const doc = parseResolutionText(fs.readFileSync(path.join(CORPUS, 'ga-en', file), 'utf8'), { fileName: file }).document;
    it(`${file}: headings kept, no heading glued to a paragraph, round trip through txt and AKN`, () => {
      const heads = [...doc.preambular, ...doc.operative].filter((b) => b.heading && b.heading.level === 1);
      if (expected.parts) expect(heads).toHaveLength(expected.parts);
      const j = toParseJson(doc);
      if (expected.pps) expect(j.preambular).toHaveLength(expected.pps);
      if (expected.ops) expect(j.operative).toHaveLength(expected.ops);
      if (expected.restarts) expect(heads.filter((b) => b.heading!.restart)).toHaveLength(expected.restarts);
      // No paragraph ends with a heading's title glued on ("…;Implementation frameworks").
      for (const o of j.operative) expect(o.text, o.text.slice(-80)).not.toMatch(/[;:.,]\s*(?:[IVX]+\.?\s+)?[A-Z][a-z]+(?: [a-z]+)*$/);
      expect(shape(parseResolutionText(exportText(doc)).document)).toEqual(shape(doc));
      expect(shape(parseAkn(exportAkn(doc, { now: NOW })))).toEqual(shape(doc));
    });
  }
});

// Random resolutions in parts: exported as text and read back, the counts of preambular and
// operative paragraphs and the headings are exact.
const WORDS = ['budget', 'report', 'Member States', 'the Committee', 'resources', 'the Secretariat', 'cooperation', 'the Fund'];
const words = fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 12 }).map((ws) => ws.join(' '));
const TITLES = ['Umoja', 'Capital investment planning', 'Contingency fund', 'Regional cooperation', 'Special political missions'];
const part = fc.record({
  title: fc.constantFrom(...TITLES),
  pps: fc.array(words, { maxLength: 3 }),
  ops: fc.array(words, { minLength: 1, maxLength: 4 }),
  restart: fc.boolean(),
  subs: fc.integer({ min: 0, max: 2 }),
});

function randomDoc(general: string[], parts: { title: string; pps: string[]; ops: string[]; restart: boolean; subs: number }[]): ResolutionDocument {
  let n = 0;
  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI'];
  const operative: Block[] = [];
  parts.forEach((p, k) => {
    operative.push(heading(`h${k}`, 1, roman[k]!, p.title, k > 0 && p.restart && p.ops.length > 1));
    p.pps.forEach((t) => operative.push(ppOf(`p${++n}`, `Recalling ${t},`)));
    p.ops.forEach((t, i) => {
      if (p.subs > 0 && i === 1) operative.push(heading(`s${k}`, 2, 'A', 'Other matters'));
      operative.push(textBlock(`o${++n}`, `Requests ${t};`));
    });
  });
  return { meta: emptyFrontMatter({ kind: 'resolution', symbol: 'A/RES/80/998', title: 'Questions' }), preambular: general.map((t, i) => textBlock(`g${i}`, `Recalling ${t},`)), operative, footnotes: [], annexes: [] };
}

describe('PP and OP counts survive export and import (property)', () => {
  it('random resolutions in parts: text and AKN give back the same headings and paragraphs', () => {
    fc.assert(
      fc.property(fc.array(words, { minLength: 1, maxLength: 3 }), fc.array(part, { minLength: 1, maxLength: 4 }), (general, parts) => {
        const d = randomDoc(general, parts);
        const back = parseResolutionText(exportText(d)).document;
        const a = toParseJson(d);
        const b = toParseJson(back);
        expect(b.preambular.length).toBe(a.preambular.length);
        expect(b.operative.length).toBe(a.operative.length);
        expect(b.headings).toEqual(a.headings);
        expect(shape(parseAkn(exportAkn(d, { now: NOW })))).toEqual(shape(d));
      }),
      { numRuns: 40 },
    );
  });
});
