/**
 * The one nesting rule between the flat editor document (paragraphs with a level and a tail flag)
 * and the nested file model (a block, its subparagraphs, its tail). `toDoc` writes a block's tail
 * at the block's own level after its subparagraphs; everything that reads the flat document back
 * (fromDoc's nestBlocks, the negotiation's structural checks) uses `nestFlat`, so a saved file
 * reopens as the editor showed it and every exporter nests the same way.
 */

/** One item of a flat container (the preamble, the operative part, an annex), in order. */
export interface FlatItem {
  /** 0 = paragraph, 1–4 = subparagraph level (as the editor stores it). */
  level: number;
  /** The editor's tail flag (continues a paragraph after its list). */
  tail: boolean;
  /** A heading or a table: stands at the top and closes every open paragraph. */
  block?: boolean;
}

/** Where a flat item belongs. */
export interface Nesting {
  /**
   * For a paragraph: the index of the paragraph it is a subparagraph of (-1 at the top). For a
   * tail: the index of the paragraph it continues. -1 for headings and tables.
   */
  parent: number;
  /** A tail that continues `parent`. False for a tail with no paragraph to continue (it is then a paragraph where it stands). */
  tail: boolean;
  /**
   * The level it has in the model: a paragraph's own level; a tail's is the level of the
   * paragraph it continues (lower than the stored one when no paragraph of its own level is open).
   */
  level: number;
  /** For a paragraph: levels between it and its parent with no paragraph of their own (`Block.skip`). */
  skip: number;
}

/**
 * Nests a flat container. A paragraph at level L hangs from the last open paragraph of a lower
 * level. A tail at level L continues the last open paragraph of level ≤ L (the paragraph whose
 * list it closes, written at that paragraph's level); that paragraph and everything under it are
 * then closed, so a paragraph after the tail never joins the list before it (the words keep their
 * order). A tail with no open paragraph becomes a paragraph at its level. Headings and tables
 * close everything. Levels above 4 are read as 4.
 */
export function nestFlat(items: readonly FlatItem[]): Nesting[] {
  const out: Nesting[] = [];
  // The open paragraphs, outermost first: their indices and levels (strictly increasing).
  const stack: number[] = [];
  const levels: number[] = [];
  items.forEach((it, i) => {
    if (it.block) {
      stack.length = levels.length = 0;
      out.push({ parent: -1, tail: false, level: 0, skip: 0 });
      return;
    }
    const wanted = Math.min(Math.max(it.level, 0), 4);
    if (it.tail) {
      const k = levels.findLastIndex((l) => l <= wanted);
      if (k >= 0) {
        out.push({ parent: stack[k]!, tail: true, level: levels[k]!, skip: 0 });
        stack.length = levels.length = k;
        return;
      }
    }
    while (levels.length && levels[levels.length - 1]! >= wanted) {
      stack.pop();
      levels.pop();
    }
    const parent = stack.length ? stack[stack.length - 1]! : -1;
    const base = levels.length ? levels[levels.length - 1]! + 1 : 0;
    out.push({ parent, tail: false, level: wanted, skip: wanted - base });
    stack.push(i);
    levels.push(wanted);
  });
  return out;
}
