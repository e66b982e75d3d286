/**
 * The document wording every exporter prints the same way (spec §1–§5): the sponsor line of a
 * draft, the number of the title line, the "Resolution adopted by …" heading, the closing meeting
 * lines, the list of names joined in each language, and the footnotes nothing references. Text,
 * HTML, Word and Akoma Ntoso exports all take these words from here, so they cannot drift apart.
 */
import type { DocumentLayout } from './layout.js';
import type { Footnote, FrontMatter, Language, ResolutionDocument } from '../resolution/model.js';
import { draftResolutionWords, type MastheadWords } from '../resolution/masthead.js';

// Read back by import/akn.ts too, so it lives with the masthead's words; exporters take it from here.
export { draftResolutionWords };
import { citationNumber } from '../resolution/symbols.js';

const AND: Readonly<Record<Language, string>> = { en: ' and ', fr: ' et ', es: ' y ', ru: ' и ', ar: ' و', zh: '和' };
const LIST_SEP: Readonly<Record<Language, string>> = { en: ', ', fr: ', ', es: ', ', ru: ', ', ar: '، ', zh: '、' };

/**
 * Names joined as a list in `lang`: "Italy", "Italy and Turkmenistan", "A, B and C"; Arabic with
 * the Arabic comma and "و" joined to the last name ("A، B وC"), Chinese "A、B和C". Empty names are
 * left out.
 */
export function joinNames(names: readonly string[], lang: Language): string {
  const list = names.filter((n) => n.trim() !== '');
  if (list.length <= 1) return list.join('');
  return list.slice(0, -1).join(LIST_SEP[lang]) + AND[lang] + list[list.length - 1]!;
}

/** The colon after the sponsors: ":" (French a no-break space and ":", Chinese "："). */
export function sponsorColon(lang: Language): string {
  return lang === 'fr' ? '\u00a0:' : lang === 'zh' ? '：' : ':';
}

/** The sponsors as the sponsor line begins: "Italy and Turkmenistan:" (see {@link joinNames}, {@link sponsorColon}). */
export function sponsorList(sponsors: readonly string[], lang: Language): string {
  return joinNames(sponsors, lang) + sponsorColon(lang);
}

/** The space between the sponsors' colon (and its "*") and "draft resolution": none after the Chinese full-width colon. */
export function afterSponsorColon(lang: Language): string {
  return lang === 'zh' ? '' : ' ';
}

/**
 * The sponsor line of a draft as printed (spec §2): "Italy and Turkmenistan:* draft resolution"
 * ("*" when the sponsor line has a note; "revised draft resolution" for revisions), or the bureau
 * line when there is one; "" for resolutions and for drafts without sponsors or bureau line.
 */
export function sponsorLine(meta: FrontMatter, words: MastheadWords): string {
  if (meta.kind === 'resolution') return '';
  if (meta.bureauLine.trim()) return meta.bureauLine.trim();
  if (meta.sponsors.length === 0) return '';
  // The line ends as its draft printed it ("draft decision", "amendment to draft resolution
  // A/80/L.18"), as the Word masthead prints it.
  const end = meta.sponsorLineEnd?.trim() || draftResolutionWords(meta, words);
  return `${sponsorList(meta.sponsors, meta.language)}${meta.sponsorNote.trim() ? '*' : ''}${afterSponsorColon(meta.language)}${end}`;
}

/** The number of the title line: "79/200." ("55/10 - " in Arabic), or "". */
export function titleNumberLabel(layout: DocumentLayout): string {
  if (!layout.titleNumber) return '';
  return layout.lang === 'ar' ? `${layout.titleNumber} - ` : `${layout.titleNumber}.`;
}

const RE_MEETING_ONLY = /^\d{1,5}\s?(?:st|nd|rd|th) meeting$/i;

/**
 * The heading "Resolution adopted by the General Assembly" / "on 19 December 2024" as two lines
 * (spec §1.3), or [] for drafts. Without an adoption date, only the first line. Security Council
 * resolutions in English have their own (spec §5): "Resolution 2532 (2020)" / "Adopted by the
 * Security Council at its 8785th meeting, on 1 July 2020" (or "of 15 September 1947" when the
 * meeting is given in a closing line of the older form).
 */
export function adoptedHeading(layout: DocumentLayout): string[] {
  if (layout.isDraft) return [];
  const w = layout.words;
  const sc = securityCouncilNumber(layout);
  if (sc) {
    const meeting = layout.meta.meeting.trim();
    if (RE_MEETING_ONLY.test(meeting)) {
      return [`Resolution ${sc}`, `Adopted by the Security Council at its ${meeting}${layout.adoptionDate ? `, on ${layout.adoptionDate}` : ''}`];
    }
    return layout.adoptionDate ? [`Resolution ${sc}`, `of ${layout.adoptionDate}`] : [`Resolution ${sc}`];
  }
  if (layout.lang === 'zh') return layout.adoptionDate ? [`${w.adoptedBy}${w.on(layout.adoptionDate)}`] : [w.adoptedBy];
  return layout.adoptionDate ? [w.adoptedBy, w.on(layout.adoptionDate)] : [w.adoptedBy];
}

/**
 * The footnotes of `doc` that no paragraph references (the layout numbers only those that are
 * referenced), in their order: an importer keeps notes it could not place.
 */
export function unreferencedFootnotes(doc: ResolutionDocument, layout: DocumentLayout): Footnote[] {
  const used = new Set(layout.footnotes.map((f) => f.id));
  return doc.footnotes.filter((f) => !used.has(f.id));
}

/** "a", "b" … "z", "aa", "bb" …: the mark of the k-th (from 0) note that nothing references. */
export function letterMark(k: number): string {
  return String.fromCharCode(97 + (k % 26)).repeat(Math.floor(k / 26) + 1);
}

/** "2532 (2020)" for an English Security Council resolution, else "". */
function securityCouncilNumber(layout: DocumentLayout): string {
  if (layout.meta.organ !== 'sc' || layout.lang !== 'en' || layout.isDraft) return '';
  return citationNumber(layout.meta.symbol) ?? '';
}

/**
 * The closing block under the last paragraph (spec §1.11): the meeting line and the adoption
 * date, or [] for drafts and for Security Council resolutions whose heading names the meeting.
 */
export function closingLines(layout: DocumentLayout): string[] {
  const meeting = layout.meta.meeting.trim();
  if (layout.isDraft || !meeting) return [];
  if (securityCouncilNumber(layout)) return RE_MEETING_ONLY.test(meeting) ? [] : [meeting];
  return layout.adoptionDate ? [meeting, layout.adoptionDate] : [meeting];
}
