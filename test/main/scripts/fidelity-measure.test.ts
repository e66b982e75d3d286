// The measurements behind `npm run fidelity`: lines from pdftotext -bbox words, their classes,
// and the figures compared between an official PDF and an export.
import { describe, expect, it } from 'vitest';
import { compare, figures, layoutOf } from '../../../scripts/fidelity/measure.js';

/** A bbox XHTML page from lines of [x, y (top of a 10 pt line), size, text]. */
function page(lines: [number, number, number, string][]): string {
  const words: string[] = [];
  for (const [x0, y, size, text] of lines) {
    let x = x0;
    for (const w of text.split(' ')) {
      const width = w.length * size * 0.45;
      words.push(`<word xMin="${x}" yMin="${y}" xMax="${x + width}" yMax="${y + size * 1.116}">${w.replace(/&/g, '&amp;')}</word>`);
      x += width + size * 0.25;
    }
  }
  return `<page width="612.000000" height="792.000000">\n${words.join('\n')}\n</page>`;
}

const official = `<doc>${page([
  [147.1, 383, 10, 'The General Assembly,'],
  [147.1, 401, 10, 'Recalling its resolution 70/1 of 25 September 2015 on the'],
  [123.4, 413, 10, 'sustainable development goals and targets of the agenda'],
  [147.1, 431, 10, '1. Decides to remain seized of the matter until next year'],
  [123.4, 443, 10, 'and requests a report;'],
  [116.9, 704, 8.5, '1 See A/80/1.'],
])}${page([
  [60, 53, 8.5, 'A/RES/80/1 Title'],
  [147.1, 73.4, 10, '(a) To report on the implementation of the present'],
  [123.4, 85.4, 10, 'resolution at its next session;'],
  [60, 749, 8.5, '2/2'],
])}</doc>`;

describe('fidelity measurements', () => {
  it('classes lines as body, note and running head or foot', () => {
    const l = layoutOf(official);
    expect(l.pages.map((p) => p.map((x) => x.kind))).toEqual([
      ['body', 'body', 'body', 'body', 'body', 'note'],
      ['furniture', 'body', 'body', 'furniture'],
    ]);
  });

  it('measures first-line positions, page-1 body start, note pages and line breaks', () => {
    const f = figures(layoutOf(official));
    expect(f.pages).toBe(2);
    expect(f.bodyStart).toBe(383);
    expect(f.x.opNumber).toBe(147.1);
    expect(f.x.alpha).toBe(147.1);
    expect(f.x.pp).toBe(147.1);
    expect(f.notePages).toEqual({ '1': 1 });
    expect(f.breaks).toEqual(['the|sustainable#1', 'year|and#1', 'present|resolution#1']);
    expect(f.linesPerPage).toEqual([5, 2]);
  });

  it('takes a note line that begins with a number at the column edge for the note text it continues, not for a note (A/RES/79/1 "14 June 1992, vol. I")', () => {
    const doc = `<doc>${page([
      [147.1, 383, 10, 'The General Assembly,'],
      [147.1, 401, 10, 'Recalling its resolution 70/1 of 25 September 2015 on the'],
      [123.4, 413, 10, 'sustainable development goals and targets of the agenda'],
      [147.1, 431, 10, '1. Decides to remain seized of the matter until next year'],
      [123.4, 443, 10, 'and requests a report on the implementation of this text'],
      [123.4, 455, 10, 'at its next session under the item entitled as before;'],
      [116.9, 694, 8.5, '6 Report of the Conference, Rio de Janeiro, 3-'],
      [123.4, 704, 8.5, '14 June 1992, vol. I, resolution 1, annex I.'],
    ])}</doc>`;
    expect(figures(layoutOf(doc)).notePages).toEqual({ '6': 1 });
  });

  it('compares an export with the official: equal documents agree in everything', () => {
    const f = figures(layoutOf(official));
    const c = compare(f, f);
    expect(c.pagesEqual).toBe(true);
    expect(c.lineBreaks).toBe(1);
    expect(c.notesSamePage).toBe(1);
    expect(c.bodyStart).toBe(0);
    expect(c.firstLastAgree).toBe(1);
  });

  it('sees a note moved to another page, a shifted start and a different line break', () => {
    const moved = official
      .replace('yMin="704"', 'yMin="200"')
      .replace(/yMin="383"/g, 'yMin="390"')
      .replace('>sustainable<', '>goals<');
    const c = compare(figures(layoutOf(official)), figures(layoutOf(moved)));
    expect(c.bodyStart).toBe(7);
    expect(c.lineBreaks).toBeCloseTo(2 / 3);
  });

  it('joins a word pdftotext split inside a justified line ("coron avirus"), not words a space apart nor a raised mark', () => {
    const split = official.replace('>the</word>', '>the</word>').replace(/<word xMin="([\d.]+)" yMin="401" xMax="([\d.]+)" yMax="([\d.]+)">the<\/word>/, (_m, x0: string, x1: string, y1: string) => {
      const mid = (Number(x0) + Number(x1)) / 2;
      return `<word xMin="${x0}" yMin="401" xMax="${mid - 0.6}" yMax="${y1}">t</word><word xMin="${mid + 0.6}" yMin="401" xMax="${x1}" yMax="${y1}">he</word>`;
    });
    expect(split).toContain('>he</word>');
    const f = figures(layoutOf(split));
    expect(f.breaks).toEqual(['the|sustainable#1', 'year|and#1', 'present|resolution#1']);
    const marked = official.replace(/(<word xMin="[\d.]+" yMin="401" xMax=")([\d.]+)(" yMax="[\d.]+">the<\/word>)/, (_m, a: string, x1: string, b: string) => `${a}${x1}${b}<word xMin="${Number(x1) + 0.2}" yMin="401" xMax="${Number(x1) + 3.5}" yMax="407.5">1</word>`);
    expect(marked).toContain('>1</word>');
    const g = figures(layoutOf(marked));
    expect(g.breaks).toEqual(['the|sustainable#1', 'year|and#1', 'present|resolution#1']);
    expect(layoutOf(marked).pages[0]![1]!.words.map((w) => w.text).slice(-2)).toEqual(['the', '1']);
  });

  it('counts a line break that falls on a page break when the paragraph runs on (a full line, then a run-over line at the column edge)', () => {
    /** A justified 10 pt line: its words spread so that the last ends at the column's edge, 488.6 pt. */
    const full = (x0: number, y: number, text: string): string => {
      const ws = text.split(' ');
      const widths = ws.map((w) => w.length * 4.5);
      const gap = (488.6 - x0 - widths.reduce((t, w) => t + w, 0)) / (ws.length - 1);
      let x = x0;
      return ws
        .map((w, i) => {
          const box = `<word xMin="${x}" yMin="${y}" xMax="${x + widths[i]!}" yMax="${y + 11.16}">${w}</word>`;
          x += widths[i]! + gap;
          return box;
        })
        .join('\n');
    };
    const lines = [
      'Recalling its resolutions on the question and all the',
      'decisions of the Conference on the same subject, with',
      'the reports of the Secretary-General on the matter and',
      'the recommendations contained in those reports, also',
    ];
    const pageOf = (ls: string[], y0: number, x0: number): string => `<page width="612.000000" height="792.000000">\n${ls.map((l, i) => full(i === 0 ? x0 : 123.4, y0 + 12 * i, l)).join('\n')}\n</page>`;
    const official = `<doc>${pageOf(['The General Assembly is here to stay and the matter stands', ...lines, 'and the last words of this paragraph are short'], 383, 147.1)}</doc>`;
    // The export puts a page break after the second line of the paragraph: the same line breaks.
    const split = `<doc>${pageOf(['The General Assembly is here to stay and the matter stands', ...lines.slice(0, 2)], 383, 147.1)}${pageOf([...lines.slice(2), 'and the last words of this paragraph are short'], 77.5, 123.4)}</doc>`;
    const c = compare(figures(layoutOf(official)), figures(layoutOf(split)));
    expect(figures(layoutOf(split)).breaks).toContain('with|the#1');
    expect(c.lineBreaks).toBe(1);
    // A page that opens a new paragraph ("5. …" or an indented first line) carries no break over.
    const fresh = `<doc>${pageOf(['The General Assembly is here to stay and the matter stands', ...lines.slice(0, 2)], 383, 147.1)}${pageOf(['5. Decides to remain seized of the matter and of the', ...lines.slice(3)], 77.5, 123.4)}</doc>`;
    expect(figures(layoutOf(fresh)).breaks.filter((b) => b.startsWith('with|'))).toEqual([]);
    const indented = `<doc>${pageOf(['The General Assembly is here to stay and the matter stands', ...lines.slice(0, 2)], 383, 147.1)}${pageOf(['Noting the reports of the Secretary-General on the', ...lines.slice(3)], 77.5, 147.1)}</doc>`;
    expect(figures(layoutOf(indented)).breaks.filter((b) => b.startsWith('with|'))).toEqual([]);
  });
});
