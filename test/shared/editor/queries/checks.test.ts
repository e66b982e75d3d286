// The checks panel's findings and their fixes.
import { describe, expect, it } from 'vitest';
import { createEditorState } from '../../../../src/shared/editor/state.js';
import { computeFindings, fixFinding } from '../../../../src/shared/editor/queries/checks.js';
import { doc, op, pp } from '../../../helpers/builders.js';

describe('computeFindings', () => {
  it('finds a wrong ending and a double space, fixes each, and finds nothing after', () => {
    let s = createEditorState(doc({}, pp({ id: 'a' }, 'Recalling its  resolution 78/1;'), op({ id: 'b' }, 'Requests the Secretary-General to report;'), op({ id: 'c' }, 'Decides to remain seized.')), {
      autoPunctuate: false,
    });
    const found = computeFindings(s);
    expect(found.map((f) => [f.designation, f.kind])).toEqual([
      ['PP1', 'punctuation'],
      ['PP1', 'text'],
    ]);
    for (const kind of ['text', 'punctuation'] as const) {
      const f = computeFindings(s).find((x) => x.kind === kind)!;
      s = s.apply(fixFinding(s, f)!);
    }
    expect(s.doc.child(0).textContent).toBe('Recalling its resolution 78/1,');
    expect(computeFindings(s)).toEqual([]);
    // Unchanged paragraphs are served from the cache and give the same answer.
    expect(computeFindings(s)).toEqual([]);
  });
});
