/**
 * English opening phrases. The first block of each list is un-format.md §4's frequency list
 * ("Most frequent English opening phrases in 300 recent resolutions"), in its order; the rest are
 * other phrases of current GA, SC, ECOSOC and HRC resolutions, roughly by frequency.
 */
import type { LexiconData } from './types.js';

/** English lexicon data. */
export const EN: LexiconData = {
  spaced: true,
  joiner: ' ',
  pp: {
    phrases: [
      // un-format.md §4, in order of frequency.
      'Recalling', 'Recognizing', 'Reaffirming', 'Noting', 'Welcoming', 'Recalling also',
      'Taking note', 'Stressing', 'Emphasizing', 'Recognizing also', 'Acknowledging',
      'Recalling further', 'Reaffirming also', 'Bearing in mind', 'Convinced', 'Mindful',
      'Underlining', 'Expressing concern', 'Concerned', 'Having considered', 'Noting with concern',
      'Deeply concerned', 'Welcoming also', 'Reiterating', 'Noting with appreciation', 'Conscious',
      'Aware', 'Expressing deep concern', 'Noting with great concern', 'Condemning', 'Considering',
      'Guided', 'Noting with satisfaction', 'Affirming', 'Gravely concerned', 'Alarmed',
      'Seriously concerned', 'Having examined', 'Deploring', 'Determined', 'Cognizant',
      // Others.
      'Noting also', 'Noting further', 'Recognizing further', 'Reaffirming further',
      'Stressing also', 'Emphasizing also', 'Welcoming further', 'Acknowledging also',
      'Taking note also', 'Taking into account', 'Taking into consideration',
      'Taking fully into account', 'Having adopted', 'Having reviewed', 'Having heard',
      'Having received', 'Expressing its appreciation', 'Expressing appreciation',
      'Expressing its deep appreciation', 'Expressing its gratitude', 'Expressing gratitude',
      'Expressing its concern', 'Expressing its deep concern', 'Expressing grave concern',
      'Expressing its grave concern', 'Expressing serious concern', 'Expressing its serious concern',
      'Expressing profound concern', 'Expressing alarm', 'Expressing regret', 'Expressing its regret',
      'Expressing its support', 'Expressing support', 'Expressing its full support',
      'Expressing its satisfaction', 'Expressing its condolences', 'Expressing its solidarity',
      'Encouraged', 'Appreciating', 'Deeply alarmed', 'Gravely alarmed', 'Strongly condemning',
      'Convinced also', 'Firmly convinced', 'Deeply convinced', 'Fully aware',
      'Noting with deep concern', 'Noting with grave concern', 'Noting with serious concern',
      'Noting with regret', 'Noting with deep regret', 'Noting with alarm', 'Noting with interest',
      'Noting with gratitude', 'Noting with great appreciation', 'Noting with deep appreciation',
      'Taking note with appreciation', 'Taking note with satisfaction', 'Taking note with interest',
      'Taking note with concern', 'Welcoming with appreciation', 'Welcoming with satisfaction',
      'Recognizing with appreciation', 'Recognizing with concern', 'Acknowledging with appreciation',
      'Recalling with appreciation', 'Recalling with satisfaction', 'Underscoring', 'Highlighting',
      'Commending', 'Paying tribute', 'Deeply disturbed', 'Disturbed', 'Deeply troubled', 'Troubled',
      'Deeply shocked', 'Shocked', 'Appalled', 'Outraged', 'Dismayed', 'Deeply regretting',
      'Regretting', 'Desiring', 'Desirous', 'Wishing', 'Believing', 'Resolved', 'Resolving',
      'Committed', 'Keeping in mind', 'Observing', 'Looking forward', 'Inspired', 'Seeking',
      'Realizing', 'Profoundly concerned', 'Extremely concerned', 'Greatly concerned',
      'Mindful also', 'Aware also', 'Reiterating also', 'Underlining also', 'Emphasizing further',
      'Stressing further', 'Acknowledging further', 'Bearing in mind also',
      // Security Council preambles use some operative-style participles.
      'Acting', 'Calling upon', 'Calling on', 'Calling for', 'Urging', 'Encouraging', 'Inviting',
      'Requesting', 'Demanding', 'Reminding', 'Determining',
      // Found missing by the importer on the corpus.
      'Expressing its continuing concern', 'Expressing continuing concern', 'Expressing gravest concerns',
      'Expressing gravest concern', 'Remaining deeply concerned', 'Remaining concerned',
    ],
    prefixes: [
      'Also', 'Further', 'Deeply', 'Gravely', 'Seriously', 'Strongly', 'Firmly', 'Fully',
      'Profoundly', 'Greatly', 'Extremely', 'Particularly',
    ],
    infixes: ['also', 'further', 'again', 'once again'],
  },
  op: {
    phrases: [
      // un-format.md §4, in order of frequency.
      'Encourages', 'Calls upon', 'Urges', 'Welcomes', 'Requests', 'Decides', 'Recognizes', 'Notes',
      'Recalls', 'Reaffirms', 'Stresses', 'Emphasizes', 'Takes note', 'Acknowledges', 'Reiterates',
      'Underlines', 'Also encourages', 'Calls for', 'Notes with appreciation', 'Also requests',
      'Commends', 'Notes with concern', 'Underscores', 'Notes with satisfaction',
      'Expresses its appreciation', 'Recommends', 'Also decides', 'Further encourages',
      'Expresses concern', 'Invites', 'Condemns', 'Demands', 'Strongly encourages',
      'Reiterates its call upon', 'Considers', 'Appeals', 'Endorses', 'Deplores',
      // Others.
      'Also calls upon', 'Further requests', 'Requests also', 'Decides also', 'Decides further',
      'Further decides', 'Also welcomes', 'Welcomes also', 'Also urges', 'Urges also',
      'Also invites', 'Invites also', 'Also recognizes', 'Recognizes also', 'Also notes',
      'Notes also', 'Notes further', 'Also stresses', 'Stresses also', 'Also emphasizes',
      'Emphasizes also', 'Also reaffirms', 'Reaffirms also', 'Also recalls', 'Recalls also',
      'Further calls upon', 'Further invites', 'Further urges', 'Strongly urges', 'Strongly condemns',
      'Strongly supports', 'Approves', 'Adopts', 'Authorizes', 'Affirms', 'Proclaims', 'Declares',
      'Expresses deep concern', 'Expresses its deep concern', 'Expresses grave concern',
      'Expresses its grave concern', 'Expresses serious concern', 'Expresses its serious concern',
      'Expresses its concern', 'Expresses profound concern', 'Expresses its gratitude',
      'Expresses gratitude', 'Expresses appreciation', 'Expresses its deep appreciation',
      'Expresses its support', 'Expresses support', 'Expresses its full support',
      'Expresses its satisfaction', 'Expresses regret', 'Expresses its regret',
      'Expresses its condolences', 'Expresses its solidarity', 'Expresses alarm', 'Expresses its hope',
      'Reiterates its call', 'Reiterates its call on', 'Reiterates its request',
      'Takes note with appreciation', 'Takes note with satisfaction', 'Takes note with interest',
      'Takes note with concern', 'Takes note also', 'Notes with deep concern',
      'Notes with great concern', 'Notes with grave concern', 'Notes with serious concern',
      'Notes with regret', 'Notes with deep regret', 'Notes with interest', 'Notes with alarm',
      'Notes with gratitude', 'Notes with great appreciation', 'Welcomes with appreciation',
      'Welcomes with satisfaction', 'Recognizes with appreciation', 'Acknowledges with appreciation',
      'Calls on', 'Supports', 'Highlights', 'Agrees', 'Concurs', 'Determines', 'Insists', 'Reminds',
      'Regrets', 'Deeply regrets', 'Directs', 'Instructs', 'Designates', 'Establishes',
      'Pays tribute', 'Looks forward', 'Confirms', 'Congratulates', 'Thanks', 'Resolves',
      'Emphasizes further', 'Stresses further', 'Urges further', 'Encourages further',
      // Found missing by the importer on the corpus.
      'Appreciates', 'Takes into account', 'Appropriates', 'Renews its', 'Re-emphasizes', 'Recommits',
      'Remains concerned', 'Remains deeply concerned', 'Expresses full support',
      'Hereby resolves', 'Finds',
    ],
    prefixes: [
      'Also', 'Further', 'Again', 'Once again', 'Strongly', 'Also strongly', 'Further strongly',
      'Firmly', 'Unequivocally', 'Urgently', 'Deeply',
    ],
    infixes: ['also', 'further', 'again', 'once again', 'strongly'],
  },
  guard: {
    words: ['further'],
    // "further" is a modifier before these ("Recalling further its resolution", "Decides further
    // to"), an adjective before other lower-case words ("Welcoming further progress").
    allowedNext: [
      'the', 'that', 'its', 'their', 'his', 'her', 'to', 'with', 'in', 'on', 'of', 'by', 'for',
      'from', 'at', 'as', 'all', 'a', 'an', 'also', 'and', 'upon', 'this', 'these', 'those',
      'each', 'every', 'any', 'both', 'such', 'whether', 'how', 'resolution', 'resolutions',
      'decision', 'decisions', 'paragraph', 'paragraphs', 'article', 'articles',
    ],
  },
  // British -ise spellings are accepted but not listed (UN English uses -ize).
  variants: (p) => (p.includes('iz') ? [p.replace(/iz/g, 'is')] : []),
};
