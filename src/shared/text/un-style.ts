/**
 * The UN editorial style check of English text: spelling as the UN writes it (Oxford spelling,
 * with its exceptions), the capitalised names of the UN and its organs, and dates as
 * "1 January 2025". Pure text in, findings out: spans, the English reason and the replacement;
 * the checks panel words them (src/shared/editor/queries/checks-style.ts).
 *
 * Sources, cited rule by rule below:
 * - [EM] United Nations Editorial Manual, "Spelling" (https://www.un.org/dgacm/en/content/editorial-manual):
 *   the authority is the Concise Oxford English Dictionary, first spelling given, with the -ize
 *   endings (Oxford spelling) except for words that are never spelt -ize, and -yse;
 * - [DT] UNTERM / the Editorial Manual's "Capitalization": United Nations, Member States, States
 *   Members of the United Nations, Secretary-General, General Assembly, Security Council,
 *   Economic and Social Council, Human Rights Council;
 * - [EMD] Editorial Manual, "Dates": day, month in words, year, no comma, no ordinal;
 * - [C] the ga-en corpus (659 resolutions of sessions 78–79): how the UN's own resolutions spell a
 *   word when the manual leaves it open (counts given with each rule).
 *
 * What is never flagged: text between quotation marks (a quoted title or passage must stay as
 * cited, even in American spelling: "Centers for Disease Control"); a capitalised word
 * in the middle of a sentence in the spelling tables (a proper name such as "Organisation for
 * Economic Co-operation and Development" or "Department of Labor"); "member States" (another
 * organization's members, as the UN writes them: 85 in [C]); "judgment" (the UN's spelling in
 * legal and other senses: 27 to 0 "judgement" in [C]); "program" where the paragraph speaks of
 * computers, software, devices or data (the UN's "computer program").
 */

/** Which rule a finding breaks: the checks panel words each one. */
export type StyleRule = 'ize' | 'ise' | 'yse' | 'spelling' | 'term' | 'date' | 'date-ambiguous';

/** One finding in a paragraph's text: [from, to) is what `replacement` replaces (null: no safe fix). */
export interface StyleIssue {
  rule: StyleRule;
  from: number;
  to: number;
  found: string;
  replacement: string | null;
  /** The finding in English, for the CLI and tests. */
  message: string;
}

// -ize: verbs the Oxford dictionary spells -ize, given in their -ise form [EM]. Their derived forms
// (-ises, -ised, -ising, -isation(s), -isational, -iser(s), -isable) follow.
const IZE_VERBS = `agonise antagonise apologise authorise capitalise categorise characterise civilise colonise
computerise criminalise criticise customise decentralise decolonise decriminalise demilitarise
democratise denuclearise destabilise digitise dramatise economise emphasise empathise energise
epitomise equalise familiarise fertilise finalise formalise galvanise globalise harmonise
hospitalise humanise hypothesise idealise immobilise immunise incentivise industrialise
institutionalise internationalise itemise jeopardise legalise legitimise liberalise localise
marginalise materialise maximise mechanise memorise militarise minimise mobilise modernise
monetise nationalise naturalise neutralise normalise operationalise optimise organise ostracise
penalise polarise popularise prioritise privatise publicise radicalise rationalise realise
recognise regularise reorganise revitalise revolutionise sanitise scrutinise secularise
sensitise socialise solemnise specialise stabilise standardise sterilise stigmatise subsidise
summarise symbolise sympathise synchronise terrorise theorise traumatise unionise urbanise
utilise victimise visualise`.split(/\s+/u);

// Never -ize [EM] ("advertise, comprise, exercise, supervise, compromise…"): their -ize spellings are flagged.
const NEVER_IZE = `advertise advise apprise arise chastise circumcise comprise compromise demise despise devise
disguise enfranchise enterprise excise exercise franchise improvise incise merchandise premise
revise supervise surmise surprise televise`.split(/\s+/u);

// -yse, never -yze [EM].
const YSE_VERBS = ['analyse', 'paralyse', 'catalyse', 'dialyse', 'hydrolyse'];

// Other Oxford spellings the UN uses, American form → UN form [EM]; with corpus counts [C] where it decided.
const OXFORD: Readonly<Record<string, string>> = {
  // -our [EM]: labour 296 / labor 0 in [C].
  labor: 'labour', labors: 'labours', labored: 'laboured', laboring: 'labouring',
  behavior: 'behaviour', behaviors: 'behaviours', behavioral: 'behavioural',
  color: 'colour', colors: 'colours', favor: 'favour', favors: 'favours', favorable: 'favourable',
  favorably: 'favourably', unfavorable: 'unfavourable', favored: 'favoured', favoring: 'favouring',
  honor: 'honour', honors: 'honours', honored: 'honoured', neighbor: 'neighbour', neighbors: 'neighbours',
  neighboring: 'neighbouring', neighborhood: 'neighbourhood', neighborhoods: 'neighbourhoods',
  harbor: 'harbour', harbors: 'harbours', endeavor: 'endeavour', endeavors: 'endeavours', rumor: 'rumour',
  rumors: 'rumours', vigor: 'vigour',
  // -re [EM]: centre 441 / center 0 in [C].
  center: 'centre', centers: 'centres', centered: 'centred', epicenter: 'epicentre', liter: 'litre',
  liters: 'litres', kilometer: 'kilometre', kilometers: 'kilometres', centimeter: 'centimetre',
  millimeter: 'millimetre', maneuver: 'manoeuvre', maneuvers: 'manoeuvres',
  // -ce [EM]: defence 29 / defense 0 in [C].
  defense: 'defence', defenses: 'defences', offense: 'offence', offenses: 'offences',
  // Single l before a suffix that starts with a consonant, double before a vowel [EM].
  fulfill: 'fulfil', fulfills: 'fulfils', fulfillment: 'fulfilment', enrollment: 'enrolment',
  enrollments: 'enrolments', installment: 'instalment', installments: 'instalments', skillful: 'skilful',
  willful: 'wilful', traveled: 'travelled', traveling: 'travelling', traveler: 'traveller',
  travelers: 'travellers', canceled: 'cancelled', canceling: 'cancelling', labeled: 'labelled',
  labeling: 'labelling', modeled: 'modelled', modeling: 'modelling', counselor: 'counsellor',
  counselors: 'counsellors', fueled: 'fuelled', fueling: 'fuelling', signaled: 'signalled',
  channeled: 'channelled',
  // -ogue [EM]: dialogue 675 in [C].
  catalog: 'catalogue', catalogs: 'catalogues', dialog: 'dialogue', dialogs: 'dialogues', analog: 'analogue',
  // Others: programme 2,287 / program 5 (computer programs) in [C]; ageing 113 / aging 0;
  // acknowledgement 9 / acknowledgment 0; "per cent" 449 / percent 0.
  program: 'programme', programs: 'programmes', aging: 'ageing', acknowledgment: 'acknowledgement',
  acknowledgments: 'acknowledgements', judgement: 'judgment', judgements: 'judgments', percent: 'per cent',
  gray: 'grey', aluminum: 'aluminium', pediatric: 'paediatric', diarrhea: 'diarrhoea', anemia: 'anaemia',
};

/** Word (lower case) → its UN spelling and the rule; built once from the tables above. */
const SPELLING: ReadonlyMap<string, { to: string; rule: StyleRule }> = (() => {
  const m = new Map<string, { to: string; rule: StyleRule }>();
  for (const verb of IZE_VERBS) {
    const stem = verb.slice(0, -3); // "organ"
    for (const suffix of ['e', 'es', 'ed', 'ing', 'ation', 'ations', 'ational', 'er', 'ers', 'able']) m.set(`${stem}is${suffix}`, { to: `${stem}iz${suffix}`, rule: 'ize' });
  }
  for (const verb of NEVER_IZE) {
    const stem = verb.slice(0, -3);
    for (const suffix of ['e', 'es', 'ed', 'ing']) m.set(`${stem}iz${suffix}`, { to: `${stem}is${suffix}`, rule: 'ise' });
  }
  for (const verb of YSE_VERBS) {
    const stem = verb.slice(0, -3);
    for (const suffix of ['e', 'es', 'ed', 'ing', 'er', 'ers']) m.set(`${stem}yz${suffix}`, { to: `${stem}ys${suffix}`, rule: 'yse' });
  }
  for (const [from, to] of Object.entries(OXFORD)) m.set(from, { to, rule: 'spelling' });
  return m;
})();

/** A paragraph about computers keeps "program" (the UN's computer program). */
const COMPUTING = /\b(?:computer|software|device|digital|data|cyber|malware|information and communications? technolog)/iu;

/** `to` written in the case pattern of `found` (Capitalised, UPPER or lower). */
function inCaseOf(found: string, to: string): string {
  if (found.length > 1 && found === found.toUpperCase()) return to.toUpperCase();
  if (found[0] !== found[0]!.toLowerCase()) return to[0]!.toUpperCase() + to.slice(1);
  return to;
}

/** Whether `offset` starts a sentence: the paragraph start, or after . ! ? : ; and spaces. */
function sentenceStart(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && /[\s“"‘'(]/u.test(text[i]!)) i--;
  return i < 0 || /[.!?:;]/u.test(text[i]!);
}

/** Spans [start, end) of text between quotation marks (“…”, «…», "…"): titles and quotations. */
export function quotedSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  let closer = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (open < 0) {
      if (c === '“' || c === '«' || c === '"') {
        open = i;
        closer = c === '“' ? '”' : c === '«' ? '»' : '"';
      }
    } else if (c === closer) {
      out.push([open, i + 1]);
      open = -1;
    }
  }
  return out;
}

function spelling(text: string, out: StyleIssue[]): void {
  // Every key of the table has four letters or more.
  for (const m of text.matchAll(/[A-Za-z]{4,}/gu)) {
    const word = m[0];
    const hit = SPELLING.get(word.toLowerCase());
    if (!hit) continue;
    const at = m.index;
    // Part of a hyphenated or dotted name ("e-program", "X.org"), or a proper name mid-sentence.
    if (/[-.\w]/u.test(text[at - 1] ?? '') || /[-\w]/u.test(text[at + word.length] ?? '')) continue;
    if (word[0] !== word[0]!.toLowerCase() && !sentenceStart(text, at)) continue;
    if ((hit.to === 'programme' || hit.to === 'programmes') && COMPUTING.test(text)) continue;
    const to = inCaseOf(word, hit.to);
    const why = hit.rule === 'ize' ? ' (Oxford spelling, -ize)' : hit.rule === 'ise' ? ' (never -ize)' : hit.rule === 'yse' ? ' (-yse, never -yze)' : '';
    out.push({ rule: hit.rule, from: at, to: at + word.length, found: word, replacement: to, message: `“${word}”: the UN writes “${to}”${why}.` });
  }
}

/** The UN's capitalised names [DT], matched whatever their case and with a space or hyphen. */
const TERMS = ['Secretary-General', 'Security Council', 'General Assembly', 'Human Rights Council', 'United Nations', 'Economic and Social Council'];
const termKey = (s: string): string => s.toLowerCase().replace(/-/gu, ' ');
const CANONICAL = new Map(TERMS.map((t) => [termKey(t), t]));
// One pass for all the names; each word's first letter in either case (an all-capitals heading is left alone).
const TERM_RE = new RegExp(
  `\\b(?:${TERMS.map((t) =>
    t
      .split(/[ -]/u)
      .map((w) => (w === 'and' ? w : `[${w[0]!.toUpperCase()}${w[0]!.toLowerCase()}]${w.slice(1)}`))
      .join('[ -]'),
  ).join('|')})\\b`,
  'gu',
);
/** "… of the United Nations" itself, not "of the United Nations Standing Advisory Committee". */
const OF_UN = /^ of the United Nations(?![ -]\p{Lu})/u;
/** "… of the African Union": another organization's organ, named as it names it. */
const OF_OTHER = /^,? of (?:the )?(?!United Nations|January|February|March|April|May|June|July|August|September|October|November|December)\p{Lu}/u;

function terms(text: string, out: StyleIssue[]): void {
  for (const m of text.matchAll(TERM_RE)) {
    const found = m[0];
    const canonical = CANONICAL.get(termKey(found))!;
    if (found === canonical) continue;
    const at = m.index;
    const after = text.slice(at + found.length, at + found.length + 40);
    if (OF_OTHER.test(after)) continue;
    // "national security council": a State's own organ, a common noun.
    if (/national\s$/iu.test(text.slice(Math.max(0, at - 9), at))) continue;
    out.push({ rule: 'term', from: at, to: at + found.length, found, replacement: canonical, message: `“${found}”: the UN writes “${canonical}”.` });
  }
  // State is capitalised when it means a country [DT]: "Member States", "member States of the African Union", "States Members of the United Nations".
  for (const m of text.matchAll(/\b([Mm]ember)([ -])([Ss]tates?)\b/gu)) {
    const [found, member, , state] = m as unknown as [string, string, string, string];
    const ofUn = OF_UN.test(text.slice(m.index + found.length));
    const lowState = state[0] === 's';
    const wantMember = ofUn ? 'Member' : member;
    if (!lowState && wantMember === member) continue;
    const replacement = `${wantMember} ${lowState ? 'S' + state.slice(1) : state}`;
    out.push({ rule: 'term', from: m.index, to: m.index + found.length, found, replacement, message: `“${found}”: the UN writes “${replacement}”.` });
  }
  // "States Members of the United Nations", but "States members of the specialized agencies" (58 in [C]).
  for (const m of text.matchAll(/\b([Ss]tates) ([Mm]embers)\b/gu)) {
    const ofUn = OF_UN.test(text.slice(m.index + m[0].length));
    const replacement = ofUn ? 'States Members' : `States ${m[2]!}`;
    if (m[0] === replacement) continue;
    out.push({ rule: 'term', from: m.index, to: m.index + m[0].length, found: m[0], replacement, message: `“${m[0]}”: the UN writes “${replacement}”.` });
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH = MONTHS.join('|');
/** "January 1, 2025", "January 1st 2025", "January 1st". */
const MONTH_FIRST = new RegExp(`\\b(${MONTH}) (\\d{1,2})(st|nd|rd|th)?(?:(,? )(\\d{4}))?\\b`, 'gu');
/** "1st January 2025", "1st of January". */
const ORDINAL_FIRST = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th) (?:of )?(${MONTH})(?: (\\d{4}))?\\b`, 'gu');
const DAYS_IN = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const validDay = (d: number, month: number): boolean => d >= 1 && d <= DAYS_IN[month - 1]!;

function dateIssue(out: StyleIssue[], at: number, found: string, day: number, month: number, year: string): void {
  if (!validDay(day, month)) return;
  const replacement = `${day} ${MONTHS[month - 1]!}${year ? ` ${year}` : ''}`;
  if (replacement === found) return;
  out.push({ rule: 'date', from: at, to: at + found.length, found, replacement, message: `“${found}”: the UN writes dates as “${replacement}”.` });
}

function dates(text: string, out: StyleIssue[]): void {
  const monthNo = (name: string) => MONTHS.indexOf(name) + 1;
  for (const m of text.matchAll(MONTH_FIRST)) {
    if (!m[3] && !m[5]) continue; // "May 5" alone: too often a name or a count ("in May 2 sessions")
    dateIssue(out, m.index, m[0], Number(m[2]), monthNo(m[1]!), m[5] ?? '');
  }
  for (const m of text.matchAll(ORDINAL_FIRST)) {
    dateIssue(out, m.index, m[0], Number(m[1]), monthNo(m[2]!), m[3] ?? '');
  }
  // "01/01/2025", "1.1.2025": day first unless the second number cannot be a month.
  for (const m of text.matchAll(/(?<![\w/.-])(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?![\w/-])/gu)) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const at = m.index;
    if (a > 12 && b <= 12) dateIssue(out, at, m[0], a, b, m[4]!);
    else if (b > 12 && a <= 12) dateIssue(out, at, m[0], b, a, m[4]!);
    else if (a === b && a >= 1) dateIssue(out, at, m[0], a, a, m[4]!);
    else if (a >= 1 && b >= 1 && a <= 12 && b <= 12) {
      out.push({ rule: 'date-ambiguous', from: at, to: at + m[0].length, found: m[0], replacement: null, message: `“${m[0]}”: the UN writes dates as “1 January 2025”; day and month cannot be told apart here.` });
    }
  }
  // ISO 8601 "2025-01-31".
  for (const m of text.matchAll(/(?<![\w/-])(\d{4})-(\d{2})-(\d{2})(?![\w/-])/gu)) {
    const month = Number(m[2]);
    if (month >= 1 && month <= 12) dateIssue(out, m.index, m[0], Number(m[3]), month, m[1]!);
  }
}

/**
 * The style findings of one paragraph's text in document language `lang`, in text order. Only
 * English is checked (the rules are the English Editorial Manual's); other languages give [].
 * Findings inside quotation marks are left out (see the module comment).
 */
export function unStyleIssues(text: string, lang: string): StyleIssue[] {
  if (lang !== 'en') return [];
  const out: StyleIssue[] = [];
  spelling(text, out);
  terms(text, out);
  dates(text, out);
  const quoted = quotedSpans(text);
  const kept = out.filter((i) => !quoted.some(([a, b]) => i.from > a && i.to < b));
  return kept.sort((x, y) => x.from - y.from || x.to - y.to);
}
