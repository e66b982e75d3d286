// Tracked exports of open proposals checked in LibreOffice through UNO: "accept all" gives exactly
// the text as if all proposals were accepted, "reject all" exactly the base text — for a draft
// with text insertions and deletions by three delegations, a deletion proposed on another's
// insertion, an insertion inside another's insertion, whole paragraphs inserted and deleted, a
// subparagraph inserted, a move and brackets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildProposalsDocx } from '../../src/shared/export/docx-tracked.js';
import { docxBytes, packDocx } from '../../src/shared/export/docx.js';
import { acceptedView, baseView } from '../../src/shared/negotiation/views.js';
import { negotiatedDraft } from '../helpers/negotiated.js';
import type { ResolutionDocument } from '../../src/shared/resolution/model.js';
import { tempDir } from '../helpers/tmp.js';

const SCRIPT = path.resolve(import.meta.dirname, '../helpers/lo-text.py');
let tmp: ReturnType<typeof tempDir>;
beforeAll(() => (tmp = tempDir()));
afterAll(() => tmp.cleanup());

function libreOffice(file: string, action: '' | 'accept' | 'reject'): { redlines: number; after: number; text: string } {
  const r = spawnSync('/usr/bin/python3', [SCRIPT, file, path.join(tmp.dir, `profile-${path.basename(file)}-${action}`), ...(action ? [action] : [])], { encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`LibreOffice script failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { redlines: number; after: number; text: string };
}

/**
 * The body's paragraphs without their labels: numbers are derived from position, so an inserted
 * paragraph renumbers the ones after it, and Word cannot track that as a revision of the label.
 */
function bodyText(text: string): string[] {
  return text.split('\n').map((line) => line.replace(/^[^\t]{1,12}\t/, ''));
}

/** The draft's tracked export after accept all and reject all, and its accepted and base exports, as LibreOffice reads them. */
async function fourTexts(draft: ResolutionDocument, name: string) {
  const file = (k: string) => path.join(tmp.dir, `${name}-${k}.docx`);
  fs.writeFileSync(file('tracked'), await packDocx(buildProposalsDocx(draft)));
  fs.writeFileSync(file('base'), await docxBytes(baseView(draft)));
  fs.writeFileSync(file('accepted'), await docxBytes(acceptedView(draft)));
  return { afterAccept: libreOffice(file('tracked'), 'accept'), afterReject: libreOffice(file('tracked'), 'reject'), accepted: libreOffice(file('accepted'), ''), base: libreOffice(file('base'), '') };
}

describe('Word tracked changes of open proposals in LibreOffice', () => {
  it('accept all gives the accepted text and reject all the base text', { timeout: 600_000 }, async () => {
    const { afterAccept, afterReject, accepted: expectedAccepted, base: expectedBase } = await fourTexts(negotiatedDraft(), 'example');
    expect(afterAccept.redlines).toBeGreaterThan(10);
    expect(afterAccept.after).toBe(0);
    expect(afterReject.after).toBe(0);
    expect(bodyText(afterAccept.text)).toEqual(bodyText(expectedAccepted.text));
    expect(bodyText(afterReject.text)).toEqual(bodyText(expectedBase.text));
    // What the two texts say, so the test cannot pass on two empty documents.
    expect(expectedAccepted.text).toContain('Calls upon [all Member States ]to promote');
    expect(expectedAccepted.text).not.toContain('Decides to remain seized');
    expect(expectedBase.text).toContain('Calls upon [all ]to promote');
    expect(expectedBase.text).toContain('Decides to remain seized');
    expect(expectedBase.text).not.toContain('Welcoming the report');
    expect(expectedBase.text.indexOf('Encourages')).toBeLessThan(expectedBase.text.indexOf('Invites donors'));
    expect(expectedAccepted.text.indexOf('Encourages')).toBeGreaterThan(expectedAccepted.text.indexOf('Invites donors'));
  });

  it('a PP→OP conversion and a level change (moves in Word) accept and reject to the right texts', { timeout: 600_000 }, async () => {
    const draft = negotiatedDraft();
    const by = { by: 'CANZ', at: '2026-03-05T08:00:00.000Z' };
    // PP2 proposed as the first OP; OP5 proposed as subparagraph (c) of OP3.
    const pp2 = draft.preambular[1]!;
    draft.preambular[1] = { ...pp2, proposal: { ...by, id: 'cv', kind: 'move-from', as: 'convert' } };
    draft.operative.unshift({ ...pp2, id: 'pp2c', content: [{ t: 'text', text: 'Notes with concern the persistent gaps in financing;' }], proposal: { ...by, id: 'cv', kind: 'move-to', as: 'convert' } });
    const op5 = draft.operative.find((b) => b.id === 'op5')!;
    op5.proposal = { ...by, id: 'lv', kind: 'move-from', as: 'level' };
    draft.operative.find((b) => b.id === 'op3')!.children.push({ id: 'op5l', content: [{ t: 'text', text: 'on contributions to the trust fund;' }], children: [], tail: [], proposal: { ...by, id: 'lv', kind: 'move-to', as: 'level' } });
    const { afterAccept, afterReject, accepted: expectedAccepted, base: expectedBase } = await fourTexts(draft, 'moves');
    expect(bodyText(afterAccept.text)).toEqual(bodyText(expectedAccepted.text));
    expect(bodyText(afterReject.text)).toEqual(bodyText(expectedBase.text));
    expect(expectedAccepted.text).toContain('Notes with concern the persistent gaps in financing;');
    expect(expectedAccepted.text).not.toContain('Invites donors');
    expect(expectedBase.text).toContain('Invites donors');
  });
});
