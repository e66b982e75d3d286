// Merging Word files made by LibreOffice itself (through UNO and its own docx export, not
// hand-written XML): tracked changes by three authors plus an untracked edit by a fourth, and a
// file with comments, nested proposals and a move that LibreOffice re-saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { mergeWordFile } from '../../src/main/services/word-merge.js';
import { buildProposalsDocx } from '../../src/shared/export/docx-tracked.js';
import { docxBytes, packDocx } from '../../src/shared/export/docx.js';
import { listProposals } from '../../src/shared/negotiation/list.js';
import { baseView } from '../../src/shared/negotiation/views.js';
import { negotiatedDraft } from '../helpers/negotiated.js';
import { tempDir } from '../helpers/tmp.js';

const EDIT = path.resolve(import.meta.dirname, '../helpers/lo-edit.py');
let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir()));
afterAll(() => tmp.cleanup());

const rows = (d: Parameters<typeof listProposals>[0], notes: Parameters<typeof listProposals>[1] = []) =>
  listProposals(d, notes).proposals.map((p) => `${p.delegation} | ${p.type} | ${p.paragraph} | ${p.text}`);

describe('merging Word files made by LibreOffice', () => {
  it('tracked changes by three authors become their proposals; an untracked edit is flagged', { timeout: 300_000 }, async () => {
    const base = baseView(negotiatedDraft());
    const src = path.join(tmp.dir, 'base.docx');
    fs.writeFileSync(src, await docxBytes(base));
    const script = path.join(tmp.dir, 'edits.json');
    fs.writeFileSync(
      script,
      JSON.stringify({
        edits: [
          { author: 'jdoe', tracked: true, find: 'the persistent ', replace: '' },
          { author: 'mexico1', tracked: true, after: 'Invites donors', insert: ' and partners' },
          { author: 'Ana Silva', tracked: true, find: 'sustainable tourism', replace: 'resilient tourism' },
          { author: 'Ana Silva', tracked: true, newParagraphAfter: 'contribute to the trust fund;', insert: 'Decides to remain seized of the matter;' },
          { author: 'Lone Editor', tracked: false, find: 'gaps in financing', replace: 'gaps in funding' },
        ],
      }),
    );
    const theirs = path.join(tmp.dir, 'theirs.docx');
    const r = spawnSync('/usr/bin/python3', [EDIT, src, theirs, path.join(tmp.dir, 'profile-edit'), script], { encoding: 'utf8', timeout: 180_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ redlines: 5 });

    const merged = mergeWordFile(base, theirs, { authorMap: { jdoe: 'EU', mexico1: 'Mexico', 'Ana Silva': 'Brazil' } });
    expect(merged.summary.alignedBy).toBe('id');
    expect(merged.summary.unplaced).toEqual([]);
    expect(rows(merged.document).sort()).toEqual(
      [
        'EU | delete | PP2 | the persistent ',
        'Lone Editor | delete | PP2 | financing',
        'Lone Editor | insert | PP2 | funding',
        'Brazil | delete | OP1 | sustainable tourism',
        'Brazil | insert | OP1 | resilient tourism',
        'Mexico | insert | OP5 |  and partners',
        'Brazil | insert-paragraph | OP6 | Decides to remain seized of the matter;',
      ].sort(),
    );
    expect(merged.summary.delegations.map((d) => `${d.delegation}:${d.untracked}`)).toEqual(['Brazil:0', 'EU:0', 'Lone Editor:2', 'Mexico:0']);
    expect(merged.notes).toMatchObject([{ paragraph: 'pp2', author: 'Plenary', text: expect.stringContaining('without Track Changes') }]);
  });

  it('a file LibreOffice re-saved keeps comments, nested proposals and the move', { timeout: 300_000 }, async () => {
    const d = negotiatedDraft();
    const src = path.join(tmp.dir, 'tracked.docx');
    fs.writeFileSync(src, await packDocx(buildProposalsDocx(d, { notes: [{ id: 'n1', paragraph: 'op1', author: 'Facilitator', at: '2026-03-04T09:00:00.000Z', text: 'Check with capitals', resolved: false }] })));
    const out = path.join(tmp.dir, 'lo');
    const r = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${path.join(tmp.dir, 'profile-convert')}`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', out, src], { encoding: 'utf8', timeout: 180_000 });
    expect(r.status, r.stderr).toBe(0);
    const resaved = path.join(out, 'tracked.docx');
    expect(fs.readFileSync(resaved).equals(fs.readFileSync(src))).toBe(false);
    const merged = mergeWordFile(baseView(d), resaved);
    expect(merged.summary.unplaced).toEqual([]);
    const got = rows(merged.document);
    // Named where it goes, numbered as if accepted (its ghost is not counted).
    expect(got).toContain('EU | move | OP5 | Encourages the sharing of best practices;');
    expect(got).toContain('G77 and China | delete-paragraph | OP2 | Decides to remain seized of the matter;');
    expect(got).toContain('G77 and China | delete | OP1 | and relevant stakeholders ');
    expect(got).toContain('CANZ | insert-paragraph | PP3 | Welcoming the report of the Secretary-General,');
    expect(merged.notes).toMatchObject([{ paragraph: 'op1', author: 'Facilitator', text: 'Check with capitals' }]);
  });
});
