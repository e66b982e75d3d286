import { describe, expect, it } from 'vitest';
import {
  citationNumber,
  findSymbolRefs,
  parseSymbol,
  resolutionSymbol,
  validateSymbol,
} from '../../../src/shared/resolution/symbols.js';

describe('parseSymbol', () => {
  it('parses General Assembly resolutions', () => {
    expect(parseSymbol('A/RES/75/202')).toEqual({
      symbol: 'A/RES/75/202', body: 'A', kind: 'resolution', organ: 'ga', session: '75', number: '202',
    });
    expect(parseSymbol('A/RES/S-13/2')).toMatchObject({ kind: 'resolution', session: 'S-13', number: '2' });
    expect(parseSymbol('A/RES/ES-8/2')).toMatchObject({ kind: 'resolution', session: 'ES-8', number: '2' });
    expect(parseSymbol('A/RES/31/16 A')).toMatchObject({ session: '31', number: '16', part: 'A', symbol: 'A/RES/31/16 A' });
    expect(parseSymbol('A/RES/31/16A')?.symbol).toBe('A/RES/31/16 A');
  });

  it('parses resolutions before the 31st session (roman session)', () => {
    expect(parseSymbol('A/RES/217 (III)')).toEqual({
      symbol: 'A/RES/217 (III)', body: 'A', kind: 'resolution', organ: 'ga', session: '3', sessionRoman: 'III', number: '217',
    });
    expect(parseSymbol('A/RES/217(III)')?.symbol).toBe('A/RES/217 (III)');
    expect(parseSymbol('A/RES/217 A (III)')).toMatchObject({ part: 'A', number: '217', session: '3' });
    expect(parseSymbol('A/RES/217 (III) A')?.symbol).toBe('A/RES/217 A (III)');
    expect(parseSymbol('A/RES/377 (V)')).toMatchObject({ session: '5', sessionRoman: 'V' });
    expect(parseSymbol('A/RES/997 (ES-I)')).toMatchObject({ session: 'ES-1', sessionRoman: 'ES-I' });
    expect(parseSymbol('A/RES/1 (I)')).toMatchObject({ session: '1', number: '1' });
  });

  it('parses drafts, revisions, addenda and corrigenda', () => {
    expect(parseSymbol('A/80/L.10')).toEqual({ symbol: 'A/80/L.10', body: 'A', kind: 'draft', organ: 'ga', session: '80', number: '10' });
    expect(parseSymbol('A/C.2/80/L.26/Rev.1')).toEqual({
      symbol: 'A/C.2/80/L.26/Rev.1', body: 'A', kind: 'draft', organ: 'ga-c2', session: '80', number: '26', committee: 2, revision: 1,
    });
    expect(parseSymbol('A/C.3/79/L.5/Add.1')).toMatchObject({ organ: 'ga-c3', committee: 3, addendum: 1, kind: 'draft' });
    expect(parseSymbol('A/C.3/79/L.5/Corr.1')).toMatchObject({ corrigendum: 1 });
    expect(parseSymbol('A/C.2/80/L.26/Rev.1/Corr.2')).toMatchObject({ revision: 1, corrigendum: 2 });
    expect(parseSymbol('A/C.1/80/L.1')?.organ).toBe('ga-c1');
    expect(parseSymbol('A/C.6/80/L.5')?.organ).toBe('ga-c6');
    expect(parseSymbol('A/ES-10/L.22')).toMatchObject({ kind: 'draft', session: 'ES-10', number: '22' });
  });

  it('parses reports and other GA documents', () => {
    expect(parseSymbol('A/79/437')).toEqual({ symbol: 'A/79/437', body: 'A', kind: 'report', organ: 'ga', session: '79', number: '437' });
    expect(parseSymbol('A/79/431/Add.1')).toMatchObject({ kind: 'report', number: '431', addendum: 1 });
    expect(parseSymbol('A/79/PV.12')).toMatchObject({ kind: 'other', number: '12' });
    expect(parseSymbol('A/C.3/79/SR.5')).toMatchObject({ kind: 'other', committee: 3 });
    expect(parseSymbol('A/C.2/79/3')).toMatchObject({ kind: 'other', organ: 'ga-c2' });
  });

  it('parses Security Council symbols', () => {
    expect(parseSymbol('S/RES/2532 (2020)')).toEqual({
      symbol: 'S/RES/2532 (2020)', body: 'S', kind: 'resolution', organ: 'sc', number: '2532', year: 2020,
    });
    expect(parseSymbol('S/RES/2532(2020)')?.symbol).toBe('S/RES/2532 (2020)');
    expect(parseSymbol('S/2020/123')).toMatchObject({ kind: 'other', organ: 'sc', year: 2020, number: '123' });
    expect(parseSymbol('S/PV.8785')).toMatchObject({ kind: 'other', number: '8785' });
    expect(parseSymbol('S/PRST/2020/1')).toMatchObject({ kind: 'other', year: 2020 });
  });

  it('parses ECOSOC symbols', () => {
    expect(parseSymbol('E/RES/2020/12')).toEqual({
      symbol: 'E/RES/2020/12', body: 'E', kind: 'resolution', organ: 'ecosoc', number: '12', year: 2020,
    });
    expect(parseSymbol('E/2020/L.5')).toMatchObject({ kind: 'draft', organ: 'ecosoc', year: 2020, number: '5' });
    expect(parseSymbol('E/2020/12')).toMatchObject({ kind: 'report' });
    expect(parseSymbol('E/RES/1503 (XLVIII)')).toMatchObject({ kind: 'resolution', session: '48', sessionRoman: 'XLVIII' });
    expect(parseSymbol('E/CN.6/2020/L.1')).toMatchObject({ kind: 'draft', organ: 'other', commission: 6 });
  });

  it('parses Human Rights Council symbols', () => {
    expect(parseSymbol('A/HRC/RES/45/1')).toEqual({
      symbol: 'A/HRC/RES/45/1', body: 'A/HRC', kind: 'resolution', organ: 'hrc', session: '45', number: '1',
    });
    expect(parseSymbol('A/HRC/55/L.12')).toMatchObject({ kind: 'draft', session: '55', number: '12' });
    expect(parseSymbol('A/HRC/55/12')).toMatchObject({ kind: 'report' });
    expect(parseSymbol('A/HRC/RES/S-30/1')).toMatchObject({ kind: 'resolution', session: 'S-30' });
    expect(parseSymbol('A/HRC/DEC/45/101')).toMatchObject({ kind: 'other' });
  });

  it('ignores surrounding spaces', () => {
    expect(parseSymbol('  A/RES/75/202 ')?.symbol).toBe('A/RES/75/202');
  });

  it('rejects malformed symbols', () => {
    for (const bad of [
      '', 'A', 'A/RES/', 'A/RES/75', 'A/RES/75/', 'X/RES/1', 'A/C.9/80/L.1', 'A/C.0/80/L.1', 'A/C.7/80/L.1',
      'a/res/75/202', 'A/RES/075/202', 'A/RES/75/0', 'A/RES/30/1', 'A/RES/217 (XXXV)', 'A/RES/217 (IIII)',
      'A/RES/217 A (III) B', 'A/80/L.', 'A/80/L.10/Rev', 'A/80/L.10/Rev.1/Rev.2', 'A/80/L.10/rev.1',
      'S/RES/2532', 'S/RES/2532 (1800)', 'E/RES/20/12', 'E/RES/2020', 'A/HRC/RES/45/L.1', 'A/HRC/RES/45',
      'A/75/454 extra', 'A//75/454', 'resolution 74/197',
    ]) expect(parseSymbol(bad), bad).toBeNull();
  });
});

describe('validateSymbol', () => {
  it('accepts every example of the spec', () => {
    for (const s of [
      'A/RES/75/202', 'A/RES/217 (III)', 'A/RES/S-13/2', 'A/RES/ES-8/2', 'A/RES/31/16 A', 'A/80/L.10',
      'A/C.2/80/L.26/Rev.1', 'A/C.3/79/L.5/Add.1', 'A/C.3/79/L.5/Corr.1', 'A/79/437', 'A/79/431/Add.1',
      'S/RES/2532 (2020)', 'E/RES/2020/12', 'A/HRC/RES/45/1', 'A/HRC/55/L.12', 'E/2020/L.5',
    ]) {
      expect(parseSymbol(s), s).not.toBeNull();
      expect(validateSymbol(s), s).toBeNull();
    }
  });

  it('accepts an empty symbol (not yet assigned)', () => {
    expect(validateSymbol('')).toBeNull();
    expect(validateSymbol('   ', 'draft', 'ga-c2')).toBeNull();
  });

  it('explains what a symbol looks like', () => {
    expect(validateSymbol('A/RES/')).toMatch(/A\/RES\/79\/200/);
    expect(validateSymbol('X/RES/1')).toMatch(/starts with A\/ \(General Assembly\), S\/ .*A\/HRC\//);
    expect(validateSymbol('A/C.9/80/L.1')).toMatch(/six Main Committees/);
    expect(validateSymbol('A/C.2/80/L')).toBe('A draft symbol looks like A/C.2/80/L.26 or A/80/L.10 (/Rev.1 for a revision).');
    expect(validateSymbol('A/80/L.x')).toMatch(/A draft symbol looks like A\/C.2\/80\/L.26 or A\/80\/L.10/);
    expect(validateSymbol('S/RES/2532')).toMatch(/S\/RES\/2532 \(2020\)/);
    expect(validateSymbol('E/2020')).toMatch(/E\/RES\/2020\/12/);
    expect(validateSymbol('A/HRC/RES/')).toMatch(/A\/HRC\/RES\/45\/1/);
    expect(validateSymbol('A/foo')).toMatch(/General Assembly symbol looks like/);
  });

  it('points to the roman form before the 31st session', () => {
    expect(validateSymbol('A/RES/25/1')).toMatch(/roman numerals.*\(XXV\)/);
  });

  it('suggests the corrected form of a sloppily typed symbol', () => {
    expect(validateSymbol('a/c.2/80/l.26/rev.1')).toBe('Did you mean A/C.2/80/L.26/Rev.1? Symbols are written in capitals, without spaces around “/”.');
    expect(validateSymbol('A / RES / 75 / 202')).toMatch(/^Did you mean A\/RES\/75\/202\?/);
    expect(validateSymbol('A/C.2/80/L.26/Rev1')).toMatch(/^Did you mean A\/C.2\/80\/L.26\/Rev.1\?/);
    expect(validateSymbol('A/80/L10')).toMatch(/^Did you mean A\/80\/L.10\?/);
    expect(validateSymbol('s/res/2532 (2020)')).toMatch(/^Did you mean S\/RES\/2532 \(2020\)\?/);
  });

  it('checks the symbol against the kind of document', () => {
    expect(validateSymbol('A/RES/75/202', 'resolution')).toBeNull();
    expect(validateSymbol('A/80/L.10', 'resolution')).toMatch(/A\/80\/L.10 is a draft; an adopted resolution has a symbol like A\/RES\/79\/200/);
    expect(validateSymbol('A/80/L.10', 'draft')).toBeNull();
    expect(validateSymbol('A/RES/75/202', 'draft')).toMatch(/is a resolution; a draft symbol looks like/);
    expect(validateSymbol('A/C.2/80/L.26/Rev.1', 'draft')).toMatch(/revised draft \(\/Rev.1\)/);
    expect(validateSymbol('A/C.2/80/L.26/Rev.1', 'revision')).toBeNull();
    expect(validateSymbol('A/C.2/80/L.26', 'revision')).toBe('A revised draft’s symbol ends in /Rev.1, /Rev.2…, e.g. A/C.2/80/L.26/Rev.1.');
    expect(validateSymbol('S/2020/123', 'draft', 'sc')).toBeNull(); // Security Council drafts
    expect(validateSymbol('A/79/437', 'draft')).toMatch(/is a report/);
  });

  it('checks the symbol against the organ', () => {
    expect(validateSymbol('A/C.2/80/L.26', 'draft', 'ga-c2')).toBeNull();
    expect(validateSymbol('A/C.3/80/L.26', 'draft', 'ga-c2')).toBe(
      'A/C.3/80/L.26 is a document of the Third Committee, not the Second Committee; its documents look like A/C.2/80/L.26.',
    );
    expect(validateSymbol('A/C.3/80/L.26', 'draft', 'ga')).toMatch(/Third Committee; a plenary draft looks like A\/80\/L.10/);
    expect(validateSymbol('A/80/L.10', 'draft', 'ga-c1')).toMatch(/General Assembly plenary, not the First Committee/);
    expect(validateSymbol('A/RES/75/202', 'resolution', 'ga-c2')).toBeNull(); // adopted on a committee's report
    expect(validateSymbol('A/RES/75/202', 'resolution', 'sc')).toBe('A/RES/75/202 is a document of the General Assembly plenary, not the Security Council.');
    expect(validateSymbol('S/RES/2532 (2020)', 'resolution', 'sc')).toBeNull();
    expect(validateSymbol('E/RES/2020/12', 'resolution', 'ecosoc')).toBeNull();
    expect(validateSymbol('A/HRC/RES/45/1', 'resolution', 'hrc')).toBeNull();
    expect(validateSymbol('A/HRC/RES/45/1', 'resolution', 'ga')).toMatch(/Human Rights Council/);
    expect(validateSymbol('A/RES/75/202', 'resolution', 'other')).toBeNull();
  });
});

describe('citationNumber', () => {
  it('gives the number as cited in text', () => {
    expect(citationNumber('A/RES/75/202')).toBe('75/202');
    expect(citationNumber('S/RES/2532 (2020)')).toBe('2532 (2020)');
    expect(citationNumber('E/RES/2020/12')).toBe('2020/12');
    expect(citationNumber('A/HRC/RES/45/1')).toBe('45/1');
    expect(citationNumber('A/RES/217 (III)')).toBe('217 (III)');
    expect(citationNumber('A/RES/217 A (III)')).toBe('217 A (III)');
    expect(citationNumber('A/RES/31/16 A')).toBe('31/16 A');
    expect(citationNumber('A/RES/S-13/2')).toBe('S-13/2');
    expect(citationNumber('A/RES/ES-8/2')).toBe('ES-8/2');
    expect(citationNumber('A/RES/75/202/Corr.1')).toBe('75/202');
    expect(citationNumber('E/RES/1503 (XLVIII)')).toBe('1503 (XLVIII)');
  });

  it('is null for anything but a resolution', () => {
    expect(citationNumber('A/80/L.10')).toBeNull();
    expect(citationNumber('A/79/437')).toBeNull();
    expect(citationNumber('nonsense')).toBeNull();
  });
});

describe('resolutionSymbol', () => {
  it('inverts citationNumber', () => {
    for (const s of ['A/RES/75/202', 'S/RES/2532 (2020)', 'E/RES/2020/12', 'A/RES/217 (III)', 'A/RES/217 A (III)', 'A/RES/31/16 A', 'A/RES/S-13/2', 'A/RES/ES-8/2'])
      expect(resolutionSymbol(citationNumber(s)!)).toBe(s);
    expect(resolutionSymbol('45/1', 'A/HRC')).toBe('A/HRC/RES/45/1');
    expect(resolutionSymbol('1503 (XLVIII)', 'E')).toBe('E/RES/1503 (XLVIII)');
    expect(resolutionSymbol('24/7')).toBeNull(); // the 24th session predates A/RES/n/m symbols
    expect(resolutionSymbol('abc')).toBeNull();
  });
});

describe('findSymbolRefs', () => {
  const refs = (text: string) => findSymbolRefs(text).map((r) => [r.text, r.symbol, r.valid]);

  it('finds full symbols anywhere, with exact offsets', () => {
    const text = 'Having considered the report (A/79/437, para. 17) and A/75/454.';
    const found = findSymbolRefs(text);
    expect(found).toEqual([
      { from: 30, to: 38, text: 'A/79/437', symbol: 'A/79/437', valid: true },
      { from: 54, to: 62, text: 'A/75/454', symbol: 'A/75/454', valid: true },
    ]);
    for (const r of found) expect(text.slice(r.from, r.to)).toBe(r.text);
    expect(refs('see S/RES/2532 (2020) and A/RES/217 (III).')).toEqual([
      ['S/RES/2532 (2020)', 'S/RES/2532 (2020)', true],
      ['A/RES/217 (III)', 'A/RES/217 (III)', true],
    ]);
    expect(refs('as in A/RES/31/16 A and A/C.2/80/L.26/Rev.1;')).toEqual([
      ['A/RES/31/16 A', 'A/RES/31/16 A', true],
      ['A/C.2/80/L.26/Rev.1', 'A/C.2/80/L.26/Rev.1', true],
    ]);
    expect(refs('A/HRC/RES/45/1 and E/RES/2020/12')).toEqual([
      ['A/HRC/RES/45/1', 'A/HRC/RES/45/1', true],
      ['E/RES/2020/12', 'E/RES/2020/12', true],
    ]);
  });

  it('reports symbol look-alikes as invalid', () => {
    expect(refs('draft A/C.9/80/L.1 was withdrawn')).toEqual([['A/C.9/80/L.1', 'A/C.9/80/L.1', false]]);
  });

  it('does not take ordinary slashes for symbols', () => {
    expect(findSymbolRefs('and/or A/B testing, 24/7 services, 21/12/2020')).toEqual([]);
  });

  it('finds cited resolution numbers after "resolution(s)"', () => {
    expect(refs('Recalling its resolution 74/197 of 19 December 2019,')).toEqual([['74/197', 'A/RES/74/197', true]]);
    expect(refs('Recalling its resolutions 70/1 of 25 September 2015, 71/313 of 6 July 2017 and 72/279 of 31 May 2018,')).toEqual([
      ['70/1', 'A/RES/70/1', true],
      ['71/313', 'A/RES/71/313', true],
      ['72/279', 'A/RES/72/279', true],
    ]);
    expect(refs('Recalling resolution 217 A (III) and resolution 377 (V),')).toEqual([
      ['217 A (III)', 'A/RES/217 A (III)', true],
      ['377 (V)', 'A/RES/377 (V)', true],
    ]);
    expect(refs('Recalling resolutions S-13/2 and ES-10/19,')).toEqual([
      ['S-13/2', 'A/RES/S-13/2', true],
      ['ES-10/19', 'A/RES/ES-10/19', true],
    ]);
    expect(refs('Recalling resolution 31/16 A,')).toEqual([['31/16 A', 'A/RES/31/16 A', true]]);
  });

  it('tells the organ of a cited number', () => {
    expect(refs('Recalling Security Council resolution 2532 (2020),')).toEqual([['2532 (2020)', 'S/RES/2532 (2020)', true]]);
    expect(refs('Recalling Economic and Social Council resolution 2020/12,')).toEqual([['2020/12', 'E/RES/2020/12', true]]);
    expect(refs('Recalling Human Rights Council resolution 45/1 and General Assembly resolution 75/1,')).toEqual([
      ['45/1', 'A/HRC/RES/45/1', true],
      ['75/1', 'A/RES/75/1', true],
    ]);
    expect(refs('Human Rights Council resolutions 45/1 and 46/2,')).toEqual([
      ['45/1', 'A/HRC/RES/45/1', true],
      ['46/2', 'A/HRC/RES/46/2', true],
    ]);
    expect(refs('Rappelant la résolution 45/1 du Conseil des droits de l’homme,')).toEqual([['45/1', 'A/HRC/RES/45/1', true]]);
    expect(refs('Recordando la resolución 45/1 del Consejo de Derechos Humanos,')).toEqual([['45/1', 'A/HRC/RES/45/1', true]]);
    expect(refs('ссылаясь на резолюцию 45/1 Совета по правам человека,')).toEqual([['45/1', 'A/HRC/RES/45/1', true]]);
    expect(refs('إذ تشير إلى قرار مجلس حقوق الإنسان 45/1،')).toEqual([['45/1', 'A/HRC/RES/45/1', true]]);
    expect(refs('Economic and Social Council resolution 1503 (XLVIII)')).toEqual([['1503 (XLVIII)', 'E/RES/1503 (XLVIII)', true]]);
  });

  it('works in all six languages', () => {
    expect(refs('Rappelant ses résolutions 74/197 et 75/1,')).toEqual([
      ['74/197', 'A/RES/74/197', true],
      ['75/1', 'A/RES/75/1', true],
    ]);
    expect(refs('Recordando sus resoluciones 74/197 y 75/1,')).toHaveLength(2);
    expect(refs('ссылаясь на свои резолюции 74/197 и 75/1,')).toHaveLength(2);
    expect(refs('Ссылаясь на резолюцию 74/197,')).toEqual([['74/197', 'A/RES/74/197', true]]);
    expect(refs('إذ تشير إلى قراريها 74/197 و 75/1،')).toHaveLength(2);
    expect(refs('وإذ تشير إلى القرار 74/197،')).toEqual([['74/197', 'A/RES/74/197', true]]);
    expect(refs('回顾大会第74/197号决议，')).toEqual([['74/197', 'A/RES/74/197', true]]);
    expect(refs('回顾第70/1号、第71/313号和第72/279号决议，')).toHaveLength(3);
    expect(refs('回顾人权理事会第45/1号决议，')).toEqual([['45/1', 'A/HRC/RES/45/1', true]]);
    expect(refs('回顾安全理事会第2532(2020)号决议，')).toEqual([['2532(2020)', 'S/RES/2532 (2020)', true]]);
    expect(refs('回顾大会第74/512号决定，')).toEqual([]);
  });

  it('does not take numbers outside a list of resolutions', () => {
    expect(findSymbolRefs('Recalling decision 74/512 and 75/513,')).toEqual([]);
    expect(findSymbolRefs('The ratio was 3/4 of the total,')).toEqual([]);
    expect(refs('Recalling resolution 74/197; the ratio was 3/4,')).toEqual([['74/197', 'A/RES/74/197', true]]);
    expect(refs('Recalling resolution 74/197 and decision 74/512,')).toEqual([['74/197', 'A/RES/74/197', true]]);
  });

  it('finds nothing in empty text', () => {
    expect(findSymbolRefs('')).toEqual([]);
  });

  it('is fast enough for every keystroke over a long draft', () => {
    const para = 'Recalling its resolutions 70/1 of 25 September 2015 and 71/313 of 6 July 2017, and the report of the Secretary-General (A/79/437, para. 17), ';
    const t0 = performance.now();
    for (let k = 0; k < 400; k++) findSymbolRefs(para + k);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
