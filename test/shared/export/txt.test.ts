// Plain-text export: UN layout, width, and the round trip through the text importer.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth, exportText } from '../../../src/shared/export/txt.js';
import { layoutDocument } from '../../../src/shared/export/layout.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { textBlock, type Block, type ResolutionDocument } from '../../../src/shared/resolution/model.js';
import { committeeDraftMeta } from '../../helpers/fixtures.js';
import { CORPUS } from '../../helpers/corpus.js';


const cache = new Map<string, ResolutionDocument>();
function corpusDoc(rel: string): ResolutionDocument {
  let d = cache.get(rel);
  if (!d) {
    const file = path.join(CORPUS, rel);
    d = parseResolutionText(fs.readFileSync(file, 'utf8'), { fileName: path.basename(file) }).document;
    cache.set(rel, d);
  }
  return d;
}

/**
 * What must survive the round trip: every printed paragraph with its section, level, tail flag,
 * label, opening phrase and text (footnote marks as "[^n]", whitespace normalised), the
 * footnotes in order, and the front matter the importer reads.
 */
function normalise(doc: ResolutionDocument) {
  const l = layoutDocument(doc);
  const para = (p: (typeof l.paragraphs)[number]) => ({
    section: p.section,
    level: p.level,
    tail: p.tail,
    label: p.label,
    phrase: p.runs.filter((r) => r.phrase).map((r) => r.text).join('').trim(),
    text: p.runs
      .map((r) => (r.footnote !== undefined ? `[^${r.footnote}]` : r.text))
      .join('')
      .replace(/\s+/g, ' ')
      .replace(/\s+\[\^/g, '[^')
      .trim(),
  });
  return {
    pp: doc.preambular.length,
    op: doc.operative.length,
    paragraphs: l.paragraphs.map(para),
    annexes: l.annexes.map((a) => ({ heading: a.heading, title: a.title, paragraphs: a.paragraphs.map(para) })),
    footnotes: l.footnotes.map((f) => f.text.replace(/\s+/g, ' ').trim()),
    meta: {
      symbol: doc.meta.symbol,
      kind: doc.meta.kind,
      title: doc.meta.title,
      language: doc.meta.language,
      session: doc.meta.session,
      agendaItems: doc.meta.agendaItems,
      adoptionDate: doc.meta.adoptionDate,
      issueDate: doc.meta.issueDate,
      basis: doc.meta.basis,
      meeting: doc.meta.meeting,
    },
  };
}

function roundTrip(doc: ResolutionDocument, width?: number): ResolutionDocument {
  return parseResolutionText(exportText(doc, width ? { width } : {})).document;
}

const FILES = [
  'ga-en/A_RES_79_200.txt', // footnotes, nine operative paragraphs
  'ga-en/A_RES_78_10.txt',
  'ga-en/A_RES_78_218.txt', // operative (a) and (i) lists
  'ga-en/A_RES_79_258.txt', // operative (a) and (i) lists
  'ga-en/A_RES_79_257.txt', // text after a list (tails), an annex
  'ga-en/A_RES_79_323.txt', // an annex with (a), (i) and a. lists
  'ga-en/A_RES_79_1.txt', // the Pact for the Future: one operative paragraph, three annexes
  'fr/A_RES_75_202.fr.md', // French, from markdown, opening phrases set by hand
];

describe('exportText round trip through the text importer', () => {
  for (const f of FILES) {
    it(`gives back the paragraphs of ${path.basename(f)}`, () => {
      const doc = corpusDoc(f);
      expect(doc.operative.length).toBeGreaterThan(0);
      const back = roundTrip(doc);
      const a = normalise(doc);
      const b = normalise(back);
      expect(b.pp).toBe(a.pp);
      expect(b.op).toBe(a.op);
      expect(b.paragraphs).toEqual(a.paragraphs);
      expect(b.annexes).toEqual(a.annexes);
      expect(b.footnotes).toEqual(a.footnotes);
      expect(b.meta).toEqual(a.meta);
    });
  }

  // Their annexes hold text the importer itself misread in the source (numbered headings, "(b)"
  // read as a paragraph): the resolution's own paragraphs still come back.
  for (const f of ['ga-en/A_RES_78_317.txt', 'ga-en/A_RES_79_243.txt']) {
    it(`gives back the preambular and operative paragraphs of ${path.basename(f)}`, () => {
      const doc = corpusDoc(f);
      const a = normalise(doc);
      const b = normalise(roundTrip(doc));
      expect(b.paragraphs).toEqual(a.paragraphs);
      expect(b.footnotes).toEqual(a.footnotes);
      expect(b.annexes.length).toBe(a.annexes.length);
    });
  }

  it('keeps subparagraph structure and tails', () => {
    const shape = (blocks: readonly Block[]): unknown =>
      blocks.map((b) => ({ id: b.id, children: shape(b.children), tail: b.tail.length > 0 }));
    for (const f of ['ga-en/A_RES_78_218.txt', 'ga-en/A_RES_79_257.txt', 'ga-en/A_RES_79_323.txt']) {
      const doc = corpusDoc(f);
      const back = roundTrip(doc);
      expect(shape(back.operative)).toEqual(shape(doc.operative));
      expect(back.annexes.map((a) => shape(a.paragraphs))).toEqual(doc.annexes.map((a) => shape(a.paragraphs)));
    }
    expect(corpusDoc('ga-en/A_RES_78_218.txt').operative.some((b) => b.children.some((c) => c.children.length > 0))).toBe(true);
    // 79/257's former "tail" was its part titles ("Part VI", "Human rights and humanitarian affairs",
    // "Section 24") glued after a list; they are headings now, round-tripped like the rest.
    expect(corpusDoc('ga-en/A_RES_79_257.txt').operative.some((b) => b.heading && b.content.some((i) => i.t === 'text' && i.text.startsWith('Part VI')))).toBe(true);
  });

  it('round-trips at other widths', () => {
    const doc = corpusDoc('ga-en/A_RES_79_200.txt');
    expect(normalise(roundTrip(doc, 50))).toEqual(normalise(doc));
    expect(normalise(roundTrip(doc, 100))).toEqual(normalise(doc));
  });

  it('round-trips with footnote marks as the UN text layer writes them (digits)', () => {
    const doc = corpusDoc('ga-en/A_RES_79_200.txt');
    const text = exportText(doc, { footnoteMarks: 'digits' });
    expect(text).toContain('Conference,1 in which');
    expect(normalise(parseResolutionText(text).document)).toEqual(normalise(doc));
  });

  it('round-trips a draft: structure, tails, a subparagraph in lower case, markdown-like characters', () => {
    const draft: ResolutionDocument = {
      meta: committeeDraftMeta({ sponsorNote: '' }),
      preambular: [textBlock('p1', 'Recalling its resolution of 19 December 2023, with *stars*, _underscores_, <tags> & [^brackets],')],
      operative: [
        {
          id: 'o1',
          content: [{ t: 'text', text: 'Requests the Secretary-General:' }],
          children: [textBlock('o1a', 'To report;', [textBlock('o1ai', 'First;'), textBlock('o1aii', 'second, in lower case;')]), textBlock('o1b', 'To continue;')],
          tail: [{ t: 'text', text: 'All of which by 2025;' }],
        },
        textBlock('o2', 'Decides to remain seized of the matter.'),
      ],
      footnotes: [],
      annexes: [],
    };
    const text = exportText(draft);
    expect(text).toMatch(/^Italy and Turkmenistan: draft resolution$/m);
    expect(text).toMatch(/^ +Distr\.: Limited$/m);
    expect(text).toMatch(/^ +Original: English$/m);
    const back = parseResolutionText(text).document;
    expect(back.meta.symbol).toBe('A/C.2/79/L.26');
    expect(back.meta.kind).toBe('draft');
    expect(back.meta.sponsors).toEqual(['Italy', 'Turkmenistan']);
    expect(normalise(back).paragraphs).toEqual(normalise(draft).paragraphs);
  });
});

describe('exportText layout', () => {
  it('sets out the masthead, heading, title, formula and closing block as the UN does', () => {
    const text = exportText(corpusDoc('ga-en/A_RES_79_200.txt'));
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^United Nations\s+A\/RES\/79\/200$/);
    expect(lines[0]!.length).toBe(72);
    expect(text).toMatch(/^\s+Distr\.: General$/m);
    expect(text).toMatch(/^\s+23 December 2024$/m);
    expect(text).toContain('Seventy-ninth session\nAgenda item 18\nSustainable development\n');
    expect(text).toContain('Resolution adopted by the General Assembly\non 19 December 2024\n');
    expect(text).toContain('[on the report of the Second Committee (A/79/437, para. 17)]');
    expect(text).toMatch(/^79\/200\. +Oil slick on Lebanese shores$/m);
    expect(text).toMatch(/^\*The General Assembly\*,$/m);
    // Preambular paragraphs: first-line indent of four; operative: number, then text at eight.
    expect(text).toMatch(/^ {4}\*Recalling\* its resolutions/m);
    expect(text).toMatch(/^ {4}1\. {2}\*Takes note\* of the report/m);
    expect(text).toMatch(/^ {4}9\. {2}\*Recognizes\*/m);
    // Closing block right-aligned, then the footnotes after a rule.
    expect(text).toMatch(/^ +54th plenary meeting\n +19 December 2024\n\n_{10,}\n\n\[\^1\]: See Report/m);
    expect(text).toContain('Conference,[^1] in which');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('writes subparagraphs as the UN does: (a) as paragraphs, (i) as an indented block', () => {
    const text = exportText(corpusDoc('ga-en/A_RES_78_317.txt'));
    expect(text).toMatch(/^ {4}\(a\) [A-Z]/m);
    expect(text).toMatch(/^ {4}\(i\) [A-Z].*\n {4}\S/m);
  });

  it('respects the width: no line longer than it, except a single long word', () => {
    for (const f of ['ga-en/A_RES_79_200.txt', 'ga-en/A_RES_78_317.txt', 'fr/A_RES_75_202.fr.md']) {
      for (const width of [50, 72, 90]) {
        const lines = exportText(corpusDoc(f), { width }).split('\n');
        const over = lines.filter((l) => displayWidth(l) > width && l.trim().split(/\s+/).length > 1);
        expect(over, `${f} at ${width}`).toEqual([]);
      }
    }
  });

  it('keeps the French space before the semicolon, and never starts a line with one', () => {
    const text = exportText(corpusDoc('fr/A_RES_75_202.fr.md'));
    expect(text).toContain('Nations Unies');
    expect(text).toContain("Point 16 de l'ordre du jour");
    expect(text).toContain("Résolution adoptée par l'Assemblée générale\nle 21 décembre 2020");
    expect(text).toMatch(/^ +48e séance plénière$/m);
    expect(text.match(/ ;$/gm)!.length).toBeGreaterThan(30);
    expect(text).not.toMatch(/^\s*;/m);
    // An opening phrase set by hand (not the lexicon's) survives in asterisks.
    expect(text).toContain("*Se dit consciente* de l'importance");
  });

  it('offers readable footnote marks that do not round-trip', () => {
    const doc = corpusDoc('ga-en/A_RES_79_200.txt');
    expect(exportText(doc, { footnoteMarks: 'brackets' })).toContain('Conference,[1] in which');
    expect(exportText(doc, { footnoteMarks: 'superscript' })).toContain('Conference,¹ in which');
  });
});
