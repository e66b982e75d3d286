// Draft mastheads of the eightieth session (issue 13, item 2): sponsors (all, in order), the "*"
// sponsor note, title, committee and kind, read from the official PDFs and their text layers and
// compared with drafts-80-masthead.json. That file was checked against the documents' own text
// (each title found in the text layer; the sponsors, joined "A, B and C:", found before the colon
// of the sponsor line) and by reading the mastheads.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResolutionFile } from '../../../src/main/services/import-files.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { toParseJson, type ParseJson } from '../../../src/shared/import/json.js';
import { splitSponsors, parseSponsorLine } from '../../../src/shared/import/sponsors.js';

const DRAFTS = path.resolve(process.cwd(), '../shared/corpus/drafts-80');
const expected = JSON.parse(fs.readFileSync(path.join(__dirname, '../../shared/import/drafts-80-masthead.json'), 'utf8')) as Record<
  string,
  Pick<ParseJson, 'kind' | 'committee' | 'title' | 'sponsors' | 'sponsorNote' | 'bureauLine'>
>;

async function parse(file: string): Promise<ParseJson> {
  const t = await readResolutionFile(file);
  return toParseJson(parseResolutionText(t.text, { fileName: t.fileName, format: t.format }).document);
}

/** Share of drafts whose title, sponsors and committee are exact, with the misses named. */
async function score(ext: 'pdf' | 'txt'): Promise<{ exact: number; misses: string[] }> {
  const misses: string[] = [];
  const names = Object.keys(expected);
  for (const name of names) {
    const j = await parse(path.join(DRAFTS, ext, `${name}.${ext}`));
    const e = expected[name]!;
    if (j.title !== e.title || JSON.stringify(j.sponsors) !== JSON.stringify(e.sponsors) || j.committee !== e.committee || j.kind !== e.kind) misses.push(name);
  }
  return { exact: (names.length - misses.length) / names.length, misses };
}

describe('draft mastheads of drafts-80', () => {
  it('the expectation covers all 46 drafts', () => {
    expect(Object.keys(expected)).toHaveLength(46);
  });

  it('reads title, sponsors, committee and kind exactly for at least 95 % of the PDFs', async () => {
    const r = await score('pdf');
    expect(r.misses).toEqual([]);
    expect(r.exact).toBeGreaterThanOrEqual(0.95);
  }, 300_000);

  it('reads them exactly for at least 95 % of the text layers', async () => {
    const r = await score('txt');
    expect(r.misses).toEqual([]);
    expect(r.exact).toBeGreaterThanOrEqual(0.95);
  }, 120_000);

  it('keeps the "*" note as the sponsor note, not a numbered footnote (PDF)', async () => {
    const j = await parse(path.join(DRAFTS, 'pdf', 'A_C.2_80_L.8.pdf'));
    expect(j.sponsorNote).toBe(expected['A_C.2_80_L.8']!.sponsorNote);
    expect(j.sponsorNote).toMatch(/^On behalf of the States that are members of the Group of 77 and China/);
    expect(j.footnotes.some((f) => f.text.startsWith('On behalf'))).toBe(false);
  }, 60_000);

  it('reads the full name of the Fourth Committee, set over two lines', async () => {
    const j = await parse(path.join(DRAFTS, 'pdf', 'A_C.4_80_L.10.pdf'));
    expect(j.committee).toBe('Special Political and Decolonization Committee (Fourth Committee)');
    expect(j.kind).toBe('draft-decision');
  }, 60_000);
});

describe('sponsor lines', () => {
  it('does not split names that contain "and", nor inside parentheses', () => {
    expect(splitSponsors('Bosnia and Herzegovina, Iran (Islamic Republic of), Trinidad and Tobago and United Kingdom of Great Britain and Northern Ireland')).toEqual([
      'Bosnia and Herzegovina',
      'Iran (Islamic Republic of)',
      'Trinidad and Tobago',
      'United Kingdom of Great Britain and Northern Ireland',
    ]);
    expect(splitSponsors('Italy and Turkmenistan')).toEqual(['Italy', 'Turkmenistan']);
    expect(splitSponsors('Antigua y Barbuda, Chile y Reino Unido de Gran Bretaña e Irlanda del Norte')).toEqual(['Antigua y Barbuda', 'Chile', 'Reino Unido de Gran Bretaña e Irlanda del Norte']);
  });

  it('reads the marks and the words after the colon', () => {
    expect(parseSponsorLine('Tajikistan:* draft decision**')).toEqual({ sponsors: ['Tajikistan'], end: 'draft decision', sponsorMark: '*', endMark: '**' });
    expect(parseSponsorLine('Belarus and Russian Federation: amendment to revised draft resolution A/C.3/80/L.20/Rev.1')?.end).toBe('amendment to revised draft resolution A/C.3/80/L.20/Rev.1');
    // A sentence of the body is not a sponsor line.
    expect(parseSponsorLine('recalling its earlier draft resolution')).toBeNull();
    expect(parseSponsorLine('Recalling: the text.')).toBeNull();
  });
});
