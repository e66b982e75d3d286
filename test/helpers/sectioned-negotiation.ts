// A resolution in two parts under negotiation, for the negotiation-label and compilation tests.
import { emptyFrontMatter, textBlock, type Block, type ResolutionDocument } from '../../src/shared/resolution/model.js';

const at = '2026-12-07T10:00:00.000Z';

function heading(id: string, level: 1 | 2, num: string, title: string, restart = false): Block {
  return { ...textBlock(id, title), heading: restart ? { level, num, restart } : { level, num } };
}

/** Two parts, each numbered from 1 (part II restarts), frozen for negotiation. */
export function frozen(restart = true): ResolutionDocument {
  return {
    meta: emptyFrontMatter({ kind: 'resolution', symbol: 'A/C.5/80/L.99', session: '80', title: 'Questions relating to the budget' }),
    preambular: [{ ...textBlock('pp1', 'Recalling its previous resolutions,'), base: 1 }],
    operative: [
      heading('h1', 1, 'I', 'Umoja'),
      { ...textBlock('o1', 'Takes note of the report;'), base: 1 },
      { ...textBlock('o2', 'Requests the Secretary-General to report;'), base: 2 },
      heading('h2', 1, 'II', 'Capital investment planning', restart),
      heading('h3', 2, 'A', 'Regional offices'),
      { ...textBlock('o3', 'Approves the plan;'), base: restart ? 1 : 3 },
      { ...textBlock('o4', 'Decides to review the matter.'), base: restart ? 2 : 4 },
    ],
    footnotes: [],
    annexes: [],
  };
}

/** Inserts a new paragraph proposed by `by` after the block `after`. */
export function insertAfter(d: ResolutionDocument, after: string, id: string, text: string, by: string): ResolutionDocument {
  const operative = d.operative.flatMap((b) => (b.id === after ? [b, { ...textBlock(id, text), proposal: { id: `p-${id}`, by, at, kind: 'ins' as const } }] : [b]));
  return { ...d, operative };
}
