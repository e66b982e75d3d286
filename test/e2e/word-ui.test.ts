// Negotiation through Word, in the app: a delegation's Word file made by LibreOffice (comments
// written by LibreOffice's own docx export, tracked changes by three authors made through UNO) is
// merged with File › Merge a Word file…; the summary comes first and nothing changes until it is
// confirmed; notes show in the Notes panel and the margin and are saved in the .plenary file; the
// export asks which text when proposals are open; the compilation names the three delegations;
// accepting one delegation's proposals changes the text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { menu, openApp, screenshot, type E2E } from './harness.js';
import { buildProposalsDocx } from '../../src/shared/export/docx-tracked.js';
import { docxBytes, packDocx } from '../../src/shared/export/docx.js';
import { mergeWordFile } from '../../src/main/services/word-merge.js';
import { serializePlenaryFile } from '../../src/shared/resolution/file.js';
import { baseView } from '../../src/shared/negotiation/views.js';
import { negotiatedDraft } from '../helpers/negotiated.js';

const EDIT = path.resolve(import.meta.dirname, '../helpers/lo-edit.py');

let app: E2E;
beforeAll(async () => (app = await openApp()));
afterAll(async () => app?.close());

/**
 * The Word file a delegation sends back, made by LibreOffice: tracked changes by three authors made
 * through UNO (lo-edit.py), then — since LibreOffice 7.4 headless crashes on any file with
 * annotations through UNO — those revisions read back with their authors, two comments added, and
 * the whole re-saved by LibreOffice's own Word export (--convert-to), which writes the comments.
 */
async function makeTheirs(dir: string, base: ReturnType<typeof baseView>): Promise<string> {
  const src = path.join(dir, 'circulated.docx');
  fs.writeFileSync(src, await docxBytes(base));
  const script = path.join(dir, 'edits.json');
  fs.writeFileSync(
    script,
    JSON.stringify({
      edits: [
        { author: 'jdoe', tracked: true, find: 'the persistent ', replace: '' },
        { author: 'mexico1', tracked: true, after: 'Invites donors', insert: ' and partners' },
        { author: 'Ana Silva', tracked: true, find: 'sustainable tourism', replace: 'resilient tourism' },
      ],
    }),
  );
  const edited = path.join(dir, 'edited.docx');
  const r = spawnSync('/usr/bin/python3', [EDIT, src, edited, path.join(dir, 'profile-edit'), script], { encoding: 'utf8', timeout: 180_000 });
  expect(r.status, r.stderr).toBe(0);
  const revisions = mergeWordFile(base, edited);
  const notes = [
    { id: 'x1', paragraph: 'pp2', author: 'Mexico desk', at: '2026-03-04T09:00:00.000Z', text: 'Financing or funding?', resolved: false },
    { id: 'x2', paragraph: 'op5', author: 'Facilitator', at: '2026-03-04T09:05:00.000Z', text: 'Check with capitals', resolved: false },
  ];
  const withComments = path.join(dir, 'theirs.docx');
  fs.writeFileSync(withComments, await packDocx(buildProposalsDocx(revisions.document, { notes })));
  const lo = path.join(dir, 'lo');
  const c = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${path.join(dir, 'profile-convert')}`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', lo, withComments], { encoding: 'utf8', timeout: 180_000 });
  expect(c.status, c.stderr).toBe(0);
  const theirs = path.join(lo, 'theirs.docx');
  expect(fs.readFileSync(theirs).equals(fs.readFileSync(withComments))).toBe(false);
  return theirs;
}

async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<w:p[ >][\s\S]*?<\/w:p>/g, (p) => `${p.replace(/<[^>]+>/g, '')}\n`).replace(/<[^>]+>/g, '');
}

async function exportWith(page: Page, id: string, view: string): Promise<string> {
  await menu(page, 'File', id);
  const dialog = page.locator('.modal .export-view');
  await dialog.waitFor();
  const question = (await dialog.locator('.export-question').textContent()) ?? '';
  await page.check(`.modal input[name="proposal-view"][value="${view}"]`);
  if (view === 'compilation') await screenshot(page, 'export-which-text');
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('.modal .export-view button[type="submit"]')]);
  const file = path.join(app.scratch, d.suggestedFilename());
  await d.saveAs(file);
  return `${question}\n${file}`;
}

describe('negotiation through Word in the app', () => {
  it('merges a LibreOffice file by three authors with two comments; exports ask which text; accepting one delegation updates the text', { timeout: 600_000 }, async () => {
    const { page } = app;
    page.on('dialog', (d) => void d.accept().catch(() => undefined));
    const base = baseView(negotiatedDraft());
    const draftFile = path.join(app.scratch, 'Tourism.plenary');
    fs.writeFileSync(draftFile, serializePlenaryFile({ document: base }, 'e2e'));
    const theirs = await makeTheirs(app.scratch, base);

    // A remembered mapping for one author; the others are mapped in the dialog.
    await page.evaluate(() => localStorage.setItem('plenary-author-map', JSON.stringify({ jdoe: 'EU' })));
    await menu(page, 'File', 'file.open');
    await page.setInputFiles('.modal input[type="file"]', draftFile);
    await page.waitForSelector('.resolution-editor p.op >> text=Invites donors');

    // Without proposals, File › Export asks nothing.
    const [plain] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), menu(page, 'File', 'export.txt')]);
    expect(plain.suggestedFilename()).toMatch(/\.txt$/);

    await menu(page, 'File', 'file.mergeWord');
    await page.setInputFiles('[data-testid="merge-word-input"]', theirs);
    await page.waitForSelector('.merge-summary');
    const delegations = await page.$$eval('.merge-summary tbody th', (els) => els.map((e) => e.textContent));
    // Three authors of tracked changes (jdoe already mapped to EU) and the two comments' authors.
    expect(delegations.sort()).toEqual(['Ana Silva', 'EU', 'Facilitator', 'Mexico desk', 'mexico1']);
    // Nothing applied yet.
    expect(await page.locator('.resolution-editor .proposal-ins, .resolution-editor .proposal-del').count()).toBe(0);
    await screenshot(page, 'merge-word-summary');

    // Map the two other authors in the dialog and read the file again.
    await page.fill('[aria-label="Delegation of mexico1"]', 'Mexico');
    await page.fill('[aria-label="Delegation of Ana Silva"]', 'Brazil');
    expect(await page.locator('.merge-word button.primary').isDisabled()).toBe(true); // read again first
    await page.click('.merge-word button:has-text("Read again")');
    await page.waitForFunction(() => [...document.querySelectorAll('.merge-summary tbody th')].map((e) => e.textContent).sort().join() === 'Brazil,EU,Facilitator,Mexico,Mexico desk');
    expect(await page.locator('.merge-found').textContent()).toContain('2 notes');
    await page.click('.merge-word button.primary');
    await page.waitForSelector('.resolution-editor .proposal-ins >> text=and partners');
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('plenary-author-map'))) ?? '{}')).toEqual({ jdoe: 'EU', mexico1: 'Mexico', 'Ana Silva': 'Brazil' });

    // The two comments are notes: in the margin and in the Notes panel.
    await page.waitForFunction(() => document.querySelectorAll('.notes-margin .margin-note').length === 2);
    await page.click('.tabs [data-panel="notes"]');
    const notes = await page.$$eval('.note-item', (els) => els.map((e) => e.textContent ?? ''));
    expect(notes).toHaveLength(2);
    expect(notes.join('|')).toContain('Financing or funding?');
    expect(notes.join('|')).toContain('Check with capitals');
    await screenshot(page, 'merge-word-notes');

    // Export asks which text and says how many proposals are open; the compilation names the three delegations.
    const compiled = await exportWith(page, 'export.docx', 'compilation');
    const [question, compilationFile] = compiled.split('\n') as [string, string];
    expect(question).toMatch(/This draft has \d+ open proposals/);
    const compilation = await docxText(compilationFile);
    for (const d of ['EU', 'Mexico', 'Brazil']) expect(compilation).toContain(d);
    const acceptedBefore = await docxText((await exportWith(page, 'export.docx', 'accepted')).split('\n')[1]!);
    expect(acceptedBefore).toContain('Invites donors and partners');
    expect(acceptedBefore).toContain('resilient tourism');
    const baseText = await docxText((await exportWith(page, 'export.docx', 'base')).split('\n')[1]!);
    expect(baseText).not.toContain('and partners');
    expect(baseText).toContain('sustainable tourism');

    // Accepting Mexico's proposals updates the text; the others stay open.
    await page.click('.tabs [data-panel="negotiation"]');
    await page.selectOption('[aria-label="Proposals of"]', 'Mexico');
    await page.click('button:has-text("Accept all by Mexico")');
    await page.waitForFunction(() => !document.querySelector('.resolution-editor .proposal-ins') || ![...document.querySelectorAll('.resolution-editor .proposal-ins')].some((e) => e.textContent?.includes('and partners')));
    expect(await page.locator('.resolution-editor p.op >> text=Invites donors and partners').count()).toBe(1);
    expect(await page.locator('.resolution-editor .proposal-ins >> text=resilient').count()).toBe(1);

    // Statuses for the whole operative part at once.
    await page.selectOption('[aria-label="Paragraphs to set"]', 'op');
    await page.selectOption('[aria-label="Status to set"]', 'adref');
    await page.click('.bulk-status button');
    await screenshot(page, 'statuses-at-once');
    await page.waitForFunction(() => /\(5 ad ref\)/.test(document.querySelector('.status-summary')?.textContent ?? ''), undefined, { timeout: 10_000 }).catch(() => undefined);
    expect(await page.locator('.status-summary').textContent()).toMatch(/^5 of 7 paragraphs agreed \(5 ad ref\)/);

    // Saving keeps the notes in the .plenary file.
    await page.keyboard.press('Control+s');
    await page.fill('.modal input', 'Tourism merged');
    await page.keyboard.press('Enter');
    const saved = path.join(app.dataDir, 'drafts', 'Tourism merged.plenary');
    await expect.poll(() => fs.existsSync(saved), { timeout: 30_000 }).toBe(true);
    const file = JSON.parse(fs.readFileSync(saved, 'utf8')) as { version: number; notes: { text: string }[]; decisions: { delegation: string; type: string; text: string; status: string }[] };
    expect(file.version).toBe(2);
    expect(file.notes.map((n) => n.text).sort()).toEqual(['Check with capitals', 'Financing or funding?']);
    // The accept is on record.
    expect(file.decisions).toMatchObject([{ delegation: 'Mexico', type: 'insert', text: ' and partners', status: 'accepted' }]);
  });
});
