// The safety net for sections on import: a random sectioned resolution (parts with numeral and
// title, lettered sub-headings, part preambles, numbering restarting or continuing, an annex with a
// table) written by each exporter (text, markdown, HTML, .docx) and read back by its importer gives
// the same structure and the same words.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readResolutionBuffer } from '../../../src/main/services/import-files.js';
import { docxBytes } from '../../../src/shared/export/docx.js';
import { exportHtml } from '../../../src/shared/export/html.js';
import { exportText } from '../../../src/shared/export/txt.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { toRoman } from '../../../src/shared/resolution/labels.js';
import { blockText, emptyFrontMatter, textBlock, type Block, type ResolutionDocument } from '../../../src/shared/resolution/model.js';

const WORDS = ['programme', 'budget', 'regional', 'cooperation', 'oceans', 'development', 'States', 'audit', 'office', 'support', 'climate', 'peace', 'security', 'statistics', 'youth', 'partnership'];
const words = (min: number, max: number): fc.Arbitrary<string> => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((w) => w.join(' '));
const title = words(1, 6).map((t) => t.charAt(0).toUpperCase() + t.slice(1));

interface PartSpec {
  title: string;
  preamble: string[];
  restart: boolean;
  subs: { title: string; ops: string[] }[];
}

const part: fc.Arbitrary<PartSpec> = fc.record({
  title,
  preamble: fc.array(words(3, 12), { maxLength: 2 }),
  restart: fc.boolean(),
  subs: fc.array(fc.record({ title, ops: fc.array(words(3, 15), { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 3 }),
});

const spec = fc.record({
  preamble: fc.array(words(3, 12), { minLength: 1, maxLength: 2 }),
  parts: fc.array(part, { minLength: 1, maxLength: 4 }),
  lettered: fc.boolean(),
  table: fc.option(
    // Rows that fit the text export's 72 columns: a row it wraps is read back as best it can be
    // (where a wrapped row ends is not always knowable from the text).
    fc
      .record({ header: fc.boolean(), rows: fc.integer({ min: 2, max: 3 }).chain((cols) => fc.array(fc.array(title, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 3 })) })
      .filter((t) => t.rows.every((r) => r.join(' | ').length <= 72)),
    { nil: undefined },
  ),
});

type Spec = typeof spec extends fc.Arbitrary<infer T> ? T : never;

/** The document a spec describes. */
function build(s: Spec): ResolutionDocument {
  const verbs = ['Decides', 'Requests', 'Encourages', 'Invites'];
  const preambular = s.preamble.map((t, k) => textBlock(`pp${k + 1}`, `${k === 0 ? 'Recalling' : 'Noting'} the ${t},`));
  const operative: Block[] = [];
  let n = 0;
  s.parts.forEach((p, i) => {
    const heading: Block = { ...textBlock(`h${i + 1}`, p.title), heading: { level: 1, num: toRoman(i + 1).toUpperCase() } };
    // A restart only means something after operative paragraphs of an earlier part.
    if (p.restart && operative.some((b) => !b.heading && !b.preambular)) heading.heading!.restart = true;
    operative.push(heading);
    p.preamble.forEach((t, k) => operative.push({ ...textBlock(`p${i}-pp${k}`, `${k === 0 ? 'Recalling also' : 'Welcoming'} the ${t},`), preambular: true }));
    p.subs.forEach((sub, j) => {
      if (s.lettered) operative.push({ ...textBlock(`p${i}-h${j}`, sub.title), heading: { level: 2, num: String.fromCharCode(65 + j) } });
      for (const t of sub.ops) operative.push(textBlock(`op${++n}`, `${verbs[n % verbs.length]} the ${t};`));
    });
  });
  const last = operative[operative.length - 1]!;
  last.content = [{ t: 'text', text: blockText(last).replace(/;$/, '.') }];
  const meta = emptyFrontMatter({ kind: 'resolution', organ: 'ga', symbol: 'A/RES/80/999', session: '80', title: 'Questions of programme and budget', adoptionDate: '2025-12-22', issueDate: '2025-12-30', meeting: '60th plenary meeting', language: 'en' });
  // A header heads rows of data: a table of one row has none.
  const annexes = s.table
    ? [{ id: 'ax1', heading: 'Annex', title: 'Staffing table', paragraphs: [{ id: 'ax1-t1', content: [], children: [], tail: [], table: { header: s.table.header && s.table.rows.length > 1, rows: s.table.rows } }] }]
    : [];
  return { meta, preambular, operative, footnotes: [], annexes };
}

/** Structure and words: preamble and parts in reading order (where a heading stands, preamble or operative list, is the importer's choice). */
function shape(d: ResolutionDocument, keepHeader: boolean): string[] {
  const line = (b: Block, pp: boolean): string => {
    if (b.heading) return `H${b.heading.level}${b.heading.restart ? 'r' : ''} ${b.heading.num} ${blockText(b)}`;
    if (b.table) return `T${keepHeader && b.table.header ? 'h' : ''} ${JSON.stringify(b.table.rows)}`;
    return `${pp || b.preambular ? 'PP' : 'OP'} ${blockText(b)}`;
  };
  return [...d.preambular.map((b) => line(b, true)), ...d.operative.map((b) => line(b, false)), ...d.annexes.flatMap((a) => [`ANNEX ${a.heading} ${a.title}`, ...a.paragraphs.map((b) => line(b, false))])];
}

async function roundTrip(doc: ResolutionDocument, kind: 'txt' | 'md' | 'html' | 'docx'): Promise<ResolutionDocument> {
  const bytes =
    kind === 'docx' ? await docxBytes(doc) : new TextEncoder().encode(kind === 'html' ? exportHtml(doc) : exportText(doc, kind === 'txt' ? { footnoteMarks: 'digits' } : {}));
  const r = await readResolutionBuffer(`draft.${kind}`, bytes);
  return parseResolutionText(r.text, { fileName: r.fileName, format: r.format }).document;
}

/** Every exporter and its importer give back the spec's structure and words. */
async function check(s: Spec): Promise<void> {
  const doc = build(s);
  for (const kind of ['txt', 'md', 'html', 'docx'] as const) {
    // Whether a table's first row is a header survives HTML and .docx (w:tblHeader on a header
    // row only); the text forms do not mark it.
    const keepHeader = kind === 'html' || kind === 'docx';
    expect(shape(await roundTrip(doc, kind), keepHeader), kind).toEqual(shape(doc, keepHeader));
  }
}

const P = 'programme programme programme';
const one = (restart: boolean, ops: string[]): PartSpec => ({ title: 'Programme', preamble: [], restart, subs: [{ title: 'Programme', ops }] });

describe('random sectioned resolutions through every exporter and back', () => {
  it('text, markdown, HTML and .docx give back the parts, sub-headings, part preambles, restarts, table and words (property)', async () => {
    await fc.assert(fc.asyncProperty(spec, check), { numRuns: 12 });
  });

  // Seeds the property found, kept as plain tests.
  it('parts of one unnumbered paragraph each number their own (a restart the text shows only by the missing numbers)', async () => {
    await check({ preamble: [P], parts: [one(false, [P]), one(true, [P])], lettered: false, table: undefined });
  });

  it('a restart belongs to the part, not to the lettered sub-heading under it', async () => {
    await check({ preamble: [P], parts: [one(false, [P]), one(true, [P, P])], lettered: true, table: undefined });
  });

  it('a table row the text export wrapped right after a separator, and a one-row table (no header)', async () => {
    await check({ preamble: [P], parts: [one(false, [P])], lettered: false, table: { header: true, rows: [['Programme programme programme programme programme programme', 'Development programme'], ['Programme', 'Programme']] } });
    await check({ preamble: [P], parts: [one(false, [P])], lettered: false, table: { header: false, rows: [['Programme', 'Programme']] } });
  });
});
