// The Akoma Ntoso export names what the document is: a draft decision or an amendment is not
// called a "draft resolution" (statement name, and the words after the sponsors' colon), and the
// import reads the kind and those words back, with or without Plenary's proprietary front matter.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportAkn } from '../../../src/shared/export/akn.js';
import { parseAkn } from '../../../src/shared/import/akn.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { documentForm } from '../../../src/shared/resolution/masthead.js';
import type { ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { CORPUS } from '../../helpers/corpus.js';

const NOW = new Date('2025-01-15T12:00:00Z');
const draft = (name: string): ResolutionDocument =>
  parseResolutionText(fs.readFileSync(path.join(CORPUS, 'drafts-80', 'txt', name), 'utf8'), { fileName: name }).document;
const withoutProprietary = (xml: string) => xml.replace(/<proprietary[\s\S]*?<\/proprietary>\n?/, '');

describe('AKN export names the kind of document', () => {
  const cases: [string, string, string, string][] = [
    ['A_80_L.12.txt', 'draft-resolution', 'resolutionDraft', 'draft resolution'],
    ['A_80_L.42.txt', 'draft-decision', 'decisionDraft', 'draft decision'],
    ['A_C.4_80_L.10.txt', 'draft-decision', 'decisionDraft', 'draft decision'],
    ['A_80_L.19.txt', 'amendment', 'amendment', 'amendment to draft resolution A/80/L.18'],
  ];
  for (const [file, form, name, words] of cases) {
    it(`${file}: <statement name="${name}">, sponsor line ending "${words}", read back`, () => {
      const d = draft(file);
      expect(documentForm(d.meta)).toBe(form);
      const xml = exportAkn(d, { now: NOW });
      expect(xml).toContain(`<statement name="${name}"`);
      expect(xml).toContain(`<docType>${words}</docType></p>`);
      for (const back of [parseAkn(xml), parseAkn(withoutProprietary(xml))]) {
        expect(back.meta.kind).toBe(d.meta.kind);
        expect(documentForm(back.meta)).toBe(form);
        expect(back.meta.sponsorLineEnd ?? '').toBe(d.meta.sponsorLineEnd ?? '');
      }
    });
  }

  it('the proprietary-free file really lacks the stored ending (the read-back above is from the preface)', () => {
    const xml = withoutProprietary(exportAkn(draft('A_80_L.42.txt'), { now: NOW }));
    expect(xml).not.toContain('plenary:sponsorLineEnd');
    expect(xml).toContain('<p class="sponsors">');
  });
});
