// Resolution documents for library tests: front matter, one block per preambular and operative
// text, no footnotes or annexes.
import { emptyFrontMatter, textBlock, type FrontMatter, type ResolutionDocument } from '../../src/shared/resolution/model.js';

/** A resolution (or draft) with these preambular and operative texts. */
export function libraryDoc(meta: Partial<FrontMatter>, pps: readonly string[], ops: readonly string[]): ResolutionDocument {
  return {
    meta: emptyFrontMatter({ kind: 'resolution', title: `Title of ${meta.symbol ?? ''}`, ...meta }),
    preambular: pps.map((t, i) => textBlock(`pp${i}`, t)),
    operative: ops.map((t, i) => textBlock(`op${i}`, t)),
    footnotes: [],
    annexes: [],
  };
}
