/**
 * Consecutive footnote marks ("conflict,10,11"): the comma between two marks is part of how the
 * marks are printed (a superscript comma), not text of the paragraph. Left as text it prints as
 * "conflict,," once the marks are set as superscripts (issue 13).
 */
import type { Block, Inline } from '../resolution/model.js';

/** Whether `i` is a text run that only separates two marks: a comma, with or without spaces. */
function isSeparator(i: Inline | undefined): boolean {
  return i !== undefined && i.t === 'text' && /^\s*,\s*$/.test(i.text);
}

/** The runs without the separating commas between footnote references. */
export function dropMarkSeparators(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (let k = 0; k < inlines.length; k++) {
    const i = inlines[k]!;
    if (isSeparator(i) && out[out.length - 1]?.t === 'fn' && inlines[k + 1]?.t === 'fn') continue;
    out.push(i);
  }
  return out;
}

/** Applies {@link dropMarkSeparators} to a block, its subparagraphs and its tail, in place. */
export function dropMarkSeparatorsInBlock(b: Block): void {
  b.content = dropMarkSeparators(b.content);
  b.tail = dropMarkSeparators(b.tail);
  b.children.forEach(dropMarkSeparatorsInBlock);
}
