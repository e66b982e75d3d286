// The paged-media preparation of the print HTML (issue 13): notes repeated where they are cited,
// the page that runs Paged.js (CSP first, no fetch), and the static HTML that is printed.
import { describe, expect, it } from 'vitest';
import { DETERMINISM_SHIM, KEEP_RULES_SCRIPT, PAGED_CSS, PAGED_DONE, pagedLayoutHtml, staticPagedHtml } from '../../../src/shared/export/paged.js';
import { exportHtml } from '../../../src/shared/export/html.js';
import { emptyFrontMatter, type ResolutionDocument } from '../../../src/shared/resolution/model.js';

function doc(): ResolutionDocument {
  return {
    meta: emptyFrontMatter({ kind: 'draft', symbol: 'A/C.3/80/L.5', title: 'Rights of older persons', sponsors: ['Italy', 'Turkmenistan'], sponsorNote: 'On behalf of the Group of 77 and China.' }),
    preambular: [{ id: 'pp1', content: [{ t: 'text', text: 'Recalling its resolution 70/1,' }, { t: 'fn', id: 'fn1' }, { t: 'fn', id: 'fn2' }], children: [], tail: [] }],
    operative: [{ id: 'op1', content: [{ t: 'text', text: 'Decides to remain seized of the matter, as in 70/1.' }, { t: 'fn', id: 'fn1' }], children: [], tail: [] }],
    footnotes: [
      { id: 'fn1', content: [{ t: 'text', text: 'Resolution 70/1.' }] },
      { id: 'fn2', content: [{ t: 'text', text: 'A/80/1.' }] },
    ],
    annexes: [],
  };
}

describe('print HTML for the page layout', () => {
  it('repeats each note once, where it is first cited, hidden unless paged', () => {
    const html = exportHtml(doc(), { forPrint: true });
    expect(html.match(/class="fn-float" data-fn="1"/g)).toHaveLength(1);
    expect(html).toContain('<span class="fn-float" data-fn="2" aria-hidden="true"><span class="fn-num"><sup>2</sup></span>A/80/1.</span>');
    expect(html).toMatch(/class="sponsors">(?:[^<]|<span class="nobr">[^<]*<\/span>)*<span class="fn-float" data-fn="\*"/);
    expect(html).toContain('.fn-float { display: none; }');
    // The list at the end still has every note (for printing without the layout).
    expect(html).toContain('<li id="fn1" class="floated">');
    // The HTML for the screen has no repeated notes.
    expect(exportHtml(doc())).not.toContain('fn-float"');
  });

  it('marks consecutive references with a superscript comma', () => {
    expect(exportHtml(doc())).toMatch(/>1<\/a><\/sup><sup>,<a [^>]*>2<\/a><\/sup>/);
  });

  it('puts the CSP first in <head>, then the paged style and the polyfill last, with no "</script" inside', () => {
    const out = pagedLayoutHtml(exportHtml(doc(), { forPrint: true }), 'var x = "</script>";');
    const head = out.slice(out.indexOf('<head>'), out.indexOf('</head>'));
    expect(head.split('\n')[1]).toMatch(/^<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline';[^"]*connect-src 'none'">$/);
    expect(head).toContain(PAGED_CSS);
    expect(head.lastIndexOf('<script>')).toBeGreaterThan(head.indexOf(PAGED_CSS));
    expect(out).not.toContain('"</script>"');
    expect(out).toContain('<\\/script>');
    expect(() => pagedLayoutHtml('<p>no head</p>', '')).toThrow(/no <head>/);
  });

  it('serves animation frames and idle callbacks as timers and removes the ResizeObserver, before the polyfill runs', () => {
    const out = pagedLayoutHtml(exportHtml(doc(), { forPrint: true }), 'POLYFILL();');
    expect(out.indexOf(`<script>${DETERMINISM_SHIM}</script>`)).toBeGreaterThan(0);
    expect(out.indexOf(DETERMINISM_SHIM)).toBeLessThan(out.indexOf('POLYFILL();'));
    // The keep rules register their handler with the polyfill, so they come after it.
    expect(out.indexOf(`<script>${KEEP_RULES_SCRIPT}</script>`)).toBeGreaterThan(out.indexOf('POLYFILL();'));
    // Run the shim against a stand-in window: every callback goes through setTimeout.
    const timers: (() => void)[] = [];
    const win: Record<string, unknown> = { ResizeObserver: class {} };
    new Function('window', 'setTimeout', 'clearTimeout', 'performance', DETERMINISM_SHIM)(win, (f: () => void) => timers.push(f), () => undefined, { now: () => 0 });
    const seen: string[] = [];
    (win.requestAnimationFrame as (cb: (t: number) => void) => void)(() => seen.push('frame'));
    (win.requestIdleCallback as (cb: (d: { timeRemaining(): number }) => void) => void)((d) => seen.push(`idle ${d.timeRemaining()}`));
    expect(seen).toEqual([]);
    timers.forEach((f) => f());
    expect(seen).toEqual(['frame', 'idle 50']);
    expect(win.ResizeObserver).toBeUndefined();
  });

  it('prints only a finished layout, without scripts', () => {
    const dom = `<html ${PAGED_DONE}="1"><head><script>alert(1)</script><style>p{}</style></head><body><SCRIPT src="x.js"></SCRIPT><p>Text</p></body></html>`;
    const out = staticPagedHtml(dom);
    expect(out).not.toMatch(/<script/i);
    expect(out).toContain('<p>Text</p>');
    expect(out.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(() => staticPagedHtml('<html><body><p>Text</p></body></html>')).toThrow(/did not finish/);
  });
});

describe('page geometry and page-1 notes of the print HTML', () => {
  const pageRule = (html: string) => /@page \{([\s\S]*?)\n\}/.exec(html)![1]!;
  it("sets drafts' pages 2+ 2.1 pt lower than resolutions', the running head where it was, and the text area's foot at 735 pt", () => {
    const draftCss = exportHtml(doc());
    const resCss = exportHtml({ ...doc(), meta: { ...doc().meta, kind: 'resolution', symbol: 'A/RES/80/5' } });
    expect(pageRule(draftCss)).toMatch(/margin: 75\.5pt 60pt 57pt 60pt;/);
    expect(pageRule(resCss)).toMatch(/margin: 73\.4pt 60pt 57pt 60pt;/);
    // The head's box ends 2.1 pt further above the text, so its rule and words stay at the same height.
    expect(draftCss).toMatch(/@top-left \{[^}]*margin-bottom: 11\.1pt;/);
    expect(resCss).toMatch(/@top-left \{[^}]*margin-bottom: 9pt;/);
  });

  it('floats a note that nothing cites from the sponsor line (or the title), to the foot of page 1, and keeps it in the list for the screen', () => {
    const d = doc();
    d.footnotes.push({ id: 'fn3', content: [{ t: 'text', text: 'In order for the General Assembly to take action, it will be necessary to decide.' }] });
    const print = exportHtml(d, { forPrint: true });
    expect(print).toMatch(/class="sponsors">(?:[^<]|<span class="nobr">[^<]*<\/span>)*<span class="fn-float" data-fn="\*"[\s\S]*?China\.<\/span><span class="fn-float" data-fn="a" aria-hidden="true"><span class="fn-num"><sup>a<\/sup><\/span>In order for/);
    expect(print).toContain('<li id="fn-a" class="floated">');
    expect(print.match(/data-fn="a"/g)).toHaveLength(1);
    const screen = exportHtml(d);
    expect(screen).not.toContain('data-fn="a"');
    expect(screen).toContain('<li id="fn-a"><span class="fn-num"><sup>a</sup></span> In order for');
    // Without a sponsor line the title carries it.
    const noSponsors = { ...d, meta: { ...d.meta, sponsors: [], sponsorNote: '' } };
    expect(exportHtml(noSponsors, { forPrint: true })).toMatch(/<h1[^>]*>[^<]*Rights of older persons<span class="fn-float" data-fn="a"/);
  });
});

describe('sponsor line of draft decisions and amendments', () => {
  it('prints the words the draft printed after the colon, in HTML and .docx alike', async () => {
    const d = doc();
    d.meta.sponsorLineEnd = 'amendment to draft resolution A/C.3/80/L.50';
    expect(exportHtml(d)).toContain('Italy and Turkmenistan:* amendment to draft resolution A/C.3/80/L.50</p>');
    const { docxBytes } = await import('../../../src/shared/export/docx.js');
    const JSZip = (await import('jszip')).default;
    const xml = await (await JSZip.loadAsync(await docxBytes(d, {}))).file('word/document.xml')!.async('string');
    expect(xml).toContain('amendment to draft resolution A/C.3/80/L.50');
    expect(xml).not.toMatch(/>\s*draft resolution</);
  });
});
