// Issue 12 in the app: in negotiation mode as a delegation, Alt+Down on an OP and Tab on an OP are
// proposals of that delegation (listed in the Negotiate panel, the text before unchanged), and the
// Word tracked-changes export writes them as w:moveFrom/w:moveTo authored by the delegation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import fs from 'node:fs';
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import { menu, openApp, screenshot, type E2E } from './harness.js';
import { CORPUS } from '../helpers/corpus.js';
import { doc, op, pp } from '../helpers/builders.js';
import { create, pos } from '../helpers/negotiation-states.js';
import { convertKind, indent, moveParagraph } from '../../src/shared/editor/commands/index.js';
import { fromDoc } from '../../src/shared/resolution/convert.js';
import { buildProposalsDocx } from '../../src/shared/export/docx-tracked.js';
import { docxBytes, packDocx } from '../../src/shared/export/docx.js';
import { acceptedView, baseView } from '../../src/shared/negotiation/views.js';

let app: E2E;
beforeAll(async () => (app = await openApp()));
afterAll(async () => app?.close());

const opByText = (page: Page, text: string) => page.locator('.resolution-editor p.op', { hasText: text }).first();

describe('structural edits as proposals', () => {
  it('Alt+Down and Tab on OPs are proposals by EU; the tracked export has w:moveFrom/w:moveTo by EU', { timeout: 300_000 }, async () => {
    const { page } = app;
    await menu(page, 'File', 'file.open');
    await page.setInputFiles('.modal input[type="file"]', path.join(CORPUS, 'ga-en', 'A_RES_79_200.txt'));
    await page.waitForSelector('.resolution-editor p.op >> text=Takes note');
    await page.click('.tabs [data-panel="negotiation"]');
    await page.check('.neg-mode input[type="checkbox"]');
    await page.selectOption('[aria-label="Delegation"]', 'EU');

    const ops = async () => page.$$eval('.resolution-editor p.op', (els) => els.map((e) => e.textContent ?? ''));
    const before = await ops();
    const first = before[0]!;
    const third = before[2]!;

    // Alt+Down on OP1: a move proposal by EU; the paragraph shows at its new place and its old one.
    await opByText(page, first.slice(0, 30)).click();
    await page.keyboard.press('Alt+ArrowDown');
    await page.waitForFunction(() => [...document.querySelectorAll('.proposal-item')].some((e) => /EU\s+moves/.test(e.textContent ?? '')));
    const afterMove = await ops();
    expect(afterMove.filter((t) => t === first)).toHaveLength(2);
    expect(afterMove.length).toBe(before.length + 1);
    // The moved paragraph is counted once: its old place shows its number before the move, struck;
    // the paragraphs after it are numbered as once the move is accepted (OP2 is now 1.).
    const numbered = await page.$$eval('.resolution-editor p.op.lvl0', (els) => els.slice(0, 3).map((e) => [e.getAttribute('data-label'), getComputedStyle(e, '::before').textDecorationLine]));
    expect(numbered).toEqual([
      ['1.', 'line-through'],
      ['1.', 'none'],
      ['2.', 'none'],
    ]);

    // Tab on the third OP: a level change proposed by EU.
    await opByText(page, third.slice(0, 30)).click();
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => [...document.querySelectorAll('.proposal-item')].some((e) => /EU\s+changes the level of/.test(e.textContent ?? '')));
    const items = await page.$$eval('.proposal-item', (els) => els.map((e) => e.textContent ?? ''));
    expect(items.filter((t) => t.includes('EU'))).toHaveLength(2);
    await screenshot(page, 'structural-proposals');

    // The Word tracked-changes export: each move a w:moveFrom / w:moveTo pair by EU.
    await menu(page, 'File', 'export.docx');
    await page.locator('.modal .export-view').waitFor();
    await page.check('.modal input[name="proposal-view"][value="tracked"]');
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('.modal .export-view button[type="submit"]')]);
    const file = path.join(app.scratch, d.suggestedFilename());
    await d.saveAs(file);
    const xml = spawnSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' }).stdout;
    const authors = (name: string) => [...xml.matchAll(new RegExp(`<${name} [^>]*w:author="([^"]*)"`, 'g'))].map((m) => m[1]);
    expect(authors('w:moveFrom').length).toBeGreaterThanOrEqual(2);
    expect(authors('w:moveTo').length).toBeGreaterThanOrEqual(2);
    expect(new Set([...authors('w:moveFrom'), ...authors('w:moveTo')])).toEqual(new Set(['EU']));

    // Undo twice: the proposals are gone and the text is as it was.
    await opByText(page, third.slice(0, 30)).click();
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelectorAll('.proposal-item').length === 0);
    expect(await ops()).toEqual(before);
  });
});

const SCRIPT = path.resolve(import.meta.dirname, '../helpers/lo-text.py');

function libreOffice(file: string, action: '' | 'accept' | 'reject'): { redlines: number; after: number; text: string } {
  const r = spawnSync('/usr/bin/python3', [SCRIPT, file, path.join(app.scratch, `profile-${path.basename(file)}-${action}`), ...(action ? [action] : [])], { encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`LibreOffice script failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { redlines: number; after: number; text: string };
}

describe('editor-made structural proposals in Word', () => {
  it('a group moved with Alt+Down, an OP with subparagraphs demoted with Tab and a PP converted: LibreOffice accept all = accepted text, reject all = base text', { timeout: 600_000 }, async () => {
    let s: EditorState = create(
      doc(
        {},
        pp({ id: 'pp1' }, 'Recalling its resolutions,'),
        pp({ id: 'pp2' }, 'Noting the report,'),
        op({ id: 'op1' }, 'Requests a report;'),
        op({ id: 'op2' }, 'Decides to act:'),
        op({ id: 'op2a', level: 1 }, 'first;'),
        op({ id: 'op2b', level: 1 }, 'second;'),
        op({ id: 'op3' }, 'Encourages States:'),
        op({ id: 'op3a', level: 1 }, 'to contribute;'),
        op({ id: 'op4' }, 'Decides to remain seized.'),
      ),
    );
    const at = (id: string) => (s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, pos(s, id)))));
    const run = (c: Command) => expect(c(s, (tr) => (s = s.apply(tr)))).toBe(true);
    at('op2');
    run(moveParagraph(1));
    at('op3');
    run(indent);
    at('pp2');
    run(convertKind);
    const draft = fromDoc(s.doc);
    const file = (k: string) => path.join(app.scratch, `structural-${k}.docx`);
    fs.writeFileSync(file('tracked'), await packDocx(buildProposalsDocx(draft)));
    fs.writeFileSync(file('base'), await docxBytes(baseView(draft)));
    fs.writeFileSync(file('accepted'), await docxBytes(acceptedView(draft)));
    const body = (t: string) => t.split('\n').map((line) => line.replace(/^[^\t]{1,12}\t/, ''));
    const afterAccept = libreOffice(file('tracked'), 'accept');
    const afterReject = libreOffice(file('tracked'), 'reject');
    const accepted = libreOffice(file('accepted'), '');
    const base = libreOffice(file('base'), '');
    expect(afterAccept.redlines).toBeGreaterThan(5);
    expect(body(afterAccept.text)).toEqual(body(accepted.text));
    expect(body(afterReject.text)).toEqual(body(base.text));
    expect(base.text.indexOf('Decides to act')).toBeLessThan(base.text.indexOf('Encourages States'));
    expect(accepted.text.indexOf('Decides to act')).toBeGreaterThan(accepted.text.indexOf('Encourages States'));
    expect(accepted.text.indexOf('Noting the report')).toBeGreaterThan(accepted.text.indexOf('Recalling its resolutions'));
  });
});
