// Amendment documents (import/amendment.ts): the body is a list of instructions, each with the
// paragraph(s) it quotes; the quoted ones are marked (Block.quoted), unnumbered, kept word for word
// through the editor model, the text export, Akoma Ntoso (valid against the OASIS schema) and
// `parse --json` ("amendments"). Corpus: A/80/L.19 (a quoted paragraph), A/80/L.35 (five inline
// instructions), A/C.3/80/L.58 and A/C.6/80/L.24 (one each).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportAkn } from '../../../src/shared/export/akn.js';
import { exportText } from '../../../src/shared/export/txt.js';
import { isInstruction, takeStarNotes } from '../../../src/shared/import/amendment.js';
import { parseAkn } from '../../../src/shared/import/akn.js';
import { toParseJson } from '../../../src/shared/import/json.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { fromDoc, toDoc } from '../../../src/shared/resolution/convert.js';
import { blockText, type ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { CORPUS } from '../../helpers/corpus.js';
import { tempDir } from '../../helpers/tmp.js';

const tmp = tempDir('plenary-amendment-');
afterAll(() => tmp.cleanup());

function draft(name: string): ResolutionDocument {
  return parseResolutionText(fs.readFileSync(path.join(CORPUS, 'drafts-80', 'txt', `${name}.txt`), 'utf8'), { fileName: `${name}.txt`, format: 'text' }).document;
}

// The "**" after "Criminal Court," is the call of the Treaty Series note: a footnote reference there (star-calls.test.ts), not words.
const L19_QUOTED =
  'Recalling the inclusion of attacks intentionally directed against personnel involved in a humanitarian assistance or peacekeeping mission in accordance with the Charter, as long as they are entitled to the protection given to civilians or civilian objects under the international law of armed conflict, as a war crime in the Rome Statute of the International Criminal Court, and noting the role that the Court can play in appropriate cases in bringing to justice those responsible for serious violations of international humanitarian law,';

const HEAD = 'United Nations A/80/L.99\n\nGeneral Assembly Distr.: Limited\n1 December 2025\n\nEightieth session\nAgenda item 72\nStrengthening of the coordination of humanitarian assistance\n\nNorway:* amendment to draft resolution A/80/L.98\n\nSafety of humanitarian personnel\n\n';

describe('amendment documents', () => {
  it('A/80/L.19: the instruction (once lost in the masthead) and the paragraph it quotes, word for word', () => {
    const d = draft('A_80_L.19');
    expect(d.preambular).toEqual([]);
    expect(d.operative.map((b) => [b.quoted === true, blockText(b)])).toEqual([
      [false, 'Delete the thirty-eighth preambular paragraph reading:'],
      [true, L19_QUOTED],
    ]);
    const j = toParseJson(d);
    expect(j.kind).toBe('amendment');
    expect(j.amendments).toEqual([{ instruction: 'Delete the thirty-eighth preambular paragraph reading:', text: L19_QUOTED }]);
    expect(j.operative.map((o) => o.text)).toEqual(['Delete the thirty-eighth preambular paragraph reading:']);
    expect(j.preambular).toEqual([]);
    // The notes at the foot of the page: the sponsors' "*" and the Treaty Series note, no longer paragraphs.
    expect(j.sponsorNote).toBe('Any changes to the list of sponsors will be reflected in the official record of the meeting.');
    expect(j.footnotes.map((f) => f.text)).toEqual(['United Nations, Treaty Series, vol. 2187, No. 38544.']);
  });

  it('A/80/L.35: five numbered instructions quoting inline, the sponsors’ note not glued to the last', () => {
    const j = toParseJson(draft('A_80_L.35'));
    expect(j.amendments!.map((a) => a.text)).toEqual(['', '', '', '', '']);
    expect(j.amendments!.map((a) => a.instruction.slice(0, 40))).toEqual([
      'Replace “Chornobyl” with “Chernobyl” in ',
      'In the second preambular paragraph, dele',
      'In operative paragraph 1, replace “Welco',
      'Delete operative paragraphs 5, 6, 10 and',
      'In operative paragraph 14, replace “Stre',
    ]);
    expect(j.amendments![4]!.instruction).toMatch(/Chernobyl disaster”\.$/);
    expect(j.sponsorNote).toMatch(/^Any changes to the list of sponsors/);
    for (const name of ['A_C.3_80_L.58', 'A_C.6_80_L.24']) {
      const k = toParseJson(draft(name));
      expect(k.amendments, name).toHaveLength(1);
      expect(k.operative, name).toHaveLength(1);
    }
  });

  it('"After operative paragraph 89, insert …": quoted paragraphs up to the next instruction, then the exports', () => {
    const body =
      '1. After operative paragraph 89, insert a new paragraph reading:\n\n“89 bis. Decides to review the question at its eighty-first session;”\n\n' +
      '2. In operative paragraph 90, replace “notes” with “welcomes”.\n\n3. Replace operative paragraph 91 with the following:\n\n“Requests the Secretary-General to report;”\n\n“Decides to remain seized of the matter.”\n';
    const d = parseResolutionText(HEAD + body, { fileName: 'x.txt', format: 'text' }).document;
    const want = [
      { instruction: 'After operative paragraph 89, insert a new paragraph reading:', text: '“89 bis. Decides to review the question at its eighty-first session;”' },
      { instruction: 'In operative paragraph 90, replace “notes” with “welcomes”.', text: '' },
      { instruction: 'Replace operative paragraph 91 with the following:', text: '“Requests the Secretary-General to report;”\n“Decides to remain seized of the matter.”' },
    ];
    expect(toParseJson(d).amendments).toEqual(want);
    expect(toParseJson(d).operative.map((o) => o.number)).toEqual([1, 2, 3]);
    // The editor model keeps the mark (a pp node among the operative ones, unnumbered).
    const pm = toDoc(d);
    const quotedNodes: string[] = [];
    pm.forEach((n) => {
      if (n.attrs.quoted) quotedNodes.push(`${n.type.name} ${n.textContent}`);
    });
    expect(quotedNodes).toEqual(['pp “89 bis. Decides to review the question at its eighty-first session;”', 'pp “Requests the Secretary-General to report;”', 'pp “Decides to remain seized of the matter.”']);
    const back = fromDoc(pm);
    expect(back.operative.map((b) => [b.quoted === true, b.preambular === true])).toEqual(d.operative.map((b) => [b.quoted === true, false]));
    // Text export and back.
    const txt = exportText(d, { footnoteMarks: 'digits' });
    expect(toParseJson(parseResolutionText(txt, { fileName: 'x.txt', format: 'text' }).document).amendments).toEqual(want);
    // Akoma Ntoso: the quoted text in hcontainer name="quotedText", read back as quoted.
    const xml = exportAkn(d);
    expect(xml.match(/<hcontainer name="quotedText"/g)).toHaveLength(3);
    expect(toParseJson(parseAkn(xml)).amendments).toEqual(want);
  });

  it('the Akoma Ntoso export of an amendment validates against akomantoso30.xsd', () => {
    const schema = path.join(path.dirname(CORPUS), 'schemas', 'akn', 'akomantoso30.xsd');
    const file = path.join(tmp.dir, 'l19.xml');
    fs.writeFileSync(file, exportAkn(draft('A_80_L.19')));
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, file], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr.slice(0, 2000)).toMatch(/validates/);
    expect(r.status).toBe(0);
  }, 150_000);

  it('what counts as an instruction, and star notes taken only after a blank line', () => {
    for (const t of ['Delete operative paragraphs 5, 6, 10 and 13.', 'After operative paragraph 89, insert a new paragraph reading:', 'In the second preambular paragraph, delete “of Ukraine”.', 'Replace “a” with “b”.', 'Add a new subparagraph (d):']) expect(isInstruction(t), t).toBe(true);
    for (const t of ['Recalling its resolution 79/1,', 'Decides to remain seized of the matter;', 'In this regard, calls upon States to act;', 'Requests the Secretary-General to add an item']) expect(isInstruction(t), t).toBe(false);
    const brk = (l: string): boolean => l === '';
    expect(takeStarNotes(['Replace “a” with “b”.', '', '* Any changes', 'to the list.', '', '** Treaty Series.'], brk)).toEqual({
      lines: ['Replace “a” with “b”.', '', ''],
      notes: [{ mark: '*', text: 'Any changes to the list.' }, { mark: '**', text: 'Treaty Series.' }],
    });
    expect(takeStarNotes(['Delete the words', '* not a note'], brk).lines).toEqual(['Delete the words', '* not a note']);
  });
});
