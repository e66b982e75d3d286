// Random block trees with skipped levels (Block.skip), for tests: only the skips the flat editor
// document can hold.
import type { Block } from '../../src/shared/resolution/model.js';

/**
 * `blocks` with a skip kept only on the first block of a list (or one after a heading, or after a
 * sibling closed by its tail): elsewhere the editor's flat levels would make it the subparagraph
 * of the block before it, as the writer meant by indenting it.
 */
export function canonical(blocks: Block[]): Block[] {
  return blocks.map((b, i) => {
    const prev = blocks[i - 1];
    const { skip, ...rest } = b;
    const keep = skip && (!prev || prev.heading || prev.tail.length > 0);
    return { ...rest, ...(keep ? { skip } : {}), children: canonical(b.children) };
  });
}
