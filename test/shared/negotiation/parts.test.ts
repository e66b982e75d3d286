// Negotiation labels in a resolution whose operative numbering restarts per part: base numbers are
// frozen per part, inserts count per part ("II.OP2bis" after OP 2 of part II, "I.OP2bis" after OP 2
// of part I), and the proposal list, the compilation (HTML and Word, headings printed in place) and
// the comparison of versions say the same labels.
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import { compilationDocx, compilationHtml, compilationSummary } from '../../../src/shared/export/compilation.js';
import { packDocx } from '../../../src/shared/export/docx.js';
import { setNegotiationNumbering } from '../../../src/shared/editor/commands/index.js';
import { structurePlugin } from '../../../src/shared/editor/plugins/structure.js';
import { listProposals } from '../../../src/shared/negotiation/list.js';
import { compareVersions } from '../../../src/shared/negotiation/versions.js';
import { acceptedView, baseView } from '../../../src/shared/negotiation/views.js';
import { fromDoc, toDoc } from '../../../src/shared/resolution/convert.js';
import { textBlock, type ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { frozen, insertAfter } from '../../helpers/sectioned-negotiation.js';
import { computeStructure } from '../../../src/shared/resolution/structure.js';

const at = '2026-12-07T10:00:00.000Z';

const designationsOf = (d: ResolutionDocument) =>
  computeStructure(toDoc(d), 'en')
    .paras.filter((p) => p.section === 'op' && p.level === 0)
    .map((p) => `${p.id}=${p.designation}`);

describe('negotiation labels in parts that restart the numbering', () => {
  it('names each operative paragraph with its part, and counts inserts per part', () => {
    let d = insertAfter(frozen(), 'o4', 'n2', 'Also decides to act.', 'EU');
    d = insertAfter(d, 'o2', 'n1', 'Welcomes the progress;', 'G77 and China');
    expect(designationsOf(d)).toEqual(['o1=I.OP1', 'o2=I.OP2', 'n1=I.OP2bis', 'o3=II.OP1', 'o4=II.OP2', 'n2=II.OP2bis']);
    // The editor's margin keeps the short label: the part's heading stands just above.
    const s = computeStructure(toDoc(d), 'en');
    expect(s.paras.find((p) => p.id === 'n2')!.label).toBe('OP2bis');
    // A paragraph inserted at the top of a part, before its first base paragraph: OP0bis of that part.
    const top = { ...d, operative: d.operative.flatMap((b) => (b.id === 'h3' ? [b, { ...textBlock('n0', 'Notes the plan;') }] : [b])) };
    expect(designationsOf(top)).toContain('n0=II.OP0');
  });

  it('keeps plain OP labels where the numbering continues across parts', () => {
    const d = insertAfter(frozen(false), 'o4', 'n2', 'Also decides to act.', 'EU');
    expect(designationsOf(d)).toEqual(['o1=OP1', 'o2=OP2', 'o3=OP3', 'o4=OP4', 'n2=OP4bis']);
  });

  it('freezes base numbers per part: turning negotiation numbering on gives the printed numbers', () => {
    const plain = frozen();
    const unfrozen: ResolutionDocument = { ...plain, preambular: plain.preambular.map(({ base: _b, ...b }) => b), operative: plain.operative.map(({ base: _b, ...b }) => b) };
    let state = EditorState.create({ doc: toDoc(unfrozen), plugins: [structurePlugin()] });
    expect(setNegotiationNumbering(true)(state, (tr) => (state = state.apply(tr)))).toBe(true);
    const back = fromDoc(state.doc);
    expect(back.operative.filter((b) => !b.heading).map((b) => `${b.id}:${b.base}`)).toEqual(['o1:1', 'o2:2', 'o3:1', 'o4:2']);
    expect(designationsOf(back)).toEqual(['o1=I.OP1', 'o2=I.OP2', 'o3=II.OP1', 'o4=II.OP2']);
  });

  it('lists proposals, compiles and compares with the same labels', async () => {
    const base = frozen();
    const d = insertAfter(base, 'o4', 'n2', 'Also decides to act.', 'EU');
    expect(listProposals(d).proposals.map((p) => [p.paragraph, p.delegation])).toEqual([['II.OP2bis', 'EU']]);
    const html = compilationHtml(d);
    expect(html).toMatch(/<td class="label">II\.OP2bis<\/td>/);
    expect(html).toMatch(/<td class="label">I\.OP2<\/td>/);
    const cmp = compareVersions(base, acceptedView(d));
    const inserted = cmp.paragraphs.filter((p) => p.status === 'inserted');
    expect(inserted.map((p) => p.b?.designation)).toEqual(['II.OP2bis']);
    expect(cmp.paragraphs.find((p) => p.a?.id === 'o3')?.b?.designation).toBe('II.OP1');
    // The base and accepted views keep the headings.
    for (const v of [baseView(d), acceptedView(d)]) expect(v.operative.filter((b) => b.heading).map((b) => b.heading!.num)).toEqual(['I', 'II', 'A']);
  });
});

describe('headings in the compilation text', () => {
  it('prints parts and sub-headings in place in HTML, bold, not counted as paragraphs', () => {
    const d = insertAfter(frozen(), 'o4', 'n2', 'Also decides to act.', 'EU');
    const html = compilationHtml(d);
    const rows = [...html.matchAll(/<tr class="([^"]+)"[^>]*>[\s\S]*?<td class="label">([^<]*)<\/td><td class="text">([\s\S]*?)<\/td><\/tr>/g)].map((m) => `${m[1]!.split(' ')[0]}|${m[2]}|${m[3]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()}`);
    expect(rows).toEqual([
      'formula||The General Assembly,',
      'para|PP1|Recalling its previous resolutions,',
      'heading||I Umoja',
      'para|I.OP1|Takes note of the report;',
      'para|I.OP2|Requests the Secretary-General to report;',
      'heading||II Capital investment planning',
      'heading||A. Regional offices',
      'para|II.OP1|Approves the plan;',
      'para|II.OP2|Decides to review the matter.',
      'para|II.OP2bis|Also decides to act.',
    ]);
    expect(html).toContain('<tr class="heading h1" data-id="h2"><td class="margin"></td><td class="label"></td><td class="text"><span class="heading-num">II</span><br>Capital investment planning</td></tr>');
    expect(html).toMatch(/New paragraph \(EU\)<\/td><td class="label">II\.OP2bis/);
    expect(compilationSummary(d).total).toBe(6);
  });

  it('prints a proposal in a heading with its delegation', () => {
    const d = frozen();
    d.operative[0] = { ...d.operative[0]!, content: [{ t: 'text', text: 'Umoja' }, { t: 'text', text: ' and enterprise systems', ins: { id: 'ih', by: 'CANZ', at } }] };
    expect(compilationHtml(d)).toContain('<span class="heading-num">I</span><br>Umoja<b class="ins"><u> and enterprise systems</u></b><span class="by"> (CANZ)</span>');
  });

  it('prints them in the Word compilation too, in order, in bold', async () => {
    const zip = await JSZip.loadAsync(await packDocx(compilationDocx(insertAfter(frozen(), 'o4', 'n2', 'Also decides to act.', 'EU'))));
    const xml = await zip.file('word/document.xml')!.async('string');
    const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
    const order = ['Umoja', 'I.OP1', 'I.OP2', 'Capital investment planning', 'A.', 'Regional offices', 'II.OP1', 'II.OP2bis'].map((w) => texts.indexOf(w));
    expect(order.every((x) => x >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(xml).toMatch(/<w:b\/>[\s\S]{0,200}<w:t xml:space="preserve">Capital investment planning<\/w:t>/);
  });
});

describe('negotiation labels over random inserts (property)', () => {
  it('never gives two operative paragraphs the same designation, and base paragraphs keep theirs', () => {
    const ops = frozen().operative.filter((b) => !b.heading).map((b) => b.id);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(100), fc.boolean()), { maxLength: 12 }), (steps) => {
        let d = frozen();
        steps.forEach(([k, deleteIt], i) => {
          const paras = d.operative.filter((b) => !b.heading);
          const after = paras[k % paras.length]!.id;
          d = insertAfter(d, after, `x${i}`, `Inserted ${i};`, 'EU');
          if (deleteIt) d = { ...d, operative: d.operative.map((b) => (b.id === `x${i}` ? { ...b, status: 'deleted' as const } : b)) };
        });
        const names = designationsOf(d).map((x) => x.split('=')[1]!);
        expect(new Set(names).size).toBe(names.length);
        const byId = new Map(designationsOf(d).map((x) => x.split('=') as [string, string]));
        expect(ops.map((id) => byId.get(id))).toEqual(['I.OP1', 'I.OP2', 'II.OP1', 'II.OP2']);
      }),
      { numRuns: 60 },
    );
  });
});
