// Footnotes at the page foot are set in the text column (issue 13): the official notes' lines end
// where the text's do (488.9 pt), so a note as wide as the page's margins (to 552 pt) holds about
// 45 pt more a line than the UN's, wraps elsewhere and takes fewer lines at the page foot.
import { describe, expect, it } from 'vitest';
import { PAGED_CSS } from '../../../src/shared/export/paged.js';
import { exportHtml } from '../../../src/shared/export/html.js';
import { emptyFrontMatter, type ResolutionDocument } from '../../../src/shared/resolution/model.js';

const doc: ResolutionDocument = {
  meta: emptyFrontMatter({ kind: 'resolution', symbol: 'A/RES/80/1', title: 'Notes' }),
  preambular: [],
  operative: [{ id: 'op1', content: [{ t: 'text', text: 'Decides.' }, { t: 'fn', id: 'fn1' }], children: [], tail: [] }],
  footnotes: [{ id: 'fn1', content: [{ t: 'text', text: 'Resolution 70/1.' }] }],
  annexes: [],
};

/** The value of `prop` in the last rule for exactly `selector` in `css` that sets it. */
function declared(css: string, selector: string, prop: string): string | undefined {
  let value: string | undefined;
  const esc = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const m of css.matchAll(new RegExp(`(?:^|[}\\n])\\s*${esc}\\s*\\{([^}]*)\\}`, 'g'))) {
    const d = new RegExp(`(?:^|[;\\s])${prop}\\s*:\\s*([^;]+)`).exec(m[1]!);
    if (d) value = d[1]!.trim();
  }
  return value;
}

describe('page-foot notes', () => {
  it('are as wide as the text column and start where it starts', () => {
    const html = exportHtml(doc, { forPrint: true });
    const textWidth = declared(html, '.text', 'width');
    const textStart = declared(html, '.text', 'margin-inline-start');
    expect(textWidth).toBe('365.5pt');
    expect(declared(PAGED_CSS, '.fn-float', 'width')).toBe(textWidth);
    expect(declared(PAGED_CSS, '.fn-float', 'padding-inline-start')).toBe(textStart);
    expect(declared(PAGED_CSS, '.fn-float', 'box-sizing')).toBe('content-box');
  });

  it('declared() finds nothing for a property no rule sets', () => {
    expect(declared(PAGED_CSS, '.fn-float', 'word-spacing')).toBeUndefined();
  });
});
