// htmlToMarkdown: the HTML delegates have (Word "Save as Web Page", mammoth's output of .docx,
// hand-made pages) into the markdown the resolution parser reads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities, FOOTNOTE_RULE, htmlToMarkdown, runsToMarkdown } from '../../../src/shared/import/html.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { blockText, inlineText } from '../../../src/shared/resolution/model.js';

/** The paragraphs of the output, without the blank lines. */
function paras(md: string): string[] {
  return md.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
}

/** A resolution as Word writes it when saved as a filtered web page. */
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<title>A/RES/79/200</title>
<style><!-- p.MsoNormal {margin:0cm; font-family:"Times New Roman";} --></style>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
</head>
<body lang=EN-GB style='tab-interval:36.0pt'>
<div class=WordSection1>
<p class=MsoNormal>United Nations<span style='mso-tab-count:5'>&nbsp;&nbsp;&nbsp; </span>A/RES/79/200</p>
<p class=MsoNormal><b>General Assembly</b></p>
<p class=MsoNormal>Distr.: General<br>23 December 2024</p>
<p class=MsoNormal><b>79/200. Oil slick on Lebanese shores</b></p>
<p class=MsoNormal style='text-indent:23.7pt'><i>The General Assembly</i>,</p>
<p class=MsoNormal style='text-indent:23.7pt'><i style='mso-bidi-font-style:normal'>Recalling</i> its resolution 78/143 of 19 December 2023,</p>
<p class=MsoNormal style='text-indent:23.7pt'><span style='font-style:italic'>Reaffirming</span> the outcome of the Conference,<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1" title=""><span class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]><span class=MsoFootnoteReference>[1]</span><![endif]></span></span></a> in which States were requested to act,</p>
<p class=MsoListParagraph style='text-indent:23.7pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]><i>Takes note</i> of the report of the Secretary&#8209;General;<o:p></o:p></p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span><![endif]><i>Requests</i> the Secretary-General to report to it at its eightieth session.</p>
<p class=MsoNormal align=right style='text-align:right'><i>54th plenary meeting<br>19 December 2024</i></p>
<p class=MsoNormal>&nbsp;</p>
</div>
<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all>
<hr align=left size=1 width="33%">
<![endif]>
<div style='mso-element:footnote' id=ftn1>
<p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href="#_ftnref1" name="_ftn1" title=""><span class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]><span class=MsoFootnoteReference>[1]</span><![endif]></span></span></a> See <i>Report of the United Nations Conference on the Human Environment</i>, chap. I.</p>
</div>
</div>
</body></html>`;

/** What mammoth makes of a .docx: <em>, nested <ol>, a footnote list with back-links. */
const MAMMOTH_HTML =
  '<p><em>The General Assembly</em>,</p>' +
  '<p><em>Recalling</em> its resolution 70/1 of 25 September 2015<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>,</p>' +
  '<ol><li><em>Decides</em> to remain seized;</li><li><em>Requests</em> the Secretary-General:<ol><li>To report;</li><li>To act.</li></ol></li></ol>' +
  '<p>Text between the lists</p>' +
  '<ol><li><em>Decides</em> to remain seized of the matter.</li></ol>' +
  '<ol><li id="footnote-1"><p>Resolution 70/1, <em>annex</em>. <a href="#footnote-ref-1">↑</a></p></li></ol>';

describe('htmlToMarkdown', () => {
  it('turns paragraphs into blank-line separated blocks and italics into *…*', () => {
    const md = htmlToMarkdown('<p><i>The General Assembly</i>,</p><p><em>Recalling</em> its resolution,</p><div>Plain</div>');
    expect(paras(md)).toEqual(['*The General Assembly*,', '*Recalling* its resolution,', 'Plain']);
  });

  it('joins italic words separated by spaces and keeps the spaces outside the stars', () => {
    expect(htmlToMarkdown('<p><i>Taking</i> <i>note </i>of it</p>')).toBe('*Taking note* of it\n');
    expect(htmlToMarkdown('<p><span style="color:red; font-style: italic">Noting</span> with <span style="font-style:normal">x</span></p>')).toBe(
      '*Noting* with x\n',
    );
  });

  it('does not read mso-bidi-font-style:normal as the end of italics', () => {
    expect(htmlToMarkdown(`<p><i style='mso-bidi-font-style:normal'>Recalling</i> its</p>`)).toBe('*Recalling* its\n');
  });

  it('keeps <sup>n</sup> footnote marks and writes ordinals as text', () => {
    expect(htmlToMarkdown('<p>Women,<sup>1</sup> and the 48<sup>e</sup> séance</p>')).toBe('Women,<sup>1</sup> and the 48e séance\n');
  });

  it('writes headings with #, list items with their numbers, UN style by level', () => {
    const md = htmlToMarkdown('<h2>Annex</h2><ol><li>One<ol><li>a<ol><li>i</li><li>ii</li></ol></li></ol></li><li>Two</li></ol><ul><li>Bullet</li></ul>');
    expect(paras(md)).toEqual(['## Annex', '1. One', '(a) a', '(i) i', '(ii) ii', '2. Two', 'Bullet']);
    expect(paras(htmlToMarkdown('<ol start="5"><li>Five</li><li value="9">Nine</li></ol><ol type="a"><li>x</li></ol>'))).toEqual([
      '5. Five',
      '9. Nine',
      '(a) x',
    ]);
  });

  it('flattens tables into paragraphs, keeping a number cell with its text', () => {
    const md = htmlToMarkdown('<table><tr><td>United Nations</td><td>A/RES/79/200</td></tr><tr><td>1.</td><td><i>Decides</i> to act;</td></tr></table>');
    expect(paras(md)).toEqual(['United Nations', 'A/RES/79/200', '1. *Decides* to act;']);
  });

  it('drops scripts, styles, head, comments, hidden text and deletions', () => {
    const md = htmlToMarkdown(
      '<html><head><title>T</title><style>p{color:red}</style><script>if (a < b) document.write("<p>no</p>")</script></head>' +
        '<body><!-- a comment <p>no</p> --><p>Yes<span style="display:none">no</span><del>no</del><ins> and yes</ins></p><noscript>no</noscript></body></html>',
    );
    expect(md).toBe('Yes and yes\n');
  });

  it('decodes entities: named, numeric, hex, windows-1252 range, unknown left alone', () => {
    expect(decodeEntities('&amp;&lt;&gt;&quot;&nbsp;&eacute;&Eacute;&rsquo;&#8220;&#x201D;&#150;&unknown;&amp')).toBe('&<>"\u00a0éÉ’“”–&unknown;&');
    expect(htmlToMarkdown('<p>Caf&eacute; &ndash; &#233;t&#xE9;</p>')).toBe('Café – été\n');
  });

  it('escapes characters the parser would read as markup', () => {
    expect(htmlToMarkdown('<p>2 * 3 = 6, snake_case and [brackets] &lt;b&gt;</p>')).toBe('2 \\* 3 = 6, snake\\_case and \\[brackets\\] \\<b>\n');
  });

  it('reads Word footnotes: reference as <sup>n</sup>, note in a footnote block', () => {
    const md = htmlToMarkdown(WORD_HTML);
    const p = paras(md);
    expect(p).toContain('*Reaffirming* the outcome of the Conference,<sup>1</sup> in which States were requested to act,');
    expect(p).toContain('1. *Takes note* of the report of the Secretary\u2011General;');
    expect(p).toContain('*54th plenary meeting*\n*19 December 2024*');
    expect(p).toContain('*Recalling* its resolution 78/143 of 19 December 2023,');
    const rule = p.indexOf(FOOTNOTE_RULE);
    expect(rule).toBeGreaterThan(0);
    expect(p[rule + 1]).toBe('<sup>1</sup> See *Report of the United Nations Conference on the Human Environment*, chap. I.');
    expect(md).not.toMatch(/mso|WordDocument|A\/RES\/79\/200<\/title>/);
  });

  it('reads mammoth footnotes and continues numbering across split lists when asked', () => {
    const md = htmlToMarkdown(MAMMOTH_HTML, { continueLists: true });
    expect(paras(md)).toEqual([
      '*The General Assembly*,',
      '*Recalling* its resolution 70/1 of 25 September 2015<sup>1</sup>,',
      '1. *Decides* to remain seized;',
      '2. *Requests* the Secretary-General:',
      '(a) To report;',
      '(b) To act.',
      'Text between the lists',
      '3. *Decides* to remain seized of the matter.',
      FOOTNOTE_RULE,
      '<sup>1</sup> Resolution 70/1, *annex*.',
    ]);
    expect(paras(htmlToMarkdown(MAMMOTH_HTML))).toContain('1. *Decides* to remain seized of the matter.');
  });

  it('keeps a note that starts with a number whole (pandoc-style footnotes)', () => {
    const md = htmlToMarkdown('<p>x<a href="#fn1" id="fnref1"><sup>1</sup></a></p><section><ol><li id="fn1"><p>1972 report.<a href="#fnref1">↩︎</a></p></li></ol></section>');
    expect(paras(md)).toEqual(['x<sup>1</sup>', FOOTNOTE_RULE, '<sup>1</sup> 1972 report.']);
  });

  it('survives malformed HTML without throwing', () => {
    const cases = [
      '<p>unclosed <i>italic <b>bold',
      'a < b and <3 and <<<>>>',
      '<p title="never closed>text</p><p>next</p>',
      '<p>cut off <a href="x',
      '<!-- unterminated comment <p>x</p>',
      '<script>never closed',
      '</i></p></div>stray end tags',
      '<![CDATA[x < y]]><p>after</p>',
      '<p>\u0000 nul \uFFFF</p>',
      '',
    ];
    for (const c of cases) expect(() => htmlToMarkdown(c)).not.toThrow();
    expect(htmlToMarkdown('</i></p></div>stray end tags')).toBe('stray end tags\n');
    expect(htmlToMarkdown('a < b and <3')).toBe('a \\< b and \\<3\n');
    expect(htmlToMarkdown('<![CDATA[x < y]]><p>after</p>')).toBe('x \\< y\n\nafter\n');
  });

  // Linear on pathological input: each of these finishes in about a second on an idle machine
  // (htmlparser2's tokenizer plus the capped open-element stack). No timing is asserted (the
  // machine may be loaded); a quadratic regression would blow the generous test timeout instead.
  it('converts pathological input of a megabyte to the text it holds', { timeout: 120_000 }, () => {
    expect(htmlToMarkdown('<i>'.repeat(200_000) + 'x')).toBe('*x*\n');
    expect(htmlToMarkdown('<div>'.repeat(100_000) + 'x' + '</span>'.repeat(100_000))).toBe('x\n');
    expect(htmlToMarkdown('<'.repeat(1_000_000))).toBe('\\<'.repeat(1_000_000) + '\n');
    expect(htmlToMarkdown('<a b="'.repeat(100_000))).toBe('');
    expect(htmlToMarkdown('<p>' + 'word '.repeat(400_000) + '</p>')).toBe('word '.repeat(400_000).trim() + '\n');
    expect(htmlToMarkdown('&amp;'.repeat(300_000))).toBe('&'.repeat(300_000) + '\n');
  });

  it('gives the parser what it needs: Word HTML round trip', () => {
    const doc = parseResolutionText(htmlToMarkdown(WORD_HTML), { fileName: 'A_RES_79_200.html', format: 'markdown' }).document;
    expect(doc.meta.symbol).toBe('A/RES/79/200');
    expect(doc.preambular.map((b) => blockText(b).slice(0, 12))).toEqual(['Recalling it', 'Reaffirming ']);
    expect(doc.operative).toHaveLength(2);
    expect(blockText(doc.operative[0]!)).toBe('Takes note of the report of the Secretary\u2011General;');
    expect(doc.footnotes).toHaveLength(1);
    expect(inlineText(doc.footnotes[0]!.content)).toContain('Report of the United Nations Conference');
    expect(doc.preambular[1]!.content.some((i) => i.t === 'fn')).toBe(true);
  });
});

describe('runsToMarkdown', () => {
  it('renders italic, roman and superscript runs', () => {
    expect(
      runsToMarkdown([
        { text: 'Taking', italic: true },
        { text: ' ', italic: false },
        { text: 'into account', italic: true },
        { text: ' the Declaration,' },
        { text: '2', sup: true },
        { text: ' and ' },
        { text: 'th', sup: true },
      ]),
    ).toBe('*Taking into account* the Declaration,<sup>2</sup> and th');
  });
});

describe('htmlToMarkdown on malformed and hostile HTML (htmlparser2 tokenizer)', () => {
  it('closes unclosed and misnested tags the way a reader expects', () => {
    expect(htmlToMarkdown('<p><i>unclosed italic<p>next para')).toBe('*unclosed italic*\n\n*next para*\n');
    expect(htmlToMarkdown('<div><p>one<div>two</p>three</div>')).toBe('one\n\ntwo\n\nthree\n');
    expect(htmlToMarkdown('<ul><li>one<li>two</ul>')).toBe('one\n\ntwo\n');
    expect(htmlToMarkdown('<table><tr><td>1.<td>Decides<tr><td>2.</table>')).toBe('1. Decides\n\n2.\n');
    expect(htmlToMarkdown('<p>a</p></body></html><p>after the end of html</p>')).toBe('a\n\nafter the end of html\n');
  });

  it('keeps text of any nesting depth, and stays correct beyond the open-element cap', () => {
    const deep = (n: number) => '<span>'.repeat(n) + 'deep' + '</span>'.repeat(n);
    expect(htmlToMarkdown(`<p>${deep(10)} and <b>${deep(3000)}</b> text</p>`)).toBe('deep and deep text\n');
    expect(htmlToMarkdown('<blockquote>'.repeat(5000) + '<p>inside</p>' + '</blockquote>'.repeat(5000) + '<p>after</p>')).toBe('inside\n\nafter\n');
  });

  it('decodes entities once, as browsers do, and never lets decoded text become markup', () => {
    expect(htmlToMarkdown('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')).toBe('\\<script>alert(1)\\</script>\n');
    expect(htmlToMarkdown('<p>&amp;lt;b&amp;gt; stays text</p>')).toBe('&lt;b&gt; stays text\n');
    expect(htmlToMarkdown('<p>&notin; &not &copy2024 &#x110000; &#0; &#55296; &#150;</p>')).toBe('∉ ¬ ©2024 \uFFFD \uFFFD \uFFFD \u2013\n');
    expect(htmlToMarkdown('<p title="a &amp; b">x</p>')).toBe('x\n');
  });

  it('ignores scripts, styles and other hidden content, closed or not', () => {
    expect(htmlToMarkdown('<p>a<script>document.write("<p>no</p>")</script>b<style>p::after{content:"no"}</style>c</p>')).toBe('abc\n');
    expect(htmlToMarkdown('<p>before</p><script>never closed <p>no</p>')).toBe('before\n');
    expect(htmlToMarkdown('<p>x</p><svg><text>no</text></svg><template><p>no</p></template><iframe src="x">no</iframe><p>y</p>')).toBe('x\n\ny\n');
    expect(htmlToMarkdown('<p onclick="alert(1)" style="display:none">hidden</p><p>shown</p>')).toBe('shown\n');
  });

  it('reads a tag with a huge attribute, or one cut off by the end of the file, without losing text', { timeout: 120_000 }, () => {
    expect(htmlToMarkdown(`<p title="${'x'.repeat(2_000_000)}">ok</p>`)).toBe('ok\n');
    expect(htmlToMarkdown(`<p class=${'y'.repeat(1_000_000)}>ok</p><p>next</p>`)).toBe('ok\n\nnext\n');
    expect(htmlToMarkdown('<p>kept</p><p>cut off <a href="x')).toBe('kept\n\ncut off\n');
  });

  it('never throws and keeps every word of plain paragraphs among random markup (property)', () => {
    // fast-check's stringMatching refuses the i flag, so both cases are spelt out.
    // eslint-disable-next-line regexp/use-ignore-case
    const word = fc.stringMatching(/^[A-Za-z]{1,8}$/);
    const junk = fc.constantFrom('<', '>', '</i>', '<b>', '<!--x-->', '&', '&amp;', '<br>', '</p>', '<span title="a>b">', '</div>', '<!DOCTYPE html>', '<?xml?>');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, junk), { maxLength: 30 }), (parts) => {
        const html = parts.map(([w, j]) => `<p>${w}</p>${j}`).join('');
        const md = htmlToMarkdown(html);
        for (const [w] of parts) expect(md).toContain(w);
      }),
      { numRuns: 200 },
    );
  });
});
