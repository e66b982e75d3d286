/**
 * Page-floated footnotes for the PDF (issue 13): Chromium's CSS has no `float: footnote`, so the
 * print HTML is laid out into pages by Paged.js (a paged-media polyfill) before it is printed.
 * This module holds the pure parts: the style that turns the repeated notes of the print HTML
 * (`span.fn-float`, see html.ts) into page-foot notes under a short rule, the page that runs
 * the polyfill (inline script only, a Content-Security-Policy that forbids any fetch), and the
 * clean-up of the laid-out page into static HTML that prints with JavaScript off.
 */

/** Marker attribute set on `<html>` when Paged.js has finished laying out every page. */
export const PAGED_DONE = 'data-plenary-paged';

/**
 * Style added for the paged-media engine: notes float to the foot of the page that cites them,
 * 8.5/10.5 pt with no space between notes, the number hanging at 116.9 pt and the text at
 * 123.4 pt, under a 72 pt rule of 0.5 pt from 99.6 pt, 6.5 pt above the first note (notes 10.5 pt
 * apart, the first 12 pt under the separator line, as on the official PDFs); the rule and the space
 * over it let a line of text stand as low as the official pages do: over the pages with notes of
 * the 39 official resolutions, the foot of the last note stands 13.6 pt + 10.5 pt a note line under
 * the foot of the last line of text at the closest on pages 2+ (A/RES/78/228 page 7, 79/154 page 10),
 * 18.0 pt on page 1 (79/306, and 16.2 pt on A/C.1/80/L.25 of drafts-80), while a page that ends
 * inside a paragraph never left room for its next line at 12.8 pt (page 1) and 3.2 pt (pages 2+).
 * With 7 pt over the rule (11.5 pt on page 1) a page needed 14.3 pt (18.6 pt) and ended a line
 * early (79/306 page 1); now 6.2 pt (8.5 pt): 13.5 pt (15.6 pt). The end-of-document list keeps only
 * the notes nothing cites. From page 2 the running head stands on a 0.5 pt rule at 65 pt from
 * the top, across 60–552 pt (measured on A/RES/79/200).
 */
export const PAGED_CSS = `
.fn-float { display: block; float: footnote; font-size: 8.5pt; line-height: 10.5pt; font-style: normal; font-weight: normal;
  text-align: start; text-indent: -6.5pt; padding-inline-start: 63.4pt; margin: 0; letter-spacing: 0.043em; }
/* The notes' lines end where the text column's do (123.4–488.9 pt, as on the official pages), not at
   the page's right margin: the footnote area spans the page, so the note is given the column's width. */
.fn-float { box-sizing: content-box; width: 365.5pt; }
.fn-float .fn-num { display: inline-block; width: 6.5pt; margin: 0; text-indent: 0; text-align: start; }
.fn-float .fn-num sup { font-size: 5.5pt; line-height: 0; vertical-align: 3pt; }
.footnotes li.floated, .footnotes.all-floated { display: none; }
[data-footnote-call]::after { content: none !important; }
/* No widow or orphan control by the browser: KEEP_RULES_SCRIPT applies Word's on the paragraph's
   printed lines. The browser's (2 lines) counts the lines of the pieces a paragraph is cut into by
   the notes it carries (still blocks in the flow until they float), and moved a line that fits:
   A/RES/78/228 page 1 ended after 3 lines of "Recalling the adoption…", whose 5th line ends with the
   call of a note, where the official sets 4. */
.text p, .text li { widows: 1; orphans: 1; }
[data-footnote-marker] { display: block !important; list-style: none !important; }
[data-footnote-marker]::marker { content: none !important; }
@page { @footnote { float: bottom; } }
/* The running head's rule: 0.5 pt at 65 pt from the top, across 60–552 pt, from page 2. */
.pagedjs_margin-top { position: relative; }
.pagedjs_margin-top > .pagedjs_margin { border-bottom: 0 !important; }
.pagedjs_page:not(.pagedjs_first_page) .pagedjs_margin-top::after { content: ""; position: absolute; left: 0; right: 0; top: 64.75pt; border-top: 0.5pt solid #000; }
.pagedjs_footnote_inner_content::before { content: ""; display: block; width: 72pt; margin: 6.2pt 0 6.5pt 39.6pt; border-top: 0.5pt solid #000; }
/* Page 1 keeps 2.3 pt more above its notes (see above: 18.0 pt on page 1, 13.6 pt on the others). */
.pagedjs_first_page .pagedjs_footnote_inner_content::before { margin-top: 8.5pt; }
`;

/**
 * Script run before Paged.js in the layout page (see pagedLayoutHtml): animation frames and idle
 * callbacks as zero-delay timers, and no ResizeObserver.
 */
export const DETERMINISM_SHIM = [
  'window.requestAnimationFrame = function (cb) { return setTimeout(function () { cb(performance.now()); }, 0); };',
  'window.cancelAnimationFrame = function (id) { clearTimeout(id); };',
  'window.requestIdleCallback = function (cb) { return setTimeout(function () { cb({ didTimeout: false, timeRemaining: function () { return 50; } }); }, 0); };',
  'window.cancelIdleCallback = function (id) { clearTimeout(id); };',
  'window.ResizeObserver = undefined;',
].join('\n');

/**
 * Script run after Paged.js in the layout page: Word's default keep rules, which the polyfill
 * does not apply when it breaks a paragraph across pages (it cuts at the first line that does not
 * fit). Widow and orphan control: a page never ends on the first line of a paragraph nor starts
 * with its last line (the official PDFs of both corpora have none; the exports had 8 on the 39
 * resolutions): a lone last line takes one more line with it when at least two stay, otherwise the
 * whole paragraph goes over. Keep with next: a block styled `break-after: avoid` (headings, annex
 * headings and titles; Paged.js takes the property out of the style sheet and marks the element
 * `data-break-after="avoid"`) goes over with the block that follows it, unless it would leave the
 * page without text. An annex that opens with a table keeps its heading, title and table together
 * (as the official annexes do: of the 8 annexes in the two corpora, the three that open with a table
 * stay on the page when the table fits under the text, A/C.5/80/L.13 annex I, and start a new page
 * when it does not, L.13 annex II, or when it is longer than a page, A/RES/78/252 with half a page
 * free; the five that open with text run on): when the table is cut by the page end, the annex goes
 * over whole and the table is cut where the next page ends. The closing block (meeting and date) is
 * never cut and never starts a page (the 39 official resolutions of the corpus always have two or more
 * lines of the last paragraph above it on its page, A/RES/78/60 the last two of four): when it does not
 * fit, the last two lines of the paragraph before it go over with it, or the whole paragraph when it has
 * fewer than four lines on the page (keep with next on the last paragraph, with widow and orphan
 * control). The end rule under it (or under a draft's last paragraph) never stands alone on a page
 * either: the official rule always stands under the date. A heading (or an annex) that starts a
 * page loses its space before, as Word's. A page never ends inside a line: when the
 * polyfill cuts before a note call whose note does not fit (the word before the call stays, the next
 * page starts with the call), the whole line goes over with its call, as in Word (A/C.4/80/L.8 page 7),
 * under the same widow and orphan control. Everything is measured synchronously
 * on the laid-out page (determinism).
 */
export const KEEP_RULES_SCRIPT = `(function () {
  function hasTextBefore(rendered, el) {
    var r = document.createRange();
    r.setStart(rendered, 0);
    r.setEndBefore(el);
    return r.toString().trim().length > 0;
  }
  // The block before el; an annex's first block is in the annex's body, after its heading and title.
  // Notes all floated to the foot of their pages take no room in the flow: the block before the end
  // rule is then the last paragraph (of the annex), not the notes (A/RES/78/3: the rule stood alone on a page).
  function blockBefore(el) {
    while (!el.previousElementSibling && el.parentElement && el.parentElement.matches('.annex > .body')) el = el.parentElement;
    var prev = el.previousElementSibling;
    while (prev && prev.matches('.footnotes.all-floated')) prev = prev.previousElementSibling;
    return prev;
  }
  // Paged.js takes break-after out of the style sheet and marks the elements instead.
  function keptWithNext(el) {
    return el.getAttribute('data-break-after') === 'avoid' || getComputedStyle(el).breakAfter === 'avoid';
  }
  function keepWithPrevious(rendered, el) {
    var prev = blockBefore(el);
    while (prev && keptWithNext(prev) && hasTextBefore(rendered, prev)) { el = prev; prev = blockBefore(el); }
    return el;
  }
  function lineStarts(p) {
    var out = [];
    var walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    var r = document.createRange();
    var lastTop = -Infinity;
    for (var t = walker.nextNode(); t; t = walker.nextNode()) {
      // Raised marks (footnote calls) stand higher than their line: they start no line.
      if (t.parentElement && t.parentElement.closest('sup')) continue;
      var s = t.data;
      for (var i = 0; i < s.length; i++) {
        if (/\\s/.test(s[i]) || (i > 0 && !/\\s/.test(s[i - 1]))) continue;
        r.setStart(t, i);
        r.setEnd(t, i + 1);
        var rect = r.getClientRects()[0];
        if (!rect) continue;
        // Overflowing lines stand in the next column, higher up: any change of line top starts a line.
        if (Math.abs(rect.top - lastTop) > 2) out.push({ node: t, offset: i });
        lastTop = rect.top;
      }
    }
    return out;
  }
  // Notes whose call is past the page are still in the flow, as blocks: hidden while the lines are counted.
  function paragraphLines(p) {
    var notes = Array.prototype.slice.call(p.querySelectorAll('[data-note="footnote"]'));
    var shown = notes.map(function (n) { var d = n.style.display; n.style.display = 'none'; return d; });
    var lines = lineStarts(p);
    notes.forEach(function (n, i) { n.style.display = shown[i]; });
    return lines;
  }
  // Whether a cut at (node, offset) of paragraph p falls inside a line rather than between lines
  // (next: the start of the first line after the cut, if any): the cut parts a word from what is
  // glued to it (a note call), or text of the line follows it before the next line (calls and notes aside).
  function insideLine(p, node, offset, next) {
    var before = document.createRange();
    before.setStart(p, 0);
    before.setEnd(node, offset);
    var rest = document.createRange();
    rest.setStart(node, offset);
    if (next) rest.setEnd(next.node, next.offset); else rest.setEnd(p, p.childNodes.length);
    if (/\\S$/.test(before.toString()) && /^\\S/.test(rest.toString())) return true;
    var frag = rest.cloneContents();
    frag.querySelectorAll('sup, [data-note], .fn-float').forEach(function (n) { n.remove(); });
    return frag.textContent.trim().length > 0;
  }
  function moved(overflow, startBefore, node, offset) {
    var r = document.createRange();
    if (startBefore) r.setStartBefore(startBefore); else r.setStart(node, offset);
    r.setEnd(overflow.endContainer, overflow.endOffset);
    return r;
  }
  class KeepRules extends window.Paged.Handler {
    // Word drops the space before a paragraph at the top of a page: a heading that starts a page
    // stands on the page's first line (every page of A/RES/79/1 starts at 73.5 pt, "Action 6." too).
    renderNode(clone) {
      if (!clone || clone.nodeType !== Node.ELEMENT_NODE || !clone.matches('.heading, .annex, .annex-heading, .annex-title')) return undefined;
      var page = clone.closest('.pagedjs_page_content');
      if (page && !hasTextBefore(page, clone)) clone.style.marginTop = '0';
      return undefined;
    }
    onOverflow(overflow, rendered) {
      if (!overflow) return undefined;
      var c = overflow.startContainer;
      var at = c.nodeType === Node.TEXT_NODE ? c.parentElement : c.childNodes[overflow.startOffset];
      // A table that opens an annex goes over with the annex's heading and title when it does not fit
      // in the rest of the page, even when it is longer than a page (then it starts at the top of the
      // next one and is cut where that page ends).
      var table = (c.nodeType === Node.TEXT_NODE ? c.parentElement : c).closest('table');
      if (table && rendered.contains(table)) {
        var opening = table;
        while (blockBefore(opening) && keptWithNext(blockBefore(opening))) opening = blockBefore(opening);
        if (opening !== table && opening.matches('.annex-heading, .annex-title')) {
          return hasTextBefore(rendered, opening) ? moved(overflow, opening) : undefined;
        }
      }
      if (!at || at.nodeType !== Node.ELEMENT_NODE || !rendered.contains(at)) return undefined;
      // The closing block goes over whole, with the last two lines of the paragraph before it (the
      // whole paragraph when it has fewer than four lines on the page), as Word's keep with next on
      // the last paragraph does: it never starts a page in the official PDFs.
      // The end rule stands under it (or under the last paragraph of a draft) and never starts a page either.
      var closing = at.closest('.closing') || (c.nodeType === Node.TEXT_NODE ? c.parentElement : c).closest('.closing');
      if (!closing && at.matches('.end-rule')) closing = blockBefore(at) && blockBefore(at).matches('.closing') ? blockBefore(at) : at;
      if (closing && rendered.contains(closing) && hasTextBefore(rendered, closing)) {
        var before = blockBefore(closing);
        var all = before && !before.matches('p, li') ? before.querySelectorAll('p, li') : null;
        var last = all ? all[all.length - 1] : before;
        // Only when that paragraph is the last text before the block (not, say, before a table).
        var rest = document.createRange();
        if (last) { rest.setStartAfter(last); rest.setEndBefore(closing); }
        var between = last ? rest.cloneContents() : null;
        if (between) between.querySelectorAll('.footnotes.all-floated').forEach(function (n) { n.remove(); });
        if (last && rendered.contains(last) && !between.textContent.trim()) {
          var tail = paragraphLines(last);
          if (tail.length >= 4) return moved(overflow, null, tail[tail.length - 2].node, tail[tail.length - 2].offset);
          if (hasTextBefore(rendered, last)) return moved(overflow, keepWithPrevious(rendered, last));
        }
        return at === closing ? undefined : moved(overflow, closing);
      }
      // The break falls inside a paragraph when it is in its text or before one of its inline elements.
      var p = (c.nodeType === Node.TEXT_NODE ? at : c).closest('p, li');
      if (!p || (p === at && c.nodeType !== Node.TEXT_NODE)) {
        var keep = keepWithPrevious(rendered, at);
        return keep === at ? undefined : moved(overflow, keep);
      }
      if (!rendered.contains(p)) return undefined;
      var lines = paragraphLines(p);
      // k: the lines of the paragraph before the one the page break falls in.
      var k = 0;
      var r = document.createRange();
      while (k < lines.length) {
        r.setStart(lines[k].node, lines[k].offset);
        r.collapse(true);
        if (r.comparePoint(c, overflow.startOffset) <= 0) break;
        k++;
      }
      // A cut inside a line (Paged.js cuts before a note call whose note does not fit, leaving the
      // word it is attached to on the page and starting the next page with the call): the whole
      // line goes over, as in Word, where a line and its calls are never parted.
      var inLine = k > 0 && insideLine(p, c, overflow.startOffset, lines[k]);
      if (inLine) k--;
      var cut = inLine ? moved(overflow, null, lines[k].node, lines[k].offset) : undefined;
      if (k > 0 && k === lines.length) return undefined;
      var after = lines.length - k;
      if (k >= 2 && after >= 2) return cut;
      if (k === 0 && !inLine) return undefined;
      if (k >= 3 && after === 1) return moved(overflow, null, lines[k - 1].node, lines[k - 1].offset);
      if (!hasTextBefore(rendered, p)) return cut;
      return moved(overflow, keepWithPrevious(rendered, p));
    }
  }
  window.Paged.registerHandlers(KeepRules);
})();`;

/** Forbids every fetch: the page may only run its own inline script and styles. */
const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline' blob:; img-src data: blob:; font-src 'none'; connect-src 'none'";

/**
 * The print HTML prepared for layout: a CSP, the paged style, and the polyfill inline (it must
 * not contain "</script"), with a hook that marks `<html>` when every page is laid out.
 */
export function pagedLayoutHtml(html: string, polyfill: string): string {
  if (!html.includes('</head>')) throw new Error('The print HTML has no <head>.');
  const safe = polyfill.replace(/<\/script/gi, '<\\/script');
  const csp = `<meta http-equiv="Content-Security-Policy" content="${CSP}">`;
  const tail = [
    `<style>${PAGED_CSS}</style>`,
    // Determinism (the same pages on every run, whatever the machine's load): Paged.js paces its
    // work with animation frames, which a headless Chromium under virtual time serves at a
    // real-time rate and does not wait for, so the DOM could be taken before the layout ended
    // or in the middle of a re-flow; and it re-flows a page when a ResizeObserver (called on a
    // later frame) reports that the page grew after its layout, which stopped the layout of
    // the pages in progress (79/1 came out with its notes on page 57 in one run and on their own
    // pages in the next). Frames and idle callbacks are served as timers, which virtual time
    // runs in order and waits for; the observer is taken away: every size is known when a page
    // is laid out (no images, no web fonts, notes placed synchronously).
    `<script>${DETERMINISM_SHIM}</script>`,
    `<script>window.PagedConfig = { auto: true, after: function () { document.documentElement.setAttribute('${PAGED_DONE}', '1'); } };</script>`,
    `<script>${safe}</script>`,
    `<script>${KEEP_RULES_SCRIPT}</script>`,
  ].join('\n');
  // The CSP comes first in <head>, before anything it governs; the polyfill last.
  return html.replace(/<head>/i, () => `<head>\n${csp}`).replace('</head>', () => `${tail}\n</head>`);
}

/**
 * The laid-out page (its DOM serialised after Paged.js ran) as static HTML for printing with
 * JavaScript off: scripts removed. Throws when the layout did not finish.
 */
export function staticPagedHtml(dom: string): string {
  if (!new RegExp(`<html[^>]*\\s${PAGED_DONE}="1"`).test(dom)) throw new Error('The page layout did not finish.');
  const out = dom.replace(/<script\b[\s\S]*?<\/script>/gi, '');
  return out.startsWith('<!DOCTYPE') ? out : `<!DOCTYPE html>\n${out}`;
}
