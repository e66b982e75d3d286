// The opening phrase is computed once (structure.ts paragraphPhrase / detectParagraphPhrase) and
// the editor, the export layout, the JSON export and the importers all agree on it: for corpus
// documents in every shape the project reads, and for phrases that do not agree with the organ's
// gender (which used to be dropped by the importers but kept by the editor).
import fs from 'node:fs';
import path from 'node:path';
import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { structureKey, structurePlugin } from '../../../src/shared/editor/plugins/structure.js';
import { layoutDocument } from '../../../src/shared/export/layout.js';
import { toParseJson } from '../../../src/shared/import/json.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { toDoc } from '../../../src/shared/resolution/convert.js';
import { detectOpeningPhrase } from '../../../src/shared/resolution/lexicon.js';
import { emptyFrontMatter, textBlock, type ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { computeStructure, detectParagraphPhrase, paragraphPhrase, paraText } from '../../../src/shared/resolution/structure.js';
import { CORPUS } from '../../helpers/corpus.js';

/** The phrase text of every top-level paragraph as each consumer sees it, by designation. */
function phrasesEverywhere(doc: ResolutionDocument) {
  const lang = doc.meta.language;
  const pm = toDoc(doc);
  const structure = computeStructure(pm, lang);
  const shared = new Map<string, string>();
  const editor = new Map<string, string>();
  const state = EditorState.create({ doc: pm, plugins: [structurePlugin()] });
  const ends = structureKey.getState(state)!.phrases;
  for (const p of structure.paras) {
    // Text an amendment quotes is in neither list of `parse --json` (it is in "amendments").
    if (p.level !== 0 || p.tail || p.section === 'ap' || p.node.attrs.quoted) continue;
    const text = paraText(p.node);
    const span = paragraphPhrase(p, lang, doc.meta.organ);
    shared.set(p.number, text.slice(span.start, span.end));
    // The editor keeps the end offset; the italic decoration starts where the phrase starts.
    editor.set(p.number, text.slice(span.start, ends.get(p.id) ?? 0));
  }
  const layout = new Map<string, string>();
  for (const lp of layoutDocument(doc).paragraphs) {
    if (lp.level !== 0 || lp.tail) continue;
    layout.set(lp.designation, lp.runs.filter((r) => r.phrase).map((r) => r.text).join(''));
  }
  const json = toParseJson(doc);
  const exported = new Map<string, string>();
  json.preambular.forEach((p, i) => exported.set(`PP${i + 1}`, p.openingPhrase));
  json.operative.forEach((p, i) => exported.set(`OP${i + 1}`, p.openingPhrase));
  return { shared, editor, layout, exported };
}

function expectAgreement(doc: ResolutionDocument, where: string): number {
  const { shared, editor, layout, exported } = phrasesEverywhere(doc);
  let found = 0;
  for (const [designation, phrase] of shared) {
    expect(editor.get(designation), `${where} ${designation} (editor)`).toBe(phrase);
    expect(layout.get(designation), `${where} ${designation} (layout)`).toBe(phrase);
    expect(exported.get(designation)?.trim(), `${where} ${designation} (JSON export)`).toBe(phrase.trim());
    if (phrase) found++;
  }
  return found;
}

const read = (rel: string) => fs.readFileSync(path.join(CORPUS, rel), 'utf8');

describe('one opening phrase for editor, export and import', () => {
  it('agrees on a sample of the General Assembly corpus (every 25th resolution)', () => {
    const files = fs.readdirSync(path.join(CORPUS, 'ga-en')).filter((f) => f.endsWith('.txt')).sort();
    let phrases = 0;
    for (let i = 0; i < files.length; i += 25) {
      const { document } = parseResolutionText(read(`ga-en/${files[i]}`), { fileName: files[i] });
      phrases += expectAgreement(document, files[i]!);
    }
    expect(phrases).toBeGreaterThan(300);
  });

  it('agrees on the French markdown (italics from the source), drafts and Security Council OCR', () => {
    const fr = parseResolutionText(read('fr/A_RES_75_202.fr.md'), { fileName: 'A_RES_75_202.fr.md' }).document;
    expect(expectAgreement(fr, 'fr 75/202')).toBeGreaterThan(10);
    for (const f of fs.readdirSync(path.join(CORPUS, 'drafts-80', 'txt')).sort().slice(0, 6)) {
      expectAgreement(parseResolutionText(read(`drafts-80/txt/${f}`), { fileName: f }).document, f);
    }
    for (const f of ['S_RES_242.txt', 'S_RES_687.txt']) {
      if (fs.existsSync(path.join(CORPUS, 'sc-en', f))) expectAgreement(parseResolutionText(read(`sc-en/${f}`), { fileName: f }).document, f);
    }
  });

  it('keeps a phrase that does not agree with the organ in gender, everywhere (gender fallback)', () => {
    // "Conscient" is masculine; the General Assembly is feminine in French ("Consciente").
    const doc: ResolutionDocument = {
      meta: emptyFrontMatter({ language: 'fr', organ: 'ga' }),
      preambular: [textBlock('pp1', 'Conscient de la nécessité de renforcer la coopération,'), textBlock('pp2', 'Consciente des efforts faits,')],
      operative: [textBlock('op1', 'Prie le Secrétaire général de lui faire rapport.')],
      footnotes: [],
      annexes: [],
    };
    expect(detectOpeningPhrase('Conscient de la nécessité', 'fr', 'pp', 'f')).toBeNull();
    const { shared } = phrasesEverywhere(doc);
    expect(shared.get('PP1')).toBe('Conscient');
    expect(shared.get('PP2')).toBe('Consciente');
    expect(shared.get('OP1')).toBe('Prie');
    expectAgreement(doc, 'gender fallback');
  });

  it('a phrase set by hand wins, capped at the paragraph; subparagraphs and annexes have none', () => {
    const doc: ResolutionDocument = {
      meta: emptyFrontMatter({ language: 'en', organ: 'ga' }),
      preambular: [{ ...textBlock('pp1', 'Bearing firmly in mind its decisions,'), phrase: 20 }, { ...textBlock('pp2', 'Short,'), phrase: 99 }],
      operative: [{ ...textBlock('op1', 'Decides the following:'), children: [textBlock('a', 'Requests nothing;')] }],
      footnotes: [],
      annexes: [],
    };
    const { shared } = phrasesEverywhere(doc);
    expect(shared.get('PP1')).toBe('Bearing firmly in mi');
    expect(shared.get('PP2')).toBe('Short,');
    expect(shared.get('OP1')).toBe('Decides');
    expectAgreement(doc, 'overrides');
    const structure = computeStructure(toDoc(doc), 'en');
    const sub = structure.paras.find((p) => p.level === 1)!;
    expect(paragraphPhrase(sub, 'en', 'ga')).toEqual({ start: 0, end: 0 });
  });

  it('detectParagraphPhrase gives offsets into the text: start after opening quotes, end after the phrase', () => {
    const text = '“Recalling also its resolution 1,';
    const span = detectParagraphPhrase(text, 'en', 'pp', 'ga')!;
    expect(text.slice(span.start, span.end)).toBe('Recalling also');
    expect(span.start).toBe(1);
  });
});
