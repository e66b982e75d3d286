// Consecutive footnote marks ("conflict,10,11"): the comma between the marks is not text.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseResolutionText } from '../../../src/shared/import/text.js';
import { dropMarkSeparators } from '../../../src/shared/import/marks.js';
import { exportHtml } from '../../../src/shared/export/html.js';
import type { Inline } from '../../../src/shared/resolution/model.js';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');

describe('footnote mark separators', () => {
  it('drops only a comma standing between two marks', () => {
    const ins: Inline[] = [
      { t: 'text', text: 'conflict,' },
      { t: 'fn', id: 'fn1' },
      { t: 'text', text: ',' },
      { t: 'fn', id: 'fn2' },
      { t: 'text', text: ', and' },
      { t: 'fn', id: 'fn3' },
    ];
    expect(dropMarkSeparators(ins)).toEqual([ins[0], ins[1], ins[3], ins[4], ins[5]]);
    // A comma before the first mark or after the last one is text.
    const edge: Inline[] = [{ t: 'text', text: ',' }, { t: 'fn', id: 'fn1' }, { t: 'text', text: ',' }];
    expect(dropMarkSeparators(edge)).toEqual(edge);
  });

  it('A/RES/79/138 "conflict,10,11": no stray comma in the model, a superscript comma in HTML', () => {
    const text = fs.readFileSync(path.join(CORPUS, 'ga-en', 'A_RES_79_138.txt'), 'utf8');
    const doc = parseResolutionText(text, { fileName: 'A_RES_79_138.txt' }).document;
    const block = doc.preambular.find((b) => b.content.some((i) => i.t === 'text' && i.text.endsWith('in a single conflict,')))!;
    expect(block).toBeDefined();
    const at = block.content.findIndex((i) => i.t === 'text' && i.text.endsWith('in a single conflict,'));
    expect(block.content.slice(at + 1, at + 3).map((i) => i.t)).toEqual(['fn', 'fn']);
    const html = exportHtml(doc);
    expect(html).toMatch(/conflict,<sup><a [^>]*>10<\/a><\/sup><sup>,<a [^>]*>11<\/a><\/sup>/);
    expect(html).not.toMatch(/<\/sup>,<sup>/);
  });
});
