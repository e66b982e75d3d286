// Line-breaking fidelity of the print exports (issue 13): the spaces the UN ties, no kerning or
// ligatures, Word's advance widths and the text column. These pin the measured values: if kerning
// came back, or the letter spacing or column drifted, lines would break elsewhere than the UN's.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NBSP, tieSpaces } from '../../../src/shared/export/typeset.js';
import { BODY_LETTER_SPACING, exportHtml, NOTE_LETTER_SPACING } from '../../../src/shared/export/html.js';
import { PAGED_CSS } from '../../../src/shared/export/paged.js';
import { textBlock, type ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { committeeDraftMeta } from '../../helpers/fixtures.js';

const tilde = (s: string): string => s.replaceAll(NBSP, '~');

describe('tieSpaces', () => {
  it('ties a day to its month and "No.", "para.", "paras.", "vol." to their number', () => {
    expect(tilde(tieSpaces('of 20 December 2010, 1 May and 9 June'))).toBe('of 20~December 2010, 1~May and 9~June');
    expect(tilde(tieSpaces('Treaty Series, vol. 1155, No. 18232'))).toBe('Treaty Series, vol.~1155, No.~18232');
    expect(tilde(tieSpaces('(A/79/437, para. 17) and paras. 3 and 4'))).toBe('(A/79/437, para.~17) and paras.~3 and 4');
  });

  it('leaves other spaces alone: years, three-digit numbers, words that only start like a month, resolutions', () => {
    for (const s of ['in 2015 December', '120 December', 'item 18 Mayors', 'resolution 70/1', 'Goal 14 and', 'No. x', 'para.17', 'A20 December']) {
      expect(tieSpaces(s)).toBe(s);
    }
  });

  it('changes only spaces into no-break spaces (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('1', '20', ' ', 'December', 'May', 'No.', 'para.', 'vol.', '17', 'x', ',', '\u00a0'), { maxLength: 30 }), (parts) => {
        const s = parts.join('');
        const out = tieSpaces(s);
        expect(out.length).toBe(s.length);
        expect(out.replaceAll(NBSP, ' ')).toBe(s.replaceAll(NBSP, ' '));
      }),
    );
  });
});

describe('print style: Word-like advance widths', () => {
  const doc: ResolutionDocument = {
    meta: committeeDraftMeta({ agendaItems: [{ number: '18', title: 'Sustainable development' }] }),
    preambular: [textBlock('p1', 'Recalling its resolution 78/143 of 19 December 2023,')],
    operative: [textBlock('o1', 'Decides to remain seized of the matter.')],
    footnotes: [],
    annexes: [],
  };
  const html = exportHtml(doc, { forPrint: true });
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;

  it('turns pair kerning and ligatures off for the whole document', () => {
    expect(style).toMatch(/html \{[^}]*font-kerning: none;[^}]*font-variant-ligatures: none;[^}]*font-feature-settings: "kern" 0, "liga" 0/);
    expect(style).not.toMatch(/font-kerning: (?:normal|auto)/);
    expect(PAGED_CSS).not.toMatch(/font-kerning|"kern" 1/);
  });

  it('adds 0.24 pt a letter to 10 pt text and 8.5 pt notes, and keeps the 365.5 pt column', () => {
    expect(BODY_LETTER_SPACING).toBe('0.024em');
    expect(NOTE_LETTER_SPACING).toBe('0.028em');
    expect(style).toContain(`.text, .mh-session, .mh-distr { letter-spacing: ${BODY_LETTER_SPACING}; }`);
    expect(style).toContain(`.footnotes { letter-spacing: ${NOTE_LETTER_SPACING}; }`);
    expect(PAGED_CSS).toContain(`letter-spacing: ${NOTE_LETTER_SPACING};`);
    // 60 pt page margin + 63.4 pt inset = 123.4 pt; + 365.5 pt = 488.9 pt, where the UN's lines end.
    expect(style).toContain('.text { margin-inline-start: 63.4pt; width: 365.5pt; }');
    expect(style).toMatch(/@page \{\s*size: letter;[^}]*margin: [\d.]+pt 60pt [\d.]+pt 60pt;/);
  });

  it('prints the date of a citation with a no-break space', () => {
    expect(html).toContain(`of 19${NBSP}December 2023,`);
  });
});
