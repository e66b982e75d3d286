// Every Akoma Ntoso export validates against the OASIS schema (../shared/schemas/akn), checked with
// xmllint (libxml2-utils, installed by scripts/ensure-system.mjs): adopted resolutions, sectioned
// ones (parts, sub-headings, per-part preambles), annexes, lists, a French text and a committee draft.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { exportAkn } from '../../../src/shared/export/akn.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import type { ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { CORPUS } from '../../helpers/corpus.js';
import { tempDir } from '../../helpers/tmp.js';

const SCHEMA = path.join(path.dirname(CORPUS), 'schemas', 'akn', 'akomantoso30.xsd');

function corpusDoc(rel: string): ResolutionDocument {
  const file = path.join(CORPUS, rel);
  return parseResolutionText(fs.readFileSync(file, 'utf8'), { fileName: path.basename(file) }).document;
}

/** xmllint's verdict on `xml`: '' when valid, else its messages. */
function schemaErrors(xml: string, dir: string, name: string): string {
  const file = path.join(dir, `${name}.xml`);
  fs.writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, file], { encoding: 'utf8', timeout: 120_000 });
  return r.status === 0 ? '' : `${r.stderr}${r.error ? String(r.error) : ''}`.slice(0, 4000);
}

const NOW = new Date('2025-01-15T12:00:00Z');

describe('Akoma Ntoso exports validate against akomantoso30.xsd', { timeout: 300_000 }, () => {
  const tmp = tempDir('plenary-akn-xsd-');
  const docs: [string, string][] = [
    ['A/RES/79/200 (plain)', 'ga-en/A_RES_79_200.txt'],
    ['A/RES/79/1 (annexes, long)', 'ga-en/A_RES_79_1.txt'],
    ['A/RES/78/218 (lists)', 'ga-en/A_RES_78_218.txt'],
    ['A/RES/78/247 (parts, restarting numbering)', 'ga-en/A_RES_78_247.txt'],
    ['A/RES/78/253 (26 parts)', 'ga-en/A_RES_78_253.txt'],
    ['A/RES/75/202 (French)', 'fr/A_RES_75_202.fr.md'],
    ['a committee draft', 'drafts-80/txt/A_80_L.12.txt'],
    ['a Main Committee draft', 'drafts-80/txt/A_C.1_80_L.17.txt'],
    ['a draft decision', 'drafts-80/txt/A_80_L.42.txt'],
    ['an amendment', 'drafts-80/txt/A_80_L.19.txt'],
    ['resolutions A and B (parts and sub-headings in A)', 'drafts-80/txt/A_C.5_80_L.17.txt'],
  ];

  it('the schema is there (the check cannot pass vacuously)', () => {
    expect(fs.existsSync(SCHEMA), SCHEMA).toBe(true);
    expect(schemaErrors('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><bogus/></akomaNtoso>', tmp.dir, 'bogus')).not.toBe('');
  });

  it('resolutions A and B, A without a preamble (its letter and formula open the body)', () => {
    const doc = corpusDoc('drafts-80/txt/A_C.5_80_L.17.txt');
    const a = doc.preambular.find((b) => b.heading?.resolution)!;
    doc.operative.unshift(a);
    doc.preambular = [];
    const xml = exportAkn(doc, { now: NOW });
    expect(xml).toContain('<hcontainer name="resolution"');
    expect(schemaErrors(xml, tmp.dir, 'resolutions_no_preamble')).toBe('');
  });

  for (const [label, rel] of docs) {
    it(label, () => {
      const xml = exportAkn(corpusDoc(rel), { now: NOW });
      expect(schemaErrors(xml, tmp.dir, label.replace(/\W+/g, '_'))).toBe('');
    });
  }
});
