// The Word round trip in French (`plenary serve --ui-lang fr`): File › Fusionner un fichier Word
// shows its summary in French, and once its proposals are added File › Exporter asks which text
// with the open proposals counted in French. Screenshots of both dialogs in French.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { menu, screenshot } from './harness.js';
import { freePort, startHostProcess } from '../helpers/host-process.js';
import { tempDir } from '../helpers/tmp.js';
import { negotiatedDraft } from '../helpers/negotiated.js';
import { buildProposalsDocx } from '../../src/shared/export/docx-tracked.js';
import { packDocx } from '../../src/shared/export/docx.js';
import { serializePlenaryFile } from '../../src/shared/resolution/file.js';
import { baseView } from '../../src/shared/negotiation/views.js';

const CHROMIUM = process.env.PLENARY_CHROMIUM ?? '/usr/bin/chromium';
const NBSP = '\u00a0';

describe('the Word round trip in French', () => {
  it('Merge a Word file and the export question read in French, with plural counts and French spacing', { timeout: 300_000 }, async () => {
    const data = tempDir('plenary-e2e-uilang-word-');
    const host = await startHostProcess(data.dir, await freePort(), 150_000, ['--ui-lang', 'fr']);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'] });
    try {
      // The circulated text (no proposals) and a delegation's Word file with tracked changes and a comment.
      const negotiated = negotiatedDraft();
      const base = baseView(negotiated);
      const draftFile = path.join(data.dir, 'Tourisme.plenary');
      fs.writeFileSync(draftFile, serializePlenaryFile({ document: base }, 'e2e'));
      const notes = [{ id: 'x1', paragraph: 'pp2', author: 'Mexico desk', at: '2026-03-04T09:00:00.000Z', text: 'Financing or funding?', resolved: false }];
      const theirs = path.join(data.dir, 'theirs.docx');
      fs.writeFileSync(theirs, await packDocx(buildProposalsDocx(negotiated, { notes })));

      const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      page.on('dialog', (d) => void d.accept().catch(() => undefined));
      await page.goto(host.url);
      await page.waitForSelector('.menubar .menu > button:has-text("Fichier")');
      await menu(page, 'Fichier', 'file.open');
      await page.setInputFiles('.modal input[type="file"]', draftFile);
      await page.waitForSelector('.resolution-editor p.op >> text=Invites donors');

      await menu(page, 'Fichier', 'file.mergeWord');
      const modal = page.locator('.modal');
      expect(await modal.locator('h2').textContent()).toBe('Fusionner un fichier Word');
      expect(await modal.textContent()).toContain('Choisissez le fichier Word (.docx) d’une délégation.');
      await page.setInputFiles('[data-testid="merge-word-input"]', theirs);
      await page.waitForSelector('.merge-summary');
      const found = (await page.locator('.merge-found').textContent()) ?? '';
      expect(found).toMatch(new RegExp(`^theirs\\.docx${NBSP}: \\d+ des \\d+ paragraphes du projet retrouvés \\(par les identifiants de paragraphe de Plenary\\)\\. \\d+ propositions et 1 note à ajouter\\.$`));
      expect(await page.$$eval('.merge-summary thead th', (els) => els.map((e) => e.textContent))).toEqual([
        'Délégation',
        'Insertions',
        'Suppressions',
        'Nouveaux paragraphes',
        'Paragraphes supprimés',
        'Déplacements',
        'Sans suivi des modifications',
        'Notes',
      ]);
      expect(await page.locator('.merge-all-placed').textContent()).toBe('Tout le contenu du fichier a été placé.');
      const add = page.locator('.merge-word .row-actions button.primary');
      const addText = (await add.textContent()) ?? '';
      expect(addText).toMatch(/^Ajouter \d+ propositions et 1 note$/);
      const added = Number(/\d+/.exec(addText)![0]);
      expect(added).toBeGreaterThan(1);
      await screenshot(page, 'merge-word-fr');
      await add.click();
      await page.waitForSelector('.resolution-editor .proposal-ins');

      await menu(page, 'Fichier', 'export.docx');
      const dialog = page.locator('.modal .export-view');
      await dialog.waitFor();
      expect(await modal.locator('h2').textContent()).toBe('Exporter en Word');
      const question = (await dialog.locator('.export-question').textContent()) ?? '';
      expect(question).toBe(`Ce projet compte ${added} propositions ouvertes. Quel texte l’export doit-il montrer${NBSP}?`);
      expect(await dialog.locator('.export-question b').textContent()).toBe(`${added} propositions ouvertes`);
      const choices = await dialog.locator('label.check').allTextContents();
      expect(choices.map((c) => c.split(' — ')[0]!.trim())).toEqual(['Texte de base', 'Comme si toutes étaient acceptées', 'Texte de compilation', 'Suivi des modifications Word']);
      expect(await dialog.locator('button[type="submit"]').textContent()).toBe('Exporter');
      await screenshot(page, 'export-which-text-fr');
      await dialog.locator('button[type="button"]').click();

      // The PDF export cannot carry tracked changes: the reason is said in French.
      await menu(page, 'Fichier', 'export.pdf');
      await dialog.waitFor();
      expect(await dialog.locator('label.check.disabled').textContent()).toContain('(seulement en Word)');
      await dialog.locator('button[type="button"]').click();
    } finally {
      await browser.close();
      await host.kill();
      data.cleanup();
    }
  });
});
