// Paragraph labels in the tracked .docx are revisions too: Word's "Accept all" gives the accepted
// export's labels and "Reject all" the base export's, also between a move's two places and after
// an inserted or deleted paragraph. Checked by applying accept-all and reject-all to document.xml
// (test/helpers/word-decide.ts, itself tested first).
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { buildProposalsDocx } from '../../../src/shared/export/docx-tracked.js';
import { docxBytes, packDocx } from '../../../src/shared/export/docx.js';
import { readWordFile, type WordParagraph } from '../../../src/shared/negotiation/word-read.js';
import { acceptedView, baseView } from '../../../src/shared/negotiation/views.js';
import fc from 'fast-check';
import type { Block, ParagraphProposal, Proposal, ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { decideAll } from '../../helpers/word-decide.js';
import { block, negotiatedDraft, t } from '../../helpers/negotiated.js';

async function body(bytes: Uint8Array): Promise<WordParagraph[]> {
  const zip = await JSZip.loadAsync(bytes);
  return readWordFile({ document: await zip.file('word/document.xml')!.async('string') }).paragraphs;
}

/** The text of every paragraph that carries a Plenary id (the body, not the masthead). */
const texts = (ps: readonly { text: string; ids: string[] }[]) => ps.filter((p) => p.ids.length).map((p) => p.text);

/** [accept-all of the tracked file, the accepted export, reject-all of the tracked file, the base export]. */
async function decidedAndExported(doc: ResolutionDocument): Promise<[string[], string[], string[], string[]]> {
  const tracked = await body(await packDocx(buildProposalsDocx(doc)));
  // Under negotiation numbering the accepted export keeps a deleted base paragraph, struck through
  // with its words (views.ts); Word's accept-all removes the whole tracked paragraph.
  const acc = acceptedView(doc);
  const struck = new Set([...acc.preambular, ...acc.operative].filter((b) => b.status === 'deleted').map((b) => b.id));
  const accepted = decideAll(await body(await docxBytes(acc)), 'accept').filter((p) => !p.ids.some((id) => struck.has(id)));
  const base = decideAll(await body(await docxBytes(baseView(doc))), 'accept');
  return [texts(decideAll(tracked, 'accept')), texts(accepted), texts(decideAll(tracked, 'reject')), texts(base)];
}

describe('decideAll (accept-all / reject-all of a Word body)', () => {
  const rev = { author: 'EU', date: '' };
  const paras: WordParagraph[] = [
    { runs: [{ text: '1.' , del: rev }, { text: '2.', ins: rev }, { text: '\tKeeps ' }, { text: 'new ', ins: rev }, { text: 'old', del: rev }], bookmarks: ['_plop1'], comments: [] },
    { runs: [{ text: 'Gone', del: rev }], markDel: rev, bookmarks: [], comments: [] },
    { runs: [{ text: 'Added', ins: rev }], markIns: rev, bookmarks: [], comments: [] },
    { runs: [{ text: 'Moved', move: { dir: 'from', name: 'm', ...rev } }], markDel: rev, bookmarks: [], comments: [] },
    { runs: [{ text: 'Moved', move: { dir: 'to', name: 'm', ...rev } }], markIns: rev, bookmarks: [], comments: [] },
    { runs: [{ text: 'Last' }], bookmarks: [], comments: [] },
  ];
  it('accept: deleted text and paragraphs out, inserted ones plain, moves at their new place', () => {
    expect(decideAll(paras, 'accept').map((p) => p.text)).toEqual(['2.\tKeeps new ', 'Added', 'Moved', 'Last']);
    expect(decideAll(paras, 'accept')[0]!.ids).toEqual(['op1']);
  });
  it('reject: inserted text and paragraphs out, deletions plain, moves at their old place', () => {
    expect(decideAll(paras, 'reject').map((p) => p.text)).toEqual(['1.\tKeeps old', 'Gone', 'Moved', 'Last']);
  });
});

describe('tracked labels', () => {
  it('the negotiated draft: accept all gives the accepted export, reject all the base export, paragraph by paragraph', { timeout: 60_000 }, async () => {
    const [acc, accExport, rej, baseExport] = await decidedAndExported(negotiatedDraft());
    expect(acc).toEqual(accExport);
    expect(rej).toEqual(baseExport);
  });
});

/** A draft of `n` operative paragraphs (every second with two subparagraphs) and random whole-paragraph proposals on it. */
const negotiationArb = fc
  .record({
    n: fc.integer({ min: 2, max: 6 }),
    based: fc.boolean(),
    edits: fc.array(fc.record({ kind: fc.constantFrom('ins', 'del', 'move'), at: unitArb(), to: unitArb() }), { minLength: 1, maxLength: 4 }),
  })
  .map(({ n, based, edits }) => {
    const ops: Block[] = Array.from({ length: n }, (_, i) =>
      block(`op${i + 1}`, [t(`Paragraph ${i + 1};`)], {
        ...(based ? { base: i + 1 } : {}),
        ...(i % 2 ? { children: [block(`op${i + 1}a`, [t('first;')]), block(`op${i + 1}b`, [t('second;')])] } : {}),
      }),
    );
    let k = 0;
    for (const e of edits) {
      const who: Proposal = { id: `pr${++k}`, by: k % 2 ? 'EU' : 'G77', at: `2026-03-0${k}T10:00:00.000Z` };
      const plain = ops.filter((b) => !b.proposal);
      if (!plain.length) break;
      const target = plain[Math.floor(e.at * plain.length)]!;
      const i = ops.indexOf(target);
      if (e.kind === 'ins') ops.splice(i, 0, block(`new${k}`, [t(`Inserted ${k};`, { ins: who })], { proposal: { ...who, kind: 'ins' } }));
      else if (e.kind === 'del') ops[i] = marked(target, { ...who, kind: 'del' }, '', who);
      else {
        ops[i] = marked(target, { ...who, kind: 'move-from' }, '');
        const j = Math.floor(e.to * (ops.length + 1));
        if (j === i || j === i + 1) ops[i] = target;
        else ops.splice(j, 0, marked(target, { ...who, kind: 'move-to' }, 'm'));
      }
    }
    const d: ResolutionDocument = { ...negotiatedDraft(), preambular: [block('pp1', [t('Recalling its resolutions,')], based ? { base: 1 } : {})], operative: ops };
    return d;
  });

/** `b` and its subparagraphs under whole-paragraph proposal `p` (as the editor marks each paragraph), ids suffixed; deleted text marked with `del`. */
function marked(b: Block, p: ParagraphProposal, suffix: string, del?: Proposal): Block {
  return {
    ...b,
    id: `${b.id}${suffix}`,
    content: del ? b.content.map((c) => ({ ...c, del })) : b.content,
    children: b.children.map((c) => marked(c, p, suffix, del)),
    proposal: p,
  };
}

function unitArb() {
  return fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
}

describe('tracked labels over random negotiations', () => {
  it('12 random drafts with inserted, deleted and moved paragraphs: accept all = accepted export, reject all = base export', { timeout: 180_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(negotiationArb, async (d) => {
        const [acc, accExport, rej, baseExport] = await decidedAndExported(d);
        expect(acc).toEqual(accExport);
        // No paragraph is printed as its number alone.
        expect(accExport.filter((p) => /^[^\t]*\t$/.test(p))).toEqual([]);
        expect(rej).toEqual(baseExport);
      }),
      { numRuns: 12, seed: 2026 },
    );
  });
});
