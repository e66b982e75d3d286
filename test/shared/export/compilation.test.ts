// The compilation text: proposals inline with the delegation, brackets, negotiation labels and
// statuses in the margin, in HTML and in Word; readable in black and white.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { compilationDocx, compilationHtml, compilationSummary } from '../../../src/shared/export/compilation.js';
import { packDocx } from '../../../src/shared/export/docx.js';
import { emptyFrontMatter, textBlock, type Block, type Inline, type ResolutionDocument } from '../../../src/shared/resolution/model.js';

const at = '2025-03-01T10:00:00.000Z';

function block(id: string, content: Inline[], extra: Partial<Block> = {}): Block {
  return { id, content, children: [], tail: [], ...extra };
}

/** A draft under negotiation: base numbers frozen, proposals, brackets and statuses. */
function negotiated(): ResolutionDocument {
  return {
    meta: emptyFrontMatter({ symbol: 'A/C.2/80/L.5', title: 'Oil slick on Lebanese shores', session: '80' }),
    preambular: [block('pp1', [{ t: 'text', text: 'Recalling its resolution 79/200,' }], { base: 1, status: 'agreed' }), block('pp2', [{ t: 'text', text: 'Noting the report,' }], { base: 2 })],
    operative: [
      block(
        'op1',
        [
          { t: 'text', text: 'Requests the Secretary-General to ' },
          { t: 'text', text: 'urgently ', del: { id: 'd1', by: 'G77 and China', at } },
          { t: 'text', text: 'report;' },
        ],
        { base: 1, status: 'adref' },
      ),
      block(
        'op2',
        [
          { t: 'text', text: 'Calls upon States ' },
          { t: 'text', text: 'to ', brackets: ['b1'] },
          { t: 'text', text: 'fully ', brackets: ['b1'], ins: { id: 'i1', by: 'EU', at } },
          { t: 'text', text: 'cooperate', brackets: ['b1', 'b2'] },
          { t: 'text', text: ';' },
        ],
        { base: 2, status: 'pending', holder: 'EU' },
      ),
      block(
        'op2bis',
        [
          { t: 'text', text: 'Encourages ', ins: { id: 'p1', by: 'CANZ', at } },
          { t: 'text', text: 'all ', ins: { id: 'p1', by: 'CANZ', at }, del: { id: 'd2', by: 'G77 and China', at, parent: 'p1' } },
          { t: 'text', text: 'donors to contribute;', ins: { id: 'p1', by: 'CANZ', at } },
        ],
        { proposal: { id: 'p1', by: 'CANZ', at, kind: 'ins' } },
      ),
      block('op3', [{ t: 'text', text: 'Decides to remain seized of the matter.' }], { base: 3, status: 'deleted' }),
      block('op4', [{ t: 'text', text: 'Decides to include the item in the provisional agenda.' }], {
        base: 4,
        children: [textBlock('op4a', 'to report;')],
      }),
    ],
    footnotes: [],
    annexes: [],
  };
}

describe('compilation text as HTML', () => {
  const html = compilationHtml(negotiated());

  it('puts the delegation in parentheses after each proposal, insertions bold underlined, deletions struck through', () => {
    expect(html).toContain('<b class="ins"><u>fully </u></b><span class="by">(EU) </span>');
    expect(html).toContain('<s class="del">urgently </s><span class="by">(G77 and China: delete) </span>report;');
    // A proposal on a proposal: G77 deletes part of the CANZ insertion; each is attributed.
    expect(html).toMatch(/<b class="ins"><u><s class="del">all <\/s><\/u><\/b><span class="by">\(G77 and China: delete\) <\/span><b class="ins"><u>donors to contribute;<\/u><\/b><span class="by"> \(CANZ\)<\/span>/);
    const text = (id: string) => html.split(`data-id="${id}"`)[1]!.split('</tr>')[0]!.replace(/<[^>]+>/g, '');
    expect(text('op1')).toContain('Requests the Secretary-General to urgently (G77 and China: delete) report;');
    expect(text('op2bis')).toContain('Encourages all (G77 and China: delete) donors to contribute; (CANZ)');
  });

  it('prints brackets, nested, as square brackets', () => {
    const op2 = html.split('data-id="op2"')[1]!.split('</tr>')[0]!;
    const text = op2.replace(/<[^>]+>/g, '');
    expect(text).toContain('Calls upon States [to fully (EU) [cooperate]];');
  });

  it('labels paragraphs in negotiation numbering and puts statuses in the margin', () => {
    expect(html).toContain('<td class="label">OP2bis</td>');
    expect(html).toContain('<td class="label">PP1</td>');
    expect(html).toContain('<td class="label">(a)</td>');
    expect(html).toMatch(/<td class="margin">Agreed<\/td>\s*<td class="label">PP1<\/td>/);
    expect(html).toContain('<td class="margin">Agreed ad ref</td>');
    expect(html).toContain('<td class="margin">Pending EU</td>');
    expect(html).toContain('<td class="margin">New paragraph (CANZ)</td>');
    expect(html).toMatch(/<td class="margin">Deleted<\/td><td class="label">OP3<\/td><td class="text"><s>/);
  });

  it('summarizes, is self-contained and needs no colour', () => {
    expect(html).toContain('1 of 7 paragraphs agreed; 1 agreed ad ref; 1 pending; 1 deleted; 2 brackets remaining; 4 proposals open');
    expect(compilationSummary(negotiated())).toMatchObject({ total: 7, agreed: 1, brackets: 2, proposals: 4 });
    expect(html).not.toMatch(/<script|<link|src=/);
    // Black on white only: distinctions are made by bold, underline, strike-through and words.
    expect(html.match(/(?<![-\w])color:[^;]+/g)).toEqual(['color: #000']);
    expect(html).toContain('<title>Compilation text: A/C.2/80/L.5 Oil slick on Lebanese shores</title>');
    expect(compilationHtml(negotiated(), { title: 'Rev.2' })).toContain('<h1>Rev.2</h1>');
  });
});

describe('compilation text as Word', () => {
  it('has bold underlined insertions, struck deletions, the delegations and the statuses', async () => {
    const bytes = await packDocx(compilationDocx(negotiated()));
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(xml).toMatch(/<w:b\/>[\s\S]*?<w:u w:val="single"\/>[\s\S]*?<w:t xml:space="preserve">fully <\/w:t>/);
    expect(xml).toMatch(/<w:strike\/>[\s\S]*?<w:t xml:space="preserve">urgently <\/w:t>/);
    expect(texts).toContain('fully (EU) ');
    expect(texts).toContain('urgently (G77 and China: delete) report;');
    expect(texts).toContain('Agreed ad ref');
    expect(texts).toContain('Pending EU');
    expect(texts).toContain('OP2bis');
    expect(texts).toContain('[to fully (EU) [cooperate]]');
    expect(xml).toContain('<w:tbl>');
  });
});
