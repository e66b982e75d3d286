// Merging a delegation's Word file into the draft. The round trip: random proposal sets by several
// delegations on corpus resolutions → Plenary's tracked .docx → merge into the base text → the same
// proposals (delegation, type, text, paragraph). Then the files that must be refused, with a clear
// message and nothing changed, and text changed without Track Changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { loadDocument } from '../../../src/main/services/documents.js';
import { mergeWordFile } from '../../../src/main/services/word-merge.js';
import { buildProposalsDocx } from '../../../src/shared/export/docx-tracked.js';
import { docxBytes, packDocx } from '../../../src/shared/export/docx.js';
import { listProposals } from '../../../src/shared/negotiation/list.js';
import { baseView } from '../../../src/shared/negotiation/views.js';
import type { Block, Proposal, ResolutionDocument, TextRun } from '../../../src/shared/resolution/model.js';
import { negotiatedDraft } from '../../helpers/negotiated.js';
import { tempDir } from '../../helpers/tmp.js';

const CORPUS = path.resolve(import.meta.dirname, '../../../../shared/corpus/ga-en');
const DELEGATIONS = ['EU', 'G77 and China', 'CANZ', 'Mexico'];
let tmp: ReturnType<typeof tempDir>;
let docs: ResolutionDocument[];
beforeAll(async () => {
  tmp = tempDir();
  docs = [await loadDocument(path.join(CORPUS, 'A_RES_79_200.txt')), await loadDocument(path.join(CORPUS, 'A_RES_78_143.txt')), await loadDocument(path.join(CORPUS, 'A_RES_78_1.txt'))];
});
afterAll(() => tmp.cleanup());

let fileNo = 0;
async function write(bytes: Uint8Array): Promise<string> {
  const f = path.join(tmp.dir, `f${++fileNo}.docx`);
  fs.writeFileSync(f, bytes);
  return f;
}

interface Op {
  kind: 'ins' | 'del' | 'insPara' | 'delPara';
  para: number;
  word: number;
  len: number;
  by: number;
  words: string[];
}

const opArb: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('ins', 'del', 'insPara', 'delPara'),
  para: fc.nat(1000),
  word: fc.nat(1000),
  len: fc.integer({ min: 1, max: 4 }),
  by: fc.nat(DELEGATIONS.length - 1),
  words: fc.array(fc.constantFrom('sustainable', 'all', 'Member States', 'inter alia', '(including', '“agreed”', '–', '2030', 'États'), { minLength: 1, maxLength: 4 }),
});

/** Top-level blocks whose text is one plain run (no footnotes, cross-references or marks). */
function plainBlocks(d: ResolutionDocument): { list: Block[]; index: number }[] {
  const out: { list: Block[]; index: number }[] = [];
  for (const list of [d.preambular, d.operative]) {
    list.forEach((b, index) => {
      if (b.children.length || b.tail.length || !b.content.length) return;
      if (b.content.every((i) => i.t === 'text' && !i.em && !i.link && !i.symbolRef && !i.ins && !i.del && !i.brackets)) out.push({ list, index });
    });
  }
  return out;
}

/** The base document with the ops applied as open proposals (one per paragraph, so none touch). */
function propose(base: ResolutionDocument, ops: readonly Op[]): ResolutionDocument {
  const d = structuredClone(base);
  const blocks = plainBlocks(d);
  const used = new Set<Block>();
  const inserts: { list: Block[]; after: Block; block: Block }[] = [];
  ops.forEach((op, k) => {
    const target = blocks[op.para % blocks.length]!;
    const b = target.list[target.index]!;
    if (used.has(b)) return;
    used.add(b);
    const p: Proposal = { id: `x${k}`, by: DELEGATIONS[op.by]!, at: `2026-04-0${1 + (k % 9)}T10:00:00.000Z` };
    const text = b.content.map((i) => (i.t === 'text' ? i.text : '')).join('');
    const tokens = text.match(/\S+\s*/g) ?? [];
    if (op.kind === 'ins' && tokens.length > 1) {
      const w = op.word % tokens.length;
      const at = tokens.slice(0, w).join('').length;
      b.content = ([{ t: 'text', text: text.slice(0, at) }, { t: 'text', text: op.words.join(' ') + ' ', ins: p }, { t: 'text', text: text.slice(at) }] as TextRun[]).filter((i) => i.text);
    } else if (op.kind === 'del' && tokens.length > 2) {
      const w = 1 + (op.word % (tokens.length - 2));
      const n = Math.min(op.len, tokens.length - 1 - w);
      const from = tokens.slice(0, w).join('').length;
      const to = from + tokens.slice(w, w + n).join('').length;
      b.content = [{ t: 'text', text: text.slice(0, from) }, { t: 'text', text: text.slice(from, to), del: p }, { t: 'text', text: text.slice(to) }];
    } else if (op.kind === 'delPara') {
      b.content = [{ t: 'text', text, del: p }];
      b.proposal = { ...p, kind: 'del' };
    } else if (op.kind === 'insPara') {
      inserts.push({ list: target.list, after: b, block: { id: `new${k}`, content: [{ t: 'text', text: op.words.join(' ') + ';', ins: p }], children: [], tail: [], proposal: { ...p, kind: 'ins' } } });
    }
  });
  for (const x of inserts) x.list.splice(x.list.indexOf(x.after) + 1, 0, x.block);
  return d;
}

const key = (d: ResolutionDocument) =>
  listProposals(d)
    .proposals.map((p) => `${p.delegation} | ${p.type} | ${p.paragraph} | ${p.text}`)
    .sort();

describe('merging a Word file: round trip', () => {
  it('proposals → tracked .docx → merge into the base gives the same proposals', { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(1), fc.array(opArb, { minLength: 1, maxLength: 7 }), async (which, ops) => {
        const base = docs[which]!;
        const proposed = propose(base, ops);
        const file = await write(await packDocx(buildProposalsDocx(proposed)));
        const merged = mergeWordFile(base, file, { now: new Date('2026-05-01T00:00:00Z') });
        expect(merged.summary.unplaced).toEqual([]);
        expect(merged.summary.alignedBy).toBe('id');
        expect(key(merged.document)).toEqual(key(proposed));
        // Nothing applied: rejecting every merged proposal gives the base text back.
        expect(JSON.stringify(baseView(merged.document).operative)).toBe(JSON.stringify(baseView(base).operative));
      }),
      { numRuns: Number(process.env.PLENARY_FUZZ_RUNS ?? 12) },
    );
  });

  it('the example draft: nesting, paragraph proposals, a move and a note come back', { timeout: 60_000 }, async () => {
    const d = negotiatedDraft();
    const note = { id: 'n1', paragraph: 'op1', author: 'Facilitator', at: '2026-03-04T09:00:00.000Z', text: 'Check with capitals', resolved: false };
    const file = await write(await packDocx(buildProposalsDocx(d, { notes: [note] })));
    const merged = mergeWordFile(baseView(d), file, { authorMap: { Facilitator: 'Chair' } });
    const types = listProposals(merged.document).proposals.map((p) => `${p.delegation}:${p.type}:${p.paragraph}`);
    // Named where it goes, numbered as if accepted (its ghost is not counted).
    expect(types).toContain('EU:move:OP5');
    expect(types).toContain('G77 and China:delete-paragraph:OP2');
    expect(types).toContain('CANZ:insert-paragraph:PP3');
    expect(types).toContain('G77 and China:insert-paragraph:OP3 (b)');
    // The deletion proposed on EU's insertion stays a proposal on that proposal.
    const nested = listProposals(merged.document).proposals.find((p) => p.delegation === 'G77 and China' && p.type === 'delete' && p.text.startsWith('and relevant'));
    expect(nested?.parent).toBeTruthy();
    expect(merged.notes).toMatchObject([{ paragraph: 'op1', author: 'Chair', text: 'Check with capitals', at: '2026-03-04T09:00:00.000Z' }]);
    expect(merged.summary.delegations.find((x) => x.delegation === 'Chair')?.notes).toBe(1);
  });
});

async function rezip(file: string, edit: (xml: string) => string, core?: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  zip.file('word/document.xml', edit(await zip.file('word/document.xml')!.async('string')));
  if (core) zip.file('docProps/core.xml', core);
  return write(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

describe('merging a file made from the draft with its open proposals', () => {
  it('adds nothing when the tracked export comes back unchanged (proposals, brackets and moves recognised)', { timeout: 60_000 }, async () => {
    const d = negotiatedDraft();
    const file = await write(await packDocx(buildProposalsDocx(d)));
    const merged = mergeWordFile(d, file);
    expect(merged.summary.delegations).toEqual([]);
    expect(merged.summary.unplaced).toEqual([]);
    expect(merged.notes).toEqual([]);
    expect(listProposals(merged.document)).toEqual(listProposals(d));
  });
});

describe('merging a Word file that has no Plenary ids', () => {
  it('aligns paragraphs by text and gives the same proposals', { timeout: 60_000 }, async () => {
    const d = negotiatedDraft();
    const tracked = await write(await packDocx(buildProposalsDocx(d)));
    const stripped = await rezip(tracked, (xml) => xml.replace(/<w:bookmark(Start|End) [^>]*\/>/g, ''));
    const merged = mergeWordFile(baseView(d), stripped);
    expect(merged.summary.alignedBy).toBe('text');
    expect(merged.summary.unplaced).toEqual([]);
    const byId = mergeWordFile(baseView(d), tracked);
    expect(key(merged.document)).toEqual(key(byId.document));
  });
});

describe('merging a Word file: untracked changes and bad files', () => {
  it('text changed without Track Changes becomes proposals by the file author, flagged by a note', { timeout: 60_000 }, async () => {
    const base = docs[0]!;
    const plain = await write(await docxBytes(base));
    const core = '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Plenary</dc:creator><cp:lastModifiedBy>jdoe</cp:lastModifiedBy></cp:coreProperties>';
    const edited = await rezip(plain, (xml) => xml.replace('consecutive year, its deep concern', 'consecutive year, its grave concern'), core);
    const merged = mergeWordFile(base, edited, { authorMap: { jdoe: 'Lebanon' } });
    const props = listProposals(merged.document).proposals;
    expect(props.map((p) => `${p.delegation}:${p.type}:${p.text}`).sort()).toEqual(['Lebanon:delete:deep', 'Lebanon:insert:grave']);
    expect(merged.summary.delegations).toMatchObject([{ delegation: 'Lebanon', insertions: 1, deletions: 1, untracked: 2 }]);
    expect(merged.notes.map((n) => n.text)).toEqual([expect.stringContaining('without Track Changes')]);
  });

  it('refuses a zip bomb before inflating it', { timeout: 60_000 }, async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>' + ' '.repeat(8 * 1024 * 1024));
    const file = await write(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(fs.statSync(file).size).toBeLessThan(1024 * 1024);
    expect(() => mergeWordFile(docs[0]!, file)).toThrowError(/zip bomb/);
  });

  it('refuses damaged files, zips that are not Word files, and Word files of another text', { timeout: 60_000 }, async () => {
    const good = fs.readFileSync(await write(await docxBytes(docs[0]!)));
    const truncated = await write(good.subarray(0, good.length - 2000));
    expect(() => mergeWordFile(docs[0]!, truncated)).toThrowError(/not a readable Word file|damaged/);
    const text = await write(new TextEncoder().encode('Just some text, not a zip.'));
    expect(() => mergeWordFile(docs[0]!, text)).toThrowError(/not a readable Word file \(it is not a zip archive\)/);
    const notWord = new JSZip();
    notWord.file('content.xml', '<x/>');
    const zipNotWord = await write(await notWord.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(() => mergeWordFile(docs[0]!, zipNotWord)).toThrowError(/not a Word document/);
    const badXml = await rezip(await write(good), () => '<w:document><w:body><w:p>');
    expect(() => mergeWordFile(docs[0]!, badXml)).toThrowError(/damaged: word\/document\.xml is not well-formed XML/);
    const other = await write(await docxBytes(docs[2]!));
    expect(() => mergeWordFile(docs[0]!, other)).toThrowError(/does not look like a version of this draft/);
    // Corrupt deflate data in the document part.
    const corrupt = Buffer.from(good);
    const at = corrupt.indexOf(Buffer.from('word/document.xml')) + 40;
    corrupt.fill(0xff, at, at + 200);
    expect(() => mergeWordFile(docs[0]!, path.join(tmp.dir, 'nope.docx'))).toThrowError(/was not found/);
    const corruptFile = await write(corrupt);
    expect(() => mergeWordFile(docs[0]!, corruptFile)).toThrowError(/damaged|not a readable Word file/);
  });
});

describe('the drafts.mergeWord API method', () => {
  it('merges from a path or from bytes, and validates its input', { timeout: 60_000 }, async () => {
    const { createServices } = await import('../../../src/main/services/index.js');
    const { apiInputs } = await import('../../../src/shared/api.js');
    const services = createServices({ dataDir: path.join(tmp.dir, 'data'), version: '0.0.0-test', mode: 'test', starter: false });
    try {
      const d = negotiatedDraft();
      const bytes = await packDocx(buildProposalsDocx(d));
      const file = await write(bytes);
      const fromPath = await services['drafts.mergeWord'](apiInputs['drafts.mergeWord'].parse({ document: baseView(d), path: file }));
      const fromBytes = await services['drafts.mergeWord'](apiInputs['drafts.mergeWord'].parse({ document: baseView(d), name: 'theirs.docx', dataBase64: Buffer.from(bytes).toString('base64'), authorMap: { EU: 'European Union' } }));
      expect(key(fromPath.document)).toEqual(key(mergeWordFile(baseView(d), file).document));
      expect(key(fromBytes.document).some((k) => k.startsWith('European Union | move'))).toBe(true);
      expect(apiInputs['drafts.mergeWord'].safeParse({ document: d }).success).toBe(false);
    } finally {
      services.close();
    }
  });
});
