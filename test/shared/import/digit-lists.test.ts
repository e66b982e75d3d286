// Subparagraphs the document numbers "1.", "2." (A/RES/79/1, Annex I, paragraph 7: "To achieve our
// goal, we will pursue the following objectives:" then 1. to 5.) keep those numbers: the importer
// marks the paragraph (model.ts Block.listLabels 'digits'), the editor and the file carry the mark,
// and every export prints "1."… where the old code printed "(a)"…(e) by position.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportAkn } from '../../../src/shared/export/akn.js';
import { exportText } from '../../../src/shared/export/txt.js';
import { parseAkn } from '../../../src/shared/import/akn.js';
import { layoutDocument } from '../../../src/shared/export/layout.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { fromDoc, toDoc } from '../../../src/shared/resolution/convert.js';
import { parsePlenaryFile, serializePlenaryFile } from '../../../src/shared/resolution/file.js';
import { textBlock, type Block, type ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { CORPUS } from '../../helpers/corpus.js';

/** Every annex paragraph as the exports print it: level, label and text. */
function printed(doc: ResolutionDocument): [number, string, string][][] {
  return layoutDocument(doc).annexes.map((a) => a.paragraphs.map((p) => [p.level, p.label, p.runs.map((r) => r.text).join('').replace(/\s+/g, ' ').trim()]));
}

const read = (name: string) => parseResolutionText(fs.readFileSync(path.join(CORPUS, 'ga-en', name), 'utf8'), { fileName: name }).document;

describe('A/RES/79/1, Annex I, paragraph 7', () => {
  const doc = read('A_RES_79_1.txt');

  it('prints its objectives numbered 1. to 5., as the official text does', () => {
    const text = exportText(doc, { width: 200 });
    const at = text.indexOf('To achieve our goal, we will pursue the following objectives:');
    expect(at).toBeGreaterThan(0);
    const items = text.slice(at).split('\n').filter((l) => l.trim() !== '').slice(1, 6).map((l) => l.trim().split(/\s+/).slice(0, 2).join(' '));
    expect(items).toEqual(['1. Close', '2. Expand', '3. Foster', '4. Advance', '5. Enhance']);
  });

  it('keeps the numbers through the editor, the file and the text export back to import', () => {
    const file = parsePlenaryFile(serializePlenaryFile({ document: fromDoc(toDoc(doc)) }, 'test'));
    expect(file.version).toBe(2);
    expect(printed(file.document)).toEqual(printed(doc));
    expect(printed(parseResolutionText(exportText(doc)).document)).toEqual(printed(doc));
  });

  it('keeps the numbers through the AKN export and back (<num>1.</num> under the paragraph)', () => {
    expect(exportAkn(doc)).toContain('<num>1.</num>');
    expect(printed(parseAkn(exportAkn(doc)))).toEqual(printed(doc));
  });
});

const base = read('A_RES_79_200.txt');
const withAnnex = (paragraphs: Block[]): ResolutionDocument => ({ ...base, annexes: [{ id: 'ax1', heading: 'Annex', title: 'Global Compact', paragraphs }] });

let ids = 0;
const topic = fc.constantFrom('digital divides', 'data governance', 'artificial intelligence', 'the digital economy', 'human rights online');

/** A random annex paragraph: alone, or with a list of one to five items labelled "(a)"… or "1."…. */
const paraArb = fc.record({ t: topic, subs: fc.array(topic, { maxLength: 5 }), digits: fc.boolean() }).map((r): Block => {
  const id = `ax1-p${++ids}`;
  const kids = r.subs.map((s, k) => textBlock(`${id}-${k}`, `Advance ${s}${k === r.subs.length - 1 ? '.' : ';'}`));
  if (!kids.length) return textBlock(id, `We will act on ${r.t}.`);
  return { ...textBlock(id, `To act on ${r.t}, we will pursue the following objectives:`, kids), ...(r.digits ? { listLabels: 'digits' as const } : {}) };
});

/**
 * Five numbered paragraphs open the annex, so a "1."… list (at most five items) never reaches the
 * number of the paragraph after its own: "1. … objectives: 1. …; 2. …." then "2. We will…" is
 * ambiguous in plain text (the importer reads the first "2." as the next paragraph); the official
 * documents we have (79/1 Annex I para. 7, 78/223 para. 11) number such lists under a later paragraph.
 */
const opening = () => [1, 2, 3, 4, 5].map((k) => textBlock(`ax1-o${k}`, `We will report on progress ${k}.`));

describe('digit-numbered lists, property', () => {
  it('random annexes with "1." and "(a)" lists round-trip file → editor → file, and print the same labels after AKN and text export → import', () => {
    fc.assert(
      fc.property(fc.array(paraArb, { minLength: 1, maxLength: 6 }), (paras) => {
        const doc = withAnnex([...opening(), ...paras].map((b) => JSON.parse(JSON.stringify(b)) as Block));
        const file = parsePlenaryFile(serializePlenaryFile({ document: doc }, 'test'));
        expect(fromDoc(toDoc(file.document))).toEqual(doc);
        const labels = printed(doc)[0]!.filter((p) => p[0] === 1).map((p) => p[1]);
        expect(labels.every((l) => /^(?:\d+\.|\([a-e]\))$/.test(l))).toBe(true);
        expect(printed(parseAkn(exportAkn(doc)))).toEqual(printed(doc));
        for (const width of [80, 66]) expect(printed(parseResolutionText(exportText(doc, { width })).document)).toEqual(printed(doc));
      }),
      { numRuns: 50 },
    );
  });
});
