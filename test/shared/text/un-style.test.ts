// The UN editorial style check of English text (src/shared/text/un-style.ts): positive and negative
// cases of each rule, and the real corpus paragraphs, where every finding is a known deviation.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quotedSpans, unStyleIssues } from '../../../src/shared/text/un-style.js';
import { CORPUS } from '../../helpers/corpus.js';

const fixes = (text: string) => unStyleIssues(text, 'en').map((i) => [i.found, i.replacement]);

describe('spelling as the UN writes it', () => {
  it('-ize (Oxford spelling), with derived forms and the case kept', () => {
    expect(fixes('Recognising the role of regional organisations, emphasises that it organised')).toEqual([
      ['Recognising', 'Recognizing'],
      ['organisations', 'organizations'],
      ['emphasises', 'emphasizes'],
      ['organised', 'organized'],
    ]);
    expect(fixes('the organisational structure and prioritisation')).toEqual([
      ['organisational', 'organizational'],
      ['prioritisation', 'prioritization'],
    ]);
  });

  it('words never spelt -ize keep -ise, and their -ize spellings are flagged', () => {
    expect(fixes('to advertise, comprise, exercise, supervise and compromise, to revise and devise')).toEqual([]);
    expect(fixes('to supervize and to exercize, as it comprizes')).toEqual([
      ['supervize', 'supervise'],
      ['exercize', 'exercise'],
      ['comprizes', 'comprises'],
    ]);
  });

  it('-yse, -our, -re, -ce, single and double l, programme, ageing, per cent', () => {
    expect(fixes('to analyze the labor market and paralyzed centers of defense')).toEqual([
      ['analyze', 'analyse'],
      ['labor', 'labour'],
      ['paralyzed', 'paralysed'],
      ['centers', 'centres'],
      ['defense', 'defence'],
    ]);
    expect(fixes('to fulfill the program on aging, 40 percent of it, traveled')).toEqual([
      ['fulfill', 'fulfil'],
      ['program', 'programme'],
      ['aging', 'ageing'],
      ['percent', 'per cent'],
      ['traveled', 'travelled'],
    ]);
    expect(fixes('analyse, labour, centre, defence, fulfil, fulfilling, programme, ageing, per cent, travelled, judgment')).toEqual([]);
  });

  it('leaves proper names, computer programs and quoted titles alone', () => {
    expect(fixes('Welcomes the work of the Organisation for Economic Co-operation and Development')).toEqual([]);
    expect(fixes('the United States Department of Labor and the Centers for Disease Control')).toEqual([]);
    expect(fixes('a device, including a computer program, designed for the purpose')).toEqual([]);
    expect(fixes('its resolution entitled “Strengthening the program on labor statistics”')).toEqual([]);
    // At a sentence start a capital is no proper name.
    expect(fixes('Organises a meeting; Analyzes the data.')).toEqual([
      ['Organises', 'Organizes'],
      ['Analyzes', 'Analyses'],
    ]);
  });

  it('judgement becomes judgment (the UN spelling, legal or not)', () => {
    expect(fixes('the judgement of the Court and human judgement')).toEqual([
      ['judgement', 'judgment'],
      ['judgement', 'judgment'],
    ]);
  });
});

describe('capitalised UN names', () => {
  it('flags lower-case or unhyphenated forms of the organs and the Organization', () => {
    expect(fixes('Requests the secretary-general to report to the general assembly and the security council')).toEqual([
      ['secretary-general', 'Secretary-General'],
      ['general assembly', 'General Assembly'],
      ['security council', 'Security Council'],
    ]);
    expect(fixes('the Secretary General, the united nations, the Human rights council and the economic and social council')).toEqual([
      ['Secretary General', 'Secretary-General'],
      ['united nations', 'United Nations'],
      ['Human rights council', 'Human Rights Council'],
      ['economic and social council', 'Economic and Social Council'],
    ]);
  });

  it('Member States, and States Members of the United Nations', () => {
    expect(fixes('Urges member states and all Member states')).toEqual([
      ['member states', 'member States'],
      ['Member states', 'Member States'],
    ]);
    expect(fixes('the member States of the United Nations and states members of the United Nations')).toEqual([
      ['member States', 'Member States'],
      ['states members', 'States Members'],
    ]);
  });

  it('leaves what is right, and what belongs to other organizations, alone', () => {
    const right = [
      'Requests the Secretary-General, a member of the Security Council, the Under-Secretary-General and the Deputy Secretary-General',
      'the member States of the African Union and its member States',
      'States members of the specialized agencies and the States members of the United Nations Standing Advisory Committee',
      'the Secretary General of the North Atlantic Treaty Organization, the General Assembly of the International Union',
      'the national security council of a State',
      'Member States and States Members of the United Nations',
    ];
    for (const t of right) expect(fixes(t), t).toEqual([]);
  });
});

describe('dates as "1 January 2025"', () => {
  it('flags month-first, ordinal and numeric dates, with the UN form', () => {
    expect(fixes('on January 1, 2025, on March 3rd 2024, on the 1st of January, on 21st December 2020')).toEqual([
      ['January 1, 2025', '1 January 2025'],
      ['March 3rd 2024', '3 March 2024'],
      ['1st of January', '1 January'],
      ['21st December 2020', '21 December 2020'],
    ]);
    expect(fixes('by 31/12/2025, by 12/31/2025, on 01/01/2025 and on 2025-03-09')).toEqual([
      ['31/12/2025', '31 December 2025'],
      ['12/31/2025', '31 December 2025'],
      ['01/01/2025', '1 January 2025'],
      ['2025-03-09', '9 March 2025'],
    ]);
  });

  it('reports a numeric date whose day and month cannot be told apart, without a fix', () => {
    const [i] = unStyleIssues('before 03/04/2025', 'en');
    expect([i!.rule, i!.found, i!.replacement]).toEqual(['date-ambiguous', '03/04/2025', null]);
  });

  it('leaves UN dates, symbols, ranges and impossible dates alone', () => {
    for (const t of ['on 1 January 2025', 'resolution 75/202 of 21 December 2020', 'E/RES/2020/12', 'in May 2025', '2014-2024', 'February 30, 2025', 'A/C.2/80/L.26', 'in May 2 sessions were held']) {
      expect(fixes(t), t).toEqual([]);
    }
  });
});

describe('scope', () => {
  it('checks English only', () => {
    expect(unStyleIssues('Requests the secretary-general to organise', 'fr')).toEqual([]);
    expect(unStyleIssues('Requests the secretary-general to organise', 'es')).toEqual([]);
  });

  it('finds the quoted spans: “…”, «…» and straight pairs; an unclosed quote opens no span', () => {
    expect(quotedSpans('a “b” c "d" e «f» g “h')).toEqual([
      [2, 5],
      [8, 11],
      [14, 17],
    ]);
  });
});

describe('the corpus: the operative paragraphs of 659 resolutions', () => {
  it('finds exactly the known deviations of the UN texts themselves, no false positive', () => {
    const file = path.join(CORPUS, 'ga-en', 'operative-paragraphs.json');
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { operative: string[] }>;
    const found: string[] = [];
    let paragraphs = 0;
    for (const [symbol, r] of Object.entries(data)) {
      for (const p of r.operative) {
        paragraphs++;
        for (const i of unStyleIssues(p.replace(/\s+/gu, ' '), 'en')) found.push(`${symbol} ${i.found} → ${i.replacement}`);
      }
    }
    expect(paragraphs).toBeGreaterThan(15_000);
    // Each one read in context: the UN's own inconsistencies (its usual forms are Secretary-General,
    // fulfil (508 times), programme (2,287, and "programmes" earlier in the same paragraph), -ize).
    expect(found.sort()).toEqual(
      [
        'A/RES/78/1 fulfill → fulfil',
        'A/RES/78/1 fulfill → fulfil',
        'A/RES/78/292 Secretary General → Secretary-General',
        'A/RES/78/297 Secretary General → Secretary-General',
        'A/RES/78/301 Secretary General → Secretary-General',
        'A/RES/79/154 programs → programmes',
        'A/RES/79/2 incentivising → incentivizing',
        'A/RES/79/284 Secretary General → Secretary-General',
        'A/RES/79/284 Secretary General → Secretary-General',
        'A/RES/79/301 Secretary General → Secretary-General',
        'A/RES/79/304 Secretary General → Secretary-General',
        'A/RES/79/327 Secretary General → Secretary-General',
      ].sort(),
    );
  });
});
