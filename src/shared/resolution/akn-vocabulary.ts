/**
 * The Akoma Ntoso vocabulary that writing (export/akn.ts) and reading (import/akn.ts) share: the
 * namespaces, the `<statement>` name of each kind of document and the language codes. Kept apart
 * from both so that neither direction depends on the other: a name changed here changes what is
 * written and what is read back at once.
 */
import type { Language } from './model.js';
import type { DocumentForm } from './masthead.js';

/** The Akoma Ntoso 3.0 namespace. */
export const AKN_NS = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** The namespace of Plenary's own attributes and proprietary metadata (prefix "plenary"). */
export const PLENARY_NS = 'urn:x-plenary:akn:1';

/**
 * The `name` of the `<statement>` for each kind of document (masthead.ts documentForm): what the
 * document is, as its sponsor or bureau line says. The reader takes every name but "resolution"
 * for a draft.
 */
export const STATEMENT_NAMES: Readonly<Record<DocumentForm, string>> = {
  resolution: 'resolution',
  'draft-resolution': 'resolutionDraft',
  'draft-decision': 'decisionDraft',
  amendment: 'amendment',
};

/** ISO 639-2 codes of the six languages, as FRBRlanguage and AKN URIs use them. */
export const LANGUAGE_CODES: Readonly<Record<Language, string>> = { en: 'eng', fr: 'fra', es: 'spa', ru: 'rus', ar: 'ara', zh: 'zho' };
