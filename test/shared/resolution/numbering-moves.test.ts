// Numbering with pending moves: a moved paragraph stands twice in the document (the struck ghost at
// its old place, the paragraph at its new one) but is counted once. Living paragraphs carry the
// numbers of the accepted export, each ghost the number it has in the base export (struck with its
// text in the editor); cross-references name the paragraph where it goes; the compilation prints
// the same labels as the editor.
import { describe, expect, it } from 'vitest';
import type { EditorState } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import { structureKey } from '../../../src/shared/editor/plugins/structure.js';
import { indent, moveParagraph, setNegotiationNumbering } from '../../../src/shared/editor/commands/index.js';
import { computeStructure, xrefText } from '../../../src/shared/resolution/structure.js';
import { fromDoc, toDoc } from '../../../src/shared/resolution/convert.js';
import { acceptedView } from '../../../src/shared/negotiation/views.js';
import { compilationHtml, compilationSummary } from '../../../src/shared/export/compilation.js';
import { create, run, select } from '../../helpers/negotiation-states.js';
import { doc, op, pp, xref } from '../../helpers/builders.js';
import { numberingAgreesWithViews } from '../../helpers/numbering.js';

function labels(s: EditorState): string[] {
  return structureKey.getState(s)!.structure.paras.map((p) => {
    const side = (p.node.attrs.proposal as { kind?: string } | null)?.kind;
    return `${p.label || p.designation}${side === 'move-from' ? '←' : side === 'move-to' ? '→' : ''}:${p.role}`;
  });
}

function threeOps(): EditorState {
  return create(
    doc(
      {},
      pp({ id: 'p1' }, 'Recalling its resolutions,'),
      op({ id: 'a' }, 'Requests a report;'),
      op({ id: 'b' }, 'Encourages States;'),
      op({ id: 'c' }, 'Decides to remain seized of the matter.', xref('a')),
    ),
  );
}

describe('numbering with pending moves', () => {
  it('plain numbering: the paragraphs between the old and the new place keep their accepted numbers', () => {
    let s = select(threeOps(), 'a', 'Requests', 'before');
    s = run(s, moveParagraph(1));
    s = run(s, moveParagraph(1));
    // Before the fix the ghost was counted: b was 2., c 3., a 4. (a number it has in neither text).
    expect(labels(s)).toEqual(['PP1:pp', '1.←:op', '1.:op', '2.:op', '3.→:op-last']);
    const st = structureKey.getState(s)!.structure;
    expect(st.operativeCount).toBe(3);
    // c refers to a: the reference names it where it goes, as the accepted text does.
    const c = st.byId.get('c')!;
    let at = 0;
    c.node.forEach((n, off) => {
      if (n.type.name === 'xref') at = c.pos + 1 + off;
    });
    expect(xrefText(['a'], at, st, 'en').text).toBe('paragraph 3 below');
    const accepted = computeStructure(toDoc(acceptedView(fromDoc(s.doc))), 'en');
    expect(accepted.byId.get('a')!.label).toBe('3.');
    expect(numberingAgreesWithViews(s.doc)).toBe('');
  });

  it('plain numbering: a subparagraph moved below its sibling is (b), its ghost keeps (a)', () => {
    let s = create(doc({}, op({ id: 'a' }, 'Decides:'), op({ id: 'a1', level: 1 }, 'first;'), op({ id: 'a2', level: 1 }, 'second;'), op({ id: 'b' }, 'Requests a report.')));
    s = run(select(s, 'a1', 'first', 'before'), moveParagraph(1));
    expect(labels(s)).toEqual(['1.:lead-in', '(a)←:sub', '(a):sub', '(b)→:op', '2.:op-last']);
    expect(numberingAgreesWithViews(s.doc)).toBe('');
  });

  it('a level change: the ghost keeps its number, the subparagraph it becomes is not counted among the operative paragraphs', () => {
    let s = threeOps();
    s = run(select(s, 'b', 'Encourages', 'before'), indent);
    expect(labels(s)).toEqual(['PP1:pp', '1.:lead-in', '(a)→:op', '2.←:op', '2.:op-last']);
    expect(structureKey.getState(s)!.structure.operativeCount).toBe(2);
    expect(numberingAgreesWithViews(s.doc)).toBe('');
  });

  it('negotiation numbering: the moved paragraph keeps its frozen number at both places, the others theirs', () => {
    let s = threeOps();
    s = run(s, setNegotiationNumbering(true));
    s = run(select(s, 'a', 'Requests', 'before'), moveParagraph(1));
    expect(labels(s)).toEqual(['PP1:pp', 'OP1←:op', 'OP2:op', 'OP1→:op', 'OP3:op-last']);
    expect(numberingAgreesWithViews(s.doc)).toBe('');
  });

  it('the compilation prints the editor labels: the ghost its base number, the others their accepted ones', () => {
    let s = select(threeOps(), 'a', 'Requests', 'before');
    s = run(s, moveParagraph(1));
    const html = compilationHtml(fromDoc(s.doc));
    const rows = [...html.matchAll(/<tr class="[^"]*" data-id="([^"]+)"><td class="margin">[\s\S]*?<\/td><td class="label">([^<]*)<\/td>/g)].map((m) => `${m[2]}`);
    const st = structureKey.getState(s)!.structure;
    expect(rows).toEqual(st.paras.map((p) => p.designation));
    expect(rows).toEqual(['PP1', 'OP1', 'OP1', 'OP2', 'OP3']);
    // Three operative paragraphs and a preambular one, the moved one counted once (it was 5).
    expect(compilationSummary(fromDoc(s.doc)).total).toBe(4);
  });

  it('a document without moves numbers as before (the second arrangement is not computed)', () => {
    const d: PMNode = doc({}, op({ id: 'x' }, 'Decides:'), op({ id: 'y', status: 'deleted' }, 'Requests.'), op({ id: 'z' }, 'Notes.'));
    const st = computeStructure(d, 'en');
    expect(st.paras.map((p) => p.designation)).toEqual(['OP1', 'OP–', 'OP2']);
    expect(st.movedTo.size).toBe(0);
  });
});
