// Line-breaking fidelity of the print exports (issue 13): the spaces the UN ties, no kerning or
// ligatures, Word's advance widths and the text column. These pin the measured values: if kerning
// came back, or the letter spacing or column drifted, lines would break elsewhere than the UN's.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boldLines, NBSP, sponsorLinePieces, tiedHyphenPieces, tieSpaces } from '../../../src/shared/export/typeset.js';
import { BODY_LETTER_SPACING, exportHtml, NOTE_LETTER_SPACING, TITLE_LETTER_SPACING_PT, titleClass } from '../../../src/shared/export/html.js';
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

  it('ties a section, annex, chapter or part to its roman numeral and a number to "million", "billion", "trillion", "degrees"', () => {
    expect(tilde(tieSpaces('section XVI of its resolution and annex I, Part VII and chapters II and III'))).toBe(
      'section~XVI of its resolution and annex~I, Part~VII and chapters~II and III',
    );
    expect(tilde(tieSpaces('1.5 degrees Celsius, 354 million people, 1,041,000 dollars and 2 billion'))).toBe('1.5~degrees Celsius, 354~million people, 1,041,000 dollars and 2~billion');
    for (const s of ['section of', 'annex to the', 'Part Iceland', 'subsection IV', 'the millionth', '2 degreesx', 'Goal 14 and', 'per cent']) expect(tieSpaces(s)).toBe(s);
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

describe('tiedHyphenPieces', () => {
  const tied = (s: string): string[] => tiedHyphenPieces(s).filter((p) => p.tied).map((p) => p.text);

  it('keeps a "non-" word together up to its next hyphen, as the UN non-breaking hyphen does', () => {
    expect(tied('non-governmental organizations and the Non-Proliferation Treaty')).toEqual(['non-governmental', 'Non-Proliferation']);
    // Only the first hyphen: the official breaks "Non-Self-|Governing".
    expect(tied('Non-Self-Governing Territories')).toEqual(['Non-Self']);
    expect(tied('non-State actors, non-use (1998)')).toEqual(['non-State', 'non-use']);
  });

  it('ties nothing inside another word or after another prefix', () => {
    for (const s of ['anon-ymous', 'canon-law', 'self-determination', 'non -governmental', 'non-', 'nonaligned', 'pre-non-x']) expect(tied(s)).toEqual([]);
  });

  it('cuts the text into pieces that join back to it exactly (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('non', 'Non', '-', ' ', 'a', 'Self', 'é', '1', 'x-', '\u2011', ','), { maxLength: 30 }), (parts) => {
        const s = parts.join('');
        const pieces = tiedHyphenPieces(s);
        expect(pieces.map((p) => p.text).join('')).toBe(s);
        for (const p of pieces) if (p.tied) expect(p.text).toMatch(/^[Nn]on-[\p{L}\p{N}]+$/u);
      }),
    );
  });
});

describe('boldLines and the title', () => {
  // A/C.2/80/L.59: at the titles' usual 0.34 pt a character the last word would stand alone; the
  // official prints the title on one line, 0.24 pt a character (485.8 pt, as the export at 0.24 pt).
  const l59 = 'Operational activities for development of the United Nations system';

  it('breaks a bold 12 pt line where the font widths and the spacing put it', () => {
    expect(boldLines(l59, 12, TITLE_LETTER_SPACING_PT, 365.5)).toEqual(['Operational activities for development of the United Nations', 'system']);
    expect(boldLines(l59, 12, 0.24, 365.5)).toEqual([l59]);
    // After a hyphen between letters, never inside a "non-" word nor at a no-break space.
    expect(boldLines('aaaa well-being', 10, 0, 50)).toEqual(['aaaa well-', 'being']);
    expect(boldLines('aaaa COVID-19', 10, 0, 50)).toEqual(['aaaa', 'COVID-19']);
    expect(boldLines('aaaa non-governmental', 10, 0, 50)).toEqual(['aaaa', 'non-governmental']);
    expect(boldLines('aaaa 20\u00a0December', 10, 0, 50)).toEqual(['aaaa', '20\u00a0December']);
  });

  it('sets a title tighter only where that spares a lone last word (A/RES/78/228, 78/247, A/C.2/80/L.59)', () => {
    expect(titleClass(l59)).toBe('title tight');
    expect(titleClass('Improving the coordination of efforts against trafficking in persons')).toBe('title tight');
    expect(titleClass('Report on the activities of the Office of Internal Oversight Services')).toBe('title');
    // A lone word that 0.1 pt a character cannot bring up, and titles without a lone word, keep the usual spacing.
    expect(titleClass(`${l59} and of the specialized agencies of the United Nations common system`)).toBe('title');
    expect(titleClass('Human rights and unilateral coercive measures')).toBe('title');
    expect(titleClass('Political declaration of the fourth high-level meeting of the General Assembly on the prevention and control of noncommunicable diseases and the promotion of mental health and well-being')).toBe('title');
  });

  it('keeps every character: the lines hold the words in order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('non-', 'well-', 'being', 'a', 'Assembly', 'é', '2024', ' ', ' ', '\u00a0', 'Ω', '“'), { maxLength: 40 }), fc.integer({ min: 20, max: 400 }), (parts, width) => {
        const s = parts.join('');
        const lines = boldLines(s, 12, 0.34, width);
        expect(lines.join('').replace(/ /g, '')).toBe(s.replace(/ /g, ''));
        for (const l of lines) expect(l.startsWith(' ') || l.endsWith(' ')).toBe(false);
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

  it('adds 0.24 pt a letter to 10 pt text and 0.37 pt to 8.5 pt notes, and keeps the 365.5 pt column', () => {
    expect(BODY_LETTER_SPACING).toBe('0.024em');
    expect(NOTE_LETTER_SPACING).toBe('0.043em');
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

  it('keeps a "non-" word on one line in the text, the title and the agenda item', () => {
    const d: ResolutionDocument = {
      ...doc,
      meta: { ...doc.meta, title: 'Treaty on the Non-Proliferation of Nuclear Weapons', agendaItems: [{ number: '99', title: 'Non-Self-Governing Territories' }] },
      operative: [textBlock('o1', 'Invites non-governmental organizations to contribute.')],
    };
    const out = exportHtml(d, { forPrint: true });
    expect(out).toContain('Treaty on the <span class="nobr">Non-Proliferation</span> of Nuclear Weapons</h1>');
    expect(out).toContain('<span class="nobr">Non-Self</span>-Governing Territories</p>');
    expect(out).toContain('Invites</i> <span class="nobr">non-governmental</span> organizations');
    expect(style).toContain('.nobr { white-space: nowrap; }');
  });
});

describe('sponsorLinePieces', () => {
  const line = 'Austria, Côte d’Ivoire, France, Gabon, Germany, Morocco and Spain: draft decision';

  it('ties the "draft decision" or "draft resolution" that ends a sponsor line, so it goes over whole (A/C.4/80/L.10)', () => {
    expect(sponsorLinePieces(line)).toEqual([
      { text: 'Austria, Côte d’Ivoire, France, Gabon, Germany, Morocco and Spain: ', tied: false },
      { text: 'draft decision', tied: true },
    ]);
    expect(sponsorLinePieces('Pakistan: draft resolution')).toEqual([{ text: 'Pakistan: ', tied: false }, { text: 'draft resolution', tied: true }]);
    // At the measured bold spacing "draft" alone would still fit the first line, as it does not in the official.
    expect(boldLines(line, 10, 0.32, 365.5)).toEqual(['Austria, Côte d’Ivoire, France, Gabon, Germany, Morocco and Spain: draft', 'decision']);
    const d: ResolutionDocument = {
      meta: committeeDraftMeta({ sponsors: ['Austria', 'Côte d’Ivoire', 'France', 'Gabon', 'Germany', 'Morocco', 'Spain'], sponsorLineEnd: 'draft decision' }),
      preambular: [],
      operative: [textBlock('o1', 'Decides to appoint Côte d’Ivoire as a member.')],
      footnotes: [],
      annexes: [],
    };
    expect(exportHtml(d, { forPrint: true })).toMatch(/Morocco and Spain:\*? <span class="nobr">draft decision<\/span>(?:<\/p>|<span class="fn-float")/);
  });

  it('leaves an amendment\'s "to draft resolution A/C.3/80/L.50" and other lines as they are, and keeps every character (property)', () => {
    expect(sponsorLinePieces('Russian Federation: amendment to draft resolution A/C.3/80/L.50')).toEqual([{ text: 'Russian Federation: amendment to draft resolution A/C.3/80/L.50', tied: false }]);
    expect(sponsorLinePieces('')).toEqual([{ text: '', tied: false }]);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('draft', ' ', 'resolution', 'decision', ':', 'Peru', 'x'), { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        const ps = sponsorLinePieces(s);
        expect(ps.map((p) => p.text).join('')).toBe(s);
        for (const p of ps) if (p.tied) expect(p.text).toMatch(/^draft (?:resolution|decision)$/);
      }),
    );
  });
});
