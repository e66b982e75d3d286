// Shared test fixtures.
import { emptyFrontMatter, type FrontMatter } from '../../src/shared/resolution/model.js';

/** Front matter of a Second Committee draft (L-document) with sponsors and a sponsor note. */
export function committeeDraftMeta(overrides: Partial<FrontMatter> = {}): FrontMatter {
  return emptyFrontMatter({
    kind: 'draft',
    organ: 'ga-c2',
    symbol: 'A/C.2/79/L.26',
    session: '79',
    agendaItems: [{ number: '18 (a)', title: 'Sustainable development' }],
    sponsors: ['Italy', 'Turkmenistan'],
    sponsorNote: 'On behalf of the States Members of the United Nations that are members of the Group of 77 and China.',
    title: 'Oil slick on Lebanese shores',
    issueDate: '2024-11-04',
    originalLanguage: 'en',
    ...overrides,
  });
}
