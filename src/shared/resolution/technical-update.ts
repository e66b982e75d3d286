/**
 * Next year's draft in one step (the "technical update"): from an adopted resolution, a draft for
 * the next session in which every change the update makes is a tracked proposal by
 * {@link TECHNICAL_UPDATE_BY}, so the delegate reviews each one; rejecting them all gives back the
 * source text word for word.
 *
 * What changes, conservatively (the source session S is read from the front matter or the symbol):
 * - session ordinals that name the General Assembly's own session S or S+1 are advanced by one:
 *   "at its eightieth session" → "eighty-first", "seventy-ninth" → "eightieth". Only after a
 *   possessive ("its", "sa", "su"), or after "the"/"la"/"el" when "of the General Assembly" (or its
 *   French and Spanish form) follows; "the twenty-third session" of a commission, "its sixty-second
 *   session" (a past session) and every other ordinal are left alone;
 * - a year that denotes such a session's period, and nothing else: right after an advanced session
 *   phrase, ", in 2025" / " (2025)" → 2026. Years elsewhere (cited resolution dates above all) are
 *   never touched;
 * - "for the nineteenth consecutive year" → "twentieth" (fr "pour la dix-neuvième année consécutive");
 * - the source resolution is added, with its adoption date, to the list of the first "Recalling its
 *   resolution(s) …" preambular paragraph ("… 77/157 of 14 December 2022 and 78/143 of
 *   19 December 2023" → "…, 78/143 of 19 December 2023 and 79/200 of 19 December 2024"), or, when
 *   there is none, a new first preambular paragraph "Recalling its resolution 79/200 of
 *   19 December 2024," is proposed;
 * - the front matter becomes a draft (L-document) of session S+1: kind 'draft', no symbol yet (the
 *   Secretariat assigns it), no adoption or issue date, no meeting line, no basis; a resolution
 *   adopted on a Main Committee's report becomes that Committee's draft. The front matter cannot
 *   carry tracked marks, so these changes are listed in `changes` (kind 'masthead') for the UI.
 *
 * Text is changed only inside plain text runs (no proposal marks); a pattern split across runs
 * (a footnote reference in the middle) is left as it is. English, French and Spanish (the languages
 * with an ordinal lexicon, ordinals.ts); other languages get the recalled resolution and the front
 * matter only, and a note says so.
 */
import type { Block, FrontMatter, Inline, Language, Organ, Proposal, ResolutionDocument, TextRun } from './model.js';
import { formatDate } from './dates.js';
import { citationNumber, parseSymbol } from './symbols.js';
import { hasOrdinals, MAX_ORDINAL, ordinalValue, ordinalWord, ordinalWords, type OrdinalLanguage } from './ordinals.js';
import { PlenaryError, type CodedMessage } from '../errors.js';

/** The delegation the technical update's proposals are attributed to. */
export const TECHNICAL_UPDATE_BY = 'Technical update';

/** What one change of the update is. */
export type TechnicalChangeKind = 'session' | 'year' | 'consecutive' | 'recalled' | 'masthead';

/** One change made by the update, for the summary shown to the delegate. */
export interface TechnicalChange {
  kind: TechnicalChangeKind;
  /** The paragraph changed, or null for the front matter. */
  paragraphId: string | null;
  from: string;
  to: string;
  /** Ids of the proposals that carry the change in the text (none for the front matter). */
  proposals: string[];
  /**
   * For a front-matter change, what changed as data, for the interface language: `field`
   * ('document', 'session', 'symbol', 'organ') and, where the shown value is words rather than
   * the document's own text, `fromCode` / `toCode` ('adopted', 'draft', 'symbolPending').
   */
  masthead?: { field: string; fromCode?: string; toCode?: string };
}

/** Options of {@link technicalUpdate}. */
export interface TechnicalUpdateOptions {
  /** ISO time stamped on the proposals. */
  at: string;
  /** Makes fresh ids: prefix "t" for proposals, "p" for a new paragraph. */
  makeId: (prefix: string) => string;
  /** Who the proposals are attributed to (default {@link TECHNICAL_UPDATE_BY}). */
  by?: string;
}

/** The draft, the changes made, and notes on what was left for the delegate. */
export interface TechnicalUpdateResult {
  document: ResolutionDocument;
  changes: TechnicalChange[];
  /** Notes on what was left for the delegate: English text and, for the interface, code and values (`technicalUpdate.note.<code>`). */
  notes: CodedMessage[];
}

/** An edit of one text run: replace [from, to) by `insert`. */
interface RunEdit {
  from: number;
  to: number;
  insert: string;
  kind: Exclude<TechnicalChangeKind, 'masthead'>;
}

interface LangWords {
  session: (ords: string) => RegExp;
  /** What must follow "the"/"la"/"el" for the session to be the General Assembly's. */
  gaSuffix: RegExp;
  own: ReadonlySet<string>;
  year: RegExp;
  consecutive: ((ords: string) => RegExp) | null;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const WORDS: Record<OrdinalLanguage, LangWords> = {
  en: {
    session: (o) => new RegExp(`\\b(its|the) (${o}) session\\b`, 'giu'),
    gaSuffix: /^ of the General Assembly\b/u,
    own: new Set(['its']),
    year: /^(,? in | \()(\d{4})\b/u,
    consecutive: (o) => new RegExp(`\\bthe (${o}) consecutive year\\b`, 'giu'),
  },
  fr: {
    session: (o) => new RegExp(`(?<![\\p{L}])(sa|la) (${o}) session(?![\\p{L}])`, 'giu'),
    gaSuffix: /^ de l['’]Assemblée générale(?!\p{L})/u,
    own: new Set(['sa']),
    year: /^(,? en | \()(\d{4})\b/u,
    consecutive: (o) => new RegExp(`(?<![\\p{L}])la (${o}) année consécutive(?![\\p{L}])`, 'giu'),
  },
  es: {
    session: (o) => new RegExp(`(?<![\\p{L}])(su|el) (${o}) período de sesiones(?![\\p{L}])`, 'giu'),
    gaSuffix: /^ de la Asamblea General(?!\p{L})/u,
    own: new Set(['su']),
    year: /^(,? en | \()(\d{4})\b/u,
    consecutive: null,
  },
};

/** Keeps the capital of the word replaced ("Eightieth" → "Eighty-first"). */
function likeCase(model: string, word: string): string {
  return model.charAt(0) !== model.charAt(0).toLowerCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/** Edits advancing session ordinals (S, S+1 only), their period years and consecutive-year counts in one text. */
function ordinalEdits(text: string, lang: OrdinalLanguage, session: number): RunEdit[] {
  const w = WORDS[lang];
  const edits: RunEdit[] = [];
  const ords = [session + 1, session].filter((n) => n <= MAX_ORDINAL - 1).map((n) => esc(ordinalWord(n, lang)));
  if (ords.length) {
    for (const m of text.matchAll(w.session(ords.join('|')))) {
      const det = m[1]!.toLowerCase();
      const ordStart = m.index + m[1]!.length + 1;
      let end = m.index + m[0].length;
      if (!w.own.has(det)) {
        const suffix = w.gaSuffix.exec(text.slice(end));
        if (!suffix) continue;
        end += suffix[0].length;
      }
      const n = ordinalValue(m[2]!, lang)!;
      edits.push({ from: ordStart, to: ordStart + m[2]!.length, insert: likeCase(m[2]!, ordinalWord(n + 1, lang)), kind: 'session' });
      const y = w.year.exec(text.slice(end));
      if (y) {
        const at = end + y[1]!.length;
        edits.push({ from: at, to: at + 4, insert: String(Number(y[2]) + 1), kind: 'year' });
      }
    }
  }
  if (w.consecutive) {
    const all = ordinalWords(lang).filter((x) => ordinalValue(x, lang)! < MAX_ORDINAL).map(esc);
    for (const m of text.matchAll(w.consecutive(all.join('|')))) {
      const start = m.index + m[0].indexOf(m[1]!, m[0].indexOf(' '));
      const n = ordinalValue(m[1]!, lang)!;
      edits.push({ from: start, to: start + m[1]!.length, insert: likeCase(m[1]!, ordinalWord(n + 1, lang)), kind: 'consecutive' });
    }
  }
  return edits.sort((a, b) => a.from - b.from);
}

interface RecallWords {
  head: RegExp;
  singular: string;
  plural: string;
  /** A citation with its optional date, sticky. */
  cite: RegExp;
  sep: RegExp;
  and: string;
  cited: (num: string, date: string) => string;
  newParagraph: (num: string, date: string) => string;
}

const RECALL: Partial<Record<Language, RecallWords>> = {
  en: {
    head: /^Recalling(?: also| further)? its (resolutions?) /u,
    singular: 'resolution',
    plural: 'resolutions',
    cite: /\d{1,3}\/\d{1,4}(?: [A-Z](?!\p{L}))?(?: of \d{1,2} [A-Z][a-z]{2,8} \d{4})?/uy,
    sep: /(?:,? and |, )(?=\d)/uy,
    and: ' and ',
    cited: (n, d) => (d ? `${n} of ${d}` : n),
    newParagraph: (n, d) => `Recalling its resolution ${n}${d ? ` of ${d}` : ''},`,
  },
  fr: {
    head: /^Rappelant(?: également| en outre)? (sa résolution|ses résolutions) /u,
    singular: 'sa résolution',
    plural: 'ses résolutions',
    cite: /\d{1,3}\/\d{1,4}(?: [A-Z](?!\p{L}))?(?: du (?:1er|\d{1,2}) [a-zéû]{3,9} \d{4})?/uy,
    sep: /(?: et |, )(?=\d)/uy,
    and: ' et ',
    cited: (n, d) => (d ? `${n} du ${d}` : n),
    newParagraph: (n, d) => `Rappelant sa résolution ${n}${d ? ` du ${d}` : ''},`,
  },
  es: {
    head: /^Recordando(?: también| además)? (su resolución|sus resoluciones) /u,
    singular: 'su resolución',
    plural: 'sus resoluciones',
    cite: /\d{1,3}\/\d{1,4}(?: [A-Z](?!\p{L}))?(?:, de \d{1,2} de [a-z]{4,10} de \d{4})?/uy,
    sep: /(?: y |, )(?=\d)/uy,
    and: ' y ',
    cited: (n, d) => (d ? `${n}, de ${d}` : n),
    newParagraph: (n, d) => `Recordando su resolución ${n}${d ? `, de ${d}` : ''},`,
  },
};

/** The citations of a "Recalling its resolution(s) …" text: their spans, and the separators between them. */
function citationList(text: string, r: RecallWords): { noun: [number, number]; cites: [number, number][]; seps: [number, number][] } | null {
  const h = r.head.exec(text);
  if (!h) return null;
  const noun: [number, number] = [h[0].length - 1 - h[1]!.length, h[0].length - 1];
  const cites: [number, number][] = [];
  const seps: [number, number][] = [];
  let pos = h[0].length;
  for (;;) {
    r.cite.lastIndex = pos;
    const c = r.cite.exec(text);
    if (!c) break;
    cites.push([pos, pos + c[0].length]);
    pos += c[0].length;
    r.sep.lastIndex = pos;
    const s = r.sep.exec(text);
    if (!s) break;
    seps.push([pos, pos + s[0].length]);
    pos += s[0].length;
  }
  if (seps.length >= cites.length) seps.pop();
  return cites.length ? { noun, cites, seps } : null;
}

/**
 * Applies run edits as tracked proposals: deleted text marked `del`, inserted text `ins`, each its
 * own proposal (accepting a proposal acts on one mark kind); `record` hears each change with the
 * ids that carry it.
 */
function applyEdits(run: TextRun, edits: RunEdit[], propose: () => Proposal, record: (e: RunEdit, from: string, ids: string[]) => void): Inline[] {
  const out: Inline[] = [];
  const { t: _t, text, ...marks } = run;
  const push = (s: string, extra: Partial<TextRun> = {}) => {
    if (s) out.push({ t: 'text', ...marks, ...extra, text: s });
  };
  let pos = 0;
  for (const e of edits) {
    push(text.slice(pos, e.from));
    let old = text.slice(e.from, e.to);
    let insert = e.insert;
    // A pure extension ("resolution" → "resolutions") is proposed as the insertion alone.
    if (old && insert.startsWith(old)) {
      push(old);
      insert = insert.slice(old.length);
      old = '';
    }
    const ids: string[] = [];
    if (old) {
      const del = propose();
      ids.push(del.id);
      push(old, { del });
    }
    if (insert) {
      const ins = propose();
      ids.push(ins.id);
      push(insert, { ins });
    }
    record(e, text.slice(e.from, e.to), ids);
    pos = e.to;
  }
  push(text.slice(pos));
  return out;
}

function advancedOrgan(meta: FrontMatter): Organ {
  if (meta.organ !== 'ga') return meta.organ;
  const m = /\b(First|Second|Third|Fourth|Fifth|Sixth) Committee\b|\b(Première|Deuxième|Troisième|Quatrième|Cinquième|Sixième) Commission\b|\b(Primera|Segunda|Tercera|Cuarta|Quinta|Sexta) Comisión\b/u.exec(meta.basis);
  if (!m) return 'ga';
  const name = (m[1] ?? m[2] ?? m[3])!;
  const i = [['First', 'Première', 'Primera'], ['Second', 'Deuxième', 'Segunda'], ['Third', 'Troisième', 'Tercera'], ['Fourth', 'Quatrième', 'Cuarta'], ['Fifth', 'Cinquième', 'Quinta'], ['Sixth', 'Sixième', 'Sexta']].findIndex((names) => names.includes(name));
  return `ga-c${i + 1}` as Organ;
}

/**
 * The technical update of adopted resolution `source` (see the module comment). Throws a
 * PlenaryError (BAD_INPUT) when `source` is not an adopted resolution of a numbered regular
 * session (a draft, or a Security Council or ECOSOC resolution numbered by year): there is no
 * "next session" to write it for. `source` itself is never modified.
 */
export function technicalUpdate(source: ResolutionDocument, opts: TechnicalUpdateOptions): TechnicalUpdateResult {
  const meta = source.meta;
  const parsed = parseSymbol(meta.symbol);
  const sessionText = /^[1-9]\d{0,2}$/.test(meta.session) ? meta.session : (parsed?.session ?? '');
  if (meta.kind !== 'resolution' || !/^[1-9]\d{0,2}$/.test(sessionText)) {
    throw new PlenaryError('BAD_INPUT', `A technical update starts from an adopted resolution of a numbered regular session; ${meta.symbol || 'this document'} is not one.`, { msg: { code: 'draft.notRegularSession', values: { symbol: meta.symbol || '—' } } });
  }
  const session = Number(sessionText);
  const by = opts.by ?? TECHNICAL_UPDATE_BY;
  const lang = meta.language;
  const changes: TechnicalChange[] = [];
  const notes: CodedMessage[] = [];
  const note = (code: string, values: Record<string, string>, message: string) => notes.push({ code, values, message });
  const proposal = (): Proposal => ({ id: opts.makeId('t'), by, at: opts.at });

  // Edits are found on the text of each run of plain text runs (a symbol reference or emphasis
  // splits a citation list into runs) and applied to the run they fall in; an insertion at a run
  // boundary goes into the run that follows, so it never takes a symbol reference's mark. An edit
  // that would straddle two runs is not made.
  const editBlocks = (blocks: Block[], edits: (b: Block, text: string, first: boolean) => RunEdit[]): Block[] =>
    blocks.map((b) => {
      const rewrite = (inl: Inline[], isContent: boolean): Inline[] => {
        const out: Inline[] = [];
        const plainRun = (x: Inline | undefined): x is TextRun => x?.t === 'text' && !x.ins && !x.del;
        for (let i = 0; i < inl.length; ) {
          if (!plainRun(inl[i])) {
            out.push(inl[i]!);
            i++;
            continue;
          }
          let j = i;
          while (plainRun(inl[j])) j++;
          const group = inl.slice(i, j) as TextRun[];
          const es = edits(b, group.map((g) => g.text).join(''), isContent && i === 0);
          let start = 0;
          group.forEach((g, k) => {
            const end = start + g.text.length;
            const last = k === group.length - 1;
            const mine = es
              .filter((e) => e.from >= start && (e.from < end || (last && e.from === end)) && e.to <= end)
              .map((e) => ({ ...e, from: e.from - start, to: e.to - start }));
            out.push(...(mine.length ? applyEdits(g, mine, proposal, (e, from, ids) => changes.push({ kind: e.kind, paragraphId: b.id, from, to: e.insert, proposals: ids })) : [g]));
            start = end;
          });
          i = j;
        }
        return out;
      };
      return { ...b, content: rewrite(b.content, true), tail: rewrite(b.tail, false), children: editBlocks(b.children, edits) };
    });

  const ordinals = hasOrdinals(lang) ? (_b: Block, text: string) => ordinalEdits(text, lang, session) : () => [];
  if (!hasOrdinals(lang)) note('noOrdinals', { lang }, `Session ordinals are not advanced in this language (${lang}); review the text for them.`);
  let preambular = editBlocks(source.preambular, ordinals);
  const operative = editBlocks(source.operative, ordinals);
  const annexes = source.annexes.map((a) => ({ ...a, paragraphs: editBlocks(a.paragraphs, ordinals) }));

  // The source resolution joins the "Recalling its resolution(s)" list.
  const num = citationNumber(meta.symbol);
  const recall = RECALL[lang];
  if (!num) note('noSymbol', {}, 'The source has no resolution symbol, so it was not added to the recalled resolutions.');
  else if (!recall) note('recallByHand', { num, lang }, `Add resolution ${num} to the recalled resolutions by hand: this language (${lang}) has no wording for it yet.`);
  else {
    const date = formatDate(meta.adoptionDate, lang);
    if (!date) note('noDate', { num }, `The source has no adoption date; ${num} is recalled without one.`);
    const target = preambular.find((b) => {
      let text = '';
      for (const x of b.content) {
        if (x.t !== 'text' || x.ins || x.del) break;
        text += x.text;
      }
      return citationList(text, recall) !== null;
    });
    if (target) {
      let done = false;
      preambular = editBlocks(preambular, (b, text, first) => {
        if (done || b !== target || !first) return [];
        done = true;
        const list = citationList(text, recall)!;
        if (list.cites.some(([a, z]) => text.slice(a, z).split(' ')[0] === num)) {
          note('alreadyRecalled', { num }, `Resolution ${num} is already recalled.`);
          return [];
        }
        const last = list.cites[list.cites.length - 1]!;
        if (last[1] === text.length && b.content.some((x) => x.t !== 'text' || x.ins || x.del)) {
          note('listPastNote', { num }, `The recalled list goes on past a footnote or a cross-reference: add ${num} to it by hand.`);
          return [];
        }
        const edits: RunEdit[] = [];
        if (list.cites.length === 1) {
          const nounText = text.slice(list.noun[0], list.noun[1]);
          if (nounText === recall.singular) edits.push({ from: list.noun[0], to: list.noun[1], insert: recall.plural, kind: 'recalled' });
        } else {
          const sep = list.seps[list.seps.length - 1]!;
          if (text.slice(sep[0], sep[1]) !== ', ') edits.push({ from: sep[0], to: sep[1], insert: ', ', kind: 'recalled' });
        }
        edits.push({ from: last[1], to: last[1], insert: recall.and + recall.cited(num, date), kind: 'recalled' });
        return edits;
      });
    } else {
      const p = proposal();
      const text = recall.newParagraph(num, date);
      const id = opts.makeId('p');
      preambular = [{ id, content: [{ t: 'text', text, ins: p }], children: [], tail: [], proposal: { ...p, kind: 'ins' } }, ...preambular];
      changes.push({ kind: 'recalled', paragraphId: id, from: '', to: text, proposals: [p.id] });
    }
  }

  const next = String(session + 1);
  const organ = advancedOrgan(meta);
  const newMeta: FrontMatter = {
    ...meta,
    kind: 'draft',
    organ,
    symbol: '',
    session: next,
    sponsors: [],
    sponsorNote: '',
    bureauLine: '',
    adoptionDate: '',
    issueDate: '',
    basis: '',
    meeting: '',
    originalLanguage: lang,
  };
  delete newMeta.sponsorLineEnd;
  const shown: [string, string, string, TechnicalChange['masthead']][] = [
    ['Document', 'adopted resolution', 'draft resolution (L-document)', { field: 'document', fromCode: 'adopted', toCode: 'draft' }],
    ['Session', meta.session || sessionText, next, { field: 'session' }],
    ['Symbol', meta.symbol, 'none yet (assigned by the Secretariat)', { field: 'symbol', toCode: 'symbolPending' }],
  ];
  if (organ !== meta.organ) shown.push(['Organ', meta.organ, organ, { field: 'organ' }]);
  if (meta.agendaItems.length) note('agendaKept', {}, 'Agenda item numbers are kept from the source: check them against the agenda of the new session.');
  for (const [what, from, to, masthead] of shown) changes.push({ kind: 'masthead', paragraphId: null, from: `${what}: ${from}`, to: `${what}: ${to}`, proposals: [], masthead });

  return { document: { ...source, meta: newMeta, preambular, operative, annexes }, changes, notes };
}
