// HTML export: a self-contained, accessible document that prints like the UN's through paged media.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportHtml, fontNote, HTML_FONT_STACKS } from '../../../src/shared/export/html.js';
import { layoutDocument } from '../../../src/shared/export/layout.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { textBlock, type ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { committeeDraftMeta } from '../../helpers/fixtures.js';
import { CORPUS } from '../../helpers/corpus.js';


function corpusDoc(rel: string): ResolutionDocument {
  const file = path.join(CORPUS, rel);
  return parseResolutionText(fs.readFileSync(file, 'utf8'), { fileName: path.basename(file) }).document;
}

const res200 = corpusDoc('ga-en/A_RES_79_200.txt');
const fr = corpusDoc('fr/A_RES_75_202.fr.md');
const withLists = corpusDoc('ga-en/A_RES_78_218.txt');

function styleOf(html: string): string {
  return /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
}

/** The paragraphs of the text (p elements with class pp or op), as HTML. */
function paragraphs(html: string): string[] {
  return [...html.matchAll(/<p class="(?:pp|op)[^"]*" id="[^"]*">([\s\S]*?)<\/p>/g)].map((m) => m[1]!);
}

function draft(overrides: Partial<ResolutionDocument> = {}): ResolutionDocument {
  return {
    meta: committeeDraftMeta({ agendaItems: [{ number: '18', title: 'Sustainable development' }] }),
    preambular: [textBlock('p1', 'Recalling its resolution 78/143,')],
    operative: [textBlock('o1', 'Requests the Secretary-General to report;'), textBlock('o2', 'Decides to remain seized of the matter.')],
    footnotes: [],
    annexes: [],
    ...overrides,
  };
}

describe('exportHtml: document and print', () => {
  it('is a self-contained HTML5 document with lang and dir', () => {
    const html = exportHtml(res200);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en" dir="ltr">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>A/RES/79/200 – Oil slick on Lebanese shores</title>');
    expect(exportHtml(fr)).toContain('<html lang="fr" dir="ltr">');
    const ar = draft();
    ar.meta.language = 'ar';
    expect(exportHtml(ar)).toContain('<html lang="ar" dir="rtl">');
  });

  it('loads nothing from outside: no external URL, script, link, image or web font', () => {
    for (const html of [exportHtml(res200), exportHtml(fr, { paper: 'a4' }), exportHtml(withLists, { forPrint: true })]) {
      expect(html).not.toMatch(/https?:\/\//);
      expect(html).not.toMatch(/<(?:script|link|img|iframe|object)\b/i);
      expect(html).not.toMatch(/@import|url\(|@font-face|\bsrc=/i);
    }
  });

  it('sets the page size to US Letter by default and to A4 on request', () => {
    expect(styleOf(exportHtml(res200))).toMatch(/@page \{\s*size: letter;/);
    expect(styleOf(exportHtml(res200, { paper: 'letter' }))).toMatch(/size: letter;/);
    expect(styleOf(exportHtml(res200, { paper: 'a4' }))).toMatch(/@page \{\s*size: A4;/);
  });

  it('puts running heads and page numbers in page-margin boxes from page 2, mirrored', () => {
    const css = styleOf(exportHtml(res200));
    expect(css).toContain('@page :first');
    expect(css).toContain('@page :left');
    expect(css).toContain('@page :right');
    // Even pages: symbol at the left, title at the right; odd pages the other way round.
    const left = /@page :left \{([\s\S]*?)\n\}/.exec(css)![1]!;
    const right = /@page :right \{([\s\S]*?)\n\}/.exec(css)![1]!;
    expect(left).toMatch(/@top-left \{ content: "A\/RES\/79\/200"; font: bold 8\.5pt/);
    expect(left).toMatch(/@top-right \{ content: "Oil slick on Lebanese shores"/);
    expect(left).toMatch(/@bottom-left \{ content: counter\(page\) "\/" counter\(pages\)/);
    expect(right).toMatch(/@top-right \{ content: "A\/RES\/79\/200"/);
    expect(right).toMatch(/@top-left \{ content: "Oil slick on Lebanese shores"/);
    expect(right).toMatch(/@bottom-right \{ content: counter\(page\) "\/" counter\(pages\)/);
    // Page 1 has no running head, and keeps a place for the job number and barcode.
    const first = /@page :first \{([\s\S]*?)\n\}/.exec(css)![1]!;
    expect(first).toMatch(/@top-left \{ content: none; \}/);
    expect(first).toMatch(/@bottom-left \{ content: ""; border: 0\.5pt solid transparent/);
  });

  it('gives drafts the symbol alone as running head', () => {
    const css = styleOf(exportHtml(draft()));
    expect(css).toMatch(/@top-left \{ content: "A\/C\.2\/79\/L\.26"/);
    expect(css).not.toContain('"Oil slick on Lebanese shores"');
  });

  it('sets the type and indents of the UN: Times New Roman 10/12, 6 pt after, justified, 23.7 pt', () => {
    const css = styleOf(exportHtml(res200));
    expect(css).toContain(`font-family: ${HTML_FONT_STACKS.en}`);
    expect(HTML_FONT_STACKS.en).toMatch(/^"Times New Roman", "Liberation Serif"/);
    expect(css).toContain('font-size: 10pt; line-height: 12pt;');
    expect(css).toContain('p { margin: 0 0 6pt; }');
    expect(css).toContain('text-align: justify');
    expect(css).toContain('p.pp, p.op { text-indent: 23.7pt; }');
    expect(css).toContain('.label { display: inline-block; min-width: 23.8pt;');
    expect(css).toContain('p.l2 { margin-inline-start: 23.7pt; }');
    expect(css).toContain(fontNote('en'));
  });
});

describe('exportHtml: content', () => {
  it('sets out the masthead, heading, basis, numbered title, formula and closing block', () => {
    const html = exportHtml(res200);
    expect(html).toContain('<span class="mh-un">United Nations</span>');
    expect(html).toContain('<span class="mh-symbol-first">A</span>/RES/79/200');
    expect(html).toContain('<div class="mh-emblem" aria-hidden="true"></div>');
    expect(html).toContain('<p class="mh-organ">General Assembly</p>');
    expect(html).toContain('<p>Distr.: General</p>');
    expect(html).toContain('<p>23 December 2024</p>');
    expect(html).toContain('<p class="mh-session-name">Seventy-ninth session</p>');
    expect(html).toContain('<p class="mh-item">Agenda item 18</p>');
    expect(html).toContain('<p class="adopted">Resolution adopted by the General Assembly<br>on 19 December 2024</p>');
    // "para." and its number are tied by a no-break space, as in the UN's files (typeset.ts).
    expect(html).toContain('<p class="basis">[<span class="basis-text">on the report of the Second Committee (A/79/437, para.\u00a017)</span>]</p>');
    expect(html).toContain('<h1 class="title"><span class="title-num">79/200.</span>Oil slick on Lebanese shores</h1>');
    expect(html).toContain('<p class="formula"><i>The General Assembly</i>,</p>');
    expect(html).toContain('<div class="closing"><p>54th plenary meeting</p><p>19 December 2024</p></div>');
    expect(html).toContain('<hr class="end-rule">');
  });

  it('sets exactly the opening phrases in italics', () => {
    const html = exportHtml(fr);
    const layout = layoutDocument(fr);
    const expected = layout.paragraphs.map((p) =>
      p.runs
        .filter((r) => r.phrase)
        .map((r) => r.text)
        .join(''),
    );
    const paras = paragraphs(html);
    expect(paras.length).toBe(layout.paragraphs.length);
    const italics = paras.map((p) => [...p.matchAll(/<i>(.*?)<\/i>/g)].map((m) => m[1]!).join(''));
    expect(italics).toEqual(expected);
    // The phrases set by hand in the source are honoured ("Se dit consciente", not "Se dit").
    expect(italics).toContain('Se dit consciente');
    // Elsewhere, only the formula is in <i>.
    const outside = html.replace(/<p class="(?:pp|op)[^"]*"[\s\S]*?<\/p>/g, '');
    expect([...outside.matchAll(/<i>(.*?)<\/i>/g)].map((m) => m[1])).toEqual(["L'Assemblée générale"]);
  });

  it('writes labels in spans: operative numbers and subparagraph letters', () => {
    const html = exportHtml(withLists);
    const layout = layoutDocument(withLists);
    const labels = [...html.matchAll(/<span class="label">([^<]*)<\/span>/g)].map((m) => m[1]);
    const expected = [...layout.paragraphs, ...layout.annexes.flatMap((a) => a.paragraphs)].map((p) => p.label.trim()).filter(Boolean);
    expect(labels).toEqual(expected);
    expect(labels).toContain('1.');
    expect(labels).toContain('(a)');
    expect(labels).toContain('(i)');
    expect(html).toMatch(/<p class="op l1" id="para-[^"]+"><span class="label">\(a\)<\/span>/);
    expect(html).toMatch(/<p class="op l2" id="para-[^"]+"><span class="label">\(i\)<\/span>/);
  });

  it('links footnote references to a notes section at the end, with links back', () => {
    const html = exportHtml(res200);
    expect(html).toContain('Conference,<sup><a href="#fn1" id="fnref1" role="doc-noteref">1</a></sup> in which');
    expect(html).toContain('<section class="footnotes" role="doc-endnotes" aria-labelledby="notes-heading">');
    const notes = [...html.matchAll(/<li id="fn(\d+)">([\s\S]*?)<\/li>/g)];
    expect(notes.map((m) => Number(m[1]))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(notes[0]![2]).toContain('See Report of the United Nations Conference on the Human Environment');
    expect(notes[0]![2]).toContain('<a class="fn-back" href="#fnref1" role="doc-backlink"');
    // Every reference has its note, and every note its reference.
    const refs = [...html.matchAll(/<a href="#fn(\d+)" id="fnref\1"/g)].map((m) => Number(m[1]));
    expect(refs).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('uses the masthead words of the document language (French)', () => {
    const html = exportHtml(fr);
    expect(html).toContain('<span class="mh-un">Nations Unies</span>');
    expect(html).toContain('<p class="mh-organ">Assemblée générale</p>');
    expect(html).toContain('<p>Distr. générale</p>');
    expect(html).toContain('<p>29 décembre 2020</p>');
    expect(html).toContain("<p class=\"mh-item\">Point 16 de l'ordre du jour</p>");
    expect(html).toContain("<p class=\"adopted\">Résolution adoptée par l'Assemblée générale<br>le 21 décembre 2020</p>");
    expect(html).toContain('<div class="closing"><p>48e séance plénière</p><p>21 décembre 2020</p></div>');
    expect(html).toContain('<h2 class="visually-hidden" id="notes-heading">Notes</h2>');
  });

  it('sets out a draft: "Distr.: Limited", "Original", committee, sponsor line with its note, no closing block', () => {
    const html = exportHtml(draft());
    expect(html).toContain('<p>Distr.: Limited</p>');
    expect(html).toContain('<p class="mh-original">Original: English</p>');
    expect(html).toContain('<p class="mh-committee">Second Committee</p>');
    expect(html).toContain('<p class="sponsors">Italy and Turkmenistan:* <span class="nobr">draft resolution</span></p>');
    expect(html).toContain('<h1 class="title">Oil slick on Lebanese shores</h1>');
    expect(html).toContain('<li id="fn-sponsors"><span class="fn-num"><sup>*</sup></span> On behalf of the States Members');
    expect(html).not.toContain('class="closing"');
    expect(html).not.toContain('class="adopted"');
  });

  it('links cross-references to the paragraph they name', () => {
    const d = draft();
    d.operative[1] = { id: 'o2', content: [{ t: 'text', text: 'Decides, as set out in ' }, { t: 'xref', targets: ['o1'] }, { t: 'text', text: ', to remain seized.' }], children: [], tail: [] };
    const html = exportHtml(d);
    expect(html).toContain('<p class="op" id="para-o1">');
    expect(html).toContain('as set out in <a class="xref" href="#para-o1">paragraph 1 above</a>, to remain seized.');
  });

  it('escapes text: <, & and quotes never become markup', () => {
    const d = draft({
      preambular: [textBlock('p1', 'Recalling <script>alert("x")</script> & “AT&T”,')],
    });
    d.meta.title = 'Fish & <chips>';
    const html = exportHtml(d);
    expect(html).toContain('<i>Recalling</i> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; “AT&amp;T”,');
    expect(html).toContain('<title>A/C.2/79/L.26 – Fish &amp; &lt;chips&gt;</title>');
    expect(html).not.toContain('<script>');
    // In the running head, the title is a CSS string that cannot close the style element.
    const d2 = draft();
    d2.meta.kind = 'resolution';
    d2.meta.symbol = 'A/RES/79/1';
    d2.meta.title = 'A "quoted" </style> title \\';
    const css = styleOf(exportHtml(d2));
    expect(css).toContain('content: "A \\22 quoted\\22  \\3c /style\\3e  title \\5c "');
  });

  it('adds the on-screen sheet unless the HTML is made for print', () => {
    expect(exportHtml(res200)).toContain('@media screen');
    expect(exportHtml(res200, { forPrint: true })).not.toContain('@media screen');
  });

  it('sets annexes after the closing block (no page break of their own) with their heading and title, a text quoted in the body before it', () => {
    const pact = corpusDoc('ga-en/A_RES_79_1.txt');
    const html = exportHtml(pact);
    // The Pact is quoted in the body: before the closing block; Annex I and II after it.
    const pactAt = html.indexOf('<section class="annex in-body" id="annex-1" aria-labelledby="annex-1-heading">');
    expect(pactAt).toBeGreaterThan(0);
    expect(html).toContain('<h2 class="annex-title" id="annex-1-heading">The Pact for the Future</h2>');
    expect(html.indexOf('<div class="closing">')).toBeGreaterThan(pactAt);
    expect(html.indexOf('<section class="annex" id="annex-2"')).toBeGreaterThan(html.indexOf('<div class="closing">'));
    expect(html).toContain('<h2 class="annex-heading" id="annex-2-heading">Annex I</h2>');
    expect(html).toContain('<h3 class="annex-title">Global Digital Compact</h3>');
    expect(styleOf(html)).not.toContain('break-before: page');
    // Its numbered paragraphs are sentences: numbers at the column edge; "Action 6." runs into its title.
    expect(html).toMatch(/<p class="op margin-num" id="[^"]+"><span class="label">1\.<\/span>We, the Heads of State/);
    expect(html).toMatch(/<span class="heading-num">Action 6\.<\/span> We will invest in people/);
  });
});
