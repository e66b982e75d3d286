// The API carries paragraph notes and decisions through saves and autosaves (the .plenary file
// keeps them), and an export of a draft with open proposals must say which text it shows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { createServices, type Services } from '../../../src/main/services/index.js';
import { dispatch } from '../../../src/main/services/dispatch.js';
import { parsePlenaryFile } from '../../../src/shared/resolution/file.js';
import type { ParagraphNote, ProposalDecision } from '../../../src/shared/negotiation/notes.js';
import { negotiatedDraft } from '../../helpers/negotiated.js';
import { baseView } from '../../../src/shared/negotiation/views.js';
import { tempDir } from '../../helpers/tmp.js';

let tmp: ReturnType<typeof tempDir>;
let api: Services;
beforeEach(() => {
  tmp = tempDir();
  api = createServices({ dataDir: tmp.dir, mode: 'browser', version: '9.9.9', starter: false });
});
afterEach(() => {
  api.close();
  tmp.cleanup();
});

const note: ParagraphNote = { id: 'n1', paragraph: 'op1', author: 'Facilitator', at: '2026-03-04T09:00:00.000Z', text: 'Check with capitals', resolved: false };
const decision: ProposalDecision = { id: 'eu9', delegation: 'EU', type: 'insert', paragraph: 'op1', text: 'all ', status: 'accepted', at: '2026-03-05T09:00:00.000Z' };

async function ok<T>(method: string, input: unknown): Promise<T> {
  const r = await dispatch(api, method, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.result as T;
}

async function documentXml(dataBase64: string): Promise<string> {
  const zip = await JSZip.loadAsync(Buffer.from(dataBase64, 'base64'));
  return zip.file('word/document.xml')!.async('string');
}

describe('notes and decisions through the API', () => {
  it('drafts.save writes them (format 2) and drafts.open reads them back', async () => {
    const document = baseView(negotiatedDraft());
    const { path: saved } = await ok<{ path: string }>('drafts.save', { name: 'With notes', document, notes: [note], decisions: [decision] });
    const file = parsePlenaryFile(fs.readFileSync(saved, 'utf8'));
    expect(file.version).toBe(2);
    expect(file.notes).toEqual([note]);
    expect(file.decisions).toEqual([decision]);
    const opened = await ok<{ file: { notes?: ParagraphNote[] } }>('drafts.open', { path: saved });
    expect(opened.file.notes).toEqual([note]);
  });

  it('drafts.autosave journals them, so recovery gives them back', async () => {
    await ok('drafts.autosave', { key: 'dnotes', session: 'winA', path: '', document: baseView(negotiatedDraft()), notes: [note], decisions: [decision] });
    const entries = await ok<{ key: string; file: { notes?: ParagraphNote[]; decisions?: ProposalDecision[] } }[]>('drafts.recoverable', { session: 'winB' });
    const mine = entries.find((e) => e.key === 'dnotes')!;
    expect(mine.file.notes).toEqual([note]);
    expect(mine.file.decisions).toEqual([decision]);
  });

  it('a save without notes stays format 1 (0.1 reads it)', async () => {
    const { path: saved } = await ok<{ path: string }>('drafts.save', { name: 'Plain', document: baseView(negotiatedDraft()) });
    expect(JSON.parse(fs.readFileSync(saved, 'utf8')).version).toBe(1);
    expect(path.basename(saved)).toBe('Plain.plenary');
  });

  it('a malformed note is refused by validation and nothing is written', async () => {
    const r = await dispatch(api, 'drafts.save', { name: 'Bad', document: baseView(negotiatedDraft()), notes: [{ id: 'n', paragraph: 'op1', text: 'x' }] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('BAD_INPUT');
    expect(fs.existsSync(path.join(tmp.dir, 'drafts', 'Bad.plenary'))).toBe(false);
  });
});

describe('exports of a draft with open proposals', () => {
  it('refuse without a choice, naming the count and the choices', async () => {
    const r = await dispatch(api, 'export.render', { document: negotiatedDraft(), format: 'docx' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('BAD_INPUT');
    expect(!r.ok && r.error.message).toMatch(/has \d+ open proposals: say which text to export \(base, accepted, compilation or tracked\)/);
  });

  it('base and accepted apply the proposals; tracked keeps them as revisions by delegation with notes as comments', async () => {
    const d = negotiatedDraft();
    const base = await ok<{ dataBase64: string; fileName: string }>('export.render', { document: d, format: 'txt', proposals: 'base' });
    const accepted = await ok<{ dataBase64: string; fileName: string }>('export.render', { document: d, format: 'txt', proposals: 'accepted' });
    const baseText = Buffer.from(base.dataBase64, 'base64').toString('utf8');
    const acceptedText = Buffer.from(accepted.dataBase64, 'base64').toString('utf8');
    expect(base.fileName).toMatch(/\.base\.txt$/);
    expect(baseText).not.toContain('of 2 October 2023');
    expect(acceptedText).toContain('of 2 October 2023');
    expect(baseText).toContain('[all');
    const tracked = await ok<{ dataBase64: string }>('export.render', { document: d, format: 'docx', proposals: 'tracked', notes: [note] });
    const xml = await documentXml(tracked.dataBase64);
    expect(xml).toContain('w:author="G77 and China"');
    expect(xml).toContain('<w:del ');
    expect(xml).toContain('commentReference');
    // Notes never go into the base or accepted text.
    const plainDocx = await ok<{ dataBase64: string }>('export.render', { document: d, format: 'docx', proposals: 'accepted', notes: [note] });
    expect(await documentXml(plainDocx.dataBase64)).not.toContain('commentReference');
  });

  it('tracked outside Word, and tracked changes against a version while proposals are open, are refused', async () => {
    const d = negotiatedDraft();
    const a = await dispatch(api, 'export.render', { document: d, format: 'pdf', proposals: 'tracked' });
    expect(!a.ok && a.error.message).toMatch(/only be exported to Word/);
    const b = await dispatch(api, 'export.render', { document: d, format: 'docx', trackedAgainst: baseView(d) });
    expect(!b.ok && b.error.message).toMatch(/could not say which delegation/);
  });
});
