/**
 * The sponsor line of a draft (un-format.md §2), read from the masthead: "Italy and
 * Turkmenistan:* draft resolution", a list of fifty States wrapped over many lines, "Tajikistan:*
 * draft decision**", "Belarus and Russian Federation: amendment to revised draft resolution
 * A/C.3/80/L.20/Rev.1", and the bureau lines that replace it ("Draft resolution submitted by the
 * Vice-Chair of the Committee, …", "Draft decision submitted by the Bureau", a bare "Draft
 * resolution").
 */

/** A sponsor line as read. */
export interface SponsorLine {
  /** The sponsors, in order, as printed ("Netherlands (Kingdom of the)"). */
  sponsors: string[];
  /** The words after the colon, as printed without marks ("draft decision", "amendment to draft resolution A/80/L.18"). */
  end: string;
  /** Reference marks printed after the colon ("*" refers to the sponsor note), "" when none. */
  sponsorMark: string;
  /** Reference marks printed after the end words ("**" in "draft decision**"), "" when none. */
  endMark: string;
}

const END_WORDS =
  '(?:revised\\s+)?draft\\s+(?:resolution|decision)' +
  '|amendments?\\s+to\\s+(?:the\\s+)?(?:revised\\s+)?draft\\s+(?:resolution|decision)\\s+[A-Z]\\/[A-Z0-9.\\-/]+' +
  '|projet\\s+de\\s+(?:résolution|décision)(?:\\s+révisé)?' +
  '|amendements?\\s+au\\s+projet\\s+de\\s+(?:résolution|décision)(?:\\s+révisé)?\\s+[A-Z]\\/[A-Z0-9.\\-/]+' +
  '|proyecto\\s+de\\s+(?:resolución|decisión)(?:\\s+revisado)?' +
  '|enmiendas?\\s+al\\s+proyecto\\s+de\\s+(?:resolución|decisión)(?:\\s+revisado)?\\s+[A-Z]\\/[A-Z0-9.\\-/]+' +
  '|(?:пересмотренный\\s+)?проект\\s+(?:резолюции|решения)' +
  '|поправк[аи]\\s+к\\s+(?:пересмотренному\\s+)?проекту\\s+(?:резолюции|решения)\\s+[A-Z]\\/[A-Z0-9.\\-/]+';

// Sponsor names are at most a few thousand characters; the list is bounded by the caller.
// Matched against a line whose white space is folded to single spaces (parseSponsorLine), so a
// single optional space stands where the text has white space: no two quantifiers trade characters.
const RE_SPONSOR_LINE = new RegExp(`^(\\S[^:]{0,6000}?) ?[:：] ?(\\*{0,3}) ?(${END_WORDS}) ?(\\*{0,3})$`, 'iu');

/** Bureau lines that stand instead of sponsors. */
export const RE_BUREAU_LINE =
  /^(?:(?:revised\s+)?draft\s+(?:resolution|decision)(?:\s+submitted\s+by\b.*)?|projet\s+de\s+(?:résolution|décision)(?:\s+révisé)?(?:\s+présenté\s+par\b.*)?|proyecto\s+de\s+(?:resolución|decisión)(?:\s+revisado)?(?:\s+presentado\s+por\b.*)?)$/iu;

/**
 * Names of States and groups that contain the word for "and": the list is not split inside
 * them. Lower case, single spaces.
 */
const JOINED_NAMES: readonly string[] = [
  'antigua and barbuda',
  'bosnia and herzegovina',
  'saint kitts and nevis',
  'saint vincent and the grenadines',
  'sao tome and principe',
  'trinidad and tobago',
  'united kingdom of great britain and northern ireland',
  'group of 77 and china',
  'royaume-uni de grande-bretagne et d’irlande du nord',
  "royaume-uni de grande-bretagne et d'irlande du nord",
  'antigua y barbuda',
  'bosnia y herzegovina',
  'saint kitts y nevis',
  'san vicente y las granadinas',
  'santo tomé y príncipe',
  'trinidad y tabago',
  'reino unido de gran bretaña e irlanda del norte',
  'сент-китс и невис',
  'сент-винсент и гренадины',
  'сан-томе и принсипи',
  'тринидад и тобаго',
  'босния и герцеговина',
  'антигуа и барбуда',
  'соединенное королевство великобритании и северной ирландии',
];

const RE_AND = /(?<!\s)\s+(?:and|et|[yeи])\s+/giu;

/** Splits at commas and at the last "and" outside parentheses and outside the names above. */
export function splitSponsors(list: string): string[] {
  const s = list.replace(/\s+/g, ' ').trim();
  // Positions inside parentheses or inside a joined name are protected.
  const protectedAt = new Array<boolean>(s.length).fill(false);
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(') depth++;
    if (depth > 0) protectedAt[i] = true;
    if (c === ')') depth = Math.max(0, depth - 1);
  }
  const lower = s.toLowerCase();
  for (const name of JOINED_NAMES) {
    for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + 1)) {
      for (let k = at; k < at + name.length; k++) protectedAt[k] = true;
    }
  }
  const cuts: [number, number][] = [];
  for (let i = 0; i < s.length; i++) if (s[i] === ',' && !protectedAt[i]) cuts.push([i, i + 1]);
  // The conjunction: the last one outside protected text, after the last comma.
  const lastComma = cuts.length ? cuts[cuts.length - 1]![1] : 0;
  let and: [number, number] | null = null;
  for (const m of s.slice(lastComma).matchAll(RE_AND)) {
    const at = lastComma + m.index;
    if (!protectedAt[at + 1]) and = [at, at + m[0].length];
  }
  if (and) cuts.push(and);
  const out: string[] = [];
  let from = 0;
  for (const [a, b] of cuts) {
    out.push(s.slice(from, a));
    from = b;
  }
  out.push(s.slice(from));
  return out.map((x) => x.trim()).filter(Boolean);
}

/** Reads a whole sponsor line (its wrapped lines joined by spaces), or null when it is not one. */
export function parseSponsorLine(text: string): SponsorLine | null {
  if (text.length > 12000) return null;
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length > 6200) return null;
  const m = RE_SPONSOR_LINE.exec(t);
  if (!m) return null;
  const names = m[1]!.replace(/(?<!\*)\*+$/, '').trim();
  // Not a sentence that happens to end in "draft resolution": a list of names starts with a capital.
  if (!/^\p{Lu}/u.test(names) || /[.;]$/.test(names)) return null;
  const sponsors = splitSponsors(names);
  if (sponsors.length === 0) return null;
  return { sponsors, end: m[3]!.replace(/\s+/g, ' '), sponsorMark: m[2]!, endMark: m[4]! };
}

/**
 * Finds a sponsor line starting at `lines[from]` that runs over at most `max` lines; returns it
 * and the index of its last line, or null. A blank line (a PDF may set a long list as several
 * paragraphs) is crossed only where the list plainly goes on: after a comma, a colon or a
 * reference mark, or before a word in lower case ("of Palestine:*", "draft resolution").
 */
export function sponsorLineAt(lines: readonly string[], from: number, max = 24): { line: SponsorLine; last: number } | null {
  let joined = '';
  let colon = false;
  if (lines[from] === '') return null;
  for (let k = from; k < Math.min(lines.length, from + max); k++) {
    const l = lines[k]!;
    if (l === '') {
      let next = k + 1;
      while (next < lines.length && lines[next] === '') next++;
      if (next >= lines.length || !(/(?:[,:*]|\s(?:and|of|the|et|de|du|[yeи]|del))$/u.test(joined) || /^\p{Ll}/u.test(lines[next]!))) return null;
      k = next - 1;
      continue;
    }
    joined = joined ? `${joined} ${l}` : l;
    if (joined.length > 6200) return null;
    // The colon after the names must have come (cheap test before the full pattern).
    if (!colon) colon = /[:：]/.test(l);
    if (!colon) continue;
    const p = parseSponsorLine(joined);
    if (p) return { line: p, last: k };
  }
  return null;
}
