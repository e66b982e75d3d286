// Lines an official PDF fitted by hand (scripts/fidelity/hand-set.ts): condensed words, and lines of a
// paragraph off the template's 12 pt pitch.
import { describe, expect, it } from 'vitest';
import { layoutOf } from '../../../scripts/fidelity/measure.js';
import { handSet } from '../../../scripts/fidelity/hand-set.js';

/** A bbox XHTML page from lines of [x, y (top), text, width scale of the words]. */
function page(lines: [number, number, string, number?][]): string {
  const words: string[] = [];
  for (const [x0, y, text, scale = 1] of lines) {
    let x = x0;
    for (const w of text.split(' ')) {
      const width = w.length * 4.5 * scale;
      words.push(`<word xMin="${x}" yMin="${y}" xMax="${x + width}" yMax="${y + 11.16}">${w}</word>`);
      x += width + 2.5;
    }
  }
  return `<page width="612.000000" height="792.000000">\n${words.join('\n')}\n</page>`;
}

const TEXT = 'the development and the States and the Nations';

/** A paragraph of `n` lines from `y`, `pitch` pt apart, its first line indented. */
function para(y: number, n: number, pitch = 12): [number, number, string][] {
  return Array.from({ length: n }, (_, i): [number, number, string] => [i ? 123.4 : 147.1, y + i * pitch, TEXT]);
}

describe('hand-set lines of an official PDF', () => {
  it('finds nothing in lines set at the template: 12 pt apart, words as wide as elsewhere', () => {
    const doc = `<doc>${page([...para(100, 3), ...para(142, 2)])}</doc>`;
    expect(handSet(layoutOf(doc))).toEqual({ condensedLines: 0, offPitchLines: 0, pitch: 12, pages: [] });
  });

  it('counts a line whose words are 2 % narrower than the same words elsewhere (A/RES/79/146 paragraph 78)', () => {
    const doc = `<doc>${page(para(100, 3))}${page([
      [147.1, 100, TEXT],
      [123.4, 112, TEXT, 0.98],
      [123.4, 124, TEXT, 0.995],
    ])}</doc>`;
    expect(handSet(layoutOf(doc))).toMatchObject({ condensedLines: 1, offPitchLines: 0, pages: [2] });
  });

  it('counts the lines of a paragraph set 11.6 pt apart (A/RES/79/18, single spacing), not the space between paragraphs', () => {
    const doc = `<doc>${page([...para(100, 3, 11.6), ...para(140.8, 2, 11.6)])}</doc>`;
    expect(handSet(layoutOf(doc))).toEqual({ condensedLines: 0, offPitchLines: 3, pitch: 11.6, pages: [1] });
  });
});
