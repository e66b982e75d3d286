// The checks panel's messages through the catalogue: in English they are word for word the
// messages of the shared checks (over random paragraph endings), and in French and Spanish every
// finding gets a message in that language.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkEndPunctuation, textChecks } from '../../../src/shared/resolution/punctuation.js';
import type { EffectiveRole } from '../../../src/shared/resolution/structure.js';
import { endPunctuationMessage, textIssueMessage } from '../../../src/renderer/i18n/checks.js';
import { i18n } from '../../../src/renderer/i18n/index.js';

const ROLES: EffectiveRole[] = ['pp', 'op', 'op-last', 'lead-in', 'sub'];
const LANGS = ['en', 'fr', 'es'] as const;
const endings = fc.constantFrom('', '.', ',', ';', ':', ' ;', '\u00a0;', '\u202f;', ' :', '\u00a0:', '”', ';”', ',»', '.)', ' ', ';;', '…', 'etc.', '!');
const body = fc.constantFrom('Recalling its resolution 1', 'Decides to remain seized', '(a) to consider', 'réaffirme « la paix', 'los “derechos', 'text with  two spaces', ' leading', 'lower start', '[brackets', 'closing)');

afterEach(() => void i18n.changeLanguage('en'));

describe('check messages in the interface language', () => {
  it('English end-punctuation messages are the shared ones, word for word', () => {
    fc.assert(
      fc.property(body, endings, fc.constantFrom(...ROLES), fc.constantFrom(...LANGS), (b, e, role, lang) => {
        const issue = checkEndPunctuation(b + e, role, lang);
        if (issue) expect(endPunctuationMessage(issue, role, lang)).toBe(issue.message);
      }),
      { numRuns: 400 },
    );
  });

  it('English text-check messages are the shared ones, word for word', () => {
    fc.assert(
      fc.property(body, endings, fc.constantFrom('pp', 'op', 'sub') as fc.Arbitrary<'pp' | 'op' | 'sub'>, (b, e, kind) => {
        for (const issue of textChecks(b + e + ' "x', 'en', { kind })) expect(textIssueMessage(issue, kind)).toBe(issue.message);
      }),
      { numRuns: 200 },
    );
  });

  it('French and Spanish messages for the same findings', () => {
    const issue = checkEndPunctuation('Décide de rester saisi de la question,', 'op-last', 'fr')!;
    void i18n.changeLanguage('fr');
    expect(endPunctuationMessage(issue, 'op-last', 'fr')).toBe('Le dernier paragraphe du dispositif se termine par «\u00a0.\u00a0», non par «\u00a0,\u00a0».');
    const missing = checkEndPunctuation('Decide seguir ocupándose de la cuestión', 'op', 'es')!;
    void i18n.changeLanguage('es');
    expect(endPunctuationMessage(missing, 'op', 'es')).toBe('Un párrafo dispositivo termina en «;»; no tiene puntuación final.');
    const [bracket] = textChecks('Recalling [its resolution', 'en', { kind: 'pp' });
    expect(textIssueMessage(bracket!, 'pp')).toBe('«[» no está cerrado.');
  });
});
