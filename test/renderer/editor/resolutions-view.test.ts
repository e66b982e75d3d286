// The editor shows a document of several resolutions as printed: each letter ("A", "B") as a
// heading, each resolution's own "The General Assembly," under it (not one formula above A), and
// operative paragraphs numbered from 1 in each resolution (A/C.5/80/L.17 as imported).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EditorView } from 'prosemirror-view';
import { createEditorState } from '../../../src/shared/editor/state.js';
import { viewProps } from '../../../src/renderer/editor/setup.js';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { toDoc } from '../../../src/shared/resolution/convert.js';
import { CORPUS } from '../../helpers/corpus.js';

describe('resolutions A and B in the editor', () => {
  it('each letter heads its own formula, and each resolution numbers its paragraphs from 1', () => {
    const file = path.join(CORPUS, 'drafts-80', 'txt', 'A_C.5_80_L.17.txt');
    const d = parseResolutionText(fs.readFileSync(file, 'utf8'), { fileName: 'A_C.5_80_L.17.txt' }).document;
    const place = document.createElement('div');
    document.body.append(place);
    const view = new EditorView(place, { ...viewProps, state: createEditorState(toDoc(d), { autoPunctuate: false }) });
    const letters = [...view.dom.querySelectorAll('h3.heading.resolution')];
    expect(letters.map((h) => h.getAttribute('data-num'))).toEqual(['A', 'B']);
    // One formula per resolution, right under its letter.
    const formulas = [...view.dom.querySelectorAll('p.formula')];
    expect(formulas.map((f) => f.textContent)).toEqual(['The General Assembly,', 'The General Assembly,']);
    for (let k = 0; k < 2; k++) expect(letters[k]!.nextElementSibling).toBe(formulas[k]);
    // The first numbered operative paragraph after each letter is "1.".
    const firstOpAfter = (h: Element): string | null => {
      for (let e = h.nextElementSibling; e; e = e.nextElementSibling) if (e.matches('p.op') && e.getAttribute('data-label')) return e.getAttribute('data-label');
      return null;
    };
    expect(letters.map(firstOpAfter)).toEqual(['1.', '1.']);
    view.destroy();
    place.remove();
  });
});
