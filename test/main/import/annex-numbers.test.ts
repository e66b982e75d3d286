// Annex paragraphs print the official numbers, never numbers counted by position: a paragraph the
// annex prints without a number (a declaration's opening "We, Heads of State…", a section's
// introduction) stays unnumbered, and a section title standing right above a paragraph number
// ("Conserving the ocean and its ecosystems" / "6.") is a heading, its number the paragraph's.
// Checked on the official text layers (ga-en), with the printed numbers read by hand.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResolutionFile } from '../../../src/main/services/import-files.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { layoutDocument } from '../../../src/shared/export/layout.js';
import { CORPUS } from '../../helpers/corpus.js';

/** The label and first words of each top-level paragraph of annex `k` as the exports print them. */
async function printed(name: string, k = 0): Promise<[string, string][]> {
  const t = await readResolutionFile(path.join(CORPUS, 'ga-en', name));
  const doc = parseResolutionText(t.text, { fileName: t.fileName, format: t.format }).document;
  return layoutDocument(doc)
    .annexes[k]!.paragraphs.filter((p) => !p.level)
    .map((p) => [p.label, p.runs.map((r) => r.text).join('').slice(0, 40)]);
}

describe('annex paragraphs print the official numbers', () => {
  it('A/RES/78/3: the declaration opens with an unnumbered paragraph; "Reaffirm the right" is 1., the follow-up chapeau unnumbered, then 77.', async () => {
    const ps = await printed('A_RES_78_3.txt');
    expect(ps[0]![0]).toBe('');
    expect(ps[0]![1]).toMatch(/^We, Heads of State and/);
    expect(ps[1]![0]).toBe('1.');
    expect(ps[1]![1]).toMatch(/^Reaffirm the right of/);
    expect(ps.find((p) => p[1].startsWith('Call to action'))![0]).toBe('');
    const follow = ps.findIndex((p) => p[1].startsWith('As a follow-up to the pre'));
    expect(ps[follow]![0]).toBe('');
    expect(ps[follow + 1]).toEqual(['77.', expect.stringMatching(/^Request the Secretary-General/)]);
  });

  it('A/RES/79/314: the section titles above paragraphs 6, 19 and 26 are headings; those paragraphs keep their numbers', async () => {
    const ps = await printed('A_RES_79_314.txt');
    const at = (words: string) => ps.find((p) => p[1].startsWith(words));
    expect(at('Conserving the ocean')![0]).toBe('');
    expect(at('We stress that the ocean')![0]).toBe('6.');
    expect(at('We underline the importan')![0]).toBe('7.');
    expect(at('We recognize the tremendo')![0]).toBe('19.');
    expect(at('We note the adoption of t')![0]).toBe('26.');
    expect(at('We call upon States to pr')![0]).toBe('27.');
    expect(ps.filter((p) => p[0] === '').map((p) => p[1])).toEqual(['Conserving the ocean and its ecosystems', 'Promoting sustainable ocean-based econom', 'Accelerating action']);
  });
});
