/**
 * Subparagraph labels while the body is split into units (split.ts): how a label's counter may
 * be read, where a label goes among the open lists, and two rules of where a list starts or a
 * numbered paragraph starts its numbering again (issue 13, A/C.6/80/L.8):
 *
 * - an item of a list may open with a lower-case word ("(i) the general nature of the goods;")
 *   where the text before it introduces or continues a list (it ends with ":" or ";", "; and",
 *   "; or");
 * - "1." after a colon opens a list inside the paragraph above ("Decides that the agenda shall
 *   be as follows:" / "1. Opening …"), unless a title stands between it and the last numbered
 *   paragraph ("Article 2" / "Definitions" / "For the purposes of this Convention:" / "1."):
 *   there the numbering starts again, as the document prints it.
 */
import { fromRoman } from '../resolution/labels.js';
import { plain } from './inline.js';
import type { Unit } from './split.js';

/** A counter a subparagraph label can be read as. */
export interface LabelReading {
  counter: 'latin' | 'roman' | 'digit' | 'cyrillic';
  index: number;
}

const CYRILLIC_LETTERS = 'абвгдежзиклмнопрстуфхцчшщэюя';

/** Possible readings of a label's counter ("i" is latin 9 or roman 1; "1" digit 1 or, in OCR, roman 1). */
export function labelReadings(v: string): LabelReading[] {
  const out: LabelReading[] = [];
  if (/^\d+$/.test(v)) {
    out.push({ counter: 'digit', index: Number(v) });
    if (/^1{1,3}$/.test(v)) out.push({ counter: 'roman', index: v.length });
    return out;
  }
  const r = fromRoman(v);
  if (r !== null && v === v.toLowerCase()) out.push({ counter: 'roman', index: r });
  if (/^([a-z])\1{0,2}$/.test(v)) out.push({ counter: 'latin', index: (v.length - 1) * 26 + (v.charCodeAt(0) - 96) });
  if (v.length === 1 && CYRILLIC_LETTERS.includes(v)) out.push({ counter: 'cyrillic', index: CYRILLIC_LETTERS.indexOf(v) + 1 });
  return out;
}

/** An open subparagraph list: its counter, the last index read, its label style and its items. */
export interface ListFrame {
  counter: LabelReading['counter'];
  last: number;
  style: 'paren' | 'close' | 'dot';
  items: { unit: Unit; raw: string; index: number }[];
}

/** A label as printed in `style`, an OCR digit read as a roman numeral shown as one ("(1)" → "(i)"). */
export function formatLabel(style: ListFrame['style'], counter: LabelReading['counter'], index: number, raw: string): string {
  let v = raw;
  if (counter === 'roman' && /^\d+$/.test(raw)) v = 'i'.repeat(index);
  return style === 'paren' ? `(${v})` : style === 'close' ? `${v})` : `${v}.`;
}

/** Where a subparagraph label goes among the open lists, or null if it does not fit. */
export function placeLabel(
  lists: ListFrame[],
  readings: LabelReading[],
  style: ListFrame['style'],
  labelOnly: boolean,
  prev: string,
): { frame: ListFrame; depth: number; index: number; converted: boolean } | null {
  // A sibling in an open list (innermost first).
  for (let k = lists.length - 1; k >= 0; k--) {
    const f = lists[k]!;
    if (f.style !== style && !(f.style !== 'dot' && style !== 'dot')) continue;
    for (const r of readings) {
      if (r.counter === f.counter && r.index === f.last + 1) {
        lists.length = k + 1;
        f.last = r.index;
        return { frame: f, depth: k + 1, index: r.index, converted: false };
      }
      // OCR: "(1)" read for "(i)", recognised when "(ii)" follows.
      if (f.counter === 'digit' && f.last === 1 && r.counter === 'roman' && r.index === 2) {
        lists.length = k + 1;
        f.counter = 'roman';
        f.last = 2;
        return { frame: f, depth: k + 1, index: 2, converted: true };
      }
    }
  }
  // The first of a new list, one level deeper.
  if (lists.length >= 4) return null;
  const firsts = readings.filter((r) => r.index === 1);
  if (firsts.length === 0) return null;
  if (style === 'dot' && !/:\s*(?:\uE000[^\uE001]*\uE001)?$/.test(prev) && !labelOnly) return null;
  const inner = lists[lists.length - 1];
  let pick = firsts[0]!;
  if (firsts.length > 1) {
    // "(1)": digits, except under a lettered list, where it is the OCR of "(i)".
    pick = inner && inner.counter === 'latin' ? (firsts.find((r) => r.counter === 'roman') ?? pick) : (firsts.find((r) => r.counter === 'digit') ?? pick);
  }
  // A first "(a)" where an (a)–(b) list is open starts a list of its own at that list's level,
  // never one nested under its last item: no document nests a list under an item of the same kind
  // (an unnumbered annex paragraph, then its own "(a)", A/RES/79/323 as exported).
  const same = lists.findIndex((f) => f.counter === pick.counter && (f.style === style || (f.style !== 'dot' && style !== 'dot')));
  if (same >= 0) lists.length = same;
  const f: ListFrame = { counter: pick.counter, last: 1, style, items: [] };
  lists.push(f);
  return { frame: f, depth: lists.length, index: 1, converted: false };
}

/** Text that introduces or continues a list: it ends with ":" or ";" (then perhaps "and", "or"), perhaps a footnote mark. */
const RE_LIST_LEAD = /[:;](?: (?:and|or|et|ou|y|o))?(?:\uE000[^\uE001]*\uE001)?$/;

/**
 * True when an item whose text opens with a lower-case word may start at this line: the text
 * before it (`before`, the line above or the last unit's last line) introduces or continues a
 * list. The label must still fit the open lists (placeLabel).
 */
export function lowerItemFollows(before: string): boolean {
  return RE_LIST_LEAD.test(before.replace(/\s+/g, ' ').trim());
}

/** A title line: short, no clause closed at its end ("Article 2", "Definitions", "Chapter I"). */
function isTitleUnit(u: Unit): boolean {
  if (u.kind === 'heading') return true;
  if (u.kind !== 'para' || u.num !== 0 || u.depth !== 0 || u.label !== '') return false;
  const t = plain(u.lines.join(' ')).trim();
  return t.length > 0 && t.length <= 150 && !/[,;:.!?…]["”’»)\]]*\s*$/.test(t);
}

/**
 * True when a title stands among the units since the last numbered paragraph: a "1." that
 * follows starts the numbering again (a convention's article), it is not a list inside the
 * paragraph above.
 */
export function titleSinceNumber(units: readonly Unit[]): boolean {
  for (let k = units.length - 1; k >= 0; k--) {
    const u = units[k]!;
    if (u.num > 0) return false;
    if (isTitleUnit(u)) return true;
  }
  return false;
}

/**
 * The list style of a paragraph whose subparagraphs the document labels `labels` (model.ts
 * Block.listLabels): 'digits' when every one is numbered "1.", "2."… (A/RES/79/1, Annex I,
 * paragraph 7), so the exports print those numbers rather than "(a)", "(b)"; otherwise none.
 */
export function listLabelsOf(labels: readonly string[]): 'digits' | undefined {
  return labels.length > 0 && labels.every((l) => /^\d+\.$/.test(l)) ? 'digits' : undefined;
}
