// Akoma Ntoso export (AKN4UN) and import: well-formed XML, structure, ids, and the round trip.
import fs from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { exportAkn, symbolHref } from '../../../src/shared/export/akn.js';
import { parseAkn, symbolFromHref } from '../../../src/shared/import/akn.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { PlenaryError } from '../../../src/shared/errors.js';
import { emptyFrontMatter, textBlock, type Block, type ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { CORPUS } from '../../helpers/corpus.js';

const NOW = new Date('2025-01-15T12:00:00Z');

function corpusDoc(rel: string): ResolutionDocument {
  const file = path.join(CORPUS, rel);
  return parseResolutionText(fs.readFileSync(file, 'utf8'), { fileName: path.basename(file) }).document;
}

const fr = corpusDoc('fr/A_RES_75_202.fr.md');
const pact = corpusDoc('ga-en/A_RES_79_1.txt');
const lists = corpusDoc('ga-en/A_RES_78_218.txt');
// A paragraph whose list is followed by text of its own (its tail). 79/257's apparent tail was
// part titles glued after a list, which the importer now reads as headings; the tail is set here.
const tails = ((d: ReturnType<typeof corpusDoc>) => {
  const b = d.operative.find((x) => x.children.length > 0)!;
  b.tail = [{ t: 'text', text: 'and decides to keep the matter under review;' }];
  return d;
})(corpusDoc('ga-en/A_RES_79_257.txt'));
const res200 = corpusDoc('ga-en/A_RES_79_200.txt');

/**
 * What the round trip must keep, block by block: ids, nesting (levels), text with its marks,
 * footnote references, cross-reference targets, tails, the opening phrase set by hand and the
 * negotiation attributes; the footnotes by id with their text; annexes; the front matter.
 */
function normalise(doc: ResolutionDocument) {
  const block = (b: Block): unknown => ({
    id: b.id,
    content: b.content,
    children: b.children.map(block),
    tail: b.tail,
    phrase: b.phrase,
    status: b.status,
    holder: b.holder,
    base: b.base,
    provenance: b.provenance,
  });
  return JSON.parse(
    JSON.stringify({
      meta: doc.meta,
      preambular: doc.preambular.map(block),
      operative: doc.operative.map(block),
      annexes: doc.annexes.map((a) => ({ id: a.id, heading: a.heading, title: a.title, paragraphs: a.paragraphs.map(block) })),
      footnotes: [...doc.footnotes].sort((a, b) => a.id.localeCompare(b.id)),
    }),
  ) as unknown;
}

/** A draft that uses everything the model has: lists, tails, cross-references, notes, negotiation. */
function richDraft(): ResolutionDocument {
  return {
    meta: emptyFrontMatter({
      kind: 'revision',
      organ: 'ga-c3',
      symbol: 'A/C.3/80/L.12/Rev.1',
      session: '80',
      agendaItems: [
        { number: '13', title: 'Integrated follow-up' },
        { number: '117 (b)', title: 'Elections' },
      ],
      sponsors: ['Italy', 'Côte d’Ivoire', 'Turkmenistan'],
      sponsorNote: 'On behalf of the Group of 77 & China.',
      title: 'A title with <angle> brackets & ampersands',
      issueDate: '2025-10-30',
      originalLanguage: 'fr',
    }),
    preambular: [
      { ...textBlock('p1', 'Recalling its resolution 74/197,'), content: [{ t: 'text', text: 'Recalling its resolution ' }, { t: 'text', text: '74/197', symbolRef: 'A/RES/74/197' }, { t: 'text', text: ' of 19 December 2019,' }, { t: 'fn', id: 'f1' }] },
      { id: 'p2', content: [{ t: 'text', text: 'Noting that:' }], children: [textBlock('p2a', 'First,'), textBlock('p2b', 'Second,')], tail: [{ t: 'text', text: 'and more,' }] },
      { ...textBlock('p3', 'Deeply concerned, as an italic phrase set by hand,'), phrase: 16 },
    ],
    operative: [
      {
        id: 'o1',
        content: [{ t: 'text', text: 'Requests the Secretary-General:' }],
        children: [
          { ...textBlock('o1a', 'To report, in accordance with ', [textBlock('o1ai', 'First;'), textBlock('o1aii', 'Second;')]), tail: [{ t: 'text', text: 'and then;' }] },
          { id: 'o1b', content: [{ t: 'text', text: 'To continue, see ' }, { t: 'xref', targets: ['o3'] }, { t: 'text', text: ';' }], children: [], tail: [] },
        ],
        tail: [{ t: 'text', text: 'All of which by 2026;' }],
        status: 'agreed',
      },
      { ...textBlock('o2', 'Encourages States, in the light of paragraphs 1 to 3;'), content: [{ t: 'text', text: 'Encourages States, in the light of ' }, { t: 'xref', targets: ['o1', 'o3'] }, { t: 'text', text: ', to act' }, { t: 'fn', id: 'f1' }, { t: 'text', text: ';' }], status: 'pending', holder: 'EU' },
      { ...textBlock('o3', 'Decides to remain seized of the matter, '), content: [{ t: 'text', text: 'Decides to remain ' }, { t: 'text', text: 'actively', em: true }, { t: 'text', text: ' seized, see ' }, { t: 'text', text: 'the site', link: 'https://example.org/a?b=1&c=2' }, { t: 'text', text: ' and ' }, { t: 'xref', targets: ['gone'] }, { t: 'fn', id: 'f2' }, { t: 'text', text: '.' }], provenance: { symbol: 'A/RES/74/197', paragraph: 'OP5', hash: 'abc123', text: 'Decides to remain\nseized.' } },
    ],
    footnotes: [
      { id: 'f1', content: [{ t: 'text', text: 'See ' }, { t: 'text', text: 'A/75/454', symbolRef: 'A/75/454' }, { t: 'text', text: ' & annex.' }] },
      { id: 'f2', content: [{ t: 'text', text: 'Second note.' }] },
      { id: 'f3', content: [{ t: 'text', text: 'A note that nothing references.' }] },
    ],
    annexes: [{ id: 'x1', heading: 'Annex', title: 'Programme of action', paragraphs: [{ ...textBlock('x1p1', 'We commit;'), base: 4 }, textBlock('x1p2', 'We decide.', [textBlock('x1p2a', 'One;')])] }],
  };
}

describe('exportAkn', () => {
  it('writes well-formed XML', () => {
    for (const d of [fr, pact, lists, tails, res200, richDraft()]) {
      const xml = exportAkn(d, { now: NOW });
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"')).toBe(true);
    }
  });

  it('identifies the work, expression and manifestation after the AKN4UN URI pattern', () => {
    const xml = exportAkn(fr, { now: NOW });
    expect(xml).toContain('<statement name="resolution" contains="originalVersion">');
    expect(xml).toContain('<FRBRthis value="/akn/un/statement/deliberation/un-ga/2020-12-21/75-202/!main"/>');
    expect(xml).toContain('<FRBRuri value="/akn/un/statement/deliberation/un-ga/2020-12-21/75-202"/>');
    expect(xml).toContain('<FRBRthis value="/akn/un/statement/deliberation/un-ga/2020-12-21/75-202/fra@/!main"/>');
    expect(xml).toContain('<FRBRlanguage language="fra"/>');
    expect(xml).toContain('<FRBRdate date="2025-01-15" name="generation"/>');
    expect(xml).toContain('<TLCOrganization eId="generalAssembly" href="/akn/ontology/organizations/un/generalAssembly" showAs="Assemblée générale"/>');
    expect(xml).toContain('<plenary:symbol>A/RES/75/202</plenary:symbol>');
  });

  it('writes the preface: symbol, organ, dates, session, agenda item, heading, basis, title, stage', () => {
    const xml = exportAkn(fr, { now: NOW });
    expect(xml).toContain('<docNumber>A/RES/75/202</docNumber>');
    expect(xml).toContain('<docAuthority refersTo="#generalAssembly">Assemblée générale</docAuthority>');
    expect(xml).toContain('<docDate date="2020-12-29" refersTo="#issue">29 décembre 2020</docDate>');
    expect(xml).toContain('<session value="75">Soixante-quinzième session</session>');
    expect(xml).toContain("<docType>Résolution adoptée par l'Assemblée générale</docType> <docDate date=\"2020-12-21\" refersTo=\"#adoption\">le 21 décembre 2020</docDate>");
    expect(xml).toContain('<p class="basis">[<i>sur la base du rapport de la Deuxième Commission (A/75/454, par. 11)</i>]</p>');
    expect(xml).toContain('<docNumber>75/202.</docNumber> <docTitle>Les technologies');
    expect(xml).toContain('<docStage>adopted</docStage>');
    const d = exportAkn(richDraft(), { now: NOW });
    expect(d).toContain('<statement name="resolutionDraft"');
    expect(d).toContain('<docProponent refersTo="#sponsor_2" as="#sponsor">Côte d’Ivoire</docProponent>');
    expect(d).toContain('<docCommittee refersTo="#thirdCommittee">Third Committee</docCommittee>');
    expect(d).toContain('<authorialNote marker="*" placement="bottom" eId="fnote_sponsors"><p>On behalf of the Group of 77 &amp; China.</p></authorialNote> <docType>revised draft resolution</docType>');
  });

  it('writes the preamble and the operative paragraphs with eIds from the numbering and wIds from the ids', () => {
    const xml = exportAkn(fr, { now: NOW });
    expect(xml).toContain('<formula name="enactingFormula" eId="preamble__formula_1"><p><i>L\'Assemblée générale</i>,</p></formula>');
    expect(xml).toContain('<container name="preambularParagraph" eId="preamble__para_1" wId="pp1"><p><i>Rappelant</i> sa résolution <ref href="/akn/un/statement/deliberation/un-ga/74-197/!main" plenary:symbol="A/RES/74/197">74/197</ref>');
    expect(xml).toMatch(/<paragraph eId="para_7" wId="op7">\n\s*<num>7\.<\/num>\n\s*<content><p><i>[^<]+<\/i>/);
    expect(xml).toContain('<conclusions>\n      <p class="meeting"><i>48e séance plénière</i></p>\n      <p class="date"><i><date date="2020-12-21" refersTo="#adoption">21 décembre 2020</date></i></p>');
  });

  it('writes subparagraphs as list, intro, point, wrapUp', () => {
    const xml = exportAkn(lists, { now: NOW });
    expect(xml).toMatch(/<list eId="para_(\d+)__list_1">\n\s*<intro><p>.*:<\/p><\/intro>\n\s*<point eId="para_\1__point_a" wId="op\1-a">\n\s*<num>\(a\)<\/num>/);
    expect(xml).toMatch(/<point eId="para_\d+__point_[a-z]+__point_i" wId="op\d+-[a-z]+-i">\n\s*<num>\(i\)<\/num>/);
    const t = exportAkn(tails, { now: NOW });
    expect(t).toMatch(/<\/point>\n\s*<wrapUp><p>[^<]+<\/p><\/wrapUp>\n\s*<\/list>/);
  });

  it('writes footnotes inline where they are referenced', () => {
    const xml = exportAkn(fr, { now: NOW });
    expect(xml).toContain('sur la question<authorialNote marker="1" placement="bottom" eId="fnote_1" wId="fn1"><p>Résolutions <ref');
    const d = exportAkn(richDraft(), { now: NOW });
    // A second reference to the same note refers to it; a note that nothing references is kept in meta.
    expect(d).toContain('<noteRef href="#fnote_1" marker="1"/>');
    expect(d).toContain('<notes source="#plenary">\n        <note eId="fnote_u1" wId="f3"><p>A note that nothing references.</p></note>');
  });

  it('writes cross-references to eIds, ranges as rref, and symbols as AKN references', () => {
    const d = exportAkn(richDraft(), { now: NOW });
    expect(d).toContain('To continue, see <ref href="#para_3">paragraph 3 below</ref>;');
    expect(d).toContain('in the light of <rref from="#para_1" upTo="#para_3">paragraphs 1 to 3 above</rref>, to act');
    expect(d).toContain('<ref href="#" class="brokenReference" plenary:targets="gone">paragraph [deleted reference]</ref>');
    expect(d).toContain('<a href="https://example.org/a?b=1&amp;c=2">the site</a>');
    expect(d).toContain('<i class="emphasis">actively</i>');
    expect(symbolHref('A/RES/74/197')).toBe('/akn/un/statement/deliberation/un-ga/74-197/!main');
    expect(symbolHref('S/RES/2532 (2020)')).toBe('/akn/un/statement/deliberation/un-sc/2532-2020/!main');
    expect(symbolFromHref(symbolHref('S/RES/2532 (2020)'))).toBe('S/RES/2532 (2020)');
    expect(symbolFromHref(symbolHref('E/RES/2020/12'))).toBe('E/RES/2020/12');
    expect(symbolFromHref('/akn/un/statement/deliberation/un-ga/2019-12-19/74-197/!main')).toBe('A/RES/74/197');
  });

  it('changes eIds when paragraphs are renumbered, never wIds', () => {
    const d = richDraft();
    const before = exportAkn(d, { now: NOW });
    expect(before).toContain('<paragraph eId="para_1" wId="o1"');
    d.operative.unshift(textBlock('o0', 'Welcomes the report;'));
    const after = exportAkn(d, { now: NOW });
    expect(after).toContain('<paragraph eId="para_1" wId="o0"');
    expect(after).toContain('<paragraph eId="para_2" wId="o1"');
    expect(after).toContain('<point eId="para_2__point_a" wId="o1a"');
    // The cross-reference follows its target's new eId and wording.
    expect(after).toContain('To continue, see <ref href="#para_4">paragraph 4 below</ref>;');
    expect(parseAkn(after).operative[1]!.children[1]!.content[1]).toEqual({ t: 'xref', targets: ['o3'] });
  });
});

describe('parseAkn', () => {
  for (const [label, doc] of [
    ['the French A/RES/75/202', fr],
    ['A/RES/79/1 and its long annexes', pact],
    ['A/RES/78/218 with (a) and (i) lists', lists],
    ['A/RES/79/257 with text after lists', tails],
    ['a revised draft with every feature', richDraft()],
  ] as const) {
    it(`gives back ${label} exactly`, () => {
      const back = parseAkn(exportAkn(doc, { now: NOW }), 'export.akn');
      expect(normalise(back)).toEqual(normalise(doc));
    });
  }

  it('keeps the opening phrase as text and its hand-set length', () => {
    const back = parseAkn(exportAkn(fr, { now: NOW }));
    expect(back.preambular[0]!.content[0]).toEqual({ t: 'text', text: 'Rappelant sa résolution ' });
    const byHand = fr.operative.filter((b) => b.phrase !== undefined);
    expect(byHand.length).toBeGreaterThan(0);
    for (const b of byHand) expect(back.operative.find((x) => x.id === b.id)!.phrase).toBe(b.phrase);
  });

  it('reads Akoma Ntoso written by other tools reasonably', () => {
    const xml = `<?xml version="1.0"?>
<akn:akomaNtoso xmlns:akn="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
 <akn:statement name="resolution">
  <akn:meta><akn:identification source="#x"><akn:FRBRExpression><akn:FRBRlanguage language="fra"/></akn:FRBRExpression></akn:identification></akn:meta>
  <akn:preface><akn:p><akn:docNumber>A/RES/75/202</akn:docNumber></akn:p><akn:p><akn:docTitle>Les technologies</akn:docTitle></akn:p>
   <akn:p>Résolution adoptée par l'Assemblée générale le <akn:docDate date="2020-12-21">21 décembre 2020</akn:docDate></akn:p></akn:preface>
  <akn:preamble><akn:formula name="enactingFormula"><akn:p>L'Assemblée générale,</akn:p></akn:formula>
   <akn:recitals><akn:recital eId="rec_1"><akn:p><akn:i>Rappelant</akn:i> sa résolution <akn:ref href="/akn/un/statement/deliberation/un-ga/2019-12-19/74-197/!main">74/197</akn:ref>,<akn:authorialNote marker="1" eId="n1"><akn:p>Note &amp; texte.</akn:p></akn:authorialNote></akn:p></akn:recital>
   <akn:recital><akn:p><akn:i>Consciente</akn:i> de <akn:term refersTo="#x">la chose</akn:term>, voir <akn:ref href="#art_1__para_2">paragraphe 2</akn:ref>,</akn:p></akn:recital></akn:recitals>
  </akn:preamble>
  <akn:mainBody>
   <akn:article eId="art_1"><akn:num>Article 1</akn:num><akn:heading>Objet</akn:heading>
    <akn:paragraph eId="art_1__para_1"><akn:num>1.</akn:num><akn:content><akn:p><akn:i>Prie</akn:i> le Secrétaire général<akn:noteRef href="#n1"/> ;</akn:p></akn:content></akn:paragraph>
    <akn:paragraph eId="art_1__para_2"><akn:num>2.</akn:num><akn:intro><akn:p>Décide :</akn:p></akn:intro>
     <akn:point><akn:num>a)</akn:num><akn:content><akn:p>premier <akn:somethingNew>gardé</akn:somethingNew> ;</akn:p></akn:content></akn:point>
     <akn:point><akn:num>b)</akn:num><akn:content><akn:p>second.</akn:p></akn:content></akn:point>
    </akn:paragraph>
   </akn:article>
  </akn:mainBody>
  <akn:conclusions><akn:p>48e séance plénière</akn:p><akn:p><akn:date date="2020-12-21">21 décembre 2020</akn:date></akn:p></akn:conclusions>
 </akn:statement>
</akn:akomaNtoso>`;
    const d = parseAkn(xml, 'other.xml');
    expect(d.meta).toMatchObject({ symbol: 'A/RES/75/202', kind: 'resolution', organ: 'ga', session: '75', language: 'fr', title: 'Les technologies', adoptionDate: '2020-12-21', meeting: '48e séance plénière' });
    expect(d.preambular.map((b) => b.content)).toEqual([
      [{ t: 'text', text: 'Rappelant sa résolution ' }, { t: 'text', text: '74/197', symbolRef: 'A/RES/74/197' }, { t: 'text', text: ',' }, { t: 'fn', id: 'fn1' }],
      [{ t: 'text', text: 'Consciente de la chose, voir ' }, { t: 'xref', targets: ['op3'] }, { t: 'text', text: ',' }],
    ]);
    expect(d.footnotes).toEqual([{ id: 'fn1', content: [{ t: 'text', text: 'Note & texte.' }] }]);
    // The article's heading, then its paragraphs; the unknown element's text is kept.
    expect(d.operative.map((b) => b.id)).toEqual(['op1', 'op2', 'op3']);
    expect(d.operative[1]!.content).toEqual([{ t: 'text', text: 'Prie le Secrétaire général' }, { t: 'fn', id: 'fn1' }, { t: 'text', text: ' ;' }]);
    expect(d.operative[2]!.children.map((c) => c.content)).toEqual([[{ t: 'text', text: 'premier gardé ;' }], [{ t: 'text', text: 'second.' }]]);
  });

  it('refuses what is not Akoma Ntoso with a clear error', () => {
    const attempt = (xml: string) => {
      try {
        parseAkn(xml, '/tmp/draft.akn');
      } catch (e) {
        return e;
      }
      return null;
    };
    for (const [xml, why] of [
      ['<akomaNtoso><statement><p>text</statement></akomaNtoso>', /Expected closing tag 'p'/],
      ['<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement>', /never closed/],
      ['<html><body><p>A resolution</p></body></html>', /the root element is <html>, not <akomaNtoso>/],
      ['The General Assembly, Recalling …', /does not begin with an XML tag/],
      ['', /empty/],
      ['<akomaNtoso/>', /holds no document/],
    ] as const) {
      const e = attempt(xml);
      expect(e).toBeInstanceOf(PlenaryError);
      expect((e as PlenaryError).code).toBe('CORRUPT');
      expect((e as PlenaryError).message).toMatch(/^“draft\.akn” is not valid Akoma Ntoso XML: /);
      expect((e as PlenaryError).message).toMatch(why);
    }
  });
});
