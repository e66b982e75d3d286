// detectLanguage (masthead.ts) counts the short function words by a scan of character codes
// instead of a regular expression over the whole text: it must decide as the regex form did.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectLanguage } from '../../../src/shared/import/masthead.js';

/** The former word count, kept as the reference (the script counts before it are unchanged). */
function referenceWords(s: string): 'en' | 'fr' | 'es' {
  const counts = { en: 0, fr: 0, es: 0 };
  for (const w of s.toLowerCase().match(/[a-z\u00e0-\u00ff']+/g) ?? []) {
    if (['the', 'of', 'and', 'to', 'its', 'that', 'with', 'for'].includes(w)) counts.en++;
    else if (['le', 'les', 'des', 'et', 'du', 'au', 'aux', 'à', 'une', 'dans'].includes(w)) counts.fr++;
    else if (['el', 'los', 'las', 'del', 'y', 'con', 'por', 'una', 'sus'].includes(w)) counts.es++;
  }
  if (counts.fr > counts.en && counts.fr >= counts.es) return 'fr';
  if (counts.es > counts.en && counts.es > counts.fr) return 'es';
  return 'en';
}

const WORDS = ['the', 'The', 'of', 'and', 'that', 'with', 'those', 'le', 'Les', 'des', 'à', 'À', 'dans', 'dansé', 'el', 'y', 'sus', 'una', "l'", "d'une", 'États', 'ÿ', '÷', 'theory', 'fort', 'x', ' ', ',', '.', "'", '-', '\n'];

describe('detectLanguage on Latin text', () => {
  it('decides as the regular-expression word count (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 60 }).map((a) => a.join('')), (s) => detectLanguage(s) === referenceWords(s)),
      { numRuns: 3000 },
    );
  });

  it('examples', () => {
    expect(detectLanguage('Rappelant les résolutions et la déclaration des droits de l’homme dans le monde')).toBe('fr');
    expect(detectLanguage('Recordando sus resoluciones y los informes del Secretario General con una nota')).toBe('es');
    expect(detectLanguage('Recalling its resolutions and the reports of the Secretary-General')).toBe('en');
  });
});
