// A star note's call in the text ("… Criminal Court,** and noting …", A/80/L.19, issue 13): the
// note must stay where the document cites it, not be kept uncited at the end with "**" left in
// the words.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FN_CLOSE, FN_OPEN } from '../../../src/shared/import/inline.js';
import { markStarCalls } from '../../../src/shared/import/star-calls.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import type { Inline } from '../../../src/shared/resolution/model.js';
import { CORPUS } from '../../helpers/corpus.js';

const ref = (m: string): string => `${FN_OPEN}${m}${FN_CLOSE}`;

describe('markStarCalls', () => {
  it('places each star note at its first call, the exact run of stars after a word or punctuation', () => {
    const r = markStarCalls(['the Rome Statute,** and noting', 'a second ** loose and the Court*** here'], ['**', '***', '1']);
    expect(r.texts).toEqual([`the Rome Statute,${ref('**')} and noting`, `a second ** loose and the Court${ref('***')} here`]);
    expect([...r.found]).toEqual(['**', '***']);
  });

  it('leaves stars that are not the mark: a longer or shorter run, a star before a word, a lone star', () => {
    const r = markStarCalls(['Court*** and', '**Court', 'a * b', 'Court* and'], ['**']);
    expect(r.texts).toEqual(['Court*** and', '**Court', 'a * b', 'Court* and']);
    expect(r.found.size).toBe(0);
  });
});

describe('A/80/L.19 (text layer): the "**" note on the text the amendment quotes', () => {
  it('is cited where the document cites it, after "Criminal Court,", with no "**" left in the words and no warning', () => {
    const r = parseResolutionText(fs.readFileSync(path.join(CORPUS, 'drafts-80/txt/A_80_L.19.txt'), 'utf8'), { fileName: 'A_80_L.19.txt' });
    const doc = r.document;
    const quoted = doc.operative.find((b) => b.quoted)!;
    const at = quoted.content.findIndex((i: Inline) => i.t === 'fn');
    expect(at).toBeGreaterThan(0);
    const before = quoted.content[at - 1]!;
    expect(before.t === 'text' && before.text.endsWith('Statute of the International Criminal Court,')).toBe(true);
    const note = doc.footnotes.find((f) => f.id === (quoted.content[at] as { id: string }).id)!;
    expect(note.content.map((i) => (i.t === 'text' ? i.text : '')).join('')).toMatch(/^United Nations, .*Treaty Series.*vol\. 2187, No\. 38544\.$/);
    expect(quoted.content.some((i) => i.t === 'text' && i.text.includes('**'))).toBe(false);
    expect(r.warnings.filter((w) => w.includes('**'))).toEqual([]);
  });
});
