/**
 * Draft decisions set as one sentence (issue 13): "The General Assembly decides to defer … the
 * following documents:", "… approves the proposed programme of work … as set out below:", "…
 * decides: (a) …". The enacting formula runs into the operative verb, and what the sentence sets
 * out (a list of documents, a timetable) follows as the official prints it: items without
 * numbers, a table, never numbered paragraphs.
 */
import { classifyOpening, enactingFormula } from '../resolution/lexicon.js';
import type { Language, Organ } from '../resolution/model.js';
import { plain } from './inline.js';
import type { Unit } from './split.js';

/** The kind of paragraph `text` opens like (a phrase of the lexicon), or null. */
export function opensWith(text: string, lang: Language): 'pp' | 'op' | null {
  const t = plain(text).slice(0, 200);
  if (lang !== 'ru' && lang !== 'ar' && lang !== 'zh' && !/^[\s"“‘«(]*\p{Lu}/u.test(t)) return null;
  return classifyOpening(t, lang)?.kind ?? null;
}

/**
 * A decision set as one sentence: the index of that paragraph when it is the first paragraph of
 * the body and no numbered paragraph follows, or null. `setsOut`: it ends with a colon and only
 * unlabelled paragraphs, headings and tables follow: the text it sets out, which the caller keeps
 * as an annex with no heading, as for "Adopts the following …:". Lettered items that follow are
 * its subparagraphs.
 */
export function runInDecision(body: readonly Unit[], lang: Language, organ: Organ): { at: number; setsOut: boolean } | null {
  const i = body.findIndex((u) => u.kind === 'para');
  const u = body[i];
  if (!u || u.num !== 0 || u.depth !== 0 || body.slice(0, i).some((v) => v.kind !== 'heading')) return null;
  const t = plain(u.text).replace(/\s+/g, ' ').trim();
  const words = enactingFormula(organ, lang, false).words;
  if (!t.startsWith(words + ' ')) return null;
  if (opensWith(t.slice(words.length + 1).replace(/^\p{Ll}/u, (c) => c.toUpperCase()), lang) !== 'op') return null;
  const rest = body.slice(i + 1);
  if (rest.some((v) => v.num > 0)) return null;
  const labelled = rest.some((v) => v.kind === 'para' && (v.depth > 0 || v.label !== ''));
  return { at: i, setsOut: t.endsWith(':') && !labelled && rest.length > 0 };
}

/** A block of the builder, as far as {@link settleSetOut} needs it. */
interface SetOutBlock {
  heading?: unknown;
  table?: unknown;
  preambular?: boolean;
}

/**
 * The text a one-sentence decision sets out (an annex with no heading), made to print as the
 * official does: its paragraphs stand unnumbered (an annex's `preambular` paragraph, schema.ts
 * `ap` unnumbered), since the official prints its items without numbers ("Report of the
 * Secretary-General on …", the rows of a timetable the text layer gives line by line) and none
 * of them printed one (runInDecision refuses a numbered paragraph): a number by position would
 * be a number the document does not have. A single line set out is that text, not a title over
 * nothing (an annex with no paragraph prints an empty numbered one).
 */
export function settleSetOut(annex: { title: string; nest: { readonly roots: readonly SetOutBlock[]; root(text: string): SetOutBlock } }): void {
  if (annex.nest.roots.length === 0 && annex.title) {
    annex.nest.root(annex.title);
    annex.title = '';
  }
  for (const b of annex.nest.roots) if (b.heading === undefined && b.table === undefined) b.preambular = true;
}
