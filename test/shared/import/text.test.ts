// The text importer on the corpus: GA text layers, the French markdown, Security Council OCR,
// hand-typed drafts in several languages, and malformed input.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { PlenaryError } from '../../../src/shared/errors.js';
import { toParseJson } from '../../../src/shared/import/json.js';
import { parseResolutionText, type ParseResult } from '../../../src/shared/import/text.js';
import { isParagraph, blockText, inlineText, type Block, type Inline, type ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { CORPUS as corpus } from '../../helpers/corpus.js';

const read = (rel: string): string => fs.readFileSync(path.join(corpus, rel), 'utf8');
const parseFile = (rel: string): ParseResult => parseResolutionText(read(rel), { fileName: path.basename(rel) });

/** Ids of the footnotes a run of inlines references, in order. */
const refs = (ins: readonly Inline[]): string[] => ins.filter((i) => i.t === 'fn').map((i) => (i as { id: string }).id);

/** Every paragraph of a document (preamble, operative part, annexes), flattened with subparagraphs. */
function allBlocks(doc: ResolutionDocument): Block[] {
  const out: Block[] = [];
  const visit = (b: Block): void => {
    out.push(b);
    b.children.forEach(visit);
  };
  doc.preambular.forEach(visit);
  doc.operative.forEach(visit);
  doc.annexes.forEach((a) => a.paragraphs.forEach(visit));
  return out;
}

/** The footnote's text by id. */
const noteText = (doc: ResolutionDocument, id: string): string => inlineText(doc.footnotes.find((f) => f.id === id)?.content ?? []);

describe('A/RES/79/200 (GA text layer)', () => {
  const { document: doc, warnings } = parseFile('ga-en/A_RES_79_200.txt');

  it('reads the masthead', () => {
    expect(doc.meta).toMatchObject({
      kind: 'resolution',
      organ: 'ga',
      symbol: 'A/RES/79/200',
      session: '79',
      agendaItems: [{ number: '18', title: 'Sustainable development' }],
      title: 'Oil slick on Lebanese shores',
      adoptionDate: '2024-12-19',
      issueDate: '2024-12-23',
      basis: 'on the report of the Second Committee (A/79/437, para. 17)',
      meeting: '54th plenary meeting',
      language: 'en',
    });
    expect(warnings).toEqual([]);
  });

  it('splits 13 preambular and 9 operative paragraphs, with no page furniture or footnote text in them', () => {
    expect(doc.preambular).toHaveLength(13);
    expect(doc.operative).toHaveLength(9);
    for (const b of allBlocks(doc)) {
      const t = blockText(b);
      expect(t).not.toMatch(/24-24303|\d\/4\b|A\/RES\/79\/200|_{3}|Oil slick on Lebanese shores|Ibid\.|A\/62\/343/);
      expect(t).not.toMatch(/\s{2}/);
    }
    expect(blockText(doc.operative[0]!)).toBe('Takes note of the report of the Secretary-General;');
    expect(blockText(doc.operative[8]!)).toBe(
      'Recognizes the multidimensionality of the adverse impact of the oil slick, and requests the Secretary-General to submit to the General Assembly at its eightieth session a report on the implementation of the present resolution under the item entitled “Sustainable development”.',
    );
  });

  it('takes footnotes 1–3 out of the text around PP4 and unglues their marks', () => {
    expect(doc.footnotes).toHaveLength(7);
    const pp2 = doc.preambular[1]!;
    expect(inlineText(pp2.content)).toContain('Declaration of the Conference, in which States were requested');
    expect(refs(pp2.content)).toEqual(['fn1']);
    expect(noteText(doc, 'fn1')).toBe('See Report of the United Nations Conference on the Human Environment, Stockholm, 5–16 June 1972 (A/CONF.48/14/Rev.1), part one, chap. I.');
    const pp4 = doc.preambular[3]!;
    expect(inlineText(pp4.content)).toBe(
      'Taking into account the 1992 Rio Declaration on Environment and Development, especially principle 16, in which it was stipulated that the polluter should, in principle, bear the cost of pollution, and taking into account also chapter 17 of Agenda 21,',
    );
    // "Development, 2 especially" (a spaced mark) and "Agenda 21,3" (glued after a number).
    expect(refs(pp4.content)).toEqual(['fn2', 'fn3']);
    expect(noteText(doc, 'fn2')).toMatch(/^Report of the United Nations Conference on Environment and Development, Rio de Janeiro, 3 – 14 June 1992, vol\. I, .*resolution 1, annex I\.$/);
    expect(noteText(doc, 'fn3')).toBe('Ibid., annex II.');
    // The paragraph after the footnote block starts the next page: not glued to PP4.
    expect(inlineText(doc.preambular[4]!.content)).toMatch(/^Reaffirming its resolution 70\/1/);
    expect(refs(doc.preambular[4]!.content)).toEqual(['fn4', 'fn5']);
    expect(refs(doc.operative[3]!.content)).toEqual(['fn7']);
  });

  it('undoes hard wraps, keeps real hyphens and repairs "non- governmental"', () => {
    const op4 = inlineText(doc.operative[3]!.content);
    expect(op4).toContain('the report of the Secretary-General submitted to the General Assembly at its sixty-second session, with a view');
    expect(inlineText(doc.operative[7]!.content)).toContain('non-governmental organizations');
    expect(inlineText(doc.preambular[7]!.content)).toContain('acknowledgement on the part of the Government of Israel of its responsibilities vis-à-vis reparations');
  });

  it('gives deterministic ids and marks cited symbols', () => {
    expect(doc.preambular.map((b) => b.id).slice(0, 3)).toEqual(['pp1', 'pp2', 'pp3']);
    expect(doc.operative.map((b) => b.id).slice(0, 3)).toEqual(['op1', 'op2', 'op3']);
    const cited = doc.preambular[0]!.content.filter((i) => i.t === 'text' && i.symbolRef).map((i) => (i as { symbolRef?: string }).symbolRef);
    expect(cited).toContain('A/RES/61/194');
    expect(cited).toContain('A/RES/78/143');
    const again = parseFile('ga-en/A_RES_79_200.txt').document;
    expect(again).toEqual(doc);
  });
});

describe('GA resolutions with subparagraphs, sections, annexes and page breaks', () => {
  it('A/RES/78/218: (a) with (i)…(xiii) nested under it', () => {
    const doc = parseFile('ga-en/A_RES_78_218.txt').document;
    const op2 = doc.operative[1]!;
    expect(op2.children.length).toBeGreaterThanOrEqual(2);
    const a = op2.children[0]!;
    expect(a.id).toBe('op2-a');
    expect(a.children).toHaveLength(13);
    expect(a.children[1]!.id).toBe('op2-a-ii');
    expect(inlineText(a.children[0]!.content)).toMatch(/^Torture and other cruel, inhuman or degrading treatment or punishment/);
    expect(inlineText(a.children[12]!.content)).toMatch(/^Violence and discrimination against women/);
    const j = toParseJson(doc);
    expect(j.operative[1]!.subparagraphs[0]!.label).toBe('(a)');
    expect(j.operative[1]!.subparagraphs[0]!.subparagraphs.map((s) => s.label).slice(0, 4)).toEqual(['(i)', '(ii)', '(iii)', '(iv)']);
  });

  it('A/RES/78/133 and 78/181: "(i)" after "(h)" is a letter, and lists run on to (ll)', () => {
    const op2 = parseFile('ga-en/A_RES_78_133.txt').document.operative[1]!;
    expect(op2.children.length).toBeGreaterThanOrEqual(12);
    expect(op2.children.every((c) => c.children.length === 0)).toBe(true);
    expect(inlineText(op2.children[8]!.content)).toMatch(/^Develop knowledge, skills and talents/);
    const j = toParseJson(parseFile('ga-en/A_RES_78_181.txt').document);
    const labels = j.operative.flatMap((o) => o.subparagraphs.map((s) => s.label));
    expect(labels).toContain('(ii)');
    expect(labels).toContain('(ll)');
    const ii = j.operative.flatMap((o) => o.subparagraphs).find((s) => s.label === '(ii)' && s.text.startsWith('Considering the adoption'));
    expect(ii).toBeDefined();
  });

  it('A/RES/78/223: a numbered list inside a paragraph stays inside it', () => {
    const { document: doc } = parseFile('ga-en/A_RES_78_223.txt');
    const j = toParseJson(doc);
    const op11 = j.operative[10]!;
    expect(op11.text).toMatch(/^Approves the following provisional agenda for the Fifteenth Congress/);
    expect(op11.subparagraphs.map((s) => s.label)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.']);
    expect(op11.subparagraphs[0]!.text).toBe('Opening of the Congress.');
    expect(j.operative[11]!.text).toMatch(/^Decides that the following issues shall be considered/);
    expect(j.operative).toHaveLength(24);
    expect(j.operative[23]!.number).toBe(24);
  });

  it('A/RES/78/174: rejoins a paragraph that a page break cut, whatever way the running title wrapped', () => {
    const doc = parseFile('ga-en/A_RES_78_174.txt').document;
    const op40 = inlineText(doc.operative[39]!.content);
    expect(op40).toContain('take into due account the right of everyone to the enjoyment of the highest attainable standard of physical and mental health');
    for (const b of allBlocks(doc)) expect(blockText(b)).not.toMatch(/General Assembly enjoyment|twenty-fourth special session of the General Assembly (?!of)/);
  });

  it('A/RES/78/68: section headings become headings of parts, not glued to a paragraph; numbering continues', () => {
    const { document: doc, warnings } = parseFile('ga-en/A_RES_78_68.txt');
    expect(warnings.some((w) => w.includes('Implementation of the 1995 Agreement'))).toBe(false);
    const heads = doc.operative.filter((b) => b.heading);
    expect(heads.map((b) => b.heading!.num)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV']);
    expect(heads.every((b) => b.heading!.level === 1 && !b.heading!.restart)).toBe(true);
    expect(inlineText(heads[1]!.content)).toMatch(/^Implementation of the 1995 Agreement for the Implementation of the Provisions/);
    const ops = doc.operative.filter(isParagraph);
    const op50 = inlineText(ops[49]!.content);
    expect(op50).toMatch(/as appropriate;$/);
    expect(inlineText(ops[50]!.content)).toMatch(/^Welcomes the most recent accession to the Agreement/);
    expect(doc.operative[doc.operative.indexOf(ops[50]!) - 1]).toBe(heads[1]);
  });

  it('A/RES/78/247: two parts, each with its own preamble, numbering restarting in part II', () => {
    const { document: doc, warnings } = parseFile('ga-en/A_RES_78_247.txt');
    expect(warnings).toEqual([]);
    expect(doc.preambular.map((b) => (b.heading ? `H:${b.heading.num}` : 'PP'))).toEqual(['H:I', 'PP', 'PP']);
    expect(inlineText(doc.preambular[0]!.content)).toBe('Activities of the Office of Internal Oversight Services');
    const shape = doc.operative.map((b) => (b.heading ? `H:${b.heading.num}${b.heading.restart ? '!' : ''}` : b.preambular ? 'PP' : 'OP'));
    expect(shape).toEqual([...Array<string>(10).fill('OP'), 'H:II!', 'PP', 'PP', 'OP', 'OP']);
    expect(inlineText(doc.operative[11]!.content)).toMatch(/^Recalling its resolutions 61\/275/);
    expect(inlineText(doc.operative[12]!.content)).toMatch(/^Having considered the report of the Independent Audit Advisory Committee/);
  });

  it('A/RES/78/225: a text layer without the enacting formula still splits', () => {
    const { document: doc } = parseFile('ga-en/A_RES_78_225.txt');
    expect(doc.preambular[0] && inlineText(doc.preambular[0].content)).toMatch(/^Reaffirming its resolution 70\/1/);
    expect(doc.operative).toHaveLength(15);
    expect(inlineText(doc.operative[0]!.content)).toMatch(/^Recalls the commitment made by States/);
  });
});

describe('A/RES/79/1 (The Pact for the Future: a long annex)', () => {
  const { document: doc, warnings } = parseFile('ga-en/A_RES_79_1.txt');

  it('has no preamble and one operative paragraph that adopts the Pact and its annexes', () => {
    expect(doc.meta).toMatchObject({ symbol: 'A/RES/79/1', title: 'The Pact for the Future', adoptionDate: '2024-09-22', meeting: '3rd plenary meeting', basis: 'without reference to a Main Committee (A/79/L.2)' });
    expect(doc.meta.agendaItems).toEqual([{ number: '123', title: 'Strengthening of the United Nations system' }]);
    expect(doc.preambular).toEqual([]);
    expect(doc.operative).toHaveLength(1);
    expect(blockText(doc.operative[0]!)).toBe('Adopts the following Pact for the Future and its annexes:');
    expect(warnings).toEqual([]);
  });

  it('keeps the Pact, the Global Digital Compact and the Declaration on Future Generations as annexes', () => {
    expect(doc.annexes.map((a) => [a.id, a.heading, a.title])).toEqual([
      ['ax1', '', 'The Pact for the Future'],
      ['ax2', 'Annex I', 'Global Digital Compact'],
      ['ax3', 'Annex II', 'Declaration on Future Generations'],
    ]);
    const pact = doc.annexes[0]!.paragraphs;
    expect(pact.length).toBeGreaterThan(100);
    expect(inlineText(pact[0]!.content)).toMatch(/^We, the Heads of State and Government, representing the peoples of the world/);
    // Paragraph 19 runs over a page break with a footnote block in between.
    const p19 = pact.find((b) => inlineText(b.content).startsWith('We will not accept a future in which dignity'))!;
    expect(inlineText(p19.content)).toContain('securing a better future for present and future generations. We recognize that eradicating poverty');
    expect(inlineText(p19.content)).toMatch(/we will place people at the centre of all our actions\.$/);
    const gdc = doc.annexes[1]!.paragraphs;
    expect(inlineText(gdc[0]!.content)).toMatch(/^Digital technologies are dramatically transforming our world\./);
    const last = doc.annexes[2]!.paragraphs.at(-1)!;
    expect(last.children.map((c) => inlineText(c.content).slice(0, 20))).toEqual(['Take note of the Sec', 'Decide to convene an', 'Request the Secretar']);
  });

  it('keeps every footnote and its reference', () => {
    expect(doc.footnotes.length).toBeGreaterThan(20);
    const referenced = new Set(allBlocks(doc).flatMap((b) => [...refs(b.content), ...refs(b.tail)]));
    for (const f of doc.footnotes) expect(referenced.has(f.id)).toBe(true);
  });
});

describe('A/RES/75/202 in French (markdown converted from PDF)', () => {
  const { document: doc, warnings, format } = parseFile('fr/A_RES_75_202.fr.md');
  const j = toParseJson(doc);

  it('reads the masthead in French', () => {
    expect(format).toBe('markdown');
    expect(j).toMatchObject({
      symbol: 'A/RES/75/202',
      language: 'fr',
      organ: 'ga',
      session: '75',
      agendaItems: [{ number: '16', title: "Les technologies de l'information et des communications au service du développement durable" }],
      title: "Les technologies de l'information et des communications au service du développement durable",
      adoptionDate: '2020-12-21',
      basis: 'sur la base du rapport de la Deuxième Commission (A/75/454, par. 11)',
      meeting: '48e séance plénière',
    });
    expect(doc.meta.issueDate).toBe('2020-12-29');
    expect(warnings).toEqual([]);
  });

  it('finds all 43 preambular paragraphs with their opening phrases', () => {
    expect(j.preambular.map((p) => p.openingPhrase)).toEqual([
      'Rappelant', 'Rappelant également', 'Réaffirmant', 'Réaffirmant également', 'Réaffirmant en outre', 'Consciente',
      'Considérant', 'Consciente', 'Rappelant', 'Rappelant également', 'Rappelant en outre', 'Réaffirmant',
      'Réaffirmant également', 'Considérant', 'Prenant acte', 'Prenant acte également', 'Notant', 'Notant également',
      'Prenant acte', 'Prenant note', 'Prenant acte', 'Consciente', 'Prenant acte', 'Notant', 'Soulignant',
      'Soulignant également', 'Rappelant', 'Considérant', 'Notant avec une vive préoccupation', 'Considérant', 'Notant',
      'Réaffirmant', 'Réaffirmant également', 'Rappelant', 'Rappelant également', 'Considérant', 'Prenant acte', 'Notant',
      'Réaffirmant', 'Consciente', 'Réitérant', 'Notant avec une vive préoccupation', 'Constatant avec une vive préoccupation',
    ]);
    for (const p of j.preambular) {
      expect(p.text.startsWith(p.openingPhrase)).toBe(true);
      expect(p.text).toMatch(/,$/);
      expect(p.text).not.toMatch(/<sup>|\]\(#\)|\*/);
    }
    expect(j.preambular[0]!.text).toBe(
      "Rappelant sa résolution 74/197 du 19 décembre 2019 sur les technologies de l'information et des communications au service du développement durable et ses résolutions antérieures sur la question,",
    );
  });

  it('rejoins paragraphs that footnotes or a page break interrupted', () => {
    expect(j.preambular[2]!.text).toContain("en tirant parti de ce qui a été fait dans le cadre des objectifs du Millénaire pour le développement, dont elle s'efforcera d'achever la réalisation,");
    expect(j.preambular[9]!.text).toContain('demandant une nouvelle fois que les mesures visant à donner suite aux textes issus du Sommet mondial');
    expect(j.preambular[16]!.text).toContain("le suivi à l'échelle du système, en particulier pour l'examen");
    expect(j.preambular[31]!.text).toContain('il faut considérer que les progrès accomplis dans le sens de la réalisation');
    expect(j.preambular[39]!.text).toContain("et aider davantage les États qui en font la demande, à la faveur d'activités d'assistance technique");
    expect(j.operative[2]!.text).toContain('technologies de l’information et des communications dans leurs stratégies'.replace('’', "'"));
    expect(j.operative[43]!.text).toMatch(/de prendre pleinement en considération les conséquences sanitaires et socioéconomiques de la pandémie de COVID-19 ;$/);
  });

  it('numbers all 46 operative paragraphs, with their opening phrases, italics kept where the lexicon differs', () => {
    expect(j.operative.map((o) => o.number)).toEqual(Array.from({ length: 46 }, (_, i) => i + 1));
    expect(j.operative.map((o) => o.openingPhrase)).toEqual([
      'Estime', 'Salue', 'Estime', 'Réaffirme sa volonté', 'Souligne', 'Engage', 'Se félicite', 'Prend note', 'Note', 'Engage',
      'Exhorte', 'Constate', 'Se félicite', 'Se félicite également', 'Salue', 'Constate', 'Se dit consciente', 'Sait',
      'Encourage', 'Constate', 'Prend note', 'Engage', 'Prend acte', 'Se dit consciente', 'Insiste', 'Prend note', 'Note',
      'Rappelle', 'Salue', 'Considère', 'Encourage', 'Considère', 'Considère également', 'Considère en outre', 'Note',
      'Considère', 'Se dit consciente', 'Invite', 'Prend acte', 'Invite', 'Note', 'Se félicite', 'Réaffirme', 'Salue', 'Prie', 'Décide',
    ]);
    expect(j.operative.every((o) => o.subparagraphs.length === 0)).toBe(true);
    expect(j.operative.slice(0, 45).every((o) => o.text.endsWith(' ;'))).toBe(true);
    expect(j.operative[45]!.text).toBe(
      "Décide d'inscrire à l'ordre du jour provisoire de sa soixante-seizième session la question intitulée « Les technologies de l'information et des communications au service du développement durable », à moins qu'il n'en soit convenu autrement.",
    );
    // The source's italics "*Réaffirme sa volonté*" and "*Se dit consciente*" go beyond the lexicon's phrase.
    expect(doc.operative[3]!.phrase).toBe('Réaffirme sa volonté'.length);
    expect(doc.operative[0]!.phrase).toBeUndefined();
    // Italics inside the text are kept as emphasis; links to documents become symbol references.
    expect(doc.preambular[20]!.content.some((i) => i.t === 'text' && i.em && i.text.startsWith('The State of Broadband 2020'))).toBe(true);
    expect(doc.preambular[0]!.content.some((i) => i.t === 'text' && i.symbolRef === 'A/RES/74/197')).toBe(true);
  });

  it('keeps all 16 footnotes, each referenced where its mark stood', () => {
    expect(j.footnotes.map((f) => f.mark)).toEqual(Array.from({ length: 16 }, (_, i) => String(i + 1)));
    expect(j.footnotes[0]!.text).toBe('Résolutions 56/183, 57/238, 59/220, 60/252, 62/182, 63/202, 64/187, 65/141, 66/184, 67/195, 68/198, 69/204, 70/184, 71/212, 72/200 et 73/218.');
    expect(j.footnotes[8]!.text).toBe('A/75/62-E/2020/11.');
    expect(j.footnotes[11]!.text).toBe('A/67/65-E/2012/48 et A/67/65/Corr.1-E/2012/48/Corr.1.');
    expect(j.footnotes[15]!.text).toBe('E/HLPF/2019/6.');
    const where = (id: string): string => {
      const i = doc.preambular.findIndex((b) => refs(b.content).includes(id));
      if (i >= 0) return `PP${i + 1}`;
      return `OP${doc.operative.findIndex((b) => refs(b.content).includes(id)) + 1}`;
    };
    expect(doc.footnotes.map((f) => where(f.id))).toEqual([
      'PP1', 'PP2', 'PP5', 'PP9', 'PP9', 'PP9', 'PP9', 'PP11', 'PP15', 'OP3', 'OP13', 'OP24', 'OP28', 'OP34', 'OP42', 'OP45',
    ]);
    // "la question<sup>1</sup>," → the reference sits before the comma, without a space.
    const c = doc.preambular[0]!.content;
    const k = c.findIndex((i) => i.t === 'fn');
    expect(c[k - 1]).toMatchObject({ t: 'text' });
    expect((c[k - 1] as { text: string }).text.endsWith('question')).toBe(true);
    expect(c[k + 1]).toEqual({ t: 'text', text: ',' });
  });
});

describe('Security Council resolutions (hand-corrected OCR)', () => {
  it('S/RES/242 (1967): heading, three preambular paragraphs, (i)/(ii) and (a)(b)(c)', () => {
    const { document: doc } = parseFile('sc-en/S_RES_0242_1967_EN_GOLD.txt');
    const j = toParseJson(doc);
    expect(j).toMatchObject({ symbol: 'S/RES/242 (1967)', organ: 'sc', language: 'en', adoptionDate: '1967-11-22', title: '', session: '' });
    expect(j.meeting).toBe('Adopted unanimously at the 1382nd meeting');
    expect(j.preambular.map((p) => p.text)).toEqual([
      'Expressing its continuing concern with the grave situation in the Middle East,',
      'Emphasizing the inadmissibility of the acquisition of territory by war and the need to work for a just and lasting peace in which every State in the area can live in security,',
      'Emphasizing further that all Member States in their acceptance of the Charter of the United Nations have undertaken a commitment to act in accordance with Article 2 of the Charter,',
    ]);
    expect(j.operative.map((o) => o.openingPhrase)).toEqual(['Affirms', 'Affirms further', 'Requests', 'Requests']);
    const [op1, op2, op3] = j.operative;
    expect(op1!.subparagraphs.map((s) => s.label)).toEqual(['(i)', '(ii)']);
    expect(op1!.subparagraphs[0]!.text).toBe('Withdrawal of Israel armed forces from territories occupied in the recent conflict ;');
    expect(op1!.subparagraphs[1]!.text).toMatch(/^Termination of all claims or states of belligerency .* free from threats or acts of force;$/);
    expect(op2!.text.startsWith('Affirms further the necessity (a) For guaranteeing freedom of navigation')).toBe(true);
    expect(op2!.subparagraphs.map((s) => s.label)).toEqual(['(a)', '(b)', '(c)']);
    expect(op2!.subparagraphs[2]!.text).toBe(
      'For guaranteeing the territorial inviolability and political independence of every State in the area, through measures including the establishment of demilitarized zones;',
    );
    expect(op3!.text).toMatch(/^Requests the Secretary-General to designate a Special Representative to proceed to the Middle East/);
    const all = JSON.stringify(j);
    expect(all).not.toMatch(/\p{L}- \p{L}|\p{L}-\n/u);
    expect(all).not.toContain('\n');
  });

  it('undoes end-of-line hyphenation of typeset text and keeps compounds', () => {
    const j16 = toParseJson(parseFile('sc-en/S_RES_0016_1947_EN_GOLD.txt').document);
    expect(j16.operative[0]!.text).toContain('(2) The permanent Statute for the Free Territory of Trieste');
    expect(j16.preambular[0]!.text).toBe('Having received and examined the annexes to the proposed Peace Treaty with Italy relating to the creation and government of the Free Territory of Trieste (including an arrangement for the Free Port),');
    const j283 = toParseJson(parseFile('sc-en/S_RES_0283_1970_EN_GOLD.txt').document);
    expect(j283.operative).toHaveLength(17); // "4, Calls upon" read as "4."
    expect(j283.operative[3]!.text).toMatch(/^Calls upon all States to ensure that companies/);
    expect(j283.meeting).toMatch(/^Adopted at the 1550th meeting by 13 votes to none, with 2 abstentions/);
    const j1445 = toParseJson(parseFile('sc-en/S_RES_1445_2002_EN_GOLD.txt').document);
    expect(j1445.operative).toHaveLength(25);
    for (const p of [...j1445.preambular, ...j1445.operative]) expect(p.text).not.toMatch(/S\/RES\/1445|02-72318/);
    expect(j1445.operative[23]!.text).toContain('Special Representative of the Secretary-General and for all');
  });

  it('reads the other heading styles and the old footnotes', () => {
    const j150 = toParseJson(parseFile('sc-en/S_RES_0150_1960_EN_GOLD.txt').document);
    expect(j150).toMatchObject({ symbol: 'S/RES/150 (1960)', adoptionDate: '1960-08-23', basis: 'S/4462', meeting: 'Adopted unanimously at the 891st meeting' });
    expect(j150.preambular.map((p) => p.text)).toEqual(['Having examined the application of the Republic of the Ivory Coast,']);
    expect(j150.operative.map((o) => o.text)).toEqual(['Recommends to the General Assembly that the Republic of the Ivory Coast be admitted to membership in the United Nations.']);
    expect(j150.footnotes).toEqual([{ mark: '1', text: 'Ibid., document S/4431.' }]);
    const j902 = toParseJson(parseFile('sc-en/S_RES_0902_1994_EN_GOLD.txt').document);
    expect(j902.footnotes.map((f) => f.text)).toEqual(['S/1994/262.', 'S/26G26.']);
    expect(j902.operative).toHaveLength(5);
    expect(j902.preambular[1]!.text).toContain('of 4 March 1994 on his mission of good offices in Cyprus');
  });

  it('parses every file of the corpus, each with an operative part and its symbol', () => {
    const dir = path.join(corpus, 'sc-en');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBe(902);
    let withDate = 0;
    for (const f of files) {
      const doc = parseResolutionText(fs.readFileSync(path.join(dir, f), 'utf8'), { fileName: f }).document;
      expect(doc.meta.organ, f).toBe('sc');
      expect(doc.meta.symbol, f).toMatch(/^S\/RES\/\d+ \(\d{4}\)$/);
      expect(doc.operative.length, f).toBeGreaterThan(0);
      if (doc.meta.adoptionDate) withDate++;
    }
    expect(withDate).toBeGreaterThanOrEqual(890);
  }, 60_000);
});

describe('the six languages and hand-typed drafts', () => {
  it('Spanish plain text: masthead words, "a)" labels, a footnote glued after a word', () => {
    const text = [
      'Naciones Unidas A/RES/66/50', 'Asamblea General Distr. general', '19 de diciembre de 2011', '',
      'Sexagésimo sexto período de sesiones', 'Tema 110 del programa', 'Prevención de la carrera de armamentos en el espacio ultraterrestre', '',
      'Resolución aprobada por la Asamblea General el 2 de diciembre de 2011', '',
      '[sobre la base del informe de la Primera Comisión (A/66/413)]', '', '66/50. Título de prueba', '',
      'La Asamblea General,', '', 'Recordando su resolución 65/1, de 22 de septiembre de 2010,', '',
      'Convencida de que la cooperación es necesaria1,', '', '1. Decide examinar la cuestión;', '',
      '2. Pide al Secretario General que:', '', 'a) Presente un informe;', '', 'b) Colabore con los Estados Miembros;', '',
      '3. Decide seguir ocupándose de la cuestión.', '', '76ª sesión plenaria', '2 de diciembre de 2011', '__________________', '1 Véase A/66/1.',
    ].join('\n');
    const { document: doc } = parseResolutionText(text, { fileName: 'es.txt' });
    const j = toParseJson(doc);
    expect(j).toMatchObject({
      symbol: 'A/RES/66/50', language: 'es', organ: 'ga', session: '66', title: 'Título de prueba', adoptionDate: '2011-12-02',
      agendaItems: [{ number: '110', title: 'Prevención de la carrera de armamentos en el espacio ultraterrestre' }],
      basis: 'sobre la base del informe de la Primera Comisión (A/66/413)', meeting: '76ª sesión plenaria',
    });
    expect(doc.meta.issueDate).toBe('2011-12-19');
    expect(j.preambular.map((p) => p.openingPhrase)).toEqual(['Recordando', 'Convencida']);
    expect(j.preambular[1]!.text).toBe('Convencida de que la cooperación es necesaria,');
    expect(j.operative[1]!.subparagraphs).toEqual([
      { label: 'a)', text: 'Presente un informe;', subparagraphs: [] },
      { label: 'b)', text: 'Colabore con los Estados Miembros;', subparagraphs: [] },
    ]);
    expect(j.footnotes).toEqual([{ mark: '1', text: 'Véase A/66/1.' }]);
  });

  it('Russian, Arabic and Chinese mastheads and formulas', () => {
    const ru = parseResolutionText(
      [
        'Организация Объединенных Наций A/RES/75/202', 'Генеральная Ассамблея Distr.: General', '', 'Семьдесят пятая сессия', 'Пункт 16 повестки дня',
        'Информационно-коммуникационные технологии в целях устойчивого развития', '', 'Резолюция, принятая Генеральной Ассамблеей 21 декабря 2020 года', '',
        'Генеральная Ассамблея,', '', 'ссылаясь на свою резолюцию 74/197 от 19 декабря 2019 года,', '', 'вновь подтверждая положения своей резолюции 70/1,', '',
        '1. признает, что технологии могут помочь;', '', '2. просит Генерального секретаря представить доклад.', '', '48-е пленарное заседание', '21 декабря 2020 года',
      ].join('\n'),
    );
    expect(toParseJson(ru.document)).toMatchObject({ language: 'ru', session: '75', adoptionDate: '2020-12-21', meeting: '48-е пленарное заседание', agendaItems: [{ number: '16' }] });
    expect(toParseJson(ru.document).preambular.map((p) => p.openingPhrase)).toEqual(['ссылаясь', 'вновь подтверждая']);
    expect(toParseJson(ru.document).operative.map((p) => p.openingPhrase)).toEqual(['признает', 'просит']);

    const ar = parseResolutionText(
      [
        'الأمم المتحدة A/RES/75/202', 'الجمعية العامة', '', 'الدورة الخامسة والسبعون', 'البند 16 من جدول الأعمال', '',
        'قرار اتخذته الجمعية العامة في 21 كانون الأول/ديسمبر 2020', '', '75/202 - تكنولوجيا المعلومات والاتصالات', '', 'إن الجمعية العامة،', '',
        'إذ تشير إلى قرارها 74/197،', '', 'وإذ تعيد تأكيد أحكام قرارها 70/1،', '', '1 - تقرر مواصلة النظر في المسألة؛', '', '2 - تطلب إلى الأمين العام أن يقدم تقريرا.', '',
        'الجلسة العامة 48', '21 كانون الأول/ديسمبر 2020',
      ].join('\n'),
    );
    expect(toParseJson(ar.document)).toMatchObject({ language: 'ar', session: '75', title: 'تكنولوجيا المعلومات والاتصالات', adoptionDate: '2020-12-21', meeting: 'الجلسة العامة 48' });
    expect(ar.document.preambular).toHaveLength(2);
    expect(toParseJson(ar.document).operative.map((o) => o.openingPhrase)).toEqual(['تقرر', 'تطلب']);

    const zh = parseResolutionText(
      ['联合国 A/RES/75/202', '大会', '', '第七十五届会议', '议程项目16', '', '2020年12月21日大会通过的决议', '', '75/202. 信息和通信技术促进可持续发展', '', '大会，', '',
        '回顾其2019年12月19日第74/197号决议，', '', '1. 决定继续审议这一问题；', '', '2. 请秘书长提交报告。', '', '第48次全体会议', '2020年12月21日'].join('\n'),
    );
    expect(toParseJson(zh.document)).toMatchObject({ language: 'zh', session: '75', adoptionDate: '2020-12-21', meeting: '第48次全体会议', title: '信息和通信技术促进可持续发展' });
    expect(zh.document.preambular).toHaveLength(1);
    expect(zh.document.operative).toHaveLength(2);
  });

  it('plain text typed by hand: no blank lines, no masthead', () => {
    const r = parseResolutionText(
      'Draft resolution on ocean literacy\n\nThe General Assembly,\nRecalling its resolution 70/1 of 25 September 2015,\nNoting with concern the state of the oceans,\n1. Encourages Member States to promote ocean literacy;\n2. Requests the Secretary-General to report.\n',
    );
    const j = toParseJson(r.document);
    expect(r.format).toBe('text');
    expect(r.document.meta.kind).toBe('draft');
    expect(j.title).toBe('Draft resolution on ocean literacy');
    expect(j.preambular.map((p) => p.text)).toEqual(['Recalling its resolution 70/1 of 25 September 2015,', 'Noting with concern the state of the oceans,']);
    expect(j.operative.map((o) => o.text)).toEqual(['Encourages Member States to promote ocean literacy;', 'Requests the Secretary-General to report.']);
  });

  it('a single unnumbered operative paragraph, one paragraph per line', () => {
    const r = parseResolutionText('The Security Council,\nReaffirming its resolution 242 (1967),\nDecides to remain seized of the matter.');
    expect(r.document.meta.organ).toBe('sc');
    expect(r.document.preambular).toHaveLength(1);
    expect(r.document.operative.map((b) => blockText(b))).toEqual(['Decides to remain seized of the matter.']);
  });

  it('markdown typed by hand: headings, italics, list items, [^1] footnotes', () => {
    const md = '# Draft resolution: Ocean literacy\n\n*The General Assembly,*\n\n*Recalling* its resolution 70/1 of 25 September 2015,[^1]\n\n*Noting with concern* the state of the oceans,\n\n1. *Encourages* Member States to:\n   (a) Promote ocean literacy;\n   (b) Share best practices;\n\n2. *Requests* the Secretary-General to report.\n\n[^1]: See A/70/L.1.\n';
    const r = parseResolutionText(md, { fileName: 'draft.md' });
    const j = toParseJson(r.document);
    expect(r.format).toBe('markdown');
    expect(j.title).toBe('Draft resolution: Ocean literacy');
    expect(j.preambular.map((p) => p.openingPhrase)).toEqual(['Recalling', 'Noting with concern']);
    expect(j.operative[0]!.subparagraphs.map((s) => [s.label, s.text])).toEqual([
      ['(a)', 'Promote ocean literacy;'],
      ['(b)', 'Share best practices;'],
    ]);
    expect(j.footnotes).toEqual([{ mark: '1', text: 'See A/70/L.1.' }]);
    expect(refs(r.document.preambular[0]!.content)).toEqual(['fn1']);
  });
});

describe('input that is not a resolution', () => {
  const corrupt = (text: string, fileName?: string): PlenaryError => {
    try {
      parseResolutionText(text, fileName ? { fileName } : {});
    } catch (e) {
      expect(e).toBeInstanceOf(PlenaryError);
      return e as PlenaryError;
    }
    throw new Error('no error thrown');
  };

  it('refuses empty input, naming the file', () => {
    for (const t of ['', '   \n\n\t ']) {
      const e = corrupt(t, 'drafts/empty.txt');
      expect(e.code).toBe('CORRUPT');
      expect(e.message).toContain('“empty.txt”');
      expect(e.message).toMatch(/empty/);
    }
    expect(corrupt('').message).toMatch(/^The pasted text is empty/);
  });

  it('refuses binary input', () => {
    const bytes = Array.from({ length: 4000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    const e = corrupt(bytes, 'scan.pdf');
    expect(e.code).toBe('CORRUPT');
    expect(e.message).toMatch(/“scan\.pdf” is not a text file/);
    expect(corrupt('The General Assembly,\0\0\0', 'x.txt').code).toBe('CORRUPT');
    const controls = Array.from({ length: 2000 }, (_, i) => (i % 3 === 0 ? '\u0001' : 'a')).join('');
    expect(corrupt(controls, 'y.txt').message).toMatch(/does not look like text/);
  });

  it('refuses prose with no resolution structure', () => {
    const e = corrupt(
      'It was a bright cold day in April, and the clocks were striking thirteen. Winston Smith slipped quickly through the glass doors of Victory Mansions.\n\nThe hallway smelt of boiled cabbage and old rag mats.',
      'novel.txt',
    );
    expect(e.code).toBe('CORRUPT');
    expect(e.message).toMatch(/“novel\.txt” does not read as a resolution/);
  });

  it('finishes on a 50 MB string (refusing it as too large)', () => {
    const t0 = performance.now();
    const e = corrupt('a'.repeat(50_000_000), 'huge.txt');
    expect(e.code).toBe('CORRUPT');
    expect(e.message).toMatch(/“huge\.txt” is too large/);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  // Completion only: the timing of these inputs is measured by `npm run bench -- import`
  // (a timed assertion here would fail on a loaded machine); a super-linear regex never completes.
  it('completes on large, pathological input just under the limit', () => {
    const cases: string[] = [
      'Recalling the non-\n'.repeat(400_000), // one huge hyphenated paragraph
      'Recalling '.repeat(800_000), // one huge line
      'The General Assembly,\n' + ' '.repeat(5_000_000) + 'x\n\nDecides.', // a run of spaces
      'Recalling 1, 2 '.repeat(400_000), // digits everywhere
      Array.from({ length: 200_000 }, (_, i) => `${(i % 999) + 1}. Decides to act;`).join('\n'),
    ];
    // No timing asserted (the machine may be loaded): a quadratic regression blows the timeout.
    for (const t of cases) {
      try {
        expect(parseResolutionText(t).document).toBeDefined();
      } catch (e) {
        expect(e).toBeInstanceOf(PlenaryError);
      }
    }
  }, 300_000);
});
