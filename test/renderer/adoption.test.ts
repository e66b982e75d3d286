// The adoption line of the agreed-language panels: counts and years of adopted texts only, places
// oldest first with the middle elided, and a draft never called adopted.
import { describe, expect, it } from 'vitest';
import { adoptionLine } from '../../src/renderer/components/adoption.js';

const place = (symbol: string, year: number, draft = false) => ({ paragraphId: year, symbol, designation: 'OP9', year, draft });

describe('adoptionLine', () => {
  it('says how established a wording is', () => {
    expect(adoptionLine({ count: 1, years: [2024, 2024], places: [place('A/RES/79/200', 2024)] }, false)).toBe('adopted once, 2024: 79/200');
    const seven = [2024, 2023, 2022, 2021, 2020, 2019, 2019].map((y, i) => place(`A/RES/${y - 1945}/${200 - i}`, y));
    expect(adoptionLine({ count: 7, years: [2019, 2024], places: seven }, false)).toBe('adopted 7 times, 2019–2024: 74/194, …, 78/199, 79/200');
  });

  it('never calls a draft adopted, and leaves drafts out of the places', () => {
    expect(adoptionLine({ count: 0, years: null, places: [place('A/C.2/80/L.26', 2025, true)] }, true)).toBe('draft (L-document), not adopted');
    expect(adoptionLine({ count: 1, years: [2024, 2024], places: [place('A/C.2/80/L.26', 2025, true), place('A/RES/79/200', 2024)] }, true)).toBe('adopted once, 2024: 79/200');
    expect(adoptionLine(undefined, false)).toBe('');
  });
});
