// Two shapes of the eightieth-session drafts that gave the text layer other paragraph counts than
// the PDF (issue 13): a "*" note at the foot of a page whose rule the text layer dropped, and a
// decision set as one sentence ("The General Assembly decides to defer … the following
// documents:") followed by the list or table it sets out.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutDocument } from '../../../src/shared/export/layout.js';
import { PAGE, takePageFootStarNotes } from '../../../src/shared/import/clean.js';
import { toParseJson } from '../../../src/shared/import/json.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';

const MAST = ['United Nations', 'A/80/L.99', '', 'General Assembly', 'Distr.: Limited', '2 December 2025', 'Original: English', '', 'Eightieth session', 'Agenda item 13', 'Culture of peace', ''];

function parse(lines: string[]): ReturnType<typeof toParseJson> {
  return toParseJson(parseResolutionText(lines.join('\n'), { fileName: 'A_80_L.99.txt', format: 'text' }).document);
}

describe('"*" notes at the foot of a page without a rule', () => {
  it('takes the cited notes before a page break and at the end, joining wrapped lines, in order', () => {
    const lines = ['Tajikistan:* draft decision**', '', 'Recalling its resolutions,', '', '* Any changes to the list.', PAGE, 'Decides to act.', '', '** In order to act, it will be', 'necessary to decide.'];
    const r = takePageFootStarNotes(lines, 1);
    expect(r.notes).toEqual([
      { mark: '*', text: 'Any changes to the list.' },
      { mark: '**', text: 'In order to act, it will be necessary to decide.' },
    ]);
    expect(r.lines).toEqual(['Tajikistan:* draft decision**', '', 'Recalling its resolutions,', '', PAGE, 'Decides to act.', '']);
  });

  it('leaves a star paragraph whose mark nothing cites, or that is not at the foot of a page', () => {
    const uncited = ['Recalling its resolutions,', '', '* Any changes to the list.', PAGE];
    expect(takePageFootStarNotes(uncited, 0).notes).toEqual([]);
    const midPage = ['Uzbekistan:*', '* Any changes to the list.', '', 'Recalling its resolutions,', PAGE];
    expect(takePageFootStarNotes(midPage, 1)).toEqual({ lines: midPage, notes: [] });
  });

  it('a draft whose text layer lost the rule: the note is the sponsor note, not a preambular paragraph', () => {
    const j = parse([
      ...MAST, 'Kazakhstan and Uzbekistan:*', 'draft resolution', '', 'Legal literacy', '', 'The General Assembly,', '',
      'Reaffirming the Charter of the United Nations,', '', 'Recalling its resolution 49/184,', '', '',
      '* Any changes to the list of sponsors will be reflected in the official record of the meeting.', '', 'A/80/L.99', '', '25-19720', '2/2', '',
      'Noting the strategies of the United Nations,', '', '1.', 'Decides to proclaim 2027 the International Year of Legal Literacy.',
    ]);
    expect(j.preambular.map((p) => p.openingPhrase)).toEqual(['Reaffirming', 'Recalling', 'Noting']);
    expect(j.operative).toHaveLength(1);
    expect(j.sponsorNote).toBe('Any changes to the list of sponsors will be reflected in the official record of the meeting.');
  });
});

describe('a decision set as one sentence', () => {
  const head = [...MAST, 'Draft decision submitted by the Chair', '', 'Questions deferred for future consideration', ''];

  it('is the one operative paragraph; the list it sets out follows as an annex with no heading, every word kept', () => {
    const list = ['Item 136', '', 'Proposed programme budget for 2026', '', 'Estimates in respect of special political missions', '', 'Report of the Secretary-General on special political missions', '', 'Related report of the Advisory Committee'];
    const r = parseResolutionText([...head, 'The General Assembly decides to defer until its eighty-first', 'session consideration of the following documents:', '', ...list].join('\n'), { fileName: 'A_80_L.99.txt', format: 'text' });
    const j = toParseJson(r.document);
    expect(j.preambular).toEqual([]);
    expect(j.operative.map((o) => o.text)).toEqual(['The General Assembly decides to defer until its eighty-first session consideration of the following documents:']);
    const annex = r.document.annexes[0]!;
    expect(annex.heading).toBe('');
    expect(annex.title).toBe('Item 136');
    const texts = annex.paragraphs.map((b) => b.content.map((i) => (i.t === 'text' ? i.text : '')).join(''));
    expect(texts).toEqual(list.filter((l) => l !== '' && l !== 'Item 136'));
  });

  it('prints the items it sets out without numbers, as the official does (A/C.5/80/L.22: no "1.", "2." before the reports)', () => {
    const list = ['Item 136', '', 'Estimates in respect of special political missions', '', 'Report of the Secretary-General on special political missions', '', 'Related report of the Advisory Committee'];
    const doc = parseResolutionText([...head, 'The General Assembly decides to defer until its eighty-first', 'session consideration of the following documents:', '', ...list].join('\n'), { fileName: 'A_80_L.99.txt', format: 'text' }).document;
    const printed = layoutDocument(doc).annexes[0]!.paragraphs;
    expect(printed.map((p) => [p.label, p.runs.map((r) => r.text).join('')])).toEqual([
      ['', 'Estimates in respect of special political missions'],
      ['', 'Report of the Secretary-General on special political missions'],
      ['', 'Related report of the Advisory Committee'],
    ]);
  });

  it('property: whatever the items, none of them gets a number the document does not print, and every word is kept', () => {
    const WORDS = ['report', 'of', 'the', 'Secretary-General', 'on', 'missions', 'Advisory', 'Committee', 'budget', 'for', '2026', 'timetable', 'Tuesday,', '10 a.m.', 'debate'];
    const item = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 9 }).map((w) => `Item ${w.join(' ')}`);
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 8 }), (items) => {
        const doc = parseResolutionText([...head, 'The General Assembly decides to defer consideration of the following documents:', '', ...items.flatMap((t) => [t, ''])].join('\n'), { fileName: 'A_80_L.99.txt', format: 'text' }).document;
        const layout = layoutDocument(doc);
        const printed = layout.annexes.flatMap((a) => a.paragraphs);
        expect(printed.filter((p) => p.label.trim() !== '')).toEqual([]);
        const all = [...layout.annexes.map((a) => a.title), ...printed.map((p) => p.runs.map((r) => r.text).join(''))].join(' ');
        expect(all.replace(/\s+/g, ' ').trim()).toBe(items.join(' '));
      }),
      { numRuns: 60, seed: 13 },
    );
  });

  it('keeps the lettered items that follow as its subparagraphs, and a sentence alone as the operative paragraph', () => {
    const j = parse([...head, 'The General Assembly decides:', '', '(a) To defer the item;', '', '(b) To keep it under review.']);
    expect(j.preambular).toEqual([]);
    expect(j.operative).toHaveLength(1);
    expect(j.operative[0]!.subparagraphs.map((s) => `${s.label} ${s.text}`)).toEqual(['(a) To defer the item;', '(b) To keep it under review.']);
    const alone = parse([...head, 'The General Assembly decides to defer the item to its eighty-first session.']);
    expect([alone.preambular.length, alone.operative.length]).toEqual([0, 1]);
  });
});

describe('a quotation under a preambular paragraph that ends with a colon', () => {
  const body = (quote: string): ReturnType<typeof toParseJson> =>
    parse([
      ...MAST, 'Mexico:* draft resolution', '', 'Advisory opinion', '', 'The General Assembly,', '',
      'Recalling its resolution 79/232, in which it decided to request an advisory opinion on the following question:', '',
      quote, '', 'Commending the Court for its decision,', '', '1.', 'Welcomes the advisory opinion.',
    ]);

  it('is part of that paragraph, not a preambular paragraph of its own', () => {
    const j = body('What are the obligations of Israel, as an occupying Power?');
    expect(j.preambular.map((p) => p.text)).toEqual([
      'Recalling its resolution 79/232, in which it decided to request an advisory opinion on the following question: What are the obligations of Israel, as an occupying Power?',
      'Commending the Court for its decision,',
    ]);
  });

  it('a title under such a paragraph ("Article I") and a paragraph that opens with a phrase stand apart', () => {
    expect(body('Article I').preambular).toHaveLength(3);
    expect(body('Noting the request of the Court,').preambular).toHaveLength(3);
  });
});
